"""Steps and the pipeline that runs them, with the error policy.

A step declares what it `needs` and what it `adds` (names of article facets), loads heavy parts once
in `setup()`, and turns an article into an article in `process()` or a batch in `process_many()`.
A `Pipeline` checks before it runs that every step's needs are met by the steps before it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from eventwire.errors import EventwireError
from eventwire.knowledge import Knowledge
from eventwire.limits import Budget, batch_budget, deadline
from eventwire.settings import Settings

log = logging.getLogger(__name__)


class Step:
    """One stage of work on an article. Subclasses set `name`, `needs`, `adds` and `process`."""

    name: ClassVar[str] = "step"
    needs: ClassVar[frozenset[str]] = frozenset()
    adds: ClassVar[frozenset[str]] = frozenset()

    def setup(self) -> None:
        """Load heavy parts (models, indexes) once per process. Default: nothing."""

    def process(self, item: Any) -> Any:
        """Turn one item into the next; raise `EventwireError` when it cannot."""
        raise NotImplementedError

    def process_many(self, items: Sequence[Any]) -> list[Any]:
        """Turn a batch; override for batched work such as `nlp.pipe`."""
        return [self.process(i) for i in items]


class ArticleStep(Step):
    """A step of the article pipeline, built with the settings and the knowledge it works with."""

    def __init__(self, settings: Settings, knowledge: Knowledge) -> None:
        self.settings = settings
        self.knowledge = knowledge


@dataclass
class Outcome:
    """The result for one input: the item, or the coded error that set it aside."""

    item: Any = None
    error: EventwireError | None = None
    where: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Pipeline:
    """An ordered list of steps, checked at construction.

    Args:
        steps: the steps in order.
        provides: facets the input already has (readers' output has "raw").
        time_limit_s: wall-clock budget of one item over all steps, in seconds (EW602 past it; see
            `eventwire.limits`), or None for no bound.
    """

    def __init__(
        self, steps: Sequence[Step], provides: Iterable[str] = ("raw",), time_limit_s: float | None = None
    ) -> None:
        have = set(provides)
        for step in steps:
            missing = step.needs - have
            if missing:
                raise ValueError(f"step {step.name!r} needs {sorted(missing)} which no earlier step adds")
            have |= step.adds
        self.steps = list(steps)
        self.provides = frozenset(have)
        self.time_limit_s = time_limit_s
        self._ready = False

    def setup(self) -> None:
        """Set every step up once."""
        if not self._ready:
            for step in self.steps:
                step.setup()
            self._ready = True

    def run(self, item: Any) -> Any:
        """Run one item through every step; coded errors propagate (the policy for a single file)."""
        self.setup()
        budget = Budget(self.time_limit_s)
        for step in self.steps:
            started = time.monotonic()
            try:
                with deadline(budget.left, _where(item)):
                    item = step.process(item)
            finally:
                budget.charge(time.monotonic() - started)
        return item

    def run_many(self, items: Iterable[Any], batch_size: int = 32) -> Iterator[Outcome]:
        """Run a stream in batches; an item that fails is reported as an `Outcome` and the rest go on.

        Outcomes come in input order. A batch step that fails is retried item by item so that one bad
        article never sets its neighbours aside.
        """
        self.setup()
        batch: list[Any] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Any]) -> list[Outcome]:
        outcomes = [Outcome(item=i, where=_where(i)) for i in batch]
        budgets = [Budget(self.time_limit_s) for _ in batch]
        for step in self.steps:
            live = [(o, b) for o, b in zip(outcomes, budgets, strict=True) if o.ok]
            if not live:
                break
            if type(step).process_many is Step.process_many:  # a step of one item at a time
                for o, b in live:
                    _run_one(step, o, b)
                continue
            started = time.monotonic()
            try:
                with deadline(batch_budget([b for _, b in live])):
                    results = step.process_many([o.item for o, _ in live])
                for (o, _), r in zip(live, results, strict=True):
                    o.item = r
                failed = False
            except Exception:  # noqa: BLE001 - isolate the failing item below
                failed = True
            for _, b in live:
                b.charge((time.monotonic() - started) / len(live))
            if failed:
                for o, b in live:
                    _run_one(step, o, b)
        for o in outcomes:
            if not o.ok:
                o.item = None
        return outcomes


def _run_one(step: Step, outcome: Outcome, budget: Budget | None = None) -> None:
    started = time.monotonic()
    try:
        with deadline(budget.left if budget else None, outcome.where):
            outcome.item = step.process(outcome.item)
    except EventwireError as exc:
        exc.where = exc.where or outcome.where
        outcome.error = exc
    except Exception as exc:  # noqa: BLE001 - a bug must not sink the batch; it is reported with its code
        log.info("step %s failed on %s", step.name, outcome.where, exc_info=True)  # traceback with -v only
        outcome.error = EventwireError("EW999", f"{step.name}: {type(exc).__name__}: {exc}", outcome.where)
    finally:
        if budget is not None:
            budget.charge(time.monotonic() - started)


def _where(item: Any) -> str | None:
    source = getattr(item, "source", None)
    if source is None:
        return None
    label = source.path or source.url or ""
    return f"{label}#{source.id}" if source.id else label or None
