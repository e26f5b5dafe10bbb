#!/bin/sh
# shellcheck disable=SC2086 # $ui is split into words on purpose (checked: no blanks)
# run.sh - the benchmark behind `make bench`. Builds the bench's own small tools
# (bench/*.c) beside an optimised climb, generates the deterministic synthetic
# databases, then for each size times climb against floors measured in the same
# run on the same machine and prints one Markdown table: median and spread of
# repeated runs, the ratio to the floor, the issue's target and whether it is met.
# docs/performance.md explains every measure and holds a real run.
#   bench/run.sh [BUILD]        BUILD holds the optimised climb (default build/bench)
# Environment:
#   BENCH_SIZES   event counts to run (default "1000 100000 1000000")
#   BENCH_QUICK=1 fewer repetitions, for a quick look (not for the record)
#   CC            compiler for the bench tools (default cc)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=$(cd "${1:-build/bench}" && pwd)
climb=$build/climb
tools=$build/bench-tools
data=$build/bench-data
sizes=${BENCH_SIZES:-"1000 100000 1000000"}
results=$build/bench-results.md
[ -x "$climb" ] || { echo "bench: no climb binary at $climb (run: make bench)" >&2; exit 1; }
# Commands below are built from these paths by word splitting ($ui): no blanks.
case $build in *[[:space:]]*) echo "bench: the build path must not contain blanks: $build" >&2; exit 1 ;; esac
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 command (tools/deps.sh)" >&2; exit 1; }
mkdir -p "$tools" "$data"

# Repetitions (rounds of interleaved runs) per measure.
if [ "${BENCH_QUICK:-0}" = 1 ]; then
    n_frame=10 n_session=3 n_hist=10 n_tick=50 n_cli=5 n_export_small=5 n_export_big=2
else
    n_frame=40 n_session=10 n_hist=30 n_tick=200 n_cli=20 n_export_small=15 n_export_big=5
fi

# --- a fixed, headless environment ------------------------------------------
export TERM=xterm-256color CLIMB_NOW=2026-03-14T09:30:00Z
unset CLIMB_DB CLIMB_KEYS COLUMNS LINES NO_COLOR 2>/dev/null || true
if locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then export LC_ALL=C.UTF-8; fi
now_epoch=$(date -u -d "$CLIMB_NOW" +%s)

# --- the bench's tools ------------------------------------------------------
CC=${CC:-cc}
WARN="-std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
-Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wundef"
pkgs="ncursesw sqlite3 yaml-0.1 jansson"
# newer A B: A exists and was modified after B.
newer() { [ -e "$1" ] && [ -n "$(find "$1" -prune -newer "$2" 2>/dev/null)" ]; }
# tool NAME PKGS: compiles bench/NAME.c when the binary is missing or older.
tool() {
    newer "$tools/$1" "bench/$1.c" && return 0
    cflags="" libs=""
    # shellcheck disable=SC2086 # PKGS is a list
    [ -z "$2" ] || { cflags=$(pkg-config --cflags $2) && libs=$(pkg-config --libs $2); }
    # shellcheck disable=SC2086
    $CC $WARN -O2 $cflags -o "$tools/$1" "bench/$1.c" $libs
}
tool measure ""
tool floor "ncursesw sqlite3"
tool commit_floor sqlite3
tool gen_db "sqlite3 jansson"
# tick_cost links climb's own objects, as the unit tests do (all but main.o).
objs=""
for s in src/*.c; do
    o=$build/obj/$(basename "$s" .c).o
    [ "$o" = "$build/obj/main.o" ] || [ ! -f "$o" ] || objs="$objs $o"
done
# shellcheck disable=SC2046,SC2086
$CC $WARN -O2 -Iinclude $(pkg-config --cflags $pkgs) -o "$tools/tick_cost" bench/tick_cost.c \
    $objs "$build"/gen/schema.o "$build"/gen/builtin_ladder.o $(pkg-config --libs $pkgs)
measure=$tools/measure

# --- statistics (awk over measure's "LABEL RSS_KB T1 ... TN" lines) ---------
# samples FILE LABEL -> the times; rss FILE LABEL -> peak KB
samples() { awk -v l="$2" '$1 == l { for (i = 3; i <= NF; i++) printf "%s ", $i }' "$1"; }
rss() { awk -v l="$2" '$1 == l { print $2 }' "$1"; }
# stat "T1 T2 ..." -> "median min max"
stat() {
    printf '%s\n' "$1" | tr ' ' '\n' | grep . | sort -g | awk '
        { v[NR] = $1 }
        END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              printf "%.6f %.6f %.6f\n", m, v[1], v[NR] }'
}
# pairdiff "A1 A2 ..." "B1 B2 ..." K -> (Ai - Bi) / K for each round i
pairdiff() {
    awk -v a="$1" -v b="$2" -v k="$3" 'BEGIN {
        n = split(a, x, " "); split(b, y, " ")
        for (i = 1; i <= n; i++) printf "%.6f ", (x[i] - y[i]) / k }'
}
# row EVENTS MEASURE "MED MIN MAX" UNIT "FLOOR_MED MIN MAX"|"" TARGET_KIND TARGET
#   UNIT: ms or MB (values given in ms or KB). TARGET_KIND: ratio (climb/floor <= TARGET),
#   abs (climb median <= TARGET in UNIT) or info (no target).
row() {
    awk -v ev="$1" -v what="$2" -v c="$3" -v unit="$4" -v f="$5" -v kind="$6" -v tg="$7" '
    function fmt(x) {
        if (unit == "MB") x = x / 1024
        if (x < 0) return sprintf("%.3f", x)
        if (x >= 100) return sprintf("%.0f", x)
        if (x >= 10) return sprintf("%.1f", x)
        if (x >= 1) return sprintf("%.2f", x)
        return sprintf("%.3f", x)
    }
    function cell(s,   p, n) {
        n = split(s, p, " ")
        if (n == 0) return "-"
        if (n == 1 || p[2] == p[3]) return fmt(p[1]) " " unit
        return fmt(p[1]) " " unit " (" fmt(p[2]) "-" fmt(p[3]) ")"
    }
    BEGIN {
        split(c, cv, " "); nf = split(f, fv, " ")
        ratio = nf && fv[1] > 0 ? sprintf("%.2fx", cv[1] / fv[1]) : "-"
        if (kind == "ratio") {
            target = "<= " tg "x"; ok = nf && cv[1] / fv[1] <= tg
            miss = nf ? sprintf("%.2fx over", cv[1] / fv[1] / tg) : ""
        } else if (kind == "abs") {
            v = unit == "MB" ? cv[1] / 1024 : cv[1]
            target = "<= " tg " " unit; ok = v <= tg; miss = sprintf("%.2fx over", v / tg)
        } else {
            target = "(info)"; ok = -1
        }
        met = ok == -1 ? "" : ok ? "yes" : "**NO** (" miss ")"
        printf "| %s | %s | %s | %s | %s | %s | %s |\n", ev, what, cell(c), cell(f), ratio, target, met
    }'
}
emit() { printf '%s\n' "$*" | tee -a "$results"; }
label() { # 1000 -> 1k
    case $1 in *000000) echo "${1%000000}M" ;; *000) echo "${1%000}k" ;; *) echo "$1" ;; esac
}

# --- key files ----------------------------------------------------------------
# A block of 10 navigation keys, each of which changes what is on screen: four
# cursor moves in the Checklist, Tab to the Ladder, a level down (which selects
# that level's phase), Shift-Tab back, End, Home, and phase 1 again - so every
# block ends on phase 1 with the cursor on its first criterion, where Space ticks.
block='jjkk<Tab>j<BTab>Gg1'
printf 'q' >"$data/q.keys"
printf 'H' >"$data/H.keys"
i=0
: >"$data/HH.keys"
while [ $i -lt 50 ]; do printf 'HH\n' >>"$data/HH.keys"; i=$((i + 1)); done
: >"$data/nav.keys"
: >"$data/mixed.keys"
i=0
while [ $i -lt 100 ]; do
    printf '%s\n' "$block" >>"$data/nav.keys"
    printf '%s<Space>\n' "$block" >>"$data/mixed.keys"
    i=$((i + 1))
done
printf 'q' >>"$data/nav.keys"
# 1,000 presses of '1': each selects phase 1 again and repaints every pane and bar,
# as a tick does.
awk 'BEGIN { for (i = 0; i < 20; i++) { for (j = 0; j < 50; j++) printf "1"; print "" }; printf "q" }' \
    >"$data/repaint.keys"
printf 'q' >>"$data/mixed.keys"

# --- what this climb offers -----------------------------------------------------
help=$("$climb" --help)
has_export=0 has_history=0
printf '%s\n' "$help" | grep -q '^  export ' && has_export=1
printf '%s\n' "$help" | grep -q '^  history' && has_history=1

# --- header -------------------------------------------------------------------
: >"$results"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
fs=$(df -PT "$data" 2>/dev/null | awk 'NR == 2 { print $2 }')
emit "climb bench, $(date -u +%Y-%m-%dT%H:%MZ)"
emit ""
emit "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
emit "- disk: ${fs:-?} at $data; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
emit "- climb $("$climb" --version | sed 's/^climb //'), SQLite $(sqlite3 --version | cut -d' ' -f1), $($CC --version | head -n 1), ncurses $(pkg-config --modversion ncursesw)"
emit "- runs: first frame $n_frame, sessions $n_session, history $n_hist, tick ${n_tick}x2, CLI tick $n_cli, export $n_export_small (1M: $n_export_big); times are median (min-max)"
emit ""
emit "| events | measure | climb | floor | ratio | target | met |"
emit "|---|---|---|---|---|---|---|"

# --- per size -----------------------------------------------------------------
for n in $sizes; do
    ev=$(label "$n")
    big=0
    [ "$n" -gt 1000 ] && big=1 # sizes above 1k are held to the 1M targets
    pristine=$data/events-$n.db
    # (Re)generate when missing or older than the generator or the schema.
    if [ ! -f "$pristine" ] || [ ! -s "$pristine.tick" ] || newer "$tools/gen_db" "$pristine" ||
        newer schema.sql "$pristine"; then
        rm -f "$pristine" "$pristine-wal" "$pristine-shm" "$pristine.tick"
        t0=$(date +%s.%N)
        "$climb" --db "$pristine" --user me status --json >"$data/ladder.json"
        "$tools/gen_db" "$pristine" "$data/ladder.json" "$n" "$now_epoch" >"$pristine.tick"
        t1=$(date +%s.%N)
        awk -v n="$n" -v t="$t1 - $t0" -v mb="$(du -m "$pristine" | cut -f1)" 'BEGIN {
            split(t, p, " - "); printf "bench: generated %s events in %.1f s (%s MB)\n", n, p[1] - p[2], mb }' >&2
    fi
    db=$data/work.db
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$pristine" "$db"
    sync # the copy's dirty pages must not be written back during the fsync measures
    # Every mutating run is followed by a restore of the rows it changed.
    max_id=$(sqlite3 "$db" 'SELECT max(id) FROM events')
    rm -f "$data/saved.db"
    sqlite3 "$data/saved.db" "ATTACH '$db' AS w; CREATE TABLE cs AS SELECT * FROM w.criterion_state WHERE profile_id = 1;"
    cat >"$data/restore.sql" <<EOF
ATTACH '$data/saved.db' AS s;
BEGIN;
DELETE FROM events WHERE id > $max_id;
DELETE FROM criterion_state WHERE profile_id = 1;
INSERT INTO criterion_state SELECT * FROM s.cs;
COMMIT;
EOF
    restore="sqlite3 '$db' < '$data/restore.sql'"
    ui="$climb --db $db --user me --keys" # split into words where it is used

    # 1. first frame vs the minimal program
    out=$data/frame.txt
    $measure -n $n_frame -w 3 floor "$tools/floor" "$db" ::: climb $ui "$data/q.keys" >"$out"
    floor_frame=$(stat "$(samples "$out" floor)")
    row "$ev" "first frame (open, draw, quit)" "$(stat "$(samples "$out" climb)")" ms "$floor_frame" \
        ratio "$([ $big = 1 ] && echo 2 || echo 1.5)" | tee -a "$results"
    floor_rss=$(rss "$out" floor)

    # 1b. the prompt line (status --line: read-only open, no model) vs the same floor
    out=$data/line.txt
    $measure -n $n_frame -w 3 floor "$tools/floor" "$db" ::: line "$climb" --db "$db" --user me \
        status --line >"$out"
    row "$ev" "prompt line (status --line)" "$(stat "$(samples "$out" line)")" ms \
        "$(stat "$(samples "$out" floor)")" ratio 1.2 | tee -a "$results"

    # 2. key latency: 1,000 navigation keys, then the same with 100 ticks among them.
    # First check that the session with ticks really ticks 100 times.
    sh -c "$restore"
    $ui "$data/mixed.keys" >/dev/null </dev/null
    ticked=$(sqlite3 "$db" "SELECT count(*) FROM events WHERE id > $max_id AND kind = 'state'")
    sh -c "$restore"
    [ "$ticked" = 100 ] ||
        echo "bench: the session with ticks wrote $ticked state events, not 100 (is Space still tick?)" >&2
    out=$data/session.txt
    $measure -n $n_session -w 1 -p "$restore" s0 $ui "$data/q.keys" ::: nav $ui "$data/nav.keys" \
        ::: mixed $ui "$data/mixed.keys" ::: repaint $ui "$data/repaint.keys" >"$out"
    nav_key=$(pairdiff "$(samples "$out" nav)" "$(samples "$out" s0)" 1000)
    all_key=$(pairdiff "$(samples "$out" mixed)" "$(samples "$out" s0)" 1100)
    repaint_key=$(pairdiff "$(samples "$out" repaint)" "$(samples "$out" s0)" 1000)
    tui_tick=$(pairdiff "$(samples "$out" mixed)" "$(samples "$out" nav)" 100)
    tick_net=$(pairdiff "$tui_tick" "$repaint_key" 1)
    row "$ev" "navigation key (1,000 in a session)" "$(stat "$nav_key")" ms "" abs 0.1 | tee -a "$results"
    row "$ev" "full repaint key ('1', 1,000 in a session)" "$(stat "$repaint_key")" ms "" abs 0.1 |
        tee -a "$results"
    row "$ev" "any key (1,000 nav + 100 ticks)" "$(stat "$all_key")" ms "" info "" | tee -a "$results"
    session_rss=$(rss "$out" mixed)

    # 3. tick: in-process ops_set_state vs the smallest WAL+FULL commit
    out=$data/tick.txt
    : >"$out"
    rm -f "$data/commit_floor.db" "$data/commit_floor.db-wal" "$data/commit_floor.db-shm"
    crit=$(cat "$pristine.tick") # todo without a note: Space ticks it without a question
    for _ in 1 2; do
        "$tools/commit_floor" "$data/commit_floor.db" $n_tick >>"$out"
        "$tools/tick_cost" "$db" me "$crit" $n_tick >>"$out"
        sh -c "$restore"
    done
    commit_row=$(stat "$(samples "$out" commit_row)")
    row "$ev" "tick, in-process (ops_set_state)" "$(stat "$(samples "$out" tick)")" ms "$commit_row" \
        ratio 1.5 | tee -a "$results"
    if [ "$ticked" = 100 ]; then
        row "$ev" "tick key in the TUI, with its repaint" "$(stat "$tui_tick")" ms "$commit_row" \
            info "" | tee -a "$results"
        row "$ev" "tick key in the TUI, less a full repaint" "$(stat "$tick_net")" ms "$commit_row" \
            ratio 1.5 | tee -a "$results"
    else
        emit "| $ev | tick key in the TUI | invalid: $ticked ticks, not 100 | - | - | <= 1.5x | not measured |"
    fi
    row "$ev" "empty commit (BEGIN IMMEDIATE; COMMIT)" "$(stat "$(samples "$out" commit_empty)")" ms \
        "$commit_row" info "" | tee -a "$results"
    row "$ev" "6-page commit (a tick's WAL frames)" "$(stat "$(samples "$out" commit_pages6)")" ms \
        "$commit_row" info "" | tee -a "$results"
    out=$data/cli_tick.txt
    $measure -n $n_cli -w 1 -p "$restore" tick "$climb" --db "$db" --user me tick "$crit" \
        ::: untick "$climb" --db "$db" --user me untick "$crit" >"$out"
    sh -c "$restore"
    row "$ev" "climb tick, whole process (vs first-frame floor)" "$(stat "$(samples "$out" tick)")" ms \
        "$floor_frame" info "" | tee -a "$results"

    # 4. history view and its chart: a session that opens it, minus one that does not
    # (H must change the screen: otherwise this build has no history view.)
    $ui "$data/q.keys" >"$data/q.screen" </dev/null
    $ui "$data/H.keys" >"$data/H.screen" </dev/null
    cmp -s "$data/q.screen" "$data/H.screen" && has_history=0
    if [ $has_history = 1 ]; then
        out=$data/history.txt
        $measure -n $n_hist -w 2 q $ui "$data/q.keys" ::: H $ui "$data/H.keys" >"$out"
        hist=$(pairdiff "$(samples "$out" H)" "$(samples "$out" q)" 1)
        row "$ev" "history view (H) and chart" "$(stat "$hist")" ms "$floor_frame" abs \
            "$([ $big = 1 ] && echo 20 || echo 5)" | tee -a "$results"
        # The same, opened and closed 50 times in one session (warm, steadier).
        out=$data/history50.txt
        $measure -n $n_session -w 1 q $ui "$data/q.keys" ::: HH $ui "$data/HH.keys" >"$out"
        hist=$(pairdiff "$(samples "$out" HH)" "$(samples "$out" q)" 50)
        row "$ev" "history open + close, 50 in a session" "$(stat "$hist")" ms "" info "" |
            tee -a "$results"
    else
        emit "| $ev | history view (H) and chart | not in this build | - | - | <= $([ $big = 1 ] && echo 20 || echo 5) ms | not measured |"
    fi

    # 5. export vs sqlite3 -json of the same events, with peak memory
    if [ $has_export = 1 ]; then
        out=$data/export.txt
        runs=$n_export_small
        [ "$n" -ge 1000000 ] && runs=$n_export_big
        $measure -n $runs -w 1 export "$climb" --db "$db" --user me export --format json \
            ::: sqlite3 sqlite3 -json "$db" "SELECT * FROM events WHERE profile_id = 1 ORDER BY id" >"$out"
        row "$ev" "export --format json" "$(stat "$(samples "$out" export)")" ms \
            "$(stat "$(samples "$out" sqlite3)")" ratio 2 | tee -a "$results"
        row "$ev" "peak memory, export (vs sqlite3 -json)" "$(rss "$out" export)" MB "$(rss "$out" sqlite3)" \
            abs "$([ $big = 1 ] && echo 32 || echo 16)" | tee -a "$results"
    else
        emit "| $ev | export --format json | not in this build | - | - | <= 2x | not measured |"
    fi

    # 6. peak memory of the TUI session (1,000 nav keys + 100 ticks)
    row "$ev" "peak memory, TUI session (vs floor program)" "$session_rss" MB "$floor_rss" abs \
        "$([ $big = 1 ] && echo 16 || echo 8)" | tee -a "$results"
    rm -f "$db" "$db-wal" "$db-shm"
done
emit ""
emit "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: table saved in $results" >&2
