"""A check groups only the draft's candidate blocks, and in them only the claims that can
meet one of the draft's; its report lists the draft's claims and their evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.api import draft_and_evidence
from claimcheck.link import link, link_linkable, linkable, meeting_quotes
from claimcheck.main_event import build_story
from claimcheck.matching import block_of, compatibility
from claimcheck.model.claims import Claim, QuoteClaim
from tests.factories import quote_claim
from tests.test_complete_link import _block


def _claims(seed: int) -> list[Claim]:
    """Claims of several blocks (kinds and events), ids unique across them."""
    claims: list[Claim] = []
    for n in range(3):
        block, _, _ = _block(seed + n)
        claims.extend(c.model_copy(update={"id": f"{n}-{c.id}"}) for c in block)
    return claims


def _can_meet_the_draft(claims: list[Claim], story: object) -> list[Claim]:
    """The draft's claims, and the others that some draft claim of their block does not
    exclude (and, among dates and places, links to explicitly)."""
    kept = []
    for claim in claims:
        drafts = [d for d in claims if d.source == "a.txt" and not isinstance(claim, QuoteClaim)
                  and block_of(d, story) == block_of(claim, story)]  # type: ignore[arg-type]
        links = [compatibility(d, claim, story) for d in drafts]  # type: ignore[arg-type]
        if claim.source == "a.txt" or isinstance(claim, QuoteClaim) or any(
                link.excluded is None and (link.explicit or claim.kind == "quantity")
                for link in links):
            kept.append(claim)
    return kept


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_focused_grouping_is_the_draft_part_of_grouping_what_can_meet_it(seed: int) -> None:
    usable = linkable(_claims(seed))
    story = build_story(usable)  # the story of every claim, whatever is grouped
    meeting = _can_meet_the_draft(usable, story)
    mine = {c.id for c in usable if c.source == "a.txt"}
    everything = link_linkable(meeting, story)
    assert link_linkable(usable, story, focus="a.txt") == \
        [g for g in everything if mine & set(g.claims)]


def test_a_claim_the_draft_excludes_is_never_its_evidence() -> None:
    """Every claim of another source grouped in a check can meet a draft claim of its
    block (quotes aside: they group by their words)."""
    usable = linkable(_claims(11))
    story = build_story(usable)
    meeting = {c.id for c in _can_meet_the_draft(usable, story)}
    grouped = {m for g in link_linkable(usable, story, focus="a.txt") for m in g.claims}
    assert grouped and grouped <= meeting and len(meeting) < len(usable)


def test_a_check_report_lists_the_draft_and_its_evidence() -> None:
    claims = _claims(7)
    groups = link(claims, focus="a.txt")
    shown = draft_and_evidence(claims, "a.txt", groups)
    grouped = {member for g in groups for member in g.claims}
    assert {c.id for c in shown} == {c.id for c in claims if c.source == "a.txt"} | grouped
    assert len(shown) < len(claims)


def test_a_check_links_only_the_quotes_similar_to_the_draft_s() -> None:
    """A source quote similar to the draft's is grouped with it; one similar only to
    that source quote, and one of other words, take no part."""
    draft = quote_claim("a.txt", "We support the initiative to hand over the weapons "
                                 "under international control", "Vladimir Putin")
    same = quote_claim("b.txt", "We support the initiative to hand over the weapons "
                                "under international control, and we expect inspectors "
                                "to destroy every stockpile before winter arrives",
                       "Xi Jinping")
    chained = quote_claim("c.txt", "we expect inspectors to destroy every stockpile "
                                   "before winter arrives", "Xi Jinping")
    other = quote_claim("d.txt", "The markets opened higher on Monday morning", "A Trader")
    quotes = [draft, same, chained, other]
    assert meeting_quotes(quotes, "a.txt") == [draft, same]
    (group,) = link(quotes, focus="a.txt")
    assert set(group.claims) == {draft.id, same.id}
