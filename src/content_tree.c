/* content_tree.c - owns turning YAML text into a small node tree with libyaml's
 * event API: UTF-8 check of the whole input, scalar typing (YAML 1.2 core
 * schema), and libyaml reader/scanner/parser errors as positioned errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "climb/text.h"
#include "content_internal.h"

enum { MAX_DEPTH = 64 };

typedef struct {
    yaml_parser_t p;
    const char *data;
    size_t len;
    climb_content_error *err;
} tree_ctx;

/* 1-based line and column (in characters) of byte `off`, counting as libyaml
 * does: a leading BOM takes no column, CR LF is one line break. */
static void offset_pos(const char *d, size_t len, size_t off, unsigned long *line,
                       unsigned long *col)
{
    unsigned long ln = 1, cl = 1;
    size_t i = (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    for (; i < off && i < len; i++) {
        unsigned char ch = (unsigned char)d[i];
        if (ch == '\n' || (ch == '\r' && (i + 1 >= len || d[i + 1] != '\n'))) {
            ln++;
            cl = 1;
        } else if (ch != '\r' && (ch & 0xC0) != 0x80) {
            cl++;
        }
    }
    *line = ln;
    *col = cl;
}

static int tree_fail(tree_ctx *t, const yaml_mark_t *m, const char *msg)
{
    content_set_error(t->err, (unsigned long)m->line + 1, (unsigned long)m->column + 1,
                      "%s", msg);
    return -1;
}

static int reader_error(tree_ctx *t)
{
    unsigned long line, col;
    const char *problem = t->p.problem ? t->p.problem : "unreadable input";
    offset_pos(t->data, t->len, t->p.problem_offset, &line, &col);
    if (strstr(problem, "UTF-8") || strstr(problem, "Unicode"))
        content_set_error(t->err, line, col, "invalid UTF-8 (%s)", problem);
    else if (t->p.problem_value >= 0)
        content_set_error(t->err, line, col, "%s (U+%04X)", problem,
                          (unsigned)t->p.problem_value);
    else
        content_set_error(t->err, line, col, "%s", problem);
    return -1;
}

static int parser_error(tree_ctx *t)
{
    const yaml_mark_t *m = &t->p.problem_mark;
    const char *problem = t->p.problem ? t->p.problem : "unknown problem";
    switch (t->p.error) {
    case YAML_MEMORY_ERROR: /* GCOVR_EXCL_START: libyaml says so only when out of memory */
        content_set_error(t->err, 1, 1, "out of memory");
        return -1; /* GCOVR_EXCL_STOP */
    case YAML_READER_ERROR:
        return reader_error(t);
    default:
        break;
    }
    if (t->p.context)
        content_set_error(t->err, (unsigned long)m->line + 1, (unsigned long)m->column + 1,
                          "YAML syntax error: %s (%s)", problem, t->p.context);
    else
        content_set_error(t->err, (unsigned long)m->line + 1, (unsigned long)m->column + 1,
                          "YAML syntax error: %s", problem);
    return -1;
}

static int next_event(tree_ctx *t, yaml_event_t *ev)
{
    if (yaml_parser_parse(&t->p, ev))
        return 0;
    return parser_error(t);
}

static int is_one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static size_t skip_digits(const char *s, size_t i)
{
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE][-+]?[0-9]+ )?, or .inf/.nan */
static int is_float(const char *s)
{
    static const char *const special[] = {".inf", ".Inf", ".INF", "-.inf", "-.Inf",
                                          "-.INF", "+.inf", "+.Inf", "+.INF", ".nan",
                                          ".NaN", ".NAN", NULL};
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0, d;
    if (is_one_of(s, special))
        return 1;
    d = skip_digits(s, i);
    if (s[d] == '.')
        d = skip_digits(s, d + 1);
    if (d == i || (d == i + 1 && s[i] == '.'))
        return 0;
    if (s[d] == 'e' || s[d] == 'E') {
        size_t e = d + 1 + ((s[d + 1] == '-' || s[d + 1] == '+') ? 1 : 0);
        d = skip_digits(s, e);
        if (d == e)
            return 0;
    }
    return s[d] == '\0';
}

static yn_stype resolve_plain(const char *s)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
    static const char *const bools[] = {"true", "True", "TRUE", "false", "False", "FALSE",
                                        NULL};
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (is_one_of(s, nulls))
        return YS_NULL;
    if (is_one_of(s, bools))
        return YS_BOOL;
    if (s[i] != '\0' && s[skip_digits(s, i)] == '\0')
        return YS_INT;
    return is_float(s) ? YS_FLOAT : YS_STR;
}

static ynode *node_new(tree_ctx *t, yn_kind kind, const yaml_mark_t *m)
{
    ynode *n = calloc(1, sizeof *n);
    if (!n) { /* GCOVR_EXCL_START: calloc fails only when out of memory */
        tree_fail(t, m, "out of memory");
        return NULL;
    } /* GCOVR_EXCL_STOP */
    n->kind = kind;
    n->line = (unsigned long)m->line + 1;
    n->col = (unsigned long)m->column + 1;
    return n;
}

static int check_tag(tree_ctx *t, const yaml_mark_t *m, const yaml_char_t *tag,
                     const char *plain_tag)
{
    const char *s = (const char *)tag;
    char shown[48], msg[80];
    if (!s || strcmp(s, "!") == 0 || strcmp(s, plain_tag) == 0)
        return 0;
    snprintf(msg, sizeof msg, "unsupported tag '%s'", content_shown(shown, sizeof shown, s));
    return tree_fail(t, m, msg);
}

static int make_scalar(tree_ctx *t, const yaml_event_t *ev, ynode **out)
{
    const yaml_mark_t *m = &ev->start_mark;
    const char *v = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    ynode *n;
    if (check_tag(t, m, ev->data.scalar.tag, YAML_STR_TAG) < 0)
        return -1;
    if (memchr(v, '\0', len))
        return tree_fail(t, m, "NUL character in a value");
    if (!text_utf8_valid(v, len, NULL))
        return tree_fail(t, m, "invalid UTF-8");
    if (!(n = node_new(t, YN_SCALAR, m)))
        return -1;
    *out = n;
    if (!(n->value = malloc(len + 1))) /* GCOVR_EXCL_BR_LINE: fails only when out of memory */
        return tree_fail(t, m, "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
    memcpy(n->value, v, len + 1);
    n->len = len;
    n->stype = YS_STR;
    if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag)
        n->stype = resolve_plain(n->value);
    return 0;
}

static int push_kid(ynode *n, ynode *kid)
{
    if (n->n_kids == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 8;
        ynode **k = realloc(n->kids, cap * sizeof *k);
        if (!k) /* GCOVR_EXCL_BR_LINE: realloc fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
        n->kids = k;
        n->cap = cap;
    }
    n->kids[n->n_kids++] = kid;
    return 0;
}

static int build_node(tree_ctx *t, const yaml_event_t *ev, int depth, ynode **out);

static int build_collection(tree_ctx *t, const yaml_event_t *ev, int depth, ynode **out)
{
    int is_map = ev->type == YAML_MAPPING_START_EVENT;
    yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    const yaml_char_t *tag = is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
    ynode *n;
    if (check_tag(t, &ev->start_mark, tag, is_map ? YAML_MAP_TAG : YAML_SEQ_TAG) < 0)
        return -1;
    if (depth >= MAX_DEPTH)
        return tree_fail(t, &ev->start_mark, "nesting is too deep");
    if (!(n = node_new(t, is_map ? YN_MAP : YN_SEQ, &ev->start_mark)))
        return -1;
    *out = n;
    for (;;) {
        yaml_event_t e;
        ynode *kid = NULL;
        int rc;
        if (next_event(t, &e) < 0)
            return -1;
        if (e.type == end) {
            yaml_event_delete(&e);
            return 0;
        }
        rc = build_node(t, &e, depth + 1, &kid);
        if (kid && push_kid(n, kid) < 0) {
            /* GCOVR_EXCL_START: push_kid fails only when out of memory */
            ytree_free(kid);
            rc = tree_fail(t, &e.start_mark, "out of memory");
        } /* GCOVR_EXCL_STOP */
        yaml_event_delete(&e);
        if (rc < 0)
            return -1;
    }
}

static int alias_fail(tree_ctx *t, const yaml_event_t *ev)
{
    char shown[48], msg[80];
    content_shown(shown, sizeof shown, (const char *)ev->data.alias.anchor);
    snprintf(msg, sizeof msg, "aliases are not supported (*%s)", shown);
    return tree_fail(t, &ev->start_mark, msg);
}

static int build_node(tree_ctx *t, const yaml_event_t *ev, int depth, ynode **out)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        return make_scalar(t, ev, out);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        return build_collection(t, ev, depth, out);
    case YAML_ALIAS_EVENT:
        return alias_fail(t, ev);
    default: /* GCOVR_EXCL_START: inside a document libyaml emits only the node events above */
        return tree_fail(t, &ev->start_mark, "unexpected YAML event"); /* GCOVR_EXCL_STOP */
    }
}

/* Reads one event and fails unless it has type `want`. */
static int expect_event(tree_ctx *t, yaml_event_type_t want, const char *msg)
{
    yaml_event_t e;
    int rc = 0;
    if (next_event(t, &e) < 0)
        return -1;
    if (e.type != want)
        rc = tree_fail(t, &e.start_mark, msg);
    yaml_event_delete(&e);
    return rc;
}

static int load_document(tree_ctx *t, ynode **root)
{
    yaml_event_t e;
    int rc;
    if (expect_event(t, YAML_STREAM_START_EVENT, "no YAML stream") < 0 ||
        next_event(t, &e) < 0)
        return -1;
    if (e.type != YAML_DOCUMENT_START_EVENT) {
        yaml_event_delete(&e);
        content_set_error(t->err, 1, 1, "empty file: expected a ladder mapping");
        return -1;
    }
    yaml_event_delete(&e);
    if (next_event(t, &e) < 0)
        return -1;
    rc = build_node(t, &e, 0, root);
    yaml_event_delete(&e);
    if (rc < 0 || expect_event(t, YAML_DOCUMENT_END_EVENT, "unexpected YAML event") < 0)
        return -1;
    return expect_event(t, YAML_STREAM_END_EVENT, "only one YAML document is allowed");
}

int ytree_load(const char *data, size_t len, ynode **root, climb_content_error *err)
{
    tree_ctx t;
    size_t bad = 0;
    int rc;
    *root = NULL;
    memset(&t, 0, sizeof t);
    t.data = data;
    t.len = len;
    t.err = err;
    if (!text_utf8_valid(data, len, &bad)) {
        unsigned long line, col;
        offset_pos(data, len, bad, &line, &col);
        content_set_error(err, line, col, "invalid UTF-8");
        return -1;
    }
    if (!yaml_parser_initialize(&t.p)) { /* GCOVR_EXCL_START: fails only when out of memory */
        content_set_error(err, 1, 1, "out of memory");
        return -1;
    } /* GCOVR_EXCL_STOP */
    yaml_parser_set_input_string(&t.p, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&t.p, YAML_UTF8_ENCODING);
    rc = load_document(&t, root);
    yaml_parser_delete(&t.p);
    if (rc < 0) {
        ytree_free(*root);
        *root = NULL;
    }
    return rc;
}

void ytree_free(ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n_kids; i++)
        ytree_free(n->kids[i]);
    free(n->kids);
    free(n->value);
    free(n);
}

const ynode *ytree_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->n_kids; i += 2)
        if (map->kids[i]->kind == YN_SCALAR && strcmp(map->kids[i]->value, key) == 0)
            return map->kids[i + 1];
    return NULL;
}

const ynode *ytree_item(const ynode *seq, size_t i)
{
    if (!seq || seq->kind != YN_SEQ || i >= seq->n_kids)
        return NULL;
    return seq->kids[i];
}

const char *ytree_kind_name(const ynode *n)
{
    if (n->kind == YN_SEQ)
        return "a list";
    if (n->kind == YN_MAP)
        return "a mapping";
    switch (n->stype) {
    case YS_INT:
        return "an integer";
    case YS_FLOAT:
        return "a number";
    case YS_BOOL:
        return "a boolean";
    case YS_NULL:
        return "null";
    default:
        return "a string";
    }
}
