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

from claimcheck.model.counted import PERSON, Counted
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


def read_counted(thing: str | None, noun: Token | None, vocabulary: Vocabulary,
                 resolve_country: CountryResolver) -> Counted:
    """The counted thing of a count whose noun lemma is ``thing`` (None: no noun)."""
    code = nationality(noun, resolve_country)
    if thing is None:
        return Counted(category=PERSON if code else None,
                       facets=(f"from:{code}",) if code else ())
    lemma = vocabulary.folds.get(thing, thing)
    facets: list[str] = [f"from:{code}"] if code else []
    subgroup = next((name for name, words in vocabulary.subgroups.items()
                     if lemma in words or lemma == name), None)
    if lemma in vocabulary.people_facets:
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
