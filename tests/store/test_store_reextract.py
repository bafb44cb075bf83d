"""Re-extraction in the store: selecting articles, replacing one's findings, merging again, raw articles."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from eventwire.clean import clean_steps
from eventwire.knowledge import load_knowledge
from eventwire.model import Article, RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.reextract import ArticleFilter, Origin

REPORTS = Path(__file__).with_name("reports.jsonl")


def reports() -> list[Article]:
    return [Article.from_dict(json.loads(line)) for line in REPORTS.read_text(encoding="utf-8").splitlines()]


def merged_state(store: Store) -> list[tuple]:
    """Each merged event's members (event local ids with their article ids) and source count."""
    rows = store.conn.execute(
        "SELECT m.rid, m.sources, a.id, e.local_id FROM merged_events m JOIN events e ON e.merged = m.rid"
        " JOIN articles a ON a.rid = e.article ORDER BY m.rid, e.rid"
    ).fetchall()
    groups: dict[int, tuple[int, list]] = {}
    for rid, sources, article, local in rows:
        groups.setdefault(rid, (sources, []))[1].append((article, local))
    return sorted((sources, tuple(sorted(members))) for sources, members in groups.values())


def test_select_filters_by_id_source_publication_and_extractor(tmp_path: Path) -> None:
    articles = reports()
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for n, a in enumerate(articles):
            store.ingest(a, Origin(extractor=f"x/{n % 2}"))
        ids = [a.id for a in articles]
        assert [i for _, i in store.select_articles(ArticleFilter())] == ids
        assert [i for _, i in store.select_articles(ArticleFilter(ids=(ids[1][:14],)))] == [ids[1]]
        url = articles[0].source.url
        assert [i for _, i in store.select_articles(ArticleFilter(source=url))] == [ids[0]]
        day = articles[0].published
        assert ids[0] in [i for _, i in store.select_articles(ArticleFilter(since=day, until=day))]
        stale = store.select_articles(ArticleFilter(stale=True, current="x/0"))
        assert [i for _, i in stale] == ids[1::2]
        assert store.stale("x/0") == len(ids[1::2])


def test_replacing_an_article_keeps_merged_events_as_a_fresh_store_has_them(tmp_path: Path) -> None:
    articles = reports()
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for a in articles:
            store.ingest(a)
        before = (store.counts(), merged_state(store))
        rid, _ = store.select_articles(ArticleFilter(ids=(articles[0].id,)))[0]
        store.replace(rid, articles[0], Origin(extractor="x/1"))
        assert store.counts() == before[0] and merged_state(store) == before[1]
        store.remerge()
        assert store.counts() == before[0] and merged_state(store) == before[1]
        assert store.stale("x/1") == len(articles) - 1


def test_an_article_without_events_any_more_leaves_its_merged_events(tmp_path: Path) -> None:
    articles = reports()
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for a in articles:
            store.ingest(a)
        merged = store.counts()["merged_events"]
        rid, _ = store.select_articles(ArticleFilter(ids=(articles[2].id,)))[0]
        bare = dataclasses.replace(articles[2], events=[])
        assert store.replace(rid, bare, Origin())
        alone = store.conn.execute("SELECT count(*) FROM merged_events WHERE sources = 0").fetchone()[0]
        assert alone == 0 and store.counts()["merged_events"] <= merged
        assert store.counts()["events"] == sum(len(a.events) for a in articles[:2])


def test_a_replacement_that_is_another_stored_article_removes_the_old_one(tmp_path: Path) -> None:
    articles = reports()
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        for a in articles:
            store.ingest(a)
        store.record_inputs([("old.txt", "1:1", articles[0].id, "t")], [])
        rid, _ = store.select_articles(ArticleFilter(ids=(articles[0].id,)))[0]
        assert not store.replace(rid, articles[1], Origin())
        assert store.count_articles() == len(articles) - 1
        assert store.input_article("old.txt") == articles[1].id


def test_the_raw_article_is_kept_or_rebuilt_from_the_cleaned_one(tmp_path: Path) -> None:
    article = reports()[0]
    raw = RawArticle(text="raw text", source=Source(path="a.txt"), title="T", published="2022-03-23")
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        store.ingest(article, Origin(raw=raw, own_date=False))
        [(rid, _)] = store.select_articles(ArticleFilter())
        kept, own = store.stored_raw(rid)
        assert (kept.text, kept.title, kept.published, own) == ("raw text", "T", "2022-03-23", False)
        assert kept.source == article.source
        store.conn.execute("DELETE FROM raw_articles")
        rebuilt, own = store.stored_raw(rid)
        body = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "body"]
        assert rebuilt.text == "\n\n".join(body) and rebuilt.title == article.title and own


def test_a_table_is_rebuilt_into_the_text_where_it_stood(tmp_path: Path) -> None:
    table = "| District | March |\n| Kerrow | 4,100 |\n| Ashfield | 2,750 |"
    text = "Displacement doubles\n\nThe number of displaced people has doubled in a month, the agency said."
    raw = RawArticle(text=f"{text}\n\n{table}\n\nIt appealed for aid.", source=Source(path="t.html"))
    article = Pipeline(clean_steps(Settings(), load_knowledge())).run(raw)
    assert [p.kind for p in article.paragraphs] == ["title", "body", "table", "body"]
    with Store.open(tmp_path / "ew.db", Settings()) as store:
        store.ingest(article, Origin())
        [(rid, _)] = store.select_articles(ArticleFilter())
        rebuilt, _ = store.stored_raw(rid)
    assert rebuilt.text.split("\n\n") == [text.split("\n\n")[1], table, "It appealed for aid."]
