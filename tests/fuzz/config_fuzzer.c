/* config_fuzzer.c - libFuzzer harness for the config file parser (config.c):
 * arbitrary bytes (up to the first NUL) through config_parse. It must never crash
 * or leak, every value it keeps must be in range, and each error line it writes
 * must start with the file's name. */
#include "climb/config.h"

#include <string.h>
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    char errs[8192];
    need(text != NULL);
    memcpy(text, data, size);
    text[size] = '\0';
    FILE *f = fmemopen(errs, sizeof errs, "w");
    need(f != NULL);
    climb_config c;
    config_defaults(&c);
    int bad = config_parse(&c, "rc", text, f);
    fclose(f);
    need(bad >= 0);
    need((unsigned)c.theme < THEME_COUNT);
    need(c.stale_months >= 0 && c.stale_months <= 120);
    need(c.n_binds <= CONFIG_MAX_BINDS);
    for (int s = 0; s < ST_COUNT; s++)
        need(c.colors[s].fg >= CONFIG_NO_COLOR && c.colors[s].fg <= 255);
    need(bad == 0 || strncmp(errs, "rc:", 3) == 0);
    free(text);
    return 0;
}
