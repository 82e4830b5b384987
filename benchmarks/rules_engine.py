"""Time the verdict engine: rule loading, compare and check over many synthetic groups.

Prints seconds per group so the cost per article can be judged (an article yields a few
dozen claims). Run: ``python benchmarks/rules_engine.py [GROUPS]``.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from decimal import Decimal

from claimcheck.model.claims import About, Claim, DateClaim, QuantityClaim, QuoteClaim
from claimcheck.model.dates import DateValue, day_range
from claimcheck.model.findings import ClaimGroup
from claimcheck.model.numbers import Qualifier, QuantityValue, interval_for
from claimcheck.model.quotes import QuoteValue
from claimcheck.rules import evaluate_check, evaluate_compare, load_ruleset


def _base(cid: str, source: str, text: str, attribute: str) -> dict[str, object]:
    return {"id": cid, "source": source, "text": text, "start": 0, "end": len(text),
            "line": 1, "column": 1, "sentence": text, "sentence_start": 0,
            "about": About(attribute=attribute)}


def synthetic(groups: int) -> tuple[list[ClaimGroup], dict[str, Claim], list[Claim]]:
    claims: dict[str, Claim] = {}
    out: list[ClaimGroup] = []
    draft: list[Claim] = []
    for g in range(groups):
        ids = []
        for s in range(4):  # three sources and the draft
            source = "draft" if s == 3 else f"s{s}"
            cid = f"g{g}-{s}"
            kind = g % 3
            claim: Claim
            if kind == 0:
                n = Decimal(1000 + 37 * g + (s * 50 if g % 2 else 0))
                claim = QuantityClaim(**_base(cid, source, str(n), "deaths"),  # type: ignore[arg-type]
                                      value=QuantityValue(
                                          interval=interval_for(Qualifier.MORE_THAN, n),
                                          qualifier=Qualifier.MORE_THAN))
            elif kind == 1:
                day = date(2013, 1, 1) + timedelta(days=g + (s if g % 2 else 0))
                claim = DateClaim(**_base(cid, source, day.isoformat(), "date_of"),  # type: ignore[arg-type]
                                  value=DateValue(range=day_range(day)))
            else:
                words = f"we will act on item {g} now" + (" today" if s == 2 else "")
                claim = QuoteClaim(**_base(cid, source, words, "words_of"),  # type: ignore[arg-type]
                                   value=QuoteValue(quote=words, speaker="Jane Doe"))
            claims[cid] = claim
            ids.append(cid)
            if source == "draft":
                draft.append(claim)
        out.append(ClaimGroup(id=f"g{g}", kind=claims[ids[0]].kind, slot=f"slot {g}",
                              claims=tuple(ids), why="benchmark"))
    return out, claims, draft


def main() -> None:
    groups = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    start = time.perf_counter()
    ruleset = load_ruleset()
    loaded = time.perf_counter() - start
    grouped, claims, draft = synthetic(groups)
    sources = {k: v for k, v in claims.items() if v.source != "draft"}
    start = time.perf_counter()
    compared = evaluate_compare([g.model_copy(update={"claims": g.claims[:3]})
                                 for g in grouped], sources, ruleset)
    compare_time = time.perf_counter() - start
    start = time.perf_counter()
    checked = evaluate_check(draft, grouped, claims, ruleset)
    check_time = time.perf_counter() - start
    print(f"load_ruleset: {loaded * 1000:.1f} ms ({len(ruleset.rules)} rules)")
    print(f"compare: {groups} groups of 3 claims, {len(compared)} findings, "
          f"{compare_time / groups * 1e6:.0f} µs per group")
    print(f"check: {len(draft)} draft claims against 3 sources, {len(checked)} findings, "
          f"{check_time / len(draft) * 1e6:.0f} µs per draft claim")
    print(f"an article of 40 claims ≈ {40 * check_time / len(draft) * 1000:.1f} ms in check, "
          f"{40 * compare_time / groups * 1000:.1f} ms in compare")


if __name__ == "__main__":
    main()
