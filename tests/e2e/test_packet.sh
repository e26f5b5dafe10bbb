#!/bin/sh
# test_packet.sh - the Markdown promotion packet (climb export --format md) as a
# manager reads it, parsed by cmark: the display name and target level in the
# title, the evidence check's verdict, first-person claims with dated, linked
# evidence and stale entries marked, what remains in words, the sections and
# phases chosen with --sections and --phases, the net change per month with a
# tick and its untick cancelled, and awkward evidence rendering as exactly what
# was typed (escaping only where Markdown would change the meaning), and sections
# with nothing to show saying so, and a link destination with <, > and \ in it.
. "$(dirname "$0")/lib.sh"

# at TIME CMD...: runs climb with the clock at TIME.
at() {
    t=$1
    shift
    CLIMB_NOW=$t climb "$@" >/dev/null || fail "climb $* failed"
}

# cmark_py MD SCRIPT [ARGS]: runs the Python SCRIPT with the packet parsed by cmark
# (the XML of its CommonMark tree) as `doc`, and the helpers text() and tag().
cmark_py() {
    md=$1 script=$2
    shift 2
    cmark -t xml "$md" >"$T/p.xml" || fail "cmark failed on $md"
    cat >"$T/check.py" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = "{http://commonmark.org/xml/1.0}"
doc = ET.parse(sys.argv[1]).getroot()
def tag(n):
    return n.tag.replace(ns, "")
def text(node):
    out = []
    for n in node.iter():
        if tag(n) in ("text", "code"):
            out.append(n.text or "")
        elif tag(n) in ("softbreak", "linebreak"):
            out.append("\n")
    return "".join(out)
def heads():
    return [(int(h.get("level")), text(h)) for h in doc.iter(ns + "heading")]
def items(lst):
    return [i for i in lst.findall(ns + "item")]
def own_text(item):
    # the item's paragraph only, without its nested lists
    return text(item.find(ns + "paragraph"))
top = list(doc)
PY
    printf '%s\n' "$script" >>"$T/check.py"
    python3 "$T/check.py" "$T/p.xml" "$@" || fail "packet structure ($md)"
}

case_history() {
    at 2025-06-01T09:00:00Z tick p1-own-pipeline --note "Billing pipeline, build 14m -> 6m"
    at 2026-01-06T09:00:00Z tick p1-solo-incident
    at 2026-01-06T09:30:00Z untick p1-solo-incident
    at 2026-01-07T09:00:00Z tick p1-solo-incident
    at 2026-01-08T09:00:00Z evidence add p1-solo-incident "INC-42: paged at 3am, fixed the disk alert" \
        --link https://example.com/postmortems/42/ --link PR-123 --date 2026-01-05
    at 2026-01-09T09:00:00Z tick p1-dev-feedback
    at 2026-02-10T09:00:00Z tick p2-reduce-oncall
    at 2026-02-11T09:00:00Z untick p2-reduce-oncall
    at 2026-02-12T09:00:00Z set p2-adopted-improvement doing
    at 2026-02-12T09:00:00Z roadblock rb-firefighting on
    at 2026-02-13T09:00:00Z name "Ana Lima"
    at 2026-02-13T09:00:00Z target senior 2027-06-30
    at 2026-02-13T09:00:00Z stale-after 6
}

packet_reads_as_a_case() {
    case_history
    climb export --format md -o "$T/p.md" >/dev/null || fail "export md"
    ! grep -q "Staff to Principal" "$T/p.md" || fail "a phase is called a step to Principal"
    ! grep -qE '\(`?p[1-4]-' "$T/p.md" || fail "raw criterion ids in the packet"
    cmark_py "$T/p.md" '
assert heads() == [(1, "Ana Lima: the case for Senior"), (2, "Summary"),
    (2, "Phase 1: Stepping off the ticket queue"),
    (2, "Phase 2: Build reliability instead of only fixing problems"),
    (2, "What remains for Senior"), (2, "Progress by month")], heads()
assert "Target: Senior by 2027-06-30" in text(top[1]), text(top[1])
assert text(top[3]) == "Senior case: 0 of 3 met, 0 with fresh evidence.", text(top[3])
assert text(top[4]).startswith("Target Senior by 2027-06-30: "), text(top[4])
lists = [n for n in top if tag(n) == "list"]
p1 = items(lists[0])
assert own_text(p1[0]).startswith("I have owned the CI/CD pipeline"), own_text(p1[0])
assert own_text(p1[0]).endswith("(met 2025-06-01)"), own_text(p1[0])
ev = [text(i) for i in p1[0].iter(ns + "item")][1:]
assert ev == ["2025-06-01 (stale: older than 6 months): Billing pipeline, build 14m -> 6m"], ev
assert own_text(p1[1]).startswith("I have handled an on-call incident") and "(met 2026-01-07)" in own_text(p1[1])
ev = list(p1[1].iter(ns + "item"))[1:]
assert len(ev) == 1
assert text(ev[0]) == "2026-01-05: INC-42: paged at 3am, fixed the disk alert\nLinks: example.com/postmortems/42, PR-123", text(ev[0])
links = list(ev[0].iter(ns + "link"))
assert len(links) == 1 and links[0].get("destination") == "https://example.com/postmortems/42/", links
assert text(links[0]) == "example.com/postmortems/42"
p2 = [own_text(i) for i in items(lists[1])]
assert p2[0].startswith("I made a change to the system") and p2[0].endswith("(not met yet)"), p2
assert p2[1].endswith("(in progress)"), p2
remains = [own_text(i) for i in items(lists[2])]
assert len(remains) == 3, remains
assert remains[0].startswith("I made a change") and remains[0].endswith("(Phase 2, not started)")
assert remains[1].endswith("(Phase 2, in progress)"), remains
# progress: the untick of 2026-01 and the one of 2026-02 cancel their ticks
table = text(top[-1]).split("\n")
assert table[0] == "| Month | Net change | Criteria met at month end |", table
assert table[2:] == ["| 2025-06 | +1 | 1 of 6 |", "| 2026-01 | +2 | 3 of 6 |", "| 2026-03 | 0 | 3 of 6 |"], table
'
}

sections_and_phases() {
    case_history
    climb export --format md --sections summary,roadblocks --phases 2 -o "$T/a.md" >/dev/null ||
        fail "export with sections"
    cmark_py "$T/a.md" '
assert [h for _, h in heads()] == ["Ana Lima: the case for Senior", "Summary", "Roadblocks flagged"], heads()
flags = [own_text(i) for i in items([n for n in top if tag(n) == "list"][0])]
assert len(flags) == 1 and flags[0].startswith("Stuck in the on-call firefighting loop (flagged 2026-02-12)"), flags
'
    # evidence without criteria: the claims with their entries, no status
    climb export --format md --sections=evidence --phases=1,2 -o "$T/b.md" >/dev/null ||
        fail "export evidence only"
    cmark_py "$T/b.md" '
assert [h for _, h in heads()][1:] == ["Phase 1: Stepping off the ticket queue",
    "Phase 2: Build reliability instead of only fixing problems"], heads()
first = items([n for n in top if tag(n) == "list"][0])[0]
assert own_text(first).endswith("on-call rotation included."), own_text(first)
'
    climb export --format md --phases all -o "$T/c.md" >/dev/null || fail "--phases all"
    [ "$(grep -c '^## Phase' "$T/c.md")" = 4 ] || fail "--phases all: $(grep '^## Phase' "$T/c.md")"
    expect_exit 2 "unknown item 'budget' \(sections: summary, criteria" -- \
        climb export --format md --sections summary,budget
    expect_exit 2 "unknown item '5' \(phases: 1 to 4, or all\)" -- climb export --format md --phases 5
    expect_exit 2 "--phases and --sections are for the packet" -- climb export --format csv --phases 1
    expect_exit 2 "the list is empty" -- climb export --format md --sections ""
}

# Awkward evidence: each entry renders (cmark) as exactly its text.
escaping_keeps_the_text() {
    at 2026-01-05T09:00:00Z tick p1-own-pipeline
    n=0
    while IFS= read -r line; do
        printf '%b' "$line" >"$T/entry"
        CLIMB_NOW=2026-01-06T09:00:00Z climb evidence add p1-own-pipeline - <"$T/entry" >/dev/null ||
            fail "evidence add: $line"
        n=$((n + 1))
    done <<'CASES'
build 14m -> 6m, C++ and C#, 50% of a - b, x < y
- a bullet\n+ plus\n* star\n1. one\n2) two
# not a heading\n> not a quote\n=== nor\n--- this
*not* emphasis, __nor__ strong, snake_case_name, a lone * star
`not code` and a lone ` tick, ``double``
[not](a link) and [x]: y, ![no](image.png)
<b>not html</b> &amp; &#35; <http://not.an.autolink> a <- b
hex references &#x41; and &#X42; stay as typed
~~not struck~~ ~one~ a | b\n--- | ---
back\\slash\\ and \\*escaped\\* text\\
Café 日本語 ✓ ### trailing hashes ##
```\nfenced?\n```
CASES
    climb export --format md -o "$T/p.md" >/dev/null || fail "export md"
    climb evidence list p1-own-pipeline --json >"$T/e.json" || fail "evidence list"
    cmark_py "$T/p.md" '
import json
want = [e["text"] for e in json.load(open(sys.argv[2]))]
assert len(want) == int(sys.argv[3]), (len(want), sys.argv[3])
lists = [n for n in top if tag(n) == "list"]
ev = list(items(lists[0])[0].iter(ns + "item"))[1:]
got = [text(e).split(": ", 1)[1] for e in ev]
for g, w in zip(got, want):
    assert g == w, (g, w)
assert len(got) == len(want)
for e in ev:
    for t in ("emph", "strong", "link", "image", "html_inline", "code", "heading", "list", "block_quote"):
        assert not list(e.iter(ns + t)), (t, text(e))
' "$T/e.json" "$n"
    # no backslash where none is needed
    grep -qF -- 'build 14m -> 6m, C++ and C#, 50% of a - b, x < y' "$T/p.md" || fail "needless escapes"
    grep -qF -- 'snake_case_name, a lone * star' "$T/p.md" || fail "needless escapes"
}

# Sections with nothing to show say so in words rather than vanish.
empty_sections_say_so() {
    at 2026-03-01T09:00:00Z tick p1-own-pipeline
    climb export --format md --sections roadblocks,remaining -o "$T/a.md" >/dev/null ||
        fail "export"
    cmark_py "$T/a.md" '
assert [h for _, h in heads()][1:] == ["What remains for Mid", "Roadblocks flagged"], heads()
paras = [text(n) for n in top if tag(n) == "paragraph"]
assert "None flagged." in paras, paras
'
    for i in p1-solo-incident p1-dev-feedback; do at 2026-03-02T09:00:00Z tick "$i"; done
    at 2026-03-02T09:00:00Z target mid 2027-01-01
    climb export --format md --sections remaining -o "$T/b.md" >/dev/null || fail "export"
    cmark_py "$T/b.md" '
paras = [text(n) for n in top if tag(n) == "paragraph"]
assert "Every criterion for this level is met." in paras, paras
'
}

# A link with the characters a Markdown link destination must escape ('<', '>'
# and '\') points exactly where it was typed (cmark reads the destination).
awkward_link_destination() {
    at 2026-01-05T09:00:00Z tick p1-own-pipeline
    at 2026-01-06T09:00:00Z evidence add p1-own-pipeline "odd link" --link 'https://x.test/a<b>\c'
    climb export --format md -o "$T/p.md" >/dev/null || fail "export md"
    cmark_py "$T/p.md" '
links = [e.get("destination") for e in doc.iter(ns + "link")]
assert links == ["https://x.test/a<b>\\c"], links
'
}

run_test packet_reads_as_a_case
run_test sections_and_phases
run_test escaping_keeps_the_text
run_test empty_sections_say_so
run_test awkward_link_destination
