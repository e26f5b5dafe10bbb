/* shown_fields.c - the list of which content fields each screen of the TUI shows
 * (and the promotion packet, an export read outside climb, for the claims),
 * and the check of that list against the schema's text fields
 * (content_text_fields) that `climb check-content` runs. Pure data and string
 * matching: it reads no file, draws nothing. */
#include "climb/shown_fields.h"
#include "climb/content.h"

#include <stdio.h>
#include <string.h>

const shown_field shown_fields[] = {
    {"title bar", "name"},
    {"overview (o)", "source"},
    {"overview (o)", "insights"},
    {"overview (o)", "timelines.why"},
    {"overview (o)", "levels.unlocks"},
    {"overview (o)", "levels.plateau"},
    {"Ladder pane", "levels.name"},
    {"Ladder pane", "levels.unlocks"},
    {"Ladder pane", "levels.plateau"},
    {"Phase pane, both tabs", "phases.title"},
    {"Phase pane, Explanation tab (i)", "phases.summary"},
    {"Phase pane, Table tab", "phases.before_label"},
    {"Phase pane, Table tab", "phases.this_label"},
    {"Phase pane, Table tab", "phases.table.*"},
    {"Checklist pane", "phases.criteria_heading"},
    {"Checklist pane", "phases.criteria.text"},
    {"promotion packet (e: Markdown or HTML)", "phases.criteria.claim"},
    {"quiz (Q; i for its introduction)", "quiz.intro"},
    {"quiz (Q)", "quiz.questions.text"},
    {"quiz result", "quiz.bands.label"},
    {"quiz result", "quiz.phase_advice.text"},
    {"roadblocks (R)", "roadblocks_intro"},
    {"roadblocks (R)", "roadblocks.title"},
    {"roadblocks (R)", "roadblocks.why"},
    {"roadblocks (R)", "roadblocks.unlock"},
    {"resources (r)", "resources.advice"},
    {"resources (r)", "resources.items.name"},
    {"resources (r)", "resources.items.what"},
    {"FAQ (F)", "faqs.question"},
    {"FAQ (F)", "faqs.answer"},
};
const size_t n_shown_fields = sizeof shown_fields / sizeof shown_fields[0];

static int matches(const char *pattern, const char *path)
{
    size_t n = strlen(pattern);
    if (n && pattern[n - 1] == '*')
        return strncmp(pattern, path, n - 1) == 0;
    return strcmp(pattern, path) == 0;
}

typedef struct {
    const shown_field *table;
    size_t n;
    unsigned char used[128]; /* entries that matched a field */
    shown_warn_fn warn;
    void *ctx;
    size_t warnings;
} check_state;

static void check_field(const char *path, void *ctx)
{
    check_state *s = ctx;
    int shown = 0;
    for (size_t i = 0; i < s->n; i++)
        if (matches(s->table[i].field, path)) {
            shown = 1;
            if (i < sizeof s->used)
                s->used[i] = 1;
        }
    if (!shown) {
        char msg[256];
        snprintf(msg, sizeof msg, "field '%s' is documented as shown, but no view shows it",
                 path);
        s->warn(msg, s->ctx);
        s->warnings++;
    }
}

size_t shown_fields_check(const shown_field *table, size_t n, shown_warn_fn warn, void *ctx)
{
    check_state s = {table, n, {0}, warn, ctx, 0};
    content_text_fields(check_field, &s);
    for (size_t i = 0; i < n && i < sizeof s.used; i++)
        if (!s.used[i]) {
            char msg[256];
            snprintf(msg, sizeof msg, "the %s is listed as showing '%s', which the schema lacks",
                     table[i].view, table[i].field);
            warn(msg, ctx);
            s.warnings++;
        }
    return s.warnings;
}
