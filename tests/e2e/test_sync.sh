#!/bin/sh
# test_sync.sh - `climb sync` through a local bare repository with two databases
# standing for two machines (desk: $DB, laptop: $T/b.db): both directions, a
# second machine that already had a profile of the same name, repeated syncs
# changing nothing, an unreachable remote and a refused push leaving the database
# untouched, and a repository changed by hand. Real git, real files.
. "$(dirname "$0")/lib.sh"
export CLIMB_NOW=2026-03-01T09:00:00Z GIT_CONFIG_NOSYSTEM=1

laptop() {
    "$CLIMB_BIN" --db "$T/b.db" --user ana "$@"
}

# What a person sees of a profile, for comparing two machines.
view() {
    "$CLIMB_BIN" --db "$1" --user ana status
}

# Two machines set up on $T/remote.git, each with progress of its own.
two_machines() {
    climb tick p1-own-pipeline --note "pipeline v1" >/dev/null || fail "desk tick"
    laptop tick p1-solo-incident >/dev/null || fail "laptop tick"
    climb sync init "$T/remote.git" --machine desk >"$T/out" || fail "desk init: $(cat "$T/out")"
    grep -qF "follows $T/remote.git as machine 'desk'" "$T/out" || fail "init said: $(cat "$T/out")"
    laptop sync init "file://$T/remote.git" --machine laptop >/dev/null || fail "laptop init"
}

commits() {
    git -C "$T/remote.git" rev-list --count main 2>/dev/null || echo 0
}

both_directions() {
    two_machines
    climb sync >"$T/out" || fail "desk sync: $(cat "$T/out")"
    grep -qF "ana/desk.json written and pushed" "$T/out" || fail "desk: $(cat "$T/out")"
    grep -qF "no other machine has synced" "$T/out" || fail "desk merged: $(cat "$T/out")"
    laptop sync >"$T/out" || fail "laptop sync"
    grep -qF "merged: desk (3 new)" "$T/out" || fail "laptop merged: $(cat "$T/out")"
    laptop status | grep -qF "note: pipeline v1" || fail "laptop lacks desk's note"
    laptop status | grep -qF "[x] p1-solo-incident" || fail "laptop lost its own tick"
    climb sync >"$T/out" || fail "desk sync 2"
    grep -qF "merged: laptop (" "$T/out" || fail "desk merged: $(cat "$T/out")"
    climb status | grep -qF "[x] p1-solo-incident" || fail "desk lacks laptop's tick"
    [ "$(view "$DB")" = "$(view "$T/b.db")" ] || fail "the machines differ"
    [ "$(climb status --line)" = "climb: P1 2/3" ] || fail "line: $(climb status --line)"
    git -C "$T/remote.git" show main:ana/desk.json | grep -qF '"format": "climb-snapshot"' ||
        fail "desk's file is not a snapshot"
}

repeated_syncs_change_nothing() {
    two_machines
    # desk merges laptop's first file on its second sync, and writes a file with
    # laptop's events on its third; from then on nothing changes anywhere.
    for _ in 1 2 3; do climb sync >/dev/null && laptop sync >/dev/null || fail "sync"; done
    before=$(commits)
    events=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
    written=$(stat -c %y "$DB.sync/ana/desk.json") || fail "no file in the clone"
    for _ in 1 2; do
        climb sync >"$T/out" || fail "desk again"
        grep -qF "desk.json unchanged" "$T/out" || fail "desk wrote again: $(cat "$T/out")"
        grep -qF "merged: laptop (nothing new)" "$T/out" || fail "desk: $(cat "$T/out")"
        laptop sync >"$T/out" || fail "laptop again"
        grep -qF "merged: desk (nothing new)" "$T/out" || fail "laptop: $(cat "$T/out")"
    done
    [ "$(commits)" = "$before" ] || fail "commits grew from $before to $(commits)"
    [ "$(stat -c %y "$DB.sync/ana/desk.json")" = "$written" ] || fail "the same file was rewritten"
    [ "$(sqlite3 "$DB" 'SELECT count(*) FROM events')" = "$events" ] || fail "events grew"
    [ "$(view "$DB")" = "$(view "$T/b.db")" ] || fail "the machines differ"
}

unreachable_remote_leaves_the_database_untouched() {
    two_machines
    climb sync >/dev/null && laptop sync >/dev/null && climb sync >/dev/null || fail "sync"
    laptop tick p1-dev-feedback >/dev/null && laptop sync >/dev/null || fail "laptop change"
    sum=$(climb history | md5sum)
    mv "$T/remote.git" "$T/away.git"
    climb sync >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "an unreachable remote is an error"
    grep -qF "cannot fetch from $T/remote.git" "$T/err" || fail "message: $(cat "$T/err")"
    grep -qF "Nothing was changed" "$T/err" && grep -qF "run climb sync again" "$T/err" ||
        fail "no advice: $(cat "$T/err")"
    [ "$(climb history | md5sum)" = "$sum" ] || fail "the database changed"
    mv "$T/away.git" "$T/remote.git"
    climb sync >"$T/out" || fail "back online: $(cat "$T/out")"
    climb status | grep -qF "[x] p1-dev-feedback" || fail "not merged once back"
}

refused_push_leaves_the_database_untouched() {
    two_machines
    climb sync >/dev/null && laptop sync >/dev/null || fail "sync"
    climb tick p1-dev-feedback >/dev/null || fail "desk change"
    printf '#!/bin/sh\necho "disk full" >&2\nexit 1\n' >"$T/remote.git/hooks/pre-receive"
    chmod +x "$T/remote.git/hooks/pre-receive"
    events=$(sqlite3 "$DB" 'SELECT count(*) FROM events')
    climb sync >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "a refused push is an error"
    grep -qF "cannot push to $T/remote.git" "$T/err" || fail "message: $(cat "$T/err")"
    grep -qF "nothing was merged" "$T/err" || fail "no word on the merge: $(cat "$T/err")"
    [ "$(sqlite3 "$DB" 'SELECT count(*) FROM events')" = "$events" ] ||
        fail "laptop's snapshot was merged although the push failed"
    rm "$T/remote.git/hooks/pre-receive"
    climb sync >"$T/out" || fail "push allowed: $(cat "$T/out")"
    grep -qF "merged: laptop (2 new)" "$T/out" || fail "after: $(cat "$T/out")"
    laptop sync >/dev/null || fail "laptop sync"
    laptop status | grep -qF "[x] p1-dev-feedback" || fail "desk's tick did not arrive"
}

repository_changed_by_hand() {
    two_machines
    climb sync >/dev/null && laptop sync >/dev/null || fail "sync"
    git clone -q "$T/remote.git" "$T/hand" || fail "clone"
    echo "our climb snapshots" >"$T/hand/README.md"
    echo "{ broken" >"$T/hand/ana/laptop.json"
    sed -i 's/pipeline v1/pipeline v9/' "$T/hand/ana/desk.json"
    git -C "$T/hand" add -A && git -C "$T/hand" -c user.name=me -c user.email=me@x \
        commit -qm "by hand" && git -C "$T/hand" push -q origin main || fail "push by hand"
    sum=$(climb history | md5sum)
    climb sync >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "a broken file is reported with exit 1"
    grep -qF "laptop: " "$T/err" || fail "the broken file is not named: $(cat "$T/err")"
    grep -qF "Fix or remove that file" "$T/err" || fail "no advice: $(cat "$T/err")"
    grep -qF "desk.json written and pushed" "$T/out" || fail "desk's file not restored"
    [ "$(climb history | md5sum)" = "$sum" ] || fail "the database changed"
    git -C "$T/remote.git" show main:ana/desk.json | grep -qF "pipeline v1" ||
        fail "the hand edit of desk's file stayed"
    git -C "$T/remote.git" show main:README.md >/dev/null 2>&1 || fail "README was dropped"
    laptop sync >/dev/null 2>&1 || fail "laptop sync"
    climb sync >"$T/out" 2>"$T/err" || fail "after laptop rewrote its file: $(cat "$T/err")"
    [ "$(view "$DB")" = "$(view "$T/b.db")" ] || fail "the machines differ"
}

setup_errors_say_what_to_do() {
    climb sync >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "sync before init is an error"
    grep -qF "sync is not set up for this database: climb sync init DIR|URL" "$T/err" ||
        fail "message: $(cat "$T/err")"
    mkdir "$T/stuff" && echo x >"$T/stuff/file"
    climb sync init "$T/stuff" >/dev/null 2>"$T/err" && fail "a busy directory was taken"
    grep -qF "neither empty nor a git repository" "$T/err" || fail "message: $(cat "$T/err")"
    climb sync init "$T/r.git" --machine "a/b" >/dev/null 2>"$T/err"
    [ $? -eq 2 ] || fail "a bad machine name is a usage error"
    # no shell: a path with shell syntax is only a path
    weird="$T/my remote \$(touch $T/pwned);"
    climb sync init "$weird" --machine desk >/dev/null || fail "init with a strange path"
    climb sync >/dev/null || fail "sync with a strange path"
    [ ! -e "$T/pwned" ] || fail "a shell ran the path"
    git -C "$weird" rev-parse -q --verify main >/dev/null || fail "nothing pushed"
}

run_test both_directions
run_test repeated_syncs_change_nothing
run_test unreachable_remote_leaves_the_database_untouched
run_test refused_push_leaves_the_database_untouched
run_test repository_changed_by_hand
run_test setup_errors_say_what_to_do
