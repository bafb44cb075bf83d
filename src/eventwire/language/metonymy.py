"""Metonymy: when a place name stands for a government or state, it is an actor, not a place.

"the Kremlin", "Moscow says", "back under Kyiv's control", "Washington warned Beijing", "to isolate Moscow":
each names who acts, not where. Decided from the dependency parse, the metonymy lemmas of the entity words
(`EntityWords.metonymy`: speech verbs, actor nouns, target verbs) and the seats of government table.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.entities import EntityWords

_SUBJECTS = ("nsubj", "csubj")


def is_seat_of_government(text: str, words: EntityWords) -> bool:
    """Whether a name is a seat of government that stands for it ('Kremlin', 'White House', 'Pentagon')."""
    return words.offices.seat(text) is not None


def _role(token: Token) -> Token:
    """The token whose dependency tells the role: through conjunctions and appositions to the first one."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


DATELINE_ENDS = frozenset({"—", "–", "(", ":"})
"""What ends a dateline ("CAIRO —", "NAIROBI, Kenya (AP)", "MARDAN:")."""
DATELINE_WORDS = 6
"""The most tokens a dateline has before its end mark ("DERA ISMAIL KHAN, Pakistan"), besides its
hyphens and the numbers and commas of its date ("KABUL, March 3, 2024 (Reuters) -")."""


def _dated(doc: Doc, i: int) -> bool:
    """Whether token i is a number of a date after the town ("April 5", "March 3, 2024"): a number after
    a capitalized word or after a comma that follows a number, or the comma between two numbers."""
    tok = doc[i]
    if i < 2:
        return False
    before = doc[i - 1]
    if tok.text == ",":
        return before.is_digit and i + 1 < len(doc) and doc[i + 1].is_digit
    return tok.is_digit and (before.text[:1].isupper() or (before.text == "," and doc[i - 2].is_digit))


def dateline(span: Span) -> bool:
    """Whether a name is in the dateline that opens its paragraph ("NAIROBI, Kenya —", "Kabul (AP) —",
    "SOUTH WAZIRISTAN, April 5 (APP):"): the place the report comes from, whatever the parse makes of it
    (often the first verb's subject)."""
    doc = span.doc
    hyphens = 0  # hyphens joining capitalised words ("PORT-AU-PRINCE, Haiti") do not count as tokens
    while 2 * hyphens + 2 < len(doc) and doc[2 * hyphens + 1].text == "-" and doc[2 * hyphens + 2].is_upper:
        hyphens += 1
    dated = sum(1 for t in doc[: 2 * DATELINE_WORDS] if _dated(doc, t.i))  # "April 5", "March 3, 2024"
    ends = [t.i for t in doc[: DATELINE_WORDS + 1 + hyphens + dated] if t.text in DATELINE_ENDS]
    if not ends or span.end > ends[0]:
        return False
    return all(t.text in (",", "-") or t.text[:1].isupper() or _dated(doc, t.i) for t in doc[: ends[0]])


def in_dateline(token: Token) -> bool:
    """Whether a token is part of the dateline that opens its paragraph (`dateline`)."""
    return dateline(token.doc[token.i : token.i + 1])


def is_metonymic(span: Span, words: EntityWords, political: bool = True) -> bool:
    """Whether a place-name mention is used as an actor rather than as a place.

    Args:
        span: the mention in a parsed spaCy doc.
        words: the entity words of the article's language (their `metonymy` lemmas).
        political: whether the name is a country, capital or division, which act as states do
            ("Russia launched", "to isolate Moscow"); other towns are actors only when they speak
            or own an actor noun ("Mariupol's mayor" is not, "Mariupol says" is).
    """
    lex = words.metonymy
    if dateline(span):
        return False
    if is_seat_of_government(span.text, words):
        return True
    tok = _role(span.root)
    head = tok.head
    lemma = head.lemma_.casefold()
    if tok.dep_ in _SUBJECTS and head.pos_ in ("VERB", "AUX"):
        if lemma in lex.speech_verbs:
            return True
        return political and head.pos_ == "VERB" and lemma not in lex.locative_verbs
    if tok.dep_ == "poss" or (tok.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN")):
        return lemma in lex.actor_nouns
    if political and tok.dep_ == "dobj" and lemma in lex.target_verbs:
        return True
    return (
        political and tok.dep_ == "pobj" and head.lower_ == lex.agent_preposition and head.head.tag_ == "VBN"
    )
