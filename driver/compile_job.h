/* Tells from a compiler command line whether it compiles code (where the
 * plugin has something to see) or only links or preprocesses. */
#ifndef ESCAPE_DRIVER_COMPILE_JOB_H
#define ESCAPE_DRIVER_COMPILE_JOB_H

#include "escape/strbuf.h"

/* Whether args (the compiler's arguments, without the compiler) stop
 * before linking (-c, -S, -fsyntax-only) and are not preprocess-only
 * (-E, -M, -MM). A compile-and-link in one command counts as a link:
 * its objects are temporary files, so YAML beside them would be lost. */
int compile_job_is_compile(int argc, const char *const *args);

/* Whether args optimize: the last -O option is not -O0 (none is -O0, the
 * compilers' default, where the optimizer and so the plugin see nothing). */
int compile_job_optimizes(int argc, const char *const *args);

/* The value of the last -o (as "-o FILE" or "-oFILE"), or NULL. */
const char *compile_job_output(int argc, const char *const *args);

/* The remark file the plugin writes by default for an object: the object's
 * stem + ".escape.yaml" (x.o: x.escape.yaml), into yaml. Returns 0, or -1
 * when there is none (no object, stdout, /dev/...). */
int compile_job_default_yaml(const char *object, escape_strbuf *yaml);

/* The last argument that is no option and no option's value, or NULL: the
 * source of a single-file compile. */
const char *compile_job_source(int argc, const char *const *args);

#endif
