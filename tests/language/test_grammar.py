"""Walking the dependency parse: clause roots and noun phrases."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.knowledge import load_knowledge
from eventwire.language.grammar import child, clause_root, is_clause_root, phrase
from eventwire.language.nlp import load_nlp


def _doc(text: str) -> Doc:
    return load_nlp()(text)


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _phrase(token: Token) -> str:
    words = load_knowledge().language.events
    tokens = phrase(token, words.preps.genitive, words.count_nouns)
    return token.doc[tokens[0].i : tokens[-1].i + 1].text


def test_clause_root_of_a_word_is_its_verb():
    doc = _doc("Officials said that Russian forces shelled the city.")
    root = clause_root(_token(doc, "city"))
    assert root.text == "shelled" and is_clause_root(root)
    assert clause_root(_token(doc, "Officials")).text == "said"


def test_child_by_dependency():
    doc = _doc("Police arrested six activists.")
    verb = _token(doc, "arrested")
    assert child(verb, "nsubj").text == "Police"
    assert child(verb, "nsubjpass") is None


def test_phrase_keeps_a_counted_noun_and_a_name_after_the_genitive():
    doc = _doc("Hundreds of students marched to the town of Gorazde.")
    assert _phrase(_token(doc, "Hundreds")) == "Hundreds of students"
    assert _phrase(_token(doc, "town")) == "the town of Gorazde"


def test_phrase_without_the_genitive_words_stops_at_the_head():
    doc = _doc("Hundreds of students marched.")
    tokens = phrase(_token(doc, "Hundreds"), frozenset(), frozenset())
    assert [t.text for t in tokens] == ["Hundreds"]
