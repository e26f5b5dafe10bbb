/* support.c - the unit tests' shared fixture: a temporary directory with a real
 * database, the built-in ladder, store and model (see support.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "support.h"

#include "climb/clock.h"

#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void test_env_open(test_env *env, const char *user)
{
    climb_content_error cerr;
    memset(env, 0, sizeof *env);
    snprintf(env->dir, sizeof env->dir, "/tmp/climb-test-XXXXXX");
    assert_non_null(mkdtemp(env->dir));
    snprintf(env->path, sizeof env->path, "%s/c.db", env->dir);
    assert_int_equal(content_load_default(&env->ladder, &cerr), 0);
    env->st = test_env_store(env, "c.db");
    if (user) {
        int created;
        assert_int_equal(model_open(&env->m, &env->ladder, env->st, user, 1, &created), 0);
        assert_int_equal(created, 1);
        env->profile = env->m.profile.id;
    }
}

static int remove_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)type;
    (void)ftw;
    return remove(path);
}

void test_env_close(test_env *env)
{
    if (env->m.ladder)
        model_close(&env->m);
    store_close(env->st);
    content_free(&env->ladder);
    /* depth first, links not followed: files, then the directory itself */
    assert_int_equal(nftw(env->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS), 0);
}

void test_env_reopen(test_env *env)
{
    assert_null(env->m.ladder);
    store_close(env->st);
    env->st = test_env_store(env, "c.db");
}

climb_store *test_env_store(const test_env *env, const char *name)
{
    char path[160], err[512];
    climb_store *st = NULL;
    snprintf(path, sizeof path, "%s/%s", env->dir, name);
    if (store_open(path, &st, err, sizeof err))
        fail_msg("store_open %s: %s", path, err);
    return st;
}

int test_env_setup(void **state)
{
    test_env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    test_env_open(env, "ana");
    *state = env;
    return 0;
}

int test_env_setup_store(void **state)
{
    test_env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    test_env_open(env, NULL);
    env->profile = test_profile_create(env->st, "ana", 1000);
    *state = env;
    return 0;
}

int test_env_teardown(void **state)
{
    test_env_close(*state);
    free(*state);
    return 0;
}

void test_set_now(long long t)
{
    char buf[32];
    clock_format_utc(t, buf, sizeof buf);
    assert_int_equal(setenv("CLIMB_NOW", buf, 1), 0);
    assert_int_equal(clock_now(), t);
}

void test_model_open(test_env *env, climb_model *m, const char *user)
{
    int created = -1;
    assert_int_equal(model_open(m, &env->ladder, env->st, user, 0, &created), 0);
    assert_int_equal(created, 0);
}

long long test_profile_create(climb_store *st, const char *name, long long now)
{
    profile_row p;
    int created;
    assert_int_equal(store_profile_get(st, name, 1, now, &p, &created), 0);
    assert_int_equal(created, 1);
    long long id = p.id;
    profile_row_free(&p);
    return id;
}

long long test_sql_int(climb_store *st, const char *sql)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

char *test_file_text(FILE *fp)
{
    long n = ftell(fp);
    assert_true(n >= 0);
    char *buf = calloc((size_t)n + 1, 1);
    assert_non_null(buf);
    rewind(fp);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    return buf;
}
