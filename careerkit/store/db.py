"""Opening the database: private file mode, WAL, busy timeout, migrations, transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from careerkit.errors import CareerkitError
from careerkit.paths import ensure_private_dir
from careerkit.store.schema import SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000


def connect(path: Path, *, create: bool = True, migrate: bool = True) -> sqlite3.Connection:
    """Open (creating if asked) the career database and bring its schema up to date."""
    path = Path(path)
    is_new = not path.exists()
    if is_new:
        if not create:
            raise CareerkitError(f"no database at {path}")
        _create_private_file(path)
    try:
        conn = _open(path, is_new)
    except sqlite3.Error as e:
        raise CareerkitError(f"cannot open the database {path}: {e}") from None
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        # Refuse a newer schema before touching anything, even the journal mode.
        if version > SCHEMA_VERSION:
            raise CareerkitError(
                f"{path} was written by a newer careerkit (schema {version}; this one knows "
                f"{SCHEMA_VERSION}): upgrade careerkit to open it"
            )
        if version != SCHEMA_VERSION or is_new:
            use_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION and migrate:
            _migrate(conn, path, version)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise CareerkitError(_open_problem(path, e)) from None
    except BaseException:
        conn.close()
        raise
    return conn


def _open(path: Path, is_new: bool) -> sqlite3.Connection:
    from careerkit.store import crypto

    if not is_new and crypto.looks_encrypted(path):
        return crypto.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)  # type: ignore[return-value]
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs the file to itself and SQLite answers "locked" at
    once, without the busy timeout, while another process holds it; so several commands
    opening an old database together wait for each other here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _open_problem(path: Path, error: sqlite3.DatabaseError) -> str:
    """Why the database cannot be opened, in words the user can act on. A read-only file or
    folder is not damage: say so, rather than frighten them about their record."""
    if isinstance(error, sqlite3.OperationalError):
        if not os.access(path.parent, os.W_OK):
            return (
                f"cannot open the database {path}: its folder is read-only (careerkit writes "
                f"a journal beside the file); check the folder's permissions, or copy the "
                f"database to a folder you can write and use --db"
            )
        if not os.access(path, os.W_OK):
            return f"cannot open the database {path}: the file is read-only; check its permissions"
    if isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error)):
        return f"the database {path} is busy in another careerkit command; try again in a moment"
    if isinstance(error, sqlite3.OperationalError) and "disk" in str(error) and "full" in str(error):
        return f"cannot open the database {path}: the disk is full"
    return f"{path} is not a careerkit database or is damaged: {error}"


def _create_private_file(path: Path) -> None:
    try:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as e:
        raise CareerkitError(f"cannot create the database {path}: {e.strerror}") from None


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Apply pending migrations in one exclusive transaction, after a backup of a database
    that already holds data. A second process waiting on the lock finds the work done."""
    from sqlite_utils import Database

    from careerkit.store.schema import build_migrations

    db = Database(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current < SCHEMA_VERSION:
            # Any database that holds tables is backed up, even one at user_version 0 (a
            # version stamp lost or reset): only a blank file has nothing to lose. Inside
            # the write lock, so two processes opening an old database make one backup.
            if current > 0 or conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                backup_before_migration(conn, path, current)
            build_migrations().apply(db)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Called holding the write lock: a second connection reads the database as it is
    (WAL lets it read while this one holds the lock; a backup through `conn` itself would
    wait on its own transaction)."""
    target = path.with_name(f"{path.stem}.before-schema-{version + 1}{path.suffix or '.db'}")
    from careerkit.store import crypto

    reader: sqlite3.Connection
    if crypto.is_cipher_connection(conn):
        reader = crypto.connect(path, conn.key, timeout=BUSY_TIMEOUT_MS / 1000)  # type: ignore[attr-defined,assignment]
    else:
        reader = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        backup_to(reader, target)
    finally:
        reader.close()
    return target


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """SQLite's online backup: a consistent copy even while another process writes."""
    target = Path(target)
    ensure_private_dir(target.parent)
    # A name of this process's own: two backups to one name at once must not share it.
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    from careerkit.store import crypto

    if crypto.is_cipher_connection(conn):
        # An encrypted record's backup stays encrypted, under the same key.
        crypto.backup_encrypted(conn, tmp)  # type: ignore[arg-type]
        os.replace(tmp, target)
        os.chmod(target, 0o600)
        return target
    dest = sqlite3.connect(str(tmp))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(tmp, target)
    os.chmod(target, 0o600)
    return target


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. BEGIN IMMEDIATE takes the write lock up front, so two
    terminals queue on the busy timeout instead of failing half-way."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
