"""Per-article time bound: a step that runs past its budget is stopped and the article set aside (EW602).

The bound is `Settings.article_time_limit_s`, the wall-clock budget of one article over all the steps of
the pipeline. It is enforced with a real-time interval timer (SIGALRM), so it holds only in a process's
main thread: `eventwire extract`, `eventwire run` and its worker processes. Elsewhere (the API's request
threads, Dask's worker threads) `deadline` is a no-op and inputs are bounded by the size limits alone.

The timer raises `Overtime`, a `BaseException`, so that a step catching `Exception` cannot swallow it;
`deadline` turns it into the coded error. A Python signal handler runs between bytecodes, so a single
long call into C code (a regular expression over a huge string) is stopped only when it returns; the
size limits (`max_input_bytes`, `max_text_chars`) keep such calls short.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from eventwire.errors import EventwireError


class Overtime(BaseException):  # noqa: N818 - a signal, not an error: it must pass `except Exception`
    """Raised inside the running step when its time is up."""


def can_interrupt() -> bool:
    """True where the timer works: the main thread of a process on a system with SIGALRM."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _ring(signum: int, frame: FrameType | None) -> None:
    raise Overtime


@contextmanager
def deadline(seconds: float | None, where: str | None = None) -> Iterator[None]:
    """Run the body with a wall-clock budget of `seconds`; over it, raise EW602.

    A budget of None or where the timer cannot work (see `can_interrupt`) runs the body unbounded.
    An outer timer in force is suspended for the body and restored, less the time the body took.

    Raises:
        EventwireError: EW602 when the body runs past its budget (or the budget is already spent).
    """
    if seconds is None or not can_interrupt():
        yield
        return
    if seconds <= 0:
        raise EventwireError("EW602", "no time left in the article's budget", where)
    previous = signal.signal(signal.SIGALRM, _ring)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    except Overtime:
        raise EventwireError("EW602", f"over the limit of {seconds:.3g} s", where) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


class Budget:
    """The time one article has left over the steps of a pipeline.

    Args:
        limit_s: the article's whole budget in seconds, or None for no bound.
    """

    def __init__(self, limit_s: float | None) -> None:
        self.limit_s = limit_s
        self.spent = 0.0

    @property
    def left(self) -> float | None:
        """Seconds left, or None when unbounded."""
        return None if self.limit_s is None else self.limit_s - self.spent

    def charge(self, seconds: float) -> None:
        """Count `seconds` of work against the budget."""
        self.spent += seconds


def batch_budget(budgets: list[Budget]) -> float | None:
    """The budget of a batched step over these articles: the sum of what each has left (None: unbounded)."""
    left = [b.left for b in budgets]
    if not left or any(x is None for x in left):
        return None
    return sum(max(x, 0.0) for x in left)  # type: ignore[misc]
