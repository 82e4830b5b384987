"""Extraction: spaCy spans → typed, normalised claims (pure given a parsed Doc).

``EXTRACTION_VERSION`` is part of the claims cache key. Bump it whenever the claims
extracted from an unchanged text may change: a finder reads a value differently, a
claim record gains or loses a field, what a claim is about is worked out differently.
Changes to code or data files under ``extract/``, ``model/``, ``nlp/`` and ``data/``
also re-extract on their own (the cache hashes those files), so the constant is the
explicit, reviewable record of such changes, and the guard for changes elsewhere.
"""

EXTRACTION_VERSION = 2
