#define _POSIX_C_SOURCE 200809L
#include "format_site.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape/strbuf.h"

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

/* Whether dir holds a site an earlier run wrote (its index names us). */
static int holds_site(const char *dir) {
  escape_strbuf path;
  escape_strbuf_init(&path);
  escape_strbuf_addf(&path, "%s/index.html", dir);
  FILE *index = path.failed ? NULL : fopen(path.buf, "r");
  escape_strbuf_release(&path);
  if (!index)
    return 0;
  char head[1024];
  size_t got = fread(head, 1, sizeof head - 1, index);
  fclose(index);
  head[got] = '\0';
  return strstr(head, "<meta name=generator content=\"" SITE_GENERATOR "\">") !=
         NULL;
}

/* Whether name is a page or data file of this run. */
static int written_now(const site_model *model, size_t data_count,
                       const char *name) {
  unsigned long number;
  char rest[8];
  if (sscanf(name, "data-%lu.%7s", &number, rest) == 2)
    return strcmp(rest, "js") != 0 || number < data_count;
  if (name[0] != 'f' || !isdigit((unsigned char)name[1]))
    return 1; /* not ours */
  number = strtoul(name + 1, NULL, 10);
  if (number >= model->file_count)
    return 0;
  const site_file *file = &model->files[number];
  size_t len = strlen(file->page);
  if (strncmp(name, file->page, len) != 0)
    return 0;
  if (strcmp(name + len, ".html") == 0)
    return 1;
  unsigned long part;
  return sscanf(name + len, ".%lu.%7s", &part, rest) == 2 &&
         strcmp(rest, "html") == 0 && part >= 2 && part <= file->part_count;
}

/* Removes the pages and data files of an earlier run that this one did
 * not write, so that the directory is the new site alone. */
static void remove_stale(const site_model *model, size_t data_count) {
  DIR *dir = opendir(model->dir);
  if (!dir)
    return;
  escape_strbuf path;
  escape_strbuf_init(&path);
  for (struct dirent *entry; (entry = readdir(dir));) {
    const char *name = entry->d_name;
    size_t len = strlen(name);
    int ours =
        (len > 5 && strcmp(name + len - 5, ".html") == 0 && name[0] == 'f') ||
        strncmp(name, "data-", 5) == 0;
    if (!ours || written_now(model, data_count, name))
      continue;
    escape_strbuf_reset(&path);
    escape_strbuf_addf(&path, "%s/%s", model->dir, name);
    if (!path.failed)
      unlink(path.buf);
  }
  escape_strbuf_release(&path);
  closedir(dir);
}

static int write_site(site_model *model, const remark_summary *summary,
                      FILE *err) {
  int earlier = holds_site(model->dir);
  int result = site_assets_write(model, err);
  for (size_t i = 0; result == 0 && i < model->file_count; i++)
    result = site_source_page_write(model, i, err);
  size_t data_count = 0;
  if (result == 0)
    result = site_data_write(model, summary, &data_count, err);
  if (result == 0)
    result = site_index_write(model, summary, data_count, err);
  if (result == 0 && earlier)
    remove_stale(model, data_count);
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
