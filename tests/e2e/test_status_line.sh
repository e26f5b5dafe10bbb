#!/bin/sh
# test_status_line.sh - `climb status --line`: the one line a shell prompt or a
# tmux status bar shows, its --format directives, and that it only reads (a
# read-only database file still answers; an older schema is migrated once), and a
# format expanding past the line's size cut there.
. "$(dirname "$0")/lib.sh"

line_shows_the_phase_being_worked_on() {
    climb status >/dev/null || fail "status"
    [ "$(climb status --line)" = "climb: P1 0/3" ] || fail "fresh: $(climb status --line)"
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    [ "$(climb status --line)" = "climb: P1 1/3" ] || fail "one tick: $(climb status --line)"
    climb tick p1-solo-incident >/dev/null && climb tick p1-dev-feedback >/dev/null || fail "ticks"
    [ "$(climb status --line)" = "climb: P2 0/3" ] || fail "phase 1 met: $(climb status --line)"
    climb set p2-reduce-oncall n/a --reason "no on-call here" >/dev/null || fail "n/a"
    [ "$(climb status --line)" = "climb: P2 0/2" ] || fail "n/a: $(climb status --line)"
}

format_directives() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    out=$(climb status --line --format '%P: %d of %t, %a days, %s stale, 100%%')
    [ "$out" = "Stepping off the ticket queue: 1 of 3, 0 days, 0 stale, 100%" ] || fail "got: $out"
    out=$(CLIMB_NOW=2026-04-01T09:30:00Z climb status --line --format '%a')
    [ "$out" = 18 ] || fail "days since the tick: $out"
    climb status --line --format '%x' >"$T/out" 2>"$T/err"
    [ $? -eq 2 ] || fail "an unknown directive is a usage error"
    grep -qF "unknown directive '%x'" "$T/err" || fail "message: $(cat "$T/err")"
    [ ! -s "$T/out" ] || fail "printed: $(cat "$T/out")"
    climb status --format x >/dev/null 2>&1
    [ $? -eq 2 ] || fail "--format without --line is a usage error"
}

no_profile_prints_nothing() {
    climb status --line >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "no database: exit 1"
    [ ! -s "$T/out" ] || fail "printed: $(cat "$T/out")"
    [ ! -e "$DB" ] || fail "the line created the database"
    climb status >/dev/null || fail "status"
    "$CLIMB_BIN" --db "$DB" --user bob status --line >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "no profile: exit 1"
    grep -qF "no profile named 'bob'" "$T/err" || fail "message: $(cat "$T/err")"
    [ "$(climb users | grep -c bob)" = 0 ] || fail "the line created a profile"
}

line_only_reads() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null || fail "checkpoint"
    sum=$(cat "$DB" "$DB-wal" 2>/dev/null | md5sum)
    chmod a-w "$DB"
    out=$(climb status --line 2>"$T/err") || fail "read-only file: $(cat "$T/err")"
    chmod u+w "$DB"
    [ "$out" = "climb: P1 1/3" ] || fail "got: $out"
    [ "$(cat "$DB" "$DB-wal" 2>/dev/null | md5sum)" = "$sum" ] || fail "the database changed"
}

older_schema_is_migrated_once() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    sqlite3 "$DB" 'DROP TABLE view_state; DROP INDEX events_dated; ALTER TABLE profiles DROP COLUMN checkin_days; PRAGMA user_version = 3' ||
        fail "downgrade"
    [ "$(climb status --line)" = "climb: P1 1/3" ] || fail "got: $(climb status --line)"
    [ "$(sqlite3 "$DB" 'PRAGMA user_version')" -ge 4 ] || fail "not migrated"
}

# A format that expands past the line's 1023 bytes is cut there, not overrun.
long_format_cut() {
    climb status >/dev/null || fail "status"
    fmt=$(printf '%%P%.0s' $(seq 50))
    climb status --line --format "$fmt" >"$T/out" || fail "status --line"
    [ "$(head -c 1023 "$T/out" | tr -d '\n' | wc -c)" = 1023 ] || fail "not 1023 bytes: $(wc -c <"$T/out")"
    [ "$(wc -c <"$T/out")" = 1024 ] || fail "not cut at 1023 bytes and a newline: $(wc -c <"$T/out")"
    want=$(printf 'Stepping off the ticket queue%.0s' $(seq 50) | head -c 1023)
    [ "$(cat "$T/out")" = "$want" ] || fail "not the start of the expansion"
}

run_test line_shows_the_phase_being_worked_on
run_test format_directives
run_test no_profile_prints_nothing
run_test line_only_reads
run_test older_schema_is_migrated_once
run_test long_format_cut
