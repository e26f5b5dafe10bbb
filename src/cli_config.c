/* cli_config.c - `climb config`: the settings in force, written as config file
 * lines (so the output can start a config file), each with where it came from:
 * a line of the file, the theme, or climb's default. Errors in the file were
 * already reported as FILE:LINE:COL when it was read; they make the exit code 1. */
#include "climb/cli.h"
#include "climb/config.h"

#include <string.h>

static const climb_config *cfg;

/* Prints a statement padded to a column, then its source. */
static void row(const char *statement, int line, const char *otherwise)
{
    char src[4200];
    if (line)
        snprintf(src, sizeof src, "%s:%d", cfg->path, line);
    else
        snprintf(src, sizeof src, "%s", otherwise);
    printf("%-40s # %s\n", statement, src);
}

static void print_colors(void)
{
    static const char *const attr_names[] = {"bold", "underline", "reverse", "dim", "standout"};
    for (int s = 0; s < ST_COUNT; s++) {
        config_color c = cfg->colors[s];
        if (!c.line)
            draw_theme_color(cfg->theme, (style)s, &c);
        char line[160], fg[16], bg[16];
        config_color_name(c.fg, fg, sizeof fg);
        config_color_name(c.bg, bg, sizeof bg);
        if (c.fg == CONFIG_NO_COLOR)
            snprintf(fg, sizeof fg, "default"), snprintf(bg, sizeof bg, "default");
        snprintf(line, sizeof line, "color %s %s %s", config_area_name((style)s), fg, bg);
        for (int a = 0; a < 5; a++)
            if (c.attrs & (1 << a))
                strncat(line, " ", sizeof line - strlen(line) - 1),
                    strncat(line, attr_names[a], sizeof line - strlen(line) - 1);
        row(line, c.line, "theme");
    }
}

/* The config line that bound or unbound a key of that name, or 0. */
static int bind_line(const char *key, action *act)
{
    int line = 0;
    for (size_t i = 0; i < cfg->n_binds; i++)
        if (strcmp(cfg->binds[i].key_name, key) == 0)
            line = cfg->binds[i].line, *act = cfg->binds[i].act;
    return line;
}

static void print_binds(void)
{
    action a;
    const char *name;
    char line[128], act[32];
    for (size_t i = 0; keymap_binding(i, &a, &name) == 0; i++) {
        if (!name)
            continue;
        action bound;
        keymap_action_name(a, act, sizeof act);
        snprintf(line, sizeof line, "bind main %s %s", name, act);
        row(line, bind_line(name, &bound), "default");
    }
    for (size_t i = 0; i < cfg->n_binds; i++)
        if (cfg->binds[i].act == ACT_NONE) {
            snprintf(line, sizeof line, "bind main %s none", cfg->binds[i].key_name);
            row(line, cfg->binds[i].line, "");
        }
}

/* "# what: a b c", wrapped at 80 columns. */
static void comment_list(const char *what, const char *const *names, int n)
{
    int col = printf("# %s", what);
    for (int i = 0; i < n; i++) {
        if (col + 1 + (int)strlen(names[i]) > 80)
            col = printf("\n#") - 1;
        col += printf(" %s", names[i]);
    }
    printf("\n");
}

int cli_config(app *a, int argc, char **argv)
{
    if (argc != 1)
        return cli_usage_error(cli_find("config"), argv[1]);
    cfg = a->config;
    char path[4096] = "", line[700];
    if (!cfg)
        return EXIT_RUNTIME;
    if (config_default_path(path, sizeof path) != 0)
        snprintf(path, sizeof path, "(none: set HOME or XDG_CONFIG_HOME)");
    printf("# climb's settings, from %s%s, else the defaults\n", path,
           cfg->path[0] ? "" : " (not there)");
    snprintf(line, sizeof line, "set theme = %s", config_theme_name(cfg->theme));
    row(line, cfg->theme_line, "default");
    snprintf(line, sizeof line, "set start-phase = %d", cfg->start_phase ? cfg->start_phase : 1);
    row(line, cfg->start_phase_line, "default");
    snprintf(line, sizeof line, "set stale-months = %d",
             cfg->stale_months ? cfg->stale_months : 12);
    row(line, cfg->stale_months_line, "default, for new profiles");
    snprintf(line, sizeof line, "set editor = \"%s\"", cfg->editor);
    row(line, cfg->editor_line, "default: $VISUAL, else $EDITOR");
    print_colors();
    print_binds();
    const char *names[ACT_COUNT + ST_COUNT];
    char acts[ACT_COUNT][32];
    for (int i = 0; i < ST_COUNT; i++)
        names[i] = config_area_name((style)i);
    comment_list("areas:", names, ST_COUNT);
    for (int i = 0; i < ACT_COUNT; i++) {
        keymap_action_name((action)i, acts[i], sizeof acts[i]);
        names[i] = acts[i];
    }
    comment_list("actions:", names, ACT_COUNT);
    return a->config_errors ? EXIT_RUNTIME : EXIT_OK;
}
