/* cli_keys.c - `climb keys`: the TUI's key table, printed from the same tables
 * that dispatch the keys and fill the help overlay. */
#include "climb/cli.h"
#include "climb/keymap.h"

int cli_keys(app *a, int argc, char **argv)
{
    (void)a;
    if (argc != 1)
        return cli_usage_error(cli_find("keys"), argv[1]);
    for (int i = 1; i < ACT_COUNT; i++) {
        char keys[64];
        keymap_keys((action)i, keys, sizeof keys);
        printf("%-20s %s\n", keys, keymap_help((action)i));
    }
    return EXIT_OK;
}
