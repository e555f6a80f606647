#include "compile_job.h"

#include <string.h>

/* Options whose value is the next argument, so that value is not taken
 * for a mode switch (e.g. `-o -c` names a file "-c"). */
static int takes_value(const char *arg) {
  static const char *const with_value[] = {"-o",
                                           "-x",
                                           "-MF",
                                           "-MT",
                                           "-MQ",
                                           "-I",
                                           "-D",
                                           "-U",
                                           "-include",
                                           "-isystem",
                                           "-Xclang",
                                           "-Xlinker",
                                           "-arch",
                                           "-target",
                                           "-idirafter",
                                           "-iquote",
                                           "-imacros",
                                           "-Xassembler",
                                           "-Xpreprocessor",
                                           "--serialize-diagnostics",
                                           "-main-file-name",
                                           NULL};
  for (const char *const *p = with_value; *p; p++)
    if (strcmp(arg, *p) == 0)
      return 1;
  return 0;
}

int compile_job_is_compile(int argc, const char *const *args) {
  int stops_before_link = 0, preprocess_only = 0;
  for (int i = 0; i < argc; i++) {
    const char *arg = args[i];
    if (strcmp(arg, "-c") == 0 || strcmp(arg, "-S") == 0 ||
        strcmp(arg, "-fsyntax-only") == 0)
      stops_before_link = 1;
    else if (strcmp(arg, "-E") == 0 || strcmp(arg, "-M") == 0 ||
             strcmp(arg, "-MM") == 0)
      preprocess_only = 1;
    else if (takes_value(arg) && i + 1 < argc)
      i++;
  }
  return stops_before_link && !preprocess_only;
}
