"""Articles: list, read one (the full document), and ingest one (`POST /articles`, with the token)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from eventwire.api.auth import require_token
from eventwire.api.params import Page, PageQuery, Reader
from eventwire.read.jsonl import record_article

router = APIRouter(tags=["articles"])


class ArticleIn(BaseModel):
    """One article as a JSON Lines input record: `text` or `html`, and optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page (the text is extracted)")
    title: str | None = Field(None, description="the headline, when the text lacks it or truncates it")
    url: str | None = Field(None, description="where the article was published")
    published: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}", description="publication day, YYYY-MM-DD"
    )
    id: str | None = Field(None, description="the record's own id in the caller's system")


@router.get("/articles", response_model=Page)
def list_articles(
    store: Reader,
    page: PageQuery,
    q: Annotated[str | None, Query(description="words that must all occur in the title or text")] = None,
) -> dict[str, Any]:
    """Article summaries (id, title, published, source, event and flag counts), newest or best first."""
    q = q if q and q.strip() else None
    return page.page(store.articles(page.limit, page.offset, q), store.count_articles(q))


@router.get("/articles/{article_id}")
def get_article(store: Reader, article_id: str) -> dict[str, Any]:
    """The full `eventwire.document/1` object of one article, cleaned text included."""
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.post("/articles", status_code=201, dependencies=[Depends(require_token)])
def post_article(request: Request, response: Response, record: ArticleIn) -> dict[str, Any]:
    """Extract events from one article and store it (201; 200 when it was already stored).

    Needs the Bearer token the server was started with; the API is read-only without one.
    """
    if record.text is None and record.html is None:
        raise HTTPException(400, 'give the article as "text" or "html"')
    raw = record_article(record.model_dump_json(exclude_none=True), "api", 1, request.app.state.db.settings)
    article, created = request.app.state.db.ingest(raw)
    if not created:
        response.status_code = 200
    response.headers["Location"] = f"/articles/{article.id}"
    return {
        "id": article.id,
        "created": created,
        "title": article.title,
        "published": article.published,
        "events": len(article.events),
        "flags": len(article.flags),
    }
