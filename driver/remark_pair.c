#include "remark_pair.h"

#include <string.h>

#include "error_report.h"

int remark_pair_load(remark_pair *pair, const string_list *base,
                     const string_list *current, const load_options *options,
                     FILE *err) {
  remark_set_init(&pair->base);
  remark_set_init(&pair->current);
  memset(&pair->diff, 0, sizeof pair->diff);
  int result = remark_load_finished(base, options, &pair->base, err);
  if (result == 0)
    result = remark_load_finished(current, options, &pair->current, err);
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
