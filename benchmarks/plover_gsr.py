"""PLOVER GSR event coding benchmark: event type, mode, actor and recipient on PLOVER's gold sentences.

Usage:
    .venv/bin/python benchmarks/plover_gsr.py [--gsr ../shared/data/plover/PLOVER_GSR_CAMEO.txt] [--write]
        [--errors N]

Each example sentence runs alone through the whole article pipeline (published on the record's date).
Gold labels are PLOVER 0.5b1; they are mapped to the current 16 types (and modes) by the package's
`plover_legacy.json`, which gives the reason for each mapping (DEMAND → REQUEST, DISAPPROVE and
INVESTIGATE → ACCUSE, FIGHT → ASSAULT; the rest are unchanged). The DOCUMENT record is skipped.

The prediction for a sentence is its most confident event (the first among equals), or none. Our events
keep the action's type and mark intentions with `status: expected` ("will visit" is CONSULT, expected);
the manual codes cooperative actions (CONSULT, SUPPORT, COOPERATE, AID) in the future tense as AGREE, so a
second set of figures applies that rule to the prediction before comparing.
- type accuracy: share of sentences whose predicted type is the gold type (no event counts as wrong);
  macro-F1 averages per-type F1 over the 16 types; "any event" counts a sentence right when any of its
  events has the gold type.
- actor / recipient accuracy: on sentences whose predicted type is right and whose record names a
  source (target), the share whose predicted actor (recipient) text overlaps one of the gold ones
  (either contains the other, ignoring case and a leading "the").
- mode accuracy: on sentences with a gold mode that maps to a mode of the current type and a right type.
`--errors N` prints N wrong sentences; `--write` appends the figures to BENCHMARKS.md.

The extraction is developed while looking at these sentences' errors: the figures are development
figures, not a held-out test.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import time
from collections import Counter
from pathlib import Path

from eventwire.knowledge import load_knowledge
from eventwire.knowledge import plover as ontology
from eventwire.model import Event, RawArticle, Source
from eventwire.settings import Settings
from eventwire.stages import article_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SECTION = "## PLOVER GSR event coding"
FUTURE_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
"""Types the manual codes as AGREE when reported in the future tense (AGREE's definition)."""


def load_gsr(path: Path) -> list[dict]:
    """The GSR records with their gold labels mapped to the current ontology (DOCUMENT skipped)."""
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        event_type, mode = ontology.legacy_type(rec["event"])
        if event_type is None or not rec.get("text"):
            continue
        out.append(
            {
                "id": rec["id"],
                "text": rec["text"],
                "date": rec.get("date"),
                "type": event_type,
                "mode": mode or ontology.legacy_mode(event_type, rec.get("mode")),
                "actors": _actor_texts(rec.get("source")),
                "recipients": _actor_texts(rec.get("target")),
            }
        )
    return out


def _actor_texts(field: object) -> list[str]:
    if not isinstance(field, list):
        return []
    return [a["actorText"] for a in field if isinstance(a, dict) and a.get("actorText")]


def _norm(s: str) -> str:
    s = re.sub(r"[’']", "'", s.casefold()).strip()
    return re.sub(r"^the\s+", "", s)


def overlaps(predicted: str | None, gold: list[str]) -> bool:
    """Whether a predicted participant names one of the gold ones (either text contains the other)."""
    if not predicted:
        return False
    p = _norm(predicted)
    return any(g and (_norm(g) in p or p in _norm(g)) for g in gold)


def primary(events: list[Event]) -> Event | None:
    """The most confident event of a sentence (the first among equals)."""
    return max(events, key=lambda e: e.confidence) if events else None


def manual_type(event: Event | None) -> str:
    """The type the manual gives an event: future cooperative actions are AGREE; no event is NONE."""
    if event is None:
        return "NONE"
    return "AGREE" if event.type in FUTURE_COOPERATION and event.status == "expected" else event.type


def macro_f1(pairs: list[tuple[str, str]], labels: list[str]) -> tuple[float, dict[str, float]]:
    """Macro-averaged F1 over `labels` from (gold, predicted) pairs, and F1 per label."""
    per = {}
    for label in labels:
        tp = sum(g == p == label for g, p in pairs)
        fp = sum(p == label and g != label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / len(per), per


def run(gsr: Path, errors: int) -> dict:
    """Code every GSR sentence and score it."""
    records = load_gsr(gsr)
    pipe = article_pipeline(Settings(), load_knowledge())
    pipe.setup()
    t0 = time.perf_counter()
    raws = [RawArticle(text=r["text"], source=Source(path=r["id"]), published=r["date"]) for r in records]
    outcomes = list(pipe.run_many(raws))
    seconds = time.perf_counter() - t0
    pairs, manual_pairs, any_hit, failed = [], [], 0, 0
    actor_ok = actor_n = rec_ok = rec_n = mode_ok = mode_n = 0
    wrong = []
    for r, o in zip(records, outcomes, strict=True):
        events = o.item.events if o.ok else []
        failed += not o.ok
        ev = primary(events)
        predicted = ev.type if ev else "NONE"
        pairs.append((r["type"], predicted))
        manual_pairs.append((r["type"], manual_type(ev)))
        any_hit += any(e.type == r["type"] for e in events)
        if predicted != r["type"]:
            wrong.append((r, predicted, [e.type for e in events]))
            continue
        if r["actors"]:
            actor_n += 1
            actor_ok += overlaps(ev.actor.text if ev.actor else None, r["actors"])
        if r["recipients"]:
            rec_n += 1
            rec_ok += overlaps(ev.recipient.text if ev.recipient else None, r["recipients"])
        if r["mode"]:
            mode_n += 1
            mode_ok += ev.mode == r["mode"]
    n = len(records)
    f1, per = macro_f1(pairs, ontology.types())
    manual_f1, _ = macro_f1(manual_pairs, ontology.types())
    for r, predicted, all_types in wrong[:errors]:
        print(f"{r['id']}: gold {r['type']}, predicted {predicted} {all_types}\n    {r['text']}")
    return {
        "n": n,
        "failed": failed,
        "accuracy": sum(g == p for g, p in pairs) / n,
        "any": any_hit / n,
        "manual_accuracy": sum(g == p for g, p in manual_pairs) / n,
        "manual_f1": manual_f1,
        "macro_f1": f1,
        "per_type": per,
        "gold_counts": Counter(g for g, _ in pairs),
        "no_event": sum(p == "NONE" for _, p in pairs),
        "confusions": Counter((g, p) for g, p in pairs if g != p).most_common(8),
        "actor": (actor_ok, actor_n),
        "recipient": (rec_ok, rec_n),
        "mode": (mode_ok, mode_n),
        "seconds": seconds,
    }


def _share(pair: tuple[int, int]) -> str:
    ok, n = pair
    return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a"


def _commit() -> str:
    out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def report(res: dict, command: str) -> str:
    """The figures as a Markdown block."""
    per = ", ".join(f"{t} {res['per_type'][t]:.2f} ({res['gold_counts'][t]})" for t in ontology.types())
    confusions = "; ".join(f"{g}→{p} {k}" for (g, p), k in res["confusions"])
    return "\n".join(
        [
            f"Command: `{command}`; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
            f"commit {_commit()}; "
            f"Python {platform.python_version()}, 2 cores, no GPU.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| sentences (0.5b1 labels mapped by `events/plover_legacy.json`) | {res['n']} |",
            f"| event-type accuracy (most confident event) | {res['accuracy']:.3f} |",
            f"| event-type macro-F1 (16 types) | {res['macro_f1']:.3f} |",
            f"| event-type accuracy, future cooperation as AGREE (manual) | {res['manual_accuracy']:.3f} |",
            f"| event-type macro-F1, same rule | {res['manual_f1']:.3f} |",
            f"| any event of the gold type | {res['any']:.3f} |",
            f"| sentences with no event | {res['no_event']} |",
            f"| actor accuracy (right type, gold source given) | {_share(res['actor'])} |",
            f"| recipient accuracy (right type, gold target given) | {_share(res['recipient'])} |",
            f"| mode accuracy (right type, gold mode maps) | {_share(res['mode'])} |",
            f"| pipeline failures | {res['failed']} |",
            f"| time, whole pipeline | {res['seconds']:.1f} s ({res['n'] / res['seconds']:.1f} per second) |",
            "",
            f"F1 by type (gold count): {per}.",
            "",
            f"Top confusions (gold→predicted): {confusions}.",
            "",
            "A development set: the extraction is tuned on these sentences; no held-out test.",
        ]
    )


def write(block: str) -> None:
    """Append the block to BENCHMARKS.md, under this benchmark's section (created when missing)."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if SECTION not in text:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n"
    head, _, tail = text.partition(SECTION)
    nxt = tail.find("\n## ")
    body, rest = (tail, "") if nxt < 0 else (tail[:nxt], tail[nxt:])
    path.write_text(head + SECTION + body.rstrip("\n") + "\n\n" + block + "\n" + rest, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gsr", type=Path, default=SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt")
    ap.add_argument("--write", action="store_true", help="append the figures to BENCHMARKS.md")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrongly typed sentences")
    a = ap.parse_args()
    res = run(a.gsr, a.errors)
    block = report(res, "python benchmarks/plover_gsr.py --write")
    print(block)
    if a.write:
        write(block)


if __name__ == "__main__":
    main()
