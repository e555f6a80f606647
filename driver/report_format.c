#include "report_format.h"

#include <string.h>

static const report_format formats[] = {
    {"text", format_text},   {"json", format_json},
    {"sarif", format_sarif}, {"markdown", format_markdown},
    {"html", format_html},
};

const report_format *report_format_find(const char *name) {
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}
