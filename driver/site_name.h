/* How the report site and the markdown format show a name that LLVM
 * wrote (Function, Callee, Caller, InlinedFrom): every such name goes
 * through here, demangled when it is a C++ name (name_demangle.h). */
#ifndef ESCAPE_DRIVER_SITE_NAME_H
#define ESCAPE_DRIVER_SITE_NAME_H

#include <stdio.h>

/* The demangled form of name as a malloc'd string (caller frees), or NULL
 * when name is shown as it is (not mangled, NULL, or out of memory). */
char *site_display_name(const char *name);

/* Writes the name to show for name (NULL: nothing), HTML-escaped. */
void site_html_name(FILE *out, const char *name);

/* Writes the name to show for name as a JavaScript string literal. */
void site_js_name(FILE *out, const char *name);

#endif
