"""The ACLED coding of an event round-trips through the store, for its own and its merged event."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.events.acled import AcledView
from eventwire.events.parties import Parties
from eventwire.knowledge import load_knowledge
from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.store import Store

REPORTS = Path(__file__).resolve().parent / "reports.jsonl"


def test_acled_coding_is_stored_and_read_back(tmp_path: Path) -> None:
    settings, knowledge = Settings(), load_knowledge()
    line = REPORTS.read_text(encoding="utf-8").splitlines()[0]
    article = AcledView(settings, knowledge).process(
        Parties(settings, knowledge).process(Article.from_dict(json.loads(line)))
    )
    coded = article.events[0].acled
    assert coded["actor1"]["name"] == "Military Forces of Russia"
    with Store.open(tmp_path / "ew.db", settings) as store:
        store.ingest(article)
        [event] = store.events(limit=1)
        [merged] = store.merged_events(limit=1)
    assert event["acled"] == coded
    assert merged["acled"] == coded
