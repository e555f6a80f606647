/* `escape report --format html -o DIR/`: the report as a site of static
 * files that works from file:// (no network, nothing outside DIR):
 * index.html with the summaries and the sortable, filterable remarks; one
 * page per source file (split into parts under 1 MB); data-N.js with the
 * index's rows; escape.css and escape.js. Each file is written through a
 * temporary file and renamed into place; index.html comes last, so an
 * interrupted run never leaves an index that looks complete. */
#ifndef ESCAPE_DRIVER_FORMAT_SITE_H
#define ESCAPE_DRIVER_FORMAT_SITE_H

#include <stdio.h>

#include "report_format.h"

/* Whether path names a directory to write a site into: it ends in '/' or
 * is an existing directory. */
int format_site_wanted(const char *path);

/* Writes the site of context into dir (created if missing). Returns 0, or
 * 2 after a message on err. */
int format_site(const char *dir, const report_context *context, FILE *err);

#endif
