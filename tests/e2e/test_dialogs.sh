#!/bin/sh
# test_dialogs.sh - issue 13's dialog and terminal problems, each as a person
# meets it: a rename to the same name, a --user without a profile, TERM=dumb or
# unset, borders under LANG=C, and an emoji ZWJ sequence in a note. (The quiz,
# export and Profiles layouts at every size are in test_layout_views.sh.)
. "$(dirname "$0")/lib.sh"

rename_to_same_name_changes_nothing() {
    climb status >/dev/null || fail "status"
    expect_exit 0 "^profile 'ana' already has that name; nothing changed$" -- climb users rename ana ana
    start_tui 80 24
    wait_for "Ladder"
    keys P
    wait_for "▸* ana"
    keys r
    wait_for "New name for ana:"
    keys Enter
    wait_for "ana already has that name; nothing changed"
    screen | grep -q "renamed ana to ana" && fail "said it renamed"
    keys Escape
    wait_gone "Profiles"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind = 'rename'")" = 0 ] ||
        fail "a rename event was written"
}

unknown_user_refused_before_the_screen() {
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    start_tui 80 24 --user rooot
    wait_for "EXITED:1"
    wait_for "no profile named 'rooot'"
    screen | tr -d '\n' | grep -qF "climb --user rooot --create" || fail "no way to make it named"
    [ "$(sqlite3 "$DB" "SELECT group_concat(name) FROM profiles")" = ana ] || fail "a profile was made"
    # the first launch on an empty database still makes the profile it names
    "$CLIMB_BIN" --db "$T/first.db" --user rooot status >/dev/null || fail "first launch"
    # a name that needs quoting is suggested as one shell word, which works pasted
    expect_exit 1 "no profile named 'Mary O'Neil'\\. The profiles: ana\\. To start a new one: climb --user 'Mary O'\\\\''Neil' --create" \
        -- climb --user "Mary O'Neil" status
    cmd=$(sed -n "s/.*To start a new one: climb \(.*\), or climb users add.*/\1/p" "$T/expect.out")
    eval "climb $cmd status" >/dev/null || fail "the suggested command failed: climb $cmd status"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM profiles WHERE name = 'Mary O''Neil'")" = 1 ] ||
        fail "the suggested command did not make 'Mary O'Neil'"
    # past eight profiles the sentence counts the rest
    for n in 1 2 3 4 5 6 7 8; do climb --user "p$n" --create status >/dev/null || fail "p$n"; done
    expect_exit 1 "The profiles: ana, Mary O'Neil, p1, p2, p3, p4, p5, p6 and 2 more\\." \
        -- climb --user nobody status
}

dumb_terminal_refused() {
    climb status >/dev/null || fail "status"
    TUI_ENV="TERM=dumb" start_tui 80 24
    wait_for "EXITED:1"
    screen | tr -d '\n' | grep -qF "the terminal 'dumb' cannot place the cursor; run in a full terminal, or use commands such as climb status" ||
        fail "no sentence for TERM=dumb"
    restart_tmux
    TUI_ENV="TERM=" start_tui 80 24
    wait_for "EXITED:1"
    wait_for "TERM is not set"
    restart_tmux
    TUI_ENV="TERM=climb-no-such-term" start_tui 80 24
    wait_for "EXITED:1"
    screen | tr -d '\n' | grep -qF "the terminal type 'climb-no-such-term' is unknown here (no terminfo entry)" ||
        fail "no sentence for an unknown TERM"
}

# tmux keeps a cell drawn in the alternate character set as its ACS letter,
# shifted in and out (^N l ^O) in an escaped capture: line drawing, not + - |.
acs_borders_under_lang_c() {
    climb status >/dev/null || fail "status"
    LANG=C LC_ALL=C start_tui 80 24
    wait_for "Ladder"
    tmux -L "$TMUX_SOCK" capture-pane -pe >"$T/esc"
    grep -q "$(printf '\016')l$(printf '\017') Ladder $(printf '\016')qqq" "$T/esc" ||
        fail "borders are not the terminal's line drawing: $(head -3 "$T/esc" | cat -v)"
    grep -q "^+ Ladder -" "$T/esc" && fail "ASCII borders"
    quit_tui
    # a terminal without line drawing (no acsc) gets ASCII, never stray letters
    restart_tmux
    LANG=C LC_ALL=C TERM=xterm-r5 start_tui 80 24
    wait_for "+ Ladder ---"
    screen | grep -q "^| >  Junior" || fail "no ASCII side borders"
    quit_tui
}

# A ZWJ sequence is drawn as its first emoji: the row keeps its border, and
# moving over it leaves nothing behind.
zwj_emoji_leaves_nothing_stale() {
    coder=$(printf '\360\237\221\251\342\200\215\360\237\222\273')
    woman=$(printf '\360\237\221\251')
    climb tick p1-own-pipeline --note "I $coder shipped the pipeline and more words here" >/dev/null ||
        fail "tick"
    start_tui 120 24
    wait_for "note: I $woman shipped the pipeline and more words here"
    # the cursor is reverse video, seen only with the attributes: wait until j has
    # moved it off the row and k has brought it back, then check what was left
    styled >"$T/styled0"
    keys j
    wait_styled '!=' "$T/styled0" "j to move the cursor"
    keys k
    wait_styled = "$T/styled0" "k to bring the cursor back"
    screen >"$T/after"
    grep -F "note: I $woman shipped the pipeline and more words here" "$T/after" | grep -q "│$" || fail "the row lost its border"
    n=$(grep -cE "^[│┌└].*[│┐┘]$" "$T/after")
    [ "$n" -eq 22 ] || fail "only $n of 22 rows keep their borders: $(grep -vE "^[│┌└].*[│┐┘]$" "$T/after")"
    quit_tui
}

run_test rename_to_same_name_changes_nothing
run_test unknown_user_refused_before_the_screen
run_test dumb_terminal_refused
run_test acs_borders_under_lang_c
run_test zwj_emoji_leaves_nothing_stale
