#!/bin/sh
# test_cli_conventions.sh - what a shell user expects of a command: ids to copy,
# profiles renamed and deleted from the shell, "did you mean", partial dates,
# --help within 80 columns, and a --user without a profile that does not start
# one (only the first launch, or --create, makes one).
. "$(dirname "$0")/lib.sh"

ids_lists_criteria() {
    climb ids >"$T/ids" || fail "ids"
    [ "$(wc -l <"$T/ids")" -eq 14 ] || fail "ids: $(cat "$T/ids")"
    climb status --json | python3 -c '
import json, sys
print("\n".join(c["id"] for p in json.load(sys.stdin)["phases"] for c in p["criteria"]))' >"$T/st"
    cmp -s "$T/ids" "$T/st" || fail "ids differ from status"
    [ "$(climb ids --phase 2)" = "$(grep '^p2-' "$T/ids")" ] || fail "--phase 2"
    climb ids --phase 9 2>"$T/err"; [ $? -eq 2 ] || fail "phase 9 exit"
    grep -q "the phases are 1, 2, 3, 4" "$T/err" || fail "phase 9: $(cat "$T/err")"
}

users_rename_and_rm() {
    climb status >/dev/null || fail "ana"
    climb users add bob | grep -qx "profile 'bob' created" || fail "add"
    "$CLIMB_BIN" --db "$DB" --user bob tick p1-own-pipeline >/dev/null || fail "tick as bob"
    climb users rename bob rob | grep -qx "profile 'bob' is now 'rob'" || fail "rename"
    "$CLIMB_BIN" --db "$DB" --user rob status --json | grep -q '"state": "done"' ||
        fail "rob lost bob's tick"
    climb users rename rob ana 2>"$T/err"; [ $? -eq 1 ] || fail "rename onto ana"
    grep -q "already exists" "$T/err" || fail "rename message: $(cat "$T/err")"
    climb users rm rob 2>"$T/err"; [ $? -eq 2 ] || fail "rm without --yes"
    grep -q "1/14 criteria met.*--yes" "$T/err" || fail "rm question: $(cat "$T/err")"
    climb users --json | grep -q '"rob"' || fail "deleted without --yes"
    climb users rm rob --yes | grep -qx "profile 'rob' deleted" || fail "rm"
    climb users --json | grep -q '"rob"' && fail "rob still listed"
    climb users rm rob --yes 2>"$T/err"; [ $? -eq 1 ] || fail "rm missing"
    grep -q "no profile named rob" "$T/err" || fail "rm missing: $(cat "$T/err")"
}

did_you_mean() {
    climb stauts 2>"$T/err"; [ $? -eq 2 ] || fail "exit"
    grep -q "unknown command 'stauts'; did you mean 'status'?" "$T/err" || fail "$(cat "$T/err")"
    climb tick p1-own-pipeline --not x 2>"$T/err"; [ $? -eq 2 ] || fail "option exit"
    grep -q "unknown option '--not'; did you mean --note?" "$T/err" || fail "$(cat "$T/err")"
    "$CLIMB_BIN" --dbb x status 2>"$T/err"; [ $? -eq 2 ] || fail "global exit"
    grep -q "did you mean --db?" "$T/err" || fail "$(cat "$T/err")"
    climb xyzzy 2>"$T/err"
    grep -q "did you mean" "$T/err" && fail "a far word got a suggestion"
    true
}

partial_dates() {
    CLIMB_NOW=2025-12-20T10:00:00Z climb tick p1-own-pipeline >/dev/null || fail "dec"
    CLIMB_NOW=2026-02-10T10:00:00Z climb tick p1-solo-incident >/dev/null || fail "feb"
    CLIMB_NOW=2026-03-01T10:00:00Z climb tick p1-dev-feedback >/dev/null || fail "mar"
    n() { climb history --kind state "$@" | grep -c ticked; }
    [ "$(n --since 2026)" = 2 ] || fail "--since 2026: $(n --since 2026)"
    [ "$(n --until 2025)" = 1 ] || fail "--until 2025"
    [ "$(n --since 2026-02 --until 2026-02)" = 1 ] || fail "february"
    [ "$(n --since 2026-03)" = 1 ] || fail "--since 2026-03"
    climb history --since 2026-13 2>"$T/err"; [ $? -eq 2 ] || fail "month 13"
    grep -q "YYYY-MM" "$T/err" || fail "message: $(cat "$T/err")"
}

help_within_80_columns() {
    "$CLIMB_BIN" --help >"$T/help" || fail "help"
    for c in $(sed -n 's/^  \([a-z][a-z-]*\)\( .*\)\{0,1\}$/\1/p' "$T/help"); do
        "$CLIMB_BIN" "$c" --help >>"$T/help" || fail "$c --help"
    done
    [ "$(wc -l <"$T/help")" -gt 50 ] || fail "too little help"
    wide=$(awk 'length($0) > 80' "$T/help")
    [ -z "$wide" ] || fail "wider than 80 columns: $wide"
}

user_typo_refused() {
    climb status >/dev/null || fail "ana"
    "$CLIMB_BIN" --db "$DB" --user anna tick p1-dev-feedback 2>"$T/err"; [ $? -eq 1 ] || fail "exit"
    grep -q "no profile named 'anna'; did you mean 'ana'?" "$T/err" || fail "$(cat "$T/err")"
    climb users --json | grep -q '"anna"' && fail "anna was created"
    "$CLIMB_BIN" --db "$DB" --user Ana status 2>/dev/null && fail "Ana was created"
    # a name far from any is refused too, with the profiles and the ways to make it
    "$CLIMB_BIN" --db "$DB" --user rooot status >/dev/null 2>"$T/err"; [ $? -eq 1 ] || fail "rooot"
    grep -qF "no profile named 'rooot'. The profiles: ana. To start a new one: climb --user rooot --create, or climb users add rooot" "$T/err" ||
        fail "rooot: $(cat "$T/err")"
    [ "$(climb users --json | grep -c '"name"')" = 1 ] || fail "a profile was created"
    "$CLIMB_BIN" --db "$DB" --user zoe --create status >/dev/null || fail "--create"
    "$CLIMB_BIN" --db "$DB" --user zoe status >/dev/null || fail "zoe after --create"
    "$CLIMB_BIN" --db "$DB" --user zoe --create status >/dev/null || fail "--create when it exists"
    climb users add anna >/dev/null || fail "add anna"
    "$CLIMB_BIN" --db "$DB" --user anna tick p1-dev-feedback >/dev/null || fail "anna after add"
}

run_test ids_lists_criteria
run_test users_rename_and_rm
run_test did_you_mean
run_test partial_dates
run_test help_within_80_columns
run_test user_typo_refused
