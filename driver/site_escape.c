#include "site_escape.h"

#include <string.h>

/* The entity for c, or NULL when c stands for itself. */
static const char *entity(char c) {
  switch (c) {
  case '&':
    return "&amp;";
  case '<':
    return "&lt;";
  case '>':
    return "&gt;";
  case '"':
    return "&quot;";
  case '\'':
    return "&#39;";
  default:
    return NULL;
  }
}

void site_html_n(FILE *out, const char *text, size_t len) {
  size_t start = 0; /* the run of plain characters not yet written */
  for (size_t i = 0; i < len; i++) {
    const char *replacement = entity(text[i]);
    if (!replacement)
      continue;
    fwrite(text + start, 1, i - start, out);
    fputs(replacement, out);
    start = i + 1;
  }
  fwrite(text + start, 1, len - start, out);
}

void site_html(FILE *out, const char *text) {
  if (text)
    site_html_n(out, text, strlen(text));
}

void site_js_string(FILE *out, const char *text) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p;
       p++) {
    if (*p == '"' || *p == '\\')
      fprintf(out, "\\%c", *p);
    else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
      fprintf(out, "\\u%04x", *p); /* never `</script>` in the data */
    else
      fputc(*p, out);
  }
  fputc('"', out);
}
