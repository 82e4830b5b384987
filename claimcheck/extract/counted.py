"""Who or what a count counts, read from the parse: a place in a hierarchy, not a lemma.

"Three Israeli civilians", "three Israeli fatalities" and "Three Israelis" count the
same people: the measure nouns (death, fatality, victim) count people as such; roles
(civilians) and nationalities (Israelis) are facets of people; a subgroup (children,
women) is its own slot. What is counted is kept as a ``Counted`` record (see
``claimcheck.model.counted``), the claim's attribute says what happened to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from claimcheck.extract.doc_index import doc_index
from claimcheck.extract.measures import classes_of
from claimcheck.model.counted import PERPETRATOR, PERSON, REST, Counted
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
    civilians"), as an ISO code. English capitalises nationality words, so a word in
    lower case is none ("male victims": no people of Malé)."""
    if noun is None:
        return None
    candidates = [noun] if noun.ent_type_ in _PEOPLE_ENTITIES or noun.pos_ == "PROPN" else []
    candidates.extend(c for c in noun.children if c.dep_ in ("amod", "compound")
                      and (c.ent_type_ in _PEOPLE_ENTITIES or c.pos_ in ("PROPN", "ADJ")))
    candidates = [c for c in candidates if not c.is_lower]
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
    "three others wounded, one fatally". A part is its own slot, never the total."""
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
    if before is not None and before.lower_ in _IN_A_SEQUENCE and before.dep_ == "amod" \
            and noun is not None:
        return True  # "the first three victims were stabbed", "the last two bodies"
    if before is not None and before.text == "," and after is not None and \
            after.lower_ in _WHERE_FROM and token.i >= 2 and _a_count_of(doc[token.i - 2]):
        return True  # "injured 11 people, eight from the same family"
    return bool(before is not None and before.text == "," and after is not None and
                after.pos_ == "ADV" and after.lower_.endswith("ly"))


# words before a count that place it in a sequence: the count is some of the people
_IN_A_SEQUENCE = frozenset({"first", "last", "next", "final", "initial", "latest"})

# words after a count set off beside a count just given that say which of them it is
_WHERE_FROM = frozenset({"from", "in", "at", "inside", "outside", "on"})


def _a_count_of(noun: Token) -> bool:
    """A noun with its own number ("11 people"): what a count set off after it is a
    part of."""
    return noun.pos_ in _NOMINAL and any(c.dep_ == "nummod" and c.like_num
                                         for c in noun.children)


_DISTRIBUTIVE_REACH = 14  # tokens after "one" to its "the other"


def _the_other_follows(token: Token) -> bool:
    """"…, one … and the other …": the one is one of the people just counted."""
    doc = token.doc
    _, end = doc_index(doc).sentence(token.i)
    for i in range(token.i + 1, min(end - 1, token.i + _DISTRIBUTIVE_REACH)):
        if doc[i].lower_ == "the" and doc[i + 1].lower_ in ("other", "others"):
            return True
    return False


# nouns for one person, beside which a count is one item of a list of the people
_KIN = frozenset({"father", "mother", "son", "daughter", "wife", "husband", "ex-wife",
                  "ex-husband", "brother", "sister", "girlfriend", "boyfriend", "grandmother",
                  "grandfather", "uncle", "aunt", "cousin", "nephew", "niece", "male",
                  "female", "fiancee", "fiance", "partner", "stepfather", "stepson"})
_NOT_PARTNERS = frozenset({"other", "one", "dead", "wounded", "injured", "injury", "death",
                           "fatality", "casualty", "life", "body", "people", "person"})
_AGE_WORDS = frozenset({"age", "aged", "ages"})
_LIST_GAP = 6  # words between "and" and the noun of the next person listed


def is_listed(token: Token, noun: Token | None, vocabulary: Vocabulary) -> bool:
    """A count that is one item of a list of the people: "a girl and two men were
    wounded", "one officer and four deputies", "one man, age 18, …, one, age 41, …",
    "two men, one 17 and the other 21", "one victim, Jane Doe, …". It counts some of the
    people, never all of them, and which ones only the list says."""
    doc = token.doc
    if token.lower_ == "one" and token.i > 0 and doc[token.i - 1].text == "," and \
            _the_other_follows(token):
        return True  # "two teens, one shot in the leg and the other in the arm"
    end = noun if noun is not None and noun.i > token.i else token
    after = doc[end.i + 1] if end.i + 1 < len(doc) else None
    if after is not None and after.text == "," and end.i + 2 < len(doc):
        first = doc[end.i + 2]
        second = doc[end.i + 3] if end.i + 3 < len(doc) else None
        if first.lower_ in _AGE_WORDS or first.ent_type_ == "PERSON":
            return True  # "one man, age 18,", "one victim, Jane Doe,"
        if first.is_digit and second is not None and second.text in (",", "and"):
            return True  # "one man, 18, and …"
        if first.like_num and second is not None and second.is_digit:
            return True  # "two men, one 17 and the other 21"
        if first.like_num and second is not None and noun is not None and \
                _a_facet_word(noun, vocabulary) and \
                _is_person_word(second, _partners(vocabulary)):
            return True  # "4 adults, 1 child shot": the adults are some of them
    if noun is not None and _restricted(noun, vocabulary):
        return True  # "the two people who arrived in private cars": some, picked out
    partners = _partners(vocabulary)
    start = token.i
    while start > 0 and doc[start - 1].dep_ in ("advmod", "quantmod") and \
            doc[start - 1].head.i == token.i:
        start -= 1  # "at least"
    if start >= 2 and doc[start - 1].lower_ in ("and", "&", ",") and \
            _is_person_word(doc[start - 2], partners) and \
            not (noun is not None and _a_name_closing_a_clause(doc[start - 2], noun)):
        return True  # "a girl and two men", "father, 2 children"
    if start >= 1 and doc[start - 1].dep_ == "cc" and doc[start - 1].head.i < start and \
            _is_person_word(doc[start - 1].head, partners):
        return True  # "a woman, who was walking by, and three men"
    if noun is not None and _included(noun):
        return True  # "the wounded included a woman and five men"
    if noun is not None and _listed_beside(noun, partners):
        return True  # "two men and a 10-year-old girl", "… along with a teacher"
    if noun is not None and after is not None and after.lower_ in ("and", "&"):
        for i in range(after.i + 1, min(len(doc), after.i + 1 + _LIST_GAP)):
            word = doc[i]
            if _is_person_word(word, partners):
                return True  # "two men and a 10-year-old girl"
            if (word.is_punct and word.text != "-") or word.pos_ in ("VERB", "AUX", "ADP"):
                break
    return False


_ALONG = frozenset({"along", "alongside", "together"})
_INCLUDE = frozenset({"include", "included", "includes"})


def _included(noun: Token) -> bool:
    """A count that is the object (or one of the objects) of "include": "the wounded
    included a woman and five men", "the dead include two teens". Some of them."""
    node = noun
    for _ in range(_LIST_GAP):  # up a list of nouns ("a woman, a boy and five men")
        if node.dep_ != "conj" or node.head.pos_ not in _NOMINAL:
            break
        node = node.head
    verb = node.head if node.dep_ in ("dobj", "conj") else None
    return verb is not None and verb.pos_ in ("VERB", "AUX") and (
        verb.lemma_.lower() in _INCLUDE or verb.lower_ in _INCLUDE)


def _across_a_semicolon(a: Token, b: Token) -> bool:
    """Whether a semicolon stands between two words: it parts two statements ("Toddler
    killed in shooting; 2 adults hurt"), never two items of one list."""
    low, high = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[low + 1:high])


# dependencies that open a clause of their own below the one above them
_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "xcomp", "pcomp", "csubj", "acl"})


def _a_name_closing_a_clause(word: Token, counted: Token) -> bool:
    """Whether ``word`` is a person's name that ends a clause of its own, one that does
    not hold ``counted``: on the way up from it to the two words' nearest common head, a
    word opens a clause ("In the incident that killed Johnson, two others were shot").
    A list of people is of common nouns ("father, 2 children"), whose headlines the
    parser reads too loosely to tell clauses apart."""
    if word.ent_type_ != "PERSON":
        return False
    above = {t.i for t in counted.ancestors} | {counted.i}
    node = word
    while node.i not in above and node.head.i != node.i:
        node = node.head
        if node.i not in above and node.dep_ in _CLAUSES:
            return True
    return False


def _listed_beside(noun: Token, partners: frozenset[str]) -> bool:
    """A person the parse joins to the counted noun, however long that person's
    description: a conjunct ("two men and a 10-year-old girl were wounded"), or the
    object of "along with" on its verb ("two students were hospitalized along with a
    teacher"). The count is some of the people, not all of them."""
    joined = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ == "conj":
        joined.append(noun.head)
    if any(_is_person_word(word, partners) and not _across_a_semicolon(word, noun)
           for word in joined):
        return True
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _ALONG:
            for inner in prep.children:
                if inner.dep_ == "prep" and inner.lower_ == "with" and any(
                        _is_person_word(g, partners) for g in inner.children
                        if g.dep_ == "pobj"):
                    return True
        if prep.dep_ == "prep" and prep.lower_ == "alongside" and any(
                _is_person_word(g, partners) for g in prep.children if g.dep_ == "pobj"):
            return True
    return False


def _restricted(noun: Token, vocabulary: Vocabulary) -> bool:
    """"The two people who arrived in private cars": a definite count picked out by a
    relative clause that says nothing of what happened to them (unlike "the three people
    who died")."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        words = [clause, *(c for c in clause.children if c.dep_ in (
            "acomp", "oprd", "xcomp", "dobj", "attr", "advmod", "conj"))]
        if not any(classes_of(w.lemma_.lower(), vocabulary) & set(vocabulary.human_classes)
                   for w in words):
            return True
    return False


def _a_facet_word(noun: Token, vocabulary: Vocabulary) -> bool:
    """A noun for some kind of people ("adults", "men"), not for people as such
    ("people", "victims"): "five victims, two men and three women" is the total."""
    lemma = noun.lemma_.lower()
    return lemma not in vocabulary.people_nouns and (
        lemma in vocabulary.people_facets or lemma in _SEXES or lemma in _YOUNG)


def _partners(vocabulary: Vocabulary) -> frozenset[str]:
    words = {*vocabulary.people_nouns, *vocabulary.people_facets, *_KIN, *_SEXES, *_YOUNG,
             *(w for group in vocabulary.subgroups.values() for w in group)}
    return frozenset(words - _NOT_PARTNERS)


def _is_person_word(word: Token, partners: frozenset[str]) -> bool:
    """A noun for a person, or a person's name ("Jane Doe and seven others")."""
    return word.pos_ in _NOMINAL and (word.lemma_.lower() in partners or
                                      word.lower_ in partners or
                                      (word.pos_ == "PROPN" and word.ent_type_ == "PERSON"))


_CONDITION_ADVERBS = {"critically": "critical", "seriously": "serious", "gravely": "grave",
                      "severely": "serious", "badly": "serious", "mortally": "grave"}


def condition_adverb(token: Token, noun: Token | None) -> str | None:
    """The condition an adverb puts a count of people in: "nine wounded, one critically",
    "two people were hurt critically", "three were seriously injured". Like "in critical
    condition", a part of the hurt, compared only with the same part."""
    holders = [token, *([noun] if noun is not None else [])]
    subject = noun or token
    if subject.dep_ in ("nsubj", "nsubjpass") and subject.head.pos_ in ("VERB", "AUX"):
        verb = subject.head
        holders.append(verb)
        # "were left critically wounded"; not a verb of its own ("five were killed and
        # another critically injured": that adverb is the other's)
        holders.extend(c for c in verb.children if c.dep_ in ("acomp", "xcomp")
                       and c.pos_ in ("VERB", "ADJ"))
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in _CONDITION_ADVERBS:
        return f"condition:{_CONDITION_ADVERBS[after.lower_]}"  # "…, 5 critically"
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in _CONDITION_ADVERBS:
                before = doc[child.i - 1] if child.i > 0 else None
                if before is not None and before.i != token.i and before.like_num:
                    continue  # "fourteen injured, 5 critically": the five's adverb
                return f"condition:{_CONDITION_ADVERBS[child.lower_]}"
    return None


_ADDITION = frozenset({"besides"})


def beyond_others(token: Token, noun: Token | None) -> bool:
    """"two dead in the back seat in addition to the woman", "besides the driver, three
    passengers were hurt": people beyond someone the text already named."""
    for node in (noun or token, *list((noun or token).ancestors)[:3]):
        for child in node.children:
            if child.dep_ != "prep":
                continue
            if child.lower_ in _ADDITION:
                return True
            if child.lower_ == "in" and any(g.lower_ == "addition" for g in child.children):
                return True
        if node.pos_ in ("VERB", "AUX"):
            break
    return False


WITH_PERPETRATOR = PERPETRATOR + "counted"
WITHOUT_PERPETRATOR = PERPETRATOR + "not counted"
_INCLUDING = frozenset({"including", "includes", "include", "among"})
_OWN_LIFE = re.compile(r"\b(?:his|her|their) own li(?:fe|ves)\b", re.IGNORECASE)


def perpetrator_scope(token: Token, vocabulary: Vocabulary, deaths: bool) -> str | None:
    """Whether a count counts the one who did it: "three dead, including the gunman"
    does; "killed two people and then himself", "… before taking his own life" (a toll of
    deaths) does not. Read from the count's sentence after the count, up to the next
    number."""
    doc = token.doc
    _, end = doc_index(doc).sentence(token.i)
    perpetrators = set(vocabulary.perpetrators)
    another_count = including = included_did_it = False
    for i in range(token.i + 1, min(end, token.i + _SCOPE_REACH)):
        word = doc[i]
        if word.like_num and word.pos_ == "NUM" and word.lower_ != "one":
            another_count = True  # what follows it is that count's scope
        if including and word.lower_ == "who":
            included_did_it = True  # "including Jane Roe, who then …"
        if not another_count and word.lower_ in _INCLUDING:
            including = True
            if any(doc[j].lemma_.lower() in perpetrators or doc[j].lower_ in perpetrators
                   for j in range(i + 1, min(end, i + 5))):
                return WITH_PERPETRATOR
        if deaths and (word.lower_ in ("himself", "herself") or
                       _OWN_LIFE.match(doc[i:min(end, i + 4)].text)):
            # "four dead, including Jane Roe, who then took her own life" counts her;
            # "three dead, including a child, and then himself" does not count him
            return WITH_PERPETRATOR if included_did_it else WITHOUT_PERPETRATOR
    return None


_SCOPE_REACH = 24


def with_facet(counted: Counted, facet: str) -> Counted:
    """A count of people with one more facet."""
    if counted.category not in (None, PERSON) or facet in counted.facets:
        return counted
    return counted.model_copy(update={"category": PERSON,
                                      "facets": tuple(sorted({*counted.facets, facet}))})


def others_than_another_measure(token: Token, attribute: str, vocabulary: Vocabulary) -> bool:
    """Whether "others" are other than people a measure of another class already counted,
    with or without a number: "killed Jane Doe and John Roe. Police said two others were
    injured", "a woman died and three others were hurt": the others are all the hurt.
    Read from the count's sentence before it and the sentence before that; a cue of the
    count's own class there ("one was hurt, and two others were hurt") keeps them the rest."""
    human = set(vocabulary.human_classes) - {"shot"}
    if attribute not in human:
        return False
    doc = token.doc
    index = doc_index(doc)
    start, _ = index.sentence(token.i)
    if start > 0:
        start, _ = index.sentence(start - 1)
    seen: set[str] = set()
    own = _own_verbs(token)  # "wounding five others": the count's own verb is no cue
    for i in range(max(start, token.i - _OTHERS_WINDOW), token.i):
        word = doc[i]
        if word.pos_ in ("VERB", "ADJ", "NOUN") and i not in own:
            seen |= classes_of(word.lemma_.lower(), vocabulary) & human
    return attribute not in seen and bool(seen)


_OTHERS_WINDOW = 80  # tokens back from a count of others


def _own_verbs(token: Token) -> set[int]:
    """The verb a count hangs from, through its noun: "wounding" in "killing Jane Doe
    and wounding five others"."""
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return {node.i}
    return set()


_REST_WORDS = frozenset({"other", "others", "more", "additional", "further"})
_REMAINING = frozenset({"remaining", "rest"})


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


def is_remaining(token: Token, noun: Token | None) -> bool:
    """"The remaining three wounded", "the three remaining victims": the rest of people of
    its own kind some of whom were counted before, whatever measure came before it
    (unlike "others", which may be others than the dead)."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].lower_ in _REMAINING:
        return True
    return noun is not None and any(c.dep_ == "amod" and c.lower_ in _REMAINING
                                    for c in noun.children)


def added_to_others(token: Token, noun: Token | None) -> bool:
    """A count its own verb says is in addition to people already counted: "two women
    were also shot", "two victims, who were also wounded". Like "others", it may be all
    of a count or the rest of it (see ``is_rest``)."""
    holder = noun or token
    verbs = [c for c in holder.children if c.dep_ in ("relcl", "acl") and
             c.pos_ in ("VERB", "AUX")]
    verbs.extend(_relative_clause_after(holder))
    if holder.dep_ in ("nsubj", "nsubjpass", "npadvmod") and \
            holder.head.pos_ in ("VERB", "AUX"):
        verbs.append(holder.head)  # (a headline's subject may parse as "npadvmod")
    return any(c.dep_ == "advmod" and c.lower_ == "also" for verb in verbs
               for c in verb.children)


_WHO = frozenset({"who", "which", "that"})


def _relative_clause_after(noun: Token) -> list[Token]:
    """The verb of a relative clause that opens right after ``noun`` ("two victims, who
    were also shot") when the parser hung the clause on another noun of the sentence."""
    doc = noun.doc
    for i in (noun.i + 1, noun.i + 2):
        if i >= len(doc) or (i == noun.i + 2 and doc[noun.i + 1].text != ","):
            continue
        word = doc[i]
        if word.lower_ in _WHO and word.dep_ in ("nsubj", "nsubjpass") and \
                word.head.dep_ == "relcl" and word.head.head.i != noun.i:
            return [word.head]
    return []


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
        severity = _severity_of_hurt(verb)
        if severity is not None:
            return severity
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


_SUFFER = frozenset({"receive", "suffer", "sustain", "have"})
_HURT_NOUNS = frozenset({"injury", "wound"})
_SEVERITY = {"serious": "serious", "critical": "critical", "grave": "grave",
             "severe": "serious", "life-threatening": "grave", "minor": "minor"}


def _severity_of_hurt(verb: Token) -> str | None:
    """"One man suffered serious injuries", "two had minor wounds": the condition the
    object of a verb of suffering puts its subject in ("non-life-threatening", with no
    severity of its own, puts them in none)."""
    if verb.lemma_.lower() not in _SUFFER:
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in _HURT_NOUNS:
            continue
        for word in obj.children:
            severity = _SEVERITY.get(word.lower_)
            if word.dep_ == "amod" and severity is not None and not any(
                    c.lower_ in ("non", "not") for c in word.children):
                return f"condition:{severity}"
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


def as_rest(counted: Counted, facet: str = REST) -> Counted:
    """A count of people marked as beyond those already counted (see ``is_rest``; with
    ``REMAINING``, ``is_remaining``)."""
    if counted.category != PERSON or facet in counted.facets:
        return counted
    return counted.model_copy(update={"facets": tuple(sorted({*counted.facets, facet}))})


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
    kind = _kind_of_thing(lemma, noun, vocabulary)
    if kind is not None:
        return Counted(category=kind)  # "one body of water": a thing, not a person
    people = bool(subgroup or facets or lemma in vocabulary.people_nouns
                  or (noun is not None and noun.ent_type_ in _PEOPLE_ENTITIES)
                  or _is_measure_noun(lemma, vocabulary))
    if not people:
        return Counted(category=lemma)
    return Counted(category=PERSON, subgroup=subgroup, facets=tuple(sorted(facets)))


def _kind_of_thing(lemma: str, noun: Token | None, vocabulary: Vocabulary) -> str | None:
    """A noun that counts people, made a kind of thing by a bare "of" ("a body of
    water", "a life of luxury"): the kind, as "body of water"; None when it still
    counts people ("the bodies of two men", "bodies of victims", "one of the hikers")."""
    if noun is None or lemma not in vocabulary.people_nouns:
        return None
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        for obj in child.children:
            # a bare singular noun names a kind; people are counted, named or determined
            if obj.dep_ != "pobj" or obj.tag_ != "NN" or obj.ent_type_ or any(
                    c.dep_ in ("det", "nummod", "poss", "amod") for c in obj.children):
                continue
            word = vocabulary.folds.get(obj.lemma_.lower(), obj.lemma_.lower())
            if word in vocabulary.people_nouns or word in vocabulary.people_facets or \
                    word in _SEXES or word in _KIN or word in _YOUNG or \
                    _is_measure_noun(word, vocabulary) or any(
                        word in words for words in vocabulary.subgroups.values()):
                return None
            return f"{lemma} of {word}"
    return None


def _is_measure_noun(lemma: str, vocabulary: Vocabulary) -> bool:
    """A noun that names what happened to people ("deaths", "arrests", "injuries")."""
    human = set(vocabulary.human_classes) - {"shot"}  # "four shots" were fired at no one
    return lemma not in vocabulary.people_facets and any(
        lemma in words for name, words in vocabulary.attributes.items() if name in human)
