/* Where a command's report goes: stdout, or the -o FILE, which is written
 * to a temporary file beside it and renamed into place only when complete,
 * so that a failed run never leaves a report that looks whole. */
#ifndef ESCAPE_DRIVER_REPORT_OUTPUT_H
#define ESCAPE_DRIVER_REPORT_OUTPUT_H

#include <stdio.h>

typedef struct report_output {
  FILE *stream;     /* where to write */
  const char *path; /* NULL: the command's out stream */
  char *temp_path;  /* the temporary file, owned */
} report_output;

/* Opens path ("-" or NULL: out). Returns 0, or 2 after a message on err. */
int report_output_open(report_output *output, const char *path, FILE *out,
                       FILE *err);

/* Finishes: flushes, renames the file into place. Returns 0, or 2 after a
 * message on err (the temporary file is removed). */
int report_output_close(report_output *output, FILE *err);

/* Drops the output: removes the temporary file. */
void report_output_abort(report_output *output);

#endif
