#!/bin/sh
# test_sync.sh - `climb sync` through a local bare repository with two databases
# standing for two machines (desk: $DB, laptop: $T/b.db): both directions, a
# second machine that already had a profile of the same name, repeated syncs
# changing nothing, an unreachable remote and a refused push leaving the database
# untouched, a repository changed by hand, each refusal of init and of a broken
# clone with its message, and profile names that are not safe directory names.
# Real git, real files.
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
    sum=$(climb history --all | md5sum)
    mv "$T/remote.git" "$T/away.git"
    climb sync >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "an unreachable remote is an error"
    grep -qF "cannot fetch from $T/remote.git" "$T/err" || fail "message: $(cat "$T/err")"
    grep -qF "Nothing was changed" "$T/err" && grep -qF "run climb sync again" "$T/err" ||
        fail "no advice: $(cat "$T/err")"
    [ "$(climb history --all | md5sum)" = "$sum" ] || fail "the database changed"
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
    sum=$(climb history --all | md5sum)
    climb sync >"$T/out" 2>"$T/err"
    [ $? -eq 1 ] || fail "a broken file is reported with exit 1"
    grep -qF "laptop: " "$T/err" || fail "the broken file is not named: $(cat "$T/err")"
    grep -qF "Fix or remove that file" "$T/err" || fail "no advice: $(cat "$T/err")"
    grep -qF "desk.json written and pushed" "$T/out" || fail "desk's file not restored"
    [ "$(climb history --all | md5sum)" = "$sum" ] || fail "the database changed"
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

# Every way `climb sync init` and `climb sync` can be refused by what is on disk
# or in the clone, each with its exit code and the message a person acts on.
init_refusals_name_the_problem() {
    expect_exit 2 "usage" -- climb sync init
    expect_exit 2 "usage" -- climb sync init "$T/a.git" "$T/b.git"
    expect_exit 2 "usage" -- climb sync now
    echo x >"$T/afile"
    expect_exit 1 "sync not set up: $T/afile is a file, not a directory for the sync repository" \
        -- climb sync init "$T/afile" --machine desk
    expect_exit 1 "sync not set up: cannot make a git repository at $T/afile/sub: " \
        -- climb sync init "$T/afile/sub" --machine desk
    expect_exit 1 "sync not set up: cannot clone file://$T/none.git: " \
        -- climb sync init "file://$T/none.git" --machine desk
    # host:path is a URL for ssh, not a local directory named "nohost:repo"
    expect_exit 1 "sync not set up: cannot clone nohost:repo/x.git: " \
        -- env GIT_SSH_COMMAND=false "$CLIMB_BIN" --db "$DB" --user ana \
        sync init "nohost:repo/x.git" --machine desk
    [ ! -e "nohost:repo" ] && [ ! -e "$DB.sync" ] || fail "a failed clone left files behind"
    # without git on PATH the message says to install it
    expect_exit 1 "cannot run git: .*\(install git\)" \
        -- env PATH=/nonexistent "$CLIMB_BIN" --db "$DB" --user ana \
        sync init "$T/r.git" --machine desk
    # without --machine the host name stands in, made safe as a machine name
    climb sync init "$T/r.git" >"$T/out" || fail "init without --machine: $(cat "$T/out")"
    grep -qE "as machine '[A-Za-z0-9_-][A-Za-z0-9._-]*'" "$T/out" || fail "init said: $(cat "$T/out")"
    # init again elsewhere points the same clone at the new remote
    climb sync init "$T/s.git" --machine desk >"$T/out" || fail "re-init: $(cat "$T/out")"
    grep -qF "follows $T/s.git as machine 'desk'" "$T/out" || fail "re-init said: $(cat "$T/out")"
    [ "$(git -C "$DB.sync" config --get remote.origin.url)" = "$T/s.git" ] || fail "remote not moved"
    climb sync >/dev/null || fail "sync after re-init"
    git -C "$T/s.git" show main:ana/desk.json >/dev/null 2>&1 || fail "nothing pushed to s.git"
    git -C "$T/r.git" rev-parse -q --verify main >/dev/null && fail "r.git was pushed to"
    return 0
}

clone_refusals_name_the_problem() {
    climb sync init "$T/r.git" --machine desk >/dev/null || fail "init"
    git -C "$DB.sync" config --unset climb.machine || fail "unset"
    expect_exit 1 "sync failed: $DB.sync has no machine name: climb sync init $T/r.git" -- climb sync
    git -C "$DB.sync" config climb.machine ".bad" || fail "set"
    expect_exit 1 "has no machine name" -- climb sync
    rm -rf "$DB.sync" && git init -q "$DB.sync" || fail "git init"
    expect_exit 1 "sync failed: $DB.sync is not a sync clone \(no remote\): climb sync init DIR\|URL" \
        -- climb sync
    rm -rf "$DB.sync"
    climb sync init "$T/r.git" --machine desk >/dev/null || fail "init again"
    # a commit hook that refuses: nothing is pushed, and the message says where
    printf '#!/bin/sh\necho "hook says no" >&2\nexit 1\n' >"$DB.sync/.git/hooks/pre-commit"
    chmod +x "$DB.sync/.git/hooks/pre-commit"
    expect_exit 1 "sync failed: cannot commit in $DB.sync: hook says no" -- climb sync
    git -C "$T/r.git" rev-parse -q --verify main >/dev/null && fail "something was pushed"
    rm "$DB.sync/.git/hooks/pre-commit"
    # a remote whose .gitignore hides the profile's directory
    git clone -q "$T/r.git" "$T/hand" 2>/dev/null || fail "clone"
    echo "ana/" >"$T/hand/.gitignore"
    git -C "$T/hand" add .gitignore && git -C "$T/hand" -c user.name=me -c user.email=me@x \
        commit -qm ignore && git -C "$T/hand" push -q origin HEAD:main || fail "push by hand"
    expect_exit 1 "sync failed: cannot add ana/desk.json: " -- climb sync
    return 0
}

# A profile name that is not a safe directory name still gets a directory of its
# own in the repository: '/' and a leading '.' become '-'.
odd_profile_names_get_safe_directories() {
    "$CLIMB_BIN" --db "$DB" --user "team/ana" tick p1-own-pipeline >/dev/null || fail "tick"
    "$CLIMB_BIN" --db "$DB" --user ".dot" --create tick p1-solo-incident >/dev/null || fail "tick"
    "$CLIMB_BIN" --db "$DB" --user "team/ana" sync init "$T/r.git" --machine desk >/dev/null ||
        fail "init"
    "$CLIMB_BIN" --db "$DB" --user "team/ana" sync >"$T/out" || fail "sync: $(cat "$T/out")"
    grep -qF "team-ana/desk.json written and pushed" "$T/out" || fail "said: $(cat "$T/out")"
    "$CLIMB_BIN" --db "$DB" --user ".dot" sync >"$T/out" || fail "sync: $(cat "$T/out")"
    grep -qF -- "-dot/desk.json written and pushed" "$T/out" || fail "said: $(cat "$T/out")"
    git -C "$T/r.git" ls-tree -r --name-only main >"$T/files"
    printf '%s\n' -dot/desk.json team-ana/desk.json | cmp -s - "$T/files" ||
        fail "files: $(cat "$T/files")"
}

# The host name stands in for --machine made safe: characters a machine name does
# not take become '-', and so does a leading '.'. Needs a UTS namespace of its own
# (root and unshare); elsewhere there is nothing to check.
odd_host_name_made_safe() {
    unshare -u true 2>/dev/null || return 0
    unshare -u sh -c 'python3 -c "import socket; socket.sethostname(\".my host!\")" &&
        exec "$0" --db "$1" --user ana sync init "$2"' "$CLIMB_BIN" "$DB" "$T/r.git" \
        >"$T/out" 2>&1 || fail "init: $(cat "$T/out")"
    grep -qF "as machine '-my-host-'" "$T/out" || fail "init said: $(cat "$T/out")"
    unshare -u sh -c 'python3 -c "import socket; socket.sethostname(\"\")" &&
        exec "$0" --db "$1" --user ana sync init "$2"' "$CLIMB_BIN" "$DB" "$T/r.git" \
        >"$T/out" 2>&1 || fail "init: $(cat "$T/out")"
    grep -qF "as machine 'machine'" "$T/out" || fail "init said: $(cat "$T/out")"
}

run_test both_directions
run_test repeated_syncs_change_nothing
run_test unreachable_remote_leaves_the_database_untouched
run_test refused_push_leaves_the_database_untouched
run_test repository_changed_by_hand
run_test setup_errors_say_what_to_do
run_test init_refusals_name_the_problem
run_test clone_refusals_name_the_problem
run_test odd_profile_names_get_safe_directories
run_test odd_host_name_made_safe
