/* content_parse.c - owns the ladder schema (the keys of every mapping, their
 * types, which are required) and reading the node tree into the typed structs:
 * wrong types, unknown, duplicate and missing keys, empty text and id form are
 * reported here; ids are collected for the duplicate check in validation. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_internal.h"

enum { MAX_FIELDS = 16, MAX_ID_LEN = 64 };

typedef enum {
    FT_TEXT,     /* non-empty string */
    FT_SLUG,     /* string in id form (a reference, or the ladder's own id) */
    FT_ID,       /* string in id form, registered for the duplicate check */
    FT_INT,      /* non-negative int */
    FT_INT_NULL, /* non-negative int, or null stored as -1 */
    FT_LONG,     /* non-negative long */
    FT_BOOL,
    FT_TEXTS,    /* list of non-empty strings: char ** plus size_t count */
    FT_LIST,     /* list of mappings: T * plus size_t count */
    FT_ADVICE,   /* like FT_LIST, but stored on the parse context */
    FT_MAP       /* nested mapping whose keys fill the same object */
} field_type;

/* How a nested mapping is named in messages. */
typedef enum { CTX_KEY, CTX_SAME, CTX_KEY_OF } ctx_mode;

typedef struct field field;

typedef struct {
    const char *kind;  /* names an item in messages: "level mid", "band #3" */
    size_t size;
    const field *fields;
    size_t n_fields;
    size_t min;        /* fewest items allowed */
} list_desc;

struct field {
    const char *key;
    field_type type;
    int req;
    size_t off;        /* offset of the value, or of the list pointer */
    size_t count_off;  /* FT_TEXTS, FT_LIST, FT_ADVICE: offset of the size_t count */
    const list_desc *list;
    const field *sub;  /* FT_MAP */
    size_t n_sub;
    ctx_mode ctx;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define REQ(T, k, ty, m) {.key = k, .type = ty, .req = 1, .off = offsetof(T, m)}
#define OPT(T, k, ty, m) {.key = k, .type = ty, .req = 0, .off = offsetof(T, m)}
#define LIST(T, k, m, n, ld)                                                              \
    {.key = k, .type = FT_LIST, .req = 1, .off = offsetof(T, m), .count_off = offsetof(T, n), \
     .list = &ld}
#define NEST(k, s, mode) {.key = k, .type = FT_MAP, .req = 1, .sub = s, .n_sub = COUNT(s), .ctx = mode}
#define LDESC(kind, T, f, min) {kind, sizeof(T), f, COUNT(f), min}

static const field level_fields[] = {
    REQ(climb_level, "id", FT_ID, id),
    REQ(climb_level, "name", FT_TEXT, name),
    REQ(climb_level, "tenure_min", FT_INT, tenure_min),
    REQ(climb_level, "tenure_max", FT_INT_NULL, tenure_max),
    REQ(climb_level, "unlocks", FT_TEXT, unlocks),
    REQ(climb_level, "plateau", FT_TEXT, plateau),
    REQ(climb_level, "pay_low", FT_LONG, pay_low),
    REQ(climb_level, "pay_high", FT_LONG, pay_high),
    OPT(climb_level, "pay_open_top", FT_BOOL, pay_open_top),
};

#define DIMENSION(i)                                                                       \
    {REQ(climb_phase, "before", FT_TEXT, before[i]), REQ(climb_phase, "now", FT_TEXT, now[i])}
static const field dim_scope[] = DIMENSION(0);
static const field dim_decisions[] = DIMENSION(1);
static const field dim_stakeholders[] = DIMENSION(2);
static const field dim_failure[] = DIMENSION(3);

/* Same keys, same order as climb_dimension_keys. */
static const field table_fields[] = {
    NEST("scope", dim_scope, CTX_KEY_OF),
    NEST("decisions", dim_decisions, CTX_KEY_OF),
    NEST("stakeholders", dim_stakeholders, CTX_KEY_OF),
    NEST("failure_mode", dim_failure, CTX_KEY_OF),
};

static const field criterion_fields[] = {
    REQ(climb_criterion, "id", FT_ID, id),
    REQ(climb_criterion, "text", FT_TEXT, text),
    OPT(climb_criterion, "claim", FT_TEXT, claim),
};
static const list_desc criterion_list = LDESC("criterion", climb_criterion, criterion_fields, 1);

static const field phase_fields[] = {
    REQ(climb_phase, "id", FT_ID, id),
    REQ(climb_phase, "number", FT_INT, number),
    REQ(climb_phase, "level", FT_SLUG, level),
    OPT(climb_phase, "next_level", FT_SLUG, next_level),
    OPT(climb_phase, "operating", FT_BOOL, operating),
    REQ(climb_phase, "title", FT_TEXT, title),
    REQ(climb_phase, "summary", FT_TEXT, summary),
    REQ(climb_phase, "before_label", FT_TEXT, before_label),
    REQ(climb_phase, "this_label", FT_TEXT, this_label),
    NEST("table", table_fields, CTX_SAME),
    REQ(climb_phase, "criteria_heading", FT_TEXT, criteria_heading),
    LIST(climb_phase, "criteria", criteria, n_criteria, criterion_list),
};

static const field question_fields[] = {
    REQ(climb_question, "id", FT_ID, id),
    REQ(climb_question, "text", FT_TEXT, text),
};

static const field band_fields[] = {
    REQ(climb_band, "yes_min", FT_INT, yes_min),
    REQ(climb_band, "yes_max", FT_INT, yes_max),
    OPT(climb_band, "regularly_min", FT_INT, regularly_min),
    REQ(climb_band, "phase", FT_INT, phase),
    OPT(climb_band, "on_edge_of", FT_INT, on_edge_of),
    REQ(climb_band, "label", FT_TEXT, label),
};

static const field advice_fields[] = {
    REQ(content_advice, "phase", FT_INT, phase),
    REQ(content_advice, "text", FT_TEXT, text),
};

static const list_desc question_list = LDESC("question", climb_question, question_fields, 1);
static const list_desc band_list = LDESC("band", climb_band, band_fields, 1);
static const list_desc advice_list = LDESC("phase advice", content_advice, advice_fields, 1);

static const field quiz_fields[] = {
    REQ(climb_ladder, "intro", FT_TEXT, quiz_intro),
    LIST(climb_ladder, "questions", questions, n_questions, question_list),
    LIST(climb_ladder, "bands", bands, n_bands, band_list),
    {.key = "phase_advice", .type = FT_ADVICE, .req = 1, .off = offsetof(content_ctx, advice),
     .count_off = offsetof(content_ctx, n_advice), .list = &advice_list},
};

static const field roadblock_fields[] = {
    REQ(climb_roadblock, "id", FT_ID, id),
    REQ(climb_roadblock, "title", FT_TEXT, title),
    REQ(climb_roadblock, "why", FT_TEXT, why),
    REQ(climb_roadblock, "unlock", FT_TEXT, unlock),
};

static const field resource_fields[] = {
    REQ(climb_resource, "id", FT_ID, id),
    REQ(climb_resource, "name", FT_TEXT, name),
    REQ(climb_resource, "what", FT_TEXT, what),
    REQ(climb_resource, "phase_min", FT_INT, phase_min),
    REQ(climb_resource, "phase_max", FT_INT, phase_max),
};
static const list_desc resource_list = LDESC("resource", climb_resource, resource_fields, 0);

static const field resources_fields[] = {
    REQ(climb_ladder, "advice", FT_TEXT, resources_advice),
    LIST(climb_ladder, "items", resources, n_resources, resource_list),
};

static const field faq_fields[] = {
    REQ(climb_faq, "id", FT_ID, id),
    REQ(climb_faq, "question", FT_TEXT, question),
    REQ(climb_faq, "answer", FT_TEXT, answer),
};

static const field timeline_fields[] = {
    REQ(climb_timeline, "id", FT_ID, id),
    REQ(climb_timeline, "from", FT_SLUG, from_level),
    REQ(climb_timeline, "to", FT_SLUG, to_level),
    REQ(climb_timeline, "years_min", FT_INT, years_min),
    REQ(climb_timeline, "years_max", FT_INT, years_max),
    REQ(climb_timeline, "why", FT_TEXT, why),
};

static const list_desc level_list = LDESC("level", climb_level, level_fields, 1);
static const list_desc phase_list = LDESC("phase", climb_phase, phase_fields, 1);
static const list_desc roadblock_list = LDESC("roadblock", climb_roadblock, roadblock_fields, 0);
static const list_desc faq_list = LDESC("faq", climb_faq, faq_fields, 0);
static const list_desc timeline_list = LDESC("timeline", climb_timeline, timeline_fields, 0);

static const field ladder_fields[] = {
    REQ(climb_ladder, "id", FT_SLUG, id),
    REQ(climb_ladder, "name", FT_TEXT, name),
    REQ(climb_ladder, "source", FT_TEXT, source),
    {.key = "insights", .type = FT_TEXTS, .req = 1, .off = offsetof(climb_ladder, insights),
     .count_off = offsetof(climb_ladder, n_insights)},
    LIST(climb_ladder, "levels", levels, n_levels, level_list),
    LIST(climb_ladder, "phases", phases, n_phases, phase_list),
    NEST("quiz", quiz_fields, CTX_KEY),
    LIST(climb_ladder, "roadblocks", roadblocks, n_roadblocks, roadblock_list),
    OPT(climb_ladder, "roadblocks_intro", FT_TEXT, roadblocks_intro),
    NEST("resources", resources_fields, CTX_KEY),
    LIST(climb_ladder, "faqs", faqs, n_faqs, faq_list),
    LIST(climb_ladder, "timelines", timelines, n_timelines, timeline_list),
};

_Static_assert(COUNT(phase_fields) <= MAX_FIELDS, "raise MAX_FIELDS");
_Static_assert(COUNT(ladder_fields) <= MAX_FIELDS, "raise MAX_FIELDS");

static int read_map(content_ctx *c, const ynode *map, const char *ctx, const field *f,
                    size_t nf, void *obj);

/* Stores a value of any type at obj+off (memcpy: list pointers are stored
 * through a void *). */
static void put(void *obj, size_t off, const void *val, size_t size)
{
    memcpy((char *)obj + off, val, size);
}

static int oom(content_ctx *c, const ynode *at)
{
    return content_fail(c, at, "out of memory");
}

static int wrong_type(content_ctx *c, const ynode *v, const char *what, const char *want)
{
    return content_fail(c, v, "wrong type for %s: expected %s, found %s", what, want,
                        ytree_kind_name(v));
}

static int slug_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > MAX_ID_LEN || s[0] == '-' || s[0] == '_' || s[0] == '.')
        return 0;
    return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-_.") == n;
}

static int need_text(content_ctx *c, const ynode *v, const char *what, char **out)
{
    size_t n = v->len;
    if (v->kind == YN_SCALAR && v->stype == YS_NULL)
        return content_fail(c, v, "empty text for %s", what);
    if (v->kind != YN_SCALAR || v->stype != YS_STR)
        return wrong_type(c, v, what, "a string");
    while (n > 0 && strchr(" \t\r\n", v->value[n - 1]))
        n--;
    if (n == 0)
        return content_fail(c, v, "empty text for %s", what);
    if (!(*out = malloc(n + 1)))
        return oom(c, v);
    memcpy(*out, v->value, n);
    (*out)[n] = '\0';
    return 0;
}

static int register_id(content_ctx *c, const ynode *v, const char *id)
{
    if (c->n_ids == c->cap_ids) {
        size_t cap = c->cap_ids ? c->cap_ids * 2 : 64;
        content_id *ids = realloc(c->ids, cap * sizeof *ids);
        if (!ids)
            return oom(c, v);
        c->ids = ids;
        c->cap_ids = cap;
    }
    c->ids[c->n_ids].id = id;
    c->ids[c->n_ids].line = v->line;
    c->ids[c->n_ids].col = v->col;
    c->ids[c->n_ids].order = c->n_ids;
    c->n_ids++;
    return 0;
}

static int read_text(content_ctx *c, const field *f, const ynode *v, const char *what,
                     void *obj)
{
    char *s = NULL, shown[48];
    if (need_text(c, v, what, &s) < 0)
        return -1;
    put(obj, f->off, &s, sizeof s);
    if (f->type != FT_TEXT && !slug_ok(s))
        return content_fail(c, v,
                            "invalid id '%s' for %s: use lowercase letters, digits, '-', '_' "
                            "and '.' (at most %d characters)",
                            content_shown(shown, sizeof shown, s), what, MAX_ID_LEN);
    return f->type == FT_ID ? register_id(c, v, s) : 0;
}

static int need_int(content_ctx *c, const ynode *v, const char *what, const char *want,
                    long long max, long long *out)
{
    if (v->kind != YN_SCALAR || v->stype != YS_INT)
        return wrong_type(c, v, what, want);
    errno = 0;
    *out = strtoll(v->value, NULL, 10);
    if (*out < 0)
        return content_fail(c, v, "%s must not be negative", what);
    if (errno == ERANGE || *out > max)
        return content_fail(c, v, "%s is too large", what);
    return 0;
}

static int read_number(content_ctx *c, const field *f, const ynode *v, const char *what,
                       void *obj)
{
    long long x = 0;
    if (f->type == FT_INT_NULL && v->kind == YN_SCALAR && v->stype == YS_NULL)
        x = -1;
    else if (need_int(c, v, what, f->type == FT_INT_NULL ? "an integer or null" : "an integer",
                      f->type == FT_LONG ? LONG_MAX : INT_MAX, &x) < 0)
        return -1;
    if (f->type == FT_LONG) {
        long l = (long)x;
        put(obj, f->off, &l, sizeof l);
    } else {
        int i = (int)x;
        put(obj, f->off, &i, sizeof i);
    }
    return 0;
}

static int read_bool(content_ctx *c, const field *f, const ynode *v, const char *what,
                     void *obj)
{
    int b;
    if (v->kind != YN_SCALAR || v->stype != YS_BOOL)
        return wrong_type(c, v, what, "true or false");
    b = v->value[0] == 't' || v->value[0] == 'T';
    put(obj, f->off, &b, sizeof b);
    return 0;
}

static int read_texts(content_ctx *c, const field *f, const ynode *v, const char *ctx,
                      const char *what, void *obj)
{
    char **arr = NULL, item[192];
    size_t n = v->n_kids;
    if (v->kind != YN_SEQ)
        return wrong_type(c, v, what, "a list");
    if (n && !(arr = calloc(n, sizeof *arr)))
        return oom(c, v);
    put(obj, f->off, &arr, sizeof arr);
    put(obj, f->count_off, &n, sizeof n);
    for (size_t i = 0; i < n; i++) {
        snprintf(item, sizeof item, "item %zu of '%s' in %s", i + 1, f->key, ctx);
        if (need_text(c, v->kids[i], item, &arr[i]) < 0)
            return -1;
    }
    return 0;
}

/* "level mid" when the item has a well-formed id, else "level #2". */
static void item_ctx(char *buf, size_t len, const char *kind, const ynode *item, size_t i)
{
    const ynode *id = ytree_get(item, "id");
    if (id && id->kind == YN_SCALAR && id->stype == YS_STR && slug_ok(id->value))
        snprintf(buf, len, "%s %s", kind, id->value);
    else
        snprintf(buf, len, "%s #%zu", kind, i + 1);
}

static int read_list(content_ctx *c, const field *f, const ynode *v, const char *ctx,
                     const char *what, void *obj)
{
    const list_desc *ld = f->list;
    char *arr = NULL, ictx[128];
    size_t n = v->n_kids;
    if (v->kind != YN_SEQ)
        return wrong_type(c, v, what, "a list");
    if (n < ld->min)
        return content_fail(c, v, "%s needs at least %zu %s", what, ld->min, ld->kind);
    if (n && !(arr = calloc(n, ld->size)))
        return oom(c, v);
    put(obj, f->off, &arr, sizeof arr);
    put(obj, f->count_off, &n, sizeof n);
    for (size_t i = 0; i < n; i++) {
        const ynode *item = v->kids[i];
        if (item->kind != YN_MAP)
            return content_fail(c, item,
                                "wrong type for item %zu of '%s' in %s: expected a mapping, "
                                "found %s",
                                i + 1, f->key, ctx, ytree_kind_name(item));
        item_ctx(ictx, sizeof ictx, ld->kind, item, i);
        if (read_map(c, item, ictx, ld->fields, ld->n_fields, arr + i * ld->size) < 0)
            return -1;
    }
    return 0;
}

static int read_nested(content_ctx *c, const field *f, const ynode *v, const char *ctx,
                       const char *what, void *obj)
{
    char sub[128];
    if (v->kind != YN_MAP)
        return wrong_type(c, v, what, "a mapping");
    if (f->ctx == CTX_KEY)
        snprintf(sub, sizeof sub, "%s", f->key);
    else if (f->ctx == CTX_SAME)
        snprintf(sub, sizeof sub, "%s", ctx);
    else
        snprintf(sub, sizeof sub, "%s of %s", f->key, ctx);
    return read_map(c, v, sub, f->sub, f->n_sub, obj);
}

static int read_field(content_ctx *c, const field *f, const ynode *v, const char *ctx,
                      void *obj)
{
    char what[192];
    snprintf(what, sizeof what, "'%s' in %s", f->key, ctx);
    switch (f->type) {
    case FT_TEXT:
    case FT_SLUG:
    case FT_ID:
        return read_text(c, f, v, what, obj);
    case FT_INT:
    case FT_INT_NULL:
    case FT_LONG:
        return read_number(c, f, v, what, obj);
    case FT_BOOL:
        return read_bool(c, f, v, what, obj);
    case FT_TEXTS:
        return read_texts(c, f, v, ctx, what, obj);
    case FT_LIST:
        return read_list(c, f, v, ctx, what, obj);
    case FT_ADVICE:
        return read_list(c, f, v, ctx, what, c);
    case FT_MAP:
        return read_nested(c, f, v, ctx, what, obj);
    }
    return content_fail(c, v, "internal error: unknown field type");
}

static size_t find_field(const field *f, size_t nf, const char *key)
{
    size_t i = 0;
    while (i < nf && strcmp(f[i].key, key) != 0)
        i++;
    return i;
}

static int read_map(content_ctx *c, const ynode *map, const char *ctx, const field *f,
                    size_t nf, void *obj)
{
    const ynode *seen[MAX_FIELDS] = {0};
    char shown[48];
    for (size_t i = 0; i + 1 < map->n_kids; i += 2) {
        const ynode *k = map->kids[i];
        size_t j;
        if (k->kind != YN_SCALAR)
            return content_fail(c, k, "a key in %s is %s; keys must be plain text", ctx,
                                ytree_kind_name(k));
        j = find_field(f, nf, k->value);
        if (j == nf)
            return content_fail(c, k, "unknown key '%s' in %s",
                                content_shown(shown, sizeof shown, k->value), ctx);
        if (seen[j])
            return content_fail(c, k, "duplicate key '%s' in %s (first at %lu:%lu)", f[j].key,
                                ctx, seen[j]->line, seen[j]->col);
        seen[j] = k;
        if (read_field(c, &f[j], map->kids[i + 1], ctx, obj) < 0)
            return -1;
    }
    for (size_t j = 0; j < nf; j++)
        if (f[j].req && !seen[j])
            return content_fail(c, map, "missing required key '%s' in %s", f[j].key, ctx);
    return 0;
}

int content_parse_tree(content_ctx *c, const ynode *root, climb_ladder *out)
{
    if (root->kind != YN_MAP)
        return wrong_type(c, root, "the ladder", "a mapping");
    return read_map(c, root, "the ladder", ladder_fields, COUNT(ladder_fields), out);
}

void content_ctx_free(content_ctx *c)
{
    for (size_t i = 0; c->advice && i < c->n_advice; i++)
        free(c->advice[i].text);
    free(c->advice);
    free(c->ids);
    c->advice = NULL;
    c->ids = NULL;
    c->n_advice = c->n_ids = c->cap_ids = 0;
}

/* Walks the schema below f for content_text_fields, with the path so far. */
static void walk_text(const field *f, size_t nf, const char *prefix, content_field_fn fn,
                      void *ctx)
{
    char path[128];
    for (size_t i = 0; i < nf; i++) {
        snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "." : "", f[i].key);
        switch (f[i].type) {
        case FT_TEXT: case FT_TEXTS: fn(path, ctx); break;
        case FT_LIST: case FT_ADVICE:
            walk_text(f[i].list->fields, f[i].list->n_fields, path, fn, ctx);
            break;
        case FT_MAP: walk_text(f[i].sub, f[i].n_sub, path, fn, ctx); break;
        default: break; /* ids, references, numbers, booleans: not read as text */
        }
    }
}

void content_text_fields(content_field_fn fn, void *ctx)
{
    walk_text(ladder_fields, COUNT(ladder_fields), "", fn, ctx);
}
