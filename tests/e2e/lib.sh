# lib.sh - helpers for end-to-end tests: each test runs the real build/climb on its
# own temporary database, HOME and private tmux server, with the environment pinned
# (TZ, LANG, TERM, size, clock). Source it, define test functions, call run_test.
set -u
: "${CLIMB_BIN:?CLIMB_BIN must name the climb binary}"
: "${E2E_RESULTS:=/dev/null}"
export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color NO_COLOR=
unset CLIMB_DB CLIMB_KEYS XDG_DATA_HOME XDG_CONFIG_HOME VISUAL EDITOR
export CLIMB_NOW=2026-03-14T09:30:00Z

# python3: Debian's, which tools/deps.sh installs with the modules the tests read
# exports with; a python3 earlier on PATH may be a slow shim (pyenv's takes 0.4 s
# to start, Debian's 0.06 s, and the suites start it hundreds of times).
if [ -x /usr/bin/python3 ]; then
    python3() { /usr/bin/python3 "$@"; }
fi

# climb ARGS: the binary on the test's database as user ana.
climb() {
    "$CLIMB_BIN" --db "$DB" --user ana "$@"
}

fail() {
    echo "  FAIL: $*" >&2
    [ -n "${TMUX_SOCK:-}" ] && [ -n "${TMUX_STARTED:-}" ] && {
        echo "  --- screen ---" >&2
        screen >&2
    }
    exit 1
}

# expect_exit CODE PATTERN -- CMD [ARGS...]: runs CMD (a function such as climb, or a
# program), and fails the test unless it exits with exactly CODE and its standard
# error and output together match the extended regular expression PATTERN. The
# output is left in $T/expect.out for further checks.
expect_exit() {
    want=$1 pattern=$2
    [ "${3:-}" = "--" ] || fail "usage: expect_exit CODE PATTERN -- CMD [ARGS...]"
    shift 3
    "$@" >"$T/expect.out" 2>&1
    got=$?
    what=$(printf '%s' "$*" | head -c 200)
    [ "$got" -eq "$want" ] ||
        fail "exit $got, not $want, from: $what -- said: $(head -c 600 "$T/expect.out")"
    grep -qE -- "$pattern" "$T/expect.out" ||
        fail "no /$pattern/ from: $what -- said: $(head -c 600 "$T/expect.out")"
}

# crit_state ID: prints the state of criterion ID from `climb status --json`, or
# nothing when status fails (its exit code is checked) or does not know ID.
crit_state() {
    climb status --json >"$T/state.json" || { echo "status --json exited $?" >&2; return 1; }
    python3 - "$T/state.json" "$1" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["phases"]:
    for c in p["criteria"]:
        if c["id"] == sys.argv[2]:
            print(c["state"])
PY
}

# start_tui COLS ROWS [ARGS...]: starts climb in a private tmux server, with the
# extra environment assignments in TUI_ENV (e.g. TUI_ENV="EDITOR=/x/ed").
start_tui() {
    cols=$1 rows=$2
    shift 2
    cat >"$T/cmd.sh" <<CMD
#!/bin/sh
${TUI_ENV:+export ${TUI_ENV}}
"$CLIMB_BIN" --db "$DB" --user ana $*
echo "EXITED:\$?"
sleep 30
CMD
    tmux -u -L "$TMUX_SOCK" -f /dev/null new-session -d -x "$cols" -y "$rows" \
        "env TZ=$TZ LANG=$LANG LC_ALL=$LC_ALL TERM=$TERM HOME=$HOME CLIMB_NOW=$CLIMB_NOW NO_COLOR=${NO_COLOR:-} sh $T/cmd.sh" ||
        fail "tmux did not start"
    TMUX_STARTED=1
}

screen() {
    tmux -L "$TMUX_SOCK" capture-pane -p
}

keys() {
    tmux -L "$TMUX_SOCK" send-keys "$@"
}

# wait_for TEXT [SECONDS]: polls the screen until TEXT shows, or fails.
wait_for() {
    deadline=$(($(date +%s) + ${2:-8}))
    while ! screen | grep -qF -- "$1"; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for: $1"
        sleep 0.05
    done
}

# wait_gone TEXT [SECONDS]: polls until TEXT is no longer on screen.
wait_gone() {
    deadline=$(($(date +%s) + ${2:-8}))
    while screen | grep -qF -- "$1"; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for '$1' to go"
        sleep 0.05
    done
}

# styled: the screen with its attributes; a cursor is reverse video, which
# screen does not show.
styled() {
    tmux -L "$TMUX_SOCK" capture-pane -pe
}

# wait_styled OP FILE WHAT: waits until styled is (=) or is no longer (!=) the
# screen saved in FILE, else fails naming WHAT. A cursor move changes only
# attributes: this proves it was drawn, where the text alone would not.
wait_styled() {
    deadline=$(($(date +%s) + 8))
    until [ "$(styled)" "$1" "$(cat "$2")" ]; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for $3"
        sleep 0.05
    done
}

# resize COLS ROWS: resizes the terminal, then waits until climb has drawn at the
# new size: text already on screen before the resize would otherwise satisfy the
# next wait_for while the old layout still shows (so it did on a fast machine).
# climb redraws within milliseconds of the SIGWINCH; this waits until the screen
# has stayed the same for 0.3 s.
resize() {
    tmux -L "$TMUX_SOCK" resize-window -x "$1" -y "$2"
    deadline=$(($(date +%s) + 8))
    last="" same=0
    while [ $same -lt 3 ]; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "the screen did not settle after resizing to $1x$2"
        sleep 0.1
        now=$(screen)
        if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; fi
        last=$now
    done
}

# quit_tui: presses q and checks climb exited 0.
quit_tui() {
    keys q
    wait_for "EXITED:0"
}

# restart_tmux: stops this test's tmux server and moves to a fresh socket, so
# the next start_tui never reaches a server that is still shutting down (on a
# fast machine the old socket can outlive kill-server by a moment).
restart_tmux() {
    tmux -L "$TMUX_SOCK" kill-server 2>/dev/null
    TMUX_RESTARTS=$((${TMUX_RESTARTS:-0} + 1))
    TMUX_SOCK="climb-test-$$-$name-again$TMUX_RESTARTS"
}

# run_test NAME: runs the function NAME in a subshell with a fresh workspace.
run_test() {
    name=$1
    T=$(mktemp -d)
    (
        export HOME="$T/home" DB="$T/climb.db" TMUX_SOCK="climb-test-$$-$name" T
        mkdir -p "$HOME"
        "$name"
    ) 2>"$T/stderr"
    rc=$?
    for sock in "climb-test-$$-$name" "climb-test-$$-$name-again"1 "climb-test-$$-$name-again"2 "climb-test-$$-$name-again"3; do
        tmux -L "$sock" kill-server 2>/dev/null
    done
    if [ $rc -eq 0 ]; then
        echo "pass $name" >>"$E2E_RESULTS"
        echo "  ok   $name"
    else
        echo "fail $name" >>"$E2E_RESULTS"
        echo "  FAIL $name"
        sed 's/^/    /' "$T/stderr"
    fi
    rm -rf "$T"
}
