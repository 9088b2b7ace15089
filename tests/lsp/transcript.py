#!/usr/bin/env python3
"""transcript.py — drive `promise lsp` with a scripted conversation.

    transcript.py PROMISE SCRIPT.in [EXPECTED.out]

SCRIPT.in holds one message per line: a JSON body, framed here with a
Content-Length header. Lines starting with `#` are comments (`# args: ...` adds options to the
server's command line; `# faketime: DATE TIME` runs the server under
libfaketime's clock, started at that local time in UTC, with PROMISE_TODAY
unset); `sleep: SECONDS` pauses before the rest is sent; a line
`raw: TEXT` sends TEXT as it is (Python escapes such as \\r\\n allowed), for
broken framing; `${ROOT}` stands for the absolute path of tests/lsp/ws.
The server's output is split into frames (a frame that breaks the base
protocol fails the test) and written one body per line, then `exit N`.
With EXPECTED.out the output must match it exactly; without, it is
printed (to write a new transcript, then review it by hand).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "ws")


def frame(body):
    data = body.encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def script_parts(path):
    """The input as a list of byte strings and pauses (floats)."""
    parts = [b""]
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            line = line.replace("${ROOT}", ROOT)
            if line.startswith("sleep: "):
                parts += [float(line[7:]), b""]
                continue
            out = parts[-1]
            if line.startswith("raw: "):
                out += line[5:].encode("utf-8").decode("unicode_escape").encode("latin-1")
            else:
                out += frame(line)
            parts[-1] = out
    return parts


def split_frames(data):
    bodies = []
    while data:
        head, sep, rest = data.partition(b"\r\n\r\n")
        if not sep:
            raise SystemExit("output ends inside a header: %r" % data[:200])
        fields = dict(l.split(b": ", 1) for l in head.split(b"\r\n"))
        n = int(fields[b"Content-Length"])
        if len(rest) < n:
            raise SystemExit("output ends inside a body")
        bodies.append(rest[:n].decode("utf-8"))
        data = rest[n:]
    return bodies


def directive(path, name):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# %s:" % name):
                return line[len(name) + 3:].strip()
    return None


def run(args, parts, env):
    import threading
    import time
    p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    got = {}
    readers = [threading.Thread(target=lambda k=k, f=f: got.__setitem__(k, f.read()))
               for k, f in (("out", p.stdout), ("err", p.stderr))]
    for t in readers:
        t.start()
    try:
        for part in parts:
            if isinstance(part, float):
                time.sleep(part)
            else:
                p.stdin.write(part)
                p.stdin.flush()
        p.stdin.close()
    except BrokenPipeError:
        pass
    rc = p.wait(timeout=60)
    for t in readers:
        t.join()
    return rc, got["out"], got["err"]


def main():
    promise, script = sys.argv[1], sys.argv[2]
    env = dict(os.environ, PROMISE_TODAY="2026-11-23")
    args = [promise, "lsp", "--stdio", "--rules-uri", "file:///doc/rules.md"]
    args += (directive(script, "args") or "").split()
    fake = directive(script, "faketime")
    if fake:
        del env["PROMISE_TODAY"]
        env["TZ"] = "UTC"
        # libfaketime is preloaded ahead of the sanitizer runtime, if any.
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
        args = ["faketime", fake] + args
    rc, out, err = run(args, script_parts(script), env)
    lines = [b.replace(ROOT, "${ROOT}") for b in split_frames(out)]
    lines.append("exit %d" % rc)
    got = "\n".join(lines) + "\n"
    if len(sys.argv) < 4:
        sys.stdout.write(got)
        return 0
    with open(sys.argv[3], encoding="utf-8") as f:
        want = f.read()
    if got == want:
        return 0
    import difflib
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                               sys.argv[3], "server output"))
    if err:
        sys.stdout.write("stderr: " + err.decode("utf-8", "replace"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
