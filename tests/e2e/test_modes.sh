#!/bin/sh
# test_modes.sh - the user's data is never readable by others, whatever the umask:
# under umask 022 and 077 alike, the database, its -wal and -shm files while the
# full-screen view holds it open, the default location's directories and every
# export (JSON, Markdown, HTML, CSV; from the CLI and the TUI, new and replaced with
# --force) are 0600 (directories 0700), as main.c's umask(077) intends.
. "$(dirname "$0")/lib.sh"

# mode_is WANT FILE: fails unless FILE exists with the permission bits WANT.
mode_is() {
    [ -e "$2" ] || fail "$2 does not exist"
    got=$(stat -c %a "$2")
    [ "$got" = "$1" ] || fail "$2 is $got, not $1 (umask $(umask))"
}

modes_under() {
    umask "$1"
    climb tick p1-own-pipeline --note "private evidence" >/dev/null || fail "tick"
    mode_is 600 "$DB"
    for f in json md csv html; do
        climb export --format $f -o "$T/snap.$f" >/dev/null || fail "export $f"
        mode_is 600 "$T/snap.$f"
    done
    # a file replaced with --force takes the new file's mode, not the old one's
    printf 'old\n' >"$T/old.md"
    chmod 644 "$T/old.md"
    climb export --format md -o "$T/old.md" --force >/dev/null || fail "export --force"
    mode_is 600 "$T/old.md"
    # the default location
    XDG_DATA_HOME="$T/xdg" "$CLIMB_BIN" --user ana status >/dev/null || fail "default location"
    mode_is 700 "$T/xdg/climb"
    mode_is 600 "$T/xdg/climb/climb.db"
    # -wal and -shm exist while the full-screen view has the database open
    start_tui 80 24
    wait_for "Before moving up to Mid · 1/3"
    keys j Space
    wait_for "Before moving up to Mid · 2/3"
    mode_is 600 "$DB-wal"
    mode_is 600 "$DB-shm"
    # an export from the TUI, to its suggested name in HOME
    keys e
    wait_for "Export snapshot"
    keys Enter
    wait_for "climb-ana-2026-03-14.md"
    keys Enter
    wait_for "Written to:"
    keys Space
    wait_gone "Written to:"
    quit_tui
    exported="$HOME/climb-ana-2026-03-14.md"
    mode_is 600 "$exported"
    # and nothing else climb wrote is open to others
    find "$T" "$HOME" -type f \( -name 'climb*' -o -name 'snap.*' -o -name '.climb-*' \) \
        -perm /077 >"$T/open"
    [ ! -s "$T/open" ] || fail "files others can read: $(cat "$T/open")"
}

modes_under_umask_022() {
    modes_under 022
}

modes_under_umask_077() {
    modes_under 077
}

run_test modes_under_umask_022
run_test modes_under_umask_077
