/* test_view_keys.c - the key tables of the views, which both dispatch their keys
 * and fill the help overlay: no key bound twice in one table (the second row would
 * be dead, yet listed in help), every key found by view_key_cmd with its row's
 * command, F1 left free for help, text-taking modes marked, and every table small
 * enough for the help box. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/line_edit.h"
#include "climb/view_confirm.h"
#include "climb/view_editor.h"
#include "climb/view_evidence.h"
#include "climb/view_checkin.h"
#include "climb/view_export.h"
#include "climb/view_faq.h"
#include "climb/view_history.h"
#include "climb/view_history_event.h"
#include "climb/view_overview.h"
#include "climb/view_profiles.h"
#include "climb/view_quiz.h"
#include "climb/view_resources.h"
#include "climb/view_roadblocks.h"
#include "climb/view_search.h"

#include <stdio.h>
#include <string.h>

/* The help overlay (tui_help.c) holds 64 rows; in its widest box (72 columns) a
 * row shows 21 columns of key names and 46 of help. */
enum { HELP_ROWS = 64, HELP_KEYS_W = 21, HELP_TEXT_W = 46 };

typedef struct {
    const char *view;
    const view_key *const *tables;
} view_tables;

static const view_key *const LINE_EDIT_TABLES[] = {line_edit_keys, NULL};

static const view_tables ALL[] = {
    {"export", export_key_tables},       {"faq", faq_key_tables},
    {"history", history_key_tables},     {"overview", overview_key_tables},
    {"history event", history_event_key_tables},
    {"profiles", profiles_key_tables},
    {"quiz", quiz_key_tables},           {"resources", resources_key_tables},
    {"roadblocks", roadblocks_key_tables}, {"search", search_key_tables},
    {"evidence", evidence_key_tables},   {"evidence check", evidence_check_key_tables},
    {"line_edit", LINE_EDIT_TABLES},     {"check-in", checkin_key_tables},
    {"editor", editor_key_tables},       {"unsaved text", ask_key_tables},
};

/* Checks one table; returns its number of help rows. */
static int check_table(const char *where, const view_key *table)
{
    int help_rows = 0, text_rows = 0;
    assert_non_null(table[0].name);
    if (!table[0].help)
        fail_msg("%s: the first row has no help", where);
    for (const view_key *k = table; k->name; k++) {
        if (k->name[0] == '\0' || k->cmd <= 0)
            fail_msg("%s: row %d has no name or no command", where, (int)(k - table));
        if (k->fkey == KEY_F(1))
            fail_msg("%s: %s binds F1, which opens help", where, k->name);
        if (k->help) {
            size_t keys_w = strlen(k->name);
            for (const view_key *more = k + 1; more->name && !more->help; more++)
                keys_w += 1 + strlen(more->name);
            if (keys_w > HELP_KEYS_W || strlen(k->help) > HELP_TEXT_W)
                fail_msg("%s: the help row of %s is too wide", where, k->name);
        }
        help_rows += k->help != NULL;
        text_rows += !k->key && !k->fkey;
        for (const view_key *o = table; o < k; o++) {
            if (k->key && o->key == k->key)
                fail_msg("%s: character %d bound by both %s and %s", where, k->key, o->name,
                         k->name);
            if (k->fkey && o->fkey == k->fkey)
                fail_msg("%s: key %d bound by both %s and %s", where, k->fkey, o->name, k->name);
        }
        if (k->key)
            assert_int_equal(view_key_cmd(table, k->key, 1), k->cmd);
        if (k->fkey)
            assert_int_equal(view_key_cmd(table, k->fkey, 0), k->cmd);
    }
    if (text_rows > 1)
        fail_msg("%s: %d rows say the view takes text", where, text_rows);
    assert_int_equal(view_keys_take_text(table), text_rows);
    if (help_rows > HELP_ROWS)
        fail_msg("%s: %d help rows do not fit the help box", where, help_rows);
    return help_rows;
}

static void test_tables_are_consistent(void **state)
{
    (void)state;
    int tables = 0;
    for (size_t v = 0; v < sizeof ALL / sizeof *ALL; v++)
        for (int i = 0; ALL[v].tables[i]; i++, tables++) {
            char where[64];
            snprintf(where, sizeof where, "%s table %d", ALL[v].view, i);
            assert_true(check_table(where, ALL[v].tables[i]) > 0);
        }
    assert_int_equal(tables, 28);
}

/* Modes where a line is typed list the editing keys and take text; the others
 * leave '?' to open help. */
static void test_text_modes(void **state)
{
    (void)state;
    assert_true(view_keys_take_text(search_key_tables[0]));   /* typing the query */
    assert_false(view_keys_take_text(search_key_tables[1]));  /* the list of matches */
    assert_true(view_keys_take_text(export_key_tables[1]));   /* the file name */
    assert_false(view_keys_take_text(export_key_tables[0]));
    assert_true(view_keys_take_text(history_key_tables[2]));  /* go to a date */
    assert_false(view_keys_take_text(history_key_tables[0]));
    assert_true(view_keys_take_text(profiles_key_tables[1])); /* typing a name */
    assert_false(view_keys_take_text(profiles_key_tables[0]));
    /* The view's own Enter and Esc win over the line editor's. */
    assert_int_equal(view_key_cmd(search_key_tables[0], KEY_BACKSPACE, 0), LINE_CMD_BACKSPACE);
    assert_true(view_key_cmd(search_key_tables[0], '\n', 1) < LINE_CMD_FIRST);
    assert_true(view_key_cmd(search_key_tables[0], 27, 1) < LINE_CMD_FIRST);
    assert_int_equal(view_key_cmd(search_key_tables[0], '?', 1), 0);
    assert_int_equal(view_key_cmd(search_key_tables[1], '?', 1), 0);
    assert_true(view_keys_take_text(editor_key_tables[0]));
    assert_true(view_keys_take_text(editor_key_tables[1]));
    assert_false(view_keys_take_text(ask_key_tables[0]));
    /* one grammar: the one-line inputs and the editor bind the same editing keys */
    static const int SHARED[][2] = {{23, 1}, {21, 1}, {11, 1}, {1, 1}, {5, 1},
                                    {INPUT_META('b'), 0}, {INPUT_META('f'), 0},
                                    {INPUT_META('d'), 0}, {INPUT_META(127), 0},
                                    {INPUT_KEY_WORD_LEFT, 0}, {INPUT_KEY_WORD_RIGHT, 0}};
    for (size_t i = 0; i < sizeof SHARED / sizeof *SHARED; i++) {
        assert_true(view_key_cmd(line_edit_keys, SHARED[i][0], SHARED[i][1]) != 0);
        assert_true(view_key_cmd(editor_key_tables[0], SHARED[i][0], SHARED[i][1]) != 0);
        assert_true(view_key_cmd(editor_key_tables[1], SHARED[i][0], SHARED[i][1]) != 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables_are_consistent),
        cmocka_unit_test(test_text_modes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
