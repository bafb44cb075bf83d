"""Mark each kept block `caption`, `body` or (later, by the headline step) `title`; drop boilerplate.

A caption is told by what captions say ("(pictured …)", "are visible", "This satellite image …",
photo credits), by how scrapes print them (twice in a row: alt text and caption), by the reader
(an HTML figcaption) and by how they are written (one sentence, a scene in the simple present:
"A soldier raises a flag"). The signals live in `signals.json`.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.clean.blocks import Block, Draft
from eventwire.knowledge.files import read_json
from eventwire.pipeline import ArticleStep

CAPTION_THRESHOLD = 0.6
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c])")


@cache
def signals() -> dict:
    """The caption and boilerplate signals, loaded once."""
    return read_json("eventwire.clean", "signals.json")


@cache
def _patterns() -> tuple[list[re.Pattern], list[re.Pattern], re.Pattern]:
    s = signals()
    strong = [re.compile(p, re.I) for p in s["caption_strong"]]
    boiler = [re.compile(p, re.I) for p in s["boilerplate"]]
    verbs = "|".join(sorted((re.escape(v) for v in s["scene_verbs"]), key=len, reverse=True))
    # A short subject (up to six words, no reporting verb, no comma) then a scene verb in the simple present.
    scene = re.compile(rf"^(?:[\w'’.-]+\s+){{1,6}}?(?:{verbs})\b", re.I)
    return strong, boiler, scene


def caption_score(block: Block) -> float:
    """How strongly the block reads as a caption, from 0 (body) up."""
    strong, _, scene = _patterns()
    text = block.text
    score = 0.0
    if block.hint == "caption":
        score += 1.0
    if any(p.search(text) for p in strong):
        score += 1.0
    if block.adjacent_repeat:
        score += 0.4
    if _scene_sentence(text, scene):
        score += 0.5
    if len(_SENTENCE_END.split(text)) == 1 and len(text) < 400:
        score += 0.2
    return score


def _scene_sentence(text: str, scene: re.Pattern) -> bool:
    m = scene.match(text)
    if not m:
        return False
    subject = m.group(0).lower().split()[:-1]
    reporting = set(signals()["reporting_verbs"])
    return bool(subject) and not reporting & set(subject) and "," not in m.group(0)


def is_boilerplate(block: Block) -> bool:
    """True for site furniture: "Advertisement", "Read more: …", share buttons, copyright lines."""
    _, boiler, _ = _patterns()
    return any(p.search(block.text.strip()) for p in boiler)


class Kinds(ArticleStep):
    """Drop boilerplate, then mark every kept block caption or body."""

    name = "kinds"
    needs = frozenset({"blocks", "dedup"})
    adds = frozenset({"kinds"})

    def process(self, draft: Draft) -> Draft:
        for b in draft.blocks:
            if b.drop is not None:
                continue
            if b.hint != "title" and is_boilerplate(b):
                b.drop = "boilerplate"
                continue
            b.kind = "caption" if caption_score(b) >= CAPTION_THRESHOLD else "body"
        return draft
