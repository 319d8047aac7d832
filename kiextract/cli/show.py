"""`kiextract show`: each article with its facts highlighted, in the terminal or as HTML pages."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import ExitCode, KiextractError
from . import common
from .common import DEFAULT_GLOBS, LOCALE_HELP, LocaleChoice, escape, write_whole


def show(
    paths: List[str] = typer.Argument(..., help="Articles: files (text, HTML, .jsonl), directories (every *.txt, *.html, *.htm below) or - for stdin. Example: seeds/000_a3353c067c880684.txt"),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write HTML instead of printing: a page for one article (OUT.html), else a folder with an index page and one page per article. Example: --html facts.html"),
    published: Optional[str] = typer.Option(None, "--published", callback=common.check_date, help="Publication date for every input; overrides what the text says. Example: --published 2018-04-05"),
    model: str = typer.Option("auto", "--model", "-m", help="auto or blank (rules only), kiextract (the shipped NER model), or the name or path of a spaCy German pipeline. Example: --model kiextract"),
    glob: Optional[List[str]] = typer.Option(None, "--glob", help="Which files to take from directories (repeatable) [default: *.txt, *.html, *.htm]. Example: --glob '*.md'"),
    locale: LocaleChoice = typer.Option(LocaleChoice.auto, "--locale", "-l", help=LOCALE_HELP),
) -> None:
    """Show the article with every fact highlighted by type, and the facts with their values.

    Example: kiextract show seeds/000_a3353c067c880684.txt --html show.html
    """
    err = common.stderr()
    try:
        code = run_show(paths, html_out, published, model, glob or list(DEFAULT_GLOBS), err, locale.value)
    except KiextractError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", markup=True)
        code = ExitCode.USAGE
    raise typer.Exit(int(code))


def run_show(paths, html_out: Optional[Path], published, model: str, globs, err, locale: str = "auto") -> ExitCode:
    from .. import engine
    from ..output import pipe_console
    from ..inputs import discover
    from ..show import html_page, index_page, print_terminal

    sources = list(discover(paths, glob=globs))
    if not sources:
        raise KiextractError("no articles to show; pass .txt files or folders with them")
    single = html_out is not None and len(sources) == 1 and html_out.suffix.lower() in (".html", ".htm")
    if html_out is not None:
        target = html_out.parent if single else html_out
        if target.exists() and not target.is_dir():
            raise KiextractError(f"--html {html_out}: {target} is not a folder")
        if not single and html_out.suffix.lower() in (".html", ".htm") and len(sources) > 1:
            raise KiextractError(f"--html {html_out}: {len(sources)} articles need a folder (an index page and one page each); give a folder name")
        try:
            target.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KiextractError(f"--html {html_out}: cannot create the folder ({exc.strerror or exc})") from None
    options = engine.Options(model=model, published=published, with_text=True, locale=locale)
    out = pipe_console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or None)
    failed = 0
    pages: list[tuple[str, dict]] = []
    used: set[str] = set()
    for outcome in engine.run(sources, options):
        if outcome.failed:
            err.print(f"[red]error:[/] {escape(outcome.source)}: {escape(outcome.message or 'failed')}")
            failed += 1
        if outcome.record is None:
            continue
        record = outcome.record.to_dict()
        text = record["text"] or ""
        if html_out is None:
            try:
                print_terminal(out, record, text)
            except BrokenPipeError:  # the reader has gone (`| head`): stop quietly, as facts does
                common.quiet_stdout()
                return ExitCode.OK
            continue
        if single:
            page, name = html_out, html_out.name
        else:
            stem = re.sub(r"[^\w.-]+", "_", Path(outcome.source).stem)[:80] or "article"
            name, n = f"{stem}.html", 1
            while name in used:
                n += 1
                name = f"{stem}-{n}.html"
            used.add(name)
            page = html_out / name
        write_whole(page, html_page(record, text, back=None if single else "index.html"), "--html")
        pages.append((name, record))
    if html_out is not None and not single:
        write_whole(html_out / "index.html", index_page(pages), "--html")
        err.print(f"wrote {len(pages)} pages and {escape(str(html_out / 'index.html'))}")
    elif single and pages:
        err.print(f"wrote {escape(str(html_out))}")
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK
