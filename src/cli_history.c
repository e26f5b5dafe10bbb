/* cli_history.c - `climb history [--json] [--all] [--since DATE] [--until DATE]
 * [--kind KIND]`: the profile's events newest first, as lines for people (read
 * as the history view's timeline: an undo with what it wrote back is one line,
 * internal events only with --all or --kind) or as a JSON array of every event
 * as stored, streamed one at a time (jansson), so a long history never sits in
 * memory. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/history.h"
#include "climb/history_text.h"
#include "climb/text.h"
#include "climb/json_values.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    app *a;
    FILE *out;
    size_t count;
    int all;            /* --all: internal events too */
    int have_undo;      /* an undo waits for the reverse event it wrote (next, older) */
    hist_event undo;
} print_ctx;

static int print_json(void *ctx, const hist_event *e)
{
    print_ctx *pc = ctx;
    char at[32], what[32], about[1024];
    clock_format_utc(e->at, at, sizeof at);
    history_text_what(e, what, sizeof what);
    history_text_about(&pc->a->ladder, e, about, sizeof about);
    json_t *o = json_object();
    json_object_set_new(o, "at", json_string(at));
    json_object_set_new(o, "uuid", json_string(e->uuid));
    json_object_set_new(o, "kind", json_string(e->kind));
    json_object_set_new(o, "item", json_str_or_null(e->item));
    json_object_set_new(o, "value", json_str_or_null(e->value));
    json_object_set_new(o, "previous", json_str_or_null(e->previous));
    json_object_set_new(o, "detail", json_str_or_null(e->detail));
    json_object_set_new(o, "what", json_string(what));
    json_object_set_new(o, "text", json_string(about));
    fputs(pc->count++ ? ",\n  " : "\n  ", pc->out);
    int rc = json_dumpf_escaped(o, pc->out, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(o);
    return rc ? -1 : 0;
}

/* One line for people; an undo reads "undid  ticked: CRITERION", as in the TUI. */
static void put_line(print_ctx *pc, const hist_event *e)
{
    char at[32], what[32], about[1024];
    clock_format_local_minute(e->at, at, sizeof at);
    if (strcmp(e->kind, "undo") == 0) {
        snprintf(what, sizeof what, "undid");
        history_text_undid(&pc->a->ladder, e, about, sizeof about);
    } else {
        history_text_what(e, what, sizeof what);
        history_text_about(&pc->a->ladder, e, about, sizeof about);
    }
    char *safe = text_visible(about, 0);
    fprintf(pc->out, "%s  %-13s %s\n", at, what, safe ? safe : "");
    free(safe);
    pc->count++;
}

/* The undo held back, if any, goes out as its line. */
static void flush_undo(print_ctx *pc)
{
    if (!pc->have_undo)
        return;
    put_line(pc, &pc->undo);
    history_event_free(&pc->undo);
    pc->have_undo = 0;
}

/* The listing reads as the history view's timeline does: an undo and the reverse
 * event it wrote are one line, and internal events (settings) are left out
 * unless --all. The undo comes first (newest first), so it is held until the
 * next event shows whether that is its reverse. */
static int print_line(void *ctx, const hist_event *e)
{
    print_ctx *pc = ctx;
    if (pc->have_undo && history_row_folds(&pc->undo, e)) {
        flush_undo(pc); /* e is the reverse event: told by the undo's line */
        return 0;
    }
    flush_undo(pc);
    if (!pc->all && history_row_internal(e))
        return 0;
    if (strcmp(e->kind, "undo") == 0) {
        if (history_event_copy(&pc->undo, e) != 0) /* GCOVR_EXCL_LINE: out of memory */
            return -1; /* GCOVR_EXCL_LINE: as above */
        pc->have_undo = 1;
        return 0;
    }
    put_line(pc, e);
    return 0;
}

/* Reads the value of an option that takes one. */
static int option_date(const cli_command *cmd, int argc, char **argv, int *i, int end_of_day,
                       long long *out)
{
    if (*i + 1 >= argc)
        return cli_usage_error(cmd, argv[*i]);
    const char *v = argv[++*i];
    if (history_parse_date(v, end_of_day, out)) {
        app_error("%s: '%s' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time)", argv[*i - 1], v);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

int cli_history(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("history");
    hist_filter f;
    history_filter_init(&f);
    int json = 0, all = 0, rc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (strcmp(argv[i], "--all") == 0) {
            all = 1;
        } else if (strcmp(argv[i], "--since") == 0) {
            if ((rc = option_date(cmd, argc, argv, &i, 0, &f.since)) != EXIT_OK)
                return rc;
        } else if (strcmp(argv[i], "--until") == 0) {
            if ((rc = option_date(cmd, argc, argv, &i, 1, &f.until)) != EXIT_OK)
                return rc;
        } else if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc) {
            f.kind = argv[++i];
            if (!history_kind_known(f.kind)) {
                app_error("--kind: unknown kind '%s' (state, note, quiz, title, roadblock,"
                          " undo, profile, rename, setting)", f.kind);
                return EXIT_USAGE;
            }
        } else {
            return cli_usage_error(cmd, argv[i]);
        }
    }
    if ((rc = app_open(a, 1)) != EXIT_OK)
        return rc;
    print_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.a = a, pc.out = stdout, pc.all = all || f.kind != NULL;
    if (json)
        fputs("[", stdout);
    rc = ops_history_each(&a->model, &f, json ? print_json : print_line, &pc);
    if (rc == 0)
        flush_undo(&pc);
    history_event_free(&pc.undo);
    if (json)
        fputs(pc.count ? "\n]\n" : "]\n", stdout);
    if (rc) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    if (!json && pc.count == 0)
        printf("no events\n");
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
