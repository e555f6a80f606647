/* The one-line human message of a remark, built from its Name and Args, so
 * the plugin's diagnostics and the driver's reports say the same thing. */
#ifndef ESCAPE_REMARK_MESSAGE_H
#define ESCAPE_REMARK_MESSAGE_H

#include "escape/remark.h"
#include "escape/strbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Appends the message of remark to out: catalog remarks get escape's own
 * wording; any other remark the concatenation of its arg values, as LLVM
 * prints it. */
void escape_remark_message(const escape_remark *remark, escape_strbuf *out);

#ifdef __cplusplus
}
#endif

#endif
