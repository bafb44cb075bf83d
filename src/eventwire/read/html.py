"""HTML pages: body, title, date and URL by trafilatura; figure captions kept apart from the body."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError
from rapidfuzz.distance import Indel

from eventwire.clean.normalize import fold
from eventwire.errors import EventwireError
from eventwire.model import TABLE_ROW, RawArticle, Source
from eventwire.read.decode import decode
from eventwire.read.prose import has_prose
from eventwire.settings import Settings

_LOWER_CLASS = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_CLASSES = f"concat(' ', normalize-space({_LOWER_CLASS}), ' ')"
# A class word that names a caption: "caption", "wp-caption", "img-Caption", "figcaption", "caption-text",
# "wp-caption-text"; not a word that holds it inside ("theme-photo-caption-overlay", "has-captions").
_CAPTION_CLASS = " or ".join(
    f"contains({_CLASSES}, '{form}')" for form in ("caption ", " caption-", " caption_", "caption-text ")
)
_NOT_PAGE = "not(self::html or self::body or self::main or self::article)"


def _small(limit: int) -> str:
    """An XPath test: not the page itself, and less than `limit` characters of text."""
    return f"{_NOT_PAGE} and string-length(normalize-space(.)) < {limit}"


def read_html(
    data: bytes, path: str, settings: Settings, published: str | None = None, url: str | None = None
) -> RawArticle:
    """One article from an HTML page.

    Raises:
        EventwireError: EW108 when the page holds no article text.
    """
    source = Source(path=path, url=url, format="html")
    return html_article(decode(data, settings, path), source, settings, published)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return None


def _caption_limit(tree: lxml.html.HtmlElement | None, settings: Settings) -> int:
    """The text length, in characters, below which an element marked as a caption or figure is one."""
    text = " ".join(tree.text_content().split()) if tree is not None else ""
    return max(1, int(settings.caption_prune_max_share * len(text)))


def html_article(html: str, source: Source, settings: Settings, published: str | None = None) -> RawArticle:
    """One article from HTML text; `published` is the default when the page's metadata has no date.

    The text has a paragraph a line and a blank line between paragraphs. Tables are kept, a row a line as
    trafilatura prints them ("| cell | cell |"): the clean stage makes each one a `table` paragraph. A
    caption that is also the story's first line (a video's description) is left to the body.
    """
    tree = _parse(html)
    limit = _caption_limit(tree, settings)
    small = _small(limit)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=source.url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=True,
            prune_xpath=[f"//figure[{small}]", f"//figcaption[{small}]", f"//*[{_CAPTION_CLASS}][{small}]"],
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ParserError, ValueError) as exc:
        raise EventwireError("EW108", f"unparsable HTML: {exc}", source.path) from None
    if doc is None or not has_prose(doc.text or "", settings):
        raise EventwireError("EW108", "not an article: no body text found in the page", source.path)
    source.url = source.url or doc.url
    return RawArticle(
        text=_paragraphs(doc.text),
        source=source,
        title=(doc.title or "").strip() or None,
        published=_iso_day(doc.date) or published,
        captions=_not_the_lead(_captions(tree, limit), _lead(doc.text, doc.title), settings),
    )


def figure_captions(html: str, settings: Settings) -> list[str]:
    """The text of every figure caption on the page, in order, without repeats."""
    tree = _parse(html)
    return _captions(tree, _caption_limit(tree, settings))


def _captions(tree: lxml.html.HtmlElement | None, limit: int) -> list[str]:
    """Figure captions, and the innermost element whose class names a caption, under `limit` characters."""
    if tree is None:
        return []
    inner = f"//*[{_CAPTION_CLASS}][not(.//*[{_CAPTION_CLASS}])][not(ancestor::figcaption)][{_small(limit)}]"
    out: list[str] = []
    for el in tree.xpath(f"//figcaption[{_small(limit)}] | {inner}"):
        text = _spaced(el.text_content())
        if text and text not in out:
            out.append(text)
    return out


def _paragraphs(text: str) -> str:
    """trafilatura's text, a paragraph a line, with a blank line between paragraphs, so that the clean
    stage never joins two short ones as a hard-wrapped paragraph; a table's rows stay together."""
    out: list[str] = []
    row = False
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        was_row, row = row, bool(TABLE_ROW.match(line))
        if out:
            out.append("\n" if row and was_row else "\n\n")
        out.append(line)
    return "".join(out)


def _not_the_lead(captions: list[str], lead: str | None, settings: Settings) -> list[str]:
    """The captions but a copy of the story's first line (as the clean stage compares paragraphs: folded,
    near-duplicates alike): a video's description that repeats the lead is the story's, not a caption."""
    if lead is None:
        return captions
    key = fold(lead)
    return [c for c in captions if Indel.normalized_similarity(fold(c), key) < settings.near_duplicate_ratio]


def _lead(text: str, title: str | None) -> str | None:
    """The story's first line: the body's first line that is not the headline."""
    lines = [_spaced(line) for line in text.splitlines() if line.strip()]
    if lines and title and lines[0] == _spaced(title):
        lines = lines[1:]
    return lines[0] if lines else None


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _iso_day(value: str | None) -> str | None:
    return value[:10] if value and re.match(r"\d{4}-\d{2}-\d{2}", value) else None
