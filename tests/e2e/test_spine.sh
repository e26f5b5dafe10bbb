#!/bin/sh
# test_spine.sh - the three-pane TUI on a real database in tmux: tick a phase 2
# criterion, quit, relaunch and find it ticked with its date; the help overlay;
# resizing down to "too small" and back.
. "$(dirname "$0")/lib.sh"

# A profile made from the CLI first, so the TUI's first-launch offers stay out of the way.
prepare() {
    climb status >/dev/null || fail "status failed"
}

tick_survives_restart() {
    prepare
    start_tui 80 24
    wait_for "Ladder"
    wait_for "Before moving up to Mid"
    keys 2
    wait_for "Before moving up to Senior · 0/3"
    keys Space
    wait_for "Before moving up to Senior · 1/3"
    screen | grep -q '\[x\] .*2026-03-14' || fail "no tick with date"
    quit_tui
    restart_tmux
    start_tui 80 24
    wait_for "Ladder"
    keys 2
    wait_for "Before moving up to Senior · 1/3"
    screen | grep -q '\[x\] .*2026-03-14' || fail "tick lost after restart"
    quit_tui
    climb status --json | grep -q '"done_at": "2026-03-14T09:30:00Z"' || fail "status --json lacks the tick"
    [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check not ok"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind='state'")" = 1 ] || fail "expected one state event"
}

untick_and_navigation() {
    prepare
    climb tick p1-dev-feedback >/dev/null
    start_tui 80 24
    wait_for "Before moving up to Mid · 1/3"
    keys 1 j j
    keys Enter
    wait_for "Before moving up to Mid · 0/3"
    keys Tab
    keys j
    wait_for "Mid · 2-4 years"
    wait_for "Phase 2 · Mid"
    quit_tui
    st=$(crit_state p1-dev-feedback)
    [ "$st" = todo ] || fail "untick not saved: p1-dev-feedback is '$st'"
}

help_overlay() {
    prepare
    start_tui 80 24
    wait_for "Ladder"
    keys '?'
    wait_for "Help: keys"
    wait_for "tick or untick the selected criterion"
    wait_for "Shift-Tab"
    keys Escape
    wait_gone "Help: keys"
    quit_tui
}

resize_round_trip() {
    prepare
    start_tui 120 40
    wait_for "Ladder"
    wait_for "Stakeholders"
    resize 60 20
    wait_for "Before moving up to Mid"
    screen | head -3 | grep -q "Before moving up to Mid" || fail "checklist not first when stacked"
    resize 20 5
    wait_for "too small"
    resize 120 40
    wait_for "Stakeholders"
    wait_for "Ladder"
    quit_tui
}

ascii_fallback() {
    prepare
    cat >"$T/cmd.sh" <<CMD
#!/bin/sh
LANG=C LC_ALL=C "$CLIMB_BIN" --db "$DB" --user ana
echo "EXITED:\$?"
sleep 30
CMD
    tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -x 80 -y 24 "env TERM=$TERM CLIMB_NOW=$CLIMB_NOW sh $T/cmd.sh"
    # borders are the terminal's line drawing (test_dialogs.sh); the glyphs
    # climb writes itself are ASCII
    wait_for "Ladder"
    wait_for ">  Junior"
    screen | grep -qE '▸|✎|…|◆|●' && fail "UTF-8 glyphs in the C locale"
    quit_tui
}

colour_and_no_colour() {
    prepare
    start_tui 80 24
    wait_for "Ladder"
    tmux -L "$TMUX_SOCK" capture-pane -pe | grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" ||
        fail "no colour on a colour terminal"
    quit_tui
    restart_tmux
    TUI_ENV="NO_COLOR=1" start_tui 80 24
    wait_for "Ladder"
    tmux -L "$TMUX_SOCK" capture-pane -pe >"$T/screen"
    grep -q "$(printf '\033')\[[0-9;]*3[0-7]m" "$T/screen" && fail "colour despite NO_COLOR"
    grep -q "$(printf '\033')\[[0-9;]*7m" "$T/screen" || fail "no reverse video for the cursor"
    quit_tui
}

outside_change_shows() {
    prepare
    start_tui 80 24
    wait_for "Before moving up to Mid · 0/3"
    climb tick p1-dev-feedback >/dev/null || fail "tick from the shell"
    wait_for "Before moving up to Mid · 1/3" 5
    wait_for "Reloaded: the database was changed by another climb."
    keys j j Space
    wait_for "Before moving up to Mid · 0/3"
    quit_tui
    st=$(crit_state p1-dev-feedback)
    [ "$st" = todo ] || fail "untick from the TUI lost: p1-dev-feedback is '$st'"
}

run_test tick_survives_restart
run_test outside_change_shows
run_test colour_and_no_colour
run_test untick_and_navigation
run_test help_overlay
run_test resize_round_trip
run_test ascii_fallback
