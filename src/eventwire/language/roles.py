"""Roles, titles and ages of people, read from the parse around a name.

Three constructions carry a role:
- a premodifier run ending in a title word: "Kremlin spokesman Dmitry Peskov", "US President Joe Biden",
  "Pakistan's Prime Minister Shehbaz Sharif", "the then Chancellor Angela Merkel";
- an apposition headed by a title word, after the name ("Anatoly Chubais, Putin's special representative
  to international organizations since 2020, …") or before it ("the police spokesman, Olumuyiwa Adejobi");
- a predicate on the name: "X was appointed chief executive", "X is the governor of Y", "X served as
  minister".

A possessor ("Putin's", "Pakistan's") is kept apart as whose role it is; trailing time phrases
("since 2020"), relative clauses and everything after a comma are left out of the role.
An age is a number from 1 to `Settings.max_age_years` in apposition ("Chubais, 66,"), "aged 66" or
"66-year-old Chubais". The words are the pack's entity words (`EntityWords`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.entities import EntityWords
from eventwire.settings import Settings

_HYPHENS = {"-", "‐", "‑", "–"}
_CLAUSE_BREAKS = {",", "(", ")", ";", ":", "—", "–"}
_TIME_ENTS = {"DATE", "TIME"}


@dataclass
class Role:
    """A role found for a name: its text, character offsets in the doc, whose role it is, and how found."""

    role: str
    start: int
    end: int
    of: str | None
    former: bool
    how: str
    age: int | None = None
    """An age written into the role phrase ("the 62-year-old mayor of Kharkiv")."""


def _title_head(token: Token, lex: EntityWords) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lower_ in lex.titles


def _age(token: Token, lex: EntityWords, settings: Settings) -> int | None:
    m = lex.age_token.match(token.text)
    if m and 0 < int(m.group(1)) <= settings.max_age_years:
        return int(m.group(1))
    return None


def _role_from_tokens(
    doc: Doc, tokens: list[Token], how: str, lex: EntityWords, settings: Settings
) -> Role | None:
    """A role from a contiguous run of tokens, its possessor and age split off; None without a title."""
    if not tokens:
        return None
    cut = max((k for k, t in enumerate(tokens) if t.text in lex.possessive_marks), default=None)
    owner, body = ([], tokens) if cut is None else (tokens[:cut], tokens[cut + 1 :])
    while body and body[0].pos_ == "DET":
        body = body[1:]
    age = None
    n = len(lex.age_tokens)
    if body and body[0].like_num and tuple(t.lower_ for t in body[1 : n + 1]) == lex.age_tokens:
        age, body = _age(body[0], lex, settings), body[n + 1 :]
    while body and (body[-1].is_punct or body[-1].pos_ in ("ADP", "CCONJ", "DET")):
        body = body[:-1]
    if not body or not any(t.lower_ in lex.titles for t in body):
        return None
    start, end = body[0].idx, body[-1].idx + len(body[-1].text)
    of = doc.text[owner[0].idx : owner[-1].idx + len(owner[-1].text)] if owner else None
    former = any(t.lower_.rstrip("-") in lex.former_qualifiers for t in body)
    return Role(doc.text[start:end], start, end, of, former, how, age)


def _portfolio_start(doc: Doc, i: int, lex: EntityWords) -> int | None:
    """Where a "Title of Portfolio" phrase ending at token `i` starts ("Secretary of State"), if anywhere."""
    for k in range(max(0, i - 4), i - 1):
        if (
            doc[k].lower_ in lex.titles
            and doc[k + 1].lower_ == lex.complement_preposition
            and doc[k + 2 : i + 1].text.lower() in lex.portfolios
        ):
            return k
    return None


def premodifier_role(doc: Doc, name: Span, lex: EntityWords, settings: Settings) -> Role | None:
    """The role in the run of modifiers just before a name ("Kremlin spokesman" Dmitry Peskov)."""
    i = name.start - 1
    last = name.end - 1
    run: list[Token] = []
    k = _portfolio_start(doc, i, lex)
    if k is not None:
        run, i = list(doc[k : i + 1]), k - 1
    elif i < 0 or not _title_head(doc[i], lex):
        return None
    while i >= 0:
        t = doc[i]
        joined = t.text in _HYPHENS and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_
        modifier = t.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") and t.dep_ not in (
            "nsubj",
            "dobj",
            "pobj",
            "ROOT",
        )
        qualifier = t.lower_.rstrip("-") in lex.former_qualifiers
        possessive = t.text in lex.possessive_marks
        inside = possessive or joined or i < t.head.i <= last
        if not (inside and (modifier or qualifier or possessive or joined)):
            break
        run.insert(0, t)
        i -= 1
    while run and (run[0].text in lex.possessive_marks or run[0].text in _HYPHENS):
        run = run[1:]
    return _role_from_tokens(doc, run, "premodifier", lex, settings)


def _trimmed(head: Token, lex: EntityWords) -> list[Token]:
    """The contiguous tokens of `head`'s subtree around it, less dates, clauses and what follows a comma."""
    dropped: set[int] = set()
    for child in head.children:
        sub = list(child.subtree)
        timeish = child.dep_ == "prep" and (
            child.lower_ in lex.time_prepositions or any(t.ent_type_ in _TIME_ENTS for t in sub)
        )
        hyphen = child.text in _HYPHENS and not child.whitespace_
        if (
            child.dep_ in ("relcl", "acl", "punct", "appos", "advcl", "cc", "conj") and not hyphen
        ) or timeish:
            dropped |= {t.i for t in sub}
    tokens = [t for t in head.subtree if t.i not in dropped]
    # keep the contiguous run that contains the head, cut at the first comma after it
    left = [t for t in tokens if t.i <= head.i]
    right = [t for t in tokens if t.i > head.i]
    run = [head]
    for t in reversed(left[:-1]):
        if t.i != run[0].i - 1:
            break
        run.insert(0, t)
    for t in right:
        if t.i != run[-1].i + 1 or t.text in _CLAUSE_BREAKS:
            break
        run.append(t)
    return run


def _age_prefix(head: Token, lex: EntityWords, settings: Settings) -> int | None:
    """The age in "a 54-year-old farmer" (head: farmer), whatever the noun."""
    words = [t for t in head.subtree if t.i < head.i]
    n = len(lex.age_tokens)
    for k in range(len(words) - n):
        if words[k].like_num and tuple(t.lower_ for t in words[k + 1 : k + n + 1]) == lex.age_tokens:
            return _age(words[k], lex, settings)
    return None


def _hyphen_joined(doc: Doc, run: list[Token], lex: EntityWords) -> list[Token]:
    """A run extended over the words hyphen-joined before it, which the parser cuts off ("vice-president")."""
    while run[0].i >= 2:
        hyphen, left = doc[run[0].i - 1], doc[run[0].i - 2]
        if hyphen.text not in _HYPHENS or hyphen.whitespace_ or left.whitespace_:
            break
        run = [t for t in _trimmed(left, lex) if t.i <= left.i] + [hyphen] + run
    return run


def apposition_roles(
    doc: Doc, name: Span, lex: EntityWords, settings: Settings
) -> tuple[list[Role], int | None]:
    """Roles and an age in apposition to a name, after it or before it."""
    roles: list[Role] = []
    age: int | None = None
    root = name.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < name.end:
            continue
        years = _age(child, lex, settings) if child.like_num else _age_prefix(child, lex, settings)
        if years is not None:
            age = years
        if _title_head(child, lex):
            run = _hyphen_joined(doc, _trimmed(child, lex), lex)
            role = _role_from_tokens(doc, run, "apposition", lex, settings)
            roles += [role] if role else []
    head = root.head
    # "the mayor of Kharkiv, Ihor Terekhov": the parser hangs the name on the place after the title
    while (
        root.dep_ == "appos"
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and not _title_head(head, lex)
    ):
        head = head.head.head
    if root.dep_ == "appos" and head.i < name.start and _title_head(head, lex):
        role = _role_from_tokens(doc, _trimmed(head, lex), "apposition", lex, settings)
        roles += [role] if role else []
    return roles, age


def predicate_role(doc: Doc, name: Span, lex: EntityWords, settings: Settings) -> Role | None:
    """A role the sentence gives its subject: "X was appointed chief executive", "X is the governor of Y",
    "X served as finance minister" (past "is" and "served" mark it former). None for descriptions
    ("the first official to resign") and negations."""
    root = name.root
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in lex.predicate_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    heads = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    heads += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == lex.predicate_preposition
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for head in heads:
        if _title_head(head, lex) and not any(c.dep_ in ("relcl", "acl") for c in head.children):
            role = _role_from_tokens(doc, _trimmed(head, lex), "predicate", lex, settings)
            if role is not None:
                role.former = role.former or (verb.tag_ == "VBD" and verb.lemma_.lower() in lex.stative_verbs)
                return role
    return None


def lexical_age(doc: Doc, name: Span, lex: EntityWords, settings: Settings) -> int | None:
    """An age written around a name whatever the parse: "Chubais, 66,", "aged 66", "66-year-old Chubais"."""
    if len(doc) - name.end >= 3 and doc[name.end].text == ",":
        after = doc[name.end : name.end + 4]
        if after[1].like_num and after[2].text in (",", ")", ";", "."):
            return _age(after[1], lex, settings)
        if len(after) == 4 and after[1].lower_ in lex.appositive_age_words and after[2].like_num:
            return _age(after[2], lex, settings)
    before = doc[max(0, name.start - 6) : name.start]
    text = doc.text[before.start_char : name.start_char]  # the words before, with their spaces
    m = lex.age_adjective_before.search(text) if lex.age_adjective in text else None
    if m and 0 < int(m.group(1)) <= settings.max_age_years:
        return int(m.group(1))
    return None
