"""Web pages in: the article's main text and its metadata, with trafilatura and htmldate.

`page_from_html` takes the page's bytes (the charset comes from its BOM or meta tag, else
UTF-8 or Windows-1252) and returns a `Page`: the main text without navigation, teasers, ads or
comments, and the title, author, site name, canonical URL and original publication date. A page
with no main text is an `InputError` naming the file.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import InputError

HTML_START_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_WORDS = 5  # fewer words of main text: the page has none


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    author: str | None
    site: str | None
    url: str | None
    published: str | None  # YYYY-MM-DD, the original publication date


def looks_like_html(data: bytes) -> bool:
    """Does the file start like an HTML document (after a BOM, blanks and comments)?

    >>> looks_like_html(b"  <!DOCTYPE html><html>"), looks_like_html(b"Der <b>Kreis</b> zahlt.")
    (True, False)
    """
    head = data[:4096]
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):]
            if bom != codecs.BOM_UTF8:
                head = head.decode("utf-16", "ignore").encode("utf-8")
            break
    return bool(HTML_START_RE.match(head))


def decode_html(data: bytes, name: str) -> tuple[str, list[str]]:
    """The page as text: by its BOM, else its meta charset, else UTF-8, else Windows-1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace").lstrip("\ufeff"), []
    declared = META_CHARSET_RE.search(data[:8192])
    warnings = []
    if declared:
        charset = declared.group(1).decode("ascii", "ignore").lower()
        codec = _page_codec(charset)
        if codec is not None:
            charset = codec
            try:
                return data.decode(charset), []
            except (UnicodeError, LookupError, ValueError):  # a lie, or a codec that fails on these bytes
                pass
        else:
            warnings.append(f"the page declares charset {charset!r}, which is no text encoding; read as UTF-8")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace"), [*warnings, "the page's text is not UTF-8 nor in its declared charset; read as Windows-1252"]


NO_WEB_CODECS = frozenset({"undefined", "utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "mbcs", "oem"})


def _page_codec(charset: str) -> str | None:
    """The codec to read a page in that declares `charset`, or None where it names no codec a
    browser reads a page in: an unknown name, one of Python's bytes-to-bytes or text-to-text
    codecs a page may name to trip a reader ("rot13", "base64", "hex", "zlib", "uu", "quopri"),
    "undefined", "utf-7", "unicode_escape". UTF-16 or UTF-32 declared in a meta tag, which is
    ASCII itself, is read as UTF-8, as the HTML standard says (a real UTF-16 page has its BOM)."""
    try:
        info = codecs.lookup(charset)
    except (LookupError, ValueError):
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return charset if getattr(info, "_is_text_encoding", True) and info.name not in NO_WEB_CODECS else None


def page_from_html(data: bytes, name: str) -> tuple[Page, list[str]]:
    """The main text and metadata of a web page, or an InputError when it has no main text."""
    import htmldate
    import trafilatura

    html, warnings = decode_html(data, name)
    if not html.strip():
        raise InputError(name, "empty HTML page: no text")
    try:
        html = _bounded(html, warnings)
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True, deduplicate=False,
        )
    except Exception as exc:  # a page lxml cannot parse at all
        raise InputError(name, f"cannot parse the HTML ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_WORDS:  # what is left of navigation and footers ("Start A")
        raise InputError(name, "an HTML page with no main text (navigation, ads or an empty body only): nothing to extract")
    try:
        # the original date from the markup only (meta tags, JSON-LD, time elements, the URL);
        # a year in the running text ("seit 1995") is no publication date
        published = htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate gives up on broken markup
        published = None
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
        published = None
    title = _clean(getattr(doc, "title", None))
    site = _clean(getattr(doc, "sitename", None))
    if site and title and title in site:
        site = None  # "Pressemitteilung: <title>": a piece of the page title, not the site's name
    page = Page(
        text=text,
        title=title,
        author=_clean(getattr(doc, "author", None)),
        site=site,
        url=_clean(getattr(doc, "url", None)),
        published=published,
    )
    return page, warnings


# Inline elements (formatting, links) under one parent: trafilatura's work grows with the square of
# their number ("<i>x</i>" 28,000 times in one paragraph took 82 s). Past WIDE_PARENT children the
# markup of such elements is dropped (their text stays) before extraction.
INLINE_TAGS = ("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
               "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var")
WIDE_PARENT = 500
TAG_RE = re.compile(r"<[A-Za-z]")


def _bounded(html: str, warnings: list[str]) -> str:
    """The page with the inline markup of over-wide elements dropped; the page as it is where no
    element is that wide (and without parsing it where it has fewer tags than WIDE_PARENT)."""
    if len(TAG_RE.findall(html)) <= WIDE_PARENT:
        return html
    from lxml import etree
    from trafilatura import load_html

    tree = load_html(html)
    if tree is None:
        return html
    wide = [el for el in tree.iter() if len(el) > WIDE_PARENT]
    if not wide:
        return html
    for el in wide:
        etree.strip_tags(el, *INLINE_TAGS)
    warnings.append(f"{len(wide)} element(s) with more than {WIDE_PARENT:,} children: their inline markup was dropped (the text is kept) to bound the work")
    return etree.tostring(tree, encoding="unicode")  # a string: trafilatura is slow on the tree it is given


def _clean(value) -> str | None:
    if not value:
        return None
    value = " ".join(str(value).split())
    return value or None
