/* test_history_text.c - unit tests of the words the history shows for each event
 * (history_text.c) on hand-made events and the built-in ladder: the verb of every
 * kind and state, what each kind is about (known and unknown ids, missing values),
 * undo in words, a row's parts, and the timeline's folding by content. Pure: no
 * database. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "climb/content.h"
#include "climb/history.h"
#include "climb/history_text.h"

static climb_ladder L;

static int load(void **state)
{
    (void)state;
    climb_content_error err;
    return content_load_default(&L, &err);
}

static int unload(void **state)
{
    (void)state;
    content_free(&L);
    return 0;
}

/* An event of kind k with the given fields (string literals; never freed). */
static hist_event ev(const char *k, const char *item, const char *value, const char *previous,
                     const char *detail)
{
    hist_event e;
    memset(&e, 0, sizeof e);
    snprintf(e.kind, sizeof e.kind, "%s", k);
    e.item = (char *)item;
    e.value = (char *)value;
    e.previous = (char *)previous;
    e.detail = (char *)detail;
    return e;
}

static void expect_what(hist_event e, const char *want)
{
    char buf[32];
    history_text_what(&e, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void expect_about(hist_event e, const char *want)
{
    char buf[512];
    history_text_about(&L, &e, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static const char *crit(const char *id)
{
    const climb_phase *ph;
    const climb_criterion *c = content_criterion(&L, id, &ph);
    assert_non_null(c);
    return c->text;
}

static void verbs_of_every_kind(void **state)
{
    (void)state;
    expect_what(ev("state", "x", "done", "todo", NULL), "ticked");
    expect_what(ev("state", "x", "todo", "done", NULL), "unticked");
    expect_what(ev("state", "x", "n/a", "todo", NULL), "n/a");
    expect_what(ev("state", "x", "doing", "todo", NULL), "doing");
    expect_what(ev("state", "x", "todo", "doing", NULL), "to do");
    expect_what(ev("state", "x", "todo", NULL, NULL), "to do");
    expect_what(ev("note", "x", "hi", NULL, NULL), "note");
    expect_what(ev("note", "x", NULL, "hi", NULL), "note cleared");
    expect_what(ev("roadblock", "rb", "on", NULL, NULL), "roadblock");
    expect_what(ev("roadblock", "rb", "off", "on", NULL), "roadblock off");
    expect_what(ev("rename", NULL, "b", "a", NULL), "renamed");
    expect_what(ev("profile", NULL, "ana", NULL, NULL), "created");
    expect_what(ev("evidence", NULL, "url", NULL, NULL), "evidence");
    expect_what(ev("evidence", NULL, "new", "old", NULL), "evidence edited");
    expect_what(ev("evidence", NULL, NULL, "old", NULL), "evidence removed");
    expect_what(ev("target", NULL, "senior", NULL, NULL), "target");
    expect_what(ev("target", NULL, NULL, "senior", NULL), "target cleared");
    expect_what(ev("checkin", "p2", NULL, NULL, NULL), "check-in");
    /* the rest are named by their kind */
    expect_what(ev("quiz", NULL, NULL, NULL, NULL), "quiz");
    expect_what(ev("title", NULL, "mid", NULL, NULL), "title");
    expect_what(ev("setting", "stale", "6", "12", NULL), "setting");
}

static void about_criteria_notes_and_reasons(void **state)
{
    (void)state;
    char want[600];
    const char *pipe = crit("p1-own-pipeline");
    expect_about(ev("state", "p1-own-pipeline", "done", "todo", NULL), pipe);
    snprintf(want, sizeof want, "%s (not my job)", pipe);
    expect_about(ev("state", "p1-own-pipeline", "n/a", "todo", "not my job"), want);
    /* n/a without a reason, and an id the ladder lost: the id itself */
    expect_about(ev("state", "p1-own-pipeline", "n/a", "todo", NULL), pipe);
    expect_about(ev("state", "gone-crit", "done", "todo", NULL), "gone-crit");
    expect_about(ev("state", NULL, "done", "todo", NULL), "");
    expect_about(ev("note", "p1-own-pipeline", NULL, "old", NULL), pipe);
    snprintf(want, sizeof want, "\"built it\" on %s", pipe);
    expect_about(ev("note", "p1-own-pipeline", "built it", NULL, NULL), want);
}

static void about_quiz_checkin_title_roadblock(void **state)
{
    (void)state;
    expect_about(ev("quiz", NULL, NULL, NULL, "phase=2 on_edge_of=3"),
                 "placed in Phase 2, on the edge of Phase 3");
    expect_about(ev("quiz", NULL, NULL, NULL, "phase=1 on_edge_of=0"), "placed in Phase 1");
    expect_about(ev("quiz", NULL, NULL, NULL, NULL), "quiz taken");
    expect_about(ev("checkin", "p2", "reviewed=3 changed=1", NULL, NULL),
                 "Phase 2 reviewed: 3 criteria, 1 changed");
    expect_about(ev("checkin", "p2", "reviewed=1 changed=0", NULL, NULL),
                 "Phase 2 reviewed: 1 criterion, 0 changed");
    /* a phase the ladder lost, no item, no value */
    expect_about(ev("checkin", "p9", "reviewed=1 changed=1", NULL, NULL),
                 "1 criterion reviewed, 1 changed");
    expect_about(ev("checkin", NULL, NULL, NULL, NULL), "0 criteria reviewed, 0 changed");
    expect_about(ev("title", NULL, "senior", "mid", NULL), "Senior (was Mid)");
    expect_about(ev("title", NULL, "cto", NULL, NULL), "cto (was none)");
    expect_about(ev("roadblock", "rb-senior-stall", "on", NULL, NULL),
                 "Three or more years at Senior without a promotion");
    expect_about(ev("roadblock", "rb-gone", "on", NULL, NULL), "rb-gone");
    expect_about(ev("roadblock", NULL, "on", NULL, NULL), "");
}

static void about_rename_evidence_target_setting_other(void **state)
{
    (void)state;
    char want[600];
    const char *pipe = crit("p1-own-pipeline");
    expect_about(ev("rename", NULL, "bo", "ana", NULL), "ana -> bo");
    expect_about(ev("rename", NULL, NULL, NULL, NULL), " -> ");
    const char *d = "{\"criterion\":\"p1-own-pipeline\"}";
    snprintf(want, sizeof want, "\"https://x\" on %s", pipe);
    expect_about(ev("evidence", NULL, "https://x", NULL, d), want);
    snprintf(want, sizeof want, "\"old\" on %s", pipe);
    expect_about(ev("evidence", NULL, NULL, "old", d), want);
    /* no detail, or detail that is not JSON: no criterion */
    expect_about(ev("evidence", NULL, NULL, NULL, NULL), "\"\" on ");
    expect_about(ev("evidence", NULL, "u", NULL, "not json"), "\"u\" on ");
    expect_about(ev("target", NULL, "senior", NULL, "2027-06-30T00:00:00Z"),
                 "Senior by 2027-06-30");
    expect_about(ev("target", NULL, "senior", NULL, NULL), "Senior by ?");
    expect_about(ev("target", NULL, NULL, "staff", NULL), "was Staff");
    expect_about(ev("target", NULL, NULL, NULL, NULL), "was none");
    expect_about(ev("setting", "stale_months", "6", "12", NULL), "stale_months: 12 -> 6");
    expect_about(ev("setting", NULL, NULL, NULL, NULL), ":  -> ");
    expect_about(ev("profile", "ana", "Ana", NULL, NULL), "Ana");
    expect_about(ev("profile", "ana", NULL, NULL, NULL), "ana");
    expect_about(ev("profile", NULL, NULL, NULL, NULL), "");
}

static void undo_in_words(void **state)
{
    (void)state;
    char want[600];
    const char *pipe = crit("p1-own-pipeline");
    hist_event u = ev("undo", NULL, NULL, NULL, "p1-own-pipeline");
    u.undone_kind = (char *)"state";
    u.undone_value = (char *)"done";
    u.undone_previous = (char *)"todo";
    expect_what(u, "undo");
    snprintf(want, sizeof want, "took back \"ticked\": %s", pipe);
    expect_about(u, want);
    /* an undo whose event is unknown */
    hist_event bare = ev("undo", NULL, NULL, NULL, NULL);
    expect_about(bare, "took back \"\": ");

    hist_words w;
    history_row_words(&L, &u, &w);
    assert_string_equal(w.what, "undid");
    assert_string_equal(w.undone, "ticked");
    assert_string_equal(w.crit_id, "p1-own-pipeline");
    assert_string_equal(w.crit_text, pipe);
    assert_null(w.quote);
    history_row_words(&L, &bare, &w);
    assert_string_equal(w.what, "undid");
    assert_string_equal(w.undone, "");
    assert_null(w.crit_id);
    assert_string_equal(w.info, "");
}

static void words_of_a_row(void **state)
{
    (void)state;
    hist_words w;
    hist_event na = ev("state", "p1-own-pipeline", "n/a", "todo", "not my job");
    history_row_words(&L, &na, &w);
    assert_string_equal(w.what, "n/a");
    assert_string_equal(w.quote, "not my job");
    assert_string_equal(w.info, "");
    hist_event tick = ev("state", "gone-crit", "done", "todo", NULL);
    history_row_words(&L, &tick, &w);
    assert_string_equal(w.crit_id, "gone-crit");
    assert_null(w.crit_text);
    assert_null(w.quote);
    hist_event cleared = ev("note", "p1-own-pipeline", NULL, "was here", NULL);
    history_row_words(&L, &cleared, &w);
    assert_string_equal(w.what, "note cleared");
    assert_string_equal(w.quote, "was here");
    hist_event evd = ev("evidence", NULL, "https://x", NULL, "{\"criterion\":\"p2-reduce-oncall\"}");
    history_row_words(&L, &evd, &w);
    assert_string_equal(w.crit_id, "p2-reduce-oncall");
    assert_ptr_equal(w.crit_id, w.id_buf);
    assert_string_equal(w.crit_text, crit("p2-reduce-oncall"));
    assert_string_equal(w.quote, "https://x");
    hist_event gone = ev("evidence", NULL, NULL, "old", NULL);
    history_row_words(&L, &gone, &w);
    assert_string_equal(w.what, "evidence removed");
    assert_null(w.crit_id);
    assert_string_equal(w.quote, "old");
    hist_event title = ev("title", NULL, "senior", "mid", NULL);
    history_row_words(&L, &title, &w);
    assert_null(w.crit_id);
    assert_null(w.quote);
    assert_string_equal(w.info, "Senior (was Mid)");
}

static void folding_by_content(void **state)
{
    (void)state;
    hist_event u = ev("undo", NULL, NULL, NULL, "c1");
    u.at = 100;
    u.undone_kind = (char *)"note";
    u.undone_value = (char *)"new";
    u.undone_previous = (char *)"old";
    hist_event rev = ev("note", "c1", "old", "new", NULL);
    rev.at = 100;
    assert_true(history_row_folds(&u, &rev));
    /* any field apart: no fold */
    rev.at = 101;
    assert_false(history_row_folds(&u, &rev));
    rev.at = 100;
    rev.item = (char *)"c2";
    assert_false(history_row_folds(&u, &rev));
    rev.item = NULL;
    assert_false(history_row_folds(&u, &rev));
    rev.item = (char *)"c1";
    rev.value = NULL;
    assert_false(history_row_folds(&u, &rev));
    rev.value = (char *)"old";
    rev.previous = (char *)"other";
    assert_false(history_row_folds(&u, &rev));
    rev.previous = (char *)"new";
    snprintf(rev.kind, sizeof rev.kind, "state");
    assert_false(history_row_folds(&u, &rev));
    /* both NULL fields agree */
    hist_event u2 = ev("undo", NULL, NULL, NULL, NULL);
    u2.undone_kind = (char *)"target";
    hist_event r2 = ev("target", NULL, NULL, NULL, NULL);
    assert_true(history_row_folds(&u2, &r2));
    /* an undo never folds with an undo, nor a non-undo with anything */
    hist_event u3 = ev("undo", NULL, NULL, NULL, NULL);
    assert_false(history_row_folds(&u2, &u3));
    assert_false(history_row_folds(&r2, &u2));
    /* named by uuid */
    u2.previous = (char *)"abc";
    snprintf(r2.uuid, sizeof r2.uuid, "abc");
    assert_true(history_row_folds(&u2, &r2));
    snprintf(r2.uuid, sizeof r2.uuid, "abd");
    assert_false(history_row_folds(&u2, &r2));
    /* an undo of an internal kind is internal */
    hist_event us = ev("undo", NULL, NULL, NULL, NULL);
    us.undone_kind = (char *)"setting";
    assert_true(history_row_internal(&us));
    us.undone_kind = NULL;
    assert_false(history_row_internal(&us));
}

static void rows_oldest_first_wait_for_more(void **state)
{
    (void)state;
    hist_event e[2] = {ev("state", "c1", "done", "todo", NULL), ev("note", "c1", "x", NULL, NULL)};
    hist_row rows[4];
    size_t used;
    /* oldest first with more to come: the last event waits, whatever its kind */
    assert_int_equal(history_rows(e, 2, 0, 0, 0, rows, 4, &used), 1);
    assert_int_equal(used, 1);
    assert_int_equal(rows[0].ev, 0);
    assert_int_equal(rows[0].rev, HIST_ROW_NONE);
    /* newest first with more to come: only an undo waits */
    assert_int_equal(history_rows(e, 2, 1, 0, 0, rows, 4, &used), 2);
    assert_int_equal(used, 2);
    assert_int_equal(history_rows(e, 0, 1, 0, 1, rows, 4, &used), 0);
    assert_int_equal(used, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verbs_of_every_kind),
        cmocka_unit_test(about_criteria_notes_and_reasons),
        cmocka_unit_test(about_quiz_checkin_title_roadblock),
        cmocka_unit_test(about_rename_evidence_target_setting_other),
        cmocka_unit_test(undo_in_words),
        cmocka_unit_test(words_of_a_row),
        cmocka_unit_test(folding_by_content),
        cmocka_unit_test(rows_oldest_first_wait_for_more),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
