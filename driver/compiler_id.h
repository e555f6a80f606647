/* Tells which compiler a command names, and for clang its major version,
 * as cheaply as possible: from the name (clang-19), from the real path
 * (/usr/lib/llvm-19/bin/clang), and only then by running COMPILER
 * --version once, remembered in a small cache file. */
#ifndef ESCAPE_DRIVER_COMPILER_ID_H
#define ESCAPE_DRIVER_COMPILER_ID_H

#include "escape/strbuf.h"

typedef enum compiler_kind {
  COMPILER_UNKNOWN, /* not decided yet (cc, c++) or not a C compiler */
  COMPILER_CLANG,
  COMPILER_GCC,
} compiler_kind;

typedef struct compiler_info {
  compiler_kind kind;
  int major; /* clang's major version; 0 when not known */
  int cxx;   /* a C++ driver (clang++, g++, c++) */
} compiler_info;

/* What the name alone says: clang, clang++-19, gcc-12, x86_64-linux-gnu-g++,
 * cc and c++ (kind unknown), anything else (unknown, cxx 0). */
compiler_info compiler_from_name(const char *name);

/* Whether name is a compiler launcher (ccache, sccache, distcc, icecc,
 * escape): the compiler is the next argument. */
int compiler_is_launcher(const char *name);

/* What a launcher in front of the compiler does with the job. */
enum {
  /* The object may come from a cache (ccache, sccache, distcc, icecc's
   * remote result): files the compile writes beside it are lost. */
  LAUNCHER_LOSES_SIDE_FILES = 1,
  /* The job runs on another machine's daemon (distcc, icecc), which
   * refuses -fplugin=. */
  LAUNCHER_COMPILES_REMOTELY = 2,
};

/* The LAUNCHER_* flags of launcher name (0 for escape or a non-launcher). */
int compiler_launcher_traits(const char *name);

/* Whether name looks like a compiler for the launcher form `escape
 * COMPILER ARGS`: clang*, gcc*, *-gcc*, g++*, cc, c++, a launcher such
 * as ccache, or a path. */
int compiler_name_is_compiler(const char *name);

/* Reads the kind and version out of `COMPILER --version` output. */
compiler_info compiler_from_version_text(const char *text, int cxx);

/* The real absolute path execvp would run for command (malloc'ed), or
 * NULL when there is none. */
char *compiler_find(const char *command);

/* Identifies the compiler that command runs; never fails (unknown when
 * it cannot tell). */
compiler_info compiler_identify(const char *command);

#endif
