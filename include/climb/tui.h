/* tui.h - the full-screen interface: runs until the person quits. */
#ifndef CLIMB_TUI_H
#define CLIMB_TUI_H

#include "climb/app.h"

/* Opens the profile and runs the TUI. Returns an exit code. */
int tui_run(app *a);

#endif
