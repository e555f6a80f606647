#include "site_assets.h"

static int write_asset(const site_model *model, const char *name,
                       const char *text, FILE *err) {
  site_output output;
  int result = site_output_open(&output, model, name, err);
  if (result != 0)
    return result;
  fputs(text, output.output.stream);
  return site_output_close(&output, err);
}

int site_assets_write(const site_model *model, FILE *err) {
  int result = write_asset(model, "escape.css", site_assets_css, err);
  return result ? result : write_asset(model, "escape.js", site_assets_js, err);
}
