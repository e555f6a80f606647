/* libFuzzer entry point: arbitrary bytes as what an editor writes to
 * `escape lsp`'s stdin. The framer splits them into messages (fed in
 * pieces, as reads split them), the server handles each one and its
 * periodic work runs; nothing may crash, leak, hang or send a body that is
 * not JSON. Background compiles are off: the fuzzer must not spawn. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "lsp_server.h"
#include "lsp_transport.h"

/* What a server may send is always a JSON object. */
static void check_sent(void *ctx, const char *body, size_t len) {
  (void)ctx;
  json_t *message = json_loadb(body, len, 0, NULL);
  if (!json_is_object(message))
    __builtin_trap();
  json_decref(message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* A small body limit, so that oversized messages are reached too. */
  lsp_framer framer;
  lsp_framer_init(&framer, 1 << 16);
  lsp_server_options options = {"/nonexistent/escape-fuzz", 0, NULL};
  lsp_server server;
  lsp_server_init(&server, &options, check_sent, NULL);
  escape_strbuf err;
  escape_strbuf_init(&err);
  long long now = 0;
  /* Pieces of 1, 2, 4 ... bytes up to 4 KiB, then whole 4 KiB reads. */
  for (size_t at = 0, piece = 1; at < size && lsp_server_exit_code(&server) < 0;
       piece = piece < 4096 ? piece * 2 : piece) {
    size_t n = size - at < piece ? size - at : piece;
    lsp_framer_feed(&framer, (const char *)data + at, n);
    at += n;
    const char *body;
    size_t len;
    int next;
    while (lsp_server_exit_code(&server) < 0 &&
           (next = lsp_framer_next(&framer, &body, &len, &err)) != 0) {
      if (next < 0)
        lsp_server_framing_error(&server, err.buf);
      else
        lsp_server_handle(&server, body, len, now);
      escape_strbuf_reset(&err);
    }
    now += 500;
    lsp_server_tick(&server, now);
  }
  escape_strbuf_release(&err);
  lsp_server_release(&server);
  lsp_framer_release(&framer);
  return 0;
}
