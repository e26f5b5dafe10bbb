/* test_unsaved.c - the files that keep an editor's text when climb had to stop
 * (tui_unsaved.c): found beside their own database only, its name taken
 * literally even when it holds glob characters, and counted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/tui_unsaved.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void touch(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
}

static void test_found_beside_their_own_database(void **state)
{
    (void)state;
    char dir[] = "/tmp/climb-unsaved-XXXXXX", db[512], first[512];
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/my[1]*.db", dir);
    assert_int_equal(tui_unsaved_earlier(db, first, sizeof first), 0);
    assert_string_equal(first, "");
    /* another database's files, which the name read as a pattern would match */
    touch(dir, "my1x.db.unsaved-20260314T093000Z.txt");
    touch(dir, "my[1]*.db.unsaved-20260314T093000Z.txt.bak");
    assert_int_equal(tui_unsaved_earlier(db, first, sizeof first), 0);
    touch(dir, "my[1]*.db.unsaved-20260314T093000Z.txt");
    touch(dir, "my[1]*.db.unsaved-20260314T093000Z-2.txt");
    assert_int_equal(tui_unsaved_earlier(db, first, sizeof first), 2);
    char want[512];
    snprintf(want, sizeof want, "%s/my[1]*.db.unsaved-20260314T093000Z-2.txt", dir);
    assert_string_equal(first, want);
    assert_int_equal(tui_unsaved_earlier(NULL, first, sizeof first), 0);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_found_beside_their_own_database),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
