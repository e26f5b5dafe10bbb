#!/bin/sh
# test_cli.sh - the command line on real database files: status, tick and untick,
# exit codes, refusing files that are not climb's without touching them, and every
# command refusing stray words with its own usage line.
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

# Each command refuses stray words with exit 2, naming the word and printing its
# own usage line; the refusals that are not about shape say what is wrong.
stray_words_refused_with_usage() {
    tab=$(printf 'a\tb')
    climb status >/dev/null || fail "status"
    events=$(sqlite3 "$DB" "SELECT count(*) FROM events")
    while IFS=';' read -r cmd usage bad; do
        # shellcheck disable=SC2086 # the words of cmd are separate arguments
        expect_exit 2 "^usage: climb $usage" -- climb $cmd
        [ -z "$bad" ] || grep -qF "unexpected argument '$bad'" "$T/expect.out" ||
            fail "$cmd: the stray word is not named: $(cat "$T/expect.out")"
    done <<'EOF2'
cadence 2w x;cadence \[EVERY\];x
due x;due ;x
keys help x;keys \[VIEW\|--all\];x
name a b;name \[NAME\|--clear\];b
name -x;name \[NAME\|--clear\];-x
target senior 2027-01-01 x;target \[LEVEL DATE\|--clear\];x
ids --bogus;ids \[--phase N\];--bogus
set a b c;set ID todo\|doing\|done\|n/a;c
set p1-own-pipeline;set ID;
note p1-own-pipeline text x;note ID TEXT\|- \[--date DATE\];x
stale-after 3 4;stale-after MONTHS;4
roadblock a b c;roadblock \[ID on\|off\];c
roadblock --on off;roadblock \[ID on\|off\];--on
users add a b;users \[--json\];b
users add;users \[--json\];
completions bash x;completions bash\|zsh\|fish;x
check-content;check-content FILE;
import --user=bo;import FILE \[--user NAME\];
import a b;import FILE;b
config x;config ;x
export --bogus;export \[--format;--bogus
history --bogus;history \[--json\];--bogus
status --bogus;status \[--json;--bogus
title a b;title \[LEVEL\];b
users --bogus;users \[--json\];--bogus
__complete;__complete \[--describe\] -- WORD;
__complete -- climb;__complete \[--describe\];
EOF2
    expect_exit 2 "^climb: --reason goes with n/a only$" -- climb set p1-own-pipeline done --reason x
    expect_exit 2 "^climb: the reason contains a control character .*; nothing was changed$" -- \
        climb set p1-own-pipeline n/a --reason "$(printf 'a\033b')"
    expect_exit 2 "^climb: users: a profile name cannot contain control characters$" -- \
        climb users add "$tab"
    expect_exit 1 "^climb: users rm: no profile named 'nobody' \(see: climb users\)$" -- \
        climb users rm nobody
    expect_exit 2 "^climb: completions: no script for 'tcsh' \(bash, zsh or fish\)$" -- \
        climb completions tcsh
    long=$(printf '%0201d' 0)
    expect_exit 2 "^climb: a name is at most 200 bytes$" -- climb name "$long"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events")" = "$events" ] ||
        fail "a refusal wrote an event"
    # the same value twice: the second says nothing changed
    expect_exit 0 "^name: Ana$" -- climb name Ana
    expect_exit 0 "^name: already so, nothing changed" -- climb name Ana
    expect_exit 0 "^Target Senior by 2027-01-01" -- climb target senior 2027-01-01
    expect_exit 0 "^target: already so, nothing changed" -- climb target senior 2027-01-01
    expect_exit 0 "^p1-own-pipeline: done" -- climb tick p1-own-pipeline
    expect_exit 0 "^p1-own-pipeline: already done, nothing changed$" -- climb tick p1-own-pipeline
    expect_exit 0 "^Placement: Phase 1 \(Junior\)$" -- climb quiz --answers=no,no,no,no,no
    expect_exit 0 "^p2-reduce-oncall$" -- climb ids --phase=2
    [ "$(wc -l <"$T/expect.out")" = 3 ] || fail "ids --phase=2: $(cat "$T/expect.out")"
}

# check-content on a small ladder counts in words that agree with the numbers,
# and names values of the wrong type by what they are.
check_content_counts_and_types() {
    fx="$(cd "$(dirname "$0")/../fixtures/content" && pwd)"
    expect_exit 0 "^$fx/minimal.yaml: ok \(2 levels, 1 phase, 2 criteria, 1 question\)$" -- \
        "$CLIMB_BIN" check-content "$fx/minimal.yaml"
    for v in "1.5;a number" "2.5e3;a number" ".5;a number" "-.inf;a number" "true;a boolean"; do
        sed "s/^name: Minimal test ladder/name: ${v%%;*}/" "$fx/minimal.yaml" >"$T/m.yaml"
        expect_exit 2 "^$T/m.yaml:4:7: wrong type for 'name' in the ladder: expected a string, found ${v#*;}$" \
            -- "$CLIMB_BIN" check-content "$T/m.yaml"
    done
    # 1e is not a number: it is the text "1e"
    sed "s/^name: Minimal test ladder/name: 1e/" "$fx/minimal.yaml" >"$T/m.yaml"
    expect_exit 0 ": ok " -- "$CLIMB_BIN" check-content "$T/m.yaml"
    printf '? [a]\n: b\n' >"$T/k.yaml" && sed 1,2d "$fx/minimal.yaml" >>"$T/k.yaml"
    expect_exit 2 "^$T/k.yaml:1:3: a key in the ladder is a list; keys must be plain text$" -- \
        "$CLIMB_BIN" check-content "$T/k.yaml"
    # a key with a tab in it is shown with the tab as '?'
    printf 'a\tb: 1\n' >"$T/t.yaml" && sed 1,2d "$fx/minimal.yaml" >>"$T/t.yaml"
    expect_exit 2 "^$T/t.yaml:1:1: unknown key 'a\?b' in the ladder$" -- \
        "$CLIMB_BIN" check-content "$T/t.yaml"
    expect_exit 2 "^/dev/zero: file is too large$" -- "$CLIMB_BIN" check-content /dev/zero
    expect_exit 2 "^$T: cannot read: Is a directory$" -- \
        "$CLIMB_BIN" check-content "$T"
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
run_test stray_words_refused_with_usage
run_test check_content_counts_and_types
