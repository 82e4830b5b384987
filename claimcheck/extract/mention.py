"""What each kind's finder returns: a value found at an offset of the parsed text.

Finders (``extract/numbers.py``, ``dates.py``, ``places.py``, ``quotes.py``) each expose
``find(doc, published) -> list[Mention]``. Offsets are into ``doc.text`` (the article
body); the orchestrator shifts them into the file, works out what each mention is about
and builds the claim records.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from claimcheck.model.claims import ClaimKind
from claimcheck.model.dates import DateValue
from claimcheck.model.numbers import QuantityValue
from claimcheck.model.places import LocationValue
from claimcheck.model.quotes import QuoteValue


class Mention(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: ClaimKind
    start: int  # char offset into doc.text
    end: int
    value: QuantityValue | DateValue | LocationValue | QuoteValue
    token: int | None = None  # index of the doc token the value attaches to in the parse
