"""The README's quickstart, run as written: every command that can run offline, in a temporary
folder with the seeds and small stand-ins for the files the README names (news/, article.txt,
page.html, corpus.jsonl). The README is the input, so a command it shows cannot silently break."""
import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

README = ROOT / "README.md"
ONLINE_OR_CLUSTER = ("s3://", "tcp://", "curl ", "--dask", "pip install")


def quickstart_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Quickstart\s+```sh\n(.*?)```", text, re.S).group(1)
    commands = []
    for line in block.splitlines():
        command = re.sub(r"\s+#.*$", "", line).strip()  # the comment after the command
        if command and not any(marker in command for marker in ONLINE_OR_CLUSTER):
            commands.append(command)
    return commands


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    work = tmp_path_factory.mktemp("readme")
    shutil.copytree(SEEDS, work / "seeds")
    (work / "news").mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, work / "news" / path.name)
    (work / "article.txt").write_text("Landrat Karl Brandt (CDU) besuchte am Montag Köln.", encoding="utf-8")
    (work / "page.html").write_text(
        "<html><head><title>Neue Brücke</title></head><body><article><p>Bürgermeisterin Lea Hahn eröffnete am 5. April 2018 "
        "die neue Brücke in Kassel. Sie kostete 2,5 Millionen Euro und wurde von 300 Gästen gefeiert.</p></article></body></html>",
        encoding="utf-8",
    )
    (work / "corpus.jsonl").write_text(json.dumps({"id": "a1", "text": "Landrätin Anna Meier kam nach Köln."}) + "\n", encoding="utf-8")
    gold = work / "gold"  # "your own gold": here the persons, organisations and places kiextract finds in two seeds
    gold.mkdir()
    from kiextract.pipeline import extract, load_pipeline

    nlp = load_pipeline("blank")
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        record = extract(path.read_text(encoding="utf-8"), nlp=nlp).to_dict()
        facts = record["facts"]

        def of(kind, *keys):
            return [{k: f[k] for k in keys} for f in facts if f["type"] == kind]

        annotated = {
            "published": record["published"],
            "persons": [{"name": f["value"], "roles": [r["title"] for r in f["roles"]], "party": f["party"], "age": f["age"]} for f in facts if f["type"] == "person"],
            "organizations": [f["value"] for f in facts if f["type"] == "organization"],
            "locations": [f["value"] for f in facts if f["type"] == "location"],
            "dates": of("date", "text", "value"), "money": of("money", "text", "value", "unit"), "quantities": of("quantity", "text", "value", "unit"),
            "percents": of("percent", "text", "value"), "contacts": of("contact", "kind", "value"),
        }
        (gold / f"{path.stem}.json").write_text(json.dumps(annotated, ensure_ascii=False), encoding="utf-8")
    return work


@pytest.mark.parametrize("command", quickstart_commands())
def test_every_offline_quickstart_command_runs_as_written(workdir, command):
    if command.split("|")[-1].strip().startswith("jq") and shutil.which("jq") is None:
        pytest.skip("jq is not installed here")
    kiextract = f"{sys.executable} -m kiextract"
    shell = re.sub(r"(^|\|\s*)kiextract\b", lambda m: m.group(1) + kiextract, command)
    proc = subprocess.run(shell, shell=True, cwd=workdir, capture_output=True, text=True, timeout=600, executable="/bin/bash")
    assert proc.returncode == 0, f"{command}\n{proc.stderr[-2000:]}"
    assert "Traceback" not in proc.stderr


def test_the_quickstart_is_found():
    commands = quickstart_commands()
    assert len(commands) >= 10 and all("kiextract" in c for c in commands)
