"""The annotated event corpus: its format is checked line by line, and the shipped corpus meets it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eventtypes import corpus
from eventwire.eventtypes.corpus import CorpusError, parse
from eventwire.eventtypes.train import split_of, splits

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "id": "t-1",
    "text": "Gunmen shot dead a trader in the market; police said the gunmen fled.",
    "genre": "lede",
    "country": "Kenya",
    "events": [
        {
            "plover": "ASSAULT",
            "mode": "firearms",
            "acled": "Attack",
            "trigger": "shot dead",
            "actor": "the gunmen",
            "actor_start": 53,
            "recipient": "a trader",
            "status": "occurred",
        }
    ],
}


def _line(**change: object) -> str:
    return json.dumps({**GOOD, **change})


def _event(**change: object) -> str:
    return _line(events=[{**GOOD["events"][0], **change}])


def test_a_good_record_gives_spans_and_labels() -> None:
    record = parse(_line(), "x:1")
    event = record.events[0]
    assert record.text[event.trigger.start : event.trigger.end] == "shot dead"
    assert (event.actor.start, event.actor.text) == (53, "the gunmen")
    assert record.plover_labels == {"ASSAULT"} and record.acled_label == "Attack"


def test_what_acled_would_not_code_is_none() -> None:
    record = parse(_event(status="expected"), "x:1")
    assert record.plover_labels == {"ASSAULT"} and record.acled_label == "none"


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (_event(plover="ATTACK"), "not a PLOVER type"),
        (_event(mode="aerial-ish"), "not a mode of ASSAULT"),
        (_event(acled="Shooting"), "not an ACLED sub-event type"),
        (_event(status="rumoured"), "status"),
        (_event(trigger="gunned down"), "not in the text"),
        (_event(actor="soldiers", actor_start=None), "soldiers"),
        (_event(actor="the", actor_start=None), "occurs twice"),
        (_event(actor_start=3), "does not point at"),
        (_event(trigger=""), "needs its trigger"),
        (_line(genre="tweet"), "genre"),
        (_line(text=" "), "text is missing"),
        ("{not json", "not JSON"),
    ],
)
def test_a_bad_record_is_refused_with_its_place_and_reason(line: str, says: str) -> None:
    with pytest.raises(CorpusError, match="x:7") as err:
        parse(line, "x:7")
    assert says in str(err.value)


def test_ids_are_unique_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(_line() + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(_line() + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="used twice"):
        corpus.read(corpus.files(tmp_path))


def test_splits_are_fixed_by_id() -> None:
    assert split_of("sd-0042") == split_of("sd-0042")
    shares = [split_of(f"r-{i}") for i in range(4000)]
    assert 0.77 < shares.count("train") / 4000 < 0.83
    assert 0.08 < shares.count("test") / 4000 < 0.12


def test_the_shipped_corpus_is_valid_and_covers_every_class() -> None:
    records = corpus.read(corpus.files(ROOT / "data" / "events"))
    acled_counts, plover_counts = corpus.class_counts(records)
    assert all(acled_counts[sub] >= 150 for sub in corpus.acled_sub_event_types())
    assert all(n >= 150 for t, n in plover_counts.items() if t != "none")
    assert sum(1 for r in records if r.acled_label == "none") >= 2500
    assert set(splits(records)) == {"train", "dev", "test"}


def test_the_checker_counts_good_files_and_names_bad_ones(tmp_path: Path, capsys) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text(_line() + "\n", encoding="utf-8")
    bad.write_text(_event(plover="ATTACK") + "\n", encoding="utf-8")
    assert corpus.main([str(good)]) == 0
    assert "1 records, 0 bad" in capsys.readouterr().out
    assert corpus.main([str(bad)]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().out
    assert corpus.main([str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
