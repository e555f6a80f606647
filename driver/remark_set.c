#include "remark_set.h"

#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "name_demangle.h"
#include "remark_join.h"
#include "remark_place.h"
#include "remark_rank.h"

void remark_set_init(remark_set *set) { memset(set, 0, sizeof *set); }

void remark_set_release(remark_set *set) {
  for (size_t i = 0; i < set->count; i++)
    free(set->entries[i]);
  free(set->entries);
  free(set->slots);
  remark_set_init(set);
}

/* The function only tells remarks apart when there is no line to do so:
 * a header's remark is reported from several functions' copies, but two
 * line-0 remarks of one file (LLVM merged their calls) are one per
 * function. */
static const char *identity_function(const escape_remark *remark) {
  /* A Definition record is about its function: one file included twice
   * under two macro spellings defines two functions at one place. */
  if (remark->function && strcmp(remark->name, ESCAPE_DEFINITION_NAME) == 0)
    return remark->function;
  return (remark->loc.file && remark->loc.line) || !remark->function
             ? ""
             : remark->function;
}

static uint64_t identity_hash(const escape_remark *remark) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  hash = fingerprint_hash_string(hash, remark->name);
  hash =
      fingerprint_hash_string(hash, remark->loc.file ? remark->loc.file : "");
  hash = fingerprint_hash_string(hash, identity_function(remark));
  hash = fingerprint_hash_number(hash, remark->loc.line);
  hash = fingerprint_hash_number(hash, remark->loc.column);
  return fingerprint_hash_key_args(hash, remark);
}

static int same_string(const char *a, const char *b) {
  if (!a || !b)
    return a == b;
  return strcmp(a, b) == 0;
}

/* Whether the key args of a and b are the same, in the same order. */
static int same_key_args(const escape_remark *a, const escape_remark *b) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a->arg_count && !fingerprint_is_key_arg(&a->args[i]))
      i++;
    while (j < b->arg_count && !fingerprint_is_key_arg(&b->args[j]))
      j++;
    if (i == a->arg_count || j == b->arg_count)
      return i == a->arg_count && j == b->arg_count;
    if (strcmp(a->args[i].key, b->args[j].key) != 0 ||
        strcmp(a->args[i].value, b->args[j].value) != 0)
      return 0;
    i++;
    j++;
  }
}

static int same_identity(const escape_remark *a, uint64_t hash_a,
                         const escape_remark *b, uint64_t hash_b) {
  return hash_a == hash_b && a->loc.line == b->loc.line &&
         a->loc.column == b->loc.column &&
         same_string(a->loc.file, b->loc.file) &&
         strcmp(a->name, b->name) == 0 &&
         strcmp(identity_function(a), identity_function(b)) == 0 &&
         same_key_args(a, b);
}

/* Bytes for s and its NUL, 0 for NULL. */
static size_t string_size(const char *s) { return s ? strlen(s) + 1 : 0; }

/* Copies s into the entry's string area at *cursor; NULL stays NULL. */
static char *place(char **cursor, const char *s) {
  if (!s)
    return NULL;
  size_t len = strlen(s) + 1;
  char *copy = memcpy(*cursor, s, len);
  *cursor += len;
  return copy;
}

static size_t entry_size(const escape_remark *remark, const char *message,
                         const char *demangled) {
  size_t size = sizeof(remark_entry) + remark->arg_count * sizeof(escape_arg) +
                string_size(demangled) + string_size(remark->pass) +
                string_size(remark->name) + string_size(remark->function) +
                string_size(remark->loc.file) + string_size(message);
  for (size_t i = 0; i < remark->arg_count; i++)
    size += string_size(remark->args[i].key) +
            string_size(remark->args[i].value) +
            string_size(remark->args[i].loc.file);
  return size;
}

const char *remark_entry_function(const remark_entry *entry) {
  return entry->display_function ? entry->display_function : "";
}

unsigned remark_loop_depth(const escape_remark *remark) {
  const char *depth = escape_remark_arg(remark, ESCAPE_KEY_LOOP_DEPTH);
  if (!depth)
    return 0;
  unsigned long value = strtoul(depth, NULL, 10);
  return value > 1000 ? 1000 : (unsigned)value;
}

/* Allocates an entry, its args and all its strings as one block. */
static remark_entry *entry_new(const escape_remark *remark, const char *message,
                               uint64_t identity, size_t input) {
  char *demangled = name_demangle(remark->function);
  remark_entry *entry = malloc(entry_size(remark, message, demangled));
  if (!entry) {
    free(demangled);
    return NULL;
  }
  memset(entry, 0, sizeof *entry);
  escape_arg *args = (escape_arg *)(entry + 1);
  char *cursor = (char *)(args + remark->arg_count);
  escape_remark *copy = &entry->remark;
  copy->type = remark->type;
  copy->pass = place(&cursor, remark->pass);
  copy->name = place(&cursor, remark->name);
  copy->function = place(&cursor, remark->function);
  copy->loc = remark->loc;
  copy->loc.file = place(&cursor, remark->loc.file);
  copy->has_hotness = remark->has_hotness;
  copy->hotness = remark->hotness;
  copy->args = remark->arg_count ? args : NULL;
  copy->arg_count = remark->arg_count;
  for (size_t i = 0; i < remark->arg_count; i++) {
    args[i] = remark->args[i];
    args[i].key = place(&cursor, remark->args[i].key);
    args[i].value = place(&cursor, remark->args[i].value);
    args[i].loc.file = place(&cursor, remark->args[i].loc.file);
  }
  entry->message = place(&cursor, message);
  entry->display_function = place(&cursor, demangled);
  if (!entry->display_function)
    entry->display_function = copy->function ? copy->function : "";
  free(demangled);
  entry->tu_count = 1;
  entry->last_input = input;
  entry->identity = identity;
  entry->loop_depth = remark_loop_depth(remark);
  entry->display_line = remark->loc.line;
  entry->contexts = 1;
  return entry;
}

/* Rebuilds the hash index with twice the slots, or 1024 to start. */
static int grow_index(remark_set *set) {
  size_t slot_count = set->slot_count ? 2 * set->slot_count : 1024;
  size_t *slots = calloc(slot_count, sizeof *slots);
  if (!slots)
    return -1;
  for (size_t i = 0; i < set->count; i++) {
    size_t slot = (size_t)set->entries[i]->identity & (slot_count - 1);
    while (slots[slot])
      slot = (slot + 1) & (slot_count - 1);
    slots[slot] = i + 1;
  }
  free(set->slots);
  set->slots = slots;
  set->slot_count = slot_count;
  return 0;
}

/* Finds the slot of the entry equal to remark, or the free slot where it
 * goes; makes room first. Returns -1 when out of memory. */
static int find_slot(remark_set *set, const escape_remark *remark,
                     uint64_t identity, size_t *slot) {
  if (2 * (set->count + 1) > set->slot_count && grow_index(set) != 0)
    return -1;
  size_t mask = set->slot_count - 1;
  size_t i = (size_t)identity & mask;
  for (; set->slots[i]; i = (i + 1) & mask) {
    const remark_entry *entry = set->entries[set->slots[i] - 1];
    if (same_identity(&entry->remark, entry->identity, remark, identity))
      break;
  }
  *slot = i;
  return 0;
}

/* Appends entry to the entries and the index at slot. */
static int insert(remark_set *set, remark_entry *entry, size_t slot) {
  if (set->count == set->alloc) {
    size_t alloc = set->alloc ? 2 * set->alloc : 256;
    remark_entry **entries = realloc(set->entries, alloc * sizeof *entries);
    if (!entries)
      return -1;
    set->entries = entries;
    set->alloc = alloc;
  }
  set->entries[set->count++] = entry;
  set->slots[slot] = set->count;
  return 0;
}

/* Counts input for the entry in slot; returns 1 if there was one. */
static int count_existing(remark_set *set, size_t slot, size_t input) {
  if (!set->slots[slot])
    return 0;
  remark_entry *entry = set->entries[set->slots[slot] - 1];
  if (entry->last_input != input) {
    entry->tu_count++;
    entry->last_input = input;
  }
  return 1;
}

int remark_set_add(remark_set *set, const escape_remark *remark,
                   const char *message, size_t input) {
  uint64_t identity = identity_hash(remark);
  size_t slot;
  if (find_slot(set, remark, identity, &slot) != 0)
    return -1;
  if (count_existing(set, slot, input))
    return 0;
  remark_entry *entry = entry_new(remark, message, identity, input);
  if (!entry || insert(set, entry, slot) != 0) {
    free(entry);
    return -1;
  }
  return 0;
}

int remark_set_replace(remark_set *set, size_t index,
                       const escape_remark *remark, const char *message,
                       remark_entry **replaced) {
  const remark_entry *old = set->entries[index];
  remark_entry *entry = entry_new(remark, message, old->identity, 0);
  if (!entry)
    return -1;
  /* Everything the finished set knows of the entry but its remark. */
  entry->tu_count = old->tu_count;
  entry->last_input = old->last_input;
  entry->loop_depth = old->loop_depth;
  entry->fingerprint = old->fingerprint;
  entry->cost = old->cost;
  entry->contexts = old->contexts;
  entry->context_follower = old->context_follower;
  entry->display_line = old->display_line;
  *replaced = set->entries[index];
  set->entries[index] = entry;
  return 0;
}

int remark_set_merge(remark_set *dst, remark_set *src, size_t input) {
  size_t moved = 0;
  int result = 0;
  for (; moved < src->count; moved++) {
    remark_entry *entry = src->entries[moved];
    size_t slot;
    if (find_slot(dst, &entry->remark, entry->identity, &slot) != 0) {
      result = -1;
      break;
    }
    if (count_existing(dst, slot, input)) {
      free(entry);
      continue;
    }
    entry->tu_count = 1;
    entry->last_input = input;
    if (insert(dst, entry, slot) != 0) {
      result = -1;
      break;
    }
  }
  /* Keep what was not moved so that src still owns it. */
  if (moved < src->count)
    memmove(src->entries, src->entries + moved,
            (src->count - moved) * sizeof *src->entries);
  src->count -= moved;
  free(src->slots);
  src->slots = NULL;
  src->slot_count = 0;
  if (result == 0) {
    remark_set_release(src);
  }
  return result;
}

static int compare_numbers(unsigned a, unsigned b) { return (a > b) - (a < b); }

static int compare_positions(const remark_entry *a, const remark_entry *b) {
  const escape_remark *x = &a->remark, *y = &b->remark;
  int diff;
  if (!x->loc.file != !y->loc.file)
    return x->loc.file ? -1 : 1;
  if (x->loc.file && (diff = strcmp(x->loc.file, y->loc.file)) != 0)
    return diff;
  if (!x->loc.file && (diff = strcmp(x->function ? x->function : "",
                                     y->function ? y->function : "")) != 0)
    return diff;
  if ((diff = compare_numbers(x->loc.line, y->loc.line)) != 0 ||
      (diff = compare_numbers(x->loc.column, y->loc.column)) != 0 ||
      (diff = strcmp(x->name, y->name)) != 0)
    return diff;
  return strcmp(a->message, b->message);
}

int remark_entry_compare_position(const void *left, const void *right) {
  return compare_positions(*(remark_entry *const *)left,
                           *(remark_entry *const *)right);
}

int remark_set_finish(remark_set *set) {
  if (set->count > 1)
    qsort(set->entries, set->count, sizeof *set->entries,
          remark_entry_compare_position);
  free(set->slots);
  set->slots = NULL;
  set->slot_count = 0;
  fingerprint_item **items =
      malloc((set->count ? set->count : 1) * sizeof *items);
  if (!items)
    return -1;
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *entry = set->entries[i];
    entry->fingerprint.base = fingerprint_base(&entry->remark);
    entry->fingerprint.line = entry->remark.loc.line;
    entry->fingerprint.column = entry->remark.loc.column;
    items[i] = &entry->fingerprint;
  }
  int result = fingerprint_assign(items, set->count);
  free(items);
  if (result == 0)
    remark_place_line_zero(set);
  if (result == 0)
    remark_rank_assign(set);
  if (result == 0)
    result = remark_join_apply(set);
  return result;
}

int remark_entry_compare_heat(const void *left, const void *right) {
  const remark_entry *a = *(remark_entry *const *)left;
  const remark_entry *b = *(remark_entry *const *)right;
  /* A profile's count is measured: it outranks the static estimate. */
  unsigned long long hot_a = a->remark.has_hotness ? a->remark.hotness : 0;
  unsigned long long hot_b = b->remark.has_hotness ? b->remark.hotness : 0;
  if (hot_a != hot_b)
    return hot_a > hot_b ? -1 : 1;
  if (a->cost != b->cost)
    return a->cost > b->cost ? -1 : 1;
  return compare_positions(a, b);
}
