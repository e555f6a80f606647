/* Text escaping for the report site: HTML text and attributes, and
 * JavaScript string literals for its data files. */
#ifndef ESCAPE_DRIVER_SITE_ESCAPE_H
#define ESCAPE_DRIVER_SITE_ESCAPE_H

#include <stddef.h>
#include <stdio.h>

/* Writes text (NULL: nothing) with &, <, >, " and ' escaped. */
void site_html(FILE *out, const char *text);

/* Writes len bytes of text, escaped as site_html does. */
void site_html_n(FILE *out, const char *text, size_t len);

/* Writes text (NULL: "") as a double-quoted JavaScript string literal that
 * is also safe inside an HTML script element. */
void site_js_string(FILE *out, const char *text);

#endif
