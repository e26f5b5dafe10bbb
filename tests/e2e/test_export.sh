#!/bin/sh
# test_export.sh - snapshots end to end: JSON export validated against
# docs/snapshot.schema.json, the JSON round trip through a fresh database, import
# twice changing nothing, a two-machine merge, every refused import leaving the
# database byte for byte unchanged, Markdown parsed by cmark, CSV parsed by
# Python's csv module, awkward notes surviving all three, files never overwritten
# without --force, the TUI's e view, and a history edited into bytes that are not
# UTF-8.
. "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"

# A note with quotes, commas, pipes, backticks, Markdown and HTML look-alikes,
# newlines and non-ASCII text.
NOTE='He said "ship it, now" | cut p95 by 40% | ran `make deploy` & <b>done</b>
- not a list item, *not* emphasis, [not](a link)
1. not a numbered list # nor a heading
Café façade, 日本語, Ünïcödé ✓'
FORMULA='=HYPERLINK("http://evil.example","click")'

# Python with the jsonschema module (python3-jsonschema from Debian).
schema_python() {
    for p in python3 /usr/bin/python3; do
        "$p" -c 'import jsonschema' 2>/dev/null && { echo "$p"; return 0; }
    done
    fail "no python3 with the jsonschema module (tools/deps.sh installs python3-jsonschema)"
}

validate_schema() {
    py=$(schema_python) || exit 1
    "$py" - "$root/docs/snapshot.schema.json" "$1" <<'PY' || fail "$1 does not match the schema"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator)
PY
}

# at TIME CMD...: runs climb with the clock at TIME.
at() {
    t=$1
    shift
    CLIMB_NOW=$t climb "$@" >/dev/null || fail "climb $* failed"
}

# A history touching every kind of event the other features write.
history() {
    at 2026-01-05T09:00:00Z tick p1-own-pipeline --note "$NOTE"
    at 2026-01-06T09:00:00Z tick p1-solo-incident
    at 2026-01-06T09:00:00Z untick p1-solo-incident
    at 2026-01-07T09:00:00Z set p1-dev-feedback n/a --reason "no developer teams, only ops"
    at 2026-02-10T09:00:00Z set p2-reduce-oncall doing
    at 2026-02-11T09:00:00Z note p2-reduce-oncall "$FORMULA"
    at 2026-02-12T09:00:00Z roadblock rb-firefighting on
    at 2026-02-12T10:00:00Z roadblock rb-cert-stacking on
    at 2026-02-13T09:00:00Z roadblock rb-cert-stacking off
    at 2026-02-14T09:00:00Z title mid
    at 2026-03-01T09:00:00Z quiz --answers no,once,regularly,no,no
    at 2026-03-02T09:00:00Z stale-after 6
}

# same A B: the two snapshots are identical apart from exported_at.
same() {
    grep -v '"exported_at"' "$1" >"$1.cmp"
    grep -v '"exported_at"' "$2" >"$2.cmp"
    diff "$1.cmp" "$2.cmp" >&2 || fail "$1 and $2 differ"
}

json_round_trip() {
    history
    climb export --format json -o "$T/a.json" >/dev/null || fail "export"
    validate_schema "$T/a.json"
    python3 - "$T/a.json" "$NOTE" <<'PY' || fail "snapshot content"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "climb-snapshot" and d["format_version"] == 1
assert d["profile"]["name"] == "ana" and d["profile"]["title"] == "mid"
assert d["ladder"]["id"] == "devops" and len(d["ladder"]["hash"]) == 16
c = {x["id"]: x for p in d["phases"] for x in p["criteria"]}
assert c["p1-own-pipeline"]["note"] == sys.argv[2]
assert c["p1-own-pipeline"]["done_at"] == "2026-01-05T09:00:00Z"
assert c["p1-solo-incident"]["state"] == "todo"
assert c["p1-dev-feedback"]["reason"] == "no developer teams, only ops"
assert [r["id"] for r in d["roadblocks"]] == ["rb-firefighting"]
q = d["quiz_attempts"]
assert len(q) == 1 and q[0]["answers"] == ["no", "once", "regularly", "no", "no"], q
assert q[0]["placement"]["phase"] == 2
kinds = [e["kind"] for e in d["events"]]
assert kinds.count("state") == 5 and kinds.count("quiz") == 1, kinds
assert any(e["uuid"] == q[0]["event_uuid"] for e in d["events"])
PY
    CLIMB_NOW=2026-06-01T00:00:00Z "$CLIMB_BIN" --db "$T/fresh.db" --user ana import "$T/a.json" \
        >"$T/out" || fail "import into a fresh database"
    grep -q "imported 14 new events" "$T/out" || fail "import said: $(cat "$T/out")"
    CLIMB_NOW=2026-06-02T00:00:00Z "$CLIMB_BIN" --db "$T/fresh.db" --user ana export -o "$T/b.json" \
        >/dev/null || fail "second export"
    grep -q '"exported_at": "2026-06-02T00:00:00Z"' "$T/b.json" || fail "exported_at"
    same "$T/a.json" "$T/b.json"
    climb status --json >"$T/s1"
    "$CLIMB_BIN" --db "$T/fresh.db" --user ana status --json >"$T/s2"
    grep -q '"stale_months": 6' "$T/s2" || fail "setting not carried over"
    diff "$T/s1" "$T/s2" >&2 || fail "status differs after the round trip"
}

import_twice_changes_nothing() {
    history
    climb export -o "$T/a.json" >/dev/null || fail "export"
    "$CLIMB_BIN" --db "$T/b.db" import --user ana "$T/a.json" >/dev/null || fail "first import"
    cp "$T/b.db" "$T/b.orig"
    "$CLIMB_BIN" --db "$T/b.db" --user ana import "$T/a.json" >"$T/out" || fail "second import"
    grep -q "nothing new: all 14 events" "$T/out" || fail "second import said: $(cat "$T/out")"
    cmp "$T/b.db" "$T/b.orig" || fail "the second import changed the database"
    # into the database the snapshot came from: nothing new either
    cp "$DB" "$T/a.orig"
    climb import "$T/a.json" >/dev/null || fail "import into the source"
    cmp "$DB" "$T/a.orig" || fail "importing into the source changed it"
}

# Two machines with one person's history each, merged both ways.
two_machine_merge() {
    A=$DB B="$T/machine-b.db"
    at 2026-01-05T09:00:00Z tick p1-own-pipeline --note "pipeline for billing"
    climb export -o "$T/a1.json" >/dev/null || fail "export a1"
    CLIMB_NOW=2026-01-06T00:00:00Z "$CLIMB_BIN" --db "$B" --user ana import "$T/a1.json" >/dev/null ||
        fail "B imports a1"
    # both go on working apart
    at 2026-01-10T09:00:00Z tick p1-solo-incident --note "INC-42, solo, postmortem written"
    at 2026-01-20T09:00:00Z note p1-own-pipeline "pipeline for billing and payments"
    DB=$B at 2026-01-12T09:00:00Z tick p1-dev-feedback --note "thanks from the web team"
    DB=$B at 2026-01-15T09:00:00Z untick p1-own-pipeline
    DB=$B at 2026-01-16T09:00:00Z title junior
    DB=$B at 2026-01-17T09:00:00Z quiz --answers once,no,no,no,no
    climb export -o "$T/a2.json" >/dev/null || fail "export a2"
    DB=$B climb export -o "$T/b2.json" >/dev/null || fail "export b2"
    DB=$B climb import "$T/a2.json" >"$T/out" || fail "B imports a2"
    grep -q "imported 3 new events (3 already here)" "$T/out" || fail "B said: $(cat "$T/out")"
    climb import "$T/b2.json" >"$T/out" || fail "A imports b2"
    grep -q "imported 5 new events" "$T/out" || fail "A said: $(cat "$T/out")"
    climb export -o "$T/a3.json" >/dev/null || fail "export a3"
    DB=$B climb export -o "$T/b3.json" >/dev/null || fail "export b3"
    same "$T/a3.json" "$T/b3.json"
    python3 - "$T/a3.json" <<'PY' || fail "merged state"
import json, sys
d = json.load(open(sys.argv[1]))
c = {x["id"]: x for p in d["phases"] for x in p["criteria"]}
# B's untick (01-15) is later than A's tick; A's note (01-20) is the latest note
assert c["p1-own-pipeline"]["state"] == "todo", c["p1-own-pipeline"]
assert c["p1-own-pipeline"]["note"] == "pipeline for billing and payments"
assert c["p1-solo-incident"]["state"] == "done" and c["p1-solo-incident"]["note"].startswith("INC-42")
assert c["p1-dev-feedback"]["state"] == "done"
assert d["profile"]["title"] == "junior" and len(d["quiz_attempts"]) == 1
uuids = [e["uuid"] for e in d["events"]]
assert len(uuids) == len(set(uuids)) == 11, len(uuids)
PY
    # and again: nothing doubles
    cp "$A" "$T/a.orig"
    climb import "$T/b3.json" >"$T/out" || fail "re-import"
    grep -q "nothing new" "$T/out" || fail "re-import said: $(cat "$T/out")"
    cmp "$A" "$T/a.orig" || fail "re-import changed the database"
}

# refuse NAME MESSAGE [CODE]: imports $T/bad.json, expects a refusal with exit CODE
# (2, a content error, unless given) naming MESSAGE and the database byte for byte
# as it was.
refuse() {
    cp "$DB" "$T/before.db"
    expect_exit "${3:-2}" "nothing was" -- climb import "$T/bad.json"
    grep -qF -- "$2" "$T/expect.out" || fail "$1: message: $(cat "$T/expect.out")"
    cmp "$DB" "$T/before.db" || fail "$1: the database changed"
    [ ! -e "$DB-wal" ] || [ ! -s "$DB-wal" ] || fail "$1: WAL left with content"
}

# edit PYTHON: writes $T/bad.json from $T/good.json changed by the expression
# (d is the snapshot).
edit() {
    python3 - "$T/good.json" "$T/bad.json" "$1" <<'PY' || fail "edit $1"
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
PY
}

refusals_leave_db_unchanged() {
    history
    climb export -o "$T/good.json" >/dev/null || fail "export"
    # the snapshot goes into a second profile's database that already has data
    "$CLIMB_BIN" --db "$T/other.db" --user bo tick p2-reduce-oncall >/dev/null || fail "bo"
    DB="$T/other.db"
    printf '{\n  "format": "climb-snapshot",\n  "events": [,]\n}\n' >"$T/bad.json"
    refuse "broken JSON" "bad.json:3:14: broken JSON"
    edit 'd["format_version"] = 2'
    refuse "version" "unknown format version 2"
    edit 'd["events"][3]["item"] = "p9-telepathy"'
    refuse "unknown criterion" "events[3].item: unknown criterion id 'p9-telepathy'"
    edit 'd["phases"][1]["criteria"][0]["id"] = "p2-gone"'
    refuse "unknown phase criterion" "phases[1].criteria[0].id: unknown criterion id 'p2-gone'"
    edit 'd["roadblocks"][0]["id"] = "rb-nope"'
    refuse "unknown roadblock" "unknown roadblock id 'rb-nope'"
    edit 'd["profile"]["title"] = "wizard"'
    refuse "unknown level" "profile.title: unknown level id 'wizard'"
    edit 'd["ladder"]["id"] = "frontend"'
    refuse "other ladder" "the snapshot is of ladder 'frontend'"
    edit 'd["events"][2]["at"] = 1767600000'
    refuse "wrong type" "events[2].at: expected a string, found a number"
    edit 'd["events"][2]["at"] = "last tuesday"'
    refuse "bad time" "events[2].at: 'last tuesday' is not an ISO 8601 time"
    edit 'd["quiz_attempts"][0]["yes"] = "two"'
    refuse "wrong type quiz" "quiz_attempts[0].yes: expected a whole number, found a string"
    edit 'd["events"][4]["uuid"] = d["events"][3]["uuid"]'
    refuse "duplicate" "appears twice"
    edit 'del d["events"]'
    refuse "missing" "events: missing"
    # the events before it are written before this one is found in use by bo:
    # the whole transaction is rolled back
    bo_uuid=$(sqlite3 "$DB" "SELECT uuid FROM events WHERE kind='state' LIMIT 1")
    edit "[e for e in d['events'] if e['kind'] == 'title'][0]['uuid'] = '$bo_uuid'"
    refuse "uuid of another profile" "already in this database under another profile" 1
    # a refused import never creates a database
    printf '{"format": 1' >"$T/bad.json"
    expect_exit 2 "import refused, nothing was written: .*bad.json" -- \
        "$CLIMB_BIN" --db "$T/none.db" --user ana import "$T/bad.json"
    [ ! -e "$T/none.db" ] || fail "a refused import created the database"
    # and the good one still goes in
    climb import "$T/good.json" >/dev/null || fail "good snapshot refused: $(cat "$T/err")"
}

markdown_is_commonmark() {
    history
    climb export --format md -o "$T/p.md" >/dev/null || fail "export md"
    cmark -t xml "$T/p.md" >"$T/p.xml" || fail "cmark failed"
    python3 - "$T/p.xml" "$NOTE" <<'PY' || fail "Markdown structure"
import sys, xml.etree.ElementTree as ET
ns = "{http://commonmark.org/xml/1.0}"
doc = ET.parse(sys.argv[1]).getroot()

def text(node):
    out = []
    for n in node.iter():
        tag = n.tag.replace(ns, "")
        if tag in ("text", "code"):
            out.append(n.text or "")
        elif tag in ("softbreak", "linebreak"):
            out.append("\n")
    return "".join(out)

heads = [(int(h.get("level")), text(h)) for h in doc.iter(ns + "heading")]
# the packet of the phase worked on; roadblocks only when asked for
want = [(1, "ana: the case for Mid")] + [(2, t) for t in [
    "Summary", "Phase 1: Stepping off the ticket queue", "What remains for Mid", "Progress by month"]]
assert heads == want, heads
top = list(doc)
tags = [n.tag.replace(ns, "") for n in top]
assert "html_block" not in tags and "code_block" not in tags and "thematic_break" not in tags, tags
assert text(top[1]) == "Promotion packet on the DevOps engineer ladder, 2026-03-14.", text(top[1])
assert text(top[3]) == "Mid case: 1 of 2 met, 1 with fresh evidence.", text(top[3])
# Phase 1: three claims in the first person, the first met with the whole note as evidence
lists = [n for n in top if n.tag == ns + "list"]
items = lists[0].findall(ns + "item")
claims = [text(i.find(ns + "paragraph")) for i in items]
assert len(claims) == 3, claims
assert claims[0] == ("I have owned the CI/CD pipeline of at least one service from design "
                     "through production, on-call rotation included. (met 2026-01-05)"), claims[0]
evidence = [text(e) for e in items[0].iter(ns + "item")][1:]
assert evidence == ["2026-01-05: " + sys.argv[2]], evidence
assert claims[1].startswith("I have handled") and claims[1].endswith("(not met yet)"), claims[1]
assert claims[2].startswith("A developer team has given me") and claims[2].endswith(
    "(does not apply: no developer teams, only ops)"), claims[2]
# no stray markup came from the note
note = items[0].find(ns + "list")
for tag in ("emph", "strong", "link", "html_inline", "code", "heading", "block_quote"):
    assert not list(note.iter(ns + tag)), tag
assert len(list(note.iter(ns + "list"))) == 1
remains = [text(i) for i in lists[1].findall(ns + "item")]
assert remains == ["I have handled an on-call incident with no senior engineer involved and "
                   "written the postmortem. (Phase 1, not started)"], remains
# the tick and untick of 2026-01-06 cancel: one criterion met in January
table = text(top[-1]).split("\n")
assert table[0] == "| Month | Net change | Criteria met at month end |", table
assert table[2:] == ["| 2026-01 | +1 | 1 of 3 |", "| 2026-03 | 0 | 1 of 3 |"], table
PY
    # the note is not backslashed where Markdown reads it the same without
    grep -qF 'cut p95 by 40% | ran' "$T/p.md" || fail "needless escapes in the note"
}

csv_parses() {
    history
    climb export --format csv -o "$T/h.csv" >/dev/null || fail "export csv"
    head -c 200 "$T/h.csv" | od -c | grep -q '\\r  \\n' || fail "no CRLF line ends"
    python3 - "$T/h.csv" "$NOTE" "$FORMULA" <<'PY' || fail "CSV content"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["uuid", "at", "kind", "item", "value", "previous", "detail"], rows[0]
body = rows[1:]
assert len(body) == 14 and all(len(r) == 7 for r in body), body
notes = [r for r in body if r[2] == "note"]
assert notes[0][4] == sys.argv[2], repr(notes[0][4])
assert notes[1][4] == "'" + sys.argv[3], notes[1][4]   # neutralised formula
for r in body:
    for cell in r:
        assert not cell or cell[0] not in "=+-@\t\r", r
na = [r for r in body if r[4] == "n/a"][0]
assert na[6] == "no developer teams, only ops"
PY
}

csv_neutralises_every_trigger() {
    for lead in '=' '+' '-' '@' "$(printf '\t')"; do
        at 2026-01-05T09:00:00Z note p1-own-pipeline "${lead}1+2 cells"
        climb export --format csv | grep -qF "'${lead}1+2 cells" || fail "'$lead' not neutralised"
    done
    # A CR cannot be typed into a note any more; one already stored is shown as ^M
    # (the output gate), which no spreadsheet takes for a formula.
    sqlite3 "$DB" "UPDATE events SET value = CAST(X'0d3d312b32' AS TEXT) WHERE kind = 'note'" ||
        fail "sqlite3"
    climb export --format csv | grep -qF ",^M=1+2," || fail "CR not neutralised"
}

no_overwrite_without_force() {
    at 2026-01-05T09:00:00Z tick p1-own-pipeline
    printf 'my precious notes\n' >"$T/p.md"
    expect_exit 1 "$T/p.md exists; not overwritten \\(use --force" -- climb export --format md -o "$T/p.md"
    [ "$(cat "$T/p.md")" = "my precious notes" ] || fail "file changed"
    climb export --format md -o "$T/p.md" --force >"$T/out" || fail "--force refused"
    grep -q "wrote $T/p.md (md)" "$T/out" || fail "said: $(cat "$T/out")"
    head -n 1 "$T/p.md" | grep -q "^# ana: the case for Mid" || fail "not replaced"
    ls -a "$T" | grep -q '^\.climb-' && fail "temporary file left behind"
    expect_exit 1 "cannot write in $T/nodir: No such file or directory" -- \
        climb export --format md -o "$T/nodir/p.md"
    [ ! -e "$T/nodir" ] || fail "made the missing directory"
    expect_exit 2 "unknown format 'yaml'" -- climb export --format yaml
    # --user after the command, and no profile is made by exporting
    expect_exit 1 "no profile named 'nobody'" -- climb export --user nobody
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM profiles WHERE name='nobody'")" = 0 ] || fail "profile made"
    climb export --user ana --format csv | grep -q ",state,p1-own-pipeline,done," || fail "--user after"
}

tui_export_markdown() {
    at 2026-01-05T09:00:00Z tick p1-own-pipeline --note "pipeline | for billing"
    out="$HOME/climb-ana-2026-03-14.md"
    start_tui 100 30
    wait_for "Stepping off"
    keys e
    wait_for "Export snapshot"
    wait_for "1 Markdown: a page for a promotion packet"
    keys Enter
    wait_for "climb-ana-2026-03-14.md"
    keys Enter
    wait_for "Written to:"
    wait_for "$out"
    head -n 1 "$out" | grep -q "^# ana: the case for Mid" || fail "no Markdown file at $out"
    cmark "$out" | grep -q "pipeline | for billing" || fail "note not in the page"
    keys Space
    wait_gone "Written to:"
    # again: it asks before replacing, and n keeps the file
    printf 'keep me\n' >"$out"
    keys e
    wait_for "Export snapshot"
    keys x # an unknown key says what the step takes
    wait_for "Up/Down or 1-4 choose a format, Enter goes on, Esc closes"
    keys End Enter
    wait_for "climb-ana-2026-03-14.html"
    keys Escape
    wait_for "Choose a format"
    keys Home Down Enter
    wait_for "climb-ana-2026-03-14.json"
    keys C-u Enter # no file name: said, nothing written
    wait_for "type a file name"
    keys Escape
    wait_for "Choose a format"
    keys 3 # a digit picks its format and goes on
    wait_for "climb-ana-2026-03-14.csv"
    keys Escape
    wait_for "Choose a format"
    keys Up Up Enter
    wait_for "climb-ana-2026-03-14.md"
    keys Enter
    wait_for "Replace it?"
    keys n
    wait_gone "Replace it?"
    [ "$(cat "$out")" = "keep me" ] || fail "replaced after n"
    keys Enter
    wait_for "Replace it?"
    keys y
    wait_for "Written to:"
    head -n 1 "$out" | grep -q "^# ana: the case for Mid" || fail "not replaced after y"
    keys x
    wait_for "Enter, Esc or q closes the export"
    screen | grep -qF "Written to:" || fail "a stray key closed the export"
    keys Space
    wait_gone "Written to:"
    quit_tui
    if ls "$HOME" | grep -qE "\.(json|csv|html)$"; then fail "a file was written: $(ls "$HOME")"; fi
}

# A database whose history was edited by hand into bytes that are not UTF-8: the
# JSON snapshot (which must be UTF-8) is refused with the reason and no file is
# left; the CSV shows the bad byte visibly, and Python's csv module reads it.
history_not_utf8() {
    climb note p1-own-pipeline "hello" >/dev/null || fail "note"
    sqlite3 "$DB" "UPDATE events SET value=CAST(X'68ff69' AS TEXT) WHERE kind='note'" ||
        fail "sqlite3"
    expect_exit 1 "^climb: export: the history holds text that is not valid UTF-8$" -- \
        climb export --format json -o "$T/s.json"
    [ ! -e "$T/s.json" ] || fail "a refused export left a file"
    ls -a "$T" | grep -q "s.json" && fail "a temporary file was left: $(ls -a "$T")"
    climb export --format csv -o "$T/h.csv" >/dev/null || fail "csv"
    python3 - "$T/h.csv" <<'PY' || fail "csv content"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
notes = [r for r in rows if r[2] == "note"]
assert len(notes) == 1 and notes[0][4] == "h\\xFFi", notes
PY
}

run_test json_round_trip
run_test import_twice_changes_nothing
run_test two_machine_merge
run_test refusals_leave_db_unchanged
run_test markdown_is_commonmark
run_test csv_parses
run_test csv_neutralises_every_trigger
run_test no_overwrite_without_force
run_test tui_export_markdown
run_test history_not_utf8
