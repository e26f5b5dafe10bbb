#!/bin/sh
# test_key_grammar.sh - one key grammar for every view (docs/keys.md), on a real
# terminal: in FAQ, Roadblocks, Resources, Profiles, Search, Export, Evidence,
# Overview, Check-in and the quiz, q closes the view and climb keeps running (the
# main view's key line shows again, no EXITED), and so does Esc; in a text field
# q is text; Ctrl-U clears the export's file name as it clears the search query.
. "$(dirname "$0")/lib.sh"

KEY_LINE="? help  q quit"

# A profile made from the CLI first, so the TUI launch is not a first launch.
start() {
    climb status >/dev/null || fail "status failed"
    start_tui 100 30
    wait_for "$KEY_LINE"
}

# still_running: the main view is back and climb did not exit. A view may leave
# a message in the key line; Ctrl-L, a key of every view, paints it away.
still_running() {
    keys C-l
    wait_for "$KEY_LINE"
    screen | grep -qF "EXITED" && fail "climb exited"
    return 0
}

# closes OPEN MARK KEY...: OPEN (keys) opens a view showing MARK; each KEY
# closes it, back to the main view, climb still running.
closes() {
    open=$1 mark=$2
    shift 2
    for k in "$@"; do
        keys $open
        wait_for "$mark"
        keys "$k"
        wait_gone "$mark"
        still_running
    done
}

reading_views() {
    start
    closes F "Frequently asked questions" q Escape
    closes R "Roadblocks ·" q Escape
    closes r "Resources ·" q Escape
    closes o "┌ Overview" q Escape
    closes E "Evidence ·" q Escape
    quit_tui
}

dialogs() {
    start
    closes P "Enter switch  n new" q Escape
    closes e "Choose a format:" q Escape
    closes Q "Question 1 of 5" q Escape
    closes C "criterion 1 of" q Escape
    quit_tui
}

# The search opens typing its query: q is text there and Esc closes; in the
# list of matches q and Esc close.
search_view() {
    start
    keys /
    wait_for "Search:"
    keys -l "pipeq"
    wait_for "Search: pipeq"
    screen | grep -qF "EXITED" && fail "q while typing quit climb"
    keys BSpace
    wait_for "match 1 of"
    keys Escape
    wait_gone "Search:"
    still_running
    for k in q Escape; do
        keys /
        wait_for "Search: pipe"
        keys Enter
        wait_for "n/N next/previous"
        keys "$k"
        wait_gone "Search:"
        still_running
    done
    quit_tui
}

# The export's file name: Ctrl-U clears it, as in the search; q is text there.
export_path() {
    start
    keys e Enter
    wait_for "Write to:"
    wait_for "climb-ana-"
    keys C-u
    wait_gone "climb-ana-"
    screen | grep -qF "Write to:" || fail "Ctrl-U left the file name step"
    keys -l "q"
    keys -l "z" # shows only once q has been read: as text, "qz" in the field
    wait_for " qz "
    screen | grep -qF "Write to:" || fail "q closed the file name step"
    screen | grep -qF "EXITED" && fail "q while typing quit climb"
    keys Escape
    wait_for "Choose a format:"
    keys q
    wait_gone "Choose a format:"
    still_running
    quit_tui
}

# An unknown key never closes a view; Home/g and End/G move the same way in the
# reading views as in the main view.
unknown_keys() {
    start
    keys F
    wait_for "Frequently asked questions"
    keys z
    wait_for "Up/Down move between questions; Esc closes" # what the FAQ says to a key it has not
    screen | grep -qF "Frequently asked questions" || fail "z closed the FAQ"
    wait_for "PgDn more"
    keys G
    wait_gone "PgDn more"
    keys g
    wait_for "PgDn more"
    keys q
    wait_gone "Frequently asked questions"
    still_running
    quit_tui
}

# Ctrl-Z suspends climb to the shell (the terminal is raw, so it arrives as a
# key) and fg brings the screen back; Ctrl-C quits from the main view.
ctrl_z_suspends_and_fg_resumes() {
    climb status >/dev/null || fail "status"
    tmux -u -L "$TMUX_SOCK" -f /dev/null new-session -d -x 80 -y 24 \
        "env PS1='PROMPT$ ' TZ=$TZ LANG=$LANG LC_ALL=$LC_ALL TERM=$TERM HOME=$HOME CLIMB_NOW=$CLIMB_NOW bash --norc --noprofile -i" ||
        fail "tmux did not start"
    TMUX_STARTED=1
    wait_for 'PROMPT$'
    keys "'$CLIMB_BIN' --db '$DB' --user ana" Enter
    wait_for "Before moving up to Mid"
    keys C-z
    wait_for "Stopped"
    keys "fg" Enter
    wait_for "Before moving up to Mid"
    keys C-c
    wait_gone "Before moving up to Mid"
    keys 'echo "QUIT:$?"' Enter
    wait_for "QUIT:0"
}

run_test reading_views
run_test dialogs
run_test search_view
run_test export_path
run_test unknown_keys
run_test ctrl_z_suspends_and_fg_resumes
