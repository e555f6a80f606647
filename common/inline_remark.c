#include "escape/inline_remark.h"

#include <string.h>

#include "escape/remark_catalog.h"
#include "escape/remark_sentence.h"

/* The compiler's reason texts, from LLVM 19's InlineCost.cpp,
 * InlineFunction.cpp and InlineAdvisor.cpp, and the verdict each means.
 * Texts not listed here are "other"; Detail keeps them verbatim. */
typedef struct reason_text {
  const char *text;
  escape_inline_reason reason;
} reason_text;

static const reason_text reason_texts[] = {
    {"high cost", ESCAPE_INLINE_TOO_COSTLY},
    {"Call site analysis is not favorable to inlining.",
     ESCAPE_INLINE_TOO_COSTLY},
    {"Cost over threshold.", ESCAPE_INLINE_TOO_COSTLY},
    {"cost over benefit", ESCAPE_INLINE_TOO_COSTLY},
    {"noinline function attribute", ESCAPE_INLINE_NOINLINE_ATTRIBUTE},
    {"noinline call site attribute", ESCAPE_INLINE_NOINLINE_ATTRIBUTE},
    {"external or indirect", ESCAPE_INLINE_NO_DEFINITION},
    {"recursive", ESCAPE_INLINE_RECURSIVE},
    {"recursive call", ESCAPE_INLINE_RECURSIVE},
    {"recursive and allocates too much stack space", ESCAPE_INLINE_RECURSIVE},
    {"indirect call", ESCAPE_INLINE_INDIRECT},
    {"varargs", ESCAPE_INLINE_VARARGS},
    {"contains VarArgs initialized with va_start", ESCAPE_INLINE_VARARGS},
    {"optnone attribute", ESCAPE_INLINE_OPTNONE},
    {"interposable", ESCAPE_INLINE_INTERPOSABLE},
    {"conflicting attributes", ESCAPE_INLINE_CONFLICTING_ATTRIBUTES},
    {"nullptr definitions incompatible", ESCAPE_INLINE_CONFLICTING_ATTRIBUTES},
    {"incompatible GC", ESCAPE_INLINE_CONFLICTING_ATTRIBUTES},
    {"incompatible personality", ESCAPE_INLINE_CONFLICTING_ATTRIBUTES},
};

static const char *const reason_names[] = {
    [ESCAPE_INLINE_TOO_COSTLY] = "too-costly",
    [ESCAPE_INLINE_NOINLINE_ATTRIBUTE] = "noinline-attribute",
    [ESCAPE_INLINE_NO_DEFINITION] = "no-definition",
    [ESCAPE_INLINE_RECURSIVE] = "recursive",
    [ESCAPE_INLINE_INDIRECT] = "indirect",
    [ESCAPE_INLINE_VARARGS] = "varargs",
    [ESCAPE_INLINE_OPTNONE] = "optnone",
    [ESCAPE_INLINE_INTERPOSABLE] = "interposable",
    [ESCAPE_INLINE_CONFLICTING_ATTRIBUTES] = "conflicting-attributes",
    [ESCAPE_INLINE_OTHER] = "other",
};

const char *escape_inline_reason_name(escape_inline_reason reason) {
  if ((unsigned)reason > ESCAPE_INLINE_OTHER)
    return "other";
  return reason_names[reason];
}

static int is(const char *text, const char *expected) {
  return text && strcmp(text, expected) == 0;
}

escape_inline_reason escape_inline_reason_classify(const char *remark_name,
                                                   const char *reason_text) {
  if (is(remark_name, "TooCostly"))
    return ESCAPE_INLINE_TOO_COSTLY;
  if (is(remark_name, "NoDefinition"))
    return ESCAPE_INLINE_NO_DEFINITION;
  if (!reason_text)
    return ESCAPE_INLINE_OTHER;
  for (size_t i = 0; i < sizeof reason_texts / sizeof reason_texts[0]; i++)
    if (strcmp(reason_texts[i].text, reason_text) == 0)
      return reason_texts[i].reason;
  return ESCAPE_INLINE_OTHER;
}

int escape_inline_pass(const char *pass) {
  if (!pass)
    return 0;
  if (is(pass, "inline") || is(pass, "always-inline") ||
      is(pass, "module-inline"))
    return 1;
  size_t len = strlen(pass);
  const char *suffix = "-inline";
  size_t suffix_len = strlen(suffix);
  return len > suffix_len && strcmp(pass + len - suffix_len, suffix) == 0;
}

/* The verdict a remark name stands for: 1 inlined, 0 not inlined, -1 none
 * (remarks that only comment, like IncreaseCostInOtherContexts' sibling
 * analyses, are skipped). */
static int verdict(const escape_remark *remark) {
  const char *name = remark->name;
  if (remark->type == ESCAPE_REMARK_PASSED)
    return is(name, "Inlined") || is(name, "AlwaysInline") ? 1 : -1;
  if (remark->type != ESCAPE_REMARK_MISSED)
    return -1;
  if (is(name, "NotInlined") || is(name, "NeverInline") ||
      is(name, "TooCostly") || is(name, "NoDefinition") ||
      is(name, "IncreaseCostInOtherContexts"))
    return 0;
  return -1;
}

/* Copies the arg with key from llvm_remark, keeping its DebugLoc. */
static int copy_arg(escape_remark *out, const escape_remark *llvm_remark,
                    const char *key) {
  for (size_t i = 0; i < llvm_remark->arg_count; i++) {
    const escape_arg *arg = &llvm_remark->args[i];
    if (strcmp(arg->key, key) == 0)
      return escape_remark_add_arg(out, key, arg->value,
                                   arg->loc.file ? &arg->loc : NULL);
  }
  return 0;
}

/* The compiler's own words: its Reason, or the deferral's explanation. */
static const char *detail_of(const escape_remark *llvm_remark) {
  const char *reason = escape_remark_arg(llvm_remark, ESCAPE_KEY_REASON);
  if (reason)
    return reason;
  if (is(llvm_remark->name, "IncreaseCostInOtherContexts"))
    return "inlining it increases the cost of inlining the caller in other "
           "contexts";
  return NULL;
}

/* The named args of the verdict, in SPEC.md's order; the catalog's sentence
 * puts the words between them. */
static int add_facts(const escape_remark *in, escape_remark *out,
                     const char *reason, int keep_cost) {
  const char *detail = detail_of(in);
  if (copy_arg(out, in, ESCAPE_KEY_CALLEE) ||
      copy_arg(out, in, ESCAPE_KEY_CALLER) ||
      (reason && escape_remark_add_arg(out, ESCAPE_KEY_REASON, reason, NULL)) ||
      (keep_cost && copy_arg(out, in, ESCAPE_KEY_COST)) ||
      copy_arg(out, in, ESCAPE_KEY_THRESHOLD) ||
      (detail && escape_remark_add_arg(out, ESCAPE_KEY_DETAIL, detail, NULL)))
    return -1;
  return 0;
}

int escape_inline_remark_convert(const escape_remark *llvm_remark,
                                 escape_remark *out) {
  return escape_inline_remark_convert_counted(llvm_remark, 1, out);
}

int escape_inline_remark_convert_counted(const escape_remark *llvm_remark,
                                         int full_cost, escape_remark *out) {
  int result = escape_inline_remark_facts(llvm_remark, full_cost, out);
  if (result == 1 && escape_remark_compose(out) != 0)
    return -1;
  return result;
}

int escape_inline_remark_facts(const escape_remark *llvm_remark, int full_cost,
                               escape_remark *out) {
  if (!escape_inline_pass(llvm_remark->pass))
    return 0;
  int inlined = verdict(llvm_remark);
  if (inlined < 0)
    return 0;
  const escape_catalog_entry *kind = escape_catalog_kind(
      inlined ? ESCAPE_KIND_INLINED : ESCAPE_KIND_NOT_INLINED);
  if (escape_remark_set(out, kind->type, ESCAPE_PASS_NAME, kind->name,
                        llvm_remark->function))
    return -1;
  const escape_loc *loc = &llvm_remark->loc;
  if (loc->file &&
      escape_remark_set_loc(out, loc->file, loc->line, loc->column))
    return -1;
  out->has_hotness = llvm_remark->has_hotness;
  out->hotness = llvm_remark->hotness;
  const char *reason =
      inlined ? NULL
              : escape_inline_reason_name(escape_inline_reason_classify(
                    llvm_remark->name, detail_of(llvm_remark)));
  /* Counting stops only once the cost has passed the threshold, so an
   * inlined call's cost is always complete; a rejected one's is not. */
  int keep_cost = inlined || full_cost;
  return add_facts(llvm_remark, out, reason, keep_cost) ? -1 : 1;
}
