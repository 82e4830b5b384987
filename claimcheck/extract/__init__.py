"""Extraction: spaCy spans → typed, normalised claims (pure given a parsed Doc)."""
