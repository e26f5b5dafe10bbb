/* keys_fuzzer.c - libFuzzer harness for the key file parser (input.c) in a UTF-8
 * locale: arbitrary bytes through input_open_buffer, then every key read back
 * with input_next. It must never crash or leak; a refusal must say why, and the
 * keys read back must end with INPUT_END and be no more than were parsed. */
#include "climb/input.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    key_source in;
    char err[256];
    if (!init) {
        if (!setlocale(LC_ALL, "C.UTF-8"))
            abort();
        init = 1;
    }
    err[0] = '\0';
    if (input_open_buffer(&in, (const char *)data, size, err, sizeof err) != 0) {
        if (err[0] == '\0' || in.keys != NULL)
            abort();
        return 0;
    }
    size_t reads = 0;
    for (;;) {
        int is_char = -1;
        int k = input_next(&in, &is_char);
        if (k == INPUT_END)
            break;
        if (++reads > in.n || (is_char != 0 && is_char != 1))
            abort();
        if (k == INPUT_RESIZE_TOKEN &&
            (in.resize_cols < 1 || in.resize_cols > 999 || in.resize_rows < 1 ||
             in.resize_rows > 999))
            abort();
    }
    input_close(&in);
    return 0;
}
