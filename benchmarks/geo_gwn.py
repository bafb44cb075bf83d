"""GeoWebNews geoparsing benchmark: toponym recognition and resolution, end to end and given gold spans.

Usage:
    .venv/bin/python benchmarks/geo_gwn.py [--gwn ../shared/data/geo/GWN.xml] [--write]

Recognition: precision and recall of the places step's placed mentions (literal and metonymic, as GeoWebNews
counts both) against the gold toponyms (types Literal, Metonymic, Mixed, Coercion, Literal_Modifier,
Non_Literal_Modifier, Embedded_Literal, Embedded_Non_Lit), exact span and overlap. Resolution: acc@161
(share within 161 km) and exact GeoNames id, on gold toponyms with coordinates that were recognized
(end to end) or on all of them (given the gold spans, resolved together per article). Also the time of
the places step against the bare parse, on the seed article and on the corpus. `--write` appends the
figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import Parse
from eventwire.language.places import Places
from eventwire.model import Article, Paragraph, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.places.index import load_gazetteer
from eventwire.places.rank import Mention, Resolver, km
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TOPONYM_TYPES = {
    "Literal",
    "Metonymic",
    "Mixed",
    "Coercion",
    "Literal_Modifier",
    "Non_Literal_Modifier",
    "Embedded_Literal",
    "Embedded_Non_Lit",
}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    geonameid: int | None
    lat: float | None
    lon: float | None


def load_gwn(path: Path) -> list[tuple[str, list[Gold]]]:
    """GeoWebNews articles: text and gold toponyms of the toponym types."""
    out = []
    for a in ET.parse(path).getroot():
        text = a.findtext("text") or ""
        golds = []
        for t in a.find("toponyms"):
            if t.findtext("type") not in TOPONYM_TYPES:
                continue
            lat, lon, gid = t.findtext("latitude"), t.findtext("longitude"), t.findtext("geonamesID")
            golds.append(
                Gold(
                    int(t.findtext("start")),
                    int(t.findtext("end")),
                    t.findtext("extractedName") or "",
                    t.findtext("type"),
                    int(gid) if gid else None,
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        out.append((text, golds))
    return out


def as_article(text: str) -> Article:
    """An article over the text as is (no cleaning, so gold offsets hold), one paragraph per block."""
    paragraphs = [
        Paragraph(i, "body", m.start(), m.end(), [i])
        for i, m in enumerate(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text))
    ]
    return Article(text=text, paragraphs=paragraphs)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def end_to_end(corpus: list[tuple[str, list[Gold]]]) -> tuple[dict, float, float]:
    """Recognition and resolution figures, with the parse and places times in seconds."""
    parse, places = Parse(Settings(), load_knowledge()), Places(Settings(), load_knowledge())
    parse.setup()
    places.setup()
    tp_exact = tp_overlap = n_pred = n_pred_good = n_gold = 0
    coord_total = coord_found = within = gid_total = gid_ok = 0
    t_parse = t_places = 0.0
    by_type: dict[str, list[int]] = {t: [0, 0] for t in sorted(TOPONYM_TYPES)}
    for text, golds in corpus:
        t0 = time.perf_counter()
        art = parse.process(as_article(text))
        t1 = time.perf_counter()
        art = places.process(art)
        t_places += time.perf_counter() - t1
        t_parse += t1 - t0
        preds = [p for p in art.scratch["place_mentions"] if p.entry is not None]
        n_pred += len(preds)
        n_pred_good += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in preds)
        n_gold += len(golds)
        spans = {(p.start, p.end) for p in preds}
        tp_exact += sum((g.start, g.end) in spans for g in golds)
        for g in golds:
            hit = any(p.start < g.end and g.start < p.end for p in preds)
            tp_overlap += hit
            by_type[g.type][0] += hit
            by_type[g.type][1] += 1
        for g in golds:
            if g.lat is None:
                continue
            coord_total += 1
            hit = next((p for p in preds if p.start < g.end and g.start < p.end), None)
            if hit is None or hit.entry is None:
                continue
            coord_found += 1
            within += km(hit.entry.lat, hit.entry.lon, g.lat, g.lon) <= 161
            if g.geonameid:
                gid_total += 1
                gid_ok += hit.entry.geonameid == g.geonameid
    figures = {
        "precision (overlap)": _ratio(n_pred_good, n_pred),
        "precision exact": _ratio(tp_exact, n_pred),
        "recall exact": _ratio(tp_exact, n_gold),
        "recall overlap": _ratio(tp_overlap, n_gold),
        "acc@161 (recognized)": _ratio(within, coord_found),
        "exact id (recognized)": _ratio(gid_ok, gid_total),
        "acc@161 x recall": _ratio(within, coord_total),
        "gold toponyms": n_gold,
        "gold with coordinates": coord_total,
        "predicted mentions": n_pred,
        "recall by type": {t: _ratio(*v) for t, v in by_type.items()},
    }
    return figures, t_parse, t_places


def given_spans(corpus: list[tuple[str, list[Gold]]]) -> dict[str, float]:
    """Resolution of the gold spans (with coordinates), each article's spans resolved together."""
    language = load_knowledge().language
    resolver = Resolver(load_gazetteer("en"), Settings(), language.places, language.offices)
    total = within = gid_total = gid_ok = 0
    for text, golds in corpus:
        golds = [g for g in golds if g.lat is not None]
        mentions = [Mention(g.start, g.end, g.text) for g in sorted(golds, key=lambda g: g.start)]
        for m, n in zip(mentions, mentions[1:], strict=False):
            if text[m.end : n.start] == ", ":  # 'Klamath Falls, Oregon'
                m.within = n
        res = resolver.resolve(mentions)
        by_span = {(r.mention.start, r.mention.end): r for r in res}
        for g in golds:
            total += 1
            r = by_span[(g.start, g.end)]
            if r.entry is None:
                continue
            within += km(r.entry.lat, r.entry.lon, g.lat, g.lon) <= 161
            if g.geonameid:
                gid_total += 1
                gid_ok += r.entry.geonameid == g.geonameid
    return {"acc@161": _ratio(within, total), "exact id": _ratio(gid_ok, gid_total), "toponyms": total}


def seed_timing(repeats: int = 5) -> tuple[float, float]:
    """Median seconds of the bare parse and of the places step on the cleaned seed article."""
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    art = Pipeline(clean_steps(Settings(), load_knowledge())).run(
        RawArticle(text=text, source=Source(path="article.txt"), published="2022-03-23")
    )
    parse, places = Parse(Settings(), load_knowledge()), Places(Settings(), load_knowledge())
    parse.setup()
    places.setup()
    tp, tpl = [], []
    for _ in range(repeats):
        a = Article(text=art.text, paragraphs=art.paragraphs)
        t0 = time.perf_counter()
        a = parse.process(a)
        t1 = time.perf_counter()
        places.process(a)
        tp.append(t1 - t0)
        tpl.append(time.perf_counter() - t1)
    return statistics.median(tp), statistics.median(tpl)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gwn", type=Path, default=SHARED / "data" / "geo" / "GWN.xml")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    args = ap.parse_args()
    load_gazetteer("en")  # builds the cache if absent
    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    load_gazetteer("en")
    t_load = time.perf_counter() - t0
    corpus = load_gwn(args.gwn)
    e2e, t_parse, t_places = end_to_end(corpus)
    gold = given_spans(corpus)
    s_parse, s_places = seed_timing()
    rows = [
        (
            "recognition precision, overlap / exact span",
            f"{e2e['precision (overlap)']:.3f} / {e2e['precision exact']:.3f}",
        ),
        (
            "recognition recall, overlap / exact span",
            f"{e2e['recall overlap']:.3f} / {e2e['recall exact']:.3f}",
        ),
        (
            "recall (overlap) by GeoWebNews type",
            ", ".join(f"{t} {r:.2f}" for t, r in e2e["recall by type"].items()),
        ),
        ("end to end: acc@161 on recognized toponyms with coordinates", f"{e2e['acc@161 (recognized)']:.3f}"),
        (
            "end to end: exact GeoNames id on recognized toponyms with an id",
            f"{e2e['exact id (recognized)']:.3f}",
        ),
        ("end to end: within 161 km over all gold with coordinates", f"{e2e['acc@161 x recall']:.3f}"),
        (f"given gold spans: acc@161 ({gold['toponyms']} toponyms)", f"{gold['acc@161']:.3f}"),
        ("given gold spans: exact GeoNames id", f"{gold['exact id']:.3f}"),
        ("gazetteer load (from the cache)", f"{t_load:.2f} s"),
        ("corpus: bare parse / places step", f"{t_parse:.1f} s / {t_places:.1f} s"),
        (
            "seed article: bare parse / places step (median of 5)",
            f"{s_parse * 1000:.0f} ms / {s_places * 1000:.0f} ms",
        ),
    ]
    lines = [
        "",
        "## Places: GeoWebNews geoparsing (benchmarks/geo_gwn.py)",
        "",
        f"Command: `.venv/bin/python benchmarks/geo_gwn.py --write`, {platform.machine()}, 2 cores, no GPU, "
        f"{time.strftime('%Y-%m-%d')}. {len(corpus)} articles, {e2e['gold toponyms']} gold toponyms, "
        f"{e2e['gold with coordinates']} with coordinates. Load average at the end: {os.getloadavg()[0]:.1f} "
        "(other work ran on the machine; times are indicative).",
        "",
        "| measure | value |",
        "|---|---|",
        *(f"| {m} | {v} |" for m, v in rows),
    ]
    print("\n".join(lines))
    if args.write:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
