"""Page furniture: the parts of a page that are not reporting.

Donation appeals, newsletter prompts, "Read more", related-article lists, bylines and
photo captions carry numbers and dates ("for over 30 years") that must never reach a
verdict. Detection is by paragraph: a paragraph with a furniture cue is furniture; a
short cue paragraph after the reporting has begun ("Related articles:", "Read more")
starts a tail where everything after it is furniture; a short paragraph with no finite
verb is a caption or byline (the first paragraph, the headline, is reporting), and so is
one that opens on a gallery's counter or ends on a photo credit, verb or not.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from claimcheck.extract.number_words import ONES


class Paragraph(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    has_finite_verb: bool = True


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEWLINE = re.compile(r"\n")
_TAIL_MAX_WORDS = 8
# a headline: one line with no sentence stop and no credit ("Photo: …", "(AP Photo)"),
# nor a slash but between two words ("murder/suicide", never "News / Local")
_HEADLINE = re.compile(r"(?!.*\b(?:photo|photograph|image|credit|getty|file)\b)"
                       r"(?:[^.\n()|/]|(?<=[a-z])/(?=[a-z]))+",
                       re.IGNORECASE)
_CAPTION_MAX_WORDS = 25
# a number of people, and what happened to them, as a headline words a toll
_HOW_MANY = r"\b(?:\d+|" + "|".join(sorted(ONES, key=len, reverse=True))
_HURT = r"(?:dead|killed|injured|wounded|hurt|shot)\b"
# a toll in a headline's words: "One dead, five injured in shooting at nightclub"
_TOLL = re.compile(_HOW_MANY + r"|dozens?)\s+(?:[a-z]+\s+){0,2}?" + _HURT, re.IGNORECASE)
# a toll beyond one told already: "Fourteen others injured", "two more killed"
_MORE_TOLL = re.compile(_HOW_MANY + r")\s+(?:others?|more)\s+" + _HURT, re.IGNORECASE)


# a gallery's caption: "Image 3 of 12 Police at the scene …", "Photo: Jane Roe Image 1 of
# / 9 Caption Close …"; a picture's, ending on its credit: "… at the scene. (Photo: Jane
# Roe, The Daily)"
_GALLERY_CAPTION = re.compile(r"^\s*(?:(?:image|photo|picture|slide)s?\s+\d+\s+of\s*/?\s*\d+"
                              r"|photo:\s)", re.IGNORECASE)
_PHOTO_CREDIT_END = re.compile(r"\((?:[A-Z]+\s)?(?:photo|photograph|image)s?\s?[:/][^()]{1,80}\)"
                               r"\s*$", re.IGNORECASE)


def is_photo_caption(text: str) -> bool:
    """A paragraph that is a picture's caption: it opens on a gallery's counter or a
    photo credit, or ends on a credit. It restates the story (often a day or more
    later, with its own relative dates) and is not its reporting."""
    return bool(_GALLERY_CAPTION.match(text) or _PHOTO_CREDIT_END.search(text))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph. Text with blank lines is hard-wrapped prose whose
    paragraphs end at a blank line; text without them has one paragraph a line."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    spans: list[tuple[int, int]] = []
    position = 0
    for match in breaks.finditer(text):
        if text[position:match.start()].strip():
            spans.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        spans.append((position, len(text)))
    return spans


def furniture_ranges(paragraphs: Sequence[Paragraph], cues: Sequence[str]) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs that are page furniture, in order."""
    cue_pattern = _cue_pattern(tuple(c.lower() for c in cues if c.strip()))
    ranges: list[tuple[int, int]] = []
    in_tail = False
    reporting_began = False
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip().lower()
        words = len(text.split())
        cued = cue_pattern is not None and cue_pattern.search(text) is not None
        if cued and words <= _TAIL_MAX_WORDS and reporting_began:
            in_tail = True
        # the first line is the headline ("Four injured in funeral shooting"): reporting
        caption = (not paragraph.has_finite_verb and words <= _CAPTION_MAX_WORDS and not (
            _a_headline(paragraph.text, index, reporting_began))) or \
            is_photo_caption(paragraph.text)
        if in_tail or cued or caption:
            ranges.append((paragraph.start, paragraph.end))
        elif paragraph.has_finite_verb:
            reporting_began = True
    return ranges


def _a_headline(text: str, index: int, reporting_began: bool) -> bool:
    """The first line, or a line before the reporting that states a toll ("One dead, five
    injured …" after a site's name), or a line of the reporting that adds to its toll
    ("Fourteen others injured, 5 critically": others than those it has told of, where a
    link to another story would stand alone): a headline, which is reporting, not a
    caption."""
    shaped = _HEADLINE.fullmatch(text.strip()) is not None
    return shaped and (index == 0 or (not reporting_began and _TOLL.search(text) is not None)
                       or (reporting_began and _MORE_TOLL.search(text) is not None))


@lru_cache(maxsize=8)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for all cues, each as whole words, compiled once per vocabulary."""
    if not cues:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cues)) + r")(?!\w)")


def in_ranges(start: int, ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether ``start`` falls in one of ``ranges`` (sorted and disjoint, as
    ``furniture_ranges`` gives them): a binary search, since every claim asks."""
    index = bisect.bisect_right(ranges, (start, math.inf)) - 1
    return index >= 0 and ranges[index][0] <= start < ranges[index][1]


# what comes right before the date of an embedded post or of the page itself: a social
# handle's signature ("— Jane Roe (@janeroe) May 30, 2016"), a picture link of a post,
# or a page's stamp ("Posted: Saturday, …", "Updated 10:39 PM …")
_POST_DATE_BEFORE = re.compile(
    r"(?:\(@\w{1,40}\)|pic\.twitter\.com/\w+|\b(?:posted|updated|published|last "
    r"updated)(?:\s+(?:on|at))?\s*:?)\s*$", re.IGNORECASE)


def is_post_date(text: str, start: int) -> bool:
    """Whether a date at ``start`` is when an embedded post or the page was published
    (a handle's signature, a "Posted:" stamp before it): never the date of an event."""
    return bool(_POST_DATE_BEFORE.search(text[max(0, start - 60):start]))
