#!/bin/sh
# test_evidence_tui.sh - evidence in the full-screen view: E on a criterion opens
# its evidence, where three dated and linked entries are recorded with a, d and l;
# the Checklist row then shows the count and the newest; x removes one after
# asking and u takes the removal back; c shows the evidence check's verdict; T in
# the Ladder pane sets a target.
. "$(dirname "$0")/lib.sh"

prepare() {
    climb status >/dev/null || fail "status failed"
}

# entry N DATE LINKS: adds one entry in the open evidence view.
entry() {
    keys a
    wait_for "New evidence"
    keys -l "Entry $1 with a number: $1"
    keys C-x
    wait_for "evidence added"
    keys d
    wait_for "When did it happen"
    keys -l "$2"
    keys Enter
    wait_for "date changed"
    keys l
    wait_for "Links, space-separated"
    keys -l "$3"
    keys Enter
    wait_for "links changed"
}

three_dated_linked_entries() {
    prepare
    climb tick p1-own-pipeline >/dev/null
    start_tui 100 30
    wait_for "Before moving up to Mid"
    keys E
    wait_for "Evidence · p1-own-pipeline · 0"
    wait_for "No evidence yet"
    entry 1 2026-01-05 "https://example.com/pm/1 PR-1"
    entry 2 2026-02-05 "PR-2"
    entry 3 2026-03-05 "https://example.com/d/3"
    wait_for "Evidence · p1-own-pipeline · 3"
    wait_for "2026-03-05 ·"
    keys Escape
    wait_gone "Evidence · p1-own-pipeline"
    wait_for "✎ 3 · 2026-03-05: Entry 3 with a number: 3"
    climb evidence list --json >"$T/l.json" || fail "list"
    python3 - "$T/l.json" <<'PY' || fail "entries: $(cat "$T/l.json")"
import json, sys
j = json.load(open(sys.argv[1]))
got = [(e["text"], e["date"][:10], e["links"]) for e in j]
want = [("Entry 1 with a number: 1", "2026-01-05", ["https://example.com/pm/1", "PR-1"]),
        ("Entry 2 with a number: 2", "2026-02-05", ["PR-2"]),
        ("Entry 3 with a number: 3", "2026-03-05", ["https://example.com/d/3"])]
assert got == want, got
PY
    keys E
    wait_for "Evidence · p1-own-pipeline · 3"
    keys G x
    wait_for "Remove this piece of evidence"
    keys y
    wait_for "evidence removed"
    wait_for "Evidence · p1-own-pipeline · 2"
    keys Escape
    wait_gone "Evidence · p1-own-pipeline"
    keys u
    wait_for "undone: evidence removed"
    wait_for "✎ 3 · 2026-03-05"
    keys c
    wait_for "Mid case: 1 of 3 met, 1 with fresh evidence"
    keys Escape
    wait_gone "Evidence check"
    quit_tui
}

a_reference_is_shown_not_opened() {
    prepare
    climb evidence add p1-own-pipeline "Reviewed" --link PR-77 >/dev/null
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys E
    wait_for "Evidence · p1-own-pipeline · 1"
    keys o
    wait_for "link: PR-77"
    keys Escape
    quit_tui
}

target_from_the_ladder_pane() {
    prepare
    start_tui 100 30
    wait_for "Before moving up to Mid"
    keys h j j T
    wait_for "Aim for Senior by when?"
    keys -l "2026-12-31"
    keys Enter
    wait_for "Target Senior by 2026-12-31"
    climb status --json >"$T/s.json" || fail "status"
    python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["target"]; assert t["level"] == "senior" and t["date"].startswith("2026-12-31"), t' \
        "$T/s.json" || fail "target: $(cat "$T/s.json")"
    keys T
    wait_for "Aim for Senior by when?"
    keys -l "someday"
    keys Enter
    wait_for "not a date (YYYY-MM-DD): someday"
    keys T
    wait_for "Aim for Senior by when?"
    keys Enter
    wait_for "No target now."
    quit_tui
}

run_test three_dated_linked_entries
run_test target_from_the_ladder_pane
run_test a_reference_is_shown_not_opened
