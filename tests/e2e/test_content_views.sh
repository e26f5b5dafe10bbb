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

# overview COLS ROWS: o opens the source and year, the five key points and the
# timelines with their reasons; G reaches the last timeline's reason.
overview() {
    start "$1" "$2"
    keys o
    wait_for "Overview"
    wait_for "MentorCruise guide"
    wait_for "2026"
    wait_for "Key point 1 of 5"
    wait_for "Deep technical skill"
    keys G
    wait_for "Senior to Staff: typically 3-5 years"
    wait_for "Why it takes that long"
    wait_for "The gap widens"
    keys Escape
    wait_gone "Overview"
    wait_for "o overview"
    quit_tui
}

overview_80x24() { overview 80 24; }
overview_60x20() { overview 60 20; }

# The first-launch welcome offers the overview; Esc comes back to the welcome.
# In the quiz, i shows the introduction instead of the question, and i again
# goes back to the question.
welcome_overview_and_quiz_intro() {
    start_tui 80 24
    wait_for "Welcome to climb, ana."
    wait_for "o: an overview of the ladder first"
    keys o
    wait_for "Key point 1 of 5"
    keys Escape
    wait_for "Welcome to climb, ana."
    keys Enter
    wait_for "Question 1 of 5"
    keys i
    wait_for "About this quiz"
    wait_for "not a general confidence check"
    wait_gone "Question 1 of 5"
    keys i
    wait_for "Question 1 of 5"
    wait_gone "About this quiz"
    keys Escape
    wait_for "Quiz abandoned"
    quit_tui
}

run_test phase_explanation_80x24
run_test phase_explanation_60x20
run_test overview_80x24
run_test overview_60x20
run_test welcome_overview_and_quiz_intro
