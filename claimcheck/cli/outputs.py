"""Where each report goes: ``--format NAME[:PATH]`` (repeatable), ``--output-file``,
``--html``/``--no-html``, and the default HTML report.

One run can print text on the terminal and write SARIF and JUnit to files:
``--format text --format sarif:claimcheck.sarif --format junit:junit.xml``. At most one
format goes to standard output (to ``--output-file`` instead, when given); when every
``--format`` names a file, standard output gets ``text``. The default HTML report
(``reports/NAME.html``) is written only when nothing but text was asked for: never
beside a machine format on standard output.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from claimcheck.errors import InputError, Problem
from claimcheck.report.formats import FORMATS

BAD_FORMAT = "CC160"


class Target(BaseModel):
    """One report: its format, and the file it goes to (None: standard output)."""

    model_config = ConfigDict(frozen=True)

    fmt: str
    path: Path | None = None


class Plan(BaseModel):
    """Every report of a run; ``stdout`` is the one printed (or sent to ``--output-file``)."""

    model_config = ConfigDict(frozen=True)

    stdout: Target
    files: tuple[Target, ...] = ()
    default_html: bool = False  # write reports/NAME.html

    @property
    def text_on_terminal(self) -> bool:
        return self.stdout.fmt == "text" and self.stdout.path is None


def _parse(spec: str) -> Target:
    name, sep, path = spec.partition(":")
    name = name.strip().lower()
    if name not in FORMATS:
        raise InputError([Problem(BAD_FORMAT, f"--format: unknown format {name!r} "
                                  f"(valid: {', '.join(FORMATS)}; FORMAT:PATH writes a file)")])
    if sep and not path:
        raise InputError([Problem(BAD_FORMAT, f"--format {spec}: name a file after ':'")])
    return Target(fmt=name, path=Path(path) if path else None)


def plan_outputs(formats: Sequence[str], output_file: Path | None = None,
                 html: Path | None = None, no_html: bool = False) -> Plan:
    """The reports the options ask for, or an error naming the conflict."""
    targets = [_parse(spec) for spec in formats]
    printed = [t for t in targets if t.path is None]
    if len(printed) > 1:
        raise InputError([Problem(BAD_FORMAT, "--format: only one format can go to standard "
                                  f"output (got {', '.join(t.fmt for t in printed)}); "
                                  "write the others to files with FORMAT:PATH")])
    stdout = printed[0] if printed else Target(fmt="text")
    if output_file is not None:
        stdout = Target(fmt=stdout.fmt, path=output_file)
    files = [t for t in targets if t.path is not None]
    if html is not None:
        files.append(Target(fmt="html", path=html))
    seen: set[Path] = set()
    for target in ([stdout] if stdout.path else []) + files:
        assert target.path is not None
        key = target.path.absolute()
        if key in seen:
            raise InputError([Problem(BAD_FORMAT, f"two reports would be written to "
                                      f"{target.path}")])
        seen.add(key)
    only_text = all(t.fmt == "text" for t in targets) and stdout.fmt == "text"
    has_html = any(t.fmt == "html" for t in files) or stdout.fmt == "html"
    return Plan(stdout=stdout, files=tuple(files),
                default_html=only_text and not has_html and not no_html)
