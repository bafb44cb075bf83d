"""A pool of worker processes around batches: each worker sets the pipeline (spaCy) up once.

Batches go out as they are read, at most two per worker in flight, and come back in input order, so
memory stays bounded and the single writer sees the same sequence as an in-process run. Workers are
started by a fork server (never a fork of a process that has threads), which imports the package once
so that each worker only loads the model. A worker that dies sets the first unfinished batch of its pool
aside with EW601; a new pool runs the batches after it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from eventwire.errors import EventwireError
from eventwire.pipeline import Outcome
from eventwire.run.stream import Batch, process_batch, process_pipeline
from eventwire.settings import Settings

Packed = list[tuple[Any, dict[str, str | None] | None, str | None]]
"""A batch in transit: (item, error as a dict, where) for each outcome; coded errors travel as dicts."""


def pack(batch: Iterable[Outcome]) -> Packed:
    """A batch of outcomes in a form that pickles (a finished article's scratch is dropped)."""
    out: Packed = []
    for o in batch:
        if o.item is not None and hasattr(o.item, "scratch"):
            o.item.scratch.clear()
        out.append((o.item, o.error.to_dict() if o.error else None, o.where))
    return out


def unpack(packed: Packed) -> list[Outcome]:
    """The outcomes of a packed batch."""
    return [Outcome(item, EventwireError(**error) if error else None, where) for item, error, where in packed]


def process_packed(packed: Packed, settings: Settings) -> Packed:
    """Run a packed batch through this process's pipeline (the function workers run)."""
    return pack(process_batch(process_pipeline(settings), unpack(packed), settings.batch_size))


class WorkerPool:
    """A process pool that runs batches and gives their outcomes back in input order.

    Args:
        settings: the run's settings (each worker builds its pipeline from them).
        workers: how many worker processes.
    """

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["eventwire.stages", "eventwire.run.workers"])
        self._pool: ProcessPoolExecutor | None = None

    def map(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Outcome]]]:
        """Each batch with its outcomes, in the order the batches came."""
        pending: deque[Task] = deque()
        try:
            for batch in batches:
                pending.append(self._submit(batch))
                while len(pending) >= self.settings.batches_per_worker * self.workers:
                    yield self._result(pending)
            while pending:
                yield self._result(pending)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers; batches not yet started are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _submit(self, batch: Batch) -> Task:
        for _ in range(2):
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.workers,
                    mp_context=self._context,
                    initializer=process_pipeline,
                    initargs=(self.settings,),
                )
            try:
                return Task(batch, self._pool.submit(process_packed, pack(batch), self.settings), self._pool)
            except BrokenProcessPool:  # a worker died since the last batch: start a new pool
                self._drop(self._pool)
        raise BrokenProcessPool("worker processes die as they start")

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        if pool is self._pool:
            pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _result(self, pending: deque[Task]) -> tuple[Batch, list[Outcome]]:
        task = pending.popleft()
        try:
            return task.batch, unpack(task.future.result())
        except BrokenProcessPool:
            self._drop(task.pool)
            for i, waiting in enumerate(pending):
                if waiting.pool is task.pool:
                    pending[i] = self._submit(waiting.batch)
            return task.batch, [o if not o.ok else _died(o) for o in task.batch]


@dataclass
class Task:
    """A batch sent to a pool: the batch, its future result and the pool that runs it."""

    batch: Batch
    future: Future[Packed]
    pool: ProcessPoolExecutor


def _died(outcome: Outcome) -> Outcome:
    return Outcome(error=EventwireError("EW601", "a worker process died on this batch", outcome.where))
