"""`Attributes`: exactly the real attribute_ruler then lemmatizer, served from its memo on a second pass."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.language.attributes import Attributes
from eventwire.language.nlp import load_nlp, paragraph_doc
from eventwire.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OFF = ["attribute_ruler", "lemmatizer"]

SENTENCES = [
    "I'm gonna go, y'all.",
    "Y'all gotta see this, we got ta see it.",
    "Let's go. LET'S GO! let 's go",
    "We ain't done. He ain't here, they AIN'T.",
    "C'mon, c'mon now. Come on.",
    "I saw you and you saw me; it hit it and I told it to them.",
    "There is a man. There are two. There's hope, there were riots and there was calm.",
    "He said  it  twice.\nThen   left.\n\nAgain \t and again.",
    "3,000 people, 12.5% of them, in the 1990s; 40 arrested on 2024-08-01 at 10:30.",
    "A well-known, state-run, 24-hour news channel - and a re-elected co-chair.",
    "\u201cStop,\u201d he said. \u2018No,\u2019 they\u2019re saying; it\u2019s the army\u2019s.",
    "BREAKING: POLICE ARREST 40 IN LAGOS AS PROTESTS SPREAD",
]


def sample_texts() -> list[str]:
    """The samples' paragraphs (the JSONL articles' text fields; .txt and .html as read, markup included)."""
    texts = []
    for path in sorted(SAMPLES.iterdir()):
        raw = path.read_bytes().decode("utf-8", errors="replace")  # one sample is deliberately cp1252
        if path.suffix == ".jsonl":
            raw = "\n\n".join(json.loads(line).get("text", "") for line in raw.splitlines() if line.strip())
        texts += [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
    return texts


Row = tuple[str, str, str, int, str, str, int, str, str]


def rows(doc: Doc) -> list[Row]:
    """Per token: text, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE."""
    return [
        (t.text, t.tag_, t.pos_, t.morph.key, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = sample_texts()
    assert len(found) > 20
    return found + SENTENCES


@pytest.fixture(scope="module")
def expected(nlp: Language, texts: list[str]) -> list[list[Row]]:
    return [rows(d) for d in nlp.pipe(paragraph_doc(nlp, t) for t in texts)]


@pytest.fixture(scope="module")
def bare(nlp: Language, texts: list[str]) -> list[Doc]:
    """The texts parsed without the two components (copy before use)."""
    return list(nlp.pipe((paragraph_doc(nlp, t) for t in texts), disable=OFF))


def test_same_as_the_real_components_and_memoised_on_a_second_pass(
    nlp: Language, bare: list[Doc], expected: list[list[Row]]
) -> None:
    fast = Attributes(nlp, Settings().parse_memo_entries)
    for run in range(2):
        misses = fast.misses
        for doc, rows_ in zip(bare, expected, strict=True):
            assert rows(fast(doc.copy())) == rows_
        if run:
            assert fast.misses == misses
            assert fast.hits == 2 * len(bare) - fast.misses
    assert any(len(key) > 3 for key in fast.memo), "no multi-token pattern was exercised"


def test_same_when_the_memo_is_cleared_all_the_time(
    nlp: Language, bare: list[Doc], expected: list[list[Row]]
) -> None:
    fast = Attributes(nlp, 5)
    for doc, rows_ in zip(bare, expected, strict=True):
        assert rows(fast(doc.copy())) == rows_
    assert len(fast.memo) < 400


def test_values_already_set_go_through_the_real_components(nlp: Language, bare: list[Doc]) -> None:
    fast = Attributes(nlp, Settings().parse_memo_entries)
    doc, real = bare[-1].copy(), bare[-1].copy()
    doc[0].lemma_ = real[0].lemma_ = "shout"
    fast(doc)
    nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(real))
    assert fast.misses == 1 and rows(doc) == rows(real)
    assert len(fast(nlp.make_doc(""))) == 0


def test_refuses_patterns_it_cannot_memoise() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("attribute_ruler").add([[{"NORM": "gonna"}]], {"LEMMA": "go"})
    blank.add_pipe("lemmatizer")
    with pytest.raises(ValueError, match="not memoisable"):
        Attributes(blank, Settings().parse_memo_entries)
