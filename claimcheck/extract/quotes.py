"""Direct quotations and who said them (DESIGN §3 "Quotes").

The quotation marks are found in the text (``quote_marks``); the parse only supplies the
reporting cue and its subject (``speakers``). One mention per quoted *sentence*: a
quotation of two sentences becomes two claims, so each sentence can be matched against
another source on its own.

What counts as a quotation of a speaker:

- a quotation set off from its sentence (after a colon or comma, at the start of a
  sentence or paragraph) whose words do not look like a title;
- a fragment woven into a sentence (``reaffirmed Syria's "serious intentions to follow
  this path."``) only when a reporting cue frames it *and* it has at least
  ``min_words`` words; shorter marked phrases (``the "politics of threats"``,
  ``branded a "foreign agent"``) are terms, titles or scare quotes, and too short to
  tell a faithful quote from a misquote anyway.

The speaker is the subject of the nearest reporting cue in the quotation's own sentence
(before, after or between its parts); a quotation standing alone takes the speaker of the
sentence before it. A quotation whose speaker cannot be found is kept with
``speaker=None`` and says so in ``attribution``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from claimcheck.extract.doc_index import doc_index
from claimcheck.extract.mention import Mention
from claimcheck.extract.outlets import is_outlet
from claimcheck.extract.quote_marks import (
    QuotedSpan,
    find_quoted_spans,
    paragraphs,
    split_sentences,
)
from claimcheck.extract.speakers import (
    DEFAULT_REPORTING_VERBS,
    MOUTHPIECE_NOUNS,
    PERSONAL_PRONOUNS,
    NameBook,
    NameMention,
    build_name_book,
    mention_tokens,
    titled_name,
)
from claimcheck.model.quotes import QuoteValue, normalise_quote
from claimcheck.model.vocabulary import Vocabulary

MIN_WORDS = 4  # a woven fragment shorter than this is a term or scare quote
MAX_SENTENCE_CHARS = 1_500  # a longer "sentence" is a text without full stops: cut it
_SMALL_WORDS = frozenset(str.split("a an and the of in on at to for with by or from"))
_TERMINATOR = re.compile(r"[.?!][)\]'’\"”]*\s")
_ABBREVIATION = re.compile(r"(?:[a-z]\.)*[a-z]|mr|mrs|ms|dr|st|gen|sen|rep|gov|"
                           r"jan|feb|aug|sept?|oct|nov|dec|no")


class Attribution(NamedTuple):
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    token: int | None  # the cue's token index
    how: str
    # the speaker resolved through a pronoun or a role ("he", "the minister"), not named;
    # a quotation standing alone keeps the flag of the attribution it takes over
    inferred: bool = False


def find(doc: Any, published: date | None = None, vocabulary: Vocabulary | None = None,
         *, min_words: int = MIN_WORDS) -> list[Mention]:
    """Quotations of speakers in ``doc``, one mention per quoted sentence.

    ``vocabulary.reporting_verbs`` add to ``DEFAULT_REPORTING_VERBS`` (a rule pack adds
    words, never removes them); ``min_words`` is the shortest woven fragment, or set-off
    quotation with no reporting cue, that is kept.
    """
    del published  # quotations need no date anchor
    verbs = frozenset(DEFAULT_REPORTING_VERBS).union(
        vocabulary.reporting_verbs if vocabulary else ())
    text = doc_index(doc).text(doc)
    spans = find_quoted_spans(text)
    if not spans:
        return []
    context = _Context(doc, text, spans, verbs)
    mentions: list[Mention] = []
    chains = _chains(spans)
    sizes = [sum(len(text[s.start:s.end].split()) for s in group) for group in chains]
    interrupted = [False] * len(chains)
    for index in range(1, len(chains)):
        if _interrupts(context, chains[index - 1][-1], chains[index][0]):
            interrupted[index - 1] = interrupted[index] = True
            sizes[index - 1] = sizes[index] = sizes[index - 1] + sizes[index]
    for group, words, broken in zip(chains, sizes, interrupted, strict=True):
        partial = broken or _is_partial(context, group[0])
        attribution = context.attribute(group) or context.colon_speaker(group[0])
        if attribution is None:
            if partial or (words < min_words or _looks_like_title(text, group)):
                continue
            attribution = context.previous_speaker(group[0])
        elif partial and words < min_words:
            continue
        context.remember(group[-1].end, attribution)
        first_token = context.token_at(group[0].start)
        for span in group:
            for start, end in split_sentences(text, span.start, span.end):
                value = QuoteValue(
                    quote=normalise_quote(text[start:end]),
                    speaker=attribution.speaker, speaker_text=attribution.speaker_text,
                    cue=attribution.cue, partial=partial, attribution=attribution.how,
                    inferred=attribution.inferred and attribution.speaker is not None)
                token = attribution.token if attribution.token is not None else first_token
                mentions.append(Mention(kind="quote", start=start, end=end, value=value,
                                        token=token))
    return mentions


def _chains(spans: Sequence[QuotedSpan]) -> list[list[QuotedSpan]]:
    """Quotations joined across paragraphs (an unclosed paragraph continued in the next)."""
    chains: list[list[QuotedSpan]] = []
    for span in spans:
        if span.continued and chains and chains[-1][-1].continues:
            chains[-1].append(span)
        else:
            chains.append([span])
    return chains


def _interrupts(context: _Context, first: QuotedSpan, second: QuotedSpan) -> bool:
    """``"The deal," Putin said, "is done."``: one sentence quoted in two parts."""
    text = context.text
    if first.close_mark is None or text[first.end - 1] != "," \
            or context.paragraph_of(first.start) != context.paragraph_of(second.start):
        return False
    between = text[first.close_mark + 1:second.open_mark]
    opening = text[second.start:second.end].lstrip("'‘ ")[:1]
    return opening.islower() and len(between.split()) <= 12 \
        and not _TERMINATOR.search(between + " ")


def _looks_like_title(text: str, group: Sequence[QuotedSpan]) -> bool:
    """Mostly capitalised words and no sentence punctuation: a title, not speech."""
    words = [w for s in group for w in text[s.start:s.end].split()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content or text[group[-1].end - 1] in ".?!,":
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    return capitalised / len(content) >= 0.6


def _is_partial(context: _Context, span: QuotedSpan) -> bool:
    """Woven into a sentence: starts in lower case, or follows a word that is not a cue."""
    text = context.text
    first = text[span.start:span.end].lstrip("'‘\"“ ")[:1]
    if first.islower():
        return True
    paragraph_start = context.paragraph_of(span.open_mark)[0]
    pos = span.open_mark - 1
    while pos >= paragraph_start and text[pos].isspace():
        pos -= 1
    if pos < paragraph_start or not text[pos].isalnum():
        return False
    token = context.doc[context.token_at(pos)]
    return token.lemma_.lower() not in context.verbs


class _Context:
    """One article's parse, quotations and names, shared by the steps of ``find``."""

    def __init__(self, doc: Any, text: str, spans: Sequence[QuotedSpan],
                 verbs: frozenset[str]) -> None:
        self.doc = doc
        self.text = text
        self.verbs = verbs
        self.paragraphs = paragraphs(self.text)
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self.quoted = sorted((s.open_mark, s.close_mark + 1 if s.close_mark is not None
                              else s.end) for s in spans)
        self.book: NameBook = build_name_book(doc, self.quoted)
        self.index = doc_index(doc)
        self._quoted_starts = [q[0] for q in self.quoted]
        columns = _columns(doc)
        self._token_starts: list[int] = columns[0]
        # read once, so a quotation's sentence and cues cost binary searches, not walks
        # over characters and tokens: full stops outside quotations, and reporting cues
        self._stops = [m.start() for m in _TERMINATOR.finditer(text)
                       if self._quoted_range(m.start()) is None
                       and self._is_terminator(m.start())]
        self._cue_tokens = [t for t in map(doc.__getitem__, columns[1]) if self._is_cue(t)]
        self._cue_starts = [t.idx for t in self._cue_tokens]
        self.attributed: list[tuple[int, Attribution]] = []
        self._attributed_ends: list[int] = []

    def remember(self, quote_end: int, attribution: Attribution) -> None:
        """A quotation's attribution, for the quotations standing alone after it."""
        index = bisect.bisect_right(self._attributed_ends, quote_end)
        self._attributed_ends.insert(index, quote_end)
        self.attributed.insert(index, (quote_end, attribution))

    # --- positions ---------------------------------------------------------------
    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._token_starts, offset) - 1)

    def paragraph_of(self, offset: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[index]

    def _quoted_range(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self._quoted_starts, offset) - 1
        if index >= 0 and self.quoted[index][0] <= offset < self.quoted[index][1]:
            return self.quoted[index]
        return None

    def _is_terminator(self, pos: int) -> bool:
        match = _TERMINATOR.match(self.text, pos)
        if not match:
            return False
        word = self.text[max(0, pos - 24):pos].rsplit(None, 1)
        last = word[-1].lower() if word else ""
        return not _ABBREVIATION.fullmatch(last)

    def sentence_start(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts, stepping over quotations; never
        more than ``MAX_SENTENCE_CHARS`` back (a text without full stops would make every
        quotation's sentence reach the start of the paragraph)."""
        start = max(self.paragraph_of(offset)[0], offset - MAX_SENTENCE_CHARS)
        index = bisect.bisect_left(self._stops, offset) - 1
        if index >= 0 and self._stops[index] >= start:
            return self._stops[index] + 1
        return start

    def sentence_end(self, offset: int) -> int:
        """Where the sentence from ``offset`` ends: its full stop, or the next quotation
        (which has its own cue)."""
        end = min(self.paragraph_of(offset)[1], offset + MAX_SENTENCE_CHARS)
        if self._quoted_range(offset) is not None:
            return offset
        index = bisect.bisect_left(self._stops, offset)
        if index < len(self._stops):
            end = min(end, self._stops[index] + 1)
        index = bisect.bisect_left(self._quoted_starts, offset)
        if index < len(self._quoted_starts):
            end = min(end, max(offset, self._quoted_starts[index]))
        return end

    # --- cues and speakers -------------------------------------------------------
    def _frames(self, group: Sequence[QuotedSpan]) -> list[tuple[int, int]]:
        first, last = group[0], group[-1]
        frames = [(self.sentence_start(first.open_mark), first.open_mark)]
        for span in (first, last) if len(group) > 1 else (first,):
            if span.close_mark is not None and self.text[span.end - 1] != ".":
                frames.append((span.close_mark + 1, self.sentence_end(span.close_mark + 1)))
        return frames

    def _is_cue(self, token: Any) -> bool:
        """A reporting verb, or "according" before "to", outside the quotations."""
        if self._quoted_range(token.idx) is not None:
            return False
        if token.lemma_.lower() in self.verbs and token.pos_ in {"VERB", "AUX"}:
            return True
        return bool(token.lower_ == "according" and token.i + 1 < len(self.doc)
                    and self.doc[token.i + 1].lower_ == "to")

    def _cues(self, start: int, end: int) -> list[Any]:
        low = bisect.bisect_left(self._cue_starts, start)
        high = bisect.bisect_left(self._cue_starts, end)
        return self._cue_tokens[low:high]

    def attribute(self, group: Sequence[QuotedSpan]) -> Attribution | None:
        """The nearest reporting cue in the quotation's sentence, and its speaker."""
        first, last = group[0], group[-1]
        candidates = []
        for start, end in self._frames(group):
            for cue in self._cues(start, end):
                distance = (first.open_mark - cue.idx if cue.idx < first.open_mark
                            else cue.idx - (last.close_mark or last.end))
                candidates.append((distance, cue.i, cue))
        if not candidates:
            return None
        candidates.sort(key=lambda c: (c[0], c[1]))
        # the nearest cue decides: a farther one belongs to another statement
        return self._speaker_of_cue(candidates[0][2])

    def _speaker_of_cue(self, cue: Any) -> Attribution:
        if cue.lower_ == "according":
            subject = next((g for c in cue.children if c.lower_ == "to" for g in c.children
                            if g.dep_ == "pobj"), None)
            if subject is None and cue.i + 2 < len(self.doc):
                subject = self.doc[cue.i + 2]
            lemma = "according to"
        else:
            subject = _subject(cue)
            lemma = cue.lemma_.lower()
        if subject is None:
            return Attribution(None, None, lemma, cue.i, f"no subject found for '{cue.text}'")
        speaker, written, how, inferred = self.speaker_of(subject)
        if lemma == "according to":
            how = how.replace("subject", "named by")
            return Attribution(speaker, written, lemma, cue.i, f"{how} 'according to'",
                               inferred)
        return Attribution(speaker, written, lemma, cue.i, f"{how} of '{cue.text}'",
                           inferred)

    def speaker_of(self, subject: Any) -> tuple[str | None, str, str, bool]:
        """(speaker, mention as written, how, inferred) for the subject token of a cue."""
        tokens = mention_tokens(subject)
        bounds = self.index.entity(subject.i)
        entity_end = bounds[1] if bounds is not None else subject.i + 1
        if entity_end - 1 > subject.i:  # "Institute for Fiscal Studies"
            tokens += list(subject.doc[subject.i + 1:entity_end])
        written = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        offset = tokens[0].idx
        if subject.lower_ in PERSONAL_PRONOUNS:
            return self.book.last_person(offset, subject.lower_), written, \
                f"'{written}' = the last person named, subject", True
        if subject.pos_ == "PRON":
            return None, written, f"pronoun '{written}' not resolved, subject", False
        if subject.lemma_.lower() in MOUTHPIECE_NOUNS and subject.pos_ == "NOUN":
            body = self._body_of(subject, tokens)
            if body is None:
                return None, written, f"unnamed '{written}', subject", False
            return body, written, f"'{written}' speaks for {body}, subject", False
        title, name = titled_name(tokens)
        if name and is_outlet(name, any(t.ent_type_ == "PERSON" for t in tokens)):
            return None, written, f"'{written}' reports the words, an outlet, subject", False
        if name:
            speaker = self.book.full_name(name, offset)
            self.book.add(NameMention(speaker, title, offset, True, True))
            partners = self._partners(subject)
            if partners:
                named = sorted([(offset, speaker), *partners])
                joint = " and ".join(dict.fromkeys(name for _, name in named))
                edges = list(subject.subtree)
                written = self.text[edges[0].idx:edges[-1].idx + len(edges[-1].text)]
                return joint, written, "joint subject", False
            return speaker, written, "subject", False
        role_words = title or (subject.lower_,)
        for prep in subject.children:  # "the secretary of state"
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > subject.i:
                role_words = (*role_words, *(t.lower_.replace(".", "") for t in prep.subtree))
                end = max(t.idx + len(t.text) for t in prep.subtree)
                written = self.text[tokens[0].idx:end]
        role = self.book.by_role(role_words, offset)
        if role is not None:
            self.book.add(NameMention(role, tuple(role_words), offset, True, True))
            return role, written, \
                f"'{written}' = the last person with that title, subject", True
        return None, written, f"unnamed '{written}', subject", False

    def _partners(self, subject: Any) -> list[tuple[int, str]]:
        """Other names joined to a subject: "Lavrov and Kerry said" is a joint statement.

        The small model may hang "A and B" off either name, so both the names joined
        before the subject in its subtree and its ``conj`` children count.
        """
        doc = subject.doc
        partners = []
        segment: list[Any] = []
        for token in doc[subject.left_edge.i:subject.i]:
            if token.pos_ == "CCONJ":
                partners.append(segment)
                segment = []
            else:
                segment.append(token)
        partners = [s for s in partners if s]
        partners += [mention_tokens(c) for c in subject.children
                     if c.dep_ == "conj" and c.pos_ == "PROPN"]
        names = []
        for tokens in partners:
            name = titled_name(tokens).name if tokens[-1].pos_ == "PROPN" else ""
            if not name:
                continue
            full = self.book.full_name(name, tokens[0].idx)
            # "Trade and Industry Minister X": a lone capitalised word is not a person
            if len(full.split()) > 1 or any(t.ent_type_ == "PERSON" for t in tokens):
                names.append((tokens[0].idx, full))
        return names

    def _body_of(self, noun: Any, tokens: Sequence[Any]) -> str | None:
        """Whom a statement or spokesman speaks for: "a UN statement", "a spokesman of X"."""
        owners = [t for t in tokens[:-1] if t.pos_ == "PROPN"]
        if owners:
            return self.book.full_name(" ".join(t.text for t in owners), tokens[0].idx)
        for prep in noun.children:
            if prep.lower_ in {"of", "for"}:
                for owner in prep.children:
                    if owner.dep_ == "pobj":
                        title, name = titled_name(mention_tokens(owner))
                        if name:
                            return self.book.full_name(name, owner.idx)
                        return self.book.by_role(title, owner.idx)
        return None

    def colon_speaker(self, span: QuotedSpan) -> Attribution | None:
        """``Putin: "We will respond."`` (headlines, transcripts): a bare name and a colon."""
        start = self.sentence_start(span.open_mark)
        before = self.text[start:span.open_mark].rstrip()
        if not before.endswith(":"):
            return None
        tokens = [t for t in self.doc[self.token_at(start):self.token_at(span.open_mark)]
                  if start <= t.idx < span.open_mark - 1 and not t.is_space]
        if not tokens or tokens[-1].text != ":" or len(tokens) > 6:
            return None
        words = tokens[:-1]
        if not words or any(not t.text[:1].isupper() for t in words):
            return None
        name = titled_name(words).name
        if not name or is_outlet(name, any(t.ent_type_ == "PERSON" for t in words)):
            return None
        written_as = self.book.knows(name)
        if written_as is None and not any(t.ent_type_ in {"PERSON", "ORG"} for t in words):
            return None  # "Update:", "Note:" are not speakers
        # a transcript's "TRUMP:" is the person only if the article names one Trump
        speaker = self.book.full_name(written_as or name, words[0].idx)
        written = self.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        return Attribution(speaker, written, None, None, "named before a colon")

    def previous_speaker(self, span: QuotedSpan) -> Attribution:
        """For a quotation standing alone: the speaker of the sentence just before it."""
        start = self.sentence_start(span.open_mark)
        if start == self.paragraph_of(span.open_mark)[0]:
            index = bisect.bisect_left(self._paragraph_starts, start)
            if index == 0:
                return Attribution(None, None, None, None, "no speaker found")
            end = self.paragraphs[index - 1][1]
        else:
            end = start
        before = self.sentence_start(max(0, end - 1))
        last = bisect.bisect_right(self._attributed_ends, end)
        first = bisect.bisect_left(self._attributed_ends, before)
        for _, attribution in reversed(self.attributed[first:last]):
            if attribution.speaker is not None:
                return attribution._replace(
                    token=None, how=f"continues the quotation before it ({attribution.how})")
        cues = sorted(self._cues(before, end), key=_depth)
        for cue in cues:
            attribution = self._speaker_of_cue(cue)
            if attribution.speaker is not None:
                return attribution._replace(token=None,
                                            how=f"sentence before: {attribution.how}")
        return Attribution(None, None, None, None, "no speaker found")


def _columns(doc: Any) -> tuple[list[int], list[int]]:
    """Each token's character offset, and the indices of the tokens that may be cues
    (verbs, "according"), from the Doc's arrays: no Token object made for the rest."""
    import numpy
    from spacy.attrs import IDX, LOWER, POS
    from spacy.symbols import AUX, VERB

    if not len(doc):
        return [], []
    columns = doc.to_array([IDX, POS, LOWER])
    maybe = numpy.isin(columns[:, 1], [VERB, AUX]) | (
        columns[:, 2] == doc.vocab.strings["according"])
    return columns[:, 0].tolist(), numpy.flatnonzero(maybe).tolist()


def _depth(token: Any) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _subject(verb: Any, depth: int = 0) -> Any | None:
    """The speaker token of a reporting verb: its subject, a passive's agent, or its head's."""
    if verb.lemma_.lower() == "quote":  # "X was quoted (by an agency) as saying"
        quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if quoted is not None:
            return quoted
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if any(child.dep_ in {"auxpass", "nsubjpass"} for child in verb.children):
        # "was described as "…" by X": the parser may hang the by-phrase lower down
        for token in verb.subtree:
            if token.lower_ == "by" and token.i > verb.i:
                for pobj in token.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None
    if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"}:
        return verb.head  # "Xi Jinping, speaking at the summit, …"
    if depth < 3 and verb.dep_ in {"advcl", "xcomp", "conj", "ccomp"} \
            and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        return _subject(verb.head.head, depth + 1)  # "quoted as saying"
    return None
