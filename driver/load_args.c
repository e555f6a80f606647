#define _XOPEN_SOURCE 700 /* realpath */
#include "load_args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"

void load_args_init(load_args *args) {
  memset(args, 0, sizeof *args);
  path_list_init(&args->names);
  path_list_init(&args->include);
  path_list_init(&args->exclude);
  project_config_init(&args->config);
}

void load_args_release(load_args *args) {
  path_list_release(&args->names);
  path_list_release(&args->include);
  path_list_release(&args->exclude);
  project_config_release(&args->config);
  free(args->resolved_root);
  args->resolved_root = NULL;
}

void load_args_specs(load_args *args, option_spec *specs) {
  specs[0] = (option_spec){"--name", NULL, OPTION_LIST, &args->names};
  specs[1] = (option_spec){"--hot", NULL, OPTION_FLAG, &args->hot};
  specs[2] =
      (option_spec){"--all-passes", NULL, OPTION_FLAG, &args->all_passes};
  specs[3] = (option_spec){"--root", NULL, OPTION_STRING, &args->root};
  specs[4] = (option_spec){"--jobs", "-j", OPTION_UNSIGNED, &args->jobs};
  specs[5] = (option_spec){"--include", NULL, OPTION_REPEAT, &args->include};
  specs[6] = (option_spec){"--exclude", NULL, OPTION_REPEAT, &args->exclude};
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
  fprintf(err, "escape %s: error: unknown remark name '%s'; valid names:",
          command, name);
  size_t count;
  const escape_catalog_entry *table = escape_catalog(&count);
  for (size_t i = 0; i < count; i++)
    fprintf(err, "%s %s", i ? "," : "", table[i].name);
  fprintf(err, " (other passes' names need --all-passes)\n");
  return 2;
}

/* Checks the names to select; other passes' names are only known with
 * --all-passes, which keeps their remarks. */
static int check_names(const load_args *args, const path_list *names,
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
  const char *root = args->root ? args->root : default_root;
  if (root) {
    /* Files in the YAML are usually absolute: compare like with like. */
    args->resolved_root = realpath(root, NULL);
    if (!args->resolved_root) {
      fprintf(err, "escape %s: --root %s: %s\n", command, root,
              strerror(errno));
      return 2;
    }
  }
  escape_strbuf message;
  escape_strbuf_init(&message);
  if (project_config_find(&args->config, ".", &message) != 0) {
    fprintf(err, "escape: %s\n", message.buf);
    escape_strbuf_release(&message);
    return 2;
  }
  escape_strbuf_release(&message);
  const path_list *names =
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
  return 0;
}
