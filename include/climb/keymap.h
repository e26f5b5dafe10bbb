/* keymap.h - every action of the TUI and the keys bound to it, defined once. The
 * same tables feed key dispatch, the help overlay and the README's key list, so
 * they cannot drift apart. */
#ifndef CLIMB_KEYMAP_H
#define CLIMB_KEYMAP_H

#include <stddef.h>

/* A(name, help text) */
#define CLIMB_ACTIONS(A)                                                           \
    A(UP, "move up")                                                               \
    A(DOWN, "move down")                                                           \
    A(LEFT, "go to the Ladder pane")                                               \
    A(RIGHT, "go to the Phase and Checklist panes")                                \
    A(PAGE_UP, "scroll up a page")                                                 \
    A(PAGE_DOWN, "scroll down a page")                                             \
    A(HOME, "go to the first item")                                                \
    A(END, "go to the last item")                                                  \
    A(NEXT_PANE, "next pane")                                                      \
    A(PREV_PANE, "previous pane")                                                  \
    A(TOGGLE, "tick or untick the selected criterion")                             \
    A(DOING, "mark the criterion in progress (again: not started)")                \
    A(NOT_APPLICABLE, "mark the criterion not applicable, with a reason")          \
    A(NOTE, "write the evidence note of the criterion")                            \
    A(EVIDENCE, "dated evidence of the criterion, with links")                     \
    A(NOTES, "show every note of the phase in full (again: one line each)")       \
    A(CHECK, "evidence check: how strong your case is")                            \
    A(PHASE1, "show phase 1 and its criteria")                                     \
    A(PHASE2, "show phase 2 and its criteria")                                     \
    A(PHASE3, "show phase 3 and its criteria")                                     \
    A(PHASE4, "show phase 4 and its criteria")                                     \
    A(PHASE_TAB, "Phase pane: switch between the table and the explanation")    \
    A(OVERVIEW, "overview: key points, source, typical timelines and why")       \
    A(QUIZ, "take the placement quiz (five questions)")                            \
    A(SET_TITLE, "Ladder pane: make the selected level your title")                \
    A(SET_TARGET, "Ladder pane: aim for the selected level by a date")             \
    A(PROFILES, "switch, create, rename or delete profiles")                       \
    A(ROADBLOCKS, "roadblocks: flag the ones that describe you")                   \
    A(RESOURCES, "resources for the selected phase")                               \
    A(FAQ, "frequently asked questions")                                           \
    A(SEARCH, "search the ladder and your notes")                                  \
    A(EXPORT, "export a snapshot: Markdown, JSON or CSV")                          \
    A(HISTORY, "history: timeline, chart of progress, time in phase, forecast")   \
    A(CHECKIN, "check-in: walk the current phase's criteria, what changed")       \
    A(UNDO, "undo the last change made in this run (again: the one before)")     \
    A(REDO, "redo the change undone last")                                        \
    A(STALE, "set after how many months evidence is flagged as stale")            \
    A(REDRAW, "redraw the screen")                                                 \
    A(HELP, "show or hide this help")                                              \
    A(SUSPEND, "suspend climb to the shell (fg brings it back)")                  \
    A(QUIT, "quit (every change is already saved)")

typedef enum {
    ACT_NONE = 0,
#define ACTION_ENUM(name, help) ACT_##name,
    CLIMB_ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
    ACT_COUNT
} action;

/* K(action, key code, name shown in help); several keys may share an action. */
#define CLIMB_KEYS(K)                                                              \
    K(UP, KEY_UP, "Up")                                                            \
    K(UP, 'k', "k")                                                                \
    K(DOWN, KEY_DOWN, "Down")                                                      \
    K(DOWN, 'j', "j")                                                              \
    K(LEFT, KEY_LEFT, "Left")                                                      \
    K(LEFT, 'h', "h")                                                              \
    K(RIGHT, KEY_RIGHT, "Right")                                                   \
    K(RIGHT, 'l', "l")                                                             \
    K(PAGE_UP, KEY_PPAGE, "PgUp")                                                  \
    K(PAGE_DOWN, KEY_NPAGE, "PgDn")                                                \
    K(HOME, KEY_HOME, "Home")                                                      \
    K(HOME, 'g', "g")                                                              \
    K(END, KEY_END, "End")                                                         \
    K(END, 'G', "G")                                                               \
    K(NEXT_PANE, '\t', "Tab")                                                      \
    K(PREV_PANE, KEY_BTAB, "Shift-Tab")                                            \
    K(TOGGLE, ' ', "Space")                                                        \
    K(TOGGLE, '\n', "Enter")                                                       \
    K(TOGGLE, '\r', NULL)                                                          \
    K(TOGGLE, KEY_ENTER, NULL)                                                     \
    K(DOING, 'p', "p")                                                             \
    K(NOT_APPLICABLE, 'x', "x")                                                    \
    K(NOTE, 'n', "n")                                                              \
    K(EVIDENCE, 'E', "E")                                                          \
    K(NOTES, 'N', "N")                                                             \
    K(CHECK, 'c', "c")                                                             \
    K(PHASE1, '1', "1")                                                            \
    K(PHASE2, '2', "2")                                                            \
    K(PHASE3, '3', "3")                                                            \
    K(PHASE4, '4', "4")                                                            \
    K(PHASE_TAB, 'i', "i")                                                         \
    K(PHASE_TAB, '[', "[")                                                         \
    K(PHASE_TAB, ']', "]")                                                         \
    K(OVERVIEW, 'o', "o")                                                          \
    K(QUIZ, 'Q', "Q")                                                              \
    K(SET_TITLE, 't', "t")                                                         \
    K(SET_TARGET, 'T', "T")                                                        \
    K(PROFILES, 'P', "P")                                                          \
    K(ROADBLOCKS, 'R', "R")                                                        \
    K(RESOURCES, 'r', "r")                                                         \
    K(FAQ, 'F', "F")                                                               \
    K(SEARCH, '/', "/")                                                            \
    K(EXPORT, 'e', "e")                                                            \
    K(HISTORY, 'H', "H")                                                           \
    K(CHECKIN, 'C', "C")                                                           \
    K(UNDO, 'u', "u")                                                              \
    K(REDO, 18, "Ctrl-R")                                                          \
    K(STALE, 'S', "S")                                                             \
    K(REDRAW, 12, "Ctrl-L")                                                        \
    K(HELP, '?', "?")                                                              \
    K(HELP, KEY_F(1), "F1")                                                        \
    K(SUSPEND, 26, "Ctrl-Z")                                                       \
    K(QUIT, 'q', "q")                                                              \
    K(QUIT, 3, "Ctrl-C")

/* The action bound to a key, or ACT_NONE. is_char tells a typed character from a
 * function key (KEY_*), whose codes can overlap. */
action keymap_action(int key, int is_char);
/* The help text of an action. */
const char *keymap_help(action a);
/* The keys of an action as shown to a person ("Up k"), into buf. */
void keymap_keys(action a, char *buf, size_t len);

/* The name of an action in the config file ("page-down"; "none" for ACT_NONE),
 * and the action of such a name (case-insensitive): 0, or -1 when unknown. */
void keymap_action_name(action a, char *buf, size_t len);
int keymap_action_named(const char *name, action *out);
/* Reads a key as the config file writes it: one printable character, Space,
 * Enter, Tab, Esc, Up, Down, Left, Right, PgUp, PgDn, Home, End, Shift-Tab,
 * Backspace, Del, Insert, F1-F12 or Ctrl-X. Sets the code, whether it is a typed
 * character, and its name as help shows it. 0, or -1 when not a key. */
int keymap_parse_key(const char *s, int *code, int *is_char, char *display, size_t len);
/* Binds a key to an action instead of whatever it did (ACT_NONE: to nothing).
 * 0, or -1 when the table is full. keymap_reset goes back to CLIMB_KEYS. */
int keymap_bind(int code, int is_char, const char *display, action a);
void keymap_reset(void);
/* The i-th binding in force: its action and key name (NULL for a key help does
 * not show). 0, or -1 past the last. */
int keymap_binding(size_t i, action *a, const char **name);

#endif
