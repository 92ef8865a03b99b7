"""Opening the database: private file mode, WAL, busy timeout, migrations, transactions."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from careerkit.errors import CareerkitError
from careerkit.paths import check_db_path, ensure_private_dir
from careerkit.store.schema import SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
# How hard SQLite flushes to the disk (README: "Power loss"). NORMAL in WAL mode never
# damages the database, but a power cut can undo the last commits; FULL syncs every commit.
SYNCHRONOUS_ENV = "CAREERKIT_SYNCHRONOUS"
SYNCHRONOUS_MODES = ("normal", "full")


class DamagedDatabase(CareerkitError):
    """The file is not a careerkit database, or it is damaged (doctor tells which)."""


def connect(path: Path, *, create: bool = True, migrate: bool = True) -> sqlite3.Connection:
    """Open (creating if asked) the career database and bring its schema up to date."""
    path = Path(path)
    check_db_path(path)
    is_new = not path.exists()
    created_folders: list[Path] = []
    if is_new:
        if not create:
            raise CareerkitError(f"no database at {path}")
        created_folders = _create_private_file(path)
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
        conn.execute(f"PRAGMA synchronous = {synchronous_mode(conn).upper()}")
        if version < SCHEMA_VERSION and migrate:
            _migrate(conn, path, version)
        if is_new:
            _remember_created(conn, path, created_folders)
    except sqlite3.DatabaseError as e:
        conn.close()
        message = _open_problem(path, e)
        if message.endswith(_DAMAGE_HINT):
            raise DamagedDatabase(message) from None
        raise CareerkitError(message) from None
    except UnicodeDecodeError:
        # SQLite's own message quotes the damaged bytes, which are not UTF-8.
        conn.close()
        raise DamagedDatabase(
            f"{path} is damaged: its stored schema cannot be read as text{_DAMAGE_HINT}"
        ) from None
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
    try:
        why = str(error)
    except UnicodeDecodeError:
        why = "unreadable error message"
    return f"{path} is not a careerkit database or is damaged: {why}{_DAMAGE_HINT}"


_DAMAGE_HINT = " (careerkit doctor says more; careerkit backup copies what can be read)"


def synchronous_mode(conn: sqlite3.Connection) -> str:
    """normal or full: $CAREERKIT_SYNCHRONOUS, else `config set synchronous`, else normal."""
    env = os.environ.get(SYNCHRONOUS_ENV, "").strip().lower()
    if env:
        if env not in SYNCHRONOUS_MODES:
            raise CareerkitError(f"{SYNCHRONOUS_ENV}={env!r}: use normal or full")
        return env
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'synchronous'").fetchone()
    except sqlite3.OperationalError:  # a blank or old database: no settings table yet
        return "normal"
    value = (row[0] or "").lower() if row else ""
    return value if value in SYNCHRONOUS_MODES else "normal"


def _create_private_file(path: Path) -> list[Path]:
    """Create the database file 0600 (and its missing folders 0700); return the folders made."""
    created: list[Path] = []
    try:
        created = ensure_private_dir(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as e:
        raise CareerkitError(f"cannot create the database {path}: {e.strerror}") from None
    return created


def _remember_created(conn: sqlite3.Connection, path: Path, folders: list[Path]) -> None:
    """Note in the database that careerkit made it, and which folder it made for it:
    `doctor --fix` changes the permissions of nothing else."""
    if not folders:
        return
    try:
        with transaction(conn):
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('created_folder', ?)",
                (str(folders[-1].resolve()),),
            )
    except sqlite3.OperationalError:  # opened without migrating: nothing to note it in
        pass


def created_folder(conn: sqlite3.Connection) -> Path | None:
    """The folder careerkit created for this database, if it created one."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'created_folder'").fetchone()
    except sqlite3.OperationalError:
        return None
    return Path(row[0]) if row and row[0] else None


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


def backup_to(conn: sqlite3.Connection, target: Path, *, shown: str | None = None) -> Path:
    """SQLite's online backup: a consistent copy even while another process writes. Written
    to a private temporary file beside the target, then renamed over it."""
    target = Path(target)
    shown = shown or str(target)
    ensure_private_dir(target.parent)
    # A name of this process's own: two backups to one name at once must not share it.
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    from careerkit.store import crypto

    try:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
        if crypto.is_cipher_connection(conn):
            # An encrypted record's backup stays encrypted, under the same key.
            crypto.backup_encrypted(conn, tmp)  # type: ignore[arg-type]
        else:
            dest = sqlite3.connect(str(tmp))
            try:
                conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
        os.chmod(target, 0o600)
    except (OSError, sqlite3.Error) as e:
        tmp.unlink(missing_ok=True)
        raise CareerkitError(_backup_problem(e, shown)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _backup_problem(e: BaseException, shown: str) -> str:
    text = str(e)
    if getattr(e, "errno", None) == 28 or "full" in text:
        return f"the disk is full: could not write the backup {shown} (the database is unchanged)"
    if isinstance(e, PermissionError) or "readonly" in text or "read-only" in text:
        return f"cannot write the backup {shown}: permission denied"
    return f"cannot write the backup {shown}: {getattr(e, 'strerror', None) or text}"


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """PRAGMA integrity_check's findings ([] when the database is whole)."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
        try:
            return [str(e)]
        except UnicodeDecodeError:
            return ["the integrity check itself failed"]
    return [] if rows == ["ok"] else rows


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
