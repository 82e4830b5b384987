"""What a claim is about: its attribute, the thing counted and the event it anchors to.

Everything here reads the dependency parse of the sentence a value sits in; nothing
names a story. The event is found by walking from the value's token up the tree (the
noun it modifies, the verb it belongs to and that verb's arguments, the noun a relative
clause hangs from). A value with no such path has no event: the nearest event noun in
the sentence is a guess, and guesses make false contradictions.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from claimcheck.extract.doc_index import (
    MAX_CHILDREN,
    MAX_CLIMB,
    MAX_LOOKBACK,
    MAX_PHRASE,
    clause_verb,
    doc_index,
)
from claimcheck.extract.measures import measure_class
from claimcheck.model.claims import About, Event
from claimcheck.model.counted import Counted
from claimcheck.model.dates import DateRange
from claimcheck.model.numbers import QuantityValue
from claimcheck.model.places import Place, PlaceLevel
from claimcheck.model.vocabulary import Vocabulary

Token = Any  # spacy.tokens.Token: the model layer stays free of spaCy types
CountryResolver = Callable[[str], str | None]
PlaceResolver = Callable[[str], Place | None]  # resolved places, confident or not
DateResolver = Callable[[str], DateRange | None]

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across",
                          "through", "throughout"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "it", "this"})
# adjectives that say nothing about which event is meant
_GENERIC_MODIFIERS = frozenset({
    "new", "first", "second", "last", "next", "recent", "alleged", "latest", "deadly",
    "major", "key", "big", "large", "small", "current", "ongoing", "possible", "planned",
    "further", "other", "same", "such", "own", "early", "late", "previous", "upcoming",
})
# words that say an event is not the one the article is about
_DISTINCT_MARKERS = frozenset({
    "another", "separate", "similar", "previous", "earlier", "other", "different", "prior",
    "past", "unrelated", "last", "former",
})
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "&"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "csubj", "conj", "parataxis"})
_TITLES = frozenset({
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "chancellor", "king", "queen", "prince", "general", "governor", "mayor", "senator",
    "ambassador", "envoy", "chief", "director", "leader", "premier", "prime", "foreign",
    "state", "mr", "mrs", "ms", "dr", "sir", "lord", "head", "deputy", "vice",
})
# the last word of a place's name that makes it a building's or a ground's: "Los Altos
# Skate Park" is not a town called Altos
_FACILITIES = frozenset(str.split("""
park motel hotel inn resort school academy college university church mosque temple
mall center centre plaza stadium arena club bar lounge restaurant cafe tavern pub
hospital apartments apartment complex street avenue road boulevard drive lane
"""))
_REPORTED = frozenset({"ccomp", "xcomp", "parataxis", "conj"})
_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "count", "tally", "number"})
_START_VERBS = frozenset({"begin", "start", "erupt", "break", "launch", "outbreak"})
_END_VERBS = frozenset({"end", "finish", "conclude", "stop"})


def _ancestors(token: Token) -> Iterator[Token]:
    """The token's first ``MAX_CLIMB`` ancestors, nearest first."""
    return islice(token.ancestors, MAX_CLIMB)


def _children(token: Token) -> Iterable[Token]:
    """The token's children, or none when it has too many to be a phrase anyone wrote
    (spaCy builds a Token for each child on every call)."""
    if token.n_lefts + token.n_rights > MAX_CHILDREN:
        return ()
    children: Iterable[Token] = token.children
    return children


def canonical_event_head(lemma: str, vocabulary: Vocabulary) -> str:
    """The event noun a lemma stands for: synonyms fold into one head (war → conflict)."""
    lemma = lemma.lower()
    for head, synonyms in vocabulary.event_synonyms.items():
        if lemma == head or lemma in synonyms:
            return head
    return lemma


def is_event_noun(token: Token, vocabulary: Vocabulary) -> bool:
    if token.pos_ not in _NOMINAL:
        return False
    lemma = token.lemma_.lower()
    return lemma in vocabulary.event_nouns or any(
        lemma in words for words in vocabulary.event_synonyms.values())


def find_event_token(token: Token, vocabulary: Vocabulary,
                     of_an_act: bool = False) -> Token | None:
    """The event noun (or event verb) a value at ``token`` is anchored to, from the parse.

    ``of_an_act``: the value is a date or place, which dates or places its verb's act;
    an event noun that act is for ("arrested on Saturday for the shooting") is not it."""
    came_from = token
    past_a_verb = False
    for node in (token, *_ancestors(token)):
        if node is not token and is_event_noun(node, vocabulary):
            return node
        if node.dep_ in ("relcl", "acl") and is_event_noun(node.head, vocabulary):
            return node.head
        if past_a_verb and came_from.dep_ in _SUBORDINATE:
            # "accused of wounding seven, he halted his trial": the arguments of a verb
            # above the value's own clause are of another act than the value's
            return None
        if node.pos_ in _VERBAL:
            aftermath = of_an_act and not _an_act_of_the_event(node, vocabulary)
            if aftermath and came_from is not token and came_from.dep_ in _COMPLEMENTS:
                # "the shooting is affecting policing in New Orleans": the place is of
                # the act the complement names, not of the event that is its subject
                return None
            past_a_verb = True
            # of the verb's children, only the one we came up through is above the value
            below = came_from.i if came_from.i != token.i else -1
            argument = _event_argument(node, token, vocabulary, below,
                                       skip=_AFTERMATH_PREPS if aftermath else
                                       _CAUSE_PREPS if of_an_act else frozenset())
            if argument is not None:
                return argument
            # a verb is the event only for what hangs on it directly ("said on Friday"),
            # never for what sits inside the clause it reports ("said … talks in Geneva")
            if node.lemma_.lower() in vocabulary.event_verbs and \
                    came_from.dep_ not in _CLAUSAL:
                return node
        came_from = node
    return None


# links by which a verb's complement or adverbial clause hangs on it
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "advcl"})
# the link by which a clause hangs on a preposition of another ("accused of wounding")
_SUBORDINATE = frozenset({"pcomp"})

# prepositions of what an act is for or about: "arrested for the shooting", "charged over
# the attack"; the act's date is not that event's
_CAUSE_PREPS = frozenset({"for", "over"})

# measure classes whose verbs are the acts of an event itself ("killed", "wounded",
# "fired"): a date or place of one dates or places the event its clause names
_ACTS_OF_EVENTS = ("deaths", "injuries", "shot", "missing", "displaced",
                   "rescued", "fired", "intercepted", "hit", "buildings")
# prepositions of the event an act after it is about: "identified the victim in the
# shooting on Monday", "charged on Friday in the attack" (not "responded to a shooting")
_AFTERMATH_PREPS = _CAUSE_PREPS | frozenset({"in", "into", "about", "with", "on", "of",
                                             "regarding", "concerning", "after"})


def _an_act_of_the_event(verb: Token, vocabulary: Vocabulary) -> bool:
    """Whether a verb says what happened in an event (killed, wounded, exploded), not
    what was done after it (identified, charged, released): only the first's date or
    place is the event's."""
    lemma = verb.lemma_.lower()
    if lemma in vocabulary.event_verbs or verb.pos_ == "AUX" or lemma == "be":
        return True  # "the shooting was on Sunday"
    return any(lemma in vocabulary.attributes.get(name, ()) for name in _ACTS_OF_EVENTS)


def _event_argument(verb: Token, origin: Token, vocabulary: Vocabulary,
                    below: int | None = None,
                    skip: frozenset[str] = frozenset()) -> Token | None:
    """An event noun among a verb's arguments (subject, object, prepositional object).

    ``below`` is the child of ``verb`` on the path up from ``origin`` (the only child
    that can be its ancestor; -1 for none), when the caller knows it. Prepositions in
    ``skip`` hold no event of the verb's.
    """
    def holds_origin(child: Token) -> bool:
        return bool(child.i == below) if below is not None else bool(child.is_ancestor(origin))

    children = list(_children(verb))
    for child in children:
        if child.i == origin.i or holds_origin(child):
            continue
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and is_event_noun(
                child, vocabulary):
            return child
        if child.dep_ == "prep" and child.lower_ not in skip:
            for grandchild in _children(child):
                if grandchild.dep_ == "pobj" and is_event_noun(grandchild, vocabulary):
                    return grandchild
    for child in children:
        # "the death toll from the earthquake rose to 312": the event hangs on the subject
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not holds_origin(child):
            for prep in _children(child):
                if prep.dep_ == "prep":
                    for pobj in _children(prep):
                        if pobj.dep_ == "pobj" and is_event_noun(pobj, vocabulary):
                            return pobj
    for child in children:
        # "since it began": a pronoun subject stands for the nearest event before it
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _RELATIVE_PRONOUNS:
            before = _event_before(child, vocabulary)
            if before is not None:
                return before
    return None


def _event_before(token: Token, vocabulary: Vocabulary) -> Token | None:
    """The nearest event noun before ``token`` in its sentence, up to ``MAX_LOOKBACK``
    tokens back."""
    doc = token.doc
    start, _ = doc_index(doc).sentence(token.i)
    for i in range(token.i - 1, max(start, token.i - MAX_LOOKBACK) - 1, -1):
        if is_event_noun(doc[i], vocabulary):
            return doc[i]
    return None


def measured_noun(token: Token, own: Iterable[int] = ()) -> Token | None:
    """What a measurement measures: the noun it modifies ("1,000-ton … stockpile" →
    stockpile), or the subject or object of the verb it completes ("inflation fell to
    2.9 percent" → inflation, "kept its rate at 4 percent" → rate). The measurement's own
    words ("percent", "ton") are not what it measures."""
    mine = set(own) | {token.i}
    below = token
    for node in _ancestors(token):
        if node.i in mine:
            below = node
            continue
        if node.pos_ in _NOMINAL and node.dep_ != "compound":
            return node
        if node.pos_ in _VERBAL:
            children = list(_children(node))
            if below.dep_ == "dobj":
                given = _beneficiary(children, mine)
                if given is not None:
                    return given
            for dep in ("dobj", "nsubj", "nsubjpass"):
                for child in children:
                    # ``below``, the child we came up through, is the value's own branch
                    if child.dep_ == dep and child.i not in mine and child.pos_ in _NOMINAL \
                            and child.i != below.i:
                        return child
            return None
        below = node
    return None


_GIVEN_TO = frozenset({"to", "for"})


def _beneficiary(children: Sequence[Token], mine: set[int]) -> Token | None:
    """Whom an amount is given to, one by one ("left $250,000 to each of her
    grandsons"): a share of each, not the giver's whole gift, so it measures what they
    each get. (A gift to one is not split from its giver: reports name one bequest as
    left to a son or for a dog's care.)"""
    for child in children:
        if child.dep_ != "prep" or child.lower_ not in _GIVEN_TO:
            continue
        for each in _children(child):
            if each.dep_ != "pobj" or each.i in mine or each.lower_ != "each":
                continue
            for of in _children(each):
                if of.dep_ == "prep" and of.lower_ == "of":
                    found = next((g for g in _children(of) if g.dep_ == "pobj"
                                  and g.pos_ in _NOMINAL), None)
                    if found is not None:
                        return found
    return None


def event_from_token(event_token: Token, vocabulary: Vocabulary,
                     resolve_country: CountryResolver,
                     exclude: Iterable[int] = (),
                     resolve_date: DateResolver | None = None,
                     value_token: Token | None = None,
                     resolve_place: PlaceResolver | None = None) -> Event:
    """An Event record from its noun (or verb): names, modifiers and places around it.

    ``exclude`` are token indices of the claim's own value, so a place claim never
    uses its own place (nor a date claim its own date) as evidence of which event it is.
    """
    excluded = set(exclude)
    if event_token.pos_ in _VERBAL:
        return _verbal_event(event_token, vocabulary, resolve_country, excluded)
    head = canonical_event_head(event_token.lemma_, vocabulary)
    dated = _event_date_and_holder(event_token, excluded, resolve_date)
    when = dated[0] if dated is not None else None
    # a date on the event noun itself ("the 2008-09 war", "the 1982 massacre") names it;
    # one on its verb ("the war began in 2011") may be when an ongoing event started
    names_date = dated is not None and dated[1].i == event_token.i
    phrase = _noun_phrase(event_token)
    names = _names(phrase, event_token, vocabulary, excluded)
    modifiers = tuple(sorted({
        t.lemma_.lower() for t in phrase
        if t.i != event_token.i and t.i not in excluded and t.pos_ in ("ADJ", "NOUN")
        and t.dep_ in ("amod", "compound", "nmod", "pobj") and t.ent_type_ not in ("DATE", "GPE")
        and t.lemma_.lower() not in _GENERIC_MODIFIERS and t.is_alpha
    }))
    holders = _holders(event_token)
    if value_token is not None and value_token.head.pos_ in _NOMINAL:
        holders.append(value_token.head)  # "killed 300 people in Izmir province"
    texts = [t for holder in holders for t in _place_tokens(holder, excluded)]
    countries, places = _where(texts, resolve_country, resolve_place)
    text = _phrase_text(phrase, excluded) if phrase else event_token.text
    distinct = any(t.lower_ in _DISTINCT_MARKERS and not _begins_a_time(t) for t in phrase
                   if t.dep_ in ("amod", "det", "advmod")) or (
        is_event_noun(event_token, vocabulary) and several_events(event_token))
    return Event(head=head, names=names, modifiers=modifiers, date=when, distinct=distinct,
                 countries=tuple(countries), places=tuple(places), text=_strip_article(text),
                 date_names_it=names_date)


_TIME_WORDS = frozenset({"this", "today", "tonight", "week", "weekend", "month", "night",
                         "morning", "afternoon", "evening", "day", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday"})


def _begins_a_time(marker: Token) -> bool:
    """Whether a word that may mark another event begins a time instead ("the shooting
    earlier this week", "the attack last night"): the time then dates the event, and
    the story's dates tell whether it is another."""
    doc = marker.doc
    after = doc[marker.i + 1] if marker.i + 1 < len(doc) else None
    return after is not None and (after.lower_ in _TIME_WORDS or
                                  after.ent_type_ in ("DATE", "TIME"))


_SEVERAL = frozenset({"multiple", "several", "separate", "numerous", "various", "many",
                      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
_IN = frozenset({"in", "from", "during", "across"})
_RUNS_OF = frozenset({"pair", "series", "string", "spate", "rash", "wave", "number", "couple",
                      "handful", "spree"})


_EVENT_ENDINGS = ("ing", "attack", "crash", "incident", "explosion", "blast", "raid", "strike")


def is_event_noun_plural(token: Token) -> bool:
    """A plural noun of something that happens (shootings, attacks, crashes; a headline's
    "Shootings", whose lemma the parser may leave plural)."""
    lemma = token.lemma_.lower()
    if lemma.endswith("s") and lemma == token.lower_:
        lemma = lemma[:-1]
    return token.tag_ in ("NNS", "NNPS") and lemma.endswith(_EVENT_ENDINGS)


def several_events(event_token: Token) -> bool:
    """Whether an event noun names several events ("two separate shootings", "a pair of
    shootings", "at least nine shootings", "wounded in shootings"): a count in them is
    an aggregate, never the toll of one of them."""
    if event_token.tag_ not in ("NNS", "NNPS"):
        return False
    children = list(_children(event_token))
    for child in children:
        if child.dep_ == "nummod" and (child.is_digit or child.lower_ in _SEVERAL):
            return True
        if child.dep_ in ("amod", "det") and child.lower_ in _SEVERAL:
            return True
    if event_token.dep_ == "pobj" and event_token.head.lower_ in _IN and \
            not any(c.dep_ in ("det", "poss") for c in children):
        # "wounded in shootings across the city", "six wounded in South Side shootings":
        # events of a kind in general; no article makes them one ("the shootings" may
        # be one spree's)
        return True
    return event_token.dep_ == "pobj" and event_token.head.lower_ == "of" and \
        event_token.head.head.lemma_.lower() in _RUNS_OF


# a span of time a count adds up over: "over the past week", "so far this year", "over a
# span of 80 hours" (not "since June": an ongoing event's toll is counted since it began)
_SPAN = re.compile(
    r"^(?:so far|already)?\s*this (?:year|month)\b|"
    r"^(?:over|in|during|within|for) (?:the |a )?(?:past|last|previous)\b|"
    r"^(?:over|in|within) (?:a |the )?span of\b|^so far\b|"
    r"^(?:in|over|during) (?:the )?(?:recent|past few|last few) (?:days|weeks|months|years)\b",
    re.IGNORECASE)


# the same with a perfect verb, which adds up what happened over the span: "19 officers
# have been slain nationwide in July", "the city has had 40 homicides in 2016" (but "six
# were killed in July" may date one act, and "since 2011" an ongoing war's toll)
_SPAN_OF_A_PERFECT = re.compile(
    r"^(?:in|during|through|throughout) (?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|\d{4})\b|"
    r"^(?:nationwide|statewide|countrywide)\b|^across the (?:country|nation|state)\b",
    re.IGNORECASE)


def _perfect(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have"
                                    for c in _children(verb))


# "… Wounded In Overnight Shootings": a headline's plural events after the count, read from
# the words (a headline's capitals leave the parse of it unreliable); no article, no count
_IN_EVENTS_AFTER = re.compile(
    r"^[^.;:!?]{0,60}?\b(?:in|during|across)\s+(?:(?!the\b|a\b|an\b|this\b|that\b|"
    r"these\b|those\b|his\b|her\b|their\b)[A-Za-z-]+\s+){0,3}?"
    r"(?:shootings|attacks|stabbings|incidents)\b", re.IGNORECASE)


def an_aggregate(token: Token) -> bool:
    """Whether a count adds up over several events: over a span of time ("76 people shot
    so far this year", "three men killed over the past week", "19 officers have been
    slain in July") or in several events named
    in its clause ("six wounded in two shootings", "… in weekend shootings"): never the
    toll of one event."""
    doc = token.doc
    _, end = doc_index(doc).sentence(token.i)
    after = doc[token.i + 1:end].text if token.i + 1 < end else ""
    if _IN_EVENTS_AFTER.match(after):
        return True
    verb = clause_verb(token)
    if verb is not None and verb.dep_ in ("relcl", "acl") and \
            is_event_noun_plural(verb.head) and several_events(verb.head):
        return True  # "a pair of shootings that left four wounded"
    holders = [n for n in (token.head, verb) if n is not None]
    holders.extend(c for c in _children(token.head) if c.dep_ in ("relcl", "acl"))
    if verb is not None:
        if verb.dep_ in ("relcl", "acl", "ccomp", "xcomp", "conj", "advcl") and \
                verb.head.pos_ in _VERBAL | _NOMINAL:
            holders.append(verb.head)
        holders.extend(c for c in _children(verb) if c.dep_ == "conj" and c.pos_ in _VERBAL)
    perfect = _perfect(verb)
    for holder in holders:
        for child in _children(holder):
            if child.dep_ not in ("prep", "npadvmod", "advmod") or child.i == token.i:
                continue
            if child.dep_ == "prep" and any(g.dep_ == "pobj" and is_event_noun_plural(g)
                                            and several_events(g) for g in _children(child)):
                return True
            phrase = _subtree(child)
            if len(phrase) > 8:
                continue
            text = " ".join(t.text for t in phrase)
            if _SPAN.match(text) or (perfect and _SPAN_OF_A_PERFECT.match(text)):
                return True
    return False


_OTHER_AGENT = frozenset({"another", "different", "separate", "second"})


def by_another_hand(token: Token) -> bool:
    """Whether the count's verb names another doer: "five officers were killed by another
    man", "shot by a different gunman": another event than the one the story is about."""
    verb = clause_verb(token)
    verbs = [verb] if verb is not None else []
    if verb is not None:
        verbs.extend(c for c in _children(verb) if c.dep_ == "conj" and c.pos_ in _VERBAL)
    for node in verbs:
        for child in _children(node):
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in _children(child):
                    if pobj.dep_ == "pobj" and any(g.lower_ in _OTHER_AGENT for g in
                                                   _children(pobj)
                                                   if g.dep_ in ("det", "amod")):
                        return True
    return False


def zero_of_one_act(token: Token) -> bool:
    """Whether a zero is said of one act the clause describes, not of the event: "no one
    was hit from the three rounds that were fired" (the shots of one moment)."""
    verb = clause_verb(token)
    if verb is None:
        return False
    for child in _children(verb):
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for pobj in _children(child):
                if pobj.dep_ == "pobj" and pobj.pos_ in _NOMINAL and any(
                        g.dep_ in ("nummod", "relcl") for g in _children(pobj)):
                    return True
    return False


def _holders(event_token: Token) -> list[Token]:
    """The event noun and the verbs that carry its circumstances: "the conference to be
    held in Geneva", "an earthquake killed … in 1999", "convene a conference in Geneva"."""
    holders = [event_token]
    holders.extend(c for c in _children(event_token)
                   if c.dep_ in ("relcl", "acl") and c.pos_ in _VERBAL)
    if event_token.dep_ in ("nsubj", "nsubjpass", "dobj") and event_token.head.pos_ in _VERBAL:
        holders.append(event_token.head)
    return holders


def _event_date(event_token: Token, excluded: set[int],
                resolve_date: DateResolver | None) -> DateRange | None:
    """The event's own date: "the Aug. 21 attack", "an earthquake killed … in 1999".

    Dates hanging on the event noun, or on the verb whose subject or object it is.
    The claim's own tokens are excluded (a date claim is not evidence of its event).
    """
    found = _event_date_and_holder(event_token, excluded, resolve_date)
    return found[0] if found is not None else None


def _event_date_and_holder(event_token: Token, excluded: set[int],
                           resolve_date: DateResolver | None
                           ) -> tuple[DateRange, Token] | None:
    """The event's date and the token it hangs on (the event noun, or a verb of it)."""
    if resolve_date is None:
        return None
    for holder in _holders(event_token):
        for child in _children(holder):
            candidates = [child] if child.dep_ != "prep" else [
                g for g in _children(child) if g.dep_ == "pobj"]
            for node in candidates:
                if node.ent_type_ != "DATE" or node.i in excluded:
                    continue
                bounds = doc_index(node.doc).entity(node.i)
                if bounds is None or bounds[1] - bounds[0] > MAX_PHRASE or \
                        any(i in excluded for i in range(*bounds)):
                    continue
                found = resolve_date(node.doc[bounds[0]:bounds[1]].text)
                if found is not None:
                    return found, holder
    return None


def _phrase_text(phrase: list[Token], excluded: set[int]) -> str:
    """The event phrase as written, without the claim's own words ("the deadly chemical
    weapons attack", not "the deadly Aug. 21 chemical weapons attack" for that date)."""
    kept = [t for t in phrase if t.i not in excluded]
    return "".join(t.text_with_ws for t in kept).strip() or phrase[0].text


def _verbal_event(verb: Token, vocabulary: Vocabulary, resolve_country: CountryResolver,
                  excluded: set[int]) -> Event:
    """An event named by a verb ("Putin said on Friday" → a statement by Putin)."""
    head = vocabulary.event_verbs.get(verb.lemma_.lower(), verb.lemma_.lower())
    subject = next((c for c in _children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    names: tuple[str, ...] = ()
    who = ""
    if subject is not None and subject.pos_ == "PROPN":
        words = [t for t in _subtree(subject) if t.pos_ == "PROPN"
                 and t.lower_ not in _TITLES and t.i not in excluded]
        if words:
            who = " ".join(t.text for t in words)
            names = (normalise_name(words[-1].text),)
    countries = sorted({code for t in _place_tokens(verb, excluded)
                        if (code := resolve_country(t)) is not None})
    text = f"{head} by {who}" if who else head
    return Event(head=head, names=names, countries=tuple(countries), text=text)


def implicit_event(token: Token, resolve_country: CountryResolver, excluded: Iterable[int],
                   resolve_date: DateResolver | None = None,
                   resolve_place: PlaceResolver | None = None) -> Event | None:
    """The circumstances of a count no event noun or verb names: where and when its clause
    happened ("a bomber killed 14 people at a market in Kabul on Thursday")."""
    verb = next((n for n in _ancestors(token) if n.pos_ in _VERBAL), None)
    if verb is None:
        return None
    mine = set(excluded)
    # the clause and the clauses hanging on it: "were killed when a bomber blew himself up
    # at a market in Jalalabad"
    clauses = [verb, *(c for c in _children(verb) if c.dep_ in ("advcl", "relcl")
                       and c.pos_ in _VERBAL)]
    texts = [t for clause in clauses for t in _clause_place_tokens(clause, mine)]
    countries, places = _where(texts, resolve_country, resolve_place)
    when = _event_date(verb, mine, resolve_date)
    if not (countries or places or when):
        return None
    return Event(head="", countries=tuple(countries), places=tuple(places), date=when,
                 implicit=True)


_NESTED_DEPTH = 3  # prepositional phrases down from a clause's verb to its places


def _clause_place_tokens(verb: Token, excluded: set[int]) -> list[str]:
    """The places of a clause: those on its verb, and those its verb's prepositional
    phrases hold ("killed five deputies during a parade through Dallas"), down to
    ``_NESTED_DEPTH`` phrases, never inside another clause."""
    found = _place_tokens(verb, excluded)
    layer = [verb]
    for _ in range(_NESTED_DEPTH):
        # the objects of the layer's phrases; what modifies them ("the Englewood
        # neighborhood") their own phrase has read
        layer = [g for node in layer for child in _children(node) if child.dep_ == "prep"
                 for g in _children(child) if g.dep_ == "pobj" and g.pos_ in _NOMINAL]
        for node in layer:
            for text in _place_tokens(node, excluded, preps_only=True):
                _add(found, text)
    return found


def _where(texts: list[str], resolve_country: CountryResolver,
           resolve_place: PlaceResolver | None) -> tuple[list[str], list[Place]]:
    """The countries, and the cities and regions, that place names attached to an event
    resolve to (countries only when the gazetteer is sure)."""
    countries = sorted({code for t in texts if (code := resolve_country(t)) is not None})
    places: list[Place] = []
    if resolve_place is not None:
        for text in texts:
            place = resolve_place(text)
            if place is not None and place.level is not PlaceLevel.COUNTRY and \
                    place not in places:
                places.append(place)
    return countries, places


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def _noun_phrase(token: Token) -> list[Token]:
    """The event's noun phrase without place/time attachments or clauses, in order."""
    top = token
    # climb "Heads of State Summit" → "Heads", "summit of X" stays at "summit"
    for _ in range(MAX_CLIMB):
        if not (top.pos_ == "PROPN" and top.dep_ == "pobj" and top.head.lower_ == "of"
                and top.head.head.pos_ == "PROPN"):
            break
        top = top.head.head
    for _ in range(MAX_CLIMB):
        if not (top.dep_ in ("compound", "poss") and top.head.pos_ in _NOMINAL):
            break
        top = top.head
    # breadth first, nearest words first, and at most MAX_PHRASE of them; a loop, not
    # recursion: hostile text parses into trees 1,000s deep
    keep: list[Token] = []
    queue = deque([top])
    while queue and len(keep) < MAX_PHRASE:
        node = queue.popleft()
        keep.append(node)
        queue.extend(child for child in _children(node) if _in_noun_phrase(child))
    return sorted(keep, key=lambda t: t.i)


def _subtree(token: Token) -> list[Token]:
    """The token's subtree in text order, or its ``MAX_PHRASE`` nearest words when it is
    larger (a loop, not recursion: hostile text parses into trees 1,000s deep)."""
    if token.right_edge.i - token.left_edge.i < MAX_PHRASE:
        return list(token.subtree)
    keep: list[Token] = []
    queue = deque([token])
    while queue and len(keep) < MAX_PHRASE:
        node = queue.popleft()
        keep.append(node)
        queue.extend(_children(node))
    return sorted(keep, key=lambda t: t.i)


def _in_noun_phrase(child: Token) -> bool:
    if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "advcl"):
        return False
    return bool(child.dep_ != "prep" or child.lower_ == "of")


def _names(phrase: list[Token], event_token: Token, vocabulary: Vocabulary,
           excluded: set[int]) -> tuple[str, ...]:
    """Distinguishing proper names and their acronyms, normalised ("sco", "apec")."""
    runs: list[list[str]] = []
    current: list[str] = []
    for t in phrase:
        proper = (t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1
                                        and t.pos_ not in ("NOUN", "ADJ"))) and \
            t.ent_type_ not in ("GPE", "DATE", "LOC") and t.i not in excluded
        if proper and t.i != event_token.i:
            current.append(t.text)
        elif current and t.lower_ in _NAME_JOINERS and t.pos_ != "PROPN":
            current.append(t.lower_)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    keys: set[str] = set()
    for run in runs:
        while run and run[-1] in _NAME_JOINERS:
            run.pop()
        if not run:
            continue
        keys.update(name_keys(" ".join(run), vocabulary))
    return tuple(sorted(keys))


def name_keys(name: str, vocabulary: Vocabulary) -> set[str]:
    """A name's comparable forms: normalised spelling, acronym, and aliases."""
    normal = normalise_name(name)
    if not normal:
        return set()
    keys = {normal}
    words = [w for w in re.split(r"[\s-]+", name) if w]
    capitals = [w for w in words if w[:1].isupper() and w.lower() not in _NAME_JOINERS]
    if len(capitals) >= 2:
        keys.add("".join(w[0] for w in capitals).lower())
    for key in list(keys):
        alias = vocabulary.aliases.get(key)
        if alias:
            keys.add(normalise_name(alias))
    for short, long in vocabulary.aliases.items():
        if normalise_name(long) in keys:
            keys.add(short)
    return keys


def normalise_name(name: str) -> str:
    """Lower case, no articles or possessives, British and American spellings folded."""
    text = name.lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=[a-z])is(ation|ations|e|ed|es|ing|er|ers)\b", r"iz\1", text)
    text = re.sub(r"\b(the|a|an)\b", " ", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _place_tokens(event_token: Token, excluded: set[int],
                  preps_only: bool = False) -> list[str]:
    """Texts of places attached to the event: "summit in Bishkek", "Syrian conflict";
    with ``preps_only``, only those of its prepositional phrases ("in Bishkek")."""
    found: list[str] = []
    for child in _children(event_token):
        if preps_only and child.dep_ != "prep":
            continue
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for pobj in _children(child):
                if pobj.dep_ != "pobj":
                    continue
                children = list(_children(pobj))
                nested = [g for c in children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS
                          for g in _children(c) if g.dep_ == "pobj"]
                # "at Los Altos Skate Park": the words of one name, not a town "Altos";
                # "in the Englewood neighborhood": the neighborhood's name, not a town
                named = (pobj.pos_ == "PROPN" and pobj.lemma_.lower() in _FACILITIES) or \
                    _names_a_part(pobj, children)
                for part in (pobj, *nested, *[c for c in children
                                              if c.dep_ in ("compound", "appos", "amod",
                                                            "nmod")
                                              and not (named and c.dep_ == "compound"
                                                       and c.pos_ == "PROPN")]):
                    # the small model misses many place names: proper nouns go to the
                    # gazetteer, which answers only for places it knows unambiguously
                    if (part.ent_type_ in ("GPE", "LOC", "NORP") or part.pos_ == "PROPN") and \
                            part.i not in excluded:
                        _add(found, _whole_name(part, excluded))
        elif child.dep_ in ("amod", "compound", "poss", "nmod") and \
                child.ent_type_ in ("GPE", "NORP", "LOC") and child.i not in excluded:
            _add(found, _whole_name(child, excluded))
        elif event_token.pos_ in _VERBAL and child.dep_ == "dobj" and \
                child.ent_type_ in ("GPE", "LOC") and child.i not in excluded:
            _add(found, _whole_name(child, excluded))  # "the quake struck western Turkey"
    return found


def _whole_name(token: Token, excluded: set[int]) -> str:
    """The whole name a token of a place belongs to: the named entity around it ("Baton
    Rouge", "New Mexico", "South Korean"), never one of its words looked up alone
    ("Rouge" is a town in Canada; "Mexico" is another country)."""
    if token.ent_iob_ not in ("B", "I"):
        return str(token.text)
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_iob_ != "O":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if any(i in excluded for i in range(start, end)):
        return str(token.text)
    return str(doc[start:end].text)


def _add(found: list[str], text: str) -> None:
    if text not in found:
        found.append(text)


# the parts of a town that take a name of their own: "the Englewood neighborhood"
_TOWN_PARTS = frozenset({"neighborhood", "neighbourhood", "subdivision"})


def _names_a_part(noun: Token, children: Sequence[Token]) -> bool:
    """Whether "the X neighborhood" names a part of a town: the name is the part's,
    even where a town elsewhere bears it. "A Baghdad neighborhood" and "the Baghdad
    neighborhood of Karrada" are parts of that town."""
    return noun.lemma_.lower() in _TOWN_PARTS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in children)


# verbs and nouns that say where someone lives or comes from, not where anything happened
_DWELLING_VERBS = frozenset({"live", "reside", "hail"})
_DWELLERS = frozenset({"resident", "native", "residents", "natives"})


def is_residence(token: Token) -> bool:
    """Whether a place says where someone lives or comes from ("a nurse who lived in
    Oakland", "a man from Tulsa", "an Oakland resident", "a native of Ohio"): a fact
    about a person, never the place of the story's event."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.dep_ not in ("compound", "flat", "appos") or node.head.i == node.i:
            break
        node = node.head  # "Los Angeles" → "Angeles"
    head = node.head
    if node.dep_ == "compound" and head.lemma_.lower() in _DWELLERS:
        return True  # "an Oakland resident"
    if node.dep_ != "pobj":
        return False
    holder = head.head
    preposition = head.lower_
    if preposition == "from":
        # "a man from Tulsa", not "fled from Tulsa" nor "the shooting from Tulsa"
        return holder.pos_ in ("NOUN", "PROPN") and holder.ent_type_ != "EVENT" and \
            holder.lemma_.lower() not in _EVENT_WORDS_OF_PLACE
    if preposition == "of":
        return holder.lemma_.lower() in _DWELLERS  # "a resident of Oakland"
    if preposition in ("in", "at", "near", "outside"):
        return holder.pos_ in _VERBAL and holder.lemma_.lower() in _DWELLING_VERBS
    return False


# nouns that a place "from" may be the origin of without anyone living there
_EVENT_WORDS_OF_PLACE = frozenset({"report", "news", "video", "footage", "call", "flight",
                                   "train", "bus", "shot", "fire", "gunfire", "miles",
                                   "mile", "kilometers", "kilometres", "way", "distance"})


def quantity_attribute(token: Token, value: QuantityValue, vocabulary: Vocabulary,
                       counts_people: bool | None = None) -> str:
    """What an amount measures: its dimension, or for counts the measure class read from
    the number's clause (``claimcheck.extract.measures``); ``count`` when unknown."""
    if value.dimension != "count":
        return "money" if value.dimension == "currency" else value.dimension
    return measure_class(token, vocabulary, counts_people)


def attribution(token: Token, vocabulary: Vocabulary) -> str | None:
    """Whose figure a value is: the subject of a reporting verb whose reported clause holds
    the value ("police said 20,000 took part"), of an estimate ("organisers put the
    turnout at 100,000"), or the object of "according to"."""
    came_from = token
    for node in (token, *_ancestors(token)):
        if node is not token and node.pos_ in _VERBAL:
            lemma = node.lemma_.lower()
            reported = lemma in vocabulary.reporting_verbs and came_from.dep_ in _REPORTED
            estimated = lemma in _ESTIMATE_VERBS and came_from.dep_ in ("prep", "dobj", "attr")
            if reported or estimated:
                subject = _subject_text(node)
                if subject:
                    return subject
        came_from = node
    return according_to(token)


def according_to(token: Token) -> str | None:
    """The object of the first "according to" in the token's sentence ("according to
    police"), read once per sentence for all the claims in it."""
    doc = token.doc
    index = doc_index(doc)
    start, end = index.sentence(token.i)
    key = ("according", start)
    if key not in index.memo:
        index.memo[key] = next((text for i in range(start, end)
                                if (text := _according_object(doc[i])) is not None), None)
    according: str | None = index.memo[key]
    return according


def _according_object(node: Token) -> str | None:
    if node.lower_ != "according" or node.dep_ != "prep":
        return None
    for sub in _subtree(node):
        if sub.dep_ == "pobj":
            return _words_up_to(sub)
    return None


def _subject_text(verb: Token) -> str | None:
    for child in _children(verb):
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in (
                "which", "that", "who", "it", "he", "she", "they", "we", "i"):
            return _words_up_to(child)
    return None


def _words_up_to(token: Token) -> str:
    """The token's words from its left edge to itself ("the Syrian Observatory"), at most
    ``MAX_PHRASE`` of them."""
    start = max(token.left_edge.i, token.i + 1 - MAX_PHRASE)
    return str(token.doc[start:token.i + 1].text)


def date_attribute(event_token: Token | None) -> str:
    """A date's attribute: when an event began or ended, or simply the date of it."""
    if event_token is None:
        return "date_of"
    node = event_token
    for candidate in (node, node.head):
        lemma = candidate.lemma_.lower()
        if lemma in _START_VERBS:
            return "start_date"
        if lemma in _END_VERBS:
            return "end_date"
    return "date_of"


def build_about(attribute: str, thing: str | None, event: Event | None,
                who: str | None, identifying: bool = False,
                counted: Counted | None = None) -> About:
    """An About with a human-readable slot for the report."""
    slot = describe_slot(attribute, thing, event)
    return About(attribute=attribute, thing=thing, event=event, attribution=who, slot=slot,
                 identifying=identifying, counted=counted)


def names_its_event(token: Token, event_token: Token | None) -> bool:
    """Whether a date modifies its event's noun ("the 2010 floods", "the Aug. 21 attack",
    "Wednesday's march") and so tells which event is meant."""
    if event_token is None or event_token.pos_ in _VERBAL:
        return False
    node = token
    for _ in range(MAX_CLIMB):
        if not (node.head.i != node.i and node.head.i != event_token.i and node.dep_ in (
                "compound", "nummod", "amod", "nmod", "npadvmod", "poss", "case")):
            break
        node = node.head
    return node.head.i == event_token.i and node.dep_ in (
        "compound", "nummod", "amod", "nmod", "npadvmod", "poss")


_ATTRIBUTE_TEXT = {
    "deaths": "{thing} killed",
    "injuries": "{thing} injured",
    "arrests": "{thing} arrested",
    "displaced": "{thing} displaced",
    "date_of": "date of",
    "start_date": "start of",
    "end_date": "end of",
    "place_of": "place of",
    "residence": "home of",
    "words_of": "words of",
}


def describe_slot(attribute: str, thing: str | None, event: Event | None) -> str:
    if attribute == "words_of":
        return f"words of {thing}" if thing else "words of an unnamed speaker"
    template = _ATTRIBUTE_TEXT.get(attribute)
    things = _plural(thing) if thing else "people"
    if template is None:
        counted = thing and (attribute == "count" or attribute in (thing, _plural(thing)))
        lead = f"number of {_plural(thing)}" if counted and thing else (
            f"{attribute} of {thing}" if thing else attribute)
    else:
        lead = template.format(thing=things)
    if event is None or event.implicit:
        return lead
    where = _definite(event.text or event.head)
    joiner = " " if attribute in ("date_of", "start_date", "end_date", "place_of") else (
        " in " if attribute in ("deaths", "injuries", "arrests", "displaced") else " — ")
    return f"{lead}{joiner}{where}"


_OWN_DETERMINERS = frozenset({"his", "her", "its", "their", "our", "my", "your", "this",
                              "that", "these", "those"})


def _definite(phrase: str) -> str:
    """``phrase`` after "the", unless it has a determiner of its own ("his trial") or is
    the rest of a possessive ("'s deadly shooting", whose owner the phrase left out)."""
    phrase = re.sub(r"^['’]s\s+", "", phrase)
    first = phrase.split(" ", 1)[0].lower()
    return phrase if first in _OWN_DETERMINERS else f"the {phrase}"


def _plural(word: str) -> str:
    irregular = {"person": "people", "child": "children", "man": "men", "woman": "women"}
    if word in irregular:
        return irregular[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
