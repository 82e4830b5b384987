"""Rule packs shipped with claimcheck (installed as ``claimcheck.packs``)."""
