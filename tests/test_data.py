"""Every packaged data file loads, is NFC, sorted and free of duplicates (dateparser's integrity test)."""
import json
import unicodedata

import pytest

from kiextract.textutil import DATA

LISTS = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".txt", ".tsv")))


@pytest.mark.parametrize("name", LISTS)
def test_data_file_is_sorted_nfc_without_duplicates(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    if name.endswith(".tsv"):
        header, rows = rows[0], rows[1:]
        width = len(header.split("\t"))
        assert all(len(r.split("\t")) == width for r in rows), name
    assert rows == sorted(rows), name
    assert len(rows) == len(set(rows)), name
    assert rows


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.name.endswith(".json")))
def test_json_data_loads(name):
    assert json.loads((DATA / name).read_text(encoding="utf-8"))


def test_sources_names_every_data_file():
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for name in LISTS + sorted(p.name for p in DATA.iterdir() if p.name.endswith(".json")):
        assert name in sources, name
