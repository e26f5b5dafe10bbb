/* profiles.c - profile management over the store: the list with title, placement
 * and progress, create, rename, delete, the title and the quiz-offered flag. Each
 * change runs in one BEGIN IMMEDIATE transaction with its event. */
#include "climb/profiles.h"
#include "climb/clock.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The id of the profile named `name`: 0 and *id, PROFILE_NOT_FOUND, or -1. */
static int profile_id_of(climb_store *st, const char *name, long long *id)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st), "SELECT id FROM profiles WHERE name = ?1", -1, &s,
                           NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s), result = PROFILE_NOT_FOUND;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        result = 0;
    } else if (rc != SQLITE_DONE) {
        result = store_db_fail(st, "database error");
    }
    sqlite3_finalize(s);
    return result;
}

/* Runs a statement with text ?1 and ?2 (either may be NULL) and integer ?3;
 * returns the number of rows changed, or -1. */
static int exec_change(climb_store *st, const char *sql, const char *a, const char *b,
                       long long c)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    if (a)
        sqlite3_bind_text(s, 1, a, -1, SQLITE_TRANSIENT);
    if (b)
        sqlite3_bind_text(s, 2, b, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, c);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return store_fail(st, "cannot save the profile: %s", sqlite3_errmsg(store_db(st)));
    return sqlite3_changes(store_db(st));
}

static int collect_names(climb_store *st, char ***names, size_t *n)
{
    sqlite3_stmt *s;
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT name FROM profiles ORDER BY name COLLATE NOCASE, name", -1,
                           &s, NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            char **grown = realloc(*names, cap * sizeof *grown);
            if (!grown)
                break;
            *names = grown;
        }
        if (!((*names)[*n] = strdup((const char *)sqlite3_column_text(s, 0))))
            break;
        (*n)++;
    }
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return 0;
    for (size_t i = 0; i < *n; i++)
        free((*names)[i]);
    free(*names);
    *names = NULL;
    *n = 0;
    return rc == SQLITE_ROW ? store_fail(st, "out of memory") : store_db_fail(st, "database error");
}

/* Fills one entry from the profile's model (read only: nothing is created). */
static int fill_info(climb_store *st, const climb_ladder *l, const char *name, profile_info *pi)
{
    climb_model m;
    int rc = model_open(&m, l, st, name, 0, NULL);
    if (rc != 0)
        return rc < 0 ? -1 : 0; /* deleted meanwhile: leave it out */
    pi->name = m.profile.name;
    pi->title = m.profile.title;
    m.profile.name = m.profile.title = NULL;
    pi->created_at = m.profile.created_at;
    for (size_t p = 0; p < l->n_phases; p++) {
        int done, applicable;
        model_phase_counts(&m, p, &done, &applicable);
        pi->done += done;
        pi->applicable += applicable;
    }
    pi->progress_level = model_progress_level(&m);
    rc = quiz_store_latest(st, m.profile.id, &pi->placement);
    pi->has_placement = rc == 0;
    model_close(&m);
    return rc < 0 ? -1 : 0;
}

int profiles_list(climb_store *st, const climb_ladder *l, profile_info **out, size_t *n)
{
    char **names;
    size_t count, filled = 0;
    *out = NULL;
    *n = 0;
    if (collect_names(st, &names, &count))
        return -1;
    profile_info *list = calloc(count ? count : 1, sizeof *list);
    int rc = list ? 0 : store_fail(st, "out of memory");
    for (size_t i = 0; rc == 0 && i < count; i++) {
        rc = fill_info(st, l, names[i], &list[filled]);
        if (rc == 0 && list[filled].name)
            filled++;
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    if (rc != 0) {
        profiles_free(list, filled + 1);
        return -1;
    }
    *out = list;
    *n = filled;
    return 0;
}

void profiles_free(profile_info *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++) {
        free(list[i].name);
        free(list[i].title);
    }
    free(list);
}

int profiles_create(climb_store *st, const char *name, long long now)
{
    store_profile p;
    int created = 0;
    if (store_profile_get(st, name, 1, now, &p, &created) != 0)
        return -1;
    store_profile_free(&p);
    return created ? 0 : PROFILE_EXISTS;
}

int profiles_rename(climb_store *st, const char *old_name, const char *new_name,
                    long long now)
{
    long long id = 0, other = 0;
    if (store_begin(st))
        return -1;
    int rc = profile_id_of(st, old_name, &id);
    if (rc == 0 && strcmp(old_name, new_name) != 0) {
        rc = profile_id_of(st, new_name, &other);
        if (rc == 0)
            rc = PROFILE_EXISTS;
        else if (rc == PROFILE_NOT_FOUND)
            rc = exec_change(st, "UPDATE profiles SET name = ?1 WHERE id = ?3", new_name, NULL,
                             id) < 0 ||
                         store_event_add(st, id, now, "rename", NULL, new_name, old_name, NULL,
                                         NULL)
                     ? -1
                     : 0;
    }
    if (rc != 0) {
        store_rollback(st);
        return rc;
    }
    return store_commit(st);
}

int profiles_delete(climb_store *st, const char *name)
{
    if (store_begin(st))
        return -1;
    int rc = exec_change(st, "DELETE FROM profiles WHERE name = ?1", name, NULL, 0);
    if (rc <= 0) {
        store_rollback(st);
        return rc < 0 ? -1 : PROFILE_NOT_FOUND;
    }
    return store_commit(st);
}

int profiles_find_level(const climb_ladder *l, const char *id_or_name)
{
    int i = content_level_index(l, id_or_name);
    for (size_t k = 0; i < 0 && k < l->n_levels; k++)
        if (strcasecmp(l->levels[k].id, id_or_name) == 0 ||
            strcasecmp(l->levels[k].name, id_or_name) == 0)
            i = (int)k;
    return i;
}

/* The stored title of profile `id` inside the transaction (NULL when unset). */
static int read_title(climb_store *st, long long id, char **title)
{
    sqlite3_stmt *s;
    *title = NULL;
    if (sqlite3_prepare_v2(store_db(st), "SELECT title FROM profiles WHERE id = ?1", -1, &s,
                           NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && sqlite3_column_text(s, 0))
        *title = strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? store_fail(st, "the profile is gone")
                                                    : store_db_fail(st, "database error");
}

int profiles_set_title(climb_model *m, const char *level_id, int *changed)
{
    climb_store *st = m->store;
    char *old = NULL;
    int dummy;
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (store_begin(st))
        return -1;
    int rc = read_title(st, m->profile.id, &old);
    if (rc == 0 && !(old && strcmp(old, level_id) == 0)) {
        rc = exec_change(st, "UPDATE profiles SET title = ?1 WHERE id = ?3", level_id, NULL,
                         m->profile.id) < 0 ||
                     store_event_add(st, m->profile.id, clock_now(), "title", NULL, level_id,
                                     old, NULL, NULL)
                 ? -1
                 : 0;
        *changed = rc == 0;
    }
    free(old);
    if (rc != 0 || store_commit(st)) {
        store_rollback(st);
        *changed = 0;
        return -1;
    }
    if (*changed) {
        char *copy = strdup(level_id);
        if (!copy)
            return store_fail(st, "out of memory");
        free(m->profile.title);
        m->profile.title = copy;
    }
    return 0;
}

int profiles_mark_quiz_offered(climb_model *m)
{
    climb_store *st = m->store;
    if (store_begin(st))
        return -1;
    int rc = exec_change(st, "UPDATE profiles SET quiz_offered = 1 WHERE id = ?3"
                             " AND quiz_offered = 0",
                         NULL, NULL, m->profile.id);
    if (rc > 0)
        rc = store_event_add(st, m->profile.id, clock_now(), "setting", "quiz_offered", "1", "0",
                             NULL, NULL);
    if (rc < 0 || store_commit(st)) {
        store_rollback(st);
        return -1;
    }
    m->profile.quiz_offered = 1;
    return 0;
}

int profiles_placement(climb_model *m, quiz_attempt *out)
{
    int rc = quiz_store_latest(m->store, m->profile.id, out);
    return rc == 1 ? PROFILE_NOT_FOUND : rc;
}

int profiles_placement_level(const climb_ladder *l, int phase)
{
    const climb_phase *ph = content_phase(l, phase);
    return ph ? content_level_index(l, ph->level) : -1;
}

int profiles_mismatch(const climb_ladder *l, const char *title, const quiz_attempt *placement,
                      char *buf, size_t len)
{
    if (len)
        buf[0] = '\0';
    int have = title ? content_level_index(l, title) : -1;
    int placed = placement ? profiles_placement_level(l, placement->phase) : -1;
    if (have < 0 || placed < 0 || have == placed)
        return 0;
    char edge[48] = "";
    if (placement->on_edge_of)
        snprintf(edge, sizeof edge, ", edge of %d", placement->on_edge_of);
    snprintf(buf, len, "Your title says %s but the quiz puts you at %s (Phase %d%s).",
             l->levels[have].name, l->levels[placed].name, placement->phase, edge);
    return 1;
}
