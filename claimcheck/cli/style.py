"""Whether to colour the text report: ``--color auto|always|never`` and ``NO_COLOR``.

``auto`` colours only a terminal, and never when ``NO_COLOR`` is set to anything
(https://no-color.org); ``always`` colours pipes too (``less -R``); ``never`` never.
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TextIO


class ColorMode(StrEnum):
    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


def use_colour(mode: ColorMode, stream: TextIO) -> bool:
    if mode is ColorMode.ALWAYS:
        return True
    if mode is ColorMode.NEVER or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(callable(isatty) and isatty())
