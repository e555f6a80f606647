/* How the driver reports errors: one scheme, one place (SPEC "The
 * driver"). Each function prints one message and returns 2, the exit
 * status of all of them, so that a command can `return error_usage(...)`.
 *
 *   bad input:    escape: FILE:LINE: error: MESSAGE   (FILE only when the
 *                 reader has no line)
 *   usage:        escape CMD: error: MESSAGE, then the command's usage
 *   anything else (out of memory, a program that cannot run):
 *                 escape: error: MESSAGE
 *   notes:        escape: note: MESSAGE, escape CMD: note: MESSAGE */
#ifndef ESCAPE_DRIVER_ERROR_REPORT_H
#define ESCAPE_DRIVER_ERROR_REPORT_H

#include <stdio.h>

/* Prints "escape: " + located, a reader's "FILE[:LINE]: error: ..." text. */
int error_input(FILE *err, const char *located);

/* Prints "escape: FILE: error: MESSAGE" for a file without a reader's
 * position (cannot open, not a text file). */
int error_file(FILE *err, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prints "escape COMMAND: error: MESSAGE" and then usage (when not NULL). */
int error_usage(FILE *err, const char *command, const char *usage,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Prints "escape: error: MESSAGE". */
int error_other(FILE *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints "escape: error: out of memory". */
int error_out_of_memory(FILE *err);

#endif
