/* escape lsp's pieces without pipes: the Content-Length framer (split
 * input, bad headers, a run of garbage, oversized bodies), URIs and the
 * UTF-16 positions of documents, the Show/Hide rules, and the settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "escape/remark_reader.h"
#include "lsp_document.h"
#include "lsp_settings.h"
#include "lsp_transport.h"
#include "lsp_visibility.h"

/* Feeds text to framer one byte at a time, collecting each body (joined
 * by '|') and each error (as "E") into out. */
static void frame_bytewise(lsp_framer *framer, const char *text, size_t len,
                           escape_strbuf *out) {
  escape_strbuf err;
  escape_strbuf_init(&err);
  for (size_t i = 0; i < len; i++) {
    lsp_framer_feed(framer, text + i, 1);
    const char *body;
    size_t body_len;
    int next;
    while ((next = lsp_framer_next(framer, &body, &body_len, &err)) != 0) {
      if (next < 0)
        escape_strbuf_addstr(out, "E|");
      else
        escape_strbuf_addf(out, "%.*s|", (int)body_len, body);
      escape_strbuf_reset(&err);
    }
  }
  escape_strbuf_release(&err);
}

static void check_frames(const char *input, size_t max_body,
                         const char *expected) {
  lsp_framer framer;
  lsp_framer_init(&framer, max_body);
  escape_strbuf out;
  escape_strbuf_init(&out);
  frame_bytewise(&framer, input, strlen(input), &out);
  assert_string_equal(out.buf, expected);
  escape_strbuf_release(&out);
  lsp_framer_release(&framer);
}

static void test_framer_messages(void **state) {
  (void)state;
  check_frames("Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n"
               "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
               "\r\n[1]",
               100, "{}|[1]|");
  /* Bare newlines, any case, blanks around the number. */
  check_frames("content-length:\t4 \n\n1234", 100, "1234|");
  /* An empty body is a message (the server answers it). */
  check_frames("Content-Length: 0\r\n\r\n", 100, "|");
}

static void test_framer_errors(void **state) {
  (void)state;
  /* No Content-Length, a bad one, then a good message. */
  check_frames("X-A: 1\r\n\r\nContent-Length: 1x\r\n\r\n"
               "Content-Length: 1\r\n\r\nA",
               100, "E|E|A|");
  /* Over the limit: one error, the body skipped unbuffered, then on. */
  check_frames("Content-Length: 8\r\n\r\n12345678Content-Length: 1\r\n\r\nB", 4,
               "E|B|");
}

static void test_framer_garbage(void **state) {
  (void)state;
  /* 20 header-sized blocks of garbage are one error, and the message
   * after them is found. */
  escape_strbuf input;
  escape_strbuf_init(&input);
  for (int i = 0; i < 20 * LSP_MAX_HEADER; i++)
    escape_strbuf_addstr(&input, "x");
  escape_strbuf_addstr(&input, "\r\n\r\nContent-Length: 2\r\n\r\nok");
  lsp_framer framer;
  lsp_framer_init(&framer, 100);
  escape_strbuf out;
  escape_strbuf_init(&out);
  frame_bytewise(&framer, input.buf, input.len, &out);
  assert_string_equal(out.buf, "E|ok|");
  /* The buffer did not keep the garbage. */
  assert_true(framer.buf.len < 4 * LSP_MAX_HEADER);
  escape_strbuf_release(&out);
  lsp_framer_release(&framer);
  escape_strbuf_release(&input);
}

static void test_frame_writer(void **state) {
  (void)state;
  escape_strbuf out;
  escape_strbuf_init(&out);
  lsp_frame("{\"a\":1}", 7, &out);
  assert_string_equal(out.buf, "Content-Length: 7\r\n\r\n{\"a\":1}");
  escape_strbuf_release(&out);
}

static void test_uris(void **state) {
  (void)state;
  escape_strbuf path, err;
  escape_strbuf_init(&path);
  escape_strbuf_init(&err);
  assert_int_equal(lsp_uri_to_path("file:///a%20b/c%C3%BC.c", &path, &err), 0);
  assert_string_equal(path.buf, "/a b/c\xc3\xbc.c");
  escape_strbuf_reset(&path);
  assert_int_equal(lsp_uri_to_path("http://x/y", &path, &err), -1);
  assert_non_null(strstr(err.buf, "http://x/y"));
  escape_strbuf_reset(&err);
  assert_int_equal(lsp_uri_to_path("file:///a%zz", &path, &err), -1);
  assert_true(err.len > 0);
  escape_strbuf uri;
  escape_strbuf_init(&uri);
  lsp_path_to_uri("/a b/c.c", &uri);
  assert_string_equal(uri.buf, "file:///a%20b/c.c");
  escape_strbuf_release(&uri);
  escape_strbuf_release(&path);
  escape_strbuf_release(&err);
}

static void test_positions(void **state) {
  (void)state;
  /* Line 2: "ü€𝄞 x" (2, 3 and 4 bytes: 1, 1 and 2 UTF-16 units). */
  const char *text = "int a;\n\xc3\xbc\xe2\x82\xac\xf0\x9d\x84\x9e wide;\n";
  lsp_documents docs = {0};
  lsp_document *doc =
      lsp_documents_open(&docs, "file:///t.c", "/t.c", 1, text, strlen(text));
  assert_non_null(doc);
  lsp_position at = lsp_document_position(doc, 2, 11); /* byte 10: 'w' */
  assert_int_equal(at.line, 1);
  assert_int_equal(at.character, 5);
  lsp_position end = lsp_document_token_end(doc, 2, 11);
  assert_int_equal(end.line, 1);
  assert_int_equal(end.character, 9);
  at = lsp_document_position(doc, 1, 5);
  assert_int_equal(at.line, 0);
  assert_int_equal(at.character, 4);
  /* Past the end of the line: one unit a byte. */
  at = lsp_document_position(doc, 1, 40);
  assert_int_equal(at.character, 39);
  /* A new text moves the positions. */
  assert_int_equal(lsp_document_set_text(doc, 2, "\n\n", 2), 0);
  assert_int_equal(doc->version, 2);
  assert_ptr_equal(lsp_documents_find(&docs, "file:///t.c"), doc);
  lsp_documents_close(&docs, "file:///t.c");
  assert_null(lsp_documents_find(&docs, "file:///t.c"));
  lsp_documents_release(&docs);
}

static void test_visibility(void **state) {
  (void)state;
  lsp_visibility visibility;
  lsp_visibility_init(&visibility);
  assert_true(lsp_visibility_shown(&visibility, "/p/src/a.c"));
  assert_int_equal(lsp_visibility_set(&visibility, "/p/src", 1, 0), 0);
  assert_false(lsp_visibility_shown(&visibility, "/p/src/a.c"));
  assert_false(lsp_visibility_shown(&visibility, "/p/src/deep/b.c"));
  /* A directory covers what is below it, not its namesakes. */
  assert_true(lsp_visibility_shown(&visibility, "/p/srcx/a.c"));
  assert_int_equal(lsp_visibility_set(&visibility, "/p/src/a.c", 0, 1), 0);
  assert_true(lsp_visibility_shown(&visibility, "/p/src/a.c"));
  assert_false(lsp_visibility_scope_shown(&visibility, "/p/src", 1));
  assert_true(lsp_visibility_scope_shown(&visibility, "/p/src/a.c", 0));
  /* Hiding the directory again, last: the file goes too. */
  assert_int_equal(lsp_visibility_set(&visibility, "/p/src", 1, 0), 0);
  assert_false(lsp_visibility_shown(&visibility, "/p/src/a.c"));
  lsp_visibility_release(&visibility);
}

/* Applies the JSON text to settings; returns lsp_settings_apply's result. */
static int apply(lsp_settings *settings, const char *json, escape_strbuf *err) {
  json_t *value = json_loads(json, 0, NULL);
  assert_non_null(value);
  int result = lsp_settings_apply(settings, value, err);
  json_decref(value);
  return result;
}

static void test_settings(void **state) {
  (void)state;
  lsp_settings settings;
  lsp_settings_init(&settings);
  assert_int_equal(settings.categories, LSP_CATEGORY_ALL);
  assert_false(settings.verbose);
  assert_true(settings.rerun_on_save);
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(apply(&settings,
                         "{\"escape\": {\"verbose\": true, \"categories\": "
                         "[\"inline\", \"heap\"], \"rerunDelay\": 5}}",
                         &err),
                   0);
  assert_true(settings.verbose);
  assert_int_equal(settings.categories,
                   LSP_CATEGORY_INLINE | LSP_CATEGORY_HEAP);
  assert_int_equal(settings.rerun_delay_ms, 5);
  /* An object changes only the categories it names. */
  assert_int_equal(
      apply(&settings, "{\"categories\": {\"loops\": true}}", &err), 0);
  assert_int_equal(settings.categories, LSP_CATEGORY_INLINE |
                                            LSP_CATEGORY_HEAP |
                                            LSP_CATEGORY_LOOPS);
  /* Wrong types: errors naming them; the rest still applies. */
  assert_int_equal(
      apply(&settings,
            "{\"hot\": 1, \"categories\": [\"bounds\"], \"verbose\": false}",
            &err),
      -1);
  assert_non_null(strstr(err.buf, "'hot'"));
  assert_non_null(strstr(err.buf, "unknown category"));
  assert_false(settings.verbose);
  assert_int_equal(lsp_settings_category("NotInlined"), LSP_CATEGORY_INLINE);
  assert_int_equal(lsp_settings_category("HeapAllocInLoop"),
                   LSP_CATEGORY_LOOPS);
  assert_int_equal(lsp_settings_category("NoSuchRemark"), 0);
  escape_strbuf_release(&err);
  lsp_settings_release(&settings);
}

/* What the glance at a document's text and the settings' verdict on the
 * parsed remark say of one document. */
typedef struct glance_case {
  int glance, shown;
} glance_case;

static int record_shown(const escape_remark *remark, void *ctx) {
  void **both = ctx;
  glance_case *got = both[0];
  got->shown = lsp_settings_show(both[1], remark);
  return 0;
}

static glance_case judge(const lsp_settings *settings, const char *text) {
  glance_case got = {lsp_settings_may_show_text(settings, text, strlen(text)),
                     -1};
  void *both[2] = {&got, (void *)settings};
  escape_strbuf err;
  escape_strbuf_init(&err);
  assert_int_equal(escape_remark_read_buffer("glance.yaml", text, strlen(text),
                                             record_shown, both, &err),
                   0);
  escape_strbuf_release(&err);
  return got;
}

/* The glance turns a document down only when the settings would not show
 * its remark, and says so for what the defaults hold back. */
static void test_settings_glance(void **state) {
  (void)state;
  static const struct {
    const char *text;
    int glance;
  } cases[] = {
      {"--- !Missed\nPass: escape\nName: NotInlined\nFunction: f\nArgs:\n"
       "- Callee: g\n- Reason: no-definition\n...\n",
       0},
      {"--- !Missed\nPass: escape\nName: NotInlined\nFunction: f\nArgs:\n"
       "- Callee: g\n- Reason: no-definition\n- LoopDepth: '1'\n...\n",
       1},
      {"--- !Missed\nPass: escape\nName: NotInlined\nHotness: 5\nArgs:\n"
       "- Reason: no-definition\n...\n",
       1},
      {"--- !Missed\nPass: escape\nName: LocalEscapes\nArgs:\n- Var: b\n"
       "- Reason: call\n...\n",
       1},
      {"--- !Missed\nPass: escape\nName: LocalEscapes\nArgs:\n- Var: b\n"
       "- Reason: varargs\n...\n",
       0},
      {"--- !Passed\nPass: escape\nName: LocalNoEscape\nArgs:\n- Var: b\n"
       "...\n",
       0},
      /* Quoted: not judged. Another pass: mapped after parsing. */
      {"--- !Missed\nPass: escape\nName: 'NotInlined'\nArgs:\n"
       "- Reason: no-definition\n...\n",
       1},
      {"--- !Missed\nPass: inline\nName: NoDefinition\nArgs:\n"
       "- Callee: g\n...\n",
       1},
  };
  lsp_settings settings;
  lsp_settings_init(&settings);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    glance_case got = judge(&settings, cases[i].text);
    assert_int_equal(got.glance, cases[i].glance);
    if (!got.glance)
      assert_int_equal(got.shown, 0);
  }
  /* verbose shows the verdicts and what the policy holds back. */
  settings.verbose = 1;
  assert_int_equal(judge(&settings, cases[0].text).glance, 1);
  assert_int_equal(judge(&settings, cases[5].text).glance, 1);
  /* A category turned off; hot only. */
  settings.verbose = 0;
  settings.categories = LSP_CATEGORY_ESCAPE;
  glance_case off = judge(&settings, cases[1].text);
  assert_int_equal(off.glance, 0);
  assert_int_equal(off.shown, 0);
  settings.categories = LSP_CATEGORY_ALL;
  settings.hot = 1;
  glance_case cold = judge(&settings, cases[3].text);
  assert_int_equal(cold.glance, 0);
  assert_int_equal(cold.shown, 0);
  assert_int_equal(judge(&settings, cases[1].text).glance, 1);
  lsp_settings_release(&settings);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_framer_messages),
      cmocka_unit_test(test_framer_errors),
      cmocka_unit_test(test_framer_garbage),
      cmocka_unit_test(test_frame_writer),
      cmocka_unit_test(test_uris),
      cmocka_unit_test(test_positions),
      cmocka_unit_test(test_visibility),
      cmocka_unit_test(test_settings),
      cmocka_unit_test(test_settings_glance),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
