"""The claims cache: keys, round trips, concurrent writers, unusable files. No model."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.cache import (
    APPLICATION_ID,
    ClaimStore,
    cache_key,
    context_key,
    source_hash,
)
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.sources import Source
from tests.factories import date_claim, event, place_claim, quantity

VOCABULARY = Vocabulary(event_nouns=("attack",))


def source(text: str = "Ten people died.", **fields: object) -> Source:
    base: dict[str, object] = {"id": "a.txt", "path": "/in/a.txt", "text": text,
                               "published": dt.date(2024, 3, 1)}
    base.update(fields)
    return Source.model_validate(base)


def claims_of(name: str) -> list:  # type: ignore[type-arg]
    ev = event("attack", names=("X",))
    return [quantity(name, 10, ev=ev), date_claim(name, dt.date(2024, 2, 28), ev),
            place_claim(name, "Bishkek", "KG", ev)]


class Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str) -> None:
        self.lines.append(line)


def test_claims_round_trip_exactly(tmp_path: Path) -> None:
    claims = claims_of("a.txt")
    with ClaimStore(tmp_path / "c.sqlite") as store:
        store.put("k1", "a.txt", claims)
        assert store.get_many(["k1", "absent"]) == {"k1": claims}
        assert (store.hits, store.misses) == (1, 1)
    with ClaimStore(tmp_path / "c.sqlite") as again:  # persisted
        assert again.get_many(["k1"])["k1"] == claims


def test_every_input_of_extraction_changes_the_key() -> None:
    context = context_key("en_core_web_sm==3.8.0", VOCABULARY)
    base = cache_key(source(), context)
    variants = [
        source(text="Eleven people died."),
        source(published=dt.date(2024, 3, 2)),
        source(published=None),
        source(outlet="Wire"),
        source(role="draft"),
        source(id="b.txt"),
        source(body_start=1),
    ]
    keys = {cache_key(v, context) for v in variants}
    assert base not in keys and len(keys) == len(variants)
    assert cache_key(source(), context_key("en_core_web_sm==3.8.1", VOCABULARY)) != base
    other_vocabulary = VOCABULARY.merged(Vocabulary(event_nouns=("summit",)))
    assert cache_key(source(), context_key("en_core_web_sm==3.8.0", other_vocabulary)) != base


def test_moving_a_folder_keeps_the_key() -> None:
    assert source_hash(source(path="/in/a.txt")) == source_hash(source(path="/out/a.txt"))


def test_a_file_that_is_not_sqlite_is_reported_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database\n" * 100)
    warnings = Lines()
    with ClaimStore(path, warn=warnings) as store:
        assert store.enabled
        store.put("k", "a.txt", claims_of("a.txt"))
        assert "k" in store.get_many(["k"])
    assert len(warnings.lines) == 1 and "unusable" in warnings.lines[0]
    assert (tmp_path / "cache.sqlite.corrupt").read_bytes().startswith(b"this is not")


def test_another_applications_database_is_moved_aside_not_used(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    with sqlite3.connect(path) as foreign:
        foreign.execute("CREATE TABLE invoices (n INTEGER)")
    warnings = Lines()
    with ClaimStore(path, warn=warnings) as store:
        assert store.enabled and len(store) == 0
    assert warnings.lines and "not a claimcheck claims cache" in warnings.lines[0]
    with sqlite3.connect(tmp_path / "cache.sqlite.corrupt") as kept:
        assert kept.execute("SELECT COUNT(*) FROM invoices").fetchone() == (0,)
    with sqlite3.connect(path) as ours:
        assert ours.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)


def test_a_row_from_an_incompatible_version_is_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    with ClaimStore(path) as store:
        store.put("k", "a.txt", claims_of("a.txt"))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE claims SET claims = '[{\"kind\": \"quantity\"}]'")
    with ClaimStore(path) as store:
        assert store.get_many(["k"]) == {}
        assert store.misses == 1


def test_an_unusable_location_turns_the_cache_off_with_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    warnings = Lines()
    store = ClaimStore(blocker / "cache.sqlite", warn=warnings)
    assert not store.enabled
    store.put("k", "a.txt", claims_of("a.txt"))  # no error: a cache never fails a check
    assert store.get_many(["k"]) == {} and len(store) == 0
    assert len(warnings.lines) == 1


def test_prune_keeps_only_the_keys_asked_for(tmp_path: Path) -> None:
    with ClaimStore(tmp_path / "c.sqlite") as store:
        for key in ("a", "b", "c"):
            store.put(key, "a.txt", [])
        assert store.prune(["b"]) == 2
        assert set(store.get_many(["a", "b", "c"])) == {"b"}


def _writer(path: str, name: str, count: int) -> None:
    with ClaimStore(path) as store:
        claims = claims_of(name)
        for i in range(count):
            store.put(f"{name}-{i}", name, claims)
        assert store.enabled


def test_two_processes_write_one_cache_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(path, name, 40)) for name in ("x", "y")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    with ClaimStore(path) as store:
        assert len(store) == 80
        found = store.get_many([f"{n}-{i}" for n in ("x", "y") for i in range(40)])
        assert len(found) == 80


def test_a_file_damaged_after_opening_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    with ClaimStore(path) as store:
        for i in range(60):
            store.put(f"k{i}", "a.txt", claims_of("a.txt"))
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xde\xad" * ((len(data) - 4096) // 2)  # every page but the header's
    path.write_bytes(bytes(data))
    warnings = Lines()
    with ClaimStore(path, warn=warnings) as store:
        assert store.get_many([f"k{i}" for i in range(60)]) == {}
        store.put("new", "a.txt", claims_of("a.txt"))
        assert set(store.get_many(["new"])) == {"new"}
    assert len(warnings.lines) == 1 and "damaged" in warnings.lines[0]


def test_a_folder_at_the_cache_path_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "cache.sqlite"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    warnings = Lines()
    store = ClaimStore(folder, warn=warnings)
    assert not store.enabled and len(warnings.lines) == 1
    assert (folder / "keep.txt").read_text() == "mine"


def _opener(folder: str, files: int, start: Any, warned: Any) -> None:
    """Open each of ``files`` new caches as soon as the other process is ready too."""
    for index in range(files):
        start.wait()
        lines = Lines()
        with ClaimStore(Path(folder) / f"new-{index}.sqlite", warn=lines) as store:
            store.put(f"k{index}", "a.txt", [])
            if lines.lines or not store.enabled:
                warned.put(lines.lines or ["disabled"])


def test_processes_opening_a_new_cache_at_once_never_move_it_aside(tmp_path: Path) -> None:
    """The first process to open a new file claims it inside the transaction that checks
    it: a second one sees an empty file or a finished cache, never a half-claimed one."""
    context = multiprocessing.get_context("spawn")
    files, count = 12, 3
    start = context.Barrier(count)
    warned = context.Queue()
    workers = [context.Process(target=_opener, args=(str(tmp_path), files, start, warned))
               for _ in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    assert warned.empty(), warned.get()
    assert not list(tmp_path.glob("*.corrupt"))
    for index in range(files):
        with ClaimStore(tmp_path / f"new-{index}.sqlite") as store:
            assert len(store) == 1


def test_a_second_unusable_file_does_not_replace_the_first_one_moved_aside(
        tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    for text in (b"first damaged file\n", b"second damaged file\n"):
        path.write_bytes(text * 100)
        with ClaimStore(path, warn=Lines()) as store:
            assert store.enabled
        path.unlink()
    assert (tmp_path / "cache.sqlite.corrupt").read_bytes().startswith(b"first")
    assert (tmp_path / "cache.sqlite.corrupt.1").read_bytes().startswith(b"second")


def test_a_misuse_of_sqlite_turns_the_cache_off_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    with ClaimStore(path) as store:
        store.put("k", "a.txt", claims_of("a.txt"))
    warnings = Lines()
    store = ClaimStore(path, warn=warnings)
    store._failed(sqlite3.ProgrammingError("Cannot operate on a closed database."), "read")
    assert not store.enabled and "going on without it" in warnings.lines[0]
    assert not list(tmp_path.glob("*.corrupt*"))
    with ClaimStore(path) as again:
        assert set(again.get_many(["k"])) == {"k"}
