/* The one sentence of a remark, built from its catalog row and its named
 * args: clang prints it, `escape report` prints it, and the YAML's `String`
 * args spell it out between the named ones, so tools that concatenate the
 * Args (opt-viewer, Compiler Explorer) show it too. */
#ifndef ESCAPE_REMARK_SENTENCE_H
#define ESCAPE_REMARK_SENTENCE_H

#include "escape/remark.h"
#include "escape/strbuf.h"

/* A remark at line 0 (LLVM merged or made the call) names the function it
 * is placed at, with the DebugLoc of the function's definition; the
 * sentence says so in words (driver/remark_place.c reads the arg). */
#define ESCAPE_KEY_IN_FUNCTION "InFunction"

#ifdef __cplusplus
extern "C" {
#endif

/* Receives one piece of a sentence: key "String" with loc NULL for text, or
 * a named arg with its value and DebugLoc (NULL when it has none). Returns
 * 0 to go on, nonzero to stop. */
typedef int (*escape_sentence_piece)(void *context, const char *key,
                                     const char *value, const escape_loc *loc);

/* Calls piece for each piece of remark's sentence, in order. For escape's
 * remarks the sentence comes from the catalog and the named args (any
 * `String` args are ignored); for other passes' remarks the pieces are the
 * args as they are. Returns 0, -1 when out of memory, or piece's nonzero
 * result. */
int escape_remark_sentence(const escape_remark *remark,
                           escape_sentence_piece piece, void *context);

/* Appends the sentence of remark to out. */
void escape_remark_message(const escape_remark *remark, escape_strbuf *out);

/* Replaces the args of one of escape's remarks with its sentence's pieces,
 * so its YAML Args concatenate to the sentence; other remarks are left as
 * they are. Composing twice gives the same args. Returns 0 or -1 (out of
 * memory; the remark is unchanged). */
int escape_remark_compose(escape_remark *remark);

#ifdef __cplusplus
}
#endif

#endif
