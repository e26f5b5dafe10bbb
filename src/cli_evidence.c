/* cli_evidence.c - `climb evidence add|list|edit|rm|check`: dated pieces of
 * evidence with links behind a criterion, from the shell; and the --date option
 * tick, set and note share. Changes go through ops_evidence.c. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/evidence_check.h"
#include "climb/json_values.h"
#include "climb/rules.h"
#include "climb/text.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int cli_parse_date(const char *s, long long *out)
{
    if (history_parse_date(s, 0, out) != 0) {
        app_error("not a date: '%s' (use YYYY-MM-DD)", s);
        return -1;
    }
    if (*out > clock_now()) {
        app_error("%s is in the future; evidence records what already happened", s);
        return -1;
    }
    const char *why = rules_check_time(*out, clock_now());
    if (why) {
        app_error("the date %s %s", s, why);
        return -1;
    }
    return 0;
}

/* Prints text with control characters made visible. */
static void put_visible(const char *s, int keep_newlines)
{
    char *safe = text_visible(s, keep_newlines);
    fputs(safe ? safe : "", stdout);
    free(safe);
}

typedef struct {
    const char *links[EVIDENCE_LINKS_MAX + 1];
    size_t n_links;
    int clear_links;
    const char *text, *date;
} entry_args;

/* --link URL (again and again), --no-links, --date DATE, --text TEXT. Returns the
 * index of the first argument it did not take, or -1 after a usage error. */
static int parse_entry_args(const cli_command *cmd, int argc, char **argv, int from,
                            entry_args *ea, const char **positional, int n_positional)
{
    int have = 0;
    for (int i = from; i < argc; i++) {
        if (strcmp(argv[i], "--link") == 0 && i + 1 < argc) {
            if (ea->n_links == EVIDENCE_LINKS_MAX) {
                app_error("an entry takes at most %d links", EVIDENCE_LINKS_MAX);
                return -1;
            }
            ea->links[ea->n_links++] = argv[++i];
        } else if (strcmp(argv[i], "--no-links") == 0) {
            ea->clear_links = 1;
        } else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
            ea->date = argv[++i];
        } else if (strcmp(argv[i], "--text") == 0 && i + 1 < argc) {
            ea->text = argv[++i];
        } else if ((argv[i][0] != '-' || strcmp(argv[i], "-") == 0) && have < n_positional) {
            positional[have++] = argv[i];
        } else {
            cli_usage_error(cmd, argv[i]);
            return -1;
        }
    }
    return have;
}

/* TEXT, or all of stdin for "-", checked by the one rule for evidence text. */
static char *entry_text(const char *arg)
{
    size_t len = strlen(arg);
    char *text = strcmp(arg, "-") == 0 ? cli_read_stdin(RULES_NOTE_MAX, &len) : strdup(arg);
    const char *why = text ? rules_check_evidence(text, len) : NULL;
    if (why) {
        app_error("the evidence %s; nothing was changed", why);
        free(text);
        return NULL;
    }
    return text;
}

static int report(app *a, int rc, const char *what)
{
    if (rc == 0)
        return EXIT_OK;
    app_error("%s: %s", what, ops_error(&a->model));
    return rc == OPS_INVALID || rc == OPS_NOT_FOUND ? EXIT_USAGE : EXIT_RUNTIME;
}

static int add(app *a, const cli_command *cmd, int argc, char **argv)
{
    entry_args ea;
    const char *pos[2] = {NULL, NULL};
    memset(&ea, 0, sizeof ea);
    int got = parse_entry_args(cmd, argc, argv, 2, &ea, pos, 2);
    if (got < 0) /* already said, with the usage */
        return EXIT_USAGE;
    if (ea.text || ea.clear_links) {
        app_error("evidence add: %s is for evidence edit (the text of a new entry is its "
                  "second word)", ea.text ? "--text" : "--no-links");
        return cli_usage_error(cmd, NULL);
    }
    if (got != 2)
        return cli_usage_error(cmd, NULL);
    ops_entry e = {NULL, ea.links, ea.n_links, 0};
    if (ea.date && cli_parse_date(ea.date, &e.happened_at))
        return EXIT_USAGE;
    char *text = entry_text(pos[1]);
    if (!text)
        return EXIT_USAGE;
    e.text = text;
    const char *why = ops_entry_problem(&e, clock_now());
    int rc = why ? (app_error("%s", why), EXIT_USAGE) : app_open(a, 1);
    size_t p, i;
    if (rc == EXIT_OK && cli_find_criterion(a, pos[0], &p, &i))
        rc = EXIT_USAGE;
    char entry[37];
    if (rc == EXIT_OK && (rc = report(a, ops_evidence_add(&a->model, p, i, &e, entry),
                                      "not added")) == EXIT_OK) {
        char date[16];
        const model_crit *c = model_crit_at(&a->model, p, i);
        clock_format_local_date(c->entries[c->n_entries - 1].happened_at, date, sizeof date);
        for (size_t k = 0; k < c->n_entries; k++)
            if (strcmp(c->entries[k].entry, entry) == 0)
                clock_format_local_date(c->entries[k].happened_at, date, sizeof date);
        printf("%s: evidence %.8s added (%s)\n", pos[0], entry, date);
    }
    free(text);
    return rc;
}

static int edit(app *a, const cli_command *cmd, int argc, char **argv)
{
    entry_args ea;
    const char *pos[1] = {NULL};
    memset(&ea, 0, sizeof ea);
    int got = parse_entry_args(cmd, argc, argv, 2, &ea, pos, 1);
    if (got < 0) /* already said, with the usage */
        return EXIT_USAGE;
    if (got != 1)
        return cli_usage_error(cmd, NULL);
    if (ea.clear_links && ea.n_links) {
        app_error("--no-links and --link do not go together");
        return EXIT_USAGE;
    }
    ops_entry e = {NULL, ea.n_links || ea.clear_links ? ea.links : NULL, ea.n_links, 0};
    if (ea.date && cli_parse_date(ea.date, &e.happened_at))
        return EXIT_USAGE;
    char *text = ea.text ? entry_text(ea.text) : NULL;
    if (ea.text && !text)
        return EXIT_USAGE;
    e.text = text;
    int changed = 0, rc = app_open(a, 1);
    if (rc == EXIT_OK &&
        (rc = report(a, ops_evidence_edit(&a->model, pos[0], &e, &changed), "not changed")) ==
            EXIT_OK)
        printf("evidence %s: %s\n", pos[0], changed ? "changed" : "already so, nothing changed");
    free(text);
    return rc;
}

static int rm(app *a, const cli_command *cmd, int argc, char **argv)
{
    if (argc != 3 || argv[2][0] == '-')
        return cli_usage_error(cmd, argc > 3 ? argv[3] : NULL);
    int rc = app_open(a, 1);
    if (rc == EXIT_OK &&
        (rc = report(a, ops_evidence_remove(&a->model, argv[2]), "not removed")) == EXIT_OK)
        printf("evidence %s: removed (u in the full-screen view, or its history, keeps it)\n",
               argv[2]);
    return rc;
}

/* One criterion's evidence, the note first, as text lines. */
static void list_text(const climb_ladder *l, size_t p, size_t i, const model_crit *c)
{
    char date[16];
    printf("%s  ", l->phases[p].criteria[i].id);
    put_visible(l->phases[p].criteria[i].text, 0);
    putchar('\n');
    if (c->note) {
        clock_format_local_date(c->note_at, date, sizeof date);
        printf("  %-8s  %s  ", "note", date);
        put_visible(c->note, 0);
        putchar('\n');
    }
    for (size_t k = 0; k < c->n_entries; k++) {
        const evidence_row *e = &c->entries[k];
        clock_format_local_date(e->happened_at, date, sizeof date);
        printf("  %.8s  %s  ", e->entry, date);
        put_visible(e->text, 0);
        for (size_t j = 0; j < e->n_links; j++) {
            fputs(j ? " " : "  <", stdout);
            put_visible(e->links[j], 0);
        }
        puts(e->n_links ? ">" : "");
    }
}

static json_t *entry_json(const char *crit, const char *id, const char *text,
                          char *const *links, size_t n_links, long long happened,
                          long long recorded)
{
    json_t *o = json_object(), *arr = json_array();
    for (size_t j = 0; j < n_links; j++)
        json_array_append_new(arr, json_string(links[j]));
    json_object_set_new(o, "criterion", json_string(crit));
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "text", json_string(text));
    json_object_set_new(o, "links", arr);
    json_object_set_new(o, "date", json_time_or_null(happened));
    json_object_set_new(o, "recorded_at", json_time_or_null(recorded));
    return o;
}

static int list(app *a, const cli_command *cmd, int argc, char **argv)
{
    const char *only = NULL;
    int json = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (argv[i][0] != '-' && !only)
            only = argv[i];
        else
            return cli_usage_error(cmd, argv[i]);
    }
    int rc = app_open(a, 1);
    size_t op = 0, oi = 0;
    if (rc != EXIT_OK)
        return rc;
    if (only && cli_find_criterion(a, only, &op, &oi))
        return EXIT_USAGE;
    const climb_ladder *l = &a->ladder;
    json_t *arr = json ? json_array() : NULL;
    int shown = 0;
    for (size_t p = 0; p < l->n_phases; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
            const model_crit *c = model_crit_at(&a->model, p, i);
            if ((only && (p != op || i != oi)) || (!only && !c->note && !c->n_entries))
                continue;
            shown++;
            const char *id = l->phases[p].criteria[i].id;
            if (!json) {
                list_text(l, p, i, c);
                continue;
            }
            if (c->note)
                json_array_append_new(arr, entry_json(id, "note", c->note, NULL, 0, c->note_at,
                                                      c->note_at));
            for (size_t k = 0; k < c->n_entries; k++) {
                const evidence_row *e = &c->entries[k];
                json_array_append_new(arr, entry_json(id, e->entry, e->text, e->links,
                                                      e->n_links, e->happened_at,
                                                      e->recorded_at));
            }
        }
    }
    if (json)
        return cli_print_json(arr);
    if (!shown)
        printf("no evidence yet: climb evidence add ID TEXT [--link URL] [--date DATE]\n");
    return EXIT_OK;
}

int cli_evidence(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("evidence");
    const char *sub = argc > 1 ? argv[1] : "list";
    if (strcmp(sub, "add") == 0)
        return add(a, cmd, argc, argv);
    if (strcmp(sub, "edit") == 0)
        return edit(a, cmd, argc, argv);
    if (strcmp(sub, "rm") == 0)
        return rm(a, cmd, argc, argv);
    if (strcmp(sub, "check") == 0)
        return cli_evidence_check(a, argc, argv);
    if (strcmp(sub, "list") == 0)
        return list(a, cmd, argc, argv);
    if (strcmp(sub, "help") == 0 || strcmp(sub, "--help") == 0) {
        fputs("usage: climb evidence add ID TEXT|- [--link URL]... [--date DATE]\n"
              "       climb evidence list [ID] [--json]\n"
              "       climb evidence edit ENTRY [--text TEXT] [--link URL]... [--no-links]\n"
              "                                 [--date DATE]\n"
              "       climb evidence rm ENTRY\n"
              "       climb evidence check [--json]\n"
              "Dated pieces of evidence with links behind a criterion. ENTRY is an entry's\n"
              "id or its first characters (climb evidence list shows them); DATE is\n"
              "YYYY-MM-DD, when the work happened, never in the future. check says how\n"
              "strong your case for the next level is, and what is weak about it.\n",
              stdout);
        return EXIT_OK;
    }
    app_error("evidence: unknown subcommand '%s' (add, list, edit, rm, check)", sub);
    return EXIT_USAGE;
}
