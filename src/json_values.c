/* json_values.c - optional strings and UTC times as jansson values. */
#include "climb/json_values.h"
#include "climb/clock.h"

json_t *json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *json_time_or_null(long long t)
{
    char buf[32];
    if (!t)
        return json_null();
    clock_format_utc(t, buf, sizeof buf);
    return json_string(buf);
}
