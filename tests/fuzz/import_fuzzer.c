/* import_fuzzer.c - libFuzzer harness for the snapshot import check: arbitrary
 * bytes as a JSON snapshot, loaded from memory (import_load_buffer, which runs
 * import_check) against the built-in ladder. No database is touched. It must never
 * crash or leak; a refusal must say why, an accepted snapshot must name a profile. */
#include "climb/content.h"
#include "climb/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static climb_ladder ladder;
    static int loaded;
    import_snapshot *s = NULL;
    char err[1024];
    if (!loaded) {
        if (content_load_default(&ladder, NULL) != 0)
            abort();
        loaded = 1;
    }
    if (import_load_buffer((const char *)data, size, "fuzz.json", &ladder, &s, err,
                           sizeof err) == 0) {
        const char *name = import_profile_name(s);
        if (!s || !name || !*name)
            abort();
        import_free(s);
    } else if (s != NULL || err[0] == '\0') {
        abort();
    }
    return 0;
}
