"""Web pages and corpora in: HTML articles with their metadata (fixtures written for these tests,
one per page shape users meet), JSON Lines corpora, and formats that are refused by their bytes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kiextract.cli import app
from kiextract.errors import InputError
from kiextract.inputs import Source, read_inputs
from kiextract.pipeline import process
from kiextract.web import decode_html, looks_like_html

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
runner = CliRunner()


def _record(nlp, name: str, **kwargs) -> dict:
    (item,) = read_inputs(Source(str(WEB / name), WEB / name), **kwargs)
    return next(iter(process(nlp, [item]))).record.to_dict()


@pytest.mark.parametrize(
    "page, title, published, author, site, present, absent",
    [
        (
            "regional.html", "Neue Kita in Kleve eröffnet", "2019-06-12", "Maria Sommer", "Kleve-Kurier",
            {"Kita Regenbogen", "1,2 Millionen Euro", "75 Kinder"},
            {"9,99 Euro", "3 Monate", "300 Einsätzen", "Feuerwehr Goch", "2015", "Hans K."},
        ),
        (
            "pressrelease.html", "Kreis fördert Radwege mit 450.000 Euro", "2021-03-15", None, None,
            {"Petra Ostwald", "450.000 Euro", "verkehr@kreis-lindental.de"},
            {"22.04.2021", "06.05.2021", "Ausschuss für Umwelt"},
        ),
        (
            "metadate.html", "Stadtrat beschließt neues Hallenbad", "2020-10-08", None, "Tageblatt Auenstadt",
            {"Klaus Reinholdt", "14 Millionen Euro"}, {"Lokales", "Tageblatt Auenstadt"},
        ),
        (
            "jsonld.html", "Brauerei Hopfenthal wird 200 Jahre alt", "2018-07-21", "Jonas Keller", "Landbote",
            {"Anna Brandl", "85 Mitarbeiter"}, {"4,90 Euro", "20.000 Besucher", "Georg Huber", "Oberdorf"},
        ),
        (
            "latin1.html", "Grüße aus München", None, None, None,
            {"Dieter Reiter", "mehr als 200 Gäste"}, {"1995-01-01"},
        ),
    ],
    ids=["regional-paper-with-teasers-ads-comments", "district-press-release-cms", "date-only-in-meta-tags", "json-ld-news-article", "meta-charset-latin-1"],
)
def test_page_shapes(nlp, page, title, published, author, site, present, absent):
    record = _record(nlp, page)
    assert (record["title"], record["published"], record["author"], record["site"]) == (title, published, author, site)
    assert record["published_from"] == ("html" if published else None)
    texts = {f["text"] for f in record["facts"]} | {str(f["value"]) for f in record["facts"]}
    assert present <= texts, sorted(texts)
    assert not any(a in t for a in absent for t in texts), sorted(texts)


def test_the_author_of_a_page_is_a_person_with_the_role_author(nlp):
    record = _record(nlp, "jsonld.html", with_text=True)
    authors = [f for f in record["facts"] if f["type"] == "person" and f["value"] == "Jonas Keller"]
    assert [r["title"] for r in authors[0]["roles"]] == ["Autor"]
    text = record["text"]
    assert all(text[f["start"]:f["end"]] == f["text"] for f in record["facts"])  # offsets refer to the extracted text


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", True),
        (b"\xef\xbb\xbf\n  <html lang='de'>", True),
        (b"<!-- gespeichert -->\n<html>", True),
        (b"Der Kreis <b>zahlt</b> 500 Euro.", False),
        (b"<Anzeige> Der Kreis zahlt.", False),
    ],
    ids=["doctype", "bom-and-blank", "comment-first", "text-with-a-tag", "angle-bracket-word"],
)
def test_html_is_told_by_its_start(data, expected):
    assert looks_like_html(data) is expected


@pytest.mark.parametrize(
    "data, text",
    [
        ('<meta charset="iso-8859-1"><p>Grüße</p>'.encode("latin-1"), "Grüße"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>„Köln“</p>".encode("cp1252"), "„Köln“"),
        ("\ufeff<p>Straße</p>".encode("utf-16"), "Straße"),
        ("<p>Düsseldorf</p>".encode("utf-8"), "Düsseldorf"),
    ],
    ids=["meta-charset", "http-equiv-charset", "utf-16-bom", "utf-8-default"],
)
def test_pages_are_decoded_by_their_charset(data, text):
    html, _ = decode_html(data, "x.html")
    assert text in html


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("bericht.pdf", b"%PDF-1.7\n1 0 obj << /Type /Page >> 12 Tf", "a PDF document"),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image"),
        ("brief.docx", b"PK\x03\x04" + b"\x14\x00" * 10, "Office document"),
        ("alt.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, "old Office document"),
        ("foto.txt", b"\xff\xd8\xff\xe0" + b"JFIF" * 4, "a JPEG image"),
        ("archiv.txt", b"\x1f\x8b\x08\x00" + b"\x00" * 8, "a gzip archive"),
    ],
    ids=["pdf", "png", "docx", "doc", "jpeg-named-txt", "gzip-named-txt"],
)
def test_other_formats_are_refused_by_their_bytes(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_inputs(Source(str(path), path))


def test_bad_pages_get_one_line_each_and_the_rest_is_processed(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("empty.html", "nomain.html", "broken.html", "latin1.html"):
        (folder / name).write_bytes((WEB / name).read_bytes())
    (folder / "bericht.txt").write_text("Landrat Tim Sauer (SPD) eröffnete am 3. Mai 2019 die Brücke.", encoding="utf-8")
    (folder / "seite.txt").write_bytes((WEB / "metadate.html").read_bytes())  # HTML by content
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    result = runner.invoke(app, ["facts", str(folder), "--format", "jsonl", "--model", "blank", "--glob", "*"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    sources = {Path(r["source"]).name: r for r in records}
    assert set(sources) == {"broken.html", "latin1.html", "bericht.txt", "seite.txt", "empty.html", "nomain.html", "scan.pdf"}
    assert [n for n, r in sorted(sources.items()) if r["error"]] == ["empty.html", "nomain.html", "scan.pdf"]  # records too, with their error
    assert sources["seite.txt"]["title"] == "Stadtrat beschließt neues Hallenbad"
    for name, message in (("empty.html", "empty HTML page"), ("nomain.html", "no main text"), ("scan.pdf", "a PDF document")):
        assert any(name in line and message in line for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.output


def test_a_huge_page_is_refused_with_a_message(tmp_path):
    page = tmp_path / "riesig.html"
    with page.open("wb") as fh:
        fh.write(b"<!DOCTYPE html><html><body>")
        chunk = b"<nav><a href='/x'>Navigation</a></nav>" * 1000
        for _ in range(560):  # about 21 MB
            fh.write(chunk)
        fh.write(b"</body></html>")
    result = runner.invoke(app, ["facts", str(page), "--model", "blank", "--format", "jsonl"])
    assert result.exit_code == 1
    assert "riesig.html" in result.stderr and "too large" in result.stderr


def _corpus(tmp_path) -> Path:
    lines = [
        json.dumps({"id": "gemeinde-1", "text": "Bürgermeisterin Eva Roth (FDP) lobte am Montag die Feuerwehr.", "published": "2021-06-14", "url": "https://example.org/1"}),
        '{"id": "kaputt", "text": "ohne Ende',
        json.dumps({"id": "seite-2", "html": (WEB / "metadate.html").read_text(encoding="utf-8")}),
        json.dumps({"text": "Der Kreis zahlt 500 Euro."}),
        json.dumps(["keine", "Objekte"]),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_lines_corpora_one_record_per_line_and_a_message_per_bad_line(tmp_path):
    result = runner.invoke(app, ["facts", str(_corpus(tmp_path)), "--format", "jsonl", "--model", "blank"])
    assert result.exit_code == 1
    everything = [json.loads(line) for line in result.stdout.splitlines()]
    corpus = tmp_path / "corpus.jsonl"
    assert [(r["source"], r["error"] is None) for r in everything] == [
        ("gemeinde-1", True), (f"{corpus}, line 2", False), ("seite-2", True), (f"{corpus}, line 4", True), (f"{corpus}, line 5", False),
    ]  # a bad line is a record with its error, in its place
    records = [r for r in everything if r["error"] is None]
    first = records[0]
    assert (first["published"], first["published_from"], first["url"]) == ("2021-06-14", "jsonl", "https://example.org/1")
    dates = [f["value"] for f in first["facts"] if f["type"] == "date"]
    assert dates == ["2021-06-14"]  # "am Montag" resolved against the record's date
    assert records[1]["title"] == "Stadtrat beschließt neues Hallenbad" and records[1]["published_from"] == "html"
    assert "corpus.jsonl, line 2: invalid JSON" in result.stderr
    assert "corpus.jsonl, line 5: expected an object" in result.stderr


def test_json_lines_from_stdin(tmp_path):
    data = _corpus(tmp_path).read_text(encoding="utf-8")
    result = runner.invoke(app, ["facts", "-", "--input-format", "jsonl", "--format", "jsonl", "--model", "blank"], input=data)
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()][:3] == ["gemeinde-1", "<stdin>, line 2", "seite-2"]


def test_with_text_puts_the_text_the_offsets_refer_to_into_the_record(tmp_path):
    result = runner.invoke(app, ["facts", str(WEB / "regional.html"), "--format", "jsonl", "--model", "blank", "--with-text"])
    record = json.loads(result.stdout)
    assert record["text"].startswith("Von Maria Sommer")
    assert all(record["text"][f["start"]:f["end"]] == f["text"] for f in record["facts"])
    plain = json.loads(runner.invoke(app, ["facts", str(WEB / "regional.html"), "--format", "jsonl", "--model", "blank"]).stdout)
    assert plain["text"] is None
