#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"

/* FNV-1a; each string is hashed with its NUL so that "ab","c" != "a","bc". */
uint64_t fingerprint_hash_string(uint64_t hash, const char *s) {
  do {
    hash ^= (unsigned char)*s;
    hash *= 0x100000001b3ULL;
  } while (*s++);
  return hash;
}

uint64_t fingerprint_hash_number(uint64_t hash, unsigned long long number) {
  for (int i = 0; i < 8; i++) {
    hash ^= (number >> (8 * i)) & 0xFF;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

/* An optionally signed decimal integer. */
static int is_number(const char *s) {
  if (*s == '-')
    s++;
  if (!*s)
    return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9')
      return 0;
  return 1;
}

/* The steps of a flow chain: they follow the callees' bodies, which may
 * change (or be completed from another translation unit) while the remark
 * stays the same finding. */
static int is_flow_step(const escape_arg *arg) {
  return strcmp(arg->key, ESCAPE_KEY_HOP) == 0 ||
         strcmp(arg->key, ESCAPE_KEY_HOP_ARGNO) == 0 ||
         strcmp(arg->key, ESCAPE_KEY_STORE) == 0 ||
         strcmp(arg->key, ESCAPE_KEY_FLOW_END) == 0 ||
         strcmp(arg->key, ESCAPE_KEY_DEFINED) == 0;
}

int fingerprint_is_key_arg(const escape_arg *arg) {
  /* Suppressed: accepting a remark in the source keeps its identity. */
  return strcmp(arg->key, ESCAPE_KEY_STRING) != 0 &&
         strcmp(arg->key, ESCAPE_KEY_SUPPRESSED) != 0 && !is_flow_step(arg) &&
         !is_number(arg->value);
}

uint64_t fingerprint_hash_key_args(uint64_t hash, const escape_remark *remark) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    if (!fingerprint_is_key_arg(&remark->args[i]))
      continue;
    hash = fingerprint_hash_string(hash, remark->args[i].key);
    hash = fingerprint_hash_string(hash, remark->args[i].value);
  }
  return hash;
}

uint64_t fingerprint_base(const escape_remark *remark) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  hash = fingerprint_hash_string(hash, remark->name ? remark->name : "");
  hash =
      fingerprint_hash_string(hash, remark->loc.file ? remark->loc.file : "");
  hash =
      fingerprint_hash_string(hash, remark->function ? remark->function : "");
  return fingerprint_hash_key_args(hash, remark);
}

static int compare_items(const void *left, const void *right) {
  const fingerprint_item *a = *(fingerprint_item *const *)left;
  const fingerprint_item *b = *(fingerprint_item *const *)right;
  if (a->base != b->base)
    return a->base < b->base ? -1 : 1;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return (a->column > b->column) - (a->column < b->column);
}

int fingerprint_assign(fingerprint_item **items, size_t count) {
  fingerprint_item **sorted = malloc((count ? count : 1) * sizeof *sorted);
  if (!sorted)
    return -1;
  if (count) /* items may be NULL then */
    memcpy(sorted, items, count * sizeof *sorted);
  qsort(sorted, count, sizeof *sorted, compare_items);
  unsigned long long occurrence = 0;
  for (size_t i = 0; i < count; i++) {
    if (i > 0 && sorted[i]->base != sorted[i - 1]->base)
      occurrence = 0;
    uint64_t hash = fingerprint_hash_number(sorted[i]->base, occurrence++);
    snprintf(sorted[i]->text, sizeof sorted[i]->text, "%016llx",
             (unsigned long long)hash);
  }
  free(sorted);
  return 0;
}
