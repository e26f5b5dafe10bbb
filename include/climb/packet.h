/* packet.h - the content of a promotion packet, decided once for every format
 * that writes one (export_md.c, export_html.c): who it is for, the level it
 * argues for, the verdict of the evidence check, the chosen phases with each
 * criterion as a first-person claim and its dated evidence (stale entries
 * marked), what remains for the reader, the flagged roadblocks and the criteria
 * met month by month. Strings point into the model and the ladder (raw: each
 * writer passes them through its own escaping); the packet does not outlive the
 * model it was built from. */
#ifndef CLIMB_PACKET_H
#define CLIMB_PACKET_H

#include "climb/evidence_check.h"
#include "climb/model.h"

#include <stddef.h>

/* The sections, in the order they are written. */
typedef enum {
    PACKET_SUMMARY = 1 << 0,
    PACKET_CRITERIA = 1 << 1,
    PACKET_EVIDENCE = 1 << 2,
    PACKET_REMAINING = 1 << 3,
    PACKET_ROADBLOCKS = 1 << 4,
    PACKET_PROGRESS = 1 << 5,
} packet_section;

/* Every section but the roadblocks, which a person shares only when asked. */
#define PACKET_DEFAULT_SECTIONS                                                           \
    (PACKET_SUMMARY | PACKET_CRITERIA | PACKET_EVIDENCE | PACKET_REMAINING | PACKET_PROGRESS)

typedef struct {
    unsigned sections;  /* PACKET_* bits; 0: PACKET_DEFAULT_SECTIONS */
    unsigned phases;    /* bit n-1 for phase number n; 0: the phases the evidence
                         * check covers (the one worked on and the one before) */
} packet_options;

/* "summary,criteria,..." into PACKET_* bits: 0, or -1 with a message in err. */
int packet_parse_sections(const char *list, unsigned *out, char *err, size_t errlen);
/* "2,3" or "all" into phase bits for ladder l: 0, or -1 with a message in err. */
int packet_parse_phases(const climb_ladder *l, const char *list, unsigned *out, char *err,
                        size_t errlen);

typedef struct {
    const char *text;
    long long at;              /* when the work happened (the note: when written) */
    int stale;                 /* older than the profile's stale period */
    char *const *links;        /* URLs or references (PR-123) */
    size_t n_links;
} packet_entry;

typedef struct {
    const char *id;
    const char *claim;         /* the ladder's first-person claim, else its text */
    crit_state state;
    long long done_at;
    const char *reason;        /* n/a reason, or NULL */
    packet_entry *entries;     /* the note first, then the entries oldest first */
    size_t n_entries;
    int phase_number;
} packet_claim;

typedef struct {
    int number;
    const char *title;
    const char *heading;       /* the ladder's criteria heading for the phase */
    int met, applicable;
    packet_claim *claims;
    size_t n_claims;
} packet_phase;

typedef struct {
    const char *title;
    const char *unlock;        /* NULL when the ladder no longer has it */
    long long flagged_at;
} packet_roadblock;

typedef struct {
    char key[11];              /* "2026-03" */
    long long start;
    int met;                   /* criteria of the chosen phases met at the month's end */
    int net;                   /* met minus met at the month's start: undo pairs cancel */
} packet_month;

typedef struct {
    const char *name;          /* display name, else the profile name */
    const char *ladder_name;
    const char *level;         /* the level argued for (target, else the next level) */
    char level_text[96];       /* where `level` points when it is "operating at Staff" */
    long long target_at;       /* the target date, 0 when no target is set */
    long long now;
    int stale_months;          /* evidence older than this is marked stale */
    unsigned sections;
    char verdict[200];         /* the evidence check's verdict */
    char pace[256];            /* the target's pace sentence, "" without a target */
    packet_phase *phases;      /* the chosen phases, in ladder order */
    size_t n_phases;
    packet_claim *remaining;   /* criteria still to meet for `level` */
    size_t n_remaining;
    packet_roadblock *roadblocks;
    size_t n_roadblocks;
    packet_month *months;      /* oldest first */
    size_t n_months;
    int chart_max;             /* criteria the chart counts: its top */
} packet;

/* Builds the packet of m's profile at `now`. 0, or -1 with a message in err. */
int packet_build(const climb_model *m, const packet_options *opt, long long now, packet *out,
                 char *err, size_t errlen);
void packet_free(packet *p);

/* "met 2026-01-05", "in progress", "not met yet", "does not apply" for a claim. */
void packet_claim_status(const packet_claim *c, char *buf, size_t len);
/* 1 when the link is an http(s) URL (written as a link), 0 for a reference. */
int packet_link_is_url(const char *link);
/* The words a URL is shown with: without its scheme and a trailing '/'. */
const char *packet_link_label(const char *link, size_t *len);

#endif
