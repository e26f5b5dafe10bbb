/* search_fuzzer.c - libFuzzer harness for the search (search.c) against the
 * built-in ladder with no model (content only, no database), in a UTF-8 locale.
 * The first byte sets the excerpt's lead, the second its buffer size; the rest is
 * the query. Each hit must point at a real match inside its text, and every
 * excerpt must be a NUL-terminated string whose highlight lies inside it. The
 * query is also searched for in itself, split in two, through search_find. */
#include "climb/content.h"
#include "climb/search.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static climb_ladder ladder;
    static int init;
    if (!init) {
        setlocale(LC_ALL, "C.UTF-8");
        need(content_load_default(&ladder, NULL) == 0);
        init = 1;
    }
    if (size < 2)
        return 0;
    int lead = data[0] % 64;
    size_t buflen = data[1];
    char *q = malloc(size - 1);
    need(q != NULL);
    memcpy(q, data + 2, size - 2);
    q[size - 2] = '\0';

    search_results r;
    need(search_run(&ladder, NULL, q, &r) == 0);
    char *buf = malloc(buflen + 1);
    need(buf != NULL);
    for (size_t i = 0; i < r.n; i++) {
        const search_hit *h = &r.hits[i];
        size_t tlen = strlen(h->text), hl_at, hl_len;
        need(h->match_len > 0 && h->match_at + h->match_len <= tlen);
        need((unsigned)h->kind < HIT_KIND_COUNT);
        search_excerpt(h, lead, buf, buflen, &hl_at, &hl_len);
        if (buflen > 0) {
            size_t n = strnlen(buf, buflen);
            need(n < buflen);
            need(hl_at <= n && hl_len <= n - hl_at);
        }
    }
    free(buf);
    search_results_free(&r);

    size_t qlen = strlen(q), half = qlen / 2, mlen = 0;
    char *needle = strdup(q + half);
    need(needle != NULL);
    q[half] = '\0';
    long at = search_find(q, needle, &mlen);
    need(at < 0 || ((size_t)at <= half && mlen <= half - (size_t)at));
    free(needle);
    free(q);
    return 0;
}
