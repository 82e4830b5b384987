"""How each claim of a slot stands with the others, for colouring: with the majority,
against it, or in a split with no majority.

The rules decide which claims disagree; this only reads their findings. A contradiction
names its sides (``sides``: the claim ids on each side), and the side stated by most
sources is the majority. A finding without sides (a quote variant) is split by the
words each claim states, and the wording stated by most sources is the majority.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from claimcheck.model.findings import Finding, Verdict

# state → (tone, words for the legend and the cell's title)
STATES = {
    "majority": ("ok", "agrees with most sources"),
    "agrees": ("ok", "agrees"),
    "minority": ("bad", "differs from most sources"),
    "split": ("warn", "sources split, no majority"),
    "variant": ("warn", "quoted in other words"),
    "unjudged": ("neutral", "not judged"),
}

_DISAGREE = {Verdict.CONTRADICT: "minority", Verdict.QUOTE_VARIANT: "variant"}


def _sides(finding: Finding, value_of: Callable[[str], str]) -> list[list[str]]:
    named = finding.sides
    if named:
        return [list(side) for side in named]
    by_value: dict[str, list[str]] = {}
    for claim_id in finding.claims:
        by_value.setdefault(value_of(claim_id), []).append(claim_id)
    return list(by_value.values())


def claim_states(claim_ids: Sequence[str], findings: Sequence[Finding],
                 source_of: Mapping[str, str], value_of: Callable[[str], str]
                 ) -> dict[str, str]:
    """Claim id → one of ``STATES``."""
    states = dict.fromkeys(claim_ids, "unjudged")
    for finding in findings:
        if finding.verdict is Verdict.AGREE:
            for claim_id in finding.claims:
                if states.get(claim_id) == "unjudged":
                    states[claim_id] = "agrees"
    for finding in findings:
        loser = _DISAGREE.get(finding.verdict)
        if loser is None:
            continue
        sides = _sides(finding, value_of)
        weight = [len({source_of.get(c, c) for c in side}) for side in sides]
        best = max(weight, default=0)
        winners = [i for i, w in enumerate(weight) if w == best]
        for index, side in enumerate(sides):
            if len(winners) == 1 and index == winners[0]:
                state = "majority"
            else:
                state = loser if len(winners) == 1 else (
                    "split" if loser == "minority" else "variant")
            for claim_id in side:
                states[claim_id] = state
        for claim_id in claim_ids:  # in the group, named by no side: fits the others
            if states[claim_id] == "unjudged":
                states[claim_id] = "agrees"
    return states
