/* content.c - owns the content layer's entry points: loading a ladder from a
 * buffer, a file or the built-in copy, freeing it, the source hash, the
 * dimension tables and the error helpers the other content_*.c files share. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "climb/content.h"
#include "climb/embedded.h"
#include "content_internal.h"

enum { MAX_FILE_BYTES = 16 * 1024 * 1024 };

const char *const climb_dimension_keys[CLIMB_DIMENSIONS] = {"scope", "decisions",
                                                            "stakeholders", "failure_mode"};
const char *const climb_dimension_labels[CLIMB_DIMENSIONS] = {"Scope", "Decisions",
                                                              "Stakeholders", "Failure mode"};

void content_set_error(climb_content_error *err, unsigned long line, unsigned long col,
                       const char *fmt, ...)
{
    va_list ap;
    err->line = line;
    err->col = col;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

int content_fail(content_ctx *c, const ynode *at, const char *fmt, ...)
{
    va_list ap;
    c->err->line = at ? at->line : 1;
    c->err->col = at ? at->col : 1;
    va_start(ap, fmt);
    vsnprintf(c->err->message, sizeof c->err->message, fmt, ap);
    va_end(ap);
    return -1;
}

const char *content_shown(char *buf, size_t len, const char *s)
{
    size_t i = 0, out = 0, chars = 0;
    if (!len)
        return buf;
    while (s && s[i] && chars < 40) {
        unsigned char ch = (unsigned char)s[i];
        size_t n = ch < 0xC0 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4, k;
        if (out + n >= len)
            break;
        for (k = 0; k < n && s[i + k]; k++)
            buf[out + k] = s[i + k];
        if (ch < 0x20 || ch == 0x7F)
            buf[out] = '?';
        out += k;
        i += k;
        chars++;
    }
    buf[out] = '\0';
    return buf;
}

static void fnv1a_hex(const char *data, size_t len, char out[17])
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= UINT64_C(1099511628211);
    }
    snprintf(out, 17, "%016" PRIx64, h);
}

int content_load_buffer(const char *data, size_t len, const char *name, climb_ladder *out,
                        climb_content_error *err)
{
    climb_content_error local;
    content_ctx c;
    ynode *root = NULL;
    int rc;
    if (!err)
        err = &local;
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", name ? name : "<ladder>");
    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    c.err = err;
    rc = ytree_load(data ? data : "", data ? len : 0, &root, err);
    if (rc == 0)
        rc = content_parse_tree(&c, root, out);
    if (rc == 0)
        rc = content_validate(&c, root, out);
    content_ctx_free(&c);
    ytree_free(root);
    if (rc < 0) {
        content_free(out);
        return -1;
    }
    fnv1a_hex(data ? data : "", data ? len : 0, out->hash);
    return 0;
}

/* Reads the whole file; NULL (and err filled) on failure. */
static char *read_file(const char *path, size_t *len, climb_content_error *err)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    if (!f) {
        content_set_error(err, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            char *b = cap >= MAX_FILE_BYTES ? NULL : realloc(buf, cap ? cap * 2 : 65536);
            if (!b) {
                content_set_error(err, 0, 0, cap >= MAX_FILE_BYTES ? "file is too large"
                                                                   : "out of memory");
                break;
            }
            buf = b;
            cap = cap ? cap * 2 : 65536;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            if (!ferror(f)) {
                fclose(f);
                *len = n;
                return buf;
            }
            content_set_error(err, 0, 0, "cannot read: %s", strerror(errno));
            break;
        }
    }
    fclose(f);
    free(buf);
    return NULL;
}

int content_load_file(const char *path, climb_ladder *out, climb_content_error *err)
{
    climb_content_error local;
    size_t len = 0;
    char *data;
    int rc;
    if (!err)
        err = &local;
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", path);
    if (!(data = read_file(path, &len, err)))
        return -1;
    rc = content_load_buffer(data, len, path, out, err);
    free(data);
    return rc;
}

int content_load_default(climb_ladder *out, climb_content_error *err)
{
    return content_load_buffer(climb_default_ladder_yaml, climb_default_ladder_yaml_len,
                               "<built-in ladder>", out, err);
}

static void free_phase(climb_phase *p)
{
    free(p->id);
    free(p->level);
    free(p->next_level);
    free(p->title);
    free(p->summary);
    free(p->before_label);
    free(p->this_label);
    for (size_t d = 0; d < CLIMB_DIMENSIONS; d++) {
        free(p->before[d]);
        free(p->now[d]);
    }
    free(p->criteria_heading);
    for (size_t i = 0; p->criteria && i < p->n_criteria; i++) {
        free(p->criteria[i].id);
        free(p->criteria[i].text);
    }
    free(p->criteria);
}

static void free_levels_phases(climb_ladder *l)
{
    for (size_t i = 0; l->levels && i < l->n_levels; i++) {
        climb_level *v = &l->levels[i];
        free(v->id);
        free(v->name);
        free(v->unlocks);
        free(v->plateau);
    }
    free(l->levels);
    for (size_t i = 0; l->phases && i < l->n_phases; i++) {
        if (l->phase_advice)
            free(l->phase_advice[i]);
        free_phase(&l->phases[i]);
    }
    free(l->phase_advice);
    free(l->phases);
}

static void free_quiz_extras(climb_ladder *l)
{
    for (size_t i = 0; l->questions && i < l->n_questions; i++) {
        free(l->questions[i].id);
        free(l->questions[i].text);
    }
    for (size_t i = 0; l->bands && i < l->n_bands; i++)
        free(l->bands[i].label);
    for (size_t i = 0; l->roadblocks && i < l->n_roadblocks; i++) {
        climb_roadblock *r = &l->roadblocks[i];
        free(r->id);
        free(r->title);
        free(r->why);
        free(r->unlock);
    }
    for (size_t i = 0; l->resources && i < l->n_resources; i++) {
        free(l->resources[i].id);
        free(l->resources[i].name);
        free(l->resources[i].what);
    }
    free(l->questions);
    free(l->bands);
    free(l->roadblocks);
    free(l->resources);
}

static void free_faqs_timelines(climb_ladder *l)
{
    for (size_t i = 0; l->faqs && i < l->n_faqs; i++) {
        free(l->faqs[i].id);
        free(l->faqs[i].question);
        free(l->faqs[i].answer);
    }
    for (size_t i = 0; l->timelines && i < l->n_timelines; i++) {
        climb_timeline *t = &l->timelines[i];
        free(t->id);
        free(t->from_level);
        free(t->to_level);
        free(t->why);
    }
    free(l->faqs);
    free(l->timelines);
}

void content_free(climb_ladder *l)
{
    if (!l)
        return;
    free(l->id);
    free(l->name);
    free(l->source);
    for (size_t i = 0; l->insights && i < l->n_insights; i++)
        free(l->insights[i]);
    free(l->insights);
    free(l->quiz_intro);
    free(l->resources_advice);
    free_levels_phases(l);
    free_quiz_extras(l);
    free_faqs_timelines(l);
    memset(l, 0, sizeof *l);
}

void content_error_format(const climb_content_error *err, char *buf, size_t len)
{
    if (!buf || !len)
        return;
    if (err->line == 0)
        snprintf(buf, len, "%s: %s", err->file, err->message);
    else
        snprintf(buf, len, "%s:%lu:%lu: %s", err->file, err->line, err->col, err->message);
}
