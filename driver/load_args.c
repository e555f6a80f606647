#define _XOPEN_SOURCE 700 /* realpath */
#include "load_args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void load_args_init(load_args *args) {
  memset(args, 0, sizeof *args);
  path_list_init(&args->names);
}

void load_args_release(load_args *args) {
  path_list_release(&args->names);
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
  specs[5] =
      (option_spec){"--suppressed", NULL, OPTION_FLAG, &args->suppressed};
  specs[6] =
      (option_spec){"--assertions", NULL, OPTION_FLAG, &args->assertions};
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
  options->names = &args->names;
  options->hot_only = args->hot;
  options->all_passes = args->all_passes;
  options->root = args->resolved_root;
  options->jobs = args->jobs;
  options->suppressed = args->suppressed;
  options->assertions = args->assertions;
  return 0;
}
