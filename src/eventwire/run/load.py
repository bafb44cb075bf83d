"""Loading part files (JSON Lines of `eventwire.document/1` objects and failure records) into a store.

Parts are loaded in name order within each folder, folders in the order given, through the same writer
as a local run: articles already stored are duplicates, failure records go to the quarantine file, and
a line that is not a valid document is itself a failure (EW107). Loading the same parts twice stores
nothing new.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.model import Article
from eventwire.pipeline import Outcome
from eventwire.run.dask import FAILURE_SCHEMA
from eventwire.run.write import Progress, RunOrigin, RunSummary, Writer
from eventwire.store import Store


def part_files(paths: list[str]) -> list[Path]:
    """The part files named: `*.jsonl` files in each folder in name order, or files given directly.

    Raises:
        EventwireError: EW101 for a path that does not exist.
    """
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.glob("*.jsonl") if f.is_file())
        elif p.is_file():
            files.append(p)
        else:
            raise EventwireError("EW101", where=str(p))
    return files


def load_parts(
    paths: list[str],
    store: Store,
    quarantine: Path | None = None,
    progress: Progress | None = None,
    origin: RunOrigin | None = None,
) -> RunSummary:
    """Merge part files into a store.

    Args:
        paths: folders of part files, or part files.
        store: an open, writable store.
        quarantine: where failures are appended as JSON lines.
        progress: called with the summary after each document.
        origin: the run that made the part files (its extractor is recorded), or None when unknown.

    Returns:
        The load's summary (`files` counts part files).
    """
    parts = part_files(paths)
    with Writer(store, RunSummary(files=len(parts)), quarantine, progress=progress, origin=origin) as writer:
        for n, part in enumerate(parts, 1):
            chunk: list[Outcome] = []
            for outcome in _read_part(part):
                chunk.append(outcome)
                if len(chunk) >= store.settings.load_chunk_documents:
                    writer.write(chunk)
                    chunk = []
            writer.write(chunk)
            writer.summary.files_done = n
        return writer.done()


def _read_part(part: Path) -> Iterator[Outcome]:
    with open(part, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield _outcome(line, f"{part}:{n}")


def _outcome(line: str, where: str) -> Outcome:
    """One part line as an outcome: a document, a recorded failure, or EW107 for a bad line."""
    try:
        record = json.loads(line)
        if record.get("schema") == FAILURE_SCHEMA:
            error = EventwireError(record["code"], record.get("reason") or "", record.get("where"))
            return Outcome(error=error, where=record.get("where"))
        article = Article.from_dict(record)
        article.check()
        return Outcome(item=article, where=where)
    except EventwireError as exc:
        return Outcome(error=exc, where=where)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = f"not an eventwire document: {type(exc).__name__}: {exc}"
        return Outcome(error=EventwireError("EW107", reason, where), where=where)
