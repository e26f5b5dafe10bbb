/* content.h - the ladder as typed C data: levels, phases with their comparison
 * tables and promotion criteria, the quiz and its placement bands, roadblocks,
 * resources, FAQs and timelines. Loaded from YAML (libyaml) and validated; the
 * content layer knows nothing of the database or the terminal. */
#ifndef CLIMB_CONTENT_H
#define CLIMB_CONTENT_H

#include <stddef.h>

/* The four dimensions every phase comparison table has, in display order. */
enum { CLIMB_DIMENSIONS = 4 };
extern const char *const climb_dimension_keys[CLIMB_DIMENSIONS];   /* YAML keys */
extern const char *const climb_dimension_labels[CLIMB_DIMENSIONS]; /* screen labels */

typedef struct {
    char *id;          /* stable slug, e.g. "mid" */
    char *name;        /* "Mid" */
    int tenure_min;    /* years */
    int tenure_max;    /* years; -1 when open-ended ("10+") */
    char *unlocks;     /* what unlocks advancement */
    char *plateau;     /* most common plateau */
    long pay_low;      /* US dollars a year */
    long pay_high;     /* US dollars a year */
    int pay_open_top;  /* 1 when the top of the range is open ("$320K+") */
} climb_level;

typedef struct {
    char *id;          /* stable slug, e.g. "p2-reduce-oncall" */
    char *text;
    char *claim;       /* the same, as the person's own claim ("I have owned..."); NULL
                        * when the ladder gives none (the packet then uses text) */
} climb_criterion;

typedef struct {
    char *id;            /* "p2" */
    int number;          /* 1-4 */
    char *level;         /* id of the level this phase is, e.g. "mid" */
    char *next_level;    /* id of the level the criteria lead to; NULL when operating */
    int operating;       /* 1: meeting the criteria means operating at `level` (the
                          * last phase of a ladder, say); 0: it reaches next_level */
    char *title;         /* "Building reliability, not just fixing problems" */
    char *summary;       /* a paragraph in the project's own words */
    char *before_label;  /* column heading of the earlier stage: "First week" */
    char *this_label;    /* column heading of this stage: "Phase 2 (Mid)" */
    char *before[CLIMB_DIMENSIONS];
    char *now[CLIMB_DIMENSIONS];
    char *criteria_heading;      /* "Before moving up to Senior" */
    climb_criterion *criteria;
    size_t n_criteria;
} climb_phase;

typedef struct {
    char *id;
    char *text;
} climb_question;

/* One placement band: answers with yes_min..yes_max yes answers and at least
 * regularly_min "regularly" answers place the person in `phase`, on the edge of
 * `on_edge_of` (0 when not on a boundary). Bands are tried in file order; the
 * first that matches wins. */
typedef struct {
    int yes_min, yes_max;
    int regularly_min;
    int phase;
    int on_edge_of;
    char *label;       /* "Junior / Entry: start at Phase 1" */
} climb_band;

typedef struct {
    char *id;
    char *title;
    char *why;
    char *unlock;
} climb_roadblock;

typedef struct {
    char *id;
    char *name;
    char *what;        /* what it is and when it is worth the time */
    int phase_min, phase_max;
} climb_resource;

typedef struct {
    char *id;
    char *question;
    char *answer;
} climb_faq;

typedef struct {
    char *id;
    char *from_level;  /* level ids */
    char *to_level;
    int years_min, years_max;
    char *why;
} climb_timeline;

typedef struct {
    char *id;          /* ladder id, e.g. "devops" */
    char *name;        /* "DevOps engineer ladder" */
    char *source;      /* where the content comes from, in a few words */
    char **insights;   /* the key points, in the project's own words */
    size_t n_insights;
    climb_level *levels;         size_t n_levels;
    climb_phase *phases;         size_t n_phases;
    char *quiz_intro;
    climb_question *questions;   size_t n_questions;
    climb_band *bands;           size_t n_bands;
    char **phase_advice;         /* per phase (index = number-1): where to start */
    climb_roadblock *roadblocks; size_t n_roadblocks;
    char *roadblocks_intro;      /* how to read the roadblocks; NULL when absent */
    char *resources_advice;
    climb_resource *resources;   size_t n_resources;
    climb_faq *faqs;             size_t n_faqs;
    climb_timeline *timelines;   size_t n_timelines;
    char hash[17];     /* 64-bit FNV-1a of the source bytes, hex */
    int is_static;     /* 1: the data is static (the built-in ladder), owned by
                        * nobody; content_free only zeroes the struct */
} climb_ladder;

/* A content error, reported as FILE:LINE:COL: message (line and column 1-based). */
typedef struct {
    char file[256];
    unsigned long line, col;
    char message[256];
} climb_content_error;

/* Parse and validate YAML from memory. `name` is used in error messages.
 * Returns 0 and fills *out, or -1 and fills *err (out is left empty). */
int content_load_buffer(const char *data, size_t len, const char *name,
                        climb_ladder *out, climb_content_error *err);
/* Same, reading the file at `path`. */
int content_load_file(const char *path, climb_ladder *out, climb_content_error *err);
/* The ladder compiled into the binary: content/devops.yaml, validated at build
 * time and turned into static data by tools/gen_ladder.c, so nothing is parsed
 * at start-up. Defined in the generated build/gen/builtin_ladder.c. Fills *out
 * (is_static set, hash that of the YAML source) and returns 0; err, when not
 * NULL, is cleared. The strings and arrays are shared by every copy. */
int content_load_default(climb_ladder *out, climb_content_error *err);
/* Frees what a load allocated and zeroes *ladder; for a static ladder
 * (is_static) it only zeroes the struct. Safe on a zeroed struct and NULL. */
void content_free(climb_ladder *ladder);

/* Formats err as "FILE:LINE:COL: message" into buf. */
void content_error_format(const climb_content_error *err, char *buf, size_t len);

/* Calls fn with the path of every text field of the schema, the fields a person
 * reads ("phases.summary", "quiz.questions.text", "phases.table.scope.before";
 * list items and nested mappings joined with '.'), in schema order. */
typedef void (*content_field_fn)(const char *path, void *ctx);
void content_text_fields(content_field_fn fn, void *ctx);

/* Look-ups; NULL when unknown. */
const climb_level *content_level(const climb_ladder *l, const char *id);
const climb_phase *content_phase(const climb_ladder *l, int number);
const climb_criterion *content_criterion(const climb_ladder *l, const char *id,
                                         const climb_phase **phase_out);
/* Index of a level by id, or -1. */
int content_level_index(const climb_ladder *l, const char *id);

#endif
