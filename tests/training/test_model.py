"""kiextract's shipped German NER model, and the path for any other spaCy pipeline (by path)."""
import json

import pytest
from typer.testing import CliRunner

from kiextract.pipeline import load_pipeline, resolve_model, shipped_model_path


@pytest.fixture(scope="module")
def shipped():
    if shipped_model_path() is None:
        pytest.skip("the shipped model is not installed")
    return load_pipeline(str(shipped_model_path()))


@pytest.mark.parametrize(
    "model, resolved",
    [("auto", "blank"), ("blank", "blank"), ("kiextract", "shipped"), ("de_core_news_lg", "de_core_news_lg")],
    ids=["auto-is-rules-only", "blank", "shipped-by-name", "official-by-name"],
)
def test_what_each_model_name_means(model, resolved):
    expected = str(shipped_model_path()) if resolved == "shipped" else resolved
    assert resolve_model(model) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        ("Gestern traf sich Issiaka Ouedraogo mit Jadranka Joksimovic in Belgrad.", {"Issiaka Ouedraogo", "Jadranka Joksimovic"}),
        ("Trainer Thorsten Fink lobte Jonatan Soriano nach dem Spiel.", {"Thorsten Fink", "Jonatan Soriano"}),
    ],
    ids=["unlisted-names", "sports"],
)
def test_shipped_model_finds_persons_in_unseen_sentences(shipped, text, names):
    doc = shipped(text)
    assert names <= {e.text for e in doc.ents if e.label_ == "PER"}
    from kiextract.pipeline import extract

    assert names <= {f.value for f in extract(text, nlp=shipped).facts if f.type == "person"}


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory):
    """A tiny German NER pipeline trained here, standing in for an official one, saved to a folder."""
    import random

    import spacy
    from spacy.training import Example

    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    ner.add_label("PER")
    sentences = [
        ("Gestern sprach Xyzzy Quuxberg im Rat.", (15, 29)),
        ("Heute kam Xyzzy Quuxberg nach Hause.", (10, 24)),
        ("Dann lachte Xyzzy Quuxberg laut.", (12, 26)),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": [(s, e, "PER")]}) for t, (s, e) in sentences]
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("tiny_de") / "pipeline"
    nlp.to_disk(path)
    return path


def test_pipeline_by_path_is_loaded_and_its_entities_are_used(tiny_pipeline):
    nlp = load_pipeline(str(tiny_pipeline))
    assert nlp.pipe_names[0] == "ner" and "ki_entities" in nlp.pipe_names
    from kiextract.pipeline import extract

    record = extract("Am Montag sprach Xyzzy Quuxberg im Rat.", nlp=nlp)
    assert "Xyzzy Quuxberg" in {f.value for f in record.facts if f.type == "person"}


def test_cli_model_by_path(tiny_pipeline, tmp_path):
    from kiextract.cli import app

    f = tmp_path / "a.txt"
    f.write_text("Am Montag sprach Xyzzy Quuxberg im Rat.", encoding="utf-8")
    result = CliRunner().invoke(app, ["facts", str(f), "--model", str(tiny_pipeline)])
    assert result.exit_code == 0, result.output
    assert "Xyzzy Quuxberg" in {x["value"] for x in json.loads(result.stdout)["facts"]}


def test_blank_model_finds_no_unlisted_names():
    from kiextract.pipeline import extract

    record = extract("Am Montag sprach Xyzzy Quuxberg im Rat.", nlp=load_pipeline("blank"))
    assert not [f for f in record.facts if f.type == "person"]
