#!/usr/bin/env python3
"""lsp-soak.py PROMISE — a long editing session against `promise lsp`,
with its memory watched.

A scripted client opens three documents from samples/ in a workspace
folder (a copy of samples/, so the server also reads files from disk) and
sends SOAK_MESSAGES (default 100,000) random messages: incremental edits
(insertions of vague words, dates, fields, new lines, emoji, deletions
across lines), whole-text changes, hover, outline, completion and quick
fix requests at random positions, closes and reopens, saves and watched
file events. It keeps its own copy of each text (positions in UTF-16, as
the server negotiates by default) so edits land where an editor's would.

The server's resident memory (VmRSS in /proc/PID/status) is sampled every
SOAK_EVERY messages. After a warm-up (the first fifth of the messages),
no sample may exceed the largest warm-up sample by more than 50% plus
8 MiB: memory stays flat while the documents keep their size. At the end
every request must have had exactly one answer, none an InternalError,
and shutdown and exit must end the server with status 0. SOAK_SEED
(default 1) picks the session; the same seed replays it exactly."""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMISE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build", "promise")
MESSAGES = int(os.environ.get("SOAK_MESSAGES", "100000"))
EVERY = int(os.environ.get("SOAK_EVERY", "5000"))
SEED = int(os.environ.get("SOAK_SEED", "1"))
MAX_DOC = 24000  # characters: a document that grows past it is reset

SNIPPETS = [
    "as soon as possible", "we will try to", "some", "improve", "snart", "zo snel mogelijk",
    "försöka", "2026-12-01", "2026-02-30", "soon", "\n  due: ", "\n  by: Sara Lind",
    "\n  status: kept 2026-11-20", "\n  in-return: ACME-2", "\n\npromise NEW-", ": ",
    "\n# promise-ignore vague-wording -- agreed\n", "😀", "é", "\t", "\r\n", "x", " ",
]


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


class Doc:
    def __init__(self, uri, text):
        self.uri, self.text, self.version = uri, text, 1

    def lines(self):
        return self.text.split("\n")

    def position(self, index):
        """The LSP position (UTF-16) of a character index."""
        before = self.text[:index]
        line = before.count("\n")
        start = before.rfind("\n") + 1
        return {"line": line, "character": utf16_len(self.text[start:index])}


class Client:
    def __init__(self, root):
        env = dict(os.environ, PROMISE_TODAY="2026-11-23")
        self.p = subprocess.Popen([PROMISE, "lsp", "--debounce", "20"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, env=env, bufsize=0)
        self.answers = {}
        self.errors = []
        self.published = 0
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self.read_all, daemon=True)
        self.reader.start()
        self.next_id = 1

    def read_all(self):
        buf = b""
        out = self.p.stdout
        while True:
            chunk = os.read(out.fileno(), 1 << 20)
            if not chunk:
                return
            buf += chunk
            while True:
                head, sep, rest = buf.partition(b"\r\n\r\n")
                if not sep:
                    break
                n = int(head.split(b":")[1])
                if len(rest) < n:
                    break
                msg = json.loads(rest[:n])
                buf = rest[n:]
                with self.lock:
                    if "method" in msg:
                        self.published += 1
                    else:
                        self.answers[msg["id"]] = self.answers.get(msg["id"], 0) + 1
                        if "error" in msg and msg["error"]["code"] == -32603:
                            self.errors.append(msg)

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        return i

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def rss_kib(self):
        with open("/proc/%d/status" % self.p.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def random_edit(rnd, d):
    n = len(d.text)
    a = rnd.randrange(n + 1)
    kind = rnd.random()
    if kind < 0.55 or n < 200:
        b, new = a, rnd.choice(SNIPPETS)
    elif kind < 0.9:
        b, new = min(n, a + rnd.randrange(1, 40)), ""
    else:
        b, new = min(n, a + rnd.randrange(1, 10)), rnd.choice(SNIPPETS)
    # never split a surrogate pair's character or a CR LF
    start, end = d.position(a), d.position(b)
    d.text = d.text[:a] + new + d.text[b:]
    return {"range": {"start": start, "end": end}, "text": new}


def main():
    rnd = random.Random(SEED)
    work = tempfile.mkdtemp(prefix="promise-soak-")
    try:
        root = os.path.join(work, "ws")
        shutil.copytree(os.path.join(TOP, "samples"), root)
        names = ["accounts/acme.promise", "support/escalations.promise", "internal/onboarding.promise"]
        originals = {}
        for name in names:
            with open(os.path.join(root, name), encoding="utf-8") as f:
                originals[name] = f.read()
        c = Client(root)
        c.request("initialize", {"rootUri": "file://" + root, "capabilities": {}})
        c.notify("initialized", {})
        docs = []
        for name in names:
            d = Doc("file://" + os.path.join(root, name), originals[name])
            d.name = name
            docs.append(d)
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": d.uri, "languageId": "promise", "version": 1, "text": d.text}})
        requests = []
        samples = []
        t0 = time.time()
        for i in range(1, MESSAGES + 1):
            d = rnd.choice(docs)
            r = rnd.random()
            if r < 0.62:
                d.version += 1
                c.notify("textDocument/didChange", {
                    "textDocument": {"uri": d.uri, "version": d.version},
                    "contentChanges": [random_edit(rnd, d)]})
            elif r < 0.64 or len(d.text) > MAX_DOC:
                d.version += 1
                d.text = originals[d.name]
                c.notify("textDocument/didChange", {
                    "textDocument": {"uri": d.uri, "version": d.version},
                    "contentChanges": [{"text": d.text}]})
            elif r < 0.95:
                pos = d.position(rnd.randrange(len(d.text) + 1))
                method = rnd.choice(["textDocument/hover", "textDocument/documentSymbol",
                                     "textDocument/completion", "textDocument/codeAction"])
                params = {"textDocument": {"uri": d.uri}, "position": pos}
                if method == "textDocument/codeAction":
                    params = {"textDocument": {"uri": d.uri}, "range": {"start": pos, "end": pos},
                              "context": {"diagnostics": []}}
                requests.append(c.request(method, params))
            elif r < 0.97:
                c.notify("textDocument/didClose", {"textDocument": {"uri": d.uri}})
                d.version = 1
                d.text = originals[d.name]
                c.notify("textDocument/didOpen", {"textDocument": {
                    "uri": d.uri, "languageId": "promise", "version": 1, "text": d.text}})
            elif r < 0.985:
                c.notify("textDocument/didSave", {"textDocument": {"uri": d.uri}})
            else:
                c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": d.uri, "type": 2}]})
            if i % EVERY == 0:
                samples.append((i, c.rss_kib()))
                print("soak: %6d messages, %5.1f s, RSS %6d KiB" % (i, time.time() - t0, samples[-1][1]),
                      flush=True)
        last = c.request("shutdown", None)
        c.notify("exit", None)
        status = c.p.wait(timeout=120)
        c.reader.join(timeout=30)
        failures = []
        if status != 0:
            failures.append("the server exited with status %d" % status)
        unanswered = [i for i in requests + [last] if c.answers.get(i, 0) != 1]
        if unanswered:
            failures.append("%d requests not answered exactly once (first: %d)" % (len(unanswered), unanswered[0]))
        if c.errors:
            failures.append("InternalError answers: %s" % json.dumps(c.errors[0])[:300])
        warm = [kib for i, kib in samples if i <= MESSAGES // 5]
        later = [kib for i, kib in samples if i > MESSAGES // 5]
        if warm and later:
            bound = max(warm) * 3 // 2 + 8192
            if max(later) > bound:
                failures.append("memory grew after the warm-up: %d KiB, bound %d KiB" % (max(later), bound))
            print("soak: RSS after warm-up %d KiB, at most %d KiB since (bound %d KiB)" %
                  (max(warm), max(later), bound))
        print("soak: %d messages (%d requests, all answered once) in %.1f s, %d diagnostics sent" %
              (MESSAGES + 2, len(requests) + 1, time.time() - t0, c.published))
        for f in failures:
            print("FAIL: soak: " + f)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
