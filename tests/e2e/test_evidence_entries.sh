#!/bin/sh
# test_evidence_entries.sh - dated evidence with links behind a criterion, from the
# shell: add, list, edit, remove (with --date and stdin), refusals with their exit
# codes, the evidence check, a target and whether the pace reaches it, the packet's
# name, entries carried through a JSON snapshot into another database, and a
# database made by release 0.1 opening with its note as the first entry, and each
# wrong shape of an evidence command said once, with one usage line.
. "$(dirname "$0")/lib.sh"
fixtures="$(cd "$(dirname "$0")/../fixtures" && pwd)"

# json FILE EXPR: prints the Python expression EXPR over the JSON in FILE (as j).
json() {
    python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

add_list_edit_remove() {
    climb tick p1-own-pipeline --date 2026-01-10 >"$T/out" || fail "tick --date"
    grep -qx "p1-own-pipeline: done (2026-01-10)" "$T/out" || fail "tick said: $(cat "$T/out")"
    climb evidence add p1-own-pipeline "Postmortem of the Kafka outage: MTTR 14m -> 6m" \
        --link https://example.com/pm/42 --link PR-123 --date 2026-02-01 >"$T/out" ||
        fail "evidence add"
    grep -qE "^p1-own-pipeline: evidence [0-9a-f]{8} added \(2026-02-01\)$" "$T/out" ||
        fail "add said: $(cat "$T/out")"
    printf 'Runbook for rollbacks\n' | climb evidence add p1-own-pipeline - >/dev/null ||
        fail "evidence add from stdin"
    climb evidence list --json >"$T/l.json" || fail "list --json"
    [ "$(json "$T/l.json" 'len(j)')" = 2 ] || fail "two entries expected: $(cat "$T/l.json")"
    [ "$(json "$T/l.json" 'j[0]["links"]')" = "['https://example.com/pm/42', 'PR-123']" ] ||
        fail "links: $(cat "$T/l.json")"
    [ "$(json "$T/l.json" 'j[0]["date"]')" = "2026-02-01T00:00:00Z" ] || fail "date"
    [ "$(json "$T/l.json" 'j[1]["text"]')" = "Runbook for rollbacks" ] || fail "stdin text"
    id=$(json "$T/l.json" 'j[0]["id"][:8]')
    climb evidence list p1-own-pipeline >"$T/out" || fail "list ID"
    grep -qF "$id  2026-02-01  Postmortem of the Kafka outage: MTTR 14m -> 6m  <https://example.com/pm/42 PR-123>" \
        "$T/out" || fail "list text: $(cat "$T/out")"
    climb evidence edit "$id" --no-links --date 2026-01-20 >"$T/out" || fail "edit"
    grep -qx "evidence $id: changed" "$T/out" || fail "edit said: $(cat "$T/out")"
    climb evidence edit "$id" --no-links >"$T/out" || fail "edit again"
    grep -q "nothing changed" "$T/out" || fail "a no-op edit said: $(cat "$T/out")"
    climb evidence list --json >"$T/l.json"
    [ "$(json "$T/l.json" 'j[0]["links"]')" = "[]" ] || fail "links kept after --no-links"
    [ "$(json "$T/l.json" 'j[0]["date"]')" = "2026-01-20T00:00:00Z" ] || fail "date not moved"
    climb evidence rm "$id" >/dev/null || fail "rm"
    climb evidence list --json >"$T/l.json"
    [ "$(json "$T/l.json" 'len(j)')" = 1 ] || fail "rm left $(cat "$T/l.json")"
    climb history --json >"$T/h.json"
    [ "$(json "$T/h.json" '[e["kind"] for e in j if e["kind"] == "evidence"]')" = \
        "['evidence', 'evidence', 'evidence', 'evidence']" ] ||
        fail "each change is an event: $(cat "$T/h.json")"
}

refusals_change_nothing() {
    climb status >/dev/null
    expect_exit 2 "in the future" -- climb evidence add p1-own-pipeline "x" --date 2026-03-15
    expect_exit 2 "in the future" -- climb tick p1-own-pipeline --date 2027-01-01
    expect_exit 2 "not a date" -- climb evidence add p1-own-pipeline "x" --date 2026-13-01
    expect_exit 2 "white space" -- climb evidence add p1-own-pipeline "x" --link "a b"
    expect_exit 2 "empty" -- climb evidence add p1-own-pipeline ""
    printf 'abc\000def' >"$T/nul"
    expect_exit 2 "NUL|control" -- sh -c "\"$CLIMB_BIN\" --db \"$DB\" --user ana evidence add p1-own-pipeline - <\"$T/nul\""
    expect_exit 2 "unknown criterion 'p1-nope'" -- climb evidence add p1-nope "x"
    expect_exit 2 "no evidence entry beef" -- climb evidence rm beef
    expect_exit 2 "unknown subcommand 'frob'" -- climb evidence frob
    climb history --json >"$T/h.json"
    [ "$(json "$T/h.json" 'len([e for e in j if e["kind"] in ("evidence", "state")])')" = 0 ] ||
        fail "a refusal wrote: $(cat "$T/h.json")"
}

evidence_check_judges_the_case() {
    climb tick p1-own-pipeline >/dev/null
    climb tick p1-solo-incident --note "postmortem PM-7" >/dev/null
    climb tick p1-dev-feedback >/dev/null
    climb evidence add p1-dev-feedback "The payments team said the new pipeline saves them a day" \
        >/dev/null
    CLIMB_NOW=2024-01-01T00:00:00Z climb evidence add p1-own-pipeline "old" --date 2024-01-01 \
        >/dev/null || fail "add at an earlier now"
    climb evidence check --json >"$T/c.json" || fail "check --json"
    # phase 1 is all met, so the case being made is phase 2's, for Senior; phase 1's
    # claims are judged too
    [ "$(json "$T/c.json" 'j["verdict"]')" = "Senior case: 0 of 3 met, 0 with fresh evidence" ] ||
        fail "verdict: $(cat "$T/c.json")"
    [ "$(json "$T/c.json" '[c["status"] for c in j["criteria"]]')" = \
        "['stale', 'fresh', 'fresh', 'not-met', 'not-met', 'not-met']" ] ||
        fail "statuses: $(cat "$T/c.json")"
    [ "$(json "$T/c.json" '[c["weak"] for c in j["criteria"][:3]]')" = "[True, False, True]" ] ||
        fail "weak claims: $(cat "$T/c.json")"
    climb evidence check >"$T/out" || fail "check"
    grep -q "add a link or a number a reviewer can check" "$T/out" || fail "advice: $(cat "$T/out")"
    grep -q "the newest evidence is from 2024-01-01" "$T/out" || fail "stale advice"
    climb untick p1-dev-feedback >/dev/null
    climb evidence check --json >"$T/c.json"
    [ "$(json "$T/c.json" 'j["verdict"]')" = "Mid case: 2 of 3 met, 1 with fresh evidence" ] ||
        fail "verdict in phase 1: $(cat "$T/c.json")"
}

target_says_on_track_or_behind() {
    climb target >"$T/out" || fail "target"
    grep -q "No target set" "$T/out" || fail "no target: $(cat "$T/out")"
    CLIMB_NOW=2026-01-01T00:00:00Z climb tick p1-own-pipeline >/dev/null
    CLIMB_NOW=2026-02-01T00:00:00Z climb tick p1-solo-incident >/dev/null
    CLIMB_NOW=2026-03-01T00:00:00Z climb tick p1-dev-feedback >/dev/null
    # 3 ticks in 2 months and 5 more criteria up to Senior: about 3.3 months more
    climb target senior 2026-12-31 >"$T/out" || fail "target senior"
    grep -q "Target Senior by 2026-12-31: on track" "$T/out" || fail "on track: $(cat "$T/out")"
    climb target senior 2026-04-01 >"$T/out" || fail "target sooner"
    grep -q "behind by about 3 months" "$T/out" || fail "behind: $(cat "$T/out")"
    climb status --json >"$T/s.json"
    [ "$(json "$T/s.json" 'j["target"]["pace"]')" = behind ] || fail "status --json target"
    climb status | grep -q "^Target Senior by 2026-04-01: behind" || fail "status text target"
    expect_exit 2 "no level 'boss'" -- climb target boss 2026-12-31
    expect_exit 2 "not a date" -- climb target senior someday
    # a day that is over is refused, today is taken (CLIMB_NOW is 2026-03-14)
    expect_exit 2 "^climb: 2026-03-13 has passed; a target needs a date from today on" -- \
        climb target senior 2026-03-13
    grep -q "by 2026-04-01" "$T/expect.out" && fail "a refused target printed a pace"
    climb status | grep -q "^Target Senior by 2026-04-01: behind" || fail "the refusal changed the target"
    expect_exit 0 "^Target Senior by 2026-03-14" -- climb target senior 2026-03-14
    climb target --clear >/dev/null || fail "clear"
    climb status --json >"$T/s.json"
    [ "$(json "$T/s.json" 'j["target"]')" = None ] || fail "target not cleared"
}

name_for_the_packet() {
    climb name >"$T/out" || fail "name"
    grep -qx "name: ana (the profile's)" "$T/out" || fail "default name: $(cat "$T/out")"
    climb name "Ana Lima" >/dev/null || fail "set name"
    climb name | grep -qx "name: Ana Lima" || fail "name not set"
    climb export --format json >"$T/x.json" || fail "export"
    [ "$(json "$T/x.json" 'j["profile"]["display_name"]')" = "Ana Lima" ] || fail "name in export"
}

entries_travel_in_snapshots() {
    climb evidence add p2-reduce-oncall "Retry budget cut pages by 35%" --link https://x.example/d \
        --date 2026-02-02 >/dev/null || fail "add"
    climb target staff 2028-01-01 >/dev/null
    climb export --format json -o "$T/snap.json" >/dev/null || fail "export"
    python3 - "$(dirname "$0")/../../docs/snapshot.schema.json" "$T/snap.json" <<'PY' || fail "schema"
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
PY
    "$CLIMB_BIN" --db "$T/other.db" --user ana import "$T/snap.json" >/dev/null || fail "import"
    "$CLIMB_BIN" --db "$T/other.db" --user ana evidence list --json >"$T/o.json" || fail "list"
    [ "$(json "$T/o.json" '[(e["text"], e["links"], e["date"]) for e in j]')" = \
        "[('Retry budget cut pages by 35%', ['https://x.example/d'], '2026-02-02T00:00:00Z')]" ] ||
        fail "entry after import: $(cat "$T/o.json")"
    "$CLIMB_BIN" --db "$T/other.db" --user ana status --json >"$T/s.json"
    [ "$(json "$T/s.json" 'j["target"]["level"]')" = staff ] || fail "target after import"
    cksum <"$T/other.db" >"$T/before"
    "$CLIMB_BIN" --db "$T/other.db" --user ana import "$T/snap.json" >/dev/null || fail "again"
    cksum <"$T/other.db" | cmp -s - "$T/before" || fail "a second import changed the file"
}

release_0_1_database_opens() {
    cp "$fixtures/db/release-0.1.db" "$DB"
    climb evidence list --json >"$T/l.json" || fail "list on the old database"
    [ "$(json "$T/l.json" '[(e["id"], e["criterion"], e["date"]) for e in j]')" = \
        "[('note', 'p1-own-pipeline', '2025-11-03T10:00:00Z')]" ] ||
        fail "the note is not the first entry: $(cat "$T/l.json")"
    [ "$(crit_state p1-own-pipeline)" = done ] || fail "tick lost"
    [ "$(crit_state p1-solo-incident)" = doing ] || fail "doing lost"
    climb status --json >"$T/s.json"
    [ "$(json "$T/s.json" 'j["title"]')" = mid ] || fail "title lost"
    [ "$(json "$T/s.json" '[r["id"] for r in j["roadblocks"]]')" = "['rb-firefighting']" ] ||
        fail "roadblock lost"
    [ "$(sqlite3 "$DB" 'PRAGMA user_version')" = 5 ] || fail "not migrated"
    climb evidence add p1-own-pipeline "A second entry" >/dev/null || fail "add after migration"
    climb evidence list p1-own-pipeline | grep -c "^  " | grep -qx 2 || fail "two entries now"
}

# Each wrong shape of an evidence command says what is wrong once, with one usage
# line (the options of edit named as edit's, not as a missing value), and changes
# nothing; list and help with nothing to show still answer.
wrong_shapes_said_once() {
    expect_exit 0 "^no evidence yet: climb evidence add ID TEXT" -- climb evidence list
    events=$(sqlite3 "$DB" "SELECT count(*) FROM events")
    links=""
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21; do links="$links --link x$i"; done
    # shellcheck disable=SC2086 # one --link word and its value each
    expect_exit 2 "^climb: an entry takes at most 20 links$" -- \
        climb evidence add p1-own-pipeline "text" $links
    for cmd in "add p1-own-pipeline text --bogus" "edit abc --bogus" "list --bogus" \
        "check --bogus" "rm a b"; do
        # shellcheck disable=SC2086
        expect_exit 2 "^climb: evidence: unexpected argument '(--bogus|b)'$" -- climb evidence $cmd
        [ "$(grep -c '^usage: ' "$T/expect.out")" = 1 ] ||
            fail "$cmd: not one usage line: $(cat "$T/expect.out")"
    done
    expect_exit 2 "^climb: evidence add: --text is for evidence edit" -- \
        climb evidence add p1-own-pipeline text --text other
    grep -q "needs a value" "$T/expect.out" && fail "a value is said to be missing"
    expect_exit 2 "^climb: evidence add: --no-links is for evidence edit" -- \
        climb evidence add p1-own-pipeline text --no-links
    expect_exit 2 "^usage: climb evidence" -- climb evidence edit
    expect_exit 2 "^climb: --no-links and --link do not go together$" -- \
        climb evidence edit abc --no-links --link x
    expect_exit 2 "^climb: quiz: --history and --answers do not go together$" -- \
        climb quiz --history --answers no,no,no,no,no
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events")" = "$events" ] || fail "a refusal wrote"
    expect_exit 0 "^usage: climb evidence add ID TEXT\|- \[--link URL\]\.\.\. \[--date DATE\]$" -- \
        climb evidence help
    grep -q "^       climb evidence edit ENTRY \[--text TEXT\]" "$T/expect.out" || fail "help lacks edit"
    # edit --text changes the text, and says so
    climb evidence add p1-own-pipeline "first" >"$T/out" || fail "add"
    entry=$(sed -n 's/.*evidence \([0-9a-f]*\) added.*/\1/p' "$T/out")
    expect_exit 0 "^evidence $entry: changed$" -- climb evidence edit "$entry" --text "second"
    [ "$(climb evidence list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["text"])')" = second ] ||
        fail "the text did not change"
}

# The sentences a person reads at the far ends: a daily cadence, a target whose
# criteria are all met, a title the quiz disagrees with, a link with a control
# character refused.
far_ends_in_words() {
    expect_exit 0 "^check-in cadence: every day " -- climb cadence 1d
    for i in p1-own-pipeline p1-solo-incident p1-dev-feedback; do
        climb tick "$i" >/dev/null || fail "tick $i"
    done
    expect_exit 0 "^Target Mid by 2027-01-01: every criterion leading there is met\.$" -- \
        climb target mid 2027-01-01
    climb title staff >/dev/null && climb quiz --answers no,no,no,no,no >/dev/null || fail "quiz"
    expect_exit 0 "^Your title says Staff but the quiz puts you at Junior \(Phase 1\)\.$" -- \
        climb status
    expect_exit 2 "^climb: link 1 contains a control character" -- \
        climb evidence add p1-own-pipeline text --link "$(printf 'a\033b')"
}

run_test add_list_edit_remove
run_test refusals_change_nothing
run_test evidence_check_judges_the_case
run_test target_says_on_track_or_behind
run_test name_for_the_packet
run_test entries_travel_in_snapshots
run_test release_0_1_database_opens
run_test wrong_shapes_said_once
run_test far_ends_in_words
