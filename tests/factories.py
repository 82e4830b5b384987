"""Hand-built claims for tests of grouping and rules, without any model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from claimcheck.model.claims import (
    About,
    DateClaim,
    Event,
    LocationClaim,
    QuantityClaim,
    QuoteClaim,
)
from claimcheck.model.dates import DateValue, day_range
from claimcheck.model.numbers import Interval, QuantityValue
from claimcheck.model.places import LocationValue, Place, PlaceLevel
from claimcheck.model.quotes import QuoteValue, normalise_quote

_counter = 0


def _next_offset() -> int:
    global _counter
    _counter += 10
    return _counter


def event(head: str, names: tuple[str, ...] = (), modifiers: tuple[str, ...] = (),
          countries: tuple[str, ...] = (), context: str | None = None) -> Event:
    return Event(head=head, names=names, modifiers=modifiers, countries=countries,
                 context_country=context, text=head)


def quantity(source: str, low: int, high: int | None = None, *, attribute: str = "deaths",
             thing: str = "person", ev: Event | None = None, dimension: str = "count",
             low_inclusive: bool = True, furniture: bool = False) -> QuantityClaim:
    start = _next_offset()
    interval = Interval(low=Decimal(low), high=None if high is None else Decimal(high),
                        low_inclusive=low_inclusive)
    return QuantityClaim(
        id=f"{source}-q{start}", source=source, text=str(low), start=start, end=start + 3,
        line=1, column=start + 1, sentence=str(low), sentence_start=start,
        about=About(attribute=attribute, thing=thing, event=ev, slot=f"{attribute} {thing}"),
        value=QuantityValue(interval=interval, unit=thing if dimension == "count" else "t",
                            dimension=dimension),
        furniture=furniture,
    )


def date_claim(source: str, day: dt.date, ev: Event | None) -> DateClaim:
    start = _next_offset()
    return DateClaim(
        id=f"{source}-d{start}", source=source, text=day.isoformat(), start=start,
        end=start + 5, line=1, column=1, sentence="", sentence_start=start,
        about=About(attribute="date_of", event=ev, slot="date"),
        value=DateValue(range=day_range(day)),
    )


def place_claim(source: str, name: str, country: str, ev: Event | None) -> LocationClaim:
    start = _next_offset()
    return LocationClaim(
        id=f"{source}-l{start}", source=source, text=name, start=start, end=start + 5,
        line=1, column=1, sentence="", sentence_start=start,
        about=About(attribute="place_of", event=ev, slot="place"),
        value=LocationValue(place=Place(id=f"x:{name}", name=name, country=country,
                                        level=PlaceLevel.CITY)),
    )


def quote_claim(source: str, words: str, speaker: str | None = None) -> QuoteClaim:
    start = _next_offset()
    return QuoteClaim(
        id=f"{source}-u{start}", source=source, text=words, start=start,
        end=start + len(words), line=1, column=start + 1, sentence=words,
        sentence_start=start, about=About(attribute="quote", slot="words"),
        value=QuoteValue(quote=normalise_quote(words), speaker=speaker),
    )
