#!/bin/sh
# test_import_rules.sh - import and the command line's rules (issue 11), through the
# real binary and snapshots edited from `climb export`: a "nothing new" import leaves
# the database byte for byte as it was.
. "$(dirname "$0")/lib.sh"

# A profile with something in every kind of record, exported to $T/base.json; each
# refused import below goes back into $DB, which holds the same events.
rich_profile() {
    climb tick p1-dev-feedback --note "shipped it" --date 2026-03-01 >/dev/null || fail "tick"
    climb set p1-solo-incident n/a --reason "no on-call here" >/dev/null || fail "set n/a"
    climb evidence add p1-dev-feedback "Review with the web team" --link https://x.test/1 \
        --link PR-12 --date 2026-02-02 >/dev/null || fail "evidence add"
    climb quiz --answers no,once,regularly,no,no >/dev/null || fail "quiz"
    climb roadblock rb-firefighting on >/dev/null || fail "roadblock"
    climb target senior 2027-01-01 >/dev/null || fail "target"
    climb name "Ana B" >/dev/null || fail "name"
    # an undo, from the TUI (the command line has none)
    printf '1<Space>uq' >"$T/keys"
    climb --keys "$T/keys" >/dev/null 2>&1 || fail "headless TUI with an undo"
    climb export -o "$T/base.json" >/dev/null || fail "export"
    grep -q '"kind":"undo"' "$T/base.json" || fail "no undo event in the export"
}

# snapshot_with PY: $T/bad.json is $T/base.json changed by the Python statements PY
# (s: the snapshot; crit(ID): a criterion; ev(KIND, **fields): the first such event).
snapshot_with() {
    python3 - "$T/base.json" "$T/bad.json" "$1" <<'PY' || fail "python: $1"
import json, sys
s = json.load(open(sys.argv[1]))
def crit(i):
    return next(c for p in s["phases"] for c in p["criteria"] if c["id"] == i)
def ev(kind, **kw):
    return next(e for e in s["events"] if e["kind"] == kind
                and all(e.get(k) == v for k, v in kw.items()))
def detail(e, **kw):
    d = json.loads(e["detail"]); d.update(kw); e["detail"] = json.dumps(d)
exec(sys.argv[3])
json.dump(s, open(sys.argv[2], "w"))
PY
}

# refused PY PATH WORDS: the changed snapshot is refused with exit 2, the message names
# the JSON path PATH and says WORDS (extended regular expressions), and the database
# is left byte for byte as it was.
refused() {
    snapshot_with "$1"
    before=$(cksum <"$DB")
    expect_exit 2 "$2" -- climb import "$T/bad.json"
    grep -qE -- "$3" "$T/expect.out" || fail "($1) does not say /$3/: $(cat "$T/expect.out")"
    [ "$(cksum <"$DB")" = "$before" ] || fail "($1): the database changed"
}

# accepted PY: the changed snapshot imports (into a fresh database).
accepted() {
    snapshot_with "$1"
    rm -f "$T/fresh.db"
    "$CLIMB_BIN" --db "$T/fresh.db" --user ana import "$T/bad.json" >"$T/out" 2>&1 ||
        fail "($1) refused: $(cat "$T/out")"
}

# A snapshot whose events are all known changes nothing, not even the profile's
# creation time when the snapshot's is older.
test_nothing_new_changes_nothing() {
    rich_profile
    snapshot_with "s['profile']['created_at'] = '2025-01-01T00:00:00Z'"
    climb status >/dev/null || fail "status"
    before=$(cksum <"$DB")
    climb import "$T/bad.json" >"$T/out" || fail "import: $(cat "$T/out")"
    grep -q "nothing new" "$T/out" || fail "import said: $(cat "$T/out")"
    [ "$(cksum <"$DB")" = "$before" ] || fail "a nothing-new import changed the database"
    climb export -o "$T/after.json" >/dev/null || fail "export"
    grep -q '"created_at":"2026-03-14T09:30:00Z"' "$T/after.json" ||
        fail "created_at moved: $(grep -o '"created_at":"[^"]*"' "$T/after.json" | head -1)"
    # with something new, an older creation time does come along
    snapshot_with "s['profile']['created_at'] = '2025-01-01T00:00:00Z'
s['events'].append(dict(ev('note'), uuid='00000000-0000-4000-8000-000000000001', value='more'))"
    climb import "$T/bad.json" >"$T/out" || fail "import: $(cat "$T/out")"
    grep -q "imported 1 new event" "$T/out" || fail "import said: $(cat "$T/out")"
    climb export -o "$T/after.json" --force >/dev/null || fail "export"
    grep -q '"created_at":"2025-01-01T00:00:00Z"' "$T/after.json" || fail "created_at kept"
}

run_test test_nothing_new_changes_nothing
