"""A check groups only the draft's candidate blocks, and gets the groups it would get
from grouping everything; its report lists the draft's claims and their evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.api import draft_and_evidence
from claimcheck.link import link
from claimcheck.model.claims import Claim
from tests.test_complete_link import _block


def _claims(seed: int) -> list[Claim]:
    """Claims of several blocks (kinds and events), ids unique across them."""
    claims: list[Claim] = []
    for n in range(3):
        block, _, _ = _block(seed + n)
        claims.extend(c.model_copy(update={"id": f"{n}-{c.id}"}) for c in block)
    return claims


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_focused_grouping_is_the_draft_part_of_all_groups(seed: int) -> None:
    claims = _claims(seed)
    mine = {c.id for c in claims if c.source == "a.txt"}
    everything = link(claims)
    assert link(claims, focus="a.txt") == [g for g in everything if mine & set(g.claims)]


def test_a_check_report_lists_the_draft_and_its_evidence() -> None:
    claims = _claims(7)
    groups = link(claims, focus="a.txt")
    shown = draft_and_evidence(claims, "a.txt", groups)
    grouped = {member for g in groups for member in g.claims}
    assert {c.id for c in shown} == {c.id for c in claims if c.source == "a.txt"} | grouped
    assert len(shown) < len(claims)
