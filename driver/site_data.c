#include "site_data.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "escape/strbuf.h"
#include "site_escape.h"
#include "site_name.h"
#include "site_rank.h"

typedef struct data_writer {
  const site_model *model;
  site_output output;
  FILE *out;         /* NULL before the first file */
  size_t count;      /* files opened */
  const char *table; /* the table of the open push statement, or NULL */
  size_t rows;       /* rows in the open statement */
  FILE *err;
} data_writer;

static void end_statement(data_writer *w) {
  if (w->table)
    fputs(");\n", w->out);
  w->table = NULL;
}

static int next_file(data_writer *w) {
  if (w->out) {
    end_statement(w);
    int result = site_output_close(&w->output, w->err);
    w->out = NULL;
    if (result)
      return result;
  }
  char name[64];
  snprintf(name, sizeof name, "data-%zu.js", w->count);
  int result = site_output_open(&w->output, w->model, name, w->err);
  if (result)
    return result;
  w->count++;
  w->out = w->output.output.stream;
  fputs("/* escape report data, loaded by index.html. */\n", w->out);
  return 0;
}

/* Starts a row of table (a new file when this one is full). */
static int row(data_writer *w, const char *table) {
  if (!w->out || ftell(w->out) > SITE_PART_BYTES) {
    int result = next_file(w);
    if (result)
      return result;
  }
  if (w->table && (strcmp(w->table, table) != 0 || w->rows >= 1000))
    end_statement(w);
  if (!w->table) {
    fprintf(w->out, "escapeData.%s.push(\n", table);
    w->table = table;
    w->rows = 0;
  } else {
    fputs(",\n", w->out);
  }
  w->rows++;
  return 0;
}

static long long signed_index(size_t index) {
  return index == SIZE_MAX ? -1 : (long long)index;
}

static int write_kinds(data_writer *w, const remark_summary *summary) {
  for (size_t i = 0; i < summary->name_count; i++) {
    int result = row(w, "kinds");
    if (result)
      return result;
    const escape_catalog_entry *entry =
        escape_catalog_find(summary->names[i].key);
    fputc('[', w->out);
    site_js_string(w->out, summary->names[i].key);
    fputc(',', w->out);
    site_js_string(w->out, entry ? escape_remark_type_tag(entry->type) : "");
    fprintf(w->out, ",%zu,", summary->names[i].count);
    site_js_string(w->out, entry ? entry->summary : "");
    fputc(']', w->out);
  }
  return 0;
}

static int write_files(data_writer *w) {
  for (size_t i = 0; i < w->model->file_count; i++) {
    const site_file *file = &w->model->files[i];
    int result = row(w, "files");
    if (result)
      return result;
    fputc('[', w->out);
    site_js_string(w->out, file->name);
    fputc(',', w->out);
    site_js_string(w->out, file->page);
    fprintf(w->out, ",%zu,%llu]", file->count, file->cost);
  }
  return 0;
}

static int write_functions(data_writer *w) {
  for (size_t i = 0; i < w->model->function_count; i++) {
    const site_function *function = &w->model->functions[i];
    int result = row(w, "funcs");
    if (result)
      return result;
    fputc('[', w->out);
    site_js_name(w->out, function->name);
    fprintf(w->out, ",%lld,%zu,%llu]", signed_index(function->file),
            function->count, function->cost);
  }
  return 0;
}

/* bsearch's order of a name against a summary_count. */
static int compare_kind(const void *name, const void *element) {
  return strcmp(name, ((const summary_count *)element)->key);
}

/* The index of entry's kind in summary's (sorted) names. */
static size_t kind_index(const remark_summary *summary, const char *name) {
  const summary_count *found =
      bsearch(name, summary->names, summary->name_count, sizeof *summary->names,
              compare_kind);
  return found ? (size_t)(found - summary->names) : 0;
}

static int write_remarks(data_writer *w, const remark_summary *summary) {
  const site_model *model = w->model;
  const remark_set *set = model->context->set;
  for (size_t i = 0; i < set->count; i++) {
    size_t index = model->ranked[i];
    const remark_entry *entry = set->entries[index];
    const escape_remark *remark = &entry->remark;
    size_t file = model->file_of[index];
    size_t part = file == SIZE_MAX
                      ? 0
                      : site_model_part(&model->files[file], remark->loc.line);
    int result = row(w, "remarks");
    if (result)
      return result;
    fprintf(w->out, "[%zu,%lld,%u,%u,%lld,", kind_index(summary, remark->name),
            signed_index(file), remark->loc.line, remark->loc.column,
            signed_index(model->function_of[index]));
    site_js_string(w->out, entry->message);
    fprintf(w->out, ",%zu,%llu,%zu,%zu,%d]", entry->tu_count, site_cost(entry),
            part, index, remark->has_hotness);
  }
  return 0;
}

int site_data_write(const site_model *model, const remark_summary *summary,
                    size_t *count, FILE *err) {
  data_writer w = {model, {{0}, NULL}, NULL, 0, NULL, 0, err};
  int result = next_file(&w);
  if (result == 0)
    result = write_kinds(&w, summary);
  if (result == 0)
    result = write_files(&w);
  if (result == 0)
    result = write_functions(&w);
  if (result == 0)
    result = write_remarks(&w, summary);
  if (result == 0) {
    end_statement(&w);
    result = site_output_close(&w.output, err);
  } else if (w.out) {
    site_output_abort(&w.output);
  }
  *count = w.count;
  return result;
}
