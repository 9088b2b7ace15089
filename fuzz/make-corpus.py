#!/usr/bin/env python3
"""make-corpus.py — write the fuzz targets' seed corpora into fuzz/corpus/.

    fuzz/make-corpus.py          (from the top of the tree)

Seeds are made from what the project already holds, so they follow it:
- lint/   every samples/**/*.promise, tests/cases/*.promise and each
          ```promise example of grammar/FORMAT.md, behind the two bytes
          fuzz/lint.c reads first (a few chunk sizes, languages, formats);
- config/ the ```ini example of FORMAT.md, and each [section] of it alone;
- lsp/    every tests/lsp/*.in conversation: one JSON body per line for the
          line mode, or the framed bytes for the raw mode when the script
          sends broken framing on purpose (`raw:` lines);
- fmt/    the same promise files as lint/, as they are.
File names are stable, so running it again changes nothing unless the
sources changed."""
import glob
import os
import re
import shutil

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(TOP, "fuzz", "corpus")


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def blocks(lang):
    with open(os.path.join(TOP, "grammar", "FORMAT.md"), encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"^```" + lang + r"[^\n]*\n(.*?)^```", text, re.S | re.M)


def lint_seeds():
    files = sorted(glob.glob(os.path.join(TOP, "samples", "**", "*.promise"), recursive=True))
    files += sorted(glob.glob(os.path.join(TOP, "tests", "cases", "*.promise")))
    texts = []
    for p in files:
        with open(p, "rb") as f:
            texts.append((os.path.relpath(p, TOP).replace("/", "_"), f.read()))
    for i, b in enumerate(blocks("promise")):
        texts.append(("FORMAT.md_%d" % i, b.encode("utf-8")))
    # (chunk size index, how) pairs: default chunks and collected JSON;
    # tiny chunks streamed as text; mid-size chunks in SARIF, Dutch.
    variants = [(0, 0x00), (5, 0x04), (9, 0x11), (3, 0x8e)]
    for k, (name, data) in enumerate(texts):
        a, b = variants[k % len(variants)]
        write("lint", name, bytes([a, b]) + data)
        write("fmt", name, data)


def config_seeds():
    for i, b in enumerate(blocks("ini")):
        write("config", "FORMAT.md_%d.ini" % i, b.encode("utf-8"))
        for j, sec in enumerate(re.split(r"\n(?=\[)", b)):
            write("config", "FORMAT.md_%d_section_%d.ini" % (i, j), sec.encode("utf-8"))


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_seeds():
    for p in sorted(glob.glob(os.path.join(TOP, "tests", "lsp", "*.in"))):
        name = os.path.basename(p)[:-3]
        lines, raw, has_raw = [], b"", False
        with open(p, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#") or line.startswith("sleep: "):
                    continue
                if line.startswith("raw: "):
                    has_raw = True
                    raw += line[5:].encode("utf-8").decode("unicode_escape").encode("latin-1")
                else:
                    body = line.encode("utf-8")
                    lines.append(body)
                    raw += frame(body)
        # byte 0: bit 0 raw, bits 1-3 read size, bit 4 idle after each read
        if has_raw:
            write("lsp", name + ".raw", bytes([0x01 | 0x06 | 0x10]) + raw)
        else:
            write("lsp", name + ".lines", bytes([0x0e | 0x10]) + b"\n".join(lines))
            write("lsp", name + ".raw", bytes([0x01 | 0x04]) + raw)


if __name__ == "__main__":
    for t in ("lint", "config", "lsp", "fmt"):
        shutil.rmtree(os.path.join(OUT, t), ignore_errors=True)
    lint_seeds()
    config_seeds()
    lsp_seeds()
