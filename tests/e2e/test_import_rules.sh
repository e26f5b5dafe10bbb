#!/bin/sh
# test_import_rules.sh - import applies exactly the command line's rules (issue 11),
# through the real binary and snapshots edited from `climb export`: times before 1970
# or more than a day ahead refused at every entry (CLIMB_NOW, --date, every time of a
# snapshot), exported times in full form and every export importing back, canonical
# UUIDs, undo events only for events of the same snapshot, evidence entries and quiz
# placements checked by the shared rules, every wrong shape named by its JSON path,
# and a "nothing new" import that leaves the database byte for byte as it was.
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

PAST='1969-12-31T23:59:59Z'
AHEAD='2026-03-15T09:30:01Z' # CLIMB_NOW plus a day and a second

test_import_times_in_range() {
    rich_profile
    for t in "$PAST" "$AHEAD"; do
        refused "ev('state')['at'] = '$t'" 'events\[[0-9]+\]\.at' "$t"
        refused "s['profile']['created_at'] = '$t'" 'profile\.created_at' "$t"
        refused "s['quiz_attempts'][0]['taken_at'] = '$t'" 'quiz_attempts\[0\]\.taken_at' "$t"
        refused "crit('p1-dev-feedback')['done_at'] = '$t'" 'criteria\[[0-9]+\]\.done_at' "$t"
        refused "crit('p1-dev-feedback')['note_at'] = '$t'" 'criteria\[[0-9]+\]\.note_at' "$t"
        refused "crit('p1-dev-feedback')['evidence'][0]['date'] = '$t'" \
            'criteria\[[0-9]+\]\.evidence\[0\]\.date' "$t"
        refused "crit('p1-dev-feedback')['evidence'][0]['recorded_at'] = '$t'" \
            'criteria\[[0-9]+\]\.evidence\[0\]\.recorded_at' "$t"
        refused "s['roadblocks'][0]['flagged_at'] = '$t'" 'roadblocks\[0\]\.flagged_at' "$t"
    done
    refused "ev('state')['at'] = '$PAST'" 'events' 'before 1970'
    refused "ev('state')['at'] = '$AHEAD'" 'events' 'more than a day after now'
    # the date of an evidence entry, inside the event's detail (seconds since 1970)
    refused "detail(ev('evidence'), happened=-1)" 'events\[[0-9]+\]\.detail\.happened' \
        '-1 is before 1970'
    refused "detail(ev('evidence'), happened=1773567001)" \
        'events\[[0-9]+\]\.detail\.happened' '1773567001 \(2026-03-15T09:30:01Z\) is more than a day'
    refused "detail(ev('evidence'), happened='2026-01-01')" \
        'events\[[0-9]+\]\.detail\.happened' 'seconds since 1970'
    # a clock a little ahead is fine: up to a day
    accepted "ev('state')['at'] = '2026-03-15T09:30:00Z'"
    accepted "detail(ev('evidence'), happened=1773567000)"
}

test_cli_dates_in_range() {
    expect_exit 2 "1969-12-31.*before 1970" -- climb tick p1-dev-feedback --date 1969-12-31
    expect_exit 2 "1960-01-01.*before 1970" -- climb note p1-dev-feedback "x" --date 1960-01-01
    expect_exit 2 "1969-01-01.*before 1970" -- \
        climb evidence add p1-dev-feedback "x" --date 1969-01-01
    expect_exit 2 "2026-03-15.*in the future" -- climb tick p1-dev-feedback --date 2026-03-15
    CLIMB_NOW=1969-07-20T20:17:00Z expect_exit 2 "CLIMB_NOW 1969-07-20T20:17:00Z is before 1970" \
        -- climb status
    [ -e "$DB" ] && fail "a refused CLIMB_NOW created the database"
    # the boundaries themselves are taken
    climb tick p1-dev-feedback --date 1970-01-01 >/dev/null || fail "1970-01-01 refused"
    CLIMB_NOW=1970-01-01T00:00:00Z climb status >/dev/null || fail "CLIMB_NOW at 1970 refused"
}

# Every time of an export has the full form, and the export imports back into a fresh
# database to an export that says the same.
test_export_round_trip() {
    rich_profile
    CLIMB_NOW=1970-01-02T03:04:05Z climb tick p2-reduce-oncall >/dev/null || fail "tick in 1970"
    climb export -o "$T/a.json" >/dev/null || fail "export"
    python3 - "$T/a.json" <<'PY' || fail "time form"
import json, re, sys
full = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
keys = {"at", "created_at", "taken_at", "done_at", "note_at", "date", "recorded_at",
        "flagged_at", "exported_at"}
seen = set()
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            if k in keys and x is not None:
                assert full.match(x), (k, x)
                seen.add(x)
            walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
walk(json.load(open(sys.argv[1])))
assert "1970-01-02T03:04:05Z" in seen, seen
PY
    "$CLIMB_BIN" --db "$T/b.db" --user ana import "$T/a.json" >"$T/out" || fail "import back"
    "$CLIMB_BIN" --db "$T/b.db" --user ana export -o "$T/b.json" >/dev/null || fail "export b"
    python3 - "$T/a.json" "$T/b.json" <<'PY' || fail "the round trip changed the snapshot"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    del d["exported_at"]
assert a == b, [k for k in a if a[k] != b[k]]
PY
}

test_import_uuids_canonical() {
    rich_profile
    refused "e = ev('state'); e['uuid'] = e['uuid'].upper()" 'events\[[0-9]+\]\.uuid' \
        'lower-case'
    refused "ev('note')['uuid'] = 'not-a-uuid'" 'events\[[0-9]+\]\.uuid' "'not-a-uuid' is not a UUID"
    refused "ev('note')['uuid'] = '0123456789abcdef0123456789abcdef0123'" \
        'events\[[0-9]+\]\.uuid' 'is not a UUID'
    refused "q = s['quiz_attempts'][0]; q['event_uuid'] = q['event_uuid'].upper()" \
        'quiz_attempts\[0\]\.event_uuid' 'lower-case'
    refused "e = ev('evidence'); e['item'] = e['item'].upper()" 'events\[[0-9]+\]\.item' \
        'lower-case'
    refused "c = crit('p1-dev-feedback')['evidence'][0]; c['id'] = c['id'].upper()" \
        'evidence\[0\]\.id' 'lower-case'
}

test_import_undo_only_of_its_own_events() {
    rich_profile
    # an undo naming an event this database has but the snapshot does not: refused,
    # and the local tick stays
    climb tick p2-reduce-oncall >/dev/null || fail "local tick"
    local_tick=$(climb history --json | python3 -c '
import json, sys
print(next(e["uuid"] for e in json.load(sys.stdin)
           if e["kind"] == "state" and e["item"] == "p2-reduce-oncall"))')
    [ -n "$local_tick" ] || fail "no uuid of the local tick"
    refused "e = ev('undo'); e['item'] = '$local_tick'; e['detail'] = 'p2-reduce-oncall'" \
        'events\[[0-9]+\]\.item' "$local_tick, which is not in the snapshot"
    [ "$(crit_state p2-reduce-oncall)" = done ] || fail "the local tick was reverted"
    refused "ev('undo')['item'] = None" 'events\[[0-9]+\]\.item' 'needs the UUID'
    refused "ev('undo')['value'] = 'note'" 'events\[[0-9]+\]\.value' "is a 'state' event"
    refused "ev('undo')['detail'] = 'p2-reduce-oncall'" 'events\[[0-9]+\]\.detail' \
        "about 'p1-own-pipeline'"
    refused "ev('undo')['previous'] = '00000000-0000-4000-8000-000000000000'" \
        'events\[[0-9]+\]\.previous' 'reverse event .* is not in the snapshot'
    # the undo as exported imports, and takes back its tick there too
    "$CLIMB_BIN" --db "$T/b.db" --user ana import "$T/base.json" >/dev/null || fail "import"
    DB=$T/b.db
    [ "$(crit_state p1-own-pipeline)" = todo ] || fail "the imported undo did not count"
}

test_import_quiz_matches_answers() {
    rich_profile
    q="s['quiz_attempts'][0]"
    refused "$q['yes'] = 3" 'quiz_attempts\[0\]\.yes' 'is 3, but the answers give 2'
    refused "$q['regularly'] = 0" 'quiz_attempts\[0\]\.regularly' 'is 0, but the answers give 1'
    refused "$q['placement']['phase'] = 4" 'quiz_attempts\[0\]\.placement\.phase' \
        'is 4, but the answers give 2'
    refused "$q['placement']['on_edge_of'] = 3" 'quiz_attempts\[0\]\.placement\.on_edge_of' \
        'is 3, but the answers give 0'
    refused "$q['answers'] = ['regularly'] * 5" 'quiz_attempts\[0\]\.yes' \
        'is 2, but the answers give 5'
    refused "$q['answers'].append('no')" 'quiz_attempts\[0\]\.answers' \
        'has 6 answers; the quiz .* has 5 questions'
}

test_import_evidence_entries_checked() {
    rich_profile
    refused "detail(ev('evidence'), criterion='p9-nothing')" \
        'events\[[0-9]+\]\.detail\.criterion' "unknown criterion id 'p9-nothing'"
    refused "detail(ev('evidence'), links=['https://x.test/a b'])" \
        'events\[[0-9]+\]\.detail\.links' 'link 1 has white space'
    refused "detail(ev('evidence'), links=['x'] * 21)" 'events\[[0-9]+\]\.detail\.links' \
        'at most 20 links'
    refused "detail(ev('evidence'), links=[7])" 'events\[[0-9]+\]\.detail\.links\[0\]' \
        'expected a string'
    refused "ev('evidence')['detail'] = 'not json'" 'events\[[0-9]+\]\.detail' \
        'expected the entry as a JSON object'
    refused "ev('evidence')['value'] = ''" 'events\[[0-9]+\]\.value' 'needs some text'
    refused "ev('evidence')['value'] = 'x' * (64 * 1024 + 1)" 'events\[[0-9]+\]\.value' \
        'longer than'
    refused "crit('p1-dev-feedback')['evidence'][0]['links'] = ['a b']" \
        'criteria\[[0-9]+\]\.evidence\[0\]\.links' 'white space'
    refused "crit('p1-dev-feedback')['evidence'][0]['text'] = ''" \
        'criteria\[[0-9]+\]\.evidence\[0\]\.text' 'needs some text'
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

# Every shape a hand-edited snapshot can get wrong is refused with the JSON path
# and what is wrong there, and the database is left as it was.
test_import_shapes_checked() {
    rich_profile
    refused "del s['profile']" '^climb: import refused, nothing was written: .*/bad.json: profile: missing$' ''
    refused "s['profile']['name'] = ''" 'profile\.name: empty' ''
    refused "s['profile']['name'] = True" 'profile\.name' 'found true/false'
    refused "del s['ladder']" 'ladder: missing' ''
    refused "s['phases'] = {}" 'phases: expected a list, found an object' ''
    refused "s['phases'][0]['id'] = 'p9'" 'phases\[0\]\.id' "unknown phase id 'p9'"
    refused "s['quiz_attempts'] = None" 'quiz_attempts' 'found null'
    refused "s['quiz_attempts'][0]['yes'] = 1001" 'quiz_attempts\[0\]\.yes' \
        '1001 is out of range \(0 to 1000\)'
    refused "s['quiz_attempts'][0]['answers'] = ['no'] * 41" 'quiz_attempts\[0\]\.answers' \
        'more than [0-9]+ answers'
    refused "s['quiz_attempts'][0]['answers'][0] = 3" 'quiz_attempts\[0\]\.answers\[0\]' \
        'expected a string, found a number'
    refused "s['quiz_attempts'][0]['answers'][0] = 'often'" 'quiz_attempts\[0\]\.answers\[0\]' \
        "unknown answer 'often' \(no, once or regularly\)"
    refused "del s['quiz_attempts'][0]['placement']" 'quiz_attempts\[0\]\.placement: missing' ''
    refused "ev('quiz')['uuid'] = '00000000-0000-4000-8000-0000000000aa'" \
        'quiz_attempts\[0\]\.event_uuid' "no 'quiz' event with UUID"
    refused "del ev('evidence')['item']" 'events\[[0-9]+\]\.item' \
        "an evidence event needs the entry's UUID"
    refused "detail(ev('evidence'), criterion=None)" 'events\[[0-9]+\]\.detail\.criterion' \
        'expected a criterion id'
    refused "del ev('state')['item']" 'events\[[0-9]+\]\.item' \
        'a state event needs the criterion id'
    refused "ev('state')['value'] = 'finished'" 'events\[[0-9]+\]\.value' \
        "unknown state 'finished' \(todo, doing, done or n/a\)"
    refused "ev('roadblock')['item'] = 'rb-none'" 'events\[[0-9]+\]\.item' \
        "unknown roadblock id 'rb-none'"
    refused "ev('roadblock')['value'] = 'maybe'" 'events\[[0-9]+\]\.value' \
        'a roadblock event is "on" or "off"'
    refused "s['events'].append(dict(ev('note'), uuid='00000000-0000-4000-8000-0000000000bb',
        kind='setting', item='stale_months', value='twelve'))" 'events\[[0-9]+\]\.value' \
        'the setting stale_months needs a whole number'
    refused "s['events'].append(dict(ev('note'), uuid='00000000-0000-4000-8000-0000000000cc',
        kind='setting', item='stale_months', value='0'))" 'events\[[0-9]+\]\.value' 'stale'
    refused "ev('note')['kind'] = ''" 'events\[[0-9]+\]\.kind: empty' ''
    refused "ev('note')['kind'] = 'Note!'" 'events\[[0-9]+\]\.kind' "'Note!' is not an event kind"
    refused "ev('undo')['previous'] = 'nope'" 'events\[[0-9]+\]\.previous' "'nope' is not a UUID"
    refused "ev('undo')['value'] = 'note'" 'events\[[0-9]+\]\.value' \
        "the undone event .* is a 'state' event, not 'note'"
    refused "ev('undo')['detail'] = 'p2-reduce-oncall'" 'events\[[0-9]+\]\.detail' \
        "the undone event .* is about 'p1-own-pipeline', not 'p2-reduce-oncall'"
    refused "del ev('undo')['item']" 'events\[[0-9]+\]\.item' \
        'an undo event needs the UUID of the event it took back'
    refused "ev('undo')['item'] = 'x'" 'events\[[0-9]+\]\.item' "'x' is not a UUID"
    refused "s['ladder'] = 'devops'" 'ladder' 'expected an object, found a string'
    refused "s['levels'][0] = []" 'levels\[0\]' 'expected an object, found a list'
    refused "s['phases'][0] = 7" 'phases\[0\]' 'expected an object, found a number'
    refused "detail(ev('evidence'), links='x')" 'events\[[0-9]+\]\.detail\.links' \
        'expected a list, found a string'
    refused "del ev('evidence')['detail']" 'events\[[0-9]+\]\.detail' \
        'expected the entry as a JSON object'
    refused "s['quiz_attempts'][0]['placement'] = 'phase 2'" 'quiz_attempts\[0\]\.placement' \
        'expected an object, found a string'
    refused "s['events'].append(dict(ev('note'), uuid='00000000-0000-4000-8000-0000000000dd',
        kind='setting', item='checkin_days', value='-1'))" 'events\[[0-9]+\]\.value' \
        'the setting checkin_days needs a whole number'
    # a phase listed without its criteria, and a setting climb does not know, are fine
    accepted "del s['phases'][0]['criteria']
s['events'].append(dict(ev('note'), uuid='00000000-0000-4000-8000-0000000000ee',
    kind='setting', item='future_setting', value='x'))"
}

# Snapshots that are odd but sound import, and say what was odd about them.
test_import_odd_snapshots() {
    rich_profile
    expect_exit 2 "^climb: import refused, nothing was written: cannot read $T/none\.json: No such file or directory$" \
        -- climb import "$T/none.json"
    # a sound snapshot into a file that is not a database: refused, the file untouched
    echo "my notes" >"$T/notes.db"
    expect_exit 1 "^climb: $T/notes\.db is not a SQLite database; climb left it untouched$" -- \
        "$CLIMB_BIN" --db "$T/notes.db" --user ana import "$T/base.json"
    [ "$(cat "$T/notes.db")" = "my notes" ] || fail "the file was changed"
    # taken with other ladder content whose ids all match: imported, with a note
    accepted "s['ladder']['hash'] = '0' * 64"
    grep -q "^note: the snapshot was taken with other ladder content; every id matched$" "$T/out" ||
        fail "no note on the ladder content: $(cat "$T/out")"
    # no profile event (written by hand): the new profile gets one of its own
    accepted "s['events'] = [e for e in s['events'] if e['kind'] != 'profile']"
    grep -q "into new profile 'ana'" "$T/out" || fail "import said: $(cat "$T/out")"
    "$CLIMB_BIN" --db "$T/fresh.db" --user ana history >"$T/out" || fail "history"
    grep -q "created  *ana$" "$T/out" || fail "no creation in the history: $(cat "$T/out")"
}

run_test test_import_times_in_range
run_test test_cli_dates_in_range
run_test test_export_round_trip
run_test test_import_uuids_canonical
run_test test_import_undo_only_of_its_own_events
run_test test_import_quiz_matches_answers
run_test test_import_evidence_entries_checked
run_test test_nothing_new_changes_nothing
run_test test_import_shapes_checked
run_test test_import_odd_snapshots
