#define _POSIX_C_SOURCE 200809L
#include "site_model.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "escape/strbuf.h"
#include "remark_flow.h"
#include "site_rank.h"

/* Where the text of file is: as written if absolute or without a root,
 * else below the root, then as written. NULL when not a readable file. */
static char *find_source(const char *root, int read_sources, const char *file) {
  if (!read_sources)
    return NULL;
  escape_strbuf path;
  escape_strbuf_init(&path);
  if (file[0] != '/' && root)
    escape_strbuf_addf(&path, "%s/%s", root, file);
  const char *tries[2] = {path.len ? path.buf : file, path.len ? file : NULL};
  for (size_t i = 0; i < 2 && tries[i]; i++) {
    struct stat st;
    if (stat(tries[i], &st) == 0 && S_ISREG(st.st_mode)) {
      char *found = strdup(tries[i]);
      escape_strbuf_release(&path);
      return found;
    }
  }
  escape_strbuf_release(&path);
  return NULL;
}

/* "f0003-name.c": the number keeps names unique, the base name tells a
 * person which file it is; only [A-Za-z0-9._-] so any file system and URL
 * take it. */
static char *page_name(size_t index, const char *file) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  escape_strbuf name;
  escape_strbuf_init(&name);
  escape_strbuf_addf(&name, "f%04zu-", index);
  for (size_t i = 0; base[i] && i < 60; i++) {
    char c = base[i];
    escape_strbuf_addch(&name, isalnum((unsigned char)c) || c == '.' ||
                                       c == '-' || c == '_'
                                   ? c
                                   : '_');
  }
  return escape_strbuf_detach(&name);
}

static int group_files(site_model *model) {
  const remark_set *set = model->context->set;
  for (size_t i = 0; i < set->count; i++) {
    const remark_entry *entry = set->entries[i];
    const char *file = entry->remark.loc.file;
    model->file_of[i] = SIZE_MAX;
    if (!file)
      continue;
    site_file *last =
        model->file_count ? &model->files[model->file_count - 1] : NULL;
    if (!last || strcmp(last->name, file) != 0) {
      last = &model->files[model->file_count];
      memset(last, 0, sizeof *last);
      last->name = file;
      last->first = i;
      last->page = page_name(model->file_count, file);
      last->source =
          find_source(model->context->root, model->context->read_sources, file);
      if (!last->page)
        return -1;
      model->file_count++;
    }
    last->count++;
    last->cost += site_cost(entry);
    model->file_of[i] = model->file_count - 1;
  }
  return 0;
}

/* An entry index with the set, for sorting indices by entries. */
typedef struct indexed_entry {
  const remark_entry *entry; /* first: site_compare reads it */
  size_t index;
} indexed_entry;

static int compare_by_function(const void *left, const void *right) {
  const indexed_entry *a = left, *b = right;
  int diff = strcmp(a->entry->remark.function, b->entry->remark.function);
  if (diff)
    return diff;
  return (a->index > b->index) - (a->index < b->index);
}

static int group_functions(site_model *model, indexed_entry *order) {
  const remark_set *set = model->context->set;
  size_t named = 0;
  for (size_t i = 0; i < set->count; i++) {
    model->function_of[i] = SIZE_MAX;
    if (set->entries[i]->remark.function)
      order[named++] = (indexed_entry){set->entries[i], i};
  }
  qsort(order, named, sizeof *order, compare_by_function);
  for (size_t i = 0; i < named; i++) {
    const char *name = order[i].entry->remark.function;
    site_function *last = model->function_count
                              ? &model->functions[model->function_count - 1]
                              : NULL;
    if (!last || strcmp(last->name, name) != 0) {
      last = &model->functions[model->function_count++];
      *last = (site_function){name, model->file_of[order[i].index], 0, 0};
    }
    last->count++;
    last->cost += site_cost(order[i].entry);
    model->function_of[order[i].index] = model->function_count - 1;
  }
  return 0;
}

/* A step with the file it points into, for sorting. */
typedef struct file_step {
  size_t file;
  site_step_in step;
} file_step;

static int compare_steps(const void *left, const void *right) {
  const file_step *a = left, *b = right;
  if (a->file != b->file)
    return a->file < b->file ? -1 : 1;
  if (a->step.line != b->step.line)
    return a->step.line < b->step.line ? -1 : 1;
  if (a->step.entry != b->step.entry)
    return a->step.entry < b->step.entry ? -1 : 1;
  return (a->step.arg > b->step.arg) - (a->step.arg < b->step.arg);
}

/* Finds the steps of every remark's flow and context that point into a
 * file of the site, and gives each file its own, by line. */
static int index_steps(site_model *model) {
  const remark_set *set = model->context->set;
  size_t count = 0, alloc = 0;
  file_step *steps = NULL;
  for (size_t i = 0; i < set->count; i++) {
    const escape_remark *remark = &set->entries[i]->remark;
    for (size_t a = 0; a < remark->arg_count; a++) {
      const escape_arg *arg = &remark->args[a];
      if (!remark_flow_is_context(remark, arg) &&
          !remark_flow_is_hop(remark, arg))
        continue;
      size_t file = site_model_find_file(model, arg->loc.file);
      /* The remark is shown at its own line already. */
      if (file == SIZE_MAX ||
          (file == model->file_of[i] && arg->loc.line == remark->loc.line))
        continue;
      if (count == alloc) {
        alloc = alloc ? 2 * alloc : 64;
        file_step *grown = realloc(steps, alloc * sizeof *steps);
        if (!grown) {
          free(steps);
          return -1;
        }
        steps = grown;
      }
      steps[count++] = (file_step){file, {arg->loc.line, i, a}};
    }
  }
  qsort(steps, count, sizeof *steps, compare_steps);
  model->steps_in = malloc((count + 1) * sizeof *model->steps_in);
  if (!model->steps_in) {
    free(steps);
    return -1;
  }
  size_t kept = 0;
  for (size_t i = 0; i < count; i++) {
    /* One link back per remark and line, however many of its steps. */
    if (i > 0 && steps[i].file == steps[i - 1].file &&
        steps[i].step.line == steps[i - 1].step.line &&
        steps[i].step.entry == steps[i - 1].step.entry)
      continue;
    site_file *file = &model->files[steps[i].file];
    model->steps_in[kept] = steps[i].step;
    if (file->step_in_count++ == 0)
      file->steps_in = &model->steps_in[kept];
    kept++;
  }
  free(steps);
  return 0;
}

static void rank(site_model *model, indexed_entry *order) {
  const remark_set *set = model->context->set;
  for (size_t i = 0; i < set->count; i++)
    order[i] = (indexed_entry){set->entries[i], i};
  qsort(order, set->count, sizeof *order, site_compare);
  for (size_t i = 0; i < set->count; i++)
    model->ranked[i] = order[i].index;
}

int site_model_build(site_model *model, const report_context *context,
                     const char *dir) {
  memset(model, 0, sizeof *model);
  model->context = context;
  model->dir = dir;
  size_t n = context->set->count + 1;
  model->files = malloc(n * sizeof *model->files);
  model->functions = malloc(n * sizeof *model->functions);
  model->file_of = malloc(n * sizeof *model->file_of);
  model->function_of = malloc(n * sizeof *model->function_of);
  model->ranked = malloc(n * sizeof *model->ranked);
  indexed_entry *order = malloc(n * sizeof *order);
  int result = -1;
  if (model->files && model->functions && model->file_of &&
      model->function_of && model->ranked && order && group_files(model) == 0 &&
      group_functions(model, order) == 0 && index_steps(model) == 0) {
    rank(model, order);
    result = 0;
  }
  free(order);
  return result;
}

void site_model_release(site_model *model) {
  for (size_t i = 0; i < model->file_count; i++) {
    free(model->files[i].page);
    free(model->files[i].source);
    free(model->files[i].part_line);
  }
  free(model->files);
  free(model->functions);
  free(model->file_of);
  free(model->function_of);
  free(model->ranked);
  free(model->steps_in);
  memset(model, 0, sizeof *model);
}

/* bsearch's order of a file name against a site_file. */
static int compare_file(const void *name, const void *element) {
  return strcmp(name, ((const site_file *)element)->name);
}

size_t site_model_find_file(const site_model *model, const char *name) {
  const site_file *found = bsearch(name, model->files, model->file_count,
                                   sizeof *model->files, compare_file);
  return found ? (size_t)(found - model->files) : SIZE_MAX;
}

size_t site_model_part(const site_file *file, unsigned line) {
  size_t part = 0;
  while (part + 1 < file->part_count && file->part_line[part + 1] <= line)
    part++;
  return part;
}

void site_model_part_href(FILE *out, const site_file *file, size_t part) {
  if (part == 0)
    fprintf(out, "%s.html", file->page);
  else
    fprintf(out, "%s.%zu.html", file->page, part + 1);
}

int site_model_line_href(FILE *out, const site_model *model, const char *name,
                         unsigned line) {
  size_t index = name ? site_model_find_file(model, name) : SIZE_MAX;
  if (index == SIZE_MAX)
    return 0;
  const site_file *file = &model->files[index];
  site_model_part_href(out, file, site_model_part(file, line));
  fprintf(out, "#L%u", line);
  return 1;
}

int site_output_open(site_output *output, const site_model *model,
                     const char *base, FILE *err) {
  escape_strbuf path;
  escape_strbuf_init(&path);
  escape_strbuf_addf(&path, "%s/%s", model->dir, base);
  output->path = escape_strbuf_detach(&path);
  if (!output->path) {
    fprintf(err, "escape: %s: error: out of memory\n", model->dir);
    return 2;
  }
  int result = report_output_open(&output->output, output->path, NULL, err);
  if (result != 0) {
    free(output->path);
    output->path = NULL;
  }
  return result;
}

int site_output_close(site_output *output, FILE *err) {
  int result = report_output_close(&output->output, err);
  free(output->path);
  output->path = NULL;
  return result;
}

void site_output_abort(site_output *output) {
  report_output_abort(&output->output);
  free(output->path);
  output->path = NULL;
}
