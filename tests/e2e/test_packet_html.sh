#!/bin/sh
# test_packet_html.sh - the HTML promotion packet (climb export --format html):
# self-contained (no script, no outside resource, inline CSS and SVG), valid HTML5
# by two real validators (tidy, and html5lib's strict parser), every piece of text
# escaped, and in a real browser: Debian's headless Chromium prints it to PDF, in
# which pdftotext finds every claim and evidence entry, and a screenshot shows the
# chart's bars. A browser that cannot start fails the test with its stderr.
# The sections a person picks render in each form their content calls for.
. "$(dirname "$0")/lib.sh"

# Evidence with markup look-alikes: it must arrive as text, not as HTML.
AWKWARD='<script>alert("x")</script> & <b>bold</b> "quoted"'

at() {
    t=$1
    shift
    CLIMB_NOW=$t climb "$@" >/dev/null || fail "climb $* failed"
}

case_history() {
    at 2025-10-01T09:00:00Z tick p1-own-pipeline --note "Billing pipeline, build 14m -> 6m"
    at 2025-11-06T09:00:00Z tick p1-solo-incident
    at 2025-12-08T09:00:00Z evidence add p1-solo-incident "INC-42 postmortem, fixed the disk alert" \
        --link https://example.com/postmortems/42 --link PR-123 --date 2025-11-05
    at 2026-01-09T09:00:00Z tick p1-dev-feedback
    at 2026-01-10T09:00:00Z evidence add p1-dev-feedback "$AWKWARD"
    at 2026-02-10T09:00:00Z tick p2-reduce-oncall
    at 2026-02-11T09:00:00Z evidence add p2-reduce-oncall "Pages per week 30 -> 12 after the retry fix"
    at 2026-02-13T09:00:00Z name "Ana Lima"
    at 2026-02-13T09:00:00Z target senior 2027-06-30
}

# The Debian python3 (html5lib, PIL).
debian_python() {
    /usr/bin/python3 -c 'import html5lib, PIL' 2>/dev/null ||
        fail "no /usr/bin/python3 with html5lib and PIL (tools/deps.sh installs python3-html5lib, python3-pil)"
}

html_is_valid_and_self_contained() {
    case_history
    climb export --format html -o "$T/p.html" >/dev/null || fail "export html"
    debian_python
    command -v tidy >/dev/null || fail "no tidy (tools/deps.sh installs it)"
    # tidy: errors and warnings both fail (-e reports, exit 1 on warnings)
    tidy -q -e --doctype html5 --show-warnings yes "$T/p.html" >"$T/tidy" 2>&1 ||
        fail "tidy: $(cat "$T/tidy")"
    /usr/bin/python3 - "$T/p.html" "$AWKWARD" <<'PY' || fail "HTML content"
import sys, html5lib
from xml.etree import ElementTree as ET
raw = open(sys.argv[1], "rb").read()
doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(raw)
assert raw.startswith(b"<!DOCTYPE html>"), raw[:40]
tags = {e.tag for e in doc.iter()}
assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags, tags
assert "style" in tags
# the only URLs are the evidence links (and the SVG namespace)
text = raw.decode()
for bad in ("src=", "url(", "@import", "javascript:"):
    assert bad not in text, bad
hrefs = [e.get("href") for e in doc.iter("a")]
assert hrefs == ["https://example.com/postmortems/42"], hrefs
assert doc.find(".//title").text == "Ana Lima: the case for Senior"
# the awkward entry is text, escaped once
spans = [e for e in doc.iter("span") if e.get("class") == "text"]
assert sys.argv[2] in ["".join(s.itertext()) for s in spans], [s.text for s in spans]
svg = [e for e in doc.iter() if e.tag.endswith("svg")]
assert len(svg) == 1
bars = [e for e in svg[0].iter() if e.tag.endswith("rect")]
assert len(bars) == 6, len(bars)  # 2025-10 .. 2026-03
heights = [round(float(b.get("height"))) for b in bars]
assert heights[0] < heights[-1] and heights[-1] > 0, heights
PY
}

# chrome ARGS...: one headless Chromium run, failing with its stderr.
chrome() {
    command -v chromium >/dev/null || fail "no chromium (tools/deps.sh installs it)"
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$(mktemp -d "$T/chrome.XXXXXX")" "$@" >"$T/chrome.out" 2>"$T/chrome.err" ||
        fail "chromium $* exited $?: $(tail -c 2000 "$T/chrome.err")"
}

prints_in_a_real_browser() {
    case_history
    climb export --format html -o "$T/p.html" >/dev/null || fail "export html"
    chrome --no-pdf-header-footer --print-to-pdf="$T/p.pdf" "file://$T/p.html"
    [ -s "$T/p.pdf" ] || fail "no PDF: $(tail -c 2000 "$T/chrome.err")"
    command -v pdftotext >/dev/null || fail "no pdftotext (tools/deps.sh installs poppler-utils)"
    pdftotext "$T/p.pdf" - | tr -s ' \n' '  ' >"$T/p.txt" || fail "pdftotext"
    climb evidence list --json >"$T/e.json" || fail "evidence list"
    /usr/bin/python3 - "$T/p.txt" "$T/e.json" <<'PY' || fail "the PDF lacks text"
import json, sys
pdf = open(sys.argv[1]).read()
claims = ["I have owned the CI/CD pipeline of at least one service from design through production, on-call rotation included.",
          "I have handled an on-call incident with no senior engineer involved and written the postmortem.",
          "A developer team has given me positive feedback on a pipeline I built or improved.",
          "I made a change to the system, not merely a faster response, that brought on-call incidents in my service area down by 20% or more.",
          "Other engineers took up at least one infrastructure improvement I made, without anyone asking them to.",
          "I recorded an architecture decision in a form the team now consults as a reference."]
for c in claims:
    assert c in pdf, c
entries = [e["text"] for e in json.load(open(sys.argv[2]))]
# the note shows as the first entry
assert len(entries) == 4 and entries[0] == "Billing pipeline, build 14m -> 6m", entries
for e in entries:
    assert " ".join(e.split()) in pdf, e
for s in ("Ana Lima: the case for Senior", "Senior case: 1 of 3 met", "example.com/postmortems/42",
          "PR-123", "What remains for Senior", "Progress by month"):
    assert s in pdf, s
PY
}

# The chart alone at the top of the page, screenshotted: its bars are drawn.
chart_is_drawn() {
    case_history
    climb export --format html --sections progress -o "$T/c.html" >/dev/null || fail "export html"
    chrome --window-size=800,600 --screenshot="$T/c.png" "file://$T/c.html"
    [ -s "$T/c.png" ] || fail "no screenshot: $(tail -c 2000 "$T/chrome.err")"
    debian_python
    /usr/bin/python3 - "$T/c.png" <<'PY' || fail "the chart is blank"
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
w, h = im.size
bar = (0x1f, 0x6f, 0xeb)  # BAR_COLOUR in src/export_html.c
px = im.load()
hits = [(x, y) for y in range(h) for x in range(w) if px[x, y] == bar]
assert len(hits) > 3000, len(hits)
xs = sorted({x for x, _ in hits})
# six bars: six separate runs of columns, growing left to right
runs = 1 + sum(1 for a, b in zip(xs, xs[1:]) if b != a + 1)
assert runs == 6, runs
left = min(y for x, y in hits if x < xs[0] + 5)
right = min(y for x, y in hits if x > xs[-1] - 5)
assert right < left, (left, right)
PY
}

# The sections a person picks, each in the form its content calls for: stale
# evidence marked, a flagged roadblock with what unlocks it (and none flagged),
# and a level whose criteria are all met. Parsed by html5lib's strict parser.
sections_in_each_form() {
    at 2026-01-05T09:00:00Z tick p1-own-pipeline
    at 2026-01-05T09:00:00Z evidence add p1-own-pipeline "Pipeline rebuilt" --date 2025-09-01
    at 2026-01-06T09:00:00Z stale-after 3
    climb export --format html --sections evidence,roadblocks -o "$T/a.html" >/dev/null ||
        fail "export a"
    for i in p1-solo-incident p1-dev-feedback; do at 2026-02-01T09:00:00Z tick "$i"; done
    at 2026-02-02T09:00:00Z roadblock rb-firefighting on
    at 2026-02-02T09:00:00Z target mid 2027-01-01
    climb export --format html --sections remaining,roadblocks -o "$T/b.html" >/dev/null ||
        fail "export b"
    debian_python
    /usr/bin/python3 - "$T/a.html" "$T/b.html" <<'PY' || fail "HTML content"
import sys, html5lib
def parse(path):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(open(path, "rb").read())
def text(e):
    return " ".join("".join(e.itertext()).split())
def section(doc, id):
    found = [e for e in doc.iter("section") if e.get("id") == id]
    assert len(found) == 1, (id, [e.get("id") for e in doc.iter("section")])
    return found[0]
a, b = parse(sys.argv[1]), parse(sys.argv[2])
assert [e.get("id") or e.get("class") for e in a.iter("section")] == ["phase", "roadblocks"], [e.get("id") for e in a.iter("section")]
stale = [li for li in a.iter("li") if li.get("class") == "stale"]
assert len(stale) == 1 and "stale: older than 3 months" in text(stale[0]) and "Pipeline rebuilt" in text(stale[0]), [text(li) for li in stale]
assert text(section(a, "roadblocks")) == "Roadblocks flagged None flagged.", text(section(a, "roadblocks"))
assert [e.get("id") for e in b.iter("section")] == ["remaining", "roadblocks"]
assert text(section(b, "remaining")) == "What remains for Mid Every criterion for this level is met.", text(section(b, "remaining"))
flags = [text(li) for li in section(b, "roadblocks").iter("li")]
assert len(flags) == 1 and flags[0].startswith("Stuck in the on-call firefighting loop (flagged 2026-02-02)") and "What unlocks it: Set aside" in flags[0], flags
PY
}

run_test html_is_valid_and_self_contained
run_test prints_in_a_real_browser
run_test chart_is_drawn
run_test sections_in_each_form
