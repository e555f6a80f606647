#define _POSIX_C_SOURCE 200809L
#include "lsp_server.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_publish.h"

#ifndef ESCAPE_VERSION
#define ESCAPE_VERSION "unknown"
#endif

/* JSON-RPC and LSP error codes. */
enum {
  RPC_PARSE_ERROR = -32700,
  RPC_INVALID_REQUEST = -32600,
  RPC_METHOD_NOT_FOUND = -32601,
  RPC_INVALID_PARAMS = -32602,
  RPC_INTERNAL_ERROR = -32603,
  LSP_SERVER_NOT_INITIALIZED = -32002
};

/* LSP MessageType values. */
enum { LOG_ERROR = 1, LOG_WARNING = 2, LOG_INFO = 3 };

/* How often remark files are polled when the client does not watch them. */
enum { POLL_MS = 1000 };

#define COMMAND_SHOW "escape.showDetails"
#define COMMAND_HIDE "escape.hideDetails"

/* A JSON string of s, NULL when s is not valid UTF-8. (jansson's
 * json_string is shadowed by the driver's json_writer.h function of that
 * name, which the static link prefers.) */
static json_t *text_value(const char *s) { return json_stringn(s, strlen(s)); }

/* Sends a message (takes message). */
static void send_message(lsp_server *server, json_t *message) {
  if (!message)
    return;
  char *text = json_dumps(message, JSON_COMPACT);
  if (text)
    server->send(server->send_ctx, text, strlen(text));
  free(text);
  json_decref(message);
}

static void notify(lsp_server *server, const char *method, json_t *params) {
  send_message(server, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method",
                                 method, "params", params));
}

/* window/logMessage, and a copy to the log file. */
static void log_message(lsp_server *server, int type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void log_message(lsp_server *server, int type, const char *fmt, ...) {
  escape_strbuf text;
  escape_strbuf_init(&text);
  va_list ap;
  va_start(ap, fmt);
  escape_strbuf_vaddf(&text, fmt, ap);
  va_end(ap);
  if (server->log)
    fprintf(server->log, "escape lsp: %s\n", text.buf);
  /* The text may quote what the peer sent: keep only valid JSON text. */
  json_t *message = text_value(text.buf);
  if (!message)
    message = text_value("(a message that is not valid UTF-8)");
  notify(server, "window/logMessage",
         json_pack("{s:i,s:o}", "type", type, "message", message));
  escape_strbuf_release(&text);
}

/* Logs each line of text. */
static void log_lines(lsp_server *server, int type, const char *text) {
  while (*text) {
    size_t len = strcspn(text, "\n");
    if (len)
      log_message(server, type, "%.*s", (int)len, text);
    text += len + (text[len] == '\n');
  }
}

static void respond(lsp_server *server, json_t *id, json_t *result) {
  send_message(server, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id,
                                 "result", result ? result : json_null()));
}

static void respond_error(lsp_server *server, json_t *id, int code,
                          const char *message) {
  json_t *text = text_value(message);
  send_message(server,
               json_pack("{s:s,s:O,s:{s:i,s:o}}", "jsonrpc", "2.0", "id",
                         id ? id : json_null(), "error", "code", code,
                         "message", text ? text : text_value("error")));
}

static lsp_publish_context publish_context(lsp_server *server) {
  return (lsp_publish_context){&server->workspace,
                               server->reruns_ok ? &server->rerun : NULL,
                               &server->settings, &server->visibility};
}

/* Sends a message body written as text (a large one is written directly,
 * without a jansson tree). */
static void send_text(lsp_server *server, const escape_strbuf *text) {
  server->send(server->send_ctx, text->buf, text->len);
}

static void publish(lsp_server *server, lsp_document *doc) {
  lsp_publish_context context = publish_context(server);
  escape_strbuf log, message;
  escape_strbuf_init(&log);
  escape_strbuf_init(&message);
  int written = lsp_publish_message(&context, doc, &message, &log);
  log_lines(server, LOG_ERROR, log.buf);
  if (written == 0)
    send_text(server, &message);
  else
    log_message(server, LOG_ERROR, "%s: error: out of memory", doc->path);
  escape_strbuf_release(&log);
  escape_strbuf_release(&message);
}

static void publish_all(lsp_server *server) {
  for (size_t i = 0; i < server->docs.count; i++)
    publish(server, server->docs.items[i]);
}

/* Called when a background compile ended. */
static void rerun_done(void *ctx, const char *source, int exit_code,
                       const char *first_error) {
  lsp_server *server = ctx;
  for (size_t i = 0; i < server->docs.count; i++) {
    lsp_document *doc = server->docs.items[i];
    if (strcmp(doc->path, source) != 0)
      continue;
    free(doc->failure);
    doc->failure = exit_code ? strdup(first_error) : NULL;
    publish(server, doc);
  }
  if (exit_code)
    log_message(server, LOG_WARNING, "%s: not analysed: %s", source,
                first_error);
}

static void rerun_started(void *ctx, const char *source) {
  log_message(ctx, LOG_INFO, "%s: compiling with the plugin", source);
}

/* Asks for a background compile of doc's translation unit after delay. */
static void request_rerun(lsp_server *server, const lsp_document *doc,
                          long long delay_ms) {
  if (!server->reruns_ok)
    return;
  lsp_publish_context context = publish_context(server);
  lsp_sources sources;
  lsp_sources_init(&sources);
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (lsp_publish_sources(&context, doc, &sources, &err) == 0 &&
      sources.entry &&
      lsp_rerun_request(&server->rerun, doc->path, sources.entry,
                        sources.base.buf, server->now_ms + delay_ms, &err) != 0)
    log_message(server, LOG_WARNING, "%s: not re-compiled: %s", doc->path,
                err.buf);
  lsp_sources_release(&sources);
  escape_strbuf_release(&err);
}

/* ---- parameters ---------------------------------------------------- */

/* The document of params.textDocument.uri, with its path; NULL (why in
 * err) when the uri is missing or not a file. */
static const char *document_uri(json_t *params, escape_strbuf *path,
                                escape_strbuf *err) {
  json_t *document = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(document, "uri"));
  if (!uri) {
    escape_strbuf_addstr(err, "params.textDocument.uri is not a string");
    return NULL;
  }
  return lsp_uri_to_path(uri, path, err) == 0 ? uri : NULL;
}

static lsp_document *open_document(lsp_server *server, json_t *params,
                                   escape_strbuf *err) {
  escape_strbuf path;
  escape_strbuf_init(&path);
  json_t *document = json_object_get(params, "textDocument");
  json_t *text = json_object_get(document, "text");
  const char *uri = document_uri(params, &path, err);
  lsp_document *doc = NULL;
  if (uri && !json_is_string(text))
    escape_strbuf_addstr(err, "params.textDocument.text is not a string");
  else if (uri &&
           !(doc = lsp_documents_open(
                 &server->docs, uri, path.buf,
                 json_integer_value(json_object_get(document, "version")),
                 json_string_value(text), json_string_length(text))))
    escape_strbuf_addstr(err, "out of memory");
  escape_strbuf_release(&path);
  return doc;
}

/* ---- handlers ------------------------------------------------------- */

static json_t *server_capabilities(void) {
  return json_pack(
      "{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s]},s:{s:[s,s]}}", "positionEncoding",
      "utf-16", "textDocumentSync", "openClose", 1, "change", 1, "save",
      "includeText", 0, "codeActionProvider", "codeActionKinds", "source",
      "executeCommandProvider", "commands", COMMAND_SHOW, COMMAND_HIDE);
}

static void handle_initialize(lsp_server *server, json_t *id, json_t *params) {
  if (server->initialized) {
    respond_error(server, id, RPC_INVALID_REQUEST, "initialize sent twice");
    return;
  }
  json_t *options = json_object_get(params, "initializationOptions");
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (lsp_settings_apply(&server->settings, options, &err) != 0)
    log_message(server, LOG_WARNING, "initializationOptions: %s", err.buf);
  escape_strbuf_release(&err);
  json_t *build_dir = json_object_get(options, "buildDir");
  if (json_is_string(build_dir))
    lsp_workspace_set_build_dir(&server->workspace,
                                json_string_value(build_dir));
  json_t *watch = json_object_get(
      json_object_get(json_object_get(params, "capabilities"), "workspace"),
      "didChangeWatchedFiles");
  server->watched_files =
      json_is_true(json_object_get(watch, "dynamicRegistration"));
  server->initialized = 1;
  respond(server, id,
          json_pack("{s:o,s:{s:s,s:s}}", "capabilities", server_capabilities(),
                    "serverInfo", "name", "escape", "version", ESCAPE_VERSION));
}

/* After initialized: asks the client to watch the remark files. */
static void handle_initialized(lsp_server *server) {
  if (server->rerun_problem)
    log_message(server, LOG_WARNING,
                "no background compiles (only the build's remarks): %s",
                server->rerun_problem);
  if (!server->watched_files)
    return;
  json_t *watchers = json_pack(
      "[{s:s},{s:s},{s:s},{s:s},{s:s}]", "globPattern", "**/*.escape.yaml",
      "globPattern", "**/*.opt.yaml", "globPattern", "**/*.o", "globPattern",
      "**/*.a", "globPattern", "**/compile_commands.json");
  send_message(server,
               json_pack("{s:s,s:s,s:s,s:{s:[{s:s,s:s,s:{s:o}}]}}", "jsonrpc",
                         "2.0", "id", "escape/watch", "method",
                         "client/registerCapability", "params", "registrations",
                         "id", "escape-remark-files", "method",
                         "workspace/didChangeWatchedFiles", "registerOptions",
                         "watchers", watchers));
}

static void handle_did_open(lsp_server *server, json_t *params,
                            escape_strbuf *err) {
  lsp_document *doc = open_document(server, params, err);
  if (!doc)
    return;
  publish(server, doc);
  /* Nothing built yet: analyse it now rather than show nothing. */
  lsp_publish_context context = publish_context(server);
  lsp_sources sources;
  lsp_sources_init(&sources);
  escape_strbuf why;
  escape_strbuf_init(&why);
  if (lsp_publish_sources(&context, doc, &sources, &why) == 0 &&
      sources.entry && sources.paths.count == 0)
    request_rerun(server, doc, 0);
  lsp_sources_release(&sources);
  escape_strbuf_release(&why);
}

static void handle_did_change(lsp_server *server, json_t *params,
                              escape_strbuf *err) {
  json_t *document = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(document, "uri"));
  lsp_document *doc = uri ? lsp_documents_find(&server->docs, uri) : NULL;
  json_t *changes = json_object_get(params, "contentChanges");
  json_t *last = json_array_get(changes, json_array_size(changes) - 1);
  json_t *text = json_object_get(last, "text");
  if (!doc)
    escape_strbuf_addstr(err, "didChange of a document that is not open");
  else if (!json_is_string(text) || json_object_get(last, "range"))
    escape_strbuf_addstr(err, "didChange without the full text (the server "
                              "asked for full-text sync)");
  else if (lsp_document_set_text(
               doc, json_integer_value(json_object_get(document, "version")),
               json_string_value(text), json_string_length(text)) != 0)
    escape_strbuf_addstr(err, "out of memory");
}

static void handle_did_save(lsp_server *server, json_t *params,
                            escape_strbuf *err) {
  const char *uri = json_string_value(
      json_object_get(json_object_get(params, "textDocument"), "uri"));
  lsp_document *doc = uri ? lsp_documents_find(&server->docs, uri) : NULL;
  if (!doc) {
    escape_strbuf_addstr(err, "didSave of a document that is not open");
    return;
  }
  if (server->settings.rerun_on_save)
    request_rerun(server, doc, server->settings.rerun_delay_ms);
}

static void handle_did_close(lsp_server *server, json_t *params,
                             escape_strbuf *err) {
  const char *uri = json_string_value(
      json_object_get(json_object_get(params, "textDocument"), "uri"));
  lsp_document *doc = uri ? lsp_documents_find(&server->docs, uri) : NULL;
  if (!doc) {
    escape_strbuf_addstr(err, "didClose of a document that is not open");
    return;
  }
  /* The editor keeps what was published last: clear it. */
  escape_strbuf message;
  escape_strbuf_init(&message);
  if (lsp_publish_cleared(doc, &message) == 0)
    send_text(server, &message);
  escape_strbuf_release(&message);
  lsp_documents_close(&server->docs, uri);
}

/* A Show/Hide action for path in scope. */
static json_t *toggle_action(const char *uri, const char *scope, int shown,
                             const char *what) {
  escape_strbuf title;
  escape_strbuf_init(&title);
  escape_strbuf_addf(&title, "%s escape details for %s",
                     shown ? "Hide" : "Show", what);
  json_t *action =
      json_pack("{s:s,s:s,s:{s:s,s:s,s:[{s:s,s:s}]}}", "title", title.buf,
                "kind", "source", "command", "title", title.buf, "command",
                shown ? COMMAND_HIDE : COMMAND_SHOW, "arguments", "uri", uri,
                "scope", scope);
  escape_strbuf_release(&title);
  return action;
}

static void handle_code_action(lsp_server *server, json_t *id, json_t *params) {
  escape_strbuf path, err, what;
  escape_strbuf_init(&path);
  escape_strbuf_init(&err);
  escape_strbuf_init(&what);
  const char *uri = document_uri(params, &path, &err);
  if (!uri) {
    respond_error(server, id, RPC_INVALID_PARAMS, err.buf);
  } else {
    int file_shown = lsp_visibility_shown(&server->visibility, path.buf);
    char *slash = strrchr(path.buf, '/');
    *slash = '\0';
    const char *dir = *path.buf ? path.buf : "/";
    int dir_shown = lsp_visibility_scope_shown(&server->visibility, dir, 1);
    const char *base = strrchr(dir, '/');
    escape_strbuf_addf(&what, "directory %s/",
                       base && base[1] ? base + 1 : dir);
    json_t *actions = json_array();
    json_array_append_new(actions,
                          toggle_action(uri, "file", file_shown, "this file"));
    json_array_append_new(actions,
                          toggle_action(uri, "directory", dir_shown, what.buf));
    respond(server, id, actions);
  }
  escape_strbuf_release(&path);
  escape_strbuf_release(&err);
  escape_strbuf_release(&what);
}

static void handle_execute_command(lsp_server *server, json_t *id,
                                   json_t *params) {
  const char *command = json_string_value(json_object_get(params, "command"));
  json_t *argument = json_array_get(json_object_get(params, "arguments"), 0);
  const char *uri = json_string_value(json_object_get(argument, "uri"));
  const char *scope = json_string_value(json_object_get(argument, "scope"));
  int shown = command && strcmp(command, COMMAND_SHOW) == 0;
  if (!command || (!shown && strcmp(command, COMMAND_HIDE) != 0)) {
    respond_error(server, id, RPC_INVALID_PARAMS,
                  "unknown command (escape.showDetails, escape.hideDetails)");
    return;
  }
  int directory = scope && strcmp(scope, "directory") == 0;
  escape_strbuf path, err;
  escape_strbuf_init(&path);
  escape_strbuf_init(&err);
  if (!uri || (scope && !directory && strcmp(scope, "file") != 0)) {
    respond_error(server, id, RPC_INVALID_PARAMS,
                  "arguments: [{\"uri\": FILE_URI, \"scope\": \"file\" or "
                  "\"directory\"}]");
  } else if (lsp_uri_to_path(uri, &path, &err) != 0) {
    respond_error(server, id, RPC_INVALID_PARAMS, err.buf);
  } else {
    if (directory) {
      char *slash = strrchr(path.buf, '/');
      slash[slash == path.buf ? 1 : 0] = '\0';
    }
    if (lsp_visibility_set(&server->visibility, path.buf, directory, shown) !=
        0)
      respond_error(server, id, RPC_INTERNAL_ERROR, "out of memory");
    else {
      publish_all(server);
      respond(server, id, NULL);
    }
  }
  escape_strbuf_release(&path);
  escape_strbuf_release(&err);
}

static void handle_configuration(lsp_server *server, json_t *params) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  json_t *settings = json_object_get(params, "settings");
  if (lsp_settings_apply(&server->settings, settings, &err) != 0)
    log_message(server, LOG_WARNING, "settings: %s", err.buf);
  json_t *nested = json_object_get(settings, "escape");
  json_t *build_dir =
      json_object_get(json_is_object(nested) ? nested : settings, "buildDir");
  if (json_is_string(build_dir))
    lsp_workspace_set_build_dir(&server->workspace,
                                json_string_value(build_dir));
  escape_strbuf_release(&err);
  publish_all(server);
}

/* Republishes the documents whose remark files changed. */
static void refresh_stale(lsp_server *server) {
  lsp_publish_context context = publish_context(server);
  for (size_t i = 0; i < server->docs.count; i++) {
    lsp_document *doc = server->docs.items[i];
    if (!lsp_publish_stale(&context, doc))
      continue;
    /* A build ran: its remarks replace the failed re-run's error. */
    free(doc->failure);
    doc->failure = NULL;
    publish(server, doc);
  }
}

/* ---- dispatch ------------------------------------------------------- */

/* Requests: answer each; returns 0 when the method is known. */
static int dispatch_request(lsp_server *server, const char *method, json_t *id,
                            json_t *params) {
  if (strcmp(method, "initialize") == 0)
    handle_initialize(server, id, params);
  else if (!server->initialized)
    respond_error(server, id, LSP_SERVER_NOT_INITIALIZED,
                  "the server is not initialized");
  else if (server->shutdown)
    respond_error(server, id, RPC_INVALID_REQUEST, "the server was shut down");
  else if (strcmp(method, "shutdown") == 0) {
    server->shutdown = 1;
    respond(server, id, NULL);
  } else if (strcmp(method, "textDocument/codeAction") == 0)
    handle_code_action(server, id, params);
  else if (strcmp(method, "workspace/executeCommand") == 0)
    handle_execute_command(server, id, params);
  else
    return -1;
  return 0;
}

/* Notifications: never answered; problems are logged. */
static void dispatch_notification(lsp_server *server, const char *method,
                                  json_t *params) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (strcmp(method, "exit") == 0)
    server->exited = 1;
  else if (!server->initialized || server->shutdown ||
           strncmp(method, "$/", 2) == 0)
    ; /* dropped, as the protocol says */
  else if (strcmp(method, "initialized") == 0)
    handle_initialized(server);
  else if (strcmp(method, "textDocument/didOpen") == 0)
    handle_did_open(server, params, &err);
  else if (strcmp(method, "textDocument/didChange") == 0)
    handle_did_change(server, params, &err);
  else if (strcmp(method, "textDocument/didSave") == 0)
    handle_did_save(server, params, &err);
  else if (strcmp(method, "textDocument/didClose") == 0)
    handle_did_close(server, params, &err);
  else if (strcmp(method, "workspace/didChangeConfiguration") == 0)
    handle_configuration(server, params);
  else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
    refresh_stale(server);
  else
    escape_strbuf_addstr(&err, "unknown notification");
  if (err.len)
    log_message(server, LOG_WARNING, "%s: %s", method, err.buf);
  escape_strbuf_release(&err);
}

void lsp_server_handle(lsp_server *server, const char *body, size_t len,
                       long long now_ms) {
  server->now_ms = now_ms;
  json_error_t error;
  json_t *message = json_loadb(body, len, JSON_DECODE_ANY, &error);
  if (!message) {
    escape_strbuf why;
    escape_strbuf_init(&why);
    escape_strbuf_addf(&why, "malformed JSON at byte %d: %s", error.position,
                       error.text);
    log_message(server, LOG_ERROR, "%s", why.buf);
    respond_error(server, NULL, RPC_PARSE_ERROR, why.buf);
    escape_strbuf_release(&why);
    return;
  }
  json_t *id = json_object_get(message, "id");
  json_t *method = json_object_get(message, "method");
  json_t *params = json_object_get(message, "params");
  if (id && !json_is_string(id) && !json_is_integer(id))
    id = NULL;
  if (!json_is_object(message) || (method && !json_is_string(method)) ||
      (!method && !json_object_get(message, "id")))
    respond_error(server, id, RPC_INVALID_REQUEST,
                  "not a JSON-RPC request or notification");
  else if (!method)
    ; /* a response to our registration request */
  else if (params && !json_is_object(params) && !json_is_array(params) &&
           !json_is_null(params))
    respond_error(server, id, RPC_INVALID_PARAMS, "params must be an object");
  else if (id) {
    if (dispatch_request(server, json_string_value(method), id, params) != 0)
      respond_error(server, id, RPC_METHOD_NOT_FOUND, "unknown method");
  } else
    dispatch_notification(server, json_string_value(method), params);
  json_decref(message);
}

void lsp_server_framing_error(lsp_server *server, const char *why) {
  log_message(server, LOG_ERROR, "framing error: %s", why);
}

void lsp_server_init(lsp_server *server, const lsp_server_options *options,
                     lsp_send send, void *ctx) {
  memset(server, 0, sizeof *server);
  server->send = send;
  server->send_ctx = ctx;
  server->log = options->log;
  lsp_settings_init(&server->settings);
  lsp_workspace_init(&server->workspace, options->build_dir);
  lsp_visibility_init(&server->visibility);
  escape_strbuf err;
  escape_strbuf_init(&err);
  if (options->reruns) {
    server->reruns_ok = lsp_rerun_init(&server->rerun, 2, &err) == 0;
    if (!server->reruns_ok)
      server->rerun_problem = escape_strbuf_detach(&err);
  }
  escape_strbuf_release(&err);
}

void lsp_server_release(lsp_server *server) {
  free(server->rerun_problem);
  lsp_rerun_release(&server->rerun);
  lsp_documents_release(&server->docs);
  lsp_workspace_release(&server->workspace);
  lsp_visibility_release(&server->visibility);
  lsp_settings_release(&server->settings);
}

long long lsp_server_tick(lsp_server *server, long long now_ms) {
  server->now_ms = now_ms;
  long long wait = -1;
  if (server->reruns_ok) {
    lsp_rerun_events events = {rerun_started, rerun_done, server};
    lsp_rerun_poll(&server->rerun, now_ms, &events);
    wait = lsp_rerun_wait(&server->rerun, now_ms);
  }
  if (server->watched_files || server->docs.count == 0)
    return wait;
  if (now_ms >= server->next_poll_ms) {
    refresh_stale(server);
    server->next_poll_ms = now_ms + POLL_MS;
  }
  long long poll = server->next_poll_ms - now_ms;
  return wait < 0 || poll < wait ? poll : wait;
}

int lsp_server_exit_code(const lsp_server *server) {
  if (!server->exited)
    return -1;
  return server->shutdown ? 0 : 1;
}
