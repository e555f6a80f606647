#include "site_escape.h"

void site_html_n(FILE *out, const char *text, size_t len) {
  for (size_t i = 0; i < len; i++) {
    switch (text[i]) {
    case '&':
      fputs("&amp;", out);
      break;
    case '<':
      fputs("&lt;", out);
      break;
    case '>':
      fputs("&gt;", out);
      break;
    case '"':
      fputs("&quot;", out);
      break;
    case '\'':
      fputs("&#39;", out);
      break;
    default:
      fputc(text[i], out);
    }
  }
}

void site_html(FILE *out, const char *text) {
  if (!text)
    return;
  for (const char *p = text; *p; p++)
    site_html_n(out, p, 1);
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
