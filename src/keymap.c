/* keymap.c - lookups over the action and key tables of keymap.h. */
#include "climb/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    action act;
    int key;
    const char *name;
} key_binding;

static const key_binding BINDINGS[] = {
#define KEY_ROW(a, code, name) {ACT_##a, (code), (name)},
    CLIMB_KEYS(KEY_ROW)
#undef KEY_ROW
};

static const char *const HELP[ACT_COUNT] = {
    [ACT_NONE] = "",
#define HELP_ROW(name, help) [ACT_##name] = (help),
    CLIMB_ACTIONS(HELP_ROW)
#undef HELP_ROW
};

action keymap_action(int key, int is_char)
{
    for (size_t i = 0; i < sizeof BINDINGS / sizeof *BINDINGS; i++)
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
    for (size_t i = 0; i < sizeof BINDINGS / sizeof *BINDINGS; i++) {
        if (BINDINGS[i].act != a || !BINDINGS[i].name)
            continue;
        int n = snprintf(buf + used, len - used, "%s%s", used ? " " : "", BINDINGS[i].name);
        if (n < 0 || (size_t)n >= len - used)
            break;
        used += (size_t)n;
    }
}
