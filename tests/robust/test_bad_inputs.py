"""Bad and hostile inputs through the command line, as a table: what is on disk, what is
run, the exit code, and the problem codes each stderr line must carry."""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from claimcheck.cli import main
from claimcheck.encoding import decode

pytestmark = pytest.mark.model

ARTICLE = ("BISHKEK — At least 40 people were killed on Friday when a quake struck near "
           "Bishkek, officials said.\n\nRescuers brought 120 tonnes of supplies.\n")
OTHER = ("At least 40 people died in Friday's quake near Bishkek, the ministry said.\n")
DRAFT = "---\ntitle: Quake\npublished: 2014-05-03\n---\n\nAt least 40 people were killed.\n"
HOSTILE = ("<script>alert('x')</script> {{ 7*7 }} \x1b[31mred\x1b[0m \u202eevil\n"
           "At least 40 people were killed near Bishkek, \"<b>officials</b>\" said.\n")
PAGE = ("<html><head><title>Quake</title><meta property=\"article:published_time\" "
        "content=\"2014-05-03\"><meta property=\"og:site_name\" content=\"Planet\"></head>"
        "<body><nav>Home</nav><article><p>" + ARTICLE + "</p></article>"
        "<footer>Donate</footer></body></html>")

SPARSE_20MB = object()  # a 20 MB file that costs no disk
DANGLING = object()  # a symlink to nothing
Content = str | bytes | object


@dataclass(frozen=True)
class Case:
    id: str
    files: dict[str, Content]
    args: list[str]  # {d} is the case's folder
    exit: int | tuple[int, ...]
    codes: list[str] = field(default_factory=list)  # each appears in stderr
    absent: list[str] = field(default_factory=list)  # none appears in stderr or stdout


CASES = [
    Case("empty-source-warns", {"s/a.txt": ARTICLE, "s/empty.txt": b""},
         ["compare", "{d}/s"], (0, 1), ["CC104"]),
    Case("blank-draft-warns", {"d.md": " \n\t\r\n", "s/a.txt": ARTICLE},
         ["check", "{d}/d.md", "--sources", "{d}/s"], 0, ["CC104"]),
    Case("pdf-and-png-in-folder-skipped", {"s/a.txt": ARTICLE, "s/b.txt": OTHER,
                                          "s/scan.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
                                          "s/photo.png": b"\x89PNG\r\n\x1a\n\x00"},
         ["compare", "{d}/s"], (0, 1), ["CC103", "CC103"]),
    Case("folder-of-only-binaries", {"s/scan.pdf": b"%PDF-1.4\n"},
         ["compare", "{d}/s"], 2, ["CC103", "CC141"]),
    Case("binary-with-article-suffix-and-broken-front-matter-all-at-once",
         {"s/a.txt": b"\x00\x01\x02\x03" * 100, "s/b.md": "---\ntitle: [x\n---\nBody",
          "s/c.txt": ARTICLE},
         ["compare", "{d}/s"], 4, ["CC101", "CC112"]),
    Case("given-pdf-file", {"scan.pdf": b"%PDF-1.7\n1 0 obj\n"},
         ["compare", "{d}/scan.pdf"], 2, ["CC101"]),
    Case("utf-16-latin-1-cp1252-bom", {
        "s/a.txt": ARTICLE.encode("utf-16"),
        "s/b.txt": ("Café owners: " + OTHER).encode("latin-1"),
        "s/c.txt": ("“Quoted” — " + OTHER).encode("cp1252"),
        "s/d.txt": codecs.BOM_UTF8 + ARTICLE.encode("utf-8")},
         ["compare", "{d}/s"], (0, 1), [], ["CC10"]),
    Case("crlf-article", {"s/a.txt": ARTICLE.replace("\n", "\r\n"), "s/b.txt": OTHER},
         ["compare", "{d}/s"], (0, 1)),
    Case("very-long-line", {"s/a.txt": ("word " * 10_000) + ARTICLE, "s/b.txt": OTHER},
         ["compare", "{d}/s"], (0, 1)),
    Case("20-mb-article", {"s/huge.txt": SPARSE_20MB, "s/a.txt": ARTICLE},
         ["compare", "{d}/s"], 4, ["CC105"]),
    Case("dangling-link-in-folder", {"s/gone.txt": DANGLING, "s/a.txt": ARTICLE},
         ["compare", "{d}/s"], 4, ["CC107"]),
    Case("missing-path", {}, ["compare", "{d}/nowhere"], 2, ["CC100"]),
    Case("unclosed-front-matter", {"d.md": "---\ntitle: x\n\nBody", "s/a.txt": ARTICLE},
         ["check", "{d}/d.md", "--sources", "{d}/s"], 2, ["d.md:1:1: CC110"]),
    Case("front-matter-bad-date", {"d.md": "---\npublished: 2014-02-30\n---\nBody",
                                   "s/a.txt": ARTICLE},
         ["check", "{d}/d.md", "--sources", "{d}/s"], 2, ["d.md:2: CC113"]),
    Case("sources-yaml-missing-file-and-bad-date",
         {"s/a.txt": ARTICLE, "s/sources.yaml": "- file: a.txt\n  published: 3 May\n"
                                                "- file: gone.txt\n"},
         ["compare", "{d}/s"], 2, ["sources.yaml:1: CC113", "sources.yaml:3: CC123"]),
    Case("sources-yaml-python-tag", {"s/a.txt": ARTICLE, "s/sources.yaml":
                                     "- file: a.txt\n  outlet: !!python/object/apply:"
                                     "os.system ['echo pwned']\n"},
         ["compare", "{d}/s"], 2, ["CC114"], ["pwned"]),
    Case("draft-inside-sources-folder", {"s/d.md": DRAFT, "s/a.txt": ARTICLE},
         ["check", "{d}/s/d.md", "--sources", "{d}/s"], (0, 1)),
    Case("draft-is-a-folder", {"s/a.txt": ARTICLE, "s/b.txt": OTHER},
         ["check", "{d}/s", "--sources", "{d}/s"], 2, ["CC142"]),
    Case("draft-is-the-only-source", {"s/d.md": DRAFT},
         ["check", "{d}/s/d.md", "--sources", "{d}/s"], 2, ["CC141"]),
    Case("html-article", {"s/page.html": PAGE, "s/b.txt": OTHER},
         ["compare", "{d}/s"], (0, 1), [], ["CC10"]),
    Case("bad-published-option", {"a.txt": ARTICLE},
         ["compare", "{d}/a.txt", "--published", "3 May"], 2, ["CC140"]),
    Case("report-over-the-draft", {"d.html": PAGE, "s/a.txt": ARTICLE},
         ["check", "{d}/d.html", "--sources", "{d}/s", "--html", "{d}/d.html"], 2,
         ["CC152"]),
    Case("hostile-file-name", {"s/\x1b[2Jevil\u202e.txt": HOSTILE, "s/a.txt": b"\x00" * 64},
         ["compare", "{d}/s"], 4, ["CC101"]),
    Case("hostile-article-text", {"s/a.txt": HOSTILE, "s/b.txt": OTHER},
         ["compare", "{d}/s"], (0, 1)),
    Case("hostile-draft-text", {"d.md": HOSTILE, "s/b.txt": OTHER},
         ["check", "{d}/d.md", "--sources", "{d}/s", "--published", "2014-05-03"], (0, 1)),
]


def _build(root: Path, files: dict[str, Content]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is SPARSE_20MB:
            with path.open("wb") as handle:
                handle.truncate(20_000_000)
        elif content is DANGLING:
            path.symlink_to(root / "does-not-exist")
        elif isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        elif isinstance(content, bytes):
            path.write_bytes(content)


def _run(case: Case, root: Path, capsys: pytest.CaptureFixture[str],
         extra: list[str]) -> tuple[int, str, str]:
    args = [arg.replace("{d}", str(root)) for arg in case.args]
    if "--html" not in args:
        args.append("--no-html")
    code = main([*args, *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   nlp: Any) -> None:
    del nlp  # loaded once; the command line reuses the cached pipeline
    _build(tmp_path, case.files)
    code, out, err = _run(case, tmp_path, capsys, ["--format", "json"])
    expected = case.exit if isinstance(case.exit, tuple) else (case.exit,)
    assert code in expected, err
    assert "Traceback" not in err and "internal error" not in err
    remaining = err
    for wanted in case.codes:
        assert wanted in remaining, err
        remaining = remaining.replace(wanted, "", 1)
    for unwanted in case.absent:
        assert unwanted not in err and unwanted not in out
    for line in err.splitlines():
        assert "\x1b" not in line and "\u202e" not in line
        if line.strip():
            assert "CC1" in line or line.startswith((" ", "claimcheck: skipped")), line
    if code in (0, 1, 4):
        _check_json(json.loads(out), tmp_path)


def _check_json(data: dict[str, Any], root: Path) -> None:
    """Every claim's text is the exact slice of its file as read, and line:col agree."""
    from claimcheck.sources import load_sources

    paths = {s["id"]: Path(s["path"]) for s in data["sources"]}
    texts = {}
    for source_id, path in paths.items():
        if path.suffix == ".html":
            (loaded,) = load_sources([path])
            texts[source_id] = loaded.text
        else:
            texts[source_id] = decode(path.read_bytes(), str(path))
    for claim in data["claims"]:
        text = texts[claim["source"]]
        assert claim["text"] == text[claim["start"]:claim["end"]]
        before = text[:claim["start"]].replace("\r\n", "\n").replace("\r", "\n")
        assert claim["line"] == before.count("\n") + 1
        assert claim["column"] == len(before) - (before.rfind("\n") + 1) + 1
    assert root.exists()


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_hostile_article_in_text_and_html_output(fmt: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str],
                                                 nlp: Any) -> None:
    del nlp
    case = next(c for c in CASES if c.id == "hostile-draft-text")
    _build(tmp_path, case.files)
    code, out, _ = _run(case, tmp_path, capsys, ["--format", fmt])
    assert code in (0, 1)
    if fmt == "text":
        assert "\x1b" not in out and "\u202e" not in out
    else:
        assert out.count("<script") == 1  # the report's own, allowed by its CSP hash
        assert "<b>" not in out
        assert "&lt;script&gt;alert" in out  # the draft's text, shown as text


def test_draft_in_sources_folder_is_only_the_draft(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   nlp: Any) -> None:
    del nlp
    case = next(c for c in CASES if c.id == "draft-inside-sources-folder")
    _build(tmp_path, case.files)
    _, out, _ = _run(case, tmp_path, capsys, ["--format", "json"])
    roles = sorted((s["id"], s["role"]) for s in json.loads(out)["sources"])
    assert roles == [("a.txt", "source"), ("d.md", "draft")]


def test_failing_renderer_leaves_the_previous_report(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     nlp: Any) -> None:
    del nlp
    _build(tmp_path, {"s/a.txt": ARTICLE, "s/b.txt": OTHER})
    report = tmp_path / "out" / "r.html"
    report.parent.mkdir()
    report.write_text("previous report", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer failed midway")

    monkeypatch.setattr("claimcheck.report.html.render_html", broken)
    code = main(["compare", str(tmp_path / "s"), "--html", str(report)])
    _, err = capsys.readouterr()
    assert code == 3 and "internal error" in err
    assert report.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in report.parent.iterdir()] == ["r.html"]


def test_default_report_through_a_symlink_elsewhere_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        nlp: Any) -> None:
    del nlp
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    _build(work, {"s/a.txt": ARTICLE})
    elsewhere.mkdir()
    (work / "reports").symlink_to(elsewhere)
    monkeypatch.chdir(work)
    code = main(["compare", "s"])
    _, err = capsys.readouterr()
    assert code == 2 and "CC151" in err
    assert list(elsewhere.iterdir()) == []
    assert os.path.islink(work / "reports")


def test_parse_shows_control_characters_as_escapes(capsys: pytest.CaptureFixture[str],
                                                   nlp: Any) -> None:
    del nlp
    code = main(["parse", "\x1b[31mAt least 40 people\x1b[0m died \u202eon Friday"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31m" in out
