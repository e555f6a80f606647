#define _POSIX_C_SOURCE 200809L
#include "input_paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int has_suffix(const char *s, const char *suffix) {
  size_t len = strlen(s), suffix_len = strlen(suffix);
  return len >= suffix_len && strcmp(s + len - suffix_len, suffix) == 0;
}

static int is_remark_file_name(const char *name) {
  return has_suffix(name, ".escape.yaml") || has_suffix(name, ".opt.yaml") ||
         input_paths_is_object_name(name);
}

int input_paths_is_object_name(const char *name) {
  return has_suffix(name, ".o") || has_suffix(name, ".a");
}

/* A remark file found in a directory: a regular file, or a symlink to one.
 * Symlinked directories are not followed, so link cycles cannot loop. */
static int is_regular_file(const char *path, const struct stat *st) {
  struct stat target;
  if (S_ISREG(st->st_mode))
    return 1;
  return S_ISLNK(st->st_mode) && stat(path, &target) == 0 &&
         S_ISREG(target.st_mode);
}

/* Adds dir's remark files to out and its subdirectories to pending. */
static int scan_directory(const char *dir, string_list *out,
                          string_list *pending, escape_strbuf *err) {
  DIR *stream = opendir(dir);
  if (!stream) {
    escape_strbuf_addf(err, "%s: error: cannot open directory: %s", dir,
                       strerror(errno));
    return -1;
  }
  escape_strbuf child;
  escape_strbuf_init(&child);
  int result = 0;
  struct dirent *entry;
  while (result == 0 && (entry = readdir(stream)) != NULL) {
    const char *name = entry->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
      continue;
    escape_strbuf_reset(&child);
    escape_strbuf_addstr(&child, dir);
    if (!has_suffix(dir, "/"))
      escape_strbuf_addch(&child, '/');
    escape_strbuf_addstr(&child, name);
    struct stat st;
    if (child.failed || lstat(child.buf, &st) != 0)
      continue; /* removed while we look: not an input */
    if (S_ISDIR(st.st_mode))
      result = string_list_add(pending, child.buf);
    else if (is_remark_file_name(name) && is_regular_file(child.buf, &st))
      result = string_list_add(out, child.buf);
  }
  closedir(stream);
  if (result != 0 || child.failed)
    escape_strbuf_addf(err, "%s: error: out of memory", dir);
  escape_strbuf_release(&child);
  return result != 0 || child.failed ? -1 : 0;
}

static int compare_paths(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks dir with an explicit stack (no recursion), then sorts what it found
 * so that reports do not depend on readdir order. */
static int expand_directory(const char *dir, string_list *out,
                            escape_strbuf *err) {
  size_t first = out->count;
  string_list pending;
  string_list_init(&pending);
  int result = string_list_add(&pending, dir);
  while (result == 0 && pending.count > 0) {
    char *next = pending.items[--pending.count];
    result = scan_directory(next, out, &pending, err);
    free(next);
  }
  string_list_release(&pending);
  if (result != 0 && err->len == 0)
    escape_strbuf_addf(err, "%s: error: out of memory", dir);
  if (result == 0)
    qsort(out->items + first, out->count - first, sizeof *out->items,
          compare_paths);
  return result;
}

int input_paths_expand(const char *path, string_list *out, escape_strbuf *err) {
  struct stat st;
  if (strcmp(path, "-") != 0 && stat(path, &st) != 0) {
    escape_strbuf_addf(err, "%s: error: cannot open: %s", path,
                       strerror(errno));
    return -1;
  }
  if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode))
    return expand_directory(path, out, err);
  if (string_list_add(out, path) == 0)
    return 0;
  escape_strbuf_addf(err, "%s: error: out of memory", path);
  return -1;
}
