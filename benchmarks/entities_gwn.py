"""Entity typing on GeoWebNews: do place names, demonyms and metonymic place names get the right entity type?

Usage:
    .venv/bin/python benchmarks/entities_gwn.py [--gwn ../shared/data/geo/GWN.xml] [--limit N] [--write]

GeoWebNews marks every toponym with its use. On its gold spans, for our entities and for the bare spaCy
model over the same parse: of the Literal toponyms covered by an entity mention, the share typed GPE, LOC or
FAC (and how many are covered at all); of the Demonym spans covered, the share typed NORP; of the Metonymic
toponyms covered, the share recorded as an actor (an ORG, or a place mention in `actor_mentions`).
Also the time of the entities step against the bare parse. `--write` appends the figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from geo_gwn import as_article

from eventwire.knowledge import load_knowledge
from eventwire.language.entities import Entities
from eventwire.language.nlp import Parse
from eventwire.language.places import Places
from eventwire.model import Article
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PLACE_TYPES = {"GPE", "LOC", "FAC"}
USES = ("Literal", "Demonym", "Metonymic")


def load(path: Path, limit: int | None) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Articles as (text, [(start, end, use)]) for the toponym uses measured here."""
    out = []
    for a in list(ET.parse(path).getroot())[:limit]:
        spans = [
            (int(t.findtext("start")), int(t.findtext("end")), t.findtext("type"))
            for t in a.find("toponyms")
            if t.findtext("type") in USES
        ]
        out.append((a.findtext("text") or "", spans))
    return out


def ours(article: Article) -> list[tuple[int, int, str, bool]]:
    """Our entity mentions as (start, end, type, used as an actor)."""
    out = []
    for e in article.entities:
        actors = {(m["start"], m["end"]) for m in e.attributes.get("actor_mentions", [])}
        out += [(m.start, m.end, e.type, e.type == "ORG" or (m.start, m.end) in actors) for m in e.mentions]
    return out


def spacy(article: Article) -> list[tuple[int, int, str, bool]]:
    """The bare model's entities as (start, end, label, used as an actor: an ORG label)."""
    return [
        (p.start + ent.start_char, p.start + ent.end_char, ent.label_, ent.label_ == "ORG")
        for p in article.scratch["parsed"]
        for ent in p.doc.ents
    ]


def score(
    tally: Counter, mentions: list[tuple[int, int, str, bool]], golds: list[tuple[int, int, str]], who: str
):
    for start, end, use in golds:
        hit = next((m for m in mentions if m[0] < end and start < m[1]), None)
        tally[who, use, "gold"] += 1
        if hit is None:
            continue
        tally[who, use, "covered"] += 1
        right = {"Literal": hit[2] in PLACE_TYPES, "Demonym": hit[2] == "NORP", "Metonymic": hit[3]}[use]
        tally[who, use, "right"] += right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gwn", type=Path, default=ROOT.parent / "shared" / "data" / "geo" / "GWN.xml")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    a = ap.parse_args()
    corpus = load(a.gwn, a.limit)
    parse, places, entities = (
        Parse(Settings(), load_knowledge()),
        Places(Settings(), load_knowledge()),
        Entities(Settings(), load_knowledge()),
    )
    for step in (parse, places, entities):
        step.setup()
    tally: Counter = Counter()
    t_parse = t_entities = 0.0
    for text, golds in corpus:
        t0 = time.perf_counter()
        art = parse.process(as_article(text))
        t1 = time.perf_counter()
        art = places.process(art)
        t2 = time.perf_counter()
        art = entities.process(art)
        t_entities += time.perf_counter() - t2
        t_parse += t1 - t0
        art.check()
        score(tally, ours(art), golds, "ours")
        score(tally, spacy(art), golds, "spaCy")
    what = {"Literal": "typed GPE/LOC/FAC", "Demonym": "typed NORP", "Metonymic": "recorded as an actor"}
    rows = ["| toponym use (gold) | measure | spaCy alone | entities step |", "|---|---|---|---|"]
    for use in USES:
        cells = []
        for who in ("spaCy", "ours"):
            right, covered = tally[who, use, "right"], tally[who, use, "covered"]
            cells.append(f"{right / covered:.3f} ({right}/{covered} covered of {tally[who, use, 'gold']})")
        rows.append(f"| {use} | {what[use]} | {cells[0]} | {cells[1]} |")
    rows.append(
        f"| time | entities step / bare parse | {t_parse:.1f} s | {t_entities:.1f} s "
        f"({t_entities / t_parse:.1%}) |"
    )
    table = "\n".join(rows)
    print(table)
    if a.write:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        head = (
            "\n## Entity typing on GeoWebNews toponyms\n\n"
            f"Command: `python benchmarks/entities_gwn.py --write`; {when}; commit {commit}; "
            f"Python {platform.python_version()}; {len(corpus)} articles.\n\n"
        )
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as f:
            f.write(head + table + "\n")


if __name__ == "__main__":
    main()
