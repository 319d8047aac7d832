"""`kiextract show`: the highlighted text (pure rendering), the terminal view and the HTML pages,
the pages checked in a real browser (headless Chromium) through the DOM it builds."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kiextract.cli import app
from kiextract.pipeline import extract
from kiextract.show import describe, highlighted, html_page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def _fact(type_, text, whole, **fields):
    start = whole.index(text)
    return {"type": type_, "text": text, "start": start, "end": start + len(text), "value": fields.pop("value", text), **fields}


class Marks(HTMLParser):
    """The text under every element with a data-fact, data-of or data-mention-of attribute."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, dict]] = []
        self.found: list[tuple[dict, str]] = []  # (attributes, text inside)
        self.texts: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        self.open.append((tag, dict(attrs)))
        self.texts.append([])

    def handle_endtag(self, tag):
        while self.open:
            t, attrs = self.open.pop()
            inner = "".join(self.texts.pop())
            if self.texts:
                self.texts[-1].append(inner)
            if any(k in attrs for k in ("data-fact", "data-of", "data-mention-of")):
                self.found.append((attrs, inner))
            if t == tag:
                break

    def handle_data(self, data):
        if self.texts:
            self.texts[-1].append(data)


def marks(page: str) -> list[tuple[dict, str]]:
    parser = Marks()
    parser.feed(page)
    return parser.found


def _pieces(found, fact_id: str) -> str:
    return "".join(inner for attrs, inner in found if attrs.get("data-fact") == fact_id)


@pytest.mark.parametrize(
    "text, facts, expected",
    [
        (
            "Landrat Jan Wolf (CDU) kam.",
            lambda t: [_fact("person", "Jan Wolf", t, roles=[{"title": "Landrat", "text": "Landrat", "start": 0, "end": 7, "org": None}], party="CDU", party_span={"text": "CDU", "start": 18, "end": 21}), _fact("organization", "CDU", t)],
            {"f1": "Jan Wolf", "f2": "CDU"},
        ),
        (
            "Die Stadt Essen zahlt.",
            lambda t: [_fact("organization", "Stadt Essen", t), _fact("location", "Essen", t)],
            {"f1": "Stadt Essen", "f2": "Essen"},
        ),
        (
            "Am 10. Jan Marcell traf ihn.",
            lambda t: [_fact("date", "10. Jan", t), _fact("person", "Jan Marcell", t)],
            {"f1": "10. Jan", "f2": "Jan Marcell"},
        ),
        (
            "Der Verein <Kunst & Co> erhielt 500 Euro.",
            lambda t: [_fact("organization", "<Kunst & Co>", t), _fact("money", "500 Euro", t, value=500, unit="EUR")],
            {"f1": "<Kunst & Co>", "f2": "500 Euro"},
        ),
    ],
    ids=["person-with-role-and-party", "place-inside-organisation", "crossing-facts-split", "text-is-escaped"],
)
def test_every_fact_is_highlighted_over_exactly_its_text(text, facts, expected):
    record = {"source": "x.txt", "facts": facts(text)}
    html = highlighted(record, text)
    found = marks(f"<div>{html}</div>")
    assert {fid: _pieces(found, fid) for fid in expected} == expected
    assert "<Kunst" not in html  # the article's text is escaped
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_sub_facts_link_to_their_person():
    text = "Landrat Jan Wolf (CDU, 54) kam."
    person = _fact(
        "person", "Jan Wolf", text, roles=[{"title": "Landrat", "text": "Landrat", "start": 0, "end": 7, "org": None}],
        party="CDU", party_span={"text": "CDU", "start": 18, "end": 21}, age=54, age_span={"text": "54", "start": 23, "end": 25},
    )
    found = marks(html_page({"source": "x.txt", "facts": [person]}, text))
    subs = {(a["data-sub"], inner, a.get("href")) for a, inner in found if "data-of" in a}
    assert subs == {("role", "Landrat", "#f1"), ("party", "CDU", "#f1"), ("age", "54", "#f1")}


@pytest.mark.parametrize(
    "fact, expected",
    [
        ({"type": "money", "value": 365000, "unit": "EUR", "about": "Förderung"}, "365000 EUR · Förderung"),
        ({"type": "date", "value": "2018-04-05", "grain": "day"}, "2018-04-05 (day)"),
        ({"type": "person", "value": "Serap Güler", "roles": [{"title": "Staatssekretärin", "org": "Land NRW"}], "party": "CDU", "age": 38}, "Serap Güler · Staatssekretärin (Land NRW) · CDU · 38 Jahre"),
        ({"type": "percent", "value": 14, "about": "Wähler"}, "14 % · Wähler"),
    ],
    ids=["money-with-purpose", "date-with-grain", "person-with-role-party-age", "percent"],
)
def test_values_are_described_in_one_line(fact, expected):
    assert describe(fact) == expected


def test_show_prints_text_and_facts_without_colour_in_a_narrow_terminal(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Bürgermeisterin Anna Berg (SPD) eröffnete am 3. Mai 2019 die Kita Sonnenschein in Kleve.", encoding="utf-8")
    result = runner.invoke(app, ["show", str(article), "--model", "blank"], env={"NO_COLOR": "1", "COLUMNS": "50"})
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    assert all(len(line) <= 50 for line in result.stdout.splitlines())
    for value in ("Anna Berg", "Bürgermeisterin", "2019-05-03", "Kita Sonnenschein"):
        assert value in result.stdout


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["show", "missing.txt"], 1, "missing.txt"),
        (["show", "{seed}", "{seed2}", "--html", "{tmp}/one.html"], 2, "need a folder"),
        (["show", "{seed}", "--published", "31.02.2019"], 2, "--published"),
    ],
    ids=["missing-file", "several-articles-one-page", "bad-date"],
)
def test_show_errors_are_one_clear_line(tmp_path, args, code, message):
    seeds = sorted(SEEDS.glob("*.txt"))
    args = [a.format(seed=seeds[0], seed2=seeds[1], tmp=tmp_path) for a in args]
    result = runner.invoke(app, args + ["--model", "blank"])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_show_html_writes_a_folder_with_an_index(tmp_path):
    out = tmp_path / "pages"
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    result = runner.invoke(app, ["show", *map(str, seeds), "--html", str(out), "--model", "blank"])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == sorted(["index.html"] + [f"{s.stem}.html" for s in seeds])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{s.stem}.html"' in index for s in seeds)
    page = (out / pages[0 if pages[0] != "index.html" else 1]).read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(
    _chromium() is None and not os.environ.get("KIEXTRACT_REQUIRE_BROWSER"),
    reason="no Chromium here (.ci/run installs Debian's chromium and sets KIEXTRACT_REQUIRE_BROWSER)",
)
@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_pages_in_a_real_browser_highlight_every_fact_over_its_text(tmp_path, nlp, seed):
    browser = _chromium()
    assert browser, "KIEXTRACT_REQUIRE_BROWSER is set but no chromium is installed"
    text = (SEEDS / seed).read_text(encoding="utf-8")
    record = extract(text, source=seed, nlp=nlp).to_dict()
    page = tmp_path / "page.html"
    page.write_text(html_page(record, text), encoding="utf-8")
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    found = marks(dom)
    for k, fact in enumerate(record["facts"], 1):
        assert _pieces(found, f"f{k}") == fact["text"], json.dumps(fact, ensure_ascii=False)
    for k, fact in enumerate(record["facts"], 1):
        for role in fact.get("roles") or []:
            assert any(a.get("data-of") == f"f{k}" and a.get("data-sub") == "role" and inner == role["text"] for a, inner in found), role
        for key, sub in (("party_span", "party"), ("age_span", "age"), ("about_span", "about")):
            if fact.get(key):
                assert any(a.get("data-of") == f"f{k}" and a.get("data-sub") == sub and inner == fact[key]["text"] for a, inner in found), fact[key]
