#!/usr/bin/python3
"""report_check.py DOM.html LIST.json TODAY

Check the numbers of a `promise report --html` page, as the browser built
its DOM, against the promises themselves (`promise list --format json`),
counted here independently: per counterparty the kept on time, kept late,
broken, released, open and overdue promises and the balance; per person
the on-time rate and the open load; per ISO week the open promises. The
value labels drawn on each chart must say what its table says. Prints one
"problem: ..." line per difference, then "checked N numbers".
"""
import collections
import datetime
import html.parser
import json
import re
import sys
import unicodedata


def key(name):
    """The grouping key of a by:/to: name: no e-mail, folded, blanks collapsed."""
    name = re.sub(r"<[^>]*>", "", name or "")
    name = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(name.split())


def number(text):
    text = text.strip().replace("\u2212", "-").replace("+", "").rstrip("%")
    return int(text) if text else None


class Page(html.parser.HTMLParser):
    """Tables by id: rows of (row heading, {data-v: text}); chart labels by svg id."""

    def __init__(self):
        super().__init__()
        self.tables, self.charts, self.totals = {}, {}, {}
        self.table = self.svg = None
        self.cell = self.row = None
        self.text_class = None
        self.buf = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id"):
            self.table = self.tables.setdefault(a["id"], [])
        elif tag == "svg" and a.get("id"):
            self.svg = self.charts.setdefault(a["id"], [])
        elif tag == "tr" and self.table is not None:
            self.row = ["", {}]
        elif tag in ("th", "td") and self.row is not None:
            self.cell = a.get("data-v") or ("" if tag == "th" else None)
            self.buf = ""
        elif tag == "text" and self.svg is not None:
            self.text_class = a.get("class")
            self.buf = ""
        elif tag == "b" and a.get("data-v"):
            self.cell = ("total", a["data-v"])
            self.buf = ""

    def handle_data(self, data):
        self.buf += data

    def handle_endtag(self, tag):
        if tag == "table":
            self.table = None
        elif tag == "svg":
            self.svg = None
        elif tag == "tr" and self.row is not None:
            if self.row[1]:
                self.table.append(tuple(self.row))
            self.row = None
        elif tag in ("th", "td") and self.row is not None and self.cell is not None:
            if self.cell == "":
                self.row[0] = self.buf.strip()
            else:
                self.row[1][self.cell] = self.buf.strip()
            self.cell = None
        elif tag == "text" and self.svg is not None:
            if self.text_class == "v":
                self.svg.append(self.buf.strip())
            self.text_class = None
        elif tag == "b" and isinstance(self.cell, tuple):
            self.totals[self.cell[1]] = number(self.buf)
            self.cell = None


def main(dom_path, list_path, today_s):
    today = datetime.date.fromisoformat(today_s)
    page = Page()
    page.feed(open(dom_path, encoding="utf-8").read())
    items = json.load(open(list_path))
    problems, checked = [], [0]

    def same(what, got, want):
        checked[0] += 1
        if got != want:
            problems.append("%s: page says %r, the promises say %r" % (what, got, want))

    def due_date(p):
        try:
            return datetime.date.fromisoformat((p["due"] or "")[:10])
        except ValueError:
            return None

    def outcome(p):
        if p["status"] == "open":
            d = due_date(p)
            return "overdue" if d and d < today else "open"
        if p["status"] == "kept":
            d = due_date(p)
            late = d and datetime.date.fromisoformat(p["status_date"]) > d
            return "kept-late" if late else "kept-on-time"
        return p["status"]  # broken, released, invalid

    parties = collections.defaultdict(collections.Counter)
    people = collections.defaultdict(collections.Counter)
    weeks = collections.Counter()
    totals = collections.Counter()
    for p in items:
        o = outcome(p)
        totals[o] += 1
        for who, table in ((p["to"], parties), (p["by"], people)):
            if not key(who):
                continue
            c = table[key(who)]
            c[o] += 1
            if o in ("open", "overdue"):
                c["open-all"] += 1
                d = due_date(p)
                if o == "overdue":
                    pass
                elif d is None:
                    c["undated"] += 1
                elif (d - today).days <= 14:
                    c["soon"] += 1
                else:
                    c["later"] += 1
        if o in ("open", "overdue"):
            d = due_date(p)
            label = "no date" if d is None else "%d-W%02d" % d.isocalendar()[:2]
            weeks[label] += 1
            weeks[label + "/overdue"] += o == "overdue"

    same("tile open", page.totals.get("open"), totals["open"] + totals["overdue"])
    for k in ("overdue", "kept-on-time", "kept-late", "broken", "released"):
        same("tile " + k, page.totals.get(k), totals[k])

    rows = page.tables.get("balance-data", [])
    for name, cells in rows:
        c = parties[key(name)]
        for field, want in (("kept-on-time", c["kept-on-time"]), ("kept-late", c["kept-late"]),
                            ("broken", c["broken"]), ("released", c["released"]),
                            ("open", c["open-all"]), ("overdue", c["overdue"]),
                            ("balance", c["kept-on-time"] - c["kept-late"] - c["broken"])):
            same("%s %s" % (name, field), number(cells[field]), want)
    with_events = [k for k, c in parties.items() if c["kept-on-time"] + c["kept-late"] + c["broken"]]
    same("counterparties charted", len(rows), min(len(with_events), 30))
    same("balance chart labels", [number(v) for v in page.charts.get("balance-chart", [])],
         [number(c["balance"]) for _, c in rows])

    rows = page.tables.get("rate-data", [])
    for name, cells in rows:
        c = people[key(name)]
        closed = c["kept-on-time"] + c["kept-late"] + c["broken"]
        same(name + " rate", number(cells["rate"]), (c["kept-on-time"] * 200 + closed) // (closed * 2))
        same(name + " kept on time", number(cells["kept-on-time"]), c["kept-on-time"])
    same("rate chart labels", page.charts.get("rate-chart", []), [c["rate"] for _, c in rows])

    rows = page.tables.get("load-data", [])
    for name, cells in rows:
        c = people[key(name)]
        for field, want in (("open", c["open-all"]), ("overdue", c["overdue"]), ("soon", c["soon"]),
                            ("later", c["later"]), ("undated", c["undated"])):
            same("%s %s" % (name, field), number(cells[field]), want)
    same("people with open promises", len(rows), min(sum(1 for c in people.values() if c["open-all"]), 30))
    same("load chart labels", [number(v) for v in page.charts.get("load-chart", [])],
         [number(c["open"]) for _, c in rows])

    rows = page.tables.get("weeks-data", [])
    for name, cells in rows:
        if name in ("earlier", "later"):
            continue
        same(name + " open", number(cells["open"]), weeks[name])
        same(name + " overdue", number(cells["overdue"]), weeks[name + "/overdue"])
    same("weeks chart labels", [number(v) for v in page.charts.get("weeks-chart", [])],
         [number(c["open"]) for _, c in rows])
    same("every open promise in a week", sum(number(c["open"]) for _, c in rows),
         totals["open"] + totals["overdue"])

    same("overdue rows", len(page.tables.get("overdue-data", [])), min(totals["overdue"], 100))

    for p in problems:
        print("problem: " + p)
    print("checked %d numbers" % checked[0])
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
