"""The streaming read → batch loop: lazy, bounded batches, read errors kept in their place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwire.run.stream import read_batches
from eventwire.settings import Settings

TEXT = "Floods hit Sukkur\n\nHeavy rains flooded the town of Sukkur on Monday, killing {n} people.\n"


def test_batches_hold_at_most_batch_size_articles_and_keep_errors_in_place(tmp_path: Path) -> None:
    names = []
    for n in range(5):
        (tmp_path / f"a{n}.txt").write_text(TEXT.format(n=n + 2), encoding="utf-8")
        names.append(str(tmp_path / f"a{n}.txt"))
    names.insert(2, str(tmp_path / "missing.txt"))
    batches = list(read_batches(names, Settings(batch_size=2)))
    assert [[o.ok for o in b] for b in batches] == [[True, True], [False, True, True], [True]]
    assert [o.where for b in batches for o in b] == names


def test_inputs_are_read_lazily(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(TEXT.format(n=n + 2), encoding="utf-8")
    asked: list[str] = []

    def paths() -> Iterator[str]:
        for n in range(1000):
            asked.append(name := str(tmp_path / f"a{n % 3}.txt"))
            yield name

    first = next(read_batches(paths(), Settings(batch_size=2)))
    assert len(first) == 2 and len(asked) == 2


def test_finished_inputs_are_skipped(tmp_path: Path) -> None:
    names = []
    for n in range(4):
        (tmp_path / f"a{n}.txt").write_text(TEXT.format(n=n + 2), encoding="utf-8")
        names.append(str(tmp_path / f"a{n}.txt"))
    done = ("a0.txt", "a2.txt")
    batches = read_batches(names, Settings(batch_size=3), skip=lambda o: o.where.endswith(done))
    assert [[o.where for o in b] for b in batches] == [[names[1], names[3]]]
