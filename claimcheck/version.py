"""The version of claimcheck, in a module of its own so any layer can read it."""

VERSION = "0.1.0"
