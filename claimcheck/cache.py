"""The claims cache: claims of unchanged sources cost nothing the second time.

Claims of one source are stored in an embedded SQLite database under a key that hashes
everything the claims depend on: the source's text and metadata, the spaCy pipeline and
its version, the vocabulary, ``EXTRACTION_VERSION`` and the extraction code and data
files themselves. A change in any of them is a different key, so it re-extracts; stale
rows are never read, only left for ``prune``.

Two processes may share one file: WAL journal, a busy timeout, one transaction per
source. A file that is not ours (not SQLite, another application's database, a newer
schema, or damage found by a read or write) is reported in one line, moved aside and
rebuilt; other database errors (a lock held past the timeout, a full disk) turn the
cache off for the run with one line of explanation. A cache never makes a check fail.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from claimcheck.extract import EXTRACTION_VERSION
from claimcheck.gcpause import paused_gc
from claimcheck.model.claims import Claim
from claimcheck.model.vocabulary import Vocabulary
from claimcheck.sources import Source

DEFAULT_CACHE_PATH = Path(".claimcheck") / "cache.sqlite"
APPLICATION_ID = 0x43436B31  # "CCk1": marks the file as a claimcheck claims cache
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0
# what the claims of a source are made from, besides its text: these packages' files
_FINGERPRINTED_PACKAGES = ("extract", "model", "nlp", "data")

Warn = Callable[[str], None]
_CLAIMS = TypeAdapter(list[Claim])


def warn_stderr(message: str) -> None:
    """The default reporter: one line on standard error."""
    print(f"claimcheck: {message}", file=sys.stderr)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code and data files, so an edited finder or gazetteer
    re-extracts even when nobody bumped ``EXTRACTION_VERSION``."""
    root = Path(__file__).parent
    digest = hashlib.sha256(f"extraction-version:{EXTRACTION_VERSION}".encode())
    for package in _FINGERPRINTED_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def vocabulary_hash(vocabulary: Vocabulary) -> str:
    """The vocabulary shapes what claims are about, so it is part of the key."""
    return hashlib.sha256(vocabulary.model_dump_json().encode()).hexdigest()


def source_hash(source: Source) -> str:
    """Hash of what a source's claims are made from: its text and the metadata claims
    carry or depend on (id, role, outlet, publication date, title, where the body starts).
    The path is left out: moving a folder does not change a claim."""
    fields = source.model_dump(mode="json", exclude={"path", "text"})
    digest = hashlib.sha256(json.dumps(fields, sort_keys=True).encode())
    digest.update(b"\0")
    digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def context_key(pipeline_identity: str, vocabulary: Vocabulary) -> str:
    """Everything but the source: pipeline, vocabulary, extraction version and code."""
    parts = (pipeline_identity, vocabulary_hash(vocabulary), str(EXTRACTION_VERSION),
             code_fingerprint())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def cache_key(source: Source, context: str) -> str:
    return hashlib.sha256(f"{context}\0{source_hash(source)}".encode()).hexdigest()


class NotARegularFile(OSError):
    """The cache path names a device, pipe or folder: never opened, never moved."""


class CacheUnusable(Exception):
    """The file at the cache path is not a claimcheck cache we can use."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    key TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    claims TEXT NOT NULL,
    stored REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS compiled (
    key TEXT PRIMARY KEY,
    payload TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    key TEXT NOT NULL,
    version TEXT NOT NULL,
    story TEXT NOT NULL,
    PRIMARY KEY (key, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blocks (
    key TEXT NOT NULL,
    version TEXT NOT NULL,
    block TEXT NOT NULL,
    claims TEXT NOT NULL,
    PRIMARY KEY (key, version, block)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quote_words (
    version TEXT NOT NULL,
    word TEXT NOT NULL,
    key TEXT NOT NULL,
    block TEXT NOT NULL,
    length INTEGER NOT NULL,
    PRIMARY KEY (version, word, key, block)
) WITHOUT ROWID;
"""


GITIGNORE = "# Created by claimcheck: a cache, not to be committed.\n*\n"


def cache_folder(folder: Path) -> None:
    """Make the cache's folder; one claimcheck made (or ``.claimcheck``) gets a
    ``.gitignore`` of its own, as ruff's and pytest's caches do, so no project needs an
    entry for it."""
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if (made or folder.name == DEFAULT_CACHE_PATH.parent.name) and not ignore.exists():
        with suppress(OSError):  # read-only or full: the cache itself will say so
            ignore.write_text(GITIGNORE, encoding="utf-8")


class ClaimStore:
    """Claims of sources by cache key, in one SQLite file. Every method is safe to call
    when the cache has been turned off after an error: it then behaves as empty."""

    def __init__(self, path: Path | str = DEFAULT_CACHE_PATH, *,
                 warn: Warn = warn_stderr) -> None:
        self.path = Path(path)
        self._warn = warn
        self._conn: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0
        try:
            self._conn = self._open_or_rebuild()
        except (OSError, sqlite3.Error) as error:
            self._disable(f"cannot use the claims cache {self.path} ({error}); "
                          "extracting without it")

    # -- opening ------------------------------------------------------------------
    def _open_or_rebuild(self) -> sqlite3.Connection:
        if (self.path.exists() or self.path.is_symlink()) and not self.path.is_file():
            raise NotARegularFile("it is not a regular file")  # a device, pipe or folder
        cache_folder(self.path.parent)
        try:
            return _open(self.path)
        except sqlite3.OperationalError:
            raise  # cannot open or locked: not the file's fault, leave it where it is
        except (CacheUnusable, sqlite3.DatabaseError) as error:
            if not self.path.is_file():
                raise
            if isinstance(error, sqlite3.DatabaseError) and not _damaged(error):
                raise  # a misuse of SQLite, not a damaged file: leave the file alone
            aside = _aside_name(self.path)
            self._warn(f"the claims cache {self.path} is unusable ({error}); moved it to "
                       f"{aside.name} and started a new one")
            _move_aside(self.path, aside)
            return _open(self.path)

    def _disable(self, message: str) -> None:
        self._warn(message)
        if self._conn is not None:
            with suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None

    def _failed(self, error: sqlite3.Error, action: str) -> None:
        """A damaged file ("malformed", "not a database") is moved aside and rebuilt, so
        the next source is cached again; anything else (a lock held past the timeout, a
        full disk) turns the cache off for this run."""
        if not _damaged(error) or self._conn is None:
            self._disable(f"the claims cache {self.path} failed to {action} ({error}); "
                          "going on without it")
            return
        with suppress(sqlite3.Error):
            self._conn.close()
        self._conn = None
        aside = _aside_name(self.path)
        self._warn(f"the claims cache {self.path} is damaged ({error}); moved it to "
                   f"{aside.name} and started a new one")
        _move_aside(self.path, aside)
        try:
            self._conn = _open(self.path)
        except (OSError, sqlite3.Error, CacheUnusable) as again:
            self._disable(f"cannot rebuild the claims cache {self.path} ({again}); "
                          "going on without it")

    def warn_row(self, source_id: str) -> None:
        """A stored row that does not fit its source's text (edited by hand, damaged):
        it is not used, and says so."""
        self._warn(f"the claims cache {self.path} held claims for {source_id} that do not "
                   "match its text; parsing it again")

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    # -- reading and writing -------------------------------------------------------
    def get_many(self, keys: Sequence[str]) -> dict[str, list[Claim]]:
        """The stored claims of those keys that are present and still valid."""
        found: dict[str, list[Claim]] = {}
        if self._conn is None or not keys:
            return found
        try:
            rows: list[tuple[str, str]] = []
            for chunk in _chunks(list(dict.fromkeys(keys)), 500):
                marks = ",".join("?" * len(chunk))
                rows.extend(self._conn.execute(
                    f"SELECT key, claims FROM claims WHERE key IN ({marks})", chunk))
        except sqlite3.Error as error:
            self._failed(error, "read")
            return found
        with paused_gc():  # many small records, no cycles: see claimcheck.gcpause
            for key, payload in rows:
                try:
                    found[key] = _CLAIMS.validate_json(payload)
                except ValidationError:
                    continue  # written by an incompatible version: extract again
        self.hits += len(found)
        self.misses += len(set(keys)) - len(found)
        return found

    def put(self, key: str, source_id: str, claims: Sequence[Claim]) -> None:
        """Store the claims of one source, in its own transaction."""
        if self._conn is None:
            return
        payload = _CLAIMS.dump_json(list(claims)).decode()
        try:
            with _transaction(self._conn):
                self._conn.execute(
                    "INSERT OR REPLACE INTO claims (key, source_id, claims, stored) "
                    "VALUES (?, ?, ?, ?)", (key, source_id, payload, time.time()))
        except sqlite3.Error as error:
            self._failed(error, "write")

    # -- the index a re-check reads: each source's story and claims by block ------------
    def stories(self, keys: Sequence[str], version: str) -> dict[str, str]:
        """The stored story summaries (as written) of those keys that have one for this
        ``version`` of the index."""
        found: dict[str, str] = {}
        if self._conn is None or not keys:
            return found
        try:
            for chunk in _chunks(list(dict.fromkeys(keys)), 500):
                marks = ",".join("?" * len(chunk))
                found.update(self._conn.execute(
                    f"SELECT key, story FROM stories WHERE version = ? AND key IN ({marks})",
                    [version, *chunk]))
        except sqlite3.Error as error:
            self._failed(error, "read")
            return {}
        return found

    def blocks(self, keys: Sequence[str], version: str,
               blocks: Sequence[str]) -> dict[str, list[str]] | None:
        """The stored claims (as written) of ``blocks`` for each of ``keys``; None when
        they could not be read (the cache is then off)."""
        found: dict[str, list[str]] = {}
        wanted = sorted(set(blocks))
        if self._conn is None:
            return None
        if not keys or not wanted:
            return found
        block_marks = ",".join("?" * len(wanted))
        try:
            for chunk in _chunks(list(dict.fromkeys(keys)), 400):
                marks = ",".join("?" * len(chunk))
                for key, payload in self._conn.execute(
                        f"SELECT key, claims FROM blocks WHERE version = ? AND key IN "
                        f"({marks}) AND block IN ({block_marks})",
                        [version, *chunk, *wanted]):
                    found.setdefault(key, []).append(payload)
        except sqlite3.Error as error:
            self._failed(error, "read")
            return None
        return found

    def quote_blocks(self, keys: Sequence[str], version: str,
                     probes: Sequence[tuple[frozenset[str], int]]) -> dict[str, list[str]] | None:
        """The stored blocks (as written) of those keys' quotes that share enough long
        words with one of ``probes`` (a quote's long words and its length) to be
        compared with it (``link.words_may_meet``: one word when either quote has at
        most four words, else two), found by the quotes' word index; None when they
        could not be read (the cache is then off)."""
        found: dict[str, list[str]] = {}
        if self._conn is None:
            return None
        try:
            for chunk in _chunks(list(dict.fromkeys(keys)), 400):
                marks = ",".join("?" * len(chunk))  # only these keys' words: one search
                for words, length in _probe_parts(probes):
                    for key, payload in self._conn.execute(
                            "SELECT b.key, b.claims FROM (SELECT key, block FROM quote_words "
                            f"WHERE version = ? AND word IN ({','.join('?' * len(words))}) "
                            f"AND key IN ({marks}) GROUP BY key, block HAVING COUNT(*) >= "
                            "CASE WHEN ? <= 4 OR MAX(length) <= 4 THEN 1 ELSE 2 END) AS w "
                            "CROSS JOIN blocks AS b ON b.key = w.key AND b.version = ? AND "
                            "b.block = w.block", [version, *words, *chunk, length, version]):
                        found.setdefault(key, []).append(payload)
        except sqlite3.Error as error:
            self._failed(error, "read")
            return None
        for payloads in found.values():
            payloads[:] = dict.fromkeys(payloads)  # a quote two draft quotes meet: once
        return found

    def put_index(self, key: str, version: str, story: str, blocks: Mapping[str, str],
                  quote_words: Iterable[tuple[str, str, int]] = ()) -> None:
        """Store one source's story summary, its claims by block and the long words of
        its quotes (word, the quote's block, its length), replacing what this
        ``version`` of the index held for it, in one transaction."""
        if self._conn is None:
            return
        try:
            with _transaction(self._conn):
                self._conn.execute("DELETE FROM blocks WHERE key = ? AND version = ?",
                                   (key, version))
                self._conn.execute("DELETE FROM quote_words WHERE key = ? AND version = ?",
                                   (key, version))
                self._conn.executemany(
                    "INSERT INTO blocks (key, version, block, claims) VALUES (?, ?, ?, ?)",
                    [(key, version, block, payload) for block, payload in blocks.items()])
                self._conn.executemany(
                    "INSERT OR IGNORE INTO quote_words (version, word, key, block, length) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [(version, word, key, block, length)
                     for word, block, length in quote_words])
                self._conn.execute(
                    "INSERT OR REPLACE INTO stories (key, version, story) VALUES (?, ?, ?)",
                    (key, version, story))
        except sqlite3.Error as error:
            self._failed(error, "write")

    def put_compiled(self, key: str, payload: str) -> None:
        """Store something compiled from files (a rule set) under the hash of its inputs."""
        if self._conn is None:
            return
        try:
            with _transaction(self._conn):
                self._conn.execute("INSERT OR REPLACE INTO compiled (key, payload) "
                                   "VALUES (?, ?)", (key, payload))
        except sqlite3.Error as error:
            self._failed(error, "write")

    def prune(self, keep: Iterable[str]) -> int:
        """Delete every row whose key is not in ``keep``; returns how many went."""
        if self._conn is None:
            return 0
        wanted = set(keep)
        try:
            stale = [k for (k,) in self._conn.execute("SELECT key FROM claims")
                     if k not in wanted]
            stale_index = {k for table in ("stories", "blocks", "quote_words")
                           for (k,) in self._conn.execute(f"SELECT DISTINCT key FROM {table}")
                           if k not in wanted}
            with _transaction(self._conn):
                for chunk in _chunks(stale, 500):
                    self._conn.execute(
                        f"DELETE FROM claims WHERE key IN ({','.join('?' * len(chunk))})",
                        chunk)
                for chunk in _chunks(sorted(stale_index), 500):
                    marks = ",".join("?" * len(chunk))
                    for table in ("stories", "blocks", "quote_words"):
                        self._conn.execute(f"DELETE FROM {table} WHERE key IN ({marks})",
                                           chunk)
        except sqlite3.Error as error:
            self._failed(error, "prune")
            return 0
        return len(stale)

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        try:
            (count,) = self._conn.execute("SELECT COUNT(*) FROM claims").fetchone()
        except sqlite3.Error:
            return 0
        return int(count)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_compiled(path: Path, key: str) -> str | None:
    """What ``put_compiled`` stored under ``key`` in the cache at ``path``, read before
    the run's outputs are checked against its inputs: only a regular file, opened read
    only, never created, moved or changed; None when anything is amiss."""
    try:
        if not path.is_file():
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        if _ids(conn) != (APPLICATION_ID, SCHEMA_VERSION):
            return None
        row = conn.execute("SELECT payload FROM compiled WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row is not None else None


def _open(path: Path) -> sqlite3.Connection:
    """Open the cache, retrying while another process holds the lock.

    SQLite answers "database is locked" at once, without waiting out the busy timeout,
    where waiting could deadlock: switching a new file to WAL while another connection
    reads it, or recovering the write-ahead log another just opened. Processes starting
    together on a new cache meet exactly that, so the opening is tried again, with a
    short random pause, until the busy timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return _open_once(path)
        except sqlite3.OperationalError as error:
            if not _busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))


def _busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def _open_once(path: Path) -> sqlite3.Connection:
    """Open the cache, claiming a new file for claimcheck in the same write transaction
    that checks it, so a second process opening the file at the same moment sees either
    an empty file (and waits for the lock) or a finished cache, never half a claim."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        # the header first: DatabaseError on a file that is not SQLite, and another
        # application's database is left as it is (not even switched to WAL)
        if _ids(conn)[0] not in (0, APPLICATION_ID):
            raise CacheUnusable("not a claimcheck claims cache")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        with _transaction(conn):
            if _check_ours(conn):  # a new file: claim it
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
        return conn
    except BaseException:
        conn.close()
        raise


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once so two writers queue on the busy timeout
    instead of failing on a lock upgrade."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _ids(conn: sqlite3.Connection) -> tuple[int, int]:
    (application_id,) = conn.execute("PRAGMA application_id").fetchone()
    (user_version,) = conn.execute("PRAGMA user_version").fetchone()
    return int(application_id), int(user_version)


def _check_ours(conn: sqlite3.Connection) -> bool:
    """Whether the file is new and empty (True) or a cache of ours (False); raises
    ``CacheUnusable`` for another application's database or another schema. Called
    inside a transaction, so the header and the tables are read at one moment."""
    application_id, user_version = _ids(conn)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")]
    if application_id == 0 and not tables:
        return True
    if application_id != APPLICATION_ID:
        raise CacheUnusable("not a claimcheck claims cache")
    if user_version != SCHEMA_VERSION:
        raise CacheUnusable(f"cache schema {user_version}, this claimcheck uses "
                            f"{SCHEMA_VERSION}")
    return False


_DAMAGE_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def _damaged(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged ("malformed", "not a database").

    Only then is the file moved aside. Any other error (a lock, a full disk, a misuse
    such as a closed connection or a bad statement) says nothing against the file, and
    moving a good cache aside for it would throw away every source's claims."""
    if not isinstance(error, sqlite3.DatabaseError) or \
            isinstance(error, sqlite3.OperationalError | sqlite3.ProgrammingError |
                       sqlite3.InterfaceError | sqlite3.IntegrityError):
        return False
    name = getattr(error, "sqlite_errorname", None)
    return name is None or any(name.startswith(code) for code in _DAMAGE_CODES)


def _aside_name(path: Path) -> Path:
    """Where an unusable cache is moved: ``NAME.corrupt``, or ``NAME.corrupt.N`` when an
    earlier one is still there, so a second move never destroys the first file."""
    aside = path.with_name(path.name + ".corrupt")
    number = 1
    while aside.exists() or aside.is_symlink():
        aside = path.with_name(f"{path.name}.corrupt.{number}")
        number += 1
    return aside


def _move_aside(path: Path, aside: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with suppress(FileNotFoundError):  # another process moved it first
        path.replace(aside)


_PROBE_WORDS = 400  # long words per statement: with 400 keys, within any SQLite's limit


def _probe_parts(probes: Sequence[tuple[frozenset[str], int]]) -> list[tuple[list[str], int]]:
    """The probes of ``quote_blocks`` in parts of few enough words for one statement. A
    probe of more words than that is split, each part finding the quotes that share one
    word with it (its length given as 0): more than the probe itself finds, never less."""
    return [(chunk, length if len(words) <= _PROBE_WORDS else 0)
            for words, length in probes if words
            for chunk in _chunks(sorted(words), _PROBE_WORDS)]


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
