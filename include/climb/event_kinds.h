/* event_kinds.h - every kind of event climb records, defined once. Each row
 * names the kind and, for the kinds that decide something (a criterion's state,
 * its note, the title, a roadblock flag, a setting), how the event table in
 * src/ops_events.c re-derives that from the log, what a reverse event carries,
 * and how undo words it. Applying a change, undoing it and re-deriving after an
 * import all go through that one table.
 *
 * The kinds (events table, see schema.sql):
 *   profile   value=name                     a profile was created
 *   rename    value=new name, previous=old
 *   state     item=criterion, value=new state, previous=old, detail=reason (n/a),
 *             or for done the ISO time the work was done (tick --date)
 *   note      item=criterion, value=new note (NULL: removed), previous=old,
 *             detail=the ISO time of the work (note --date) or NULL
 *   evidence  item=entry id (the uuid of the event that added it), value=text
 *             (NULL: removed), previous=old text, detail=the entry as JSON
 *             {"criterion": ID, "links": [...], "happened": SECONDS}
 *   target    value=level id (NULL: none), previous=old, detail=ISO time of the date
 *   name      value=the name a packet is written for (NULL: the profile's), previous
 *   quiz      value=answers "no,once,regularly,no,no", detail="phase=3 on_edge_of=4"
 *             (its quiz_attempts row has the same event_uuid)
 *   title     value=level id, previous=old level id
 *   roadblock item=roadblock id, value="on" or "off", previous the other
 *   setting   item=setting name (stale_months, quiz_offered, checkin_days), value,
 *             previous
 *   undo      item=uuid of the event undone, value=its kind, previous=uuid of the
 *             reverse event the undo wrote (NULL in older databases), detail=its item
 *   checkin   item=phase id walked, value="reviewed=N changed=M" (a finished
 *             check-in; the changes it made are their own state/note events) */
#ifndef CLIMB_EVENT_KINDS_H
#define CLIMB_EVENT_KINDS_H

/* E(ID, name, undoable, derive, reverse detail, undo words, internal)
 * internal: 1 for a kind that records climb's own bookkeeping or a setting
 * rather than progress (the quiz was offered, the stale period, the check-in
 * cadence); the history view's timeline hides these unless asked to show them. */
#define CLIMB_EVENT_KINDS(E)                                                             \
    E(PROFILE, "profile", 0, NULL, NULL, NULL, 0)                                        \
    E(RENAME, "rename", 0, NULL, NULL, NULL, 0)                                          \
    E(STATE, "state", 1, derive_state, detail_state, words_state, 0)                     \
    E(NOTE, "note", 1, derive_note, NULL, words_note, 0)                                 \
    E(QUIZ, "quiz", 0, NULL, NULL, NULL, 0)                                              \
    E(TITLE, "title", 1, derive_title, NULL, words_title, 0)                             \
    E(ROADBLOCK, "roadblock", 1, derive_roadblock, NULL, words_roadblock, 0)             \
    E(SETTING, "setting", 1, derive_setting, NULL, words_setting, 1)                     \
    E(EVIDENCE, "evidence", 1, derive_evidence, detail_before, words_evidence, 0)        \
    E(TARGET, "target", 1, derive_target, detail_before, words_target, 0)                \
    E(NAME, "name", 1, derive_name, NULL, words_name, 0)                                 \
    E(UNDO, "undo", 0, NULL, NULL, NULL, 0)                                              \
    E(CHECKIN, "checkin", 0, NULL, NULL, NULL, 0)

typedef enum {
#define EVENT_KIND_ENUM(id, name, undoable, derive, detail, words, internal) EV_##id,
    CLIMB_EVENT_KINDS(EVENT_KIND_ENUM)
#undef EVENT_KIND_ENUM
    EV_COUNT
} event_kind;

/* The kind's name ("state"), and the kind of a name (-1 when unknown). */
const char *event_kind_name(event_kind k);
int event_kind_of(const char *name);
/* 1 when events of the kind (a name; NULL or unknown: 0) are internal (see the
 * table's last column). */
int event_kind_internal(const char *name);

#endif
