/* embedded.h - files compiled into the binary at build time by tools/embed.c:
 * the database schema. (The default ladder is compiled in as typed data by
 * tools/gen_ladder.c; see content_load_default in content.h.) */
#ifndef CLIMB_EMBEDDED_H
#define CLIMB_EMBEDDED_H

extern const char climb_schema_sql[];
extern const unsigned long climb_schema_sql_len;

#endif
