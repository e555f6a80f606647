// The project configuration file `.escape.conf`, found upward from the
// working directory (the first one wins) and read by the report-like
// commands, by the launcher (`escape cc`) and by the language server. One
// setting per line, `key = value`; `#` starts a comment line; blank lines
// are ignored:
//
//     # repeatable: only remarks in files matching one of these
//     include = src/**
//     # repeatable: never remarks in files matching these
//     exclude = tests/**
//     # only these remark names (comma-separated)
//     name = NotInlined,LocalEscapes
//
// The globs are path_glob.h's. Command-line --include/--exclude add to the
// file's; --name replaces its names. The launcher compiles a source that
// the file leaves out without the plugin.
#ifndef ESCAPE_DRIVER_PROJECT_CONFIG_H
#define ESCAPE_DRIVER_PROJECT_CONFIG_H

#include "escape/strbuf.h"
#include "string_list.h"

#define PROJECT_CONFIG_NAME ".escape.conf"

typedef struct project_config {
  char *path; /* the file read; NULL when there is none */
  string_list include;
  string_list exclude;
  string_list names;
} project_config;

/* Initializes an empty configuration (no file). */
void project_config_init(project_config *config);

/* Frees everything; leaves an empty configuration. */
void project_config_release(project_config *config);

/* Parses text (the contents of the file named path) into config. Returns
 * 0, or -1 with "PATH:LINE: error: ..." in err. */
int project_config_parse(project_config *config, const char *path,
                         const char *text, escape_strbuf *err);

/* Reads the file at path into config; returns 0, or -1 with err set. */
int project_config_read(project_config *config, const char *path,
                        escape_strbuf *err);

/* Finds PROJECT_CONFIG_NAME in dir or the nearest directory above it and
 * reads it into config (initialized here). No file is no error: returns
 * 0 with config->path NULL. Returns -1 with err set when the file found
 * cannot be read or is malformed. */
int project_config_find(project_config *config, const char *dir,
                        escape_strbuf *err);

/* Whether the configuration's and the extra include/exclude globs keep a
 * remark in file (NULL: a remark without a location, kept unless some
 * include glob is given). extra_include and extra_exclude may be NULL. */
int project_config_selects(const project_config *config,
                           const string_list *extra_include,
                           const string_list *extra_exclude, const char *file);

#endif
