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
help_closes() {
    keys "$2"
    wait_gone "Help: keys of $1"
    wait_for "$3"
}

history_help() {
    start
    keys H
    wait_for "Timeline, newest first"
    wait_for "? help"
    keys ?
    help_shows history "chart by week" "go to a date in the timeline" "close History"
    help_closes history Escape "Timeline, newest first"
    keys f
    wait_for "Left/Right change"
    keys ?
    help_shows history "switch between phase and kind" "the next phase or kind"
    screen | grep -qF "chart by week" && fail "the filter's help lists the timeline keys"
    help_closes history x "Left/Right change"
    keys Right
    wait_for "phase 1 · all kinds"
    keys Enter d
    wait_for "Go to date"
    keys F1
    help_shows history "show the events up to that date" "Backspace Ctrl-H"
    help_closes history Escape "Go to date"
    keys Escape
    wait_for "Left/Right months"
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
    wait_for "1-4 phase  Up/Down move  Esc close  ? keys"
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
    wait_for "Ctrl-U clear  Esc close  F1 keys"
    keys -l "pipeline"
    wait_for "match 1 of"
    keys F1
    help_shows search "typed into the query" "delete to the start (clears the text)" "go to the list of matches"
    help_closes search Escape "Ctrl-U clear"
    keys -l "?"
    wait_for "Search: pipeline?"
    screen | grep -qF "Help: keys of" && fail "? opened help while typing a query"
    keys BSpace Enter
    wait_for "n/N next/previous  Enter go to it  / edit the query  Esc close  ? keys"
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
    help_closes export x "Write to:"
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
    wait_for "Enter switch  n new  r rename  d delete  Esc close  ? keys"
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

run_test history_help
run_test quiz_help
run_test roadblocks_help
run_test reference_help
run_test search_help
run_test export_help
run_test profiles_help
