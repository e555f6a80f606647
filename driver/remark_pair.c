#include "remark_pair.h"

#include <string.h>

#include "error_report.h"

/* Loads and finishes one side; returns 0 or 2 after a message. */
static int load_side(remark_set *set, const string_list *paths,
                     const load_options *options, FILE *err) {
  escape_strbuf message;
  escape_strbuf_init(&message);
  int result = 0;
  if (remark_load(paths, options, set, &message) != 0)
    result = error_input(err, message.buf);
  else if (remark_set_finish(set) != 0)
    result = error_out_of_memory(err);
  escape_strbuf_release(&message);
  return result;
}

int remark_pair_load(remark_pair *pair, const string_list *base,
                     const string_list *current, const load_options *options,
                     FILE *err) {
  remark_set_init(&pair->base);
  remark_set_init(&pair->current);
  memset(&pair->diff, 0, sizeof pair->diff);
  int result = load_side(&pair->base, base, options, err);
  if (result == 0)
    result = load_side(&pair->current, current, options, err);
  if (result == 0) {
    if (remark_diff_compute(&pair->diff, &pair->base, &pair->current) != 0)
      result = error_out_of_memory(err);
  }
  return result;
}

void remark_pair_release(remark_pair *pair) {
  remark_set_release(&pair->base);
  remark_set_release(&pair->current);
  remark_diff_release(&pair->diff);
}
