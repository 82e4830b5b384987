"""What a count measures, read from the number's whole clause.

A closed set of measure classes (deaths, injuries, arrests, …: the ``attributes`` of the
vocabulary) is read from the words around the number in the parse, nearest first:

1. the counted noun itself ("three deaths", "200 arrests", "97 rockets");
2. what modifies it: adjectives, participles and relative clauses ("19 Palestinians
   killed", "people who were wounded", "three dead");
3. the verb it belongs to and that verb's complements ("were killed", "left five dead",
   "killing three", "the death toll rose to 31": the subject's words count here).

The first level with a cue decides. When that level holds cues of two classes ("killed
and wounded", a "casualty" that may be either), the class is unknown: a guess would
make false contradictions. A count of people never takes a class that does not count
people ("162 people on board the jet" are not weapons). A weak cue ("shot") yields to
any other class at its level ("shot dead" counts deaths).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

from claimcheck.extract.doc_index import doc_index
from claimcheck.model.vocabulary import Vocabulary

Token = Any  # spacy.tokens.Token

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_MODIFIERS = frozenset({"amod", "acl", "relcl", "compound", "oprd", "acomp", "advmod",
                        "xcomp", "appos"})
_COMPLEMENTS = frozenset({"acomp", "oprd", "xcomp", "advmod", "dobj", "attr", "ccomp"})
_STATE_PREPS = frozenset({"in", "into", "under"})
_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "count", "tally", "number"})
GENERIC = "count"
WEAK_CLASSES = frozenset({"shot"})
_WEAK_CUE_POS = frozenset({"VERB", "AUX", "ADJ"})  # "were shot", "shot dead"; not "a gun"
# the number a partitive takes a part of: "one of four victims died" (the verb is the one's)
_PART_TAKERS = frozenset({"NUM", "PRON"})
_WHOLE_TAKERS = frozenset({"all", "both", "each"})


def _prefixed_by_non(cue: Token) -> bool:
    """"non-fatal injuries": the prefix denies the cue's class."""
    doc, i = cue.doc, cue.i
    if i >= 1 and doc[i - 1].lower_ in ("non-", "non"):
        return True
    return i >= 2 and doc[i - 1].text in ("-", "‑") and doc[i - 2].lower_ == "non"


def classes_of(lemma: str, vocabulary: Vocabulary) -> set[str]:
    """Every class a lemma signals ("casualty" → deaths and injuries)."""
    return {name for name, words in vocabulary.attributes.items()
            if lemma in words and name != GENERIC}


def measure_class(token: Token, vocabulary: Vocabulary, counts_people: bool | None) -> str:
    """The measure class of the count at ``token``, or ``count`` when it is unknown.

    ``counts_people`` says whether the counted noun names people (None: there is no
    noun); a count of people takes only classes that count people, a count of things
    only classes that do not. The counted noun decides only when it names the measure
    itself ("deaths", "arrests"); otherwise ("rockets", "soldiers") its words say what
    is counted, and the clause says what happened to them. Within a level the cue
    nearest the number wins; cues joined by "and" ("killed and wounded") are ambiguous.
    """
    human = set(vocabulary.human_classes)
    listed = _listed_cue(token, vocabulary)
    if listed is None:
        listed = _headline_verb_cue(token, vocabulary)
    if listed is not None and counts_people is not False:
        return listed
    start, end = doc_index(token.doc).sentence(token.i)
    for depth, level in enumerate(cue_levels(token, vocabulary)):
        cues: list[tuple[int, Token, set[str]]] = []
        taken = len(token.doc)  # how far a place the counted were taken to is
        for cue in level:
            if not start <= cue.i < end:
                continue  # a headline the parser ran into its article's first sentence
            if cue.pos_ in _VERBAL and any(c.dep_ == "neg" for c in cue.children):
                continue  # "two girls were not shot": no one was
            lemma = cue.lemma_.lower()
            classes = classes_of(lemma, vocabulary)
            if _taken_to(cue, lemma, vocabulary):
                # "five taken to a hospital": some of the hurt, or the dead too
                taken = min(taken, abs(cue.i - token.i))
                continue
            if lemma in vocabulary.people_facets or (depth == 0 and not classes <= human) \
                    or _prefixed_by_non(cue):
                continue  # "three soldiers killed": who is counted, not what happened
            if cue.pos_ not in _WEAK_CUE_POS and cue.lower_ != "shot":
                # "a stun gun", "three guns": no one was shot; "5 shot, 1 killed" was
                classes -= WEAK_CLASSES
            if counts_people is True:
                classes &= human
            elif counts_people is False:
                classes -= human
            if classes:
                cues.append((abs(cue.i - token.i), cue, classes))
        cues.sort(key=lambda c: (c[0], c[1].i))
        if taken < len(token.doc) and (not cues or taken < cues[0][0]):
            return GENERIC  # no nearer word says what happened to them
        if not cues:
            continue
        _, nearest, classes = cues[0]
        strong = classes - WEAK_CLASSES
        if len(strong) > 1:
            return GENERIC  # "casualties": deaths or injuries, unknown
        chosen = next(iter(strong or classes))
        for _, other, other_classes in cues[1:]:
            joined = other.head.i == nearest.i or nearest.head.i == other.i
            conjoined = joined and (other.dep_ == "conj" or nearest.dep_ == "conj")
            if conjoined and chosen in WEAK_CLASSES and len(other_classes - WEAK_CLASSES) == 1:
                chosen = next(iter(other_classes - WEAK_CLASSES))  # "shot and wounded"
                continue
            if conjoined and chosen not in other_classes and other_classes - WEAK_CLASSES:
                return GENERIC  # "killed and wounded": ambiguous
            if chosen in WEAK_CLASSES and other_classes - WEAK_CLASSES and \
                    other.i in _near(nearest):
                chosen = next(iter(other_classes - WEAK_CLASSES))  # "shot dead"
        return chosen
    return _class_of_total(token, vocabulary)


_TOWARD = frozenset({"to", "into"})


def _taken_to(cue: Token, lemma: str, vocabulary: Vocabulary) -> bool:
    """Whether the cue is a place people are taken to ("were taken to a hospital",
    "sent three to hospitals"), not a thing counted ("three hospitals were
    damaged")."""
    return lemma in vocabulary.destinations and cue.dep_ == "pobj" and \
        cue.head.lower_ in _TOWARD


def _class_of_total(token: Token, vocabulary: Vocabulary) -> str:
    """A part listed with its total takes the total's class: "killed 14 people,
    including six children", "19 dead, among them five children"."""
    noun = token.head if token.dep_ in ("nummod", "quantmod") else token
    marker = noun.head
    if marker.lower_ not in ("including", "among", "includes", "include") or \
            marker.head.i == marker.i:
        return GENERIC
    total = marker.head
    number = next((c for c in _children(total) if c.dep_ in ("nummod", "quantmod")), None)
    if number is None or number.i == token.i:
        return GENERIC
    return measure_class(number, vocabulary, True)


_FILLERS = frozenset({"people", "person", "persons", "others", "other", "more", "men",
                      "women", "victims", "were", "was", "are", "is", "have", "been", "man",
                      "woman", "victim", "boy", "boys", "girl", "girls", "teen", "teens",
                      "teenager", "teenagers", "child", "children", "kids", "adults",
                      "students", "officers", "now", "also", "left", "found", "reported"})
_LIST_BREAKS = frozenset({",", ";", "and", "&", "(", ")", "-", "–", "—", ":"})


def _listed_cue(token: Token, vocabulary: Vocabulary) -> str | None:
    """The class of a word written right after the number in a list or a headline
    ("1 dead, 4 injured", "2 killed and 3 hurt"): there the parse is least reliable and
    the word next to each number says what it counts. Only the first words after the
    number are read, up to the next list break."""
    doc = token.doc
    for i in range(token.i + 1, min(len(doc), token.i + 4)):
        word = doc[i]
        lower = word.lower_
        if lower in _FILLERS:
            continue
        if lower in _LIST_BREAKS or word.is_punct:
            return None
        classes = classes_of(word.lemma_.lower(), vocabulary) | classes_of(lower, vocabulary)
        classes &= set(vocabulary.human_classes)
        # a headline's capitals ("1 Man Dead, 10 People Wounded") make its words proper nouns;
        # "6 shot, 3 fatally": the adverb says how the three were hit
        if classes and classes <= WEAK_CLASSES and (word.pos_ in ("VERB", "ADJ", "PROPN")
                                                    or lower == "shot"):
            continue  # "2 shot dead": the word after the weak one may say more
        if word.pos_ in ("VERB", "ADJ", "PROPN", "ADV") and len(classes - WEAK_CLASSES) == 1:
            following = doc[i + 1] if i + 1 < len(doc) else None
            if following is not None and following.lower_ in ("and", "or") and \
                    i + 2 < len(doc) and classes_of(doc[i + 2].lemma_.lower(), vocabulary) - \
                    classes - WEAK_CLASSES:
                return None  # "killed and wounded": ambiguous
            return next(iter(classes - WEAK_CLASSES))
        return None
    return None


_QUALIFIER_DEPS = frozenset({"advmod", "quantmod"})


def _headline_verb_cue(token: Token, vocabulary: Vocabulary) -> str | None:
    """The class of a capitalised verb right before the number in a headline ("Shooting
    Kills 1 Person, Wounds 5"): the capitals make it a proper noun to the parser, which
    then links it to nothing that happened. Only one class, and not the weak one."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].dep_ in _QUALIFIER_DEPS and doc[i].head.i == token.i:
        i -= 1  # "Kills At Least 3"
    if i < 0:
        return None
    word = doc[i]
    if word.pos_ not in ("PROPN", "NOUN") or not word.text[:1].isupper() or \
            not word.lower_.endswith("s"):
        return None
    lower = word.lower_
    forms = {lower[:-1], lower[:-2] if lower.endswith("es") else lower[:-1]}
    classes: set[str] = set()
    for form in forms:
        classes |= classes_of(form, vocabulary)
    classes &= set(vocabulary.human_classes)
    strong = classes - WEAK_CLASSES
    return next(iter(strong)) if len(strong) == 1 else None


def cue_levels(token: Token, vocabulary: Vocabulary) -> list[list[Token]]:
    """Tokens around a number, by level (the counted noun, its modifiers, its verb)."""
    noun = token.head if token.dep_ in ("nummod", "quantmod", "compound", "det") and \
        token.head.pos_ in _NOMINAL else token
    levels: list[list[Token]] = [[noun] if noun.i != token.i else []]
    modifiers: list[Token] = []
    for node in {noun.i: noun, token.i: token}.values():
        for child in _children(node):
            if child.dep_ == "prep" and child.lower_ in _STATE_PREPS:
                # "three men in custody", "two taken into custody"
                modifiers.extend(g for g in _children(child) if g.dep_ == "pobj")
            if child.dep_ in _MODIFIERS and not _of_a_part(child):
                modifiers.append(child)
                if child.pos_ in _VERBAL:  # "people who were dead", "shot dead"
                    modifiers.extend(c for c in _children(child)
                                     if c.dep_ in ("acomp", "oprd", "advmod"))
    if noun.dep_ in ("relcl", "acl") and noun.pos_ in _VERBAL:
        modifiers.append(noun)
    verb = _verb_level(noun, vocabulary)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "97 rockets fired from Gaza hit Israel": what the clause says happened to them
        levels.extend((verb, modifiers))
    else:
        levels.extend((modifiers, verb))
    return levels


def _of_a_part(clause: Token) -> bool:
    """Whether a relative clause tells of a part of the counted people, its subject
    being one of them ("two hikers, one of whom was found dead"): what happened
    to that part is not what the count measures."""
    if clause.dep_ != "relcl":
        return False
    for subject in _children(clause):
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.pos_ in _PART_TAKERS:
            for of in _children(subject):
                if of.dep_ == "prep" and of.lower_ == "of" and any(
                        g.dep_ == "pobj" and g.lower_ in ("whom", "which", "them")
                        for g in _children(of)):
                    return True
    return False


def _verb_level(noun: Token, vocabulary: Vocabulary) -> list[Token]:
    """The verb the counted phrase belongs to, its complements, and for a copula or a
    rising figure the subject's words ("the death toll rose to 31")."""
    found: list[Token] = []
    if _total_of_a_part(noun):
        return found  # "one of four victims died": the four did not all die
    below = noun
    for node in islice(noun.ancestors, 4):
        if node.pos_ not in _VERBAL:
            if node.pos_ in _NOMINAL and below.dep_ == "pobj":
                # "a toll of 31": the noun the preposition hangs on
                found.append(node)
                found.extend(c for c in _children(node) if c.dep_ in ("compound", "amod"))
            below = node
            continue
        found.append(node)
        speech = node.lemma_.lower() in vocabulary.reporting_verbs or \
            node.lemma_.lower() in _ESTIMATE_VERBS
        for child in _children(node):
            if child.i == below.i:
                continue
            if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in _children(child)):
                found.append(child)  # "were killed and wounded": the same subject's verbs
            if child.dep_ == "prep" and (node.lemma_.lower() == "be" or child.lower_ == "to"):
                # "were among the dead", "shot to death", "beaten to death"
                found.extend(g for g in _children(child) if g.dep_ == "pobj")
            if child.dep_ in _COMPLEMENTS:
                found.append(child)
                found.extend(c for c in _children(child) if c.dep_ == "advmod")
                for prep in _children(child):  # "were found shot to death"
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        found.extend(g for g in _children(prep) if g.dep_ == "pobj")
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and not (
                    speech and child.dep_ == "nsubj"):
                # "the death toll rose to 31", "police put the toll at 31"
                found.append(child)
                found.extend(c for c in _children(child) if c.dep_ in ("compound", "amod"))
        if node.dep_ in ("relcl", "acl"):
            antecedent = node.head  # "the march, which police put at 20,000"
            found.append(antecedent)
            if antecedent.dep_ == "pobj" and antecedent.head.head.pos_ in _NOMINAL:
                found.append(antecedent.head.head)
        break
    return found


def _total_of_a_part(noun: Token) -> bool:
    """Whether the counted phrase is the whole a part is taken from: "one of four victims",
    "two of the five men" (but "all of the five men" is the whole)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    taker = noun.head.head
    return taker.pos_ in _PART_TAKERS and taker.lower_ not in _WHOLE_TAKERS


def _near(token: Token) -> set[int]:
    """The token's head, children, and the objects of its prepositions ("shot to death")."""
    near = {token.head.i}
    for child in _children(token):
        near.add(child.i)
        if child.dep_ == "prep":
            near.update(g.i for g in _children(child) if g.dep_ == "pobj")
    return near


def _children(token: Token) -> Iterable[Token]:
    if token.n_lefts + token.n_rights > 64:
        return ()
    children: Iterable[Token] = token.children
    return children
