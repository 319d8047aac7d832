"""Find input files and read them into texts: discovery, decoding, and clear errors per file."""
from __future__ import annotations

import codecs
import fnmatch
import hashlib
import heapq
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator, Sequence

from .errors import InputError
from .records import (
    INPUT_FORMATS,  # noqa: F401  (re-exported: the formats read_inputs takes)
    Input,
    Published,
)
from .textutil import words_frozenset
from .web import HTML_SUFFIXES, looks_like_html, page_from_html

BINARY_SNIFF = 8192
MAX_CHARS = 5_000_000
MAX_CORPUS_BYTES = 1 << 30  # a JSON Lines corpus: 1 GiB a file (each record still within max_chars)
AND = next(iter(words_frozenset("and")))  # "Anna Berg und Jan Wolf": two authors  # the default limit of one input's length (--max-chars)


@dataclass(frozen=True)
class Source:
    """A path to read (or '-' for standard input), or an error found while looking for inputs."""

    name: str
    path: Path | None = None
    error: str | None = None

    def __post_init__(self) -> None:
        # a file name with bytes that are not UTF-8 ("caf\xe9.txt") is read by its path but named
        # with U+FFFD in records and messages, which must stay valid UTF-8
        object.__setattr__(self, "name", display_name(self.name))


def is_url(name: str) -> bool:
    """An fsspec URL such as s3://bucket/news/a.txt (not a local path, not file://)."""
    return "://" in name and not name.startswith("file://")


def display_name(name: str) -> str:
    """`name` as valid Unicode text: undecodable bytes of a file name become U+FFFD.

    >>> display_name(os.fsdecode(b"caf\\xe9.txt"))
    'caf\ufffd.txt'
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            return name.encode("utf-8", "replace").decode("utf-8")


URL_PACKAGES = {"s3": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "az": "adlfs", "abfs": "adlfs", "http": "aiohttp", "https": "aiohttp"}


def discover(paths: list[str], glob: str | Sequence[str] = "*.txt") -> Iterator[Source]:
    """Every input named by `paths`, lazily: files as given, directories walked recursively in
    sorted order for names matching any of the `glob` patterns, '-' for stdin. Problems become
    `Source(error=...)` so that the caller reports them and goes on."""
    globs = (glob,) if isinstance(glob, str) else tuple(glob)
    for raw in paths:
        if raw == "-":
            yield Source("-")
            continue
        if is_url(raw):  # object storage: read where it is processed
            yield Source(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for item in _walk(path, globs):
                found = True
                yield item
            if not found:
                wanted = " or ".join(repr(g) for g in globs)
                yield Source(raw, error=f"no files matching {wanted} in this directory; pass --glob to choose other files")
        elif path.exists():
            yield Source(raw, path)
        elif path.is_symlink():
            yield Source(raw, error=_link_problem(path))
        else:
            yield Source(raw, error="no such file or directory; check the path")


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Source]:
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Source]:
        try:
            st = folder.stat()
        except OSError as exc:
            yield Source(str(folder), error=f"cannot enter directory ({exc.strerror or exc})")
            return
        if (st.st_dev, st.st_ino) in seen:
            yield Source(str(folder), error="symbolic link loop: this directory was already visited, skipped")
            return
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Source(str(folder), error=f"cannot list directory ({exc.strerror or exc})")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False
            if is_dir:
                yield from visit(path)
            elif any(fnmatch.fnmatch(entry.name, g) for g in globs):
                if entry.is_symlink() and not path.exists():
                    yield Source(str(path), error=_link_problem(path))
                else:
                    yield Source(str(path), path)

    yield from visit(root)


def _link_problem(path: Path) -> str:
    import errno

    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself); fix or remove the link"
    return "broken symbolic link (its target does not exist); fix or remove the link"


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 with or without BOM, UTF-16 or UTF-32 by their BOM, else cp1252 with
    a warning.

    >>> decode("Güler".encode("cp1252"), "x.txt"), decode("Köln".encode("utf-16"), "x.txt")
    (('Güler', ['x.txt is not UTF-8; read as Windows-1252 (cp1252): check umlauts']), ('Köln', []))
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    codec = wide_unicode_bom(data)
    if codec is not None:
        return data.decode(codec, "replace").lstrip("\ufeff"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, [f"{source} is not UTF-8; read as Windows-1252 (cp1252): check umlauts"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{source} is not UTF-8; read as Latin-1: check umlauts"]


# Formats that are no text, by their first bytes: refused with a message, the run goes on.
MAGIC = (
    (b"%PDF-", "a PDF document", "convert it to text (pdftotext) first"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (docx, xlsx, odt)", "save it as text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (doc, xls)", "save it as text first"),
    (b"{\\rtf", "an RTF document", "save it as plain text first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "pass only articles"),
    (b"\xff\xd8\xff", "a JPEG image", "pass only articles"),
    (b"GIF87a", "a GIF image", "pass only articles"),
    (b"GIF89a", "a GIF image", "pass only articles"),
    (b"II*\x00", "a TIFF image", "pass only articles"),
    (b"MM\x00*", "a TIFF image", "pass only articles"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"\xfd7zXZ\x00", "an xz archive", "unpack it first"),
    (b"BZh", "a bzip2 archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"SQLite format 3\x00", "an SQLite database", "pass only articles"),
)
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what, todo in MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"{what}, not text or HTML; {todo}")
    if data[4:8] in (b"ftyp",) or (data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI ")):
        raise InputError(name, "an image, audio or video file, not text or HTML; pass only articles")


def looks_like_jsonl(data: bytes) -> bool:
    """Whether bytes without a telling name (standard input) are a JSON Lines corpus: the first
    line is a JSON object with "text" or "html".

    >>> looks_like_jsonl(b'{"id": "a1", "text": "Landrat Anna Meier kam."}\\n'), looks_like_jsonl(b"{Klammer} im Text")
    (True, False)
    """
    import json

    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:65536]
    if not head.startswith(b"{"):
        return False
    first = head.split(b"\n", 1)[0]
    try:
        obj = json.loads(first)
    except (ValueError, RecursionError):
        return False
    return isinstance(obj, dict) and isinstance(obj.get("text", obj.get("html")), str)


def read_inputs(
    source: Source, published: str | None = None, max_chars: int = MAX_CHARS, stdin=None,
    input_format: str = "auto", with_text: bool = False,
) -> list["Input | InputError"]:
    """The documents of one source: one for a text or a web page, one per line of a JSON Lines
    file (a line that is no valid record becomes an `InputError` in its place, naming the line).
    A source that cannot be read at all raises `InputError`."""
    suffix = source.path.suffix.lower() if source.path is not None else PurePosixPath(source.name).suffix.lower() if is_url(source.name) else ""
    name, data = _read_bytes(source, max_chars, stdin, corpus=_is_corpus(suffix, input_format))
    return inputs_from_bytes(name, data, suffix, published, max_chars, input_format, with_text)


def _is_corpus(suffix: str, input_format: str) -> bool:
    """A JSON Lines corpus, whose size limit is a corpus's, not a document's."""
    return input_format == "jsonl" or (input_format == "auto" and suffix in JSONL_SUFFIXES)


def _byte_limit(max_chars: int, corpus: bool) -> int:
    return max(MAX_CORPUS_BYTES, max_chars * 4) if corpus else max_chars * 4  # at most four bytes per character in UTF-8


def inputs_from_bytes(
    name: str, data: bytes, suffix: str = "", published: str | None = None, max_chars: int = MAX_CHARS,
    input_format: str = "auto", with_text: bool = False,
) -> list["Input | InputError"]:
    """The documents in `data` (read by `read_inputs`, or from object storage by the workers of a
    cluster run); `suffix` is the file name's extension, lower case."""
    import dataclasses

    corpus = _is_corpus(suffix, input_format)
    if len(data) > _byte_limit(max_chars, corpus):
        raise InputError(name, _file_too_large(len(data), max_chars, corpus))
    _refuse_binary(data, name)
    fmt = input_format if input_format != "auto" else (
        "jsonl" if suffix in JSONL_SUFFIXES or (not suffix and looks_like_jsonl(data))
        else "html" if suffix in HTML_SUFFIXES or looks_like_html(data) else "text"
    )
    if fmt == "jsonl":
        return list(_jsonl_inputs(data, name, published, max_chars, with_text))
    if fmt == "html":
        return [_html_input(data, name, published, max_chars, with_text)]
    item = _text_input(data, name, published, max_chars)
    return [dataclasses.replace(item, with_text=with_text)]


def read_input(source: Source, published: str | None = None, max_chars: int = MAX_CHARS, stdin=None) -> Input:
    """Read one source into an `Input`, or raise `InputError` saying what is wrong and what to do."""
    items = read_inputs(source, published=published, max_chars=max_chars, stdin=stdin)
    if len(items) != 1:
        raise InputError(source.name, f"holds {len(items)} documents; read it with read_inputs")
    if isinstance(items[0], InputError):
        raise items[0]
    return items[0]


def _read_bytes(source: Source, max_chars: int, stdin=None, corpus: bool = False) -> tuple[str, bytes]:
    """The source's name and bytes, bounded by the limit (a document's, or a JSON Lines
    corpus's); an `InputError` says what is wrong."""
    if source.error:
        raise InputError(source.name, source.error)
    try:
        limit = _byte_limit(max_chars, corpus)
        if source.name == "-":
            data = (stdin or sys.stdin.buffer).read(limit + 1)  # never more than the limit
            name = "<stdin>"
            if len(data) > limit:
                raise InputError(name, _file_too_large(len(data), max_chars, corpus, "bytes or more"))
        elif is_url(source.name):  # object storage (s3://…), read by the worker that processes it
            try:
                import fsspec

                with fsspec.open(source.name, "rb") as fh:
                    data = fh.read(limit + 1)
            except ImportError as exc:  # fsspec, or its filesystem (s3fs, gcsfs), is not installed
                scheme = source.name.split("://", 1)[0]
                raise InputError(source.name, f"reading {scheme}:// needs a package that is not installed ({exc}); "
                                              f"pip install 'kiextract[cluster]' {URL_PACKAGES.get(scheme, '')}".rstrip()) from None
            name = source.name
        else:
            assert source.path is not None
            st = source.path.stat()
            if stat.S_ISDIR(st.st_mode):
                raise InputError(source.name, "is a directory")
            if not stat.S_ISREG(st.st_mode):
                raise InputError(source.name, "not a regular file (a FIFO, device or socket), skipped; pass only text files")
            if st.st_size > limit:
                raise InputError(source.name, _file_too_large(st.st_size, max_chars, corpus))
            with source.path.open("rb") as fh:
                data = fh.read(limit + 1)  # a file that grows while it is read is still bounded
            if len(data) > limit:
                raise InputError(source.name, _file_too_large(len(data), max_chars, corpus, "bytes or more"))
            name = source.name
    except InputError:
        raise
    except PermissionError:
        raise InputError(source.name, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(source.name, f"cannot read ({exc.strerror or exc})") from None
    return name, data


def wide_unicode_bom(data: bytes) -> str | None:
    """The codec a UTF-32 or UTF-16 byte-order mark names ("utf-32", "utf-16"), or None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _text_input(data: bytes, name: str, published: str | None, max_chars: int) -> Input:
    if b"\x00" in data[:BINARY_SNIFF] and wide_unicode_bom(data) is None:  # a BOM says what the NUL bytes are
        raise InputError(name, "looks like a binary file (it contains NUL bytes), not text; pass only .txt articles")
    text, warnings = decode(data, name)
    if len(text) > max_chars:
        raise InputError(name, _too_large(len(text), max_chars, unit="characters"))
    if not text.strip():
        warnings.append(f"{name} is empty: no facts")
    return Input(
        text=text,
        source=name,
        sha256=hashlib.sha256(data).hexdigest(),
        published=_flag(published),
        warnings=tuple(warnings),
    )


def _flag(published: str | None) -> Published | None:
    return Published(published, "--published") if published else None


def _file_too_large(size: int, max_chars: int, corpus: bool, unit: str = "bytes") -> str:
    if corpus:
        return f"a JSON Lines corpus too large ({size:,} {unit}; the limit is {_byte_limit(max_chars, corpus):,} bytes a file). Split it into several files"
    return _too_large(size, max_chars, unit)


def _too_large(size: int, limit: int, unit: str = "bytes") -> str:
    return (
        f"too large ({size:,} {unit}; the limit is {limit:,} characters). "
        f"Split it into articles, or raise the limit with --max-chars"
    )


def _html_input(data: bytes, name: str, published: str | None, max_chars: int, with_text: bool) -> Input:
    """A web page as an Input: its main text (offsets refer to it), its metadata beside it; the
    author, when the main text does not name them, as a byline "Von …" above the text."""
    page, warnings = page_from_html(data, name)
    text = page.text
    if page.author:
        authors = [a.strip() for a in page.author.replace(f" {AND} ", ";").split(";") if a.strip()]
        missing = [a for a in authors if a.split()[-1] not in text]
        if missing:
            text = "".join(f"Von {a}\n" for a in missing) + "\n" + text
    if len(text) > max_chars:
        raise InputError(name, _too_large(len(text), max_chars, unit="characters of main text"))
    return Input(
        text=text, source=name, sha256=hashlib.sha256(data).hexdigest(),
        published=Published.first(_flag(published), Published(page.published, "html") if page.published else None),
        title=page.title, author=page.author, site=page.site, url=page.url, origin="html",
        warnings=tuple(warnings), with_text=with_text,
    )


def _utf8_lines(data: bytes) -> tuple[list[str], list[tuple[int, str]]]:
    """The lines of a JSON Lines corpus, each decoded alone (JSON is UTF-8): a line with an invalid
    byte is blank among them and named in the problems, (line number, what is wrong), so that it
    costs its own record only. Lines end at newlines only (a U+2028 inside a string is text)."""
    raw = data.split(b"\n")
    if raw and raw[0].startswith(codecs.BOM_UTF8):
        raw[0] = raw[0][len(codecs.BOM_UTF8):]
    lines, problems = [], []
    for n, line in enumerate(raw, 1):
        try:
            lines.append(line.removesuffix(b"\r").decode("utf-8"))
        except UnicodeDecodeError as exc:
            lines.append("")
            problems.append((n, f"not UTF-8 (an invalid byte at column {exc.start + 1})"))
    return lines, problems


def _jsonl_inputs(data: bytes, name: str, published: str | None, max_chars: int, with_text: bool):
    """One Input (or InputError) per line of a JSON Lines corpus: objects with `text` or `html`,
    optional `id` (names the document), `url`, `published` (YYYY-MM-DD), `title`, `author`."""
    from .components.dates.resolve import parse_published_option
    from .textutil import json_lines

    lines, problems = _utf8_lines(data)
    for n, obj, problem in heapq.merge(json_lines(lines), ((n, None, p) for n, p in problems)):
        where = f"{name}, line {n}"
        if problem:
            yield InputError(where, f"{problem}; the other lines are read")
            continue
        line = lines[n - 1]
        if not isinstance(obj, dict) or not isinstance(obj.get("text", obj.get("html")), str):
            yield InputError(where, 'expected an object with "text" or "html", like {"id": "a1", "text": "…"}')
            continue
        doc_id = obj.get("id")
        doc_name = display_name(str(doc_id)) if doc_id not in (None, "") else where
        hint = obj.get("published")
        if hint is not None:
            parsed = parse_published_option(str(hint))
            if parsed is None:
                yield InputError(where, f"published {hint!r} is not a date; use YYYY-MM-DD")
                continue
            hint = parsed
        raw = obj["html"].encode("utf-8") if "text" not in obj else None
        try:
            if raw is not None:
                item = _html_input(raw, doc_name, published, max_chars, with_text)
            else:
                body = obj["text"]
                if len(body) > max_chars:
                    raise InputError(doc_name, _too_large(len(body), max_chars, unit="characters"))
                item = Input(
                    text=body, source=doc_name, sha256=hashlib.sha256(line.encode("utf-8", "surrogatepass")).hexdigest(),
                    published=_flag(published), origin="jsonl", with_text=with_text,
                    warnings=(f"{doc_name} is empty: no facts",) if not body.strip() else (),
                )
        except InputError as exc:
            yield exc
            continue
        import dataclasses

        yield dataclasses.replace(
            item,
            published=Published.first(item.published, Published(hint, "jsonl") if hint else None),
            url=obj.get("url") if isinstance(obj.get("url"), str) else item.url,
            title=obj.get("title") if isinstance(obj.get("title"), str) else item.title,
            author=obj.get("author") if isinstance(obj.get("author"), str) else item.author,
            origin="jsonl",
        )
