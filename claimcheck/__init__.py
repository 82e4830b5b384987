"""claimcheck: find the claims in news text and check where sources agree and contradict.

The public API composes the pipeline stages; see ``claimcheck.api``.
"""

from __future__ import annotations

from claimcheck.model.claims import Claim, DateClaim, LocationClaim, QuantityClaim, QuoteClaim
from claimcheck.model.findings import ClaimGroup, Finding, Severity, Verdict

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimGroup",
    "DateClaim",
    "Finding",
    "LocationClaim",
    "QuantityClaim",
    "QuoteClaim",
    "Severity",
    "Verdict",
    "__version__",
]
