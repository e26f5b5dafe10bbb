/* support.h - what the cmocka unit tests share: a test_env (a temporary directory
 * holding a real database file, the built-in ladder, the open store and, when
 * asked, one profile's model), cmocka setup/teardown built on it, one-integer SQL
 * queries and whole-file reads for assertions. Every helper fails the running test
 * on an error. Include after <cmocka.h>. */
#ifndef CLIMB_TEST_SUPPORT_H
#define CLIMB_TEST_SUPPORT_H

#include <stdio.h>

#include "climb/content.h"
#include "climb/model.h"
#include "climb/store.h"

typedef struct {
    char dir[64];        /* the temporary directory, removed with all it holds */
    char path[128];      /* dir/c.db, the database */
    climb_ladder ladder; /* the built-in ladder */
    climb_store *st;     /* open on path */
    climb_model m;       /* the profile's model, when opened for a user */
    long long profile;   /* that profile's id; 0 when none was made */
} test_env;

/* Makes the directory, loads the ladder, creates and opens the database and, when
 * user is not NULL, creates that profile and opens its model. */
void test_env_open(test_env *env, const char *user);
/* Closes what is open and removes the directory. */
void test_env_close(test_env *env);
/* Closes the store and opens the same file again (only with no model open). */
void test_env_reopen(test_env *env);
/* Opens one more database, dir/name, beside the first. */
climb_store *test_env_store(const test_env *env, const char *name);

/* cmocka fixtures on a calloc'd test_env in *state: with the model of "ana" ... */
int test_env_setup(void **state);
/* ... or with only the store and profile "ana" made through it at time 1000. */
int test_env_setup_store(void **state);
int test_env_teardown(void **state);
/* A test entry run on a fresh test_env: with the model of "ana", or store only. */
#define test_with_env(fn) cmocka_unit_test_setup_teardown(fn, test_env_setup, test_env_teardown)
#define test_with_store(fn)                                                                   \
    cmocka_unit_test_setup_teardown(fn, test_env_setup_store, test_env_teardown)

/* Sets the time every operation reads (CLIMB_NOW) to t, UTC seconds. */
void test_set_now(long long t);
/* Opens the model of an existing profile of env's store into m (close it with
 * model_close). */
void test_model_open(test_env *env, climb_model *m, const char *user);

/* Creates profile name through the store (it must not exist yet); its id. */
long long test_profile_create(climb_store *st, const char *name, long long now);
/* The first column of the one row the query returns. */
long long test_sql_int(climb_store *st, const char *sql);
/* All that was written to fp, read back from its start as a new string (free it);
 * closes fp. */
char *test_file_text(FILE *fp);

#endif
