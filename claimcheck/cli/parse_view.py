"""``claimcheck parse``: every value read in a text, for rule authors to see why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from claimcheck.report.describe import describe_value
from claimcheck.report.json import claim_value
from claimcheck.sources import Source


def parse_texts(texts: Sequence[str], published: dt.date | None,
                model: str | None) -> list[list[dict[str, Any]]]:
    """The claims of each text as contract dicts (kind, text, start, end, value, about)."""
    from claimcheck.extract.claims import extract_claims
    from claimcheck.nlp.parse import parse_texts as parse_docs
    from claimcheck.nlp.pipeline import load_pipeline
    from claimcheck.rules import load_ruleset

    nlp = load_pipeline(model)
    vocabulary = load_ruleset().vocabulary
    results: list[list[dict[str, Any]]] = []
    for index, (text, doc) in enumerate(zip(texts, parse_docs(nlp, texts), strict=True)):
        source = Source(id=f"text-{index + 1}", path=f"<text {index + 1}>", text=text,
                        published=published)
        claims = extract_claims(doc, source, vocabulary)
        results.append([
            {"kind": c.kind, "text": c.text, "start": c.start, "end": c.end,
             "value": claim_value(c), "about": c.about.slot, "attribute": c.about.attribute,
             "described": describe_value(c)}
            for c in claims
        ])
    return results


def render_parse(texts: Sequence[str], results: Sequence[Sequence[dict[str, Any]]]) -> str:
    lines: list[str] = []
    for text, values in zip(texts, results, strict=True):
        lines.append(text)
        if not values:
            lines.append("    (nothing found)")
        for value in values:
            lines.append(f"    {value['kind']:<9} {value['start']:>4}-{value['end']:<4} "
                         f"“{value['text']}”  → {value['described']}")
            lines.append(f"              about: {value['about']}")
        lines.append("")
    return "\n".join(lines)
