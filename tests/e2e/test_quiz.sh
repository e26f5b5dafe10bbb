#!/bin/sh
# test_quiz.sh - the placement quiz: offered on the first launch of a new profile
# and taken from the keyboard (Backspace goes back), Esc abandoning with nothing
# stored, a retake kept beside the first attempt, the title/placement marks and
# sentence, and `climb quiz` on plain lines and with --answers (good and bad).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }

# settled: waits for the first paint, then for the main view to act on a key (2
# shows phase 2), which it does only after anything shown at launch (the quiz
# offer) is on screen: after this, what is absent from the screen stays absent.
settled() {
    wait_for "Before moving up to" # on the phase last viewed, else the quiz's, else 1
    keys 2
    wait_for "Before moving up to Senior"
}

# A profile made from the CLI, so the TUI does not offer the quiz on launch.
prepare() {
    climb status >/dev/null || fail "status failed"
}

first_launch_quiz_from_keyboard() {
    start_tui 80 24
    wait_for "Where are you now?"
    wait_for "Welcome to climb, ana."
    keys Enter
    wait_for "Question 1 of 5"
    keys 3 Enter
    wait_for "Question 2 of 5"
    keys Down Enter
    wait_for "Question 3 of 5"
    keys BSpace
    wait_for "Question 2 of 5"
    wait_for "▸ 2  Yes, once"
    keys Enter
    wait_for "Question 3 of 5"
    keys 3 Enter
    wait_for "Question 4 of 5"
    keys 2 Enter
    wait_for "Question 5 of 5"
    keys 1 Enter
    wait_for "Your placement: Phase 3 (Senior), on the edge of Phase 4"
    wait_for "questions 1, 2, 3 and 4"
    wait_for "Phase 4 needs at least 4 answered regularly"
    wait_for "Where to start"
    keys Enter
    wait_for "Ladder"
    wait_for "Showing Phase 3, where the quiz says to start."
    wait_for "Before moving up to Staff"
    wait_for "quiz Phase 3, edge of 4"
    screen | grep -q "│ [▸ ] ●Senior" || fail "no placement mark on the Senior row"
    quit_tui
    [ "$(q "SELECT answers || ' ' || phase || ' ' || on_edge_of FROM quiz_attempts")" = \
        "regularly,once,regularly,once,no 3 4" ] || fail "attempt row: $(q 'SELECT * FROM quiz_attempts')"
    [ "$(q "SELECT count(*) FROM events e JOIN quiz_attempts a ON a.event_uuid = e.uuid WHERE e.kind = 'quiz'")" = 1 ] ||
        fail "no quiz event with the attempt's uuid"
    [ "$(q "SELECT quiz_offered FROM profiles")" = 1 ] || fail "quiz_offered not set"
    climb status --json >"$T/s.json"
    python3 - "$T/s.json" <<'PY' || fail "status --json placement"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["placement"] == {"phase": 3, "on_edge_of": 4, "taken_at": "2026-03-14T09:30:00Z"}, d["placement"]
assert d["title"] is None
PY
    # Never offered again unasked.
    restart_tmux
    start_tui 80 24
    settled
    screen | grep -q "Where are you now?" && fail "offered a second time"
    quit_tui
}

skip_offer_once() {
    start_tui 80 24
    wait_for "Where are you now?"
    keys s
    wait_for "Quiz skipped; press Q to take it any time."
    quit_tui
    [ "$(q "SELECT quiz_offered FROM profiles WHERE name = 'ana'")" = 1 ] || fail "not marked offered"
    [ "$(q "SELECT count(*) FROM quiz_attempts")" = 0 ] || fail "skipping stored an attempt"
    restart_tmux
    start_tui 80 24
    settled
    screen | grep -q "Where are you now?" && fail "offered again after a skip"
    quit_tui
}

esc_abandons_nothing_saved() {
    prepare
    before=$(q "SELECT count(*) FROM events")
    start_tui 80 24
    settled
    screen | grep -q "Where are you now?" && fail "offered to a profile made by the CLI"
    keys 1
    wait_for "Before moving up to Mid"
    keys Q
    wait_for "Question 1 of 5"
    keys BSpace
    wait_for "This is the first question; Esc abandons the quiz."
    keys Z
    wait_for "Choose with Up/Down or 1 2 3, then Enter"
    keys G k
    wait_for "▸ 2  Yes, once"
    keys g
    wait_for "▸ 1  No"
    keys i
    wait_for "About this quiz"
    keys j # the introduction scrolls; answering waits
    wait_gone "About this quiz"
    keys i
    wait_for "Question 1 of 5"
    resize 40 12 # no room: the title counts, the hint stands in for the keys
    wait_for "Placement quiz · question 1 of 5"
    keys BSpace
    wait_for "This is the first question; Esc aba"
    resize 80 24
    wait_for "Question 1 of 5"
    keys 3 Enter 3 Enter
    wait_for "Question 3 of 5"
    keys Escape
    wait_for "Quiz abandoned; nothing was saved."
    quit_tui
    [ "$(q "SELECT count(*) FROM quiz_attempts")" = 0 ] || fail "an abandoned quiz was stored"
    [ "$(q "SELECT count(*) FROM events")" = "$before" ] || fail "an abandoned quiz wrote events"
    climb status --json | grep -q '"placement": null' || fail "placement not null"
}

retake_keeps_both() {
    climb quiz --answers no,no,no,no,no >/dev/null || fail "first attempt"
    start_tui 80 24
    wait_for "quiz Phase 1 ·"
    keys Q
    for n in 1 2 3 4 5; do
        wait_for "Question $n of 5"
        keys 3 Enter
    done
    wait_for "Your placement: Phase 4 (Staff)"
    resize 60 14 # the result scrolls, saying there is more below
    wait_for "… more"
    keys j
    wait_gone "Your placement: Phase 4"
    keys G
    wait_for "marks it in the Ladder pane."
    wait_gone "… more"
    keys k g
    wait_for "Your placement: Phase 4 (Staff)"
    keys NPage
    wait_gone "Your placement: Phase 4"
    wait_for "Saved 2026-03-14 09:30"
    keys PPage
    wait_for "Your placement: Phase 4 (Staff)"
    keys i
    wait_for "About this quiz"
    keys i
    wait_for "Your placement: Phase 4 (Staff)"
    keys Q # a retake starts over; Esc abandons it and keeps the placement
    wait_for "Question 1 of 5"
    resize 80 24
    keys Escape
    wait_for "Quiz abandoned; nothing was saved."
    wait_for "quiz Phase 4 ·"
    screen | grep -q "│ [▸ ] ●Staff" || fail "no placement mark on the Staff row"
    quit_tui
    [ "$(q "SELECT count(*) FROM quiz_attempts")" = 2 ] || fail "expected two attempts"
    climb quiz --history >"$T/h" || fail "history failed"
    [ "$(wc -l <"$T/h")" = 2 ] || fail "history: $(cat "$T/h")"
    head -1 "$T/h" | grep -q "Phase 4 (Staff) .*regularly,regularly,regularly,regularly,regularly" ||
        fail "newest first: $(cat "$T/h")"
    tail -1 "$T/h" | grep -q "Phase 1 (Junior) .*no,no,no,no,no" || fail "first attempt: $(cat "$T/h")"
}

title_marks_and_sentence() {
    climb title mid >/dev/null || fail "title mid"
    climb quiz --answers regularly,regularly,regularly,regularly,no >/dev/null || fail "quiz"
    start_tui 80 24
    wait_for "Your title says Mid" # in the Ladder pane, wrapped to its width
    screen | python3 -c 'import sys
text = " ".join(l[1:22].strip() for l in sys.stdin.read().splitlines()[2:])
sys.exit("Your title says Mid but the quiz puts you at Staff (Phase 4)." not in text)' ||
        fail "the Ladder pane lacks the whole sentence"
    wait_for "◆ title Mid"
    screen | grep -q "│  ◆ Mid" || fail "no title mark on the Mid row"
    screen | grep -q "│ [▸ ] ●Staff" || fail "no placement mark on the Staff row"
    keys h G k # the Ladder, its last level, then one up: Staff
    wait_for "Staff · 7-10 years"
    keys t
    wait_for "Your title is now Staff."
    wait_for "◆ title Staff"
    screen | grep -q "│ ▸◆●Staff" || fail "title and placement marks not both on Staff"
    screen | grep -q "Your title says" && fail "sentence shown though title and placement agree"
    keys t # the same level again: said, and no second event
    wait_for "Staff is already your title."
    keys Space # ticking belongs to the Checklist: the Ladder pane says where
    wait_for "Tab to the Checklist pane (or press 1-4) to tick a criterion"
    quit_tui
    [ "$(climb title)" = "title: Staff" ] || fail "climb title: $(climb title)"
    [ "$(q "SELECT group_concat(ifnull(previous, '') || '>' || value) FROM events WHERE kind = 'title'")" = ">mid,mid>staff" ] ||
        fail "title events: $(q "SELECT previous, value FROM events WHERE kind = 'title'")"
    expect_exit 2 "unknown level 'boss'; the levels are: junior, mid, senior, staff, principal" -- \
        climb title boss
}

cli_answers_json_and_status() {
    out=$(climb quiz --answers once,once,regularly,regularly,no --json) || fail "quiz --json failed"
    echo "$out" >"$T/q.json"
    climb title senior >/dev/null
    climb status --json >"$T/s.json"
    python3 - "$T/q.json" "$T/s.json" <<'PY' || fail "JSON shapes"
import json, sys
q = json.load(open(sys.argv[1]))
assert q == {"phase": 3, "on_edge_of": 4, "yes": 4, "regularly": 2,
             "taken_at": "2026-03-14T09:30:00Z"}, q
s = json.load(open(sys.argv[2]))
assert s["title"] == "senior", s["title"]
assert s["placement"] == {"phase": 3, "on_edge_of": 4, "taken_at": "2026-03-14T09:30:00Z"}
PY
    climb quiz --answers once,once,no,no,no --json | grep -q '"on_edge_of": null' ||
        fail "on_edge_of not null off the boundaries"
    climb quiz --answers once,once,no,no,no | grep -q "Placement: Phase 2 (Mid)" || fail "text output"
}

cli_answers_malformed() {
    for bad in "no,once" "no,once,regularly,no,no,no" "no,no,maybe,no,no" "no,no,no,no," "NO,no,no,no,no"; do
        expect_exit 2 "nothing saved" -- climb quiz --answers "$bad"
        grep -q "Placement" "$T/expect.out" && fail "printed a placement for '$bad'"
    done
    grep -q "answer 1 is 'NO'; use no, once or regularly" "$T/expect.out" || fail "unknown word message"
    expect_exit 2 "expected 5 answers \\(one per question\\), got 2" -- climb quiz --answers no,once
    expect_exit 2 "quiz: --answers needs a value" -- climb quiz --answers
    [ "$(q "SELECT (SELECT count(*) FROM profiles) + (SELECT count(*) FROM quiz_attempts) + (SELECT count(*) FROM events)")" = 0 ] ||
        fail "malformed answers stored something"
}

cli_plain_lines() {
    printf '1\n2\nmaybe\n3\nregularly\nr\n' | climb quiz >"$T/out" || fail "quiz from a pipe failed"
    grep -q "Question 5 of 5" "$T/out" || fail "questions not asked"
    grep -q "Please answer 1, 2 or 3" "$T/out" || fail "bad line not re-asked"
    grep -q "Placement: Phase 3 (Senior), on the edge of Phase 4" "$T/out" || fail "placement: $(cat "$T/out")"
    grep -q "Where to start:" "$T/out" || fail "no advice"
    [ "$(q "SELECT answers FROM quiz_attempts")" = "no,once,regularly,regularly,regularly" ] || fail "stored answers"
    # blanks around an answer, and a Windows line end, are not part of it
    printf ' no \r\n\tonce\t\n 3\nr  \nn\n' | climb quiz >"$T/out" || fail "padded answers"
    grep -q "Please answer" "$T/out" && fail "a padded answer was refused: $(cat "$T/out")"
    [ "$(q "SELECT answers FROM quiz_attempts ORDER BY rowid DESC LIMIT 1")" = \
        "no,once,regularly,regularly,no" ] || fail "padded answers stored wrong"
    printf '1\n2\n' >"$T/short"
    expect_exit 1 "nothing saved" -- climb quiz <"$T/short"
    [ "$(q "SELECT count(*) FROM quiz_attempts")" = 2 ] || fail "an unfinished quiz was stored"
}

# The quiz, title, users and the P switcher under valgrind: no invalid access, no
# leak. Skipped in sanitizer builds and where valgrind is missing.
quiz_under_valgrind() {
    case "${CLIMB_BUILD:-build}" in *asan*) return 0 ;; esac
    command -v valgrind >/dev/null 2>&1 || return 0
    vg() {
        valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
            --errors-for-leak-kinds=definite,indirect "$CLIMB_BIN" --db "$DB" --user ana "$@"
    }
    vg quiz --answers no,once,regularly,no,no >/dev/null 2>"$T/vg" || fail "quiz: $(cat "$T/vg")"
    expect_exit 2 "expected 5 answers" -- vg quiz --answers no,once
    printf '1\n2\n3\n' >"$T/short"
    expect_exit 1 "nothing saved" -- vg quiz <"$T/short"
    vg quiz --history --json >/dev/null 2>"$T/vg" || fail "history: $(cat "$T/vg")"
    vg title senior >/dev/null 2>"$T/vg" || fail "title: $(cat "$T/vg")"
    vg users --json >/dev/null 2>"$T/vg" || fail "users: $(cat "$T/vg")"
    printf 'Q3<Enter>2<Enter><Backspace><Enter>1<Enter>1<Enter>1<Enter><Enter>PnZo\303\253<Left><Backspace><Enter>s<Enter>Pkr<Backspace>x<Enter><Esc>htq' >"$T/keys"
    TERM=xterm-256color vg --keys "$T/keys" >/dev/null 2>"$T/vg" || fail "TUI: $(cat "$T/vg")"
    [ "$(q "SELECT count(*) FROM quiz_attempts")" = 2 ] || fail "headless quiz not recorded"
    [ "$(q "SELECT count(*) FROM profiles WHERE name IN ('anx', 'Zë')")" = 2 ] ||
        fail "headless profiles: $(q 'SELECT name FROM profiles')"
}

run_test first_launch_quiz_from_keyboard
run_test skip_offer_once
run_test esc_abandons_nothing_saved
run_test retake_keeps_both
run_test title_marks_and_sentence
run_test cli_answers_json_and_status
run_test cli_answers_malformed
run_test cli_plain_lines
run_test quiz_under_valgrind
