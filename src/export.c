/* export.c - what the snapshot formats share: their names, dispatch, the
 * atomic write to a path and the suggested file name. */
#include "climb/export.h"
#include "climb/atomic_file.h"
#include "climb/clock.h"

#include <string.h>

static const char *const EXT[EXPORT_FORMATS] = {"json", "md", "csv", "html"};
static const char *const LABEL[EXPORT_FORMATS] = {
    "JSON: the complete snapshot (for climb import)",
    "Markdown: a page for a promotion packet",
    "CSV: the history, for a spreadsheet",
    "HTML: a printable promotion packet",
};

int export_format_parse(const char *name, export_format *out)
{
    for (int i = 0; i < EXPORT_FORMATS; i++) {
        if (strcmp(name, EXT[i]) == 0) {
            *out = (export_format)i;
            return 0;
        }
    }
    if (strcmp(name, "markdown") == 0) {
        *out = EXPORT_MD;
        return 0;
    }
    return -1;
}

const char *export_format_ext(export_format f)
{
    return (unsigned)f < EXPORT_FORMATS ? EXT[f] : "txt";
}

const char *export_format_label(export_format f)
{
    return (unsigned)f < EXPORT_FORMATS ? LABEL[f] : "";
}

int export_write_with(const climb_model *m, export_format f, const packet_options *opt,
                      FILE *out, long long now, char *err, size_t errlen)
{
    switch (f) {
    case EXPORT_JSON: return export_json(m, out, now, err, errlen);
    case EXPORT_MD: return export_md(m, opt, out, now, err, errlen);
    case EXPORT_CSV: return export_csv(m, out, now, err, errlen);
    case EXPORT_HTML: return export_html(m, opt, out, now, err, errlen);
    default: snprintf(err, errlen, "unknown export format"); return -1;
    }
}

int export_write(const climb_model *m, export_format f, FILE *out, long long now, char *err,
                 size_t errlen)
{
    return export_write_with(m, f, NULL, out, now, err, errlen);
}

int export_to_path(const climb_model *m, export_format f, const char *path, int force,
                   long long now, char *err, size_t errlen)
{
    return export_to_path_with(m, f, NULL, path, force, now, err, errlen);
}

int export_to_path_with(const climb_model *m, export_format f, const packet_options *opt,
                        const char *path, int force, long long now, char *err, size_t errlen)
{
    atomic_file af;
    if (atomic_file_open(&af, path, force, err, errlen))
        return -1;
    if (export_write_with(m, f, opt, af.fp, now, err, errlen)) {
        atomic_file_abort(&af);
        return -1;
    }
    return atomic_file_commit(&af, err, errlen);
}

void export_default_path(const char *dir, const char *user, long long now, export_format f,
                         char *buf, size_t len)
{
    char name[256], date[32];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)user; *p && n + 1 < sizeof name; p++) {
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p >= 0x80;
        if (n == 0 && *p == '.')
            ok = 0; /* no hidden files */
        name[n++] = ok ? (char)*p : '-';
    }
    name[n] = '\0';
    clock_format_local_date(now, date, sizeof date);
    snprintf(buf, len, "%s%sclimb-%s-%s.%s", dir, *dir && dir[strlen(dir) - 1] != '/' ? "/" : "",
             name, date, export_format_ext(f));
}
