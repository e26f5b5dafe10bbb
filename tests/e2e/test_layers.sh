#!/bin/sh
# test_layers.sh - the front ends (cli_*.c, the TUI's tui*.c, view_*.c, pane_*.c
# and checklist_actions.c) reach the database only through the operations layer:
# none of them includes a store header, even through another header, and none
# calls SQLite. Checked with the compiler's own list of what each file includes.
. "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"

front_ends_never_reach_the_store() {
    cflags=$(pkg-config --cflags ncursesw sqlite3 yaml-0.1 jansson 2>/dev/null)
    n=0
    for f in "$root"/src/cli*.c "$root"/src/tui*.c "$root"/src/view_*.c "$root"/src/pane_*.c \
        "$root"/src/checklist_actions.c; do
        n=$((n + 1))
        # shellcheck disable=SC2086
        deps=$(cc -MM -I"$root/include" $cflags "$f") || fail "cc -MM $f"
        bad=$(printf '%s\n' "$deps" | tr ' \\' '\n\n' | grep -E '(/store[^/]*\.h|sqlite3\.h)$')
        [ -z "$bad" ] || fail "$(basename "$f") includes $(echo $bad)"
        ! grep -n 'sqlite3_' "$f" || fail "$(basename "$f") calls SQLite"
    done
    [ "$n" -ge 25 ] || fail "only $n front-end files found"
}

# The check itself can fail: a store header included by a view is caught.
the_check_catches_a_leak() {
    cflags=$(pkg-config --cflags ncursesw sqlite3 yaml-0.1 jansson 2>/dev/null)
    printf '#include "climb/store_quiz.h"\n' >"$T/view_leak.c"
    # shellcheck disable=SC2086
    cc -MM -I"$root/include" $cflags "$T/view_leak.c" | tr ' \\' '\n\n' |
        grep -qE '/store[^/]*\.h$' || fail "a store header went unnoticed"
}

run_test front_ends_never_reach_the_store
run_test the_check_catches_a_leak
