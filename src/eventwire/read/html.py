"""HTML pages: body, title, date and URL by trafilatura; figure captions kept apart from the body."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError

from eventwire.errors import EventwireError
from eventwire.model import RawArticle, Source
from eventwire.read.decode import decode
from eventwire.read.prose import has_prose
from eventwire.settings import Settings

_CAPTION_CLASS = "contains(translate(@class, 'CAPTION', 'caption'), 'caption')"
# Figure captions, and the innermost element whose class names a caption ("wp-caption-text", "img-caption").
_CAPTIONS = f"//figcaption | //*[{_CAPTION_CLASS}][not(.//*[{_CAPTION_CLASS}])][not(ancestor::figcaption)]"
_PRUNE = ["//figure", "//figcaption", f"//*[{_CAPTION_CLASS}]"]


def read_html(
    data: bytes, path: str, settings: Settings, published: str | None = None, url: str | None = None
) -> RawArticle:
    """One article from an HTML page.

    Raises:
        EventwireError: EW108 when the page holds no article text.
    """
    source = Source(path=path, url=url, format="html")
    return html_article(decode(data, settings, path), source, settings, published)


def html_article(html: str, source: Source, settings: Settings, published: str | None = None) -> RawArticle:
    """One article from HTML text; `published` is the default when the page's metadata has no date."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=source.url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=False,
            prune_xpath=_PRUNE,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ParserError, ValueError) as exc:
        raise EventwireError("EW108", f"unparsable HTML: {exc}", source.path) from None
    if doc is None or not has_prose(doc.text or "", settings):
        raise EventwireError("EW108", "not an article: no body text found in the page", source.path)
    source.url = source.url or doc.url
    return RawArticle(
        text=doc.text,
        source=source,
        title=(doc.title or "").strip() or None,
        published=_iso_day(doc.date) or published,
        captions=figure_captions(html),
    )


def figure_captions(html: str) -> list[str]:
    """The text of every figure caption on the page, in order, without repeats."""
    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return []
    out: list[str] = []
    for el in tree.xpath(_CAPTIONS):
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text and text not in out:
            out.append(text)
    return out


def _iso_day(value: str | None) -> str | None:
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None
