/* suggest.c - edit distance ranking of known ids for "did you mean" messages. */
#include "climb/suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Levenshtein distance, with a prefix or substring match counted as close. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 0 && strstr(b, a))
        return 1;
    size_t *row = malloc((lb + 1) * sizeof *row);
    if (!row)
        return (size_t)-1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

size_t suggest_ids(const char *want, const char *const *ids, size_t n, const char **out,
                   size_t max)
{
    size_t count = 0;
    size_t dist[16];
    if (max > 16)
        max = 16;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(want, ids[i]);
        size_t pos = count;
        while (pos > 0 && dist[pos - 1] > d)
            pos--;
        if (pos >= max)
            continue;
        size_t last = count < max ? count : max - 1;
        for (size_t k = last; k > pos; k--) {
            dist[k] = dist[k - 1];
            out[k] = out[k - 1];
        }
        dist[pos] = d;
        out[pos] = ids[i];
        if (count < max)
            count++;
    }
    return count;
}

void suggest_list(const char *want, const char *const *ids, size_t n, char *buf, size_t len)
{
    const char *near[3];
    size_t found = suggest_ids(want, ids, n, near, 3), used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < found && used < len; i++) {
        int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", near[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

const char *suggest_close(const char *want, const char *const *ids, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1, len = strlen(want);
    if (len == 0)
        return NULL;
    size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    for (size_t i = 0; i < n; i++) {
        size_t d = strncmp(ids[i], want, len) == 0 ? 1 : distance(want, ids[i]);
        if (d < best_d) {
            best_d = d;
            best = ids[i];
        }
    }
    return best_d <= limit ? best : NULL;
}
