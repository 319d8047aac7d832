"""See the facts in their article: a terminal view (Rich) and self-contained HTML pages.

Pure rendering: each function takes a record (`Document.to_dict()`) and the text its offsets refer
to, and returns or prints the view; reading files and running the pipeline is the CLI's business.
Every fact becomes one highlighted element over exactly its text (two where it crosses another
fact, with the same `data-fact`); its sub-facts (a person's roles, party and age; money's and
percents' purpose) are elements linked to it, and its other mentions are marked too.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from .kinds import BY_NAME, KINDS
from .textutil import printable, printable_with_offsets

# One colour per fact type, from its declaration: (terminal style, HTML background). Terminal
# styles underline too, so that the highlights stay visible with NO_COLOR.
TYPE_STYLES: dict[str, tuple[str, str]] = {k.name: (k.style, k.colour) for k in KINDS}
TYPE_NAMES = {k.name: k.label for k in KINDS}
SUB_NAMES = {"role": "Rolle", "party": "Partei", "age": "Alter", "about": "Zweck"}


def describe(fact: dict, language: str = "en") -> str:
    """The normalised value and what goes with it, in one line, as its kind describes it:
    "Serap Güler · Staatssekretärin (Land NRW) · CDU · 38 Jahre", "365000 EUR · Förderung",
    "2018-04-05 (day)", "unresolved (day) · since"; in German ("de", the HTML page) the
    qualifier, modifier and grain read "seit", "mehr als", "nicht aufgelöst (Tag)".

    >>> describe({"type": "date", "value": None, "grain": "day", "modifier": "since"}), describe({"type": "quantity", "value": 300, "unit": "Gast", "qualifier": "more_than"}, "de")
    ('unresolved (day) · since', '300 Gast · mehr als')
    """
    kind = BY_NAME.get(fact.get("type"))
    words = _labels(language)
    if fact.get("type") == "date":  # the kind's own description, with the view's words for an unresolved value and the grain
        grain = fact.get("grain")
        fact = {**fact, "value": words["unresolved"] if fact.get("value") is None else fact["value"], "grain": words.get(grain, grain)}
    parts = kind.details(fact) if kind is not None else [str(fact.get("value"))]
    qualifier = fact.get("qualifier") or fact.get("modifier")
    if qualifier:
        parts.append(words.get(qualifier, str(qualifier).replace("_", " ")))
    return " · ".join(p for p in parts if p)


def _labels(language: str) -> dict[str, str]:
    """The words of a view: English as the values are named ("more than", "unresolved"), or the
    German of words_de.json show_labels."""
    if language == "de":
        from .textutil import load_json

        return load_json("words_de.json")["show_labels"]["words"]
    return {"unresolved": "unresolved"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "fact", "mention" or "sub"
    type: str  # the fact type; for a sub-fact its kind (role, party, age, about)
    fact_id: str
    title: str

    def sort_key(self) -> tuple:
        # longer spans outside shorter ones; at equal extent a fact outside its mention or sub-fact
        return (self.start, -self.end, {"fact": 0, "sub": 1, "mention": 2}[self.kind])


def spans(record: dict, text: str) -> list[Span]:
    """Every fact, mention and sub-fact of the record that lies inside `text`, as a Span."""
    out: list[Span] = []
    n = len(text)

    def ok(s, e) -> bool:
        return isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n

    for k, fact in enumerate(record.get("facts", [])):
        fid = f"f{k + 1}"
        label = f"{TYPE_NAMES.get(fact['type'], fact['type'])}: {describe(fact, 'de')}"
        if ok(fact["start"], fact["end"]):
            out.append(Span(fact["start"], fact["end"], "fact", fact["type"], fid, label))
        for m in fact.get("mentions") or []:
            if ok(m["start"], m["end"]) and (m["start"], m["end"]) != (fact["start"], fact["end"]):
                out.append(Span(m["start"], m["end"], "mention", fact["type"], fid, label))
        for r in fact.get("roles") or []:
            if ok(r.get("start"), r.get("end")):
                out.append(Span(r["start"], r["end"], "sub", "role", fid, f"Rolle von {fact['value']}: {r['title']}"))
        for key, kind in (("party_span", "party"), ("age_span", "age"), ("about_span", "about")):
            where = fact.get(key)
            if where and ok(where.get("start"), where.get("end")):
                value = fact.get({"party_span": "party", "age_span": "age", "about_span": "about"}[key])
                out.append(Span(where["start"], where["end"], "sub", kind, fid, f"{SUB_NAMES[kind]} von {fact['text']}: {value}"))
    return sorted(out, key=Span.sort_key)


def _segments(items: list[Span], n: int):
    """(start, end, covering spans in nesting order) for each stretch of text between boundaries."""
    points = sorted({0, n, *(s.start for s in items), *(s.end for s in items)})
    starts = sorted(items, key=Span.sort_key)
    active: list[Span] = []
    i = 0
    for p, q in zip(points, points[1:]):
        active = [s for s in active if s.end > p]
        while i < len(starts) and starts[i].start <= p:
            if starts[i].end > p:
                active.append(starts[i])
            i += 1
        yield p, q, sorted(active, key=Span.sort_key)


# -- HTML ---------------------------------------------------------------------------------------

CSS = """
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fff}
header{padding:1rem 1.5rem;border-bottom:1px solid #ddd}
header h1{font-size:1.3rem;margin:0 0 .3rem}
header p{margin:.1rem 0;color:#555;font-size:.9rem}
.layout{display:flex;flex-wrap:wrap;gap:1.5rem;padding:1rem 1.5rem}
.ki-text{flex:3 1 30rem;white-space:pre-wrap;max-width:48rem}
aside{flex:1 1 18rem;font-size:.9rem}
aside ol{padding-left:1.4rem}
aside li{margin:.2rem 0}
.legend span{display:inline-block;margin:.1rem .3rem .1rem 0;padding:0 .4rem;border-radius:.2rem}
mark.ki{border-radius:.2rem;padding:0 .1rem;color:inherit}
mark.ki-mention{opacity:.75;border-bottom:1px dashed #555}
.ki-sub{text-decoration:underline dotted 2px;text-underline-offset:3px;color:inherit}
.ki-sub-role{text-decoration-color:#8a2a85}
.ki-sub-party{text-decoration-color:#1f4f9a}
.ki-sub-age{text-decoration-color:#555}
.ki-sub-about{text-decoration-color:#a3261b}
:target{outline:2px solid #333}
table{border-collapse:collapse}
td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left}
""" + "".join(f"mark.ki-{t},.legend .ki-{t}{{background:{bg}}}\n" for t, (_, bg) in TYPE_STYLES.items())


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _open(span: Span, first: bool, in_link: bool) -> tuple[str, str]:
    """The opening and closing tag of one piece of a span."""
    if span.kind == "sub":
        # a sub-fact links to its fact; a link inside a link is not HTML, so an inner one is a span
        tag = "span" if in_link else "a"
        href = "" if in_link else f' href="#{span.fact_id}"'
        return (
            f'<{tag} class="ki-sub ki-sub-{span.type}"{href} data-of="{span.fact_id}" data-sub="{span.type}" title="{_attr(span.title)}">',
            f"</{tag}>",
        )
    classes = f"ki ki-{span.type}" + (" ki-mention" if span.kind == "mention" else "")
    data = f'data-fact="{span.fact_id}"' if span.kind == "fact" else f'data-mention-of="{span.fact_id}"'
    ident = f' id="{span.fact_id}"' if span.kind == "fact" and first else ""
    return f'<mark class="{classes}"{ident} {data} data-type="{span.type}" title="{_attr(span.title)}">', "</mark>"


def highlighted(record: dict, text: str) -> str:
    """The text as HTML, every span an element; spans that cross are split into pieces."""
    items = spans(record, text)
    out: list[str] = []
    stack: list[tuple[Span, str]] = []  # open spans and their closing tags
    opened: set[tuple] = set()
    for p, q, active in _segments(items, len(text)):
        k = 0
        while k < len(stack) and k < len(active) and stack[k][0] is active[k]:
            k += 1
        for _, close in reversed(stack[k:]):
            out.append(close)
        del stack[k:]
        for span in active[k:]:
            in_link = any(close == "</a>" for _, close in stack)
            key = (span.start, span.end, span.kind, span.type, span.fact_id)
            open_tag, close_tag = _open(span, key not in opened, in_link)
            opened.add(key)
            out.append(open_tag)
            stack.append((span, close_tag))
        out.append(html.escape(text[p:q], quote=False))
    for _, close in reversed(stack):
        out.append(close)
    return "".join(out)


def _fact_list(record: dict) -> str:
    rows = []
    for k, fact in enumerate(record.get("facts", [])):
        fid = f"f{k + 1}"
        rows.append(
            f'<li class="ki-item ki-item-{_attr(fact["type"])}"><a href="#{fid}">{html.escape(fact["text"])}</a>'
            f' <small>{html.escape(TYPE_NAMES.get(fact["type"], fact["type"]))}</small> → {html.escape(describe(fact, "de"))}</li>'
        )
    return "<ol>" + "".join(rows) + "</ol>" if rows else "<p>Keine Fakten.</p>"


def _legend(record: dict) -> str:
    present = [t for t in TYPE_STYLES if any(f["type"] == t for f in record.get("facts", []))]
    return '<p class="legend">' + "".join(f'<span class="ki-{t}">{TYPE_NAMES[t]}</span>' for t in present) + "</p>"


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def html_page(record: dict, text: str, back: str | None = None) -> str:
    """One self-contained page (inline CSS, no script, no network): the article with its facts
    highlighted and the list of facts beside it."""
    title = record.get("title") or record.get("source") or "Artikel"
    meta = [f"Quelle: {html.escape(str(record.get('source')))}"]
    if record.get("published"):
        meta.append(f"veröffentlicht: {html.escape(str(record['published']))}")
    meta.append(f"{len(record.get('facts', []))} Fakten")
    if record.get("error"):
        meta.append(f"Fehler: {html.escape(str(record['error']))}")
    nav = f'<p><a href="{_attr(back)}">← alle Artikel</a></p>' if back else ""
    body = (
        f"<header>{nav}<h1>{html.escape(str(title))}</h1><p>{' · '.join(meta)}</p>{_legend(record)}</header>\n"
        f'<div class="layout"><article class="ki-text">{highlighted(record, text)}</article>\n'
        f"<aside><h2>Fakten</h2>{_fact_list(record)}</aside></div>"
    )
    return _page(str(title), body)


def index_page(entries: list[tuple[str, dict]]) -> str:
    """The index of a folder of pages: (file name, record) per article, with counts by type."""
    rows = []
    for name, record in entries:
        counts = {}
        for f in record.get("facts", []):
            counts[f["type"]] = counts.get(f["type"], 0) + 1
        summary = ", ".join(f"{n} {TYPE_NAMES.get(t, t)}" for t, n in counts.items()) or "keine Fakten"
        label = record.get("title") or record.get("source")
        rows.append(f'<tr><td><a href="{_attr(name)}">{html.escape(str(label))}</a></td><td>{html.escape(summary)}</td></tr>')
    body = (
        f"<header><h1>kiextract: {len(entries)} Artikel</h1></header>\n"
        f'<div class="layout"><table><tr><th>Artikel</th><th>Fakten</th></tr>{"".join(rows)}</table></div>'
    )
    return _page("kiextract", body)


# -- terminal -----------------------------------------------------------------------------------

def print_terminal(console, record: dict, text: str) -> None:
    """The article with its facts highlighted by type, a legend, and a table of the facts."""
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    title = record.get("title") or record.get("source")
    console.print(Rule(Text(printable(str(title)), style="bold"), style="dim"))
    meta = [f"source: {record.get('source')}"]
    if record.get("published"):
        meta.append(f"published: {record['published']}")
    if record.get("error"):
        meta.append(f"error: {record['error']}")
    console.print(Text(printable(" · ".join(meta)), style="dim"))
    shown, where = printable_with_offsets(text)  # escape sequences in an article are shown, never run
    body = Text(shown)
    for k, fact in enumerate(record.get("facts", [])):
        if 0 <= fact["start"] < fact["end"] <= len(text):
            body.stylize(TYPE_STYLES.get(fact["type"], ("bold underline", ""))[0], where[fact["start"]], where[fact["end"]])
    legend = Text("legend: ")
    for t, (style, _) in TYPE_STYLES.items():
        if any(f["type"] == t for f in record.get("facts", [])):
            legend.append(t, style=style)
            legend.append(" ")
    console.print(legend)
    console.print(body)
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("text", overflow="fold")
    table.add_column("value", overflow="fold")
    for k, fact in enumerate(record.get("facts", []), 1):
        style = TYPE_STYLES.get(fact["type"], ("", ""))[0]
        table.add_row(str(k), Text(fact["type"], style=style), Text(printable(fact["text"])), Text(printable(describe(fact))))
    console.print(table)
