/* version.h - climb's version, shown by --version and written into snapshots. */
#ifndef CLIMB_VERSION_H
#define CLIMB_VERSION_H
#define CLIMB_VERSION "0.1.0"
#endif
