"""GeoWebNews and GeoVirus geoparsing: toponym recognition and resolution, end to end and given gold spans.

Usage:
    .venv/bin/python benchmarks/geo_gwn.py [--gwn ../shared/data/geo/GWN.xml]
        [--geovirus ../shared/data/geo/GeoVirus.xml] [--write]

Each corpus is reported on its development part and its held-out part (a quarter of the documents, chosen
by a hash of the document id: GeoWebNews' `file`, GeoVirus' position), which tuning does not look at.
GeoVirus (WikiNews) has coordinates but no GeoNames ids and no toponym types; its toponyms count as Literal.

Recognition: precision and recall of the places step's placed mentions (literal and metonymic, as GeoWebNews
counts both) and adjectival references ('Turkish'; GeoWebNews annotates them, GeoVirus does not), against
the gold toponyms (types Literal, Metonymic, Mixed, Coercion, Literal_Modifier, Non_Literal_Modifier,
Embedded_Literal, Embedded_Non_Lit), exact span and overlap. Resolution: acc@161
(share within 161 km) and exact GeoNames id, on gold toponyms with coordinates that were recognized
(end to end) or on all of them (given the gold spans, resolved together per article). Also the time of
the places step against the bare parse, on the seed article and on the corpus. `--write` appends the
figures to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import hashlib
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


HELD_OUT_SHARE = 4
"""One document in this many is held out (by the hash of its id)."""


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class Doc:
    id: str
    text: str
    golds: list[Gold]

    @property
    def held_out(self) -> bool:
        """Whether the document is in the held-out part (a hash of its id)."""
        return int(hashlib.sha1(self.id.encode()).hexdigest(), 16) % HELD_OUT_SHARE == 0


def load_gwn(path: Path) -> list[Doc]:
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
        out.append(Doc(f"gwn:{a.get('file')}", text, golds))
    return out


def load_geovirus(path: Path) -> list[Doc]:
    """GeoVirus articles: text and gold locations (coordinates, no GeoNames id), counted as Literal.

    The file's offsets are one past the name (`start` 170 for 'Pandi' at 169): both are taken one back.
    """
    out = []
    for n, a in enumerate(ET.parse(path).getroot()):
        golds = [
            Gold(
                int(t.findtext("start")) - 1,
                int(t.findtext("end")) - 1,
                t.findtext("name") or "",
                "Literal",
                None,
                float(t.findtext("lat")),
                float(t.findtext("lon")),
            )
            for t in a.find("locations")
        ]
        out.append(Doc(f"geovirus:{n}", a.findtext("text") or "", sorted(golds, key=lambda g: g.start)))
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


def parse_corpus(docs: list[Doc]) -> tuple[list[Article], float]:
    """The parsed articles of the documents, and the time of the bare parse in seconds."""
    parse = Parse(Settings(), load_knowledge())
    parse.setup()
    t0 = time.perf_counter()
    arts = [parse.process(as_article(d.text)) for d in docs]
    return arts, time.perf_counter() - t0


def end_to_end(docs: list[Doc], articles: list[Article]) -> tuple[dict, float]:
    """Recognition and resolution figures of the places step on the parsed articles, and its time."""
    places = Places(Settings(), load_knowledge())
    places.setup()
    tp_exact = tp_overlap = n_pred = n_pred_good = n_gold = n_names = n_names_good = 0
    coord_total = coord_found = within = gid_total = gid_ok = 0
    t_places = 0.0
    by_type: dict[str, list[int]] = {}
    for doc, art in zip(docs, articles, strict=True):
        golds = doc.golds
        t1 = time.perf_counter()
        art = places.process(art)
        t_places += time.perf_counter() - t1
        preds = [p for p in art.scratch["place_mentions"] if p.entry is not None]
        names = len(preds)
        n_names += names
        preds += art.scratch.get("place_references", [])
        n_names_good += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in preds[:names])
        n_pred += len(preds)
        n_pred_good += sum(any(p.start < g.end and g.start < p.end for g in golds) for p in preds)
        n_gold += len(golds)
        spans = {(p.start, p.end) for p in preds}
        tp_exact += sum((g.start, g.end) in spans for g in golds)
        for g in golds:
            hit = any(p.start < g.end and g.start < p.end for p in preds)
            tp_overlap += hit
            counts = by_type.setdefault(g.type, [0, 0])
            counts[0] += hit
            counts[1] += 1
        for g in golds:
            if g.lat is None:
                continue
            coord_total += 1
            found = next((p for p in preds if p.start < g.end and g.start < p.end), None)
            if found is None or found.entry is None:
                continue
            coord_found += 1
            within += km(found.entry.lat, found.entry.lon, g.lat, g.lon) <= 161
            if g.geonameid:
                gid_total += 1
                gid_ok += found.entry.geonameid == g.geonameid
    figures = {
        "precision (overlap)": _ratio(n_pred_good, n_pred),
        "precision exact": _ratio(tp_exact, n_pred),
        "precision names": _ratio(n_names_good, n_names),
        "recall exact": _ratio(tp_exact, n_gold),
        "recall overlap": _ratio(tp_overlap, n_gold),
        "acc@161 (recognized)": _ratio(within, coord_found),
        "exact id (recognized)": _ratio(gid_ok, gid_total),
        "acc@161 x recall": _ratio(within, coord_total),
        "gold toponyms": n_gold,
        "gold with coordinates": coord_total,
        "predicted mentions": n_pred,
        "recall by type": {t: _ratio(*v) for t, v in sorted(by_type.items())},
    }
    return figures, t_places


def given_spans(docs: list[Doc]) -> dict[str, float]:
    """Resolution of the gold spans (with coordinates), each article's spans resolved together."""
    language = load_knowledge().language
    resolver = Resolver(load_gazetteer("en"), Settings(), language.places, language.offices)
    total = within = gid_total = gid_ok = 0
    for doc in docs:
        golds = [g for g in doc.golds if g.lat is not None]
        mentions = [Mention(g.start, g.end, g.text) for g in sorted(golds, key=lambda g: g.start)]
        for m, n in zip(mentions, mentions[1:], strict=False):
            if doc.text[m.end : n.start] == ", ":  # 'Klamath Falls, Oregon'
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


def corpus_rows(docs: list[Doc], articles: list[Article]) -> tuple[list[tuple[str, ...]], dict, float]:
    """The table rows of one corpus, a column each for its development part, held-out part and whole;
    also the whole corpus's end-to-end figures and the places step's time."""
    parts = [[i for i, d in enumerate(docs) if not d.held_out], [i for i, d in enumerate(docs) if d.held_out]]
    parts.append(list(range(len(docs))))
    figs, gold = [], []
    t_places = 0.0
    for idx in parts:
        e2e, t = end_to_end([docs[i] for i in idx], [articles[i] for i in idx])
        figs.append(e2e)
        gold.append(given_spans([docs[i] for i in idx]))
        t_places = t
    with_ids = any(g.geonameid for d in docs for g in d.golds)
    rows: list[tuple[str, ...]] = [
        ("documents", *(str(len(idx)) for idx in parts)),
        (
            "gold toponyms (with coordinates)",
            *(f"{e['gold toponyms']} ({e['gold with coordinates']})" for e in figs),
        ),
        (
            "recognition precision, overlap / exact span",
            *(f"{e['precision (overlap)']:.3f} / {e['precision exact']:.3f}" for e in figs),
        ),
        (
            "recognition precision of names alone (adjectival references left out), overlap",
            *(f"{e['precision names']:.3f}" for e in figs),
        ),
        (
            "recognition recall, overlap / exact span",
            *(f"{e['recall overlap']:.3f} / {e['recall exact']:.3f}" for e in figs),
        ),
        (
            "end to end: acc@161 on recognized toponyms with coordinates",
            *(f"{e['acc@161 (recognized)']:.3f}" for e in figs),
        ),
        (
            "**end to end: within 161 km over all gold with coordinates**",
            *(f"**{e['acc@161 x recall']:.3f}**" for e in figs),
        ),
        ("given gold spans: acc@161", *(f"{g['acc@161']:.3f}" for g in gold)),
    ]
    if with_ids:
        rows.insert(
            6,
            (
                "end to end: exact GeoNames id on recognized toponyms with an id",
                *(f"{e['exact id (recognized)']:.3f}" for e in figs),
            ),
        )
        rows.append(("given gold spans: exact GeoNames id", *(f"{g['exact id']:.3f}" for g in gold)))
    return rows, figs[2], t_places


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
    ap.add_argument("--geovirus", type=Path, default=SHARED / "data" / "geo" / "GeoVirus.xml")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    args = ap.parse_args()
    load_gazetteer("en")  # builds the cache if absent
    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    load_gazetteer("en")
    t_load = time.perf_counter() - t0
    lines = [
        "",
        "## Places: GeoWebNews and GeoVirus geoparsing (benchmarks/geo_gwn.py)",
        "",
        f"Command: `.venv/bin/python benchmarks/geo_gwn.py --write`, {platform.machine()}, 2 cores, no GPU, "
        f"{time.strftime('%Y-%m-%d')}. Held out: one document in {HELD_OUT_SHARE} by the hash of its id, "
        "not looked at while tuning.",
    ]
    timing = []
    for name, docs in (("GeoWebNews", load_gwn(args.gwn)), ("GeoVirus", load_geovirus(args.geovirus))):
        articles, t_parse = parse_corpus(docs)
        rows, whole, t_places = corpus_rows(docs, articles)
        lines += ["", f"### {name}", "", "| measure | development | held out | all |", "|---|---|---|---|"]
        lines += [f"| {' | '.join(r)} |" for r in rows]
        if name == "GeoWebNews":
            recall = ", ".join(f"{t} {r:.2f}" for t, r in whole["recall by type"].items())
            lines += ["", f"Recall (overlap) by GeoWebNews type, all: {recall}."]
        timing.append((f"{name}: bare parse / places step", f"{t_parse:.1f} s / {t_places:.1f} s"))
    s_parse, s_places = seed_timing()
    timing += [
        ("gazetteer load (from the cache)", f"{t_load:.2f} s"),
        (
            "seed article: bare parse / places step (median of 5)",
            f"{s_parse * 1000:.0f} ms / {s_places * 1000:.0f} ms",
        ),
    ]
    lines += ["", "| time | value |", "|---|---|", *(f"| {m} | {v} |" for m, v in timing)]
    lines += [
        "",
        f"Load average at the end: {os.getloadavg()[0]:.1f} (other work ran on the machine; "
        "times are indicative).",
    ]
    print("\n".join(lines))
    if args.write:
        with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
