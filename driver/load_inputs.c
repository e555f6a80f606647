#define _POSIX_C_SOURCE 200809L
#include "load_inputs.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "object_remarks.h"

#define YAML_SUFFIX ".escape.yaml"

void load_inputs_release(load_input_list *list) {
  string_list_release(&list->paths);
  free(list->items);
  list->items = NULL;
  list->count = 0;
}

static int is_directory(const char *path) {
  struct stat st;
  return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A file named on the command line is read for embedded remarks when its
 * name or its first bytes say object or archive. */
static int named_object(const char *path) {
  size_t len = strlen(path);
  if (strcmp(path, "-") == 0 ||
      (len >= 9 && strcmp(path + len - 9, ".opt.yaml") == 0) ||
      (len >= 12 && strcmp(path + len - 12, YAML_SUFFIX) == 0))
    return 0;
  return input_paths_is_object_name(path) || object_remarks_sniff(path);
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The object inputs' paths, sorted for lookups; NULL when there are none
 * (or no memory, which only costs the rule below). */
static char **sorted_objects(const load_input_list *list, size_t *count) {
  char **objects = malloc((list->count ? list->count : 1) * sizeof *objects);
  *count = 0;
  if (!objects)
    return NULL;
  for (size_t i = 0; i < list->count; i++)
    if (list->items[i].object)
      objects[(*count)++] = (char *)list->items[i].path;
  qsort(objects, *count, sizeof *objects, compare_strings);
  return objects;
}

/* Whether yaml is "S.escape.yaml" with an input "S.o" that has the section. */
static int shadowed(const char *yaml, char **objects, size_t count,
                    escape_strbuf *scratch) {
  size_t len = strlen(yaml), suffix = strlen(YAML_SUFFIX);
  if (count == 0 || len <= suffix || strcmp(yaml + len - suffix, YAML_SUFFIX))
    return 0;
  escape_strbuf_reset(scratch);
  escape_strbuf_add(scratch, yaml, len - suffix);
  escape_strbuf_addstr(scratch, ".o");
  const char *key = scratch->buf;
  if (scratch->failed ||
      !bsearch(&key, objects, count, sizeof *objects, compare_strings))
    return 0;
  return object_remarks_present(key);
}

/* Drops the YAML files whose object beside them carries the same remarks. */
static void drop_shadowed(load_input_list *list) {
  size_t object_count;
  char **objects = sorted_objects(list, &object_count);
  if (!objects)
    return;
  escape_strbuf scratch;
  escape_strbuf_init(&scratch);
  size_t kept = 0;
  for (size_t i = 0; i < list->count; i++) {
    load_input *input = &list->items[i];
    if (input->object ||
        !shadowed(input->path, objects, object_count, &scratch))
      list->items[kept++] = *input;
  }
  list->count = kept;
  escape_strbuf_release(&scratch);
  free(objects);
}

int load_inputs_expand(const string_list *args, load_input_list *out,
                       escape_strbuf *err) {
  string_list_init(&out->paths);
  out->items = NULL;
  out->count = 0;
  unsigned char *named = calloc(args->count ? args->count : 1, 1);
  size_t *ends = calloc(args->count ? args->count : 1, sizeof *ends);
  int result = named && ends ? 0 : -1;
  for (size_t i = 0; i < args->count && result == 0; i++) {
    named[i] = !is_directory(args->items[i]);
    result = input_paths_expand(args->items[i], &out->paths, err);
    ends[i] = out->paths.count;
  }
  if (result == 0) {
    out->items =
        malloc((out->paths.count ? out->paths.count : 1) * sizeof *out->items);
    result = out->items ? 0 : -1;
  }
  for (size_t i = 0, arg = 0; result == 0 && i < out->paths.count; i++) {
    while (ends[arg] <= i)
      arg++;
    const char *path = out->paths.items[i];
    int object =
        named[arg] ? named_object(path) : input_paths_is_object_name(path);
    out->items[out->count++] = (load_input){path, object, named[arg]};
  }
  if (result == 0)
    drop_shadowed(out);
  else if (err->len == 0)
    escape_strbuf_addstr(err, "error: out of memory");
  free(named);
  free(ends);
  return result;
}
