#!/bin/sh
# test_concurrency.sh - several climb processes on one database file at once, as
# a user with two terminals (or a script) would run them: a tick/untick loop, a
# note loop and a status loop on the same criterion, then the history must tell
# exactly what each acknowledged command did; and commands that wait for another
# connection's lock (the write lock, or the whole file) instead of failing with
# "database is locked".
# CONC_N sets the iterations of each writer loop (default 200: 500 takes about a
# minute on a busy two-core machine).
. "$(dirname "$0")/lib.sh"

CONC_N=${CONC_N:-200}
ID=p1-own-pipeline

prepare() {
    climb status >/dev/null || fail "status failed"
}

# logged NAME CMD...: runs one climb command and appends "rc<TAB>output" (stdout
# and stderr joined on one line) to $T/NAME.log, with shell builtins only.
logged() {
    log=$T/$1.log
    shift
    climb "$@" >"$log.one" 2>&1
    rc=$?
    joined=
    while IFS= read -r line || [ -n "$line" ]; do joined="$joined$line "; done <"$log.one"
    printf '%s\t%s\n' "$rc" "$joined" >>"$log"
}

tick_loop() {
    i=1
    while [ "$i" -le "$CONC_N" ]; do
        if [ $((i % 2)) -eq 1 ]; then logged ticks tick "$ID"; else logged ticks untick "$ID"; fi
        i=$((i + 1))
    done
}

note_loop() {
    i=1
    while [ "$i" -le "$CONC_N" ]; do
        logged notes note "$ID" "text $i"
        i=$((i + 1))
    done
}

# Reads until both writers have finished (the file $T/stop appears); logs each
# read's exit code and stderr, and "no output" when it printed nothing.
status_loop() {
    while [ ! -e "$T/stop" ]; do
        climb status --json >"$T/read.json" 2>"$T/read.err"
        rc=$?
        err=
        [ -s "$T/read.json" ] || err="no output "
        while IFS= read -r line || [ -n "$line" ]; do err="$err$line "; done <"$T/read.err"
        printf '%s\t%s\n' "$rc" "$err" >>"$T/reads.log"
    done
}

tick_note_status_loops() {
    prepare
    : >"$T/ticks.log"
    : >"$T/notes.log"
    : >"$T/reads.log"
    status_loop &
    reader=$!
    tick_loop &
    ticker=$!
    note_loop &
    noter=$!
    wait "$ticker"
    wait "$noter"
    : >"$T/stop"
    wait "$reader"
    climb history --json >"$T/h.json" || fail "history --json"
    climb status --json >"$T/s.json" || fail "status --json"
    python3 - "$T" "$ID" "$CONC_N" <<'PY' || fail "the history does not match what the commands acknowledged"
import json, sys
t, cid, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def log(name):
    rows = []
    for line in open(f"{t}/{name}.log", encoding="utf-8"):
        rc, _, out = line.rstrip("\n").partition("\t")
        rows.append((int(rc), out.strip()))
    return rows
ticks, notes, reads = log("ticks"), log("notes"), log("reads")
problems = []
for name, rows in (("tick/untick", ticks), ("note", notes), ("status", reads)):
    bad = [r for r in rows if r[0] != 0 or "locked" in r[1] or "busy" in r[1]
           or (name == "status" and r[1])]
    if bad:
        problems.append(f"{len(bad)} of {len(rows)} {name} commands failed, first: exit {bad[0][0]}: {bad[0][1][:160]}")
assert len(ticks) == n and len(notes) == n, (len(ticks), len(notes))
assert len(reads) > 0, "the reader never ran"
# what each tick/untick said it did, in the order the loop ran them
acked = []
for k, (rc, out) in enumerate(ticks):
    want = "tick" if k % 2 == 0 else "untick"
    if rc != 0:
        continue
    if want == "tick" and out.startswith(f"{cid}: done ("):
        acked.append("done")
    elif want == "untick" and out == f"{cid}: todo":
        acked.append("todo")
    elif out.startswith(f"{cid}: already "):
        pass  # acknowledged as no change
    else:
        problems.append(f"{want} #{k + 1} said: {out[:160]}")
# nobody else changes the state, so every tick and every untick changes it
nothing = sum(1 for rc, out in ticks if rc == 0 and out.startswith(f"{cid}: already "))
if nothing:
    first = next(k for k, (rc, out) in enumerate(ticks) if rc == 0 and out.startswith(f"{cid}: already "))
    problems.append(f"{nothing} ticks/unticks found the state already changed (first #{first + 1}: {ticks[first][1]})")
saved = []
for k, (rc, out) in enumerate(notes):
    if rc == 0 and out == f"{cid}: note saved":
        saved.append(f"text {k + 1}")
    elif rc == 0:
        problems.append(f"note #{k + 1} said: {out[:160]}")
history = json.load(open(f"{t}/h.json"))
events = [e for e in reversed(history) if e["item"] == cid]  # oldest first (insertion order)
states = [e for e in events if e["kind"] == "state"]
values = [e["value"] for e in states]
if len(states) != len(acked):
    problems.append(f"{len(states)} state events for {len(acked)} acknowledged ticks + unticks")
for k, e in enumerate(states):
    want = "done" if k % 2 == 0 else "todo"
    if e["value"] != want or e["previous"] != ("todo" if want == "done" else "done"):
        problems.append(f"state event #{k + 1} is {e['previous']} -> {e['value']}, expected the "
                        f"{'tick' if want == 'done' else 'untick'} of a strict alternation "
                        f"(values around it: {values[max(0, k - 3):k + 3]})")
        break
note_values = [e["value"] for e in events if e["kind"] == "note"]
missing = [s for s in saved if s not in note_values]
if missing:
    problems.append(f"{len(missing)} acknowledged notes have no note event, first: {missing[0]!r}")
status = json.load(open(f"{t}/s.json"))
c = next(c for p in status["phases"] for c in p["criteria"] if c["id"] == cid)
if acked and c["state"] != acked[-1]:
    problems.append(f"final state {c['state']}, the last acknowledged change made it {acked[-1]}")
if saved and c["note"] != saved[-1]:
    problems.append(f"final note {c['note']!r}, the last acknowledged note was {saved[-1]!r}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
PY
}

# hold_lock MODE SECONDS: another connection takes a lock on the database and
# keeps it SECONDS; returns once the lock is held, with the holder's pid in
# $holder. MODE write: the write lock (BEGIN IMMEDIATE), readers go on. MODE
# exclusive: the whole file (locking_mode=EXCLUSIVE), as while a checkpoint or
# another program holds it; even reading has to wait.
hold_lock() {
    rm -f "$T/held"
    python3 - "$DB" "$T/held" "$1" "$2" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[3] == "exclusive":
    db.execute("PRAGMA locking_mode=EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
    db.execute("SELECT count(*) FROM events").fetchall()
else:
    db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[4]))
db.execute("COMMIT")
db.close()
PY
    holder=$!
    n=0
    while [ ! -e "$T/held" ]; do
        n=$((n + 1))
        [ "$n" -gt 200 ] && fail "the lock holder never took the lock"
        sleep 0.05
    done
    # the lock really is held: a connection that does not wait is refused
    if [ "$1" = exclusive ]; then
        sqlite3 "$DB" 'SELECT count(*) FROM events;' >/dev/null 2>&1 &&
            fail "the lock holder does not hold the file"
    else
        sqlite3 "$DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 &&
            fail "the lock holder does not hold the write lock"
    fi
    true
}

ms_now() {
    date +%s%3N
}

# under_lock MODE ARGS...: runs climb ARGS while another connection holds a MODE
# lock for 1 s; it must wait and succeed. Leaves stdout in $T/out, the time taken
# in $took (ms).
under_lock() {
    mode=$1
    shift
    hold_lock "$mode" 1
    start=$(ms_now)
    climb "$@" >"$T/out" 2>"$T/err"
    rc=$?
    took=$(($(ms_now) - start))
    wait "$holder" || fail "the lock holder failed"
    [ "$rc" -eq 0 ] || fail "$1 under a held $mode lock: exit $rc after ${took} ms: $(cat "$T/err")"
    grep -qi "locked\|busy" "$T/err" "$T/out" && fail "$1 printed: $(cat "$T/err" "$T/out")"
    [ -s "$T/err" ] && fail "$1 wrote to stderr: $(cat "$T/err")"
    true
}

waits_for_a_held_lock() {
    # the database and its schema exist (bob's profile); ana's profile does not
    "$CLIMB_BIN" --db "$DB" --user bob status >/dev/null || fail "bob's status"
    under_lock write --create status
    climb status --json | grep -q '"name": "ana"' || fail "ana's profile was not created"
    under_lock write tick "$ID"
    grep -qx "$ID: done (2026-03-14)" "$T/out" || fail "tick said: $(cat "$T/out")"
    # it waited for the lock rather than writing around it
    [ "$took" -ge 500 ] || fail "tick returned after ${took} ms while the lock was held for 1 s"
    climb status --json | grep -q '"state": "done"' || fail "the tick is not in the database"
}

# Even opening the file has to wait while another connection holds all of it.
waits_for_an_exclusive_lock() {
    prepare
    under_lock exclusive status
    under_lock exclusive tick "$ID"
    grep -qx "$ID: done (2026-03-14)" "$T/out" || fail "tick said: $(cat "$T/out")"
    [ "$took" -ge 500 ] || fail "tick returned after ${took} ms while the file was held for 1 s"
    under_lock exclusive untick "$ID"
    grep -qx "$ID: todo" "$T/out" || fail "untick said: $(cat "$T/out")"
    [ "$(climb history --json --kind state | grep -c '"kind":"state"')" = 2 ] ||
        fail "state events: $(climb history --json --kind state)"
}

run_test tick_note_status_loops
run_test waits_for_a_held_lock
run_test waits_for_an_exclusive_lock
