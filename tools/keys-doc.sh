#!/bin/sh
# keys-doc.sh - writes the key lists of README.md and docs/climb.1 from
# `climb keys --all`, the tables that dispatch the keys, between the marker
# lines of each file (README: "<!-- keys: begin" ... "<!-- keys: end -->";
# manual: '.\" keys: begin' ... '.\" keys: end'). `make keys-doc` runs it;
# tests/e2e/test_docs.sh runs it on copies and fails when the files differ.
#   tools/keys-doc.sh CLIMB [README [MANPAGE]]
set -eu
bin=$1
readme=${2:-README.md}
man=${3:-docs/climb.1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" keys --all >"$tmp/all"

# Markdown: the main view's list, then every other view's in a <details> box,
# each section a bold heading over a code block.
awk '
function close_block() { if (open) { print "```"; open = 0 } }
NR == 1 || prev == "" {
    if ($0 == "") { prev = $0; next }
    close_block()
    heading = substr($0, 1, length($0) - 1)
    if (NR > 1 && !details) {
        print ""
        print "<details>"
        print "<summary>The keys of every other view</summary>"
        details = 1
    }
    print ""
    print "**" heading "**"
    print ""
    print "```"
    open = 1
    prev = $0
    next
}
$0 != "" { print }
{ prev = $0 }
END {
    close_block()
    if (details) { print ""; print "</details>" }
}' "$tmp/all" >"$tmp/md"

# troff: one .SS and one two-column table per section.
awk '
function esc(s) {
    gsub(/\\/, "\\e", s)
    if (s ~ /^[.\047]/) s = "\\&" s
    return s
}
function close_table() { if (open) { print ".TE"; open = 0 } }
NR == 1 || prev == "" {
    if ($0 == "") { prev = $0; next }
    close_table()
    print ".SS \"" esc(substr($0, 1, length($0) - 1)) "\""
    print ".TS"
    print "lb lx."
    open = 1
    prev = $0
    next
}
$0 != "" {
    # "KEYS  HELP": the keys end at the first two blanks (climb keys pads
    # them to 20 columns, and leaves two blanks after wider ones)
    i = index($0, "  ")
    keys = substr($0, 1, i - 1); help = substr($0, i)
    sub(/^ +/, "", help)
    print esc(keys) "\tT{"
    print esc(help)
    print "T}"
}
{ prev = $0 }
END { close_table() }' "$tmp/all" >"$tmp/man"

# splice FILE BEGIN END NEW: replaces the lines between the markers.
splice() {
    BEGIN_MARK=$2 END_MARK=$3 NEW=$4 awk '
        index($0, ENVIRON["BEGIN_MARK"]) == 1 {
            print
            while ((getline l < ENVIRON["NEW"]) > 0) print l
            skip = 1
            next
        }
        index($0, ENVIRON["END_MARK"]) == 1 { skip = 0 }
        !skip' "$1" >"$tmp/out"
    grep -qF -- "$2" "$1" && grep -qF -- "$3" "$1" || {
        echo "keys-doc: no markers in $1" >&2
        exit 1
    }
    cat "$tmp/out" >"$1"
}
splice "$readme" "<!-- keys: begin" "<!-- keys: end -->" "$tmp/md"
splice "$man" '.\" keys: begin' '.\" keys: end' "$tmp/man"
