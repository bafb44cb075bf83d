"""An article seen from the event stage: its parse with article offsets, and the language layer's
mentions (entities, places, times, quantities) looked up by position."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from eventwire.language.nlp import ParsedParagraph, parsed
from eventwire.model import Article, Entity, Place, Quantity, TimeExpr

T = TypeVar("T")


@dataclass
class Located(Generic[T]):
    """A mention's span in the article and the object it belongs to."""

    start: int
    end: int
    item: T


@dataclass
class Mentions(Generic[T]):
    """Mentions sorted by start, searchable by character range."""

    items: list[Located[T]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Located[T]]:
        """Mentions that overlap `[start, end)`."""
        hi = bisect_right(self._starts, end - 1)
        return [m for m in self.items[:hi] if m.end > start]

    def before(self, offset: int) -> list[Located[T]]:
        """Mentions that start before `offset`, nearest last."""
        return self.items[: bisect_right(self._starts, offset - 1)]


@dataclass
class ArticleIndex:
    """The parse of an article and its mentions, in article offsets."""

    article: Article
    paragraphs: list[ParsedParagraph]
    entities: Mentions[Entity]
    places: Mentions[Place]
    times: Mentions[TimeExpr]
    quantities: Mentions[Quantity]
    pronouns: dict[int, Entity] = field(default_factory=dict)
    """Article offset of a personal pronoun → the person it most likely means."""

    @classmethod
    def build(
        cls,
        article: Article,
        pronouns: frozenset[str],
        salience_paragraphs: int,
        reporting: frozenset[str] = frozenset(),
    ) -> ArticleIndex:
        """Index an article that went through the parse step, resolving the given personal pronouns to the
        person most mentioned in their paragraph and the `salience_paragraphs` before it; a pronoun that
        reports (the subject of one of the `reporting` verbs: "He said 87 people had been arrested") to
        the last person who did, in that window ("…, police spokesman Zacarias Nacute said.")."""
        index = cls(
            article=article,
            paragraphs=parsed(article),
            entities=Mentions([Located(m.start, m.end, e) for e in article.entities for m in e.mentions]),
            places=Mentions([Located(m.start, m.end, p) for p in article.places for m in p.mentions]),
            times=Mentions([Located(t.start, t.end, t) for t in article.times]),
            quantities=Mentions([Located(q.start, q.end, q) for q in article.quantities]),
        )
        index.pronouns = index._resolve(pronouns, salience_paragraphs, reporting)
        return index

    def _reports(self, offset: int, reporting: frozenset[str]) -> bool:
        """Whether the word at an article offset is the subject of a reporting verb ("X said", "said X")."""
        pos = self.paragraph_of(offset)
        if pos is None:
            return False
        para = self.paragraphs[pos]
        span = para.doc.char_span(offset - para.start, offset - para.start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[0]
        while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
            token = token.head
        return token.dep_ == "nsubj" and token.head.lemma_.lower() in reporting

    def _resolve(
        self, pronouns: frozenset[str], salience_paragraphs: int, reporting: frozenset[str]
    ) -> dict[int, Entity]:
        """Resolve personal pronouns in text order to the person most mentioned in their paragraph so far
        and the `salience_paragraphs` before it (nearest on ties), or, for a pronoun that reports, to the
        last person who reported in that window; a resolved pronoun counts as a mention."""
        persons = [(m.start, m.item) for m in self.entities.items if m.item.type == "PERSON"]
        out: dict[int, Entity] = {}
        seen: list[tuple[int, int, Entity]] = []
        speaker: tuple[int, Entity] | None = None
        queue = sorted(persons, key=lambda p: p[0])
        q = 0
        for pos, para in enumerate(self.paragraphs):
            # the pronouns found by their lower-case string ids, without a `Token` for every word
            keys = {para.doc.vocab.strings[p] for p in pronouns}
            for i, key in enumerate(para.doc.to_array(LOWER).tolist()):
                if key not in keys:
                    continue
                offset = para.start + para.doc[i].idx
                while q < len(queue) and queue[q][0] < offset:
                    at = self.paragraph_of(queue[q][0]) or 0
                    seen.append((at, queue[q][0], queue[q][1]))
                    if reporting and self._reports(queue[q][0], reporting):
                        speaker = (at, queue[q][1])
                    q += 1
                if (
                    speaker is not None
                    and speaker[0] >= pos - salience_paragraphs
                    and self._reports(offset, reporting)
                ):
                    out[offset] = speaker[1]
                    seen.append((pos, offset, speaker[1]))
                    continue
                counts: dict[str, tuple[int, int, Entity]] = {}
                for p, start, entity in seen:
                    if p >= pos - salience_paragraphs:
                        n, _, _ = counts.get(entity.id, (0, 0, entity))
                        counts[entity.id] = (n + 1, start, entity)
                if counts:
                    best = max(counts.values(), key=lambda c: (c[0], c[1]))[2]
                    out[offset] = best
                    seen.append((pos, offset, best))
        return out

    def start(self, pp: int, token: Token) -> int:
        """Article offset of a token of the `pp`-th parsed paragraph."""
        return self.paragraphs[pp].start + token.idx

    def span_chars(self, pp: int, span: Span | list[Token]) -> tuple[int, int]:
        """Article offsets of a spaCy span (or a run of tokens) of the `pp`-th parsed paragraph."""
        base = self.paragraphs[pp].start
        first, last = span[0], span[-1]
        return base + first.idx, base + last.idx + len(last.text)

    def head_token(self, pp: int, start: int, end: int) -> Token | None:
        """The syntactic head of an article range inside paragraph `pp`."""
        para = self.paragraphs[pp]
        span = para.doc.char_span(start - para.start, end - para.start, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def paragraph_of(self, offset: int) -> int | None:
        """Position in the parse of the paragraph holding an article offset."""
        for pos, para in enumerate(self.paragraphs):
            if para.start <= offset < para.start + len(para.doc.text):
                return pos
        return None
