/* The Language Server Protocol's base protocol: JSON-RPC messages framed by
 * a `Content-Length: N` header block, as a feed-driven parser (bytes in,
 * whole message bodies out) so that a stalled or lying peer can never make
 * the server block or allocate more than the limit, and a writer. */
#ifndef ESCAPE_DRIVER_LSP_TRANSPORT_H
#define ESCAPE_DRIVER_LSP_TRANSPORT_H

#include <stddef.h>

#include "escape/strbuf.h"

/* Largest header block accepted; longer ones are framing errors. */
enum { LSP_MAX_HEADER = 4096 };

typedef struct lsp_framer {
  escape_strbuf buf; /* bytes received and not yet consumed, from start */
  size_t start;
  size_t max_body; /* bodies longer than this are skipped, not buffered */
  size_t skip;     /* bytes still to discard of a skipped body */
  size_t body;     /* length of the body being received, once its header
                      block is parsed */
  int have_header;
  int in_garbage; /* skipping bytes without a header: reported once, so
                     that a stream of garbage is one log message */
} lsp_framer;

/* Initializes a framer that accepts bodies up to max_body bytes. */
void lsp_framer_init(lsp_framer *framer, size_t max_body);

/* Frees the framer's buffer. */
void lsp_framer_release(lsp_framer *framer);

/* Appends received bytes (bytes of a body being skipped are dropped). */
void lsp_framer_feed(lsp_framer *framer, const char *data, size_t len);

/* Takes the next message: returns 1 with *body and *len set (valid until
 * the next feed or next call), 0 when more input is needed, or -1 with why
 * in err after a framing error (bad or missing Content-Length, a header
 * block too long, a body over the limit); the framer has then skipped the
 * bad part and the next call goes on with what follows. */
int lsp_framer_next(lsp_framer *framer, const char **body, size_t *len,
                    escape_strbuf *err);

/* Writes body framed with its Content-Length header to buffer. */
void lsp_frame(const char *body, size_t len, escape_strbuf *out);

/* Writes all of data to fd, retrying short writes and EINTR; returns 0, or
 * -1 with errno set (the peer is gone). */
int lsp_write_all(int fd, const char *data, size_t len);

#endif
