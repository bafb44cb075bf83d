"""Steps and the pipeline: the needs check, setup once, the error policy for one item and for a batch."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eventwire.errors import EventwireError
from eventwire.model import RawArticle, Source
from eventwire.pipeline import Outcome, Pipeline, Step


class Upper(Step):
    name = "upper"
    needs = frozenset({"raw"})
    adds = frozenset({"upper"})

    def __init__(self) -> None:
        self.setups = 0

    def setup(self) -> None:
        self.setups += 1

    def process(self, item: str) -> str:
        if item == "bad":
            raise EventwireError("EW108", "not an article")
        if item == "bug":
            raise RuntimeError("boom")
        return item.upper()


class Exclaim(Step):
    name = "exclaim"
    needs = frozenset({"upper"})
    adds = frozenset({"exclaimed"})

    def __init__(self) -> None:
        self.batches: list[int] = []

    def process(self, item: str) -> str:
        return item + "!"

    def process_many(self, items: Sequence[str]) -> list[str]:
        self.batches.append(len(items))
        return [self.process(i) for i in items]


class FragileBatch(Step):
    """A batch step that fails as a whole when one item is bad, as `nlp.pipe` would."""

    name = "fragile"
    needs = frozenset({"raw"})

    def process(self, item: str) -> str:
        if item == "poison":
            raise EventwireError("EW302", "too long")
        return item + "."

    def process_many(self, items: Sequence[str]) -> list[str]:
        if "poison" in items:
            raise RuntimeError("the whole batch failed")
        return [i + "." for i in items]


def test_needs_must_be_met_by_earlier_steps() -> None:
    with pytest.raises(ValueError, match="'exclaim' needs \\['upper'\\]"):
        Pipeline([Exclaim(), Upper()])


def test_provides_is_what_the_input_has_plus_what_steps_add() -> None:
    p = Pipeline([Upper(), Exclaim()])
    assert p.provides == {"raw", "upper", "exclaimed"}
    assert Pipeline([Exclaim()], provides=["upper"]).provides == {"upper", "exclaimed"}


def test_run_one_item_and_setup_once() -> None:
    up = Upper()
    p = Pipeline([up, Exclaim()])
    assert p.run("lagos") == "LAGOS!"
    assert p.run("sindh") == "SINDH!"
    assert up.setups == 1


def test_run_one_item_raises_the_coded_error() -> None:
    with pytest.raises(EventwireError) as info:
        Pipeline([Upper()]).run("bad")
    assert info.value.code == "EW108"


def test_run_many_isolates_failures_and_keeps_order() -> None:
    ex = Exclaim()
    p = Pipeline([Upper(), ex])
    outcomes = list(p.run_many(["a", "bad", "b", "bug", "c"], batch_size=2))
    assert [o.item for o in outcomes] == ["A!", None, "B!", None, "C!"]
    assert [o.ok for o in outcomes] == [True, False, True, False, True]
    assert outcomes[1].error.code == "EW108"
    assert outcomes[3].error.code == "EW999" and "RuntimeError: boom" in outcomes[3].error.reason
    assert ex.batches == [1, 1, 1]  # failed items never reach later steps


def test_a_failing_batch_is_retried_item_by_item() -> None:
    outcomes = list(Pipeline([FragileBatch()]).run_many(["x", "poison", "y"]))
    assert [o.item for o in outcomes] == ["x.", None, "y."]
    assert outcomes[1].error.code == "EW302"


def test_outcome_names_where_the_item_came_from() -> None:
    class Refuse(Step):
        name = "refuse"

        def process(self, item: RawArticle) -> RawArticle:
            raise EventwireError("EW201")

    raws = [
        RawArticle(text="t", source=Source(path="wire.jsonl", id="7")),
        RawArticle(text="t", source=Source(path="a.txt")),
        RawArticle(text="t", source=Source(url="https://example.org/x")),
    ]
    outs = list(Pipeline([Refuse()]).run_many(raws))
    assert [o.where for o in outs] == ["wire.jsonl#7", "a.txt", "https://example.org/x"]
    assert outs[0].error.message == "EW201 wire.jsonl#7: nothing left after cleaning"


def test_outcome_ok() -> None:
    assert Outcome(item=1).ok and not Outcome(error=EventwireError("EW101")).ok


def test_run_many_of_nothing() -> None:
    assert list(Pipeline([Upper()]).run_many([])) == []
