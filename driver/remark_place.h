/* Where to show a remark at line 0 (LLVM merged or made the call, so it
 * has no single source line): at the function it is in, like clang's own
 * -Rpass output. The YAML says only the file. The driver uses, in order:
 * the DebugLoc of an `InFunction` arg (the function's definition: the key
 * proposed for the plugin to write, see docs/driver.md), else the first
 * line of another remark of the same function in the same file; else the
 * line stays unknown (display_line 0) and the formats say so. */
#ifndef ESCAPE_DRIVER_REMARK_PLACE_H
#define ESCAPE_DRIVER_REMARK_PLACE_H

#include "remark_set.h"

/* The arg key whose DebugLoc is the definition of the remark's function. */
#define REMARK_PLACE_FUNCTION_KEY "InFunction"

/* What the formats print instead of a line number they do not know. */
#define REMARK_PLACE_UNKNOWN "line unknown: merged by LLVM"

/* Sets display_line of every line-0 entry with a file. */
void remark_place_line_zero(remark_set *set);

/* Whether the entry is at line 0 and is shown at its function. */
int remark_place_moved(const remark_entry *entry);

#endif
