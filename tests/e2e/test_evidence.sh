#!/bin/sh
# test_evidence.sh - evidence and states in the TUI and the CLI: in progress, not
# applicable with a reason, notes through $EDITOR and the built-in editor, asking
# before unticking a criterion with a note, stale evidence, mouse clicks, and
# progress kept across a ladder update.
. "$(dirname "$0")/lib.sh"
fixtures="$(cd "$(dirname "$0")/../fixtures" && pwd)"

prepare() {
    climb status >/dev/null || fail "status failed"
}

states_from_the_cli() {
    climb set p1-own-pipeline doing >/dev/null || fail "set doing"
    expect_exit 2 "n/a needs a reason" -- climb set p1-solo-incident n/a
    climb set p1-solo-incident n/a --reason "we have no on-call rotation" >/dev/null || fail "set n/a"
    expect_exit 2 "unknown state 'finished'" -- climb set p1-dev-feedback finished
    climb status --json >"$T/s.json"
    python3 - "$T/s.json" <<'PY' || fail "status JSON"
import json, sys
p1 = json.load(open(sys.argv[1]))["phases"][0]
c = {x["id"]: x for x in p1["criteria"]}
assert c["p1-own-pipeline"]["state"] == "doing"
assert c["p1-solo-incident"]["state"] == "n/a"
assert c["p1-solo-incident"]["reason"] == "we have no on-call rotation"
assert p1["total"] == 2 and p1["done"] == 0, p1
PY
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/2"
    wait_for "[~] You have owned"
    wait_for "[-] You have handled"
    wait_for "not applicable: we have no on-call rotation"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT detail FROM events WHERE value='n/a'")" = "we have no on-call rotation" ] ||
        fail "reason not in the event"
}

states_from_the_keys() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    keys p
    wait_for "[~] You have owned"
    keys j x
    wait_for "Why does this not apply to you?"
    keys -l "no on-call herr"
    keys BSpace
    keys -l "e"
    keys Enter
    wait_for "Before moving up to Mid · 0/2"
    wait_for "not applicable: no on-call here"
    keys x
    wait_for "Before moving up to Mid · 0/3"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind='state'")" = 3 ] || fail "events"
}

note_through_editor() {
    prepare
    cat >"$T/fake-editor" <<'ED'
#!/bin/sh
printf 'Shipped ADR-7; payments adopted it\n' >"$1"
ED
    chmod +x "$T/fake-editor"
    TUI_ENV="EDITOR=$T/fake-editor" start_tui 80 24
    wait_for "Before moving up to Mid"
    keys 2 n
    wait_for "note: Shipped ADR-7; payments adopted it"
    quit_tui
    climb status --json | grep -q '"note": "Shipped ADR-7; payments adopted it"' || fail "note not saved"
}

note_built_in_editor() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys n
    wait_for "Evidence: p1-own-pipeline"
    keys -l "Pipeline for billinx"
    keys BSpace
    keys -l "g"
    keys Enter
    keys -l "since 2025"
    keys C-x
    wait_for "note saved"
    wait_for "note: Pipeline for billing"
    keys n
    wait_for "Evidence: p1-own-pipeline"
    keys Escape
    wait_gone "Evidence: p1-own-pipeline"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT note FROM criterion_state")" = "$(printf 'Pipeline for billing\nsince 2025')" ] ||
        fail "note: $(sqlite3 "$DB" "SELECT note FROM criterion_state")"
}

untick_with_note_asks() {
    climb tick p1-own-pipeline --note "the billing pipeline" >/dev/null || fail "tick"
    start_tui 80 24
    wait_for "Before moving up to Mid · 1/3"
    keys Space
    wait_for "Untick it anyway?"
    keys n
    wait_gone "Untick it anyway?"
    wait_for "Before moving up to Mid · 1/3"
    keys Space
    wait_for "Untick it anyway?"
    keys y
    wait_for "Before moving up to Mid · 0/3"
    quit_tui
    climb status --json | grep -q '"note": "the billing pipeline"' || fail "note lost on untick"
}

stale_evidence_flagged() {
    CLIMB_NOW=2024-11-01T10:00:00Z climb tick p1-own-pipeline >/dev/null
    climb tick p1-dev-feedback >/dev/null
    climb status --json >"$T/s.json"
    python3 - "$T/s.json" <<'PY' || fail "stale flags"
import json, sys
c = {x["id"]: x for x in json.load(open(sys.argv[1]))["phases"][0]["criteria"]}
assert c["p1-own-pipeline"]["stale"] is True
assert c["p1-dev-feedback"]["stale"] is False
PY
    start_tui 80 24
    wait_for "!2024-11-01"
    wait_for "stale: this evidence is over 12 months old"
    quit_tui
    climb stale-after 24 >/dev/null || fail "stale-after"
    climb status --json >"$T/s.json" || fail "status --json after stale-after 24"
    python3 - "$T/s.json" <<'PY' || fail "still stale after 24 months"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["profile"]["stale_months"] == 24, d["profile"]
c = {x["id"]: x for x in d["phases"][0]["criteria"]}
assert c["p1-own-pipeline"]["state"] == "done" and c["p1-own-pipeline"]["stale"] is False
PY
    expect_exit 2 "whole number of months from 1 to 120, not '0'" -- climb stale-after 0
    restart_tmux
    start_tui 80 24
    wait_for "Before moving up to Mid · 2/3"
    screen | grep -q "!2024-11-01" && fail "stale at 24 months"
    keys S
    wait_for "Flag evidence older than how many months? (now 24)"
    keys BSpace BSpace
    keys -l "x"
    keys Enter
    wait_for "not a number of months from 1 to 120: x"
    keys S
    keys BSpace BSpace
    keys -l "3"
    keys Enter
    wait_for "!2024-11-01"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT stale_months FROM profiles")" = 3 ] || fail "period not saved"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind='setting' AND value='3'")" = 1 ] ||
        fail "no setting event"
}

mouse_click_ticks() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    row=$(screen | grep -n '\[ \] You have handled' | head -n 1 | cut -d: -f1)
    # SGR mouse report: ESC [ < button ; column ; row M (press), 1-based. At 80
    # columns the Checklist pane starts at column 24, so its [ ] box is at 25-27.
    keys -l "$(printf '\033[<0;26;%dM' "$row")"
    keys -l "$(printf '\033[<0;26;%dm' "$row")"
    wait_for "Before moving up to Mid · 1/3"
    screen | grep -q '\[x\] You have handled' || fail "the clicked box was not ticked"
    keys -l "$(printf '\033[<0;5;4M')"
    wait_for "Mid · 2-4 years"
    quit_tui
}

mouse_wheel_scrolls() {
    climb note p1-solo-incident "the wheel got here" >/dev/null || fail "note"
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    # wheel down (button 65) over the Checklist pane moves its cursor one item
    # down: n then edits that item's note
    keys -l "$(printf '\033[<65;40;18M')"
    keys n
    wait_for "Evidence: p1-solo-incident"
    keys Escape
    wait_gone "Evidence: p1-solo-incident"
    keys -l "$(printf '\033[<64;40;18M')"
    keys n
    wait_for "Evidence: p1-own-pipeline"
    keys Escape
    wait_gone "Evidence: p1-own-pipeline"
    quit_tui
}

ladder_update_keeps_progress() {
    climb --ladder "$fixtures/ladder_update/v1.yaml" tick p1-own-pipeline >/dev/null || fail "tick 1"
    climb --ladder "$fixtures/ladder_update/v1.yaml" tick p1-solo-incident >/dev/null || fail "tick 2"
    start_tui 80 24 --ladder "$fixtures/ladder_update/v1.yaml"
    wait_for "Before moving up to Mid · 2/2"
    quit_tui
    restart_tmux
    start_tui 80 24 --ladder "$fixtures/ladder_update/v2.yaml"
    wait_for "1 reworded, 1 added, 1 retired"
    wait_for "Owned a pipeline end to end."
    resize 40 12 # the entries no longer fit: the grammar's keys scroll them
    wait_for "retired, phase 1,"
    keys j
    wait_gone "reworded, phase 1,"
    keys G
    wait_for "Wrote the runbook others use."
    wait_gone "p1-own-pipeline:"
    keys k
    wait_for "retired, phase 1,"
    keys g
    wait_for "reworded, phase 1,"
    keys NPage
    wait_gone "reworded, phase 1,"
    keys PPage
    wait_for "reworded, phase 1,"
    keys x
    wait_for "Enter continues to the ladder"
    wait_for "Ladder update"
    resize 80 24
    keys Space
    wait_for "Before moving up to Mid · 1/2"
    wait_for "worded when ticked: Owned a pipeline end to end."
    wait_for "retired from the ladder, was done 2026-03-14:"
    wait_for "an incident alone."
    quit_tui
    climb --ladder "$fixtures/ladder_update/v2.yaml" status --json >"$T/s.json"
    python3 - "$T/s.json" <<'PY' || fail "status after the update"
import json, sys
p1 = json.load(open(sys.argv[1]))["phases"][0]
c = {x["id"]: x for x in p1["criteria"]}
assert c["p1-own-pipeline"]["state"] == "done"
assert c["p1-own-pipeline"]["text_when_done"] == "Owned a pipeline end to end."
assert c["p1-wrote-runbook"]["state"] == "todo"
assert [r["id"] for r in p1["retired"]] == ["p1-solo-incident"]
PY
}

run_test states_from_the_cli
run_test states_from_the_keys
run_test note_through_editor
run_test note_built_in_editor
run_test untick_with_note_asks
run_test stale_evidence_flagged
run_test mouse_click_ticks
run_test mouse_wheel_scrolls
run_test ladder_update_keeps_progress
