#!/bin/sh
# test_completions.sh - `climb completions bash|zsh|fish` in the real shells: fish
# through `complete -C`, bash through its completion function with COMP_WORDS and
# COMP_CWORD, zsh by typing Tab at a real zsh prompt in a private tmux server. The
# candidates come from the command table and the ladder and database on the line;
# the protocol under the scripts offers every kind of value.
. "$(dirname "$0")/lib.sh"

bindir=$(cd "$(dirname "$CLIMB_BIN")" && pwd)

# Two profiles in the test database, and the three scripts.
setup() {
    PATH="$bindir:$PATH"
    export PATH
    climb status >/dev/null || fail "ana"
    "$CLIMB_BIN" --db "$DB" --user bob --create status >/dev/null || fail "bob"
    for sh in bash zsh fish; do
        "$CLIMB_BIN" completions $sh >"$T/climb.$sh" || fail "completions $sh"
    done
    mkdir -p "$T/zfunc" && cp "$T/climb.zsh" "$T/zfunc/_climb"
}

# bash_complete WORD...: what bash's completion function offers for the last WORD.
bash_complete() {
    bash --norc --noprofile -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _climb climb "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bash "$T/climb.bash" "$@"
}

# fish_complete LINE: what fish offers at the end of LINE (word<TAB>description).
fish_complete() {
    fish --no-config -c "source '$T/climb.fish'; complete -C '$1'"
}

# expect NAME OUTPUT LINE...: every LINE is one line of OUTPUT.
expect() {
    what=$1 got=$2
    shift 2
    for want in "$@"; do
        printf '%s\n' "$got" | grep -qxF -- "$want" || fail "$what: no '$want' in: $got"
    done
}

fish_completes() {
    setup
    out=$(fish_complete "climb ti")
    expect "commands" "$out" "$(printf 'tick\tmark a criterion as met (DATE: when the work was done)')" \
        "$(printf 'title\tshow or set your title (junior, mid, senior, ...)')"
    out=$(fish_complete "climb tick p2-" | cut -f1 | sort)
    [ "$out" = "$(climb ids --phase 2 | sort)" ] || fail "ids of phase 2: $out"
    out=$(fish_complete "climb set p1-own-pipeline " | cut -f1)
    expect "states" "$out" todo doing done n/a
    out=$(fish_complete "climb export --format " | cut -f1)
    expect "formats" "$out" json md csv
    out=$(fish_complete "climb --db $DB --user " | cut -f1)
    expect "profiles" "$out" ana bob
    out=$(fish_complete "climb tick --n" | cut -f1)
    expect "options" "$out" --note
    out=$(fish_complete "climb title " | cut -f1)
    expect "levels" "$out" junior mid senior staff principal
    touch "$T/snap.json"
    out=$(cd "$T" && fish_complete "climb import sn")
    expect "files" "$out" snap.json
}

bash_completes() {
    setup
    expect "commands" "$(bash_complete climb un)" untick
    expect "ids" "$(bash_complete climb untick p3-)" "$(climb ids --phase 3 | head -n 1)"
    [ "$(bash_complete climb tick p2-)" = "$(climb ids --phase 2)" ] || fail "ids of phase 2"
    expect "states" "$(bash_complete climb set p2-reduce-oncall d)" doing done
    expect "profiles" "$(bash_complete climb --db "$DB" --user b)" bob
    expect "users rm" "$(bash_complete climb --db "$DB" users rm "")" ana bob
    expect "kinds" "$(bash_complete climb history --kind s)" state setting
    expect "global options" "$(bash_complete climb --l)" --ladder
    expect "shells" "$(bash_complete climb completions "")" bash zsh fish
    expect "phases" "$(bash_complete climb ids --phase "")" 1 2 3 4
    touch "$T/snap.json"
    expect "files" "$(cd "$T" && bash_complete climb import "$T/sn")" "$T/snap.json"
    [ -z "$(bash_complete climb note p2-reduce-oncall "")" ] || fail "offered a note text"
}

# Every command of --help and every option of its usage is offered.
bash_follows_the_table() {
    setup
    cmds=$("$CLIMB_BIN" --help | sed -n 's/^  \([a-z][a-z-]*\)\( .*\)\{0,1\}$/\1/p')
    [ "$(printf '%s\n' "$cmds" | wc -l)" -ge 15 ] || fail "too few commands: $cmds"
    all=$(bash_complete climb "")
    for c in $cmds; do
        expect "command" "$all" "$c"
        opts=$("$CLIMB_BIN" "$c" --help | head -n 1 | grep -oE -- "(^| |\[|\|)-(-[a-z-]+|[a-z])" |
            sed 's/^[ [|]//' | sort -u)
        [ -n "$opts" ] || continue
        offered=$(bash_complete climb "$c" -)
        for o in $opts; do expect "$c option" "$offered" "$o"; done
    done
}

zsh_completes() {
    setup
    mkdir -p "$T/zdot"
    cat >"$T/zdot/.zshrc" <<RC
PS1='%% '
fpath=("$T/zfunc" \$fpath)
autoload -U compinit && compinit -u -D
RC
    tmux -L "$TMUX_SOCK" -f /dev/null new-session -d -x 100 -y 30 \
        "env -i PATH=$PATH HOME=$HOME TERM=$TERM LANG=$LANG ZDOTDIR=$T/zdot zsh -i" ||
        fail "tmux"
    wait_for "%"
    keys "climb ti" Tab
    wait_for "mark a criterion as met"
    screen | grep -q "title.*show or set your title" || fail "title not listed"
    keys C-u "climb --db $DB untick p2-red" Tab
    wait_for "untick p2-reduce-oncall"
    keys C-u "climb --db $DB --user " Tab
    wait_for "bob"
}

# words WORDS...: what `climb __complete -- climb WORDS...` offers, one a line,
# sorted and joined by spaces (the protocol under every shell's script).
words() {
    "$CLIMB_BIN" __complete -- climb "$@" | cut -f1 | sort | tr '\n' ' '
}

# The values each kind of argument offers, and the options on the line that say
# where the ladder and database are (with ~/ as the shell hands it over).
protocol_offers_every_kind() {
    climb status >/dev/null || fail "ana"
    "$CLIMB_BIN" --db "$DB" --user bob --create status >/dev/null || fail "bob"
    expect() { [ "$2" = "$3" ] || fail "$1: '$2', not '$3'"; }
    expect "roadblock ids" "$(words roadblock '')" \
        "rb-cert-stacking rb-firefighting rb-no-staff-track rb-passed-over rb-senior-stall "
    expect "on/off" "$(words roadblock rb-firefighting '')" "off on "
    expect "users" "$(words users '')" "add rename rm "
    expect "evidence" "$(words evidence '')" "add check edit list rm "
    expect "sync" "$(words sync '')" "init "
    cp "$DB" "$HOME/c.db" || fail "cp"
    expect "--db=~/" "$(words '--db=~/c.db' users rm '')" "ana bob "
    expect "--db ~/" "$(words --db '~/c.db' --user ana users rm '')" "ana bob "
    expect "no database" "$(words --db "$T/none/x.db" users rm '')" ""
    mini="$(cd "$(dirname "$0")/../fixtures/content" && pwd)/minimal.yaml"
    expect "--ladder" "$(words --ladder "$mini" tick --date 2026-01-01 '')" \
        "p1-own-pipeline p1-solo-incident "
    expect "--ladder=" "$(words "--ladder=$mini" tick --json '')" \
        "p1-own-pipeline p1-solo-incident "
}

run_test fish_completes
run_test bash_completes
run_test bash_follows_the_table
run_test zsh_completes
run_test protocol_offers_every_kind
