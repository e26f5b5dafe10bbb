/* cli_name.c - `climb name [NAME|--clear]`: the name a promotion packet is written
 * for (the profile's name until one is set). */
#include "climb/cli.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

int cli_name(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("name");
    if (argc > 2 || (argc == 2 && argv[1][0] == '-' && strcmp(argv[1], "--clear") != 0))
        return cli_usage_error(cmd, argv[argc - 1]);
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    climb_model *m = &a->model;
    if (argc == 2) {
        const char *name = strcmp(argv[1], "--clear") == 0 ? NULL : argv[1];
        int changed;
        if ((rc = ops_set_display_name(m, name, &changed)) != 0) {
            app_error("%s", ops_error(m));
            return rc == OPS_INVALID ? EXIT_USAGE : EXIT_RUNTIME;
        }
        if (!changed)
            printf("name: already so, nothing changed\n");
    }
    const char *shown = m->profile.display_name ? m->profile.display_name : m->profile.name;
    char *safe = text_visible(shown, 0);
    printf("name: %s%s\n", safe ? safe : "", m->profile.display_name ? "" : " (the profile's)");
    free(safe);
    return EXIT_OK;
}
