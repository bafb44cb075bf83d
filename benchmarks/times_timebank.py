"""TimeBank benchmark: recall and value accuracy of the times step on TimeML DATE expressions.

Usage:
    .venv/bin/python benchmarks/times_timebank.py [--timebank ../shared/data/time/TimeBank] [--errors N]
        [--baseline REV] [--dev-half A|B] [--write]

Each TimeBank document's text (tags stripped, offsets kept) is parsed and run through the times step with the
document's creation time as the publication date. A gold DATE TIMEX3 is found when a time expression overlaps
it, and right when that expression's value matches the gold value. Values are compared as the issue scores
them: a time-of-day suffix (`1998-01-08TEV`) and a weekend's `-WE` are dropped, TimeML's decades and
centuries (`199`, `19`) are read as the contract writes them (`199X`, `19XX`), and where the gold value masks
part with X (`1998-WXX`: a week of 1998 not worked out) only the part before the first X is compared. Gold
values with no calendar form (`PRESENT_REF` "now", `PAST_REF` "recently", `FUTURE_REF` "the future") are not
scored; their number is given. Value accuracy is over all scored gold dates (a date not found is wrong).

Documents are split by a hash of their file name: blake2b(name) % 5 == 0 is held out, the rest is for
development. Figures are given for both, and for the Wall Street Journal part (file names `wsj_`) and the
rest apart. `--errors N` prints up to N wrong or missed dates of the development part only (never the
held-out part). `--dev-half A|B` also gives the development part's two halves (by another fixed hash of the
name), so that a rule tuned on one can be checked on the other, and limits `--errors` to that half.
`--baseline REV` also times the times step of the checkout at git revision REV on the same documents in a
subprocess, the rounds of both taken in turn (same machine, same run); times are CPU seconds,
the best of `--repeat` rounds. `--write` appends the figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from throughput import SHARED, append_section, revision

from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import Parse
from eventwire.language.times import Times
from eventwire.model import Article, Paragraph
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
UNSCORED = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str


@dataclass
class Doc:
    name: str
    published: str
    text: str
    golds: list[Gold]
    timexes: list[tuple[int, int]]
    """Every TIMEX3's span, whatever its type (DATE, TIME, DURATION, SET)."""

    @property
    def wsj(self) -> bool:
        return self.name.lower().startswith("wsj")

    @property
    def held_out(self) -> bool:
        return _hash(self.name) % 5 == 0

    @property
    def half(self) -> str:
        """The development half, A or B, by a fixed hash of the name apart from the held-out one."""
        return "AB"[_hash("half:" + self.name) % 2]


def _hash(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big")


def load_doc(path: Path) -> Doc:
    """A TimeML document: its creation day, its TEXT without tags and its DATE TIMEX3s at their offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    golds: list[Gold] = []
    timexes: list[tuple[int, int]] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = n = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (n, dict(ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append((start, n))
            if attrs.get("type") == "DATE":
                golds.append(Gold(start, n, "", attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in golds:
        g.text = text[g.start : g.end]
    return Doc(path.stem, dct.group(1)[:10] if dct else "", text, golds, timexes)


def as_article(doc: Doc) -> Article:
    """An article over the text as is (offsets hold), one paragraph per block of lines."""
    paragraphs = [
        Paragraph(i, "body", m.start(), m.end(), [i])
        for i, m in enumerate(re.finditer(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*\S[^\n]*)*", doc.text))
    ]
    return Article(text=doc.text, paragraphs=paragraphs, published=doc.published)


def gold_key(value: str) -> tuple[str, bool] | None:
    """The gold value as compared and whether it is a prefix (cut at the first X): no time of day or weekend
    mark, decades and centuries in the contract's form; None when the value is not scored."""
    if value in UNSCORED or not value or not value[0].isdigit():
        return None
    value = re.sub(r"T.*$", "", value)
    value = re.sub(r"-WE$", "", value)
    value = re.sub(r"-W(\d)$", r"-W0\1", value)
    if re.fullmatch(r"\d{3}", value):
        value += "X"
    elif re.fullmatch(r"\d{2}", value):
        value += "XX"
    if re.fullmatch(r"\d{3}X|\d{2}XX", value) or "X" not in value:
        return value, False
    return value.split("X", 1)[0], True


def right(value: str | None, key: tuple[str, bool]) -> bool:
    """Whether a found value is the gold one."""
    if value is None:
        return False
    return value.startswith(key[0]) if key[1] else value == key[0]


def prepared(docs: list[Doc]) -> tuple[Times, list[Article], float]:
    """The times step and the parsed documents, with the parse's seconds."""
    settings, knowledge = Settings(), load_knowledge()
    parse, times = Parse(settings, knowledge), Times(settings, knowledge)
    parse.setup()
    times.setup()
    t0 = time.perf_counter()
    articles = parse.process_many([as_article(d) for d in docs])
    return times, articles, time.perf_counter() - t0


def one_round(times: Times, articles: list[Article]) -> float:
    """The CPU seconds of the times step over every document (process time: other work on a shared
    machine counts less than in wall time)."""
    t0 = time.process_time()
    for a in articles:
        times.process(a)
    return time.process_time() - t0


def serve(timebank: Path) -> None:
    """Parse TimeBank, say "ready", then time one round of the times step for each line read."""
    times, articles, _ = prepared([load_doc(p) for p in sorted(timebank.glob("*.tml"))])
    print("ready", flush=True)
    for _ in sys.stdin:
        print(one_round(times, articles), flush=True)


def side_by_side(
    rev: str, timebank: Path, times: Times, articles: list[Article], repeat: int
) -> tuple[float, float]:
    """The best CPU seconds of the times step here and at git revision `rev` (in a subprocess), their
    rounds taken in turn so that the machine's load falls on both alike."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": f"{tmp}/src{os.pathsep}{ROOT / 'benchmarks'}"}
        code = f"from pathlib import Path; import times_timebank as b; b.serve(Path({str(timebank)!r}))"
        with subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        ) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdout.readline()
            ours = theirs = float("inf")
            for _ in range(repeat):
                ours = min(ours, one_round(times, articles))
                proc.stdin.write("go\n")
                proc.stdin.flush()
                theirs = min(theirs, float(proc.stdout.readline()))
            proc.stdin.close()
    return ours, theirs


def score(docs: list[Doc], found: list[list[tuple[int, int, str | None]]]) -> dict[str, dict[str, float]]:
    """Gold, found and right counts per part (all, dev, dev half A or B, held-out × WSJ, other), with the
    times found and those that overlap no TIMEX3 of any type."""
    rows: dict[str, dict] = {}
    for d, times in zip(docs, found, strict=True):
        parts = ["all"] + (["held-out"] if d.held_out else ["dev", f"dev-{d.half}"])
        parts += [f"{p} {'WSJ' if d.wsj else 'other'}" for p in list(parts)]
        stray = sum(not any(t[0] < b and a < t[1] for a, b in d.timexes) for t in times)
        for p in parts:
            row = rows.setdefault(
                p, dict.fromkeys(["gold", "found", "right", "unscored", "times", "stray"], 0)
            )
            row.setdefault("docs", set()).add(d.name)
            row["times"] += len(times)
            row["stray"] += stray
        for g in d.golds:
            key = gold_key(g.value)
            for p in parts:
                row = rows[p]
                if key is None:
                    row["unscored"] += 1
                    continue
                hits = [t for t in times if t[0] < g.end and g.start < t[1]]
                row["gold"] += 1
                row["found"] += bool(hits)
                row["right"] += any(right(t[2], key) for t in hits)
    return rows


def errors(
    docs: list[Doc], found: list[list[tuple[int, int, str | None]]], limit: int, half: str | None
) -> None:
    """Print up to `limit` missed or wrong dates of the development part (or of one half of it), with their
    sentence."""
    shown = 0
    for d, times in zip(docs, found, strict=True):
        if d.held_out or (half and d.half != half):
            continue
        for g in d.golds:
            key = gold_key(g.value)
            if key is None:
                continue
            hits = [t for t in times if t[0] < g.end and g.start < t[1]]
            if any(right(t[2], key) for t in hits):
                continue
            got = "; ".join(f"{d.text[a:b]!r}={v}" for a, b, v in hits) or "MISSED"
            a = max(d.text.rfind("\n", 0, g.start), d.text.rfind(". ", 0, g.start))
            b = d.text.find(". ", g.end)
            context = d.text[a + 1 : b if b > 0 else g.end + 80].strip().replace("\n", " ")
            print(f"{d.name} pub {d.published} | {g.text!r} gold {g.value} | got {got}\n    {context[:300]}")
            shown += 1
            if shown >= limit:
                return


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.3f}" if b else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timebank", type=Path, default=SHARED / "data/time/TimeBank")
    ap.add_argument("--errors", type=int, default=0, help="print up to N development-part errors")
    ap.add_argument("--baseline", help="also time the times step at this git revision")
    ap.add_argument("--repeat", type=int, default=3, help="times step runs; the best is reported")
    ap.add_argument(
        "--dev-half", choices=["A", "B"], help="also give the two dev halves; --errors from this one only"
    )
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    args = ap.parse_args()
    docs = [load_doc(p) for p in sorted(args.timebank.glob("*.tml"))]
    times, articles, t_parse = prepared(docs)
    if args.baseline:
        t_times, t_base = side_by_side(args.baseline, args.timebank, times, articles, args.repeat)
    else:
        t_times = min(one_round(times, articles) for _ in range(args.repeat))
    found = [[(t.start, t.end, t.value) for t in a.times] for a in articles]
    rows = score(docs, found)
    if args.errors:
        errors(docs, found, args.errors, args.dev_half)
    lines = [
        "| part | docs | scored DATEs | not scored (*_REF) | recall | value accuracy | times found "
        "| of them in no TIMEX3 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    halves = [f"dev-{h} {p}" for h in "AB" for p in ("other", "WSJ")] if args.dev_half else []
    for part in [
        "all",
        "all other",
        "all WSJ",
        "dev other",
        "dev WSJ",
        *halves,
        "held-out other",
        "held-out WSJ",
    ]:
        r = rows.get(part)
        if r:
            name = part.replace("other", "outside WSJ").replace("dev ", "dev (development figure) ")
            name = re.sub(r"^dev-(\w)", r"dev half \1", name)
            lines.append(
                f"| {name} | {len(r['docs'])} | {r['gold']} | {r['unscored']} "
                f"| {_ratio(r['found'], r['gold'])} | {_ratio(r['right'], r['gold'])} | {r['times']} "
                f"| {r['stray']} |"
            )
    speed = [f"Times step on all {len(docs)} documents (best of {args.repeat}, CPU time): {t_times:.3f} s "]
    if args.baseline:
        speed.append(
            f"against {t_base:.3f} s at `{args.baseline}` (same run, in a subprocess, rounds in turn)"
        )
    speed.append(f"; the parse took {t_parse:.1f} s.")
    flags = f" --baseline {args.baseline} --repeat {args.repeat}" if args.baseline else ""
    flags += f" --dev-half {args.dev_half}" if args.dev_half else ""
    head = (
        f"### {revision()}\n\n`benchmarks/times_timebank.py{flags}`"
        f" on {platform.machine()} {platform.system()} ({os.cpu_count()} cores, shared), Python "
        f"{platform.python_version()}. {len(docs)} TimeBank documents; held out: blake2b(file name) % 5 "
        "== 0. Recall: gold DATE overlapped by a time; value accuracy: its value right, over all scored "
        "gold DATEs; times in no TIMEX3: found times that overlap no TIMEX3 of any type (false dates, or "
        "dates TimeBank did not mark)."
    )
    table = "\n".join([head, "", *lines, "", "".join(speed)])
    print(table)
    if args.write:
        append_section(ROOT / "BENCHMARKS.md", "## Times (benchmarks/times_timebank.py)", table)


if __name__ == "__main__":
    main()
