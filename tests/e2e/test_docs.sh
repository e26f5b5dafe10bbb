#!/bin/sh
# test_docs.sh - the README and the manual page list the keys and commands the
# binary has: `climb keys` and `climb --help` come from the tables that dispatch
# them, so a key or command added without its documentation fails here. The key
# lists of every view are written by tools/keys-doc.sh from `climb keys --all`
# (make keys-doc); they must be what it writes now.
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

# The README's and the manual's key lists are what tools/keys-doc.sh writes from
# the binary's key tables now, for the main view and every other view.
view_keys_documented() {
    "$CLIMB_BIN" keys --all >"$T/all" || fail "climb keys --all"
    sections=$(grep -c ':$' "$T/all")
    [ "$sections" -ge 20 ] || fail "climb keys --all lists only $sections sections"
    for view in faq roadblocks resources overview evidence search export profiles quiz \
        check-in confirm help history; do
        grep -q "^$view[,:]" "$T/all" || fail "climb keys --all lacks the view $view"
        "$CLIMB_BIN" keys "$view" >"$T/one" || fail "climb keys $view"
        grep -qF -f "$T/one" "$T/all" || fail "climb keys $view differs from --all"
    done
    expect_exit 2 "no view 'nope'; the views are .*faq" -- "$CLIMB_BIN" keys nope
    cp "$root/README.md" "$T/README.md"
    cp "$root/docs/climb.1" "$T/climb.1"
    sh "$root/tools/keys-doc.sh" "$CLIMB_BIN" "$T/README.md" "$T/climb.1" ||
        fail "tools/keys-doc.sh failed"
    for f in README.md:README.md climb.1:docs/climb.1; do
        diff -u "$root/${f#*:}" "$T/${f%%:*}" >"$T/diff" ||
            fail "${f#*:}'s key lists are not climb keys --all's; run make keys-doc: $(head -c 800 "$T/diff")"
    done
    grep -qF '**search, typing the query**' "$root/README.md" || fail "README lacks the search keys"
    grep -qxF '.SS "search, typing the query"' "$root/docs/climb.1" ||
        fail "climb.1 lacks the search keys"
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
run_test view_keys_documented
run_test architecture_names_every_file
run_test commands_documented
