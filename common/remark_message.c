#include "escape/remark_message.h"

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

static void local_escapes(const escape_remark *remark, escape_strbuf *out) {
  add_quoted(out, remark, ESCAPE_KEY_VAR);
  if (reason_is(remark, "call")) {
    escape_strbuf_addstr(out, " escapes: address passed to ");
    add_quoted(out, remark, ESCAPE_KEY_CALLEE);
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
  if (reason_is(remark, "call")) {
    escape_strbuf_addstr(out, " is passed to ");
    add_quoted(out, remark, ESCAPE_KEY_CALLEE);
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

/* LLVM's own rendering: the arg values in order. */
static void concatenate_args(const escape_remark *remark, escape_strbuf *out) {
  for (size_t i = 0; i < remark->arg_count; i++)
    escape_strbuf_addstr(out, remark->args[i].value);
}

void escape_remark_message(const escape_remark *remark, escape_strbuf *out) {
  const char *name = remark->name ? remark->name : "";
  int ours = remark->pass && strcmp(remark->pass, ESCAPE_PASS_NAME) == 0;
  if (ours && strcmp(name, "LocalEscapes") == 0) {
    local_escapes(remark, out);
  } else if (ours && strcmp(name, "LeakingParam") == 0) {
    leaking_param(remark, out);
  } else if (ours && strcmp(name, "LocalNoEscape") == 0) {
    add_quoted(out, remark, ESCAPE_KEY_VAR);
    escape_strbuf_addstr(out, " does not escape");
  } else if (ours && strcmp(name, "ParamNoEscape") == 0) {
    add_quoted(out, remark, ESCAPE_KEY_PARAM);
    escape_strbuf_addstr(out, " does not escape");
  } else {
    concatenate_args(remark, out);
  }
}
