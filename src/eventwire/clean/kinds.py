"""Mark each kept block `caption`, `body` or (later, by the headline step) `title`; drop boilerplate.

A caption is told by what captions say ("(pictured …)", "are visible", "This satellite image …",
photo credits), by how scrapes print them (twice in a row: alt text and caption), by the reader
(an HTML figcaption) and by how they are written (one sentence, a scene in the simple present:
"A soldier raises a flag"). The signals are the language pack's `CleanWords`; the weights are settings.
Strong cues (the reader's figcaption, credit lines, "This satellite image") make a caption alone; weak
ones ("pictured", "are visible", a repeat, a scene, one sentence) score below the threshold alone, so a
body paragraph that says "(pictured above)" stays body.
"""

from __future__ import annotations

import re

from eventwire.clean.blocks import ArticleBlocks, Block
from eventwire.knowledge import Knowledge
from eventwire.knowledge.clean import CleanWords
from eventwire.pipeline import ArticleStep
from eventwire.settings import Settings

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c])")


class Captions:
    """How captions and site furniture read: the clean signals of one language, weighed by the settings."""

    def __init__(self, words: CleanWords, settings: Settings) -> None:
        self.words = words
        self.settings = settings
        verbs = "|".join(sorted((re.escape(v) for v in words.scene_verbs), key=len, reverse=True))
        # A short subject (no reporting verb, no comma) then a scene verb in the simple present.
        most = settings.caption_scene_max_subject_words
        self._scene = re.compile(rf"^(?:[\w'’.-]+\s+){{1,{most}}}?(?:{verbs})\b", re.I)

    def score(self, block: Block) -> float:
        """How strongly the block reads as a caption, from 0 (body) up."""
        s = self.settings
        text = block.text
        score = 0.0
        if block.hint == "caption":
            score += s.caption_weight_hint
        if any(p.search(text) for p in self.words.caption_patterns):
            score += s.caption_weight_words
        if any(p.search(text) for p in self.words.caption_weak_patterns):
            score += s.caption_weight_weak_words
        if block.adjacent_repeat:
            score += s.caption_weight_repeat
        if self._scene_sentence(text):
            score += s.caption_weight_scene
        if len(_SENTENCE_END.split(text)) == 1 and len(text) < s.caption_one_sentence_max_chars:
            score += s.caption_weight_one_sentence
        return score

    def _scene_sentence(self, text: str) -> bool:
        m = self._scene.match(text)
        if not m:
            return False
        subject = m.group(0).lower().split()[:-1]
        return bool(subject) and not self.words.reporting_verbs & set(subject) and "," not in m.group(0)

    def is_boilerplate(self, block: Block) -> bool:
        """True for site furniture: "Advertisement", "Read more: …", share buttons, copyright lines."""
        return any(p.search(block.text.strip()) for p in self.words.boilerplate_patterns)


class Kinds(ArticleStep):
    """Drop boilerplate, then mark every kept block caption or body; a table stays a table, unless it is
    a data dump longer than `table_max_chars` (a full results listing), which is dropped as "long-table"."""

    name = "kinds"
    needs = frozenset({"blocks", "dedup"})
    adds = frozenset({"kinds"})

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        super().__init__(settings, knowledge)
        self.captions = Captions(knowledge.language.clean, settings)

    def process(self, doc: ArticleBlocks) -> ArticleBlocks:
        for b in doc.blocks:
            if b.kind == "table" and b.drop is None and len(b.text) > self.settings.table_max_chars:
                b.drop = "long-table"
            if b.drop is not None or b.kind == "table":
                continue
            if b.hint != "title" and self.captions.is_boilerplate(b):
                b.drop = "boilerplate"
                continue
            b.kind = "caption" if self.captions.score(b) >= self.settings.caption_threshold else "body"
        return doc
