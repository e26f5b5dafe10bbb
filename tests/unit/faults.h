/* faults.h - fault injection for the unit tests, the way SQLite tests itself: the
 * Nth call of a chosen kind fails, and the test loops N = 1, 2, ... until the
 * operation runs with no failure left to inject. Kinds:
 *   FAULT_ALLOC   climb's own malloc/calloc/realloc/strdup (and jansson's, routed
 *                 here), wrapped at link time (-Wl,--wrap=..., only in the binary
 *                 that links faults.o; see the Makefile);
 *   FAULT_SQLITE  SQLite's allocator (sqlite3_config(SQLITE_CONFIG_MALLOC), set by
 *                 faults_install before SQLite starts);
 *   FAULT_IO      climb's own write/fsync/rename/link/fflush/fclose, with EIO
 *                 (fclose still closes the file).
 * A failure is transient unless FAULT_STICKY is given: then every later call of
 * the armed kinds fails too (cleanup under a persistent out-of-memory). */
#ifndef CLIMB_TEST_FAULTS_H
#define CLIMB_TEST_FAULTS_H

enum { FAULT_ALLOC = 1, FAULT_SQLITE = 2, FAULT_IO = 4, FAULT_STICKY = 8 };

/* Routes SQLite's and jansson's allocations through the counters; once, before
 * anything opens a database. */
void faults_install(void);
/* From now on the nth call (1-based) of the kinds in mask fails. */
void faults_arm(unsigned mask, long n);
/* Stops injecting; how many calls were made to fail since faults_arm. */
long faults_disarm(void);
/* Calls of the armed kinds counted since faults_arm. */
long faults_calls(void);

#endif
