#!/bin/sh
# test_valgrind.sh - the real binary under valgrind: no invalid reads or writes and
# no leaked memory in the CLI commands and a headless TUI session. Skipped in the
# sanitizer build (ASan and valgrind do not mix) and where valgrind is missing.
. "$(dirname "$0")/lib.sh"

case "${CLIMB_BUILD:-build}" in *asan*) exit 0 ;; esac
command -v valgrind >/dev/null 2>&1 || { echo "  skip valgrind (not installed)"; exit 0; }

vg() {
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect "$CLIMB_BIN" --db "$DB" --user ana "$@"
}

cli_is_clean() {
    vg tick p2-reduce-oncall --note "evidence" >/dev/null 2>"$T/vg" || fail "tick: $(cat "$T/vg")"
    vg set p1-own-pipeline n/a --reason "none" >/dev/null 2>"$T/vg" || fail "set: $(cat "$T/vg")"
    vg status --json >/dev/null 2>"$T/vg" || fail "status: $(cat "$T/vg")"
    vg tick p2-reduce >/dev/null 2>"$T/vg"
    [ $? -eq 2 ] || fail "unknown id under valgrind: $(cat "$T/vg")"
    vg check-content "$(dirname "$0")/../fixtures/content/unknown_key.yaml" >/dev/null 2>"$T/vg"
    [ $? -eq 2 ] || fail "check-content: $(cat "$T/vg")"
}

headless_tui_is_clean() {
    climb status >/dev/null
    printf '2<Space>jp<Down>xno staff track<Enter>?<Esc>nA note<C-x><Tab><Down><resize 60x20><resize 20x5><resize 80x24>q' >"$T/keys"
    TERM=xterm-256color vg --keys "$T/keys" >/dev/null 2>"$T/vg" || fail "TUI: $(cat "$T/vg")"
    climb status --json >"$T/s.json"
    grep -q '"reason": "no staff track"' "$T/s.json" || fail "headless keys did not act"
    grep -q '"note": "A note"' "$T/s.json" || fail "headless note"
}

run_test cli_is_clean
run_test headless_tui_is_clean
