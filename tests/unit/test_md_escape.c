/* test_md_escape.c - Markdown escaping (md_escape.c): plain text keeps its
 * punctuation ("14m -> 6m", "C++", "snake_case"), markup that would change the
 * meaning gets exactly one backslash, line breaks become hard breaks with the
 * indent, control characters pass the output gate; and text_html_escape (text.c),
 * the HTML form of the gate. tests/e2e/test_packet.sh renders the same cases with
 * cmark. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "climb/md_escape.h"
#include "climb/text.h"

static void same(const char *raw, unsigned flags, const char *want)
{
    char *got = md_escape(raw, "  ", flags);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_plain_punctuation_stays(void **state)
{
    (void)state;
    same("cut build time 14m -> 6m", 0, "cut build time 14m -> 6m");
    same("C++ and C#, 50% off, a - b, x < y, 2 * 3", 0,
         "C++ and C#, 50% off, a - b, x < y, 2 * 3");
    same("snake_case_name, a lone ` tick, one * star, a ~ tilde", 0,
         "snake_case_name, a lone ` tick, one * star, a ~ tilde");
    same("[not a link] and a | pipe & ampersand", 0, "[not a link] and a | pipe & ampersand");
    same("C:\\path\\to", 0, "C:\\path\\to");
}

static void test_markup_is_escaped(void **state)
{
    (void)state;
    same("*not* emphasis, __nor__ strong", 0, "\\*not\\* emphasis, \\_\\_nor\\_\\_ strong");
    same("`code` and [a](b)", 0, "\\`code` and \\[a](b)");
    same("<b>bold</b> &amp; <http://x>", 0, "\\<b>bold\\</b> \\&amp; \\<http://x>");
    same("~~gone~~", 0, "\\~\\~gone\\~\\~");
    same("ends with a backslash\\", 0, "ends with a backslash\\\\");
    same("a \\* star", 0, "a \\\\* star");
}

static void test_line_starts(void **state)
{
    (void)state;
    same("first\n- bullet\n+ plus\n# heading\n> quote", 0,
         "first\\\n  \\- bullet\\\n  \\+ plus\\\n  \\# heading\\\n  \\> quote");
    same("first\n1. one\n2) two\n2026. a year", 0,
         "first\\\n  1\\. one\\\n  2\\) two\\\n  2026\\. a year");
    same("first\n===\n---\n```\n***", 0,
         "first\\\n  \\===\\\n  \\---\\\n  \\`\\``\\\n  \\*\\*\\*");
    same("first\n-not a list\n#hashtag", 0, "first\\\n  -not a list\\\n  #hashtag");
    /* after other text the first line opens nothing */
    same("- bullet", MD_AFTER_TEXT, "- bullet");
    same("- bullet", 0, "\\- bullet");
    /* a GFM table delimiter row */
    same("a | b\n--- | ---", 0, "a | b\\\n  --- \\| ---");
}

static void test_blanks_and_gate(void **state)
{
    (void)state;
    same("  padded  \n\n\n  next  ", 0, "padded\\\n  next");
    same("bell\x07 esc\x1b[1m", 0, "bell^G esc^[[1m");
    same("title ##", MD_HEADING, "title \\#\\#");
    same("C# rocks", MD_HEADING, "C# rocks");
    same("a [b] c", MD_LINK_TEXT, "a \\[b\\] c");
}

static void test_html_escape(void **state)
{
    (void)state;
    char *s = text_html_escape("<a href=\"x\">Tom & Jerry's</a>\n\x1b", TEXT_KEEP_NEWLINES);
    assert_non_null(s);
    assert_string_equal(s, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/a&gt;\n^[");
    free(s);
    s = text_html_escape("a\nb", 0);
    assert_string_equal(s, "a^Jb");
    free(s);
    s = text_html_escape("", 0);
    assert_string_equal(s, "");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_punctuation_stays),
        cmocka_unit_test(test_markup_is_escaped),
        cmocka_unit_test(test_line_starts),
        cmocka_unit_test(test_blanks_and_gate),
        cmocka_unit_test(test_html_escape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
