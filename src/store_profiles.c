/* store_profiles.c - the profiles table: names in order, creating, renaming (with
 * its 'rename' event) and deleting a profile with all of its data. Each change
 * runs in one BEGIN IMMEDIATE transaction. */
#include "climb/store_profiles.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int profile_id_of(climb_store *st, const char *name, long long *id)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st), "SELECT id FROM profiles WHERE name = ?1", -1, &s,
                           NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s), result = STORE_NOT_FOUND;
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        result = 0;
    } else if (rc != SQLITE_DONE) {
        result = store_db_fail(st, "database error");
    }
    sqlite3_finalize(s);
    return result;
}

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

int store_profile_names(climb_store *st, char ***names, size_t *n)
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

int store_profile_create(climb_store *st, const char *name, long long now)
{
    profile_row p;
    int created = 0;
    if (store_profile_get(st, name, 1, now, &p, &created) != 0)
        return -1;
    profile_row_free(&p);
    return created ? 0 : STORE_EXISTS;
}

int store_profile_rename(climb_store *st, const char *old_name, const char *new_name,
                    long long now)
{
    long long id = 0, other = 0;
    if (store_begin(st))
        return -1;
    int rc = profile_id_of(st, old_name, &id);
    if (rc == 0 && strcmp(old_name, new_name) != 0) {
        rc = profile_id_of(st, new_name, &other);
        if (rc == 0)
            rc = STORE_EXISTS;
        else if (rc == STORE_NOT_FOUND)
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

int store_profile_delete(climb_store *st, const char *name)
{
    if (store_begin(st))
        return -1;
    int rc = exec_change(st, "DELETE FROM profiles WHERE name = ?1", name, NULL, 0);
    if (rc <= 0) {
        store_rollback(st);
        return rc < 0 ? -1 : STORE_NOT_FOUND;
    }
    return store_commit(st);
}
