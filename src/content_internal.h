/* content_internal.h - private to src/content*.c: the YAML node tree built from
 * libyaml events, the parse context shared by the parse and validate passes,
 * and the error helpers. Nothing outside the content layer includes this. */
#ifndef CLIMB_CONTENT_INTERNAL_H
#define CLIMB_CONTENT_INTERNAL_H

#include <stddef.h>

#include "climb/content.h"

#if defined(__GNUC__)
#define CONTENT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CONTENT_PRINTF(f, a)
#endif

typedef enum { YN_SCALAR, YN_SEQ, YN_MAP } yn_kind;
/* What a scalar resolves to under the YAML 1.2 core schema (quoted and block
 * scalars are always strings). */
typedef enum { YS_STR, YS_INT, YS_FLOAT, YS_BOOL, YS_NULL } yn_stype;

typedef struct ynode {
    yn_kind kind;
    yn_stype stype;          /* scalars only */
    char *value;             /* scalars only; NUL-terminated, no inner NUL */
    size_t len;
    unsigned long line, col; /* 1-based */
    struct ynode **kids;     /* sequence: items; mapping: key, value, key, value... */
    size_t n_kids, cap;
} ynode;

/* content_tree.c */
int ytree_load(const char *data, size_t len, ynode **root, climb_content_error *err);
void ytree_free(ynode *n);
const ynode *ytree_get(const ynode *map, const char *key); /* NULL when absent */
const ynode *ytree_item(const ynode *seq, size_t i);       /* NULL when out of range */
const char *ytree_kind_name(const ynode *n);               /* "a string", "a list"... */

/* One id seen in the file, for the duplicate check. */
typedef struct {
    const char *id;              /* owned by the ladder being built */
    unsigned long line, col;
    size_t order;
} content_id;

/* One quiz.phase_advice entry, held until validation files it by phase. */
typedef struct {
    int phase;
    char *text;
} content_advice;

typedef struct {
    climb_content_error *err;
    content_id *ids;
    size_t n_ids, cap_ids;
    content_advice *advice;
    size_t n_advice;
} content_ctx;

/* content.c */
void content_set_error(climb_content_error *err, unsigned long line, unsigned long col,
                       const char *fmt, ...) CONTENT_PRINTF(4, 5);
/* Reports at node `at` (NULL: 1:1) and returns -1. */
int content_fail(content_ctx *c, const ynode *at, const char *fmt, ...) CONTENT_PRINTF(3, 4);
/* Copies s into buf for quoting in a message: at most 40 characters, control
 * bytes shown as '?'. Returns buf. */
const char *content_shown(char *buf, size_t len, const char *s);

/* content_parse.c: typed fields, unknown and missing keys, ids registered. */
int content_parse_tree(content_ctx *c, const ynode *root, climb_ladder *out);
void content_ctx_free(content_ctx *c);

/* content_validate.c: duplicate ids, references, numbering, ranges, advice. */
int content_validate(content_ctx *c, const ynode *root, climb_ladder *l);

#endif
