"""Claims: one typed record per value a source states, discriminated on ``kind``.

Every claim keeps the exact text it came from (``text == file_text[start:end]``), the
sentence around it, and what it is *about*: the attribute measured, the thing counted
and the event it is anchored to. Grouping and rules work only on these records.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from claimcheck.model.counted import Counted
from claimcheck.model.dates import DateRange, DateValue
from claimcheck.model.numbers import QuantityValue
from claimcheck.model.places import LocationValue, Place
from claimcheck.model.quotes import QuoteValue

ClaimKind = Literal["quantity", "date", "location", "quote"]


class Event(BaseModel):
    """The event a claim is anchored to: "the SCO summit", "the 21 August attack"."""

    model_config = ConfigDict(frozen=True)

    head: str  # lemma of the event noun: "summit", "attack", "conflict"
    names: tuple[str, ...] = ()  # distinguishing proper names and acronyms: ("SCO",)
    modifiers: tuple[str, ...] = ()  # other distinguishing lemmas: ("chemical", "weapon")
    date: DateRange | None = None
    place: Place | None = None
    countries: tuple[str, ...] = ()  # ISO codes of places attached to the event phrase
    places: tuple[Place, ...] = ()  # cities and regions attached to it ("march in Madrid")
    context_country: str | None = None  # the article's dominant country, when none is attached
    distinct: bool = False  # "a separate accident", "a similar protest": never another's
    # no event noun or verb names it: only the circumstances of the clause ("killed 14 at a
    # market in Kabul on Thursday") are known, to keep apart what happened elsewhere
    implicit: bool = False
    text: str = ""  # the phrase as written, for the report
    # the date hangs on the event noun itself ("the 2008-09 war"): it names which event
    date_names_it: bool = False
    # a date's event known only from its clause's count ("three were killed on Tuesday":
    # the deaths): that count's figure, when one; no event noun names it
    counted_figure: str | None = None
    of_count: bool = False
    # a plural noun of incidents ("the shootings in Tulsa"): several of them, or a spree;
    # a date or place of it may agree with another, never contradict it
    several: bool = False


class About(BaseModel):
    """What a claim is about; two claims are comparable only when these are compatible."""

    model_config = ConfigDict(frozen=True)

    attribute: str  # deaths, injuries, mass, duration, count, date_of, place_of, words_of, …
    thing: str | None = None  # what is counted or measured, lemmatised: "person", "civilian"
    counted: Counted | None = None  # counts: who or what, in the hierarchy of counted things
    event: Event | None = None
    attribution: str | None = None  # whose figure: "the US", "the UN"
    slot: str = ""  # human-readable: "people killed in the conflict"
    # a date that names which event is meant ("the 2010 floods", "Wednesday's march"):
    # one far from another source's date of that event points to another event
    identifying: bool = False
    # a count's window: "day" (one day's: "hit on Friday"), "total" (so far: "since the
    # fighting began", "in total"), None when its clause says neither
    window: str | None = None


class ClaimBase(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    source: str  # Source.id
    text: str  # exact substring of the source file
    start: int  # char offset in the decoded file (front matter included)
    end: int
    line: int  # 1-based
    column: int  # 1-based
    sentence: str  # the sentence around the claim, as written
    sentence_start: int  # char offset of the sentence in the file
    about: About
    furniture: bool = False  # page furniture (appeals, "Read more"): never reaches a verdict


class QuantityClaim(ClaimBase):
    kind: Literal["quantity"] = "quantity"
    value: QuantityValue


class DateClaim(ClaimBase):
    kind: Literal["date"] = "date"
    value: DateValue


class LocationClaim(ClaimBase):
    kind: Literal["location"] = "location"
    value: LocationValue


class QuoteClaim(ClaimBase):
    kind: Literal["quote"] = "quote"
    value: QuoteValue


Claim = Annotated[QuantityClaim | DateClaim | LocationClaim | QuoteClaim,
                  Field(discriminator="kind")]
