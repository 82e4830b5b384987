"""Where each sentence and entity of a parsed Doc begins and ends, read once per Doc.

Every claim asks which sentence it is in and which entity a token belongs to. spaCy
answers ``token.sent`` by walking to both ends of the sentence and ``doc.ents`` by
building every entity again, so asking per claim costs the length of the sentence or
the number of entities: quadratic on hostile text (one sentence of thousands of dates).
Here the answers are binary searches over bounds read in one pass.

The index is kept per Doc in a weak mapping: it goes when the Doc goes, and it holds no
reference to the Doc itself. It describes the Doc as first seen; a Doc whose length has
changed since (retokenized) is read again, one whose entities were set anew is not.
"""

from __future__ import annotations

import bisect
from itertools import islice
from typing import Any
from weakref import WeakKeyDictionary

Doc = Any  # spacy.tokens.Doc

# Bounds on the walks over the parse made for each claim, so that the work per claim does
# not grow with the length of its sentence. What a claim is about sits a few steps from
# its token in any parse of written prose (its noun, its verb and their arguments); hostile
# text ("5% 5% 5% …", a run of dates) parses into chains thousands deep and roots with
# thousands of children, where nothing found that far away would be a reading anyway.
MAX_CLIMB = 30  # ancestors visited from a claim's token
MAX_PHRASE = 24  # tokens of a phrase or subtree read (event phrases in news: under 15)
MAX_CHILDREN = 40  # a word with more children than this is not read for arguments
MAX_LOOKBACK = 60  # tokens searched back for the event a pronoun stands for
VERBAL = frozenset({"VERB", "AUX"})


def clause_verb(token: Any, limit: int = MAX_CLIMB) -> Any | None:
    """The nearest verb above ``token`` in the parse (its clause's), within ``limit``
    ancestors; None for a token no verb governs."""
    for node in islice(token.ancestors, limit):
        if node.pos_ in VERBAL:
            return node
    return None


class DocIndex:
    """Token bounds of the sentences and entities of one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.length = len(doc)
        if doc.has_annotation("SENT_START"):
            sentences = [(s.start, s.end) for s in doc.sents]
        else:
            sentences = [(0, len(doc))]  # no boundaries: the whole text is one sentence
        sentences = _cut_at_blank_lines(doc, sentences)
        self._sentence_starts = [start for start, _ in sentences]
        self._sentence_ends = [end for _, end in sentences]
        self._entities = [(e.start, e.end) for e in doc.ents]
        self._entity_starts = [start for start, _ in self._entities]
        # per-sentence answers other modules compute once, keyed by (name, sentence start)
        self.memo: dict[tuple[str, int], Any] = {}
        self._text: str | None = None

    def text(self, doc: Doc) -> str:
        """``doc.text``, which spaCy joins from the tokens on every access, read once."""
        if self._text is None:
            self._text = str(doc.text)
        return self._text

    def sentence(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token ``i``."""
        index = max(bisect.bisect_right(self._sentence_starts, i) - 1, 0)
        return self._sentence_starts[index], self._sentence_ends[index]

    def entity(self, i: int) -> tuple[int, int] | None:
        """(start, end) token indices of the named entity holding token ``i``, if any."""
        index = bisect.bisect_right(self._entity_starts, i) - 1
        if index >= 0 and i < self._entities[index][1]:
            return self._entities[index]
        return None


def _cut_at_blank_lines(doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut after every blank line: a headline with no full stop, then its
    article ("Two Dead in Park Shooting\n\nPolice said …"), is two sentences, though
    the parser may run them into one."""
    breaks = [t.i + 1 for t in doc if t.is_space and "\n\n" in t.text]
    if not breaks:
        return sentences
    cut: list[tuple[int, int]] = []
    for start, end in sentences:
        inner = breaks[bisect.bisect_right(breaks, start):bisect.bisect_left(breaks, end)]
        for point in inner:
            cut.append((start, point))
            start = point
        cut.append((start, end))
    return cut


_INDEXES: WeakKeyDictionary[Any, DocIndex] = WeakKeyDictionary()


def doc_index(doc: Doc) -> DocIndex:
    """The index of ``doc``, built on first use."""
    index = _INDEXES.get(doc)
    if index is None or index.length != len(doc):
        index = _INDEXES[doc] = DocIndex(doc)
    return index
