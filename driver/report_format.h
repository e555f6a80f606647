/* The output formats of `escape report`: each writes a finished
 * remark_set (sorted, fingerprinted) to a stream. One file per format. */
#ifndef ESCAPE_DRIVER_REPORT_FORMAT_H
#define ESCAPE_DRIVER_REPORT_FORMAT_H

#include <stdio.h>

#include "json_writer.h"
#include "remark_set.h"

/* What a format may need besides the remarks. */
typedef struct report_context {
  const remark_set *set;
  const char *root; /* where relative source paths are found; NULL: cwd */
  int read_sources; /* the html format may open the remarks' files */
} report_context;

/* Writes the report; returns 0, or -1 when out of memory. */
typedef int (*report_writer)(FILE *out, const report_context *context);

typedef struct report_format {
  const char *name;
  report_writer write;
} report_format;

/* The format called name, or NULL. */
const report_format *report_format_find(const char *name);

/* Compiler-style lines grouped by file, then a summary by name and file. */
int format_text(FILE *out, const report_context *context);

/* One JSON array of remark objects. */
int format_json(FILE *out, const report_context *context);

/* SARIF 2.1.0 for GitHub code scanning. */
int format_sarif(FILE *out, const report_context *context);

/* A summary table and the hottest remarks, sized for a pull request. */
int format_markdown(FILE *out, const report_context *context);

/* One self-contained HTML page. */
int format_html(FILE *out, const report_context *context);

/* Prints "FILE:LINE:COL: Name: message [N translation units]" and a
 * newline for one entry: the line of the text format, diff and gate. */
void format_text_line(FILE *out, const remark_entry *entry);

/* Writes one entry as the json format's remark object. */
void format_json_entry(json_writer *w, const remark_entry *entry);

#endif
