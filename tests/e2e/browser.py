#!/usr/bin/python3
"""browser.py PAGE DOM_OUT PNG_OUT [--width N] [--part TOP HEIGHT]

Open PAGE (a local HTML file) in headless Chromium, driven over the
DevTools protocol on a pipe (--remote-debugging-pipe: no port is opened).
Waits for the load event, then writes the DOM as the browser built it to
DOM_OUT and a screenshot of the whole page (or of HEIGHT pixels from TOP)
to PNG_OUT. Every console message, uncaught exception and browser log
entry of level warning or error is printed as "problem: ..."; the exit
status is 1 when there was any, or when the page did not load in time.
"""
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

DEADLINE = 60.0


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="promise-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def wire():
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [
            shutil.which("chromium") or "/usr/bin/chromium",
            "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-default-browser-check",
            "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=" + self.profile,
            "--remote-debugging-pipe", "about:blank",
        ]
        self.proc = subprocess.Popen(args, preexec_fn=wire, close_fds=False,
                                     stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.start = time.monotonic()

    def _read_message(self):
        while b"\0" not in self.buf:
            left = DEADLINE - (time.monotonic() - self.start)
            if left <= 0:
                raise TimeoutError("the browser did not answer in time")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise EOFError("the browser closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m["result"]
            self.events.append(m)

    def wait_event(self, method):
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read_message())

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def problems(events):
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.exceptionThrown":
            yield "exception: " + p.get("exceptionDetails", {}).get("text", "?")
        elif m == "Runtime.consoleAPICalled":
            yield "console.%s: %s" % (p.get("type"), " ".join(
                str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Log.entryAdded":
            entry = p.get("entry", {})
            if entry.get("level") in ("warning", "error"):
                yield "log %s: %s %s" % (entry.get("level"), entry.get("text"), entry.get("url", ""))


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    page, dom_out, png_out = argv[1:4]
    width, part = 1280, None
    rest = argv[4:]
    while rest:
        if rest[0] == "--width":
            width = int(rest[1])
            rest = rest[2:]
        elif rest[0] == "--part":
            part = (int(rest[1]), int(rest[2]))
            rest = rest[3:]
        else:
            print("unknown option " + rest[0], file=sys.stderr)
            return 2
    b = Browser()
    status = 0
    try:
        target = b.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = b.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            b.call(domain, session=s)
        b.call("Emulation.setDeviceMetricsOverride",
               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=s)
        b.call("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session=s)
        b.wait_event("Page.loadEventFired")
        dom = b.call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML",
                                          "returnByValue": True}, session=s)["result"]["value"]
        with open(dom_out, "w", encoding="utf-8") as f:
            f.write(dom)
        size = b.call("Page.getLayoutMetrics", session=s)["cssContentSize"]
        top, height = part if part else (0, size["height"])
        shot = b.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": top, "width": width, "height": min(height, 16000), "scale": 1}},
            session=s)
        with open(png_out, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        # Let late messages (a resource refused after load) arrive.
        b.call("Runtime.evaluate", {"expression": "1"}, session=s)
        for p in problems(b.events):
            print("problem: " + p)
            status = 1
    except (TimeoutError, EOFError, RuntimeError) as e:
        print("problem: " + str(e))
        status = 1
    finally:
        b.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
