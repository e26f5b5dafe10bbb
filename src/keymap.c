/* keymap.c - lookups over the action and key tables of keymap.h. The bindings
 * start as CLIMB_KEYS and the config file (bind main KEY ACTION) may change them
 * before the TUI starts; dispatch, help, the key line and `climb keys` all read
 * the one table, so they show what is bound. */
#include "climb/keymap.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    action act;
    int key;
    const char *name;
} key_binding;

static const key_binding DEFAULTS[] = {
#define KEY_ROW(a, code, name) {ACT_##a, (code), (name)},
    CLIMB_KEYS(KEY_ROW)
#undef KEY_ROW
};

enum { N_DEFAULTS = sizeof DEFAULTS / sizeof *DEFAULTS, MAX_BINDINGS = N_DEFAULTS + 64 };

/* The bindings in force: the defaults, then any the config file changed. Names
 * of added keys live in `names`, a slot each, never reused (rows move). */
static key_binding BINDINGS[MAX_BINDINGS];
static size_t n_bindings, n_names;
static char names[MAX_BINDINGS][24];

static void init_bindings(void)
{
    if (n_bindings)
        return;
    memcpy(BINDINGS, DEFAULTS, sizeof DEFAULTS);
    n_bindings = N_DEFAULTS;
}

static const char *const ACTION_NAMES[ACT_COUNT] = {
    [ACT_NONE] = "none",
#define NAME_ROW(name, help) [ACT_##name] = #name,
    CLIMB_ACTIONS(NAME_ROW)
#undef NAME_ROW
};

static const char *const HELP[ACT_COUNT] = {
    [ACT_NONE] = "",
#define HELP_ROW(name, help) [ACT_##name] = (help),
    CLIMB_ACTIONS(HELP_ROW)
#undef HELP_ROW
};

action keymap_action(int key, int is_char)
{
    init_bindings();
    for (size_t i = 0; i < n_bindings; i++)
        if (BINDINGS[i].key == key && (BINDINGS[i].key >= KEY_MIN) != is_char)
            return BINDINGS[i].act;
    return ACT_NONE;
}

const char *keymap_help(action a)
{
    return (unsigned)a < ACT_COUNT ? HELP[a] : "";
}

void keymap_keys(action a, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    init_bindings();
    for (size_t i = 0; i < n_bindings; i++) {
        if (BINDINGS[i].act != a || !BINDINGS[i].name)
            continue;
        int n = snprintf(buf + used, len - used, "%s%s", used ? " " : "", BINDINGS[i].name);
        if (n < 0 || (size_t)n >= len - used)
            break;
        used += (size_t)n;
    }
}

/* Config names are the action names in lower case with dashes: "page-down". */
void keymap_action_name(action a, char *buf, size_t len)
{
    const char *n = (unsigned)a < ACT_COUNT ? ACTION_NAMES[a] : "none";
    size_t i = 0;
    for (; n[i] && i + 1 < len; i++)
        buf[i] = n[i] == '_' ? '-' : (char)tolower((unsigned char)n[i]);
    buf[i] = '\0';
}

int keymap_action_named(const char *name, action *out)
{
    for (int a = 0; a < ACT_COUNT; a++) {
        char n[32];
        keymap_action_name((action)a, n, sizeof n);
        if (strcasecmp(n, name) == 0) {
            *out = (action)a;
            return 0;
        }
    }
    return -1;
}

typedef struct {
    const char *name;
    int code;
} named_key;

static const named_key NAMED[] = {
    {"Up", KEY_UP},        {"Down", KEY_DOWN},   {"Left", KEY_LEFT},     {"Right", KEY_RIGHT},
    {"PgUp", KEY_PPAGE},   {"PgDn", KEY_NPAGE},  {"Home", KEY_HOME},     {"End", KEY_END},
    {"Shift-Tab", KEY_BTAB}, {"BTab", KEY_BTAB}, {"Backspace", KEY_BACKSPACE},
    {"Del", KEY_DC},       {"Insert", KEY_IC},
};

static const named_key NAMED_CHARS[] = {
    {"Space", ' '}, {"Enter", '\n'}, {"Tab", '\t'}, {"Esc", 27},
};

int keymap_parse_key(const char *s, int *code, int *is_char, char *display, size_t len)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof NAMED / sizeof *NAMED; i++)
        if (strcasecmp(s, NAMED[i].name) == 0) {
            *code = NAMED[i].code, *is_char = 0;
            snprintf(display, len, "%s", NAMED[i].name);
            return 0;
        }
    for (size_t i = 0; i < sizeof NAMED_CHARS / sizeof *NAMED_CHARS; i++)
        if (strcasecmp(s, NAMED_CHARS[i].name) == 0) {
            *code = NAMED_CHARS[i].code, *is_char = 1;
            snprintf(display, len, "%s", NAMED_CHARS[i].name);
            return 0;
        }
    if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 && isdigit((unsigned char)s[1]) &&
        (n == 2 || isdigit((unsigned char)s[2])) && atoi(s + 1) >= 1 && atoi(s + 1) <= 12) {
        *code = KEY_F(atoi(s + 1)), *is_char = 0;
        snprintf(display, len, "F%d", atoi(s + 1));
        return 0;
    }
    if ((strncasecmp(s, "Ctrl-", 5) == 0 || strncasecmp(s, "C-", 2) == 0) &&
        isalpha((unsigned char)s[n - 1]) && (n == 6 || n == 3)) {
        *code = toupper((unsigned char)s[n - 1]) - '@', *is_char = 1;
        snprintf(display, len, "Ctrl-%c", toupper((unsigned char)s[n - 1]));
        return 0;
    }
    if (n == 1 && (unsigned char)s[0] > ' ' && (unsigned char)s[0] < 0x7F) {
        *code = (unsigned char)s[0], *is_char = 1;
        snprintf(display, len, "%s", s);
        return 0;
    }
    return -1;
}

int keymap_bind(int code, int is_char, const char *display, action a)
{
    init_bindings();
    size_t k = 0;
    for (size_t i = 0; i < n_bindings; i++) /* the key leaves whatever it did */
        if (!(BINDINGS[i].key == code && (BINDINGS[i].key >= KEY_MIN) != is_char))
            BINDINGS[k++] = BINDINGS[i];
    n_bindings = k;
    if (a == ACT_NONE)
        return 0;
    if (n_bindings >= MAX_BINDINGS || n_names >= MAX_BINDINGS)
        return -1;
    snprintf(names[n_names], sizeof names[0], "%s", display);
    BINDINGS[n_bindings].act = a;
    BINDINGS[n_bindings].key = code;
    BINDINGS[n_bindings].name = names[n_names++];
    n_bindings++;
    return 0;
}

void keymap_reset(void)
{
    n_bindings = n_names = 0;
    init_bindings();
}

int keymap_binding(size_t i, action *a, const char **name)
{
    init_bindings();
    if (i >= n_bindings)
        return -1;
    *a = BINDINGS[i].act;
    *name = BINDINGS[i].name;
    return 0;
}
