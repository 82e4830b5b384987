"""Who or what is counted, and when two counts count the same.

A count of people carries facets (a nationality ``from:IL``, a role ``role:civilian``)
and maybe a subgroup (``child``). Two counts are about the same people when their
categories are equal, their subgroups are equal (a subgroup is never its total), and no
kind of facet differs ("Israeli civilians" and "Israelis" agree; "Israelis" and
"Palestinians" do not). Counts of things compare by the thing's folded lemma.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

PERSON = "person"
REST = "rest:other"  # a facet: people beyond those already counted ("three others")
# a facet: the rest of people of its own kind some of whom were counted before ("the
# remaining three wounded"); another rest than "others", which may be all of a measure
REMAINING = "rest:remaining"
LISTED = "part:listed"  # a subgroup: some of the people a text lists one by one
PERPETRATOR = "perpetrator:"  # a facet's kind: whether the one who did it is counted
# his article reports the perpetrator dead and the count does not say whether it counts
# him: no conflict with either answer, never enough to contradict (``matching``)
PERPETRATOR_UNSAID = PERPETRATOR + "unsaid"


class Counted(BaseModel):
    model_config = ConfigDict(frozen=True)

    category: str | None = None  # "person", or the folded lemma of a thing; None: unknown
    subgroup: str | None = None  # "child", "woman": a part of the people, never a total
    facets: tuple[str, ...] = ()  # "from:IL", "role:civilian"

    @property
    def specific(self) -> bool:
        """Whether the count names what it counts beyond "people" (a role, a thing)."""
        return self.category not in (None, PERSON) or any(
            f.startswith("role:") for f in self.facets) or self.subgroup is not None


def facet_conflict(a: Counted, b: Counted) -> str | None:
    """The kind of facet on which two counts of people differ, or None."""
    kinds_a = {f.split(":", 1)[0]: f for f in a.facets if f != PERPETRATOR_UNSAID}
    kinds_b = {f.split(":", 1)[0]: f for f in b.facets if f != PERPETRATOR_UNSAID}
    for kind, facet in sorted(kinds_a.items()):
        other = kinds_b.get(kind)
        if other is not None and other != facet:
            return f"{facet.split(':', 1)[1]} vs {other.split(':', 1)[1]}"
    return None


def same_counted(a: Counted, b: Counted) -> str | None:
    """Why two counts cannot count the same thing, or None when they may."""
    if a.category is None or b.category is None:
        return "what is counted is unknown"
    if a.category != b.category:
        return f"{a.category} vs {b.category}"
    if LISTED in (a.subgroup, b.subgroup):
        return "one counts some of the people a text lists one by one"
    if a.subgroup != b.subgroup:
        return f"subgroup {a.subgroup or 'none'} vs {b.subgroup or 'none'}"
    conflict = facet_conflict(a, b)
    return f"different people ({conflict})" if conflict else None
