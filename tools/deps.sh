#!/bin/sh
# deps.sh - installs the Debian packages climb needs to build, test and run, when any
# is missing; prints the one command to run where it cannot install them itself.
set -u
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
have_pc ncursesw || need="$need libncurses-dev"
have_pc sqlite3 || need="$need libsqlite3-dev"
have_pc yaml-0.1 || need="$need libyaml-dev"
have_pc jansson || need="$need libjansson-dev"
have_pc cmocka || need="$need libcmocka-dev"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
command -v sqlite3 >/dev/null 2>&1 || need="$need sqlite3"
command -v git >/dev/null 2>&1 || need="$need git" # climb sync, and its tests
command -v cmark >/dev/null 2>&1 || need="$need cmark"
command -v python3 >/dev/null 2>&1 || need="$need python3"
# Debian's own python3 validates snapshots against docs/snapshot.schema.json
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || need="$need python3-jsonschema"
# the packet tests: HTML validators, a real browser printing to PDF, its text, a screenshot
command -v tidy >/dev/null 2>&1 || need="$need tidy"
/usr/bin/python3 -c 'import html5lib' >/dev/null 2>&1 || need="$need python3-html5lib"
/usr/bin/python3 -c 'import PIL' >/dev/null 2>&1 || need="$need python3-pil"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
command -v gcovr >/dev/null 2>&1 || need="$need gcovr"
# the shells whose completions tests/e2e/test_completions.sh drives
command -v zsh >/dev/null 2>&1 || need="$need zsh"
command -v fish >/dev/null 2>&1 || need="$need fish"
have_pc bash-completion || need="$need bash-completion"
[ -z "$need" ] && exit 0

echo "climb: installing missing packages:$need"
if [ "$(id -u)" = 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "climb: cannot install as a normal user without sudo; run as root:" >&2
    echo "  apt-get update && apt-get install -y$need" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "climb: no apt-get here; install these packages with your system's tools:$need" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends $need; } >/dev/null; then
    echo "climb: installing packages failed; run:" >&2
    echo "  ${sudo:+sudo }apt-get update && ${sudo:+sudo }apt-get install -y$need" >&2
    exit 1
fi
