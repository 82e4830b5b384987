"""Data tables shipped with claimcheck (gazetteer, vocabularies)."""
