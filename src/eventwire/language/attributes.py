"""spaCy's `attribute_ruler` then `lemmatizer`, memoised per token.

The ruler runs a Matcher of 179 patterns, then Python per match, and the rule lemmatizer runs Python per
token: together a fifth of the parse. The ruler's patterns test only TAG, LOWER, DEP and IS_SPACE, and a
multi-token pattern sets attributes on one token of its match, so the ruler's result for a token is a
function of its (ORTH, TAG, DEP) and of the multi-token patterns that target it; the lemmatizer's result is
a function of ORTH, POS and MORPH. `Attributes` remembers the final TAG, DEP, POS, MORPH and LEMMA per such
key from the real components' output and sets a doc with one `from_array`. Multi-token matches are found
from per-key bit masks of the pattern tokens each key satisfies (also remembered), not by a Matcher.
Unseen keys are learnt by running the real components on a doc of one token per key; a doc still lacking
one (a multi-token match not seen before) or with POS, MORPH or LEMMA already set goes through the real
components.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

READ = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
SET = [TAG, DEP, POS, MORPH, LEMMA]
KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
"""Pattern keys whose values are a function of (ORTH, TAG, DEP)."""

Key = tuple[int, ...]
Value = tuple[int, int, int, int, int, int]
"""TAG, DEP, POS, MORPH, LEMMA after both components, and the bit mask of multi-token pattern tokens."""


@dataclass(frozen=True)
class MultiPattern:
    """A multi-token ruler pattern: its rule (the ruler's precedence), target offset and one bit per token."""

    rule: int
    index: int
    bits: tuple[int, ...]


class Attributes:
    """attribute_ruler then lemmatizer of `nlp`, memoised: the same TAG, POS, MORPH, LEMMA, DEP as the
    real components.

    `hits` counts the docs set from the memo (after learning their unseen keys), `misses` the docs run
    through the real components.

    Raises:
        ValueError: when a ruler pattern tests another key than TAG, LOWER, DEP, IS_SPACE or has an
            operator (the memo would not be exact).
    """

    def __init__(self, nlp: Language, max_memo: int) -> None:
        self.max_memo = max_memo
        """Entries at which the memo is cleared."""
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.tokens = Matcher(nlp.vocab)
        self.bit: dict[int, int] = {}
        self.multis: list[MultiPattern] = []
        for rule, spec in enumerate(self.ruler.patterns):
            for pattern in spec["patterns"]:
                for token in pattern:
                    if not {k.upper() for k in token} <= KEYS:
                        raise ValueError(f"attribute_ruler pattern {pattern} is not memoisable")
                if len(pattern) > 1:
                    bits = []
                    for token in pattern:
                        label = f"eventwire.attributes.{len(self.bit)}"
                        self.tokens.add(label, [[token]])
                        self.bit[self.vocab.strings[label]] = 1 << len(self.bit)
                        bits.append(self.bit[self.vocab.strings[label]])
                    self.multis.append(MultiPattern(rule, spec["index"], tuple(bits)))
        self.firsts = sum(s.bits[0] for s in self.multis)
        self.memo: dict[Key, Value] = {}
        self.hits = 0
        self.misses = 0

    def __call__(self, doc: Doc) -> Doc:
        """Set the doc's TAG, DEP, POS, MORPH and LEMMA as the two components would (in place)."""
        if not len(doc):
            return doc
        read = doc.to_array(READ)
        if read[:, 3:].any():
            self._real(doc)
            self.misses += 1
            return doc
        keys: list[Key] = [tuple(k) for k in read[:, :3].tolist()]
        values = self._values(keys)
        if values is None:
            self._learn(keys)
            values = self._values(keys)
            if values is None:
                self._run(doc, keys)
                self.misses += 1
                return doc
        doc.from_array(SET, numpy.array(values, dtype=numpy.uint64)[:, :5])
        self.hits += 1
        return doc

    def _values(self, keys: list[Key]) -> list[Value] | None:
        """The remembered values of the tokens (None when one is missing)."""
        memo = self.memo
        try:
            values = [memo[k] for k in keys]
            masks = [v[5] for v in values]
            if any(m & self.firsts for m in masks):
                for i, rules in self._targets(masks).items():
                    values[i] = memo[keys[i] + rules]
        except KeyError:
            return None
        return values

    def _targets(self, masks: list[int]) -> dict[int, tuple[int, ...]]:
        """Token index -> the rules of the multi-token matches that target it, in ruler order."""
        targets: defaultdict[int, set[int]] = defaultdict(set)
        for start, mask in enumerate(masks):
            if not mask & self.firsts:
                continue
            for s in self.multis:
                end = start + len(s.bits)
                if end <= len(masks) and all(masks[start + k] & b for k, b in enumerate(s.bits)):
                    targets[start + s.index if s.index >= 0 else end + s.index].add(s.rule)
        return {i: tuple(sorted(rules)) for i, rules in targets.items()}

    def _real(self, doc: Doc) -> None:
        """Run the real components on the doc."""
        self.ruler(doc)
        self.lemmatizer(doc)

    def _learn(self, keys: list[Key]) -> None:
        """Remember the keys the memo lacks, from the real components run on a doc of one token per key
        (and on a one-token doc for a token that this doc puts inside a multi-token match)."""
        missing = list(dict.fromkeys(k for k in keys if k not in self.memo))
        if missing:
            for i in self._run(self._doc(missing), missing):
                self._run(self._doc([missing[i]]), [missing[i]])

    def _doc(self, keys: list[Key]) -> Doc:
        """A doc of one token per (ORTH, TAG, DEP) key."""
        doc = Doc(self.vocab, words=[self.vocab.strings[orth] for orth, _, _ in keys])
        doc.from_array([TAG, DEP], numpy.array([k[1:] for k in keys], dtype=numpy.uint64))
        return doc

    def _run(self, doc: Doc, keys: list[Key]) -> list[int]:
        """Run the real components on the doc and remember every token's result under its key.

        Returns:
            the indices of the tokens targeted by a multi-token match (remembered under their longer key).
        """
        masks = [0] * len(doc)
        for label, start, _ in self.tokens(doc, allow_missing=True):
            masks[start] |= self.bit[label]
        targets = self._targets(masks)
        keys = list(keys)
        for i, rules in targets.items():
            keys[i] += rules
        self._real(doc)
        if len(self.memo) > self.max_memo:
            self.memo.clear()
        for key, value, mask in zip(keys, doc.to_array(SET).tolist(), masks, strict=True):
            self.memo[key] = (*value, mask)
        return list(targets)
