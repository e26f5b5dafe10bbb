/* store_evidence.c - the SQL of evidence entries (one row per entry, its links a
 * JSON array read with SQLite's json_each) and of the profile's target and
 * display name. Prepared statements only. */
#include "climb/store_evidence.h"
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_PUT[] =
    "INSERT OR REPLACE INTO evidence (profile_id, entry, criterion_id, text, links, happened_at,"
    " recorded_at) VALUES (?1, ?2, json_extract(?4, '$.criterion'), ?3,"
    " COALESCE(json_extract(?4, '$.links'), '[]'), COALESCE(json_extract(?4, '$.happened'), ?5),"
    " ?5)";
static const char SQL_DELETE[] = "DELETE FROM evidence WHERE profile_id = ?1 AND entry = ?2";
static const char SQL_EACH[] =
    "SELECT entry, criterion_id, text, links, happened_at, recorded_at FROM evidence"
    " WHERE profile_id = ?1 AND (?2 IS NULL OR criterion_id = ?2)"
    " ORDER BY criterion_id, happened_at, recorded_at, entry";
static const char SQL_GET[] =
    "SELECT entry, criterion_id, text, links, happened_at, recorded_at FROM evidence"
    " WHERE profile_id = ?1 AND entry = ?2";
static const char SQL_LINKS[] = "SELECT value FROM json_each(?1)";
static const char SQL_TARGET[] = "UPDATE profiles SET target_level = ?2, target_at = ?3 WHERE id = ?1";
static const char SQL_NAME[] = "UPDATE profiles SET display_name = ?2 WHERE id = ?1";

/* bound: the binds' results OR-ed; a text SQLite could not copy is left NULL, and
 * the write must not run then (tests/unit/test_faults.c: under SQLite malloc
 * failures a roadblock flag, a title and an evidence entry were written without
 * their text, and reported as saved). */
static int step_write(climb_store *st, sqlite3_stmt *s, int bound, const char *what)
{
    if (bound != SQLITE_OK) {
        sqlite3_reset(s);
        return store_fail(st, "%s: out of memory", what);
    }
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_db_fail(st, what);
}

int store_evidence_put(climb_store *st, long long profile_id, const char *entry,
                       const char *text, const char *detail, long long recorded_at)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_PUT);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, entry, -1, SQLITE_TRANSIENT);
    b |= sqlite3_bind_text(s, 3, text, -1, SQLITE_TRANSIENT);
    b |= store_bind_text(s, 4, detail ? detail : "{}");
    b |= sqlite3_bind_int64(s, 5, recorded_at);
    return step_write(st, s, b, "cannot save the evidence");
}

int store_evidence_delete(climb_store *st, long long profile_id, const char *entry)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_DELETE);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= sqlite3_bind_text(s, 2, entry, -1, SQLITE_TRANSIENT);
    return step_write(st, s, b, "cannot remove the evidence");
}

/* Splits the JSON array of links into e->links. */
static int read_links(climb_store *st, const char *json, evidence_row *e)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_LINKS);
    if (!s)
        return -1;
    sqlite3_bind_text(s, 1, json ? json : "[]", -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(s, 0);
        char **grown = realloc(e->links, (e->n_links + 1) * sizeof *grown);
        if (!grown || !v || !(grown[e->n_links] = strdup(v))) {
            if (grown)
                e->links = grown;
            sqlite3_reset(s);
            return store_fail(st, "out of memory");
        }
        e->links = grown;
        e->n_links++;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_db_fail(st, "cannot read the evidence links");
}

static int read_row(climb_store *st, sqlite3_stmt *s, evidence_row *e)
{
    memset(e, 0, sizeof *e);
    const char *entry = (const char *)sqlite3_column_text(s, 0);
    strncpy(e->entry, entry ? entry : "", sizeof e->entry - 1);
    const char *crit = (const char *)sqlite3_column_text(s, 1);
    const char *text = (const char *)sqlite3_column_text(s, 2);
    e->criterion_id = strdup(crit ? crit : "");
    e->text = strdup(text ? text : "");
    e->happened_at = sqlite3_column_int64(s, 4);
    e->recorded_at = sqlite3_column_int64(s, 5);
    if (!e->criterion_id || !e->text)
        return store_fail(st, "out of memory");
    int oom = 0;
    char *links = store_column_dup(s, 3, &oom);
    if (oom) /* not "no links": the entry would lose them (tests/unit/test_faults.c) */
        return store_fail(st, "out of memory");
    int rc = read_links(st, links, e);
    free(links);
    return rc;
}

int store_evidence_each(climb_store *st, long long profile_id, const char *criterion_id,
                        store_evidence_fn fn, void *ctx)
{
    /* cached (every tick reloads its criterion): fn must not start another walk */
    sqlite3_stmt *s = store_prepare_cached(st, SQL_EACH);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    store_bind_text(s, 2, criterion_id);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        evidence_row e;
        stop = read_row(st, s, &e);
        if (!stop)
            stop = fn(ctx, &e);
        evidence_row_free(&e);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_db_fail(st, "cannot read the evidence");
    sqlite3_reset(s);
    return stop;
}

int store_evidence_get(climb_store *st, long long profile_id, const char *entry,
                       evidence_row *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_prepare(st, SQL_GET);
    if (!s)
        return -1;
    if (sqlite3_bind_int64(s, 1, profile_id) != SQLITE_OK ||
        sqlite3_bind_text(s, 2, entry, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
        sqlite3_finalize(s); /* not "no such entry": the id could not be bound */
        return store_fail(st, "out of memory");
    }
    int rc = sqlite3_step(s), out_rc;
    if (rc == SQLITE_ROW && (out_rc = read_row(st, s, out)) != 0)
        evidence_row_free(out); /* a failed read left copies behind (test_faults, ASan) */
    else if (rc == SQLITE_ROW)
        out_rc = 0;
    else
        out_rc = rc == SQLITE_DONE ? 1 : store_db_fail(st, "cannot read the evidence");
    sqlite3_finalize(s);
    return out_rc;
}

int store_profile_put_target(climb_store *st, long long profile_id, const char *level,
                             long long at)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_TARGET);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= store_bind_text(s, 2, level);
    if (level)
        b |= sqlite3_bind_int64(s, 3, at);
    else
        b |= sqlite3_bind_null(s, 3);
    return step_write(st, s, b, "cannot save the target");
}

int store_profile_put_name(climb_store *st, long long profile_id, const char *name)
{
    sqlite3_stmt *s = store_prepare_cached(st, SQL_NAME);
    if (!s)
        return -1;
    int b = SQLITE_OK;
    b |= sqlite3_bind_int64(s, 1, profile_id);
    b |= store_bind_text(s, 2, name);
    return step_write(st, s, b, "cannot save the name");
}
