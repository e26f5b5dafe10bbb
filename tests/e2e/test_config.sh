#!/bin/sh
# test_config.sh - the config file (~/.config/climb/config here, as HOME is the
# test's): errors named FILE:LINE:COL with the rest still applied, key bindings
# that dispatch and show in help, the key line and `climb keys`, themes and
# colour lines in the real terminal's colours, the start phase, the stale period
# of new profiles, `climb config`, and the shipped example parsing clean.
. "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"

# config LINES...: writes the config file.
config() {
    mkdir -p "$HOME/.config/climb"
    printf '%s\n' "$@" >"$HOME/.config/climb/config"
}

errors_named_and_the_rest_applied() {
    config "set theme = dark" "set colour = 1" "bind main Z frobnicate" \
        "color mark purple default" "bind main J down  # a comment"
    "$CLIMB_BIN" config >"$T/out" 2>"$T/err"; [ $? -eq 1 ] || fail "exit code"
    f="$HOME/.config/climb/config"
    grep -qxF "$f:2:5: unknown setting 'colour' (theme, start-phase, stale-months, editor)" \
        "$T/err" || fail "setting error: $(cat "$T/err")"
    grep -qxF "$f:3:13: unknown action 'frobnicate' (see: climb config)" "$T/err" || fail "action"
    grep -qxF "$f:4:12: unknown colour 'purple'" "$T/err" || fail "colour: $(cat "$T/err")"
    grep -q "^set theme = dark  *# $f:1$" "$T/out" || fail "theme not applied: $(cat "$T/out")"
    grep -q "^bind main J down  *# $f:5$" "$T/out" || fail "bind not applied"
    grep -q "^color mark yellow default bold  *# theme$" "$T/out" && fail "dark theme not shown"
    grep -q "^color mark magenta default bold  *# theme$" "$T/out" || fail "mark colour"
    "$CLIMB_BIN" keys >/dev/null 2>"$T/err2" || fail "keys with a broken config"
    grep -q ":3:13:" "$T/err2" || fail "errors not reported by other commands"
}

# Rebinding keys: J moves down, ; quits, q does nothing; help, the key line and
# `climb keys` say so.
bindings_change_keys_and_help() {
    config "bind main J down" "bind main ; quit" "bind main q none"
    "$CLIMB_BIN" keys >"$T/keys" || fail "keys"
    grep -q "^Down j J  *move down$" "$T/keys" || fail "keys: $(cat "$T/keys")"
    grep -q "^;  *quit" "$T/keys" || fail "quit key"
    grep -q "^q " "$T/keys" && fail "q still listed"
    climb status >/dev/null
    start_tui 100 30
    wait_for "? help  ; quit"
    keys J Space  # J moves to the second criterion, Space ticks it
    wait_for "[x] You have handled"
    keys ?
    wait_for "Down j J"
    keys Escape
    wait_gone "Down j J"
    keys q
    sleep 0.3
    screen | grep -q "EXITED" && fail "q still quits"
    keys '\;'  # tmux reads a lone ; as the end of a command
    wait_for "EXITED:0"
}

theme_and_colours_on_screen() {
    esc=$(printf '\033')
    climb status >/dev/null
    config "color title-bar white red"
    start_tui 100 30
    wait_for "? help"
    tmux -L "$TMUX_SOCK" capture-pane -pe | head -n 1 >"$T/top"
    grep -q "${esc}\[[0-9;]*41m" "$T/top" || fail "title bar not red: $(cat -v "$T/top")"
    quit_tui
    tmux -L "$TMUX_SOCK" kill-server
    config "set theme = mono"
    start_tui 100 30
    wait_for "? help"
    tmux -L "$TMUX_SOCK" capture-pane -pe >"$T/screen"
    grep -q "${esc}\[[0-9;]*\(3[0-7]\|4[0-7]\)m" "$T/screen" && fail "colours in mono: $(cat -v "$T/screen" | head -3)"
    quit_tui
}

start_phase_and_stale_period() {
    config "set start-phase = 3" "set stale-months = 6"
    climb status --json | grep -q '"stale_months": 6' || fail "new profile's stale period"
    start_tui 100 30
    wait_for "phase 3: 0/4"
    quit_tui
}

# set editor comes before $EDITOR; its words are split like $EDITOR's.
editor_setting_wins() {
    printf '#!/bin/sh\nprintf "from %%s\\n" "$1" >"$2"\n' >"$T/ed"
    printf '#!/bin/sh\nprintf "from EDITOR\\n" >"$1"\n' >"$T/other"
    chmod +x "$T/ed" "$T/other"
    config "set editor = \"$T/ed config\""
    climb status >/dev/null
    TUI_ENV="EDITOR=$T/other" start_tui 100 30
    wait_for "? help"
    keys n
    wait_for "note: from config"
    quit_tui
}

example_parses_clean() {
    mkdir -p "$HOME/.config/climb"
    # the commented statements too, uncommented
    sed 's/^# \(set\|bind main\|color [a-z]\)/\1/' "$root/docs/climbrc.example" \
        >"$HOME/.config/climb/config"
    grep -c '^\(set\|bind\|color\)' "$HOME/.config/climb/config" | grep -qv '^[0-9]$' ||
        fail "too few statements in the example"
    "$CLIMB_BIN" config >"$T/out" 2>"$T/err" || fail "example: $(cat "$T/err")"
    [ ! -s "$T/err" ] || fail "example errors: $(cat "$T/err")"
    grep -q "^bind main n down" "$T/out" || fail "example's bind"
}

run_test errors_named_and_the_rest_applied
run_test bindings_change_keys_and_help
run_test theme_and_colours_on_screen
run_test start_phase_and_stale_period
run_test editor_setting_wins
run_test example_parses_clean
