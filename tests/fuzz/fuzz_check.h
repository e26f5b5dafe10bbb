/* fuzz_check.h - what every fuzz harness shares: libFuzzer's entry point and
 * need(), which fails the run naming the invariant that broke. */
#ifndef CLIMB_FUZZ_CHECK_H
#define CLIMB_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define need(ok)                                                                          \
    do {                                                                                  \
        if (!(ok)) {                                                                      \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #ok);    \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

#endif
