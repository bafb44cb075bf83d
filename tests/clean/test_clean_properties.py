"""Properties of the clean stage on generated scrapes: every raw line accounted for, no repeat kept."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.clean import clean_steps
from eventwire.clean.normalize import fold
from eventwire.errors import EventwireError
from eventwire.knowledge import load_knowledge
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

SENTENCES = [
    "Police in Lagos fired tear gas at protesters on Thursday, witnesses said.",
    "Floodwaters have killed at least 30 people in Sindh province, officials said.",
    "Hong Kong police arrested 53 activists in dawn raids on Wednesday.",
    "A drone strike killed 12 fighters near Jilib on Monday, the army said.",
    "Sudan's army and the RSF agreed to a seven-day ceasefire in Jeddah.",
    "Residents wade through a flooded street in Dadu. Photo: AFP",
    "Interior Minister Ali Hassan (pictured left) visited the camp on Saturday.",
    "“We lost everything,” said a farmer who sheltered on a raised road.",
    "Advertisement",
    "Read more: Pakistan appeals for aid",
]
PIPELINE = Pipeline(clean_steps(Settings(), load_knowledge()))


def variant(text: str, how: int) -> str:
    """A scraper's copy of a line: as is, straight quotes, cut short, shouted spacing, NBSP."""
    return [
        text,
        text.replace("’", "'").replace("“", '"').replace("”", '"'),
        text[: max(len(text) // 2, 25)] + "…",
        text.replace(" ", "  "),
        text.replace(" ", "\u00a0", 1),
    ][how]


lines = st.lists(st.tuples(st.sampled_from(SENTENCES), st.integers(0, 4)), min_size=1, max_size=14)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines, st.sampled_from(["\n\n", "\r\n\r\n", "\n"]))
def test_every_raw_line_is_kept_once_or_dropped_with_a_reason(picked, sep) -> None:
    raw_lines = ["Scrape of the day: news from four continents"] + [variant(t, h) for t, h in picked]
    raw = RawArticle(text=sep.join(raw_lines), source=Source(path="gen.txt"))
    try:
        a = PIPELINE.run(raw)
    except EventwireError as exc:
        assert exc.code in {"EW201", "EW301"}
        return
    a.check()
    assert a.text == "\n\n".join(a.text[p.start : p.end] for p in a.paragraphs)
    assert [p.index for p in a.paragraphs] == list(range(len(a.paragraphs)))
    in_paragraphs = [r for p in a.paragraphs for r in p.raw_lines]
    dropped = [d.raw_line for d in a.dropped]
    assert sorted(in_paragraphs) == sorted(set(in_paragraphs))
    assert set(dropped) <= set(in_paragraphs) | set(range(len(raw_lines)))
    assert sorted(set(in_paragraphs) | set(dropped)) == list(range(len(raw_lines)))
    keys = [fold(a.text[p.start : p.end]) for p in a.paragraphs]
    assert len(keys) == len(set(keys))
    for d in a.dropped:
        assert d.reason in {"duplicate", "near-duplicate", "truncated-duplicate", "boilerplate"}
        assert (d.duplicate_of is None) == (d.reason == "boilerplate")
        if d.duplicate_of is not None:
            assert d.duplicate_of in in_paragraphs
