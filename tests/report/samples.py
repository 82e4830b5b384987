"""Hand-made reports for renderer tests: real texts, real offsets, no model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from claimcheck.model.claims import About, Claim, Event, LocationClaim, QuantityClaim, QuoteClaim
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict
from claimcheck.model.numbers import Interval, Qualifier, QuantityValue
from claimcheck.model.places import LocationValue, Place, PlaceLevel
from claimcheck.model.quotes import QuoteValue
from claimcheck.report.view import Report, build_report
from claimcheck.sources import Source

HOSTILE = 'Officials said <script>alert("x")</script> and {{ 7*7 }} "quoted" \'too\' & more.'

SOURCE_A = ("KATHMANDU — Floods killed 212 people in the valley, officials said.\n"
            "\"We will rebuild every bridge,\" said Anna Mori, the minister.\n" + HOSTILE + "\n")
SOURCE_B = ("Floods in Nepal have killed more than 300 people.\n"
            "The minister, Anna Mori, said: \"We shall rebuild each bridge.\"\n"
            "Rescue teams worked near Pokhara.\n")
DRAFT = ("---\ntitle: Floods\n---\n"
         "Floods killed 212 people, the ministry said.\n"
         "\"We will rebuild every single bridge,\" Anna Mori said.\n"
         "About 40 schools were shut in Bhaktapur.\n" + HOSTILE + "\n")


def _event() -> Event:
    return Event(head="flood", text="floods")


def _span(source: Source, text: str, nth: int = 0) -> tuple[int, int, int, int, str, int]:
    start = -1
    for _ in range(nth + 1):
        start = source.text.index(text, start + 1)
    end = start + len(text)
    line_start = source.text.rfind("\n", 0, start) + 1
    line_end = source.text.find("\n", end)
    line, column = source.line_column(start)
    return start, end, line, column, source.text[line_start:line_end], line_start


def quantity(source: Source, text: str, low: int, high: int | str | None = "same", *,
             low_inclusive: bool = True, qualifier: Qualifier = Qualifier.EXACT) -> Claim:
    """A count of people; ``high`` defaults to ``low`` (a point), None is unbounded."""
    top = Decimal(low) if high == "same" else None if high is None else Decimal(high)
    start, end, line, column, sentence, sentence_start = _span(source, text)
    return QuantityClaim(
        id=f"{source.id}:{start}", source=source.id, text=text, start=start, end=end,
        line=line, column=column, sentence=sentence, sentence_start=sentence_start,
        about=About(attribute="deaths", thing="person", event=_event(),
                    slot="people killed in the floods"),
        value=QuantityValue(interval=Interval(low=Decimal(low),
                                              high=top,
                                              low_inclusive=low_inclusive),
                            unit="person", qualifier=qualifier),
    )


def quote(source: Source, text: str, speaker: str) -> Claim:
    start, end, line, column, sentence, sentence_start = _span(source, text)
    return QuoteClaim(
        id=f"{source.id}:{start}", source=source.id, text=text, start=start, end=end,
        line=line, column=column, sentence=sentence, sentence_start=sentence_start,
        about=About(attribute="words_of", slot=f"what {speaker} said"),
        value=QuoteValue(quote=text.lower(), speaker=speaker, cue="say"),
    )


def place(source: Source, text: str, name: str, country: str) -> Claim:
    start, end, line, column, sentence, sentence_start = _span(source, text)
    return LocationClaim(
        id=f"{source.id}:{start}", source=source.id, text=text, start=start, end=end,
        line=line, column=column, sentence=sentence, sentence_start=sentence_start,
        about=About(attribute="place_of", slot="place of the rescue"),
        value=LocationValue(place=Place(id=f"geo:{name}", name=name, country=country,
                                        level=PlaceLevel.CITY)),
    )


def sources() -> tuple[Source, Source]:
    published = dt.date(2024, 7, 2)
    return (Source(id="a.txt", path="news/a.txt", outlet="Valley Post", published=published,
                   text=SOURCE_A),
            Source(id="b.txt", path="news/b.txt", outlet="Wire <b>&</b> Co",
                   published=published, text=SOURCE_B))


def compare_report() -> Report:
    a, b = sources()
    qa, qb = quantity(a, "212", 212), quantity(b, "more than 300", 300, None, low_inclusive=False,
                                               qualifier=Qualifier.MORE_THAN)
    wa = quote(a, "We will rebuild every bridge,", "Anna Mori")
    wb = quote(b, "We shall rebuild each bridge.", "Anna Mori")
    pb = place(b, "Pokhara", "Pokhara", "NP")
    hostile = quantity(a, "7*7", 49)
    groups = [
        ClaimGroup(id="g1", kind="quantity", slot="people killed in the floods",
                   claims=(qa.id, qb.id), why="same attribute (deaths) and event (floods)"),
        ClaimGroup(id="g2", kind="quote", slot="what Anna Mori said", claims=(wa.id, wb.id),
                   why="same speaker (Anna Mori)"),
        ClaimGroup(id="g3", kind="location", slot="place of the rescue", claims=(pb.id,),
                   why="one source"),
        ClaimGroup(id="g4", kind="quantity", slot=HOSTILE, claims=(hostile.id, qb.id),
                   why="similar numbers, <em>different</em> events", related=True),
    ]
    findings = [
        Finding(id="f1", rule="numbers/agreement", severity=Severity.ERROR,
                verdict=Verdict.CONTRADICT, claims=(qa.id, qb.id),
                message="212 and more than 300 people killed cannot both be true",
                reason="[212, 212] and (300, ∞) do not overlap", group="g1"),
        Finding(id="f2", rule="quotes/fidelity", severity=Severity.WARNING,
                verdict=Verdict.QUOTE_VARIANT, claims=(wa.id, wb.id),
                message="Anna Mori is quoted in different words", reason="similarity 71",
                group="g2"),
        Finding(id="f3", rule="single/source", severity=Severity.INFO,
                verdict=Verdict.SINGLE_SOURCE, claims=(pb.id,),
                message="only b.txt places the rescue", group="g3"),
    ]
    return build_report("compare", [a, b], [qa, qb, wa, wb, pb, hostile], groups, findings)


def check_report() -> Report:
    a, b = sources()
    draft = Source(id="draft.md", path="drafts/draft.md", role="draft", outlet="Our paper",
                   published=dt.date(2024, 7, 3), text=DRAFT,
                   body_start=DRAFT.index("Floods killed"))
    d212 = quantity(draft, "212", 212)
    dquote = quote(draft, "We will rebuild every single bridge,", "Anna Mori")
    dschools = quantity(draft, "About 40", 40, qualifier=Qualifier.ABOUT)
    dhostile = quantity(draft, "7*7", 49)
    qa, qb = quantity(a, "212", 212), quantity(b, "more than 300", 300, None,
                                            low_inclusive=False)
    wa = quote(a, "We will rebuild every bridge,", "Anna Mori")
    claims = [d212, dquote, dschools, dhostile, qa, qb, wa]
    findings = [
        Finding(id="c1", rule="numbers/agreement", severity=Severity.INFO,
                verdict=Verdict.SUPPORTED, claims=(d212.id, qa.id),
                message="a.txt says 212 too", reason="[212, 212] within [212, 212]"),
        Finding(id="c2", rule="numbers/agreement", severity=Severity.ERROR,
                verdict=Verdict.CONTRADICTED, claims=(d212.id, qb.id),
                message="b.txt says more than 300", reason="[212, 212] and (300, ∞) do not "
                "overlap"),
        Finding(id="c3", rule="quotes/fidelity", severity=Severity.ERROR,
                verdict=Verdict.QUOTE_ALTERED, claims=(dquote.id, wa.id),
                message="the quote differs from a.txt: <b>single</b> added"),
        Finding(id="c4", rule="single/unsupported", severity=Severity.WARNING,
                verdict=Verdict.UNSUPPORTED, claims=(dschools.id,),
                message="no source states this"),
        Finding(id="c5", rule="single/unsupported", severity=Severity.WARNING,
                verdict=Verdict.UNSUPPORTED, claims=(dhostile.id,),
                message='no source says "{{ 7*7 }}" <script>'),
    ]
    return build_report("check", [draft, a, b], claims, [], findings)


TOLL_TEXTS = (
    ("early.txt", dt.date(2024, 7, 1), "At least 12 people died in the floods.\n", "At least 12",
     12, None, Qualifier.AT_LEAST),
    ("later.txt", dt.date(2024, 7, 2), "Floods have killed about 40 people.\n", "about 40",
     40, "same", Qualifier.ABOUT),
    ("latest.txt", dt.date(2024, 7, 4), "The floods killed between 60 and 75 people.\n",
     "between 60 and 75", 60, 75, Qualifier.RANGE),
)


def rising_toll_report() -> Report:
    """A toll reported as it rose over four days, by three outlets."""
    sources, claims = [], []
    for name, published, text, said, low, high, qualifier in TOLL_TEXTS:
        source = Source(id=name, path=f"news/{name}", outlet=name.split(".")[0].title()
                        + " Times", published=published, text=text)
        sources.append(source)
        claims.append(quantity(source, said, low, high, qualifier=qualifier))
    group = ClaimGroup(id="toll", kind="quantity", slot="people killed in the floods",
                       claims=tuple(c.id for c in claims), why="same attribute (deaths)")
    early, later, latest = (c.id for c in claims)
    finding = Finding(id="t1", rule="numbers/agreement", severity=Severity.ERROR,
                      verdict=Verdict.CONTRADICT, claims=(later, latest, early),
                      message="the tolls differ", group="toll",
                      sides=((later,), (latest,)))
    return build_report("compare", sources, claims, [group], [finding])
