#!/bin/sh
# test_outside_changes.sh - the TUI open in one terminal while climb commands change
# the same database from another: saving a note keeps a tick made meanwhile, undo
# refuses to take back an item someone else changed since (and still works when
# only another item changed), and an outside tick shows within about a second
# while keys keep arriving and while the history view is open.
. "$(dirname "$0")/lib.sh"

# How soon (milliseconds) an outside change must be on screen.
OUTSIDE_MS=${OUTSIDE_MS:-1500}

prepare() {
    climb status >/dev/null || fail "status failed"
}

ms_now() {
    date +%s%3N
}

# wait_re REGEX MS: polls the screen until a line matches the extended REGEX,
# or fails after MS milliseconds.
wait_re() {
    deadline=$(($(ms_now) + $2))
    while ! screen | grep -qE -- "$1"; do
        [ "$(ms_now)" -ge "$deadline" ] && fail "not on screen within $2 ms: /$1/"
        sleep 0.05
    done
}

# expect_cli WANT ARGS...: runs climb ARGS, which must exit 0 and print exactly WANT.
expect_cli() {
    want=$1
    shift
    got=$(climb "$@" 2>"$T/cli.err")
    rc=$?
    [ "$rc" -eq 0 ] || fail "climb $*: exit $rc: $(cat "$T/cli.err")"
    [ "$got" = "$want" ] || fail "climb $*: printed '$got', expected '$want'"
    [ -s "$T/cli.err" ] && fail "climb $*: stderr: $(cat "$T/cli.err")"
    true
}

# crit ID FIELD: FIELD of criterion ID in `climb status --json`.
crit() {
    climb status --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = [c for p in d["phases"] for c in p["criteria"] if c["id"] == sys.argv[1]][0]
v = c[sys.argv[2]]
print("null" if v is None else v)' "$1" "$2" || fail "status --json"
}

# events KIND [ID]: the values of ID's events of KIND, oldest first, space separated.
events() {
    climb history --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(str(e["value"]) for e in reversed(d)
               if e["kind"] == sys.argv[1] and (len(sys.argv) < 3 or e["item"] == sys.argv[2])))' "$@" ||
        fail "history --json"
}

# The note editor stays open while another terminal ticks the criterion; saving the
# note must not write back the state the TUI read before the tick.
note_keeps_outside_tick() {
    prepare
    first=$(climb status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phases"][0]["criteria"][0]["id"])')
    [ "$first" = p1-own-pipeline ] || fail "first criterion of phase 1 is $first"
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    keys n
    wait_for "Evidence: p1-own-pipeline"
    expect_cli "p1-own-pipeline: done (2026-03-14)" tick p1-own-pipeline
    keys -l "my evidence"
    keys C-x
    wait_for "note saved"
    [ "$(crit p1-own-pipeline state)" = done ] || fail "the outside tick was reverted: state $(crit p1-own-pipeline state), state events: $(events state p1-own-pipeline)"
    [ "$(crit p1-own-pipeline note)" = "my evidence" ] || fail "note: $(crit p1-own-pipeline note)"
    [ "$(events state p1-own-pipeline)" = "done" ] || fail "state events: $(events state p1-own-pipeline)"
    [ "$(events note p1-own-pipeline)" = "my evidence" ] || fail "note events: $(events note p1-own-pipeline)"
    # and the TUI, back on the checklist, shows the tick
    wait_re '\[x\] You have owned' "$OUTSIDE_MS"
    quit_tui
}

# The TUI ticks; another terminal unticks and ticks again (same value, but not the
# TUI's change any more): u must refuse, saying the item changed.
undo_refuses_after_outside_change() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    keys Space
    wait_for "Before moving up to Mid · 1/3"
    expect_cli "p1-own-pipeline: todo" untick p1-own-pipeline
    expect_cli "p1-own-pipeline: done (2026-03-14)" tick p1-own-pipeline
    keys u
    # a refusal that says the item changed; never the success message
    deadline=$(($(ms_now) + 5000))
    while ! screen | grep -v "Reloaded" | grep -q "changed"; do
        screen | grep -q "undone: tick of" && fail "u took back a tick that another climb had redone"
        [ "$(ms_now)" -ge "$deadline" ] && fail "no message that the criterion changed"
        sleep 0.05
    done
    screen | grep -q "undone: tick of" && fail "u took back a tick that another climb had redone"
    quit_tui
    [ "$(crit p1-own-pipeline state)" = done ] || fail "state after the refused undo: $(crit p1-own-pipeline state)"
    [ "$(events state p1-own-pipeline)" = "done todo done" ] || fail "state events: $(events state p1-own-pipeline)"
    [ -z "$(events undo)" ] || fail "an undo event was written: $(events undo)"
}

# The TUI ticks; another terminal adds a note to a different criterion: u still
# takes the tick back.
undo_allowed_after_unrelated_change() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    keys Space
    wait_for "Before moving up to Mid · 1/3"
    expect_cli "p1-solo-incident: note saved" note p1-solo-incident "INC-42 alone"
    keys u
    wait_for "Before moving up to Mid · 0/3"
    screen | grep "changed" | grep -qv "Reloaded" && fail "undo refused"
    quit_tui
    [ "$(crit p1-own-pipeline state)" = todo ] || fail "state after undo: $(crit p1-own-pipeline state)"
    [ "$(events state p1-own-pipeline)" = "done todo" ] || fail "state events: $(events state p1-own-pipeline)"
    [ "$(climb history --json --kind undo | grep -c '"kind":"undo"')" = 1 ] || fail "undo events: $(climb history --json --kind undo)"
    [ "$(crit p1-solo-incident note)" = "INC-42 alone" ] || fail "the other note: $(crit p1-solo-incident note)"
}

# A key every 0.2 s (j and k in turn) must not keep an outside tick off the screen.
outside_tick_shows_while_typing() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    screen | grep -q '\[ \] You have handled' || fail "p1-solo-incident not shown unticked"
    (
        i=0
        while [ ! -e "$T/stop-keys" ] && [ "$i" -lt 200 ]; do
            if [ $((i % 2)) -eq 0 ]; then keys j || break; else keys k || break; fi
            i=$((i + 1))
            sleep 0.2
        done
    ) &
    typist=$!
    sleep 1.2 # keys are already arriving when the tick comes
    expect_cli "p1-solo-incident: done (2026-03-14)" tick p1-solo-incident
    wait_re '\[x\] You have handled' "$OUTSIDE_MS"
    wait_re 'Before moving up to Mid · 1/3' 500
    : >"$T/stop-keys"
    wait "$typist"
    quit_tui
}

# The history view shows a tick made elsewhere while it is open.
history_view_shows_outside_tick() {
    prepare
    start_tui 100 30
    wait_for "Before moving up to Mid"
    keys H
    wait_for "Timeline, newest first"
    screen | grep -qE 'ticked +p1-solo-incident +You have handled' && fail "tick on screen before it was made"
    expect_cli "p1-solo-incident: done (2026-03-14)" tick p1-solo-incident
    wait_re 'ticked +p1-solo-incident +You have handled' "$OUTSIDE_MS"
    keys Escape
    wait_gone "Timeline, newest first"
    wait_for "Before moving up to Mid · 1/3"
    # another climb deletes the profile on screen: said once, and q still leaves
    sqlite3 "$DB" "PRAGMA foreign_keys=ON; DELETE FROM profiles WHERE name = 'ana'" ||
        fail "delete"
    wait_for "profile ana was deleted elsewhere; quit to leave it"
    screen | grep -qF "Before moving up to Mid · 1/3" || fail "the last view went away"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM profiles WHERE name = 'ana'")" = 0 ] ||
        fail "the profile came back"
}

run_test note_keeps_outside_tick
run_test undo_refuses_after_outside_change
run_test undo_allowed_after_unrelated_change
run_test outside_tick_shows_while_typing
run_test history_view_shows_outside_tick
