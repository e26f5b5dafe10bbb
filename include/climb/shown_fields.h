/* shown_fields.h - which content fields each screen shows, as a plain list, so
 * that `climb check-content` can warn when a text field of the ladder schema
 * (every one is documented as read by a person) is shown nowhere, or when the
 * list names a field the schema no longer has. */
#ifndef CLIMB_SHOWN_FIELDS_H
#define CLIMB_SHOWN_FIELDS_H

#include <stddef.h>

typedef struct {
    const char *view;   /* the screen: "Phase pane", "overview (o)" */
    const char *field;  /* a path of content_text_fields; a trailing '*' matches a prefix */
} shown_field;

/* The TUI's list: keep it in step with the views when they change. */
extern const shown_field shown_fields[];
extern const size_t n_shown_fields;

/* warn(message, ctx) gets one sentence per problem. */
typedef void (*shown_warn_fn)(const char *message, void *ctx);

/* Checks table[0..n) against the schema: a text field no entry shows, or an
 * entry that matches no field, is one warning each. Returns the warnings. */
size_t shown_fields_check(const shown_field *table, size_t n, shown_warn_fn warn, void *ctx);

#endif
