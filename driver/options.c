#include "options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error_report.h"

/* Where the option help starts: after "    " and the option's spelling. */
enum { HELP_COLUMN = 20 };

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

static int parse_unsigned(const char *text, unsigned *out) {
  char *end;
  errno = 0;
  unsigned long value = strtoul(text, &end, 10);
  if (!*text || *text == '-' || *end || errno || value > 1000000000UL)
    return -1;
  *out = (unsigned)value;
  return 0;
}

/* "-o, --output FILE", "--all", "-j N" as --help spells the option. */
static int print_spelling(FILE *out, const option_spec *spec) {
  int width = 0;
  if (spec->short_name)
    width += fprintf(out, "%s%s", spec->short_name, spec->name ? ", " : "");
  if (spec->name)
    width += fprintf(out, "%s", spec->name);
  if (spec->value_name)
    width += fprintf(out, " %s", spec->value_name);
  return width;
}

static void print_option(FILE *out, const option_spec *spec) {
  int width = fprintf(out, "    ");
  width += print_spelling(out, spec);
  const char *help = spec->help ? spec->help : "";
  if (width >= HELP_COLUMN - 1) {
    fputc('\n', out);
    width = 0;
  }
  for (int first = 1; first || *help; first = 0) {
    const char *end = strchr(help, '\n');
    size_t len = end ? (size_t)(end - help) : strlen(help);
    fprintf(out, "%*s%.*s\n", HELP_COLUMN - (first ? width : 0), "", (int)len,
            help);
    help += len + (end ? 1 : 0);
    if (first)
      width = 0;
  }
}

void usage_with_options(FILE *out, const command_usage *usage,
                        const option_spec *specs, size_t spec_count) {
  fprintf(out, "%s", usage->usage);
  if (usage->description)
    fprintf(out, "\n%s", usage->description);
  if (spec_count)
    fputc('\n', out);
  for (size_t i = 0; i < spec_count; i++)
    print_option(out, &specs[i]);
  if (usage->epilog)
    fprintf(out, "%s", usage->epilog);
}

static int usage_error(const command_usage *usage, FILE *err, const char *fmt,
                       const char *arg) {
  return error_usage(err, usage->name, usage->usage, fmt, arg);
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
    failed = string_list_add_split(spec->value, value);
    break;
  case OPTION_REPEAT:
    failed = string_list_add(spec->value, value);
    break;
  case OPTION_UNSIGNED:
    if (parse_unsigned(value, spec->value) != 0)
      return usage_error(usage, err, "'%s' is not a number", value);
    break;
  }
  return failed ? error_out_of_memory(err) : 0;
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
    usage_with_options(out, usage, specs, spec_count);
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
                  string_list *positional, FILE *out, FILE *err) {
  int only_positional = 0;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (string_list_add(positional, arg) != 0)
        return error_out_of_memory(err);
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
