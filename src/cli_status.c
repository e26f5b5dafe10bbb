/* cli_status.c - `climb status`: progress as text for people and as JSON (jansson)
 * for scripts. The JSON shape is documented in the README and kept stable. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/profiles.h"
#include "climb/roadblocks.h"
#include "climb/target_pace.h"
#include "climb/text.h"
#include "climb/json_values.h"
#include "climb/ladder_text.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *criterion_json(const climb_model *m, const climb_criterion *c,
                              const model_crit *mc)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(c->id));
    json_object_set_new(o, "text", json_string(c->text));
    json_object_set_new(o, "state", json_string(crit_state_name(mc->state)));
    json_object_set_new(o, "done_at", json_time_or_null(mc->state == STATE_DONE ? mc->done_at : 0));
    json_object_set_new(o, "note", json_str_or_null(mc->note));
    json_object_set_new(o, "note_at", json_time_or_null(mc->note ? mc->note_at : 0));
    json_object_set_new(o, "reason", json_str_or_null(mc->state == STATE_NA ? mc->reason : NULL));
    json_object_set_new(o, "stale", json_boolean(model_is_stale(m, mc, clock_now())));
    if (mc->state == STATE_DONE && mc->text_at_done && strcmp(mc->text_at_done, c->text) != 0)
        json_object_set_new(o, "text_when_done", json_string(mc->text_at_done));
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
        json_array_append_new(list,
                              criterion_json(m, &ph->criteria[i], model_crit_at(m, p, i)));
    json_object_set_new(o, "criteria", list);
    json_t *retired = json_array();
    for (size_t r = 0; r < m->n_retired; r++) {
        if (m->retired[r].phase != ph->number)
            continue;
        climb_criterion gone = {m->retired[r].id, m->retired[r].text, NULL};
        json_array_append_new(retired, criterion_json(m, &gone, &m->retired[r].c));
    }
    json_object_set_new(o, "retired", retired);
    return o;
}

static int roadblock_in_ladder(const climb_ladder *l, const char *id)
{
    for (size_t i = 0; i < l->n_roadblocks; i++)
        if (strcmp(l->roadblocks[i].id, id) == 0)
            return 1;
    return 0;
}

/* The roadblocks the person flagged, in ladder order, then any no longer in the
 * ladder (title null). NULL when they cannot be read. */
static json_t *roadblocks_json(app *a)
{
    const roadblock_flags *fl = &a->model.flags;
    json_t *list = json_array();
    const climb_ladder *l = &a->ladder;
    for (size_t i = 0; i < l->n_roadblocks + fl->n; i++) {
        const char *id = i < l->n_roadblocks ? l->roadblocks[i].id
                                             : fl->items[i - l->n_roadblocks].roadblock_id;
        const char *title = i < l->n_roadblocks ? l->roadblocks[i].title : NULL;
        long long at = roadblocks_flagged_at(fl, id);
        if (!at || (!title && roadblock_in_ladder(l, id)))
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "title", json_str_or_null(title));
        json_object_set_new(o, "flagged_at", json_time_or_null(at));
        json_array_append_new(list, o);
    }
    return list;
}

/* The latest quiz placement, or null before any attempt. */
static json_t *placement_json(app *a)
{
    quiz_attempt at;
    if (model_placement(&a->model, &at) != 0)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "phase", json_integer(at.phase));
    json_object_set_new(o, "on_edge_of", at.on_edge_of ? json_integer(at.on_edge_of) : json_null());
    json_object_set_new(o, "taken_at", json_time_or_null(at.taken_at));
    return o;
}

/* The target and whether the pace reaches it, or null. */
static json_t *target_json(const climb_model *m)
{
    target_pace tp;
    target_pace_compute(m, clock_now(), &tp);
    if (tp.kind == PACE_NONE)
        return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "level", json_string(m->profile.target_level));
    json_object_set_new(o, "date", json_time_or_null(m->profile.target_at));
    json_object_set_new(o, "pace", json_string(target_pace_key(tp.kind)));
    json_object_set_new(o, "remaining", json_integer(tp.remaining));
    json_object_set_new(o, "forecast", json_time_or_null(tp.forecast));
    json_object_set_new(o, "months_behind", json_integer(tp.months));
    json_object_set_new(o, "sentence", json_string(tp.sentence));
    return o;
}

int cli_status_json(app *a, FILE *out)
{
    const climb_model *m = &a->model;
    json_t *root = json_object(), *profile = json_object(), *phases = json_array();
    int level = model_progress_level(m);
    json_object_set_new(profile, "name", json_string(m->profile.name));
    json_object_set_new(profile, "created_at", json_time_or_null(m->profile.created_at));
    json_object_set_new(profile, "stale_months", json_integer(m->stale_months));
    json_object_set_new(profile, "display_name", json_str_or_null(m->profile.display_name));
    json_object_set_new(root, "profile", profile);
    json_object_set_new(root, "ladder", json_string(a->ladder.id));
    json_object_set_new(root, "title", json_str_or_null(m->profile.title));
    json_object_set_new(root, "placement", placement_json(a));
    json_object_set_new(root, "target", target_json(m));
    json_object_set_new(root, "progress_level",
                        level >= 0 ? json_string(a->ladder.levels[level].id) : json_null());
    json_object_set_new(root, "progress_operating", json_boolean(model_progress_operating(m)));
    for (size_t p = 0; p < a->ladder.n_phases; p++)
        json_array_append_new(phases, phase_json(m, p));
    json_object_set_new(root, "phases", phases);
    json_t *roadblocks = roadblocks_json(a);
    if (!roadblocks) {
        json_decref(root);
        return EXIT_RUNTIME;
    }
    json_object_set_new(root, "roadblocks", roadblocks);
    int rc = json_dumpf_escaped(root, out, JSON_INDENT(2)) || fputc('\n', out) == EOF;
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

/* Title and quiz placement, and the sentence when they differ. */
static void status_title_lines(app *a, FILE *out)
{
    const climb_ladder *l = &a->ladder;
    const climb_level *lv = a->model.profile.title ? content_level(l, a->model.profile.title)
                                                   : NULL;
    quiz_attempt at;
    char placed[256], sentence[512];
    int has = model_placement(&a->model, &at) == 0;
    fprintf(out, "title: %s\n", lv ? lv->name : "not set (climb title LEVEL)");
    if (has)
        quiz_describe(l, at.phase, at.on_edge_of, placed, sizeof placed);
    fprintf(out, "quiz placement: %s\n", has ? placed : "none yet (climb quiz)");
    if (has && profiles_mismatch(l, a->model.profile.title, &at, sentence, sizeof sentence))
        fprintf(out, "%s\n", sentence);
}

static void status_text(app *a, FILE *out)
{
    const climb_model *m = &a->model;
    const climb_ladder *l = &a->ladder;
    char reach[128];
    ladder_progress(l, model_progress_level(m), model_progress_operating(m), reach, sizeof reach);
    fputs("profile: ", out);
    print_safe(out, m->profile.name);
    fprintf(out, "\nprogress reaches: %s\n", reach);
    status_title_lines(a, out);
    target_pace tp;
    target_pace_compute(m, clock_now(), &tp);
    if (tp.kind != PACE_NONE)
        fprintf(out, "%s\n", tp.sentence);
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
            if (c->state == STATE_NA && c->reason) {
                fputs("      not applicable: ", out);
                print_safe(out, c->reason);
                fputc('\n', out);
            }
            if (c->note) {
                fputs("      note: ", out);
                print_safe(out, c->note);
                fputc('\n', out);
            }
            if (c->n_entries) {
                char newest[16];
                clock_format_local_date(c->entries[c->n_entries - 1].happened_at, newest,
                                        sizeof newest);
                fprintf(out, "      evidence: %zu entr%s, newest %s (climb evidence list %s)\n",
                        c->n_entries, c->n_entries == 1 ? "y" : "ies", newest,
                        l->phases[p].criteria[i].id);
            }
            if (model_is_stale(m, c, clock_now()))
                fprintf(out, "      stale: evidence older than %d months\n", m->stale_months);
        }
    }
}

int cli_status(app *a, int argc, char **argv)
{
    int json = 0, line = 0;
    const char *format = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else if (strcmp(argv[i], "--line") == 0)
            line = 1;
        else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else
            return cli_usage_error(cli_find("status"), argv[i]);
    }
    if ((format && !line) || (json && line))
        return cli_usage_error(cli_find("status"), NULL);
    if (line)
        return cli_status_line(a, format);
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    if (json)
        return cli_status_json(a, stdout);
    status_text(a, stdout);
    return EXIT_OK;
}
