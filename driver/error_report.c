#include "error_report.h"

#include <stdarg.h>

/* The message after its prefix, and the newline; returns exit code 2. */
static int finish_message(FILE *err, const char *fmt, va_list args) {
  vfprintf(err, fmt, args);
  fputc('\n', err);
  return 2;
}

int error_input(FILE *err, const char *located) {
  fprintf(err, "escape: %s\n", located);
  return 2;
}

int error_file(FILE *err, const char *file, const char *fmt, ...) {
  fprintf(err, "escape: %s: error: ", file);
  va_list args;
  va_start(args, fmt);
  int result = finish_message(err, fmt, args);
  va_end(args);
  return result;
}

int error_usage(FILE *err, const char *command, const char *usage,
                const char *fmt, ...) {
  fprintf(err, "escape %s: error: ", command);
  va_list args;
  va_start(args, fmt);
  int result = finish_message(err, fmt, args);
  va_end(args);
  if (usage)
    fputs(usage, err);
  return result;
}

int error_other(FILE *err, const char *fmt, ...) {
  fputs("escape: error: ", err);
  va_list args;
  va_start(args, fmt);
  int result = finish_message(err, fmt, args);
  va_end(args);
  return result;
}

int error_out_of_memory(FILE *err) { return error_other(err, "out of memory"); }
