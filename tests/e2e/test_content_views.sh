#!/bin/sh
# test_content_views.sh - the ladder's explanatory text on screen, at 80x24 and
# at 60x20 (stacked): the Phase pane's Explanation tab (i, [ or ]), scrolled to
# its end with a position indicator and kept while climb runs; the overview (o)
# with the key points, the source and the timelines with their reasons, also
# reached from the first-launch welcome; the quiz introduction from a question;
# the roadblocks view opening with its introduction; and Phase 4 worded as
# operating at Staff in status, exports and the TUI.
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
    wait_for "Phase 3 · Senior" # "[Table] Explanation (i)" shows at phase 1 already
    wait_for "[Table] Explanation (i)"
    screen | grep -qF "For most people this is" && fail "explanation shown before i"
    keys i
    wait_for "Table [Explanation] (i)"
    wait_for "For most people this is the phase"
    screen | grep -qE "\(i\).* [0-9]+/[0-9]+ " || fail "no position indicator"
    keys G
    wait_for "yardstick"
    wait_gone "For most people this is the phase"
    row=$(screen | grep -n 'Explanation (i)' | head -n 1 | cut -d: -f1)
    keys -l "$(printf '\033[<0;30;%dM' $((row - 2)))" # a click focuses the Phase pane
    keys -l "$(printf '\033[<0;30;%dm' $((row - 2)))"
    keys Space
    wait_for "Tab to the Checklist pane to tick a criterion"
    keys g
    wait_for "For most people this is the phase"
    keys NPage
    wait_gone "For most people this is the phase"
    keys PPage
    wait_for "For most people this is the phase"
    at=$(screen | grep -o ' [0-9]*/3[0-9] ┘' | head -n 1 | cut -d/ -f1) # last row shown
    keys j
    wait_for " $((at + 1))/3"
    keys k
    wait_for " $((at))/3"
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
    keys j j j j j j j j j
    wait_for "Principal: 10+ years, US pay \$200K-\$320K+"
    wait_for "Most common plateau: Deciding between management"
    keys G
    wait_for "Senior to Staff: typically 3-5 years"
    wait_for "Why it takes that long"
    wait_for "The gap widens"
    keys Z
    wait_for "Up/Down move between the points; Esc closes"
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

# Phase 4 is what operating at Staff takes: with every criterion met, status,
# status --json, the Markdown packet (header, verdict, phase 4), the JSON export
# and the TUI say "operating at Staff", and nothing calls it a step to Principal.
operating_at_staff() {
    for id in p1-own-pipeline p1-solo-incident p1-dev-feedback p2-reduce-oncall \
        p2-adopted-improvement p2-documented-decision p3-platform-component \
        p3-adopted-recommendation p3-mentored-decision p3-business-impact \
        p4-owned-roadmap p4-self-service-team p4-cross-team-influence; do
        climb tick "$id" >/dev/null || fail "tick $id"
    done
    climb status | grep -qx "progress reaches: Staff" || fail "before: $(climb status | head -2)"
    climb tick p4-business-translation >/dev/null || fail "last tick"
    climb status | grep -qx "progress reaches: operating at Staff" ||
        fail "status: $(climb status | head -2)"
    climb status --json >"$T/s.json" || fail "status --json"
    grep -qF '"progress_level": "staff"' "$T/s.json" || fail "progress_level: $(cat "$T/s.json")"
    grep -qF '"progress_operating": true' "$T/s.json" || fail "no progress_operating"
    climb export --format md -o "$T/p.md" >/dev/null || fail "export md"
    grep -qF "the case for operating at Staff" "$T/p.md" || fail "md header: $(cat "$T/p.md")"
    grep -qF "Operating at Staff case: 4 of 4 met" "$T/p.md" || fail "md verdict"
    grep -qF "What operating at Staff level takes: 4 of 4 met." "$T/p.md" || fail "md phase 4"
    grep -q "Principal" "$T/p.md" && fail "the Markdown packet names Principal"
    climb export --format json -o "$T/p.json" >/dev/null || fail "export json"
    grep -qF '"next_level":null,"operating":true' "$T/p.json" || fail "json phase 4"
    start_tui 80 24
    wait_for "ticks reach operating at Staff"
    wait_for "operating at Staff"
    quit_tui
}

# roadblocks_intro COLS ROWS: R opens with the introduction, restated from the
# source: a diagnosis, what unlocks it is the remedy, not generic advice.
roadblocks_intro() {
    start "$1" "$2"
    keys R
    wait_for "Roadblocks · 0 flagged"
    wait_for "Read these as a diagnosis."
    wait_for "remedy"
    wait_for "Flag the ones that describe you"
    keys Z
    wait_for "Space flags the selected roadblock; Esc closes"
    keys Escape
    wait_gone "Roadblocks ·"
    keys r
    wait_for "Resources"
    keys Z
    wait_for "1-4 show another phase's resources; Esc closes"
    keys Escape
    wait_gone "1-4 show another"
    quit_tui
}

roadblocks_intro_80x24() { roadblocks_intro 80 24; }
roadblocks_intro_60x20() { roadblocks_intro 60 20; }

# check-content warns about a text field no view shows (shown_fields.c); the
# built-in ladder's schema is shown in full, so it prints no warning.
check_content_all_shown() {
    "$CLIMB_BIN" check-content "$(dirname "$0")/../../content/devops.yaml" >"$T/out" 2>"$T/err" ||
        fail "check-content failed: $(cat "$T/err")"
    grep -qF ": ok (" "$T/out" || fail "out: $(cat "$T/out")"
    [ -s "$T/err" ] && fail "warnings: $(cat "$T/err")"
    return 0
}

# A search hit in a phase's summary opens the Phase pane on its Explanation tab.
search_summary_opens_explanation() {
    start 80 24
    keys /
    wait_for "Search:"
    keys -l "yardstick"
    wait_for "match 1 of 1"
    keys Enter
    wait_for "Enter go to it"
    keys Enter
    wait_gone "Search:"
    wait_for "Table [Explanation] (i)"
    wait_for "Breaking out of the ticket-solver loop"
    quit_tui
}

run_test search_summary_opens_explanation
run_test check_content_all_shown
run_test operating_at_staff
run_test phase_explanation_80x24
run_test phase_explanation_60x20
run_test overview_80x24
run_test overview_60x20
run_test welcome_overview_and_quiz_intro
run_test roadblocks_intro_80x24
run_test roadblocks_intro_60x20
