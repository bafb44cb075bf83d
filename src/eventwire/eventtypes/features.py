"""What the event-type model reads in a sentence: sparse features from spaCy's parse.

Each feature is a string: the word, its lemma, lemma bigrams, word prefixes (a cheap stem that survives
typos and inflection), head–dependent pairs of the parse ("lob>dobj>grenade", "take>prep_of>control"),
entity labels, the sentence's shape (all caps, a leading time stamp), and its clauses: the root verb and the
clause it reports, each with its subject and object heads and their entity labels, negation and modal
auxiliaries, marked by the clause's role. The parse is the one the pipeline already made, so features cost
a fraction of a millisecond a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np
from spacy.tokens import Doc, Span, Token

from eventwire.knowledge import load_knowledge
from eventwire.language.nlp import MEMOISED, attributes, load_nlp, paragraph_doc

VERSION = "f2"
"""The feature set's version, part of the model's (f2: clause features); a change needs `make train`."""
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
REPORTED_DEPS = frozenset({"ccomp", "xcomp"})
"""Dependencies of the clause a root verb reports or governs ("said troops shelled", "vowed to retaliate")."""
ARGUMENT_ROLES = {"nsubj": "subj", "nsubjpass": "obj", "dobj": "obj"}
"""A clause verb's dependents whose head is an argument, by role: a passive's subject is acted on."""
NEGATION_DEPS = frozenset({"neg", "advmod"})
"""Dependencies under which a negator (`cues.json`, `negators`) negates its verb."""
MODAL_DEPS = frozenset({"aux", "auxpass"})


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


@cache
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """The negators and the modal auxiliaries of the event lexicon (`cues.json`)."""
    words = load_knowledge().language.events
    return words.negators, words.expected_modals


def _entity(token: Token) -> str:
    """The entity label of a noun phrase's head or of the words before it ("Russian troops": NORP)."""
    phrase = token.doc[token.left_edge.i : token.i + 1]
    return next((t.ent_type_ for t in reversed(phrase) if t.ent_type_), "")


def _arguments(verb: Token) -> Iterable[tuple[str, Token]]:
    """A verb's subject and object heads, by role; a passive's agent ("by troops") is its subject."""
    for child in verb.children:
        if child.dep_ in ARGUMENT_ROLES:
            yield ARGUMENT_ROLES[child.dep_], child
        elif child.dep_ == "agent":
            yield from (("subj", g) for g in child.children if g.dep_ == "pobj")


def _clause(verb: Token, role: str) -> Iterable[str]:
    """A clause's features, marked by its role (root or reported): the verb's lemma, its subject's and
    object's head lemmas and entity labels (also paired with the verb), its negation and its modal
    auxiliaries."""
    negators, modals = _cue_words()
    lemma = _lemma(verb)
    yield f"c:{role}>{lemma}"
    for arg, token in _arguments(verb):
        yield f"c:{role}>{arg}>{_lemma(token)}"
        if label := _entity(token):
            yield f"c:{role}>{arg}>{label}"
            yield f"c:{lemma}>{arg}>{label}"
    for child in verb.children:
        if child.dep_ in NEGATION_DEPS and child.lower_ in negators:
            yield f"c:{role}>neg"
            yield f"c:{role}>neg>{lemma}"
        elif child.dep_ in MODAL_DEPS and child.lower_ in modals:
            yield f"c:{role}>modal>{child.lower_}"


def _clauses(words: Sequence[Token]) -> Iterable[str]:
    """The clause features of each root of the sentence (a passage has several) and of what it reports."""
    for root in (t for t in words if t.dep_ == "ROOT"):
        yield from _clause(root, "root")
        for child in root.children:
            if child.dep_ in REPORTED_DEPS:
                yield from _clause(child, "rep")


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
    out.update(_clauses(words))
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
