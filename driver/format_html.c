/* The html format: one self-contained page (inline CSS and JS, nothing
 * fetched from the network) with the counts by kind and by file, every
 * remark hottest first in a filterable table, and a source view of each
 * readable file with the remarks under their lines. Large files show only
 * the lines around their remarks. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "escape/remark_catalog.h"
#include "escape/strbuf.h"
#include "name_demangle.h"
#include "remark_flow.h"
#include "remark_summary.h"
#include "report_format.h"

/* Files up to this size are shown whole; larger ones around remarks. */
#define WHOLE_FILE_BYTES (256 * 1024)
enum { CONTEXT_LINES = 3 };

static const char style[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0}"
    "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;"
    "vertical-align:top}"
    "th{background:#f0f0f0}td.n{text-align:right}"
    "pre{background:#fafafa;border:1px solid #ddd;padding:.5em;"
    "overflow-x:auto}"
    ".ln{color:#999;display:inline-block;width:6ch;text-align:right;"
    "margin-right:1ch;user-select:none}"
    ".r{display:block;margin-left:7ch;padding:1px 4px;white-space:pre-wrap;"
    "background:#fff4e0;border-left:3px solid #e69500}"
    ".r.Passed{background:#eaf7ea;border-color:#4a4}"
    ".r.Analysis{background:#eef3fb;border-color:#58c}"
    ".why{display:block;margin-left:2ch;color:#555}"
    ".gap{color:#999}:target{background:#ffef99}"
    "#filter{width:30em}";

static const char script[] =
    "(function(){var f=document.getElementById('filter'),"
    "k=document.getElementById('kind'),"
    "rows=document.querySelectorAll('#remarks tbody tr');"
    "function apply(){var t=f.value.toLowerCase(),n=k.value,shown=0;"
    "rows.forEach(function(r){var ok=(!n||r.dataset.kind===n)&&"
    "(!t||r.textContent.toLowerCase().indexOf(t)>=0);"
    "r.style.display=ok?'':'none';shown+=ok?1:0;});"
    "document.getElementById('shown').textContent=shown;}"
    "f.addEventListener('input',apply);k.addEventListener('change',apply);"
    "})();";

/* Writes text with HTML's special characters escaped. */
static void html(FILE *out, const char *text) {
  for (const char *p = text; *p; p++) {
    switch (*p) {
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
      fputc(*p, out);
    }
  }
}

/* One distinct file of the report: its entries are set->entries[first ..
 * first + count), which the set's order keeps together. */
typedef struct html_file {
  const char *name; /* NULL: remarks without a location */
  size_t first;
  size_t count;
  int readable;
} html_file;

/* A row of the remarks table and the file it belongs to. */
typedef struct html_row {
  const remark_entry *entry;
  size_t file;
} html_row;

typedef struct html_page {
  const report_context *context;
  html_file *files;
  size_t file_count;
  html_row *rows; /* hottest first */
  escape_strbuf path;
} html_page;

/* Where the source of file is: as written if absolute or without a root,
 * else below the root (then the current directory). NULL when unreadable. */
static FILE *open_source(html_page *page, const char *file) {
  const char *root = page->context->root;
  if (!page->context->read_sources)
    return NULL;
  const char *tries[2] = {file, NULL};
  if (file[0] != '/' && root) {
    escape_strbuf_reset(&page->path);
    escape_strbuf_addf(&page->path, "%s/%s", root, file);
    tries[0] = page->path.buf;
    tries[1] = file;
  }
  for (size_t i = 0; i < 2 && tries[i]; i++) {
    struct stat st;
    if (stat(tries[i], &st) == 0 && S_ISREG(st.st_mode)) {
      FILE *source = fopen(tries[i], "r");
      if (source)
        return source;
    }
  }
  return NULL;
}

static int group_files(html_page *page) {
  const remark_set *set = page->context->set;
  page->files = malloc((set->count + 1) * sizeof *page->files);
  page->rows = malloc((set->count + 1) * sizeof *page->rows);
  if (!page->files || !page->rows)
    return -1;
  for (size_t i = 0; i < set->count; i++) {
    const char *file = set->entries[i]->remark.loc.file;
    html_file *last =
        page->file_count ? &page->files[page->file_count - 1] : NULL;
    int same = last && (last->name && file ? strcmp(last->name, file) == 0
                                           : last->name == file);
    if (!same) {
      FILE *source = file ? open_source(page, file) : NULL;
      page->files[page->file_count++] = (html_file){file, i, 0, source != NULL};
      if (source)
        fclose(source);
    }
    page->files[page->file_count - 1].count++;
    page->rows[i] = (html_row){set->entries[i], page->file_count - 1};
  }
  return 0;
}

static int compare_rows(const void *left, const void *right) {
  const html_row *a = left, *b = right;
  return remark_entry_compare_heat(&a->entry, &b->entry);
}

static void kinds_table(FILE *out, const remark_summary *summary) {
  fputs("<h2>By kind</h2>\n<table><tr><th>Remark</th><th>Count</th>"
        "<th>Meaning</th></tr>\n",
        out);
  for (size_t i = 0; i < summary->name_count; i++) {
    const escape_catalog_entry *entry =
        escape_catalog_find(summary->names[i].key);
    fputs("<tr><td>", out);
    html(out, summary->names[i].key);
    fprintf(out, "</td><td class=n>%zu</td><td>", summary->names[i].count);
    html(out, entry ? entry->summary : "");
    fputs("</td></tr>\n", out);
  }
  fputs("</table>\n", out);
}

static void files_table(FILE *out, const html_page *page,
                        const remark_summary *summary) {
  fputs("<h2>By file</h2>\n<table><tr><th>File</th><th>Remarks</th></tr>\n",
        out);
  for (size_t i = 0; i < summary->file_count; i++) {
    const char *name = summary->files[i].key;
    size_t f = 0;
    while (f < page->file_count &&
           !(name
                 ? page->files[f].name && strcmp(page->files[f].name, name) == 0
                 : !page->files[f].name))
      f++;
    fputs("<tr><td>", out);
    if (f < page->file_count && page->files[f].readable)
      fprintf(out, "<a href=\"#f%zu\">", f);
    html(out, name ? name : "(no location)");
    if (f < page->file_count && page->files[f].readable)
      fputs("</a>", out);
    fprintf(out, "</td><td class=n>%zu</td></tr>\n", summary->files[i].count);
  }
  fputs("</table>\n", out);
}

static void heat(FILE *out, const remark_entry *entry) {
  if (entry->remark.has_hotness)
    fprintf(out, "hotness %llu", entry->remark.hotness);
  else if (entry->loop_depth)
    fprintf(out, "loop depth %u", entry->loop_depth);
}

static void where(FILE *out, const html_page *page, const html_row *row) {
  const escape_remark *remark = &row->entry->remark;
  int link = remark->loc.file && page->files[row->file].readable;
  if (link)
    fprintf(out, "<a href=\"#f%zu-l%u\">", row->file, remark->loc.line);
  html(out, remark->loc.file   ? remark->loc.file
            : remark->function ? remark_entry_function(row->entry)
                               : "?");
  if (remark->loc.line)
    fprintf(out, ":%u", remark->loc.line);
  if (remark->loc.column)
    fprintf(out, ":%u", remark->loc.column);
  if (link)
    fputs("</a>", out);
}

static void remarks_table(FILE *out, const html_page *page,
                          const remark_summary *summary) {
  size_t count = page->context->set->count;
  fprintf(out, "<h2>Remarks, hottest first</h2>\n<p><input id=filter "
               "placeholder=\"filter: file, function, text\"> <select "
               "id=kind><option value=\"\">every kind</option>");
  for (size_t i = 0; i < summary->name_count; i++) {
    fputs("<option>", out);
    html(out, summary->names[i].key);
    fputs("</option>", out);
  }
  fprintf(out, "</select> <span id=shown>%zu</span> shown</p>\n", count);
  fputs("<table id=remarks><thead><tr><th>Heat</th><th>Where</th>"
        "<th>Remark</th><th>Message</th><th>TUs</th><th>Function</th>"
        "</tr></thead><tbody>\n",
        out);
  for (size_t i = 0; i < count; i++) {
    const remark_entry *entry = page->rows[i].entry;
    fputs("<tr data-kind=\"", out);
    html(out, entry->remark.name);
    fputs("\"><td>", out);
    heat(out, entry);
    fputs("</td><td>", out);
    where(out, page, &page->rows[i]);
    fputs("</td><td>", out);
    html(out, entry->remark.name);
    fputs("</td><td>", out);
    html(out, entry->message);
    fprintf(out, "</td><td class=n>%zu</td><td>", entry->tu_count);
    html(out, remark_entry_function(entry));
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table>\n", out);
}

/* The remark's flow chain (remark_flow.h), when it goes beyond its own
 * call: one line per step at its place, as `report --why` prints it. */
static void flow_steps(FILE *out, const escape_remark *remark) {
  if (!remark_flow_has_chain(remark))
    return;
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    if (!remark_flow_is_new_step(remark, i))
      continue;
    fputs("<span class=why>why: ", out);
    html(out, arg->loc.file);
    fprintf(out, ":%u:%u: ", arg->loc.line, arg->loc.column);
    html(out, arg->key);
    fputs(" <code>", out);
    char *readable = name_demangle(arg->value);
    html(out, readable ? readable : arg->value);
    free(readable);
    fputs("</code></span>", out);
  }
}

static void remark_note(FILE *out, const remark_entry *entry) {
  fprintf(out, "<span class=\"r %s\">",
          escape_remark_type_tag(entry->remark.type));
  html(out, entry->remark.name);
  fputs(": ", out);
  html(out, entry->message);
  flow_steps(out, &entry->remark);
  fputs("</span>", out);
}

/* Prints the source lines of one file with its remarks under them. */
static void source_view(FILE *out, html_page *page, size_t f) {
  const html_file *file = &page->files[f];
  const remark_entry *const *entries =
      (const remark_entry *const *)page->context->set->entries + file->first;
  FILE *source = open_source(page, file->name);
  if (!source)
    return;
  struct stat st;
  int whole = fstat(fileno(source), &st) == 0 && st.st_size <= WHOLE_FILE_BYTES;
  fprintf(out, "<h3 id=\"f%zu\">", f);
  html(out, file->name);
  fputs("</h3>\n<pre>", out);
  size_t next = 0; /* the first remark not yet shown */
  while (next < file->count && entries[next]->remark.loc.line == 0)
    remark_note(out, entries[next++]);
  char *line = NULL;
  size_t alloc = 0;
  int gap = 0;
  for (unsigned n = 1; getline(&line, &alloc, source) >= 0; n++) {
    unsigned near = next < file->count ? entries[next]->remark.loc.line : 0;
    int shown =
        whole || (near && near <= n + CONTEXT_LINES) ||
        (next > 0 && entries[next - 1]->remark.loc.line + CONTEXT_LINES >= n);
    if (!shown) {
      if (!gap)
        fputs("<span class=gap>⋯</span>\n", out);
      gap = 1;
      continue;
    }
    gap = 0;
    line[strcspn(line, "\r\n")] = '\0';
    fprintf(out, "<span id=\"f%zu-l%u\"><span class=ln>%u</span>", f, n, n);
    html(out, line);
    fputs("</span>\n", out);
    for (; next < file->count && entries[next]->remark.loc.line == n; next++)
      remark_note(out, entries[next]);
  }
  for (; next < file->count; next++) /* lines past the end of the file */
    remark_note(out, entries[next]);
  free(line);
  fclose(source);
  fputs("</pre>\n", out);
}

static void write_page(FILE *out, html_page *page,
                       const remark_summary *summary) {
  const remark_set *set = page->context->set;
  fprintf(out,
          "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta "
          "charset=\"utf-8\">\n<title>escape report</title>\n<style>%s"
          "</style>\n</head>\n<body>\n<h1>escape report</h1>\n",
          style);
  fprintf(out, "<p>%zu remark%s in %zu file%s.</p>\n", set->count,
          set->count == 1 ? "" : "s", summary->file_count,
          summary->file_count == 1 ? "" : "s");
  kinds_table(out, summary);
  files_table(out, page, summary);
  remarks_table(out, page, summary);
  fputs("<h2>Sources</h2>\n", out);
  for (size_t f = 0; f < page->file_count; f++)
    if (page->files[f].readable)
      source_view(out, page, f);
  fprintf(out, "<script>%s</script>\n</body>\n</html>\n", script);
}

int format_html(FILE *out, const report_context *context) {
  html_page page = {context, NULL, 0, NULL, {0}};
  escape_strbuf_init(&page.path);
  remark_summary summary;
  int result = remark_summary_build(&summary, context->set);
  if (result == 0)
    result = group_files(&page);
  if (result == 0) {
    qsort(page.rows, context->set->count, sizeof *page.rows, compare_rows);
    write_page(out, &page, &summary);
    remark_summary_release(&summary);
  }
  free(page.files);
  free(page.rows);
  escape_strbuf_release(&page.path);
  return result;
}
