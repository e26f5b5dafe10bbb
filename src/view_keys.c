/* view_keys.c - the views' key tables as data: finding the command of a key,
 * the rows help lists, the one footer format every view uses (view_hint), and
 * the list of every view's tables by name that climb keys, help and the tests
 * read. The key grammar these tables follow is written down in docs/keys.md. */
#include "climb/doc_view.h"
#include "climb/line_edit.h"
#include "climb/text.h"
#include "climb/view.h"
#include "climb/view_checkin.h"
#include "climb/view_confirm.h"
#include "climb/view_evidence.h"
#include "climb/view_export.h"
#include "climb/view_faq.h"
#include "climb/view_editor.h"
#include "climb/view_history.h"
#include "climb/view_history_event.h"
#include "climb/view_ladder_update.h"
#include "climb/view_overview.h"
#include "climb/view_profiles.h"
#include "climb/view_quiz.h"
#include "climb/view_resources.h"
#include "climb/view_roadblocks.h"
#include "climb/view_search.h"

#include <stdio.h>
#include <string.h>

int view_key_cmd(const view_key *table, int key, int is_char)
{
    for (const view_key *k = table; k && k->name; k++)
        if (is_char ? (k->key && k->key == key) : (k->fkey && k->fkey == key))
            return k->cmd;
    return 0;
}

int view_keys_take_text(const view_key *table)
{
    for (const view_key *k = table; k && k->name; k++)
        if (!k->key && !k->fkey)
            return 1;
    return 0;
}

/* The first row of the table binding character c or function key f, or NULL. */
static const view_key *first_binding(const view_key *table, int c, int f)
{
    for (const view_key *k = table; k && k->name; k++)
        if ((c && k->key == c) || (f && k->fkey == f))
            return k;
    return NULL;
}

/* 1 when every key of row k is bound by an earlier row: dispatch never reaches
 * it (a view's own row wins over an editing row), so help does not list it. */
static int dead(const view_key *table, const view_key *k)
{
    if (!k->key && !k->fkey)
        return 0;
    int key_dead = !k->key || first_binding(table, k->key, 0) != k;
    int fkey_dead = !k->fkey || first_binding(table, 0, k->fkey) != k;
    return key_dead && fkey_dead;
}

static void add_row(view_help_row *rows, size_t *n, size_t max, const char *keys,
                    const char *help)
{
    if (*n == max)
        return;
    snprintf(rows[*n].keys, sizeof rows[0].keys, "%s", keys);
    rows[(*n)++].help = help;
}

size_t view_help_rows(const view_key *table, view_help_row *rows, size_t max)
{
    size_t n = 0;
    const char *head_help = "";
    int head_shown = 0;
    for (const view_key *k = table; k && k->name; k++) {
        if (k->help) {
            head_help = k->help;
            head_shown = 0;
        }
        if (dead(table, k))
            continue;
        if (head_shown && n > 0) {
            char *row = rows[n - 1].keys;
            size_t len = strlen(row);
            snprintf(row + len, sizeof rows[0].keys - len, " %s", k->name);
        } else {
            add_row(rows, &n, max, k->name, head_help);
            head_shown = 1;
        }
    }
    if (!view_key_cmd(table, KEY_F(1), 0)) {
        int q = !view_keys_take_text(table) && !view_key_cmd(table, '?', 1);
        add_row(rows, &n, max, q ? "? F1" : "F1", "show the keys of this view");
    }
    if (!view_key_cmd(table, 12, 1))
        add_row(rows, &n, max, "Ctrl-L", "redraw the screen");
    return n;
}

/* The keys of a command as a footer names them: the first word of the first row
 * binding it ("Up k" gives "Up"), or "1-4" for a run of digit keys. */
static void label(const view_key *table, int cmd, char *buf, size_t len)
{
    buf[0] = '\0';
    const view_key *first = NULL, *last = NULL;
    for (const view_key *k = table; k && k->name; k++) {
        if (k->cmd != cmd)
            continue;
        if (!first)
            first = k;
        if (k->key >= '0' && k->key <= '9' && !k->name[1] && first->key >= '0' &&
            first->key <= '9' && !first->name[1])
            last = k;
    }
    if (!first)
        return;
    if (last && last != first)
        snprintf(buf, len, "%c-%c", first->key, last->key);
    else
        snprintf(buf, len, "%.*s", (int)strcspn(first->name, " "), first->name);
}

enum { HINT_ITEMS = 16 };

void view_hint(const view_key *table, const view_hint_item *items, int width, char *buf,
               size_t len)
{
    char parts[HINT_ITEMS + 1][128];
    int keep[HINT_ITEMS + 1], closes[HINT_ITEMS + 1], n = 0;
    for (const view_hint_item *it = items; it && it->word && n < HINT_ITEMS; it++, n++) {
        char a[32] = "", b[32] = "";
        if (it->cmd)
            label(table, it->cmd, a, sizeof a);
        if (it->cmd2)
            label(table, it->cmd2, b, sizeof b);
        snprintf(parts[n], sizeof parts[0], "%s%s%s%s%s", a, *b ? "/" : "", b, *a ? " " : "",
                 it->word);
        keep[n] = 1;
        closes[n] = it->cmd == VIEW_CMD_CLOSE;
    }
    if (!view_key_cmd(table, '?', 1)) {
        snprintf(parts[n], sizeof parts[0], "%s help", view_keys_take_text(table) ? "F1" : "?");
        keep[n] = closes[n] = 1;
        n++;
    }
    for (int drop = n - 1;; drop--) {
        buf[0] = '\0';
        for (int i = 0; i < n; i++) {
            if (!keep[i])
                continue;
            size_t used = strlen(buf);
            snprintf(buf + used, len - used, "%s%s", used ? "  " : "", parts[i]);
        }
        while (drop >= 0 && closes[drop])
            drop--;
        if (text_width(buf) <= width || drop < 0)
            return;
        keep[drop] = 0;
    }
}

static const char *const CHECKIN_MODES[] = {"the offer", "a criterion", "the summary", NULL};
static const char *const EDITOR_MODES[] = {"several lines", "one line", NULL};
static const char *const EXPORT_MODES[] = {"choosing a format", "typing the file name",
                                           "written", NULL};
static const char *const HISTORY_MODES[] = {"the timeline", "the filter bar",
                                            "typing a date", "the chart", NULL};
static const char *const PROFILES_MODES[] = {"the list", "typing a name", NULL};
static const char *const QUIZ_MODES[] = {"the offer", "a question", "the result", NULL};
static const char *const SEARCH_MODES[] = {"typing the query", "the list of matches", NULL};

const view_key_set view_key_sets[] = {
    {"help", help_key_tables, NULL},
    {"check-in", checkin_key_tables, CHECKIN_MODES},
    {"confirm", confirm_key_tables, NULL},
    {"editor", editor_key_tables, EDITOR_MODES},
    {"evidence", evidence_key_tables, NULL},
    {"evidence-check", evidence_check_key_tables, NULL},
    {"export", export_key_tables, EXPORT_MODES},
    {"faq", faq_key_tables, NULL},
    {"history", history_key_tables, HISTORY_MODES},
    {"history-event", history_event_key_tables, NULL},
    {"ladder-update", ladder_update_key_tables, NULL},
    {"overview", overview_key_tables, NULL},
    {"profiles", profiles_key_tables, PROFILES_MODES},
    {"quiz", quiz_key_tables, QUIZ_MODES},
    {"resources", resources_key_tables, NULL},
    {"roadblocks", roadblocks_key_tables, NULL},
    {"search", search_key_tables, SEARCH_MODES},
    {"unsaved-text", ask_key_tables, NULL},
    {NULL, NULL, NULL},
};
