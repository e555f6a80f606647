/* The inliner's own remarks (pass "inline", as LLVM emits them) turned into
 * escape's Inlined/NotInlined remarks, with the compiler's reason text
 * normalized to SPEC.md's vocabulary. The plugin and the driver (reading
 * -fsave-optimization-record files) share this, so both say the same. */
#ifndef ESCAPE_INLINE_REMARK_H
#define ESCAPE_INLINE_REMARK_H

#include "escape/remark.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Reason values of NotInlined. */
typedef enum escape_inline_reason {
  ESCAPE_INLINE_TOO_COSTLY,
  ESCAPE_INLINE_NOINLINE_ATTRIBUTE,
  ESCAPE_INLINE_NO_DEFINITION,
  ESCAPE_INLINE_RECURSIVE,
  ESCAPE_INLINE_INDIRECT,
  ESCAPE_INLINE_VARARGS,
  ESCAPE_INLINE_OPTNONE,
  ESCAPE_INLINE_INTERPOSABLE,
  ESCAPE_INLINE_CONFLICTING_ATTRIBUTES,
  ESCAPE_INLINE_OTHER
} escape_inline_reason;

/* Returns the SPEC.md spelling of reason ("too-costly", ...). */
const char *escape_inline_reason_name(escape_inline_reason reason);

/* Classifies an inliner remark by its Name ("TooCostly", "NeverInline",
 * "NotInlined", "NoDefinition", ...) and its Reason text (may be NULL). */
escape_inline_reason escape_inline_reason_classify(const char *remark_name,
                                                   const char *reason_text);

/* 1 when pass names one of LLVM's inliners ("inline", "always-inline",
 * "module-inline" or an -annotate-inline-phase name ending in "-inline"). */
int escape_inline_pass(const char *pass);

/* Converts llvm_remark into escape's Inlined/NotInlined remark in out
 * (initialized by the caller): returns 1 when converted, 0 when the remark
 * is not an inliner verdict (skip it), -1 when out of memory. */
int escape_inline_remark_convert(const escape_remark *llvm_remark,
                                 escape_remark *out);

/* Like escape_inline_remark_convert, for a remark of an inliner that may
 * have stopped counting: when full_cost is 0 (the inliner counted a
 * rejected callee only until it passed the threshold, LLVM's default), a
 * not-inlined verdict's Cost is that partial count and is left out. */
int escape_inline_remark_convert_counted(const escape_remark *llvm_remark,
                                         int full_cost, escape_remark *out);

/* Like escape_inline_remark_convert_counted without the sentence: out has
 * the named args only, for a caller that adds more (loop depth, context)
 * and composes once at the end (escape_remark_compose). */
int escape_inline_remark_facts(const escape_remark *llvm_remark, int full_cost,
                               escape_remark *out);

#ifdef __cplusplus
}
#endif

#endif
