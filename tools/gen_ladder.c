/* gen_ladder.c - build-time tool: loads a ladder YAML file with the content
 * layer itself (content_load_file: full parse and validation, so a broken file
 * fails the build with FILE:LINE:COL) and writes it out as C source: static
 * data (strings as escaped char arrays, arrays of structs with designated
 * initializers) and the definition of content_load_default(), which hands out
 * that data without parsing anything at start-up.
 *   gen_ladder INPUT.yaml OUTPUT.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "climb/content.h"

/* Longest string emitted as a literal; -Wpedantic warns past 4095 characters,
 * so longer ones are written as a list of bytes. */
enum { MAX_LITERAL = 4000, LINE_WIDTH = 64, HARD_WIDTH = 96 };

/* The distinct strings of the ladder, in first-use order: the one at index i
 * is emitted as sI. Points into the ladder; owns only the array. */
typedef struct {
    const char **items;
    size_t n, cap;
    int failed;
} strtab;

static long intern(strtab *t, const char *s)
{
    size_t i;
    if (!s)
        return -1;
    for (i = 0; i < t->n; i++)
        if (strcmp(t->items[i], s) == 0)
            return (long)i;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        const char **items = realloc(t->items, cap * sizeof *items);
        if (!items) {
            t->failed = 1;
            return -1;
        }
        t->items = items;
        t->cap = cap;
    }
    t->items[t->n] = s;
    return (long)t->n++;
}

/* Prints a reference to string s: "sN", or "NULL". */
static void ref(FILE *f, strtab *t, const char *s)
{
    long i = intern(t, s);
    if (i < 0)
        fputs("NULL", f);
    else
        fprintf(f, "s%ld", i);
}

/* Field ".name = sN", after ", " unless it is the first field, "id". */
static void field(FILE *f, strtab *t, const char *name, const char *s)
{
    fprintf(f, "%s.%s = ", strcmp(name, "id") ? ", " : "", name);
    ref(f, t, s);
}

/* Writes s as a C string literal: every byte outside printable ASCII as a
 * three-digit octal escape (which never swallows a following digit), quotes
 * and backslashes escaped, a '?' after a '?' escaped (no trigraphs), and the
 * literal split into pieces at newlines and after a blank past LINE_WIDTH
 * columns (any escape is complete, so a split never changes the bytes). */
static void put_literal(FILE *f, const char *s)
{
    size_t col = 0;
    unsigned char prev = 0;
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char ch = *p;
        if ((col >= LINE_WIDTH && prev == ' ') || col >= HARD_WIDTH) {
            fputs("\"\n    \"", f);
            col = 0;
        }
        if (ch == '\n')
            col += (size_t)fprintf(f, "\\n");
        else if (ch == '\t')
            col += (size_t)fprintf(f, "\\t");
        else if (ch == '"' || ch == '\\' || (ch == '?' && prev == '?'))
            col += (size_t)fprintf(f, "\\%c", ch);
        else if (ch >= 0x20 && ch < 0x7F)
            col += (size_t)(fputc(ch, f) != EOF);
        else
            col += (size_t)fprintf(f, "\\%03o", ch);
        if (ch == '\n' && p[1]) {
            fputs("\"\n    \"", f);
            col = 0;
        }
        prev = ch;
    }
    fputc('"', f);
}

/* Writes s as a brace-enclosed list of octal character constants ending in
 * 0 (character constants, so bytes above 127 fit a signed char). */
static void put_bytes(FILE *f, const char *s)
{
    size_t i = 0;
    fputc('{', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++, i++)
        fprintf(f, "%s'\\%03o',", i % 12 ? " " : "\n    ", (unsigned)*p);
    fputs("\n    0}", f);
}

static void emit_strings(FILE *f, const strtab *t)
{
    for (size_t i = 0; i < t->n; i++) {
        fprintf(f, "static char s%zu[] = ", i);
        if (strlen(t->items[i]) > MAX_LITERAL)
            put_bytes(f, t->items[i]);
        else
            put_literal(f, t->items[i]);
        fputs(";\n", f);
    }
}

/* "static char *NAME[] = {sA, sB, ...};", or nothing when n is 0. */
static void emit_string_list(FILE *f, strtab *t, const char *name, char *const *v, size_t n)
{
    if (!n)
        return;
    fprintf(f, "static char *%s[] = {", name);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", f);
        ref(f, t, v[i]);
    }
    fputs("};\n", f);
}

static void emit_levels(FILE *f, strtab *t, const climb_ladder *l)
{
    if (!l->n_levels)
        return;
    fputs("static climb_level levels[] = {\n", f);
    for (size_t i = 0; i < l->n_levels; i++) {
        const climb_level *v = &l->levels[i];
        fputs("    {", f);
        field(f, t, "id", v->id);
        field(f, t, "name", v->name);
        fprintf(f, ", .tenure_min = %d, .tenure_max = %d", v->tenure_min, v->tenure_max);
        field(f, t, "unlocks", v->unlocks);
        field(f, t, "plateau", v->plateau);
        fprintf(f, ", .pay_low = %ld, .pay_high = %ld, .pay_open_top = %d},\n", v->pay_low,
                v->pay_high, v->pay_open_top);
    }
    fputs("};\n", f);
}

static void emit_dimensions(FILE *f, strtab *t, const char *name, char *const *v)
{
    fprintf(f, ", .%s = {", name);
    for (size_t d = 0; d < CLIMB_DIMENSIONS; d++) {
        fputs(d ? ", " : "", f);
        ref(f, t, v[d]);
    }
    fputs("}", f);
}

static void emit_phases(FILE *f, strtab *t, const climb_ladder *l)
{
    for (size_t i = 0; i < l->n_phases; i++) {
        const climb_phase *p = &l->phases[i];
        if (!p->n_criteria)
            continue;
        fprintf(f, "static climb_criterion phase%zu_criteria[] = {\n", i);
        for (size_t k = 0; k < p->n_criteria; k++) {
            fputs("    {", f);
            field(f, t, "id", p->criteria[k].id);
            field(f, t, "text", p->criteria[k].text);
            field(f, t, "claim", p->criteria[k].claim);
            fputs("},\n", f);
        }
        fputs("};\n", f);
    }
    if (!l->n_phases)
        return;
    fputs("static climb_phase phases[] = {\n", f);
    for (size_t i = 0; i < l->n_phases; i++) {
        const climb_phase *p = &l->phases[i];
        fputs("    {", f);
        field(f, t, "id", p->id);
        fprintf(f, ", .number = %d", p->number);
        field(f, t, "level", p->level);
        field(f, t, "next_level", p->next_level);
        fprintf(f, ", .operating = %d", p->operating);
        field(f, t, "title", p->title);
        field(f, t, "summary", p->summary);
        field(f, t, "before_label", p->before_label);
        field(f, t, "this_label", p->this_label);
        emit_dimensions(f, t, "before", p->before);
        emit_dimensions(f, t, "now", p->now);
        field(f, t, "criteria_heading", p->criteria_heading);
        if (p->n_criteria)
            fprintf(f, ", .criteria = phase%zu_criteria", i);
        else
            fputs(", .criteria = NULL", f);
        fprintf(f, ", .n_criteria = %zu},\n", p->n_criteria);
    }
    fputs("};\n", f);
}

static void emit_quiz(FILE *f, strtab *t, const climb_ladder *l)
{
    if (l->n_questions) {
        fputs("static climb_question questions[] = {\n", f);
        for (size_t i = 0; i < l->n_questions; i++) {
            fputs("    {", f);
            field(f, t, "id", l->questions[i].id);
            field(f, t, "text", l->questions[i].text);
            fputs("},\n", f);
        }
        fputs("};\n", f);
    }
    if (l->n_bands) {
        fputs("static climb_band bands[] = {\n", f);
        for (size_t i = 0; i < l->n_bands; i++) {
            const climb_band *b = &l->bands[i];
            fprintf(f,
                    "    {.yes_min = %d, .yes_max = %d, .regularly_min = %d, .phase = %d, "
                    ".on_edge_of = %d",
                    b->yes_min, b->yes_max, b->regularly_min, b->phase, b->on_edge_of);
            field(f, t, "label", b->label);
            fputs("},\n", f);
        }
        fputs("};\n", f);
    }
    if (l->phase_advice)
        emit_string_list(f, t, "phase_advice", l->phase_advice, l->n_phases);
}

static void emit_roadblocks_resources(FILE *f, strtab *t, const climb_ladder *l)
{
    if (l->n_roadblocks) {
        fputs("static climb_roadblock roadblocks[] = {\n", f);
        for (size_t i = 0; i < l->n_roadblocks; i++) {
            const climb_roadblock *r = &l->roadblocks[i];
            fputs("    {", f);
            field(f, t, "id", r->id);
            field(f, t, "title", r->title);
            field(f, t, "why", r->why);
            field(f, t, "unlock", r->unlock);
            fputs("},\n", f);
        }
        fputs("};\n", f);
    }
    if (l->n_resources) {
        fputs("static climb_resource resources[] = {\n", f);
        for (size_t i = 0; i < l->n_resources; i++) {
            const climb_resource *r = &l->resources[i];
            fputs("    {", f);
            field(f, t, "id", r->id);
            field(f, t, "name", r->name);
            field(f, t, "what", r->what);
            fprintf(f, ", .phase_min = %d, .phase_max = %d},\n", r->phase_min, r->phase_max);
        }
        fputs("};\n", f);
    }
}

static void emit_faqs_timelines(FILE *f, strtab *t, const climb_ladder *l)
{
    if (l->n_faqs) {
        fputs("static climb_faq faqs[] = {\n", f);
        for (size_t i = 0; i < l->n_faqs; i++) {
            fputs("    {", f);
            field(f, t, "id", l->faqs[i].id);
            field(f, t, "question", l->faqs[i].question);
            field(f, t, "answer", l->faqs[i].answer);
            fputs("},\n", f);
        }
        fputs("};\n", f);
    }
    if (l->n_timelines) {
        fputs("static climb_timeline timelines[] = {\n", f);
        for (size_t i = 0; i < l->n_timelines; i++) {
            const climb_timeline *m = &l->timelines[i];
            fputs("    {", f);
            field(f, t, "id", m->id);
            field(f, t, "from_level", m->from_level);
            field(f, t, "to_level", m->to_level);
            fprintf(f, ", .years_min = %d, .years_max = %d", m->years_min, m->years_max);
            field(f, t, "why", m->why);
            fputs("},\n", f);
        }
        fputs("};\n", f);
    }
}

/* ",\n    .NAME = ARRAY, .n_NAME = N" with NULL for an empty list. */
static void list_field(FILE *f, const char *name, size_t n)
{
    if (n)
        fprintf(f, ",\n    .%s = %s, .n_%s = %zu", name, name, name, n);
    else
        fprintf(f, ",\n    .%s = NULL, .n_%s = 0", name, name);
}

/* ",\n    .NAME = sN" */
static void line_field(FILE *f, strtab *t, const char *name, const char *s)
{
    fprintf(f, ",\n    .%s = ", name);
    ref(f, t, s);
}

static void emit_ladder(FILE *f, strtab *t, const climb_ladder *l)
{
    fputs("static const climb_ladder builtin_ladder = {\n    ", f);
    field(f, t, "id", l->id);
    line_field(f, t, "name", l->name);
    line_field(f, t, "source", l->source);
    list_field(f, "insights", l->n_insights);
    list_field(f, "levels", l->n_levels);
    list_field(f, "phases", l->n_phases);
    line_field(f, t, "quiz_intro", l->quiz_intro);
    list_field(f, "questions", l->n_questions);
    list_field(f, "bands", l->n_bands);
    fprintf(f, ",\n    .phase_advice = %s",
            l->phase_advice && l->n_phases ? "phase_advice" : "NULL");
    list_field(f, "roadblocks", l->n_roadblocks);
    line_field(f, t, "roadblocks_intro", l->roadblocks_intro);
    line_field(f, t, "resources_advice", l->resources_advice);
    list_field(f, "resources", l->n_resources);
    list_field(f, "faqs", l->n_faqs);
    list_field(f, "timelines", l->n_timelines);
    fprintf(f, ",\n    .hash = \"%s\",\n    .is_static = 1,\n};\n\n", l->hash);
}

static const char loader[] =
    "int content_load_default(climb_ladder *out, climb_content_error *err)\n"
    "{\n"
    "    if (err) {\n"
    "        memset(err, 0, sizeof *err);\n"
    "        snprintf(err->file, sizeof err->file, \"%s\", \"<built-in ladder>\");\n"
    "    }\n"
    "    *out = builtin_ladder;\n"
    "    return 0;\n"
    "}\n";

/* Writes the structures into body (interning strings on the way), then the
 * output: head, the strings, the body, the loader. */
static int generate(FILE *out, FILE *body, const climb_ladder *l, const char *input)
{
    strtab t = {NULL, 0, 0, 0};
    int c;
    emit_string_list(body, &t, "insights", l->insights, l->n_insights);
    emit_levels(body, &t, l);
    emit_phases(body, &t, l);
    emit_quiz(body, &t, l);
    emit_roadblocks_resources(body, &t, l);
    emit_faqs_timelines(body, &t, l);
    emit_ladder(body, &t, l);
    fprintf(out,
            "/* builtin_ladder.c - generated from %s by tools/gen_ladder.c; do not edit.\n"
            " * The built-in ladder as static data: content_load_default() copies the\n"
            " * top-level struct; content_free() leaves the data alone (is_static). */\n"
            "#include <stdio.h>\n#include <string.h>\n\n#include \"climb/content.h\"\n\n",
            input);
    emit_strings(out, &t);
    fputs("\n", out);
    rewind(body);
    while ((c = fgetc(body)) != EOF)
        fputc(c, out);
    fputs(loader, out);
    free(t.items);
    return t.failed || ferror(body) ? -1 : 0;
}

int main(int argc, char **argv)
{
    climb_ladder l;
    climb_content_error err;
    char msg[1024], tmp[4096];
    FILE *out, *body;
    int rc;
    if (argc != 3) {
        fprintf(stderr, "usage: gen_ladder INPUT.yaml OUTPUT.c\n");
        return 2;
    }
    if (content_load_file(argv[1], &l, &err) != 0) {
        content_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "%s\n", msg);
        return 1;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
    out = fopen(tmp, "w");
    body = tmpfile();
    rc = out && body ? generate(out, body, &l, argv[1]) : -1;
    if (body)
        fclose(body);
    if (out && fclose(out) != 0)
        rc = -1;
    content_free(&l);
    if (rc != 0 || rename(tmp, argv[2]) != 0) {
        perror(argv[2]);
        remove(tmp);
        return 1;
    }
    return 0;
}
