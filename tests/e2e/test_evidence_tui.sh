#!/bin/sh
# test_evidence_tui.sh - evidence in the full-screen view: E on a criterion opens
# its evidence, where three dated and linked entries are recorded with a, d and l;
# the Checklist row then shows the count and the newest; x removes one after
# asking and u takes the removal back; c shows the evidence check's verdict; T in
# the Ladder pane sets a target; the note row, edits, refusals (a bad date, 21
# links) and a URL opened with $BROWSER; x asking before n/a, and a note changed
# by another climb while it was edited.
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
    keys Z
    wait_for "no action on that key"
    keys G Enter # the last claim's evidence, over the check
    wait_for "Evidence · p1-dev-feedback · 0"
    keys Escape
    wait_for "Mid case: 1 of 3 met"
    keys k NPage PPage g k Enter
    wait_for "Evidence · p1-own-pipeline · 3"
    keys Escape
    wait_for "Mid case: 1 of 3 met"
    keys Escape
    wait_gone "Evidence check"
    quit_tui
}

# A note row, an entry edited with t, a bad date, too many links, a URL opened
# with $BROWSER, and the refusals on the note row and on a link-less entry.
a_reference_is_shown_not_opened() {
    prepare
    climb note p1-own-pipeline "Pipeline note" >/dev/null || fail "note"
    climb evidence add p1-own-pipeline "Reviewed" --link PR-77 --date 2026-01-01 >/dev/null ||
        fail "add"
    climb evidence add p1-own-pipeline "Deployed" --link https://example.com/x \
        --date 2026-02-01 >/dev/null || fail "add 2"
    climb evidence add p1-own-pipeline "Bare" --date 2026-03-01 >/dev/null || fail "add 3"
    printf '#!/bin/sh\necho "$1" >"%s/opened"\n' "$T" >"$T/browser"
    chmod +x "$T/browser"
    TUI_ENV="BROWSER=$T/browser" start_tui 80 24
    wait_for "Before moving up to Mid"
    keys E
    wait_for "Evidence · p1-own-pipeline · 4"
    wait_for "· note"
    keys g e
    wait_for "the note has no entry text; n in the Checklist edits it"
    keys x
    wait_for "the note has no entry to remove"
    keys j o
    wait_for "link: PR-77"
    keys j o
    wait_for "opening https://example.com/x"
    i=0
    while [ ! -s "$T/opened" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    [ "$(cat "$T/opened" 2>/dev/null)" = "https://example.com/x" ] || fail "browser not run"
    keys j o
    wait_for "this entry has no link: l adds one"
    keys e
    wait_for "Evidence (Ctrl-X saves)"
    keys -l " again"
    keys C-x
    wait_for "evidence changed"
    wait_for "Bare again"
    keys d
    wait_for "When did it happen"
    keys -l "someday"
    keys Enter
    wait_for "not a date (YYYY-MM-DD): someday"
    keys l
    wait_for "Links, space-separated"
    keys -l "$(seq -s ' ' -f 'PR-%g' 1 21)"
    keys Enter
    wait_for "at most 20 links; nothing changed"
    keys l
    wait_for "Links, space-separated"
    keys -l "PR-9"
    keys Enter
    wait_for "links changed"
    keys l
    wait_for "Links, space-separated"
    keys C-u Enter
    wait_for "links removed"
    keys a
    wait_for "New evidence"
    keys Escape
    wait_gone "New evidence"
    keys Z
    wait_for "no action on that key"
    climb evidence list --json >"$T/l.json" || fail "list"
    python3 - "$T/l.json" <<'PY' || fail "entries: $(cat "$T/l.json")"
import json, sys
j = json.load(open(sys.argv[1]))
got = [(e["text"], e["links"]) for e in j]
assert got == [("Pipeline note", []), ("Reviewed", ["PR-77"]),
               ("Deployed", ["https://example.com/x"]),
               ("Bare again", [])], got
PY
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

# x on a met criterion with a note asks first, then asks the n/a reason (an empty
# one is refused); a note changed by another climb while edited is not
# overwritten until Ctrl-X again; S takes "6 " (trailing blank) as 6.
untick_to_na_and_a_note_changed_elsewhere() {
    prepare
    climb tick p1-own-pipeline --note "Built it" >/dev/null || fail "tick"
    start_tui 100 30
    wait_for "Before moving up to Mid"
    keys x
    wait_for "becomes not applicable"
    keys y
    wait_for "Why does this not apply to you?"
    keys Enter
    wait_for "the reason is empty: n/a needs a reason; nothing changed"
    [ "$(crit_state p1-own-pipeline)" = done ] || fail "state after empty reason"
    keys x
    wait_for "becomes not applicable"
    keys y
    wait_for "Why does this not apply to you?"
    keys -l "No pipeline here"
    keys Enter
    wait_for "not applicable: "
    [ "$(crit_state p1-own-pipeline)" = n/a ] || fail "state: $(crit_state p1-own-pipeline)"
    keys n
    wait_for "Evidence: p1-own-pipeline"
    keys -l " and mine"
    climb note p1-own-pipeline "Theirs" >/dev/null || fail "note elsewhere"
    keys C-x
    wait_for "Note changed elsewhere: Ctrl-X keeps yours, Esc theirs"
    wait_for "not saved yet: the note of p1-own-pipeline was changed elsewhere"
    climb status --json | grep -q '"Theirs"' || fail "their note overwritten"
    keys C-x
    wait_for "note saved"
    climb status --json | grep -q '"Built it and mine"' || fail "my note not saved"
    keys S
    wait_for "Flag evidence older than how many months?"
    keys C-u
    keys -l "6 "
    keys Enter
    wait_for "older than 6 months is now flagged as stale"
    quit_tui
}

run_test three_dated_linked_entries
run_test target_from_the_ladder_pane
run_test a_reference_is_shown_not_opened
run_test untick_to_na_and_a_note_changed_elsewhere
