#!/usr/bin/env python3
"""A scripted LSP client for the lit tests of `escape lsp`, in the manner
of clangd's JSON-RPC transcripts: it starts the server on pipes, plays the
actions written in the test file as lines `# > {json}`, and prints what the
server sends, one line per message (diagnostics one line each), with the
test directory written as ROOT, for FileCheck.

Actions:
  {"init": OPTIONS, "watch": BOOL}   initialize (+ initialized)
  {"request": METHOD, "params": P}    send, wait for the response, print it
  {"notify": METHOD, "params": P}     send a notification
  {"open": FILE}                      didOpen with the file's text
  {"change": FILE, "text": T}         didChange (full text)
  {"save": FILE} / {"close": FILE}    didSave / didClose
  {"wait": FILE}                      wait for FILE's next publishDiagnostics
  {"wait_for": TEXT}                  wait for a message whose JSON has TEXT
  {"raw": TEXT}                       write TEXT as it is, each character
                                      one byte (U+0000-U+00FF: framing tests)
  {"huge": N}                         a message of N bytes of spaces
  {"garbage": N}                      N bytes of 'x' without any header
  {"shell": CMD}                      run CMD in ROOT (sh -c)
  {"sleep": SECONDS}
  {"eof": true}                       close stdin, wait for the exit code
  {"exit": true}                      send exit, wait for the exit code
Strings may contain $ROOT and $URI (file:// of ROOT)."""
import json
import os
import select
import subprocess
import sys
import time
import urllib.parse

TIMEOUT = 60


class Client:
    def __init__(self, argv, root, out):
        self.root = root
        self.uri = "file://" + urllib.parse.quote(root)
        self.out = out
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, cwd=root)
        self.buf = b""
        self.next_id = 1
        self.versions = {}

    def subst(self, value):
        if isinstance(value, str):
            return value.replace("$URI", self.uri).replace("$ROOT", self.root)
        if isinstance(value, list):
            return [self.subst(v) for v in value]
        if isinstance(value, dict):
            return {k: self.subst(v) for k, v in value.items()}
        return value

    def show(self, text):
        text = text.replace(self.uri, "URI").replace(self.root, "ROOT")
        self.out.write(text + "\n")
        self.out.flush()

    def write(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read_message(self, deadline):
        while True:
            header_end = self.buf.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self.buf[:header_end].decode()
                length = None
                for line in headers.split("\r\n"):
                    name, _, value = line.partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                if length is None:
                    raise SystemExit("bad header from server: %r" % headers)
                start = header_end + 4
                if len(self.buf) >= start + length:
                    body = self.buf[start:start + length]
                    self.buf = self.buf[start + length:]
                    return json.loads(body)
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buf += chunk

    def print_message(self, message):
        method = message.get("method")
        if method == "textDocument/publishDiagnostics":
            params = message["params"]
            diagnostics = params["diagnostics"]
            self.show("diagnostics %s version %s: %d" % (
                params["uri"], params.get("version"), len(diagnostics)))
            for d in diagnostics:
                self.show("  " + json.dumps(d, sort_keys=True))
        elif method == "window/logMessage":
            self.show("log %d: %s" % (message["params"]["type"],
                                      message["params"]["message"]))
        elif method:
            self.show("%s %s" % (
                "request" if "id" in message else "notification",
                json.dumps(message, sort_keys=True)))
        else:
            self.show("response " + json.dumps(message, sort_keys=True))

    def wait_for(self, matches, what):
        deadline = time.time() + TIMEOUT
        while True:
            message = self.read_message(deadline)
            if message is None:
                self.show("TIMEOUT waiting for " + what)
                raise SystemExit(1)
            self.print_message(message)
            if matches(message):
                return message

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method,
                   "params": params})
        return self.wait_for(lambda m: m.get("id") == request_id and
                             "method" not in m, "response %d" % request_id)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def file_uri(self, name):
        return self.uri + "/" + urllib.parse.quote(name)

    def wait_exit(self):
        try:
            code = self.proc.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.show("TIMEOUT waiting for the server to exit")
            raise SystemExit(1)
        rest = self.proc.stdout.read()
        self.buf += rest
        while True:
            message = self.read_message(time.time())
            if message is None:
                break
            self.print_message(message)
        self.show("exit code %d" % code)

    def act(self, action):
        action = self.subst(action)
        if "init" in action:
            capabilities = {}
            if action.get("watch"):
                capabilities = {"workspace": {"didChangeWatchedFiles": {
                    "dynamicRegistration": True}}}
            self.request("initialize", {
                "processId": os.getpid(), "rootUri": self.uri,
                "capabilities": capabilities,
                "initializationOptions": action["init"]})
            self.notify("initialized", {})
        elif "request" in action:
            self.request(action["request"], action.get("params"))
        elif "notify" in action:
            self.notify(action["notify"], action.get("params"))
        elif "open" in action:
            name = action["open"]
            with open(os.path.join(self.root, name), encoding="utf-8") as f:
                text = f.read()
            self.versions[name] = 1
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": self.file_uri(name), "languageId": "c",
                "version": 1, "text": text}})
        elif "change" in action:
            name = action["change"]
            self.versions[name] = self.versions.get(name, 0) + 1
            self.notify("textDocument/didChange", {
                "textDocument": {"uri": self.file_uri(name),
                                 "version": self.versions[name]},
                "contentChanges": [{"text": action["text"]}]})
        elif "save" in action:
            self.notify("textDocument/didSave", {
                "textDocument": {"uri": self.file_uri(action["save"])}})
        elif "close" in action:
            self.notify("textDocument/didClose", {
                "textDocument": {"uri": self.file_uri(action["close"])}})
        elif "wait" in action:
            uri = self.file_uri(action["wait"])
            self.wait_for(lambda m: m.get("method") ==
                          "textDocument/publishDiagnostics" and
                          m["params"]["uri"] == uri,
                          "diagnostics of " + action["wait"])
        elif "wait_for" in action:
            text = action["wait_for"]
            self.wait_for(lambda m: text in json.dumps(m), repr(text))
        elif "raw" in action:
            self.write(action["raw"].encode("latin-1"))
        elif "huge" in action:
            size = action["huge"]
            self.write(b"Content-Length: %d\r\n\r\n" % size)
            chunk = b" " * (1 << 20)
            while size > 0:
                self.write(chunk[:size])
                size -= len(chunk)
        elif "garbage" in action:
            size = action["garbage"]
            chunk = b"x" * (1 << 20)
            while size > 0:
                self.write(chunk[:size])
                size -= len(chunk)
        elif "shell" in action:
            subprocess.run(action["shell"], shell=True, cwd=self.root,
                           check=True)
        elif "sleep" in action:
            time.sleep(action["sleep"])
        elif "eof" in action:
            self.proc.stdin.close()
            self.wait_exit()
        elif "exit" in action:
            self.notify("exit", None)
            self.proc.stdin.close()
            self.wait_exit()
        else:
            raise SystemExit("unknown action %r" % action)


def main():
    if len(sys.argv) < 4 or "--" not in sys.argv:
        raise SystemExit("usage: lsp_client.py SCRIPT ROOT -- SERVER ARGS...")
    script, root = sys.argv[1], os.path.abspath(sys.argv[2])
    server = sys.argv[sys.argv.index("--") + 1:]
    client = Client(server, root, sys.stdout)
    with open(script, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            for prefix in ("# > ", "// > "):
                if line.startswith(prefix):
                    client.act(json.loads(line[len(prefix):]))
    if client.proc.poll() is None:
        client.proc.kill()
        client.proc.wait()


if __name__ == "__main__":
    main()
