/* rules.h - what climb accepts into a profile, in one place for every entry (the
 * command line, the TUI and import): evidence notes and entries with their links,
 * n/a reasons, the stale period, times, UUIDs and quiz placements.
 * Each check returns NULL when the value is fine, else what is wrong with it. */
#ifndef CLIMB_RULES_H
#define CLIMB_RULES_H

#include "climb/content.h"
#include "climb/quiz.h"

#include <stddef.h>

enum {
    RULES_NOTE_MAX = 64 * 1024, /* bytes of one evidence note */
    RULES_STALE_MIN = 1,        /* months, for stale-after */
    RULES_STALE_MAX = 120,
    RULES_TIME_AHEAD = 86400,   /* seconds a time may be after now (a clock a little ahead) */
    RULES_LINKS_MAX = 20,       /* links of one evidence entry */
};

/* A note (empty clears it): the text rule of text_check_input and at most
 * RULES_NOTE_MAX bytes. */
const char *rules_check_note(const char *s, size_t len);
/* The reason an n/a criterion does not apply: not empty, and the text rule. */
const char *rules_check_reason(const char *s, size_t len);
/* An evidence entry's text: not empty, the text rule, at most RULES_NOTE_MAX. */
const char *rules_check_evidence(const char *s, size_t len);
/* One link of an entry (a URL or a reference such as PR-123): 1 to 2048 bytes,
 * the text rule, no white space. */
const char *rules_check_link(const char *s, size_t len);
/* The stale period: RULES_STALE_MIN to RULES_STALE_MAX months. */
const char *rules_check_stale_months(long long months);

/* A time something happened or was recorded (epoch seconds): not before 1970,
 * and not after now plus RULES_TIME_AHEAD. The message does not name the time;
 * the caller does. */
const char *rules_check_time(long long t, long long now);
/* A UUID as climb writes it: 8-4-4-4-12 lower-case hexadecimal digits. */
const char *rules_check_uuid(const char *s);
/* An evidence entry: its text (NULL: not given, e.g. a removal or an edit that
 * keeps it) by rules_check_evidence, at most RULES_LINKS_MAX links, each by
 * rules_check_link. NULL when fine, else the problem written into buf. */
const char *rules_check_entry(const char *text, const char *const *links, size_t n_links,
                              char *buf, size_t len);
/* A recorded quiz attempt (the yes and regularly counts, phase and on_edge_of
 * of `said`): its answers place it (quiz_place) exactly there. NULL when fine,
 * else the problem written into buf and in *field which part is wrong: "answers",
 * "yes", "regularly", "phase" or "on_edge_of". */
const char *rules_check_placement(const climb_ladder *l, const quiz_answer *answers,
                                  size_t n, const quiz_placement *said, const char **field,
                                  char *buf, size_t len);

#endif
