#!/bin/sh
# test_config.sh - the config file (~/.config/climb/config here, as HOME is the
# test's): errors named FILE:LINE:COL with the rest still applied, key bindings
# that dispatch and show in help, the key line and `climb keys`, themes and
# colour lines in the real terminal's colours, the start phase, the stale period
# of new profiles, `climb config`, the shipped example parsing clean, every kind
# of mistake (a NUL byte included) named, and where the file is looked for.
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
    grep -q "^Ctrl-C ;  *quit" "$T/keys" || fail "quit key"
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
    wait_for "no action on that key" # q has been read, and not as quit
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
    restart_tmux
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

# Every kind of mistake in the file is named at its line and column, and the lines
# around it still count; a NUL byte is one more mistake, not the end of the file.
every_mistake_named() {
    f="$HOME/.config/climb/config"
    config "set theme" "set editor = vi -x" "set start-phase = first" "bind main J" \
        "bind main Hyper-Q down" "color mark red" "color mark red mauve" \
        "color mark red blue blink" "set a = b c d e f g h i j k l" \
        "color done color200 0 bold" "bind main q none"
    printf 'set theme = light\0junk\nset stale-months = 7\n' >>"$f"
    printf 'set editor = %02000d\n' 0 >>"$f"
    expect_exit 1 "^$f:1:5: expected: set NAME = VALUE$" -- "$CLIMB_BIN" config
    for want in "2:17: unexpected '-x' (quote a value with blanks)" \
        "3:19: start-phase is a phase number, not 'first'" \
        "4:11: expected: bind VIEW KEY ACTION" "5:11: unknown key 'Hyper-Q'" \
        "6:12: expected: color AREA FG BG [ATTR...]" "7:16: unknown colour 'mauve'" \
        "8:21: unknown attribute 'blink' (bold, underline, reverse, dim, standout, normal)" \
        "9:27: too many words on this line" "12:18: a NUL byte" "14:1024: line too long"; do
        grep -qxF "$f:$want" "$T/expect.out" || fail "no '$want' in: $(cat "$T/expect.out")"
    done
    grep -q "^set stale-months = 7  *# $f:13$" "$T/expect.out" ||
        fail "the line after the NUL byte was dropped: $(cat "$T/expect.out")"
    grep -q "^color done color200 black bold  *# $f:10$" "$T/expect.out" ||
        fail "colour 200: $(grep '^color done' "$T/expect.out")"
    grep -q "^bind main q none  *# $f:11$" "$T/expect.out" || fail "q unbound not shown"
    # more bind lines than the table holds
    i=0 lines=""
    while [ $i -lt 65 ]; do lines="$lines bind main F$((i % 12 + 1)) down" i=$((i + 1)); done
    : >"$f"
    for w in $lines; do printf '%s ' "$w"; done | sed 's/ bind/\nbind/g' >"$f"
    expect_exit 1 "^$f:65:1: too many bind lines$" -- "$CLIMB_BIN" config
    # a file past 1 MiB is named and not used at all, rather than read in part
    { echo "set stale-months = 7"; head -c 1100000 /dev/zero | tr '\0' '#'; echo; } >"$f"
    expect_exit 1 "^$f: larger than 1 MiB; a config file is a few lines, so none of it was used$" \
        -- "$CLIMB_BIN" config
    grep -q "^set stale-months = 7" "$T/expect.out" && fail "a part of the large file was used"
    climb status >/dev/null 2>"$T/err" || fail "status with a large config file"
    grep -qF "$f: larger than 1 MiB" "$T/err" || fail "status did not name the large file"
}

# Where the file is looked for: XDG_CONFIG_HOME when absolute, else HOME; with
# neither, climb says so and runs on its defaults. A file it cannot read is named.
where_the_file_is() {
    mkdir -p "$T/xdg/climb" && echo "set theme = mono" >"$T/xdg/climb/config"
    expect_exit 0 "^# climb's settings, from $T/xdg/climb/config, else the defaults$" -- \
        env XDG_CONFIG_HOME="$T/xdg" "$CLIMB_BIN" config
    grep -q "^set theme = mono  *# $T/xdg/climb/config:1$" "$T/expect.out" || fail "xdg not read"
    expect_exit 0 "^# climb's settings, from \(none: set HOME or XDG_CONFIG_HOME\) \(not there\)" \
        -- env -u HOME XDG_CONFIG_HOME=relative "$CLIMB_BIN" --db "$DB" config
    mkdir -p "$HOME/.config/climb" && ln -s config "$HOME/.config/climb/config" || fail "ln"
    expect_exit 1 "^$HOME/.config/climb/config: Too many levels of symbolic links$" -- \
        "$CLIMB_BIN" config
}

run_test errors_named_and_the_rest_applied
run_test bindings_change_keys_and_help
run_test theme_and_colours_on_screen
run_test start_phase_and_stale_period
run_test editor_setting_wins
run_test example_parses_clean
run_test every_mistake_named
run_test where_the_file_is
