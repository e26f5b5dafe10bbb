#!/bin/sh
# test_history.sh - progress over time: ticks laid down with CLIMB_NOW over a year
# through the CLI, then the history view (H) in a real terminal: the timeline's
# order, the chart's bar heights per month, time in phase and the forecast, the
# week and per-period views, the filter and go-to-date, undo with u (both events
# kept, one row), every month and year named under the chart and the quiz row's
# name whole, the chart scrolling over the whole history, internal events hidden
# until a, an event opened in full with Enter, q closing History (not climb), and
# `climb history` as text and JSON.
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

# close_history: q closes History, the main view is there again and climb still
# runs; then quit_tui quits from the main view.
close_history() {
    keys q
    wait_gone "Timeline, newest first"
    wait_for "Before moving up"
    screen | grep -q "EXITED" && fail "q quit climb from History"
    quit_tui
}

# column FILE LINE_PATTERN WORD: the column at which WORD (a regular expression)
# first matches on the first line of FILE matching LINE_PATTERN, or -1.
column() {
    python3 - "$@" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
line = next((l for l in lines if re.search(sys.argv[2], l)), "")
m = re.search(sys.argv[3], line)
print(m.start() if m else -1)
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
    grep -q "2025-04-10 10:00  ticked        p1-own-pipeline  You have owned the CI/CD pipeline" "$T/screen" ||
        fail "row text"
    grep -q "Criteria met (cumulative), by month" "$T/screen" || fail "chart heading"
    grep -q "^ *8┤" "$T/screen" || fail "y axis top label"
    grep -q "^ *0└" "$T/screen" || fail "y axis zero"
    h=$(bar_heights "$T/screen" Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar)
    [ "$h" = "Apr=1 May=1 Jun=1 Jul=3 Aug=3 Sep=3 Oct=6 Nov=6 Dec=6 Jan=7 Feb=8 Mar=8" ] ||
        fail "bar heights: $h"
    grep -q "Phase 3, 2/4 met: first tick 2025-10-07, 5 mo ago; Senior to Staff typically 3-5 y" \
        "$T/screen" || fail "time in phase"
    grep -q "Forecast: phase 3 complete around 2027-01-24 (2 to go" "$T/screen" || fail "forecast"
    grep -q "rests on 2 ticks over 5 mo,$" "$T/screen" || fail "forecast basis"
    grep -q "^ a rough guess.$" "$T/screen" || fail "forecast says the data is thin"
    # per period, by week: at most two criteria were met in one week
    keys w c
    wait_for "Criteria newly met in each period, by week"
    screen | grep -q "^ *2┤" || fail "weekly per-period scale"
    keys m
    wait_for "Criteria newly met in each period, by month"
    screen >"$T/screen"
    h=$(bar_heights "$T/screen" Apr Jul Aug Oct Jan Feb Mar)
    # 1, 2 and 3 criteria on 8 rows: 2 full rows and a part, 5 and a part, 8
    [ "$h" = "Apr=2 Jul=5 Aug=0 Oct=8 Jan=2 Feb=2 Mar=0" ] || fail "per-month heights: $h"
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
    keys d
    wait_for "Go to date"
    keys 2025-07-16 Enter
    wait_for "showing events up to 2025-07-16"
    first=$(screen | grep -o '^ 20[0-9-]* [0-9:]*  ticked' | head -1 | cut -c2-11)
    [ "$first" = 2025-07-15 ] || fail "go to date starts at $first"
    keys d
    wait_for "Go to date"
    keys 2025-13-40 Enter
    wait_for "not a date: '2025-13-40'"
    close_history
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
    # the undo and the reverse event it wrote are one row
    rows=$(grep '^ 2026-03-14 09:30  ' "$T/screen" | awk '{ print $3 }' | tr '\n' ' ')
    [ "$rows" = "undid: ticked " ] || fail "undo rows: $rows"
    grep -q 'undid: ticked p3-mentored-decision  You guided' "$T/screen" || fail "undo row text"
    # Enter on it says what it took back
    keys Enter
    wait_for "undo: took back a state event (ticked)"
    wait_for "p3-mentored-decision (Phase 3)"
    wait_for "After the undo"
    keys Escape
    wait_gone "After the undo"
    keys u
    wait_for "nothing to undo in this run"
    # Ctrl-R here redoes the undo, u takes that back again; each writes an undo event
    keys C-r
    wait_for "redone: tick of"
    keys u
    wait_for "undone: "
    # and Ctrl-R and u in the main view do the same
    keys q
    wait_gone "Timeline, newest first"
    keys C-r
    wait_for "redone: tick of"
    keys u
    wait_for "undone: "
    quit_tui
    climb status --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = [c for p in d["phases"] for c in p["criteria"] if c["id"] == "p3-mentored-decision"][0]
assert c["state"] == "todo", c' || fail "undo did not reach the database"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind = 'undo'")" = 5 ] || fail "undo events"
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

# `climb history` reads as the timeline: an undo and the unticking it wrote are one
# "undid" line, a setting shows only with --all or --kind; --json keeps every event.
cli_history_reads_as_the_timeline() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    climb stale-after 18 >/dev/null || fail "stale-after"
    printf '1<Space>uq' >"$T/keys" # Space unticks the first criterion, u undoes that
    climb --keys "$T/keys" >/dev/null 2>&1 || fail "headless undo"
    climb history >"$T/h" || fail "history"
    [ "$(head -n 1 "$T/h" | cut -c19-)" = "undid         unticked: You have owned the CI/CD pipeline of at least one service from design through production, on-call rotation included." ] ||
        fail "no one-line undo: $(cat "$T/h")"
    grep -q "stale_months" "$T/h" && fail "a setting without --all: $(cat "$T/h")"
    [ "$(wc -l <"$T/h")" = 4 ] || fail "not 4 lines (undid, unticked, ticked, created): $(cat "$T/h")"
    climb history --all | grep -q "setting       stale_months: 12 -> 18" || fail "--all hides the setting"
    climb history --kind setting | grep -q "stale_months: 12 -> 18" || fail "--kind setting hides it"
    [ "$(climb history --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')" = 6 ] ||
        fail "--json does not list all 6 events"
}

# Ticks over Nov 2025 - Mar 2026 at 100x30, the first one given its date (tick
# --date) only in March: every month from the first tick's has a column and a name, the year row has 2025 under Nov and 2026 under Jan (not
# "2026" in Jan's place), the quiz row's name is whole at the left.
months_and_years() {
    # recorded now, but the work was done in November (tick --date)
    climb tick p1-own-pipeline --date 2025-11-10 >/dev/null || fail "tick --date"
    tick_at 2025-12-15T10:00:00Z p1-solo-incident
    tick_at 2026-01-20T10:00:00Z p1-dev-feedback
    tick_at 2026-02-05T10:00:00Z p2-reduce-oncall
    CLIMB_NOW=2026-02-06T10:00:00Z climb quiz --answers regularly,regularly,once,no,no >/dev/null || fail "quiz"
    start_tui 100 30
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    screen >"$T/screen"
    grep -qE "^ +Nov +Dec +Jan +Feb +Mar$" "$T/screen" || fail "months: $(grep -E 'Nov|Mar' "$T/screen")"
    [ "$(column "$T/screen" "^ +2025" 2025)" = "$(column "$T/screen" "Nov +Dec" Nov)" ] ||
        fail "2025 is not under Nov"
    [ "$(column "$T/screen" "^ +2025" 2026)" = "$(column "$T/screen" "Nov +Dec" Jan)" ] ||
        fail "2026 is not under Jan"
    grep -qE "^ +2025 +2026$" "$T/screen" || fail "year row"
    grep -qE "^ quiz [·0-9]" "$T/screen" || fail "the quiz row is not named whole: $(grep quiz "$T/screen")"
    [ "$(column "$T/screen" "^ quiz" "[0-9]")" = "$(column "$T/screen" "Nov +Dec" Feb)" ] ||
        fail "the quiz placement is not under Feb"
    grep -q "qu…" "$T/screen" && fail "quiz label cut"
    resize 40 12
    wait_for "quiz ·"
    close_history
}

# A history longer than the screen: Left/Right move the chart a month, Tab then
# g/G go to the first and the last month.
chart_scrolls() {
    tick_at 2024-01-10T10:00:00Z p1-own-pipeline
    tick_at 2025-06-10T10:00:00Z p1-solo-incident
    tick_at 2026-02-10T10:00:00Z p1-dev-feedback
    start_tui 60 20
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    screen | grep -qE "Feb +Mar *$" || fail "the chart does not end now"
    screen | grep -q "earlier months: Left" >/dev/null
    keys Left
    wait_for "Jan  Feb  ▸"
    screen | grep -qE "Mar *$" && fail "Left did not move the chart"
    keys Right
    wait_gone "Jan  Feb  ▸"
    keys Tab
    wait_for "▸ Criteria met"
    keys g
    wait_for "2024-01 to"
    screen | grep -qE "^ +Jan +Feb +Mar +Apr" || fail "the first month is not Jan 2024"
    screen | grep -qE "^ +2024 *$" || fail "no 2024 under the first month"
    keys G
    wait_gone "2024-01 to"
    screen | grep -qE "Feb +Mar *$" || fail "G did not go to the last month"
    keys Tab
    wait_for "▸ Timeline"
    close_history
}

# Internal settings are hidden until a; the footer says which.
internal_hidden() {
    tick_at 2026-01-20T10:00:00Z p1-own-pipeline
    CLIMB_NOW=2026-02-06T10:00:00Z climb stale-after 6 >/dev/null || fail "stale-after"
    start_tui 100 30
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    wait_for "a show internal"
    screen | head -1 | grep -q "all kinds · internal hidden" || fail "the title bar does not say"
    screen | grep -q "stale_months" && fail "an internal event is shown"
    screen | grep -q "quiz_offered" && fail "quiz_offered is shown"
    keys a
    wait_for "stale_months: 12 -> 6"
    wait_for "a hide internal"
    screen | head -1 | grep -q "internal shown" || fail "the title bar does not say it shows them"
    keys a
    wait_gone "stale_months"
    close_history
}

# Enter on a note shows its criterion and the whole note; q goes back to the
# timeline, and q again to the main view.
open_note_event() {
    tick_at 2026-01-20T10:00:00Z p1-solo-incident
    CLIMB_NOW=2026-01-21T10:00:00Z climb note p1-solo-incident "Postmortem PM-12 written alone and reviewed by the team; it found the missing alert, which we added the same week, and the runbook now says what to check first. END-OF-NOTE" >/dev/null || fail "note"
    tick_at 2026-02-05T10:00:00Z p2-reduce-oncall
    start_tui 100 30
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    screen | grep -q "note          p1-solo-incident  \"Postmortem" || fail "the note row does not name its criterion"
    keys Down
    keys Enter
    wait_for "Criterion"
    wait_for "p1-solo-incident (Phase 1)"
    wait_for "You have handled an on-call incident with no senior engineer involved"
    wait_for "END-OF-NOTE"
    wait_for "recorded 2026-01-21 10:00"
    keys q
    wait_gone "END-OF-NOTE"
    wait_for "Timeline, newest first"
    keys Escape
    wait_gone "Timeline, newest first"
    keys H
    wait_for "Timeline, newest first"
    close_history
}

# The summary names the title, since when, and the target's pace; Enter on an
# n/a shows its reason, on a dated tick the day the work was done, on a target
# what it is about and its detail.
summary_and_event_details() {
    CLIMB_NOW=2026-01-10T10:00:00Z climb title senior >/dev/null || fail "title"
    CLIMB_NOW=2026-01-11T10:00:00Z climb target staff 2027-06-30 >/dev/null || fail "target"
    CLIMB_NOW=2026-01-12T10:00:00Z climb tick p1-own-pipeline --date 2025-12-01 >/dev/null ||
        fail "dated tick"
    printf 'first line\nsecond\tline\n' | CLIMB_NOW=2026-01-12T12:00:00Z climb note p1-own-pipeline - \
        >/dev/null || fail "note of two lines"
    CLIMB_NOW=2026-01-13T10:00:00Z climb set p1-solo-incident n/a --reason "no on-call here" \
        >/dev/null || fail "n/a"
    start_tui 100 30
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    wait_for "Title Senior since 2026-01-10, 2 mo ago; typical tenure"
    wait_for "Target Staff by 2027-06-30"
    # a note of two lines is one row
    wait_for '"first line second line"'
    keys Enter
    wait_for "Reason"
    wait_for "no on-call here"
    keys q
    wait_gone "Reason"
    keys Down Down Enter
    wait_for "the work was done 2025-12-01"
    keys q
    wait_gone "the work was done"
    keys Down Enter
    wait_for "Staff by 2027-06-30"
    wait_for "Detail"
    keys q
    wait_gone "Detail"
    wait_for "Timeline, newest first"
    close_history
}

# A timeline longer than the screen: End shows the oldest (the profile made),
# Home the newest; PgDn and PgUp go a page older and newer, Down past the last
# row and Up past the first scroll by one row.
timeline_scrolls() {
    d=1
    for id in $(climb ids | cut -d' ' -f1); do
        tick_at "2026-01-$(printf %02d $d)T10:00:00Z" "$id"
        d=$((d + 1))
    done
    start_tui 100 24
    wait_for "Before moving up"
    keys H
    wait_for "Timeline, newest first"
    wait_for "2026-01-14 10:00  ticked"
    screen | grep -q "created" && fail "the oldest event is on the first page"
    keys End
    wait_for "created"
    wait_for "newest first, before"
    screen | grep -q "2026-01-14 10:00  ticked" && fail "End kept the newest event"
    # on the last page PgDn puts the cursor on the oldest row
    keys Up PgDn Enter
    wait_for "(a profile event)"
    keys q
    wait_gone "(a profile event)"
    keys Home
    wait_for "2026-01-14 10:00  ticked"
    wait_gone "newest first, before"
    keys PgDn
    wait_for "newest first, before"
    wait_gone "2026-01-14 10:00  ticked"
    keys PgUp
    wait_for "2026-01-14 10:00  ticked"
    wait_gone "newest first, before"
    # at the newest PgUp stays
    # PgUp at the top changes nothing to wait for: Tab after it moves the focus to
    # the chart, so once that shows PgUp has been read
    keys PgUp Tab
    wait_for "▸ Criteria met"
    screen | grep -q "newest first, before" && fail "PgUp went past the newest"
    keys Tab
    wait_for "▸ Timeline, newest first"
    screen >"$T/screen"
    rows=$(grep -c "  ticked  " "$T/screen")
    i=1
    while [ "$i" -le "$rows" ]; do keys Down; i=$((i + 1)); done
    wait_gone "2026-01-14 10:00  ticked"
    # back to the first row, then one more Up scrolls to the newest again
    i=1
    while [ "$i" -le "$rows" ]; do keys Up; i=$((i + 1)); done
    wait_for "2026-01-14 10:00  ticked"
    wait_gone "newest first, before"
    close_history
}

run_test timeline_scrolls
run_test summary_and_event_details
run_test timeline_and_chart
run_test months_and_years
run_test chart_scrolls
run_test internal_hidden
run_test open_note_event
run_test filter_and_go_to_date
run_test undo_keeps_both
run_test cli_history
run_test cli_history_reads_as_the_timeline
