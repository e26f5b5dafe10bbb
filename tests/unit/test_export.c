/* test_export.c - the snapshot writers on a real database: JSON that jansson reads
 * back with every record, CSV quoting and formula neutralisation, Markdown
 * escaping of notes, the suggested file name, and atomic files that never
 * replace an existing one without force. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/atomic_file.h"
#include "climb/content.h"
#include "climb/export.h"
#include "climb/model.h"
#include "climb/ops.h"

#include "support.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int setup(void **state)
{
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
    setenv("TZ", "UTC", 1);
    return test_env_setup(state);
}

/* Runs one writer into a temporary file and returns what it wrote. */
static char *capture(test_env *f, export_format fmt)
{
    FILE *tmp = tmpfile();
    char err[256];
    assert_non_null(tmp);
    assert_int_equal(export_write(&f->m, fmt, tmp, 1773480600, err, sizeof err), 0);
    return test_file_text(tmp);
}

static void set_note(test_env *f, size_t p, size_t i, const char *note)
{
    ops_crit_change c = {1, STATE_DONE, NULL, note, NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->m, p, i, &c, NULL), 0);
}

static void test_format_names(void **state)
{
    export_format fmt;
    (void)state;
    assert_int_equal(export_format_parse("md", &fmt), 0);
    assert_int_equal(fmt, EXPORT_MD);
    assert_int_equal(export_format_parse("markdown", &fmt), 0);
    assert_int_equal(export_format_parse("csv", &fmt), 0);
    assert_string_equal(export_format_ext(fmt), "csv");
    assert_int_equal(export_format_parse("html", &fmt), 0);
    assert_int_equal(fmt, EXPORT_HTML);
    assert_string_equal(export_format_ext(fmt), "html");
    assert_int_equal(export_format_parse("yaml", &fmt), -1);
}

static void test_default_path_is_safe(void **state)
{
    char buf[256];
    (void)state;
    export_default_path("/home/ana", "ana", 1773480600, EXPORT_MD, buf, sizeof buf);
    assert_string_equal(buf, "/home/ana/climb-ana-2026-03-14.md");
    export_default_path("", "../x y/é", 1773480600, EXPORT_JSON, buf, sizeof buf);
    assert_string_equal(buf, "climb--.-x-y-é-2026-03-14.json");
    export_default_path("/tmp/", "bo", 1773480600, EXPORT_CSV, buf, sizeof buf);
    assert_string_equal(buf, "/tmp/climb-bo-2026-03-14.csv");
}

static void test_json_reads_back(void **state)
{
    test_env *f = *state;
    set_note(f, 0, 0, "line one\nline \"two\" \xE2\x9C\x93");
    assert_int_equal(ops_set_state(&f->m, 0, 0, STATE_TODO, NULL, NULL), 0);
    char *out = capture(f, EXPORT_JSON);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "format")), "climb-snapshot");
    assert_int_equal(json_integer_value(json_object_get(root, "format_version")), 1);
    assert_string_equal(json_string_value(json_object_get(root, "exported_at")),
                        "2026-03-14T09:30:00Z");
    json_t *events = json_object_get(root, "events");
    assert_int_equal(json_array_size(events), 4); /* profile, state, note, state */
    json_t *c = json_array_get(
        json_object_get(json_array_get(json_object_get(root, "phases"), 0), "criteria"), 0);
    assert_string_equal(json_string_value(json_object_get(c, "state")), "todo");
    assert_string_equal(json_string_value(json_object_get(c, "note")),
                        "line one\nline \"two\" \xE2\x9C\x93");
    /* done_at stays after the untick: it is when it last became done */
    assert_string_equal(json_string_value(json_object_get(c, "done_at")), "2026-03-14T09:30:00Z");
    assert_true(json_is_array(json_object_get(root, "quiz_attempts")));
    json_decref(root);
    free(out);
}

static void test_csv_quotes_and_neutralises(void **state)
{
    test_env *f = *state;
    set_note(f, 0, 0, "a, \"b\"\nc");
    set_note(f, 0, 1, "=1+2");
    set_note(f, 0, 2, "@cmd");
    char *out = capture(f, EXPORT_CSV);
    assert_non_null(strstr(out, "uuid,at,kind,item,value,previous,detail\r\n"));
    assert_non_null(strstr(out, ",note,p1-own-pipeline,\"a, \"\"b\"\"\nc\",,\r\n"));
    assert_non_null(strstr(out, ",note,p1-solo-incident,'=1+2,,\r\n"));
    assert_non_null(strstr(out, ",note,p1-dev-feedback,'@cmd,,\r\n"));
    assert_null(strstr(out, ",=1+2"));
    free(out);
}

static void test_markdown_escapes_notes(void **state)
{
    test_env *f = *state;
    set_note(f, 0, 0, "*bold* | `x` <b>\n# heading\n\n  1. item\n---");
    char *out = capture(f, EXPORT_MD);
    /* a backslash only where Markdown would change the meaning: the pipe and the
     * closing '`' and '>' stay as typed */
    const char *want = "  - 2026-03-14: \\*bold\\* | \\`x` \\<b>\\\n"
                       "    \\# heading\\\n"
                       "    1\\. item\\\n"
                       "    \\---\n";
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "# ana: the case for Mid\n"));
    assert_non_null(strstr(out, "\n## What remains for Mid\n"));
    free(out);
}

/* The atomic_file temporaries (".climb-XXXXXX") left in dir. */
static int temporaries_in(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strncmp(e->d_name, ".climb-", 7) == 0)
            n++;
    closedir(d);
    return n;
}

static void test_atomic_file_never_replaces_without_force(void **state)
{
    test_env *f = *state;
    char path[160], err[256];
    atomic_file af;
    snprintf(path, sizeof path, "%s/out.txt", f->dir);
    assert_int_equal(atomic_file_open(&af, path, 0, err, sizeof err), 0);
    fputs("new", af.fp);
    assert_int_equal(temporaries_in(f->dir), 1);
    /* a file appears meanwhile: commit without force keeps it, link() fails and
     * the temporary file is removed, not left beside the target */
    FILE *other = fopen(path, "w");
    fputs("theirs", other);
    fclose(other);
    assert_int_equal(atomic_file_commit(&af, err, sizeof err), -1);
    assert_non_null(strstr(err, "exists; not overwritten"));
    assert_int_equal(temporaries_in(f->dir), 0);
    char buf[16] = "";
    other = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof buf, other));
    fclose(other);
    assert_string_equal(buf, "theirs");
    assert_int_equal(atomic_file_open(&af, path, 0, err, sizeof err), -1);
    /* with force it is replaced */
    assert_int_equal(atomic_file_open(&af, path, 1, err, sizeof err), 0);
    fputs("new", af.fp);
    assert_int_equal(atomic_file_commit(&af, err, sizeof err), 0);
    assert_int_equal(temporaries_in(f->dir), 0);
    other = fopen(path, "r");
    assert_non_null(fgets(buf, sizeof buf, other));
    fclose(other);
    assert_string_equal(buf, "new");
    /* abort leaves nothing behind */
    snprintf(path, sizeof path, "%s/never.txt", f->dir);
    assert_int_equal(atomic_file_open(&af, path, 0, err, sizeof err), 0);
    char tmp[sizeof af.tmp];
    snprintf(tmp, sizeof tmp, "%s", af.tmp);
    atomic_file_abort(&af);
    assert_int_equal(access(tmp, F_OK), -1);
    assert_int_equal(temporaries_in(f->dir), 0);
    assert_int_equal(access(path, F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_default_path_is_safe),
        cmocka_unit_test_setup_teardown(test_json_reads_back, setup, test_env_teardown),
        cmocka_unit_test_setup_teardown(test_csv_quotes_and_neutralises, setup, test_env_teardown),
        cmocka_unit_test_setup_teardown(test_markdown_escapes_notes, setup, test_env_teardown),
        cmocka_unit_test_setup_teardown(test_atomic_file_never_replaces_without_force, setup,
                                        test_env_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
