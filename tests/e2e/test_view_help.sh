#!/bin/sh
# test_view_help.sh - help over a view lists that view's own keys, from the table
# that dispatches them: ? (or F1 where the view takes typed text) opens "Help:
# keys of <view>" with the keys of the mode the view is in; any key closes help and
# the view is still there, in the same mode. In text modes ? is typed text.
. "$(dirname "$0")/lib.sh"

# A profile made from the CLI first, so the TUI launch is not a first launch.
start() {
    climb status >/dev/null || fail "status failed"
    start_tui 100 40
    wait_for "Ladder"
}

# help_shows VIEW TEXT...: waits for the help box of VIEW and each TEXT in it.
help_shows() {
    wait_for "Help: keys of $1"
    shift
    for text in "$@"; do
        wait_for "$text"
    done
}

# help_closes VIEW KEY STILL: KEY closes the help of VIEW and STILL shows again.
# Only q, Esc, ? and F1 close help; another key leaves it open.
help_closes() {
    keys "$2"
    wait_gone "Help: keys of $1"
    wait_for "$3"
}

# History's own wording is the history branch's; only the help box is checked.
history_help() {
    start
    keys H
    wait_for "Timeline, newest first"
    keys ?
    help_shows history "chart by week" "filter the timeline by phase and kind"
    help_closes history Escape "Timeline, newest first"
    keys Escape
    wait_gone "Timeline, newest first"
    quit_tui
}

quiz_help() {
    start
    keys Q
    wait_for "Question 1 of 5"
    keys ?
    help_shows quiz "abandon the quiz; nothing is saved" "back to the previous question" \
        "1 2 3"
    help_closes quiz Escape "Question 1 of 5"
    keys 2 Enter
    wait_for "Question 2 of 5"
    keys Escape
    wait_for "Quiz abandoned; nothing was saved."
    quit_tui
}

roadblocks_help() {
    start
    keys R
    wait_for "Roadblocks · 0 flagged"
    keys ?
    help_shows roadblocks "this is me: flag or unflag the selected one" "Space Enter" \
        "Esc q R" "select the item below"
    help_closes roadblocks Escape "Roadblocks · 0 flagged"
    keys Space
    wait_for "Roadblocks · 1 flagged"
    keys Escape
    wait_gone "Roadblocks ·"
    quit_tui
}

reference_help() {
    start
    keys r
    wait_for "1-4 phase  Up/Down move  PgUp/PgDn page  Esc close  ? help"
    keys ?
    help_shows resources "show the resources of that phase" "1 2 3 4" "Esc q r"
    help_closes resources Escape "1-4 phase"
    keys Escape
    keys F
    wait_for "Frequently asked questions"
    keys F1
    help_shows faq "scroll down a page" "Esc q F"
    help_closes faq Escape "Frequently asked questions"
    keys F
    wait_gone "Frequently asked questions"
    quit_tui
}

search_help() {
    start
    keys /
    wait_for "Ctrl-U clear  Esc close  F1 help"
    keys -l "pipeline"
    wait_for "match 1 of"
    keys F1
    help_shows search "typed into the query" "clear the query" "go to the list of matches"
    help_closes search Escape "Ctrl-U clear"
    keys -l "?"
    wait_for "Search: pipeline?"
    screen | grep -qF "Help: keys of" && fail "? opened help while typing a query"
    keys BSpace Enter
    wait_for "n/N next/previous  Enter go to it  / edit the query  Esc close  ? help"
    keys ?
    help_shows search "next match (after the last: the first)" "edit the query"
    screen | grep -qF "typed into the query" && fail "the list's help lists the typing keys"
    help_closes search Escape "n/N next/previous"
    wait_for "match 1 of"
    keys Escape
    wait_gone "Search the ladder"
    quit_tui
}

export_help() {
    start
    keys e
    wait_for "Choose a format:"
    keys ?
    help_shows export "choose that format and go on to the file name" "Esc q"
    help_closes export Escape "Choose a format:"
    keys Enter
    wait_for "Write to:"
    keys F1
    help_shows export "typed into the file name" "back to the formats"
    keys x
    wait_for "q, Esc, ? or F1 close this help"
    screen | grep -qF "climb-ana-" && fail "x closed help"
    help_closes export q "Write to:"
    screen | grep -qF "climb-ana-" || fail "the file name changed"
    keys Escape
    wait_for "Choose a format:"
    keys Escape
    wait_gone "Export snapshot"
    quit_tui
}

profiles_help() {
    start
    keys P
    wait_for "Enter switch  n new  r rename  d delete  Esc close  ? help"
    keys ?
    help_shows profiles "rename the selected profile" "Esc q P"
    help_closes profiles Escape "* ana"
    keys n
    wait_for "Name of the new profile:"
    keys F1
    help_shows profiles "typed into the name" "cancel: back to the list"
    help_closes profiles Escape "Name of the new profile:"
    keys Escape
    wait_gone "Name of the new profile:"
    keys Escape
    wait_gone "Enter switch  n new"
    quit_tui
}

# The help box of the main view at 100x30: wider than the old 72 columns, since
# its longest row needs more; it scrolls with PgDn and the grammar's keys,
# showing which lines are in sight, and only q, Esc, ? and F1 close it.
box_width() {
    screen | python3 -c '
import sys
for line in sys.stdin:
    if "Help: keys" in line and "\u250c" in line:
        print(line.rindex("\u2510") - line.index("\u250c") + 1)
        break
else:
    print(0)'
}

help_overlay() {
    climb status >/dev/null || fail "status failed"
    start_tui 100 30
    wait_for "Ladder"
    keys ?
    wait_for "Help: keys"
    w=$(box_width)
    [ "$w" -gt 72 ] || fail "the help box is $w columns wide at 100"
    wait_for "1-25 of"
    keys NPage
    wait_gone "1-25 of"
    screen | grep -qF "undo the last change made in this run (again: the one before)" ||
        fail "a help row is cut although there is room"
    screen | grep -qF "Help: keys" || fail "PgDn closed help"
    screen | grep -qF "quit (every change is already saved)" || fail "PgDn did not reach the end"
    keys g
    wait_for "1-25 of"
    keys j # a line down, then PgUp back to the first (never above it)
    wait_for "2-26 of"
    keys PPage
    wait_for "1-25 of"
    keys G
    wait_gone "1-25 of"
    keys x
    wait_for "q, Esc, ? or F1 close this help"
    keys Up
    wait_gone "q, Esc, ? or F1 close this help"
    screen | grep -qF "Help: keys" || fail "a key closed help"
    keys q
    wait_gone "Help: keys"
    wait_for "? help  q quit"
    screen | grep -qF "EXITED" && fail "q in help quit climb"
    for k in Escape ? F1; do
        keys ?
        wait_for "Help: keys"
        keys "$k"
        wait_gone "Help: keys"
    done
    screen | grep -qF "EXITED" && fail "climb exited"
    quit_tui
}

run_test help_overlay
run_test history_help
run_test quiz_help
run_test roadblocks_help
run_test reference_help
run_test search_help
run_test export_help
run_test profiles_help
