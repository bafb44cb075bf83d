"""The read → pipeline loop shared by `eventwire extract` and `eventwire run`, streaming in batches.

Inputs are read lazily and cut into batches of `settings.batch_size` articles; a batch keeps the read
errors that fell among its articles in their place, so outcomes come out in input order and no more
than one batch is held in memory at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

from eventwire.knowledge import load_knowledge
from eventwire.pipeline import Outcome, Pipeline
from eventwire.read import read_inputs
from eventwire.settings import Settings

Batch = list[Outcome]
"""Read outcomes in input order: raw articles and the read errors among them."""


def read_batches(
    paths: Iterable[str],
    settings: Settings,
    published: str | None = None,
    skip: Callable[[Outcome], bool] | None = None,
) -> Iterator[Batch]:
    """Read every input and yield batches holding at most `settings.batch_size` articles each.

    Args:
        paths: files, directories, globs, or "-" for standard input.
        settings: the run's settings.
        published: the publication date for inputs that carry none.
        skip: called with each article read; True leaves it out (it was finished in an earlier run).
    """
    batch: Batch = []
    articles = 0
    for outcome in read_inputs(paths, settings, published):
        if outcome.ok and skip is not None and skip(outcome):
            continue
        batch.append(outcome)
        articles += outcome.ok
        if articles >= settings.batch_size:
            yield batch
            batch, articles = [], 0
    if batch:
        yield batch


def process_batch(pipeline: Pipeline, batch: Batch, batch_size: int) -> list[Outcome]:
    """Run a batch's articles through the pipeline; read errors pass through in their place.

    The pipeline (and spaCy) is set up only when the batch holds an article, so that a run on bad
    inputs alone reports them at once.
    """
    articles = [o.item for o in batch if o.ok]
    done = iter(pipeline.run_many(articles, batch_size) if articles else ())
    return [next(done) if o.ok else o for o in batch]


def extract(paths: list[str], settings: Settings, published: str | None = None) -> Iterator[Outcome]:
    """Read and process every input in this process, yielding one outcome per article in input order."""
    from eventwire.stages import article_pipeline  # spaCy loads only for commands that extract

    pipeline = article_pipeline(settings, load_knowledge())
    for batch in read_batches(paths, settings, published):
        yield from process_batch(pipeline, batch, settings.batch_size)


@cache
def process_pipeline(settings: Settings) -> Pipeline:
    """The article pipeline of this process, built and set up once per settings (for worker processes)."""
    from eventwire.stages import article_pipeline

    pipeline = article_pipeline(settings, load_knowledge())
    pipeline.setup()
    return pipeline
