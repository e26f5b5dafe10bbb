#!/bin/sh
# check-deb.sh - `make check-deb`: builds the Debian package with
# `dpkg-buildpackage -us -uc -b` in a scratch copy of the source (so nothing is
# written beside the work tree), then checks it as a person would get it: the
# files it holds (dpkg-deb -c), lintian with no errors, and `dpkg -i` into a
# scratch root where the installed climb runs and its bash completion loads.
# About a minute or two; not part of `make test`.
set -eu
for tool in dpkg-buildpackage dh lintian fakeroot; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "check-deb: $tool is missing; run: apt-get install -y dpkg-dev debhelper lintian fakeroot" >&2
        exit 1
    }
done
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src="$work/climb"
mkdir "$src"
cd "$root"
git ls-files -co --exclude-standard | while IFS= read -r f; do
    [ -e "$f" ] && printf '%s\n' "$f"
done | tar cf - -T - | tar xf - -C "$src"

fail() {
    echo "check-deb: FAIL: $*" >&2
    exit 1
}

echo "check-deb: building the package (log in build/check-deb.log)"
mkdir -p "$root/build"
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$root/build/check-deb.log" 2>&1 ||
    fail "dpkg-buildpackage failed; see build/check-deb.log"
deb=$(ls "$work"/climb_*.deb)
cp "$deb" "$root/build/"
echo "check-deb: built $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for f in ./usr/bin/climb ./usr/share/man/man1/climb.1.gz \
    ./usr/share/bash-completion/completions/climb ./usr/share/zsh/vendor-completions/_climb \
    ./usr/share/fish/vendor_completions.d/climb.fish ./usr/share/doc/climb/climbrc.example \
    ./usr/share/doc/climb/content-format.md ./usr/share/doc/climb/copyright; do
    grep -qxF "$f" "$work/files" || fail "the package lacks $f"
done
echo "check-deb: the package holds the binary, manual, completions and example config"

lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" >"$work/lintian" 2>&1 ||
    { cat "$work/lintian" >&2; fail "lintian reports errors"; }
grep -q '^E:' "$work/lintian" && { cat "$work/lintian" >&2; fail "lintian errors"; }
echo "check-deb: lintian: no errors ($(grep -c '^W:' "$work/lintian" || true) warnings)"
sed 's/^/  /' "$work/lintian"

r="$work/root"
mkdir -p "$r/var/lib/dpkg/info" "$r/var/lib/dpkg/updates"
: >"$r/var/lib/dpkg/status"
dpkg --root="$r" --force-not-root --force-depends --force-script-chrootless -i "$deb" \
    >"$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; fail "dpkg -i"; }
"$r/usr/bin/climb" --version | grep -q "^climb " || fail "the installed climb does not run"
zcat "$r/usr/share/man/man1/climb.1.gz" | grep -q "/usr/share/doc/climb/climbrc.example" ||
    fail "the manual does not point at the installed example"
out=$(XDG_DATA_DIRS="$r/usr/share" bash --norc --noprofile -c '
    . /usr/share/bash-completion/bash_completion
    _completion_loader climb; complete -p climb' 2>&1)
echo "$out" | grep -q -- "-F _climb climb" || fail "bash completion from the package: $out"
echo "check-deb: dpkg -i into a scratch root: climb runs, completion loads"
echo "check-deb: ok"
