/* Which remarks a report shows: `// escape: ignore` marks a remark
 * suppressed in the YAML (an empty `Suppressed` arg), and source assertions
 * are recorded as `Assertion` remarks (docs/assertions.md). Reports and the
 * gate leave both out unless asked. */
#ifndef ESCAPE_DRIVER_SUPPRESSION_H
#define ESCAPE_DRIVER_SUPPRESSION_H

#include "escape/remark.h"

/* Returns 1 when the source suppresses remark (`// escape: ignore`). */
int remark_is_suppressed(const escape_remark *remark);

/* Returns 1 when remark is the record of a source assertion. */
int remark_is_assertion(const escape_remark *remark);

/* Returns 1 when a report shows remark: with assertions, the assertion
 * records only; else the other remarks, suppressed ones only when
 * show_suppressed. */
int remark_in_view(const escape_remark *remark, int show_suppressed,
                   int assertions);

#endif
