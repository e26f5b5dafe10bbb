/* suggest.h - "did you mean": the known ids closest to a mistyped one. */
#ifndef CLIMB_SUGGEST_H
#define CLIMB_SUGGEST_H

#include <stddef.h>

/* Stores in out (up to max) the ids closest to `want` by edit distance, nearest
 * first, leaving out any too far to be a plausible typo unless none is close (then
 * the nearest are given anyway). Returns how many were stored. */
size_t suggest_ids(const char *want, const char *const *ids, size_t n, const char **out,
                   size_t max);

/* Writes the (up to) three closest ids, comma-separated, into buf. */
void suggest_list(const char *want, const char *const *ids, size_t n, char *buf, size_t len);

/* The one id close enough to `want` to be a plausible typo (a few edits,
 * relative to its length, or a prefix), or NULL. */
const char *suggest_close(const char *want, const char *const *ids, size_t n);

#endif
