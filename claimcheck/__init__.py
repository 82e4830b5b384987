"""claimcheck: find the claims in news text and check where sources agree and contradict.

``check(draft, sources)`` and ``compare(*sources)`` take file and folder paths and return
the typed ``Report`` (``report.render("sarif")``; in Jupyter it shows as HTML);
``claimcheck.api`` composes the same stages on ``Source`` records, without I/O.

The names below are imported on first use, so that ``claimcheck --version`` or a module
of the package does not pay for the records, the rules and the reports.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from claimcheck.version import VERSION as __version__

if TYPE_CHECKING:
    from claimcheck.files import check, compare
    from claimcheck.model.claims import (
        Claim,
        DateClaim,
        LocationClaim,
        QuantityClaim,
        QuoteClaim,
    )
    from claimcheck.model.findings import ClaimGroup, FailOn, Finding, Severity, Verdict
    from claimcheck.report.view import Report
    from claimcheck.story.api import stories

_HOMES = {
    "check": "claimcheck.files", "compare": "claimcheck.files",
    "Claim": "claimcheck.model.claims", "DateClaim": "claimcheck.model.claims",
    "LocationClaim": "claimcheck.model.claims", "QuantityClaim": "claimcheck.model.claims",
    "QuoteClaim": "claimcheck.model.claims",
    "ClaimGroup": "claimcheck.model.findings", "FailOn": "claimcheck.model.findings",
    "Finding": "claimcheck.model.findings", "Severity": "claimcheck.model.findings",
    "Verdict": "claimcheck.model.findings",
    "Report": "claimcheck.report.view",
    "stories": "claimcheck.story.api",
}

__all__ = [
    "Claim",
    "ClaimGroup",
    "DateClaim",
    "FailOn",
    "Finding",
    "LocationClaim",
    "QuantityClaim",
    "QuoteClaim",
    "Report",
    "Severity",
    "Verdict",
    "__version__",
    "check",
    "compare",
    "stories",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
