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


JSONS = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".json") and p.name != "schema.json")
OVERLAYS = sorted(f"{d.name}/{p.name}" for d in DATA.iterdir() if d.is_dir() and d.name.startswith("de-") for p in d.iterdir())


def _pairs_without_duplicates(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), f"duplicate keys: {sorted(k for k in keys if keys.count(k) > 1)}"
    return dict(pairs)


def _string_lists(value, where=""):
    """(where, list) for every list of strings inside a JSON value."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _string_lists(v, f"{where}/{k}")
    elif isinstance(value, list):
        if value and all(isinstance(x, str) for x in value):
            yield where, value
        for n, v in enumerate(value):
            yield from _string_lists(v, f"{where}[{n}]")


@pytest.mark.parametrize("name", JSONS + [n for n in OVERLAYS if n.endswith(".json")])
def test_json_word_lists_are_nfc_without_duplicates(name):
    text = (DATA / name).read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    data = json.loads(text, object_pairs_hook=_pairs_without_duplicates)
    for where, words in _string_lists(data):
        assert len(words) == len(set(words)), f"{name}{where}: {sorted(w for w in set(words) if words.count(w) > 1)}"


def test_every_entry_of_the_entity_words_says_what_it_is():
    data = json.loads((DATA / "words_de.json").read_text(encoding="utf-8"))
    for key, entry in data.items():
        if key.startswith("_"):
            continue
        assert entry.get("about"), key
        assert ("words" in entry) != ("pattern" in entry), key
        assert entry.get("words") or entry.get("pattern"), key


@pytest.mark.parametrize("name, section", [("words_de.json", None), ("numbers_de.json", "patterns"), ("dates_de.json", "grammar")])
def test_every_pattern_of_the_data_compiles(name, section):
    import regex

    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    if section is None:
        patterns = [e["pattern"] for e in data.values() if isinstance(e, dict) and "pattern" in e]
    elif section == "grammar":
        from kiextract.components.dates.find import _patterns

        patterns = [p.pattern for _, p, _ in _patterns()] + [data["grammar"]["parts"][k] for k in ("clock", "today_line", "place_den", "byline")]
    else:
        patterns = [v for k, v in data[section].items() if not k.startswith("_")]
    assert patterns
    for p in patterns:
        regex.compile(p)


@pytest.mark.parametrize("name", OVERLAYS)
def test_a_locales_overlay_adds_to_a_base_file_of_the_same_name(name):
    """data/de-XX/NAME adds to data/NAME: the same kind of file, its keys the base's (a JSON
    overlay may add entries inside a key, not new top-level keys the code would never read)."""
    from kiextract.locales import LOCALES

    folder, file = name.split("/")
    assert folder in LOCALES
    assert (DATA / file).is_file(), f"{name} overlays no base file"
    if file.endswith(".json"):
        base = json.loads((DATA / file).read_text(encoding="utf-8"))
        overlay = json.loads((DATA / name).read_text(encoding="utf-8"))
        assert set(overlay) - {"_comment"} <= set(base), name
