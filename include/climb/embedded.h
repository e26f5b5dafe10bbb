/* embedded.h - files compiled into the binary at build time by tools/embed.c:
 * the database schema and the default ladder. */
#ifndef CLIMB_EMBEDDED_H
#define CLIMB_EMBEDDED_H

extern const char climb_schema_sql[];
extern const unsigned long climb_schema_sql_len;
extern const char climb_default_ladder_yaml[];
extern const unsigned long climb_default_ladder_yaml_len;

#endif
