#define _POSIX_C_SOURCE 200809L
#include "site_source_page.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape/remark_catalog.h"
#include "escape/strbuf.h"
#include "remark_flow.h"
#include "site_escape.h"
#include "site_highlight.h"
#include "site_name.h"
#include "site_rank.h"

typedef struct page_writer {
  site_model *model;
  site_file *file;
  const remark_entry *const *entries; /* the file's entries, by position */
  size_t next;                        /* the first entry not yet written */
  size_t next_step;                   /* the first step in not written */
  site_output output;
  FILE *out; /* output's stream */
  FILE *err;
} page_writer;

static int add_part(site_file *file, unsigned first_line) {
  unsigned *lines =
      realloc(file->part_line, (file->part_count + 1) * sizeof *lines);
  if (!lines)
    return -1;
  lines[file->part_count++] = first_line;
  file->part_line = lines;
  return 0;
}

/* At most this many remarks are listed at the top of a page (the index
 * lists them all), each message cut after so many bytes. */
enum { CONTENTS_LIMIT = 500, CONTENTS_MESSAGE_BYTES = 100 };

/* Writes message cut after limit bytes, on a UTF-8 boundary. */
static void write_cut(FILE *out, const char *message, size_t limit) {
  size_t len = strlen(message);
  if (len <= limit) {
    site_html(out, message);
    return;
  }
  while (limit > 0 && ((unsigned char)message[limit] & 0xC0) == 0x80)
    limit--;
  site_html_n(out, message, limit);
  fputs("&hellip;", out);
}

/* The list of the file's remarks, folded: a way to each of them. Its #L
 * links reach later parts through the page script. */
static void write_contents(page_writer *w) {
  FILE *out = w->out;
  size_t count = w->file->count;
  fprintf(out,
          "<details class=toc><summary>%zu remark%s in this file</summary><ol>",
          count, count == 1 ? "" : "s");
  for (size_t i = 0; i < count && i < CONTENTS_LIMIT; i++) {
    const remark_entry *entry = w->entries[i];
    fprintf(out, "<li><a href=#L%u>%u:%u</a> <span class=\"kind %s\">",
            entry->remark.loc.line, entry->remark.loc.line,
            entry->remark.loc.column,
            escape_remark_type_tag(entry->remark.type));
    site_html(out, entry->remark.name);
    fputs("</span> ", out);
    write_cut(out, entry->message, CONTENTS_MESSAGE_BYTES);
    fputs("</li>", out);
  }
  fputs("</ol>", out);
  if (count > CONTENTS_LIMIT) {
    fprintf(out,
            "<p>%zu more: <a href=\"index.html?file=", count - CONTENTS_LIMIT);
    site_html(out, w->file->name);
    fputs("\">all of them in the index</a></p>", out);
  }
  fputs("</details>\n", out);
}

static void write_header(page_writer *w) {
  FILE *out = w->out;
  size_t part = w->file->part_count - 1;
  fputs("<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content=\"width=device-width\">\n<title>",
        out);
  site_html(out, w->file->name);
  fputs(" - escape report</title>\n<link rel=stylesheet href=escape.css>\n"
        "</head>\n<body class=source>\n<header><a href=index.html>escape "
        "report</a> / <b>",
        out);
  site_html(out, w->file->name);
  fprintf(out, "</b> <span class=meta>%zu remark%s", w->file->count,
          w->file->count == 1 ? "" : "s");
  if (part > 0) {
    fprintf(out, " &middot; part %zu, from line %u &middot; <a href=\"",
            part + 1, w->file->part_line[part]);
    site_model_part_href(out, w->file, part - 1);
    fputs("\">earlier lines</a>", out);
  }
  fputs("</span></header>\n", out);
  if (part == 0)
    write_contents(w);
  fputs("<main class=code>\n", out);
  if (!w->file->source)
    fputs("<p class=missing>The source was not found (give --root DIR); "
          "the remarks are listed by line.</p>\n",
          out);
}

/* Ends a part: the link to the next one and what the page script needs
 * to follow a #L link into it. next_line 0: the last part. */
static void write_footer(page_writer *w, unsigned last_line,
                         unsigned next_line) {
  FILE *out = w->out;
  fputs("</main>\n", out);
  fprintf(out, "<div id=part data-last=%u", last_line);
  if (next_line) {
    fputs(" data-next=\"", out);
    site_model_part_href(out, w->file, w->file->part_count);
    fprintf(out, "\"></div>\n<nav class=parts><a href=\"");
    site_model_part_href(out, w->file, w->file->part_count);
    fprintf(out, "\">lines from %u</a></nav>\n", next_line);
  } else {
    fputs("></div>\n", out);
  }
  fputs("<script src=escape.js></script>\n</body>\n</html>\n", out);
}

static int open_part(page_writer *w, unsigned first_line) {
  if (add_part(w->file, first_line) != 0) {
    fprintf(w->err, "escape: %s: error: out of memory\n", w->model->dir);
    return 2;
  }
  escape_strbuf base;
  escape_strbuf_init(&base);
  escape_strbuf_addstr(&base, w->file->page);
  if (w->file->part_count > 1)
    escape_strbuf_addf(&base, ".%zu", w->file->part_count);
  escape_strbuf_addstr(&base, ".html");
  int result = base.failed
                   ? 2
                   : site_output_open(&w->output, w->model, base.buf, w->err);
  escape_strbuf_release(&base);
  if (result != 0)
    return result;
  w->out = w->output.output.stream;
  write_header(w);
  return 0;
}

/* Spaces (tabs where the line has them) up to column, then the caret. */
static void write_caret(FILE *out, const char *line, size_t len,
                        unsigned column) {
  fputs("<div class=cr>", out);
  unsigned cells = 1;
  for (size_t i = 0; line && i < len && cells < column; i++) {
    unsigned char c = (unsigned char)line[i];
    if ((c & 0xC0) == 0x80)
      continue; /* a UTF-8 continuation byte: same cell */
    fputc(c == '\t' ? '\t' : ' ', out);
    cells++;
  }
  for (; cells < column; cells++)
    fputc(' ', out);
  fputs("^</div>", out);
}

static void write_place(FILE *out, const site_model *model,
                        const escape_loc *loc) {
  int linked = site_model_find_file(model, loc->file) != SIZE_MAX;
  if (linked) {
    fputs("<a href=\"", out);
    site_model_line_href(out, model, loc->file, loc->line);
    fputs("\">", out);
  }
  site_html(out, loc->file);
  fprintf(out, ":%u:%u", loc->line, loc->column);
  if (linked)
    fputs("</a>", out);
}

/* "call to 'fill'", "captured (call)", or the key and value as they are. */
static void write_hop_label(FILE *out, const escape_arg *arg) {
  if (strcmp(arg->key, ESCAPE_KEY_REASON) == 0) {
    fputs("<span class=key>captured</span> (", out);
    site_html(out, arg->value);
    fputs(") at ", out);
    return;
  }
  fputs("<span class=key>", out);
  site_html(out,
            strcmp(arg->key, ESCAPE_KEY_CALLEE) == 0 ? "call to" : arg->key);
  fputs("</span> <code>", out);
  site_html_name(out, arg->value);
  fputs("</code> at ", out);
}

/* The args that point elsewhere: the inlined-at context (InlinedFrom) and
 * the flow, in the order the YAML gives them. */
static void write_related(FILE *out, const site_model *model,
                          const escape_remark *remark, int context) {
  int opened = 0;
  for (size_t i = 0; i < remark->arg_count; i++) {
    const escape_arg *arg = &remark->args[i];
    if (context ? !remark_flow_is_context(remark, arg)
                : !remark_flow_is_hop(remark, arg))
      continue;
    if (!opened)
      fputs(context ? "<ul class=ctx>" : "<ol class=why>", out);
    opened = 1;
    fputs("<li>", out);
    if (context) {
      fputs("inlined from <code>", out);
      site_html_name(out, arg->value);
      fputs("</code> at ", out);
    } else {
      write_hop_label(out, arg);
    }
    write_place(out, model, &arg->loc);
    fputs("</li>", out);
  }
  if (opened)
    fputs(context ? "</ul>" : "</ol>", out);
}

static void write_remark(page_writer *w, const char *line, size_t len) {
  const remark_entry *entry = w->entries[w->next];
  const escape_remark *remark = &entry->remark;
  FILE *out = w->out;
  fprintf(out, "<div class=\"rm %s\" id=r%zu>",
          escape_remark_type_tag(remark->type), w->file->first + w->next);
  if (line && remark->loc.column)
    write_caret(out, line, len, remark->loc.column);
  else if (!w->file->source)
    fprintf(out, "<div class=lh id=L%u>line %u</div>", remark->loc.line,
            remark->loc.line);
  fputs("<div class=rb><a class=kd href=\"index.html?kind=", out);
  site_html(out, remark->name);
  fputs("\">", out);
  site_html(out, remark->name);
  fputs("</a> <span class=msg>", out);
  site_html(out, entry->message);
  fputs("</span><div class=meta>", out);
  if (remark->function) {
    fputs("in <code>", out);
    site_html_name(out, remark->function);
    fputs("</code> &middot; ", out);
  }
  fprintf(out, "%u:%u &middot; %zu TU%s &middot; cost %llu", remark->loc.line,
          remark->loc.column, entry->tu_count, entry->tu_count == 1 ? "" : "s",
          site_cost(entry));
  if (remark->has_hotness)
    fputs(" (profile)", out);
  fputs("</div>", out);
  write_related(out, w->model, remark, 1);
  write_related(out, w->model, remark, 0);
  fputs("</div></div>\n", out);
  w->next++;
}

static void write_remarks_at(page_writer *w, unsigned line_number,
                             const char *line, size_t len) {
  while (w->next < w->file->count &&
         w->entries[w->next]->remark.loc.line == line_number)
    write_remark(w, line, len);
}

/* At most this many steps from elsewhere are shown under one line. */
enum { STEPS_PER_LINE = 20 };

/* The steps of other remarks' flow or context that reach line_number,
 * each linked back to its remark. */
static void write_steps_in(page_writer *w, unsigned line_number) {
  const site_file *file = w->file;
  const remark_set *set = w->model->context->set;
  size_t shown = 0, skipped = 0;
  while (w->next_step < file->step_in_count &&
         file->steps_in[w->next_step].line < line_number)
    w->next_step++;
  for (; w->next_step < file->step_in_count &&
         file->steps_in[w->next_step].line == line_number;
       w->next_step++) {
    const site_step_in *step = &file->steps_in[w->next_step];
    const escape_remark *remark = &set->entries[step->entry]->remark;
    const escape_arg *arg = &remark->args[step->arg];
    if (shown++ >= STEPS_PER_LINE) {
      skipped++;
      continue;
    }
    fputs("<div class=in>&larr; ", w->out);
    fputs(strcmp(arg->key, REMARK_FLOW_CONTEXT_KEY) == 0 ? "inlined here: "
                                                         : "a step of ",
          w->out);
    fprintf(w->out, "<span class=\"kind %s\">",
            escape_remark_type_tag(remark->type));
    site_html(w->out, remark->name);
    fputs("</span> at ", w->out);
    write_place(w->out, w->model, &remark->loc);
    fputs(" <span class=meta>", w->out);
    site_html(w->out, arg->key);
    fputs(" <code>", w->out);
    site_html_name(w->out, arg->value);
    fputs("</code></span></div>\n", w->out);
  }
  if (skipped)
    fprintf(w->out, "<div class=in>&larr; and %zu more steps</div>\n", skipped);
}

/* Closes the current part and opens the next at line first_line. */
static int next_part(page_writer *w, unsigned first_line) {
  write_footer(w, first_line - 1, first_line);
  int result = site_output_close(&w->output, w->err);
  return result ? result : open_part(w, first_line);
}

static int write_source(page_writer *w, FILE *source) {
  site_highlight highlight;
  site_highlight_init(&highlight);
  char *line = NULL;
  size_t alloc = 0;
  ssize_t got;
  unsigned n = 0;
  int result = 0;
  while (result == 0 && (got = getline(&line, &alloc, source)) >= 0) {
    n++;
    size_t len = (size_t)got;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
    if (ftell(w->out) > SITE_PART_BYTES && (result = next_part(w, n)) != 0)
      break;
    fprintf(w->out, "<div class=l id=L%u><a href=#L%u>%u</a>", n, n, n);
    site_highlight_line(w->out, &highlight, line, len);
    fputs("</div>\n", w->out);
    write_remarks_at(w, n, line, len);
    write_steps_in(w, n);
  }
  free(line);
  if (result == 0 && w->next < w->file->count)
    fputs("<p class=missing>Past the end of the file:</p>\n", w->out);
  while (result == 0 && w->next < w->file->count)
    write_remark(w, NULL, 0);
  if (result == 0)
    write_footer(w, n, 0);
  return result;
}

static int write_listing(page_writer *w) {
  while (w->next < w->file->count) {
    unsigned line = w->entries[w->next]->remark.loc.line;
    if (ftell(w->out) > SITE_PART_BYTES) {
      int result = next_part(w, line);
      if (result)
        return result;
    }
    write_remarks_at(w, line, NULL, 0);
  }
  write_footer(
      w, w->file->count ? w->entries[w->file->count - 1]->remark.loc.line : 0,
      0);
  return 0;
}

int site_source_page_write(site_model *model, size_t index, FILE *err) {
  site_file *file = &model->files[index];
  page_writer w = {model, file, NULL, 0, 0, {{0}, NULL}, NULL, err};
  w.entries =
      (const remark_entry *const *)model->context->set->entries + file->first;
  FILE *source = file->source ? fopen(file->source, "r") : NULL;
  if (file->source && !source) {
    free(file->source); /* gone since the model was built */
    file->source = NULL;
  }
  int result = open_part(&w, 0);
  if (result == 0) {
    /* Line 0: LLVM merged the calls of several lines. */
    if (w.next < file->count && w.entries[0]->remark.loc.line == 0) {
      fputs("<p class=missing id=L0>Without a line:</p>\n", w.out);
      write_remarks_at(&w, 0, NULL, 0);
    }
    result = source ? write_source(&w, source) : write_listing(&w);
    if (result == 0)
      result = site_output_close(&w.output, err);
    else if (w.output.path)
      site_output_abort(&w.output);
  }
  if (source)
    fclose(source);
  return result;
}
