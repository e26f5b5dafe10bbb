/* test_import_check.c - unit tests of import_check on small hand-written
 * snapshots: each wrong field is refused with its path and what was expected,
 * and the optional parts (levels, phases, roadblocks, nulls) may be left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/export.h"
#include "climb/import_check.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static climb_ladder L;

static int setup(void **state)
{
    climb_content_error e;
    (void)state;
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
    assert_int_equal(content_load_default(&L, &e), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    content_free(&L);
    return 0;
}

/* Checks a snapshot whose root members after format and version are `rest`
 * (with @L standing for the ladder id); message NULL means it must pass. */
static void check(const char *rest, const char *message)
{
    char doc[4096], body[2048], err[512];
    size_t o = 0;
    for (const char *p = rest; *p && o < sizeof body - 64; p++) {
        if (p[0] == '@' && p[1] == 'L') {
            o += (size_t)snprintf(body + o, sizeof body - o, "%s", L.id);
            p++;
        } else {
            body[o++] = *p;
        }
    }
    body[o] = '\0';
    snprintf(doc, sizeof doc, "{\"format\": \"%s\", \"format_version\": %d%s%s}",
             EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION, *body ? ", " : "", body);
    json_error_t jerr;
    json_t *root = json_loads(doc, 0, &jerr);
    if (!root)
        fail_msg("bad test JSON: %s in %s", jerr.text, doc);
    int rc = import_check(root, &L, err, sizeof err);
    json_decref(root);
    if (!message) {
        if (rc != 0)
            fail_msg("expected %s to pass, got '%s'", doc, err);
        assert_string_equal(err, "");
        return;
    }
    assert_int_equal(rc, -1);
    if (!strstr(err, message))
        fail_msg("expected '%s' in '%s'", message, err);
}

#define PROFILE "\"profile\": {\"name\": \"ana\", \"created_at\": \"2026-01-01T00:00:00Z\"}"
#define LADDER "\"ladder\": {\"id\": \"@L\"}, \"events\": []"

static void test_top_level(void **state)
{
    (void)state;
    check(PROFILE ", " LADDER, NULL);
    check(PROFILE ", " LADDER ", \"app_version\": null, \"levels\": []", NULL);
    check("\"app_version\": 5", "app_version: expected a string or null, found a number");
    check("\"profile\": 5", "profile: expected an object, found a number");
    check("\"profile\": {\"created_at\": \"2026-01-01T00:00:00Z\"}", "profile.name: missing");
    check("\"profile\": {\"name\": 3}", "profile.name: expected a string, found a number");
    check("\"profile\": {\"name\": \"\", \"title\": null, \"created_at\": \"2026-01-01T00:00:00Z\"}",
          "profile.name: empty");
    check("\"profile\": {\"name\": \"a\", \"title\": \"nope\", \"created_at\": "
          "\"2026-01-01T00:00:00Z\"}",
          "profile.title: unknown level id 'nope'");
    check(PROFILE, "ladder: missing");
    check(PROFILE ", \"ladder\": []", "ladder: expected an object, found a list");
    check(PROFILE ", \"ladder\": {\"hash\": null}", "ladder.id: missing");
    check(PROFILE ", \"ladder\": {\"id\": \"@L\", \"hash\": 1}",
          "ladder.hash: expected a string or null, found a number");
    check(PROFILE ", \"ladder\": {\"id\": \"other\"}",
          "ladder.id: the snapshot is of ladder 'other'");
}

static void test_format(void **state)
{
    char err[256];
    (void)state;
    json_t *root = json_pack("{s:s, s:i}", "format", EXPORT_FORMAT_NAME, "format_version", -1);
    assert_int_equal(import_check(root, &L, err, sizeof err), -1);
    assert_string_equal(err, "format_version: -1 is out of range (0 to 1000000)");
    json_decref(root);
    root = json_pack("{s:s, s:s}", "format", EXPORT_FORMAT_NAME, "format_version", "1");
    assert_int_equal(import_check(root, &L, err, sizeof err), -1);
    assert_string_equal(err, "format_version: expected a whole number, found a string");
    json_decref(root);
    root = json_pack("{s:i}", "format", 1);
    assert_int_equal(import_check(root, &L, err, sizeof err), -1);
    assert_string_equal(err, "format: expected a string, found a number");
    json_decref(root);
}

static void test_levels_and_roadblocks(void **state)
{
    char buf[512];
    (void)state;
    check(PROFILE ", " LADDER ", \"levels\": 5", "levels: expected a list");
    check(PROFILE ", " LADDER ", \"levels\": [5]", "levels[0]: expected an object, found a number");
    check(PROFILE ", " LADDER ", \"levels\": [{\"name\": null}]", "levels[0].id: missing");
    check(PROFILE ", " LADDER ", \"levels\": [{\"id\": \"x\", \"name\": 2}]",
          "levels[0].name: expected a string or null, found a number");
    check(PROFILE ", " LADDER ", \"levels\": [{\"id\": \"nope\"}]",
          "levels[0].id: unknown level id 'nope'");
    snprintf(buf, sizeof buf, PROFILE ", " LADDER ", \"levels\": [{\"id\": \"%s\"}]",
             L.levels[0].id);
    check(buf, NULL);
    check(PROFILE ", " LADDER ", \"roadblocks\": {}", "roadblocks: expected a list");
    check(PROFILE ", " LADDER ", \"roadblocks\": [[]]",
          "roadblocks[0]: expected an object, found a list");
    check(PROFILE ", " LADDER ", \"roadblocks\": [{\"flagged_at\": \"2026-01-01T00:00:00Z\"}]",
          "roadblocks[0].id: missing");
    snprintf(buf, sizeof buf, PROFILE ", " LADDER ", \"roadblocks\": [{\"id\": \"%s\"}]",
             L.roadblocks[0].id);
    check(buf, "roadblocks[0].flagged_at: missing");
    check(PROFILE ", " LADDER ", \"roadblocks\": [{\"id\": \"nope\", \"flagged_at\": "
                              "\"2026-01-01T00:00:00Z\"}]",
          "roadblocks[0].id: unknown roadblock id 'nope'");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"roadblocks\": [{\"id\": \"%s\", \"flagged_at\": "
                                 "\"2026-01-01T00:00:00Z\"}]",
             L.roadblocks[0].id);
    check(buf, NULL);
}

static void test_phases(void **state)
{
    char buf[1024];
    const char *ph = L.phases[0].id, *cr = L.phases[0].criteria[0].id;
    (void)state;
    check(PROFILE ", " LADDER ", \"phases\": [7]", "phases[0]: expected an object, found a number");
    check(PROFILE ", " LADDER ", \"phases\": [{\"criteria\": []}]", "phases[0].id: missing");
    check(PROFILE ", " LADDER ", \"phases\": [{\"id\": \"nope\"}]",
          "phases[0].id: unknown phase id 'nope'");
    snprintf(buf, sizeof buf, PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\"}]", ph);
    check(buf, NULL);
    snprintf(buf, sizeof buf, PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": 1}]",
             ph);
    check(buf, "phases[0].criteria: expected a list");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [\"x\"]}]", ph);
    check(buf, "phases[0].criteria[0]: expected an object, found a string");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\"}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].state: missing");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"text\": 4}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].text: expected a string or null, found a number");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"note\": 4}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].note: expected a string or null, found a number");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"reason\": 4}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].reason: expected a string or null, found a number");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"nope\", "
                                 "\"state\": \"todo\"}]}]",
             ph);
    check(buf, "phases[0].criteria[0].id: unknown criterion id 'nope'");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"evidence\": 3}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].evidence: expected a list");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"evidence\": [null]}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].evidence[0]: expected an object");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"evidence\": [{\"id\": \"x\"}]}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].evidence[0].id: 'x'");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"evidence\": [{\"id\": "
                                 "\"123e4567-e89b-42d3-a456-426614174000\", \"text\": \"t\", "
                                 "\"links\": 3}]}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].evidence[0].links: expected a list, found a number");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"evidence\": [{\"id\": "
                                 "\"123e4567-e89b-42d3-a456-426614174000\", \"text\": \"t\"}]}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].evidence[0].links: expected a list, found nothing");
    snprintf(buf, sizeof buf,
             PROFILE ", " LADDER ", \"phases\": [{\"id\": \"%s\", \"criteria\": [{\"id\": \"%s\", "
                                 "\"state\": \"todo\", \"evidence\": [{\"id\": "
                                 "\"123e4567-e89b-42d3-a456-426614174000\", \"text\": \"t\", "
                                 "\"links\": [1]}]}]}]",
             ph, cr);
    check(buf, "phases[0].criteria[0].evidence[0].links[0]: expected a string, found a number");
}

/* Checks a snapshot whose events list is `events`. */
static void check_events(const char *events, const char *message)
{
    char buf[3072];
    snprintf(buf, sizeof buf,
             PROFILE ", \"ladder\": {\"id\": \"@L\"}, \"events\": %s", events);
    check(buf, message);
}

#define U1 "123e4567-e89b-42d3-a456-426614174001"
#define U2 "123e4567-e89b-42d3-a456-426614174002"
#define U3 "123e4567-e89b-42d3-a456-426614174003"
#define EV(u, rest) "{\"uuid\": \"" u "\", \"at\": \"2026-01-01T00:00:00Z\", " rest "}"

static void test_events(void **state)
{
    char buf[1024];
    const char *cr = L.phases[0].criteria[0].id, *rb = L.roadblocks[0].id;
    (void)state;
    check_events("5", "events: expected a list");
    check_events("[1]", "events[0]: expected an object");
    check_events("[{\"uuid\": \"" U1 "\"}]", "events[0].at: missing");
    check_events("[" EV(U1, "\"kind\": 3") "]", "events[0].kind: expected a string");
    check_events("[" EV(U1, "\"kind\": \"x\", \"item\": 3") "]",
                 "events[0].item: expected a string or null");
    check_events("[" EV(U1, "\"kind\": \"x\", \"value\": 3") "]",
                 "events[0].value: expected a string or null");
    check_events("[" EV(U1, "\"kind\": \"x\", \"previous\": 3") "]",
                 "events[0].previous: expected a string or null");
    check_events("[" EV(U1, "\"kind\": \"x\", \"detail\": 3") "]",
                 "events[0].detail: expected a string or null");
    check_events("[" EV(U1, "\"kind\": \"\"") "]", "events[0].kind: empty");
    check_events("[" EV(U1, "\"kind\": \"Bad\"") "]", "events[0].kind: 'Bad' is not an event kind");
    check_events("[" EV(U1, "\"kind\": \"future_kind\"") "]", NULL);
    check_events("[" EV(U1, "\"kind\": \"state\"") "]",
                 "events[0].item: a state event needs the criterion id");
    check_events("[" EV(U1, "\"kind\": \"note\", \"item\": \"nope\"") "]",
                 "events[0].item: unknown criterion id 'nope'");
    snprintf(buf, sizeof buf, "[" EV(U1, "\"kind\": \"state\", \"item\": \"%s\"") "]", cr);
    check_events(buf, "events[0].value: unknown state 'null'");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"state\", \"item\": \"%s\", \"value\": \"doing\"") "]", cr);
    check_events(buf, NULL);
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"state\", \"item\": \"%s\", \"value\": \"n/a\"") "]", cr);
    check_events(buf, "events[0].detail: ");
    snprintf(buf, sizeof buf, "[" EV(U1, "\"kind\": \"note\", \"item\": \"%s\"") "]", cr);
    check_events(buf, NULL);
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"note\", \"item\": \"%s\", \"value\": \"a note\"") "]", cr);
    check_events(buf, NULL);
    check_events("[" EV(U1, "\"kind\": \"roadblock\"") "]",
                 "events[0].item: unknown roadblock id 'null'");
    snprintf(buf, sizeof buf, "[" EV(U1, "\"kind\": \"roadblock\", \"item\": \"%s\"") "]", rb);
    check_events(buf, "events[0].value: a roadblock event is \"on\" or \"off\"");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"roadblock\", \"item\": \"%s\", \"value\": \"maybe\"") "]", rb);
    check_events(buf, "events[0].value: a roadblock event is \"on\" or \"off\"");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"roadblock\", \"item\": \"%s\", \"value\": \"off\"") "]", rb);
    check_events(buf, NULL);
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"quiz_offered\"") "]",
                 "events[0].value: the setting quiz_offered needs a whole number");
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"checkin_days\", \"value\": \"\"") "]",
                 "events[0].value: the setting checkin_days needs a whole number");
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"checkin_days\", \"value\": \"7d\"") "]",
                 "the setting checkin_days needs a whole number");
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"stale_months\", \"value\": "
                            "\"1234567\"") "]",
                 "the setting stale_months needs a whole number");
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"checkin_days\", \"value\": \"7\"") "]",
                 NULL);
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"stale_months\", \"value\": \"6\"") "]",
                 NULL);
    check_events("[" EV(U1, "\"kind\": \"setting\", \"item\": \"theme\", \"value\": \"x\"") "]", NULL);
    check_events("[" EV(U1, "\"kind\": \"setting\"") "]", NULL);
    check_events("[" EV(U1, "\"kind\": \"title\", \"value\": \"nope\"") "]",
                 "events[0].value: unknown level id 'nope'");
    check_events("[" EV(U1, "\"kind\": \"x\"") ", " EV(U1, "\"kind\": \"y\"") "]",
                 "events: the event " U1 " appears twice");
}

static void test_evidence_events(void **state)
{
    char buf[1024];
    const char *cr = L.phases[0].criteria[0].id;
    (void)state;
    check_events("[" EV(U1, "\"kind\": \"evidence\"") "]",
                 "events[0].item: an evidence event needs the entry's UUID");
    check_events("[" EV(U1, "\"kind\": \"evidence\", \"item\": \"x\"") "]", "events[0].item: 'x'");
    check_events("[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2 "\"") "]",
                 "events[0].detail: expected the entry as a JSON object");
    check_events("[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2 "\", \"detail\": \"[]\"") "]",
                 "events[0].detail: expected the entry as a JSON object");
    check_events("[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2 "\", \"detail\": \"{}\"") "]",
                 "events[0].detail.criterion: expected a criterion id");
    check_events("[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2
                            "\", \"detail\": \"{\\\"criterion\\\": \\\"nope\\\"}\"") "]",
                 "events[0].detail.criterion: unknown criterion id 'nope'");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2
                        "\", \"detail\": \"{\\\"criterion\\\": \\\"%s\\\"}\"") "]", cr);
    check_events(buf, "events[0].detail.links: expected a list, found nothing");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2
                        "\", \"detail\": \"{\\\"criterion\\\": \\\"%s\\\", \\\"links\\\": [], "
                        "\\\"happened\\\": \\\"x\\\"}\"") "]", cr);
    check_events(buf, "events[0].detail.happened: expected a time in seconds since 1970");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2
                        "\", \"detail\": \"{\\\"criterion\\\": \\\"%s\\\", \\\"links\\\": [], "
                        "\\\"happened\\\": 99999999999999}\"") "]", cr);
    check_events(buf, "events[0].detail.happened: 99999999999999 ");
    snprintf(buf, sizeof buf,
             "[" EV(U1, "\"kind\": \"evidence\", \"item\": \"" U2
                        "\", \"detail\": \"{\\\"criterion\\\": \\\"%s\\\", \\\"links\\\": [], "
                        "\\\"happened\\\": 1767225600}\"") "]", cr);
    check_events(buf, NULL);
}

static void test_undo_events(void **state)
{
    (void)state;
    check_events("[" EV(U1, "\"kind\": \"undo\"") "]",
                 "events[0].item: an undo event needs the UUID of the event it took back");
    check_events("[" EV(U1, "\"kind\": \"undo\", \"item\": \"x\"") "]", "events[0].item: 'x'");
    check_events("[" EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\"") "]",
                 "the undo takes back event " U2 ", which is not in the snapshot");
    check_events("[" EV(U2, "\"kind\": \"title\"") ", " EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\"") "]",
                 "events[1].value: the undone event " U2 " is a 'title' event, not 'null'");
    check_events("[" EV(U2, "\"kind\": \"title\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"note\"") "]",
                 "is a 'title' event, not 'note'");
    check_events("[" EV(U2, "\"kind\": \"title\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"title\", "
                        "\"detail\": \"a\"") "]",
                 "events[1].detail: the undone event " U2 " is about 'null', not 'a'");
    check_events("[" EV(U2, "\"kind\": \"zz\", \"item\": \"b\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"zz\", "
                        "\"detail\": \"a\"") "]",
                 "is about 'b', not 'a'");
    check_events("[" EV(U2, "\"kind\": \"zz\", \"item\": \"b\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"zz\"") "]",
                 "is about 'b', not 'null'");
    check_events("[" EV(U2, "\"kind\": \"title\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"title\", "
                        "\"previous\": \"x\"") "]",
                 "events[1].previous: 'x'");
    check_events("[" EV(U2, "\"kind\": \"title\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"title\", "
                        "\"previous\": \"" U3 "\"") "]",
                 "events[1].previous: the reverse event " U3 " is not in the snapshot");
    check_events("[" EV(U2, "\"kind\": \"zz\", \"item\": \"b\"") ", " EV(U3, "\"kind\": \"zz\"") ", "
                 EV(U1, "\"kind\": \"undo\", \"item\": \"" U2 "\", \"value\": \"zz\", "
                        "\"detail\": \"b\", \"previous\": \"" U3 "\"") "]",
                 NULL);
}

/* Checks a snapshot with no events and these quiz attempts. */
static void check_quiz(const char *attempts, const char *message)
{
    char buf[2048];
    snprintf(buf, sizeof buf, PROFILE ", " LADDER ", \"quiz_attempts\": %s", attempts);
    check(buf, message);
}

#define QA(rest) "[{\"event_uuid\": \"" U1 "\", \"taken_at\": \"2026-01-01T00:00:00Z\"" rest "}]"

static void test_quiz(void **state)
{
    (void)state;
    check_quiz("[]", NULL);
    check_quiz("{}", "quiz_attempts: expected a list");
    check_quiz("[3]", "quiz_attempts[0]: expected an object, found a number");
    check_quiz("[{\"event_uuid\": \"x\"}]", "quiz_attempts[0].event_uuid: 'x'");
    check_quiz(QA(", \"answers\": 1"), "quiz_attempts[0].answers: expected a list");
    check_quiz(QA(", \"answers\": [1]"),
               "quiz_attempts[0].answers[0]: expected a string, found a number");
    check_quiz(QA(", \"answers\": [\"maybe\"]"),
               "quiz_attempts[0].answers[0]: unknown answer 'maybe' (no, once or regularly)");
    check_quiz(QA(""), "quiz_attempts[0].answers: missing");
    check_quiz(QA(", \"answers\": []"), "quiz_attempts[0].yes: missing");
    check_quiz(QA(", \"answers\": [], \"yes\": 2000"),
               "quiz_attempts[0].yes: 2000 is out of range (0 to 1000)");
    check_quiz(QA(", \"answers\": [], \"yes\": 0, \"regularly\": \"0\""),
               "quiz_attempts[0].regularly: expected a whole number, found a string");
    check_quiz(QA(", \"answers\": [], \"yes\": 0, \"regularly\": 0"),
               "quiz_attempts[0].placement: missing");
    check_quiz(QA(", \"answers\": [], \"yes\": 0, \"regularly\": 0, \"placement\": 1"),
               "quiz_attempts[0].placement: expected an object, found a number");
    check_quiz(QA(", \"answers\": [], \"yes\": 0, \"regularly\": 0, \"placement\": {\"phase\": 0}"),
               "quiz_attempts[0].placement.phase: 0 is out of range");
    check_quiz(QA(", \"answers\": [], \"yes\": 0, \"regularly\": 0, \"placement\": "
                  "{\"phase\": 1, \"on_edge_of\": \"2\"}"),
               "quiz_attempts[0].placement.on_edge_of: expected a whole number or null, "
               "found a string");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_top_level),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_levels_and_roadblocks),
        cmocka_unit_test(test_phases),
        cmocka_unit_test(test_events),
        cmocka_unit_test(test_evidence_events),
        cmocka_unit_test(test_undo_events),
        cmocka_unit_test(test_quiz),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
