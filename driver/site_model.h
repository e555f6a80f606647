/* The report site's model, shared by the writers of its pages: the
 * distinct files of a finished remark_set (each with its page, split into
 * parts that stay under the page budget), the functions, and the remarks
 * in the site's order. Built once; the writers only read it. */
#ifndef ESCAPE_DRIVER_SITE_MODEL_H
#define ESCAPE_DRIVER_SITE_MODEL_H

#include <stddef.h>
#include <stdio.h>

#include "report_format.h"
#include "report_output.h"

/* The generator named in index.html: what marks a directory as a site
 * that a later run may clean up. */
#define SITE_GENERATOR "escape report"

/* The size a page or data file may reach before the next line (or row)
 * starts a new part: well below the 1 MB each file must stay under. */
#define SITE_PART_BYTES (900 * 1024)

/* A step of some remark's flow or context that points into a file: shown
 * at its line, linked back to the remark. */
typedef struct site_step_in {
  unsigned line; /* the step's line in the file it points into */
  size_t entry;  /* the remark's index in the set */
  size_t arg;    /* the step's arg index in the remark */
} site_step_in;

/* One distinct source file: its entries are set->entries[first, first +
 * count), which the set's order keeps together. */
typedef struct site_file {
  const char *name; /* the remarks' file name */
  size_t first;
  size_t count;
  char *page;          /* the page's base name without ".html", owned */
  char *source;        /* where its text was found, owned; NULL: not found */
  unsigned *part_line; /* the first line of each part (part 0: 0) */
  size_t part_count;
  unsigned long long cost;      /* the sum of its remarks' costs */
  const site_step_in *steps_in; /* the steps pointing here, by line */
  size_t step_in_count;
} site_file;

/* One function (with the file where its first remark is). */
typedef struct site_function {
  const char *name;
  size_t file;  /* index into files, or SIZE_MAX */
  size_t count; /* remarks */
  unsigned long long cost;
} site_function;

typedef struct site_model {
  const report_context *context;
  const char *dir;  /* the output directory, without a trailing '/' */
  site_file *files; /* sorted by name, as in the set */
  size_t file_count;
  site_function *functions; /* by name */
  size_t function_count;
  size_t *file_of;        /* per set entry: index into files, or SIZE_MAX */
  size_t *function_of;    /* per set entry: index into functions or SIZE_MAX */
  size_t *ranked;         /* set entry indices, costliest first */
  site_step_in *steps_in; /* every step, by file and line; files point in */
} site_model;

/* Builds the model of context's set for a site in dir; finds the sources.
 * Returns 0, or -1 when out of memory (release it either way). */
int site_model_build(site_model *model, const report_context *context,
                     const char *dir);

/* Frees what the model owns. */
void site_model_release(site_model *model);

/* The index of the file called name, or SIZE_MAX. */
size_t site_model_find_file(const site_model *model, const char *name);

/* The part of file's page that shows line. */
size_t site_model_part(const site_file *file, unsigned line);

/* Writes the href of file's part (a base name such as "f0003-x.c.html"). */
void site_model_part_href(FILE *out, const site_file *file, size_t part);

/* Writes the href of line in the file called name ("f3.html#L12"); writes
 * nothing and returns 0 when the site has no page for it, else 1. */
int site_model_line_href(FILE *out, const site_model *model, const char *name,
                         unsigned line);

/* One file of the site being written: through a temporary file that is
 * renamed into place when complete (report_output.h). */
typedef struct site_output {
  report_output output;
  char *path; /* owned */
} site_output;

/* Opens dir/base for writing. Returns 0, or 2 after a message on err. */
int site_output_open(site_output *output, const site_model *model,
                     const char *base, FILE *err);

/* Finishes the file. Returns 0, or 2 after a message on err. */
int site_output_close(site_output *output, FILE *err);

/* Drops the file (the temporary file is removed). */
void site_output_abort(site_output *output);

#endif
