/* export.h - snapshots of one profile written out: JSON (the complete snapshot,
 * streamed record by record with jansson), the promotion packet as Markdown or as
 * a printable HTML page (both laid out from packet.h), and CSV (the history
 * events). Used by `climb export` and the TUI's export view. */
#ifndef CLIMB_EXPORT_H
#define CLIMB_EXPORT_H

#include "climb/model.h"
#include "climb/packet.h"

#include <stddef.h>
#include <stdio.h>

/* The snapshot format this build writes and reads. */
#define EXPORT_FORMAT_NAME "climb-snapshot"
enum { EXPORT_FORMAT_VERSION = 1 };

typedef enum { EXPORT_JSON, EXPORT_MD, EXPORT_CSV, EXPORT_HTML, EXPORT_FORMATS } export_format;

/* "json", "md" (or "markdown"), "csv", "html" -> 0 and *out, else -1. */
int export_format_parse(const char *name, export_format *out);
/* The file extension without the dot: "json", "md", "csv", "html". */
const char *export_format_ext(export_format f);
/* What the format is for, in a few words ("Markdown: a page for a promotion packet"). */
const char *export_format_label(export_format f);

/* Each writes the profile of m (with its ladder and store) to out; `now` is the
 * exported-at time. The packet writers take the phases and sections to write
 * (NULL: the defaults of packet.h). Return 0, or -1 with a message in err. */
int export_json(const climb_model *m, FILE *out, long long now, char *err, size_t errlen);
int export_md(const climb_model *m, const packet_options *opt, FILE *out, long long now,
              char *err, size_t errlen);
int export_html(const climb_model *m, const packet_options *opt, FILE *out, long long now,
                char *err, size_t errlen);
int export_csv(const climb_model *m, FILE *out, long long now, char *err, size_t errlen);
int export_write(const climb_model *m, export_format f, FILE *out, long long now, char *err,
                 size_t errlen);
/* The same with packet options (ignored by JSON and CSV). */
int export_write_with(const climb_model *m, export_format f, const packet_options *opt,
                      FILE *out, long long now, char *err, size_t errlen);

/* Writes to path atomically; refuses to replace an existing file unless force. */
int export_to_path(const climb_model *m, export_format f, const char *path, int force,
                   long long now, char *err, size_t errlen);
int export_to_path_with(const climb_model *m, export_format f, const packet_options *opt,
                        const char *path, int force, long long now, char *err, size_t errlen);

/* The suggested file name: DIR/climb-USER-YYYY-MM-DD.EXT, with characters of the
 * user name that do not belong in a file name replaced by '-'. dir "" means the
 * current directory. */
void export_default_path(const char *dir, const char *user, long long now, export_format f,
                         char *buf, size_t len);

#endif
