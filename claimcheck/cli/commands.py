"""The ``compare``, ``check`` and ``parse`` commands: thin wrappers over ``claimcheck.api``."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimcheck.cli.output import default_report_path, write_atomic
from claimcheck.errors import InputError, Problem
from claimcheck.model.findings import FailOn
from claimcheck.timings import stage

if TYPE_CHECKING:
    from claimcheck.report.view import Report
    from claimcheck.rules import RuleSet
    from claimcheck.sources import Source

DEFAULT_CACHE = Path(".claimcheck") / "cache.sqlite"


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    HTML = "html"
    SARIF = "sarif"
    JUNIT = "junit"
    GITHUB = "github"


class ParseFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"


RulesOption = Annotated[list[Path] | None, typer.Option(
    "--rules", help="A folder of extra rule files (repeatable).", show_default=False,
    metavar="DIR")]
ModelOption = Annotated[str | None, typer.Option(
    "--model", help="Another installed spaCy pipeline to use.", show_default=False,
    metavar="NAME")]
FormatOption = Annotated[OutputFormat, typer.Option(
    "--format", "-f", help="What to print on standard output.")]
FailOnOption = Annotated[FailOn | None, typer.Option(
    "--fail-on", help="Exit 1 when a finding reaches this severity [default: error, or the "
    "configuration's fail_on].", show_default=False)]
HtmlOption = Annotated[Path | None, typer.Option(
    "--html", help="Where to write the HTML report [default: reports/NAME.html].",
    show_default=False, metavar="PATH")]
NoHtmlOption = Annotated[bool, typer.Option("--no-html", help="Write no HTML report.")]
CacheOption = Annotated[Path, typer.Option(
    "--cache", help="The claims cache: sources whose text, metadata, pipeline and rules "
    "vocabulary are unchanged are not parsed again.", metavar="PATH")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write "
                                             "the claims cache.")]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=1, help="Processes that parse sources (same result as one).",
    metavar="N")]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) of a single source file given "
    "directly, to anchor its relative dates.", show_default=False, metavar="YYYY-MM-DD")]


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError([Problem("CC140", f"--published: {value!r} is not a date "
                                  "(use YYYY-MM-DD)")]) from None


def _ruleset(rules: list[Path] | None, fail_on: FailOn | None) -> RuleSet:
    from claimcheck.rules import load_config, load_ruleset

    config = load_config(Path.cwd())
    ruleset = load_ruleset(rules or (), config)
    if fail_on is not None:
        ruleset = ruleset.model_copy(update={"fail_on": fail_on})
    return ruleset


def _warn(problem: Problem) -> None:
    """Problems that stop nothing (a skipped PDF, an empty article): one line on stderr."""
    sys.stderr.write(f"{problem.render()}\n")


def _emit(report: Report, fmt: OutputFormat, html_path: Path | None) -> None:
    with stage("render"):
        _emit_formats(report, fmt, html_path)


def _emit_formats(report: Report, fmt: OutputFormat, html_path: Path | None) -> None:
    # each renderer imported only when asked for: no jinja2 for a run without HTML
    page = None  # the HTML page is rendered once, for the file and standard output alike
    if html_path is not None:  # checked against every input before the run began
        from claimcheck.report.html import render_html

        page = render_html(report)
        write_atomic(html_path, page)
    if fmt is OutputFormat.JSON:
        from claimcheck.report.json import render_json

        sys.stdout.write(render_json(report))
    elif fmt is OutputFormat.HTML:
        from claimcheck.report.html import render_html

        sys.stdout.write(page if page is not None else render_html(report))
    elif fmt in (OutputFormat.SARIF, OutputFormat.JUNIT, OutputFormat.GITHUB):
        from claimcheck.report.formats import render

        sys.stdout.write(render(report, fmt.value))
    else:
        from claimcheck.report.text import render_text, safe

        sys.stdout.write(render_text(report))
        if html_path is not None:
            sys.stdout.write(safe(f"HTML report: {html_path}") + "\n")


@contextmanager
def _extraction(model: str | None, cache: Path, no_cache: bool) -> Iterator[dict[str, Any]]:
    """What ``api.compare``/``api.check`` need to extract claims: a pipeline loaded only
    if some source is not cached, the cache, and a progress bar for long runs."""
    from claimcheck.cache import ClaimStore
    from claimcheck.nlp.identity import LazyPipeline
    from claimcheck.progress import terminal_progress

    store = None if no_cache else ClaimStore(cache)
    try:
        yield {"nlp": LazyPipeline(model), "store": store, "progress": terminal_progress}
    finally:
        if store is not None:
            store.close()


def _html_target(html: Path | None, no_html: bool, name: str) -> Path | None:
    if no_html:
        return None
    return html if html is not None else default_report_path(name)


def _guard(loaded: list[Source], outputs: list[tuple[str, Path | None]],
           rules: list[Path] | None, cache: Path, no_cache: bool,
           baseline: Path | None = None) -> None:
    """Refuse, before any work, outputs that would replace something this run reads."""
    from claimcheck.cli.guard import cache_files, guard_outputs, run_inputs

    targets = [(option, path) for option, path in outputs if path is not None]
    rewritten = any(option == "--write-baseline" for option, _ in targets)
    if baseline is not None and rewritten and _same_file(baseline, dict(targets)[
            "--write-baseline"]):
        baseline = None  # updating the baseline read is what --write-baseline is for
    inputs = run_inputs([s.path for s in loaded], rules or (), baseline)
    guard_outputs(targets, inputs + ([] if no_cache else cache_files(cache)))
    if not no_cache:
        guard_outputs([("--cache", cache)], inputs)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _require(loaded: list[Source], paths: list[Path]) -> list[Source]:
    if not loaded:
        raise InputError([Problem("CC141", "no articles found (.txt, .md or .html files)",
                                  ", ".join(str(p) for p in paths))])
    return loaded


def compare_command(
    sources: Annotated[list[Path], typer.Argument(
        help="Article files (.txt, .md, .html) or folders of them.", show_default=False,
        metavar="SOURCES...")],
    fmt: FormatOption = OutputFormat.TEXT,
    rules: RulesOption = None,
    model: ModelOption = None,
    fail_on: FailOnOption = None,
    html: HtmlOption = None,
    no_html: NoHtmlOption = False,
    published: PublishedOption = None,
    cache: CacheOption = DEFAULT_CACHE,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 1,
) -> int:
    """Compare a set of articles: where do they agree, where do they contradict?"""
    from claimcheck import api
    from claimcheck.sources import load_sources

    ruleset = _ruleset(rules, fail_on)
    loaded = _require(load_sources(sources, published=_date_option(published), warn=_warn),
                      sources)
    name = sources[0].resolve().name if len(sources) == 1 else "compare"
    html_path = _html_target(html, no_html, Path(name).stem or "compare")
    _guard(loaded, [("--html", html_path)], rules, cache, no_cache)
    with _extraction(model, cache, no_cache) as extraction:
        report = api.compare(loaded, ruleset, jobs=jobs, **extraction)
    _emit(report, fmt, html_path)
    return report.exit_status()


def check_command(
    draft: Annotated[Path, typer.Argument(help="The draft to check.", show_default=False,
                                          metavar="DRAFT")],
    sources: Annotated[list[Path], typer.Option(
        "--sources", "-s", help="Source files or folders to check against (repeatable).",
        show_default=False)],
    fmt: FormatOption = OutputFormat.TEXT,
    rules: RulesOption = None,
    model: ModelOption = None,
    fail_on: FailOnOption = None,
    html: HtmlOption = None,
    no_html: NoHtmlOption = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date of the draft (YYYY-MM-DD) if its front "
        "matter has none [default: today].", show_default=False,
        metavar="YYYY-MM-DD")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="A file of accepted findings (by id): they are reported as "
        "baselined and do not fail the check.", show_default=False, metavar="FILE")] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Write the current findings to this baseline file.",
        show_default=False, metavar="FILE")] = None,
    cache: CacheOption = DEFAULT_CACHE,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 1,
) -> int:
    """Check a draft against sources before publication; exit 1 on serious findings."""
    from claimcheck import api
    from claimcheck.sources import load_sources

    ruleset = _ruleset(rules, fail_on)
    draft_date = _date_option(published)
    if draft.is_dir():
        raise InputError([Problem("CC142", "the draft must be one file, not a folder",
                                  str(draft))])
    drafts = load_sources([draft], role="draft", published=draft_date, warn=_warn)
    draft_source = drafts[0]
    if draft_source.published is None:
        draft_source = draft_source.model_copy(update={"published": dt.date.today()})
    loaded = _require(load_sources(sources, exclude=[draft], warn=_warn), sources)
    from claimcheck.rules import load_baseline
    from claimcheck.rules import write_baseline as save_baseline

    accepted = load_baseline(baseline) if baseline is not None else None
    html_path = _html_target(html, no_html, draft.stem)
    _guard([draft_source, *loaded], [("--html", html_path),
                                     ("--write-baseline", write_baseline)],
           rules, cache, no_cache, baseline)
    with _extraction(model, cache, no_cache) as extraction:
        report = api.check(draft_source, loaded, ruleset, jobs=jobs, baseline=accepted,
                           **extraction)
    if write_baseline is not None:
        save_baseline(write_baseline, report.findings)
    _emit(report, fmt, html_path)
    return report.exit_status()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_inputs(texts: list[str] | None) -> list[str]:
    """The texts to parse: arguments, or standard input one text a line (decoded as files
    are). Bytes that were not UTF-8 in an argument arrive as lone surrogates: each is
    read as U+FFFD, so offsets still count characters. A text over the parser's limit
    is an error naming it."""
    from claimcheck.encoding import decode
    from claimcheck.sources import MAX_ARTICLE_CHARS

    if texts:
        lines = [_LONE_SURROGATE.sub("\ufffd", text) for text in texts]
        names = [f"<text {i + 1}>" for i in range(len(lines))]
    else:
        raw = getattr(sys.stdin, "buffer", None)
        whole = decode(raw.read(), "<stdin>") if raw is not None else sys.stdin.read()
        lines = re.split(r"\r\n|\r|\n", whole)
        if lines and lines[-1] == "":
            lines.pop()
        names = [f"<stdin>:{i + 1}" for i in range(len(lines))]
    problems = [Problem("CC105", f"is too long to parse at once ({len(text):,} characters; "
                        f"the limit is {MAX_ARTICLE_CHARS:,}): split it", name)
                for name, text in zip(names, lines, strict=True)
                if len(text) > MAX_ARTICLE_CHARS]
    if problems:
        raise InputError(problems)
    return lines


def parse_command(
    texts: Annotated[list[str] | None, typer.Argument(
        help="Texts to read; with none, standard input is read, one text a line.",
        show_default=False, metavar="TEXT...")] = None,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) that anchors relative dates.",
        show_default=False, metavar="YYYY-MM-DD")] = None,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f")] = ParseFormat.TEXT,
    model: ModelOption = None,
) -> int:
    """Show every value claimcheck reads in a text, and how it was normalised."""
    from claimcheck.cli.parse_view import parse_texts, render_parse

    anchor = _date_option(published)
    lines = _parse_inputs(texts)
    results = parse_texts(lines, anchor, model)
    if fmt is ParseFormat.JSONL:
        for text, values in zip(lines, results, strict=True):
            sys.stdout.write(json.dumps({"text": text, "values": values},
                                        ensure_ascii=False) + "\n")
    elif fmt is ParseFormat.JSON:
        sys.stdout.write(json.dumps([{"text": t, "values": v}
                                     for t, v in zip(lines, results, strict=True)],
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        from claimcheck.printable import printable

        sys.stdout.write(printable(render_parse(lines, results)))
    return 0
