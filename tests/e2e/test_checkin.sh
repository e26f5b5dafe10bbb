#!/bin/sh
# test_checkin.sh - the check-in cadence (`climb cadence`), `climb due` for cron
# (one line and exit 0 when due, else silent exit 1), the prompt line's "due",
# and the check-in the full-screen view offers when one is due: one screen per
# criterion, the changes saved, a summary, and its event in History.
. "$(dirname "$0")/lib.sh"

# The clock of the tests: created on 2026-03-01, due checks 17 days later.
export CLIMB_NOW=2026-03-01T09:00:00Z
LATER=2026-03-18T09:00:00Z

cadence_is_set_shown_and_checked() {
    out=$(climb cadence) || fail "cadence"
    [ "$out" = "check-in cadence: none (climb cadence 2w asks for one every two weeks)" ] ||
        fail "default: $out"
    out=$(climb cadence 2w) || fail "cadence 2w"
    [ "$out" = "check-in cadence: every 2 weeks (climb due says when one is due)" ] ||
        fail "set: $out"
    climb cadence 3x >"$T/out" 2>"$T/err"
    [ $? -eq 2 ] || fail "a bad cadence is a usage error"
    grep -qF "not '3x'" "$T/err" || fail "message: $(cat "$T/err")"
    climb cadence | grep -qF "every 2 weeks" || fail "the bad cadence changed it"
    climb history --kind setting | grep -qF "checkin_days: 0 -> 14" || fail "no setting event"
}

due_is_silent_until_the_cadence_passes() {
    climb due >"$T/out" 2>&1
    [ $? -eq 1 ] && [ ! -s "$T/out" ] || fail "no database: not silent exit 1: $(cat "$T/out")"
    [ ! -e "$DB" ] || fail "due created the database"
    climb tick p1-own-pipeline --note "pipeline v1" >/dev/null || fail "tick"
    CLIMB_NOW=2027-03-01T09:00:00Z climb due >"$T/out" 2>&1
    [ $? -eq 1 ] && [ ! -s "$T/out" ] || fail "no cadence is never due: $(cat "$T/out")"
    climb cadence 2w >/dev/null || fail "cadence"
    CLIMB_NOW=2026-03-14T09:00:00Z climb due >"$T/out" 2>&1
    [ $? -eq 1 ] && [ ! -s "$T/out" ] || fail "13 days: not silent exit 1: $(cat "$T/out")"
    out=$(CLIMB_NOW=$LATER climb due) || fail "17 days: exit $?"
    [ "$out" = "check-in due: last update 17 days ago" ] || fail "got: $out"
    [ "$(CLIMB_NOW=$LATER climb status --line)" = "climb: P1 1/3 · due" ] ||
        fail "line: $(CLIMB_NOW=$LATER climb status --line)"
    [ "$(climb status --line)" = "climb: P1 1/3" ] || fail "line before: $(climb status --line)"
    climb stale-after 1 >/dev/null || fail "stale-after"
    out=$(CLIMB_NOW=2026-04-20T09:00:00Z climb due) || fail "stale: exit $?"
    [ "$out" = "check-in due: last update 50 days ago; 1 criterion with stale evidence" ] ||
        fail "got: $out"
    CLIMB_NOW=$LATER climb note p1-solo-incident "first solo page" >/dev/null || fail "note"
    CLIMB_NOW=$LATER climb due >/dev/null && fail "a note is an update: not due"
    return 0
}

tui_offers_a_checkin_when_due() {
    climb tick p1-own-pipeline --note "pipeline v1" >/dev/null || fail "tick"
    climb cadence 2w >/dev/null || fail "cadence"
    CLIMB_NOW=$LATER start_tui 80 24
    wait_for "A check-in is due"
    wait_for "Check-in due: last update 17 days ago"
    screen | head -n 1 | grep -qF "check-in due" || fail "title bar lacks 'check-in due'"
    keys Enter
    wait_for "Phase 1 · criterion 1 of 3"
    wait_for "Evidence: pipeline v1"
    keys Enter
    wait_for "criterion 2 of 3"
    keys 2
    wait_for "Now: [~] in progress"
    keys Enter
    wait_for "criterion 3 of 3"
    keys n
    wait_for "Evidence: p1-dev-feedback"
    keys "survey sent" C-x
    wait_for "Evidence: survey sent"
    keys Enter
    wait_for "Check-in summary"
    wait_for "3 criteria reviewed, 2"
    wait_for "(was not started)"
    wait_for "(evidence updated)"
    wait_for "Next check-in due 2026-04-01."
    keys Enter
    wait_gone "Check-in summary"
    screen | head -n 1 | grep -qF "next check-in in 14 days" || fail "title bar after"
    quit_tui
    CLIMB_NOW=$LATER climb history >"$T/h" || fail "history"
    grep -qF "check-in      Phase 1 reviewed: 3 criteria, 2 changed" "$T/h" ||
        fail "history lacks the check-in: $(head -n 3 "$T/h")"
    CLIMB_NOW=$LATER climb status | grep -qF "[~] p1-solo-incident" || fail "state not saved"
    CLIMB_NOW=$LATER climb status | grep -qF "note: survey sent" || fail "note not saved"
    CLIMB_NOW=$LATER climb due >/dev/null && fail "still due after the check-in"
    return 0
}

tui_does_not_offer_before_due() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    climb cadence 2w >/dev/null || fail "cadence"
    CLIMB_NOW=2026-03-10T09:00:00Z start_tui 100 24
    wait_for "next check-in in 5 days"
    wait_for "Before moving up to Mid"
    screen | grep -qF "A check-in is due" && fail "offered before due"
    quit_tui
}

leaving_a_checkin_records_none() {
    climb cadence 1w >/dev/null || fail "cadence"
    climb set p1-solo-incident n/a --reason "no on-call here" >/dev/null || fail "n/a"
    CLIMB_NOW=$LATER start_tui 80 24
    wait_for "A check-in is due"
    keys Escape
    wait_for "Check-in later; press C"
    keys C
    wait_for "criterion 1 of 3"
    keys BSpace
    wait_for "This is the first criterion; Esc leaves the check-in."
    keys Enter # an n/a criterion shows its reason; Backspace goes back
    wait_for "criterion 2 of 3"
    wait_for "Reason: no on-call here"
    keys BSpace
    wait_for "criterion 1 of 3"
    keys 3
    wait_for "Now: [x] met"
    keys Escape
    wait_for "no check-in was recorded"
    quit_tui
    CLIMB_NOW=$LATER climb history >"$T/h" || fail "history"
    grep -qF "check-in" "$T/h" && fail "a check-in was recorded: $(head -n 3 "$T/h")"
    grep -qF "ticked" "$T/h" || fail "the tick made during it was lost"
}

run_test cadence_is_set_shown_and_checked
run_test due_is_silent_until_the_cadence_passes
run_test tui_offers_a_checkin_when_due
run_test tui_does_not_offer_before_due
run_test leaving_a_checkin_records_none
