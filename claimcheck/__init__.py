"""claimcheck: find the claims in news text and check where sources agree and contradict.

``check(draft, sources)`` and ``compare(*sources)`` take file and folder paths and return
the typed ``Report`` (``report.render("sarif")``; in Jupyter it shows as HTML);
``claimcheck.api`` composes the same stages on ``Source`` records, without I/O.
"""

from __future__ import annotations

from claimcheck.files import check, compare
from claimcheck.model.claims import Claim, DateClaim, LocationClaim, QuantityClaim, QuoteClaim
from claimcheck.model.findings import ClaimGroup, FailOn, Finding, Severity, Verdict
from claimcheck.report.view import Report
from claimcheck.story.api import stories
from claimcheck.version import VERSION as __version__

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
