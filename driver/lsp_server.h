/* The escape language server's state and its JSON-RPC dispatch: lifecycle
 * (initialize, initialized, shutdown, exit), documents (didOpen, didChange,
 * didSave, didClose), textDocument/publishDiagnostics, codeAction and
 * workspace/executeCommand (Show/Hide escape details), didChangeConfiguration
 * and didChangeWatchedFiles (polling the remark files when the client does
 * not offer it). Transport-free: message bodies in, message bodies out
 * through a callback, time passed in, so that the fuzzer and the tests
 * drive it without pipes. Malformed messages get JSON-RPC error responses
 * (or a log message for notifications); nothing a peer sends stops it. */
#ifndef ESCAPE_DRIVER_LSP_SERVER_H
#define ESCAPE_DRIVER_LSP_SERVER_H

#include <stddef.h>
#include <stdio.h>

#include "lsp_document.h"
#include "lsp_rerun.h"
#include "lsp_settings.h"
#include "lsp_visibility.h"
#include "lsp_workspace.h"

/* Receives each outgoing message body (JSON, not framed). */
typedef void (*lsp_send)(void *ctx, const char *body, size_t len);

typedef struct lsp_server_options {
  const char *build_dir; /* --build-dir, or NULL */
  int reruns;            /* 0: never run compiles (the fuzzer) */
  FILE *log;             /* a copy of the log messages, or NULL */
} lsp_server_options;

typedef struct lsp_server {
  lsp_send send;
  void *send_ctx;
  FILE *log;
  int initialized;   /* initialize answered */
  int shutdown;      /* shutdown answered: only exit is left */
  int exited;        /* exit received */
  int watched_files; /* the client sends didChangeWatchedFiles */
  int reruns_ok;
  char *rerun_problem; /* why there are no background compiles, told to
                          the client once it is initialized */
  long long now_ms;
  long long next_poll_ms;
  lsp_settings settings;
  lsp_documents docs;
  lsp_workspace workspace;
  lsp_rerun rerun;
  lsp_visibility visibility;
} lsp_server;

/* Starts a server that sends through send. */
void lsp_server_init(lsp_server *server, const lsp_server_options *options,
                     lsp_send send, void *ctx);

/* Stops background compiles and frees everything. */
void lsp_server_release(lsp_server *server);

/* Handles one message body at time now_ms (monotonic milliseconds). */
void lsp_server_handle(lsp_server *server, const char *body, size_t len,
                       long long now_ms);

/* Reports a framing error of the transport (logged; the stream goes on). */
void lsp_server_framing_error(lsp_server *server, const char *why);

/* Does the periodic work due at now_ms (polling remark files, starting
 * and reaping background compiles); returns the milliseconds until it
 * wants to be called again (-1: only when a message arrives). */
long long lsp_server_tick(lsp_server *server, long long now_ms);

/* -1 while the server runs; after exit, its exit code (0 when shutdown
 * came first, 1 otherwise). */
int lsp_server_exit_code(const lsp_server *server);

#endif
