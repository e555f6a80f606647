#define _XOPEN_SOURCE 700 /* realpath */
#include "load_args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "error_report.h"
#include "escape/remark_catalog.h"

void load_args_init(load_args *args) {
  memset(args, 0, sizeof *args);
  string_list_init(&args->names);
  string_list_init(&args->include);
  string_list_init(&args->exclude);
  project_config_init(&args->config);
}

void load_args_release(load_args *args) {
  string_list_release(&args->names);
  string_list_release(&args->include);
  string_list_release(&args->exclude);
  project_config_release(&args->config);
  free(args->resolved_root);
  args->resolved_root = NULL;
}

/* Whether name is a remark kind of the catalog. */
static int known_name(const char *name) {
  size_t count;
  const escape_catalog_entry *table = escape_catalog(&count);
  for (size_t i = 0; i < count; i++)
    if (strcmp(table[i].name, name) == 0)
      return 1;
  return 0;
}

/* Prints the usage error of an unknown name with the valid ones. */
static int unknown_name(const char *command, const char *name, FILE *err) {
  escape_strbuf names;
  escape_strbuf_init(&names);
  escape_catalog_add_names(&names);
  error_usage(err, command, NULL,
              "unknown remark name '%s'; valid names: %s (other passes' "
              "names need --all-passes)",
              name, names.failed ? "see escape explain --list" : names.buf);
  escape_strbuf_release(&names);
  return 2;
}

/* Checks the names to select; other passes' names are only known with
 * --all-passes, which keeps their remarks. */
static int check_names(const load_args *args, const string_list *names,
                       const char *command, FILE *err) {
  if (args->all_passes)
    return 0;
  for (size_t i = 0; i < names->count; i++)
    if (!known_name(names->items[i]))
      return unknown_name(command, names->items[i], err);
  return 0;
}

int load_args_options(load_args *args, const char *default_root,
                      const char *command, load_options *options, FILE *err) {
  *options = (load_options){0}; /* what is not set here is not used */
  const char *root = args->root ? args->root : default_root;
  if (root) {
    /* Files in the YAML are usually absolute: compare like with like. */
    args->resolved_root = realpath(root, NULL);
    if (!args->resolved_root) {
      return error_usage(err, command, NULL, "--root %s: %s", root,
                         strerror(errno));
    }
  }
  escape_strbuf message;
  escape_strbuf_init(&message);
  int found = project_config_find(&args->config, ".", &message);
  if (found != 0)
    error_input(err, message.buf);
  escape_strbuf_release(&message);
  if (found != 0)
    return 2;
  const string_list *names =
      args->names.count ? &args->names : &args->config.names;
  if (check_names(args, names, command, err) != 0)
    return 2;
  options->names = names;
  options->config = &args->config;
  options->include = &args->include;
  options->exclude = &args->exclude;

  options->hot_only = args->hot;
  options->all_passes = args->all_passes;
  options->root = args->resolved_root;
  options->jobs = args->jobs;
  options->suppressed = args->suppressed;
  options->assertions = args->assertions;
  return 0;
}
