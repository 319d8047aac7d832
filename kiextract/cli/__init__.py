"""The `kiextract` command line. It only translates flags and calls the library (engine.py);
spaCy is imported lazily so that `kiextract --help` answers at once. One module per command."""
from __future__ import annotations

import typer

from .. import __version__
from .evaluate import eval_
from .facts import facts
from .show import show

app = typer.Typer(
    help="Extract facts (persons, roles, organisations, places, dates, money, counts, contacts) from German news articles.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kiextract {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Extract facts from German news articles.

    Example: kiextract facts seeds/ | jq -r '.facts[] | select(.type=="person") | .value'
    """


def models() -> None:
    """Show which German pipelines are installed and what --model auto takes (the rules only).

    Example: kiextract models
    """
    from ..pipeline import (
        OFFICIAL_MODELS,
        installed_models,
        resolve_model,
        shipped_model_path,
    )

    installed = installed_models()
    for name in OFFICIAL_MODELS:
        typer.echo(f"{name:<18} {'installed' if name in installed else 'not installed'}")
    shipped = shipped_model_path()
    typer.echo(f"{'kiextract':<18} {shipped if shipped else 'missing'} (--model kiextract)")
    typer.echo(f"auto -> {resolve_model('auto')} (the rules only; see docs/model.md)")


app.command()(facts)
app.command("eval")(eval_)
app.command()(show)
app.command()(models)


def run() -> None:
    """Entry point: `kiextract` and `python -m kiextract`."""
    app(prog_name="kiextract")
