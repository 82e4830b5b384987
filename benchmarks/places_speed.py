"""How long the gazetteer takes to load, how big it is, and what finding places costs.

Run: ``python benchmarks/places_speed.py [FILES...]`` (default: a few sentences).
"""

from __future__ import annotations

import sys
import time
from importlib import resources
from pathlib import Path

SAMPLE = (
    "Speaking at the summit in the Kyrgyz capital Bishkek, the president said the attack "
    "near Damascus was a crime. Ministers later met in Bali, Indonesia, and in Geneva.\n"
)


def main(paths: list[str]) -> None:
    data = resources.files("claimcheck.data")
    size = sum(len(data.joinpath(n).read_bytes())
               for n in ("gazetteer_cities.tsv.gz", "gazetteer_countries.tsv",
                         "place_aliases.tsv"))
    print(f"shipped gazetteer data: {size / 1e6:.2f} MB")
    start = time.perf_counter()
    from claimcheck.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    print(f"gazetteer load: {time.perf_counter() - start:.2f} s, {len(gaz.by_id):,} places")

    from claimcheck.extract.places import find
    from claimcheck.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = [Path(p).read_text(encoding="utf-8") for p in paths] or [SAMPLE * 20]
    docs = list(nlp.pipe(texts))
    start = time.perf_counter()
    found = sum(len(find(doc, None)) for doc in docs)
    elapsed = time.perf_counter() - start
    print(f"find: {found} place claims in {len(docs)} texts, "
          f"{1000 * elapsed / len(docs):.1f} ms per text after spaCy")


if __name__ == "__main__":
    main(sys.argv[1:])
