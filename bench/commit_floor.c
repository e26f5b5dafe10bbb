/* commit_floor.c - the tick's floor: what one SQLite commit costs on this disk in
 * WAL mode with synchronous=FULL, measured in-process with no start-up in it.
 *
 * It creates (or reuses) a scratch database DB and times N rounds of three
 * transactions, interleaved:
 *   commit_empty  BEGIN IMMEDIATE; COMMIT - takes and drops the write lock but
 *                 writes no page, so SQLite appends nothing to the WAL and syncs
 *                 nothing;
 *   commit_row    BEGIN IMMEDIATE; UPDATE of one integer; COMMIT - the smallest
 *                 commit that reaches the disk: one WAL frame and its fsync;
 *   commit_pages6 the same, updating six rows that each fill their own page: six
 *                 WAL frames and one fsync, the size of a tick's commit (its event
 *                 row, the event's three indexes and the criterion's state row).
 * A tick must reach the disk, so run.sh compares it with commit_row.
 *
 * usage: commit_floor DB N
 * Output (measure's format):  LABEL MAXRSS_KB T1_MS ... TN_MS */
#define _POSIX_C_SOURCE 200809L
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "commit_floor: %s: %s\n", sql, sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}

/* One transaction through prepared statements, as climb runs its own. */
static int step_all(sqlite3_stmt *const *s, int n)
{
    for (int i = 0; i < n; i++) {
        int rc = sqlite3_step(s[i]);
        sqlite3_reset(s[i]);
        if (rc != SQLITE_DONE)
            return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[2]) < 1) {
        fprintf(stderr, "usage: commit_floor DB N\n");
        return 2;
    }
    int n = atoi(argv[2]);
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) {
        fprintf(stderr, "commit_floor: cannot open %s\n", argv[1]);
        return 1;
    }
    if (exec(db, "PRAGMA journal_mode=WAL") || exec(db, "PRAGMA synchronous=FULL") ||
        exec(db, "CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, n INTEGER)") ||
        exec(db, "INSERT OR IGNORE INTO floor VALUES (1, 0)") ||
        exec(db, "CREATE TABLE IF NOT EXISTS pages (id INTEGER PRIMARY KEY, n INTEGER, pad BLOB)") ||
        exec(db, "INSERT OR IGNORE INTO pages SELECT value, 0, zeroblob(3000) FROM"
                 " (WITH RECURSIVE c(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM c"
                 " WHERE value < 6) SELECT value FROM c)"))
        return 1;
    sqlite3_stmt *begin, *commit, *update, *update6;
    if (sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL) ||
        sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL) ||
        sqlite3_prepare_v2(db, "UPDATE floor SET n = n + 1 WHERE id = 1", -1, &update, NULL) ||
        sqlite3_prepare_v2(db, "UPDATE pages SET n = n + 1", -1, &update6, NULL)) {
        fprintf(stderr, "commit_floor: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_stmt *empty_tx[] = {begin, commit}, *row_tx[] = {begin, update, commit},
                 *pages_tx[] = {begin, update6, commit};
    double *empty = calloc((size_t)n, sizeof *empty), *row = calloc((size_t)n, sizeof *row),
           *pages = calloc((size_t)n, sizeof *pages);
    if (!empty || !row || !pages)
        return 1;
    int ok = 1;
    for (int i = -3; i < n && ok; i++) { /* three rounds of warm-up */
        double t0 = now_ms();
        ok = step_all(empty_tx, 2) == 0;
        double t1 = now_ms();
        ok = ok && step_all(row_tx, 3) == 0;
        double t2 = now_ms();
        ok = ok && step_all(pages_tx, 3) == 0;
        double t3 = now_ms();
        if (i >= 0) {
            empty[i] = t1 - t0;
            row[i] = t2 - t1;
            pages[i] = t3 - t2;
        }
    }
    if (!ok)
        fprintf(stderr, "commit_floor: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    sqlite3_finalize(update);
    sqlite3_finalize(update6);
    sqlite3_close(db);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (ok) {
        printf("commit_empty %ld", ru.ru_maxrss);
        for (int i = 0; i < n; i++)
            printf(" %.4f", empty[i]);
        printf("\ncommit_row %ld", ru.ru_maxrss);
        for (int i = 0; i < n; i++)
            printf(" %.4f", row[i]);
        printf("\ncommit_pages6 %ld", ru.ru_maxrss);
        for (int i = 0; i < n; i++)
            printf(" %.4f", pages[i]);
        putchar('\n');
    }
    free(empty);
    free(row);
    free(pages);
    return ok ? 0 : 1;
}
