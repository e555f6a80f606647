#define _XOPEN_SOURCE 700 /* realpath, strdup */
#include "project_config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "path_glob.h"

void project_config_init(project_config *config) {
  config->path = NULL;
  string_list_init(&config->include);
  string_list_init(&config->exclude);
  string_list_init(&config->names);
}

void project_config_release(project_config *config) {
  free(config->path);
  string_list_release(&config->include);
  string_list_release(&config->exclude);
  string_list_release(&config->names);
  project_config_init(config);
}

/* [begin, end) without surrounding blanks, copied into a new string. */
static char *trimmed(const char *begin, const char *end) {
  while (begin < end && isspace((unsigned char)*begin))
    begin++;
  while (end > begin && isspace((unsigned char)end[-1]))
    end--;
  char *copy = malloc((size_t)(end - begin) + 1);
  if (copy) {
    memcpy(copy, begin, (size_t)(end - begin));
    copy[end - begin] = '\0';
  }
  return copy;
}

/* Adds the comma-separated names of value. */
static int add_names(string_list *names, char *value) {
  for (char *item = value, *next; item; item = next) {
    next = strchr(item, ',');
    if (next)
      *next++ = '\0';
    char *name = trimmed(item, item + strlen(item));
    int failed = !name || (*name && string_list_add(names, name) != 0);
    free(name);
    if (failed)
      return -1;
  }
  return 0;
}

/* Applies one "key = value" line; returns 0, 1 for an unknown key or a
 * missing value, -1 when out of memory. */
static int apply(project_config *config, const char *key, char *value) {
  if (!*value)
    return 1;
  if (strcmp(key, "include") == 0)
    return string_list_add(&config->include, value);
  if (strcmp(key, "exclude") == 0)
    return string_list_add(&config->exclude, value);
  if (strcmp(key, "name") == 0)
    return add_names(&config->names, value);
  return 1;
}

/* Parses one line (without its newline). */
static int parse_line(project_config *config, const char *path, unsigned number,
                      const char *line, const char *end, escape_strbuf *err) {
  const char *p = line;
  while (p < end && isspace((unsigned char)*p))
    p++;
  if (p == end || *p == '#')
    return 0;
  const char *equals = memchr(p, '=', (size_t)(end - p));
  if (!equals) {
    escape_strbuf_addf(err, "%s:%u: error: expected 'key = value'", path,
                       number);
    return -1;
  }
  char *key = trimmed(p, equals), *value = trimmed(equals + 1, end);
  int result = key && value ? apply(config, key, value) : -1;
  if (result > 0)
    escape_strbuf_addf(err,
                       *value ? "%s:%u: error: unknown key '%s'; valid keys: "
                                "include, exclude, name"
                              : "%s:%u: error: '%s' needs a value",
                       path, number, key);
  else if (result < 0)
    escape_strbuf_addf(err, "%s:%u: error: out of memory", path, number);
  free(key);
  free(value);
  return result ? -1 : 0;
}

int project_config_parse(project_config *config, const char *path,
                         const char *text, escape_strbuf *err) {
  unsigned number = 1;
  for (const char *line = text; *line; number++) {
    const char *end = strchr(line, '\n');
    if (!end)
      end = line + strlen(line);
    if (parse_line(config, path, number, line, end, err) != 0)
      return -1;
    line = *end ? end + 1 : end;
  }
  return 0;
}

int project_config_read(project_config *config, const char *path,
                        escape_strbuf *err) {
  FILE *file = fopen(path, "r");
  if (!file) {
    escape_strbuf_addf(err, "%s: error: cannot open: %s", path,
                       strerror(errno));
    return -1;
  }
  escape_strbuf text;
  escape_strbuf_init(&text);
  char chunk[4096];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, file)) > 0)
    escape_strbuf_add(&text, chunk, got);
  int failed = ferror(file) || text.failed;
  fclose(file);
  int result = -1;
  if (failed)
    escape_strbuf_addf(err, "%s: error: cannot read", path);
  else if (memchr(text.buf, '\0', text.len))
    escape_strbuf_addf(err, "%s: error: not a text file", path);
  else
    result = project_config_parse(config, path, text.buf, err);
  escape_strbuf_release(&text);
  if (result == 0 && !(config->path = strdup(path))) {
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    result = -1;
  }
  return result;
}

/* Whether path names a regular file that can be opened. */
static int readable_file(const char *path) {
  FILE *probe = fopen(path, "r");
  if (probe)
    fclose(probe);
  return probe != NULL;
}

int project_config_find(project_config *config, const char *dir,
                        escape_strbuf *err) {
  project_config_init(config);
  char *at = realpath(dir && *dir ? dir : ".", NULL);
  if (!at)
    return 0; /* an unreadable directory has no configuration either */
  escape_strbuf candidate;
  escape_strbuf_init(&candidate);
  int result = 0;
  for (;;) {
    escape_strbuf_reset(&candidate);
    escape_strbuf_addf(&candidate, "%s/%s", strcmp(at, "/") ? at : "",
                       PROJECT_CONFIG_NAME);
    if (candidate.failed) {
      escape_strbuf_addstr(err, "error: out of memory");
      result = -1;
      break;
    }
    if (readable_file(candidate.buf)) {
      result = project_config_read(config, candidate.buf, err);
      break;
    }
    char *slash = strrchr(at, '/');
    if (!slash || strcmp(at, "/") == 0)
      break;
    slash[slash == at ? 1 : 0] = '\0';
  }
  escape_strbuf_release(&candidate);
  free(at);
  return result;
}

/* Whether any glob of globs matches file. */
static int any_match(const string_list *globs, const char *file) {
  for (size_t i = 0; globs && i < globs->count; i++)
    if (path_glob_match(globs->items[i], file))
      return 1;
  return 0;
}

int project_config_selects(const project_config *config,
                           const string_list *extra_include,
                           const string_list *extra_exclude, const char *file) {
  size_t includes = (config ? config->include.count : 0) +
                    (extra_include ? extra_include->count : 0);
  if (!file)
    return includes == 0;
  if (includes && !(config && any_match(&config->include, file)) &&
      !any_match(extra_include, file))
    return 0;
  return !(config && any_match(&config->exclude, file)) &&
         !any_match(extra_exclude, file);
}
