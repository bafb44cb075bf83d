"""Walking a spaCy dependency parse: clauses, children and noun phrases. It holds no words of a language:
what a phrase walk needs (the genitive preposition, counting nouns) is handed in."""

from __future__ import annotations

from spacy.tokens import Token

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "relcl", "parataxis", "advcl"})
"""Dependencies that open a clause of their own (a verbal `conj` does too)."""
NP_DEPS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nummod",
        "quantmod",
        "nmod",
        "case",
        "flat",
        "cc",
        "conj",
        "advmod",
        "npadvmod",
        "predet",
        "preconj",
    }
)
"""Dependencies that keep a child inside its head's noun phrase."""


def is_clause_root(token: Token) -> bool:
    """Whether a token heads a clause: the root, a complement, relative, adverbial or coordinated verb."""
    if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
        return True
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.head.pos_ in ("VERB", "AUX")


def clause_root(token: Token) -> Token:
    """The head of the clause a token belongs to (itself when it heads one)."""
    while not is_clause_root(token):
        token = token.head
    return token


TIME_LABELS = frozenset({"DATE", "TIME"})
"""Named-entity labels of times: no part of a noun phrase they open, and no party."""


def child(token: Token, *deps: str) -> Token | None:
    """The first child of `token` with one of the dependencies `deps`, or None."""
    return next((c for c in token.children if c.dep_ in deps), None)


def phrase(token: Token, genitive: frozenset[str], count_nouns: frozenset[str]) -> list[Token]:
    """The noun phrase a head token stands for: contiguous, without relative clauses, with a name in
    apposition ("Putin's spokesman Anatoly Chubais") or after a `genitive` preposition ("the town of
    Gorazde", "hundreds of students"; a head counts when it is a number or one of `count_nouns`)."""
    keep = {token.i}
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i not in keep and (
                c.dep_ in NP_DEPS
                or c.tag_ == "HYPH"
                or (c.dep_ == "appos" and c.pos_ == "PROPN" and t.i == token.i)
                or (
                    c.dep_ == "prep"
                    and c.lower_ in genitive
                    and t.i == token.i
                    and _counts_or_names(token, c, count_nouns)
                )
                or (c.dep_ == "pobj" and t.dep_ == "prep" and t.lower_ in genitive)
            ):
                keep.add(c.i)
                stack.append(c)
    doc = token.doc
    lo = hi = token.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    tokens = [doc[i] for i in range(lo, hi + 1)]
    cut = [k for k, t in enumerate(tokens) if t.i < token.i and _separator(t)]
    if cut:  # "09:25 - Footage", "Subotica - Police": a live blog's time or a dateline's town, then the noun
        tokens = tokens[cut[-1] + 1 :]
    while (
        tokens
        and tokens[0].i != token.i
        and (
            tokens[0].is_punct
            or tokens[0].dep_ in ("cc", "preconj")
            or tokens[0].ent_type_ in ("DATE", "TIME")
        )
    ):  # "By Friday afternoon police …": the time is the clause's, not the noun's
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "case")):
        tokens.pop()
    return tokens or [token]


def _separator(token: Token) -> bool:
    """A punctuation mark with a space on each side ("09:25 - Footage"), not a hyphen within a word
    ("Pro-Russian")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.is_punct and bool(token.whitespace_) and before is not None and bool(before.whitespace_)


def _counts_or_names(token: Token, prep: Token, count_nouns: frozenset[str]) -> bool:
    """A genitive phrase that belongs to the head: what a number counts ("hundreds of students") or the
    name a common noun introduces ("the town of Gorazde", "the republic of Nakhichevan")."""
    if token.like_num or token.lemma_.lower() in count_nouns:
        return True
    return token.pos_ == "NOUN" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children)
