/* cli_profiles.c - `climb users` (every profile with its title, latest placement
 * and progress; --json for scripts; add, rename and rm in cli_users_edit.c) and `climb title [LEVEL]` (show or set the
 * title the person holds, which the quiz placement is compared with). */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/json_values.h"
#include "climb/ladder_text.h"
#include "climb/profiles.h"
#include "climb/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *level_name(const climb_ladder *l, const char *id)
{
    const climb_level *lv = id ? content_level(l, id) : NULL;
    return lv ? lv->name : id ? id : "-";
}

/* Prints s made safe and padded with spaces to `width` columns. */
static void print_cell(const char *s, int width)
{
    char *safe = text_visible(s, 0);
    const char *v = safe ? safe : "";
    int w = text_width(v);
    printf("%s%*s", v, width > w ? width - w : 0, "");
    free(safe);
}

static json_t *users_json(const climb_ladder *l, const profile_info *list, size_t n,
                          const char *current)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        const profile_info *p = &list[i];
        json_t *o = json_object(), *pl = json_null();
        char when[32];
        json_object_set_new(o, "name", json_string(p->name));
        json_object_set_new(o, "current", json_boolean(strcmp(p->name, current) == 0));
        json_object_set_new(o, "title", p->title ? json_string(p->title) : json_null());
        if (p->has_placement) {
            clock_format_utc(p->placement.taken_at, when, sizeof when);
            pl = json_object();
            json_object_set_new(pl, "phase", json_integer(p->placement.phase));
            json_object_set_new(pl, "on_edge_of", p->placement.on_edge_of
                                                      ? json_integer(p->placement.on_edge_of)
                                                      : json_null());
            json_object_set_new(pl, "taken_at", json_string(when));
        }
        json_object_set_new(o, "placement", pl);
        json_object_set_new(o, "done", json_integer(p->done));
        json_object_set_new(o, "applicable", json_integer(p->applicable));
        json_object_set_new(o, "progress_level",
                            p->progress_level >= 0
                                ? json_string(l->levels[p->progress_level].id)
                                : json_null());
        json_object_set_new(o, "progress_operating", json_boolean(p->progress_operating));
        json_array_append_new(arr, o);
    }
    return arr;
}

static void users_text(const climb_ladder *l, const profile_info *list, size_t n,
                       const char *current)
{
    int name_w = 4;
    for (size_t i = 0; i < n; i++) {
        char *v = text_visible(list[i].name, 0);
        int w = v ? text_width(v) : 0;
        name_w = w > name_w ? w : name_w;
        free(v);
    }
    printf("  ");
    print_cell("NAME", name_w + 2);
    printf("%-11s%-44s%s\n", "TITLE", "PLACEMENT", "PROGRESS");
    for (size_t i = 0; i < n; i++) {
        const profile_info *p = &list[i];
        char placed[128] = "-", date[16];
        if (p->has_placement) {
            const climb_phase *ph = content_phase(l, p->placement.phase);
            char edge[24] = "";
            if (p->placement.on_edge_of)
                snprintf(edge, sizeof edge, ", edge of %d", p->placement.on_edge_of);
            clock_format_local_date(p->placement.taken_at, date, sizeof date);
            snprintf(placed, sizeof placed, "Phase %d (%s)%s, %s", p->placement.phase,
                     level_name(l, ph ? ph->level : NULL), edge, date);
        }
        printf("%s ", strcmp(p->name, current) == 0 ? "*" : " ");
        print_cell(p->name, name_w + 2);
        print_cell(level_name(l, p->title), 11);
        print_cell(placed, 44);
        char reach[128];
        ladder_progress(l, p->progress_level, p->progress_operating, reach, sizeof reach);
        printf("%d/%d met, ticks reach %s\n", p->done, p->applicable, reach);
    }
    if (n == 0)
        printf("no profiles yet: climb creates yours (--user NAME) on first use\n");
}

int cli_users(app *a, int argc, char **argv)
{
    int json = 0;
    if (argc > 1 && (strcmp(argv[1], "add") == 0 || strcmp(argv[1], "rename") == 0 ||
                     strcmp(argv[1], "rm") == 0))
        return cli_users_edit(a, argc - 1, argv + 1);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage_error(cli_find("users"), argv[i]);
    }
    int rc = app_open_store(a);
    if (rc != EXIT_OK)
        return rc;
    profile_info *list;
    size_t n;
    if (ops_profiles_list(a->store, &a->ladder, &list, &n)) {
        app_error("%s", ops_db_error(a->store));
        return EXIT_RUNTIME;
    }
    if (json) {
        json_t *arr = users_json(&a->ladder, list, n, a->user);
        rc = json_dumpf_escaped(arr, stdout, JSON_INDENT(2)) || fputc('\n', stdout) == EOF;
        json_decref(arr);
        rc = rc ? EXIT_RUNTIME : EXIT_OK;
    } else {
        users_text(&a->ladder, list, n, a->user);
    }
    profiles_free(list, n);
    return rc;
}

static void level_list(const climb_ladder *l, char *buf, size_t len)
{
    buf[0] = '\0';
    for (size_t i = 0; i < l->n_levels; i++) {
        strncat(buf, i ? ", " : "", len - strlen(buf) - 1);
        strncat(buf, l->levels[i].id, len - strlen(buf) - 1);
    }
}

/* Prints the sentence saying title and placement differ, when they do. */
static void print_mismatch(app *a)
{
    quiz_attempt at;
    char sentence[512];
    if (model_placement(&a->model, &at) == 0 &&
        profiles_mismatch(&a->ladder, a->model.profile.title, &at, sentence, sizeof sentence))
        printf("%s\n", sentence);
}

int cli_title(app *a, int argc, char **argv)
{
    const char *want = NULL;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] != '-' && !want)
            want = argv[i];
        else
            return cli_usage_error(cli_find("title"), argv[i]);
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    const climb_ladder *l = &a->ladder;
    if (!want) {
        if (a->model.profile.title)
            printf("title: %s\n", level_name(l, a->model.profile.title));
        else
            printf("no title set (climb title LEVEL sets it)\n");
        print_mismatch(a);
        return EXIT_OK;
    }
    int level = profiles_find_level(l, want);
    if (level < 0) {
        char levels[256];
        level_list(l, levels, sizeof levels);
        app_error("unknown level '%s'; the levels are: %s", want, levels);
        return EXIT_USAGE;
    }
    int changed;
    if (ops_set_title(&a->model, l->levels[level].id, &changed)) {
        app_error("%s", ops_error(&a->model));
        return EXIT_RUNTIME;
    }
    printf(changed ? "title: %s\n" : "title: already %s, nothing changed\n",
           l->levels[level].name);
    print_mismatch(a);
    return EXIT_OK;
}
