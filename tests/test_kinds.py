"""The kiextract/5 contract: every seed validates against the shipped JSON Schema, every fact's
text is the source at its offsets, and arbitrary input never breaks either."""
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from kiextract.pipeline import extract
from kiextract.textutil import data_path


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(data_path("schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_seed_validates_against_the_schema(seed_records, validator):
    assert len(seed_records) == 5
    for record in seed_records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], record["source"]


def test_schema_rejects_a_broken_record(seed_records, validator):
    broken = json.loads(json.dumps(seed_records[0]))
    broken["facts"][0]["value"] = {"not": "allowed"}
    broken["facts"][0]["extra"] = 1
    assert list(validator.iter_errors(broken))


def test_every_fact_text_is_the_source_at_its_offsets(seed_records):
    for record in seed_records:
        text = (SEEDS / record["source"].split("/")[-1]).read_text(encoding="utf-8")
        starts = [f["start"] for f in record["facts"]]
        assert starts == sorted(starts)
        for f in record["facts"]:
            assert text[f["start"]:f["end"]] == f["text"]
            for m in f.get("mentions") or []:
                assert text[m["start"]:m["end"]] == m["text"]


def test_sha256_is_of_the_raw_bytes(seed_records):
    import hashlib

    for record in seed_records:
        raw = (SEEDS / record["source"].split("/")[-1]).read_bytes()
        assert record["sha256"] == hashlib.sha256(raw).hexdigest()


GERMANISH = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789 .,:;-–/()€%@\n„“")) | st.characters(),
    max_size=300,
)
FRAGMENTS = st.lists(
    st.sampled_from([
        "Landrat ", "Stephan Pusch", " (CDU)", ", ", "365.000 Euro", " am Mittwoch", "14.08.2017", "Foto: ",
        "mehr als 300 ", "Kooperationspartner", "Kreis Heinsberg", " des Kommunalen Integrationszentrums (KI)",
        "Tel. 0 22 41/13 30 66", "\nAnzeige\n", "jeder sechste Bürger", "Von ", " und ", "zwei Dutzend", "\n",
        "Bürgermeisterin ", "Anna Berg", " (38)", "der 54-jährige ", "SPD-Landrat ", "eine Förderung von ",
        " für Personal", "14 Prozent der Bevölkerung", " (²)", " (①)", "Ein Landrat fehlte. ",
    ]),
    max_size=25,
).map("".join)


# Crafted shapes that once crashed or stalled a stage: superscripts and circled digits in
# brackets, huge digit runs, lone surrogates, runs of one punctuation mark, repeated number words.
CRAFTED = st.lists(
    st.one_of(
        st.sampled_from(["(²)", "(①)", "(³⁴)", "\ud800", "\udfff", "Landrat Anna Meier ", " Euro", " Tagen", "dreißig", " Prozent"]),
        st.integers(min_value=20, max_value=400).map(lambda n: "9" * n),
        st.tuples(st.sampled_from(list("€(!\"%.-")), st.integers(min_value=20, max_value=300)).map(lambda t: t[0] * t[1]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=GERMANISH | FRAGMENTS | CRAFTED)
def test_extract_never_raises_and_keeps_offsets(nlp, text):
    record = extract(text, nlp=nlp)
    for f in record.facts:
        assert text[f.start:f.end] == f.text
        assert f.text
        fields = f.fields
        subs = [*(fields.get("roles") or []), *(fields.get("mentions") or [])]
        subs += [fields[k] for k in ("party_span", "age_span", "about_span") if fields.get(k)]
        for sub in subs:  # every sub-fact is grounded where it was found
            assert text[sub["start"]:sub["end"]] == sub["text"]


def test_the_shipped_schema_is_the_one_the_declarations_give():
    from kiextract.schema import json_schema

    shipped = json.loads(data_path("schema.json").read_text(encoding="utf-8"))
    assert shipped == json_schema(), "run: python -m kiextract.schema > kiextract/data/schema.json"


def test_the_readme_table_of_fact_types_is_the_one_the_declarations_give():
    from pathlib import Path

    from kiextract.kinds import markdown_table

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme
