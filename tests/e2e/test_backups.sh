#!/bin/sh
# test_backups.sh - the copies climb keeps of a database and what it does about
# damage and read-only files (issue 11), through the real binary on real files:
# `climb backup` beside the database and to -o FILE (never over a file), the copy
# before an import and before a schema upgrade (the newest three kept), a failed
# upgrade that leaves the file as it was, `climb check`, damage met at run time,
# the full-screen view on a read-only database, a database named relative to the
# working directory, and findings listed on one line.
. "$(dirname "$0")/lib.sh"

# backups: the rotated copies beside $DB, oldest first.
backups() {
    ls "$DB".backup-* 2>/dev/null
}

# mode FILE: its permission bits in octal.
mode() {
    stat -c %a "$1"
}

test_backup_on_demand() {
    climb tick p1-dev-feedback --note "kept" >/dev/null || fail "tick"
    expect_exit 0 "^wrote $DB\.backup-[0-9]{8}-[0-9]{6}" -- climb backup
    copy=$(backups)
    [ "$(echo "$copy" | wc -l)" -eq 1 ] || fail "not one backup: $copy"
    [ "$(mode "$copy")" = 600 ] || fail "backup mode $(mode "$copy"), not 600"
    "$CLIMB_BIN" --db "$copy" --user ana status >"$T/out" 2>&1 || fail "the copy: $(cat "$T/out")"
    grep -q "p1-dev-feedback" "$T/out" || true
    [ "$(crit_state p1-dev-feedback)" = done ] || fail "the database lost its tick"
    DB=$copy
    [ "$(crit_state p1-dev-feedback)" = done ] || fail "the copy lacks the tick"
}

test_backup_to_file_never_overwrites() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    expect_exit 0 "^wrote $T/copy.db" -- climb backup -o "$T/copy.db"
    [ "$(mode "$T/copy.db")" = 600 ] || fail "mode $(mode "$T/copy.db"), not 600"
    [ -z "$(backups)" ] || fail "-o FILE also wrote a rotated copy"
    echo "mine" >"$T/other"
    expect_exit 1 "already exists" -- climb backup -o "$T/other"
    [ "$(cat "$T/other")" = mine ] || fail "an existing file was overwritten"
    expect_exit 1 "already exists" -- climb backup --output="$T/copy.db"
    expect_exit 2 "usage: climb backup" -- climb backup -o -
    expect_exit 2 "usage: climb backup" -- climb backup extra
    expect_exit 1 "no database" -- "$CLIMB_BIN" --db "$T/none.db" backup
    [ -e "$T/none.db" ] && fail "backup created a database"
    DB=$T/copy.db
    [ "$(crit_state p1-dev-feedback)" = done ] || fail "the copy lacks the tick"
}

test_import_backs_up_keeping_three() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    climb export -o "$T/snap.json" >/dev/null || fail "export"
    n=0
    for id in p1-own-pipeline p1-solo-incident p2-reduce-oncall p2-adopted-improvement \
        p2-documented-decision; do
        climb tick "$id" >/dev/null || fail "tick $id"
        climb import "$T/snap.json" >/dev/null 2>"$T/err" || fail "import: $(cat "$T/err")"
        n=$((n + 1))
        [ "$(backups | wc -l)" -eq $((n < 3 ? n : 3)) ] ||
            fail "after import $n: $(backups | wc -l) backups: $(backups)"
    done
    newest=$(backups | sort | tail -1)
    # An import that changed nothing since the newest copy makes no new one.
    before=$(backups)
    climb import "$T/snap.json" >/dev/null || fail "import again"
    [ "$(backups)" = "$before" ] || fail "an unchanged database was copied again"
    # Restore as README says: the copy is a database climb reads and exports.
    DB=$newest
    [ "$(crit_state p2-documented-decision)" = done ] || fail "the newest copy lacks the last tick"
    climb export -o "$T/restored.json" >/dev/null || fail "export from the copy"
}

test_import_refused_when_no_backup_can_be_made() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    climb export -o "$T/snap.json" >/dev/null || fail "export"
    climb tick p1-own-pipeline >/dev/null || fail "tick"
    # A directory squats on every name a copy could take this second and the next.
    now=$(date +%s) names=""
    for s in 0 1 2 3 4 5; do
        stamp=$(date -d "@$((now + s))" +%Y%m%d-%H%M%S)
        names="$names $DB.backup-$stamp"
        k=2
        while [ $k -le 100 ]; do names="$names $DB.backup-$stamp-$k" k=$((k + 1)); done
    done
    # shellcheck disable=SC2086
    mkdir $names && touch -d @1000000000 $names || fail "mkdir"
    [ "$(date +%s)" -le $((now + 4)) ] || fail "too slow to squat on the names"
    expect_exit 1 "no backup could be made.*nothing was imported" -- \
        climb --user bo import "$T/snap.json"
    climb users >"$T/out" || fail "users"
    grep -q "^ *bo" "$T/out" && fail "the import went ahead: $(cat "$T/out")"
    return 0
}

# old_schema FILE: turns a current database back into schema version 3 (before
# check-in cadences), as an older climb left it.
old_schema() {
    sqlite3 "$1" "DROP TABLE view_state; DROP INDEX events_dated; ALTER TABLE profiles DROP COLUMN checkin_days; PRAGMA user_version=3;" ||
        fail "could not make an old schema"
}

test_migration_backs_up_first() {
    climb tick p1-dev-feedback --note "kept" >/dev/null || fail "tick"
    old_schema "$DB"
    [ "$(crit_state p1-dev-feedback)" = done ] || fail "the upgraded database lost the tick"
    [ "$(sqlite3 "$DB" "PRAGMA user_version")" = 5 ] || fail "not upgraded"
    copy=$(backups)
    [ "$(echo "$copy" | wc -l)" -eq 1 ] || fail "not one backup: $copy"
    [ "$(mode "$copy")" = 600 ] || fail "backup mode $(mode "$copy")"
    [ "$(sqlite3 "$copy" "PRAGMA user_version")" = 3 ] || fail "the copy is not from before"
    # Up to date: no more copies.
    climb status >/dev/null || fail "status"
    [ "$(backups | wc -l)" -eq 1 ] || fail "a copy without an upgrade"
}

test_failed_migration_leaves_db() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    # Version 3 with step 4 already applied: step 4 fails (duplicate column).
    sqlite3 "$DB" "PRAGMA user_version=3" || fail "sqlite3"
    before=$(cksum <"$DB")
    expect_exit 1 "upgrade of .* failed.*left as it was.*copy from before is at $DB\.backup-" -- \
        climb status
    [ "$(cksum <"$DB")" = "$before" ] || fail "the database changed"
    [ "$(sqlite3 "$DB" "PRAGMA user_version")" = 3 ] || fail "user_version changed"
    [ "$(backups | wc -l)" -eq 1 ] || fail "no backup: $(ls "$T")"
}

# damage FILE: overwrites the header of the events table's page, mid-file.
damage() {
    page=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_schema WHERE name='events'")
    size=$(sqlite3 "$1" "PRAGMA page_size")
    rm -f "$1-wal" "$1-shm"
    printf '\377\377\377\377\377\377\377\377\377\377\377\377' |
        dd of="$1" bs=1 seek=$(((page - 1) * size)) conv=notrunc 2>/dev/null
}

test_check_says_what_to_do() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    expect_exit 0 "ok" -- climb check
    expect_exit 2 "usage: climb check" -- climb check extra
    expect_exit 1 "no database" -- "$CLIMB_BIN" --db "$T/none.db" check
    climb backup >/dev/null || fail "backup"
    copy=$(backups)
    damage "$DB"
    before=$(cksum <"$DB")
    expect_exit 1 "is damaged.*restore the latest backup, $copy.*cp $copy $DB" -- climb check
    [ "$(cksum <"$DB")" = "$before" ] || fail "check changed the database"
    # The advice holds: the named copy is sound.
    expect_exit 0 "ok" -- "$CLIMB_BIN" --db "$copy" check
    # Without a backup, the advice is the JSON export.
    rm -f "$copy"
    expect_exit 1 "no backup.*climb --db NEW.db import" -- climb check
}

test_damage_at_run_time_gives_advice() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    climb backup >/dev/null || fail "backup"
    copy=$(backups)
    # Over 8 MB the check at open is skipped: SQLite meets the damage mid-command.
    sqlite3 "$DB" "CREATE TABLE filler(x); INSERT INTO filler VALUES (zeroblob(9000000));" ||
        fail "sqlite3"
    damage "$DB"
    for cmd in history "tick p1-own-pipeline" "export --format csv"; do
        # shellcheck disable=SC2086
        expect_exit 1 "is damaged.*restore the latest backup, $copy" -- climb $cmd
        grep -q "^climb: database error\|^climb: cannot" "$T/expect.out" &&
            fail "$cmd: a raw SQLite message: $(cat "$T/expect.out")"
    done
    return 0
}

# as_reader CMD...: runs CMD as a user without write access (nobody, when the
# tests run as root, who may write anything), as in test_edges.sh.
as_reader() {
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else
        "$@"
    fi
}

test_read_only_tui() {
    mkdir "$T/ro"
    "$CLIMB_BIN" --db "$T/ro/c.db" --user ana tick p1-dev-feedback --note "kept" >/dev/null ||
        fail "tick"
    chmod 755 "$T"
    chmod 555 "$T/ro"
    chmod 444 "$T/ro/c.db"
    before=$(cksum <"$T/ro/c.db")
    cat >"$T/ro.sh" <<CMD
#!/bin/sh
HOME=$T/ro "$CLIMB_BIN" --db "$T/ro/c.db" --user ana
echo "EXITED:\$?"
sleep 30
CMD
    chmod 755 "$T/ro.sh"
    tmux -u -L "$TMUX_SOCK" -f /dev/null new-session -d -x 100 -y 30 \
        "env TZ=$TZ LANG=$LANG LC_ALL=$LC_ALL TERM=$TERM CLIMB_NOW=$CLIMB_NOW NO_COLOR= \
        $(as_reader true && [ "$(id -u)" -eq 0 ] && echo setpriv --reuid=65534 --regid=65534 --clear-groups) \
        sh $T/ro.sh" || fail "tmux did not start"
    TMUX_STARTED=1
    wait_for "ana (read-only)"
    screen | head -1 | grep -q "read-only" || fail "no read-only in the title bar"
    screen | grep -q "could not" && fail "a write was tried at start"
    keys l
    keys Space
    wait_for "not saved: read-only: climb can show"
    screen | grep -q "attempt to write" && fail "SQLite's message shown"
    keys H
    wait_for "History"
    keys Escape
    quit_tui
    [ "$(cksum <"$T/ro/c.db")" = "$before" ] || fail "the database changed"
    [ "$(crit_state p1-own-pipeline 2>/dev/null)" = done ] && fail "a tick was written"
    return 0
}

# A database named relative to the working directory: its copies and the advice
# on damage name files relative to it too; a copy to a missing directory is
# refused with the reason and leaves nothing behind.
test_relative_database_path() {
    cd "$T" || fail "cd"
    "$CLIMB_BIN" --db c.db --user ana tick p1-dev-feedback >/dev/null || fail "tick"
    expect_exit 0 "^wrote c\.db\.backup-[0-9]{8}-[0-9]{6}$" -- "$CLIMB_BIN" --db c.db --user ana backup
    [ "$(ls c.db.backup-*)" = "$(sed 's/^wrote //' "$T/expect.out")" ] || fail "not the copy named"
    expect_exit 1 "^climb: backup: cannot write a copy of the database to nodir/x\.db: unable to open" \
        -- "$CLIMB_BIN" --db c.db backup -o nodir/x.db
    [ ! -e nodir ] || fail "a directory was made"
    ls -a | grep -q "tmp-" && fail "a temporary file was left: $(ls -a)"
    damage c.db
    expect_exit 1 "restore the latest backup, c\.db\.backup-[0-9-]*: check it with 'climb --db c\.db\.backup-[0-9-]* check', then copy it over the database \(cp c\.db\.backup-[0-9-]* c\.db\)" \
        -- "$CLIMB_BIN" --db c.db --user ana status
}

# climb check lists what integrity_check finds on one line, however many there are.
test_check_lists_findings_on_one_line() {
    climb tick p1-dev-feedback >/dev/null || fail "tick"
    sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null || fail "checkpoint"
    sqlite3 "$DB" "PRAGMA writable_schema=ON; DELETE FROM sqlite_schema;" || fail "sqlite3"
    expect_exit 1 "is damaged \(SQLite found: \*\*\* in database main \*\*\* Page 2 is never used Page 3 is never used" \
        -- climb check
    [ "$(wc -l <"$T/expect.out")" = 1 ] || fail "more than one line: $(cat "$T/expect.out")"
}

run_test test_backup_on_demand
run_test test_backup_to_file_never_overwrites
run_test test_import_backs_up_keeping_three
run_test test_import_refused_when_no_backup_can_be_made
run_test test_migration_backs_up_first
run_test test_failed_migration_leaves_db
run_test test_check_says_what_to_do
run_test test_damage_at_run_time_gives_advice
run_test test_read_only_tui
run_test test_relative_database_path
run_test test_check_lists_findings_on_one_line
