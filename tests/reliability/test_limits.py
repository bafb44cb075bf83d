"""The per-article time bound: a slow step sets its article aside with EW602, its neighbours go on."""

from __future__ import annotations

import threading
import time

import pytest

from eventwire.errors import EventwireError
from eventwire.limits import Budget, batch_budget, deadline
from eventwire.pipeline import Pipeline, Step


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


class Slow(Step):
    """Spins on items named "slow"; swallows every `Exception`, as careless step code does."""

    name = "slow"
    adds = frozenset({"slow"})

    def process(self, item: str) -> str:
        try:
            if item == "slow":
                _spin(5)
        except Exception:  # noqa: BLE001 - the bound must hold even against this
            pass
        return item + "!"


class SlowBatch(Step):
    """A batched step (like spaCy's nlp.pipe) that is slow on a batch holding "slow"."""

    name = "slowbatch"
    needs = frozenset({"slow"})

    def process(self, item: str) -> str:
        if item.startswith("slow"):
            _spin(5)
        return item.upper()

    def process_many(self, items: list[str]) -> list[str]:
        return [self.process(i) for i in items]


def test_slow_item_is_set_aside_and_neighbours_are_kept() -> None:
    started = time.monotonic()
    outcomes = list(Pipeline([Slow()], time_limit_s=0.3).run_many(["a", "slow", "b"]))
    assert time.monotonic() - started < 3
    assert [o.item for o in outcomes] == ["a!", None, "b!"]
    assert outcomes[1].error is not None and outcomes[1].error.code == "EW602"


def test_batched_step_over_budget_is_retried_item_by_item() -> None:
    outcomes = list(Pipeline([Slow(), SlowBatch()], time_limit_s=0.3).run_many(["a", "slow", "b"]))
    assert [o.item for o in outcomes] == ["A!", None, "B!"]
    assert outcomes[1].error.code == "EW602"


def test_single_item_run_raises_ew602() -> None:
    with pytest.raises(EventwireError) as info:
        Pipeline([Slow()], time_limit_s=0.2).run("slow")
    assert info.value.code == "EW602"


def test_no_limit_runs_to_the_end() -> None:
    assert Pipeline([Slow()]).run("fast") == "fast!"


def test_outer_timer_survives_an_inner_deadline() -> None:
    with pytest.raises(EventwireError) as info, deadline(0.5, "outer"):
        with deadline(2.0, "inner"):
            pass
        _spin(3)
    assert info.value.where == "outer"


def test_deadline_is_unbounded_off_the_main_thread() -> None:
    done: list[bool] = []

    def work() -> None:
        with deadline(0.01):
            _spin(0.1)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]


def test_budgets_add_up() -> None:
    a, b = Budget(1.0), Budget(2.0)
    a.charge(0.5)
    assert batch_budget([a, b]) == pytest.approx(2.5)
    assert batch_budget([a, Budget(None)]) is None
    with pytest.raises(EventwireError), deadline(Budget(0.0).left):
        pass
