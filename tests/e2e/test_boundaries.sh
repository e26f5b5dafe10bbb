#!/bin/sh
# test_boundaries.sh - every threshold through the real binary, on each side of its
# edge: stale evidence at exactly the period and one second past it (status --json,
# the text status and the TUI's ! mark), the stale period's own limits, the quiz
# bands at each number of yes and regularly answers, history --since/--until at
# the first and last second of a day and the calendar's limits, and notes at the
# 64 KiB cap and one byte past it, from argv and from standard input.
. "$(dirname "$0")/lib.sh"

MONTH=2629746 # seconds in the average Gregorian month, as docs and model.c say
T0=1735689600 # 2025-01-01T00:00:00Z

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

# stale_at SECONDS ID: prints true or false, the stale flag of ID in status --json
# with the clock at T0 + SECONDS.
stale_at() {
    CLIMB_NOW=$(iso $((T0 + $1))) climb status --json >"$T/s.json" || {
        echo "status --json exited $?" >&2
        return 1
    }
    python3 - "$T/s.json" "$2" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["phases"]:
    for c in p["criteria"]:
        if c["id"] == sys.argv[2]:
            print("true" if c["stale"] is True else "false" if c["stale"] is False else "?")
PY
}

stale_exactly_at_the_period_is_fresh() {
    CLIMB_NOW=$(iso $T0) climb tick p1-own-pipeline >/dev/null || fail "tick"
    # the default period, 12 months
    [ "$(stale_at $((12 * MONTH)) p1-own-pipeline)" = false ] || fail "stale at exactly 12 months"
    [ "$(stale_at $((12 * MONTH + 1)) p1-own-pipeline)" = true ] || fail "not stale 1 s past 12 months"
    CLIMB_NOW=$(iso $((T0 + 12 * MONTH))) climb status >"$T/out" || fail "status"
    grep -q "stale:" "$T/out" && fail "text status says stale at exactly 12 months"
    CLIMB_NOW=$(iso $((T0 + 12 * MONTH + 1))) climb status >"$T/out" || fail "status"
    grep -q "      stale: evidence older than 12 months" "$T/out" || fail "text status: $(cat "$T/out")"
    # the shortest and the longest periods
    climb stale-after 1 >/dev/null || fail "stale-after 1"
    [ "$(stale_at "$MONTH" p1-own-pipeline)" = false ] || fail "stale at exactly 1 month"
    [ "$(stale_at $((MONTH + 1)) p1-own-pipeline)" = true ] || fail "not stale 1 s past 1 month"
    climb stale-after 120 >/dev/null || fail "stale-after 120"
    [ "$(stale_at $((120 * MONTH)) p1-own-pipeline)" = false ] || fail "stale at exactly 120 months"
    [ "$(stale_at $((120 * MONTH + 1)) p1-own-pipeline)" = true ] || fail "not stale 1 s past 120 months"
    expect_exit 2 "from 1 to 120, not '0'" -- climb stale-after 0
    expect_exit 2 "from 1 to 120, not '121'" -- climb stale-after 121
    expect_exit 2 "from 1 to 120, not '12x'" -- climb stale-after 12x
    [ "$(sqlite3 "$DB" "SELECT stale_months FROM profiles")" = 120 ] || fail "a refused period was stored"
}

# A note written after the tick is the evidence's date: the period counts from it.
stale_counts_from_a_later_note() {
    CLIMB_NOW=$(iso $T0) climb tick p1-own-pipeline >/dev/null || fail "tick"
    CLIMB_NOW=$(iso $((T0 + 1000))) climb note p1-own-pipeline "the billing pipeline" >/dev/null ||
        fail "note"
    [ "$(stale_at $((1000 + 12 * MONTH)) p1-own-pipeline)" = false ] || fail "stale at 12 months after the note"
    [ "$(stale_at $((1001 + 12 * MONTH)) p1-own-pipeline)" = true ] || fail "not stale past 12 months after the note"
    # only done criteria go stale
    CLIMB_NOW=$(iso $T0) climb set p1-solo-incident doing >/dev/null || fail "set doing"
    [ "$(stale_at $((24 * MONTH)) p1-solo-incident)" = false ] || fail "a criterion in progress went stale"
}

stale_mark_in_the_tui() {
    CLIMB_NOW=$(iso $T0) climb tick p1-own-pipeline >/dev/null || fail "tick"
    CLIMB_NOW=$(iso $((T0 + 12 * MONTH)))
    start_tui 100 24
    wait_for "2025-01-01"
    screen | grep -q "!2025-01-01" && fail "! at exactly 12 months"
    quit_tui
    restart_tmux
    CLIMB_NOW=$(iso $((T0 + 12 * MONTH + 1)))
    start_tui 100 24
    wait_for "!2025-01-01"
    wait_for "stale: this evidence is over 12 months old"
    quit_tui
}

# band ANSWERS PHASE EDGE YES REGULARLY: climb quiz --answers ANSWERS --json places
# in PHASE (on the edge of EDGE, or null) with these counts.
band() {
    climb quiz --answers "$1" --json >"$T/q.json" || fail "quiz --answers $1 exited $?"
    python3 - "$T/q.json" "$@" <<'PY' || fail "band for $1: $(cat "$T/q.json")"
import json, sys
d = json.load(open(sys.argv[1]))
_, want_phase, want_edge, want_yes, want_reg = sys.argv[2:]
edge = None if want_edge == "null" else int(want_edge)
got = (d["phase"], d["on_edge_of"], d["yes"], d["regularly"])
assert got == (int(want_phase), edge, int(want_yes), int(want_reg)), got
PY
}

quiz_bands_at_each_edge() {
    band no,no,no,no,no 1 null 0 0
    band once,no,no,no,no 1 2 1 0
    band no,no,no,no,regularly 1 2 1 1
    band once,regularly,no,no,no 2 null 2 1
    band once,once,once,no,no 3 null 3 0
    band regularly,regularly,regularly,no,no 3 null 3 3
    # four or five yes: Phase 4 needs at least four of them regularly
    band regularly,regularly,regularly,once,no 3 4 4 3
    band regularly,regularly,regularly,regularly,no 4 null 4 4
    band regularly,regularly,regularly,once,once 3 4 5 3
    band regularly,regularly,regularly,regularly,once 4 null 5 4
    band regularly,regularly,regularly,regularly,regularly 4 null 5 5
    band once,once,once,once,once 3 4 5 0
    climb quiz --answers regularly,regularly,regularly,once,no >"$T/out" || fail "quiz"
    grep -q "Placement: Phase 3 (Senior), on the edge of Phase 4" "$T/out" || fail "text: $(cat "$T/out")"
    grep -q "Phase 4 needs at least 4 answered regularly" "$T/out" || fail "no advice: $(cat "$T/out")"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM quiz_attempts")" = 13 ] || fail "attempts not all stored"
}

# Ticks at the first and last second of 2025-10-05 and the seconds either side.
day_edges() {
    CLIMB_NOW=2025-10-04T23:59:59Z climb tick p1-own-pipeline >/dev/null || fail "tick 1"
    CLIMB_NOW=2025-10-05T00:00:00Z climb tick p1-solo-incident >/dev/null || fail "tick 2"
    CLIMB_NOW=2025-10-05T23:59:59Z climb tick p1-dev-feedback >/dev/null || fail "tick 3"
    CLIMB_NOW=2025-10-06T00:00:00Z climb tick p2-reduce-oncall >/dev/null || fail "tick 4"
}

# items ARGS: the items of `climb history --kind state ARGS --json`, oldest first.
items() {
    climb history --kind state "$@" --json >"$T/h.json" || { echo "history exited $?" >&2; return 1; }
    python3 -c 'import json, sys; print(" ".join(e["item"] for e in reversed(json.load(open(sys.argv[1])))))' "$T/h.json"
}

history_dates_at_the_limits() {
    day_edges
    [ "$(items --since 2025-10-05 --until 2025-10-05)" = "p1-solo-incident p1-dev-feedback" ] ||
        fail "one day: $(items --since 2025-10-05 --until 2025-10-05)"
    [ "$(items --since 2025-10-05)" = "p1-solo-incident p1-dev-feedback p2-reduce-oncall" ] ||
        fail "since a day: $(items --since 2025-10-05)"
    [ "$(items --until 2025-10-05)" = "p1-own-pipeline p1-solo-incident p1-dev-feedback" ] ||
        fail "until a day: $(items --until 2025-10-05)"
    # times are inclusive at both ends, to the second
    [ "$(items --since 2025-10-05T00:00:00Z --until 2025-10-05T23:59:59Z)" = "p1-solo-incident p1-dev-feedback" ] ||
        fail "times: $(items --since 2025-10-05T00:00:00Z --until 2025-10-05T23:59:59Z)"
    [ "$(items --since 2025-10-05T00:00:01Z --until 2025-10-05T23:59:58Z)" = "" ] ||
        fail "one second inside: $(items --since 2025-10-05T00:00:01Z --until 2025-10-05T23:59:58Z)"
    [ "$(items --since 2025-10-05T02:00:00+02:00 --until 2025-10-05T00:00:00Z)" = "p1-solo-incident" ] ||
        fail "offset: $(items --since 2025-10-05T02:00:00+02:00 --until 2025-10-05T00:00:00Z)"
    # the calendar's limits: the last day of each month and a leap day
    for d in 2024-02-29 2025-02-28 2025-04-30 2025-12-31 2025-01-01 2025-10-05T23:59:60Z; do
        climb history --since "$d" >/dev/null || fail "refused $d"
    done
    for d in 2025-02-29 2025-04-31 2025-12-32 2025-13-01 2025-00-10 2025-01-00 2025-1-05 \
        2025-10-05T24:00:00Z 2025-10-05T23:60:00Z 2025-10-05T23:59:61Z 2025-10-05T00:00:00+24:00; do
        expect_exit 2 "^climb: --since: '.*' is not a date" -- climb history --since "$d"
        grep -qF "'$d'" "$T/expect.out" || fail "date not quoted: $(cat "$T/expect.out")"
        expect_exit 2 "^climb: --until: '.*' is not a date" -- climb history --until "$d"
    done
    expect_exit 2 "usage: climb history" -- climb history --since
}

# note_of ID: the byte length of ID's note in status --json.
note_len() {
    climb status --json >"$T/s.json" || { echo "status --json exited $?" >&2; return 1; }
    python3 - "$T/s.json" "$1" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["phases"]:
    for c in p["criteria"]:
        if c["id"] == sys.argv[2]:
            print(len((c["note"] or "").encode()))
PY
}

# bytes N CHAR: N copies of the one-byte CHAR, no newline.
bytes() { head -c "$1" /dev/zero | tr '\0' "$2"; }

note_cap_from_argv() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    expect_exit 0 "p1-own-pipeline: note saved" -- climb note p1-own-pipeline "$(bytes 65536 a)"
    [ "$(note_len p1-own-pipeline)" = 65536 ] || fail "the note at the cap: $(note_len p1-own-pipeline) bytes"
    expect_exit 2 "^climb: the note is longer than 65536 bytes" -- climb note p1-own-pipeline "$(bytes 65537 b)"
    [ "$(note_len p1-own-pipeline)" = 65536 ] || fail "a refused note changed the note"
    # the cap counts bytes: 32768 two-byte characters fit, one more byte does not
    wide=$(bytes 32768 e | sed 's/e/é/g')
    expect_exit 0 "note saved" -- climb note p1-solo-incident "$wide"
    [ "$(note_len p1-solo-incident)" = 65536 ] || fail "two-byte note: $(note_len p1-solo-incident)"
    expect_exit 2 "longer than 65536 bytes" -- climb note p1-solo-incident "${wide}x"
    expect_exit 0 "p1-dev-feedback: done" -- climb tick p1-dev-feedback --note "$(bytes 65536 c)"
    [ "$(note_len p1-dev-feedback)" = 65536 ] || fail "tick --note at the cap"
}

# `tick --note` checks its note as `note` does (it once stored one past the cap).
tick_note_checked_like_note() {
    expect_exit 2 "longer than 65536 bytes" -- climb tick p1-dev-feedback --note "$(bytes 65537 c)"
    [ "$(crit_state p1-dev-feedback)" = todo ] || fail "tick with a refused note ticked"
    expect_exit 2 "not valid UTF-8" -- climb tick p1-dev-feedback --note "$(printf 'a\377b')"
    [ "$(crit_state p1-dev-feedback)" = todo ] || fail "tick with a refused note ticked"
}

note_cap_from_stdin() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    bytes 65536 a >"$T/cap"
    bytes 65537 b >"$T/over"
    expect_exit 0 "p1-own-pipeline: note saved" -- climb note p1-own-pipeline - <"$T/cap"
    [ "$(note_len p1-own-pipeline)" = 65536 ] || fail "the note at the cap: $(note_len p1-own-pipeline) bytes"
    expect_exit 2 "^climb: the note is longer than 65536 bytes" -- climb note p1-own-pipeline - <"$T/over"
    [ "$(note_len p1-own-pipeline)" = 65536 ] || fail "a refused note changed the note"
    # the final newline is not part of the note
    { bytes 65535 c; echo; } >"$T/nl"
    expect_exit 0 "note saved" -- climb note p1-own-pipeline - <"$T/nl"
    [ "$(note_len p1-own-pipeline)" = 65535 ] || fail "final newline kept: $(note_len p1-own-pipeline)"
    : >"$T/empty"
    expect_exit 0 "p1-own-pipeline: note cleared" -- climb note p1-own-pipeline - <"$T/empty"
    [ "$(note_len p1-own-pipeline)" = 0 ] || fail "an empty note did not clear it"
}

run_test stale_exactly_at_the_period_is_fresh
run_test stale_counts_from_a_later_note
run_test stale_mark_in_the_tui
run_test quiz_bands_at_each_edge
run_test history_dates_at_the_limits
run_test note_cap_from_argv
run_test note_cap_from_stdin
# A note of exactly 65536 bytes written by an editor (which ends the file with a
# newline) is taken: the final line end is dropped before the cap is checked.
stdin_note_at_the_cap_with_a_newline() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    { bytes 65536 a; echo; } >"$T/cap-nl"
    expect_exit 0 "note saved" -- climb note p1-own-pipeline - <"$T/cap-nl"
    [ "$(note_len p1-own-pipeline)" = 65536 ] || fail "the note at the cap: $(note_len p1-own-pipeline) bytes"
}

run_test tick_note_checked_like_note
run_test stdin_note_at_the_cap_with_a_newline
