/* Reads a compile_commands.json (Clang's JSON compilation database) into
 * one entry per translation unit: its directory, file and arguments,
 * from either the "arguments" array or the "command" string, which is
 * split like a shell would (shell_words.h). */
#ifndef ESCAPE_DRIVER_COMPILE_DB_H
#define ESCAPE_DRIVER_COMPILE_DB_H

#include <stddef.h>

#include "escape/strbuf.h"
#include "string_list.h"

typedef struct compile_entry {
  char *directory;       /* where the command runs */
  char *file;            /* the source, as written (may be relative) */
  string_list arguments; /* argv, the compiler first */
} compile_entry;

typedef struct compile_db {
  compile_entry *entries;
  size_t count;
} compile_db;

/* Reads path into db. Returns 0, or -1 with "PATH:LINE: error: ..." (or
 * "PATH: error: entry N: ..." where JSON has no line) in err. */
int compile_db_load(const char *path, compile_db *db, escape_strbuf *err);

/* Frees every entry. */
void compile_db_release(compile_db *db);

#endif
