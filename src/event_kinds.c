/* event_kinds.c - the names of the event kinds and which are internal, from the
 * one list in event_kinds.h. */
#include "climb/event_kinds.h"

#include <string.h>

static const char *const NAMES[EV_COUNT] = {
#define EVENT_KIND_NAME(id, name, undoable, derive, detail, words, internal) [EV_##id] = name,
    CLIMB_EVENT_KINDS(EVENT_KIND_NAME)
#undef EVENT_KIND_NAME
};

const char *event_kind_name(event_kind k)
{
    return (unsigned)k < EV_COUNT ? NAMES[k] : "";
}

int event_kind_of(const char *name)
{
    for (int k = 0; name && k < EV_COUNT; k++)
        if (strcmp(NAMES[k], name) == 0)
            return k;
    return -1;
}

int event_kind_internal(const char *name)
{
    static const int INTERNAL[EV_COUNT] = {
#define EVENT_KIND_INTERNAL(id, name, undoable, derive, detail, words, internal)               \
    [EV_##id] = internal,
        CLIMB_EVENT_KINDS(EVENT_KIND_INTERNAL)
#undef EVENT_KIND_INTERNAL
    };
    int k = event_kind_of(name);
    return k >= 0 && INTERNAL[k];
}
