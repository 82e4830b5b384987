"""Parsed Docs cached on disk, so matching can be re-measured in seconds.

Parsing is the cost of a benchmark on real articles; extraction and matching are cheap.
Each text's Doc is stored as a spaCy ``DocBin`` named by the hash of the text and the
pipeline's identity, under ``.claimcheck/news-docs/`` (ignored by git), and read back
with the pipeline's vocabulary. Extraction then runs on the cached Doc exactly as it
would on a fresh one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.extract.claims import extract_claims
from claimcheck.model.claims import Claim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.nlp.identity import pipeline_identity
from claimcheck.nlp.pipeline import load_pipeline
from claimcheck.sources import Source

CACHE = Path(".claimcheck") / "news-docs"


class DocCache:
    """Docs by text, parsed once per text and pipeline."""

    def __init__(self, folder: Path = CACHE, model: str | None = None) -> None:
        self.nlp = load_pipeline(model)
        self.identity = pipeline_identity(self.nlp)
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.parsed = 0
        self.read = 0

    def _path(self, text: str) -> Path:
        digest = hashlib.sha1(f"{self.identity}\0{text}".encode()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.spacy"

    def docs(self, texts: Sequence[str]) -> list[Any]:
        """The Doc of each text, in order: from the cache, or parsed and stored."""
        from spacy.tokens import DocBin

        found: list[Any] = [None] * len(texts)
        todo: list[int] = []
        for i, text in enumerate(texts):
            path = self._path(text)
            if path.exists():
                found[i] = next(iter(DocBin().from_bytes(path.read_bytes())
                                     .get_docs(self.nlp.vocab)))
                self.read += 1
            else:
                todo.append(i)
        unique = list(dict.fromkeys(texts[i] for i in todo))
        parsed = dict(zip(unique, self.nlp.pipe(unique, batch_size=16), strict=True))
        for i in todo:
            doc = parsed[texts[i]]
            path = self._path(texts[i])
            path.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=True)
            bin_.add(doc)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(bin_.to_bytes())
            tmp.replace(path)
            found[i] = doc
        self.parsed += len(unique)
        return found

    def claims(self, sources: Sequence[Source], vocabulary: Vocabulary) -> list[Claim]:
        """Every claim of ``sources``, extracted from their (cached) Docs."""
        docs = self.docs([s.readable_body for s in sources])
        return [claim for source, doc in zip(sources, docs, strict=True)
                for claim in extract_claims(doc, source, vocabulary)]
