#!/bin/sh
# test_valgrind_checkin.sh - the commands and the view of check-ins, the prompt
# line and sync under valgrind: no invalid reads or writes, no leaks. Skipped in
# the sanitizer build and where valgrind is missing, like test_valgrind.sh.
. "$(dirname "$0")/lib.sh"

case "${CLIMB_BUILD:-build}" in *asan*) exit 0 ;; esac
command -v valgrind >/dev/null 2>&1 || { echo "  skip valgrind (not installed)"; exit 0; }
export CLIMB_NOW=2026-03-01T09:00:00Z

vg() {
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect "$CLIMB_BIN" --db "$DB" --user ana "$@"
}

line_due_cadence_are_clean() {
    vg status --line >/dev/null 2>"$T/vg"
    [ $? -eq 1 ] || fail "line without a database: $(cat "$T/vg")"
    climb tick p1-own-pipeline --note "v1" >/dev/null || fail "tick"
    vg cadence 2w >/dev/null 2>"$T/vg" || fail "cadence: $(cat "$T/vg")"
    vg status --line --format '%p %P %d/%t%D %a %s %%' >/dev/null 2>"$T/vg" ||
        fail "line: $(cat "$T/vg")"
    CLIMB_NOW=2026-03-20T09:00:00Z vg due >/dev/null 2>"$T/vg" || fail "due: $(cat "$T/vg")"
    vg due >/dev/null 2>"$T/vg"
    [ $? -eq 1 ] || fail "not due: $(cat "$T/vg")"
}

headless_checkin_is_clean() {
    climb tick p1-own-pipeline --note "v1" >/dev/null && climb cadence 1w >/dev/null || fail "setup"
    printf '<Enter>1<Enter>2<Enter>nA note<C-x><Enter>?<Esc><Enter>Cx<Esc>q' >"$T/keys"
    CLIMB_NOW=2026-03-20T09:00:00Z TERM=xterm-256color vg --keys "$T/keys" >/dev/null 2>"$T/vg" ||
        fail "TUI: $(cat "$T/vg")"
    climb history --kind checkin | grep -qF "reviewed: 3 criteria, 3 changed" ||
        fail "the headless check-in was not recorded: $(climb history | head -n 3)"
}

sync_is_clean() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    vg sync init "$T/remote.git" --machine desk >/dev/null 2>"$T/vg" || fail "init: $(cat "$T/vg")"
    vg sync >/dev/null 2>"$T/vg" || fail "sync: $(cat "$T/vg")"
    "$CLIMB_BIN" --db "$T/b.db" --user ana sync init "$T/remote.git" --machine laptop >/dev/null &&
        "$CLIMB_BIN" --db "$T/b.db" --user ana sync >/dev/null || fail "laptop"
    vg sync >/dev/null 2>"$T/vg" || fail "sync with a merge: $(cat "$T/vg")"
}

run_test line_due_cadence_are_clean
run_test headless_checkin_is_clean
run_test sync_is_clean
