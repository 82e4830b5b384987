"""Who speaks: names and titles of people and organisations, and the reporting cue.

The parse finds the reporting verb and its subject; the PERSON label is not trusted on
its own (the small English model labels "Lavrov" ORG in some mentions). Interpretation
of the words of a mention ("Russian President Vladimir Putin" → title "Russian
President", name "Vladimir Putin"; "Putin" → the full name met in the article) lives in
plain functions over strings.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from claimcheck.model.quotes import name_words

# Lemmas of verbs that introduce speech; a vocabulary's ``reporting_verbs`` add to them.
DEFAULT_REPORTING_VERBS: tuple[str, ...] = (
    "say", "tell", "add", "state", "insist", "declare", "announce", "explain", "note",
    "stress", "warn", "claim", "argue", "write", "ask", "reply", "respond", "answer",
    "comment", "confirm", "deny", "admit", "acknowledge", "express", "reiterate", "repeat",
    "describe", "urge", "conclude", "report", "suggest", "predict", "promise", "vow",
    "pledge", "assert", "maintain", "emphasise", "emphasize", "underline", "recall",
    "remark", "observe", "quote", "voice", "tweet", "post", "shout", "whisper", "concede",
)

# Words that make up titles and roles rather than names (lower case, no full stop).
TITLE_WORDS = frozenset(str.split("""
president vice prime minister secretary general state affairs foreign external interior
home defence defense finance trade justice chancellor premier king queen prince princess
emperor sheikh emir sultan ayatollah envoy ambassador consul spokesman spokeswoman
spokesperson senator sen rep representative congressman congresswoman governor gov mayor
gen lieutenant lt colonel col major maj captain capt commander admiral adm sergeant sgt
marshal chief director chairman chairwoman chair head leader deputy acting former late
mr mrs ms miss dr prof professor judge pope cardinal archbishop bishop rev reverend sir
lord lady dame ceo cfo coo founder official officer commissioner counsellor counselor
adviser advisor assistant undersecretary attorney speaker dictator chairperson
detective det constable con dc pc dci insp inspector supt superintendent sheriff
trooper corporal cpl sgt patrolman patrolwoman
"""))
# Title and role words that tell a person's gender, for resolving "he" and "she".
_MALE_WORDS = frozenset(str.split("""
mr sir lord king prince emperor spokesman chairman congressman businessman actor father
husband son brother boy man uncle grandfather nephew patrolman
"""))
_FEMALE_WORDS = frozenset(str.split("""
mrs ms miss lady dame queen princess empress spokeswoman chairwoman congresswoman
businesswoman actress mother wife daughter sister girl woman aunt grandmother niece
patrolwoman
"""))
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_CONNECTIVES = frozenset({"of", "to", "for", "on"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their",
                          "our"})
# nouns whose speaker is the body they speak for: "a UN statement", "a spokesman of X"
MOUTHPIECE_NOUNS = frozenset({"statement", "spokesman", "spokeswoman", "spokesperson",
                              "communique", "release", "report", "announcement",
                              "representative", "source", "letter"})
# lower-case words inside names: "Institute for Fiscal Studies", "Ursula von der Leyen"
_NAME_PARTICLES = frozenset({"of", "for", "the", "and", "de", "del", "della", "der", "la",
                             "le", "von", "van", "al", "bin", "ibn", "da", "dos", "du"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# the words after a name that make it another person's: "Donald Trump Jr."
_GENERATIONS = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})


class TitledName(NamedTuple):
    title: tuple[str, ...]  # lower-case title words: ("russian", "president")
    name: str  # the name as written, title stripped: "Vladimir Putin"; "" for a bare role


def _plain(word: str) -> str:
    """Lower case without full stops: "U.S." and "US" are one title word."""
    return word.lower().replace(".", "").strip(",")


def _is_title(word: str) -> bool:
    parts = [p for p in _plain(word).replace("–", "-").split("-") if p]
    return bool(parts) and all(p in TITLE_WORDS for p in parts)


def split_title(words: Sequence[str], adjectives: Sequence[bool] | None = None) -> TitledName:
    """Split a mention's words into its title and its name.

    Everything up to the last title word is title, and so is a word governed by a
    connective in it ("Secretary of State", "envoy to Syria"); leading adjectives of
    nationality are title when a title word follows. ``adjectives`` marks words the
    parser tagged as adjectives, common nouns or nationalities ("Russian", "Actor").
    """
    words = [w for w in words if _plain(w) not in _DETERMINERS]
    cut = 0
    index = 0
    while index < len(words):
        word = _plain(words[index])
        if _is_title(words[index]):
            cut = index + 1
        elif word in _CONNECTIVES and cut == index and index + 1 < len(words):
            cut = index + 2
            index += 1
        index += 1
    name_words = list(words[cut:])
    if cut == 0 and adjectives is not None:
        # "Russian Putin" is unusual, but a leading nationality is never part of a name,
        # nor a common noun of occupation ("Actor Tom Sizemore", "Archaeologist Ann Lee")
        flags = [a for w, a in zip(words, adjectives, strict=False)
                 if _plain(w) not in _DETERMINERS]
        while len(name_words) > 1 and flags and (
                flags[0] or (len(name_words) > 2 and _plain(name_words[0]).endswith("ist"))):
            name_words.pop(0)
            flags.pop(0)
    while name_words and not name_words[0][:1].isalpha():
        name_words.pop(0)  # "17-year-old Ann Lee" leaves "-old", a byline "— Ann Lee"
    title = tuple(part for w in words[:len(words) - len(name_words)]
                  for part in _plain(w).replace("–", "-").split("-") if part)
    inner = name_words[1:-1]
    if name_words and not (
            all(w[:1].isupper() for w in (name_words[0], name_words[-1]) if w[:1].isalpha())
            and all(w[:1].isupper() or w in _NAME_PARTICLES for w in inner)):
        return TitledName(title, "")  # lower-case words: a description, not a name
    return TitledName(title, " ".join(name_words))


@lru_cache(maxsize=4096)
def name_key(name: str) -> frozenset[str]:
    """The words of a name, for matching short forms ("al-Assad" → {"al", "assad"});
    initials are joined ("T.J. Smith" and "TJ Smith" are one name)."""
    return frozenset(name_words(name))


class NameMention(NamedTuple):
    """A name met in the article, with the title it was given there."""

    name: str
    title: tuple[str, ...]
    offset: int  # char offset in the text
    person: bool  # a person rather than an organisation
    subject: bool  # the subject of a verb (news makers are subjects)
    quoted: bool = False  # named inside a quotation: never what "he" in the narrative is
    gender: str | None = None  # "m" or "f" when a title or an apposition tells ("Mrs")


# How many names back a pronoun or a role looks for its person: the resolution stays
# local, and a text of many names costs time in proportion to its length.
LOOK_BACK = 64


class NameBook:
    """The names of an article, in order: full names for short forms, people for roles.

    Indexed by name and by word, so a lookup costs the distinct names that could fit,
    not a walk over every mention of the article.
    """

    def __init__(self, mentions: Sequence[NameMention] = ()) -> None:
        self.mentions: list[NameMention] = []
        self._offsets: list[int] = []
        self._at: dict[str, list[int]] = {}  # name → offsets of its mentions, in order
        self._with_word: dict[str, set[str]] = {}  # word → names that hold it
        self._genders: dict[str, set[str]] | None = None
        for mention in sorted(mentions, key=lambda m: m.offset):
            self.add(mention)

    def add(self, mention: NameMention) -> None:
        index = bisect.bisect_right(self._offsets, mention.offset)
        self._offsets.insert(index, mention.offset)
        self.mentions.insert(index, mention)
        offsets = self._at.setdefault(mention.name, [])
        bisect.insort(offsets, mention.offset)
        for word in name_key(mention.name):
            self._with_word.setdefault(word, set()).add(mention.name)
        if mention.gender:
            self._genders = None

    def full_name(self, name: str, offset: int) -> str:
        """The longest name containing all the words of ``name``: nearest before, else after.

        Only on evidence: when the article names two different people the short form
        fits ("Donald Trump" and "Melania Trump" for "Trump"), it could be either, and it
        stays as written (it still matches both, but is never taken for the wrong one).
        """
        key = name_key(name)
        if not key:
            return name
        pools = [self._with_word.get(word, set()) for word in key]
        fitting = [n for n in min(pools, key=len) if key <= name_key(n)]
        if not fitting or _different_people([n for n in fitting if name_key(n) != key]):
            return name
        # (length, last offset before ``offset`` or None, first offset) per fitting name
        before = []
        for candidate in fitting:
            offsets = self._at[candidate]
            index = bisect.bisect_right(offsets, offset)
            if index:
                before.append((len(name_key(candidate)), offsets[index - 1], candidate))
        if before:
            longest = max(length for length, _, _ in before)
            chosen = max((o, n) for length, o, n in before if length == longest)[1]
        else:
            longest = max(len(name_key(n)) for n in fitting)
            chosen = min((self._at[n][0], n) for n in fitting
                         if len(name_key(n)) == longest)[1]
        return chosen if longest > len(key) else name

    def knows(self, name: str) -> str | None:
        """How the article writes a name it holds all the words of, or None: "Trump" for
        a transcript's "TRUMP" (its shortest such name, in the case the article uses)."""
        key = name_key(name)
        if not key:
            return None
        pools = [self._with_word.get(word, set()) for word in key]
        fitting = [n for n in min(pools, key=len) if key <= name_key(n)]
        if not fitting:
            return None
        same = [n for n in fitting if name_key(n) == key]
        if same:
            return min(same, key=lambda n: (n.isupper(), n))
        # only longer names hold it: its words as one of them writes them ("Calder")
        longer = min(fitting)
        words = [w for w in longer.split() if name_key(w) and name_key(w) <= key]
        return " ".join(words) if name_key(" ".join(words)) == key else name

    def _before(self, offset: int) -> Iterator[NameMention]:
        """The mentions before ``offset``, nearest first, at most ``LOOK_BACK`` of them."""
        index = bisect.bisect_left(self._offsets, offset)
        for position in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
            yield self.mentions[position]

    def by_role(self, role: Sequence[str], offset: int) -> str | None:
        """The last person before ``offset`` whose title has all of ``role``'s words."""
        wanted = {w for w in role if w not in _CONNECTIVES and w not in _DETERMINERS}
        if not wanted:
            return None
        for mention in self._before(offset):
            if mention.name and wanted <= set(mention.title):
                return self.full_name(mention.name, mention.offset)
        return None

    def gender_of(self, name: str) -> set[str]:
        """The genders titles give any mention of the person ``name`` ("Mrs Lee")."""
        if self._genders is None:
            self._genders = {}
            for mention in self.mentions:
                if mention.gender and mention.name:
                    full = self.full_name(mention.name, mention.offset)
                    self._genders.setdefault(full, set()).add(mention.gender)
        return self._genders.get(name, set())

    def last_person(self, offset: int, pronoun: str | None = None) -> str | None:
        """The last person named before ``offset``, preferring the subjects of sentences.

        A gendered ``pronoun`` ("she") skips people a title shows to be of the other
        gender ("Mr Hamm"); a person of unknown gender stays a candidate.
        """
        wanted = _PRONOUN_GENDER.get(pronoun or "")
        fallback: str | None = None
        for mention in self._before(offset):
            if not (mention.person and mention.name) or mention.quoted:
                continue
            full = self.full_name(mention.name, mention.offset)
            if wanted is not None and self.gender_of(full) - {wanted}:
                continue
            if mention.subject:
                return full
            fallback = fallback or full
        return fallback


def _different_people(names: Sequence[str]) -> bool:
    """Whether some two of ``names`` cannot be one person written two ways: neither
    holds all the other's words ("Donald Trump", "Melania Trump"; not "Donald Trump",
    "Donald J. Trump"), or one is the other's son or father ("Donald Trump Jr.")."""
    keys = sorted({name_key(n) for n in names}, key=len)
    return any(not small <= large or (large - small) & _GENERATIONS
               for i, small in enumerate(keys) for large in keys[i + 1:])


# --- reading mentions off the parse -------------------------------------------------

_NAME_DEPS = frozenset({"compound", "amod", "nmod", "prep", "pobj", "punct", "flat", "det",
                        "nummod", "poss", "case", "appos"})


def mention_tokens(token: Any) -> list[Any]:
    """The tokens of the noun phrase ending at ``token``: its left modifiers and itself."""
    doc = token.doc
    start = token.i
    while start > token.left_edge.i:
        previous = doc[start - 1]
        if previous.dep_ not in _NAME_DEPS or previous.is_space or previous.text in ",;()":
            break
        start -= 1
    return [doc[i] for i in range(start, token.i + 1)]


def words_of(tokens: Sequence[Any]) -> tuple[list[str], list[bool]]:
    """Whitespace-separated words of tokens ("Ki", "-", "moon" → "Ki-moon"), adjective flags."""
    words: list[str] = []
    flags: list[bool] = []
    glue = False
    for tok in tokens:
        if glue and words:
            words[-1] += tok.text
        else:
            words.append(tok.text)
            flags.append(tok.pos_ in {"ADJ", "NOUN"} or tok.ent_type_ == "NORP")
        glue = not tok.whitespace_
    return words, flags


def titled_name(tokens: Sequence[Any]) -> TitledName:
    words, flags = words_of(tokens)
    return split_title(words, flags)


def _chain_end(token: Any) -> bool:
    """Whether ``token`` ends a run of proper nouns (the head of a name)."""
    if token.pos_ != "PROPN":
        return False
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None:
        return True
    if following.pos_ == "PROPN" and token.dep_ == "compound":
        return False
    return not (following.text == "-" and not token.whitespace_)


def _is_person(tokens: Sequence[Any], title: tuple[str, ...]) -> bool:
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return True
    return any(w in TITLE_WORDS and w not in {"state", "affairs", "foreign", "external",
                                              "general", "home", "interior"} for w in title)


def _gender(token: Any, title: Sequence[str]) -> str | None:
    """"m"/"f" from the title ("Mrs Ince") or an apposition ("his mother, Ann Lee")."""
    words = {w for w in title}
    words.update(c.lower_ for c in token.children if c.dep_ == "appos")
    if token.dep_ == "appos":
        words.add(token.head.lower_)
    male, female = bool(words & _MALE_WORDS), bool(words & _FEMALE_WORDS)
    if male == female:
        return None
    return "m" if male else "f"


def _proper_nouns(doc: Any) -> list[int]:
    """Indices of the proper nouns, from the Doc's arrays (names end in one)."""
    import numpy
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    if not len(doc):
        return []
    indices: list[int] = numpy.flatnonzero(doc.to_array([POS]) == PROPN).tolist()
    return indices


def build_name_book(doc: Any, quoted: Sequence[tuple[int, int]] = ()) -> NameBook:
    """Every name in the parsed article with its title, for resolving later mentions.

    ``quoted`` are the (start, end) offsets of quotations: names said inside them count
    for full names but not as the last person named.
    """
    mentions: list[NameMention] = []
    quoted = sorted(quoted)
    quoted_starts = [start for start, _ in quoted]
    for token in map(doc.__getitem__, _proper_nouns(doc)):
        if not _chain_end(token) or token.ent_type_ in {"GPE", "LOC", "DATE", "TIME", "NORP",
                                                        "CARDINAL", "FAC", "EVENT"}:
            continue
        tokens = mention_tokens(token)
        title, name = titled_name(tokens)
        if not name:
            continue
        person = _is_person(tokens, title)
        if not person and token.ent_type_ != "ORG":
            continue
        subject = token.dep_ in {"nsubj", "nsubjpass"} or (
            token.dep_ == "conj" and token.head.dep_ in {"nsubj", "nsubjpass"})
        index = bisect.bisect_right(quoted_starts, token.idx) - 1
        inside = index >= 0 and token.idx < quoted[index][1]
        mentions.append(NameMention(name, title, tokens[0].idx, person, subject, inside,
                                    _gender(token, title)))
    return NameBook(mentions)
