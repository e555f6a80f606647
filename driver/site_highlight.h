/* Syntax highlighting of C and C++ source lines for the report site's
 * source pages: comments, string and character literals, numbers,
 * keywords, type names and preprocessor directives become spans with a
 * class. A lexer, not a parser: block comments are followed across lines,
 * everything else is decided within its line. */
#ifndef ESCAPE_DRIVER_SITE_HIGHLIGHT_H
#define ESCAPE_DRIVER_SITE_HIGHLIGHT_H

#include <stddef.h>
#include <stdio.h>

/* What carries over from one line to the next. */
typedef struct site_highlight {
  int in_comment;   /* inside a block comment */
  int in_directive; /* the previous line was a directive ending in '\' */
} site_highlight;

/* Starts a file. */
void site_highlight_init(site_highlight *state);

/* Writes one line (len bytes, no line break) as escaped, highlighted HTML. */
void site_highlight_line(FILE *out, site_highlight *state, const char *line,
                         size_t len);

#endif
