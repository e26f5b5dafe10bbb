/* test_shown_fields.c - the list of which content fields each view shows, checked
 * against the schema's text fields: the real list covers every one, and a list
 * missing a field, or naming one the schema lacks, gets one warning each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/shown_fields.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char last[256];
    int count;
} warnings;

static void collect(const char *message, void *ctx)
{
    warnings *w = ctx;
    snprintf(w->last, sizeof w->last, "%s", message);
    w->count++;
}

static void count_field(const char *path, void *ctx)
{
    (void)path;
    ++*(int *)ctx;
}

static void test_every_text_field_is_shown(void **state)
{
    warnings w = {"", 0};
    int fields = 0;
    (void)state;
    content_text_fields(count_field, &fields);
    assert_true(fields >= 30); /* the walk reaches lists and nested mappings */
    assert_int_equal(shown_fields_check(shown_fields, n_shown_fields, collect, &w), 0);
    assert_int_equal(w.count, 0);
}

/* The real list without its phases.summary row: the summary is shown nowhere. */
static void test_a_field_shown_nowhere_warns(void **state)
{
    shown_field table[64];
    size_t n = 0;
    warnings w = {"", 0};
    (void)state;
    for (size_t i = 0; i < n_shown_fields && n < 64; i++)
        if (strcmp(shown_fields[i].field, "phases.summary") != 0)
            table[n++] = shown_fields[i];
    assert_int_equal(n, n_shown_fields - 1);
    assert_int_equal(shown_fields_check(table, n, collect, &w), 1);
    assert_string_equal(w.last,
                        "field 'phases.summary' is documented as shown, but no view shows it");
}

static void test_a_stale_entry_warns(void **state)
{
    shown_field table[64];
    warnings w = {"", 0};
    (void)state;
    memcpy(table, shown_fields, n_shown_fields * sizeof *table);
    table[n_shown_fields] = (shown_field){"overview (o)", "phases.blurb"};
    assert_int_equal(shown_fields_check(table, n_shown_fields + 1, collect, &w), 1);
    assert_string_equal(w.last,
                        "the overview (o) is listed as showing 'phases.blurb', which the schema "
                        "lacks");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_text_field_is_shown),
        cmocka_unit_test(test_a_field_shown_nowhere_warns),
        cmocka_unit_test(test_a_stale_entry_warns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
