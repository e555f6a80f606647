#include "escape/remark_catalog.h"

#include <string.h>

#include "escape/inline_remark.h"
#include "escape/strbuf.h"

static const escape_catalog_entry catalog[] = {
#define ESCAPE_REMARK_KIND(Id, Name, Type, VerboseOnly, Location, Keys,        \
                           Summary, Explanation, Before, After)                \
  {ESCAPE_KIND_##Id, Name,        Type,   VerboseOnly, Location, Keys,         \
   Summary,          Explanation, Before, After},
#include "escape/remark_kinds.def"
};

static const escape_sentence_row sentences[] = {
#define ESCAPE_REMARK_SENTENCE(Id, Match, Template)                            \
  {ESCAPE_KIND_##Id, Match, Template},
#include "escape/remark_kinds.def"
};

const escape_catalog_entry *escape_catalog(size_t *count) {
  *count = sizeof catalog / sizeof catalog[0];
  return catalog;
}

const escape_catalog_entry *escape_catalog_kind(escape_remark_kind kind) {
  return &catalog[kind];
}

const escape_catalog_entry *escape_catalog_find(const char *name) {
  for (size_t i = 0; i < sizeof catalog / sizeof catalog[0]; i++)
    if (strcmp(catalog[i].name, name) == 0)
      return &catalog[i];
  return NULL;
}

const escape_catalog_entry *escape_catalog_of(const escape_remark *remark) {
  if (!remark->pass || strcmp(remark->pass, ESCAPE_PASS_NAME) != 0 ||
      !remark->name)
    return NULL;
  return escape_catalog_find(remark->name);
}

const escape_sentence_row *escape_sentence_rows(size_t *count) {
  *count = sizeof sentences / sizeof sentences[0];
  return sentences;
}

void escape_catalog_add_names(struct escape_strbuf *out) {
  size_t count;
  const escape_catalog_entry *table = escape_catalog(&count);
  for (size_t i = 0; i < count; i++)
    escape_strbuf_addf(out, "%s%s", i ? ", " : "", table[i].name);
}

/* Whether remark's Reason arg is reason. */
static int has_reason(const escape_remark *remark, const char *reason) {
  const char *value = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  return value && strcmp(value, reason) == 0;
}

int escape_catalog_is_default_noise(const escape_catalog_entry *entry,
                                    const escape_remark *remark,
                                    int in_loop_or_hot) {
  if (!entry)
    return 0;
  switch (entry->kind) {
  case ESCAPE_KIND_NOT_INLINED:
    /* A call outside loops to another TU's function is everywhere in a
     * library and its tests; it is worth a look only where it repeats. */
    return !in_loop_or_hot &&
           has_reason(remark,
                      escape_inline_reason_name(ESCAPE_INLINE_NO_DEFINITION));
  case ESCAPE_KIND_LOCAL_ESCAPES:
  case ESCAPE_KIND_LEAKING_PARAM:
    /* LLVM treats every variadic argument as captured: rarely a real keep. */
    return has_reason(remark, "varargs");
  default:
    return 0;
  }
}
