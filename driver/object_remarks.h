/* Finds the remarks that the plugin's `embed` argument stores in objects
 * (section `.escape.remarks`, see escape/remark_section.h), with elfutils' libelf:
 * in an ELF object, or in each ELF member of a static archive, in member
 * order. Reusable by every command that reads remarks. */
#ifndef ESCAPE_DRIVER_OBJECT_REMARKS_H
#define ESCAPE_DRIVER_OBJECT_REMARKS_H

#include <stddef.h>

#include "escape/strbuf.h"

/* Called with each embedded remark stream: name is "x.o" or "lib.a(m.o)",
 * record the 1-based record index in that object's section (several after
 * `ld -r`); yaml is valid only during the call. Return 0 to go on, nonzero
 * to stop. */
typedef int (*object_remarks_callback)(const char *name, const char *yaml,
                                       size_t len, unsigned record, void *ctx);

/* What a file turned out to be. */
typedef enum object_file_kind {
  OBJECT_FILE_OTHER,       /* neither ELF nor an archive (LLVM bitcode, text) */
  OBJECT_FILE_ELF,         /* an ELF file */
  OBJECT_FILE_ARCHIVE,     /* a static archive */
  OBJECT_FILE_THIN_ARCHIVE /* `ar --thin`: not read, its members are
                              files of their own */
} object_file_kind;

/* What object_remarks_read found. */
typedef struct object_remarks_info {
  object_file_kind kind;
  size_t with_section; /* objects (archive members) that had the section */
} object_remarks_info;

/* Whether the file's first bytes are those of ELF or an archive. */
int object_remarks_sniff(const char *path);

/* Delivers every embedded remark stream of path. Objects without the
 * section are skipped (info says how many had it). Returns 0, the
 * callback's nonzero value, or -1 with "FILE(member): error: ..." in err
 * for unreadable files and malformed ELF or records. */
int object_remarks_read(const char *path, object_remarks_callback callback,
                        void *ctx, object_remarks_info *info,
                        escape_strbuf *err);

/* Whether path is an ELF object that carries the section (0 on any
 * error: the caller then reads it and reports the error itself). */
int object_remarks_present(const char *path);

/* Writes the error for a file named on the command line that read without
 * error but had no embedded remarks. */
void object_remarks_missing(const char *path, const object_remarks_info *info,
                            escape_strbuf *err);

#endif
