/* Reads LLVM remark YAML streams (ours and -fsave-optimization-record's)
 * with libyaml's event API, one document at a time, never a whole tree. */
#ifndef ESCAPE_REMARK_READER_H
#define ESCAPE_REMARK_READER_H

#include <stddef.h>

#include "escape/remark.h"
#include "escape/strbuf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once per remark; the remark is valid only during the call. Return
 * 0 to go on, nonzero to stop reading (the reader then returns that value). */
typedef int (*escape_remark_callback)(const escape_remark *remark, void *ctx);

/* Decides from its name whether a pass's remarks are wanted. */
typedef int (*escape_pass_filter)(const char *pass, void *ctx);

/* What to read and deliver; a NULL options pointer means all of it. */
typedef struct escape_read_options {
  /* Deliver only remarks whose pass this returns nonzero for; NULL: all.
   * Documents of other passes are skipped without parsing them. */
  escape_pass_filter want_pass;
  void *want_pass_ctx;
  /* Read only the documents that start in [begin, end) (end 0: to the
   * end), so that one large file can be read by several threads. */
  unsigned long long begin;
  unsigned long long end;
  /* When not NULL, a quick look at a document's text before it is parsed,
   * from its "--- !" line to its "...": documents it returns 0 for are
   * skipped without parsing them. Only documents of the exact shape LLVM
   * writes are shown to it (the others are parsed and delivered as
   * usual), so it must return 0 only for remarks the caller would drop
   * anyway: it saves the parse, it is no filter to rely on. */
  int (*want_document)(const char *text, size_t len, void *ctx);
  void *want_document_ctx;
} escape_read_options;

/* Reads path ("-" is stdin). Returns 0 when the whole stream was read, the
 * callback's nonzero value if it stopped, or -1 with
 * "FILE:LINE: error: ..." in err for unreadable, malformed or truncated
 * input. */
int escape_remark_read_file(const char *path, escape_remark_callback callback,
                            void *ctx, escape_strbuf *err);

/* Reads remarks from memory; name is used in error messages. Same returns
 * as escape_remark_read_file. */
int escape_remark_read_buffer(const char *name, const char *data, size_t len,
                              escape_remark_callback callback, void *ctx,
                              escape_strbuf *err);

/* escape_remark_read_file with options (NULL: everything). */
int escape_remark_read_file_with(const char *path,
                                 const escape_read_options *options,
                                 escape_remark_callback callback, void *ctx,
                                 escape_strbuf *err);

/* escape_remark_read_buffer with options (NULL: everything). */
int escape_remark_read_buffer_with(const char *name, const char *data,
                                   size_t len,
                                   const escape_read_options *options,
                                   escape_remark_callback callback, void *ctx,
                                   escape_strbuf *err);

#ifdef __cplusplus
}
#endif

#endif
