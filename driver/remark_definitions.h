/* Where the project defines a function, as its remarks tell: a
 * LeakingParam or ParamNoEscape remark sits at a parameter of the
 * function's own definition, so its file and line say where the function
 * is defined. For a NotInlined for want of a definition in its translation
 * unit, the report says where the callee is (SPEC v2 "Default noise
 * policy": `defined in lib/xmlparse.c:1234, another translation unit:
 * -flto=thin can inline it`). */
#ifndef ESCAPE_DRIVER_REMARK_DEFINITIONS_H
#define ESCAPE_DRIVER_REMARK_DEFINITIONS_H

#include "remark_set.h"

/* Sets defined_file and defined_line of every no-definition NotInlined
 * entry whose callee another entry shows the definition of. Returns 0, or
 * -1 when out of memory (nothing is set then). */
int remark_definitions_assign(remark_set *set);

#endif
