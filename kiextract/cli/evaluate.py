"""`kiextract eval`: precision, recall and F1 of kiextract's records against hand-made gold."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ExitCode, KiextractError
from . import common
from .common import escape


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def eval_(
    predictions: Path = typer.Argument(..., help="kiextract records (.json array or .jsonl), or articles (a folder or .txt files) to run first. Example: facts.jsonl"),
    gold_dir: Path = typer.Argument(..., help="Folder of gold files, one JSON per article named like it (docs/gold.md). Example: gold/"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List what each article missed and what it claimed wrongly. Example: -v"),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="table or json. Example: --format json"),
    floors: Optional[List[str]] = typer.Option(None, "--min", help="Fail (exit 1) when a category's F1 is below this (repeatable; 'micro' too). Example: --min roles=0.85"),
    model: str = typer.Option("auto", "--model", "-m", help="With articles: the pipeline to run them with. Example: --model blank"),
) -> None:
    """Precision, recall and F1 of kiextract against gold annotations, per category and micro.

    Example: kiextract eval facts.jsonl gold/ --min micro=0.8
    """
    err = common.stderr()
    try:
        code = _run_eval(predictions, gold_dir, verbose, fmt, floors or [], model, err)
    except KiextractError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        code = ExitCode.USAGE
    raise typer.Exit(int(code))


def _run_eval(predictions: Path, gold_dir: Path, verbose: bool, fmt: "EvalFormat", floor_specs: list[str], model: str, err) -> ExitCode:
    import json

    from ..evaluate import below_floors, evaluate, parse_floor, read_records

    try:
        floors = dict(parse_floor(spec) for spec in floor_specs)
    except ValueError as exc:
        raise KiextractError(str(exc)) from None
    if not predictions.exists():
        raise KiextractError(f"{predictions}: no such file or directory")
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        raise KiextractError(f"{gold_dir}: not a folder of gold files (*.json); see docs/gold.md")
    if predictions.is_file() and predictions.suffix.lower() in (".json", ".jsonl", ".ndjson"):
        try:
            records = read_records(predictions)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KiextractError(f"{predictions}: not kiextract JSON or JSON Lines ({exc})") from None
    elif predictions.exists():
        from .. import engine
        from ..inputs import discover

        outcomes = engine.run(list(discover([str(predictions)])), engine.Options(model=model))
        records = [o.record.to_dict() for o in outcomes if o.record is not None]
    else:
        raise KiextractError(f"{predictions}: no such file or directory")
    result = evaluate(records, gold_dir)
    if len(result.missing) == len(result.details):
        raise KiextractError(
            f"{predictions}: no record belongs to a gold file of {gold_dir} (a record belongs to the gold file with the stem of its "
            f"source: r01.txt to r01.json); check the two paths"
        )
    if fmt == EvalFormat.json:
        typer.echo(json.dumps(result.to_dict(verbose=verbose), ensure_ascii=False, indent=2))
    else:
        if verbose:
            for article, cats in result.details.items():
                for cat, d in cats.items():
                    if d.missed or d.spurious:
                        typer.echo(f"  {article} {cat}: missed {d.missed} spurious {d.spurious}")
        typer.echo(f"{'category':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
        for cat, sc in result.scores.items():
            typer.echo(f"{cat:<14} {sc.precision:6.3f} {sc.recall:6.3f} {sc.f1:6.3f} {sc.tp:5d} {sc.predicted:5d} {sc.gold:5d}")
        micro = result.micro
        typer.echo(f"micro F1 {micro.f1:.3f} (P {micro.precision:.3f} R {micro.recall:.3f})")
    if result.missing:
        err.print(f"[yellow]warning:[/] no record for {len(result.missing)} gold articles: {escape(', '.join(result.missing[:10]))}")
    failed = below_floors(result, floors)
    for line in failed:
        err.print(f"[red]below the floor:[/] {escape(line)}")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK
