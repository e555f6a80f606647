/* Writes remarks as a stream of LLVM remark YAML documents (the format of
 * -fsave-optimization-record): the common remarks directly, as libyaml's
 * emitter would write them, the others with libyaml's emitter. Files are
 * written atomically: a temporary file beside the target, renamed on
 * commit. ESCAPE_YAML_LIBYAML=1 in the environment sends every remark
 * through libyaml. */
#ifndef ESCAPE_REMARK_WRITER_H
#define ESCAPE_REMARK_WRITER_H

#include <stdio.h>

#include "escape/remark.h"
#include "escape/strbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct escape_remark_writer escape_remark_writer;

/* Starts writing path (via a temporary file); NULL with a message in err. */
escape_remark_writer *escape_remark_writer_open(const char *path,
                                                escape_strbuf *err);

/* Starts writing to an open stream (not closed on commit); NULL on error. */
escape_remark_writer *escape_remark_writer_open_stream(FILE *stream,
                                                       escape_strbuf *err);

/* Appends one remark document; returns 0, or -1 with a message in err. */
int escape_remark_writer_add(escape_remark_writer *writer,
                             const escape_remark *remark, escape_strbuf *err);

/* Sends every later remark through libyaml's emitter: the reference that
 * the direct path's output is compared with. */
void escape_remark_writer_use_libyaml(escape_remark_writer *writer);

/* How many remarks the direct path wrote (the others went through libyaml). */
size_t escape_remark_writer_direct_count(const escape_remark_writer *writer);

/* Finishes the stream, renames the temporary file into place and frees the
 * writer; returns 0, or -1 with a message in err (no file left behind). */
int escape_remark_writer_commit(escape_remark_writer *writer,
                                escape_strbuf *err);

/* Drops everything written, removes the temporary file, frees the writer. */
void escape_remark_writer_abort(escape_remark_writer *writer);

#ifdef __cplusplus
}
#endif

#endif
