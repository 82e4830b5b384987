"""The result of a stories run: each story with its sources and its own report."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from claimcheck.model.findings import FailOn
from claimcheck.report.view import Report


class Story(BaseModel):
    """Articles found to report one event, and what ``compare`` says about them."""

    model_config = ConfigDict(frozen=True)

    id: str  # stable: a hash of its source ids
    title: str | None
    sources: tuple[str, ...]  # source ids, sorted
    dates: tuple[str, ...]  # ISO days its articles date the event to
    places: tuple[str, ...]  # places its articles name with confidence
    report: Report


class StoriesResult(BaseModel):
    """Every story of the pile, and the articles no other article reports."""

    model_config = ConfigDict(frozen=True)

    stories: tuple[Story, ...]
    unassigned: tuple[str, ...]
    urls: dict[str, str] = {}
    fail_on: FailOn = FailOn.ERROR

    def exit_status(self, fail_on: FailOn | None = None) -> int:
        threshold = self.fail_on if fail_on is None else fail_on
        return 1 if any(story.report.failing(threshold) for story in self.stories) else 0

    def render(self, fmt: str = "text") -> str:
        """The result as ``text`` or ``json`` (``html`` is the index page)."""
        from claimcheck.story.render import render

        return render(self, fmt)
