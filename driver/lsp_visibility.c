#define _POSIX_C_SOURCE 200809L
#include "lsp_visibility.h"

#include <stdlib.h>
#include <string.h>

void lsp_visibility_init(lsp_visibility *visibility) {
  visibility->rules = NULL;
  visibility->count = 0;
}

void lsp_visibility_release(lsp_visibility *visibility) {
  for (size_t i = 0; i < visibility->count; i++)
    free(visibility->rules[i].path);
  free(visibility->rules);
  lsp_visibility_init(visibility);
}

int lsp_visibility_set(lsp_visibility *visibility, const char *path,
                       int directory, int shown) {
  for (size_t i = 0; i < visibility->count; i++) {
    lsp_visibility_rule *rule = &visibility->rules[i];
    if (rule->directory != directory || strcmp(rule->path, path) != 0)
      continue;
    /* The newest choice goes last, so it wins over older ones below. */
    lsp_visibility_rule moved = *rule;
    memmove(rule, rule + 1, (visibility->count - i - 1) * sizeof *rule);
    moved.shown = shown;
    visibility->rules[visibility->count - 1] = moved;
    return 0;
  }
  lsp_visibility_rule *rules = realloc(
      visibility->rules, (visibility->count + 1) * sizeof *visibility->rules);
  if (!rules)
    return -1;
  visibility->rules = rules;
  char *copy = strdup(path);
  if (!copy)
    return -1;
  rules[visibility->count++] = (lsp_visibility_rule){copy, directory, shown};
  return 0;
}

/* Whether rule covers file. */
static int covers(const lsp_visibility_rule *rule, const char *file) {
  if (!rule->directory)
    return strcmp(rule->path, file) == 0;
  size_t len = strlen(rule->path);
  while (len > 1 && rule->path[len - 1] == '/')
    len--;
  return strncmp(rule->path, file, len) == 0 &&
         (file[len] == '/' || (len == 1 && rule->path[0] == '/'));
}

int lsp_visibility_shown(const lsp_visibility *visibility, const char *file) {
  for (size_t i = visibility->count; i-- > 0;)
    if (covers(&visibility->rules[i], file))
      return visibility->rules[i].shown;
  return 1;
}

int lsp_visibility_scope_shown(const lsp_visibility *visibility,
                               const char *path, int directory) {
  for (size_t i = visibility->count; i-- > 0;) {
    const lsp_visibility_rule *rule = &visibility->rules[i];
    if (rule->directory == directory && strcmp(rule->path, path) == 0)
      return rule->shown;
  }
  return 1;
}
