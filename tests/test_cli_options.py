"""Linter-style options that need no pipeline: help, version, completion, outputs,
colour, rule selection, configuration, option errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from claimcheck.cli import main
from claimcheck.cli.outputs import plan_outputs
from claimcheck.cli.style import ColorMode, use_colour
from claimcheck.errors import ClaimcheckError, Problem, RuleError
from claimcheck.rules import load_ruleset, select_rules


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.version import VERSION

    for flag in ("--version", "-V"):
        assert _run(capsys, flag) == (0, f"claimcheck {VERSION}\n", "")


@pytest.mark.parametrize("command", [[], ["compare"], ["check"], ["parse"], ["rules"],
                                     ["rules", "validate"], ["rules", "test"],
                                     ["rules", "explain"], ["completion"], ["stories"]])
def test_help_names_no_python_type_and_h_works(capsys: pytest.CaptureFixture[str],
                                               command: list[str]) -> None:
    code, out, _ = _run(capsys, *command, "-h")
    assert code == 0 and out.startswith("Usage: claimcheck")
    for python in ("<list[", "<Path>", "<str>", "<int>", "x>=", "<text|"):
        assert python not in out, python
    assert "{" not in out.splitlines()[0]  # the usage line: SOURCES..., not {SOURCES...}...


def test_help_of_compare_and_check_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("compare", "check"):
        _, out, _ = _run(capsys, command, "--help")
        assert "Examples:" in out and f"claimcheck {command} " in out.split("Examples:")[1]


def test_completion_script_and_completion(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = _run(capsys, "completion", "bash")
    assert code == 0 and "_CLAIMCHECK_COMPLETE" in out and "complete" in out
    monkeypatch.setenv("_CLAIMCHECK_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "claimcheck compare --for")
    monkeypatch.setenv("COMP_CWORD", "2")
    with pytest.raises(SystemExit):
        main([])
    assert "--format" in capsys.readouterr().out


def test_an_option_error_names_the_option_not_an_input(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    code, _, err = _run(capsys, "compare", str(tmp_path), "--published", "soon")
    assert code == 2
    assert err.startswith("claimcheck: CC140 --published:")
    assert "<input>" not in err and "Value error" not in err


def test_config_value_errors_carry_no_pydantic_prefix(tmp_path: Path) -> None:
    from claimcheck.rules.config import read_config

    path = tmp_path / "claimcheck.toml"
    path.write_text('fail_on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ClaimcheckError) as caught:
        read_config(path)
    assert "Value error" not in str(caught.value)


# ------------------------------------------------------------------------- outputs


def test_default_is_text_on_stdout_and_the_html_report() -> None:
    plan = plan_outputs([])
    assert (plan.stdout.fmt, plan.stdout.path, plan.default_html) == ("text", None, True)


@pytest.mark.parametrize("formats", [["sarif"], ["json"], ["html"], ["text", "junit:j.xml"]])
def test_no_default_html_beside_another_format(formats: list[str]) -> None:
    assert not plan_outputs(formats).default_html


def test_several_formats_in_one_run() -> None:
    plan = plan_outputs(["text", "sarif:out/cc.sarif", "junit:junit.xml"])
    assert plan.stdout.fmt == "text" and plan.stdout.path is None
    assert [(t.fmt, str(t.path)) for t in plan.files] == [("sarif", "out/cc.sarif"),
                                                         ("junit", "junit.xml")]


def test_output_file_takes_the_stdout_report() -> None:
    plan = plan_outputs(["sarif"], output_file=Path("cc.sarif"))
    assert (plan.stdout.fmt, str(plan.stdout.path)) == ("sarif", "cc.sarif")


@pytest.mark.parametrize("formats", [["text", "json"], ["pdf"], ["sarif:"],
                                     ["sarif:a.json", "json:a.json"]])
def test_conflicting_or_unknown_formats_are_user_errors(formats: list[str]) -> None:
    with pytest.raises(ClaimcheckError) as caught:
        plan_outputs(formats)
    assert caught.value.problems[0].code == "CC160"


# -------------------------------------------------------------------------- colour


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_only_and_never_with_no_color(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(ColorMode.AUTO, _Tty())
    assert not use_colour(ColorMode.AUTO, io.StringIO())
    assert use_colour(ColorMode.ALWAYS, io.StringIO())
    assert not use_colour(ColorMode.NEVER, _Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(ColorMode.AUTO, _Tty())


def test_colour_never_reaches_through_article_text() -> None:
    from claimcheck.report.text import Style, render_text
    from tests.report.samples import check_report

    coloured = render_text(check_report(), style=Style(True))
    plain = render_text(check_report())
    assert "\x1b[31;1merror\x1b[0m" in coloured and "\x1b" not in plain


# ---------------------------------------------------------------- rule selection


def test_select_by_name_pack_or_pattern_and_ignore() -> None:
    ruleset = load_ruleset()
    ids = [r.id for r in ruleset.rules]
    assert [r.id for r in select_rules(ruleset, ["quote-fidelity"]).rules] == \
        ["default/quote-fidelity"]
    assert len(select_rules(ruleset, ["default/"]).rules) == len(ids)
    kept = select_rules(ruleset, ["*-agreement"], ["date-agreement,place-agreement"]).rules
    assert {r.id for r in kept} == {i for i in ids if i.endswith("-agreement")} - {
        "default/date-agreement", "default/place-agreement"}


def test_a_selected_rule_that_does_not_exist_is_an_error_with_a_hint() -> None:
    with pytest.raises(RuleError) as caught:
        select_rules(load_ruleset(), ["quote-fidelty"])
    (problem,) = caught.value.problems
    assert problem.code == "C121" and "did you mean" in problem.message


def test_config_option_reads_the_named_file(tmp_path: Path) -> None:
    from claimcheck.cli.commands import project_config

    path = tmp_path / "elsewhere.toml"
    path.write_text('fail_on = "warning"\n', encoding="utf-8")
    config = project_config(path)
    assert config is not None and config.fail_on is not None
    assert config.fail_on.value == "warning"
    with pytest.raises(ClaimcheckError) as caught:
        project_config(tmp_path / "missing.toml")
    assert caught.value.problems[0].code == "CC143"


def test_problem_without_a_file_names_the_program() -> None:
    assert Problem("CC140", "--published: bad").render() == "claimcheck: CC140 --published: bad"


def test_the_cache_folder_ignores_itself_in_git(tmp_path: Path) -> None:
    from claimcheck.cache import ClaimStore

    store = ClaimStore(tmp_path / ".claimcheck" / "cache.sqlite")
    store.close()
    assert (tmp_path / ".claimcheck" / ".gitignore").read_text(encoding="utf-8") \
        .splitlines()[-1] == "*"
    mine = tmp_path / "work"
    mine.mkdir()
    ClaimStore(mine / "claims.sqlite").close()
    assert not (mine / ".gitignore").exists()  # a folder the user made is left alone


@pytest.mark.parametrize(("args", "shown"), [
    (["--color", "bogus"], "'bogus' is not one of 'auto', 'always', 'never'"),
    (["--jobs", "x"], "not a whole number"),
    (["--min-severity", "x"], "is not one of 'info', 'warning', 'error'"),
])
def test_usage_errors_speak_the_command_line(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, args: list[str],
                                             shown: str) -> None:
    code, _, err = _run(capsys, "compare", str(tmp_path), *args)
    assert code == 2 and shown in err
    assert "Value error" not in err and "Input should be" not in err


@pytest.mark.parametrize("option", [["--format", "sarif:{target}"], ["-f", "json", "-o",
                                                                       "{target}"]])
def test_a_report_file_may_not_replace_an_input(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, option: list[str]) -> None:
    article = tmp_path / "news" / "a.txt"
    article.parent.mkdir()
    article.write_text("At least 40 people were killed on Friday.\n", encoding="utf-8")
    args = [part.format(target=article) for part in option]
    code, _, err = _run(capsys, "compare", str(article.parent), "--no-cache", *args)
    assert code == 2 and "a.txt" in err
    assert article.read_text(encoding="utf-8").startswith("At least 40")
