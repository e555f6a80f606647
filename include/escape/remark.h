/* The remark model shared by the plugin and the driver: one LLVM-style
 * optimization remark as plain C data, independent of LLVM's classes. */
#ifndef ESCAPE_REMARK_H
#define ESCAPE_REMARK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The YAML document tag of a remark (`--- !Passed`, `!Missed`, ...). */
typedef enum escape_remark_type {
  ESCAPE_REMARK_PASSED,
  ESCAPE_REMARK_MISSED,
  ESCAPE_REMARK_ANALYSIS,
  /* LLVM's other tags (!Failure, !AnalysisFPCommute, !AnalysisAliasing), kept
   * so that foreign .opt.yaml files read without error. */
  ESCAPE_REMARK_FAILURE,
  ESCAPE_REMARK_ANALYSIS_FP_COMMUTE,
  ESCAPE_REMARK_ANALYSIS_ALIASING
} escape_remark_type;

/* A source position as LLVM's `DebugLoc: { File, Line, Column }`. */
typedef struct escape_loc {
  char *file; /* NULL when the remark has no location */
  unsigned line;
  unsigned column;
} escape_loc;

/* One `Args:` entry: `- Key: value` with an optional DebugLoc. */
typedef struct escape_arg {
  char *key;
  char *value;
  escape_loc loc; /* loc.file == NULL when absent */
} escape_arg;

/* One remark document. All strings are owned by the remark. */
typedef struct escape_remark {
  escape_remark_type type;
  char *pass;
  char *name;
  escape_loc loc;
  char *function;
  int has_hotness;
  unsigned long long hotness;
  escape_arg *args;
  size_t arg_count;
} escape_remark;

/* Returns the YAML tag name without '!' ("Missed") for a type. */
const char *escape_remark_type_tag(escape_remark_type type);

/* Parses a tag name without '!'; returns 0 on success, -1 if unknown. */
int escape_remark_type_from_tag(const char *tag, escape_remark_type *out);

/* Initializes an empty remark; strings are copied in by the setters below. */
void escape_remark_init(escape_remark *remark);

/* Frees an arg's key, value and file name (not the arg itself). */
void escape_arg_release(escape_arg *arg);

/* Frees every string and the argument array; leaves an empty remark. */
void escape_remark_clear(escape_remark *remark);

/* Sets pass, name and function (copies); returns 0, or -1 when out of memory.
 */
int escape_remark_set(escape_remark *remark, escape_remark_type type,
                      const char *pass, const char *name, const char *function);

/* Sets the remark's DebugLoc (copies file); returns 0 or -1. */
int escape_remark_set_loc(escape_remark *remark, const char *file,
                          unsigned line, unsigned column);

/* Appends `- key: value` (copies); loc may be NULL; returns 0 or -1. */
int escape_remark_add_arg(escape_remark *remark, const char *key,
                          const char *value, const escape_loc *loc);

/* Appends arg as it is, its strings now owned by remark (the caller must not
 * free them); returns 0, or -1 when out of memory (nothing taken). */
int escape_remark_take_arg(escape_remark *remark, const escape_arg *arg);

/* Returns the value of the first arg with this key, or NULL. */
const char *escape_remark_arg(const escape_remark *remark, const char *key);

#ifdef __cplusplus
}
#endif

#endif
