#include "path_glob.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* Whether the component at pattern (up to '/' or the end) matches the one
 * at path; both lengths are given. */
static int component_matches(const char *pattern, size_t pattern_len,
                             const char *path, size_t path_len) {
  char small_pattern[256], small_path[256];
  if (pattern_len >= sizeof small_pattern || path_len >= sizeof small_path)
    return pattern_len == path_len && memcmp(pattern, path, path_len) == 0;
  memcpy(small_pattern, pattern, pattern_len);
  small_pattern[pattern_len] = '\0';
  memcpy(small_path, path, path_len);
  small_path[path_len] = '\0';
  return fnmatch(small_pattern, small_path, FNM_PATHNAME) == 0;
}

static int is_globstar(const char *pattern) {
  return pattern[0] == '*' && pattern[1] == '*' &&
         (pattern[2] == '/' || pattern[2] == '\0');
}

/* Matches the components of pattern against those of path, whole. */
static int match_from(const char *pattern, const char *path) {
  if (!*pattern)
    return !*path;
  if (is_globstar(pattern)) {
    const char *rest = pattern[2] ? pattern + 3 : pattern + 2;
    if (!*rest)
      return 1;
    for (const char *at = path;;) {
      if (match_from(rest, at))
        return 1;
      at = strchr(at, '/');
      if (!at)
        return 0;
      at++;
    }
  }
  const char *pattern_end = strchr(pattern, '/');
  const char *path_end = strchr(path, '/');
  size_t pattern_len =
      pattern_end ? (size_t)(pattern_end - pattern) : strlen(pattern);
  size_t path_len = path_end ? (size_t)(path_end - path) : strlen(path);
  if (!component_matches(pattern, pattern_len, path, path_len))
    return 0;
  if (!pattern_end || !path_end)
    return !pattern_end && !path_end;
  return match_from(pattern_end + 1, path_end + 1);
}

int path_glob_match(const char *pattern, const char *path) {
  if (!pattern || !path)
    return 0;
  if (pattern[0] == '/')
    return path[0] == '/' && match_from(pattern + 1, path + 1);
  for (const char *at = path;;) {
    while (*at == '/')
      at++;
    if (match_from(pattern, at))
      return 1;
    at = strchr(at, '/');
    if (!at)
      return 0;
  }
}
