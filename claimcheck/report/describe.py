"""One-line human descriptions of claim values, shared by the text and HTML renderers."""

from __future__ import annotations

from claimcheck.model.claims import Claim, DateClaim, LocationClaim, QuantityClaim, QuoteClaim


def describe_value(claim: Claim) -> str:
    if isinstance(claim, QuantityClaim):
        v = claim.value
        text = v.interval.describe()
        if v.unit:
            text += f" {v.unit}"
        if v.approximate:
            text += f" ({v.qualifier.value}, approximate)"
        elif v.qualifier.value != "exact":
            text += f" ({v.qualifier.value})"
        return text
    if isinstance(claim, DateClaim):
        d = claim.value
        text = d.range.describe()
        if d.range.granularity.value != "day":
            text += f" ({d.range.granularity.value})"
        if d.anchor is not None and d.rule != "absolute":
            text += f" — {claim.text} resolved against publication {d.anchor.strftime('%d %b %Y')}"
        if d.approximate:
            text += ", approximate"
        return text
    if isinstance(claim, LocationClaim):
        p = claim.value.place
        if not p.resolved:
            return f"{p.name} (not in the gazetteer)"
        text = f"{p.name}, {p.country}" if p.country and p.level.value != "country" else p.name
        return f"around {text}" if p.around else text
    if isinstance(claim, QuoteClaim):
        q = claim.value
        who = q.speaker or "speaker unknown"
        return f"quoted from {who}" + (" (partial)" if q.partial else "")
    return ""
