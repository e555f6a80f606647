/* The json format: one array with an object per unique remark, for jq and
 * scripts. Fields: name, type, pass, file, line, column, function, message,
 * (C++ names demangled in function, message and arg values),
 * args (key, value and, when present, file/line/column), hotness when the
 * remark has one, fingerprint, and count (translation units). */
#include <stdlib.h>

#include "json_writer.h"
#include "name_demangle.h"
#include "report_format.h"
#include "suppression.h"

static void write_arg(json_writer *w, const escape_arg *arg) {
  json_begin_object(w);
  json_key_string(w, "key", arg->key);
  char *demangled = name_demangle(arg->value);
  json_key_string(w, "value", demangled ? demangled : arg->value);
  free(demangled);
  if (arg->loc.file) {
    json_key_string(w, "file", arg->loc.file);
    json_key_uint(w, "line", arg->loc.line);
    json_key_uint(w, "column", arg->loc.column);
  }
  json_end_object(w);
}

/* Writes one remark object; shared with the diff command's JSON. */
void format_json_entry(json_writer *w, const remark_entry *entry) {
  const escape_remark *remark = &entry->remark;
  json_begin_object(w);
  json_key_string(w, "name", remark->name);
  json_key_string(w, "type", escape_remark_type_tag(remark->type));
  json_key_string(w, "pass", remark->pass);
  json_key_string(w, "file", remark->loc.file);
  json_key_uint(w, "line", remark->loc.line);
  json_key_uint(w, "column", remark->loc.column);
  json_key_string(w, "function",
                  remark->function ? remark_entry_function(entry) : NULL);
  json_key_string(w, "message", entry->message);
  json_key(w, "args");
  json_begin_array(w);
  for (size_t i = 0; i < remark->arg_count; i++)
    write_arg(w, &remark->args[i]);
  json_end_array(w);
  if (remark->has_hotness)
    json_key_uint(w, "hotness", remark->hotness);
  /* Only with --suppressed does a report hold these (// escape: ignore). */
  if (remark_is_suppressed(remark))
    json_key_bool(w, "suppressed", 1);
  json_key_string(w, "fingerprint", entry->fingerprint.text);
  json_key_uint(w, "count", entry->tu_count);
  json_end_object(w);
}

int format_json(FILE *out, const report_context *context) {
  json_writer w;
  json_init(&w, out);
  json_begin_array(&w);
  for (size_t i = 0; i < context->set->count; i++)
    format_json_entry(&w, context->set->entries[i]);
  json_end_array(&w);
  json_finish(&w);
  return 0;
}
