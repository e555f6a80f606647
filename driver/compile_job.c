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

int compile_job_optimizes(int argc, const char *const *args) {
  const char *level = NULL;
  for (int i = 0; i < argc; i++) {
    if (strncmp(args[i], "-O", 2) == 0)
      level = args[i] + 2;
    else if (takes_value(args[i]) && i + 1 < argc)
      i++;
  }
  /* clang (and gcc for "-O" alone) reads "-O" as -O1. */
  return level && strcmp(level, "0") != 0;
}

const char *compile_job_output(int argc, const char *const *args) {
  const char *output = NULL;
  for (int i = 0; i < argc; i++) {
    if (strcmp(args[i], "-o") == 0 && i + 1 < argc)
      output = args[++i];
    else if (strncmp(args[i], "-o", 2) == 0 && args[i][2])
      output = args[i] + 2;
    else if (takes_value(args[i]) && i + 1 < argc)
      i++;
  }
  return output;
}

int compile_job_default_yaml(const char *object, escape_strbuf *yaml) {
  /* The same rule as the plugin's defaultYamlPath (plugin/PluginOptions). */
  if (!object || !*object || strcmp(object, "-") == 0 ||
      strncmp(object, "/dev/", 5) == 0)
    return -1;
  const char *slash = strrchr(object, '/');
  const char *dot = strrchr(slash ? slash : object, '.');
  size_t stem = dot ? (size_t)(dot - object) : strlen(object);
  escape_strbuf_add(yaml, object, stem);
  escape_strbuf_addstr(yaml, ".escape.yaml");
  return yaml->failed ? -1 : 0;
}

const char *compile_job_source(int argc, const char *const *args) {
  const char *source = NULL;
  for (int i = 0; i < argc; i++) {
    if (args[i][0] != '-')
      source = args[i];
    else if (takes_value(args[i]) && i + 1 < argc)
      i++;
  }
  return source;
}
