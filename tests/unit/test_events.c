/* test_events.c - every row of the event table (src/ops_events.c): a change
 * applied through the operations layer, taken back by undo, made again by redo,
 * and re-derived from the log after its columns were overwritten, always gives
 * back the same state. For criteria, undo is tried from each state to each
 * state (n/a with its reason), and the dates that belong to a state (done_at,
 * note_at, flagged_at) come back as they were. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/clock.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/ops_events.h"
#include "climb/store.h"
#include "climb/store_evidence.h"

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sets the clock to t seconds after 2026-01-01T00:00:00Z. */
static void at(long long t)
{
    char iso[32];
    clock_format_utc(1767225600LL + t, iso, sizeof iso);
    assert_int_equal(setenv("CLIMB_NOW", iso, 1), 0);
}

static const char CRIT[] = "p1-own-pipeline";

static criterion_row row_now(test_env *f)
{
    criterion_row r;
    assert_int_equal(store_criterion_get(f->st, f->m.profile.id, CRIT, &r), 0);
    return r;
}

static void assert_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_row(const criterion_row *a, const criterion_row *b)
{
    assert_int_equal(a->state, b->state);
    assert_int_equal(a->done_at, b->done_at);
    assert_same_str(a->note, b->note);
    assert_int_equal(a->note ? a->note_at : 0, b->note ? b->note_at : 0);
    assert_same_str(a->reason, b->reason);
    assert_same_str(a->text_at_done, b->text_at_done);
}

/* Overwrites the criterion's columns that have events with nonsense, then
 * derives them again from the log. */
static void rederive(test_env *f)
{
    ops_hint h = {f->ladder.phases[0].criteria[0].text, 0, NULL, NULL};
    int states = (int)test_sql_int(f->st, "SELECT COUNT(*) FROM events WHERE kind = 'state'");
    int notes = (int)test_sql_int(f->st, "SELECT COUNT(*) FROM events WHERE kind = 'note'");
    assert_int_equal(store_begin(f->st), 0);
    if (states)
        assert_int_equal(store_criterion_put_state(f->st, f->m.profile.id, CRIT, STATE_DOING,
                                                   NULL, 42, "junk", 42), 0);
    if (notes)
        assert_int_equal(store_criterion_put_note(f->st, f->m.profile.id, CRIT, "junk", 42, 42),
                         0);
    assert_int_equal(ops_event_derive(f->st, f->m.profile.id, "state", CRIT, &h), 0);
    assert_int_equal(ops_event_derive(f->st, f->m.profile.id, "note", CRIT, &h), 0);
    assert_int_equal(store_commit(f->st), 0);
}

static void set(test_env *f, crit_state s)
{
    char why[32];
    snprintf(why, sizeof why, "reason %d", (int)s);
    assert_int_equal(ops_set_state(&f->m, 0, 0, s, s == STATE_NA ? why : NULL, NULL), 0);
}

/* From each state to each other: apply, re-derive, undo, re-derive, redo. */
static void test_state_every_transition(void **state)
{
    test_env *f = *state;
    undo_result r;
    for (int from = 0; from < 4; from++) {
        for (int to = 0; to < 4; to++) {
            if (from == to)
                continue;
            ops_undo_track(1);
            at(1000 * (from * 4 + to) + 1);
            set(f, STATE_DONE); /* a criterion once met keeps that date through it all */
            at(1000 * (from * 4 + to) + 2);
            if (from != STATE_DONE)
                set(f, (crit_state)from);
            criterion_row before = row_now(f);
            ops_undo_track(1); /* only the change under test is remembered */
            at(1000 * (from * 4 + to) + 3);
            set(f, (crit_state)to);
            criterion_row after = row_now(f);
            assert_int_equal(after.state, to);
            rederive(f);
            criterion_row again = row_now(f);
            assert_same_row(&after, &again);
            at(1000 * (from * 4 + to) + 4);
            assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
            criterion_row undone = row_now(f);
            assert_same_row(&before, &undone); /* the previous state, n/a with its reason */
            assert_int_equal(f->m.crit[0].state, from); /* and the model follows */
            rederive(f);
            criterion_row undone_again = row_now(f);
            assert_same_row(&before, &undone_again);
            assert_int_equal(ops_redo(&f->m, &r), UNDO_DONE);
            criterion_row redone = row_now(f);
            assert_int_equal(redone.state, to);
            assert_same_str(redone.reason, after.reason);
            criterion_row *rows[] = {&before, &after, &again, &undone, &undone_again, &redone};
            for (size_t k = 0; k < 6; k++)
                criterion_row_free(rows[k]);
        }
    }
    ops_undo_track(0);
}

/* Undoing an untick gives back the date the criterion was met, not the undo's. */
static void test_undo_untick_keeps_done_date(void **state)
{
    test_env *f = *state;
    undo_result r;
    ops_undo_track(1);
    at(100);
    set(f, STATE_DONE);
    at(200);
    set(f, STATE_TODO);
    at(300);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    criterion_row now = row_now(f);
    assert_int_equal(now.state, STATE_DONE);
    assert_int_equal(now.done_at, 1767225600LL + 100);
    criterion_row_free(&now);
    ops_undo_track(0);
}

static void test_note_apply_undo_rederive(void **state)
{
    test_env *f = *state;
    undo_result r;
    at(10);
    assert_int_equal(ops_set_note(&f->m, 0, 0, "first", NULL), 0);
    criterion_row before = row_now(f);
    ops_undo_track(1);
    at(20);
    assert_int_equal(ops_set_note(&f->m, 0, 0, "second", NULL), 0);
    criterion_row after = row_now(f);
    assert_string_equal(after.note, "second");
    rederive(f);
    criterion_row again = row_now(f);
    assert_same_row(&after, &again);
    at(30);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    criterion_row undone = row_now(f);
    assert_same_row(&before, &undone); /* "first", dated when it was first written */
    assert_int_equal(undone.note_at, 1767225600LL + 10);
    criterion_row *rows[] = {&before, &after, &again, &undone};
    for (size_t k = 0; k < 4; k++)
        criterion_row_free(rows[k]);
    ops_undo_track(0);
}

/* A note save never writes the state, and a state change never the note. */
static void test_note_and_state_are_separate(void **state)
{
    test_env *f = *state;
    climb_model other;
    int changed;
    assert_int_equal(model_open(&other, &f->ladder, f->st, "ana", 0, NULL), 0);
    set(f, STATE_DONE);
    assert_int_equal(ops_set_note(&other, 0, 0, "evidence", &changed), 0); /* held todo */
    assert_int_equal(changed, 1);
    criterion_row now = row_now(f);
    assert_int_equal(now.state, STATE_DONE);
    assert_string_equal(now.note, "evidence");
    criterion_row_free(&now);
    assert_int_equal(ops_set_state(&other, 0, 0, STATE_DOING, NULL, NULL), 0);
    now = row_now(f);
    assert_string_equal(now.note, "evidence");
    criterion_row_free(&now);
    model_close(&other);
}

/* A note edited from a stale copy is refused, and nothing is written. */
static void test_note_edit_conflict(void **state)
{
    test_env *f = *state;
    assert_int_equal(ops_set_note(&f->m, 0, 0, "theirs", NULL), 0);
    ops_crit_change c = {0, STATE_TODO, NULL, "mine", "", 1, 0};
    assert_int_equal(ops_criterion(&f->m, 0, 0, &c, NULL), OPS_CONFLICT);
    assert_non_null(strstr(ops_error(&f->m), "changed elsewhere"));
    criterion_row now = row_now(f);
    assert_string_equal(now.note, "theirs");
    criterion_row_free(&now);
    c.note_base = "theirs";
    assert_int_equal(ops_criterion(&f->m, 0, 0, &c, NULL), 0);
}

static void test_na_needs_a_reason(void **state)
{
    test_env *f = *state;
    assert_int_equal(ops_set_state(&f->m, 0, 0, STATE_NA, NULL, NULL), OPS_INVALID);
    assert_int_equal(ops_set_state(&f->m, 0, 0, STATE_NA, "", NULL), OPS_INVALID);
    assert_int_equal(test_sql_int(f->st, "SELECT COUNT(*) FROM events WHERE kind = 'state'"), 0);
}

static void test_title_apply_undo_redo(void **state)
{
    test_env *f = *state;
    undo_result r;
    assert_int_equal(ops_set_title(&f->m, "mid", NULL), 0);
    ops_undo_track(1);
    assert_int_equal(ops_set_title(&f->m, "senior", NULL), 0);
    assert_int_equal(store_profile_put_title(f->st, f->m.profile.id, "junk"), 0);
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(ops_event_derive(f->st, f->m.profile.id, "title", NULL, NULL), 0);
    assert_int_equal(store_commit(f->st), 0);
    assert_int_equal(model_reload(&f->m), 0);
    assert_string_equal(f->m.profile.title, "senior");
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_string_equal(f->m.profile.title, "mid");
    assert_int_equal(ops_redo(&f->m, &r), UNDO_DONE);
    assert_string_equal(f->m.profile.title, "senior");
    ops_undo_track(0);
}

static void test_roadblock_apply_undo_rederive(void **state)
{
    test_env *f = *state;
    undo_result r;
    at(5);
    assert_int_equal(ops_roadblock_set(&f->m, "rb-firefighting", 1, NULL), 0);
    ops_undo_track(1);
    at(6);
    assert_int_equal(ops_roadblock_set(&f->m, "rb-firefighting", 0, NULL), 0);
    assert_int_equal(roadblocks_flagged_at(&f->m.flags, "rb-firefighting"), 0);
    at(7);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    /* flagged again, since the time it was first flagged */
    assert_int_equal(roadblocks_flagged_at(&f->m.flags, "rb-firefighting"), 1767225600LL + 5);
    assert_int_equal(store_roadblock_put(f->st, f->m.profile.id, "rb-firefighting", 0, 0), 0);
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(ops_event_derive(f->st, f->m.profile.id, "roadblock", "rb-firefighting",
                                      NULL), 0);
    assert_int_equal(store_commit(f->st), 0);
    assert_int_equal(model_reload(&f->m), 0);
    assert_int_equal(roadblocks_flagged_at(&f->m.flags, "rb-firefighting"), 1767225600LL + 5);
    ops_undo_track(0);
}

static void test_setting_apply_undo(void **state)
{
    test_env *f = *state;
    undo_result r;
    ops_undo_track(1);
    assert_int_equal(ops_set_stale_months(&f->m, 3), 0);
    assert_int_equal(f->m.stale_months, 3);
    assert_int_equal(ops_set_stale_months(&f->m, 0), OPS_INVALID);
    assert_int_equal(ops_set_stale_months(&f->m, 121), OPS_INVALID);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.stale_months, 12);
    assert_int_equal(test_sql_int(f->st, "SELECT stale_months FROM profiles"), 12);
    ops_undo_track(0);
}

/* Undo compares events, not values: a change elsewhere that ends at the same
 * value still refuses it, and the refusal writes nothing. */
/* What another climb writes: an event through the table, not remembered here. */
static void elsewhere(test_env *f, const char *item, const char *value, const char *previous)
{
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(ops_event_apply(f->st, f->m.profile.id, clock_now(), "state", item, value,
                                     previous, NULL, NULL, NULL), 0);
    assert_int_equal(store_commit(f->st), 0);
}

static void test_undo_refuses_after_any_later_change(void **state)
{
    test_env *f = *state;
    undo_result r;
    ops_undo_track(1);
    set(f, STATE_DONE);
    elsewhere(f, CRIT, "todo", "done");
    elsewhere(f, CRIT, "done", "todo");
    int events = test_sql_int(f->st, "SELECT COUNT(*) FROM events");
    assert_int_equal(ops_undo(&f->m, &r), UNDO_REFUSED);
    assert_non_null(strstr(r.message, "changed since"));
    assert_int_equal(test_sql_int(f->st, "SELECT COUNT(*) FROM events"), events);
    criterion_row now = row_now(f);
    assert_int_equal(now.state, STATE_DONE);
    criterion_row_free(&now);
    /* a change of another item does not block it */
    set(f, STATE_TODO);
    elsewhere(f, f->ladder.phases[0].criteria[1].id, "done", "todo");
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.crit[0].state, STATE_DONE);
    ops_undo_track(0);
}

/* Undo after undo on the same item: the reverse an earlier undo wrote does not
 * count as a change made elsewhere. */
static void test_undo_twice_on_one_item(void **state)
{
    test_env *f = *state;
    undo_result r;
    ops_undo_track(1);
    set(f, STATE_DONE);
    set(f, STATE_TODO);
    set(f, STATE_DOING);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.crit[0].state, STATE_TODO);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.crit[0].state, STATE_DONE);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.crit[0].state, STATE_TODO);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_NOTHING);
    assert_int_equal(ops_redo(&f->m, &r), UNDO_DONE);
    assert_int_equal(ops_redo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.crit[0].state, STATE_TODO);
    /* a change elsewhere after the redo still refuses the next undo */
    elsewhere(f, CRIT, "doing", "todo");
    assert_int_equal(ops_undo(&f->m, &r), UNDO_REFUSED);
    ops_undo_track(0);
}

/* An imported event dated ahead of this clock does not pin an item: a change
 * made here still takes effect. */
static void test_change_wins_over_future_dated_event(void **state)
{
    test_env *f = *state;
    at(0);
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(store_event_add(f->st, f->m.profile.id, 1767225600LL + 999999, "state", CRIT,
                                     "done", "todo", NULL, NULL), 0);
    assert_int_equal(ops_event_derive(f->st, f->m.profile.id, "state", CRIT, NULL), 0);
    assert_int_equal(store_commit(f->st), 0);
    set(f, STATE_TODO);
    criterion_row now = row_now(f);
    assert_int_equal(now.state, STATE_TODO);
    criterion_row_free(&now);
}

static int entry_count(test_env *f)
{
    return (int)test_sql_int(f->st, "SELECT COUNT(*) FROM evidence");
}

/* evidence: add, edit, remove; each undone gives back the entry as it was, links
 * and date included, and the log re-derives the same rows. */
static void test_evidence_apply_undo_rederive(void **state)
{
    test_env *f = *state;
    undo_result r;
    char id[37];
    const char *links[] = {"https://example.com/pm/42", "PR-123"};
    at(1000);
    ops_entry e = {"postmortem, MTTR 14m -> 6m", links, 2, 1767225600LL + 10};
    ops_undo_track(1);
    assert_int_equal(ops_evidence_add(&f->m, 0, 0, &e, id), 0);
    assert_int_equal(f->m.crit[0].n_entries, 1);
    assert_int_equal(f->m.crit[0].entries[0].happened_at, 1767225600LL + 10);
    assert_int_equal(f->m.crit[0].entries[0].n_links, 2);
    assert_string_equal(f->m.crit[0].entries[0].links[1], "PR-123");
    at(2000);
    ops_entry edit = {"postmortem, MTTR 14m -> 5m", links, 1, 0};
    int changed;
    assert_int_equal(ops_evidence_edit(&f->m, id, &edit, &changed), 0);
    assert_int_equal(changed, 1);
    assert_int_equal(f->m.crit[0].entries[0].n_links, 1);
    at(3000);
    assert_int_equal(ops_evidence_remove(&f->m, id), 0);
    assert_int_equal(f->m.crit[0].n_entries, 0);
    assert_int_equal(entry_count(f), 0);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE); /* the removal */
    assert_int_equal(f->m.crit[0].n_entries, 1);
    assert_string_equal(f->m.crit[0].entries[0].text, "postmortem, MTTR 14m -> 5m");
    assert_int_equal(f->m.crit[0].entries[0].n_links, 1);
    assert_int_equal(f->m.crit[0].entries[0].happened_at, 1767225600LL + 10);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE); /* the edit */
    assert_string_equal(f->m.crit[0].entries[0].text, "postmortem, MTTR 14m -> 6m");
    assert_int_equal(f->m.crit[0].entries[0].n_links, 2);
    /* re-derived from the log, the row is the same */
    assert_int_equal(store_evidence_delete(f->st, f->m.profile.id, id), 0);
    assert_int_equal(store_begin(f->st), 0);
    assert_int_equal(ops_event_derive(f->st, f->m.profile.id, "evidence", id, NULL), 0);
    assert_int_equal(store_commit(f->st), 0);
    assert_int_equal(model_reload(&f->m), 0);
    assert_int_equal(f->m.crit[0].n_entries, 1);
    assert_int_equal(f->m.crit[0].entries[0].n_links, 2);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE); /* the add */
    assert_int_equal(entry_count(f), 0);
    assert_int_equal(ops_redo(&f->m, &r), UNDO_DONE);
    assert_int_equal(entry_count(f), 1);
    ops_undo_track(0);
}

static void test_evidence_refusals(void **state)
{
    test_env *f = *state;
    const char *bad[] = {"has space"};
    at(1000);
    ops_entry empty = {"", NULL, 0, 0}, spaced = {"x", bad, 1, 0};
    ops_entry future = {"x", NULL, 0, 1767225600LL + 5000};
    assert_int_equal(ops_evidence_add(&f->m, 0, 0, &empty, NULL), OPS_INVALID);
    assert_int_equal(ops_evidence_add(&f->m, 0, 0, &spaced, NULL), OPS_INVALID);
    assert_int_equal(ops_evidence_add(&f->m, 0, 0, &future, NULL), OPS_INVALID);
    assert_non_null(strstr(ops_error(&f->m), "future"));
    assert_int_equal(ops_evidence_remove(&f->m, "nope"), OPS_NOT_FOUND);
    assert_int_equal(test_sql_int(f->st, "SELECT COUNT(*) FROM events WHERE kind = 'evidence'"), 0);
}

/* A tick dated in the past counts from that date, and a later undo of an
 * untick gives that date back. */
static void test_tick_with_a_date(void **state)
{
    test_env *f = *state;
    undo_result r;
    at(100000);
    ops_crit_change c = {1, STATE_DONE, NULL, NULL, NULL, 0, 1767225600LL + 50};
    assert_int_equal(ops_criterion(&f->m, 0, 0, &c, NULL), 0);
    assert_int_equal(f->m.crit[0].done_at, 1767225600LL + 50);
    ops_undo_track(1);
    set(f, STATE_TODO);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_int_equal(f->m.crit[0].done_at, 1767225600LL + 50);
    c.when = 1767225600LL + 200000; /* the future */
    set(f, STATE_TODO);
    assert_int_equal(ops_criterion(&f->m, 0, 0, &c, NULL), OPS_INVALID);
    ops_undo_track(0);
}

static void test_target_and_name(void **state)
{
    test_env *f = *state;
    undo_result r;
    ops_undo_track(1);
    assert_int_equal(ops_set_target(&f->m, "senior", 1798761600LL, NULL), 0);
    assert_string_equal(f->m.profile.target_level, "senior");
    assert_int_equal(f->m.profile.target_at, 1798761600LL);
    assert_int_equal(ops_set_target(&f->m, "boss", 1798761600LL, NULL), OPS_INVALID);
    /* a day that is over: refused, and the target stays */
    assert_int_equal(ops_set_target(&f->m, "staff", clock_now() - 86400, NULL), OPS_INVALID);
    assert_non_null(strstr(ops_error(&f->m), "has passed"));
    assert_string_equal(f->m.profile.target_level, "senior");
    assert_int_equal(ops_set_display_name(&f->m, "Ana Lima", NULL), 0);
    assert_string_equal(f->m.profile.display_name, "Ana Lima");
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_null(f->m.profile.display_name);
    assert_int_equal(ops_set_target(&f->m, NULL, 0, NULL), 0);
    assert_null(f->m.profile.target_level);
    assert_int_equal(ops_undo(&f->m, &r), UNDO_DONE);
    assert_string_equal(f->m.profile.target_level, "senior");
    assert_int_equal(f->m.profile.target_at, 1798761600LL);
    ops_undo_track(0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        test_with_env(test_state_every_transition),
        test_with_env(test_undo_untick_keeps_done_date),
        test_with_env(test_note_apply_undo_rederive),
        test_with_env(test_note_and_state_are_separate),
        test_with_env(test_note_edit_conflict),
        test_with_env(test_na_needs_a_reason),
        test_with_env(test_title_apply_undo_redo),
        test_with_env(test_roadblock_apply_undo_rederive),
        test_with_env(test_setting_apply_undo),
        test_with_env(test_undo_refuses_after_any_later_change),
        test_with_env(test_undo_twice_on_one_item),
        test_with_env(test_change_wins_over_future_dated_event),
        test_with_env(test_evidence_apply_undo_rederive),
        test_with_env(test_evidence_refusals),
        test_with_env(test_tick_with_a_date),
        test_with_env(test_target_and_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
