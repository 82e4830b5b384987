"""The GVA development set poured into one pile of article records, with its gold.

``../shared/news/gva/`` (or ``CLAIMCHECK_NEWS_DIR``/gva) holds one folder per incident;
``incidents.jsonl`` says which documents report which incident. The pile is a list of
records in the documented JSON Lines fields (``id``, ``text``, ``title``, ``published``,
``outlet``, ``url``); a document cited by two incidents appears once, with the first
incident (by id) as its gold. Incidents are split into halves by a hash of their id, so
the split never depends on the order of the file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]


def news_dir() -> Path:
    """``$CLAIMCHECK_NEWS_DIR``, else ``shared/news`` beside the project root (or beside
    one of its parent folders)."""
    override = os.environ.get("CLAIMCHECK_NEWS_DIR")
    if override:
        return Path(override)
    for folder in ROOT.parents:
        if (folder / "shared" / "news").is_dir():
            return folder / "shared" / "news"
    return ROOT.parent / "shared" / "news"


def gva_dir() -> Path | None:
    folder = news_dir() / "gva"
    return folder if (folder / "incidents.jsonl").is_file() else None


def half(incident: str) -> str:
    """``dev`` or ``held_out``: a stable split by the incident id's hash."""
    return "dev" if hashlib.sha256(incident.encode()).digest()[0] % 2 == 0 else "held_out"


def load(folder: Path) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
    """Records, gold incident by record id, and the half of each incident."""
    incidents = [json.loads(line) for line in
                 (folder / "incidents.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    records: dict[str, dict[str, Any]] = {}
    gold: dict[str, str] = {}
    yaml = YAML(typ="safe", pure=True)
    for row in sorted(incidents, key=lambda r: str(r["incident"])):
        incident = str(row["incident"])
        meta_path = folder / incident / "sources.yaml"
        if not meta_path.is_file():
            continue
        for meta in yaml.load(meta_path.read_text(encoding="utf-8")) or []:
            name = str(meta["file"])
            if name in records:
                continue
            text = (folder / incident / name).read_text(encoding="utf-8")
            title = text.split("\n", 1)[0].strip() or None
            records[name] = {"id": name, "text": text, "title": title,
                             "published": meta.get("published"), "outlet": meta.get("outlet"),
                             "url": meta.get("url")}
            gold[name] = incident
    halves = {incident: half(incident) for incident in set(gold.values())}
    return [records[k] for k in sorted(records)], gold, halves
