#define _POSIX_C_SOURCE 200809L /* strdup */
#include "string_list.h"

#include <stdlib.h>
#include <string.h>

void string_list_init(string_list *list) {
  list->items = NULL;
  list->count = 0;
  list->alloc = 0;
}

void string_list_release(string_list *list) {
  for (size_t i = 0; i < list->count; i++)
    free(list->items[i]);
  free(list->items);
  string_list_init(list);
}

int string_list_add(string_list *list, const char *s) {
  if (list->count == list->alloc) {
    size_t alloc = list->alloc ? 2 * list->alloc : 16;
    char **items = realloc(list->items, alloc * sizeof *items);
    if (!items)
      return -1;
    list->items = items;
    list->alloc = alloc;
  }
  char *copy = strdup(s);
  if (!copy)
    return -1;
  list->items[list->count++] = copy;
  return 0;
}

int string_list_add_split(string_list *list, const char *text) {
  char *copy = strdup(text);
  if (!copy)
    return -1;
  int result = 0;
  for (char *item = copy, *next; item && result == 0; item = next) {
    next = strchr(item, ',');
    if (next)
      *next++ = '\0';
    if (*item)
      result = string_list_add(list, item);
  }
  free(copy);
  return result;
}

int string_list_has(const string_list *list, const char *s) {
  for (size_t i = 0; i < list->count; i++)
    if (strcmp(list->items[i], s) == 0)
      return 1;
  return 0;
}
