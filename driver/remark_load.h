/* Loads the remarks of report-like commands: expands PATH arguments into
 * remark files and objects (load_inputs.h), reads them on all cores (large
 * files split at document boundaries), maps LLVM's inliner remarks onto
 * escape's Inlined and NotInlined, filters, and deduplicates into a
 * remark_set. Each YAML file and each embedded stream is one translation
 * unit; a stream embedded byte for byte the same in several files counts
 * once. */
#ifndef ESCAPE_DRIVER_REMARK_LOAD_H
#define ESCAPE_DRIVER_REMARK_LOAD_H

#include <stdio.h>

#include "escape/strbuf.h"
#include "project_config.h"
#include "remark_set.h"
#include "string_list.h"

typedef struct load_options {
  const string_list *names; /* only these remark names; NULL or empty: all */
  int hot_only;             /* only remarks with LoopDepth >= 1 or a Hotness */
  int all_passes;   /* keep other passes' remarks too, as LLVM wrote them */
  const char *root; /* file names under this directory become relative */
  unsigned jobs;    /* threads; 0: one per online CPU */
  const project_config *config; /* its include/exclude globs; may be NULL */
  const string_list *include;   /* more include globs; may be NULL */
  const string_list *exclude;   /* more exclude globs; may be NULL */
  int suppressed;   /* keep remarks suppressed in the source too */
  int assertions;   /* only the source assertions' records (suppression.h) */
  /* When not NULL, only the remarks it returns nonzero for (file names
   * relative to root, as they go into the set), asked before a remark's
   * message is built and it is copied: a caller that wants a few remarks
   * of a large file pays little for the others. Called from several
   * threads at once unless jobs is 1. */
  int (*keep)(const escape_remark *remark, void *ctx);
  void *keep_ctx;
  /* The reader's quick look at a document's text (remark_reader.h): the
   * documents it returns 0 for are not parsed. NULL: all are. */
  int (*want_document)(const char *text, size_t len, void *ctx);
  void *want_document_ctx;
} load_options;

/* Reads every remark file that paths stand for into set (deduplicated; not
 * yet finished). Returns 0, or -1 with "FILE:LINE: error: ..." in err: a
 * failed load leaves nothing that could pass for a complete result, and
 * paths without any remark file (no YAML, no object with embedded remarks)
 * are an error too, never an empty result. */
int remark_load(const string_list *paths, const load_options *options,
                remark_set *set, escape_strbuf *err);

/* remark_load and remark_set_finish for a command: returns 0, or 2 after
 * printing the error ("escape: FILE:LINE: error: ..." or out of memory) to
 * err. set must be initialized; release it either way. */
int remark_load_finished(const string_list *paths, const load_options *options,
                         remark_set *set, FILE *err);

/* Returns path without leading "./", relative to root when it lies below
 * root (NULL: no root). */
const char *remark_load_relative(const char *path, const char *root);

#endif
