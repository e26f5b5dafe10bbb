/* cli_quiz.c - `climb quiz`: asks the ladder's questions on plain lines (stdin may
 * be a pipe), or takes them at once from --answers; records the attempt and prints
 * the placement, its reason and where to start (or JSON with --json). `--history`
 * lists every attempt, newest first. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Prints s made safe, wrapped at 78 columns, each line after `indent` spaces. */
static void print_wrapped(FILE *out, const char *s, int indent)
{
    char *safe = text_visible(s ? s : "", 1);
    if (!safe)
        return;
    text_span lines[64];
    size_t n = text_wrap(safe, 78 - indent, lines, 64);
    for (size_t i = 0; i < n && i < 64; i++)
        fprintf(out, "%*s%.*s\n", indent, "", (int)lines[i].len, safe + lines[i].start);
    free(safe);
}

/* One answer typed on a line: 1 2 3 or the words. 0 and *out, else -1. */
static int parse_line(char *line, quiz_answer *out)
{
    line[strcspn(line, "\r\n")] = '\0';
    char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t len = strlen(p);
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        p[--len] = '\0';
    static const char *const alias[ANSWER_COUNT][3] = {
        {"1", "no", "n"}, {"2", "once", "o"}, {"3", "regularly", "r"}};
    for (int a = 0; a < ANSWER_COUNT; a++)
        for (int k = 0; k < 3; k++)
            if (strcasecmp(p, alias[a][k]) == 0)
                return *out = (quiz_answer)a, 0;
    return -1;
}

/* Asks every question on `out`, reading answers from stdin. 0, or -1 at the end
 * of input (nothing is saved then). */
static int ask(const climb_ladder *l, FILE *out, quiz_answer *answers)
{
    char *line = NULL;
    size_t cap = 0;
    print_wrapped(out, l->quiz_intro, 0);
    for (size_t q = 0; q < l->n_questions; q++) {
        fprintf(out, "\nQuestion %zu of %zu\n", q + 1, l->n_questions);
        print_wrapped(out, l->questions[q].text, 2);
        for (;;) {
            fprintf(out, "  1) %s  2) %s  3) %s\n> ", quiz_answer_label(ANSWER_NO),
                    quiz_answer_label(ANSWER_ONCE), quiz_answer_label(ANSWER_REGULARLY));
            fflush(out);
            if (getline(&line, &cap, stdin) < 0) {
                free(line);
                fputc('\n', out);
                return -1;
            }
            if (parse_line(line, &answers[q]) == 0) {
                if (!isatty(STDIN_FILENO)) /* show what was read, as a terminal would */
                    fprintf(out, "%s\n", quiz_answer_label(answers[q]));
                break;
            }
            fprintf(out, "Please answer 1, 2 or 3 (no, once, regularly).\n");
        }
    }
    free(line);
    return 0;
}

static json_t *attempt_json(const quiz_attempt *at, int with_answers)
{
    char when[32];
    clock_format_utc(at->taken_at, when, sizeof when);
    json_t *o = json_object();
    json_object_set_new(o, "phase", json_integer(at->phase));
    json_object_set_new(o, "on_edge_of", at->on_edge_of ? json_integer(at->on_edge_of)
                                                        : json_null());
    json_object_set_new(o, "yes", json_integer(at->yes));
    json_object_set_new(o, "regularly", json_integer(at->regularly));
    json_object_set_new(o, "taken_at", json_string(when));
    if (with_answers)
        json_object_set_new(o, "answers", json_string(at->answers));
    return o;
}


static void print_result(const climb_ladder *l, const quiz_answer *answers,
                         const quiz_placement *p, const quiz_attempt *at)
{
    char line[256], reason[1024], when[32];
    quiz_describe(l, p->phase, p->on_edge_of, line, sizeof line);
    quiz_reason(l, answers, l->n_questions, p, reason, sizeof reason);
    clock_format_utc(at->taken_at, when, sizeof when);
    printf("Placement: %s\n", line);
    print_wrapped(stdout, p->band->label, 2);
    printf("Why:\n");
    print_wrapped(stdout, reason, 2);
    printf("Where to start:\n");
    print_wrapped(stdout, quiz_advice(l, p->phase), 2);
    printf("Saved at %s (every attempt is kept: climb quiz --history).\n", when);
}

static int record(app *a, const quiz_answer *answers, int json)
{
    quiz_placement p;
    quiz_attempt at;
    if (quiz_place(&a->ladder, answers, a->ladder.n_questions, &p)) {
        app_error("the ladder's placement bands do not cover these answers");
        return EXIT_USAGE;
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if ((rc = ops_quiz_take(&a->model, answers, a->ladder.n_questions, &p, &at)) != 0) {
        app_error("%s", ops_error(&a->model));
        return rc == OPS_INVALID ? EXIT_USAGE : EXIT_RUNTIME;
    }
    if (json)
        return cli_print_json(attempt_json(&at, 0));
    print_result(&a->ladder, answers, &p, &at);
    return EXIT_OK;
}

typedef struct {
    const climb_ladder *ladder;
    json_t *list;
    int count;
} history_ctx;

static int history_row(void *ctx, const quiz_attempt *at)
{
    history_ctx *h = ctx;
    h->count++;
    if (h->list)
        return json_array_append_new(h->list, attempt_json(at, 1)) ? -1 : 0;
    char when[32], line[256];
    clock_format_local_minute(at->taken_at, when, sizeof when);
    quiz_describe(h->ladder, at->phase, at->on_edge_of, line, sizeof line);
    printf("%s  %-44s  %s\n", when, line, at->answers);
    return 0;
}

static int history(app *a, int json)
{
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    history_ctx h = {&a->ladder, json ? json_array() : NULL, 0};
    if (ops_quiz_each(&a->model, history_row, &h)) {
        json_decref(h.list);
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    if (json)
        return cli_print_json(h.list);
    if (h.count == 0)
        printf("no quiz attempts yet (climb quiz takes it)\n");
    return EXIT_OK;
}

int cli_quiz(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("quiz");
    const char *list = NULL;
    int json = 0, show_history = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--history") == 0)
            show_history = 1;
        else if (strcmp(argv[i], "--answers") == 0 && i + 1 < argc && !list)
            list = argv[++i];
        else if (strncmp(argv[i], "--answers=", 10) == 0 && !list)
            list = argv[i] + 10;
        else
            return cli_usage_error(cmd, argv[i]);
    }
    if (show_history && list) {
        app_error("quiz: --history and --answers do not go together");
        return cli_usage_error(cmd, NULL);
    }
    if (show_history)
        return history(a, json);
    int rc = app_open_store(a); /* the ladder and database, before any question */
    if (rc != EXIT_OK)
        return rc;
    size_t n = a->ladder.n_questions;
    if (n == 0 || n > QUIZ_MAX_QUESTIONS) {
        app_error("the ladder has %zu quiz questions; climb handles 1 to %d", n,
                  QUIZ_MAX_QUESTIONS);
        return EXIT_USAGE;
    }
    quiz_answer answers[QUIZ_MAX_QUESTIONS];
    if (list) {
        char err[256];
        if (quiz_parse_answers(list, n, answers, err, sizeof err)) {
            app_error("quiz --answers: %s; nothing saved", err);
            return EXIT_USAGE;
        }
    } else if (ask(&a->ladder, json ? stderr : stdout, answers)) {
        app_error("quiz abandoned at the end of input; nothing saved");
        return EXIT_RUNTIME;
    }
    return record(a, answers, json);
}
