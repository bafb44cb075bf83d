"""Article body from HTML pages: eventwire's cleaned body against trafilatura's own `extract`.

Usage:
    .venv/bin/python benchmarks/html_body.py [--pages benchmarks/pages] [--write]

Each page `NAME.html` in `--pages` has its expected body beside it in `NAME.txt`: the text a careful reader
calls the article (story paragraphs, list items and table rows; no headline, byline, captions, menus or
related links), written by hand. Our body is the cleaned article's `body` and `table` paragraphs (captions
apart); trafilatura's is `trafilatura.extract(html)` with its defaults. Both are compared with the expected
body as bags of lower-cased word and number tokens: recall is the share of expected tokens found, precision
the share of found tokens expected. A page we refuse (EW108, EW301) has an empty body. `--write` appends the
figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import platform
import re
from collections import Counter
from pathlib import Path

import trafilatura
from throughput import append_section, revision

from eventwire.clean import clean_steps
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import Source
from eventwire.pipeline import Pipeline
from eventwire.read.html import html_article
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
BODY_KINDS = {"body", "table"}
HEADING = "## Article body from HTML pages: ours against trafilatura's extract (benchmarks/html_body.py)"
_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    """Lower-cased word and number tokens ("4,100", "night-shift" as "night" and "shift")."""
    return Counter(t.lower() for t in _TOKEN.findall(text))


def recall_precision(found: Counter[str], expected: Counter[str]) -> tuple[float, float]:
    """Token recall and precision of `found` against `expected` (bags: a token counts as often as it
    occurs in both)."""
    common = sum((found & expected).values())
    recall = common / sum(expected.values()) if expected else 1.0
    precision = common / sum(found.values()) if found else (1.0 if not expected else 0.0)
    return recall, precision


def our_body(html: str, name: str, settings: Settings, pipeline: Pipeline) -> tuple[str, str]:
    """Our body text and a note: the error code when the page is refused."""
    try:
        raw = html_article(html, Source(path=name, format="html"), settings)
        article = pipeline.run(raw)
    except EventwireError as exc:
        return "", exc.code
    body = [article.text[p.start : p.end] for p in article.paragraphs if p.kind in BODY_KINDS]
    return "\n".join(body), ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=ROOT / "benchmarks" / "pages")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    a = ap.parse_args()
    settings = Settings()
    pipeline = Pipeline(clean_steps(settings, load_knowledge()))
    rows = [
        "| page | ours recall | ours precision | trafilatura recall | trafilatura precision | note |",
        "|---|---|---|---|---|---|",
    ]
    totals = {"ours": [Counter(), Counter()], "trafilatura": [Counter(), Counter()]}
    pages = sorted(a.pages.glob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = tokens(page.with_suffix(".txt").read_text(encoding="utf-8"))
        ours, note = our_body(html, page.name, settings, pipeline)
        theirs = trafilatura.extract(html) or ""
        cells = []
        for key, text in (("ours", ours), ("trafilatura", theirs)):
            found = tokens(text)
            totals[key][0] += found & expected
            totals[key][1] += found
            cells += [f"{x:.3f}" for x in recall_precision(found, expected)]
        worse = float(cells[0]) < float(cells[2]) or float(cells[1]) < float(cells[3])
        note = ", ".join(filter(None, [note, "below trafilatura" if worse else ""]))
        rows.append(f"| {page.stem} | " + " | ".join(cells) + f" | {note} |")
    n_expected = sum(sum(tokens(p.with_suffix(".txt").read_text(encoding="utf-8")).values()) for p in pages)
    overall = []
    for key in ("ours", "trafilatura"):
        common, found = (sum(c.values()) for c in totals[key])
        overall += [f"{common / n_expected:.3f}", f"{common / found:.3f}" if found else "0.000"]
    rows.append("| **all pages (tokens pooled)** | " + " | ".join(overall) + " | |")
    table = "\n".join(rows)
    print(table)
    if a.write:
        head = (
            f"Command: `python benchmarks/html_body.py --write`; {revision()}; "
            f"Python {platform.python_version()}; trafilatura {trafilatura.__version__}; {len(pages)} pages "
            "written in news-site markup (figure, video, gallery, live blog, tables, box score, lists), each "
            "with its expected body; token recall and precision against it."
        )
        append_section(ROOT / "BENCHMARKS.md", HEADING, f"{head}\n\n{table}")


if __name__ == "__main__":
    main()
