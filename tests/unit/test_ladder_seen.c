/* test_ladder_seen.c - unit tests of the ladder_seen table (src/store_ladder_seen.c):
 * first sight, reworded, added and retired criteria, look-ups, and the database
 * errors a missing table or a refusing trigger give. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "climb/content.h"
#include "climb/store.h"
#include "climb/store_ladder_seen.h"

typedef struct {
    char path[64];
    climb_store *st;
    climb_ladder l;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    char err[256];
    climb_content_error ce;
    int fd;
    assert_non_null(f);
    snprintf(f->path, sizeof f->path, "/tmp/climb-seen-XXXXXX");
    fd = mkstemp(f->path);
    assert_true(fd >= 0);
    close(fd);
    unlink(f->path);
    assert_int_equal(store_open(f->path, &f->st, err, sizeof err), 0);
    assert_int_equal(content_load_file("tests/fixtures/content/minimal.yaml", &f->l, &ce), 0);
    assert_true(f->l.n_phases > 0 && f->l.phases[0].n_criteria > 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    store_close(f->st);
    content_free(&f->l);
    unlink(f->path);
    free(f);
    return 0;
}

static void exec(fx *f, const char *sql)
{
    assert_int_equal(sqlite3_exec(store_db(f->st), sql, NULL, NULL, NULL), SQLITE_OK);
}

static size_t n_criteria(const climb_ladder *l)
{
    size_t n = 0;
    for (size_t p = 0; p < l->n_phases; p++)
        n += l->phases[p].n_criteria;
    return n;
}

static void test_first_seen_then_changes(void **state)
{
    fx *f = *state;
    ladder_diff d;
    climb_criterion *c = &f->l.phases[0].criteria[0];
    char *saved = c->text, *text = NULL;
    int phase = 0;

    assert_int_equal(ladder_update_diff(f->st, &f->l, &d), 0);
    assert_int_equal(d.first_seen, 1);
    assert_int_equal(d.n_items, 0);
    ladder_diff_free(&d);
    assert_int_equal(ladder_seen_lookup(f->st, f->l.id, c->id, &text, &phase), 1);
    assert_null(text);

    assert_int_equal(ladder_update_record(f->st, &f->l), 0);
    assert_int_equal(ladder_update_diff(f->st, &f->l, &d), 0);
    assert_int_equal(d.first_seen, 0);
    assert_int_equal(d.n_items, 0);
    ladder_diff_free(&d);
    assert_int_equal(ladder_seen_lookup(f->st, f->l.id, c->id, &text, &phase), 0);
    assert_string_equal(text, saved);
    assert_int_equal(phase, f->l.phases[0].number);
    free(text);

    /* one reworded, one retired (a row the ladder lacks), one added (a row deleted) */
    c->text = (char *)"New wording";
    exec(f, "INSERT INTO ladder_seen (ladder_id, item_id, phase, text, retired)"
            " SELECT ladder_id, 'zz-gone', 4, 'Old gone', 0 FROM ladder_seen LIMIT 1");
    if (n_criteria(&f->l) > 1) {
        char sql[256];
        const climb_criterion *last =
            &f->l.phases[f->l.n_phases - 1].criteria[f->l.phases[f->l.n_phases - 1].n_criteria - 1];
        snprintf(sql, sizeof sql, "DELETE FROM ladder_seen WHERE item_id = '%s'", last->id);
        exec(f, sql);
    }
    assert_int_equal(ladder_update_diff(f->st, &f->l, &d), 0);
    assert_int_equal(d.reworded, 1);
    assert_int_equal(d.retired, 1);
    assert_int_equal(d.added, n_criteria(&f->l) > 1 ? 1 : 0);
    assert_int_equal(d.n_items, d.reworded + d.retired + d.added);
    for (size_t i = 0; i < d.n_items; i++) {
        if (strcmp(d.items[i].id, "zz-gone") == 0) {
            assert_string_equal(d.items[i].old_text, "Old gone");
            assert_null(d.items[i].new_text);
            assert_int_equal(d.items[i].phase, 4);
        } else if (strcmp(d.items[i].id, c->id) == 0) {
            assert_string_equal(d.items[i].old_text, saved);
            assert_string_equal(d.items[i].new_text, "New wording");
        } else {
            assert_null(d.items[i].old_text);
            assert_non_null(d.items[i].new_text);
        }
    }
    ladder_diff_free(&d);
    assert_int_equal(d.n_items, 0);

    /* recording again keeps the retired row, marked retired, and the look-up finds it */
    assert_int_equal(ladder_update_record(f->st, &f->l), 0);
    assert_int_equal(ladder_update_diff(f->st, &f->l, &d), 0);
    assert_int_equal(d.n_items, 0);
    ladder_diff_free(&d);
    assert_int_equal(ladder_seen_lookup(f->st, f->l.id, "zz-gone", &text, &phase), 0);
    assert_string_equal(text, "Old gone");
    assert_int_equal(phase, 4);
    free(text);
    c->text = saved;
}

/* Many criteria, so the change list grows past its first allocation. */
static void test_many_changes(void **state)
{
    fx *f = *state;
    ladder_diff d;
    assert_int_equal(ladder_update_record(f->st, &f->l), 0);
    exec(f, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)"
            " INSERT INTO ladder_seen (ladder_id, item_id, phase, text, retired)"
            " SELECT (SELECT ladder_id FROM ladder_seen LIMIT 1), 'gone-' || i, 2, 'x', 0 FROM n");
    assert_int_equal(ladder_update_diff(f->st, &f->l, &d), 0);
    assert_int_equal(d.retired, 20);
    assert_int_equal(d.n_items, 20);
    assert_string_equal(d.items[19].id, "gone-9"); /* ordered by phase, then id */
    ladder_diff_free(&d);
}

static void test_missing_table(void **state)
{
    fx *f = *state;
    ladder_diff d;
    char *text = (char *)"unchanged";
    int phase = 0;
    exec(f, "DROP TABLE ladder_seen");
    assert_int_equal(ladder_update_diff(f->st, &f->l, &d), -1);
    assert_string_equal(store_error(f->st), "database error: no such table: ladder_seen");
    assert_int_equal(d.n_items, 0);
    assert_int_equal(ladder_update_record(f->st, &f->l), -1);
    assert_string_equal(store_error(f->st), "database error: no such table: ladder_seen");
    assert_int_equal(ladder_seen_lookup(f->st, f->l.id, "x", &text, &phase), -1);
    assert_null(text);
    assert_string_equal(store_error(f->st), "database error: no such table: ladder_seen");
}

static void test_refused_writes(void **state)
{
    fx *f = *state;
    char *text = NULL;
    int phase = 0;
    exec(f, "CREATE TRIGGER no_put BEFORE INSERT ON ladder_seen"
            " BEGIN SELECT RAISE(ABORT, 'refused'); END");
    assert_int_equal(ladder_update_record(f->st, &f->l), -1);
    assert_string_equal(store_error(f->st), "cannot record the ladder: refused");
    assert_int_equal(ladder_seen_lookup(f->st, f->l.id, f->l.phases[0].criteria[0].id, &text,
                                        &phase), 1); /* rolled back */
    exec(f, "DROP TRIGGER no_put");
    assert_int_equal(ladder_update_record(f->st, &f->l), 0);
    exec(f, "CREATE TRIGGER no_retire BEFORE UPDATE ON ladder_seen"
            " BEGIN SELECT RAISE(ABORT, 'no retiring'); END");
    assert_int_equal(ladder_update_record(f->st, &f->l), -1);
    assert_string_equal(store_error(f->st), "cannot record the ladder: no retiring");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_first_seen_then_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused_writes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
