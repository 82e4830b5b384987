"""Time and memory of reading inputs at their extremes: a 20 MB article, a very long line,
a folder of thousands of files, an HTML page. Prints one figure a line.

    python benchmarks/load_inputs.py
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.sources import MAX_ARTICLE_CHARS, load_sources

PARAGRAPH = ("At least 40 people were killed on Friday in clashes near the capital, "
             "officials said, and more than 1,200 were injured.\n\n")


def measure(label: str, action: Callable[[], Any]) -> Any:
    tracemalloc.start()
    began = time.perf_counter()
    try:
        result = action()
    except InputError as err:
        result = f"refused: {err.problems[0].code} {err.problems[0].message}"
    elapsed = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    shown = result if isinstance(result, str) else f"{len(result)} sources"
    print(f"{label}: {elapsed:.3f} s, peak {peak / 1e6:.1f} MB — {shown}")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        huge = root / "huge.txt"
        huge.write_text(PARAGRAPH * (20_000_000 // len(PARAGRAPH)), encoding="utf-8")
        measure(f"20 MB article ({huge.stat().st_size:,} bytes)", lambda: load_sources([huge]))
        near = root / "near.txt"
        near.write_text(PARAGRAPH * ((MAX_ARTICLE_CHARS - 1000) // len(PARAGRAPH)),
                        encoding="cp1252")
        measure("article just under the limit", lambda: load_sources([near]))
        line = root / "line.txt"
        line.write_text(PARAGRAPH.strip() * 6000, encoding="utf-8")
        measure(f"one line of {line.stat().st_size:,} characters", lambda: load_sources([line]))
        folder = root / "many"
        folder.mkdir()
        for i in range(5000):
            (folder / f"{i:05d}.txt").write_text(PARAGRAPH, encoding="utf-8")
        measure("folder of 5,000 articles", lambda: load_sources([folder]))
        page = root / "page.html"
        page.write_text("<html><head><title>T</title></head><body><nav>Home</nav><article>"
                        + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(200))
                        + "</article></body></html>", encoding="utf-8")
        measure("HTML page of 200 paragraphs", lambda: load_sources([page]))


if __name__ == "__main__":
    main()
