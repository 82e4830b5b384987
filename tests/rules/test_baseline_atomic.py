"""The baseline file is written whole or not at all, like reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.rules import write_baseline


def test_a_failed_write_keeps_the_previous_baseline(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, [])
    before = path.read_text(encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("claimcheck.atomic.os.replace", broken)
    with pytest.raises(InputError) as raised:
        write_baseline(path, [])
    assert "cannot write the baseline" in str(raised.value.problems[0].message)
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary left


def test_the_writer_is_shared_and_still_importable_from_the_cli() -> None:
    from claimcheck import atomic
    from claimcheck.cli import output

    assert output.write_atomic is atomic.write_atomic
    assert output.write_atomic_chunks is atomic.write_atomic_chunks
    assert output.CANNOT_WRITE == atomic.CANNOT_WRITE

