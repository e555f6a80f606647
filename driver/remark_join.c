#include "remark_join.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape/inline_remark.h"
#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"
#include "name_demangle.h"

/* Long chains are rare and their tail says little (as in the plugin). */
#define MAX_HOPS 16

/* One function's Definition record; ambiguous when the project defines
 * the name in more than one place (two programs, say): not joined then. */
typedef struct definition {
  const escape_remark *record;
  int ambiguous;
} definition;

/* What the join reads: the records by function, the LeakingParam entries
 * by function and parameter. */
typedef struct join_index {
  definition *definitions;
  size_t definition_count;
  const escape_remark **leaks;
  size_t leak_count;
} join_index;

/* The args of one remark being completed, and the strings made for them. */
typedef struct arg_list {
  escape_arg *args;
  size_t count, alloc;
  char **owned;
  size_t owned_count, owned_alloc;
  int failed;
} arg_list;

/* The (function, argument) pairs a chain has passed through. */
typedef struct visited {
  const char *function[MAX_HOPS + 1];
  const char *argno[MAX_HOPS + 1];
  size_t count;
} visited;

static int is_record(const escape_remark *remark) {
  return remark->pass && strcmp(remark->pass, ESCAPE_PASS_NAME) == 0 &&
         strcmp(remark->name, ESCAPE_DEFINITION_NAME) == 0;
}

static int named(const escape_remark *remark, const char *name) {
  return strcmp(remark->name, name) == 0 && remark->pass &&
         strcmp(remark->pass, ESCAPE_PASS_NAME) == 0;
}

static int has_value(const escape_remark *remark, const char *key,
                     const char *value) {
  const char *v = escape_remark_arg(remark, key);
  return v && strcmp(v, value) == 0;
}

static const escape_arg *find(const escape_remark *remark, const char *key) {
  for (size_t i = 0; i < remark->arg_count; i++)
    if (strcmp(remark->args[i].key, key) == 0)
      return &remark->args[i];
  return NULL;
}

static int is_flow_key(const char *key) {
  return strcmp(key, ESCAPE_KEY_HOP) == 0 ||
         strcmp(key, ESCAPE_KEY_HOP_ARGNO) == 0 ||
         strcmp(key, ESCAPE_KEY_STORE) == 0 ||
         strcmp(key, ESCAPE_KEY_FLOW_END) == 0 ||
         strcmp(key, ESCAPE_KEY_DEFINED) == 0;
}

/* ---- the index ---- */

static int compare_definitions(const void *left, const void *right) {
  const escape_remark *a = ((const definition *)left)->record;
  const escape_remark *b = ((const definition *)right)->record;
  int diff = strcmp(a->function, b->function);
  if (diff)
    return diff;
  if ((diff = strcmp(a->loc.file, b->loc.file)) != 0)
    return diff;
  return (a->loc.line > b->loc.line) - (a->loc.line < b->loc.line);
}

static int same_place(const escape_remark *a, const escape_remark *b) {
  return strcmp(a->loc.file, b->loc.file) == 0 && a->loc.line == b->loc.line;
}

/* Marks the names defined at more than one place. */
static void mark_ambiguous(definition *table, size_t count) {
  for (size_t i = 1; i < count; i++) {
    const escape_remark *a = table[i - 1].record, *b = table[i].record;
    if (strcmp(a->function, b->function) == 0 && !same_place(a, b))
      table[i - 1].ambiguous = table[i].ambiguous = 1;
  }
}

static int compare_leaks(const void *left, const void *right) {
  const escape_remark *a = *(const escape_remark *const *)left;
  const escape_remark *b = *(const escape_remark *const *)right;
  int diff = strcmp(a->function, b->function);
  if (diff)
    return diff;
  return strcmp(escape_remark_arg(a, ESCAPE_KEY_PARAM),
                escape_remark_arg(b, ESCAPE_KEY_PARAM));
}

static int usable_leak(const escape_remark *remark) {
  return named(remark, "LeakingParam") && remark->function &&
         remark->loc.file && escape_remark_arg(remark, ESCAPE_KEY_PARAM);
}

/* Takes the records out of set->entries into records (kept for freeing)
 * and indexes them and the LeakingParams. */
static int index_build(join_index *index, remark_set *set,
                       remark_entry **records, size_t *record_count) {
  size_t count = set->count ? set->count : 1;
  index->definitions = malloc(count * sizeof *index->definitions);
  index->leaks = malloc(count * sizeof *index->leaks);
  if (!index->definitions || !index->leaks)
    return -1;
  size_t kept = 0;
  for (size_t i = 0; i < set->count; i++) {
    remark_entry *entry = set->entries[i];
    const escape_remark *remark = &entry->remark;
    if (!is_record(remark)) {
      set->entries[kept++] = entry;
      if (usable_leak(remark))
        index->leaks[index->leak_count++] = remark;
      continue;
    }
    records[(*record_count)++] = entry;
    if (remark->function && remark->loc.file && remark->loc.line)
      index->definitions[index->definition_count++] = (definition){remark, 0};
  }
  set->count = kept;
  qsort(index->definitions, index->definition_count, sizeof *index->definitions,
        compare_definitions);
  mark_ambiguous(index->definitions, index->definition_count);
  qsort(index->leaks, index->leak_count, sizeof *index->leaks, compare_leaks);
  return 0;
}

/* The record of function, or NULL when none or ambiguous. */
static const escape_remark *definition_of(const join_index *index,
                                          const char *function) {
  size_t low = 0, high = index->definition_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (strcmp(index->definitions[mid].record->function, function) < 0)
      low = mid + 1;
    else
      high = mid;
  }
  if (low == index->definition_count ||
      strcmp(index->definitions[low].record->function, function) != 0 ||
      index->definitions[low].ambiguous)
    return NULL;
  return index->definitions[low].record;
}

/* The LeakingParam of parameter param of the function record defines. */
static const escape_remark *leak_of(const join_index *index,
                                    const escape_remark *record,
                                    const char *param) {
  size_t low = 0, high = index->leak_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (strcmp(index->leaks[mid]->function, record->function) < 0)
      low = mid + 1;
    else
      high = mid;
  }
  for (size_t i = low; i < index->leak_count; i++) {
    const escape_remark *leak = index->leaks[i];
    if (strcmp(leak->function, record->function) != 0)
      break;
    /* A static function of that name in another file is another one. */
    if (strcmp(escape_remark_arg(leak, ESCAPE_KEY_PARAM), param) == 0 &&
        strcmp(leak->loc.file, record->loc.file) == 0)
      return leak;
  }
  return NULL;
}

/* ---- the record's lists: "1,3" and "2=p,4=q" ---- */

/* Whether list holds argno as an item (before any '='); *name gets what
 * follows its '=' (length *name_len) when it has one. */
static int list_holds(const char *list, const char *argno, const char **name,
                      size_t *name_len) {
  size_t len = strlen(argno);
  while (list && *list) {
    size_t item = strcspn(list, ",");
    const char *eq = memchr(list, '=', item);
    size_t number = eq ? (size_t)(eq - list) : item;
    if (number == len && memcmp(list, argno, len) == 0) {
      if (name && eq) {
        *name = eq + 1;
        *name_len = item - number - 1;
      }
      return 1;
    }
    list += item;
    if (*list == ',')
      list++;
  }
  return 0;
}

/* ---- building the args ---- */

static void push(arg_list *list, const char *key, const char *value,
                 const escape_loc *loc) {
  if (list->failed)
    return;
  if (list->count == list->alloc) {
    size_t alloc = list->alloc ? 2 * list->alloc : 16;
    escape_arg *args = realloc(list->args, alloc * sizeof *args);
    if (!args) {
      list->failed = 1;
      return;
    }
    list->args = args;
    list->alloc = alloc;
  }
  escape_arg *arg = &list->args[list->count++];
  arg->key = (char *)key;
  arg->value = (char *)value;
  arg->loc = loc ? *loc : (escape_loc){NULL, 0, 0};
}

/* A string the list owns until the remark is rebuilt; NULL on failure. */
static char *own(arg_list *list, char *s) {
  if (!s || list->failed) {
    free(s);
    list->failed = 1;
    return NULL;
  }
  if (list->owned_count == list->owned_alloc) {
    size_t alloc = list->owned_alloc ? 2 * list->owned_alloc : 8;
    char **owned = realloc(list->owned, alloc * sizeof *owned);
    if (!owned) {
      free(s);
      list->failed = 1;
      return NULL;
    }
    list->owned = owned;
    list->owned_alloc = alloc;
  }
  return list->owned[list->owned_count++] = s;
}

static char *copy_of(const char *s, size_t len) {
  char *copy = malloc(len + 1);
  if (copy) {
    memcpy(copy, s, len);
    copy[len] = '\0';
  }
  return copy;
}

static void list_release(arg_list *list) {
  for (size_t i = 0; i < list->owned_count; i++)
    free(list->owned[i]);
  free(list->owned);
  free(list->args);
  memset(list, 0, sizeof *list);
}

/* `Defined: FILE:LINE` at the record's place. */
static void push_defined(arg_list *list, const escape_remark *record) {
  char place[64];
  int n = snprintf(place, sizeof place, ":%u", record->loc.line);
  size_t file_len = strlen(record->loc.file);
  char *value = malloc(file_len + (size_t)n + 1);
  if (value) {
    memcpy(value, record->loc.file, file_len);
    memcpy(value + file_len, place, (size_t)n + 1);
  }
  push(list, ESCAPE_KEY_DEFINED, own(list, value), &record->loc);
}

/* Where a remark's chain stops at a call into a function this TU does not
 * define: that call's callee and argument number, and at which arg the
 * rest of the chain goes (*at; the open FlowEnd there, if any, is
 * replaced: *replaces). 0 when the chain is closed. */
typedef struct open_end {
  const char *callee;
  const char *argno;
  size_t at;
  int replaces;
} open_end;

static int find_open_end(const escape_remark *remark, open_end *end) {
  long last = -1;
  for (size_t i = 0; i < remark->arg_count; i++)
    if (is_flow_key(remark->args[i].key))
      last = (long)i;
  *end = (open_end){NULL, NULL, remark->arg_count, 0};
  if (last < 0) {
    /* No chain: the capture's own call, when it is one. */
    if (!has_value(remark, ESCAPE_KEY_REASON, "call"))
      return 0;
    end->callee = escape_remark_arg(remark, ESCAPE_KEY_CALLEE);
    end->argno = escape_remark_arg(remark, ESCAPE_KEY_ARGNO);
    const escape_arg *argno = find(remark, ESCAPE_KEY_ARGNO);
    if (argno)
      end->at = (size_t)(argno - remark->args) + 1;
    return end->callee && end->argno;
  }
  const escape_arg *tail = &remark->args[last];
  if (strcmp(tail->key, ESCAPE_KEY_FLOW_END) != 0 ||
      strcmp(tail->value, "unknown") != 0)
    return 0;
  for (long i = last - 1; i >= 0 && !end->callee; i--) {
    const escape_arg *arg = &remark->args[i];
    if (strcmp(arg->key, ESCAPE_KEY_HOP_ARGNO) == 0 && !end->argno)
      end->argno = arg->value;
    else if (strcmp(arg->key, ESCAPE_KEY_HOP) == 0)
      end->callee = arg->value;
  }
  end->at = (size_t)last;
  end->replaces = 1;
  return end->callee && end->argno;
}

static int was_visited(const visited *seen, const char *function,
                       const char *argno) {
  for (size_t i = 0; i < seen->count; i++)
    if (strcmp(seen->function[i], function) == 0 &&
        strcmp(seen->argno[i], argno) == 0)
      return 1;
  return 0;
}

static int continue_at(const join_index *index, const char *callee,
                       const char *argno, visited *seen, arg_list *out);

/* The chain of leak (another TU's LeakingParam) after its callee: its
 * own steps, and where it stops open, the next TU's. */
static void follow_leak_chain(const join_index *index,
                              const escape_remark *leak, visited *seen,
                              arg_list *out) {
  open_end end;
  int open = find_open_end(leak, &end);
  for (size_t i = 0; i < leak->arg_count; i++) {
    const escape_arg *arg = &leak->args[i];
    if (is_flow_key(arg->key) && !(open && end.replaces && i == end.at))
      push(out, arg->key, arg->value, arg->loc.file ? &arg->loc : NULL);
  }
  if (!open)
    return;
  if (was_visited(seen, end.callee, end.argno))
    push(out, ESCAPE_KEY_FLOW_END, "cycle", NULL);
  else if (seen->count == MAX_HOPS)
    push(out, ESCAPE_KEY_FLOW_END, "too-long", NULL);
  else if (!continue_at(index, end.callee, end.argno, seen, out))
    push(out, ESCAPE_KEY_FLOW_END, "unknown", NULL);
}

/* What another TU's LeakingParam says its parameter does, as steps. */
static void push_leak(const join_index *index, const escape_remark *leak,
                      visited *seen, arg_list *out) {
  const escape_arg *reason = find(leak, ESCAPE_KEY_REASON);
  const escape_loc *at = reason && reason->loc.file ? &reason->loc : NULL;
  const char *why = reason ? reason->value : "other";
  const escape_arg *callee = find(leak, ESCAPE_KEY_CALLEE);
  const escape_arg *store = find(leak, ESCAPE_KEY_STORE);
  if (strcmp(why, "stored") == 0) {
    push(out, ESCAPE_KEY_STORE, store ? store->value : "memory",
         store && store->loc.file ? &store->loc : at);
  } else if (strcmp(why, "recursive") == 0) {
    push(out, ESCAPE_KEY_FLOW_END, "cycle", at);
  } else if ((strcmp(why, "call") == 0 || strcmp(why, "varargs") == 0) &&
             callee) {
    push(out, ESCAPE_KEY_HOP, callee->value,
         callee->loc.file ? &callee->loc : at);
    const char *argno = escape_remark_arg(leak, ESCAPE_KEY_ARGNO);
    if (argno)
      push(out, ESCAPE_KEY_HOP_ARGNO, argno, NULL);
    if (strcmp(why, "varargs") == 0)
      push(out, ESCAPE_KEY_FLOW_END, "varargs", NULL);
    else
      follow_leak_chain(index, leak, seen, out);
  } else if (strcmp(why, "call") == 0) {
    push(out, ESCAPE_KEY_FLOW_END, "indirect", at);
  } else {
    push(out, ESCAPE_KEY_FLOW_END, why, at);
  }
}

/* Goes on at argument argno of callee, in the TU that defines it: 1 when
 * the project defines it (steps added), 0 when not (nothing added). */
static int continue_at(const join_index *index, const char *callee,
                       const char *argno, visited *seen, arg_list *out) {
  const escape_remark *record = definition_of(index, callee);
  if (!record)
    return 0;
  int keeps_nothing = list_holds(
      escape_remark_arg(record, ESCAPE_KEY_NO_ESCAPE), argno, NULL, NULL);
  const char *name = NULL;
  size_t name_len = 0;
  int leaks = list_holds(escape_remark_arg(record, ESCAPE_KEY_LEAKS), argno,
                         &name, &name_len);
  /* 'this', or a parameter without a name: the record says nothing. */
  if (!keeps_nothing && (!leaks || !name))
    return 0;
  seen->function[seen->count] = callee;
  seen->argno[seen->count++] = argno;
  push_defined(out, record);
  if (keeps_nothing) {
    push(out, ESCAPE_KEY_FLOW_END, "nothing", NULL);
    return 1;
  }
  char *param = own(out, copy_of(name, name_len));
  const escape_remark *leak = param ? leak_of(index, record, param) : NULL;
  if (leak)
    push_leak(index, leak, seen, out);
  return 1;
}

/* A LeakingParam's own (function, argument), so that a chain back into it
 * is a cycle. */
static void seed_own_param(const join_index *index, const escape_remark *remark,
                           visited *seen, arg_list *out) {
  const char *param = escape_remark_arg(remark, ESCAPE_KEY_PARAM);
  const escape_remark *record =
      remark->function ? definition_of(index, remark->function) : NULL;
  const char *leaks =
      record ? escape_remark_arg(record, ESCAPE_KEY_LEAKS) : NULL;
  if (!param || !named(remark, "LeakingParam") || !leaks)
    return;
  size_t len = strlen(param);
  for (const char *item = leaks; *item;) {
    size_t n = strcspn(item, ",");
    const char *eq = memchr(item, '=', n);
    if (eq && (size_t)(item + n - eq - 1) == len &&
        memcmp(eq + 1, param, len) == 0) {
      seen->function[seen->count] = remark->function;
      seen->argno[seen->count++] = own(out, copy_of(item, (size_t)(eq - item)));
      if (!seen->argno[seen->count - 1])
        seen->count--;
      return;
    }
    item += n;
    if (*item == ',')
      item++;
  }
}

/* The completed args of a LocalEscapes or LeakingParam; 0 when nothing
 * changes. */
static int complete_chain(const join_index *index, const escape_remark *remark,
                          arg_list *out) {
  open_end end;
  if (!find_open_end(remark, &end))
    return 0;
  visited seen = {{0}, {0}, 0};
  seed_own_param(index, remark, &seen, out);
  for (size_t i = 0; i < end.at; i++)
    push(out, remark->args[i].key, remark->args[i].value,
         remark->args[i].loc.file ? &remark->args[i].loc : NULL);
  if (was_visited(&seen, end.callee, end.argno)) {
    if (!end.replaces)
      return 0;
    push(out, ESCAPE_KEY_FLOW_END, "cycle", NULL);
  } else if (!continue_at(index, end.callee, end.argno, &seen, out)) {
    return 0;
  }
  for (size_t i = end.at + (size_t)end.replaces; i < remark->arg_count; i++)
    push(out, remark->args[i].key, remark->args[i].value,
         remark->args[i].loc.file ? &remark->args[i].loc : NULL);
  return 1;
}

/* The args of a no-definition NotInlined with where the callee is; 0 when
 * the project does not define it. */
static int complete_not_inlined(const join_index *index,
                                const escape_remark *remark, arg_list *out) {
  const char *callee = escape_remark_arg(remark, ESCAPE_KEY_CALLEE);
  if (!callee ||
      !has_value(remark, ESCAPE_KEY_REASON,
                 escape_inline_reason_name(ESCAPE_INLINE_NO_DEFINITION)))
    return 0;
  const escape_remark *record = definition_of(index, callee);
  if (!record)
    return 0;
  for (size_t i = 0; i < remark->arg_count; i++)
    push(out, remark->args[i].key, remark->args[i].value,
         remark->args[i].loc.file ? &remark->args[i].loc : NULL);
  push_defined(out, record);
  const char *size = escape_remark_arg(record, ESCAPE_KEY_INSTRUCTIONS);
  if (size && strtoul(size, NULL, 10) <= REMARK_JOIN_SMALL_INSTRUCTIONS)
    push(out, ESCAPE_KEY_INSTRUCTIONS, size, NULL);
  return 1;
}

/* ---- rebuilding the entries ---- */

/* The remark's sentence with C++ names demangled, as the loader builds
 * messages (remark_load.c). */
static int build_message(const escape_remark *remark, escape_strbuf *out) {
  escape_arg *shown = malloc((remark->arg_count + 1) * sizeof *shown);
  if (!shown)
    return -1;
  escape_remark view = *remark;
  view.args = shown;
  for (size_t i = 0; i < remark->arg_count; i++) {
    shown[i] = remark->args[i];
    char *demangled = name_demangle(remark->args[i].value);
    if (demangled)
      shown[i].value = demangled;
  }
  escape_remark_message(&view, out);
  for (size_t i = 0; i < remark->arg_count; i++)
    if (shown[i].value != remark->args[i].value)
      free(shown[i].value);
  free(shown);
  return out->failed ? -1 : 0;
}

/* A copy of base with args, its String pieces composed anew so that the
 * args still concatenate to the sentence (JSON shows them). */
static int composed_copy(const escape_remark *base, const arg_list *list,
                         escape_remark *out) {
  escape_remark_init(out);
  if (escape_remark_set(out, base->type, base->pass, base->name,
                        base->function) != 0 ||
      (base->loc.file &&
       escape_remark_set_loc(out, base->loc.file, base->loc.line,
                             base->loc.column) != 0))
    return -1;
  out->has_hotness = base->has_hotness;
  out->hotness = base->hotness;
  for (size_t i = 0; i < list->count; i++) {
    const escape_arg *arg = &list->args[i];
    if (strcmp(arg->key, ESCAPE_KEY_STRING) != 0 &&
        escape_remark_add_arg(out, arg->key, arg->value,
                              arg->loc.file ? &arg->loc : NULL) != 0)
      return -1;
  }
  return escape_remark_compose(out);
}

static int rebuild(remark_set *set, size_t i, const arg_list *list,
                   remark_entry **replaced) {
  escape_remark remark;
  int result = composed_copy(&set->entries[i]->remark, list, &remark);
  escape_strbuf message;
  escape_strbuf_init(&message);
  if (result == 0)
    result = build_message(&remark, &message);
  if (result == 0)
    result = remark_set_replace(set, i, &remark, message.buf, replaced);
  escape_strbuf_release(&message);
  escape_remark_clear(&remark);
  return result;
}

static int complete_entry(const join_index *index, remark_set *set, size_t i,
                          remark_entry **replaced) {
  const escape_remark *remark = &set->entries[i]->remark;
  arg_list list = {0};
  int changed = 0;
  if (named(remark, "LocalEscapes") || named(remark, "LeakingParam"))
    changed = complete_chain(index, remark, &list);
  else if (named(remark, "NotInlined"))
    changed = complete_not_inlined(index, remark, &list);
  int result = list.failed ? -1 : 0;
  if (changed && result == 0)
    result = rebuild(set, i, &list, replaced);
  list_release(&list);
  return result;
}

int remark_join_apply(remark_set *set) {
  join_index index = {0};
  size_t size = (set->count + 1) * sizeof(remark_entry *);
  remark_entry **records = malloc(size);
  /* The entries that completed ones replace: the index reads them until
   * every chain is built. */
  remark_entry **replaced = calloc(set->count + 1, sizeof *replaced);
  size_t record_count = 0;
  int result = records && replaced
                   ? index_build(&index, set, records, &record_count)
                   : -1;
  for (size_t i = 0; i < set->count && result == 0 && index.definition_count;
       i++)
    result = complete_entry(&index, set, i, &replaced[i]);
  for (size_t i = 0; replaced && i < set->count; i++)
    free(replaced[i]);
  for (size_t i = 0; i < record_count; i++)
    free(records[i]);
  free(replaced);
  free(records);
  free(index.definitions);
  free(index.leaks);
  return result;
}
