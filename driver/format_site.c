#define _POSIX_C_SOURCE 200809L
#include "format_site.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "remark_summary.h"
#include "site_assets.h"
#include "site_data.h"
#include "site_index.h"
#include "site_model.h"
#include "site_source_page.h"

int format_site_wanted(const char *path) {
  size_t len = path ? strlen(path) : 0;
  if (len == 0 || strcmp(path, "-") == 0)
    return 0;
  struct stat st;
  return path[len - 1] == '/' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* dir without its trailing slashes ("/" stays "/"); NULL: out of memory. */
static char *directory_name(const char *dir) {
  char *name = strdup(dir);
  if (!name)
    return NULL;
  size_t len = strlen(name);
  while (len > 1 && name[len - 1] == '/')
    name[--len] = '\0';
  return name;
}

static int make_directory(const char *dir, FILE *err) {
  struct stat st;
  if (stat(dir, &st) == 0) {
    if (S_ISDIR(st.st_mode))
      return 0;
    fprintf(err, "escape: %s: error: not a directory\n", dir);
    return 2;
  }
  if (mkdir(dir, 0777) != 0) {
    fprintf(err, "escape: %s: error: cannot create the directory: %s\n", dir,
            strerror(errno));
    return 2;
  }
  return 0;
}

static int write_site(site_model *model, const remark_summary *summary,
                      FILE *err) {
  int result = site_assets_write(model, err);
  for (size_t i = 0; result == 0 && i < model->file_count; i++)
    result = site_source_page_write(model, i, err);
  size_t data_count = 0;
  if (result == 0)
    result = site_data_write(model, summary, &data_count, err);
  if (result == 0)
    result = site_index_write(model, summary, data_count, err);
  return result;
}

int format_site(const char *dir, const report_context *context, FILE *err) {
  char *name = directory_name(dir);
  if (!name) {
    fprintf(err, "escape: %s: error: out of memory\n", dir);
    return 2;
  }
  int result = make_directory(name, err);
  if (result != 0) {
    free(name);
    return result;
  }
  site_model model;
  remark_summary summary;
  int have_summary = 0;
  if (site_model_build(&model, context, name) != 0 ||
      !(have_summary = remark_summary_build(&summary, context->set) == 0)) {
    fprintf(err, "escape: %s: error: out of memory\n", name);
    result = 2;
  } else {
    result = write_site(&model, &summary, err);
  }
  if (have_summary)
    remark_summary_release(&summary);
  site_model_release(&model);
  free(name);
  return result;
}
