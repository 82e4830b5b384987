"""Headless Chromium for report tests: the rendered DOM after scripts ran, screenshots."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio")


def find_chromium() -> str | None:
    explicit = os.environ.get("CLAIMCHECK_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def run(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         *args], capture_output=True, text=True, timeout=90, check=False,
        stdin=subprocess.DEVNULL)


def dump_dom(binary: str, profile: Path, url: str) -> tuple[str, str]:
    """The DOM after load and scripts, and Chromium's log."""
    done = run(binary, profile, "--dump-dom", url)
    return done.stdout, done.stderr


def run_dom(binary: str, profile: Path, url: str, size: tuple[int, int]) -> tuple[str, str]:
    """The DOM after load and scripts in a window of ``size`` (e.g. a phone's)."""
    done = run(binary, profile, f"--window-size={size[0]},{size[1]}",
               "--virtual-time-budget=2000", "--dump-dom", url)
    return done.stdout, done.stderr


def page_requests(binary: str, profile: Path, url: str, log: Path) -> list[str]:
    """Every request the page itself made while loading (read from Chromium's net log):
    the browser's own traffic (updates, accounts) has no origin and is left out."""
    run(binary, profile, f"--log-net-log={log}", "--virtual-time-budget=2000",
        "--dump-dom", url)
    data = json.loads(log.read_text(encoding="utf-8"))
    names = {number: name for name, number in data["constants"]["logEventTypes"].items()}
    found = []
    for event in data["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and params.get("url") and (
                params.get("initiator") != "not an origin"):
            found.append(params["url"])
    return found


def screenshot(binary: str, profile: Path, url: str, target: Path,
               size: tuple[int, int] = (1280, 1600)) -> Path:
    run(binary, profile, f"--window-size={size[0]},{size[1]}", "--virtual-time-budget=2000",
        f"--screenshot={target}", url)
    return target
