/* cli_export.c - `climb export --format json|md|html|csv [--phases LIST]
 * [--sections LIST] [-o FILE] [--force] [--user NAME]`: writes a snapshot or a
 * promotion packet of the profile to stdout (also -o -), or atomically to FILE
 * (never replacing an existing file without --force, and never anything but a
 * regular file). */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/export.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

/* The value of an option given as "--name VALUE" or "--name=VALUE", else NULL. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

int cli_export(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("export");
    const char *format = "json", *path = NULL, *phases = NULL, *sections = NULL, *v;
    int force = 0;
    for (int i = 1; i < argc; i++) {
        if ((v = option_value(argc, argv, &i, "--format")) != NULL)
            format = v;
        else if ((v = option_value(argc, argv, &i, "--output")) != NULL ||
                 (v = option_value(argc, argv, &i, "-o")) != NULL)
            path = v;
        else if ((v = option_value(argc, argv, &i, "--phases")) != NULL)
            phases = v;
        else if ((v = option_value(argc, argv, &i, "--sections")) != NULL)
            sections = v;
        else if ((v = option_value(argc, argv, &i, "--user")) != NULL)
            a->opt.user = v;
        else if (strcmp(argv[i], "--force") == 0)
            force = 1;
        else
            return cli_usage_error(cmd, argv[i]);
    }
    if (path && strcmp(path, "-") == 0)
        path = NULL; /* -o - is standard output, as everywhere */
    export_format f;
    if (export_format_parse(format, &f) != 0) {
        app_error("export: unknown format '%s' (json, md, html or csv)", format);
        return cli_usage_error(cmd, NULL);
    }
    char err[1024];
    packet_options opt = {0, 0};
    if ((phases || sections) && f != EXPORT_MD && f != EXPORT_HTML) {
        app_error("export: --phases and --sections are for the packet (md or html)");
        return cli_usage_error(cmd, NULL);
    }
    if (sections && packet_parse_sections(sections, &opt.sections, err, sizeof err) != 0) {
        app_error("export: --sections: %s", err);
        return cli_usage_error(cmd, NULL);
    }
    int rc = app_open(a, 0);
    if (rc != EXIT_OK)
        return rc;
    if (phases && packet_parse_phases(a->model.ladder, phases, &opt.phases, err, sizeof err)) {
        app_error("export: --phases: %s", err);
        return EXIT_USAGE;
    }
    long long now = clock_now();
    if (!path) {
        if (export_write_with(&a->model, f, &opt, stdout, now, err, sizeof err) != 0) {
            if (!ferror(stdout)) /* else main names the write error once */
                app_error("export: %s", err);
            return EXIT_RUNTIME;
        }
        return EXIT_OK;
    }
    if (export_to_path_with(&a->model, f, &opt, path, force, now, err, sizeof err) != 0) {
        app_error("export: %s", err);
        return EXIT_RUNTIME;
    }
    char *safe = text_visible(path, 0);
    printf("wrote %s (%s)\n", safe ? safe : "?", export_format_ext(f));
    free(safe);
    return EXIT_OK;
}
