/* test_event_words.c - unit tests of the event table's edges (src/ops_events.c):
 * the undo words of every kind with and without a value and previous value,
 * kinds that are unknown, not undoable or derive nothing, and settings climb
 * does not keep, and target events with a missing or unreadable date. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "climb/ops_events.h"
#include "climb/model.h"
#include "climb/store.h"

#include "support.h"

static const char *words(const char *kind, const char *item, const char *value,
                         const char *previous)
{
    static char buf[128];
    store_event e;
    memset(&e, 0, sizeof e);
    snprintf(e.kind, sizeof e.kind, "%s", kind);
    e.item = (char *)item;
    e.value = (char *)value;
    e.previous = (char *)previous;
    ops_event_words(&e, "Own the pager", buf, sizeof buf);
    return buf;
}

static void test_words(void **state)
{
    (void)state;
    assert_string_equal(words("state", "c", "done", "todo"), "tick of Own the pager");
    assert_string_equal(words("state", "c", "todo", "done"), "untick of Own the pager");
    assert_string_equal(words("state", "c", "doing", "n/a"), "Own the pager is n/a again");
    assert_string_equal(words("state", "c", "doing", NULL), "Own the pager is todo again");
    assert_string_equal(words("note", "c", "x", NULL), "note change on Own the pager");
    assert_string_equal(words("title", NULL, "Senior", "Mid"), "title change (back to Mid)");
    assert_string_equal(words("title", NULL, "Senior", NULL),
                        "title change (back to no title)");
    assert_string_equal(words("roadblock", "rb", "on", "off"), "roadblock on Own the pager");
    assert_string_equal(words("roadblock", "rb", NULL, "on"), "roadblock  Own the pager");
    assert_string_equal(words("evidence", "e", "x", NULL), "evidence added");
    assert_string_equal(words("evidence", "e", NULL, "x"), "evidence removed");
    assert_string_equal(words("evidence", "e", "y", "x"), "evidence change");
    assert_string_equal(words("target", NULL, "senior", "mid"), "target change (back to mid)");
    assert_string_equal(words("target", NULL, "senior", NULL), "target change (back to none)");
    assert_string_equal(words("name", NULL, "Ann", "Bo"), "name change (back to Bo)");
    assert_string_equal(words("name", NULL, "Ann", NULL),
                        "name change (back to the profile's)");
    assert_string_equal(words("setting", "stale_days", "30", "14"),
                        "stale_days change (back to 14)");
    assert_string_equal(words("setting", NULL, "30", NULL),
                        "setting change (back to the default)");
    assert_string_equal(words("quiz", NULL, "x", NULL), "quiz change");
    assert_string_equal(words("bogus", NULL, "x", NULL), "bogus change");
}

static void test_undoable(void **state)
{
    (void)state;
    assert_true(ops_event_undoable("state"));
    assert_true(ops_event_undoable("evidence"));
    assert_false(ops_event_undoable("quiz"));
    assert_false(ops_event_undoable("undo"));
    assert_false(ops_event_undoable("bogus"));
}

static void test_refusals(void **state)
{
    char path[64], err[256];
    climb_store *st = NULL;
    store_event e;
    long long id = -1;
    int fd;
    (void)state;
    snprintf(path, sizeof path, "/tmp/climb-words-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
    assert_int_equal(store_open(path, &st, err, sizeof err), 0);

    /* kinds without a derive, unknown kinds and unknown settings change nothing */
    assert_int_equal(ops_event_derive(st, 1, "quiz", NULL, NULL), 0);
    assert_int_equal(ops_event_derive(st, 1, "bogus", NULL, NULL), 0);
    assert_int_equal(ops_event_derive(st, 1, "setting", "no_such_setting", NULL), 0);
    assert_int_equal(ops_event_derive(st, 1, "setting", NULL, NULL), 0);

    assert_int_equal(ops_event_apply(st, 1, 100, "bogus", "x", "v", NULL, NULL, NULL, &id), -1);
    assert_string_equal(store_error(st), "unknown kind of event: bogus");
    assert_int_equal(id, -1);

    memset(&e, 0, sizeof e);
    e.profile_id = 1;
    snprintf(e.kind, sizeof e.kind, "quiz");
    assert_int_equal(ops_event_reverse(st, &e, 100, NULL, &id), -1);
    assert_string_equal(store_error(st), "a quiz change cannot be undone");
    snprintf(e.kind, sizeof e.kind, "bogus");
    assert_int_equal(ops_event_reverse(st, &e, 100, NULL, NULL), -1);
    assert_string_equal(store_error(st), "a bogus change cannot be undone");
    assert_int_equal(id, -1);

    store_close(st);
    unlink(path);
}

/* A target event counts only with a readable date in its detail. */
static const char *target_after(test_env *f, const char *level, const char *detail)
{
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(ops_event_apply(f->st, f->m.profile.id, 1000, "target", NULL, level, NULL,
                                     detail, NULL, NULL),
                     0);
    assert_int_equal(store_commit(f->st), 0);
    assert_int_equal(model_reload(&f->m), 0);
    return f->m.profile.target_level ? f->m.profile.target_level : "(none)";
}

static void test_target_dates(void **state)
{
    test_env *f = *state;
    assert_string_equal(target_after(f, "senior", "2027-01-01"), "senior");
    assert_int_equal(f->m.profile.target_at, 1798761600LL);
    assert_string_equal(target_after(f, "senior", NULL), "(none)");
    assert_string_equal(target_after(f, "mid", "2027-01-01"), "mid");
    assert_string_equal(target_after(f, "senior", "soon"), "(none)");
    assert_int_equal(f->m.profile.target_at, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_undoable),
        cmocka_unit_test(test_refusals),
        test_with_env(test_target_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
