"""English function words and reporting furniture: frequent everywhere, so they say
nothing about which event an article reports (rare words do; weights handle the rest)."""

from __future__ import annotations

_WORDS = """
a about above after again against all almost along already also although always am among
an and another any anyone anything are around as at back be became because become been
before being below between both but by can cannot could did do does doing done down during
each either else enough even ever every few for from further get gets got had has have
having he her here hers herself him himself his how however i if in into is it its itself
just last least less like made make many may me might more most much must my myself near
neither never next no nobody none nor not nothing now of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps please put rather really
said same say says see seem seemed seems several she should show since so some someone
something sometimes still such than that the their theirs them themselves then there
therefore these they this those though through throughout thus to together too toward
towards under until up upon us very via was we well were what whatever when whenever where
whereas whether which while who whoever whole whom whose why will with within without would
yet you your yours yourself yourselves
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
morning afternoon evening night week weeks day days year years month months time
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr told according reported report reports news story stories article update
updated copyright rights reserved click read share comments comment email facebook twitter
video photo photos image images advertisement subscribe sign newsletter
"""
STOP_WORDS = frozenset(_WORDS.split())
