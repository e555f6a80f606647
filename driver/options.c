#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int option_with_value(const char *name, int argc, const char **argv, int *index,
                      const char **value) {
  const char *arg = argv[*index];
  size_t len = strlen(name);
  if (strncmp(arg, name, len) != 0)
    return 0;
  /* `--name=VALUE`, and `-jVALUE` for short options. */
  if (arg[len] == '=' && name[1] == '-') {
    *value = arg + len + 1;
    return 1;
  }
  if (arg[len] != '\0' && name[1] != '-') {
    *value = arg + len;
    return 1;
  }
  if (arg[len] != '\0')
    return 0;
  if (*index + 1 >= argc)
    return -1;
  *value = argv[++*index];
  return 1;
}

/* Splits a comma-separated list into list, skipping empty items. */
static int add_list(path_list *list, const char *value) {
  char *copy = malloc(strlen(value) + 1);
  if (!copy)
    return -1;
  strcpy(copy, value);
  int result = 0;
  for (char *item = copy, *next; item && result == 0; item = next) {
    next = strchr(item, ',');
    if (next)
      *next++ = '\0';
    if (*item)
      result = path_list_add(list, item);
  }
  free(copy);
  return result;
}

static int parse_unsigned(const char *text, unsigned *out) {
  char *end;
  errno = 0;
  unsigned long value = strtoul(text, &end, 10);
  if (!*text || *text == '-' || *end || errno || value > 1000000000UL)
    return -1;
  *out = (unsigned)value;
  return 0;
}

static int usage_error(const command_usage *usage, FILE *err, const char *fmt,
                       const char *arg) {
  fprintf(err, "escape %s: ", usage->name);
  fprintf(err, fmt, arg);
  fprintf(err, "\n%s", usage->usage);
  return 2;
}

/* Stores value into the option; returns 0 or an exit code. */
static int store(const option_spec *spec, const char *value,
                 const command_usage *usage, FILE *err) {
  int failed = 0;
  switch (spec->kind) {
  case OPTION_FLAG:
    *(int *)spec->value = 1;
    break;
  case OPTION_STRING:
    *(const char **)spec->value = value;
    break;
  case OPTION_LIST:
    failed = add_list(spec->value, value);
    break;
  case OPTION_REPEAT:
    failed = path_list_add(spec->value, value);
    break;
  case OPTION_UNSIGNED:
    if (parse_unsigned(value, spec->value) != 0)
      return usage_error(usage, err, "'%s' is not a number", value);
    break;
  }
  if (failed) {
    fprintf(err, "escape %s: out of memory\n", usage->name);
    return 2;
  }
  return 0;
}

/* Matches one spelling of an option at argv[*index]. */
static int match(const option_spec *spec, const char *spelling, int argc,
                 const char **argv, int *index, const char **value) {
  if (!spelling)
    return 0;
  if (spec->kind == OPTION_FLAG)
    return strcmp(argv[*index], spelling) == 0;
  return option_with_value(spelling, argc, argv, index, value);
}

/* Parses the option at argv[*index]; returns OPTIONS_OK or an exit code. */
static int parse_one(const option_spec *specs, size_t spec_count,
                     const command_usage *usage, int argc, const char **argv,
                     int *index, FILE *out, FILE *err) {
  const char *arg = argv[*index];
  if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
    fprintf(out, "%s%s", usage->usage, usage->help);
    return 0;
  }
  for (size_t i = 0; i < spec_count; i++) {
    const char *value = NULL;
    int matched = match(&specs[i], specs[i].name, argc, argv, index, &value);
    if (matched == 0)
      matched =
          match(&specs[i], specs[i].short_name, argc, argv, index, &value);
    if (matched < 0)
      return usage_error(usage, err, "option '%s' needs a value", arg);
    if (matched > 0) {
      int result = store(&specs[i], value, usage, err);
      return result ? result : OPTIONS_OK;
    }
  }
  return usage_error(usage, err, "unknown option '%s'", arg);
}

int parse_options(const option_spec *specs, size_t spec_count,
                  const command_usage *usage, int argc, const char **argv,
                  path_list *positional, FILE *out, FILE *err) {
  int only_positional = 0;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (path_list_add(positional, arg) != 0) {
        fprintf(err, "escape %s: out of memory\n", usage->name);
        return 2;
      }
    } else if (strcmp(arg, "--") == 0) {
      only_positional = 1;
    } else {
      int result =
          parse_one(specs, spec_count, usage, argc, argv, &i, out, err);
      if (result != OPTIONS_OK)
        return result;
    }
  }
  return OPTIONS_OK;
}
