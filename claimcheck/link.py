"""Grouping: which claims, across sources, are about the same thing.

Precision first. Each source's mentions of one event are merged first
(``merge_events_within_sources``). Claims are then put in candidate blocks
(``matching.block_of``: kind, measure class, what is counted) and each block is
clustered by scored, complete-link matching (``complete_link.cluster`` over
``matching.compatibility``): no group holds a pair that a hard exclusion forbids
(another event, another subgroup, disjoint places or times, one source stating two
figures for one slot). A group of several sources whose claims do not all say what they
measure is "possibly related", naming what is missing; one joined on weak evidence may
only be said to agree. Quotes group by their words, whoever they are attributed to.

Cost: blocks keep the work to claims that could state one fact, and the clustering
scores a newcomer once per kind of member, not once per member, so time grows with the
claims of a block, not with its pairs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date

from claimcheck.complete_link import cluster as cluster_claims
from claimcheck.gcpause import paused_gc
from claimcheck.main_event import Story, build_story
from claimcheck.matching import block_of, compatibility, exclusion, judgeable
from claimcheck.model.claims import About, Claim, DateClaim, Event, QuoteClaim
from claimcheck.model.dates import DateRange, far_apart
from claimcheck.model.findings import ClaimGroup
from claimcheck.model.places import Place, PlaceRelation, relate
from claimcheck.model.quotes import fragment_of, normalise_quote, sequence_similarity
from claimcheck.model.vocabulary import Vocabulary

# word-sequence similarity (0–100) from which two quotations are compared at all; the
# quote rule then decides verbatim, variant or misattributed with its own thresholds
QUOTE_LINK_THRESHOLD = 50.0


class _Mentions:
    """The mentions of one event in one source, as they are clustered."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.modifiers: set[str] = set()
        self.countries: set[str] = set()
        self.places: list[Place] = []
        self.dates: list[DateRange] = []
        self.members: list[int] = []

    def accepts(self, event: Event, own_date: DateRange | None) -> bool:
        if event.names and self.names and not set(event.names) & self.names:
            return False
        dates = [d for d in (event.date, own_date) if d is not None]
        if any(far_apart(a, b) for a in dates for b in self.dates):
            return False
        if event.modifiers and self.modifiers and not set(event.modifiers) & self.modifiers:
            return False  # "a joint news conference" is not "an international conference"
        return not (event.places and self.places and all(
            relate(a, b) is PlaceRelation.DISJOINT for a in event.places for b in self.places))

    def add(self, index: int, event: Event, own_date: DateRange | None) -> None:
        self.members.append(index)
        self.names.update(event.names)
        self.modifiers.update(event.modifiers)
        self.countries.update(event.countries)
        self.places.extend(p for p in event.places if p not in self.places)
        # distinct dates only: repeats change no answer and would make ``accepts`` slow
        self.dates.extend(d for d in dict.fromkeys((event.date, own_date))
                          if d is not None and d not in self.dates)


def merge_events_within_sources(claims: Sequence[Claim]) -> list[Claim]:
    """Mentions of one event in one source become one event: "a security summit in
    Kyrgyzstan" takes the name of "the summit of the SCO in Bishkek", "the march" the
    date of "Wednesday's march".

    Mentions of one head cluster unless their names, dates (a date claim's own value
    counts), modifiers or places tell them apart; a mention that fits two clusters stays
    alone. Names, countries, places and the event's date travel inside a cluster — but a
    place claim never receives places (they are what it states), nor a date claim a date.
    """
    events = [claim.about.event for claim in claims]
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (claim, event) in enumerate(zip(claims, events, strict=True)):
        if event is not None and not event.implicit:
            by_key[(claim.source, event.head)].append(index)
    shared: list[tuple[int, _Mentions]] = []
    for indices in by_key.values():
        if len(indices) == 1:
            continue  # a lone mention: nothing to share
        clusters: list[_Mentions] = []
        for index in sorted(indices, key=lambda i: (not _names(events[i]), i)):
            event, own = events[index], _own_date(claims[index])
            assert event is not None
            fits = _fitting(clusters, event, own)
            cluster = fits[0] if len(fits) == 1 else _Mentions()
            if len(fits) != 1:
                clusters.append(cluster)
            cluster.add(index, event, own)
            shared.append((index, cluster))
    result = list(claims)
    for index, found in shared:
        if len(found.members) > 1:
            result[index] = _with_cluster(claims[index], found)
    return result


def _names(event: Event | None) -> tuple[str, ...]:
    return event.names if event is not None else ()


def _with_cluster(claim: Claim, found: _Mentions) -> Claim:
    """``claim`` with what its cluster knows of the event; the claim itself if nothing new."""
    event = _event(claim)
    update: dict[str, object] = {"names": event.names or tuple(sorted(found.names))}
    if claim.kind != "location":
        update["countries"] = tuple(sorted(set(event.countries) | found.countries))
        update["places"] = tuple(found.places)
    if claim.kind != "date" and event.date is None and found.dates:
        update["date"] = found.dates[0]
    if all(getattr(event, field) == value for field, value in update.items()):
        return claim  # the cluster adds nothing: no copies
    about = claim.about.model_copy(update={"event": event.model_copy(update=update)})
    return claim.model_copy(update={"about": about})


def _fitting(clusters: Sequence[_Mentions], event: Event,
             own: DateRange | None) -> list[_Mentions]:
    """The clusters that accept a mention, stopping at two (two fits: it stays alone)."""
    fits: list[_Mentions] = []
    for cluster in clusters:
        if cluster.accepts(event, own):
            fits.append(cluster)
            if len(fits) == 2:
                break
    return fits


def _event(claim: Claim) -> Event:
    assert claim.about.event is not None
    return claim.about.event


def _own_date(claim: Claim) -> DateRange | None:
    return claim.value.range if isinstance(claim, DateClaim) else None


_GENERIC_SOURCE_WORDS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources",
    "statement", "report", "reports", "figure", "figures", "estimate", "estimates", "data",
    "the", "a", "an", "of", "its", "their", "his", "her", "local", "senior", "said",
})


def attribution_key(attribution: str | None) -> frozenset[str]:
    """Content words of whose figure a claim is: "a police spokesman" → {police}."""
    if not attribution:
        return frozenset()
    from claimcheck.extract.about import normalise_name

    words = normalise_name(attribution).split()
    return frozenset(w.rstrip("s") for w in words if w not in _GENERIC_SOURCE_WORDS)


def link(claims: Sequence[Claim], vocabulary: Vocabulary | None = None, *,
         published: Mapping[str, date | None] | None = None,
         focus: str | None = None) -> list[ClaimGroup]:
    """Groups of claims about the same slot, plus "possibly related" groups, deterministic.

    ``published`` (source id → publication date) dates each source's figures, so a
    finding can say which is the latest; without it the dates the sources' own date
    claims were resolved against stand in. With ``focus`` (a source id: the draft of a
    check) only the groups that hold a claim of that source are made and returned:
    candidate blocks without such a claim are not clustered, and in the others only the
    claims that can meet one of its claims (``meeting``) are.
    """
    del vocabulary  # reserved: vocabularies already shaped the events during extraction
    with paused_gc():  # many small records, no cycles: see claimcheck.gcpause
        return _link(claims, published or {}, focus)


def linkable(claims: Sequence[Claim]) -> list[Claim]:
    """The claims grouping reads: one event per mention cluster of a source, no page
    furniture. Each source's claims become what they do from that source's alone."""
    return [c for c in merge_events_within_sources(claims) if not c.furniture]


def link_linkable(usable: Sequence[Claim], story: Story,
                  focus: str | None = None) -> list[ClaimGroup]:
    """``link`` of claims already made ``linkable``, with the story of every source
    (``build_story`` of all of them, or ``combine_stories`` of their summaries). With
    ``focus``, ``usable`` may hold only the candidate blocks of that source's claims
    (and every quote, when it has one), or of those only the claims that can meet one of
    its claims: the groups are the same."""
    with paused_gc():
        return _link_usable(usable, story, focus)


def _link(claims: Sequence[Claim], published: Mapping[str, date | None],
          focus: str | None = None) -> list[ClaimGroup]:
    usable = linkable(claims)
    story = build_story(usable, published)  # of every claim, whatever the focus
    return _link_usable(usable, story, focus)


def _link_usable(usable: Sequence[Claim], story: Story,
                 focus: str | None = None) -> list[ClaimGroup]:
    quotes = [c for c in usable if isinstance(c, QuoteClaim)]
    blocks: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in usable:
        if isinstance(claim, QuoteClaim):
            continue
        key = block_of(claim, story)
        if key is not None:  # a date or place of nothing we can name is not comparable
            blocks[key].append(claim)
    if focus is not None:
        wanted = {key for key, members in blocks.items()
                  if any(c.source == focus for c in members)}
        blocks = {key: blocks[key] for key in wanted}
        if not any(c.source == focus for c in quotes):
            quotes = []
    groups: list[ClaimGroup] = []
    for key in sorted(blocks, key=repr):
        members = blocks[key] if focus is None else meeting(blocks[key], focus, story)
        groups.extend(_link_block(members, story))
    groups.extend(_link_quotes(quotes if focus is None else meeting_quotes(quotes, focus)))
    if focus is not None:
        mine = {c.id for c in usable if c.source == focus}
        groups = [g for g in groups if not mine.isdisjoint(g.claims)]
    return sorted(groups, key=lambda g: (g.related, g.slot, g.id))


def meeting(members: Sequence[Claim], focus: str, story: Story) -> list[Claim]:
    """The claims of one block that a check of source ``focus`` (the draft) groups: the
    draft's, and those that can meet one of them, that is that it does not exclude
    (and, in a block of dates or places, links to with explicit evidence of one event).

    A check asks what the sources say of the draft's facts: a claim that no claim of
    the draft can meet could never be its evidence, so it takes no part in grouping
    either, and cannot sway where the claims that can meet one go. The work then grows
    with the claims that can meet the draft's, not with every pair of the block."""
    drafts = [c for c in members if c.source == focus]
    strict = bool(members) and members[0].kind in ("date", "location")

    def meets(claim: Claim) -> bool:
        for mine in drafts:
            if not strict:  # not excluded is enough: no link to score
                if exclusion(mine, claim, story) is None:
                    return True
                continue
            found = compatibility(mine, claim, story)
            if found.excluded is None and found.explicit:
                return True
        return False

    return [c for c in members if c.source == focus or meets(c)]


def meeting_quotes(quotes: Sequence[QuoteClaim], focus: str) -> list[QuoteClaim]:
    """The quotes a check of source ``focus`` groups: the draft's, and those that one of
    them would be compared with and found similar to (``_link_quotes``' test of a pair):
    as with ``meeting``, quotes that meet no quote of the draft take no part."""
    drafts = [quote_words(q) for q in quotes if q.source == focus]

    def meets(quote: QuoteClaim) -> bool:
        text, long_words, length = quote_words(quote)
        for other, other_words, other_length in drafts:
            if not words_may_meet(len(long_words & other_words), length, other_length):
                continue
            if fragment_of(text, other) or \
                    sequence_similarity(text, other) >= QUOTE_LINK_THRESHOLD:
                return True
        return False

    return [q for q in quotes if q.source == focus or meets(q)]


def quote_words(quote: QuoteClaim) -> tuple[str, frozenset[str], int]:
    """A quote's normalised text, its long words (five letters or more) and how many
    words it has: all that decides whether two quotes are compared at all."""
    text = normalise_quote(quote.value.quote)
    split = text.split()
    return text, frozenset(w for w in split if len(w) >= 5), len(split)


def words_may_meet(shared: int, length: int, other_length: int) -> bool:
    """Whether two quotes sharing ``shared`` long words are compared: one shared word
    is enough when either is short, else two are needed."""
    return bool(shared) and (shared >= 2 or min(length, other_length) <= 4)


def _link_block(members: list[Claim], story: Story) -> list[ClaimGroup]:
    """The groups of one candidate block: scored, complete-link clusters. A cluster of
    several sources is judged when each claim says what it measures and counts; else it
    is "possibly related", naming what is missing."""
    members = sorted(members, key=lambda c: (c.source, c.start, c.id))
    groups: list[ClaimGroup] = []
    strict = members[0].kind in ("date", "location")
    clusters = cluster_claims(members, story, require_strong=strict)
    loose: list[Claim] = []
    for found in clusters:
        chosen = [members[i] for i in found.members]
        sources = {c.source for c in chosen}
        missing = sorted({why for c in chosen if (why := judgeable(c)) is not None})
        if len(chosen) == 1 and strict:
            loose.extend(chosen)
        if len(sources) > 1 and missing:
            groups.append(_group(chosen, "; ".join(missing), related=True))
            continue
        if len(sources) > 1 and not found.evidence:
            found.evidence.append("no evidence against")
        weak = [members[i].id for i in found.weak_members]
        strong_sources = {c.source for c in chosen if c.id not in weak}
        group = _group(chosen, "; ".join(found.evidence),
                       agreement_only=len(sources) > 1 and len(strong_sources) < 2)
        if weak and len(strong_sources) > 1:
            group = group.model_copy(update={"weak": tuple(sorted(weak))})
        notes = graded_notes(chosen, story)
        groups.append(group.model_copy(update={"notes": notes}) if notes else group)
    if len({c.source for c in loose}) > 1:
        groups.append(_group(loose, "too little evidence that the claims are about the "
                             "same event (a shared name, detail, place or date)", related=True))
    return groups


def graded_notes(chosen: Sequence[Claim], story: Story) -> tuple[str, ...]:
    """Graded evidence shown on a group's findings, never splitting it: figures of
    different authorities, and figures reported at different times (the latest named:
    a rising toll is still a contradiction, but the reader sees which figure is newer)."""
    notes: list[str] = []
    authorities = sorted({key for c in chosen
                          if (key := " ".join(sorted(attribution_key(c.about.attribution))))})
    if len(authorities) > 1:
        notes.append("figures of different authorities (" + ", ".join(authorities) + ")")
    dated = sorted(((story.dates[c.source], c.source, c.start, c) for c in chosen
                    if c.source in story.dates), key=lambda d: (d[0], d[1], d[2]))
    if len({d[0] for d in dated}) > 1:
        first, last = dated[0], dated[-1]
        days = (last[0] - first[0]).days
        notes.append(f"reported at different times: the latest source, {last[1]} "
                     f"({days} day{'s' if days != 1 else ''} after {first[1]}), says "
                     f"“{last[3].text}”")
    return tuple(notes)


def _group(chosen: list[Claim], evidence: str, related: bool = False,
           agreement_only: bool = False) -> ClaimGroup:
    chosen = sorted(chosen, key=lambda c: (c.source, c.start))
    first = chosen[0]
    about = max((c.about for c in chosen), key=_informative)
    event = about.event
    base = f"same {about.attribute}"
    if about.thing:
        base += f" of {about.thing}"
    if event is not None and not event.implicit:
        base += f", event “{event.head}”"
    why = base + (": " + evidence if evidence else "")
    if related:
        why = (f"possibly related ({base}), not compared: {evidence}")
    elif agreement_only:
        why += " (enough evidence to show agreement, not to judge a contradiction)"
    return ClaimGroup(id=group_id(c.id for c in chosen), kind=first.kind, slot=about.slot,
                      claims=tuple(c.id for c in chosen), why=why, related=related,
                      agreement_only=agreement_only)


def _informative(about: About) -> tuple[int, int, str]:
    """The slot description that says most: a named event, then the longer phrase."""
    event = about.event
    if event is None:
        return (0, 0, about.slot)
    return (len(event.names), len(event.text), about.slot)


def group_id(claim_ids: Iterable[str]) -> str:
    digest = hashlib.sha1("\0".join(sorted(claim_ids)).encode()).hexdigest()[:10]
    return f"g-{digest}"


def _links_to_itself(text: str) -> bool:
    """Whether two copies of ``text`` pass the candidate filter of ``_link_quotes``."""
    words = text.split()
    long_words = {w for w in words if len(w) >= 5}
    return len(long_words) >= 2 or (len(long_words) == 1 and len(words) <= 4)


def common_word_limit(count: int) -> int:
    """Words in more quotes than this ("would", "people", "government") index nothing."""
    return max(50, count // 100)


class _QuoteIndex:
    """Which quotes may be compared, and the groups found so far, indexed together.

    Two quotes are compared when they share a long word that is rare, or share any long
    word and one of them holds no rare one: common words ("would", "people") would make
    nearly every pair a candidate, so they are left out of the index of quotes that
    have rarer words (a document-frequency cut), and such quotes meet through those.

    Each word's quotes are kept by the group they are in, so a quote is compared only
    with quotes of other groups: once copy after copy of one quotation has joined one
    group, a newcomer meets that group once, not each of its members.
    """

    def __init__(self, distinct: list[int], long_words: dict[int, frozenset[str]],
                 members: dict[int, list[int]]) -> None:
        frequency: dict[str, int] = defaultdict(int)
        for i in distinct:
            for word in long_words[i]:
                frequency[word] += 1
        limit = common_word_limit(len(distinct))
        self.rare = {i: frozenset(w for w in long_words[i] if frequency[w] <= limit)
                     for i in distinct}
        self.common = {i: long_words[i] - self.rare[i] for i in distinct}
        # word → group → its quotes holding that word: rare words; common words; common
        # words of the quotes that have no rare word
        self._rare: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self._common: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self._common_only: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self.group = {i: i for i in members}  # quote → its group
        self.members = members  # group → its quotes (repeats included)
        self.weakest: dict[int, float] = {}  # group → its weakest link
        for i in distinct:
            for word in self.rare[i]:
                self._rare[word][i] = [i]
            for word in self.common[i]:
                self._common[word][i] = [i]
                if not self.rare[i]:
                    self._common_only[word][i] = [i]

    def _lists(self, i: int) -> Iterator[dict[int, list[int]]]:
        yield from (self._rare[w] for w in self.rare[i])
        if self.rare[i]:
            yield from (self._common_only[w] for w in self.common[i])
        else:
            yield from (self._common[w] for w in self.common[i])

    def others(self, i: int) -> list[list[int]]:
        """The later quotes ``i`` is compared with, by group (other groups than its
        own), each group's in order."""
        own = self.group[i]
        found: dict[int, set[int]] = defaultdict(set)
        for lists in self._lists(i):
            for group, quotes in lists.items():
                if group != own:
                    found[group].update(j for j in quotes if j > i)
        return [sorted(quotes) for _, quotes in sorted(found.items()) if quotes]

    def join(self, a: int, b: int, score: float) -> None:
        """One group of the groups of ``a`` and ``b``, linked with ``score``."""
        keep, drop = self.group[a], self.group[b]
        if len(self.members[keep]) < len(self.members[drop]):
            keep, drop = drop, keep  # the smaller group moves: each quote moves rarely
        moved = self.members.pop(drop)
        self.members[keep].extend(moved)
        self.weakest[keep] = min(score, self.weakest.get(keep, score),
                                 self.weakest.pop(drop, score))
        words: set[str] = set()
        for j in moved:
            self.group[j] = keep
            if j in self.rare:
                words.update(self.rare[j] | self.common[j])
        for index in (self._rare, self._common, self._common_only):
            for word in words:
                lists = index.get(word)
                if lists is not None and drop in lists:
                    lists.setdefault(keep, []).extend(lists.pop(drop))


def _link_quotes(quotes: list[QuoteClaim]) -> list[ClaimGroup]:
    """Quotes group by their words, whoever they are attributed to (to see misattribution).

    Each quote, in order, is compared with the later quotes of other groups that share
    its words, in order, and joins the group of the first similar enough; a group shows
    its weakest such link (a repeat of a quotation's words: 100)."""
    normals = [normalise_quote(q.value.quote) for q in quotes]
    # Wire copy repeats the same quotes across many sources: identical words that the
    # pairwise search would link anyway are joined at once, so only distinct texts are
    # compared pair by pair (the same groups, without the pairs of repeats).
    first_of: dict[str, int] = {}
    members: dict[int, list[int]] = {}
    repeated: set[int] = set()
    distinct: list[int] = []
    for i, text in enumerate(normals):
        if text in first_of and _links_to_itself(text):
            members[first_of[text]].append(i)
            repeated.add(first_of[text])
            continue
        first_of.setdefault(text, i)
        distinct.append(i)
        members[i] = [i]
    lengths = [len(text.split()) for text in normals]
    long_words = {i: frozenset(w for w in normals[i].split() if len(w) >= 5) for i in distinct}
    index = _QuoteIndex(distinct, long_words, members)
    index.weakest.update((i, 100.0) for i in repeated)
    for i in distinct:
        for candidates in index.others(i):
            for j in candidates:
                shared = len(long_words[i] & long_words[j])
                if shared < 2 and min(lengths[i], lengths[j]) > 4:
                    continue
                score = 100.0 if fragment_of(normals[i], normals[j]) else \
                    sequence_similarity(normals[i], normals[j])
                if score >= QUOTE_LINK_THRESHOLD:
                    index.join(i, j, score)
                    break  # the rest of that group is now of i's own
    groups = []
    for group, indices in index.members.items():
        chosen = sorted((quotes[i] for i in indices), key=lambda c: (c.source, c.start))
        speaker = next((c.value.speaker for c in chosen if c.value.speaker), None)
        slot = f"words of {speaker}" if speaker else "unattributed words"
        why = "the same words" if len(chosen) == 1 else (
            f"similar words (similarity {index.weakest[group]:.0f} ≥ "
            f"{QUOTE_LINK_THRESHOLD:.0f})")
        groups.append(ClaimGroup(id=group_id(c.id for c in chosen), kind="quote", slot=slot,
                                 claims=tuple(c.id for c in chosen), why=why))
    return groups
