#!/bin/sh
# test_edges.sh - hardening at the edges (issue 11), through the real binary: database
# paths and files that must be refused untouched (empty name, empty file, damaged,
# not climb's: no -wal/-shm created beside them), read-only databases, a locked
# database waited for, stdout write errors, hostile text never reaching a terminal or
# an export, one rule for text coming in, exports that only replace regular files,
# and odd paths and emptied schemas.
. "$(dirname "$0")/lib.sh"

# sidecars_absent FILE: fails when SQLite left a -wal, -shm or -journal beside FILE.
sidecars_absent() {
    for s in -wal -shm -journal; do
        [ -e "$1$s" ] && fail "$1$s was created"
    done
    return 0
}

# refused_untouched FILE WORD: climb status on FILE exits 1, says WORD, and leaves
# FILE byte for byte as it was, with no sidecar files.
refused_untouched() {
    before=$(cksum <"$1")
    "$CLIMB_BIN" --db "$1" --user ana status >"$T/out" 2>"$T/err" && fail "status on $1 succeeded"
    [ $? -eq 1 ] || fail "status on $1: wrong exit code"
    grep -q "$2" "$T/err" || fail "no '$2' in: $(cat "$T/err")"
    [ "$(cksum <"$1")" = "$before" ] || fail "$1 was changed"
    sidecars_absent "$1"
}

# as_reader CMD...: runs CMD as a user without write access. When the tests run as
# root (who may write anything), that is nobody; otherwise the permissions suffice.
as_reader() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else
        "$@"
    fi
}

test_empty_db_path_refused() {
    cd "$T" || fail "cd"
    "$CLIMB_BIN" --db '' --user ana tick p1-dev-feedback --note important 2>"$T/err" &&
        fail "--db '' accepted"
    [ $? -eq 2 ] || fail "--db '': exit code not 2"
    grep -q "empty" "$T/err" || fail "no clear message: $(cat "$T/err")"
    CLIMB_DB='' "$CLIMB_BIN" --user ana tick p1-dev-feedback 2>"$T/err" && fail "CLIMB_DB='' accepted"
    [ $? -eq 2 ] || fail "CLIMB_DB='': exit code not 2"
    grep -q "CLIMB_DB" "$T/err" || fail "no clear message: $(cat "$T/err")"
    [ -e "$HOME/.local/share/climb/climb.db" ] && fail "the default database was used"
    return 0
}

test_empty_file_refused() {
    : >"$DB"
    refused_untouched "$DB" "empty file"
    [ -s "$DB" ] && fail "the empty file became a database"
    return 0
}

test_damaged_db_refused() {
    climb tick p1-dev-feedback --note "kept" >/dev/null || fail "tick"
    page=$(sqlite3 "$DB" "SELECT rootpage FROM sqlite_schema WHERE name='events'")
    size=$(sqlite3 "$DB" "PRAGMA page_size")
    rm -f "$DB-wal" "$DB-shm"
    # Flip the bytes of the events table's page header, mid-file.
    printf '\377\377\377\377\377\377\377\377\377\377\377\377' |
        dd of="$DB" bs=1 seek=$(((page - 1) * size)) conv=notrunc 2>/dev/null
    refused_untouched "$DB" "is damaged"
    grep -q "import" "$T/err" || fail "no advice on restoring: $(cat "$T/err")"
}

test_foreign_files_get_no_sidecars() {
    echo "not a database" >"$T/text.db"
    refused_untouched "$T/text.db" "not a SQLite database"
    sqlite3 "$T/wal.db" "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);" \
        >/dev/null
    sidecars_absent "$T/wal.db"
    refused_untouched "$T/wal.db" "not climb's"
    sqlite3 "$T/newer.db" "PRAGMA application_id=1131179362; PRAGMA user_version=999;
        PRAGMA journal_mode=WAL; CREATE TABLE t(x);" >/dev/null
    refused_untouched "$T/newer.db" "newer than"
}

test_read_only_db_reads() {
    mkdir "$T/ro"
    "$CLIMB_BIN" --db "$T/ro/c.db" --user ana tick p1-dev-feedback --note "kept" >/dev/null ||
        fail "tick"
    chmod 755 "$T"
    chmod 555 "$T/ro"
    chmod 444 "$T/ro/c.db"
    before=$(cksum <"$T/ro/c.db")
    ro() { as_reader "$CLIMB_BIN" --db "$T/ro/c.db" --user ana "$@"; }
    ro status >"$T/out" 2>"$T/err" || fail "status on a read-only database: $(cat "$T/err")"
    grep -q "profile: ana" "$T/out" || fail "status printed nothing"
    ro history >"$T/out" 2>"$T/err" || fail "history: $(cat "$T/err")"
    grep -q '"kept"' "$T/out" || fail "history lacks the note"
    ro export --format json >"$T/out" 2>"$T/err" || fail "export: $(cat "$T/err")"
    grep -q '"kept"' "$T/out" || fail "export lacks the note"
    cp "$T/out" "$T/snap.json" && chmod 644 "$T/snap.json" || fail "copy the export"
    expect_exit 1 "import failed: read-only: climb can show .*/ro/c.db but not change it" \
        -- ro import "$T/snap.json"
    ro tick p1-own-pipeline 2>"$T/err" && fail "a tick on a read-only database succeeded"
    grep -q "read-only" "$T/err" || fail "no clear message: $(cat "$T/err")"
    grep -q "attempt to write" "$T/err" && fail "raw SQLite message: $(cat "$T/err")"
    [ "$(cksum <"$T/ro/c.db")" = "$before" ] || fail "the database changed"
    sidecars_absent "$T/ro/c.db"
    # A new database in that read-only directory: refused with the reason, nothing made.
    expect_exit 1 "cannot create .*/ro/new.db: Permission denied \\(directory .*/ro\\)" \
        -- as_reader "$CLIMB_BIN" --db "$T/ro/new.db" --user ana status
    [ ! -e "$T/ro/new.db" ] || fail "new.db was made"
    # A writable directory but a read-only file: still no litter beside it.
    chmod 755 "$T/ro"
    ro status >/dev/null 2>"$T/err" || fail "status on a read-only file: $(cat "$T/err")"
    sidecars_absent "$T/ro/c.db"
}

test_locked_db_waited_for() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    # Another process holds an exclusive lock for a moment: climb waits, then works.
    { echo "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE profiles SET name=name;"
      sleep 1.5
      echo "COMMIT;"; } | sqlite3 "$DB" >/dev/null &
    sleep 0.4
    climb status >"$T/out" 2>"$T/err" || fail "status did not wait: $(cat "$T/err")"
    wait
}

test_stdout_errors_reported() {
    climb tick p1-dev-feedback --note "kept" >/dev/null || fail "tick"
    for cmd in "status" "status --json" "users" "users --json" "history" "keys" "title" \
        "roadblock" "export" "export --format md" "export --format csv" "--version" "help"; do
        # shellcheck disable=SC2086 # the words of cmd are separate arguments
        climb $cmd >/dev/full 2>"$T/err" && fail "$cmd on /dev/full exited 0"
        rc=$?
        [ $rc -eq 1 ] || fail "$cmd on /dev/full exited $rc, not 1"
        grep -q "^climb: cannot write output: No space left on device$" "$T/err" ||
            fail "$cmd: no clear message: $(cat "$T/err")"
        [ "$(wc -l <"$T/err")" -eq 1 ] || fail "$cmd: more than one message: $(cat "$T/err")"
    done
    # A change that cannot be reported is still made, and the exit code says so.
    climb note p1-dev-feedback "changed" >/dev/full 2>"$T/err" && fail "note on /dev/full exited 0"
    climb history | grep -q '"changed"' || fail "the note was not saved"
}

# HOSTILE_HEX: a note an attacker would write: OSC 52 (set the clipboard), ESC [ 2 J
# (clear the screen), CR, C1 CSI (U+009B), DEL, RIGHT-TO-LEFT OVERRIDE (U+202E) and
# LEFT-TO-RIGHT ISOLATE (U+2066), around visible words.
HOSTILE_HEX=6576696c1b5d35323b633b614756736247383d071b5b324a0d6d6964c29b7fe280aee281a6656e64

# raw_controls FILE: fails when FILE holds a raw control character: C0 other than tab
# and newline (CR only as a CSV line end), DEL, C1 or a bidi control, as UTF-8.
raw_controls() {
    perl -ne 's/\r\n\z/\n/; if (/[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]/) { print STDERR "line $.: $_"; exit 1 }' "$1" ||
        fail "raw control characters in $2"
}

# plant_hostile: the note, an n/a reason and their events hold HOSTILE, as an old
# database or one written by another program could.
plant_hostile() {
    climb tick p1-dev-feedback --note "placeholder" >/dev/null || fail "tick"
    climb set p1-solo-incident n/a --reason "placeholder" >/dev/null || fail "set n/a"
    h="CAST(X'$HOSTILE_HEX' AS TEXT)"
    sqlite3 "$DB" "UPDATE criterion_state SET note = $h WHERE note IS NOT NULL;
        UPDATE criterion_state SET reason = $h WHERE reason IS NOT NULL;
        UPDATE events SET value = $h WHERE kind = 'note';
        UPDATE events SET detail = $h WHERE detail IS NOT NULL AND kind = 'state';" ||
        fail "sqlite3"
}

test_no_raw_controls_leave() {
    plant_hostile
    n=0
    for cmd in "status" "history" "history --json" "history --kind note" "users" "users --json" \
        "title" "roadblock" "keys" "export" "export --format json" "export --format md" \
        "export --format csv" "export --format html" "quiz --history" "check-content $T/none.yaml"; do
        n=$((n + 1))
        # shellcheck disable=SC2086 # the words of cmd are separate arguments
        climb $cmd >"$T/out.$n" 2>"$T/err.$n"
        raw_controls "$T/out.$n" "the output of: climb $cmd"
        raw_controls "$T/err.$n" "the errors of: climb $cmd"
    done
    for f in json md csv html; do
        climb export --format $f -o "$T/snap.$f" >/dev/null || fail "export $f"
        raw_controls "$T/snap.$f" "the $f export file"
    done
    # The text is still all there: visible in text, escaped (not lost) in JSON.
    grep -q 'evil^\[\]52;c;aGVsbG8=^G^\[\[2J^Mmid<U+009B>^?<U+202E><U+2066>end' "$T/out.2" ||
        fail "history does not show the note visibly: $(cat "$T/out.2")"
    grep -q 'mid\\u009b\\u007f\\u202e\\u2066end' "$T/snap.json" || fail "JSON lost the note"
    # Markdown, HTML and CSV show the controls the same way.
    grep -q '<U+202E>' "$T/snap.csv" || fail "CSV does not show the override"
    grep -qF '\<U+202E>' "$T/snap.md" || fail "Markdown does not show the override"
    grep -qF '^[[2J^Mmid&lt;U+009B&gt;^?&lt;U+202E&gt;' "$T/snap.html" ||
        fail "HTML does not show the override"
    # A file name with controls is shown visibly too.
    climb check-content "$(printf 'x\033[2J\342\200\256.yaml')" >"$T/out" 2>&1
    raw_controls "$T/out" "check-content's message"
}

# events_count: how many events the profile has (a refused change adds none).
events_count() {
    sqlite3 "$DB" "SELECT count(*) FROM events"
}

test_note_input_gate() {
    climb note p1-dev-feedback "keep me" >/dev/null || fail "note"
    before=$(events_count)
    for input in '\0tail' 'abc\0def' 'a\033]52;c;aGk=\007b' 'a\033[2J' 'a\302\233b' 'a\177b' \
        'a\342\200\256b' 'a\342\201\246b' 'a\rb' 'bad \377 byte'; do
        # shellcheck disable=SC2059 # input is a printf format on purpose (its escapes)
        printf "$input" | climb note p1-dev-feedback - >"$T/out" 2>"$T/err" &&
            fail "stdin note '$input' accepted: $(cat "$T/out")"
        [ $? -eq 2 ] || fail "stdin note '$input': exit code not 2"
        grep -q "^climb: the note .*nothing was changed" "$T/err" ||
            fail "stdin note '$input': message: $(cat "$T/err")"
    done
    for input in 'a\033[2J' 'a\302\233b' 'a\342\200\256b' 'a\001b'; do
        # shellcheck disable=SC2059 # input is a printf format on purpose (its escapes)
        climb note p1-dev-feedback "$(printf "$input")" 2>"$T/err" &&
            fail "argument note '$input' accepted"
        [ $? -eq 2 ] || fail "argument note '$input': exit code not 2"
    done
    [ "$(events_count)" = "$before" ] || fail "a refused note changed the history"
    climb status --json | grep -q '"note": "keep me"' || fail "the note was changed"
    # Newline and tab are fine, and a final line end (LF or CRLF) is dropped.
    printf 'one\ttwo\r\nthree\r\n' | climb note p1-dev-feedback - 2>"$T/err" &&
        fail "a CR inside a note was accepted"
    printf 'one\ttwo\nthree\r\n' | climb note p1-dev-feedback - >/dev/null ||
        fail "tab and newline refused: $(cat "$T/err")"
    climb status --json | grep -q '"note": "one\\ttwo\\nthree"' || fail "note not saved as is"
    head -c 65537 /dev/zero | tr '\0' a | climb note p1-dev-feedback - 2>"$T/err" &&
        fail "a note over 64 KiB was accepted"
    grep -q "longer than" "$T/err" || fail "length message: $(cat "$T/err")"
}

# snapshot_with PY: the base export, changed by the Python statement PY on the
# parsed snapshot s, written to $T/bad.json.
snapshot_with() {
    python3 - "$T/base.json" "$T/bad.json" "$1" <<'PY' || fail "python"
import json, sys
s = json.load(open(sys.argv[1]))
crit = [c for p in s["phases"] for c in p["criteria"]]
noted = next(c for c in crit if c.get("note"))
na = next(c for c in crit if c["state"] == "n/a")
ev = lambda kind, **kw: next(e for e in s["events"] if e["kind"] == kind
                             and all(e.get(k) == v for k, v in kw.items()))
exec(sys.argv[3])
json.dump(s, open(sys.argv[2], "w"))
PY
}

# import_refused PY FIELD WORDS: the changed snapshot is refused (exit 2), naming
# FIELD and WORDS, and the database is left byte for byte as it was.
import_refused() {
    snapshot_with "$1"
    before=$(cksum <"$DB")
    climb import "$T/bad.json" >"$T/out" 2>"$T/err" && fail "import accepted: $1"
    [ $? -eq 2 ] || fail "import of ($1): exit code not 2: $(cat "$T/err")"
    grep -q "$2" "$T/err" || fail "($1): the message does not name $2: $(cat "$T/err")"
    grep -q "$3" "$T/err" || fail "($1): the message does not say '$3': $(cat "$T/err")"
    [ "$(cksum <"$DB")" = "$before" ] || fail "($1): the database changed"
}

test_import_input_gate() {
    climb tick p1-dev-feedback --note "shipped it" >/dev/null || fail "tick"
    climb set p1-solo-incident n/a --reason "no on-call here" >/dev/null || fail "set n/a"
    climb stale-after 6 >/dev/null || fail "stale-after"
    climb export -o "$T/base.json" >/dev/null || fail "export"
    rm -f "$DB" "$DB-wal" "$DB-shm"
    climb import "$T/base.json" >/dev/null || fail "the base snapshot does not import"
    import_refused 'noted["note"] = "a\x1b]52;c;aGk=\x07b"' 'phases\[0\]\.criteria\[[0-9]*\]\.note' \
        "control character"
    import_refused 'ev("note")["value"] = "a\u202eb"' 'events\[[0-9]*\]\.value' "bidirectional"
    import_refused 'ev("state", value="n/a")["detail"] = "x\x7f"' 'events\[[0-9]*\]\.detail' \
        "control character"
    import_refused 's["profile"]["name"] = "ana\x9b"' 'profile\.name' "control character"
    import_refused 'noted["note"] = "x" * (64 * 1024 + 1)' 'criteria\[[0-9]*\]\.note' "longer than"
    import_refused 'ev("note")["value"] = "x" * (10 * 1000 * 1000)' 'events\[[0-9]*\]\.value' \
        "longer than"
    import_refused 'ev("setting", item="stale_months")["value"] = "0"' \
        'events\[[0-9]*\]\.value' "1 to 120"
    import_refused 'ev("setting", item="stale_months")["value"] = "999999"' \
        'events\[[0-9]*\]\.value' "1 to 120"
    import_refused 'na["reason"] = None' 'criteria\[[0-9]*\]\.reason' "needs a reason"
    import_refused 'ev("state", value="n/a")["detail"] = ""' 'events\[[0-9]*\]\.detail' \
        "needs a reason"
    import_refused 's["events"][0]["at"] = "0999-06-01T00:00:00Z"' 'events\[0\]\.at' \
        "not an ISO 8601 time"
    import_refused 's["events"][0]["at"] = "9999-12-31T23:00:00-05:00"' 'events\[0\]\.at' \
        "not an ISO 8601 time"
    # The clock too: a year before 1000 cannot be written back by an export.
    CLIMB_NOW=0999-06-01T00:00:00Z climb status 2>"$T/err" >/dev/null &&
        fail "CLIMB_NOW in year 999 accepted"
    [ $? -eq 2 ] || fail "CLIMB_NOW: exit code not 2"
}

# export_refused PATH WORDS: export --force to PATH is refused (exit 1) saying WORDS.
export_refused() {
    climb export --format md -o "$1" --force >"$T/out" 2>"$T/err" && fail "exported over $1"
    [ $? -eq 1 ] || fail "export over $1: exit code not 1"
    grep -q "$2" "$T/err" || fail "export over $1: message: $(cat "$T/err")"
    for left in "$(dirname "$1")"/.climb-*; do
        [ -e "$left" ] && fail "temporary file left beside $1: $left"
    done
    return 0
}

test_export_replaces_only_regular_files() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    mkfifo "$T/fifo"
    export_refused "$T/fifo" "is a FIFO"
    [ -p "$T/fifo" ] || fail "the FIFO was replaced"
    mkdir "$T/dir"
    export_refused "$T/dir" "is a directory"
    echo "precious" >"$T/target"
    ln -s "$T/target" "$T/link"
    export_refused "$T/link" "is a symbolic link"
    [ -L "$T/link" ] || fail "the link was replaced"
    [ "$(cat "$T/target")" = precious ] || fail "the link's target changed"
    if [ "$(id -u)" -eq 0 ]; then # only root can make a device node
        mknod "$T/null" c 1 3
        export_refused "$T/null" "is a character device"
        [ -c "$T/null" ] || fail "the device was replaced"
    fi
    # A regular file is still replaced with --force.
    climb export --format md -o "$T/target" --force >/dev/null || fail "regular file refused"
    grep -q "^# ana: the case for " "$T/target" || fail "the regular file was not replaced"
}

test_export_dash_is_stdout() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    cd "$T" || fail "cd"
    climb export --format csv -o - >"$T/out" || fail "export -o -"
    [ -e "$T/-" ] && fail "wrote a file named -"
    grep -q "^uuid,at,kind" "$T/out" || fail "-o - did not write to stdout"
    climb export --output=- >"$T/out" || fail "export --output=-"
    grep -q '"format": "climb-snapshot"' "$T/out" || fail "--output=- did not write to stdout"
    [ -e "$T/-" ] && fail "wrote a file named -"
    return 0
}

# Paths SQLite must be handed with care, and damage that leaves no table: each
# refused with its reason, the file untouched.
test_odd_paths_and_empty_schemas_refused() {
    echo "my notes" >"$T/my notes 100%.db"
    refused_untouched "$T/my notes 100%.db" "notes 100%.db is not a SQLite database"
    expect_exit 1 "^climb: $T is a directory, not a database file$" -- \
        "$CLIMB_BIN" --db "$T" --user ana status
    # the prompt line reads through its own door, and refuses the same files
    expect_exit 1 "is not a climb database this climb can read: file is not a database" -- \
        "$CLIMB_BIN" --db "$T/my notes 100%.db" --user ana status --line
    # a climb file whose schema was emptied (pages still in use, no table left)
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null || fail "checkpoint"
    sqlite3 "$DB" "PRAGMA writable_schema=ON; DELETE FROM sqlite_schema;" || fail "sqlite3"
    before=$(cksum <"$DB")
    expect_exit 1 "is damaged \(SQLite found: Page [0-9]+ is never used\) and has no backup" -- \
        climb status
    [ "$(cksum <"$DB")" = "$before" ] || fail "the damaged file was changed"
}

run_test test_empty_db_path_refused
run_test test_empty_file_refused
run_test test_damaged_db_refused
run_test test_foreign_files_get_no_sidecars
run_test test_read_only_db_reads
run_test test_locked_db_waited_for
run_test test_stdout_errors_reported
run_test test_no_raw_controls_leave
run_test test_note_input_gate
run_test test_import_input_gate
run_test test_export_replaces_only_regular_files
run_test test_export_dash_is_stdout
run_test test_odd_paths_and_empty_schemas_refused
