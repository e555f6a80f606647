#include "report_table.h"

#include <stdlib.h>
#include <string.h>

void report_table_init(report_table *table) { memset(table, 0, sizeof *table); }

void report_table_release(report_table *table) {
  for (size_t i = 0; i < table->count; i++)
    free(table->entries[i]);
  free(table->entries);
  free(table->slots);
  report_table_init(table);
}

/* FNV-1a over a string and its terminating NUL, so "ab","c" != "a","bc". */
static uint64_t hash_string(uint64_t hash, const char *s) {
  do {
    hash ^= (unsigned char)*s;
    hash *= 0x100000001b3ULL;
  } while (*s++);
  return hash;
}

static uint64_t hash_number(uint64_t hash, unsigned number) {
  for (int i = 0; i < 4; i++) {
    hash ^= (number >> (8 * i)) & 0xFF;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

/* The function only tells entries apart when there is no file to do so. */
static const char *identity_function(const escape_remark *remark) {
  return remark->loc.file || !remark->function ? "" : remark->function;
}

static uint64_t hash_remark(const escape_remark *remark, const char *message) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  hash = hash_string(hash, remark->name);
  hash = hash_string(hash, remark->loc.file ? remark->loc.file : "");
  hash = hash_string(hash, identity_function(remark));
  hash = hash_number(hash, remark->loc.line);
  hash = hash_number(hash, remark->loc.column);
  return hash_string(hash, message);
}

static int same_string(const char *a, const char *b) {
  if (!a || !b)
    return a == b;
  return strcmp(a, b) == 0;
}

static int entry_matches(const report_entry *entry, uint64_t hash,
                         const escape_remark *remark, const char *message) {
  return entry->hash == hash && entry->line == remark->loc.line &&
         entry->column == remark->loc.column &&
         same_string(entry->file, remark->loc.file) &&
         strcmp(entry->name, remark->name) == 0 &&
         strcmp(entry->message, message) == 0 &&
         (entry->file ||
          strcmp(entry->function, identity_function(remark)) == 0);
}

/* Copies s into the entry's string area at *cursor. */
static const char *place(char **cursor, const char *s) {
  size_t len = strlen(s) + 1;
  char *copy = memcpy(*cursor, s, len);
  *cursor += len;
  return copy;
}

/* Allocates an entry and its strings as one block. */
static report_entry *entry_new(const escape_remark *remark, const char *message,
                               uint64_t hash, size_t input) {
  const char *file = remark->loc.file;
  const char *function = remark->function ? remark->function : "";
  size_t size = sizeof(report_entry) + strlen(remark->name) + 1 +
                (file ? strlen(file) + 1 : 0) + strlen(function) + 1 +
                strlen(message) + 1;
  report_entry *entry = malloc(size);
  if (!entry)
    return NULL;
  char *cursor = (char *)(entry + 1);
  entry->name = place(&cursor, remark->name);
  entry->file = file ? place(&cursor, file) : NULL;
  entry->function = place(&cursor, function);
  entry->message = place(&cursor, message);
  entry->line = remark->loc.line;
  entry->column = remark->loc.column;
  entry->input_count = 1;
  entry->last_input = input;
  entry->hash = hash;
  return entry;
}

/* Rebuilds the hash index with twice the entries' count of slots or more. */
static int grow_index(report_table *table) {
  size_t slot_count = table->slot_count ? 2 * table->slot_count : 1024;
  size_t *slots = calloc(slot_count, sizeof *slots);
  if (!slots)
    return -1;
  for (size_t i = 0; i < table->count; i++) {
    size_t slot = (size_t)table->entries[i]->hash & (slot_count - 1);
    while (slots[slot])
      slot = (slot + 1) & (slot_count - 1);
    slots[slot] = i + 1;
  }
  free(table->slots);
  table->slots = slots;
  table->slot_count = slot_count;
  return 0;
}

/* Appends entry to the entry array and the index. */
static int insert(report_table *table, report_entry *entry, size_t slot) {
  if (table->count == table->alloc) {
    size_t alloc = table->alloc ? 2 * table->alloc : 256;
    report_entry **entries = realloc(table->entries, alloc * sizeof *entries);
    if (!entries)
      return -1;
    table->entries = entries;
    table->alloc = alloc;
  }
  table->entries[table->count++] = entry;
  table->slots[slot] = table->count;
  return 0;
}

int report_table_add(report_table *table, const escape_remark *remark,
                     const char *message, size_t input) {
  if (2 * (table->count + 1) > table->slot_count && grow_index(table) != 0)
    return -1;
  uint64_t hash = hash_remark(remark, message);
  size_t mask = table->slot_count - 1;
  size_t slot = (size_t)hash & mask;
  for (; table->slots[slot]; slot = (slot + 1) & mask) {
    report_entry *entry = table->entries[table->slots[slot] - 1];
    if (!entry_matches(entry, hash, remark, message))
      continue;
    if (entry->last_input != input) {
      entry->input_count++;
      entry->last_input = input;
    }
    return 0;
  }
  report_entry *entry = entry_new(remark, message, hash, input);
  if (!entry || insert(table, entry, slot) != 0) {
    free(entry);
    return -1;
  }
  return 0;
}

static int compare_numbers(unsigned a, unsigned b) { return (a > b) - (a < b); }

static int compare_entries(const void *left, const void *right) {
  const report_entry *a = *(report_entry *const *)left;
  const report_entry *b = *(report_entry *const *)right;
  int diff;
  if (!a->file != !b->file)
    return a->file ? -1 : 1;
  if (a->file && (diff = strcmp(a->file, b->file)) != 0)
    return diff;
  if (!a->file && (diff = strcmp(a->function, b->function)) != 0)
    return diff;
  if ((diff = compare_numbers(a->line, b->line)) != 0 ||
      (diff = compare_numbers(a->column, b->column)) != 0 ||
      (diff = strcmp(a->name, b->name)) != 0)
    return diff;
  return strcmp(a->message, b->message);
}

void report_table_sort(report_table *table) {
  if (table->count > 1)
    qsort(table->entries, table->count, sizeof *table->entries,
          compare_entries);
  free(table->slots);
  table->slots = NULL;
  table->slot_count = 0;
}
