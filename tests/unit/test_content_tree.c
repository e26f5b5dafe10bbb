/* test_content_tree.c - unit tests of the YAML node tree (src/content_tree.c):
 * error positions around a BOM, CR and CR LF line breaks and multi-byte
 * characters, libyaml reader errors, tags, NUL and bad escapes in values,
 * core-schema typing of plain scalars, and the look-up helpers on odd input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../src/content_internal.h"

/* Loads data; returns "ok" or "LINE:COL: message" in buf. */
static const char *load(const char *data, size_t len, char *buf, size_t n)
{
    ynode *root = NULL;
    climb_content_error e;
    memset(&e, 0, sizeof e);
    if (ytree_load(data, len, &root, &e) == 0) {
        assert_non_null(root);
        ytree_free(root);
        snprintf(buf, n, "ok");
    } else {
        assert_null(root);
        snprintf(buf, n, "%lu:%lu: %s", e.line, e.col, e.message);
    }
    return buf;
}

#define CHK(a, b) assert_string_equal((a), (b))
#define LOAD(lit) load(lit, sizeof lit - 1, buf, sizeof buf)

static void test_error_positions(void **state)
{
    char buf[300];
    (void)state;
    /* a BOM takes no column; "é" is one column */
    CHK(LOAD("\xEF\xBB\xBF" "a: \xC3\xA9\xFF"), "1:5: invalid UTF-8");
    /* CR LF is one break, a lone CR is one break */
    CHK(LOAD("a: 1\r\nb: 2\rc: \xFF"), "3:4: invalid UTF-8");
    /* a CR as the last byte before the bad one ends a line */
    CHK(LOAD("a\r\xFF"), "2:1: invalid UTF-8");
    /* a short input without a BOM */
    CHK(LOAD("\xFF"), "1:1: invalid UTF-8");
}

static void test_reader_and_syntax_errors(void **state)
{
    char buf[300];
    (void)state;
    CHK(LOAD("a: b\x01"), "1:5: control characters are not allowed (U+0001)");
    CHK(LOAD("a: [1, 2"), "2:1: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)");
    CHK(LOAD("a: b: c"), "1:5: YAML syntax error: mapping values are not allowed in this context");
}

static void test_value_errors(void **state)
{
    char buf[300];
    (void)state;
    CHK(LOAD("a: \"x\\0y\""), "1:4: NUL character in a value");
    /* a bad escape is libyaml's error, seen before the value is checked */
    CHK(LOAD("a: \"\\uDC00\""), "1:7: YAML syntax error: found invalid Unicode character escape code (while parsing a quoted scalar)");
    CHK(LOAD("a: !foo x"), "1:4: unsupported tag '!foo'");
    CHK(LOAD("a: !!map {}"), "ok");
    CHK(LOAD("a: !!seq []"), "ok");
    CHK(LOAD("a: !!str x"), "ok");
    CHK(LOAD("a: ! x"), "ok");
    CHK(LOAD("a: !!seq {}"), "1:4: unsupported tag 'tag:yaml.org,2002:seq'");
    CHK(LOAD("a: !bar [1]"), "1:4: unsupported tag '!bar'");
    CHK(LOAD("- &x 1\n- *x"), "2:3: aliases are not supported (*x)");
    CHK(LOAD("*x"), "1:1: aliases are not supported (*x)");
    CHK(LOAD("--- 1\n--- 2"), "2:1: only one YAML document is allowed");
    CHK(LOAD("--- 1\n..."), "ok");
    CHK(LOAD(""), "1:1: empty file: expected a ladder mapping");
    CHK(LOAD("- ]"), "1:3: YAML syntax error: did not find expected node content (while parsing a block node)");
}

/* The core-schema type of the single plain (or other) scalar in `doc`. */
static const char *kind_of(const char *doc)
{
    static char name[40];
    ynode *root = NULL;
    climb_content_error e;
    assert_int_equal(ytree_load(doc, strlen(doc), &root, &e), 0);
    snprintf(name, sizeof name, "%s", ytree_kind_name(root));
    ytree_free(root);
    return name;
}

static void test_scalar_types(void **state)
{
    (void)state;
    CHK(kind_of("5"), "an integer");
    CHK(kind_of("+5"), "an integer");
    CHK(kind_of("-x"), "a string");
    CHK(kind_of("+"), "a string");
    CHK(kind_of("1e5"), "a number");
    CHK(kind_of("1E+5"), "a number");
    CHK(kind_of("1.5e-3"), "a number");
    CHK(kind_of("1e"), "a string");
    CHK(kind_of("1ex"), "a string");
    CHK(kind_of(".5"), "a number");
    CHK(kind_of("."), "a string");
    CHK(kind_of("-."), "a string");
    CHK(kind_of("1."), "a number");
    CHK(kind_of("1.2.3"), "a string");
    CHK(kind_of("+.inf"), "a number");
    CHK(kind_of(".NaN"), "a number");
    CHK(kind_of("~"), "null");
    CHK(kind_of("False"), "a boolean");
    CHK(kind_of("'5'"), "a string");
    CHK(kind_of("!!str 5"), "a string");
    CHK(kind_of("[5]"), "a list");
    CHK(kind_of("{a: 5}"), "a mapping");
}

static void test_lookups(void **state)
{
    ynode *root = NULL;
    climb_content_error e;
    const char *doc = "{[k]: 1, a: [x, y]}";
    const ynode *a;
    (void)state;
    assert_int_equal(ytree_load(doc, strlen(doc), &root, &e), 0);
    assert_null(ytree_get(NULL, "a"));
    assert_null(ytree_get(root, "k")); /* a list key is skipped, not compared */
    a = ytree_get(root, "a");
    assert_non_null(a);
    assert_null(ytree_get(a, "x")); /* not a mapping */
    assert_string_equal(ytree_item(a, 1)->value, "y");
    assert_null(ytree_item(a, 2));
    assert_null(ytree_item(NULL, 0));
    assert_null(ytree_item(root, 0)); /* not a list */
    ytree_free(root);
    ytree_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_positions), cmocka_unit_test(test_reader_and_syntax_errors),
        cmocka_unit_test(test_value_errors),    cmocka_unit_test(test_scalar_types),
        cmocka_unit_test(test_lookups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
