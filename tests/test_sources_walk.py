"""Folders with subfolders, shell patterns, ``--exclude``, and the ``url`` of a source."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.errors import InputError, Problem
from claimcheck.sources import display_name, excluded_by, load_sources

BODY = "At least 40 people were killed on Friday, officials said.\n"


def _tree(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BODY, encoding="utf-8")


def _ids(*paths: Path, **kwargs: object) -> list[str]:
    return [s.id for s in load_sources(list(paths), **kwargs)]  # type: ignore[arg-type]


def test_subfolders_are_read_and_known_by_their_relative_path(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt", "sub/b.txt", "sub/deeper/c.md", "other/index.html")
    assert _ids(tmp_path) == ["a.txt", "other/index.html", "sub/b.txt", "sub/deeper/c.md"]


def test_two_files_of_one_name_in_two_subfolders_stay_two_sources(tmp_path: Path) -> None:
    _tree(tmp_path, "x/a.txt", "y/a.txt")
    assert _ids(tmp_path) == ["x/a.txt", "y/a.txt"]


def test_each_subfolder_has_its_own_metadata(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt", "sub/a2.txt")
    (tmp_path / "sub" / "sources.yaml").write_text(
        "- file: a2.txt\n  outlet: Wire\n  published: 2013-09-13\n", encoding="utf-8")
    (found,) = [s for s in load_sources([tmp_path]) if s.id == "sub/a2.txt"]
    assert found.outlet == "Wire" and str(found.published) == "2013-09-13"


def test_hidden_folders_are_not_walked(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt", ".git/b.txt", ".claimcheck/c.txt")
    assert _ids(tmp_path) == ["a.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_to_a_folder_is_named_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    warnings: list[Problem] = []
    assert [s.id for s in load_sources([tmp_path], warn=warnings.append)] == ["a.txt"]
    assert [Path(w.path or "").name for w in warnings] == ["loop"]


@pytest.mark.parametrize(("pattern", "kept"), [
    ("old", ["a.txt", "new/b.txt"]),
    ("*.txt", []),
    ("new/*", ["a.txt", "old/c.txt"]),
    ("**/c.txt", ["a.txt", "new/b.txt"]),
])
def test_exclude_patterns_drop_files_and_folders(tmp_path: Path, pattern: str,
                                                 kept: list[str]) -> None:
    _tree(tmp_path, "a.txt", "new/b.txt", "old/c.txt")
    if kept:
        assert _ids(tmp_path, exclude_patterns=[pattern]) == kept
    else:
        assert load_sources([tmp_path], exclude_patterns=[pattern]) == []


def test_excluded_by_matches_name_or_relative_path() -> None:
    assert excluded_by("a/b/draft.md", ["draft.md"])
    assert excluded_by("a/b/draft.md", ["a/*/draft.md"])
    assert excluded_by("a/b/draft.md", ["b"])  # a folder on the way
    assert not excluded_by("a/b/draft.md", ["c", "*.txt", "b/draft.md"])


def test_quoted_glob_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, "a.txt", "b.md", "sub/c.txt")
    monkeypatch.chdir(tmp_path)
    assert _ids(Path("*.txt")) == ["a.txt"]
    assert _ids(Path("**/*.txt")) == ["a.txt", "c.txt"]
    assert _ids(Path("**/*.txt"), exclude_patterns=["sub"]) == ["a.txt"]


def test_a_glob_that_matches_nothing_is_reported(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        load_sources([Path("*.txt")])
    assert caught.value.problems[0].code == "CC100"


# ---------------------------------------------------------------------------- url


def test_sources_yaml_takes_a_url(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt")
    (tmp_path / "sources.yaml").write_text(
        "- file: a.txt\n  outlet: The Wire\n  title: Floods\n"
        "  url: https://example.org/floods\n", encoding="utf-8")
    (source,) = load_sources([tmp_path])
    assert source.url == "https://example.org/floods"
    assert display_name(source) == "The Wire, “Floods”"


def test_front_matter_takes_a_url(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\nurl: http://example.org/a\n---\n" + BODY,
                                   encoding="utf-8")
    (source,) = load_sources([tmp_path / "a.md"])
    assert source.url == "http://example.org/a"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "example.org/a", "https://a b"])
def test_a_url_that_is_no_web_address_is_refused(tmp_path: Path, url: str) -> None:
    _tree(tmp_path, "a.txt")
    (tmp_path / "sources.yaml").write_text(f"- file: a.txt\n  url: '{url}'\n",
                                           encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("CC127", 1)


def test_a_typo_of_a_key_is_still_refused_with_a_hint(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt")
    (tmp_path / "sources.yaml").write_text("- file: a.txt\n  ulr: https://example.org\n",
                                           encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    (problem,) = caught.value.problems
    assert problem.code == "CC122" and "did you mean 'url'" in problem.message


def test_a_page_keeps_its_canonical_url(tmp_path: Path) -> None:
    page = ("<html><head><title>Floods</title>"
            '<link rel="canonical" href="https://example.org/floods"></head><body>'
            "<article><p>" + BODY * 5 + "</p></article></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (source,) = load_sources([tmp_path / "a.html"])
    assert source.url == "https://example.org/floods"


# ------------------------------------------------- a folder, its files, its patterns


def test_a_folders_sources_yaml_named_among_its_files_is_no_article(tmp_path: Path) -> None:
    """``compare folder/*`` names the folder's metadata beside its articles: it describes
    them, as in a walk of the folder, and is not read as an article itself."""
    _tree(tmp_path, "a.txt")
    (tmp_path / "sources.yaml").write_text("- file: a.txt\n  outlet: Wire\n", encoding="utf-8")
    warnings: list[Problem] = []
    (source,) = load_sources([tmp_path / "a.txt", tmp_path / "sources.yaml"],
                             warn=warnings.append)
    assert (source.id, source.outlet) == ("a.txt", "Wire")
    assert [(w.code, w.path) for w in warnings] == [("CC103", str(tmp_path / "sources.yaml"))]


@pytest.mark.model
def test_a_folder_its_files_and_its_patterns_give_one_report(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from claimcheck.cli import main

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "b.txt").write_text(BODY.replace("40", "45"), encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "- file: a.txt\n  outlet: Wire A\n  published: '2013-09-13'\n"
        "- file: b.txt\n  outlet: Wire B\n  published: '2013-09-14'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    outputs = []
    for given in (["s"], ["s/a.txt", "s/b.txt"], ["s/a.txt", "s/b.txt", "s/sources.yaml"],
                  ["s/*.txt"], ["s/*"]):
        assert main(["compare", *given, "--no-cache", "--no-html", "--format", "json"]) == 0
        outputs.append(capsys.readouterr().out)
    assert '"outlet": "Wire B"' in outputs[0] and '"sources.yaml"' not in outputs[0]
    assert all(out == outputs[0] for out in outputs[1:])
