"""Re-extraction: run the article pipeline again on stored articles and replace their findings.

`reprocess` is the loop behind `eventwire reprocess`. Each selected article's raw article (kept by the
store, or rebuilt from the cleaned article for stores that kept none) goes through the pipeline again,
in batches, in this process or in worker processes; its findings replace the old ones in one transaction,
and once all are done every merged event is formed again. An article that fails keeps what it had: the
failure is counted, reported and appended to the quarantine file, and the rest go on.

`published` is the publication date for articles whose stored date is not their input's own (none, or
one an earlier `--published` gave), and for every article named by id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.extractor import current_extractor
from eventwire.knowledge import load_knowledge
from eventwire.pipeline import Outcome
from eventwire.run.stream import Batch, process_batch
from eventwire.run.workers import WorkerPool
from eventwire.run.write import Progress, RunSummary, Writer
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.reextract import ArticleFilter, Origin


def reprocess(
    store: Store,
    settings: Settings,
    filters: ArticleFilter,
    published: str | None = None,
    quarantine: Path | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> RunSummary:
    """Re-extract the stored articles the filter selects.

    Args:
        store: an open, writable store.
        settings: the run's settings.
        filters: which stored articles (`stale` compares with the current extractor).
        published: the publication date to give them (see the module docstring).
        quarantine: where failures are appended as JSON lines.
        progress: called with the summary after each article.
        workers: worker processes; 1 runs the pipeline in this process.

    Returns:
        The summary: `read` articles selected, `stored` replaced, `duplicates` found to be another stored
        article (removed), `failed` left as they were; `files` counts the selected articles.

    Raises:
        EventwireError: EW504 when no stored article matches.
    """
    extractor = current_extractor(settings)
    selected = store.select_articles(dataclasses.replace(filters, current=extractor))
    if not selected:
        raise EventwireError("EW504", "no stored article matches the selection", store.path)
    summary = RunSummary(files=len(selected))
    with Writer(store, summary, quarantine, progress=progress) as writer:
        own: dict[str, tuple[int, bool]] = {}

        def batches() -> Iterator[Batch]:
            for start in range(0, len(selected), settings.batch_size):
                yield [
                    _read(store, rid, aid, filters, published, own)
                    for rid, aid in selected[start : start + settings.batch_size]
                ]

        if workers > 1:
            done = WorkerPool(settings, workers).map(batches())
        else:
            from eventwire.stages import article_pipeline  # spaCy loads only when an article is read

            pipeline = article_pipeline(settings, load_knowledge())
            done = ((batch, process_batch(pipeline, batch, settings.batch_size)) for batch in batches())
        for batch, outcomes in done:
            for raw, outcome in zip(batch, outcomes, strict=True):
                _write(writer, raw, outcome, own, extractor)
        if summary.stored or summary.duplicates:
            store.remerge()
        return writer.done()


def _read(
    store: Store,
    rid: int,
    article: str,
    filters: ArticleFilter,
    published: str | None,
    own: dict[str, tuple[int, bool]],
) -> Outcome:
    """The raw article of a stored article, with `published` given where it applies, as a read outcome
    named by the article's id; `own` remembers its rid and whether its date is the input's own."""
    try:
        raw, own_date = store.stored_raw(rid)
    except EventwireError as exc:
        return Outcome(error=exc, where=article)
    if published and (not own_date or any(article.startswith(i) for i in filters.ids)):
        raw = dataclasses.replace(raw, published=published)
        own_date = False
    own[article] = (rid, own_date)
    return Outcome(item=raw, where=article)


def _write(
    writer: Writer, read: Outcome, outcome: Outcome, own: dict[str, tuple[int, bool]], extractor: str
) -> None:
    """Replace one stored article by its new extraction, or set the failure aside (it keeps what it had)."""
    summary = writer.summary
    summary.read += 1
    if outcome.ok:
        rid, own_date = own[read.where or ""]
        try:
            replaced = writer.store.replace(rid, outcome.item, Origin(read.item, own_date, extractor))
            summary.stored += replaced
            summary.duplicates += not replaced
        except EventwireError as exc:
            outcome = Outcome(error=exc)
    if not outcome.ok:
        assert outcome.error is not None
        error = EventwireError(outcome.error.code, outcome.error.reason, read.where)
        writer.fail(Outcome(error=error, where=read.where))
    summary.files_done += 1
    if writer.progress:
        writer.progress(summary)
