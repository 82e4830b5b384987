"""A generated corpus of news articles for the benchmarks, deterministic by seed.

Each article is one of the seed articles with its numbers rescaled, its years shifted,
its months and weekdays rotated and some of its capitalised names swapped for others,
so the pipeline meets many different values and names while the prose stays news
prose. ``python -m benchmarks.corpus N FOLDER`` writes N articles and a
``sources.yaml`` with their publication dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from pathlib import Path

from claimcheck.sources import Source, load_sources

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DRAFT = ROOT / "tests" / "examples" / "draft_syria.md"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NAMES = ("Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Kowalski", "Ferreira",
         "Novak", "Ibrahim", "Castillo", "Petrov", "Nakamura", "Osei", "Brennan", "Sato",
         "Varga", "Mendes", "Hussein", "Larsen", "Quispe")
PLACES = ("Nairobi", "Lima", "Oslo", "Hanoi", "Amman", "Quito", "Accra", "Tbilisi",
          "Manila", "Dakar", "Lisbon", "Yerevan", "Bogota", "Tunis", "Almaty")

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w,]*\d)")
_YEAR = re.compile(r"^(19|20)\d\d$")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
# a capitalised word after a lower-case word: a name, not the start of a sentence
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})\b")
_NOT_NAMES = frozenset(MONTHS + WEEKDAYS)


def vary(text: str, rng: random.Random) -> str:
    """The same article with other numbers, dates and names."""
    scale = rng.uniform(0.5, 1.8)
    year_shift = rng.randint(-6, 6)
    month_shift = rng.randint(0, 11)
    day_shift = rng.randint(0, 6)

    def number(match: re.Match[str]) -> str:
        whole, fraction = match.group(1), match.group(2)
        digits = whole.replace(",", "")
        if fraction is None and _YEAR.match(digits):
            return str(int(digits) + year_shift)
        if fraction is None and len(digits) <= 2 and int(digits) <= 31:
            return str(max(1, min(28, int(digits) + rng.randint(-3, 3))))
        value = max(1, round(int(digits) * scale))
        out = f"{value:,}" if "," in whole else str(value)
        return out + (f".{fraction}" if fraction is not None else "")

    text = _NUMBER.sub(number, text)
    text = _MONTH.sub(lambda m: MONTHS[(MONTHS.index(m.group(1)) + month_shift) % 12], text)
    text = _WEEKDAY.sub(lambda m: WEEKDAYS[(WEEKDAYS.index(m.group(1)) + day_shift) % 7],
                        text)
    swaps: dict[str, str] = {}
    candidates = sorted({m.group(1) for m in _NAME.finditer(text)} - _NOT_NAMES)
    for name in rng.sample(candidates, k=len(candidates) // 3):
        swaps[name] = rng.choice(NAMES + PLACES)
    if swaps:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, swaps)) + r")\b")
        text = pattern.sub(lambda m: swaps[m.group(1)], text)
    return text


def seed_texts() -> list[str]:
    return [s.text for s in load_sources([SEEDS])]


def generate(count: int, seed: int = 0) -> list[Source]:
    """``count`` articles as sources with publication dates, the same for the same seed."""
    bases = seed_texts()
    rng = random.Random(seed)
    sources = []
    for i in range(count):
        text = vary(bases[i % len(bases)], random.Random(rng.getrandbits(64)))
        published = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        name = f"article_{i:05}.txt"
        sources.append(Source(id=name, path=name, outlet=f"Outlet {i % 17}",
                              published=published, text=text))
    return sources


def write(sources: list[Source], folder: Path) -> Path:
    """Write the articles and their ``sources.yaml`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for source in sources:
        (folder / source.id).write_text(source.text, encoding="utf-8")
        lines.append(f"- file: {source.id}\n  outlet: {source.outlet}\n"
                     f"  published: \"{source.published}\"\n")
    (folder / "sources.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


def word_count(sources: list[Source]) -> int:
    return sum(len(s.body.split()) for s in sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    sources = generate(args.count, args.seed)
    write(sources, args.folder)
    print(f"{len(sources)} articles, {word_count(sources):,} words in {args.folder}")


if __name__ == "__main__":
    main()
