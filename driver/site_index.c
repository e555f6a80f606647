#include "site_index.h"

#include "escape/remark_catalog.h"
#include "site_escape.h"

static void kinds_table(FILE *out, const remark_summary *summary) {
  fputs("<h2>By kind</h2>\n<table id=kinds><thead><tr><th>Remark</th>"
        "<th class=n>Count</th><th>Meaning</th></tr></thead><tbody>\n",
        out);
  for (size_t i = 0; i < summary->name_count; i++) {
    const char *name = summary->names[i].key;
    const escape_catalog_entry *entry = escape_catalog_find(name);
    fprintf(out, "<tr><td><a class=\"kind %s\" href=\"?kind=",
            entry ? escape_remark_type_tag(entry->type) : "Missed");
    site_html(out, name);
    fputs("\">", out);
    site_html(out, name);
    fprintf(out, "</a></td><td class=n>%zu</td><td>", summary->names[i].count);
    site_html(out, entry ? entry->summary : "");
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table>\n", out);
}

static void controls(FILE *out) {
  fputs("<div class=controls><select id=kind><option value=\"\">every "
        "kind</option></select>\n<input id=file placeholder=\"file\" "
        "aria-label=file> <input id=func placeholder=\"function\" "
        "aria-label=function> <input id=q type=search placeholder=\"text in "
        "the message\" aria-label=text>\n<span class=meta><span "
        "id=shown>0</span> matching</span></div>\n",
        out);
}

static void write_index(FILE *out, const site_model *model,
                        const remark_summary *summary, size_t data_count) {
  size_t count = model->context->set->count;
  fputs("<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n"
        "<meta name=viewport content=\"width=device-width\">\n"
        "<meta name=generator content=\"" SITE_GENERATOR "\">\n"
        "<title>escape report</title>\n<link rel=stylesheet "
        "href=escape.css>\n</head>\n<body class=index>\n<header><b>escape "
        "report</b> ",
        out);
  size_t hidden = model->context->hidden;
  fprintf(out, "<span class=meta>%zu remark%s in %zu file%s and %zu function%s",
          count, count == 1 ? "" : "s", model->file_count,
          model->file_count == 1 ? "" : "s", model->function_count,
          model->function_count == 1 ? "" : "s");
  if (hidden)
    fprintf(out,
            "; %zu more hidden by the default noise policy (escape report "
            "--all shows %s)",
            hidden, hidden == 1 ? "it" : "them");
  fputs("</span></header>\n<main>\n", out);
  fputs("<noscript><p>The tables below need JavaScript; the source pages "
        "do not.</p></noscript>\n",
        out);
  kinds_table(out, summary);
  fputs("<h2>Remarks, costliest first</h2>\n", out);
  controls(out);
  fputs("<table id=remarks></table>\n<div class=grid><section><h2>By "
        "file</h2>\n<table id=files></table></section>\n<section><h2>By "
        "function</h2>\n<table id=functions></table></section></div>\n"
        "</main>\n",
        out);
  fputs("<script>var escapeData = {kinds: [], files: [], funcs: [], "
        "remarks: []};</script>\n",
        out);
  for (size_t i = 0; i < data_count; i++)
    fprintf(out, "<script src=data-%zu.js></script>\n", i);
  fputs("<script src=escape.js></script>\n</body>\n</html>\n", out);
}

int site_index_write(const site_model *model, const remark_summary *summary,
                     size_t data_count, FILE *err) {
  site_output output;
  int result = site_output_open(&output, model, "index.html", err);
  if (result != 0)
    return result;
  write_index(output.output.stream, model, summary, data_count);
  return site_output_close(&output, err);
}
