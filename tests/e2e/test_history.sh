#!/bin/sh
# test_history.sh - progress over time: ticks laid down with CLIMB_NOW over a year
# through the CLI, then the history view (H) in a real terminal: the timeline's
# order, the chart's bar heights per month, time in phase and the forecast, the
# week and per-period views, the filter and go-to-date, undo with u (both events
# kept), and `climb history` as text and JSON.
. "$(dirname "$0")/lib.sh"

# tick_at TIME ID: ticks ID as if at TIME.
tick_at() {
    CLIMB_NOW=$1 climb tick "$2" >/dev/null || fail "tick $2 at $1"
}

# A year of ticks: cumulative by month Apr 1, Jul 3, Oct 6, Jan 7, Feb 8.
year_of_ticks() {
    tick_at 2025-04-10T10:00:00Z p1-own-pipeline
    tick_at 2025-07-15T10:00:00Z p1-solo-incident
    tick_at 2025-07-20T10:00:00Z p1-dev-feedback
    tick_at 2025-10-05T10:00:00Z p2-reduce-oncall
    tick_at 2025-10-06T10:00:00Z p2-adopted-improvement
    tick_at 2025-10-07T10:00:00Z p3-platform-component
    tick_at 2026-01-12T10:00:00Z p2-documented-decision
    tick_at 2026-02-02T10:00:00Z p3-adopted-recommendation
}

# bar_heights FILE LABEL...: for each x label, the number of full blocks stacked
# above it in the chart of the captured screen FILE.
bar_heights() {
    python3 - "$@" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
axis = next(i for i, l in enumerate(lines) if "└" in l)
labels = lines[axis + 1]
out = []
for name in sys.argv[2:]:
    col = labels.index(name)
    h = 0
    for row in range(axis - 1, 0, -1):
        if col < len(lines[row]) and lines[row][col] == "█":
            h += 1
        else:
            break
    out.append("%s=%d" % (name, h))
print(" ".join(out))
PY
}

timeline_and_chart() {
    year_of_ticks
    start_tui 100 30
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    screen >"$T/screen"
    # newest first, with local date and time and the criterion's text
    got=$(grep -o '^ 20[0-9-]* [0-9:]*  ticked' "$T/screen" | cut -c2-11 | tr '\n' ' ')
    [ "$got" = "2026-02-02 2026-01-12 2025-10-07 2025-10-06 2025-10-05 2025-07-20 2025-07-15 2025-04-10 " ] ||
        fail "timeline order: $got"
    grep -q "2025-04-10 10:00  ticked        You have owned the CI/CD pipeline" "$T/screen" ||
        fail "row text"
    grep -q "Criteria met (cumulative), by month" "$T/screen" || fail "chart heading"
    grep -q "^ 8┤" "$T/screen" || fail "y axis top label"
    grep -q "^ 0└" "$T/screen" || fail "y axis zero"
    h=$(bar_heights "$T/screen" Apr May Jun Jul Aug Sep Oct Nov Dec 2026 Feb Mar)
    [ "$h" = "Apr=1 May=1 Jun=1 Jul=3 Aug=3 Sep=3 Oct=6 Nov=6 Dec=6 2026=7 Feb=8 Mar=8" ] ||
        fail "bar heights: $h"
    grep -q "Phase 3, 2/4 met: first tick 2025-10-07, 5 mo ago; Senior to Staff typically 3-5 y" \
        "$T/screen" || fail "time in phase"
    grep -q "Forecast: phase 3 complete around 2027-01-24 (2 to go" "$T/screen" || fail "forecast"
    grep -q "rests on 2 ticks over 5 mo,$" "$T/screen" || fail "forecast basis"
    grep -q "^ a rough guess.$" "$T/screen" || fail "forecast says the data is thin"
    # per period, by week: at most two criteria were met in one week
    keys w c
    wait_for "Criteria newly met in each period, by week"
    screen | grep -q "^ 2┤" || fail "weekly per-period scale"
    keys m
    wait_for "Criteria newly met in each period, by month"
    screen >"$T/screen"
    h=$(bar_heights "$T/screen" Apr Jul Aug Oct 2026 Feb Mar)
    # 1, 2 and 3 criteria on 8 rows: 2 full rows and a part, 5 and a part, 8
    [ "$h" = "Apr=2 Jul=5 Aug=0 Oct=8 2026=2 Feb=2 Mar=0" ] || fail "per-month heights: $h"
    keys Escape
    wait_gone "Timeline, newest first"
    quit_tui
}

filter_and_go_to_date() {
    year_of_ticks
    start_tui 100 30
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    keys f Right Enter
    wait_for "phase 1 · all kinds"
    got=$(screen | grep -c '  ticked  ')
    [ "$got" = 3 ] || fail "phase 1 filter shows $got ticks"
    keys f Right Right Right Right Tab Right Enter
    wait_for "all phases · ticks"
    screen | grep -q "  created  " && fail "kind filter let the profile event through"
    keys g
    wait_for "Go to date"
    keys 2025-07-16 Enter
    wait_for "showing events up to 2025-07-16"
    first=$(screen | grep -o '^ 20[0-9-]* [0-9:]*  ticked' | head -1 | cut -c2-11)
    [ "$first" = 2025-07-15 ] || fail "go to date starts at $first"
    keys g
    wait_for "Go to date"
    keys 2025-13-40 Enter
    wait_for "not a date: '2025-13-40'"
    quit_tui
}

undo_keeps_both() {
    year_of_ticks
    start_tui 100 30
    wait_for "Before moving up"
    keys 3 Down Down Space
    wait_for "met: You guided at least one engineer"
    keys u
    wait_for "undone: tick of You guided"
    keys H
    wait_for "Timeline, newest first"
    screen >"$T/screen"
    rows=$(grep '^ 2026-03-14 09:30  ' "$T/screen" | awk '{ print $3 }' | tr '\n' ' ')
    [ "$rows" = "undo unticked ticked " ] || fail "undo rows: $rows"
    grep -q 'undo          took back "ticked": You guided' "$T/screen" || fail "undo row text"
    keys u
    wait_for "nothing to undo in this run"
    quit_tui
    climb status --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = [c for p in d["phases"] for c in p["criteria"] if c["id"] == "p3-mentored-decision"][0]
assert c["state"] == "todo", c' || fail "undo did not reach the database"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind = 'undo'")" = 1 ] || fail "undo events"
}

cli_history() {
    year_of_ticks
    out=$(climb history --kind state --since 2025-10-01 --until 2025-10-06) || fail "history"
    [ "$(echo "$out" | wc -l)" = 2 ] || fail "since/until: $out"
    echo "$out" | head -1 | grep -q "^2025-10-06 10:00  ticked        Other engineers" || fail "line: $out"
    climb history --json >"$T/h.json" || fail "history --json"
    python3 - "$T/h.json" <<'PY' || fail "history JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert [e["kind"] for e in d] == ["state"] * 8 + ["profile"], d
assert d[0]["at"] == "2026-02-02T10:00:00Z" and d[0]["item"] == "p3-adopted-recommendation"
assert d[0]["value"] == "done" and d[0]["previous"] == "todo" and d[0]["what"] == "ticked"
assert d[-1]["at"] == "2025-04-10T10:00:00Z"
PY
    [ "$(climb history --json --kind quiz)" = "[]" ] || fail "empty JSON"
    expect_exit 2 "unknown kind 'tick'" -- climb history --kind tick
    expect_exit 2 "--since: 'someday' is not a date \\(YYYY, YYYY-MM, YYYY-MM-DD or an ISO 8601 time\\)" -- \
        climb history --since someday
    [ "$(wc -l <"$T/expect.out")" -eq 1 ] || fail "more than the one message: $(cat "$T/expect.out")"
}

run_test timeline_and_chart
run_test filter_and_go_to_date
run_test undo_keeps_both
run_test cli_history
