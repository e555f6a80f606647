#include "escape/remark_sentence.h"

#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"

/* The state of one sentence being built: which args it used and the text
 * waiting to become one `String` piece. */
typedef struct sentence {
  const escape_remark *remark;
  unsigned char *used; /* per arg: already in the sentence */
  escape_strbuf text;
  escape_sentence_piece piece;
  void *context;
  int status;
} sentence;

static int is_string(const escape_arg *arg) {
  return strcmp(arg->key, ESCAPE_KEY_STRING) == 0;
}

/* The first named arg with key (len bytes), or -1. */
static long find_arg(const escape_remark *remark, const char *key, size_t len) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    const char *k = remark->args[i].key;
    if (!is_string(&remark->args[i]) && strlen(k) == len &&
        memcmp(k, key, len) == 0)
      return (long)i;
  }
  return -1;
}

static const char *arg_value(const escape_remark *remark, const char *key) {
  long i = find_arg(remark, key, strlen(key));
  return i < 0 ? NULL : remark->args[i].value;
}

static void flush_text(sentence *s) {
  if (s->status || s->text.len == 0)
    return;
  if (s->text.failed) {
    s->status = -1;
    return;
  }
  s->status = s->piece(s->context, ESCAPE_KEY_STRING, s->text.buf, NULL);
  escape_strbuf_reset(&s->text);
}

static void add_arg(sentence *s, long i) {
  flush_text(s);
  if (s->status)
    return;
  const escape_arg *arg = &s->remark->args[i];
  s->used[i] = 1;
  s->status = s->piece(s->context, arg->key, arg->value,
                       arg->loc.file ? &arg->loc : NULL);
}

/* {Key}: the arg, or '?' so a damaged remark still reads as a sentence. */
static void add_key(sentence *s, const char *key, size_t len) {
  long i = find_arg(s->remark, key, len);
  if (i < 0)
    escape_strbuf_addch(&s->text, '?');
  else
    add_arg(s, i);
}

static void add_named(sentence *s, const char *key) {
  add_key(s, key, strlen(key));
}

static int number_arg(const escape_remark *remark, const char *key,
                      long *value) {
  const char *text = arg_value(remark, key);
  if (!text || !*text)
    return 0;
  char *end;
  *value = strtol(text, &end, 10);
  return *end == '\0';
}

/* " at FILE:LINE", as " at %s:%u" writes it: this runs for every level of
 * every inlined context, inside the compile. */
static void add_place(escape_strbuf *text, const char *file, unsigned line) {
  escape_strbuf_add(text, " at ", 4);
  escape_strbuf_addstr(text, file);
  escape_strbuf_addch(text, ':');
  escape_strbuf_addu(text, line);
}

/* value in decimal, as "%ld" writes it. */
static void add_signed(escape_strbuf *text, long value) {
  unsigned long long magnitude = (unsigned long long)value;
  if (value < 0) {
    escape_strbuf_addch(text, '-');
    magnitude = 0ULL - magnitude;
  }
  escape_strbuf_addu(text, magnitude);
}

/* {=argno}: the argument position as the user counts it. */
static void hook_argno(sentence *s) {
  const char *argno = arg_value(s->remark, ESCAPE_KEY_ARGNO);
  if (!argno)
    return;
  int self = strcmp(argno, "this") == 0;
  escape_strbuf_addstr(&s->text, self ? " (as '" : " (argument ");
  add_named(s, ESCAPE_KEY_ARGNO);
  escape_strbuf_addstr(&s->text, self ? "')" : ")");
}

/* {=by}: how far the cost is over the threshold; within 25% is a near
 * miss. */
static void hook_by(sentence *s) {
  long cost, threshold;
  if (!number_arg(s->remark, ESCAPE_KEY_COST, &cost) ||
      !number_arg(s->remark, ESCAPE_KEY_THRESHOLD, &threshold)) {
    escape_strbuf_addstr(&s->text, "by ?");
    return;
  }
  long by = cost - threshold;
  escape_strbuf_addstr(&s->text, "by ");
  add_signed(&s->text, by);
  if (threshold > 0 && by * 4 <= threshold)
    escape_strbuf_addstr(&s->text, ", a near miss: a little less work in "
                                   "the callee would get it inlined");
}

/* How a flow chain ends (FlowEnd values, plugin/FlowChains.cpp): the text
 * around the value, which is itself part of the sentence. */
typedef struct flow_end_words {
  const char *value;
  const char *before;
  const char *after;
} flow_end_words;

static const flow_end_words flow_ends[] = {
    {"returned", ", where it is ", ""},
    {"asm", ", which gives it to inline ", ""},
    {"unknown", ", whose body is ", " (not in this translation unit)"},
    {"cycle", ", which leads back into a ", " (chain cut)"},
    {"no-escape", ", which keeps nothing (its parameter is proved ",
     " there; the optimizer could not rely on that definition at this call: "
     "make it static or mark the parameter 'noescape')"},
    {"indirect", ", which passes it to an ", " callee"},
    {"varargs", ", which passes it on as ", ""},
    {"too-long", ", and so on (chain cut: ", ")"},
    /* Added by the driver from another translation unit's Definition. */
    {"nothing", ", which keeps ",
     " (it escapes here only because the compiler could not see that "
     "definition: define it where it is called, mark the parameter "
     "'noescape', or build with -flto=thin)"},
};

static const flow_end_words *flow_end_for(const char *value) {
  static const flow_end_words other = {NULL, ", where it is captured (", ")"};
  for (size_t i = 0; i < sizeof flow_ends / sizeof flow_ends[0]; i++)
    if (strcmp(flow_ends[i].value, value) == 0)
      return &flow_ends[i];
  return &other;
}

/* " at FILE:LINE" of a flow step that has a location. */
static void add_flow_place(sentence *s, const escape_arg *arg) {
  if (arg->loc.file && arg->loc.line)
    add_place(&s->text, arg->loc.file, arg->loc.line);
}

static void add_flow_step(sentence *s, long i) {
  const escape_arg *arg = &s->remark->args[i];
  if (strcmp(arg->key, ESCAPE_KEY_HOP) == 0) {
    escape_strbuf_addstr(&s->text, ", which passes it to '");
    add_arg(s, i);
    escape_strbuf_addch(&s->text, '\'');
  } else if (strcmp(arg->key, ESCAPE_KEY_HOP_ARGNO) == 0) {
    int self = strcmp(arg->value, "this") == 0;
    escape_strbuf_addstr(&s->text, self ? " (as '" : " (argument ");
    add_arg(s, i);
    escape_strbuf_addstr(&s->text, self ? "')" : ")");
  } else if (strcmp(arg->key, ESCAPE_KEY_STORE) == 0) {
    escape_strbuf_addstr(&s->text, ", which stores it into ");
    add_arg(s, i);
    add_flow_place(s, arg);
  } else if (strcmp(arg->key, ESCAPE_KEY_DEFINED) == 0) {
    /* The driver's join: the chain goes on in another translation unit. */
    escape_strbuf_addstr(&s->text, ", defined in ");
    add_arg(s, i);
    escape_strbuf_addstr(&s->text, " (another translation unit)");
  } else if (strcmp(arg->key, ESCAPE_KEY_FLOW_END) == 0) {
    const flow_end_words *words = flow_end_for(arg->value);
    escape_strbuf_addstr(&s->text, words->before);
    add_arg(s, i);
    escape_strbuf_addstr(&s->text, words->after);
    add_flow_place(s, arg);
  }
}

/* {=flow}: the hops of a capture through the callees, in arg order. */
static void hook_flow(sentence *s) {
  for (size_t i = 0; i < s->remark->arg_count && !s->status; i++)
    if (!s->used[i] && !is_string(&s->remark->args[i]))
      add_flow_step(s, (long)i);
}

/* The next arg with key after index from (-1: from the start), or -1. */
static long next_arg(const escape_remark *remark, const char *key, long from) {
  for (size_t i = (size_t)(from + 1); i < remark->arg_count; i++)
    if (strcmp(remark->args[i].key, key) == 0)
      return (long)i;
  return -1;
}

/* " at NAME:LINE" of an inlined-at call or a loop, by the file's last
 * component: the remark's own line already names the file in full, and the
 * DebugLoc keeps the whole path. */
static void add_short_place(sentence *s, const escape_arg *arg) {
  if (!arg->loc.file || !arg->loc.line)
    return;
  const char *name = strrchr(arg->loc.file, '/');
  add_place(&s->text, name ? name + 1 : arg->loc.file, arg->loc.line);
}

/* {=context}: where inlined code came from, one level of the inlined-at
 * chain per InlinedFrom arg (each at the call it was inlined at), up to the
 * InlinedInto function: " in 'a', inlined into 'b' at x.c:10, inlined into
 * 'c' at x.c:30". */
static void hook_context(sentence *s) {
  long from = next_arg(s->remark, ESCAPE_KEY_INLINED_FROM, -1);
  if (from < 0)
    return;
  escape_strbuf_addstr(&s->text, " in '");
  add_arg(s, from);
  escape_strbuf_addch(&s->text, '\'');
  while (from >= 0 && !s->status) {
    long into = next_arg(s->remark, ESCAPE_KEY_INLINED_FROM, from);
    const escape_arg *at = &s->remark->args[from];
    escape_strbuf_addstr(&s->text, ", inlined into '");
    if (into >= 0)
      add_arg(s, into);
    else
      add_key(s, ESCAPE_KEY_INLINED_INTO, strlen(ESCAPE_KEY_INLINED_INTO));
    escape_strbuf_addch(&s->text, '\'');
    add_short_place(s, at);
    from = into;
  }
}

/* {=loop}: " at FILE:LINE" of the loop the site is in (the DebugLoc of
 * LoopDepth), when it is known. */
static void hook_loop(sentence *s) {
  long i =
      find_arg(s->remark, ESCAPE_KEY_LOOP_DEPTH, strlen(ESCAPE_KEY_LOOP_DEPTH));
  if (i >= 0)
    add_short_place(s, &s->remark->args[i]);
}

static int hook_is(const char *name, size_t len, const char *hook) {
  return strlen(hook) == len && memcmp(name, hook, len) == 0;
}

static void add_hook(sentence *s, const char *name, size_t len) {
  if (hook_is(name, len, "argno"))
    hook_argno(s);
  else if (hook_is(name, len, "by"))
    hook_by(s);
  else if (hook_is(name, len, "flow"))
    hook_flow(s);
  else if (hook_is(name, len, "context"))
    hook_context(s);
  else if (hook_is(name, len, "loop"))
    hook_loop(s);
  else
    escape_strbuf_addch(&s->text, '?');
}

/* Whether a hook holds its [A|B] group: {=context} only in inlined code,
 * so that the group's words around it go with it; the others always (they
 * say nothing when they have nothing to say). */
static int hook_present(const escape_remark *remark, const char *name,
                        size_t len) {
  if (hook_is(name, len, "context"))
    return next_arg(remark, ESCAPE_KEY_INLINED_FROM, -1) >= 0;
  return 1;
}

/* The end of the {...} starting at p, or end when it is not closed. */
static const char *close_brace(const char *p, const char *end) {
  const char *close = memchr(p, '}', (size_t)(end - p));
  return close ? close : end;
}

/* 1 when every {Key} in [p, end) names a present arg. */
static int keys_present(const escape_remark *remark, const char *p,
                        const char *end) {
  while (p < end) {
    if (*p == '\\') {
      p += 2;
      continue;
    }
    if (*p++ != '{')
      continue;
    const char *close = close_brace(p, end);
    if (*p == '=' ? !hook_present(remark, p + 1, (size_t)(close - p - 1))
                  : find_arg(remark, p, (size_t)(close - p)) < 0)
      return 0;
    p = close + 1;
  }
  return 1;
}

static void render(sentence *s, const char *p, const char *end);

/* Where the group starting after '[' ends (its ']') and its '|', if any. */
static const char *group_end(const char *p, const char *end, const char **bar) {
  *bar = NULL;
  for (; p < end && *p != ']'; p++) {
    if (*p == '\\' && p + 1 < end)
      p++;
    else if (*p == '|' && !*bar)
      *bar = p;
  }
  return p;
}

static const char *render_group(sentence *s, const char *p, const char *end) {
  const char *bar;
  const char *close = group_end(p, end, &bar);
  const char *first_end = bar ? bar : close;
  if (keys_present(s->remark, p, first_end))
    render(s, p, first_end);
  else if (bar)
    render(s, bar + 1, close);
  return close < end ? close + 1 : close;
}

static void render(sentence *s, const char *p, const char *end) {
  while (p < end && !s->status) {
    if (*p == '\\' && p + 1 < end) {
      escape_strbuf_addch(&s->text, p[1]);
      p += 2;
    } else if (*p == '[') {
      p = render_group(s, p + 1, end);
    } else if (*p == '{') {
      const char *close = close_brace(p + 1, end);
      if (p[1] == '=')
        add_hook(s, p + 2, (size_t)(close - p - 2));
      else
        add_key(s, p + 1, (size_t)(close - p - 1));
      p = close < end ? close + 1 : close;
    } else {
      const char *next = p + strcspn(p, "\\[{");
      if (next > end)
        next = end;
      escape_strbuf_add(&s->text, p, (size_t)(next - p));
      p = next;
    }
  }
}

/* One condition of a Match: `Key`, `!Key` or `Key=Value` ([p, end)). */
static int condition_holds(const escape_remark *remark, const char *p,
                           const char *end) {
  int negate = p < end && *p == '!';
  if (negate)
    p++;
  const char *eq = memchr(p, '=', (size_t)(end - p));
  const char *key_end = eq ? eq : end;
  long i = find_arg(remark, p, (size_t)(key_end - p));
  if (!eq)
    return negate ? i < 0 : i >= 0;
  if (i < 0)
    return 0;
  const char *value = remark->args[i].value;
  size_t len = (size_t)(end - eq - 1);
  return strlen(value) == len && memcmp(value, eq + 1, len) == 0;
}

static int match_holds(const escape_remark *remark, const char *match) {
  while (*match) {
    size_t len = strcspn(match, ";");
    if (len > 0 && !condition_holds(remark, match, match + len))
      return 0;
    match += len;
    if (*match == ';')
      match++;
  }
  return 1;
}

static const escape_sentence_row *row_for(const escape_remark *remark,
                                          escape_remark_kind kind) {
  size_t count;
  const escape_sentence_row *rows = escape_sentence_rows(&count);
  for (size_t i = 0; i < count; i++)
    if (rows[i].kind == kind && match_holds(remark, rows[i].match))
      return &rows[i];
  return NULL;
}

/* InFunction, a line-0 remark's place: said in words, as every template
 * would say it. */
static void add_in_function(sentence *s, long i) {
  escape_strbuf_addstr(&s->text, " (at no single source line: the optimizer "
                                 "merged or made this call in '");
  add_arg(s, i);
  escape_strbuf_addstr(&s->text, "'; shown at its definition)");
}

/* Named args the template left out: "; Key: value", so nothing is lost. */
static void add_unused(sentence *s) {
  for (size_t i = 0; i < s->remark->arg_count && !s->status; i++) {
    if (s->used[i] || is_string(&s->remark->args[i]))
      continue;
    if (strcmp(s->remark->args[i].key, ESCAPE_KEY_IN_FUNCTION) == 0) {
      add_in_function(s, (long)i);
      continue;
    }
    /* A context the template does not place: said in words at the end. */
    if (strcmp(s->remark->args[i].key, ESCAPE_KEY_INLINED_FROM) == 0) {
      escape_strbuf_addch(&s->text, ';');
      hook_context(s);
      continue;
    }
    /* A marker (`Suppressed: ''`, docs/assertions.md) is kept as an arg but
     * is no fact of the sentence: it adds no text. */
    if (strcmp(s->remark->args[i].key, ESCAPE_KEY_SUPPRESSED) != 0)
      escape_strbuf_addf(&s->text, "; %s: ", s->remark->args[i].key);
    add_arg(s, (long)i);
  }
}

/* Another pass's remark: its args are its sentence. */
static int foreign_sentence(const escape_remark *remark,
                            escape_sentence_piece piece, void *context) {
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    int status =
        piece(context, arg->key, arg->value, arg->loc.file ? &arg->loc : NULL);
    if (status)
      return status;
  }
  return 0;
}

int escape_remark_sentence(const escape_remark *remark,
                           escape_sentence_piece piece, void *context) {
  const escape_catalog_entry *entry = escape_catalog_of(remark);
  const escape_sentence_row *row = entry ? row_for(remark, entry->kind) : NULL;
  if (!row)
    return foreign_sentence(remark, piece, context);
  sentence s = {remark, calloc(remark->arg_count + 1, 1), {0}, piece, context,
                0};
  if (!s.used)
    return -1;
  escape_strbuf_init(&s.text);
  render(&s, row->text, row->text + strlen(row->text));
  add_unused(&s);
  flush_text(&s);
  escape_strbuf_release(&s.text);
  free(s.used);
  return s.status;
}

static int append_value(void *context, const char *key, const char *value,
                        const escape_loc *loc) {
  (void)key;
  (void)loc;
  escape_strbuf_addstr(context, value);
  return 0;
}

void escape_remark_message(const escape_remark *remark, escape_strbuf *out) {
  if (escape_remark_sentence(remark, append_value, out))
    out->failed = 1;
}

/* A sentence being composed into new args: a piece that is one of the
 * source's own args moves into them instead of being copied, the first time
 * it is used (a template may use an arg twice). */
typedef struct composer {
  escape_remark *out;
  const escape_remark *source;
  unsigned char *moved; /* per source arg: its strings now belong to out */
} composer;

/* The source arg whose strings these are, or -1 (a String piece's text). */
static long source_arg(const composer *c, const char *key, const char *value) {
  for (size_t i = 0; i < c->source->arg_count; i++)
    if (c->source->args[i].key == key && c->source->args[i].value == value)
      return (long)i;
  return -1;
}

static int add_piece(void *context, const char *key, const char *value,
                     const escape_loc *loc) {
  composer *c = context;
  long i = source_arg(c, key, value);
  if (i < 0 || c->moved[i])
    return escape_remark_add_arg(c->out, key, value, loc);
  if (escape_remark_take_arg(c->out, &c->source->args[i]) != 0)
    return -1;
  c->moved[i] = 1;
  return 0;
}

/* Frees the source's args but the strings that moved into the composed
 * remark. */
static void release_source_args(escape_arg *args, size_t count,
                                const unsigned char *moved) {
  for (size_t i = 0; i < count; i++)
    if (!moved[i])
      escape_arg_release(&args[i]);
  free(args);
}

int escape_remark_compose(escape_remark *remark) {
  if (!escape_catalog_of(remark))
    return 0;
  escape_remark composed;
  escape_remark_init(&composed);
  composer c = {&composed, remark, calloc(remark->arg_count + 1, 1)};
  if (!c.moved)
    return -1;
  if (escape_remark_sentence(remark, add_piece, &c)) {
    /* The moved strings are the source's again: composed gives back only
     * the ones it copied. */
    for (size_t i = 0; i < composed.arg_count; i++) {
      escape_arg *arg = &composed.args[i];
      if (source_arg(&c, arg->key, arg->value) < 0)
        escape_arg_release(arg);
    }
    free(composed.args);
    free(c.moved);
    return -1;
  }
  release_source_args(remark->args, remark->arg_count, c.moved);
  remark->args = composed.args;
  remark->arg_count = composed.arg_count;
  free(c.moved);
  return 0;
}
