#!/bin/sh
# test_install.sh - `make install`, `install-strip` and `uninstall` into a scratch
# DESTDIR with PREFIX=/usr: the binary, the manual, the three completion scripts
# where bash-completion, zsh and fish look, and the documents the manual names;
# the manual lints clean with mandoc and groff and fits 80 columns.
. "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build=${CLIMB_BUILD:-build}

# install_into DIR [TARGET]: installs the build that is under test into DIR/usr.
install_into() {
    make -s -C "$root" BUILD="$build" PREFIX=/usr DESTDIR="$1" "${2:-install}" \
        >"$T/make.out" 2>&1 || fail "make ${2:-install}: $(cat "$T/make.out")"
}

install_and_uninstall() {
    install_into "$T/root"
    bashdir=$(pkg-config --define-variable=prefix=/usr --variable=completionsdir bash-completion)
    for f in /usr/bin/climb /usr/share/man/man1/climb.1 "$bashdir/climb" \
        /usr/share/zsh/site-functions/_climb /usr/share/fish/vendor_completions.d/climb.fish \
        /usr/share/doc/climb/content-format.md; do
        [ -s "$T/root$f" ] || fail "not installed: $f"
    done
    [ -x "$T/root/usr/bin/climb" ] || fail "binary not executable"
    "$T/root/usr/bin/climb" --version | grep -q "^climb " || fail "installed binary"
    # bash-completion's own loader finds the script in the installed tree
    out=$(XDG_DATA_DIRS="$T/root/usr/share" bash --norc --noprofile -c '
        . /usr/share/bash-completion/bash_completion
        _completion_loader climb; complete -p climb' 2>&1)
    echo "$out" | grep -q -- "-F _climb climb" || fail "bash-completion did not load it: $out"
    install_into "$T/root" uninstall
    left=$(find "$T/root" -type f)
    [ -z "$left" ] || fail "left behind: $left"
}

install_strip_strips() {
    install_into "$T/plain"
    readelf -S "$T/plain/usr/bin/climb" | grep -q debug_info || fail "no debug info to strip"
    install_into "$T/strip" install-strip
    readelf -S "$T/strip/usr/bin/climb" | grep -q debug_info && fail "install-strip kept debug info"
    "$T/strip/usr/bin/climb" --version >/dev/null || fail "stripped binary"
}

manual_lints_clean() {
    out=$(mandoc -Tlint "$root/docs/climb.1" 2>&1)
    [ -z "$out" ] || fail "mandoc: $out"
    out=$(groff -t -man -ww -z "$root/docs/climb.1" 2>&1)
    [ -z "$out" ] || fail "groff: $out"
    out=$(MANWIDTH=80 man --warnings -l "$root/docs/climb.1" 2>&1 >"$T/page")
    [ -z "$out" ] || fail "man at 80 columns: $out"
    wide=$(awk 'length($0) > 80' "$T/page")
    [ -z "$wide" ] || fail "wider than 80 columns: $wide"
    grep -q "completions bash|zsh|fish" "$T/page" || fail "page not rendered"
}

# Every path the installed manual names is installed, or the person's own file.
manual_names_installed_files() {
    install_into "$T/root"
    page="$T/root/usr/share/man/man1/climb.1"
    grep -nE '(^|[^a-z/])(docs|include|src|content|tests)/' "$page" | grep -v '^[0-9]*:\.\\"' &&
        fail "the manual names a file of the source tree"
    sed 's/^\.I /\n/; s/\\f[IBRP]/\n/g' "$page" | grep -E '^/[a-z]' | sed 's/[),.]*$//' | sort -u >"$T/paths"
    [ "$(wc -l <"$T/paths")" -ge 3 ] || fail "too few paths found: $(cat "$T/paths")"
    while IFS= read -r p; do
        case "$p" in /usr/*) ;; *) fail "not under PREFIX: $p" ;; esac
        [ -e "$T/root$p" ] || fail "the manual names $p, which is not installed"
    done <"$T/paths"
}

run_test install_and_uninstall
run_test install_strip_strips
run_test manual_lints_clean
run_test manual_names_installed_files
