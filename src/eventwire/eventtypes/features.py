"""What the event-type model reads in a sentence: sparse features from spaCy's parse.

Each feature is a string: the word, its lemma, lemma bigrams, word prefixes (a cheap stem that survives
typos and inflection), head–dependent pairs of the parse ("lob>dobj>grenade", "take>prep_of>control"),
entity labels, and the sentence's shape (all caps, a leading time stamp). The parse is the one the
pipeline already made, so features cost a fraction of a millisecond a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.language.nlp import MEMOISED, attributes, load_nlp, paragraph_doc

PAIR_DEPS = frozenset(
    {
        "dobj",
        "nsubj",
        "nsubjpass",
        "agent",
        "prt",
        "compound",
        "amod",
        "acomp",
        "xcomp",
        "attr",
        "oprd",
        "neg",
    }
)
"""Dependencies whose head–dependent lemma pair is a feature."""
PREFIX = 5
"""Letters of a word's prefix feature."""


def _lemma(token: Token) -> str:
    if token.like_num:
        return "<num>"
    return token.lemma_.lower() if token.lemma_ else token.lower_


def _pairs(token: Token) -> Iterable[str]:
    head = token.head
    if token.dep_ in PAIR_DEPS and head.i != token.i:
        yield f"d:{_lemma(head)}>{token.dep_}>{_lemma(token)}"
    elif token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        yield f"d:{_lemma(head.head)}>{head.lower_}>{_lemma(token)}"


def sentence_features(tokens: Sequence[Token] | Span) -> list[str]:
    """The feature strings of one sentence (or passage), each once."""
    words = [t for t in tokens if not (t.is_space or t.is_punct)]
    out: set[str] = set()
    lemmas = [_lemma(t) for t in words]
    for t, lemma in zip(words, lemmas, strict=True):
        out.add(f"w:{t.lower_}")
        out.add(f"l:{lemma}")
        if len(t.lower_) > PREFIX and t.is_alpha:
            out.add(f"p:{t.lower_[:PREFIX]}")
        out.update(_pairs(t))
        if t.ent_iob_ == "B":
            out.add(f"e:{t.ent_type_}")
    out.update(f"b:{a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False))
    letters = [c for t in words for c in t.text if c.isalpha()]
    if len(letters) > 8 and all(c.isupper() for c in letters):
        out.add("s:caps")
    return sorted(out)


def tensor_mean(tokens: Sequence[Token] | Span) -> np.ndarray:
    """The mean of spaCy's contextual token vectors (`doc.tensor`) over the sentence."""
    doc = tokens.doc if isinstance(tokens, Span) else tokens[0].doc
    rows = [t.i for t in tokens if not t.is_space] or [t.i for t in tokens]
    return np.asarray(doc.tensor[rows].mean(axis=0), dtype=np.float32)


def parse(texts: Sequence[str], max_memo: int, batch: int = 64) -> list[Doc]:
    """Parse texts exactly as the pipeline's parse step parses a paragraph (for training and tests)."""
    nlp, memoised = load_nlp(), attributes(max_memo)
    docs = nlp.pipe((paragraph_doc(nlp, t) for t in texts), batch_size=batch, disable=MEMOISED)
    return [memoised(d) for d in docs]


class Vocabulary:
    """Feature strings → column numbers; unknown features are dropped."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        self._index = {n: i for i, n in enumerate(self.names)}

    def __len__(self) -> int:
        return len(self.names)

    def columns(self, features: Iterable[str]) -> list[int]:
        """The columns of the known features."""
        return [i for f in features if (i := self._index.get(f)) is not None]
