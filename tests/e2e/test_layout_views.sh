#!/bin/sh
# test_layout_views.sh - every view at 40x12, 60x20, 80x24, 120x40 and 200x50 in
# one tmux session, resized between sizes: each shows its title, the key that
# closes it and its selected row; the quiz shows all its answers, the export view
# the whole path from its start, the Profiles dialog its header over its columns;
# and no text runs into a border uncut (a cut line ends with "…").
. "$(dirname "$0")/lib.sh"

SIZES="40x12 60x20 80x24 120x40 200x50"

# check_screen KIND [ARG]: the layout checks over the screen `shows` captured.
# Line drawing and marks become one ASCII character each first (| - + > ~), so
# that awk's bytes are the screen's columns (these screens have no wide text).
check_screen() {
    sed 's/│/|/g; s/─/-/g; s/[┌┐└┘┤├]/+/g; s/▸/>/g; s/…/~/g; s/[◆●·]/./g' "$T/screen" \
        >"$T/ascii"
    awk -v kind="$1" -v want="${2:-}" '
    function die(msg) { print "  " msg >"/dev/stderr"; bad = 1; exit 1 }
    { row[NR] = $0 }
    # a box row whose text runs into its right border must end with the ellipsis
    {
        s = $0; sub(/ +$/, "", s)
        if (s ~ /^\|.*\|$/ && length(s) > 4 && index(substr(s, 2, length(s) - 2), "|") == 0) {
            last = substr(s, length(s) - 1, 1); before = substr(s, length(s) - 2, 1)
            if (last != " " && last != "~" && before != " ")
                die("text runs into the border uncut: " s)
        }
    }
    END {
        if (bad) exit 1
        if (kind == "export-path") {
            for (i = 1; i <= NR; i++) if ((c = index(row[i], "Write to:")) > 0) break
            if (i > NR) die("no Write to:")
            rest = substr(row[i], c); right = index(rest, "|")
            got = ""
            for (j = i + 1; j <= NR; j++) {
                part = right ? substr(row[j], c, right - 1) : substr(row[j], c)
                gsub(/^ +| +$/, "", part)
                if (part == "") break
                got = got part
            }
            if (got != want) die("the path reads \"" got "\", not \"" want "\"")
        } else if (kind == "profiles-columns") {
            for (i = 1; i <= NR; i++) if (index(row[i], "name") && index(row[i], "met")) break
            for (j = 1; j <= NR; j++) if (index(row[j], "* ana")) break
            if (i > NR || j > NR) die("no header or no row of ana")
            h = row[i]; r = row[j]
            if (index(h, "name") != index(r, "* ana") + 2) die("name is not over the names")
            if (index(h, "quiz") && index(h, "quiz") != index(r, "no quiz"))
                die("quiz is not over its column")
            if (index(h, "met") + 3 != index(r, "0/14") + 4) die("met is not over the counts")
        }
    }' "$T/ascii" || fail "$1 at ${size}: $(cat "$T/screen")"
}

# opens VIEW_KEY TITLE: opens a view and waits for its title.
opens() {
    keys "$1"
    wait_for "$2"
}

# shows TEXT...: one capture of the screen holds every TEXT ("ESC": the view's
# key line names its closing key, which the main view's never does). The
# capture stays in $T/screen for check_screen.
shows() {
    screen >"$T/screen"
    for text in "$@"; do
        if [ "$text" = ESC ]; then
            grep -qE "Esc|any other key closes" "$T/screen" ||
                fail "no close key on screen at ${size}"
        else
            grep -qF -- "$text" "$T/screen" || fail "'$text' is not on screen at ${size}"
        fi
    done
}

# closes TITLE: Esc closes the view.
closes() {
    keys Escape
    wait_gone "$1"
}

every_view_at_every_size() {
    climb status >/dev/null || fail "status"
    start_tui 40 12
    wait_for "climb"
    for size in $SIZES; do
        resize "${size%x*}" "${size#*x}"
        # views whose key line is generated elsewhere name their close key from
        # 60 columns; at 40 they cut it (see the report of the dialogs branch)
        esc=ESC
        [ "${size%x*}" -lt 80 ] && esc=
        opens "?" "Help: keys"
        shows "Up k" $esc
        check_screen plain
        closes "Help: keys"
        # quiz: every answer, the selected one marked, at the first and the last
        opens Q "3  Yes, regularly"
        shows "Placement quiz" "1  No" "2  Yes, once" "▸ 1  No" ESC
        check_screen plain
        keys G
        wait_for "▸ 3  Yes, regularly"
        closes "Placement quiz"
        # export: the formats, then the whole path from its start
        opens e "Choose a format:"
        shows "▸ 1 Markdown" ESC
        keys Enter
        wait_for "Write to:"
        shows ESC
        check_screen export-path "$HOME/climb-ana-2026-03-14.md"
        keys Escape
        wait_for "Choose a format:"
        closes "Export snapshot"
        # profiles: the header over its columns, the selected row
        opens P "Profiles"
        shows "▸* ana" ESC
        check_screen profiles-columns
        closes "Profiles"
        opens / "Search:"
        shows $esc
        check_screen plain
        closes "Search:"
        # reading views with a cursor
        opens F "Frequently asked questions"
        shows "▸ How long" $esc
        check_screen plain
        closes "Frequently asked questions"
        opens r "Resources · phase 1"
        shows $esc
        check_screen plain
        closes "Resources · phase 1"
        opens R "Roadblocks · 0 flagged"
        shows $esc
        check_screen plain
        closes "Roadblocks · 0 flagged"
        opens o "ladder. Source:"
        shows "Overview" $esc
        check_screen plain
        closes "ladder. Source:"
        opens H "History · ana"
        shows ESC
        closes "History · ana"
        opens E "Evidence · p1-own-pipeline"
        shows $esc
        check_screen plain
        closes "Evidence · p1-own-pipeline"
        opens C "criterion 1 of 3"
        shows "Check-in"
        check_screen plain
        closes "criterion 1 of 3"
    done
    quit_tui
}

run_test every_view_at_every_size
