#!/bin/sh
# test_profiles.sh - one profile per person: switching in the P switcher without
# mixing ticks or quiz answers, creating (with its first-launch offer), renaming,
# deleting only after the name is typed again (only that profile's data goes),
# names refused with a clear message, and `climb users` (with no profile left, and
# a placement on the edge of the next phase).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }
bob() { "$CLIMB_BIN" --db "$DB" --user bob --create "$@"; }

# wait_for_line A B: polls until one line of the screen holds both A and B.
wait_for_line() {
    deadline=$(($(date +%s) + 8))
    while ! screen | grep -F -- "$1" | grep -qF -- "$2"; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "no line with both '$1' and '$2'"
        sleep 0.05
    done
}

switch_keeps_data_apart() {
    climb tick p1-own-pipeline >/dev/null || fail "ana tick"
    climb quiz --answers no,no,once,no,no >/dev/null || fail "ana quiz"
    bob tick p2-reduce-oncall >/dev/null || fail "bob tick"
    bob quiz --answers regularly,regularly,regularly,regularly,regularly >/dev/null || fail "bob quiz"
    start_tui 80 24
    wait_for "Before moving up to Mid · 1/3"
    wait_for "quiz Phase 1, edge of 2"
    keys P
    wait_for "Profiles"
    wait_for "* ana"
    wait_for "bob"
    keys j Enter
    wait_for "Now using profile bob."
    wait_for "climb · bob"
    wait_for "quiz Phase 4 ·"
    wait_for "What operating at Staff level takes · 0/4" # bob opens on his quiz phase
    keys 2
    wait_for "Before moving up to Senior · 1/3"
    keys 1 Space
    wait_for "Before moving up to Mid · 1/3"
    keys P
    wait_for "* bob"
    keys k Enter
    wait_for "Now using profile ana."
    wait_for "quiz Phase 1, edge of 2"
    keys 2
    wait_for "Before moving up to Senior · 0/3"
    quit_tui
    [ "$(q "SELECT group_concat(c.criterion_id) FROM criterion_state c JOIN profiles p ON p.id = c.profile_id WHERE p.name = 'ana' AND c.state = 'done'")" = "p1-own-pipeline" ] ||
        fail "ana's ticks changed"
    [ "$(q "SELECT group_concat(c.criterion_id, ' ') FROM (SELECT criterion_id FROM criterion_state c JOIN profiles p ON p.id = c.profile_id WHERE p.name = 'bob' AND c.state = 'done' ORDER BY criterion_id) c")" = "p1-own-pipeline p2-reduce-oncall" ] ||
        fail "bob's ticks: $(q "SELECT * FROM criterion_state")"
    climb users >"$T/users" || fail "users failed"
    grep -q "^\* ana .*Phase 1 (Junior), edge of 2, 2026-03-14 *1/14 met" "$T/users" || fail "users ana: $(cat "$T/users")"
    grep -q "^  bob .*Phase 4 (Staff), 2026-03-14 *2/14 met" "$T/users" || fail "users bob: $(cat "$T/users")"
}

create_rename_delete() {
    climb tick p1-own-pipeline >/dev/null || fail "ana tick"
    start_tui 80 24
    wait_for "Before moving up to Mid · 1/3"
    keys P
    wait_for "Enter switch  n new  r rename  d delete  Esc close"
    keys n
    wait_for "Name of the new profile:"
    keys Enter
    wait_for "a profile name cannot be empty"
    keys -l "ana"
    keys Enter
    wait_for "a profile named ana already exists"
    keys BSpace BSpace BSpace
    keys -l "Zoë Ng"
    keys Enter
    wait_for "Welcome to climb, Zoë Ng."
    keys s
    wait_for "climb · DevOps engineer ladder · Zoë Ng"
    wait_for "Before moving up to Mid · 0/3"
    keys P
    wait_for "* Zoë Ng"
    keys x # a key with no action says so and keeps the view
    wait_for "no action on that key; ? lists this view's keys"
    keys r
    wait_for "New name for Zoë Ng:"
    keys C-u # clears the proposed name: what is typed next is the whole name
    keys -l "Zoé"
    keys Enter
    wait_for "renamed Zoë Ng to Zoé"
    wait_for "* Zoé"
    keys d
    wait_for "Zoé is in use; switch to another profile before deleting it"
    keys k Enter
    wait_for "Now using profile ana."
    keys P
    wait_for "* ana"
    # another climb ticks for Zoé while the list is open: the list reads it again
    screen | grep -F "Zoé" | grep -qF "1/14" && fail "Zoé has a tick before it was made"
    climb --user "Zoé" tick p1-dev-feedback >/dev/null || fail "Zoé tick"
    wait_for_line "Zoé" "1/14"
    # Home, End, PgUp and PgDn move the cursor; d tells which row it is on
    keys End Home d
    wait_for "ana is in use; switch to another profile before deleting it"
    keys End
    wait_gone "ana is in use"
    keys PgUp d
    wait_for "ana is in use; switch to another profile before deleting it"
    keys PgDn d
    wait_for "Type Zoé again to delete it and all its data:"
    keys -l "Zoe"
    keys Enter
    wait_for "the name does not match; nothing was deleted"
    [ "$(q "SELECT count(*) FROM profiles")" = 2 ] || fail "deleted on a wrong name"
    keys -l "Zoé"
    keys Enter
    wait_for "deleted profile Zoé and its data"
    keys Escape
    wait_gone "Profiles"
    wait_for "Before moving up to Mid · 1/3"
    quit_tui
    [ "$(q "SELECT group_concat(name) FROM profiles")" = "ana" ] || fail "profiles left: $(q 'SELECT name FROM profiles')"
    [ "$(q "SELECT count(*) FROM events WHERE profile_id NOT IN (SELECT id FROM profiles)")" = 0 ] ||
        fail "the deleted profile's events remain"
    [ "$(q "SELECT count(*) FROM criterion_state WHERE state = 'done'")" = 1 ] || fail "ana's data went too"
}

names_refused() {
    "$CLIMB_BIN" --db "$DB" --user "$(printf 'a\tb')" status >/dev/null 2>"$T/err"
    [ $? -eq 2 ] || fail "control character accepted"
    grep -q "a profile name cannot contain control characters" "$T/err" || fail "message: $(cat "$T/err")"
    long=$(printf '%065d' 0)
    "$CLIMB_BIN" --db "$DB" --user "$long" status >/dev/null 2>"$T/err"
    [ $? -eq 2 ] || fail "65 characters accepted"
    grep -q "at most 64 characters" "$T/err" || fail "message: $(cat "$T/err")"
    "$CLIMB_BIN" --db "$DB" --user "" users >/dev/null 2>"$T/err"
    [ $? -eq 2 ] || fail "empty name accepted"
    "$CLIMB_BIN" --db "$DB" --user "$(printf '%064d' 0 | sed 's/0/é/g')" status >/dev/null ||
        fail "64 characters of UTF-8 refused"
    [ -f "$DB" ] && [ "$(q "SELECT count(*) FROM profiles")" = 1 ] || fail "expected only the valid profile"
}

users_json() {
    climb title senior >/dev/null
    bob status >/dev/null
    climb users --json >"$T/u.json" || fail "users --json failed"
    python3 - "$T/u.json" <<'PY' || fail "users JSON"
import json, sys
u = json.load(open(sys.argv[1]))
assert [p["name"] for p in u] == ["ana", "bob"], u
assert u[0]["current"] is True and u[1]["current"] is False
assert u[0]["title"] == "senior" and u[1]["title"] is None
assert u[0]["placement"] is None
assert u[0]["applicable"] == 14 and u[0]["done"] == 0
PY
}

# With every profile deleted, users says how one comes about; a placement on the
# edge of the next phase is in --json as that phase's number.
no_profiles_and_an_edge_placement() {
    "$CLIMB_BIN" --db "$DB" users add bo >/dev/null || fail "add"
    "$CLIMB_BIN" --db "$DB" users rm bo --yes >/dev/null || fail "rm"
    expect_exit 0 "^no profiles yet: climb creates yours \(--user NAME\) on first use$" -- \
        "$CLIMB_BIN" --db "$DB" users
    climb quiz --answers no,once,regularly,regularly,regularly >/dev/null || fail "quiz"
    "$CLIMB_BIN" --db "$DB" users --json >"$T/u.json" || fail "users --json"
    python3 - "$T/u.json" <<'PY' || fail "users --json: $(cat "$T/u.json")"
import json, sys
u = json.load(open(sys.argv[1]))
assert [p["name"] for p in u] == ["ana"], u
assert u[0]["placement"]["phase"] == 3 and u[0]["placement"]["on_edge_of"] == 4, u[0]["placement"]
PY
}

run_test switch_keeps_data_apart
run_test create_rename_delete
run_test names_refused
run_test users_json
run_test no_profiles_and_an_edge_placement
