/* cli_status.c - `climb status`: progress as text for people and as JSON (jansson)
 * for scripts. The JSON shape is documented in the README and kept stable. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/text.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *time_or_null(long long t)
{
    char buf[32];
    if (!t)
        return json_null();
    clock_format_utc(t, buf, sizeof buf);
    return json_string(buf);
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *criterion_json(const climb_criterion *c, const model_crit *mc)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(c->id));
    json_object_set_new(o, "text", json_string(c->text));
    json_object_set_new(o, "state", json_string(store_state_name(mc->state)));
    json_object_set_new(o, "done_at", time_or_null(mc->state == STATE_DONE ? mc->done_at : 0));
    json_object_set_new(o, "note", str_or_null(mc->note));
    json_object_set_new(o, "note_at", time_or_null(mc->note ? mc->note_at : 0));
    return o;
}

static json_t *phase_json(const climb_model *m, size_t p)
{
    const climb_phase *ph = &m->ladder->phases[p];
    int done, total;
    model_phase_counts(m, p, &done, &total);
    json_t *o = json_object(), *list = json_array();
    json_object_set_new(o, "id", json_string(ph->id));
    json_object_set_new(o, "number", json_integer(ph->number));
    json_object_set_new(o, "title", json_string(ph->title));
    json_object_set_new(o, "level", json_string(ph->level));
    json_object_set_new(o, "done", json_integer(done));
    json_object_set_new(o, "total", json_integer(total));
    for (size_t i = 0; i < ph->n_criteria; i++)
        json_array_append_new(list, criterion_json(&ph->criteria[i], model_crit_at(m, p, i)));
    json_object_set_new(o, "criteria", list);
    return o;
}

int cli_status_json(app *a, FILE *out)
{
    const climb_model *m = &a->model;
    json_t *root = json_object(), *profile = json_object(), *phases = json_array();
    int level = model_progress_level(m);
    json_object_set_new(profile, "name", json_string(m->profile.name));
    json_object_set_new(profile, "created_at", time_or_null(m->profile.created_at));
    json_object_set_new(root, "profile", profile);
    json_object_set_new(root, "ladder", json_string(a->ladder.id));
    json_object_set_new(root, "title", str_or_null(m->profile.title));
    json_object_set_new(root, "progress_level",
                        level >= 0 ? json_string(a->ladder.levels[level].id) : json_null());
    for (size_t p = 0; p < a->ladder.n_phases; p++)
        json_array_append_new(phases, phase_json(m, p));
    json_object_set_new(root, "phases", phases);
    int rc = json_dumpf(root, out, JSON_INDENT(2)) || fputc('\n', out) == EOF;
    json_decref(root);
    return rc ? EXIT_RUNTIME : EXIT_OK;
}

/* Prints s with control characters made visible. */
static void print_safe(FILE *out, const char *s)
{
    char *v = text_visible(s, 0);
    fputs(v ? v : "", out);
    free(v);
}

static void status_text(app *a, FILE *out)
{
    const climb_model *m = &a->model;
    const climb_ladder *l = &a->ladder;
    int level = model_progress_level(m);
    fputs("profile: ", out);
    print_safe(out, m->profile.name);
    fprintf(out, "\nprogress reaches: %s\n", level >= 0 ? l->levels[level].name : "?");
    for (size_t p = 0; p < l->n_phases; p++) {
        int done, total;
        model_phase_counts(m, p, &done, &total);
        fprintf(out, "\nPhase %d · %s  %d/%d\n", l->phases[p].number, l->phases[p].title, done,
                total);
        for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
            const model_crit *c = model_crit_at(m, p, i);
            static const char marks[] = {' ', '~', 'x', '-'};
            char date[16] = "";
            if (c->state == STATE_DONE)
                clock_format_local_date(c->done_at, date, sizeof date);
            fprintf(out, "  [%c] %-28s %s%s%s\n", marks[c->state], l->phases[p].criteria[i].id,
                    l->phases[p].criteria[i].text, *date ? "  " : "", date);
            if (c->note) {
                fputs("      note: ", out);
                print_safe(out, c->note);
                fputc('\n', out);
            }
        }
    }
}

int cli_status(app *a, int argc, char **argv)
{
    int json = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage_error(cli_find("status"), argv[i]);
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if (json)
        return cli_status_json(a, stdout);
    status_text(a, stdout);
    return EXIT_OK;
}
