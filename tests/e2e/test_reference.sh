#!/bin/sh
# test_reference.sh - the reference views in tmux and their command line: flag a
# roadblock with R (kept with its date across a restart, in status --json and the
# history), `climb roadblock`, the phase's resources with r, the FAQ with F, the
# timelines in the Ladder pane, and / search finding a note and a criterion, with
# n/N between matches and Enter jumping to the item.
. "$(dirname "$0")/lib.sh"

# A profile made from the CLI first, so the TUI launch is not a first launch.
prepare() {
    climb status >/dev/null || fail "status failed"
}

# start: opens the TUI and dismisses the first-launch quiz offer if it shows.
start() {
    start_tui "$@"
    wait_for " climb "
    if screen | grep -qF "Welcome to climb"; then
        keys Escape
        wait_gone "Welcome to climb"
    fi
    wait_for "Ladder"
}

# wait_bar TEXT: waits until the bottom line (key hints or a message) shows TEXT;
# the same words inside a view do not count.
wait_bar() {
    deadline=$(($(date +%s) + 8))
    until screen | tail -n 1 | grep -qF -- "$1"; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for the bottom line to say: $1"
        sleep 0.05
    done
}

roadblock_flag_survives_restart() {
    prepare
    start 100 30
    keys R
    wait_for "Roadblocks · 0 flagged"
    wait_for "Why it happens: You are doing Senior work"
    keys j j
    keys Space
    wait_for "Roadblocks · 1 flagged"
    wait_for "[x] Stuck in the on-call firefighting loop"
    wait_for "this is me · flagged 2026-03-14"
    screen | grep -qF "[x] Three or more years" && fail "flagged the wrong roadblock"
    keys Escape
    wait_gone "Roadblocks ·"
    quit_tui
    restart_tmux
    start 100 30
    keys R
    wait_for "Roadblocks · 1 flagged"
    wait_for "[x] Stuck in the on-call firefighting loop"
    wait_for "this is me · flagged 2026-03-14"
    keys Escape
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind='roadblock' AND item='rb-firefighting' AND value='on'")" = 1 ] ||
        fail "expected one roadblock event"
    climb status --json >"$T/s.json" || fail "status --json failed"
    python3 - "$T/s.json" <<'PY' || fail "status --json roadblocks"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["roadblocks"] == [{"id": "rb-firefighting",
                            "title": "Stuck in the on-call firefighting loop",
                            "flagged_at": "2026-03-14T09:30:00Z"}], d["roadblocks"]
PY
}

roadblock_unflag_in_tui() {
    prepare
    climb roadblock rb-senior-stall on >/dev/null || fail "flag failed"
    start 100 30
    keys R
    wait_for "Roadblocks · 1 flagged"
    keys Space
    wait_for "Roadblocks · 0 flagged"
    wait_for "unflagged: Three or more years"
    keys Escape
    quit_tui
    climb roadblock | grep -q '^\[ \] rb-senior-stall' || fail "still flagged"
}

roadblock_cli() {
    out=$(climb roadblock) || fail "list failed"
    [ "$(echo "$out" | grep -c '^\[ \] rb-')" = 5 ] || fail "expected five unflagged: $out"
    out=$(climb roadblock rb-cert-stacking on) || fail "flag failed"
    echo "$out" | grep -qF "rb-cert-stacking: flagged as applying to you (2026-03-14)" || fail "said: $out"
    climb roadblock | grep -q '^\[x\] rb-cert-stacking .*Collecting certifications.*flagged 2026-03-14$' ||
        fail "list lacks the flag: $(climb roadblock)"
    out=$(climb roadblock rb-cert-stacking on) || fail "repeat failed"
    echo "$out" | grep -qF "already flagged, nothing changed" || fail "repeat said: $out"
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE kind='roadblock'")" = 1 ] || fail "repeat wrote an event"
    climb roadblock rb-cert-stackin on >"$T/out" 2>"$T/err"
    [ $? -eq 2 ] || fail "unknown id should exit 2"
    grep -qF "unknown roadblock 'rb-cert-stackin'; closest: rb-cert-stacking" "$T/err" || fail "err: $(cat "$T/err")"
    climb roadblock rb-cert-stacking maybe 2>"$T/err"
    [ $? -eq 2 ] || fail "bad state should exit 2"
    grep -qF "usage: climb roadblock" "$T/err" || fail "no usage: $(cat "$T/err")"
    climb roadblock rb-cert-stacking 2>/dev/null
    [ $? -eq 2 ] || fail "missing on/off should exit 2"
    out=$(climb roadblock rb-cert-stacking off) || fail "unflag failed"
    echo "$out" | grep -qF "no longer flagged" || fail "unflag said: $out"
    climb status --json | grep -q '"roadblocks": \[\]' || fail "status still lists the roadblock"
    [ "$(sqlite3 "$DB" "SELECT value FROM events WHERE kind='roadblock' ORDER BY id DESC LIMIT 1")" = off ] ||
        fail "no off event"
}

resources_for_phase() {
    prepare
    start 100 30
    keys 3 r
    wait_for "Resources · phase 3 (Senior)"
    wait_for "Match each resource to where you are"
    wait_for "Backstage.io"
    wait_for "Team Topologies"
    screen | grep -qF "roadmap.sh" && fail "a phase 1-2 resource in phase 3"
    keys 1
    wait_for "Resources · phase 1"
    wait_for "roadmap.sh/devops"
    wait_for "for phases 1-2"
    screen | grep -qF "Team Topologies" && fail "a phase 3 resource in phase 1"
    keys Escape
    wait_gone "Resources ·"
    quit_tui
}

faq_scrolls() {
    prepare
    start 80 24
    keys F
    wait_for "Frequently asked questions"
    wait_for "How long does it take to become a Senior DevOps Engineer?"
    wait_for "4-7 years"
    keys G
    wait_for "Should a DevOps engineer specialize"
    wait_for "generalist"
    wait_gone "How long does it take to become"
    keys g
    wait_for "How long does it take to become"
    keys Escape
    wait_gone "Frequently asked questions"
    quit_tui
}

ladder_timelines() {
    prepare
    start 100 30
    keys 2
    wait_for "To Senior: 2-4 y"
    keys 3
    wait_for "To Staff: 3-5 y"
    wait_for "US pay"
    quit_tui
    # the stacked layout has room for the long form
    restart_tmux
    start 70 60
    keys 2 Tab
    wait_for "To Senior: usually 2-4 years"
}

search_note_and_criterion() {
    prepare
    climb tick p2-documented-decision --note "Postmortem of the Kafka outage, adopted by Ops" >/dev/null ||
        fail "tick failed"
    start 100 30
    keys /
    wait_for "Search:"
    keys -l "kafka"
    wait_for "match 1 of 1"
    wait_for "Note P2"
    keys Enter
    wait_for "Enter go to it"
    keys Enter
    wait_gone "Search:"
    wait_for "found in: Note"
    wait_for "note: Postmortem of the Kafka outage"
    wait_for "Before moving up to Senior"
    # a criterion: Enter puts the Checklist cursor on it, so Space ticks that one
    keys /
    wait_for "Search:"
    keys C-u
    keys -l "language a VP of engineering"
    wait_for "Search: language a VP of engineering"
    wait_for "match 1 of 1"
    wait_for "Criterion P3"
    keys Enter Enter
    wait_gone "Search:"
    wait_for "Before moving up to Staff · 0/4"
    keys Space
    wait_for "Before moving up to Staff · 1/4"
    quit_tui
    climb status --json >"$T/s.json"
    python3 - "$T/s.json" <<'PY' || fail "the jump did not select the criterion"
import json, sys
d = json.load(open(sys.argv[1]))
done = [c["id"] for p in d["phases"] for c in p["criteria"] if c["state"] == "done"]
assert sorted(done) == ["p2-documented-decision", "p3-business-impact"], done
PY
}

search_next_previous() {
    prepare
    start 100 30
    keys /
    keys -l "backstage"
    wait_for "Search: backstage"
    wait_for "match 1 of "
    n=$(screen | sed -n 's/.*match 1 of \([0-9]*\).*/\1/p')
    [ "${n:-0}" -ge 2 ] || fail "expected several matches, got '$n'"
    keys Enter
    keys n
    wait_for "match 2 of $n"
    keys N N
    wait_for "match $n of $n"
    keys n
    wait_for "match 1 of $n"
    # go to the match in the resource's name: Enter opens Resources on it; each n
    # is waited for, so a slow redraw never lets a second n skip past that match
    at=1
    while ! screen | grep -q "▸ Resource *Resource: Backstage.io"; do
        [ "$at" -ge "$n" ] && fail "no match in a resource name"
        keys n
        at=$((at + 1))
        wait_for "match $at of $n"
    done
    keys Enter
    wait_for "Resources · phase 3"
    wait_for "found in: Resource"
    screen | grep -q "▸ Backstage.io" || fail "Backstage.io not selected"
    keys Escape
    wait_gone "Resources ·"
    # / again offers the last query
    keys /
    wait_for "Search: backstage"
    keys Escape
    wait_gone "Search:"
    quit_tui
}

search_no_match_and_utf8() {
    prepare
    start 100 30
    keys /
    keys -l "ÉTÉ zzz"
    wait_for "no match"
    wait_for "ÉTÉ zzz"
    # "no match" shows already; Enter says it again in the bottom line
    keys Enter
    wait_bar "no match"
    keys Escape
    wait_gone "Search:"
    quit_tui
}

# The search's other keys and jumps: Up/Down/PgDn/PgUp while typing, Tab to the
# list, j/k/g/G/PgDn/PgUp and an unknown key there; a note written outside found
# after the reload; Ctrl-U and Enter on an empty
# query; a hit in a level, a timeline, an FAQ, a quiz question and a phase's
# table each go to their place; at 40 columns a long field is cut.
search_keys_and_jumps() {
    prepare
    start 100 30
    keys /
    keys -l "zebra"
    wait_for "Search: zebra" # the whole word searched, before the note is written
    wait_for "no match"
    # a note written outside while the search is open is found once climb reloads
    climb tick p1-own-pipeline --note "zebra crossing" >/dev/null || fail "tick"
    wait_for "match 1 of 1"
    wait_for "Note P1"
    keys C-u
    keys -l "e"
    wait_gone "Search: zebra" # "match 1 of 1" of zebra must not be read as e's count
    wait_for "Search: e"
    wait_for "match 1 of "
    n=$(screen | sed -n 's/.*match 1 of \([0-9]*\).*/\1/p')
    [ "${n:-0}" -ge 40 ] || fail "expected many matches, got '$n'"
    keys Down Down
    wait_for "match 3 of $n"
    keys Up
    wait_for "match 2 of $n"
    keys PgDn
    wait_for "match 24 of $n"
    keys PgUp
    wait_for "match 2 of $n"
    keys Tab
    wait_for "Enter go to it"
    keys G
    wait_for "match $n of $n"
    keys k
    wait_for "match $((n - 1)) of $n"
    keys g
    wait_for "match 1 of $n"
    keys j PgDn
    wait_for "match 24 of $n"
    keys PgUp
    wait_for "match 2 of $n"
    keys x
    wait_for "n/N move between matches"
    screen | grep -qF "Search:" || fail "an unknown key closed the search"
    keys / C-u
    wait_for "type a word: levels"
    keys Tab Enter
    wait_for "type something to search for"
    jump_to outlasts "found in: Level, Plateau"
    jump_to widens "found in: Timeline, Why it takes this long"
    jump_to verifiable "found in: FAQ, Answer"
    wait_for "Frequently asked questions"
    keys Escape
    wait_gone "Frequently asked questions"
    jump_to recurring "of the placement quiz:"
    jump_to "escalates the edge" "found in: Phase"
    jump_to "not getting promoted" "found in: Roadblock"
    wait_for "Roadblocks · 0 flagged"
    keys Escape
    wait_gone "Roadblocks ·"
    # at 40 columns a long field name leaves no room for the excerpt: cut with …
    resize 40 12
    keys /
    wait_for "Search:"
    keys C-u
    keys -l "widens"
    wait_for "Search: widens" # the last query's "match 1 of 1" showed until now
    wait_for "match 1 of 1"
    screen | grep -qE "Timeline +Why it takes this lo…" || fail "the field was not cut"
    # a query longer than its field scrolls to keep the cursor in sight, and back
    keys C-u
    keys -l "abcdefghijklmnopqrstuvwxyz0123456789XYZ"
    wait_for "Search: nopqrstuvwxyz0123456789XYZ"
    screen | grep -qF "Search: abc" && fail "the query did not scroll to its end"
    keys Home
    wait_for "Search: abcdefghijklmnopqrstuvwxyz"
    screen | grep -qF "XYZ" && fail "the query did not scroll back to its start"
    keys Escape
    wait_gone "Search:"
    quit_tui
}

# jump_to QUERY MESSAGE: searches for QUERY, goes to its first match, waits for MESSAGE.
jump_to() {
    keys /
    wait_for "Search:"
    keys C-u
    keys -l "$1"
    wait_for "Search: $1" # the last query's "match 1 of 1" showed until now
    wait_for "match 1 of 1"
    keys Enter Enter
    wait_gone "Search:"
    wait_for "$2"
}

run_test roadblock_flag_survives_restart
run_test roadblock_unflag_in_tui
run_test roadblock_cli
run_test resources_for_phase
run_test faq_scrolls
run_test ladder_timelines
run_test search_note_and_criterion
run_test search_next_previous
run_test search_no_match_and_utf8
run_test search_keys_and_jumps
