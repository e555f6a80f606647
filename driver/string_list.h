/* A growable list of owned strings: paths, option values, command lines.
 * Like git's string_list, without the sorting and the util pointers: the
 * driver only appends and reads. */
#ifndef ESCAPE_DRIVER_STRING_LIST_H
#define ESCAPE_DRIVER_STRING_LIST_H

#include <stddef.h>

typedef struct string_list {
  char **items;
  size_t count;
  size_t alloc;
} string_list;

/* Initializes an empty list. */
void string_list_init(string_list *list);

/* Frees every string and the list itself; leaves it empty. */
void string_list_release(string_list *list);

/* Appends a copy of s; returns 0, or -1 when out of memory. */
int string_list_add(string_list *list, const char *s);

/* Appends the items of a comma-separated list, skipping empty ones;
 * returns 0, or -1 when out of memory. */
int string_list_add_split(string_list *list, const char *text);

/* Whether the list holds s. */
int string_list_has(const string_list *list, const char *s);

/* The list's former name, for code written before string_list (and
 * branches in flight); new code says string_list. */
typedef string_list path_list;
#define path_list_init string_list_init
#define path_list_release string_list_release
#define path_list_add string_list_add

#endif
