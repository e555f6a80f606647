/* Turns one compile_commands.json entry into the command escape scan runs:
 * the same compile with the plugin, its YAML sent to the output directory,
 * its object to a temporary file, its dependency files not written, and
 * gcc/g++/cc/c++ (or another clang) replaced by the plugin's clang. */
#ifndef ESCAPE_DRIVER_SCAN_COMMAND_H
#define ESCAPE_DRIVER_SCAN_COMMAND_H

#include "compile_db.h"
#include "escape/strbuf.h"
#include "string_list.h"

typedef struct scan_setup {
  const char *plugin;      /* absolute path of libescape.so */
  const char *escape_args; /* ESCAPE_ARGS, or NULL */
  const char *clang;       /* the plugin's clang for C, or NULL */
  const char *clangxx;     /* and for C++, or NULL */
} scan_setup;

/* Writes the command for entry to out. Returns 0, 1 when the entry is
 * skipped (why in note: no clang to run it with), -1 when out of memory. */
int scan_command_build(const compile_entry *entry, const scan_setup *setup,
                       const char *object, const char *yaml, string_list *out,
                       escape_strbuf *note);

#endif
