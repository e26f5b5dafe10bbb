#!/bin/sh
# test_docs.sh - the README and the manual page list the keys and commands the
# binary has: `climb keys` and `climb --help` come from the tables that dispatch
# them, so a key or command added without its documentation fails here.
. "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"

keys_documented() {
    "$CLIMB_BIN" keys >"$T/keys" || fail "climb keys"
    [ "$(wc -l <"$T/keys")" -ge 20 ] || fail "too few keys listed"
    while IFS= read -r line; do
        grep -qxF -- "$line" "$root/README.md" || fail "README lacks the key line: $line"
        keys=$(printf '%s' "$line" | cut -c1-20 | sed 's/ *$//')
        help=$(printf '%s' "$line" | cut -c22-)
        # a row of the manual's table: "KEYS<TAB>T{", the help, "T}"
        awk -v k="$keys	T{" -v h="$help" 'prev == k && $0 == h { found = 1 } { prev = $0 }
            END { exit !found }' "$root/docs/climb.1" ||
            fail "climb.1 lacks the key: $keys	$help"
    done <"$T/keys"
}

commands_documented() {
    "$CLIMB_BIN" --help >"$T/help" || fail "climb --help"
    sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p; s/^  \([a-z][a-z-]*\)$/\1/p' "$T/help" | sort -u >"$T/cmds"
    [ "$(wc -l <"$T/cmds")" -ge 10 ] || fail "too few commands in --help"
    while IFS= read -r cmd; do
        # a tag line ".B cmd" or "\fBcmd\fR ..." (hyphens written \-)
        tag=$(printf '\\fB%s\\fR' "$(printf '%s' "$cmd" | sed 's/-/\\-/g')")
        grep -qE "^\.(B|BI|BR) \"?$cmd( |\"|$)" "$root/docs/climb.1" ||
            TAG=$tag awk 'index($0, ENVIRON["TAG"]) == 1 { f = 1 } END { exit !f }' \
                "$root/docs/climb.1" ||
            fail "climb.1 lacks the command $cmd"
        expect_exit 0 "^usage: climb \\[OPTIONS\\] $cmd( |$)" -- "$CLIMB_BIN" "$cmd" --help </dev/null
        [ "$(wc -l <"$T/expect.out")" -le 4 ] || fail "$cmd --help is not its own usage: $(cat "$T/expect.out")"
    done <"$T/cmds"
}

architecture_names_every_file() {
    n=0
    for f in "$root"/src/*.c "$root"/src/*.h; do
        n=$((n + 1))
        grep -qF "| \`$(basename "$f")\` |" "$root/docs/architecture.md" ||
            fail "docs/architecture.md does not list $(basename "$f")"
    done
    [ "$n" -ge 90 ] || fail "only $n source files found"
}

run_test keys_documented
run_test architecture_names_every_file
run_test commands_documented
