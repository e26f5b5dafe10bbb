/* test_packet_parse.c - unit tests of the packet option parsers and link helpers:
 * section and phase lists (empty items, over-long items, trailing commas, the
 * 32-phase limit, a zero-size error buffer), URL labels, claim statuses and a
 * packet of every phase and section from a real database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/packet.h"

#include "support.h"

#include <string.h>

static void test_sections(void **state)
{
    unsigned bits = 99;
    char err[200];
    (void)state;
    assert_int_equal(packet_parse_sections("summary,progress,", &bits, err, sizeof err), 0);
    assert_int_equal(bits, 1u | (1u << 5));
    assert_int_equal(packet_parse_sections("", &bits, err, sizeof err), -1);
    assert_string_equal(err, "the list is empty (sections: summary, criteria, evidence, remaining,"
                             " roadblocks, progress)");
    assert_int_equal(packet_parse_sections("summary,,criteria", &bits, err, sizeof err), -1);
    assert_string_equal(err, "'' is not a list item (sections: summary, criteria, evidence, "
                             "remaining, roadblocks, progress)");
    assert_int_equal(packet_parse_sections("abcdefghijklmnopqrstuvwxyz0123456789abcdefgh", &bits,
                                           err, sizeof err),
                     -1);
    assert_true(strncmp(err, "'abcdefghijklmnopqrstuvwxyz0123456789abcd' is not", 49) == 0);
    assert_int_equal(packet_parse_sections("nope", &bits, err, sizeof err), -1);
    assert_true(strncmp(err, "unknown item 'nope' (sections:", 30) == 0);
    /* a small buffer is cut, never overrun; a zero-size one is left alone */
    char tiny[8];
    assert_int_equal(packet_parse_sections("nope", &bits, tiny, sizeof tiny), -1);
    assert_string_equal(tiny, "unknown");
    char none[4] = "";
    assert_int_equal(packet_parse_sections("nope", &bits, none, 0), -1);
    assert_string_equal(none, "");
}

static void test_phases(void **state)
{
    climb_ladder l;
    unsigned bits = 0;
    char err[200];
    (void)state;
    memset(&l, 0, sizeof l);
    l.n_phases = 3;
    assert_int_equal(packet_parse_phases(&l, "1,3", &bits, err, sizeof err), 0);
    assert_int_equal(bits, 5u);
    assert_int_equal(packet_parse_phases(&l, "all", &bits, err, sizeof err), 0);
    assert_int_equal(bits, 7u);
    assert_int_equal(packet_parse_phases(&l, "0", &bits, err, sizeof err), -1);
    assert_string_equal(err, "unknown item '0' (phases: 1 to 3, or all)");
    assert_int_equal(packet_parse_phases(&l, "4", &bits, err, sizeof err), -1);
    assert_string_equal(err, "unknown item '4' (phases: 1 to 3, or all)");
    assert_int_equal(packet_parse_phases(&l, "2x", &bits, err, sizeof err), -1);
    assert_string_equal(err, "unknown item '2x' (phases: 1 to 3, or all)");
    /* more phases than bits: "all" takes the first 32, and 33 is refused */
    l.n_phases = 40;
    assert_int_equal(packet_parse_phases(&l, "all", &bits, err, sizeof err), 0);
    assert_int_equal(bits, 0xffffffffu);
    assert_int_equal(packet_parse_phases(&l, "32", &bits, err, sizeof err), 0);
    assert_int_equal(bits, 1u << 31);
    assert_int_equal(packet_parse_phases(&l, "33", &bits, err, sizeof err), -1);
    assert_string_equal(err, "unknown item '33' (phases: 1 to 40, or all)");
    char none[4] = "";
    assert_int_equal(packet_parse_phases(&l, "", &bits, none, 0), -1);
    assert_string_equal(none, "");
}

static void test_links(void **state)
{
    size_t n = 99;
    (void)state;
    assert_true(packet_link_is_url("https://a.example"));
    assert_true(packet_link_is_url("http://a.example"));
    assert_false(packet_link_is_url("ftp://a.example"));
    assert_false(packet_link_is_url("notes/a.md"));
    const char *s = packet_link_label("http://a.example/x/", &n);
    assert_int_equal(n, strlen("a.example/x"));
    assert_memory_equal(s, "a.example/x", n);
    s = packet_link_label("/", &n);
    assert_int_equal(n, 1);
    assert_memory_equal(s, "/", 1);
    s = packet_link_label("", &n);
    assert_int_equal(n, 0);
    s = packet_link_label("docs/plan", &n);
    assert_int_equal(n, 9);
    assert_memory_equal(s, "docs/plan", 9);
}

static void test_status(void **state)
{
    packet_claim c;
    char buf[64];
    (void)state;
    memset(&c, 0, sizeof c);
    c.state = STATE_TODO;
    packet_claim_status(&c, buf, sizeof buf);
    assert_string_equal(buf, "not met yet");
    c.state = STATE_DOING;
    packet_claim_status(&c, buf, sizeof buf);
    assert_string_equal(buf, "in progress");
    c.state = STATE_NA;
    packet_claim_status(&c, buf, sizeof buf);
    assert_string_equal(buf, "does not apply");
    c.state = STATE_DONE;
    c.done_at = 1773480600;
    packet_claim_status(&c, buf, sizeof buf);
    assert_true(strncmp(buf, "met 2026-03-1", 13) == 0);
}

/* Every phase and section of a profile without a display name, with a stale
 * period: the packet names the profile and holds each phase of the ladder. */
static void test_build_all(void **state)
{
    test_env *f = *state;
    packet pk;
    packet_options opt = {0, 0};
    char err[256];
    ops_crit_change c = {1, STATE_DONE, NULL, "Ran the on-call rota", NULL, 0, 0};
    assert_int_equal(ops_criterion(&f->m, 1, 1, &c, NULL), 0);
    f->m.stale_months = 1;
    assert_int_equal(packet_parse_phases(&f->ladder, "all", &opt.phases, err, sizeof err), 0);
    assert_int_equal(packet_parse_sections("summary,criteria,evidence,remaining,roadblocks,progress",
                                           &opt.sections, err, sizeof err),
                     0);
    assert_int_equal(packet_build(&f->m, &opt, 1773480600, &pk, err, sizeof err), 0);
    assert_string_equal(pk.name, "ana");
    assert_int_equal(pk.n_phases, f->ladder.n_phases);
    assert_int_equal(pk.stale_months, 1);
    assert_int_equal(pk.sections, opt.sections);
    assert_non_null(pk.level);
    assert_true(*pk.level != '\0');
    assert_int_equal(pk.n_roadblocks, 0);
    packet_free(&pk);
    assert_null(pk.phases);
    packet_free(&pk); /* freeing twice, or an empty packet, is safe */
    assert_int_equal(pk.n_phases, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections),
        cmocka_unit_test(test_phases),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_status),
        test_with_env(test_build_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
