"""Grouping and rule evaluation as the number of claims grows.

Run: ``python -m benchmarks.bench_link [--quick]``. Prints, for 1k, 10k and 100k
synthetic claims, the time of ``link`` and ``evaluate_compare`` and the time per claim;
flat or log-like growth per claim is the target. Then the cost of one slot reported by
many sources (a group of k claims): the rules compare classes of equal value, not pairs
of claims, so it stays flat and gives one finding.

The synthetic corpus: about 40 claims per source; stories of about 150 claims, each
with a head noun, and by turns a name, a distinguishing modifier, a country or only
the article's country; quantities (55 %), dates, places and quotes drawn per story with
some disagreeing values; quotes built from a shared word pool so common words recur.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from decimal import Decimal

from claimcheck.link import link
from claimcheck.model.claims import (
    About,
    Claim,
    DateClaim,
    Event,
    LocationClaim,
    QuantityClaim,
    QuoteClaim,
)
from claimcheck.model.dates import DateValue, day_range
from claimcheck.model.numbers import Interval, QuantityValue
from claimcheck.model.places import LocationValue, Place, PlaceLevel
from claimcheck.model.quotes import QuoteValue
from claimcheck.rules import evaluate_compare, load_ruleset

HEADS = ("attack", "summit", "conflict", "earthquake", "election", "strike", "flood",
         "protest", "meeting", "crash", "fire", "war", "storm", "vote", "trial")
ATTRIBUTES = (("deaths", "person"), ("injuries", "person"), ("count", "house"),
              ("deaths", "civilian"), ("count", "protester"))
COUNTRIES = ("SY", "KG", "ID", "US", "FR", "NG", "BR", "IN", "JP", "KE", "PE", "UA")
CITIES = ("Damascus", "Bishkek", "Jakarta", "Boston", "Lyon", "Lagos", "Recife", "Pune",
          "Osaka", "Nairobi", "Lima", "Kyiv")
COMMON = ("would", "there", "their", "about", "which", "people", "government", "country",
          "because", "should", "think", "everything", "important", "together")
_LETTERS = random.Random(7)
RARE = tuple("".join(_LETTERS.choice("abcdefghiklmnoprstuvwy")
                     for _ in range(_LETTERS.randint(4, 10))) for _ in range(3_000))
SPEAKERS = tuple(f"Minister {name}" for name in ("Ruiz", "Okoye", "Berg", "Chen", "Ivanova",
                                                 "Dubois", "Kaur", "Mensah", "Sato"))


def _about(attribute: str, thing: str | None, event: Event) -> About:
    return About(attribute=attribute, thing=thing, event=event,
                 slot=f"{attribute} of {thing or 'it'} in the {event.head}")


def _event(story: int, rng: random.Random) -> Event:
    head = HEADS[story % len(HEADS)]
    names: tuple[str, ...] = (f"Name{story}",) if story % 2 == 0 else ()
    modifiers: tuple[str, ...] = (f"detail{story % 97}",) if story % 3 == 0 else ()
    countries: tuple[str, ...] = ((COUNTRIES[story % len(COUNTRIES)],)
                                  if story % 5 in (1, 2) and rng.random() < 0.8 else ())
    context = COUNTRIES[story % len(COUNTRIES)] if not countries else None
    return Event(head=head, names=names, modifiers=modifiers, countries=countries,
                 context_country=context, text=f"the {head}")


def _quote(story: int, rng: random.Random) -> str:
    words_rng = random.Random(story)
    words = [words_rng.choice(COMMON if words_rng.random() < 0.3 else RARE)
             for _ in range(14)]
    if rng.random() < 0.2:
        words[rng.randrange(len(words))] = rng.choice(RARE)
    return " ".join(words)


def synthetic_claims(count: int, seed: int = 0) -> list[Claim]:
    """``count`` claims shaped like extracted ones (see the module docstring)."""
    rng = random.Random(seed)
    sources = max(2, count // 40)
    stories = max(3, count // 150)
    claims: list[Claim] = []
    for i in range(count):
        source = f"src{rng.randrange(sources):06}.txt"
        story = rng.randrange(stories)
        event = _event(story, rng)
        start = i * 10
        common = {"id": f"c-{i:08x}", "source": source, "start": start, "end": start + 5,
                  "line": 1, "column": 1, "sentence": "…", "sentence_start": start}
        roll = rng.random()
        if roll < 0.55:
            attribute, thing = ATTRIBUTES[(story + i) % len(ATTRIBUTES)]
            base = 50 + (story * 37 + len(attribute)) % 5000
            value = base if rng.random() < 0.9 else base * 3
            claims.append(QuantityClaim(
                text=str(value), about=_about(attribute, thing, event),
                value=QuantityValue(interval=Interval.point(Decimal(value)), unit=thing),
                **common))
        elif roll < 0.75:
            day = dt.date(2013, 1, 1) + dt.timedelta(days=story % 700 +
                                                     (3 if rng.random() < 0.1 else 0))
            claims.append(DateClaim(text=day.isoformat(), about=_about("date_of", None, event),
                                    value=DateValue(range=day_range(day)), **common))
        elif roll < 0.9:
            city = CITIES[story % len(CITIES)] if rng.random() < 0.9 else rng.choice(CITIES)
            country = COUNTRIES[CITIES.index(city)]
            place = Place(id=f"geo:{city}", name=city, country=country, level=PlaceLevel.CITY,
                          chain=(f"iso:{country}",))
            claims.append(LocationClaim(text=city, about=_about("place_of", None, event),
                                        value=LocationValue(place=place), **common))
        else:
            speaker = SPEAKERS[story % len(SPEAKERS)]
            quote = _quote(story, rng)
            claims.append(QuoteClaim(text=quote, about=_about("words_of", speaker, event),
                                     value=QuoteValue(quote=quote, speaker=speaker),
                                     **common))
    return claims


def one_slot(count: int) -> list[Claim]:
    """``count`` sources each stating the death toll of one named event."""
    event = Event(head="conflict", names=("Name0",), text="the conflict")
    about = _about("deaths", "person", event)
    return [QuantityClaim(id=f"c-{i:08x}", source=f"src{i:06}.txt", text="1", start=0, end=1,
                          line=1, column=1, sentence="…", sentence_start=0, about=about,
                          value=QuantityValue(interval=Interval.point(Decimal(1000 + i % 3)),
                                              unit="person"))
            for i in range(count)]


def measure(claims: list[Claim]) -> tuple[float, float, int, int]:
    ruleset = load_ruleset()
    start = time.perf_counter()
    groups = link(claims, ruleset.vocabulary)
    linked = time.perf_counter()
    findings = evaluate_compare(groups, {c.id: c for c in claims}, ruleset)
    evaluated = time.perf_counter()
    return linked - start, evaluated - linked, len(groups), len(findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k claims only")
    parser.add_argument("--sizes", type=int, nargs="*", help="claim counts to measure")
    args = parser.parse_args()
    sizes = args.sizes or ([1_000, 10_000] if args.quick else [1_000, 10_000, 100_000])
    print(f"{'claims':>8} {'groups':>7} {'findings':>8} {'link s':>7} {'rules s':>7} "
          f"{'total s':>7} {'µs/claim':>8}")
    for size in sizes:
        claims = synthetic_claims(size)
        link_s, rules_s, groups, findings = measure(claims)
        total = link_s + rules_s
        print(f"{size:>8,} {groups:>7,} {findings:>8,} {link_s:>7.2f} {rules_s:>7.2f} "
              f"{total:>7.2f} {total / size * 1e6:>8.1f}")
    print("\none slot stated by k sources (three values: one finding, classes compared)")
    print(f"{'k':>8} {'findings':>8} {'link s':>7} {'rules s':>7} {'µs/claim':>8}")
    for size in ([100, 400] if args.quick else [100, 400, 1_600]):
        link_s, rules_s, _, findings = measure(one_slot(size))
        print(f"{size:>8,} {findings:>8,} {link_s:>7.2f} {rules_s:>7.2f} "
              f"{(link_s + rules_s) / size * 1e6:>8.1f}")


if __name__ == "__main__":
    main()
