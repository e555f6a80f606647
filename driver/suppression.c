#include "suppression.h"

#include <string.h>

#include "escape/remark_catalog.h"

int remark_is_suppressed(const escape_remark *remark) {
  return escape_remark_arg(remark, ESCAPE_KEY_SUPPRESSED) != NULL;
}

int remark_is_assertion(const escape_remark *remark) {
  return remark->pass && remark->name &&
         strcmp(remark->pass, ESCAPE_PASS_NAME) == 0 &&
         strcmp(remark->name, ESCAPE_ASSERTION_NAME) == 0;
}

int remark_in_view(const escape_remark *remark, int show_suppressed,
                   int assertions) {
  if (remark_is_assertion(remark))
    return assertions;
  if (assertions)
    return 0;
  return show_suppressed || !remark_is_suppressed(remark);
}
