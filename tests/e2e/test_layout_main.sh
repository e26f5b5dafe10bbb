#!/bin/sh
# test_layout_main.sh - the main view at 40x12, 60x20, 80x24, 120x40 and 200x50,
# read off the terminal: the key hints, the cursor's item from its start and the
# selected level always show; the Ladder widens with the screen; the Phase table's
# header stays; the Checklist says where its cursor is; Ladder details cut short
# end with "…". Then the behaviours of issue 13 the main view owns: messages
# expire, every row with evidence is marked, the view opens where the person
# was, and p, x and Space ask alike before unticking a criterion with evidence.
. "$(dirname "$0")/lib.sh"

SIZES="40x12 60x20 80x24 120x40 200x50"

# pane_text FIRST LAST: the screen's columns FIRST..LAST (0-based, by character)
# of every row, one row a line.
pane_text() {
    screen | python3 -c 'import sys
a, b = int(sys.argv[1]), int(sys.argv[2])
for line in sys.stdin.read().splitlines():
    print(line[a:b + 1])' "$1" "$2"
}

# ladder_width: the columns of the Ladder pane, from its top border.
ladder_width() {
    screen | python3 -c 'import sys
for line in sys.stdin.read().splitlines():
    if line.startswith("┌ Ladder"):
        print(line.index("┐") + 1)
        break
else:
    print(0)'
}

# wait_line REGEX: polls until a screen line matches the extended regex.
wait_line() {
    deadline=$(($(date +%s) + 8))
    while ! screen | grep -qE -- "$1"; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "timed out waiting for a line like: $1"
        sleep 0.05
    done
}

hints_shown() {
    deadline=$(($(date +%s) + 8)) # the screen right after a resize may be the old one
    until screen | tail -n 1 | grep -q "Space tick.*? help"; do
        [ "$(date +%s)" -ge "$deadline" ] && fail "no key hints (Space tick ... ? help) at $1"
        sleep 0.05
    done
}

# At every size, walking up and down: the key line, the start of the cursor's
# item (the last of phase 1, selected at 80x24 before shrinking to 40x12), and
# the selected level.
essentials_at_every_size() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys G
    for size in $SIZES 120x40 80x24 60x20 40x12; do
        resize "${size%x*}" "${size#*x}"
        wait_for "A developer team has"
        wait_line "▸[ ◆●]*Junior"
        hints_shown "$size"
    done
    quit_tui
}

# The Ladder cursor stays in sight at 60x20 (where five levels do not fit), and
# the stacked layout shows the selected level's pay, unlock and plateau.
ladder_cursor_and_details_stacked() {
    climb status >/dev/null || fail "status"
    start_tui 60 20
    wait_for "Before moving up to Mid"
    keys h G
    wait_line "▸[ ◆●]*Principal"
    wait_for 'US pay $200K-$320K+'
    wait_for "Unlocks: Setting"
    wait_for "Plateau: "
    keys g
    wait_line "▸[ ◆●]*Junior"
    wait_for 'US pay $90K-$120K'
    quit_tui
}

# The Ladder pane widens with the screen; "Principal · 10+ years" whole at 120;
# details that do not fit end with "…".
ladder_widens_and_marks_cuts() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys h G
    wait_line "▸[ ◆●]*Principal"
    w80=$(ladder_width)
    # the detail's last line before the legend ends a sentence or with …
    last=$(pane_text 0 $((w80 - 1)) | sed -n '3,21p' | grep -v "title (t)\|ticks reach" |
        sed 's/[│ ]*$//' | grep -v '^$' | tail -n 1)
    case "$last" in
    *. | *…) ;;
    *) fail "Ladder details cut without …: '$last'" ;;
    esac
    resize 120 40
    wait_for "Principal · 10+ years"
    w120=$(ladder_width)
    resize 200 50
    wait_for "Principal · 10+ years"
    w200=$(ladder_width)
    [ "$w80" -lt "$w120" ] && [ "$w120" -lt "$w200" ] ||
        fail "the Ladder does not widen: $w80 $w120 $w200"
    quit_tui
}

# The Phase table's header row stays while its rows scroll.
phase_header_stays() {
    climb status >/dev/null || fail "status"
    start_tui 80 20
    wait_for "Before moving up to Mid"
    keys BTab
    wait_for "Phase 1 (Junior)"
    keys G
    wait_for "upstream effects"
    screen | grep -q "Phase 1 (Junior)" || fail "the table's header scrolled away"
    quit_tui
}

# The Checklist shows the cursor's position when not every item fits.
checklist_position() {
    climb status >/dev/null || fail "status"
    start_tui 60 20
    wait_for "Before moving up to Mid"
    wait_for "─ 1/3 ┘"
    keys j
    wait_for "─ 2/3 ┘"
    keys G
    wait_for "─ 3/3 ┘"
    quit_tui
}

# Messages have their own row, leave the key hints alone and go: after a few
# seconds, at the next key, or at Ctrl-L. The title-vs-quiz sentence lives in the
# Ladder pane and stays there.
messages_expire() {
    climb title mid >/dev/null || fail "title"
    climb quiz --answers regularly,regularly,once,once,no >/dev/null || fail "quiz"
    start_tui 80 24
    wait_for "Your title says Mid"
    hints_shown "80x24 with a mismatch"
    keys Z
    wait_for "no action on that key"
    hints_shown "80x24 with a message"
    wait_gone "no action on that key" 7
    # the row the message covered shows the panes' bottom borders again, whole
    screen | sed -n 23p | grep -qE "^└─+┘└─+ 1/4 ┘$" ||
        fail "the row under the message was not restored: $(screen | sed -n 23p)"
    keys Z
    wait_for "no action on that key"
    keys j
    wait_gone "no action on that key" 2
    keys Z
    wait_for "no action on that key"
    keys C-l
    wait_gone "no action on that key" 2
    screen | grep -q "Your title says Mid" || fail "the mismatch sentence went"
    hints_shown "80x24 after messages"
    quit_tui
}

# Every row with evidence says so, whichever row is selected, and rows keep
# their place as the cursor moves; N shows every note in full.
evidence_marked_on_every_row() {
    climb note p1-own-pipeline "$(printf 'Billing pipeline\nsecond line of the note')" >/dev/null ||
        fail "note 1"
    climb note p1-dev-feedback "Thanked in the retro" >/dev/null || fail "note 3"
    climb evidence add p1-solo-incident "Led the March outage review" --date 2026-02-03 >/dev/null ||
        fail "evidence"
    climb tick p1-dev-feedback --date 2026-02-01 >/dev/null || fail "tick"
    start_tui 100 30
    wait_for "✎ 1 · note: Billing pipeline…"
    wait_for "✎ 1 · note: Thanked in the retro"
    screen | grep -q "second line of the note" && fail "a note in full before N"
    before=$(screen | grep -n '\[ \]' | cut -d: -f1 | tr '\n' ' ')
    # the cursor moves by attributes only: wait until each j has been drawn
    styled >"$T/styled"
    keys j
    wait_styled '!=' "$T/styled" "the first j to move the cursor"
    styled >"$T/styled"
    keys j
    wait_styled '!=' "$T/styled" "the second j to move the cursor"
    after=$(screen | grep -n '\[ \]' | cut -d: -f1 | tr '\n' ' ')
    [ "$before" = "$after" ] || fail "rows moved with the cursor: $before / $after"
    keys N
    wait_for "second line of the note"
    wait_for "│    2026-02-03: Led the March outage review" # N lists dated entries on their own lines
    keys N
    wait_gone "second line of the note"
    screen | grep -q "│    2026-02-03: Led" && fail "an entry on its own line after N again"
    screen | grep -q "met 2026-02-01" && fail "the date under the text at 100 columns"
    resize 40 12 # narrow: the date column goes under the ticked criterion's text
    wait_for "met 2026-02-01"
    quit_tui
}

# Opens on the phase last viewed; before any, on the quiz placement's.
opens_where_you_are() {
    climb quiz --answers regularly,regularly,once,once,no >/dev/null || fail "quiz"
    events=$(sqlite3 "$DB" "SELECT count(*) FROM events")
    start_tui 80 24
    wait_for "Before moving up to Staff"
    keys 2
    wait_for "Before moving up to Senior"
    quit_tui
    restart_tmux
    start_tui 80 24
    wait_for "Before moving up to Senior"
    screen | grep -q "phase 2:" || fail "the title bar is not on phase 2"
    quit_tui
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM events")" = "$events" ] ||
        fail "viewing a phase wrote an event"
}

# Switching profiles with P keeps each profile's phase: the one left opens where
# it was left, a profile never viewed opens on its quiz placement.
switching_profiles_keeps_phases() {
    climb status >/dev/null || fail "status"
    "$CLIMB_BIN" --db "$DB" --user bo --create quiz --answers regularly,regularly,once,once,no \
        >/dev/null || fail "bo's quiz"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys 2
    wait_for "Before moving up to Senior"
    keys P
    wait_for "▸* ana"
    keys j Enter
    wait_for "Now using profile bo"
    wait_for "Before moving up to Staff"
    keys P
    wait_for "▸* bo"
    keys k Enter
    wait_for "Now using profile ana"
    wait_for "Before moving up to Senior"
    quit_tui
}

# p, x and Space on a met criterion with a note all ask first; no leaves it met.
p_x_space_ask_alike() {
    climb tick p1-own-pipeline --note "Billing pipeline" >/dev/null || fail "tick"
    start_tui 80 24
    wait_for "Before moving up to Mid · 1/3"
    for k in p x Space; do
        keys "$k"
        wait_for "Untick it anyway?"
        keys n
        wait_gone "Untick it anyway?"
        [ "$(crit_state p1-own-pipeline)" = done ] || fail "$k changed it without asking"
    done
    keys p
    wait_for "becomes in progress;"
    keys y
    wait_for "in progress: You have owned"
    [ "$(crit_state p1-own-pipeline)" = doing ] || fail "p after yes: $(crit_state p1-own-pipeline)"
    quit_tui
}

run_test essentials_at_every_size
run_test ladder_cursor_and_details_stacked
run_test ladder_widens_and_marks_cuts
run_test phase_header_stays
run_test checklist_position
run_test messages_expire
run_test evidence_marked_on_every_row
run_test opens_where_you_are
run_test switching_profiles_keeps_phases
run_test p_x_space_ask_alike
