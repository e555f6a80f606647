#include "site_name.h"

#include <stdlib.h>

#include "name_demangle.h"
#include "site_escape.h"

char *site_display_name(const char *name) {
  return name ? name_demangle(name) : NULL;
}

void site_html_name(FILE *out, const char *name) {
  char *shown = site_display_name(name);
  site_html(out, shown ? shown : name);
  free(shown);
}

void site_js_name(FILE *out, const char *name) {
  char *shown = site_display_name(name);
  site_js_string(out, shown ? shown : name);
  free(shown);
}
