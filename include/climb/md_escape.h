/* md_escape.h - text placed in CommonMark (and GitHub's GFM) so that it renders
 * as exactly itself, with a backslash only where Markdown would otherwise change
 * the meaning: "14m -> 6m", "C++", "snake_case" and "50%" stay as written, while
 * "*this*", "[x](y)", "<b>", "&amp;" and a line starting "- " are escaped. Every
 * byte first passes the output gate (text_visible). Pure; no I/O. */
#ifndef CLIMB_MD_ESCAPE_H
#define CLIMB_MD_ESCAPE_H

enum {
    MD_HEADING = 1,   /* inside an ATX heading: a closing run of '#' is escaped */
    MD_LINK_TEXT = 2, /* inside [link text]: every '[' and ']' is escaped */
    MD_AFTER_TEXT = 4, /* the first line follows other text: it cannot open a block */
};

/* A newly allocated Markdown rendering of raw as inline text: leading and
 * trailing blanks dropped, each line break a hard break ("\\\n") followed by
 * indent, blank lines collapsed, and a backslash before each character that would
 * otherwise be markup (flags: MD_*). NULL only when out of memory. */
char *md_escape(const char *raw, const char *indent, unsigned flags);

#endif
