/* cli_evidence_check.c - `climb evidence check [--json]`: the verdict on the case
 * for the next level, and each criterion of the phase worked on and the one
 * before with what is weak about it. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/evidence_check.h"
#include "climb/json_values.h"
#include "climb/text.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *report_json(const climb_ladder *l, const evidence_report *r)
{
    json_t *o = json_object(), *list = json_array();
    json_object_set_new(o, "verdict", json_string(r->verdict));
    json_object_set_new(o, "phase", json_integer(l->phases[r->last_phase].number));
    json_object_set_new(o, "met", json_integer(r->met));
    json_object_set_new(o, "applicable", json_integer(r->applicable));
    json_object_set_new(o, "fresh", json_integer(r->fresh));
    for (size_t k = 0; k < r->n; k++) {
        const claim *c = &r->claims[k];
        json_t *e = json_object();
        json_object_set_new(e, "id", json_string(l->phases[c->phase].criteria[c->index].id));
        json_object_set_new(e, "phase", json_integer(l->phases[c->phase].number));
        json_object_set_new(e, "status", json_string(claim_status_key(c->status)));
        json_object_set_new(e, "weak", json_boolean(c->weak));
        json_object_set_new(e, "advice", json_str_or_null(c->advice[0] ? c->advice : NULL));
        json_object_set_new(e, "newest_evidence", json_time_or_null(c->newest));
        json_array_append_new(list, e);
    }
    json_object_set_new(o, "criteria", list);
    return o;
}

static void report_text(const climb_ladder *l, const evidence_report *r)
{
    size_t shown_phase = (size_t)-1;
    printf("%s\n", r->verdict);
    for (size_t k = 0; k < r->n; k++) {
        const claim *c = &r->claims[k];
        const climb_phase *ph = &l->phases[c->phase];
        if (c->phase != shown_phase) {
            printf("\nPhase %d: %s\n", ph->number, ph->criteria_heading);
            shown_phase = c->phase;
        }
        char *text = text_visible(ph->criteria[c->index].text, 0);
        printf("  [%s] %s\n      %s%s\n", c->weak ? "!" : c->status <= CLAIM_STALE ? "x" : " ",
               text ? text : "", claim_status_words(c->status), c->weak ? ": weak" : "");
        if (c->advice[0])
            printf("      %s\n", c->advice);
        free(text);
    }
}

int cli_evidence_check(app *a, int argc, char **argv)
{
    const cli_command *cmd = cli_find("evidence");
    int json = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = 1;
        else
            return cli_usage_error(cmd, argv[i]);
    }
    int rc = app_open(a, 1);
    if (rc != EXIT_OK)
        return rc;
    evidence_report r;
    if (evidence_check(&a->model, clock_now(), &r)) {
        app_error("out of memory");
        return EXIT_RUNTIME;
    }
    if (json)
        rc = cli_print_json(report_json(&a->ladder, &r));
    else
        report_text(&a->ladder, &r);
    evidence_report_free(&r);
    return rc;
}
