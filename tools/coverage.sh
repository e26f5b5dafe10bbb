#!/bin/sh
# coverage.sh BUILD [--check FLOOR]: after the suites have run against BUILD (built
# with --coverage), prints gcovr's per-file line and branch summary of src/, writes
# the HTML report to BUILD/html/index.html and, with --check, fails when the total
# line or branch coverage is below the two figures in FLOOR (tests/coverage-floor).
set -u
build=${1:?usage: tools/coverage.sh BUILD [--check FLOOR]}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
command -v gcovr >/dev/null 2>&1 || { echo "coverage: gcovr is missing (apt-get install gcovr)" >&2; exit 1; }
mkdir -p "$build/html"
# build/gen (the embedded schema and ladder) and the build-time generator's own
# objects (tool-obj) are not src/: only src/*.c is measured.
# --exclude-unreachable-branches drops only the branches gcc records on lines with
# no code of their own: gcovr 5.2 takes a line that is, comments removed, empty or
# exactly "{", "}" or "else" (where a scope's cleanup or a loop's back edge lands):
# compiler artefacts, not decisions of climb's. Every line with a condition keeps
# all its branches. GCOVR_EXCL_LINE / _START / _STOP / _BR_LINE comments in src/
# mark what no test can reach, each saying why.
gcovr -r . --object-directory "$build/obj" -f 'src/' -e "$build/" \
    --exclude-unreachable-branches \
    --json-summary "$build/summary.json" --json-summary-pretty \
    --html-details "$build/html/index.html" --html-title "climb coverage" \
    "$build/obj" >/dev/null || exit 1
python3 - "$build/summary.json" "${2:-}" "${3:-}" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def pct(cov, tot):
    return 100.0 * cov / tot if tot else 100.0
rows = sorted(d["files"], key=lambda f: pct(f["line_covered"], f["line_total"]))
print("%-24s %6s %7s %6s %7s" % ("file", "lines", "", "branch", ""))
for f in sorted(d["files"], key=lambda f: f["filename"]):
    print("%-24s %5.1f%% %7s %5.1f%% %7s" % (
        f["filename"][4:], pct(f["line_covered"], f["line_total"]),
        "%d/%d" % (f["line_covered"], f["line_total"]),
        pct(f["branch_covered"], f["branch_total"]),
        "%d/%d" % (f["branch_covered"], f["branch_total"])))
line = pct(d["line_covered"], d["line_total"])
branch = pct(d["branch_covered"], d["branch_total"])
print("%-24s %5.1f%% %7s %5.1f%% %7s" % ("TOTAL", line,
      "%d/%d" % (d["line_covered"], d["line_total"]), branch,
      "%d/%d" % (d["branch_covered"], d["branch_total"])))
print("lowest lines: " + ", ".join("%s %.1f%%" % (f["filename"][4:], pct(f["line_covered"], f["line_total"]))
                                  for f in rows[:10]))
if sys.argv[2] == "--check":
    nums = [float(x) for l in open(sys.argv[3]) if not l.startswith("#") for x in l.split()]
    floor_line, floor_branch = nums[:2]
    ok = True
    shown_line, shown_branch = int(line * 100) / 100, int(branch * 100) / 100  # rounded down
    # compared at the floor's precision: 0.1 point
    if int(line * 10) < round(floor_line * 10):
        print("coverage: lines %.2f%% fell below the floor %.1f%% (%s)" % (shown_line, floor_line, sys.argv[3]))
        ok = False
    if int(branch * 10) < round(floor_branch * 10):
        print("coverage: branches %.2f%% fell below the floor %.1f%% (%s)" % (shown_branch, floor_branch, sys.argv[3]))
        ok = False
    if not ok:
        sys.exit(1)
    print("coverage: lines %.2f%%, branches %.2f%%: at or above the floor (%.1f%%, %.1f%%)"
          % (shown_line, shown_branch, floor_line, floor_branch))
PY
