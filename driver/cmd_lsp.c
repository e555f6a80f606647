/* `escape lsp`: the language server on stdin and stdout. One thread: a
 * poll(2) loop that reads framed messages (lsp_transport.h), hands them to
 * the server (lsp_server.h), and wakes up for its periodic work. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "error_report.h"
#include "lsp_server.h"
#include "lsp_transport.h"
#include "options.h"

static const char usage[] = "usage: escape lsp [--build-dir DIR]\n";

static const char description[] =
    "A language server (LSP 3.17 over stdin and stdout) that shows escape's\n"
    "remarks as diagnostics in the editor's open files. The remarks come\n"
    "from the build's remark files, found through compile_commands.json\n"
    "(searched from each file's directory upward, in it and in its build/),\n"
    "and from a background compile with the plugin when a file is saved.\n"
    "See docs/ide.md for editor configurations and the settings.\n";

/* Bodies longer than this are skipped: no editor sends them to a server
 * that does not take document contents beyond source files. */
enum { MAX_MESSAGE = 32 << 20 };

typedef struct lsp_stdio {
  int fd;
  int broken; /* a write failed: the client is gone */
  escape_strbuf frame;
} lsp_stdio;

static void send_stdout(void *ctx, const char *body, size_t len) {
  lsp_stdio *io = ctx;
  if (io->broken)
    return;
  escape_strbuf_reset(&io->frame);
  lsp_frame(body, len, &io->frame);
  if (io->frame.failed ||
      lsp_write_all(io->fd, io->frame.buf, io->frame.len) != 0)
    io->broken = 1;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Handles every complete message in the framer. */
static void drain(lsp_server *server, lsp_framer *framer) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  for (;;) {
    const char *body;
    size_t len;
    escape_strbuf_reset(&err);
    int next = lsp_framer_next(framer, &body, &len, &err);
    if (next == 0)
      break;
    if (next < 0)
      lsp_server_framing_error(server, err.buf);
    else
      lsp_server_handle(server, body, len, now_ms());
    if (lsp_server_exit_code(server) >= 0)
      break;
  }
  escape_strbuf_release(&err);
}

/* Runs the server until exit or the end of input; returns the exit code. */
static int serve(lsp_server *server, lsp_stdio *io) {
  lsp_framer framer;
  lsp_framer_init(&framer, MAX_MESSAGE);
  char chunk[65536];
  int code = -1;
  long long wait = -1;
  while (code < 0 && !io->broken) {
    struct pollfd in = {STDIN_FILENO, POLLIN, 0};
    int ready = poll(&in, 1, wait < 0 ? -1 : (int)wait);
    if (ready < 0 && errno != EINTR)
      break;
    if (ready > 0) {
      ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break; /* the client went away without exit */
      lsp_framer_feed(&framer, chunk, (size_t)n);
      drain(server, &framer);
    }
    code = lsp_server_exit_code(server);
    wait = lsp_server_tick(server, now_ms());
  }
  lsp_framer_release(&framer);
  return code < 0 ? 1 : code;
}

int cmd_lsp_to(FILE *out, FILE *err, int argc, const char **argv) {
  const command_usage command = {"lsp", usage, description, NULL};
  const char *build_dir = NULL;
  const option_spec specs[] = {
      OPT_STRING("--build-dir", NULL, &build_dir, "DIR",
                 "where compile_commands.json is, or the file itself\n"
                 "(default: searched from each file upward)"),
  };
  string_list positional;
  string_list_init(&positional);
  int result = parse_options(specs, sizeof specs / sizeof specs[0], &command,
                             argc, argv, &positional, out, err);
  if (result == OPTIONS_OK && positional.count > 0)
    result = error_usage(err, "lsp", usage, "unexpected argument '%s'",
                         positional.items[0]);
  string_list_release(&positional);
  if (result != OPTIONS_OK)
    return result;
  /* A client that closes the pipe ends the server through write errors. */
  signal(SIGPIPE, SIG_IGN);
  lsp_stdio io = {fileno(out), 0, {0}};
  escape_strbuf_init(&io.frame);
  lsp_server_options options = {build_dir, 1, err};
  lsp_server server;
  lsp_server_init(&server, &options, send_stdout, &io);
  result = serve(&server, &io);
  lsp_server_release(&server);
  escape_strbuf_release(&io.frame);
  return result;
}

int cmd_lsp(int argc, const char **argv) {
  return cmd_lsp_to(stdout, stderr, argc, argv);
}
