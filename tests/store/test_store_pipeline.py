"""The store fed with real pipeline output: the seed article and two reports of one shelling."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store

FIRST = (
    "Russian forces shell Kharkiv\n\n"
    "Russian forces shelled the city of Kharkiv on Tuesday, killing three civilians, "
    "the regional governor said."
)
SECOND = (
    "Kharkiv hit by Russian artillery\n\n"
    "Russian artillery struck residential buildings in Kharkiv on Tuesday, killing at least four people, "
    "emergency services said."
)


def test_the_seed_article_round_trips_through_the_store(tmp_path: Path, seed: Article) -> None:
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        assert store.ingest(seed)
        counts = store.counts()
        assert not store.ingest(seed)
        assert store.counts() == counts
        assert store.article(seed.id) == json.loads(json.dumps(seed.to_dict()))
    assert counts["articles"] == 1
    assert counts["paragraphs"] == len(seed.paragraphs)
    assert counts["entities"] == len(seed.entities) and counts["places"] == len(seed.places)
    assert counts["times"] == len(seed.times) and counts["quantities"] == len(seed.quantities)
    assert counts["events"] == len(seed.events) and counts["flags"] == len(seed.flags)
    assert counts["mentions"] == sum(len(x.mentions) for x in [*seed.entities, *seed.places])


def test_pipeline_reports_are_stored_once_and_every_event_is_merged(tmp_path: Path, run_text) -> None:
    articles = [run_text(FIRST), run_text(SECOND)]
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        assert [store.ingest(a) for a in articles] == [True, True]
        counts = store.counts()
        assert [store.ingest(run_text(FIRST)), store.ingest(run_text(SECOND))] == [False, False]
        assert store.counts() == counts
        merged = store.merged_events(limit=1000)
        events = store.events(limit=1000)
    assert counts["events"] == sum(len(a.events) for a in articles)
    assert sorted(e for m in merged for e in m["events"]) == sorted(e["id"] for e in events)
    assert all(e["merged"] is not None for e in events)
    shelling = [m for m in merged if m["type"] == "ASSAULT" and (m["place"] or {}).get("name") == "Kharkiv"]
    assert [m["source_count"] for m in shelling] == [2]
    assert {v["article"] for v in shelling[0]["evidence"]} == {a.id for a in articles}
