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
  const char *root;  /* where relative source paths are found; NULL: cwd */
  int read_sources;  /* the html format may open the remarks' files */
  int sort_location; /* text, markdown, html: by position, not by cost */
  size_t top;        /* text, markdown: at most this many lines; 0: all */
  size_t hidden;     /* remarks the default noise policy left out */
  int why;           /* text: each remark's flow steps under it (--why) */
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
 * newline for one entry: the line of the text format, diff and gate. A
 * line-0 remark is shown at its function's line, or says that its line is
 * unknown; it never prints as "FILE: Name:". */
void format_text_line(FILE *out, const remark_entry *entry);

/* --why: "INDENTwhy: FILE:LINE:COL: Key value" for each step of the
 * remark's inlined-at context (InlinedFrom at each call it was inlined at)
 * and of its flow, in the YAML's order (the call, each hop, the store or
 * end, a definition in another translation unit); a step at the place of
 * an earlier one (the Reason at its call) is left out. */
void format_text_why_lines(FILE *out, const escape_remark *remark,
                           const char *indent);

/* The entries the human formats show, in their order: call sites' first
 * contexts only, by estimated cost (or position with sort_location), at
 * most top. Returns a malloc'd array of *count entries, NULL when out of
 * memory. */
const remark_entry **report_rows(const report_context *context, size_t *count);

/* Writes one entry as the json format's remark object. */
void format_json_entry(json_writer *w, const remark_entry *entry);

#endif
