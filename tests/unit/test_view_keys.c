/* test_view_keys.c - the key tables of the views, which both dispatch their keys
 * and fill the help overlay, the footers and climb keys: no key bound twice in
 * one table (the second row would be dead, yet listed in help; only the line
 * editor's rows may be shadowed by a view's own), every key found by view_key_cmd
 * with its row's command, F1 and ? left free for help, text-taking modes marked,
 * and the key grammar of docs/keys.md: q and Esc close, the arrows, j/k,
 * PgUp/PgDn, Home/g and End/G mean the same in every view, and a text mode lets
 * q, j, k, g and G be text. Also the footer (view_hint) and help rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/line_edit.h"
#include "climb/view.h"
#include "climb/input.h"
#include "climb/view_confirm.h"
#include "climb/view_editor.h"
#include "climb/view_export.h"
#include "climb/view_history.h"
#include "climb/view_profiles.h"
#include "climb/view_search.h"

#include <stdio.h>
#include <string.h>

/* The help overlay (tui_help.c) holds 96 rows and wraps a long help text; a key
 * column wider than 32 or a help text longer than 90 would still read badly. */
enum { HELP_ROWS = 96, HELP_KEYS_W = 32, HELP_TEXT_W = 90 };

static const view_key *const LINE_EDIT_TABLES[] = {line_edit_keys, NULL};

/* A row the line editor gives (LINE_EDIT_KEY_ROWS): a view's own row for the
 * same key comes first and wins, by design, and help leaves the editing row out. */
static int editing_row(const view_key *k)
{
    return k->cmd >= LINE_CMD_FIRST && k->cmd < VIEW_CMD_FIRST_ID;
}

/* Checks one table; returns its number of help rows. */
static int check_table(const char *where, const view_key *table, int is_help)
{
    int help_rows = 0, text_rows = 0;
    assert_non_null(table[0].name);
    if (!table[0].help)
        fail_msg("%s: the first row has no help", where);
    for (const view_key *k = table; k->name; k++) {
        if (k->name[0] == '\0' || k->cmd <= 0)
            fail_msg("%s: row %d has no name or no command", where, (int)(k - table));
        if ((k->fkey == KEY_F(1) || k->key == '?') && !is_help)
            fail_msg("%s: %s binds a key that opens help", where, k->name);
        if (k->help) {
            size_t keys_w = strlen(k->name);
            for (const view_key *more = k + 1; more->name && !more->help; more++)
                keys_w += 1 + strlen(more->name);
            if (keys_w > HELP_KEYS_W || strlen(k->help) > HELP_TEXT_W)
                fail_msg("%s: the help row of %s is too wide", where, k->name);
        }
        help_rows += k->help != NULL;
        text_rows += !k->key && !k->fkey;
        for (const view_key *o = table; o < k && !editing_row(k); o++) {
            if (k->key && o->key == k->key)
                fail_msg("%s: character %d bound by both %s and %s", where, k->key, o->name,
                         k->name);
            if (k->fkey && o->fkey == k->fkey)
                fail_msg("%s: key %d bound by both %s and %s", where, k->fkey, o->name, k->name);
        }
        if (k->key && !editing_row(k))
            assert_int_equal(view_key_cmd(table, k->key, 1), k->cmd);
        if (k->fkey && !editing_row(k))
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
    for (const view_key_set *v = view_key_sets; v->name; v++)
        for (int i = 0; v->tables[i]; i++, tables++) {
            char where[64];
            snprintf(where, sizeof where, "%s table %d", v->name, i);
            assert_true(check_table(where, v->tables[i], strcmp(v->name, "help") == 0) > 0);
            if (v->modes)
                assert_non_null(v->modes[i]);
        }
    assert_true(check_table("line_edit", LINE_EDIT_TABLES[0], 0) > 0);
    assert_true(tables >= 25); /* none lost; the history branch adds its chart's */
}

/* --- the key grammar (docs/keys.md) ------------------------------------------ */

/* A key of the grammar and the command it runs wherever it is bound. */
typedef struct {
    int key, is_char;
    const char *name;
    int cmd;
    int text;  /* a typed character: text in a mode that takes text */
} grammar_key;

static const grammar_key GRAMMAR[] = {
    {'q', 1, "q", VIEW_CMD_CLOSE, 1},
    {27, 1, "Esc", VIEW_CMD_CLOSE, 0},
    {KEY_UP, 0, "Up", VIEW_CMD_UP, 0},
    {'k', 1, "k", VIEW_CMD_UP, 1},
    {KEY_DOWN, 0, "Down", VIEW_CMD_DOWN, 0},
    {'j', 1, "j", VIEW_CMD_DOWN, 1},
    {KEY_PPAGE, 0, "PgUp", VIEW_CMD_PAGE_UP, 0},
    {KEY_NPAGE, 0, "PgDn", VIEW_CMD_PAGE_DOWN, 0},
    {KEY_HOME, 0, "Home", VIEW_CMD_FIRST, 0},
    {'g', 1, "g", VIEW_CMD_FIRST, 1},
    {KEY_END, 0, "End", VIEW_CMD_LAST, 0},
    {'G', 1, "G", VIEW_CMD_LAST, 1},
    {12, 1, "Ctrl-L", VIEW_CMD_REDRAW, 0},
};
enum { N_GRAMMAR = sizeof GRAMMAR / sizeof *GRAMMAR, FIRST_MOVE = 2, LAST_MOVE = 11 };

/* What is wrong with a table by the grammar, into why; 0 when nothing. */
static int grammar_fault(const view_key *table, char *why, size_t len)
{
    int text = view_keys_take_text(table), moves = 0;
    for (int i = FIRST_MOVE; i <= LAST_MOVE; i++)
        moves += view_key_cmd(table, GRAMMAR[i].key, GRAMMAR[i].is_char) != 0;
    for (int i = 0; i < N_GRAMMAR; i++) {
        const grammar_key *g = &GRAMMAR[i];
        int cmd = view_key_cmd(table, g->key, g->is_char);
        if (text && g->text && cmd) {
            snprintf(why, len, "%s is typed text in a text mode, yet bound", g->name);
            return 1;
        }
        if (text && g->cmd == VIEW_CMD_CLOSE) {
            if (!cmd && !g->text) {
                snprintf(why, len, "Esc does not leave the text mode");
                return 1;
            }
            continue; /* Esc leaves the field: cancel, back or close */
        }
        if (text && !g->text && g->cmd >= VIEW_CMD_UP && g->cmd <= VIEW_CMD_LAST)
            continue; /* the arrows, pages, Home and End move in the text */
        if (cmd && cmd != g->cmd) {
            snprintf(why, len, "%s runs command %d, not the grammar's %d", g->name, cmd, g->cmd);
            return 1;
        }
        if (!cmd && !text && g->cmd == VIEW_CMD_CLOSE) {
            snprintf(why, len, "%s does not close the view", g->name);
            return 1;
        }
        if (!cmd && !text && moves && i >= FIRST_MOVE && i <= LAST_MOVE) {
            snprintf(why, len, "the view moves, but %s is not bound", g->name);
            return 1;
        }
    }
    return 0;
}

static void test_every_view_follows_the_grammar(void **state)
{
    (void)state;
    for (const view_key_set *v = view_key_sets; v->name; v++) {
        int faults = 0;
        char why[160], first[256] = "";
        for (int i = 0; v->tables[i]; i++)
            if (grammar_fault(v->tables[i], why, sizeof why) && faults++ == 0)
                snprintf(first, sizeof first, "%s table %d: %s", v->name, i, why);
        if (faults)
            fail_msg("%s", first);
    }
}

/* The grammar test itself catches what it is meant to. */
static void test_grammar_faults_are_found(void **state)
{
    (void)state;
    char why[160];
    static const view_key quits[] = {{27, 0, VIEW_CMD_CLOSE, "Esc", "close"},
                                     {'q', 0, 1, "q", "quit climb"},
                                     {0, 0, 0, NULL, NULL}};
    assert_true(grammar_fault(quits, why, sizeof why));
    assert_non_null(strstr(why, "q runs"));
    static const view_key no_q[] = {{27, 0, VIEW_CMD_CLOSE, "Esc", "close"},
                                    {0, 0, 0, NULL, NULL}};
    assert_true(grammar_fault(no_q, why, sizeof why));
    static const view_key half_list[] = {{'q', 0, VIEW_CMD_CLOSE, "q", "close"},
                                         {27, 0, VIEW_CMD_CLOSE, "Esc", NULL},
                                         {'k', KEY_UP, VIEW_CMD_UP, "Up k", "up"},
                                         {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "down"},
                                         {0, 0, 0, NULL, NULL}};
    assert_true(grammar_fault(half_list, why, sizeof why));
    assert_non_null(strstr(why, "not bound"));
    static const view_key text_q[] = {{'q', 0, VIEW_CMD_CLOSE, "q", "close"},
                                      {27, 0, 1, "Esc", "cancel"},
                                      {0, 0, 2, "any character", "text"},
                                      {0, 0, 0, NULL, NULL}};
    assert_true(grammar_fault(text_q, why, sizeof why));
    assert_false(grammar_fault(line_edit_keys, why, sizeof why));
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
    assert_false(view_keys_take_text(export_key_tables[2]));  /* written: no "any key" */
    assert_true(view_keys_take_text(history_key_tables[2]));  /* go to a date */
    assert_false(view_keys_take_text(history_key_tables[0]));
    assert_true(view_keys_take_text(profiles_key_tables[1])); /* typing a name */
    assert_false(view_keys_take_text(profiles_key_tables[0]));
    /* The view's own Enter and Esc win over the line editor's. */
    assert_int_equal(view_key_cmd(search_key_tables[0], KEY_BACKSPACE, 0), LINE_CMD_BACKSPACE);
    assert_true(view_key_cmd(search_key_tables[0], '\n', 1) < LINE_CMD_FIRST);
    assert_int_equal(view_key_cmd(search_key_tables[0], 27, 1), VIEW_CMD_CLOSE);
    assert_int_equal(view_key_cmd(search_key_tables[0], '?', 1), 0);
    assert_int_equal(view_key_cmd(search_key_tables[1], '?', 1), 0);
    assert_int_equal(view_key_cmd(search_key_tables[0], 'q', 1), 0); /* q is text */
}

/* 1 when key runs cmd in table, or a command of the view's own (its row wins). */
static int edits_alike(const view_key *table, int key, int is_char, int cmd)
{
    if (!key)
        return 1;
    int got = view_key_cmd(table, key, is_char);
    return got == cmd || (got && (got < LINE_CMD_FIRST || got >= VIEW_CMD_FIRST_ID));
}

/* Every one-line input edits with the same keys: each editing row of the bare
 * line input runs the same command in every text mode, unless the view binds
 * the key itself (its own row first). */
static void test_text_modes_share_the_editing_keys(void **state)
{
    (void)state;
    for (const view_key_set *v = view_key_sets; v->name; v++)
        for (int i = 0; v->tables[i]; i++) {
            const view_key *t = v->tables[i];
            if (!view_keys_take_text(t))
                continue;
            for (const view_key *k = line_edit_keys; k->name; k++)
                if (editing_row(k) && (!edits_alike(t, k->key, 1, k->cmd) ||
                                       !edits_alike(t, k->fkey, 0, k->cmd)))
                    fail_msg("%s table %d: %s does not edit as in every line input", v->name,
                             i, k->name);
        }
}

/* --- footers and help rows ---------------------------------------------------- */

enum { T_ADD = 1, T_PHASE };

static const view_key SAMPLE[] = {
    {'a', 0, T_ADD, "a", "add"},
    {'1', 0, T_PHASE, "1", "phase"},
    {'2', 0, T_PHASE, "2", NULL},
    {'3', 0, T_PHASE, "3", NULL},
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "up"},
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "down"},
    {27, 0, VIEW_CMD_CLOSE, "Esc", "close"},
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},
    {0, 0, 0, NULL, NULL},
};

static const view_hint_item SAMPLE_HINT[] = {
    {0, 0, "read on"}, {T_ADD, 0, "add"}, {T_PHASE, 0, "phase"},
    {VIEW_CMD_UP, VIEW_CMD_DOWN, "move"}, {VIEW_CMD_CLOSE, 0, "close"}, {0, 0, NULL},
};

static void test_hint_from_the_table(void **state)
{
    (void)state;
    char buf[256];
    view_hint(SAMPLE, SAMPLE_HINT, 200, buf, sizeof buf);
    assert_string_equal(buf, "read on  a add  1-3 phase  Up/Down move  Esc close  ? help");
    /* Narrow: items go from the end, but never the close item or help. */
    view_hint(SAMPLE, SAMPLE_HINT, 44, buf, sizeof buf);
    assert_string_equal(buf, "read on  a add  1-3 phase  Esc close  ? help");
    view_hint(SAMPLE, SAMPLE_HINT, 10, buf, sizeof buf);
    assert_string_equal(buf, "Esc close  ? help");
    /* A table that binds ? itself (help's own) ends with no help item; its last
     * item goes first when narrow. */
    static const view_key own_q[] = {{'?', 0, VIEW_CMD_CLOSE, "?", "close"},
                                     {'a', 0, T_ADD, "a", "add"},
                                     {0, 0, 0, NULL, NULL}};
    static const view_hint_item own_hint[] = {
        {VIEW_CMD_CLOSE, 0, "close"}, {T_ADD, 0, "add"}, {0, 0, NULL}};
    view_hint(own_q, own_hint, 80, buf, sizeof buf);
    assert_string_equal(buf, "? close  a add");
    view_hint(own_q, own_hint, 9, buf, sizeof buf);
    assert_string_equal(buf, "? close");
    /* A mode that takes text opens help with F1. */
    static const view_hint_item none[] = {{0, 0, NULL}};
    view_hint(line_edit_keys, none, 80, buf, sizeof buf);
    assert_string_equal(buf, "F1 help");
}

static void test_help_rows(void **state)
{
    (void)state;
    view_help_row rows[32];
    size_t n = view_help_rows(SAMPLE, rows, 32);
    assert_int_equal(n, 7); /* 5 rows of the table, then ? F1 and Ctrl-L */
    assert_string_equal(rows[1].keys, "1 2 3");
    assert_string_equal(rows[4].keys, "Esc q");
    assert_string_equal(rows[5].keys, "? F1");
    assert_string_equal(rows[6].keys, "Ctrl-L");
    /* A row shadowed by the view's own row for the same key is left out. */
    static const view_key shadow[] = {
        {21, 0, 1, "Ctrl-U", "clear the query"},
        {127, 0, LINE_CMD_BACKSPACE, "Backspace", "delete"},
        {21, 0, LINE_CMD_HOME, "Ctrl-U", "delete to the start"},
        {0, 0, LINE_CMD_TEXT, "any character", "typed"},
        {0, 0, 0, NULL, NULL},
    };
    n = view_help_rows(shadow, rows, 32);
    assert_int_equal(n, 5); /* Ctrl-U, Backspace, any character, F1, Ctrl-L */
    assert_string_equal(rows[2].keys, "any character");
    assert_string_equal(rows[3].keys, "F1");
    assert_true(view_keys_take_text(editor_key_tables[0]));
    assert_true(view_keys_take_text(editor_key_tables[1]));
    assert_false(view_keys_take_text(ask_key_tables[0]));
}

/* One grammar for editing: the one-line inputs and the built-in editor bind the
 * same editing keys. */
static void test_editor_and_line_inputs_edit_alike(void **state)
{
    (void)state;
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
        cmocka_unit_test(test_every_view_follows_the_grammar),
        cmocka_unit_test(test_grammar_faults_are_found),
        cmocka_unit_test(test_text_modes),
        cmocka_unit_test(test_text_modes_share_the_editing_keys),
        cmocka_unit_test(test_editor_and_line_inputs_edit_alike),
        cmocka_unit_test(test_hint_from_the_table),
        cmocka_unit_test(test_help_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
