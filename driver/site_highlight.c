#include "site_highlight.h"

#include <ctype.h>
#include <string.h>

#include "site_escape.h"

static const char *const keywords[] = {"alignas",
                                       "alignof",
                                       "asm",
                                       "auto",
                                       "break",
                                       "case",
                                       "catch",
                                       "class",
                                       "co_await",
                                       "co_return",
                                       "co_yield",
                                       "concept",
                                       "const",
                                       "consteval",
                                       "constexpr",
                                       "constinit",
                                       "const_cast",
                                       "continue",
                                       "decltype",
                                       "default",
                                       "delete",
                                       "do",
                                       "dynamic_cast",
                                       "else",
                                       "enum",
                                       "explicit",
                                       "export",
                                       "extern",
                                       "false",
                                       "final",
                                       "for",
                                       "friend",
                                       "goto",
                                       "if",
                                       "inline",
                                       "mutable",
                                       "namespace",
                                       "new",
                                       "noexcept",
                                       "nullptr",
                                       "operator",
                                       "override",
                                       "private",
                                       "protected",
                                       "public",
                                       "register",
                                       "reinterpret_cast",
                                       "requires",
                                       "restrict",
                                       "return",
                                       "sizeof",
                                       "static",
                                       "static_assert",
                                       "static_cast",
                                       "struct",
                                       "switch",
                                       "template",
                                       "this",
                                       "throw",
                                       "true",
                                       "try",
                                       "typedef",
                                       "typeid",
                                       "typename",
                                       "union",
                                       "using",
                                       "virtual",
                                       "volatile",
                                       "while",
                                       "_Alignas",
                                       "_Alignof",
                                       "_Atomic",
                                       "_Generic",
                                       "_Noreturn",
                                       "_Static_assert",
                                       "_Thread_local",
                                       "__attribute__",
                                       "__asm__",
                                       "__inline__",
                                       "__restrict",
                                       "__typeof__",
                                       "typeof",
                                       NULL};

static const char *const types[] = {
    "bool",      "char",     "char8_t",   "char16_t", "char32_t", "double",
    "float",     "int",      "long",      "short",    "signed",   "unsigned",
    "void",      "wchar_t",  "_Bool",     "_Complex", "size_t",   "ssize_t",
    "ptrdiff_t", "intptr_t", "uintptr_t", "int8_t",   "int16_t",  "int32_t",
    "int64_t",   "uint8_t",  "uint16_t",  "uint32_t", "uint64_t", "FILE",
    "va_list",   NULL};

static int in_list(const char *const *list, const char *word, size_t len) {
  for (; *list; list++)
    if (strlen(*list) == len && memcmp(*list, word, len) == 0)
      return 1;
  return 0;
}

static void span(FILE *out, const char *class_name, const char *text,
                 size_t len) {
  fprintf(out, "<span class=%s>", class_name);
  site_html_n(out, text, len);
  fputs("</span>", out);
}

static int word_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* The end of a quoted literal starting at i (the quote): after its
 * closing quote, or the end of the line. */
static size_t literal_end(const char *line, size_t len, size_t i) {
  char quote = line[i];
  for (i++; i < len; i++) {
    if (line[i] == '\\')
      i++;
    else if (line[i] == quote)
      return i + 1;
  }
  return len;
}

/* The end of a preprocessing number starting at i. */
static size_t number_end(const char *line, size_t len, size_t i) {
  for (i++; i < len; i++) {
    char c = line[i];
    char before = line[i - 1];
    if (word_char(c) || c == '.' ||
        (c == '\'' && i + 1 < len && isxdigit((unsigned char)line[i + 1])))
      continue;
    if ((c == '+' || c == '-') && strchr("eEpP", before))
      continue;
    break;
  }
  return i;
}

/* The end of a block comment starting at i; sets *closed. */
static size_t comment_end(const char *line, size_t len, size_t i, int *closed) {
  for (; i + 1 < len; i++)
    if (line[i] == '*' && line[i + 1] == '/') {
      *closed = 1;
      return i + 2;
    }
  *closed = 0;
  return len;
}

/* Writes a directive's name ("#include") and, for #include, its header. */
static size_t directive(FILE *out, const char *line, size_t len, size_t i) {
  size_t start = i++;
  while (i < len && isspace((unsigned char)line[i]))
    i++;
  size_t name = i;
  while (i < len && word_char(line[i]))
    i++;
  span(out, "p", line + start, i - start);
  if (i - name != 7 || memcmp(line + name, "include", 7) != 0)
    return i;
  size_t j = i;
  while (j < len && isspace((unsigned char)line[j]))
    j++;
  if (j < len && line[j] == '<') {
    site_html_n(out, line + i, j - i);
    const char *close = memchr(line + j, '>', len - j);
    size_t end = close ? (size_t)(close - line) + 1 : len;
    span(out, "s", line + j, end - j);
    return end;
  }
  return i;
}

void site_highlight_init(site_highlight *state) {
  memset(state, 0, sizeof *state);
}

void site_highlight_line(FILE *out, site_highlight *state, const char *line,
                         size_t len) {
  size_t i = 0;
  int closed = 1;
  if (state->in_comment) {
    i = comment_end(line, len, 0, &closed);
    span(out, "c", line, i);
    state->in_comment = !closed;
  }
  size_t first = i;
  while (first < len && isspace((unsigned char)line[first]))
    first++;
  int continued = state->in_directive;
  state->in_directive = 0;
  if (!state->in_comment && first < len && line[first] == '#' && !continued) {
    site_html_n(out, line + i, first - i);
    i = directive(out, line, len, first);
    state->in_directive = 1;
  }
  if (continued)
    state->in_directive = 1;
  size_t plain = i; /* the start of text not yet written: no span */
  while (i < len) {
    char c = line[i];
    size_t end;
    const char *class_name = NULL;
    if (c == '/' && i + 1 < len && line[i + 1] == '/') {
      end = len;
      class_name = "c";
    } else if (c == '/' && i + 1 < len && line[i + 1] == '*') {
      end = comment_end(line, len, i + 2, &closed);
      state->in_comment = !closed;
      class_name = "c";
    } else if (c == '"' || (c == '\'' && !(i > 0 && word_char(line[i - 1])))) {
      end = literal_end(line, len, i);
      class_name = "s";
    } else if (isdigit((unsigned char)c) ||
               (c == '.' && i + 1 < len &&
                isdigit((unsigned char)line[i + 1]))) {
      end = number_end(line, len, i);
      class_name = "n";
    } else if (word_char(c)) {
      for (end = i + 1; end < len && word_char(line[end]); end++)
        ;
      class_name = in_list(keywords, line + i, end - i) ? "k"
                   : in_list(types, line + i, end - i)  ? "t"
                                                        : NULL;
    } else {
      end = i + 1;
    }
    if (class_name) {
      site_html_n(out, line + plain, i - plain);
      span(out, class_name, line + i, end - i);
      plain = end;
    }
    i = end;
  }
  site_html_n(out, line + plain, len - plain);
  /* A directive continues on the next line only after a backslash. */
  if (state->in_directive && !(len > 0 && line[len - 1] == '\\'))
    state->in_directive = 0;
}
