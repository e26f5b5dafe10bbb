/* store_quiz.c - the quiz_attempts table: recording an attempt with its 'quiz'
 * event inside the caller's transaction, and reading attempts back (latest, or all newest
 * first, through the quiz_by_time index). */
#include "climb/store_quiz.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int insert_attempt(climb_store *st, long long profile_id, const quiz_attempt *a)
{
    sqlite3 *db = store_db(st);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO quiz_attempts (profile_id, event_uuid, taken_at, answers,"
                           " yes, regularly, phase, on_edge_of)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           -1, &s, NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_text(s, 2, a->event_uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, a->taken_at);
    sqlite3_bind_text(s, 4, a->answers, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 5, a->yes);
    sqlite3_bind_int(s, 6, a->regularly);
    sqlite3_bind_int(s, 7, a->phase);
    if (a->on_edge_of)
        sqlite3_bind_int(s, 8, a->on_edge_of);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? 0 : store_db_fail(st, "cannot save the quiz attempt");
}

int store_quiz_record(climb_store *st, long long profile_id, long long now,
                      const quiz_answer *answers, size_t n, const quiz_placement *p,
                      quiz_attempt *out)
{
    quiz_attempt a;
    char detail[64];
    memset(&a, 0, sizeof a);
    if (n > QUIZ_MAX_QUESTIONS)
        return store_fail(st, "too many quiz answers (%zu)", n);
    quiz_format_answers(answers, n, a.answers, sizeof a.answers);
    a.taken_at = now;
    a.yes = p->yes;
    a.regularly = p->regularly;
    a.phase = p->phase;
    a.on_edge_of = p->on_edge_of;
    if (p->on_edge_of)
        snprintf(detail, sizeof detail, "phase=%d on_edge_of=%d", p->phase, p->on_edge_of);
    else
        snprintf(detail, sizeof detail, "phase=%d", p->phase);
    if (store_event_add(st, profile_id, now, "quiz", NULL, a.answers, NULL, detail,
                        a.event_uuid) ||
        insert_attempt(st, profile_id, &a))
        return -1;
    a.id = sqlite3_last_insert_rowid(store_db(st));
    if (out)
        *out = a;
    return 0;
}

static void read_attempt(sqlite3_stmt *s, quiz_attempt *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(s, 0);
    snprintf(a->event_uuid, sizeof a->event_uuid, "%s",
             sqlite3_column_text(s, 1) ? (const char *)sqlite3_column_text(s, 1) : "");
    a->taken_at = sqlite3_column_int64(s, 2);
    snprintf(a->answers, sizeof a->answers, "%s",
             sqlite3_column_text(s, 3) ? (const char *)sqlite3_column_text(s, 3) : "");
    a->yes = sqlite3_column_int(s, 4);
    a->regularly = sqlite3_column_int(s, 5);
    a->phase = sqlite3_column_int(s, 6);
    a->on_edge_of = sqlite3_column_int(s, 7); /* NULL reads as 0 */
}

/* Runs the newest-first query with `limit` (-1: all) and calls fn per row. */
static int each_attempt(climb_store *st, long long profile_id, int limit, quiz_attempt_fn fn,
                        void *ctx)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(store_db(st),
                           "SELECT id, event_uuid, taken_at, answers, yes, regularly, phase,"
                           " on_edge_of FROM quiz_attempts WHERE profile_id = ?1"
                           " ORDER BY taken_at DESC, id DESC LIMIT ?2",
                           -1, &s, NULL) != SQLITE_OK)
        return store_db_fail(st, "database error");
    sqlite3_bind_int64(s, 1, profile_id);
    sqlite3_bind_int(s, 2, limit);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        quiz_attempt a;
        read_attempt(s, &a);
        stop = fn(ctx, &a);
    }
    if (!stop && rc != SQLITE_DONE)
        stop = store_db_fail(st, "database error");
    sqlite3_finalize(s);
    return stop < 0 ? -1 : 0;
}


/* Asked at every repaint of the title bar and the Ladder pane: kept prepared. */
static const char LATEST_SQL[] =
    "SELECT id, event_uuid, taken_at, answers, yes, regularly, phase, on_edge_of"
    " FROM quiz_attempts WHERE profile_id = ?1 ORDER BY taken_at DESC, id DESC LIMIT 1";

int store_quiz_latest(climb_store *st, long long profile_id, quiz_attempt *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_prepare_cached(st, LATEST_SQL);
    if (!s)
        return -1;
    sqlite3_bind_int64(s, 1, profile_id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        read_attempt(s, out);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_db_fail(st, "database error");
    return rc == SQLITE_ROW ? 0 : 1;
}

int store_quiz_each(climb_store *st, long long profile_id, quiz_attempt_fn fn, void *ctx)
{
    return each_attempt(st, profile_id, -1, fn, ctx);
}
