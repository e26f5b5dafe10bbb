/* cli_complete.c - `climb __complete [--describe] -- WORD...`, the hidden helper the
 * shell completions call: it reads a command line the way main.c and the command
 * table in cli.c read it and prints the candidates for its last WORD, one a line
 * ("word<TAB>description" with --describe), or the single line ":files" when a
 * file name is wanted. Because the scripts ask the binary, commands, options and
 * ids can never drift from what climb accepts; values that need the ladder or the
 * database follow --ladder, --db and CLIMB_DB given on that line. */
#include "climb/cli.h"
#include "climb/event_kinds.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    app *a;
    const char *cur; /* the word being completed */
    int describe;
} offer_ctx;

/* Prints a description on the rest of the line: no control characters, at most
 * about 60 bytes, never cut inside a UTF-8 sequence. */
static void print_description(const char *d)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)d; *p; p++, n++) {
        if (n >= 60 && (*p & 0xC0) != 0x80) {
            fputs("...", stdout);
            break;
        }
        putchar(*p < 0x20 || *p == 0x7F ? ' ' : *p);
    }
}

static void offer(const offer_ctx *o, const char *word, const char *desc)
{
    if (strncmp(word, o->cur, strlen(o->cur)) != 0)
        return;
    fputs(word, stdout);
    if (o->describe && desc && *desc) {
        putchar('\t');
        print_description(desc);
    }
    putchar('\n');
}

static void offer_words(const offer_ctx *o, const char *const *words)
{
    for (; *words; words++)
        offer(o, *words, NULL);
}

static void offer_profiles(const offer_ctx *o)
{
    app *a = o->a;
    const char *path = app_db_path(a);
    if (!path || access(path, R_OK) != 0 || app_open_store(a) != EXIT_OK)
        return;
    profile_info *list;
    size_t n;
    if (ops_profiles_list(a->store, &a->ladder, &list, &n) != 0)
        return;
    for (size_t i = 0; i < n; i++)
        offer(o, list[i].name, list[i].title);
    profiles_free(list, n);
}

/* The candidates of one kind of value. */
static void offer_values(const offer_ctx *o, cli_value kind)
{
    static const char *const states[] = {"todo", "doing", "done", "n/a", NULL};
    static const char *const formats[] = {"json", "md", "html", "csv", NULL};
    static const char *const evidence_sub[] = {"add", "list", "edit", "rm", "check", NULL};
    static const char *const sync_sub[] = {"init", NULL};
    static const char *const onoff[] = {"on", "off", NULL};
    static const char *const shells[] = {"bash", "zsh", "fish", NULL};
    static const char *const users_sub[] = {"add", "rename", "rm", NULL};
    app *a = o->a;
    const climb_ladder *l = &a->ladder;
    int need_ladder = kind == CLI_ID || kind == CLI_LEVEL || kind == CLI_ROADBLOCK ||
                      kind == CLI_PHASE;
    if (need_ladder && !a->ladder_loaded && app_load_ladder(a) != EXIT_OK)
        return;
    switch (kind) {
    case CLI_FILE: printf(":files\n"); break;
    case CLI_STATE: offer_words(o, states); break;
    case CLI_FORMAT: offer_words(o, formats); break;
    case CLI_ONOFF: offer_words(o, onoff); break;
    case CLI_SHELL: offer_words(o, shells); break;
    case CLI_USERS_SUB: offer_words(o, users_sub); break;
    case CLI_EVIDENCE_SUB: offer_words(o, evidence_sub); break;
    case CLI_SYNC_SUB: offer_words(o, sync_sub); break;
    case CLI_PROFILE: offer_profiles(o); break;
    case CLI_KIND:
        for (int k = 0; k < EV_COUNT; k++)
            offer(o, event_kind_name((event_kind)k), NULL);
        break;
    case CLI_ID:
        for (size_t p = 0; p < l->n_phases; p++)
            for (size_t i = 0; i < l->phases[p].n_criteria; i++)
                offer(o, l->phases[p].criteria[i].id, l->phases[p].criteria[i].text);
        break;
    case CLI_LEVEL:
        for (size_t i = 0; i < l->n_levels; i++)
            offer(o, l->levels[i].id, l->levels[i].name);
        break;
    case CLI_ROADBLOCK:
        for (size_t i = 0; i < l->n_roadblocks; i++)
            offer(o, l->roadblocks[i].id, l->roadblocks[i].title);
        break;
    case CLI_PHASE:
        for (size_t p = 0; p < l->n_phases; p++) {
            char num[16];
            snprintf(num, sizeof num, "%d", l->phases[p].number);
            offer(o, num, l->phases[p].title);
        }
        break;
    case CLI_NONE:
    case CLI_TEXT: break;
    }
}

static void offer_options(const offer_ctx *o, const cli_option *opts)
{
    for (; opts->name; opts++)
        offer(o, opts->name, NULL);
}

/* The option a word names ("--db" or "--db=PATH"), or NULL. */
static const cli_option *find_option(const cli_option *opts, const char *w)
{
    size_t len = strcspn(w, "=");
    for (; opts->name; opts++)
        if (strlen(opts->name) == len && strncmp(opts->name, w, len) == 0)
            return opts;
    return NULL;
}

/* "~/x" as the shell would expand it (completion hands words over unexpanded). */
static const char *expand_home(const char *v)
{
    static char buf[4][4096];
    static int next;
    const char *home = getenv("HOME");
    if (strncmp(v, "~/", 2) != 0 || !home)
        return v;
    char *b = buf[next++ % 4];
    snprintf(b, sizeof buf[0], "%s%s", home, v + 1);
    return b;
}

/* Takes the values the completion itself needs: where the ladder and data are. */
static void apply_option(app *a, const cli_option *opt, const char *value)
{
    if (strcmp(opt->name, "--db") == 0)
        a->opt.db_path = expand_home(value);
    else if (strcmp(opt->name, "--ladder") == 0)
        a->opt.ladder_path = expand_home(value);
    else if (strcmp(opt->name, "--user") == 0)
        a->opt.user = value;
}

/* Walks the options of words[*i..last-1]. Returns the kind of value the last
 * word is, when it is an option's value, else CLI_NONE with *i on the first word
 * that is not an option (or on last). */
static cli_value walk_options(app *a, const cli_option *opts, char **w, int *i, int last,
                              int *positional, const char **first_arg)
{
    for (; *i < last; (*i)++) {
        const char *word = w[*i];
        if (word[0] != '-' || word[1] == '\0') {
            if (!positional)
                return CLI_NONE;
            if ((*positional)++ == 0)
                *first_arg = word;
            continue;
        }
        const cli_option *o = find_option(opts, word);
        if (!o || o->value == CLI_NONE)
            continue;
        if (strchr(word, '=')) {
            apply_option(a, o, strchr(word, '=') + 1);
        } else if (*i + 1 == last) {
            return o->value;
        } else {
            apply_option(a, o, w[*i + 1]);
            (*i)++;
        }
    }
    return CLI_NONE;
}

/* Completes words[0..n-1], words[0] the program and words[n-1] the partial word. */
static void complete(app *a, char **w, int n, int describe)
{
    offer_ctx o = {a, w[n - 1], describe};
    int last = n - 1, i = 1;
    cli_value v = walk_options(a, cli_global_options, w, &i, last, NULL, NULL);
    if (v != CLI_NONE) {
        offer_values(&o, v);
        return;
    }
    if (i == last) {
        if (o.cur[0] == '-') {
            offer_options(&o, cli_global_options);
            return;
        }
        for (const cli_command *c = cli_commands; c->name; c++)
            if (!c->hidden)
                offer(&o, c->name, c->summary);
        offer(&o, "help", "show the usage");
        return;
    }
    const cli_command *cmd = cli_find(w[i++]);
    if (!cmd || cmd->hidden)
        return;
    int pos = 0;
    const char *first = NULL;
    v = walk_options(a, cmd->options, w, &i, last, &pos, &first);
    if (v != CLI_NONE) {
        offer_values(&o, v);
    } else if (o.cur[0] == '-') {
        offer_options(&o, cmd->options);
        offer(&o, "--help", NULL);
    } else if (pos < CLI_MAX_ARGS) {
        int adding = cmd->args[0] == CLI_USERS_SUB && first && strcmp(first, "add") == 0;
        offer_values(&o, adding ? CLI_TEXT : cmd->args[pos]);
    }
}

int cli_complete(app *a, int argc, char **argv)
{
    int describe = 0, i = 1;
    if (i < argc && strcmp(argv[i], "--describe") == 0) {
        describe = 1;
        i++;
    }
    if (i >= argc || strcmp(argv[i], "--") != 0 || argc - i < 3)
        return cli_usage_error(cli_find("__complete"), i < argc ? argv[i] : NULL);
    complete(a, argv + i + 1, argc - i - 1, describe);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
