#include "escape/remark_message.h"

#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"

/* Appends 'value', or "?" when the key is missing, so a damaged remark still
 * reads as a sentence. */
static void add_quoted(escape_strbuf *out, const escape_remark *remark,
                       const char *key) {
  const char *value = escape_remark_arg(remark, key);
  escape_strbuf_addch(out, '\'');
  escape_strbuf_addstr(out, value ? value : "?");
  escape_strbuf_addch(out, '\'');
}

/* 'callee', or "an indirect call" when the call has no known target. */
static void add_callee(escape_strbuf *out, const escape_remark *remark) {
  if (escape_remark_arg(remark, ESCAPE_KEY_CALLEE))
    add_quoted(out, remark, ESCAPE_KEY_CALLEE);
  else
    escape_strbuf_addstr(out, "an indirect call");
}

static int reason_is(const escape_remark *remark, const char *reason) {
  const char *value = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  return value && strcmp(value, reason) == 0;
}

/* ' (argument N)' when the remark names the argument position. */
static void add_argno(escape_strbuf *out, const escape_remark *remark) {
  const char *argno = escape_remark_arg(remark, ESCAPE_KEY_ARGNO);
  if (argno && strcmp(argno, "this") == 0)
    escape_strbuf_addstr(out, " (as 'this')");
  else if (argno)
    escape_strbuf_addf(out, " (argument %s)", argno);
}

/* Captures that name no destination, per Reason (SPEC "Remarks"): what a
 * local's remark says after "'x' escapes: address" and a parameter's after
 * "leaking param: 'p'". Call-like reasons (varargs, recursive) are built by
 * add_call_capture. */
typedef struct capture_sentence {
  const char *reason;
  const char *local;
  const char *param;
} capture_sentence;

static const capture_sentence capture_sentences[] = {
    {"volatile",
     " accessed as volatile, which the optimizer counts as a capture, so it "
     "lives in memory",
     " is accessed as volatile, which the optimizer counts as a capture; "
     "callers' locals passed here escape"},
    {"null-check",
     " compared with null, which LLVM 19 counts as a capture, so it lives in "
     "memory",
     " is compared with null, which LLVM 19 counts as a capture; callers' "
     "locals passed here escape"},
    {"compared",
     " compared with another pointer, which the optimizer counts as a "
     "capture, so it lives in memory",
     " is compared with another pointer, which the optimizer counts as a "
     "capture; callers' locals passed here escape"},
    {"converted", " converted to an integer, so it lives in memory",
     " is converted to an integer, which the optimizer counts as a capture; "
     "callers' locals passed here escape"},
    {"use-limit",
     " used more often than the optimizer's capture analysis looks, so it "
     "assumes a capture and the local lives in memory",
     " is used more often than the optimizer's capture analysis looks, so "
     "it assumes a capture; callers' locals passed here escape"},
};

static const capture_sentence *
find_capture_sentence(const escape_remark *remark) {
  const char *value = escape_remark_arg(remark, ESCAPE_KEY_REASON);
  for (size_t i = 0;
       value && i < sizeof capture_sentences / sizeof capture_sentences[0]; i++)
    if (strcmp(capture_sentences[i].reason, value) == 0)
      return &capture_sentences[i];
  return NULL;
}

/* Reasons varargs and recursive: "passed as a variadic argument to 'f'
 * (argument N), which LLVM treats as captured" (LLVM's rule for every
 * variadic argument, not the callee's doing) and "only passed back to 'f'
 * itself (argument N), a recursion the optimizer does not follow". Returns
 * 0 for any other reason. */
static int add_call_capture(escape_strbuf *out, const escape_remark *remark) {
  if (reason_is(remark, "varargs")) {
    escape_strbuf_addstr(out, " passed as a variadic argument to ");
    add_callee(out, remark);
    add_argno(out, remark);
    escape_strbuf_addstr(out, ", which LLVM treats as captured");
    return 1;
  }
  if (reason_is(remark, "recursive")) {
    escape_strbuf_addstr(out, " only passed back to ");
    add_callee(out, remark);
    escape_strbuf_addstr(out, " itself");
    add_argno(out, remark);
    escape_strbuf_addstr(out, ", a recursion the optimizer does not follow");
    return 1;
  }
  return 0;
}

static void local_escapes(const escape_remark *remark, escape_strbuf *out) {
  add_quoted(out, remark, ESCAPE_KEY_VAR);
  const capture_sentence *sentence = find_capture_sentence(remark);
  if (sentence) {
    escape_strbuf_addstr(out, " escapes: address");
    escape_strbuf_addstr(out, sentence->local);
  } else if (reason_is(remark, "varargs") || reason_is(remark, "recursive")) {
    escape_strbuf_addstr(out, " escapes: address");
    add_call_capture(out, remark);
    escape_strbuf_addstr(out, ", so it lives in memory");
  } else if (reason_is(remark, "call")) {
    escape_strbuf_addstr(out, " escapes: address passed to ");
    add_callee(out, remark);
    add_argno(out, remark);
    escape_strbuf_addstr(out, ", so it lives in memory; pass a copy or mark "
                              "the parameter 'noescape'");
  } else if (reason_is(remark, "stored")) {
    escape_strbuf_addstr(out, " escapes: address stored to memory, so it "
                              "lives in memory; store the value instead");
  } else if (reason_is(remark, "returned")) {
    escape_strbuf_addstr(out, " escapes: address returned, so it lives in "
                              "memory; return the value instead");
  } else if (reason_is(remark, "asm")) {
    escape_strbuf_addstr(out, " escapes: address given to inline asm, so it "
                              "lives in memory");
  } else {
    escape_strbuf_addstr(out, " escapes: address compared or converted in a "
                              "way the optimizer counts as a capture, so it "
                              "lives in memory");
  }
}

static void leaking_param(const escape_remark *remark, escape_strbuf *out) {
  escape_strbuf_addstr(out, "leaking param: ");
  add_quoted(out, remark, ESCAPE_KEY_PARAM);
  const capture_sentence *sentence = find_capture_sentence(remark);
  if (sentence) {
    escape_strbuf_addstr(out, sentence->param);
  } else if (reason_is(remark, "varargs") || reason_is(remark, "recursive")) {
    escape_strbuf_addstr(out, " is");
    add_call_capture(out, remark);
    escape_strbuf_addstr(out, "; callers' locals passed here escape");
  } else if (reason_is(remark, "call")) {
    escape_strbuf_addstr(out, " is passed to ");
    add_callee(out, remark);
    add_argno(out, remark);
    escape_strbuf_addstr(out, ", which may keep it; callers' locals passed "
                              "here escape");
  } else if (reason_is(remark, "returned")) {
    escape_strbuf_addstr(out, " is returned; callers' locals passed here "
                              "escape");
  } else if (reason_is(remark, "asm")) {
    escape_strbuf_addstr(out, " is given to inline asm; callers' locals "
                              "passed here escape");
  } else if (reason_is(remark, "other")) {
    escape_strbuf_addstr(out, " is compared or converted, which the "
                              "optimizer counts as a capture; callers' locals "
                              "passed here escape");
  } else {
    escape_strbuf_addstr(out, " is stored to memory; callers' locals passed "
                              "here escape");
  }
}

/* " in a loop (depth N)", or " in a loop" when the depth is unknown. */
static void add_loop(escape_strbuf *out, const escape_remark *remark) {
  const char *depth = escape_remark_arg(remark, ESCAPE_KEY_LOOP_DEPTH);
  escape_strbuf_addstr(out, " in a loop");
  if (depth)
    escape_strbuf_addf(out, " (depth %s)", depth);
}

static void heap_promoted(const escape_remark *remark, escape_strbuf *out) {
  add_quoted(out, remark, ESCAPE_KEY_VAR);
  if (reason_is(remark, "block"))
    escape_strbuf_addstr(out, " is moved to the heap: a __block variable "
                              "captured by a block that may be copied");
  else
    escape_strbuf_addstr(out, " is moved to the heap: it is kept in the "
                              "coroutine frame, which operator new allocates");
}

static void heap_to_stack(const escape_remark *remark, escape_strbuf *out) {
  const char *bytes = escape_remark_arg(remark, ESCAPE_KEY_BYTES);
  escape_strbuf_addf(out, "%s-byte heap buffer from ", bytes ? bytes : "?");
  add_quoted(out, remark, ESCAPE_KEY_CALLEE);
  escape_strbuf_addstr(out, " never leaves this function and is freed on "
                            "every path: a stack array avoids malloc/free");
}

static void heap_alloc_in_loop(const escape_remark *remark,
                               escape_strbuf *out) {
  const char *callee = escape_remark_arg(remark, ESCAPE_KEY_CALLEE);
  add_quoted(out, remark, ESCAPE_KEY_CALLEE);
  if (callee && strcmp(callee, "realloc") == 0) {
    escape_strbuf_addstr(out, " grows a buffer one step at a time");
    add_loop(out, remark);
    escape_strbuf_addstr(out, ": pre-size it, or grow it geometrically");
    return;
  }
  escape_strbuf_addstr(out, " allocates");
  add_loop(out, remark);
  escape_strbuf_addstr(out, ": allocate once outside the loop and reuse, "
                            "or use a pool");
}

static void varargs_in_loop(const escape_remark *remark, escape_strbuf *out) {
  escape_strbuf_addstr(out, "variadic call to ");
  add_quoted(out, remark, ESCAPE_KEY_CALLEE);
  add_loop(out, remark);
  escape_strbuf_addstr(out, ": arguments go through va_list and the format "
                            "is parsed on every call; format outside the "
                            "loop or write with fputs/fwrite");
}

static void indirect_call_in_loop(const escape_remark *remark,
                                  escape_strbuf *out) {
  escape_strbuf_addstr(out, "indirect call");
  if (escape_remark_arg(remark, ESCAPE_KEY_CALLEE)) {
    escape_strbuf_addstr(out, " through ");
    add_quoted(out, remark, ESCAPE_KEY_CALLEE);
  }
  add_loop(out, remark);
  escape_strbuf_addstr(out, " was not devirtualized or inlined; hoist the "
                            "choice of target out of the loop");
}

/* "'callee' (not) inlined into 'caller'" */
static void inline_subject(const escape_remark *remark, escape_strbuf *out,
                           const char *verb) {
  if (escape_remark_arg(remark, ESCAPE_KEY_CALLEE))
    add_quoted(out, remark, ESCAPE_KEY_CALLEE);
  else
    escape_strbuf_addstr(out, "indirect call");
  escape_strbuf_addf(out, " %s into ", verb);
  add_quoted(out, remark, ESCAPE_KEY_CALLER);
  if (escape_remark_arg(remark, ESCAPE_KEY_LOOP_DEPTH))
    add_loop(out, remark);
}

static int number_arg(const escape_remark *remark, const char *key,
                      long *value) {
  const char *text = escape_remark_arg(remark, key);
  if (!text || !*text)
    return 0;
  char *end;
  *value = strtol(text, &end, 10);
  return *end == '\0';
}

/* ": cost C exceeds threshold T (by D)", a near miss when D is within 25%
 * of the threshold. */
static void too_costly(const escape_remark *remark, escape_strbuf *out) {
  long cost, threshold;
  if (!number_arg(remark, ESCAPE_KEY_COST, &cost) ||
      !number_arg(remark, ESCAPE_KEY_THRESHOLD, &threshold)) {
    escape_strbuf_addstr(out, ": too costly to inline");
    return;
  }
  long by = cost - threshold;
  escape_strbuf_addf(out, ": cost %ld exceeds threshold %ld (by %ld", cost,
                     threshold, by);
  if (threshold > 0 && by * 4 <= threshold)
    escape_strbuf_addstr(out, ", a near miss: a little less work in the "
                              "callee would get it inlined");
  escape_strbuf_addch(out, ')');
}

static void add_detail_text(escape_strbuf *out, const escape_remark *remark,
                            const char *fallback) {
  const char *detail = escape_remark_arg(remark, ESCAPE_KEY_DETAIL);
  escape_strbuf_addstr(out, ": ");
  escape_strbuf_addstr(out, detail ? detail : fallback);
}

static void not_inlined(const escape_remark *remark, escape_strbuf *out) {
  inline_subject(remark, out, "not inlined");
  const char *detail = escape_remark_arg(remark, ESCAPE_KEY_DETAIL);
  if (reason_is(remark, "too-costly")) {
    too_costly(remark, out);
  } else if (reason_is(remark, "noinline-attribute")) {
    escape_strbuf_addstr(out, detail && strstr(detail, "call site")
                                  ? ": the call site is marked noinline"
                                  : ": the callee is marked noinline");
  } else if (reason_is(remark, "no-definition")) {
    escape_strbuf_addstr(out, ": no definition in this translation unit; "
                              "define it static inline in a header, or "
                              "build with -flto");
  } else if (reason_is(remark, "recursive")) {
    escape_strbuf_addstr(out, ": the callee is recursive");
  } else if (reason_is(remark, "indirect")) {
    escape_strbuf_addstr(out, ": the call is indirect");
  } else if (reason_is(remark, "varargs")) {
    escape_strbuf_addstr(out, ": the callee is variadic (uses va_start)");
  } else if (reason_is(remark, "optnone")) {
    escape_strbuf_addstr(out, ": the caller is optnone");
  } else if (reason_is(remark, "interposable")) {
    escape_strbuf_addstr(out, ": the callee may be replaced at link time; "
                              "make it static, or build with "
                              "-fno-semantic-interposition");
  } else if (reason_is(remark, "conflicting-attributes")) {
    add_detail_text(out, remark, "conflicting attributes");
    escape_strbuf_addstr(out, " (target features, sanitizers or similar "
                              "differ between caller and callee)");
  } else {
    add_detail_text(out, remark, "other reason");
  }
}

static void inlined(const escape_remark *remark, escape_strbuf *out) {
  inline_subject(remark, out, "inlined");
  long cost, threshold;
  if (number_arg(remark, ESCAPE_KEY_COST, &cost) &&
      number_arg(remark, ESCAPE_KEY_THRESHOLD, &threshold))
    escape_strbuf_addf(out, " (cost %ld, threshold %ld)", cost, threshold);
  else if (escape_remark_arg(remark, ESCAPE_KEY_DETAIL))
    add_detail_text(out, remark, "");
}

/* One row per remark name: its message. */
typedef struct message_builder {
  const char *name;
  void (*build)(const escape_remark *remark, escape_strbuf *out);
} message_builder;

/* LLVM's own rendering: the arg values in order. */
static void concatenate_args(const escape_remark *remark, escape_strbuf *out) {
  for (size_t i = 0; i < remark->arg_count; i++)
    escape_strbuf_addstr(out, remark->args[i].value);
}

static void local_no_escape(const escape_remark *remark, escape_strbuf *out) {
  add_quoted(out, remark, ESCAPE_KEY_VAR);
  escape_strbuf_addstr(out, " does not escape");
}

static void param_no_escape(const escape_remark *remark, escape_strbuf *out) {
  add_quoted(out, remark, ESCAPE_KEY_PARAM);
  escape_strbuf_addstr(out, " does not escape");
}

static const message_builder builders[] = {
    {"LocalEscapes", local_escapes},
    {"LeakingParam", leaking_param},
    {"LocalNoEscape", local_no_escape},
    {"ParamNoEscape", param_no_escape},
    {"HeapPromoted", heap_promoted},
    {"HeapToStack", heap_to_stack},
    {"HeapAllocInLoop", heap_alloc_in_loop},
    {"VarargsInLoop", varargs_in_loop},
    {"IndirectCallInLoop", indirect_call_in_loop},
    {"Inlined", inlined},
    {"NotInlined", not_inlined},
};

void escape_remark_message(const escape_remark *remark, escape_strbuf *out) {
  const char *name = remark->name ? remark->name : "";
  int ours = remark->pass && strcmp(remark->pass, ESCAPE_PASS_NAME) == 0;
  for (size_t i = 0; ours && i < sizeof builders / sizeof builders[0]; i++) {
    if (strcmp(builders[i].name, name) == 0) {
      builders[i].build(remark, out);
      return;
    }
  }
  concatenate_args(remark, out);
}
