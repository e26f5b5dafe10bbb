/* test_faults.c - every operation that writes, run under injected faults (see
 * faults.h): for N = 1, 2, ... the Nth allocation (climb's, SQLite's), or the Nth
 * write/fsync/rename/link/fflush/fclose, fails, until the operation runs with no
 * failure left to inject. At every N: no crash; the operation reports an error or
 * succeeds (and success means the whole change is there); no transaction is left
 * open; the database passes PRAGMA integrity_check and, read back through a fresh
 * connection, holds either all of the change or none of it; the directory holds
 * no stray temporary file and any export or backup is whole or absent; and the
 * open model, reloaded, agrees with a model freshly opened from the file. Leaks
 * are caught by LeakSanitizer when this runs under ASan.
 *
 * Each case tries at most CLIMB_FAULTS_POINTS values of N (default 30), spread
 * evenly over the calls the operation makes (counted in a first run with no
 * fault); CLIMB_FAULTS_POINTS=0 tries every N (minutes, not seconds);
 * CLIMB_FAULTS_ONLY=PATTERN runs the cases whose name matches (cmocka's filter,
 * "*" a wildcard), e.g. "malloc: undo". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/export.h"
#include "climb/import.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/store.h"

#include "faults.h"
#include "support.h"

#include <dirent.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { NOW = 1773480600 }; /* 2026-03-14 09:30 UTC */

/* ------------------------------------------------------------ text buffer */

typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (!b->s || b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        assert_non_null(b->s);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

/* UUIDs are random on every run: each becomes "U" so two runs compare; so do
 * the wall-clock stamps of backup names (DB.backup-YYYYMMDD-HHMMSS). */
static void mask_uuids(char *s)
{
    for (char *b = s; (b = strstr(b, ".backup-")) != NULL; b += 8)
        for (char *d = b + 8; *d && strchr("0123456789-", *d); d++)
            *d = 'T';
    static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    char *w = s;
    for (const char *r = s; *r;) {
        size_t i = 0;
        while (shape[i] && r[i] &&
               (shape[i] == '-' ? r[i] == '-' : strchr("0123456789abcdef", r[i]) != NULL))
            i++;
        if (!shape[i]) {
            *w++ = 'U';
            r += i;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/* ------------------------------------------------------------ read back */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every row of every table of the SQLite file at path, through a fresh read-only
 * connection, after PRAGMA integrity_check says ok. */
static void dump_db(sbuf *b, const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *t = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        fail_msg("cannot open %s: %s", path, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &t, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(t), SQLITE_ROW);
    if (strcmp((const char *)sqlite3_column_text(t, 0), "ok") != 0)
        fail_msg("%s: integrity_check: %s", path, sqlite3_column_text(t, 0));
    sqlite3_finalize(t);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name FROM sqlite_master WHERE type='table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                        -1, &t, NULL),
                     SQLITE_OK);
    while (sqlite3_step(t) == SQLITE_ROW) {
        char sql[256];
        sqlite3_stmt *r = NULL;
        const char *name = (const char *)sqlite3_column_text(t, 0);
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
        sb_str(b, "table ");
        sb_str(b, name);
        sb_str(b, "\n");
        /* rows sorted as text, UUIDs masked: a table keyed by UUID has no stable order */
        char **rows = NULL;
        size_t n = 0;
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &r, NULL), SQLITE_OK);
        while (sqlite3_step(r) == SQLITE_ROW) {
            sbuf row = {0};
            for (int i = 0; i < sqlite3_column_count(r); i++) {
                const char *v = (const char *)sqlite3_column_text(r, i);
                sb_str(&row, v ? v : "NULL");
                sb_str(&row, "|");
            }
            sb_str(&row, "\n");
            mask_uuids(row.s);
            rows = realloc(rows, (n + 1) * sizeof *rows);
            assert_non_null(rows);
            rows[n++] = row.s;
        }
        sqlite3_finalize(r);
        if (n)
            qsort(rows, n, sizeof *rows, by_name);
        for (size_t i = 0; i < n; i++) {
            sb_str(b, rows[i]);
            free(rows[i]);
        }
        free(rows);
    }
    sqlite3_finalize(t);
    sqlite3_close(db);
}

static int is_sqlite_file(const char *path)
{
    char head[16] = "";
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return n == sizeof head && memcmp(head, "SQLite format 3", 16) == 0;
}

/* What the directory holds, as one string: each file's name and, for a database,
 * its rows, for anything else its bytes. -wal and -shm are the database's own
 * (read through it). */
static int skip_backups; /* the op writes a backup first, kept even when it fails */

static char *fingerprint(const char *dir)
{
    sbuf b = {0};
    char *names[64];
    size_t n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (len > 4 && (!strcmp(e->d_name + len - 4, "-wal") ||
                        !strcmp(e->d_name + len - 4, "-shm")))
            continue;
        if (skip_backups && strstr(e->d_name, ".backup-"))
            continue;
        assert_true(n < 64);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    sb_str(&b, "");
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        sb_str(&b, "== ");
        sb_str(&b, names[i]);
        sb_str(&b, "\n");
        if (is_sqlite_file(path)) {
            dump_db(&b, path);
        } else {
            FILE *f = fopen(path, "rb");
            assert_non_null(f);
            char buf[4096];
            for (size_t got; (got = fread(buf, 1, sizeof buf, f)) > 0;)
                sb_add(&b, buf, got);
            fclose(f);
        }
        free(names[i]);
    }
    mask_uuids(b.s);
    return b.s;
}

/* What the model holds of the profile, as one string. */
static char *model_text(const climb_model *m)
{
    sbuf b = {0};
    char line[512];
    snprintf(line, sizeof line, "profile %s title %s stale %d placement %d flags",
             m->profile.name, m->profile.title ? m->profile.title : "-", m->stale_months,
             m->has_placement);
    sb_str(&b, line);
    for (size_t i = 0; i < m->ladder->n_roadblocks; i++)
    {
        snprintf(line, sizeof line, " %lld",
                 roadblocks_flagged_at(&m->flags, m->ladder->roadblocks[i].id));
        sb_str(&b, line);
    }
    sb_str(&b, "\n");
    for (size_t i = 0; i < m->n_crit; i++) {
        const model_crit *c = &m->crit[i];
        snprintf(line, sizeof line, "%zu %d %lld %s %lld %s %zu:", i, (int)c->state, c->done_at,
                 c->note ? c->note : "-", c->note_at, c->reason ? c->reason : "-",
                 c->n_entries);
        sb_str(&b, line);
        for (size_t j = 0; j < c->n_entries; j++) {
            sb_str(&b, c->entries[j].text);
            for (size_t k = 0; k < c->entries[j].n_links; k++) {
                sb_str(&b, " ");
                sb_str(&b, c->entries[j].links[k]);
            }
            sb_str(&b, ";");
        }
        sb_str(&b, "\n");
    }
    return b.s;
}

/* ------------------------------------------------------------ the fixture */

/* The test_env of support.h, in memory (/dev/shm) when there is one: a run makes
 * thousands of databases. */
static void fx_open(test_env *env)
{
    climb_content_error cerr;
    int created;
    memset(env, 0, sizeof *env);
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(env->dir, sizeof env->dir, "%s/climb-faults-XXXXXX", base);
    assert_non_null(mkdtemp(env->dir));
    snprintf(env->path, sizeof env->path, "%s/c.db", env->dir);
    assert_int_equal(content_load_default(&env->ladder, &cerr), 0);
    env->st = test_env_store(env, "c.db");
    assert_int_equal(model_open(&env->m, &env->ladder, env->st, "ana", 1, &created), 0);
    env->profile = env->m.profile.id;
}

typedef struct {
    const char *name;
    void (*prepare)(test_env *env); /* before, with no faults */
    int (*run)(test_env *env);      /* the operation: 0 done, else refused or failed */
    int retry;                      /* after a failure, running it again must succeed */
    int reads;                      /* changes nothing on disk */
    int steps;                      /* several commits: a failure may leave the first ones */
    int backup_first;               /* a rotated backup comes first, and stays */
} fault_op;

static const char *const LINKS[] = {"https://example.com/pr/1", "PR-2"};
static char entry_id[37];
static char *snapshot_json;

static int changed;

/* ---- preparations */

static void prep_none(test_env *env)
{
    (void)env;
}

static void prep_some(test_env *env)
{
    ops_entry e = {"ran the game day", LINKS, 2, 0};
    assert_int_equal(ops_set_state(&env->m, 0, 0, STATE_DONE, NULL, &changed), 0);
    assert_int_equal(ops_set_note(&env->m, 0, 0, "wrote the runbook", &changed), 0);
    assert_int_equal(ops_set_state(&env->m, 0, 1, STATE_NA, "not my team", &changed), 0);
    assert_int_equal(ops_evidence_add(&env->m, 0, 0, &e, entry_id), 0);
}

static void prep_undo(test_env *env)
{
    ops_undo_track(1);
    assert_int_equal(ops_set_state(&env->m, 0, 1, STATE_NA, "not my team", &changed), 0);
    assert_int_equal(ops_set_state(&env->m, 0, 1, STATE_DONE, NULL, &changed), 0);
}

static void prep_redo(test_env *env)
{
    undo_result r;
    prep_undo(env);
    assert_int_equal(ops_undo(&env->m, &r), UNDO_DONE);
}

static void prep_bea(test_env *env)
{
    assert_int_equal(ops_profile_create(&env->m, "bea"), 0);
}

/* A snapshot of another database's "ana", made once. */
static void prep_snapshot(test_env *env)
{
    char err[512];
    (void)env;
    if (snapshot_json)
        return;
    test_env other;
    fx_open(&other);
    prep_some(&other);
    FILE *tmp = tmpfile();
    assert_int_equal(export_json(&other.m, tmp, NOW, err, sizeof err), 0);
    snapshot_json = test_file_text(tmp);
    test_env_close(&other);
}

static void prep_old_export(test_env *env)
{
    char path[256];
    prep_some(env);
    snprintf(path, sizeof path, "%s/out.json", env->dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("the old export\n", f);
    fclose(f);
}

static climb_store *other_st;
static climb_model other_m;

static void prep_outside(test_env *env)
{
    prep_some(env);
    other_st = test_env_store(env, "c.db");
    test_model_open(env, &other_m, "ana");
    assert_int_equal(ops_set_state(&other_m, 1, 0, STATE_DOING, NULL, &changed), 0);
    assert_int_equal(ops_set_note(&other_m, 0, 0, "changed elsewhere", &changed), 0);
    model_close(&other_m);
    store_close(other_st);
}

/* ---- operations */

static char open_err[512]; /* why the last store_open failed */

static int run_open(test_env *env)
{
    char path[256], *err = open_err;
    const size_t errlen = sizeof open_err;
    climb_store *st = NULL;
    climb_model m;
    int created, rc;
    snprintf(path, sizeof path, "%s/new.db", env->dir);
    if (store_open(path, &st, err, errlen) != 0)
        return -1;
    rc = model_open(&m, &env->ladder, st, "bea", 1, &created);
    if (rc == 0)
        model_close(&m);
    store_close(st);
    return rc;
}

static int run_reopen(test_env *env)
{
    char err[512];
    climb_store *st = NULL;
    climb_model m;
    int rc;
    if (store_open(env->path, &st, err, sizeof err) != 0)
        return -1;
    rc = model_open(&m, &env->ladder, st, "ana", 0, NULL);
    if (rc == 0)
        model_close(&m);
    store_close(st);
    return rc;
}

static int run_tick(test_env *env)
{
    return ops_set_state(&env->m, 0, 0, STATE_DONE, NULL, &changed);
}

static int run_na(test_env *env)
{
    return ops_set_state(&env->m, 0, 2, STATE_NA, "not my team", &changed);
}

static int run_note(test_env *env)
{
    return ops_set_note(&env->m, 0, 0, "wrote the runbook", &changed);
}

static int run_tick_note(test_env *env)
{
    ops_crit_change c = {.set_state = 1, .state = STATE_DONE, .note = "done with a note",
                         .when = NOW - 86400};
    return ops_criterion(&env->m, 1, 1, &c, &changed);
}

static int run_evidence_add(test_env *env)
{
    ops_entry e = {"led the incident review", LINKS, 2, NOW - 86400};
    return ops_evidence_add(&env->m, 0, 0, &e, NULL);
}

static int run_evidence_edit(test_env *env)
{
    ops_entry e = {"ran two game days", LINKS, 1, NOW - 3 * 86400};
    return ops_evidence_edit(&env->m, entry_id, &e, &changed);
}

static int run_evidence_rm(test_env *env)
{
    return ops_evidence_remove(&env->m, entry_id);
}

static int run_undo(test_env *env)
{
    undo_result r;
    undo_outcome o = ops_undo(&env->m, &r);
    ops_undo_track(0);
    return o == UNDO_DONE ? 0 : -1;
}

static int run_redo(test_env *env)
{
    undo_result r;
    undo_outcome o = ops_redo(&env->m, &r);
    ops_undo_track(0);
    return o == UNDO_DONE ? 0 : -1;
}

static int run_import(test_env *env)
{
    char err[512];
    import_snapshot *s = NULL;
    import_result r;
    if (import_load_buffer(snapshot_json, strlen(snapshot_json), "ana.json", &env->ladder, &s,
                           err, sizeof err) != 0)
        return -1;
    int rc = ops_import(env->st, &env->ladder, s, "bea", &r, err, sizeof err);
    import_free(s);
    return rc;
}

static int run_export(test_env *env, export_format f, const char *name, int force)
{
    char path[256], err[512];
    snprintf(path, sizeof path, "%s/%s", env->dir, name);
    return export_to_path(&env->m, f, path, force, NOW, err, sizeof err);
}

static int run_export_json(test_env *env)
{
    return run_export(env, EXPORT_JSON, "out.json", 0);
}

static int run_export_json_force(test_env *env)
{
    return run_export(env, EXPORT_JSON, "out.json", 1);
}

static int run_export_csv(test_env *env)
{
    return run_export(env, EXPORT_CSV, "out.csv", 0);
}

static int run_export_md(test_env *env)
{
    return run_export(env, EXPORT_MD, "out.md", 0);
}

static int run_export_html(test_env *env)
{
    return run_export(env, EXPORT_HTML, "out.html", 0);
}

static int run_backup(test_env *env)
{
    char out[512];
    return ops_backup(env->st, NULL, out, sizeof out);
}

static int run_backup_to(test_env *env)
{
    char dest[256], out[512];
    snprintf(dest, sizeof dest, "%s/copy.db", env->dir);
    return ops_backup(env->st, dest, out, sizeof out);
}

static int run_profile_create(test_env *env)
{
    return ops_profile_create(&env->m, "bea");
}

static int run_profile_rename(test_env *env)
{
    return ops_profile_rename(&env->m, "bea", "cy");
}

static int run_profile_delete(test_env *env)
{
    return ops_profile_delete(&env->m, "bea");
}

static int run_quiz(test_env *env)
{
    quiz_answer a[QUIZ_MAX_QUESTIONS];
    quiz_placement p;
    for (size_t i = 0; i < env->ladder.n_questions; i++)
        a[i] = i < 2 ? ANSWER_REGULARLY : ANSWER_NO;
    return ops_quiz_take(&env->m, a, env->ladder.n_questions, &p, NULL);
}

static int run_title(test_env *env)
{
    return ops_set_title(&env->m, env->ladder.levels[1].id, &changed);
}

static int run_roadblock(test_env *env)
{
    return ops_roadblock_set(&env->m, env->ladder.roadblocks[0].id, 1, &changed);
}

static int run_target(test_env *env)
{
    return ops_set_target(&env->m, env->ladder.levels[1].id, NOW + 90 * 86400, &changed);
}

static int run_reload(test_env *env)
{
    return model_reload(&env->m);
}

static int run_refresh(test_env *env)
{
    return ops_refresh(&env->m) >= 0 ? 0 : -1;
}

/* ------------------------------------------------------------ the loop */

/* After an operation: nothing left open, the connection still usable, and the
 * model, reloaded, the same as one read fresh from the file. */
static void check_model(test_env *env, const char *what, long n)
{
    climb_model other;
    if (!sqlite3_get_autocommit(store_db(env->st)))
        fail_msg("%s, N=%ld: a transaction was left open", what, n);
    free(model_text(&env->m)); /* all of it still readable (ASan: nothing freed) */
    if (model_reload(&env->m) != 0)
        fail_msg("%s, N=%ld: the model does not reload: %s", what, n, ops_error(&env->m));
    climb_store *st = test_env_store(env, "c.db");
    assert_int_equal(model_open(&other, &env->ladder, st, "ana", 0, NULL), 0);
    char *a = model_text(&env->m), *b = model_text(&other);
    model_close(&other);
    store_close(st);
    if (strcmp(a, b) != 0)
        fail_msg("%s, N=%ld: the model and the file disagree:\n%s\n---\n%s", what, n, a, b);
    free(a);
    free(b);
}

/* Where got parts from both: its first line unlike none and unlike whole. */
static const char *differ(const char *got, const char *none, const char *whole)
{
    static char out[1024];
    size_t a = 0, b = 0;
    while (got[a] && got[a] == none[a])
        a++;
    while (got[b] && got[b] == whole[b])
        b++;
    size_t at = a > b ? a : b;
    while (at > 0 && got[at - 1] != '\n')
        at--;
    snprintf(out, sizeof out, "at byte %zu: \"%.200s\" (none has \"%.200s\", whole \"%.200s\")",
             at, got + at, none + (at < strlen(none) ? at : strlen(none)),
             whole + (at < strlen(whole) ? at : strlen(whole)));
    return out;
}

/* Every Nth call is tried: 1 with CLIMB_FAULTS_POINTS=0, else enough to stay
 * within that many points over `calls`. */
static long step_for(long calls)
{
    const char *s = getenv("CLIMB_FAULTS_POINTS");
    long points = s ? atol(s) : 30;
    if (points <= 0 || calls <= points)
        return 1;
    return (calls + points - 1) / points;
}

static const char *kind_name(unsigned kinds)
{
    return (kinds & FAULT_STICKY) ? "any malloc, sticky"
           : (kinds & FAULT_ALLOC) ? "malloc"
           : (kinds & FAULT_SQLITE) ? "SQLite malloc"
                                    : "I/O";
}

static void run_faults(const fault_op *op, unsigned kinds)
{
    test_env env;
    char *none, *whole;
    long n, step, failures = 0;

    /* the reference run: what the directory holds before and after */
    skip_backups = op->backup_first;
    fx_open(&env);
    op->prepare(&env);
    none = fingerprint(env.dir);
    faults_arm(kinds & ~(unsigned)FAULT_STICKY, LONG_MAX); /* only counts */
    int ref = op->run(&env);
    step = step_for(faults_calls());
    faults_disarm();
    if (ref != 0)
        fail_msg("%s: fails with no fault injected: %s", op->name, ops_error(&env.m));
    whole = fingerprint(env.dir);
    if (op->reads)
        assert_string_equal(none, whole);
    else
        assert_string_not_equal(none, whole);
    test_env_close(&env);

    for (n = 1;; n += step) {
        char what[128];
        snprintf(what, sizeof what, "%s (%s)", op->name, kind_name(kinds));
        fx_open(&env);
        op->prepare(&env);
        faults_arm(kinds, n);
        int rc = op->run(&env);
        long fired = faults_disarm();
        long calls = faults_calls();
        char *now = fingerprint(env.dir);
        if (strcmp(now, none) != 0 && strcmp(now, whole) != 0 && !(rc != 0 && op->steps))
            fail_msg("%s, N=%ld: part of the change (rc %d): %s", what, n, rc,
                     differ(now, none, whole));
        if (rc == 0 && strcmp(now, whole) != 0)
            fail_msg("%s, N=%ld: reported success but the change is not there", what, n);
        if (rc != 0)
            failures++;
        if (rc != 0 && op->retry) {
            if (op->run(&env) != 0)
                fail_msg("%s, N=%ld: fails again with no fault: %s%s", what, n, ops_error(&env.m),
                         open_err);
            free(now);
            now = fingerprint(env.dir);
            if (strcmp(now, whole) != 0)
                fail_msg("%s, N=%ld: the retry did not make the whole change", what, n);
        }
        free(now);
        check_model(&env, what, n);
        test_env_close(&env);
        if (!fired) {
            if (rc != 0)
                fail_msg("%s, N=%ld: failed with no fault injected", what, n);
            break;
        }
        (void)calls;
    }
    print_message("%-22s %-22s %5ld calls, every %ld tried, %ld reported an error\n", op->name,
                  kind_name(kinds), n - 1, step, failures);
    free(none);
    free(whole);
}

static const fault_op OPS[] = {
    {"open a new database", prep_none, run_open, 1, 0, 1, 0},
    {"open an existing one", prep_some, run_reopen, 1, 1, 0, 0},
    {"tick", prep_none, run_tick, 1, 0, 0, 0},
    {"n/a with a reason", prep_some, run_na, 1, 0, 0, 0},
    {"note", prep_none, run_note, 1, 0, 0, 0},
    {"tick with a note", prep_some, run_tick_note, 1, 0, 0, 0},
    {"evidence add", prep_some, run_evidence_add, 0, 0, 0, 0},
    {"evidence edit", prep_some, run_evidence_edit, 1, 0, 0, 0},
    {"evidence remove", prep_some, run_evidence_rm, 0, 0, 0, 0},
    {"undo", prep_undo, run_undo, 0, 0, 0, 0},
    {"redo", prep_redo, run_redo, 0, 0, 0, 0},
    {"import", prep_snapshot, run_import, 0, 0, 0, 1},
    {"export json", prep_some, run_export_json, 0, 0, 0, 0},
    {"export json --force", prep_old_export, run_export_json_force, 1, 0, 0, 0},
    {"export csv", prep_some, run_export_csv, 0, 0, 0, 0},
    {"export md", prep_some, run_export_md, 0, 0, 0, 0},
    {"export html", prep_some, run_export_html, 0, 0, 0, 0},
    {"backup", prep_some, run_backup, 0, 0, 0, 0},
    {"backup to a file", prep_some, run_backup_to, 0, 0, 0, 0},
    {"profile create", prep_none, run_profile_create, 0, 0, 0, 0},
    {"profile rename", prep_bea, run_profile_rename, 0, 0, 0, 0},
    {"profile delete", prep_bea, run_profile_delete, 0, 0, 0, 0},
    {"quiz attempt", prep_some, run_quiz, 0, 0, 0, 0},
    {"title", prep_some, run_title, 1, 0, 0, 0},
    {"roadblock flag", prep_some, run_roadblock, 1, 0, 0, 0},
    {"target", prep_some, run_target, 1, 0, 0, 0},
    {"model reload", prep_outside, run_reload, 1, 1, 0, 0},
    {"refresh", prep_outside, run_refresh, 0, 1, 0, 0},
};
enum { N_OPS = sizeof OPS / sizeof OPS[0] };

typedef struct {
    const fault_op *op;
    unsigned kinds;
} fault_case;

static void test_case(void **state)
{
    const fault_case *c = *state;
    run_faults(c->op, c->kinds);
}

static const unsigned KINDS[] = {FAULT_ALLOC, FAULT_SQLITE, FAULT_IO,
                                 FAULT_ALLOC | FAULT_SQLITE | FAULT_STICKY};
enum { N_KINDS = sizeof KINDS / sizeof KINDS[0] };

int main(void)
{
    static fault_case cases[N_KINDS * N_OPS];
    static char names[N_KINDS * N_OPS][80];
    struct CMUnitTest tests[N_KINDS * N_OPS];
    faults_install();
    test_set_now(NOW);
    if (getenv("CLIMB_FAULTS_ONLY"))
        cmocka_set_test_filter(getenv("CLIMB_FAULTS_ONLY"));
    for (size_t k = 0; k < N_KINDS; k++)
        for (size_t i = 0; i < N_OPS; i++) {
            size_t at = k * N_OPS + i;
            cases[at] = (fault_case){&OPS[i], KINDS[k]};
            snprintf(names[at], sizeof names[at], "%s: %s", kind_name(KINDS[k]), OPS[i].name);
            tests[at] = (struct CMUnitTest){names[at], test_case, NULL, NULL, &cases[at]};
        }
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(snapshot_json);
    return rc;
}
