"""The ``compare``, ``check`` and ``parse`` commands: thin wrappers over ``claimcheck.api``."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import BaseModel, ConfigDict

from claimcheck.budget import DEFAULT_SECONDS
from claimcheck.cli.output import default_report_path, write_atomic
from claimcheck.cli.outputs import Plan, Target, plan_outputs
from claimcheck.cli.style import ColorMode, use_colour
from claimcheck.errors import InputError, Problem
from claimcheck.model.findings import FailOn, Severity
from claimcheck.timings import stage

if TYPE_CHECKING:
    from claimcheck.cache import ClaimStore
    from claimcheck.report.view import Report
    from claimcheck.rules import Config, RuleSet
    from claimcheck.sources import Source, Warn

DEFAULT_CACHE = Path(".claimcheck") / "cache.sqlite"
DEFAULT_TIMEOUT = DEFAULT_SECONDS


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
FormatOption = Annotated[list[str] | None, typer.Option(
    "--format", "-f", help="A report: text, json, html, sarif, junit or github; FORMAT:PATH "
    "writes it to a file (repeatable; one format may go to standard output) "
    "[default: text].", show_default=False, metavar="FORMAT[:PATH]")]
OutputFileOption = Annotated[Path | None, typer.Option(
    "--output-file", "-o", help="Write the standard-output report to this file instead.",
    show_default=False, metavar="PATH")]
FailOnOption = Annotated[FailOn | None, typer.Option(
    "--fail-on", help="Exit 1 when a finding reaches this severity [default: error, or the "
    "configuration's fail_on].", show_default=False, metavar="error|warning|info|never")]
HtmlOption = Annotated[Path | None, typer.Option(
    "--html", help="Write the HTML report here [default: reports/NAME.html when only text "
    "is asked for].", show_default=False, metavar="PATH")]
NoHtmlOption = Annotated[bool, typer.Option("--no-html", help="Write no HTML report.")]
CacheOption = Annotated[Path, typer.Option(
    "--cache", envvar="CLAIMCHECK_CACHE", help="The claims cache: sources whose text, "
    "metadata, pipeline and rules vocabulary are unchanged are not parsed again.",
    metavar="PATH")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write "
                                             "the claims cache.")]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", help="Processes that parse sources, 1 or more (same result as one).",
    metavar="N")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", help="Seconds one source may take to parse and check; a source that "
    "takes longer is skipped and named (exit 4). 0: no limit.", metavar="SECONDS")]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) of a single source file given "
    "directly, to anchor its relative dates.", show_default=False, metavar="YYYY-MM-DD")]
QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Print one line per finding and nothing else; implies "
    "--min-severity warning unless it is given.")]
MinSeverityOption = Annotated[Severity | None, typer.Option(
    "--min-severity", help="Leave findings below this severity out of the reports (the "
    "exit code still counts them) [default: info].", show_default=False,
    metavar="info|warning|error")]
SelectOption = Annotated[list[str] | None, typer.Option(
    "--select", help="Run only these rules: ids, names, PACK/ or patterns, comma-separated "
    "or repeated.", show_default=False, metavar="RULE")]
IgnoreOption = Annotated[list[str] | None, typer.Option(
    "--ignore", help="Do not run these rules (as --select).", show_default=False,
    metavar="RULE")]
ConfigOption = Annotated[Path | None, typer.Option(
    "--config", help="Read the configuration from this claimcheck.toml or pyproject.toml "
    "[default: the nearest one from the working folder up].", show_default=False,
    metavar="PATH")]
ExcludeOption = Annotated[list[str] | None, typer.Option(
    "--exclude", help="Leave out files and folders matching this pattern, by name or "
    "relative path (repeatable).", show_default=False, metavar="PATTERN")]
StatisticsOption = Annotated[bool, typer.Option(
    "--statistics", help="Print counts per rule, verdict and severity instead of the "
    "findings.")]
ColorOption = Annotated[ColorMode, typer.Option(
    "--color", help="Colour the text report: auto (on a terminal, unless NO_COLOR is set), "
    "always or never.", metavar="auto|always|never")]
InformationalOption = Annotated[bool, typer.Option(
    "--sarif-informational", help="Keep single-source notices in SARIF (left out by "
    "default: they are not problems).")]


class Display(BaseModel):
    """How the findings of a run are shown (not which are found)."""

    model_config = ConfigDict(frozen=True)

    plan: Plan
    quiet: bool = False
    min_severity: Severity = Severity.INFO
    statistics: bool = False
    colour: bool = False
    sarif_informational: bool = False
    started: float = 0.0  # time.monotonic() when the command began (JUnit's time)


def check_timeout(timeout: float) -> None:
    """``--timeout`` is 0 (no limit) or a finite number of seconds."""
    if not timeout >= 0 or timeout == float("inf"):
        raise InputError([Problem("CC144", f"--timeout: {timeout:g} is not a number of "
                                  "seconds (give 0 for no limit, or more)")])


def _display(formats: list[str] | None, output_file: Path | None, html: Path | None,
             no_html: bool, quiet: bool, min_severity: Severity | None, statistics: bool,
             color: ColorMode, sarif_informational: bool, jobs: int,
             timeout: float = 0.0) -> Display:
    plan = plan_outputs(formats or [], output_file, html, no_html)
    if jobs < 1:
        raise InputError([Problem("CC144", f"--jobs: {jobs} is not a number of processes "
                                  "(give 1 or more)")])
    check_timeout(timeout)
    if min_severity is None:
        min_severity = Severity.WARNING if quiet else Severity.INFO
    colour = use_colour(color, sys.stdout) and plan.text_on_terminal
    return Display(plan=plan, quiet=quiet, min_severity=min_severity, statistics=statistics,
                   colour=colour, sarif_informational=sarif_informational,
                   started=time.monotonic())


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError([Problem("CC140", f"--published: {value!r} is not a date "
                                  "(use YYYY-MM-DD)")]) from None


class CompiledRules:
    """The compiled rule set in the claims cache: read (read only) before the run's
    outputs are checked against its inputs, written with the claims once they are."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self.pending: tuple[str, str] | None = None

    def get(self, key: str) -> str | None:
        from claimcheck.cache import read_compiled

        return read_compiled(self.cache, key) if self.cache is not None else None

    def put(self, key: str, payload: str) -> None:
        self.pending = (key, payload)

    def write(self, store: ClaimStore | None) -> None:
        if store is not None and self.pending is not None:
            store.put_compiled(*self.pending)


def _ruleset(rules: list[Path] | None, fail_on: FailOn | None, config_path: Path | None = None,
             select: list[str] | None = None, ignore: list[str] | None = None,
             compiled: CompiledRules | None = None) -> RuleSet:
    from claimcheck.rules import load_ruleset, select_rules

    ruleset = load_ruleset(rules or (), project_config(config_path), compiled=compiled)
    if fail_on is not None:
        ruleset = ruleset.model_copy(update={"fail_on": fail_on})
    if select or ignore:
        ruleset = select_rules(ruleset, select or (), ignore or ())
    return ruleset


def project_config(path: Path | None) -> Config | None:
    """``--config PATH``, else the nearest configuration from the working folder up."""
    from claimcheck.rules import load_config
    from claimcheck.rules.config import read_config

    if path is None:
        return load_config(Path.cwd())
    if not path.is_file():
        raise InputError([Problem("CC143", "--config: no such file", str(path))])
    config = read_config(path)
    if config is None:
        raise InputError([Problem("CC143", "--config: this pyproject.toml has no "
                                  "[tool.claimcheck] table", str(path))])
    return config


def _warn(problem: Problem) -> None:
    """Problems that stop nothing (a skipped PDF, an empty article): one line on stderr."""
    sys.stderr.write(f"{problem.render()}\n")


def _warner(quiet: bool) -> Warn:
    """``_warn``, or nothing with ``--quiet``."""
    return _ignore if quiet else _warn


def _ignore(problem: Problem) -> None:
    del problem


def _shown(report: Report, display: Display) -> Report:
    """The report as displayed: findings below ``--min-severity`` left out."""
    if display.min_severity is Severity.INFO:
        return report
    kept = tuple(f for f in report.findings if f.severity.rank >= display.min_severity.rank)
    return report.model_copy(update={"findings": kept})


def _render(report: Report, fmt: str, display: Display, colour: bool = False) -> str:
    """One report; each renderer imported only when asked for (no jinja2 without HTML)."""
    if fmt == "text":
        from claimcheck.report.text import Style, render_statistics, render_text

        if display.statistics:
            return render_statistics(report)
        return render_text(report, style=Style(colour), quiet=display.quiet)
    if fmt == "sarif":
        from claimcheck.report.sarif import render_sarif

        return render_sarif(report, informational=display.sarif_informational)
    if fmt == "junit":
        from claimcheck.report.junit import render_junit

        return render_junit(report, elapsed=time.monotonic() - display.started)
    if fmt == "json":
        from claimcheck.report.json import render_json

        return render_json(report)
    if fmt == "html":
        from claimcheck.report.html import render_html

        return render_html(report)
    from claimcheck.report.formats import render

    return render(report, fmt)


def _emit(report: Report, display: Display, name: str) -> None:
    with stage("render"):
        _emit_reports(report, display, name)


def _report_files(display: Display, name: str) -> list[Target]:
    """The reports written to files: ``--format FORMAT:PATH``, ``--html``, the default
    HTML report, and ``--output-file``."""
    plan = display.plan
    files = list(plan.files)
    if plan.default_html:
        files.append(Target(fmt="html", path=default_report_path(name)))
    if plan.stdout.path is not None:
        files.append(plan.stdout)
    return files


def _outputs(display: Display, name: str) -> list[tuple[str, Path | None]]:
    """Each report file with the option that asked for it, to guard before the run."""
    option = {"html": "--html"}
    return [("--output-file" if t is display.plan.stdout
             else option.get(t.fmt, "--format"), t.path)
            for t in _report_files(display, name)]


def _emit_reports(report: Report, display: Display, name: str) -> None:
    """Every report the options ask for (guarded against the inputs before the run):
    files first (whole or not at all), then standard output."""
    shown = _shown(report, display)
    plan = display.plan
    files = _report_files(display, name)
    rendered: dict[str, str] = {}  # each format rendered once, for files and stdout alike
    for target in files:
        assert target.path is not None
        if target.fmt not in rendered:
            rendered[target.fmt] = _render(shown, target.fmt, display)
        write_atomic(target.path, rendered[target.fmt])
    if plan.stdout.path is None:
        page = rendered.get(plan.stdout.fmt) if plan.stdout.fmt != "text" else None
        sys.stdout.write(page if page is not None else
                         _render(shown, plan.stdout.fmt, display, display.colour))
    elif display.statistics:
        from claimcheck.report.text import render_statistics

        sys.stderr.write(render_statistics(shown))
    if display.statistics and plan.stdout.fmt != "text" and plan.stdout.path is None:
        from claimcheck.report.text import render_statistics

        sys.stderr.write(render_statistics(shown))
    if plan.text_on_terminal and not display.quiet and not display.statistics:
        from claimcheck.report.text import safe

        for target in files:
            if target.fmt == "html":
                sys.stdout.write(safe(f"HTML report: {target.path}") + "\n")


@contextmanager
def _extraction(model: str | None, cache: Path, no_cache: bool, timeout: float,
                compiled: CompiledRules | None = None) -> Iterator[dict[str, Any]]:
    """What ``api.compare``/``api.check`` need to extract claims: a pipeline loaded only
    if some source is not cached, the cache, a progress bar for long runs, and the time
    budget of each source (those over it are collected in ``timed_out``)."""
    from claimcheck.budget import TimeBudget
    from claimcheck.cache import ClaimStore
    from claimcheck.nlp.identity import LazyPipeline
    from claimcheck.progress import terminal_progress

    store = None if no_cache else ClaimStore(cache)
    if compiled is not None:
        compiled.write(store)
    try:
        yield {"nlp": LazyPipeline(model), "store": store, "progress": terminal_progress,
               "budget": TimeBudget(seconds=timeout), "timed_out": []}
    finally:
        if store is not None:
            store.close()


def _timed_out(extraction: dict[str, Any], skipped: list[Problem]) -> list[Problem]:
    """``skipped`` and the sources that ran past their time budget, each named on
    standard error as it is in the report."""
    from claimcheck.budget import TIMED_OUT

    seconds = extraction["budget"].seconds
    late = [Problem(TIMED_OUT, f"took longer than {seconds:g} s to parse and check "
                    "(--timeout): skipped", source.path) for source in extraction["timed_out"]]
    for problem in late:
        _warn(problem)
    return [*skipped, *late]


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


def _require(loaded: list[Source], paths: list[Path],
             skipped: list[Problem] | None = None) -> list[Source]:
    """At least one article to check; the files skipped on the way are named, on
    standard error now and in the report later."""
    skipped = sorted(skipped or [], key=lambda p: (p.path or "", p.line or 0))
    if not loaded:
        raise InputError([*skipped, Problem("CC141", "no articles found (.txt, .md or "
                                            ".html files) that could be read",
                                            ", ".join(str(p) for p in paths))])
    for problem in skipped:
        _warn(problem)
    if skipped:
        sys.stderr.write(f"claimcheck: skipped {len(skipped)} file(s) that could not be "
                         "read; checked the others (exit status 4)\n")
    return loaded


COMPARE_EXAMPLES = """Examples:

\b
  claimcheck compare articles/
  claimcheck compare 'wire/**/*.md' --exclude old -q
  claimcheck compare articles/ --format text --format sarif:claimcheck.sarif
  claimcheck compare articles/ --select quantity-agreement --statistics
"""

CHECK_EXAMPLES = """Examples:

\b
  claimcheck check drafts/story.md --sources wire/
  claimcheck check drafts/story.md -s wire/ --format github --fail-on warning
  cat story.md | claimcheck check - --stdin-filename drafts/story.md -s wire/
  claimcheck check story.md -s wire/ -f text -f junit:junit.xml -f sarif:cc.sarif
"""


def _with_skipped(report: Report, skipped: list[Problem]) -> Report:
    from claimcheck.report.view import SkippedInput

    if not skipped:
        return report
    return report.model_copy(update={"skipped": tuple(
        SkippedInput(path=p.path or "<input>", code=p.code, message=p.message, line=p.line,
                     column=p.column)
        for p in sorted(skipped, key=lambda p: (p.path or "", p.line or 0)))})


def compare_command(
    sources: Annotated[list[Path], typer.Argument(
        help="Article files (.txt, .md, .html), folders of them (read with their "
        "subfolders), or shell patterns.", show_default=False, metavar="SOURCES...")],
    fmt: FormatOption = None,
    output_file: OutputFileOption = None,
    quiet: QuietOption = False,
    min_severity: MinSeverityOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    statistics: StatisticsOption = False,
    color: ColorOption = ColorMode.AUTO,
    rules: RulesOption = None,
    config: ConfigOption = None,
    model: ModelOption = None,
    fail_on: FailOnOption = None,
    html: HtmlOption = None,
    no_html: NoHtmlOption = False,
    published: PublishedOption = None,
    cache: CacheOption = DEFAULT_CACHE,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = 1,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    sarif_informational: InformationalOption = False,
) -> int:
    """Compare a set of articles: where do they agree, where do they contradict?"""
    from claimcheck import api
    from claimcheck.sources import load_sources

    display = _display(fmt, output_file, html, no_html, quiet, min_severity, statistics,
                       color, sarif_informational, jobs, timeout)
    compiled = CompiledRules(None if no_cache else cache)
    ruleset = _ruleset(rules, fail_on, config, select, ignore, compiled)
    skipped: list[Problem] = []
    loaded = _require(load_sources(sources, published=_date_option(published),
                                   warn=_warner(quiet), exclude_patterns=exclude or (),
                                   skipped=skipped, time_budget=timeout), sources, skipped)
    name = sources[0].resolve().name if len(sources) == 1 else "compare"
    name = Path(name).stem or "compare"
    _guard(loaded, _outputs(display, name), rules, cache, no_cache)
    with _extraction(model, cache, no_cache, timeout, compiled) as extraction:
        report = _with_skipped(api.compare(loaded, ruleset, jobs=jobs, **extraction),
                               _timed_out(extraction, skipped))
    _emit(report, display, name)
    return report.exit_status()


STDIN = Path("-")


def _read_draft(draft: Path, stdin_filename: str | None, published: dt.date | None,
                warn: Warn, timeout: float) -> Source:
    """The draft, from its file or standard input; reading an HTML draft's article
    takes at most ``timeout`` seconds, as a source's does."""
    from claimcheck.sources import load_sources, source_from_bytes

    if draft == STDIN:
        name = stdin_filename or "stdin.txt"
        (source,) = [source_from_bytes(sys.stdin.buffer.read(), name, "draft",
                                       {"published": published} if published else None,
                                       seconds=timeout)]
        return source
    if draft.is_dir():
        raise InputError([Problem("CC142", "the draft must be one file, not a folder",
                                  str(draft))])
    return load_sources([draft], role="draft", published=published, warn=warn,
                        time_budget=timeout)[0]


def check_command(
    draft: Annotated[Path, typer.Argument(
        help="The draft to check; - reads it from standard input.", show_default=False,
        metavar="DRAFT")],
    sources: Annotated[list[Path], typer.Option(
        "--sources", "-s", help="Source files, folders or patterns to check against "
        "(repeatable).", show_default=False, metavar="SOURCES")],
    more_sources: Annotated[list[Path] | None, typer.Argument(
        help="More sources, after the draft: the files a shell gives for an unquoted "
        "pattern (--sources wire/*).", show_default=False, metavar="SOURCES")] = None,
    fmt: FormatOption = None,
    output_file: OutputFileOption = None,
    quiet: QuietOption = False,
    min_severity: MinSeverityOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    exclude: ExcludeOption = None,
    statistics: StatisticsOption = False,
    color: ColorOption = ColorMode.AUTO,
    stdin_filename: Annotated[str | None, typer.Option(
        "--stdin-filename", help="The name of the draft read from standard input (its "
        "suffix says text, Markdown or HTML).", show_default=False, metavar="PATH")] = None,
    rules: RulesOption = None,
    config: ConfigOption = None,
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
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    sarif_informational: InformationalOption = False,
) -> int:
    """Check a draft against sources before publication; exit 1 on serious findings."""
    from claimcheck import api
    from claimcheck.sources import load_sources

    sources = [*sources, *(more_sources or [])]

    display = _display(fmt, output_file, html, no_html, quiet, min_severity, statistics,
                       color, sarif_informational, jobs, timeout)
    compiled = CompiledRules(None if no_cache else cache)
    ruleset = _ruleset(rules, fail_on, config, select, ignore, compiled)
    warn = _warner(quiet)
    draft_source = _read_draft(draft, stdin_filename, _date_option(published), warn,
                               timeout)
    if draft_source.published is None:
        draft_source = draft_source.model_copy(update={"published": dt.date.today()})
    skipped: list[Problem] = []
    loaded = _require(load_sources(sources, exclude=[] if draft == STDIN else [draft],
                                   warn=warn, exclude_patterns=exclude or (),
                                   skipped=skipped, time_budget=timeout), sources, skipped)
    from claimcheck.rules import load_baseline
    from claimcheck.rules import write_baseline as save_baseline

    accepted = load_baseline(baseline) if baseline is not None else None
    name = Path(draft_source.path).stem or "draft"
    _guard([draft_source, *loaded], [*_outputs(display, name),
                                     ("--write-baseline", write_baseline)],
           rules, cache, no_cache, baseline)
    with _extraction(model, cache, no_cache, timeout, compiled) as extraction:
        report = _with_skipped(api.check(draft_source, loaded, ruleset, jobs=jobs,
                                         baseline=accepted, **extraction),
                               _timed_out(extraction, skipped))
    if write_baseline is not None:
        save_baseline(write_baseline, report.findings)
    _emit(report, display, name)
    return report.exit_status()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_inputs(texts: list[str] | None) -> list[str]:
    """The texts to parse: arguments, or standard input one text a line (decoded as files
    are). Bytes that were not UTF-8 in an argument arrive as lone surrogates: each is
    read as U+FFFD, so offsets still count characters. A text over the parser's limit
    is an error naming it."""
    from claimcheck.encoding import decode
    from claimcheck.sources import PARSER_CHARS

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
                        f"the limit is {PARSER_CHARS:,}): split it", name)
                for name, text in zip(names, lines, strict=True)
                if len(text) > PARSER_CHARS]
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
    fmt: Annotated[ParseFormat, typer.Option(
        "--format", "-f", help="text for people; json, a list; jsonl, one object a line.",
        metavar="text|json|jsonl")] = ParseFormat.TEXT,
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
