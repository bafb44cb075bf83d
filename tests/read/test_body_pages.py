"""The pages of benchmarks/html_body.py: each has its expected body, taken from the page's own text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import lxml.html
import pytest

PAGES = Path(__file__).resolve().parents[2] / "benchmarks" / "pages"
NAMES = sorted(p.stem for p in PAGES.glob("*.html"))


def words(text: str) -> Counter[str]:
    return Counter(text.lower().split())


def test_there_are_enough_pages() -> None:
    assert 12 <= len(NAMES) <= 20


@pytest.mark.parametrize("name", NAMES)
def test_the_expected_body_is_the_pages_own_text(name: str) -> None:
    expected = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    assert expected.strip()
    page = lxml.html.fromstring((PAGES / f"{name}.html").read_bytes())
    for bad in page.xpath("//script | //style"):
        bad.drop_tree()
    text = " ".join(" ".join(t.split()) for t in page.itertext())
    missing = [line for line in expected.splitlines() if line and " ".join(line.split()[1:4]) not in text]
    assert not missing
