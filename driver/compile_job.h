/* Tells from a compiler command line whether it compiles code (where the
 * plugin has something to see) or only links or preprocesses. */
#ifndef ESCAPE_DRIVER_COMPILE_JOB_H
#define ESCAPE_DRIVER_COMPILE_JOB_H

/* Whether args (the compiler's arguments, without the compiler) stop
 * before linking (-c, -S, -fsyntax-only) and are not preprocess-only
 * (-E, -M, -MM). A compile-and-link in one command counts as a link:
 * its objects are temporary files, so YAML beside them would be lost. */
int compile_job_is_compile(int argc, const char *const *args);

#endif
