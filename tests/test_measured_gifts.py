"""What an amount given measures: a share given to each of several is not the gift."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import compare_texts, quantity_id

pytestmark = pytest.mark.model


def test_a_share_to_each_is_never_compared_with_a_gift_of_the_same_giver(nlp: Any) -> None:
    report = compare_texts(nlp, {
        "a.txt": "The singer left $40,000 to each of his nieces, the will shows.\n",
        "b.txt": "The singer left $15,000 for the care of his horse, the will shows.\n",
        "c.txt": "The singer set aside $15,000 for his horse.\n",
    })
    share = quantity_id(report, "a.txt", "$40,000")
    gift = quantity_id(report, "b.txt", "$15,000")
    same = quantity_id(report, "c.txt", "$15,000")
    assert not any(share in f.claims for f in report.findings if f.verdict.value != "single_source")
    assert any({gift, same} <= set(f.claims) and f.verdict.value == "agree"
               for f in report.findings)
