"""Units whose reading depends on the words around them.

"45 degrees" is a temperature in a heat wave and an angle on a slope; the text says
which only around the number. The scale of such a temperature is not stated (Celsius in
most of the world, Fahrenheit in the United States), so it gets a unit of its own that
never converts: a guess would make false contradictions.
"""

from __future__ import annotations

import re

from claimcheck.extract.amount_parts import after_window, before_window
from claimcheck.model.units import UNSTATED_DEGREES, UnitInfo

_WEATHER = re.compile(
    r"\b(?:temperatures?|heat|heatwaves?|hot(?:ter|test)?|cold(?:er|est)?|warm(?:er|est|ing)?|"
    r"cool(?:er|est)?|freez(?:e|es|ing)|frost|chill|weather|thermometers?|mercury|"
    r"forecast(?:s|ers?)?|climate|swelter\w*|scorch\w*|sizzl\w*|fever|oven|boil\w*|"
    r"celsius|fahrenheit|centigrade|(?:below|above)\s+zero)\b",
    re.IGNORECASE)
# Words of geometry only: "south", "turned" or "steep" are as common in weather stories.
_GEOMETRY = re.compile(
    r"\b(?:angles?|tilt\w*|rotat\w*|slopes?|sloping|inclin\w*|latitude|longitude|arc|"
    r"compass|bearing|azimuth|axis|degrees?\s+(?:north|south|east|west))\b",
    re.IGNORECASE)


_BELOW_ZERO = re.compile(r"-|−|minus\b|negative\b", re.IGNORECASE)


def in_context(text: str, start: int, end: int, unit: UnitInfo) -> UnitInfo:
    """``unit`` as the words around ``text[start:end]`` read it: a bare degree is a
    temperature where the sentence speaks of weather and nothing of angles."""
    if unit.name != "deg":
        return unit
    before, _ = before_window(text, start)
    after = after_window(text, end)
    around = before[before.rfind(". ") + 1:] + " " + after.split(". ")[0]
    below_zero = _BELOW_ZERO.match(text, start) is not None  # "minus 5 degrees": no angle
    if (below_zero or _WEATHER.search(around)) and not _GEOMETRY.search(around):
        return UnitInfo(name=UNSTATED_DEGREES, dimension="temperature")
    return unit
