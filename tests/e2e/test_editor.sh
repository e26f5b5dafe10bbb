#!/bin/sh
# test_editor.sh - the built-in editor keeps what is typed (issue 13, problems 1
# and 2): Esc with changed text asks "Save, discard, or keep editing?" and each
# answer does what it says; Home sent as ESC [ 1 ~ (tmux under xterm-256color) and
# Alt-b move the cursor instead of closing the editor or switching the phase; a
# long note wraps at words on several rows; Ctrl-W/U/K delete; a bracketed paste
# with a line break and a tab arrives whole and does not save; a key file drives
# the same decoding headless.
. "$(dirname "$0")/lib.sh"

# note ID: the stored note of criterion ID ("" when none).
note() {
    climb status --json >"$T/s.json" || fail "status --json"
    python3 - "$T/s.json" "$1" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["phases"]:
    for c in p["criteria"]:
        if c["id"] == sys.argv[2]:
            sys.stdout.write(c["note"] or "")
PY
}

# db_note ID: the note of criterion ID as the database holds it (quicker than
# note when a test checks it many times).
db_note() {
    sqlite3 "$DB" "SELECT note FROM criterion_state WHERE criterion_id = '$1'"
}

# open_editor: the note editor on the first criterion of the phase shown.
open_editor() {
    keys n
    wait_for "Ctrl-X save"
}

# Ctrl-C in the editor is a key, not the end of the program: with typed text it
# asks like Esc; in the main view (and in a view that does not bind it) it quits.
ctrl_c_asks_then_quits() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    open_editor
    keys -l "Led the Kafka migration"
    wait_for "Led the Kafka migration"
    keys C-c
    wait_for "Save, discard, or keep editing?"
    screen | grep -q "EXITED" && fail "Ctrl-C ended climb with text in the editor"
    keys C-c # again: still only the question, answered "keep editing"
    wait_gone "Save, discard, or keep editing?"
    wait_for "Led the Kafka migration"
    keys C-x
    wait_gone "Ctrl-X save"
    climb status --json | grep -qF '"note": "Led the Kafka migration"' || fail "the note was not saved"
    keys F
    wait_for "Frequently asked questions"
    keys C-c
    wait_for "EXITED:0"
}

esc_asks_before_discarding() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    open_editor
    keys Escape # nothing typed: closes at once
    wait_gone "Ctrl-X save"
    screen | grep -qF "Save, discard" && fail "asked although nothing changed"
    open_editor
    keys -l "Cut build time from 40 to 12 minutes"
    wait_for "Cut build time from 40 to 12 minutes"
    keys Escape
    wait_for "Save, discard, or keep editing?"
    keys e
    wait_gone "Save, discard, or keep editing?"
    wait_for "Cut build time from 40 to 12 minutes"
    keys -l " for all"
    wait_for "to 12 minutes for all"
    keys Escape
    wait_for "Save, discard, or keep editing?"
    keys d
    wait_gone "Ctrl-X save"
    [ -z "$(note p1-own-pipeline)" ] || fail "discard saved: $(note p1-own-pipeline)"
    open_editor
    keys -l "Kept"
    wait_for "Kept"
    keys Escape
    wait_for "Save, discard, or keep editing?"
    keys s
    wait_for "note saved"
    [ "$(note p1-own-pipeline)" = "Kept" ] || fail "s did not save: $(note p1-own-pipeline)"
    quit_tui
}

# A one-line prompt of the editor (the reason for n/a) asks the same way.
one_line_prompt_asks() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys x
    wait_for "Why does this not apply to you?"
    keys -l "another team owns it"
    wait_for "another team owns it"
    keys Escape
    wait_for "Save, discard, or keep editing?"
    keys d
    # the question covers the prompt's title: wait for the question to go first,
    # else the title is "gone" before d is read and the state is read too early
    wait_gone "Save, discard, or keep editing?"
    wait_gone "Why does this not apply to you?"
    [ "$(crit_state p1-own-pipeline)" = todo ] || fail "discard changed the state"
    keys x
    wait_for "Why does this not apply to you?"
    keys -l "another team owns it"
    wait_for "another team owns it"
    keys Escape
    wait_for "Save, discard, or keep editing?"
    keys s
    wait_gone "Save, discard, or keep editing?" # as above: then s has been read
    wait_gone "Why does this not apply to you?"
    [ "$(crit_state p1-own-pipeline)" = "n/a" ] || fail "s did not save: $(crit_state p1-own-pipeline)"
    quit_tui
}

home_sequence_and_alt_b_stay_in_the_editor() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    keys 2
    wait_for "phase 2: 0/"
    open_editor
    keys -l "alpha beta"
    wait_for "alpha beta"
    keys -H 1b 5b 31 7e # Home as tmux sends it under TERM=xterm-256color
    sleep 0.2
    keys -l "X"
    wait_for "Xalpha beta"
    screen | grep -qF "phase 2: 0/" || fail "the phase changed"
    keys End
    sleep 0.1
    keys M-b # Alt-b: back a word
    sleep 0.2
    keys -l "Y"
    wait_for "Xalpha Ybeta"
    keys C-x
    wait_for "note saved"
    wait_for "phase 2: 0/"
    [ "$(note p2-reduce-oncall)" = "Xalpha Ybeta" ] || fail "note: $(note p2-reduce-oncall)"
    keys -H 1b 5b 31 7e # in the main view too: Home, never Esc then 1
    keys F1 # keys are read in order: once help shows, the sequence has been read
    wait_for "Help"
    screen | grep -qF "phase 2: 0/" || fail "the phase changed from the main view"
    keys Escape
    wait_gone "Help"
    quit_tui
}

# Every word of the note shows whole on the screen, on more than two rows: no row
# of the box ends inside a word (the note has no word wider than the box).
long_note_wraps_at_words() {
    text="Designed and shipped the deploy pipeline used by four teams, cutting lead time from two days to forty minutes, documented in ADR-7 and the runbook."
    climb note p1-own-pipeline "$text" >/dev/null || fail "note"
    start_tui 60 20
    wait_for "Before moving up to Mid"
    open_editor
    wait_for "Designed and shipped" # an existing note opens with its start visible
    screen >"$T/screen"
    python3 - "$T/screen" "$text" <<'PY' || fail "wrap: $(cat "$T/screen")"
import re, sys
screen = open(sys.argv[1]).read().splitlines()
words = sys.argv[2].split()
# the editor box: rows between its top border (the title) and the footer
top = next(i for i, l in enumerate(screen) if "Evidence: p1-own-pipeline" in l)
foot = next(i for i, l in enumerate(screen) if "Ctrl-X save" in l)
start = screen[top].index("Evidence:") - 2  # the box's left border column
rows = [l[start + 2:].split("\u2502")[0].rstrip() for l in screen[top + 1:foot]]
text_rows = [r for r in rows if r.strip()]
assert len(text_rows) >= 3, text_rows
shown = " ".join(text_rows).split()
# a word cut at a row's end would show as two pieces, neither of them the word
for w in words:
    assert w in shown, (w, text_rows)
assert len(shown) == len(words), text_rows
PY
    keys Escape
    wait_gone "Ctrl-X save"
    quit_tui
}

# A note longer than the box opens at its start, with a mark saying there is more
# below; Ctrl-End goes to its end, and the mark turns to say there is more above.
long_existing_note_opens_at_its_start() {
    climb note p1-own-pipeline "$(python3 -c "print(' '.join('word%d' % i for i in range(80)))")" >/dev/null || fail "note"
    start_tui 40 12
    wait_for "phase 1: 0/"
    open_editor
    wait_for "word0 word1"
    screen | grep -qF "▼" || fail "no mark of more text below"
    screen | grep -qF "▲" && fail "a mark of text above at the start"
    keys C-End
    wait_for "word79"
    wait_gone "word0 word1"
    screen | grep -qF "▲" || fail "no mark of more text above"
    # PgUp puts the cursor on the top row; Up past it scrolls the text down a row
    keys PPage Up
    wait_gone "word79"
    # a word wider than the box breaks inside it, with a mark at the row's end
    keys C-End
    wait_for "word79"
    keys -l " yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
    wait_for "yyyyyyyyyyyyyyy↪"
    keys C-x
    wait_gone "Ctrl-X save"
    quit_tui
}

kill_keys() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    open_editor
    keys -l "alpha beta gamma"
    wait_for "alpha beta gamma"
    keys C-w # the word before the cursor
    wait_gone "alpha beta gamma"
    wait_for "alpha beta"
    keys Left Left Left C-k # to the end of the line: "alpha be"
    wait_gone "alpha bet"
    wait_for "alpha be"
    keys Left C-u # to the start of the line: "e"
    wait_gone "alpha"
    keys -l "Z"
    wait_for "Ze"
    keys C-x
    wait_for "note saved"
    [ "$(note p1-own-pipeline)" = "Ze" ] || fail "note: $(note p1-own-pipeline)"
    quit_tui
}

bracketed_paste_arrives_whole() {
    climb status >/dev/null || fail "status"
    start_tui 80 24
    wait_for "Before moving up to Mid"
    open_editor
    printf 'line one\tx\nline two' | tmux -L "$TMUX_SOCK" load-buffer - || fail "load-buffer"
    tmux -L "$TMUX_SOCK" paste-buffer -p || fail "paste-buffer"
    wait_for "line one    x"
    wait_for "line two"
    screen | grep -qF "Ctrl-X save" || fail "the paste's Enter closed the editor"
    keys C-x
    wait_for "note saved"
    want=$(printf 'line one    x\nline two')
    [ "$(note p1-own-pipeline)" = "$want" ] || fail "note: $(note p1-own-pipeline)"
    # pasted into the main view: said where text goes, and none of it read as keys
    # (its q would quit, its 2 switch phases, its Space tick)
    printf 'q2 x' | tmux -L "$TMUX_SOCK" load-buffer - || fail "load-buffer"
    tmux -L "$TMUX_SOCK" paste-buffer -p || fail "paste-buffer"
    wait_for "pasted text goes into a field: n writes a note"
    screen | grep -q "EXITED" && fail "the paste's q quit"
    screen | grep -qF "Before moving up to Mid" || fail "the paste's 2 switched phases"
    [ "$(crit_state p1-own-pipeline)" = todo ] || fail "the paste ticked"
    quit_tui
}

# The same decoding from a key file: <Esc> then [1~ are separate presses (Esc
# closes the unchanged editor, then the keys go to the main view), while <seq [1~>
# and <M-b> arrive together; a swallowed sequence leaves nothing behind.
key_file_decodes_headless() {
    climb status >/dev/null || fail "status"
    printf 'nalpha beta<seq [1~>X<End><M-b>Y<seq [99;9z>Z<paste>p<Tab>q<Enter>r</paste><C-x>q' >"$T/keys"
    "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >/dev/null 2>&1 || fail "keys run"
    want=$(printf 'Xalpha YZp  q\nrbeta') # the paste goes in at the cursor, before beta
    [ "$(note p1-own-pipeline)" = "$want" ] || fail "note: $(note p1-own-pipeline)"
}

# Every editing key of the note editor, headless, each leaving its mark on the
# saved note: Left/Del/Right/Tab, Up and Down keeping the column, Ctrl-Home and
# Ctrl-End (rxvt sequences), Alt-f and Alt-d, PgDn past the last row and PgUp
# past the first.
editing_keys_headless() {
    climb status >/dev/null || fail "status"
    printf '%s' '<resize 80x24>nabc<Left><Left><Del><Right><Tab>d<Enter>xyz<Up>U<Down>D' \
        '<seq [7^>S<seq [8^>E<seq [7^><M-f><M-d>W<PgDn>P<PgUp>Q<C-x>q' >"$T/keys"
    "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >/dev/null 2>&1 || fail "keys run"
    want=$(printf 'QSacW d\nxyzDEP')
    [ "$(note p1-own-pipeline)" = "$want" ] || fail "note: $(note p1-own-pipeline)"
}

# Home and End on a wrapped line: once to the edge of the row, again to the edge
# of the line; Backspace deletes before the cursor. A key file that ends inside
# the editor saves nothing and ends cleanly.
row_edges_headless() {
    climb status >/dev/null || fail "status"
    printf '%s' '<resize 40x12>naaaa bbbb cccc dddd eeee ffff gggg hhhZ<Backspace>h' \
        '<Home><Home>X<End><End>Y<C-x>q' >"$T/keys"
    "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >/dev/null 2>&1 || fail "keys run"
    want="Xaaaa bbbb cccc dddd eeee ffff gggg hhhhY"
    [ "$(note p1-own-pipeline)" = "$want" ] || fail "note: $(note p1-own-pipeline)"
    printf 'nunsaved words' >"$T/keys"
    "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >/dev/null 2>&1 || fail "keys run ending in the editor"
    [ "$(db_note p1-own-pipeline)" = "$want" ] || fail "note changed: $(db_note p1-own-pipeline)"
}

# $EDITOR that fails, that writes bytes that are not UTF-8 or more than a note
# holds, that removes its file, or no directory for its temporary file: the note stays as it was and the
# message says why.
external_editor_failures_headless() {
    climb tick p1-own-pipeline --note "kept" >/dev/null || fail "tick"
    printf 'nq' >"$T/keys"
    try_editor() { # ENV... : runs the key file with ENV, then checks the note and message
        env "$@" "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >"$T/out" 2>&1 ||
            fail "keys run with $*"
        [ "$(db_note p1-own-pipeline)" = "kept" ] || fail "note changed with $*: $(db_note p1-own-pipeline)"
    }
    try_editor EDITOR=false
    grep -aqF "the editor (false) failed; the note was not changed" "$T/out" || fail "no failure message"
    printf '#!/bin/sh\nprintf "\\377\\376" >"$1"\n' >"$T/bad-utf8"
    printf '#!/bin/sh\nhead -c 70000 /dev/zero | tr "\\0" a >"$1"\n' >"$T/too-long"
    chmod +x "$T/bad-utf8" "$T/too-long"
    for ed in bad-utf8 too-long; do
        try_editor EDITOR="$T/$ed"
        grep -aqF "the edited note is too long or not UTF-8; not changed" "$T/out" ||
            fail "no message for $ed"
    done
    # an editor that removes the file leaves the note as it was (it used to empty it)
    printf '#!/bin/sh\nrm -f "$1"\n' >"$T/remover"
    chmod +x "$T/remover"
    try_editor EDITOR="$T/remover"
    grep -aqF "the editor left no file; the note was not changed" "$T/out" || fail "no message for a removed file"
    try_editor EDITOR="$T/too-long" TMPDIR="$T/missing"
    grep -aqF "cannot make a temporary file for the editor" "$T/out" || fail "no message for TMPDIR"
    [ "$(note p1-own-pipeline)" = "kept" ] || fail "status shows the note as: $(note p1-own-pipeline)"
}

# A one-line prompt at its limit (the stale period holds 8 bytes): a typed
# character past it is refused with a beep, a paste is cut with a message, and
# what fits is saved.
prompt_at_its_limit_headless() {
    climb status >/dev/null || fail "status"
    stale() { climb status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["profile"]["stale_months"])'; }
    printf 'S<C-u>24      5<Enter>q' >"$T/keys"
    "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >/dev/null 2>&1 || fail "keys run"
    [ "$(stale)" = 24 ] || fail "stale months: $(stale)"
    printf 'S<C-u><paste>36      7</paste><Enter>q' >"$T/keys"
    "$CLIMB_BIN" --db "$DB" --user ana --keys "$T/keys" >"$T/out" 2>&1 || fail "keys run with a paste"
    [ "$(stale)" = 36 ] || fail "stale months after the paste: $(stale)"
    grep -aqF "the paste did not all fit" "$T/out" || fail "no message for the cut paste"
}

# Stopped with text in the editor, where it cannot ask (SIGTERM; SIGHUP when the
# terminal closes): the text is kept in a file beside the database (0600), said
# on the way out and at every start until deleted, and nothing is saved unasked.
stop_keeps_typed_text() {
    climb status >/dev/null || fail "status"
    for sig in TERM HUP; do
        f=$DB.unsaved-20260314T093000Z.txt # the clock is pinned: the second is -2
        [ $sig = HUP ] && f=$DB.unsaved-20260314T093000Z-2.txt
        restart_tmux
        start_tui 160 24
        wait_for "Before moving up to Mid"
        open_editor
        keys -l "half a sentence, $sig"
        wait_for "half a sentence, $sig"
        pid=$(pgrep -f -- "--db $DB --user ana" | head -n 1)
        [ -n "$pid" ] || fail "no climb process"
        kill -$sig "$pid"
        wait_for "EXITED:0"
        screen | tr -d '\n' |
            grep -qF "climb: the text you were editing was not saved; it is kept in $f" ||
            fail "($sig) nothing said about $f"
        grep -qx "half a sentence, $sig" "$f" || fail "($sig) the text is not in $f: $(cat "$f")"
        [ "$(stat -c %a "$f")" = 600 ] || fail "($sig) $f is not private"
    done
    [ "$(ls "$DB".unsaved-*.txt | wc -l)" = 2 ] || fail "not two files: $(ls "$DB".unsaved-*)"
    [ -z "$(note p1-own-pipeline)" ] || fail "the text was saved without asking"
    restart_tmux
    start_tui 160 24
    wait_for "text not saved when climb last had to stop is kept in $DB.unsaved-20260314T093000Z-2.txt (and more"
    quit_tui
}

run_test esc_asks_before_discarding
run_test ctrl_c_asks_then_quits
run_test one_line_prompt_asks
run_test home_sequence_and_alt_b_stay_in_the_editor
run_test long_note_wraps_at_words
run_test long_existing_note_opens_at_its_start
run_test kill_keys
run_test bracketed_paste_arrives_whole
run_test key_file_decodes_headless
run_test editing_keys_headless
run_test row_edges_headless
run_test external_editor_failures_headless
run_test prompt_at_its_limit_headless
run_test stop_keeps_typed_text
