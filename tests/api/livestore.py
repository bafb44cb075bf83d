"""Seed articles built with the model classes, a seeded store, and a live uvicorn server for tests.

Imported by the conftest files of tests/api and tests/web as `api.livestore` (tests/ is on sys.path).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from eventwire.model import (
    Article,
    Claim,
    Entity,
    Event,
    Evidence,
    Flag,
    Paragraph,
    Participant,
    Place,
    Size,
    Source,
    Span,
)
from eventwire.settings import Settings
from eventwire.store import Store

TOKEN = "test-token-123"
"""The ingest token of the writable test API."""

XSS_TITLE = '<img src=x onerror="window.__xss=1">Protest in Lviv'
XSS_BODY = (
    "Hundreds protested in Lviv on Monday <script>window.__xss = 1</script> against the war, "
    'carrying signs that read <img src=x onerror="window.__xss=1"> and '
    '<b onmouseover="window.__xss=1">peace</b>.'
)


def _span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def _evidence(text: str, needle: str, paragraph: int = 1) -> Evidence:
    s = _span(text, needle)
    return Evidence(s.start, s.end, s.text, paragraph)


def _article(title: str, body: str, published: str, path: str, url: str | None = None) -> Article:
    text = f"{title}\n\n{body}"
    start = len(title) + 2
    return Article(
        text=text,
        source=Source(path=path, url=url, format="text"),
        title=title,
        published=published,
        paragraphs=[Paragraph(0, "title", 0, len(title), [0]), Paragraph(1, "body", start, len(text), [2])],
    )


def _body(article: Article, needle: str) -> Span:
    """The first occurrence of `needle` in the body (after the title paragraph)."""
    return _span(article.text, needle, article.paragraphs[1].start)


def _kharkiv(article: Article) -> Place:
    return Place(
        "p1", "Kharkiv", 706483, 49.98, 36.25, "UA", "Kharkiv Oblast", "city", [_body(article, "Kharkiv")]
    )


def shelling_report() -> Article:
    """The first of two reports of one shelling in Kharkiv (5 dead, denied by Moscow)."""
    a = _article(
        "Shelling hits Kharkiv market",
        "Russian forces shelled a market in Kharkiv on Tuesday, killing at least 5 people, "
        "Ukrainian officials said. Moscow denied the attack.",
        "2022-03-23",
        "kharkiv-1.txt",
        "https://news.example/kharkiv-1",
    )
    a.entities = [
        Entity("e1", "Russian forces", "ORG", mentions=[_span(a.text, "Russian forces")]),
        Entity("e2", "Moscow", "GPE", mentions=[_span(a.text, "Moscow")]),
    ]
    a.places = [_kharkiv(a)]
    a.events = [
        Event(
            "ev1",
            "ASSAULT",
            context=["military"],
            actor=Participant("Russian forces", "e1", "Russia"),
            place="p1",
            date="2022-03-22",
            date_precision="day",
            size=Size(dead=5),
            claims=[Claim("Ukrainian officials", "assert"), Claim("Moscow", "deny")],
            evidence=[_evidence(a.text, "Russian forces shelled a market in Kharkiv on Tuesday")],
            confidence=0.8,
        )
    ]
    a.flags = [
        Flag(
            "contradiction", "Moscow denies what Ukrainian officials assert", [_span(a.text, "Moscow denied")]
        )
    ]
    a.check()
    return a


def second_shelling_report() -> Article:
    """Another outlet's report of the same shelling: merges with `shelling_report`."""
    a = _article(
        "Market in Kharkiv shelled",
        "A market in Kharkiv was shelled on March 22 and at least five people died, "
        "the regional governor said.",
        "2022-03-23",
        "kharkiv-2.txt",
    )
    a.places = [_kharkiv(a)]
    a.events = [
        Event(
            "ev1",
            "ASSAULT",
            place="p1",
            date="2022-03-22",
            date_precision="day",
            size=Size(dead=5),
            claims=[Claim("the regional governor", "assert")],
            evidence=[_evidence(a.text, "A market in Kharkiv was shelled on March 22")],
            confidence=0.7,
        )
    ]
    a.check()
    return a


def expulsion_report() -> Article:
    """Poland expels 45 Russian diplomats in Warsaw."""
    a = _article(
        "Poland expels 45 Russian diplomats",
        "Poland expelled 45 Russian diplomats in Warsaw on Wednesday, accusing them of spying.",
        "2022-03-23",
        "poland.txt",
    )
    a.entities = [
        Entity("e1", "Poland", "GPE", mentions=[_body(a, "Poland")]),
        Entity("e2", "Russia", "GPE", mentions=[_body(a, "Russian")]),
    ]
    a.places = [
        Place(
            "p1", "Warsaw", 756135, 52.23, 21.01, "PL", "Mazovia Province", "city", [_span(a.text, "Warsaw")]
        )
    ]
    a.events = [
        Event(
            "ev1",
            "SANCTION",
            mode="expel",
            context=["diplomatic"],
            actor=Participant("Poland", "e1", "Poland"),
            recipient=Participant("45 Russian diplomats", "e2", "Russia"),
            place="p1",
            date="2022-03-23",
            date_precision="day",
            size=Size(count=45),
            evidence=[_evidence(a.text, "Poland expelled 45 Russian diplomats in Warsaw on Wednesday")],
            confidence=0.9,
        )
    ]
    a.check()
    return a


def hostile_report() -> Article:
    """An article whose title and text carry script and event-handler payloads, with a located event."""
    a = _article(XSS_TITLE, XSS_BODY, "2022-03-21", "hostile.html", "javascript:window.__xss=1")
    a.entities = [Entity("e1", "Hundreds", "NORP", mentions=[_body(a, "Hundreds")])]
    a.places = [Place("p1", "Lviv", 702550, 49.84, 24.03, "UA", "Lviv Oblast", "city", [_body(a, "Lviv")])]
    a.events = [
        Event(
            "ev1",
            "PROTEST",
            mode="demonstrate",
            actor=Participant("<script>window.__xss=1</script>Hundreds", None, None),
            place="p1",
            date="2022-03-21",
            date_precision="day",
            evidence=[_evidence(a.text, "protested in Lviv on Monday <script>window.__xss = 1</script>")],
            confidence=0.6,
        )
    ]
    a.flags = [
        Flag("unresolved-place", '<img src=x onerror="window.__xss=1">', [_span(a.text, "<img src=x")])
    ]
    a.check()
    return a


def seed_articles() -> list[Article]:
    """The seed: two reports of one shelling, one expulsion, one hostile article."""
    return [shelling_report(), second_shelling_report(), expulsion_report(), hostile_report()]


def seed_store(path: Path, articles: list[Article] | None = None) -> Path:
    """A store at `path` holding the seed articles."""
    with Store.open(path, Settings()) as store:
        for article in seed_articles() if articles is None else articles:
            store.ingest(article)
    return path


@contextmanager
def serving(app: object) -> Iterator[str]:
    """Run an ASGI app with uvicorn on a free 127.0.0.1 port in a thread; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
