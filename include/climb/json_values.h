/* json_values.h - the jansson values every JSON writer of climb builds the same
 * way: optional text, and times as UTC ISO 8601 (null when unset); and how every
 * JSON writer writes them out, with no control character left raw. */
#ifndef CLIMB_JSON_VALUES_H
#define CLIMB_JSON_VALUES_H

#include <jansson.h>
#include <stdio.h>

/* A string, or null when s is NULL. */
json_t *json_str_or_null(const char *s);
/* "2026-11-28T10:00:00Z", or null when t is 0 (never set). */
json_t *json_time_or_null(long long t);

/* Writes n bytes of JSON text made by jansson to out with every DEL, C1 and bidi
 * control (text_is_control; jansson escapes C0 itself but leaves these raw) as a
 * \\u escape. They can only stand inside strings, where the escape is the same
 * text. Returns 0, or -1 on a write error. */
int json_write_escaped(const char *json, size_t n, FILE *out);
/* json_dumps(j, flags), checked: NULL unless the text parses back. Out of memory,
 * jansson 2.14 can leave an object's key out and still return the text
 * ({"criterion":"x",:1}; tests/unit/test_faults.c, evidence remove, N=27). */
char *json_dumps_whole(const json_t *j, size_t flags);
/* json_dumpf for climb's output: json_dumps(j, flags) through json_write_escaped.
 * Returns 0, or -1 on error. */
int json_dumpf_escaped(const json_t *j, FILE *out, size_t flags);

#endif
