"""Rule kinds: a closed set of models, one module each, chosen by ``kind:``."""

from claimcheck.rules.kinds.agreement import AgreementRule
from claimcheck.rules.kinds.base import AppliesTo, RuleBase
from claimcheck.rules.kinds.corroboration import Corroboration
from claimcheck.rules.kinds.date import DateAgreement
from claimcheck.rules.kinds.place import PlaceAgreement
from claimcheck.rules.kinds.quantity import QuantityAgreement
from claimcheck.rules.kinds.quote import QuoteFidelity
from claimcheck.rules.kinds.require_field import RequireField
from claimcheck.rules.kinds.single_source import SingleSource

__all__ = [
    "AgreementRule", "AppliesTo", "Corroboration", "DateAgreement", "PlaceAgreement",
    "QuantityAgreement", "QuoteFidelity", "RequireField", "RuleBase", "SingleSource",
]
