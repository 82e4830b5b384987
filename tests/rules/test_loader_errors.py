"""Broken rule files: every problem at once, each as ``path:line:col: CODE message``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import RuleError
from claimcheck.rules import load_ruleset
from claimcheck.rules.loader import load_pack

BROKEN = [
    # (file name, content, expected first line of the rendered problem)
    ("unknown-key.yaml",
     'kind: quantity_agreement\nmessage: "x"\ntolerence:\n  relative: 0.05\n',
     "pack/unknown-key.yaml:3:1: R110 unknown key 'tolerence' (did you mean 'tolerance'?)"),
    ("nested-unknown-key.yaml",
     "kind: date_agreement\nmessage: x\napplies_to:\n  attribute: [deaths]\n",
     "pack/nested-unknown-key.yaml:4:3: R110 unknown key 'attribute' "
     "(did you mean 'attributes'?); valid keys: attributes, events, kinds"),
    ("wrong-type.yaml",
     'kind: quantity_agreement\nmessage: "x"\ntolerance:\n  relative: lots\n',
     "pack/wrong-type.yaml:4:13: R112 tolerance.relative: Input should be a valid decimal "
     "(got 'lots')"),
    ("bad-severity.yaml",
     "kind: date_agreement\nmessage: x\nseverity: eror\n",
     "pack/bad-severity.yaml:3:11: R112 severity: Input should be 'info', 'warning' or "
     "'error' (got 'eror') (did you mean 'error'?)"),
    ("unknown-kind.yaml",
     'kind: frobnicate\nmessage: "x"\n',
     "pack/unknown-kind.yaml:1:7: R113 unknown kind 'frobnicate'; valid kinds: "
     "quantity_agreement, date_agreement, place_agreement, quote_fidelity, corroboration, "
     "single_source, require_field"),
    ("misspelt-kind.yaml",
     'kind: quantity_agreemnt\nmessage: "x"\n',
     "pack/misspelt-kind.yaml:1:7: R113 unknown kind 'quantity_agreemnt' "
     "(did you mean 'quantity_agreement'?)"),
    ("missing-kind.yaml",
     "message: x\n",
     "pack/missing-kind.yaml:1:1: R111 missing required key 'kind'"),
    ("missing-message.yaml",
     "kind: single_source\n",
     "pack/missing-message.yaml:1:1: R111 missing required key 'message'"),
    ("bad-placeholder.yaml",
     'kind: date_agreement\nmessage: "{slot} is off by {slack_dayz}"\n',
     "pack/bad-placeholder.yaml:2:10: R114 message: unknown placeholder {slack_dayz} "
     "(did you mean {slack_days}?)"),
    ("bad-placeholder-in-messages.yaml",
     "kind: date_agreement\nmessage: x\nmessages:\n  agree: \"{speaker} agrees\"\n",
     "pack/bad-placeholder-in-messages.yaml:4:3: R114 messages: unknown placeholder {speaker}"),
    ("duplicate-key.yaml",
     "kind: date_agreement\nmessage: x\nseverity: error\nseverity: info\n",
     "pack/duplicate-key.yaml:4:1: R101 duplicate key 'severity': each key may appear once"),
    ("syntax.yaml",
     'kind: date_agreement\nmessage: "x\n',
     "pack/syntax.yaml:2:10: R100 found unexpected end of stream"),
    ("not-a-mapping.yaml",
     "- a\n- b\n",
     "pack/not-a-mapping.yaml:1:1: R102 a rule file is a mapping"),
    ("id-key.yaml",
     "kind: single_source\nid: mine\nmessage: x\n",
     "pack/id-key.yaml:2:1: R115 a rule's id comes from its path (pack/id-key)"),
]


@pytest.mark.parametrize(("name", "content", "expected"), BROKEN,
                         ids=[b[0].removesuffix(".yaml") for b in BROKEN])
def test_each_broken_file_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     name: str, content: str, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / name).write_text(content, encoding="utf-8")
    rules, _, problems = load_pack(Path("pack"))
    assert rules == []
    assert problems, "a broken file must never load silently"
    assert problems[0].render().startswith(expected), problems[0].render()


def test_all_problems_of_all_files_at_once(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, content, _ in BROKEN:
        (pack / name).write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_ruleset([Path("pack")])
    text = str(caught.value)
    for _, _, expected in BROKEN:
        assert expected in text
    assert "Traceback" not in text


def test_problem_shows_the_offending_line_and_a_caret(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "r.yaml").write_text("kind: date_agreement\nmessage: x\nslack_days: "
                                              "soon\n", encoding="utf-8")
    _, _, problems = load_pack(Path("pack"))
    assert problems[0].render().splitlines()[1:] == ["    slack_days: soon",
                                                     "                ^"]


def test_several_problems_in_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "r.yaml").write_text(
        "kind: quantity_agreement\nmessage: x\nseverity: loud\nunits: metric\ncolour: red\n",
        encoding="utf-8")
    _, _, problems = load_pack(Path("pack"))
    assert [p.location() + " " + p.code for p in problems] == [
        "pack/r.yaml:3:11 R112", "pack/r.yaml:4:8 R112", "pack/r.yaml:5:1 R110"]


def test_yml_files_are_not_skipped_silently(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "r.yml").write_text("kind: single_source\nmessage: x\n",
                                             encoding="utf-8")
    _, _, problems = load_pack(Path("pack"))
    assert [p.code for p in problems] == ["R103"]


def test_missing_pack_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as caught:
        load_ruleset([tmp_path / "nowhere"])
    assert caught.value.problems[0].code == "R104"


def test_bad_vocabulary_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "vocabulary.yaml").write_text(
        "attributes:\n  deaths: [perish]\nevent_noun: [siege]\n", encoding="utf-8")
    _, _, problems = load_pack(Path("pack"))
    assert problems[0].render().startswith(
        "pack/vocabulary.yaml:3:1: R110 unknown key 'event_noun' (did you mean 'event_nouns'?)")


def test_case_file_problems_are_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.rules.cases import run_packs

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "r.yaml").write_text("kind: single_source\nmessage: x\n",
                                              encoding="utf-8")
    (tmp_path / "pack" / "r.cases.yaml").write_text(
        "cases:\n  one:\n    claims:\n"
        "      - {id: a, sorce: s1, kind: quantity, about: deaths, value: 3}\n"
        "    expect:\n      - {verdict: agreed}\n", encoding="utf-8")
    results, problems = run_packs([Path("pack")])
    assert results == []
    assert [p.render().splitlines()[0] for p in problems] == [
        "pack/r.cases.yaml:4:17: R110 unknown key 'sorce' (did you mean 'source'?); "
        "valid keys: about, draft, furniture, id, kind, line, source, text, value",
        "pack/r.cases.yaml:6:19: R120 cases.one.expect.0.verdict: Input should be 'agree', "
        "'contradict', 'quote_variant', 'single_source', 'supported', 'contradicted', "
        "'unsupported', 'quote_altered', 'quote_misattributed' or 'missing_field' "
        "(got 'agreed') (did you mean 'agree'?)",
    ]
