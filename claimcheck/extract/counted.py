"""Who or what a count counts, read from the parse: a place in a hierarchy, not a lemma.

"Three Israeli civilians", "three Israeli fatalities" and "Three Israelis" count the
same people: the measure nouns (death, fatality, victim) count people as such; roles
(civilians) and nationalities (Israelis) are facets of people; a subgroup (children,
women) is its own slot. What is counted is kept as a ``Counted`` record (see
``claimcheck.model.counted``), the claim's attribute says what happened to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimcheck.model.counted import PERSON, REST, Counted
from claimcheck.model.vocabulary import Vocabulary

Token = Any  # spacy.tokens.Token
CountryResolver = Callable[[str], str | None]

_NOMINAL = frozenset({"NOUN", "PROPN"})
_PEOPLE_ENTITIES = frozenset({"NORP"})


def counted_noun(token: Token) -> Token | None:
    """The noun a number counts: the one it modifies, or the object of its "of"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOMINAL:
                    return obj
    node = token
    for _ in range(3):
        if node.dep_ in ("nummod", "quantmod", "compound", "det", "amod", "nmod") and \
                node.head.i != node.i:
            node = node.head
            if node.pos_ in _NOMINAL:
                return node
            continue
        break
    return None


def nationality(noun: Token | None, resolve_country: CountryResolver) -> str | None:
    """The country of a nationality word on the counted noun ("Israelis", "Israeli
    civilians"), as an ISO code."""
    if noun is None:
        return None
    candidates = [noun] if noun.ent_type_ in _PEOPLE_ENTITIES or noun.pos_ == "PROPN" else []
    candidates.extend(c for c in noun.children if c.dep_ in ("amod", "compound")
                      and (c.ent_type_ in _PEOPLE_ENTITIES or c.pos_ in ("PROPN", "ADJ")))
    for candidate in candidates:
        text = candidate.text
        for form in (text, text[:-1] if text.endswith("s") else text):
            code = resolve_country(form)
            if code is not None:
                return code
    return None


PART = "part"
# men and women are people of one sex: "six men were shot" counts the people shot
_SEXES = frozenset({"man", "woman"})
_YOUNG = frozenset({"boy", "girl", "child", "teenager", "teen"})
_PARTITIVE_DETERMINERS = frozenset({"the", "those", "these", "them", "us", "whom", "which",
                                    "its", "their", "our"})


def is_part(token: Token) -> bool:
    """A count of some of a number already given: "two of them", "one of the victims",
    "three others wounded, one critically". A part is its own slot, never the total."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "PRON" or any(
                        d.lower_ in _PARTITIVE_DETERMINERS for d in obj.children
                        if d.dep_ in ("det", "poss"))):
                    return True
    noun = counted_noun(token)
    if noun is not None and noun.lemma_.lower() in _SEXES | _YOUNG and \
            _in_a_list_of_counts(noun):
        return True  # "four men and one woman were shot": each a part of the five
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return bool(before is not None and before.text == "," and after is not None and
                after.pos_ == "ADV" and after.lower_.endswith("ly"))


_REST_WORDS = frozenset({"other", "others", "more", "additional", "further"})


def is_rest(token: Token, noun: Token | None) -> bool:
    """A count of people beyond those already counted: "one dead and three others hurt",
    "six other people", "three more were wounded". It may be the whole of another count
    ("three injured") or a part of it: enough to agree, never to contradict."""
    if noun is not None and (noun.lemma_.lower() == "other" or any(
            c.dep_ == "amod" and c.lower_ in _REST_WORDS for c in noun.children)):
        return True
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return bool(after is not None and after.lower_ in _REST_WORDS and
                (after.i + 1 >= len(doc) or doc[after.i + 1].lower_ != "than"))


def _in_a_list_of_counts(noun: Token) -> bool:
    def counted(node: Token) -> bool:
        return any(c.dep_ == "nummod" for c in node.children)

    if noun.dep_ == "conj" and counted(noun.head):
        return True
    return any(c.dep_ == "conj" and c.pos_ in _NOMINAL and counted(c) for c in noun.children)


_CONDITIONS = frozenset({"critical", "serious", "stable", "fair", "good", "grave",
                         "life-threatening", "satisfactory"})


def condition_of(token: Token, noun: Token | None) -> str | None:
    """The condition a count of people is in ("two in critical condition", "three
    people remain hospitalized"): a part of the hurt, compared only with the same part."""
    holders = [token, *([noun] if noun is not None else [])]
    verb = (noun or token).head
    if verb.pos_ in ("VERB", "AUX") and (noun or token).dep_ in ("nsubj", "nsubjpass"):
        holders.append(verb)
        lemma = verb.lemma_.lower()
        still = any(c.lower_ in ("still", "remain") for c in verb.children)
        if lemma == "remain" or (still and lemma in ("hospitalize", "hospitalise", "be")):
            return "condition:hospitalized" if not _condition_phrase(verb) else \
                _condition_phrase(verb)
    for holder in holders:
        found = _condition_phrase(holder)
        if found is not None:
            return found
    return None


def _condition_phrase(holder: Token) -> str | None:
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if obj.lemma_.lower() == "condition":
                    adjectives = [a.lower_ for a in obj.children if a.lower_ in _CONDITIONS]
                    return f"condition:{adjectives[0]}" if adjectives else "condition"
    return None


def in_condition(counted: Counted, condition: str) -> Counted:
    """A count of people as the part of them in ``condition``."""
    if counted.category not in (None, PERSON) or counted.subgroup not in (None, PART):
        return counted
    return counted.model_copy(update={"category": PERSON, "subgroup": condition})


def as_rest(counted: Counted) -> Counted:
    """A count of people marked as beyond those already counted (see ``is_rest``)."""
    if counted.category != PERSON or REST in counted.facets:
        return counted
    return counted.model_copy(update={"facets": tuple(sorted({*counted.facets, REST}))})


def read_counted(thing: str | None, noun: Token | None, vocabulary: Vocabulary,
                 resolve_country: CountryResolver, part: bool = False) -> Counted:
    """The counted thing of a count whose noun lemma is ``thing`` (None: no noun);
    ``part``: a count of some of another ("two of them")."""
    counted = _read_counted(thing, noun, vocabulary, resolve_country)
    if part and counted.subgroup is None:
        return counted.model_copy(update={"subgroup": PART,
                                          "category": counted.category or PERSON})
    return counted


def _read_counted(thing: str | None, noun: Token | None, vocabulary: Vocabulary,
                  resolve_country: CountryResolver) -> Counted:
    code = nationality(noun, resolve_country)
    if thing is None:
        return Counted(category=PERSON if code else None,
                       facets=(f"from:{code}",) if code else ())
    lemma = vocabulary.folds.get(thing, thing)
    facets: list[str] = [f"from:{code}"] if code else []
    subgroup = next((name for name, words in vocabulary.subgroups.items()
                     if lemma in words or lemma == name), None)
    if lemma in _SEXES:
        facets.append(f"sex:{lemma}")
    elif lemma in vocabulary.people_facets:
        facets.append(f"role:{lemma}")
    people = bool(subgroup or facets or lemma in vocabulary.people_nouns
                  or (noun is not None and noun.ent_type_ in _PEOPLE_ENTITIES)
                  or _is_measure_noun(lemma, vocabulary))
    if not people:
        return Counted(category=lemma)
    return Counted(category=PERSON, subgroup=subgroup, facets=tuple(sorted(facets)))


def _is_measure_noun(lemma: str, vocabulary: Vocabulary) -> bool:
    """A noun that names what happened to people ("deaths", "arrests", "injuries")."""
    human = set(vocabulary.human_classes)
    return lemma not in vocabulary.people_facets and any(
        lemma in words for name, words in vocabulary.attributes.items() if name in human)
