"""The local run: read inputs, run the article pipeline, store each article; quarantine what fails.

`run_local` is the loop behind `eventwire run`. It never stops at a bad input: every failure is counted,
written as one JSON line to the quarantine file and the run goes on. Inputs stream through in batches,
in this process or in a pool of worker processes; either way the parent alone writes, in input order,
so the store ends the same. Inputs an earlier run finished are skipped unread, a raw article that gave a
stored article is counted as a duplicate without being processed (see `resume`), and articles already in
the store are counted as duplicates and left untouched.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.extractor import current_extractor
from eventwire.knowledge import load_knowledge
from eventwire.pipeline import Outcome
from eventwire.read import expand
from eventwire.run.resume import read_digest
from eventwire.run.stream import Batch, process_batch, read_batches
from eventwire.run.workers import WorkerPool
from eventwire.run.write import Progress, RunOrigin, RunSummary, Writer
from eventwire.settings import Settings
from eventwire.store import Store


def run_local(
    paths: list[str],
    settings: Settings,
    store: Store,
    published: str | None = None,
    quarantine: Path | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> RunSummary:
    """Extract every input and store it.

    Args:
        paths: files, directories, globs, or "-" for standard input.
        settings: the run's settings.
        store: an open, writable store.
        published: the publication date for inputs that carry none.
        quarantine: where failures are appended as JSON lines (not written when nothing fails).
        progress: called with the summary after each article.
        workers: worker processes; 1 runs the pipeline in this process.

    Returns:
        The run's summary.
    """
    files = list(expand(paths))
    origin = RunOrigin(current_extractor(settings), published)
    with Writer(store, RunSummary(files=len(files)), quarantine, files, progress, origin) as writer:

        def finished(outcome: Outcome) -> bool:
            if writer.ledger.finished(outcome):
                writer.skipped(1)
                label = outcome.where or ""
                writer.check_date(outcome.where, store.input_article(label), outcome.item.published)
                return True
            if article := writer.ledger.repeated(outcome.item):
                writer.repeated(outcome, article)
                return True
            return False

        def write(batch: Batch, outcomes: list[Outcome]) -> None:
            digests = [read_digest(o.item) if o.ok else None for o in batch]
            writer.write(outcomes, [o.where for o in batch], digests, [o.item for o in batch])

        batches = read_batches(files, settings, published, skip=finished)
        if workers > 1:
            for batch, outcomes in WorkerPool(settings, workers).map(batches):
                write(batch, outcomes)
        else:
            from eventwire.stages import article_pipeline  # spaCy loads only when an article is read

            pipeline = article_pipeline(settings, load_knowledge())
            for batch in batches:
                write(batch, process_batch(pipeline, batch, settings.batch_size))
        return writer.done()
