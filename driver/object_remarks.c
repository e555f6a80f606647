#define _POSIX_C_SOURCE 200809L
#include "object_remarks.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "escape/remark_section.h"

/* State of one read: the caller's callback and where errors go. */
typedef struct object_reader {
  const char *path;
  object_remarks_callback callback;
  void *ctx;
  escape_strbuf name; /* "x.o" or "lib.a(m.o)" for the object being read */
  escape_strbuf *err;
  size_t with_section;
} object_reader;

/* The first bytes of ELF files and of archives, regular and thin. */
static const char elf_magic[4] = {0x7f, 'E', 'L', 'F'};
static const char ar_magic[8] = "!<arch>\n";
static const char thin_magic[8] = "!<thin>\n";

static pthread_once_t version_once = PTHREAD_ONCE_INIT;
static int version_ok;

/* libelf wants its version set once before any other call. */
static void set_version(void) {
  version_ok = elf_version(EV_CURRENT) != EV_NONE;
}

static int libelf_ready(void) {
  pthread_once(&version_once, set_version);
  return version_ok;
}

int object_remarks_sniff(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  char magic[8];
  ssize_t got = read(fd, magic, sizeof magic);
  close(fd);
  return (got >= 4 && memcmp(magic, elf_magic, 4) == 0) ||
         (got == 8 && (memcmp(magic, ar_magic, 8) == 0 ||
                       memcmp(magic, thin_magic, 8) == 0));
}

static int fail_elf(object_reader *r, const char *what) {
  escape_strbuf_addf(r->err, "%s: error: %s: %s", r->name.buf, what,
                     elf_errmsg(-1));
  return -1;
}

static int fail_plain(object_reader *r, const char *what) {
  escape_strbuf_addf(r->err, "%s: error: %s", r->name.buf, what);
  return -1;
}

/* libelf shows an object cut off before its section header table as one
 * without sections; the ELF header still says where the table should be. */
static int check_complete(object_reader *r, Elf *elf) {
  GElf_Ehdr ehdr;
  size_t size = 0, count = 0;
  if (!gelf_getehdr(elf, &ehdr) || elf_getshdrnum(elf, &count) != 0)
    return fail_elf(r, "cannot read the ELF header");
  elf_rawfile(elf, &size);
  uint64_t wanted = ehdr.e_shnum ? ehdr.e_shnum : (ehdr.e_shoff != 0);
  if (ehdr.e_shoff > size || wanted * ehdr.e_shentsize > size - ehdr.e_shoff ||
      count < wanted)
    return fail_plain(r, "truncated object: section headers past the end");
  return 0;
}

/* Finds the section by name; NULL when absent. -1 in *status on error. */
static Elf_Scn *find_section(object_reader *r, Elf *elf, int *status) {
  size_t strndx;
  *status = check_complete(r, elf);
  if (*status != 0)
    return NULL;
  if (elf_getshdrstrndx(elf, &strndx) != 0) {
    *status = fail_elf(r, "cannot read section names");
    return NULL;
  }
  for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn;
       scn = elf_nextscn(elf, scn)) {
    GElf_Shdr shdr;
    const char *name = NULL;
    if (!gelf_getshdr(scn, &shdr) ||
        !(name = elf_strptr(elf, strndx, shdr.sh_name))) {
      *status = fail_elf(r, "cannot read a section header");
      return NULL;
    }
    if (strcmp(name, ESCAPE_REMARK_SECTION_NAME) == 0)
      return scn;
  }
  return NULL;
}

static int deliver_record(const char *yaml, size_t len, unsigned record,
                          void *data) {
  object_reader *r = data;
  return r->callback(r->name.buf, yaml, len, record, r->ctx);
}

/* Reads the section of one ELF object, if it has one. */
static int read_elf(object_reader *r, Elf *elf) {
  int status;
  Elf_Scn *scn = find_section(r, elf, &status);
  if (!scn)
    return status;
  r->with_section++;
  GElf_Shdr shdr;
  if (!gelf_getshdr(scn, &shdr))
    return fail_elf(r, "cannot read the " ESCAPE_REMARK_SECTION_NAME " header");
  if (shdr.sh_type == SHT_NOBITS) {
    escape_strbuf_addf(r->err, "%s: error: %s has no contents", r->name.buf,
                       ESCAPE_REMARK_SECTION_NAME);
    return -1;
  }
  /* A tool may have compressed it like debug sections (SHF_COMPRESSED). */
  if ((shdr.sh_flags & SHF_COMPRESSED) && elf_compress(scn, 0, 0) < 0)
    return fail_elf(r, "cannot decompress " ESCAPE_REMARK_SECTION_NAME);
  Elf_Data *data = elf_getdata(scn, NULL);
  if (!data)
    return fail_elf(r, "cannot read " ESCAPE_REMARK_SECTION_NAME);
  return escape_remark_section_parse(r->name.buf, data->d_buf, data->d_size,
                                     deliver_record, r, r->err);
}

/* libelf shortens a member cut off by the archive's end to the bytes
 * present; its header (60 bytes at elf_getaroff) still holds the size it
 * was written with, in decimal at bytes 48-57. */
static int member_truncated(Elf *archive, Elf *member) {
  size_t size = 0;
  const char *bytes = elf_rawfile(archive, &size);
  int64_t offset = elf_getaroff(member);
  if (!bytes || offset < 0 || (uint64_t)offset + 60 > size)
    return 1;
  uint64_t declared = 0;
  for (const char *c = bytes + offset + 48; c < bytes + offset + 58; c++)
    if (*c >= '0' && *c <= '9')
      declared = declared * 10 + (uint64_t)(*c - '0');
  return declared > size - (uint64_t)offset - 60;
}

/* Reads each ELF member of an archive in order; others are skipped (the
 * symbol table, LLVM bitcode of LTO builds). */
static int read_archive(object_reader *r, int fd, Elf *archive) {
  Elf_Cmd cmd = ELF_C_READ_MMAP;
  Elf *member;
  int status = 0;
  while (status == 0 && (member = elf_begin(fd, cmd, archive)) != NULL) {
    Elf_Arhdr *header = elf_getarhdr(member);
    const char *member_name = header && header->ar_name ? header->ar_name : "?";
    escape_strbuf_reset(&r->name);
    escape_strbuf_addf(&r->name, "%s(%s)", r->path, member_name);
    if (member_truncated(archive, member))
      status = fail_plain(r, "truncated archive member");
    else if (elf_kind(member) == ELF_K_ELF)
      status = read_elf(r, member);
    cmd = elf_next(member);
    elf_end(member);
  }
  /* elf_next says ELF_C_NULL after the last member; stopping before that
   * means a member header could not be read. */
  if (status == 0 && cmd != ELF_C_NULL) {
    escape_strbuf_reset(&r->name);
    escape_strbuf_addstr(&r->name, r->path);
    return fail_elf(r, "cannot read archive member");
  }
  return status;
}

/* Judges a file libelf takes for neither ELF nor an archive: a thin
 * archive (its members are files of their own, found or named as such),
 * or an ELF file too short for libelf, which is an error. */
static int check_other(object_reader *r, Elf *elf, object_file_kind *kind) {
  size_t size = 0;
  const char *bytes = elf_rawfile(elf, &size);
  if (bytes && size >= 8 && memcmp(bytes, thin_magic, 8) == 0)
    *kind = OBJECT_FILE_THIN_ARCHIVE;
  else if (bytes && size >= 4 && memcmp(bytes, elf_magic, 4) == 0)
    return fail_plain(r, "truncated or invalid ELF header");
  return 0;
}

/* Reads an opened file as an ELF object or archive. */
static int read_descriptor(object_reader *r, int fd, object_file_kind *kind) {
  Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
  if (!elf)
    return fail_elf(r, "cannot read");
  int status = 0;
  *kind = OBJECT_FILE_OTHER;
  if (elf_kind(elf) == ELF_K_AR) {
    *kind = OBJECT_FILE_ARCHIVE;
    status = read_archive(r, fd, elf);
  } else if (elf_kind(elf) == ELF_K_ELF) {
    *kind = OBJECT_FILE_ELF;
    status = read_elf(r, elf);
  } else {
    status = check_other(r, elf, kind);
  }
  elf_end(elf);
  return status;
}

int object_remarks_read(const char *path, object_remarks_callback callback,
                        void *ctx, object_remarks_info *info,
                        escape_strbuf *err) {
  object_reader r = {
      .path = path, .callback = callback, .ctx = ctx, .err = err};
  info->kind = OBJECT_FILE_OTHER;
  info->with_section = 0;
  if (!libelf_ready()) {
    escape_strbuf_addf(err, "%s: error: libelf: %s", path, elf_errmsg(-1));
    return -1;
  }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    escape_strbuf_addf(err, "%s: error: cannot open: %s", path,
                       strerror(errno));
    return -1;
  }
  escape_strbuf_init(&r.name);
  escape_strbuf_addstr(&r.name, path);
  (void)elf_errno(); /* start without an earlier call's error */
  int status = read_descriptor(&r, fd, &info->kind);
  if (status == 0 && r.name.failed) {
    escape_strbuf_addf(err, "%s: error: out of memory", path);
    status = -1;
  }
  info->with_section = r.with_section;
  escape_strbuf_release(&r.name);
  close(fd);
  return status;
}

int object_remarks_present(const char *path) {
  if (!libelf_ready())
    return 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  escape_strbuf scratch;
  escape_strbuf_init(&scratch);
  object_reader r = {.path = path, .err = &scratch};
  escape_strbuf_init(&r.name);
  Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
  int status = 0;
  int present = elf && elf_kind(elf) == ELF_K_ELF &&
                find_section(&r, elf, &status) != NULL;
  if (elf)
    elf_end(elf);
  escape_strbuf_release(&r.name);
  escape_strbuf_release(&scratch);
  close(fd);
  return present;
}

void object_remarks_missing(const char *path, const object_remarks_info *info,
                            escape_strbuf *err) {
  if (info->kind == OBJECT_FILE_OTHER)
    escape_strbuf_addf(err, "%s: error: not an ELF object or static archive",
                       path);
  else if (info->kind == OBJECT_FILE_THIN_ARCHIVE)
    escape_strbuf_addf(err,
                       "%s: error: thin archives are not read: name its "
                       "members (or their directory)",
                       path);
  else
    escape_strbuf_addf(err,
                       "%s: error: no embedded remarks: compile with "
                       "-fplugin-arg-escape-embed",
                       path);
}
