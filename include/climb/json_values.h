/* json_values.h - the jansson values every JSON writer of climb builds the same
 * way: optional text, and times as UTC ISO 8601 (null when unset). */
#ifndef CLIMB_JSON_VALUES_H
#define CLIMB_JSON_VALUES_H

#include <jansson.h>

/* A string, or null when s is NULL. */
json_t *json_str_or_null(const char *s);
/* "2026-11-28T10:00:00Z", or null when t is 0 (never set). */
json_t *json_time_or_null(long long t);

#endif
