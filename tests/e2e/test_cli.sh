#!/bin/sh
# test_cli.sh - the command line on real database files: status, tick and untick,
# exit codes, and refusing files that are not climb's without touching them.
. "$(dirname "$0")/lib.sh"

status_json_shape() {
    out=$(climb tick p2-reduce-oncall --note "ADR-7 adopted") || fail "tick failed"
    echo "$out" | grep -q "p2-reduce-oncall: done (2026-03-14)" || fail "tick said: $out"
    climb status --json >"$T/s.json" || fail "status --json failed"
    python3 - "$T/s.json" <<'PY' || fail "status JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["profile"]["name"] == "ana"
ph = d["phases"]
assert [p["number"] for p in ph] == [1, 2, 3, 4]
assert [p["total"] for p in ph] == [3, 3, 4, 4]
assert ph[1]["done"] == 1 and ph[0]["done"] == 0
c = ph[1]["criteria"][0]
assert c["id"] == "p2-reduce-oncall" and c["state"] == "done", c
assert c["done_at"] == "2026-03-14T09:30:00Z" and c["note"] == "ADR-7 adopted", c
assert ph[0]["criteria"][0]["done_at"] is None
PY
    out=$(climb untick p2-reduce-oncall) || fail "untick failed"
    echo "$out" | grep -q "todo" || fail "untick said: $out"
    st=$(crit_state p2-reduce-oncall)
    [ "$st" = todo ] || fail "still done after untick: '$st'"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind IN ('state','note')")" = 3 ] || fail "events"
}

unknown_id_names_closest() {
    expect_exit 2 "unknown criterion 'p2-reduce'" -- climb tick p2-reduce
    grep -q "p2-reduce-oncall" "$T/expect.out" || fail "no closest id named"
}

usage_errors() {
    expect_exit 2 "unknown command 'frobnicate' \\(see: climb --help\\)" -- climb frobnicate
    expect_exit 2 "usage: climb tick" -- climb tick
    "$CLIMB_BIN" --help | grep -q "check-content" || fail "help lacks commands"
    "$CLIMB_BIN" --version | grep -q "^climb [0-9]" || fail "version"
    expect_exit 2 "needs a terminal" -- "$CLIMB_BIN" --db "$DB" </dev/null
    expect_exit 2 "control characters" -- "$CLIMB_BIN" --db "$DB" --user "$(printf 'a\tb')" status
}

not_sqlite_untouched() {
    printf 'hello, this is my diary\n' >"$T/notes.txt"
    cp "$T/notes.txt" "$T/orig"
    expect_exit 1 "not a SQLite database" -- "$CLIMB_BIN" --db "$T/notes.txt" status
    cmp -s "$T/notes.txt" "$T/orig" || fail "file changed"
    [ ! -e "$T/notes.txt-wal" ] || fail "wal created"
}

foreign_sqlite_untouched() {
    sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
    cp "$T/other.db" "$T/orig"
    expect_exit 1 "not climb's" -- "$CLIMB_BIN" --db "$T/other.db" status
    cmp -s "$T/other.db" "$T/orig" || fail "file changed"
    [ "$(sqlite3 "$T/other.db" 'PRAGMA journal_mode')" = delete ] || fail "journal mode changed"
}

newer_schema_refused() {
    climb status >/dev/null || fail "create"
    ours=$(sqlite3 "$DB" "PRAGMA user_version")
    sqlite3 "$DB" "PRAGMA user_version=99"
    sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    cp "$DB" "$T/orig"
    expect_exit 1 "schema version 99" -- climb status
    grep -qF "understands ($ours)" "$T/expect.out" || fail "our version not named: $(cat "$T/expect.out")"
    cmp -s "$DB" "$T/orig" || fail "file changed"
}

unwritable_path_named() {
    printf x >"$T/file"
    expect_exit 1 "$T/file/climb.db.*Not a directory" -- "$CLIMB_BIN" --db "$T/file/climb.db" status
}

default_location_private() {
    XDG_DATA_HOME="$T/xdg" "$CLIMB_BIN" --user ana status >/dev/null || fail "status"
    [ -f "$T/xdg/climb/climb.db" ] || fail "not at XDG_DATA_HOME/climb/climb.db"
    [ "$(stat -c %a "$T/xdg/climb")" = 700 ] || fail "directory not 0700"
    [ "$(stat -c %a "$T/xdg/climb/climb.db")" = 600 ] || fail "file not 0600"
    CLIMB_DB="$T/env.db" "$CLIMB_BIN" --user ana status >/dev/null || fail "CLIMB_DB"
    [ -f "$T/env.db" ] || fail "CLIMB_DB ignored"
    "$CLIMB_BIN" --user ana status >/dev/null || fail "HOME default"
    [ -f "$HOME/.local/share/climb/climb.db" ] || fail "not at ~/.local/share/climb"
}

check_content_reports_position() {
    "$CLIMB_BIN" check-content "$(dirname "$0")/../../content/devops.yaml" >"$T/out" || fail "built-in content invalid"
    grep -q "ok (5 levels, 4 phases, 14 criteria" "$T/out" || fail "summary: $(cat "$T/out")"
    sed 's/^\(  *\)scope:/\1scop:/' "$(dirname "$0")/../../content/devops.yaml" >"$T/broken.yaml"
    line=$(grep -n 'scop:' "$T/broken.yaml" | head -n 1 | cut -d: -f1)
    expect_exit 2 "^$T/broken.yaml:$line:[0-9]*: .*scop" -- "$CLIMB_BIN" check-content "$T/broken.yaml"
    expect_exit 2 "^$T/broken.yaml:$line:[0-9]*: .*scop" -- "$CLIMB_BIN" --db "$DB" --ladder "$T/broken.yaml" status
    [ ! -e "$DB" ] || fail "database opened despite a content error"
}

run_test status_json_shape
run_test unknown_id_names_closest
run_test usage_errors
run_test not_sqlite_untouched
run_test foreign_sqlite_untouched
run_test newer_schema_refused
run_test unwritable_path_named
run_test default_location_private
run_test check_content_reports_position
