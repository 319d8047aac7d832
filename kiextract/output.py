"""Output formats: one writer per format, each streaming one document at a time."""
from __future__ import annotations

import csv
import json
from pathlib import PurePath
from typing import IO, Any

from .records import ALL_FIELDS, SCALAR_FIELDS
from .textutil import printable

# The one list of output formats (the CLI's --format choices come from it).
FORMATS = ("table", "json", "jsonl", "csv", "parquet")  # parquet: a folder of parts (parquet.py)
# The format a file name asks for when --format is not given; any other ending gets JSON Lines.
EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "table"}

# One row per fact: the document's source, the fields every fact has, every type's scalar fields,
# then the nested ones flattened (roles, mentions, sub-fact offsets).
CSV_COLUMNS = (
    "source", "type", "value", "text", "start", "end",
    *SCALAR_FIELDS, *(f for f in ALL_FIELDS if f not in SCALAR_FIELDS),
)


# Cells a spreadsheet reads as a formula (OWASP, "CSV Injection"): a quote in front defuses them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
def csv_safe(cell: str) -> str:
    """A text cell a spreadsheet will not run: "+49221…", "=HYPERLINK(…)" get a quote in front.

    >>> csv_safe("+492241133066"), csv_safe("=1+1"), csv_safe("Heinsberg")
    ("'+492241133066", "'=1+1", 'Heinsberg')
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def format_for(path: str | PurePath) -> str | None:
    """The output format a file's name asks for: JSON Lines without an extension, None for an
    extension kiextract cannot write (".xlsx", ".parquet": a folder with --format parquet).

    >>> format_for("facts.csv"), format_for("out/FACTS.JSON"), format_for("facts"), format_for("facts.xlsx")
    ('csv', 'json', 'jsonl', None)
    """
    suffix = PurePath(path).suffix.lower()
    return EXTENSIONS.get(suffix) if suffix else "jsonl"


# Characters that are no JSON escape but that some readers take for a line break (Python's
# str.splitlines, JavaScript before ES2019): written escaped, one record stays one line for all.
LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dumps(doc: dict[str, Any]) -> str:
    """One record as one line of JSON.

    >>> _dumps({"source": "a\u2028b"})
    '{"source": "a\\\\u2028b"}'
    """
    return json.dumps(doc, ensure_ascii=False).translate(LINE_BREAKS)


class JsonlWriter:
    """One JSON document per line, flushed as each is done (safe for `| jq` and Ctrl-C)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, doc: dict[str, Any]) -> None:
        self.out.write(_dumps(doc) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """One JSON array of documents; closed properly even when the run is interrupted."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.count = 0
        self.out.write("[")

    def write(self, doc: dict[str, Any]) -> None:
        self.out.write(("\n" if self.count == 0 else ",\n") + json.dumps(doc, ensure_ascii=False, indent=2))
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_roles(roles: list[dict] | None) -> str:
    """Roles as one readable cell: 'Landrat (Landrat des Kreises X) @Kreis X | ...'."""
    parts = []
    for r in roles or []:
        s = r.get("title") or ""
        if r.get("text") and r["text"] != s:
            s += f" ({r['text']})"
        if r.get("org"):
            s += f" @{r['org']}"
        parts.append(s)
    return " | ".join(parts)


class CsvWriter:
    """One row per fact, with the document's source; nested fields flattened readably. Text
    cells that a spreadsheet would take for a formula get a quote in front (`raw=True` keeps them
    as they are); numbers stay numbers."""

    def __init__(self, out: IO[str], raw: bool = False) -> None:
        self.out = out
        self.raw = raw
        self.writer = csv.writer(out, lineterminator="\n")
        # the csv module quotes a cell with the line terminator ("\n") but not one with a lone
        # carriage return, which splits the row for most readers: such a row is quoted whole
        self.quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.writer.writerow(CSV_COLUMNS)

    def write(self, doc: dict[str, Any]) -> None:
        for fact in doc["facts"]:
            row = [self._cell(doc, fact, col) for col in CSV_COLUMNS]
            (self.quoted if any("\r" in cell for cell in row) else self.writer).writerow(row)
        self.out.flush()

    def _cell(self, doc: dict[str, Any], fact: dict[str, Any], col: str) -> str:
        value = doc["source"] if col == "source" else fact.get(col)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _flat(value)  # a number is never a formula ("-5")
        if col == "roles":
            cell = render_roles(value)
        elif col == "mentions":
            cell = " | ".join(m["text"] for m in value or [])
        elif col.endswith("_span"):
            cell = f"{value['start']}-{value['end']}" if value else ""
        else:
            cell = _flat(value)
        return cell if self.raw else csv_safe(cell)

    def close(self) -> None:
        self.out.flush()


def fact_details(fact: dict[str, Any]) -> str:
    """The type-specific fields of a fact as one short line for the table."""
    skip = {"type", "text", "start", "end", "value", "mentions", "roles"}
    parts = [f"{k}={_flat(v)}" for k, v in fact.items() if k not in skip and not k.endswith("_span") and v not in (None, False, [], "")]
    if fact.get("roles"):
        parts.insert(0, render_roles(fact["roles"]))
    if fact.get("mentions") and len(fact["mentions"]) > 1:
        parts.append(f"{len(fact['mentions'])} mentions")
    return "; ".join(parts)


def pipe_console(**kwargs):
    """A rich Console for data on standard output whose closed pipe (`| head -1`) is a
    BrokenPipeError, which the commands end quietly with exit 0 as for JSON Lines (rich's own
    Console exits with 1 there)."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return PipeConsole(**kwargs)


class TableWriter:
    """Rich tables: a section per document, a row per fact; readable at 100 columns."""

    def __init__(self, out: IO[str], width: int | None = None) -> None:
        self.console = pipe_console(file=out, width=width, highlight=False, soft_wrap=False)

    def write(self, doc: dict[str, Any]) -> None:
        from rich.markup import escape
        from rich.table import Table

        title = f"{doc['source']}"
        if doc.get("title"):
            title += f" — {doc['title']}"
        meta = f"published {doc.get('published') or 'unknown'} · {doc['chars']:,} characters · {len(doc['facts'])} facts"
        table = Table(title=escape(printable(title)), caption=escape(meta), expand=False, show_lines=False)
        table.add_column("type", no_wrap=True)
        table.add_column("value", overflow="fold")
        table.add_column("text", overflow="fold")
        table.add_column("details", overflow="fold")
        if doc.get("error"):
            self.console.print(f"[red]failed:[/] {escape(printable(doc['source']))}: {escape(printable(doc['error']))}")
            return
        for fact in doc["facts"]:
            table.add_row(
                fact["type"],
                escape(printable(_flat(fact["value"]))),
                escape(printable(fact["text"])),
                escape(printable(fact_details(fact))),
            )
        self.console.print(table)
        for w in doc.get("warnings", []):
            self.console.print(f"[yellow]warning:[/] {escape(printable(w))}")

    def close(self) -> None:
        pass


def make_writer(fmt: str, out: IO[str], width: int | None = None, csv_raw: bool = False):
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "json":
        return JsonWriter(out)
    if fmt == "csv":
        return CsvWriter(out, raw=csv_raw)
    if fmt == "table":
        return TableWriter(out, width=width)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
