#!/usr/bin/env python3
"""lsp-latency.py [PROMISE] — the time from a didChange to its
publishDiagnostics, over stdio, for documents of 100, 1,000 and 10,000
promises. A benchmark, not a test: it prints p50 and p99 and judges
nothing. Each round edits one character of the last promise's text (an
incremental change, as an editor sends per keystroke) and waits for the
diagnostics of that version before the next round, so rounds never
overlap. The server runs with its default debounce (`promise lsp --help`),
which is part of what is measured."""
import json
import os
import subprocess
import sys
import time

PROMISE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "build", "promise")


def document(n):
    out = []
    for i in range(1, n + 1):
        out.append(
            "promise ACME-%d: Deliver revised quote %d with line-item pricing\n"
            "  by:        Jan de Vries\n"
            "  to:        Petra Jansen (Acme BV)\n"
            "  made:      2026-11-02\n"
            "  due:       2026-12-%02d\n"
            "  recorded:  email \"Revised quote\", 2026-11-02\n"
            "  in-return: ACME-%d\n\n" % (i, i, i % 28 + 1, i % n + 1))
    return "".join(out)


class Server:
    def __init__(self):
        env = dict(os.environ, PROMISE_TODAY="2026-11-23")
        self.p = subprocess.Popen([PROMISE, "lsp"] + os.environ.get("LSP_ARGS", "").split(), stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, env=env, bufsize=0)
        self.buf = b""

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    def read(self):
        while True:
            head, sep, rest = self.buf.partition(b"\r\n\r\n")
            if sep:
                n = int(head.split(b":")[1])
                if len(rest) >= n:
                    self.buf = rest[n:]
                    return json.loads(rest[:n])
            chunk = os.read(self.p.stdout.fileno(), 1 << 20)
            if not chunk:
                raise SystemExit("the server closed its output")
            self.buf += chunk

    def wait_publish(self, version):
        while True:
            m = self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and \
                    m["params"].get("version") == version:
                return m


def measure(n, rounds):
    s = Server()
    s.send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {}}})
    s.read()
    s.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    text = document(n)
    uri = "file:///bench/latency.promise"
    s.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "promise", "version": 1, "text": text}}})
    s.wait_publish(1)
    line = (n - 1) * 8  # the last promise's header
    times = []
    for v in range(2, rounds + 2):
        ch = "Deliver"[v % 2]  # toggle one letter
        change = {"range": {"start": {"line": line, "character": 16 + len(str(n))},
                            "end": {"line": line, "character": 17 + len(str(n))}}, "text": ch}
        t0 = time.perf_counter()
        s.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}})
        s.wait_publish(v)
        times.append((time.perf_counter() - t0) * 1000)
    s.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    s.send({"jsonrpc": "2.0", "method": "exit"})
    s.p.wait(timeout=30)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return pick(0.5), pick(0.99), len(text)


def main():
    print("didChange -> publishDiagnostics over stdio (%s)" % PROMISE)
    print("%10s %10s %8s %10s %10s" % ("promises", "bytes", "rounds", "p50 ms", "p99 ms"))
    for n, rounds in ((100, 500), (1000, 500), (10000, 100)):
        p50, p99, size = measure(n, rounds)
        print("%10d %10d %8d %10.2f %10.2f" % (n, size, rounds, p50, p99))


if __name__ == "__main__":
    main()
