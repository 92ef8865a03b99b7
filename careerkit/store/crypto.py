"""An encrypted record: SQLCipher through the optional `sqlcipher3-wheels` package.

The whole file, its WAL and its backups are encrypted at rest. The key is a random 256-bit
key kept in the operating system's keyring and handed to SQLCipher as a raw key, so no
passphrase derivation runs on every command; where there is no keyring, a passphrase
(`CAREERKIT_PASSPHRASE` or a prompt) is derived by SQLCipher's PBKDF2-HMAC-SHA512 with
256,000 iterations on every open (about 0.3 s).

Why sqlcipher3-wheels: it installs from PyPI with SQLCipher compiled in (no system
library), speaks the standard DB-API, and works through `sqlite_utils.Database(conn)` with
WAL and FTS5. apsw-sqlite3mc needs APSW's own API everywhere the record is read.

A plain SQLite file starts with "SQLite format 3"; an encrypted one is random bytes from
its first page, which is how a record is told apart without a key.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerkit.errors import CareerkitError

HEADER = b"SQLite format 3\x00"
EXTRA = 'pip install "careerkit[encrypt]"'
SERVICE = "careerkit"
KEY_ENV = "CAREERKIT_KEY"  # a recovery code, for scripts and a machine with no keyring
PASSPHRASE_ENV = "CAREERKIT_PASSPHRASE"
KEY_BYTES = 32


def is_encrypted(path: Path) -> bool:
    """True for a file that exists, holds data and is not plain SQLite."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(HEADER))
    except OSError:
        return False
    return len(head) == len(HEADER) and head != HEADER


def looks_encrypted(path: Path) -> bool:
    """Not plain SQLite, yet shaped like a database: whole pages and a random first block
    (SQLCipher's salt), not text. A text file or a truncated one is damage, not encryption."""
    if not is_encrypted(path):
        return False
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head)
    return size >= 512 and size % 512 == 0 and printable < 14


def cipher():
    """The SQLCipher DB-API module, or a message naming the extra."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise CareerkitError(f"encryption needs the optional extra: {EXTRA}") from None
    return dbapi2


# -- keys -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """Either a raw 256-bit key (from the keyring or a recovery code) or a passphrase."""

    raw: bytes | None = None
    passphrase: str | None = None
    source: str = ""

    def pragma_value(self) -> str:
        if self.raw is not None:
            return f"\"x'{self.raw.hex()}'\""
        assert self.passphrase is not None
        return "'" + self.passphrase.replace("'", "''") + "'"


def new_raw_key() -> Key:
    import secrets  # here, not at the top: every command reads this module to open the record

    return Key(raw=secrets.token_bytes(KEY_BYTES), source="new")


def recovery_code(key: Key) -> str:
    """The raw key written for a person: 64 hex digits in groups of eight."""
    assert key.raw is not None
    digits = key.raw.hex().upper()
    return "-".join(digits[i : i + 8] for i in range(0, len(digits), 8))


def parse_recovery_code(code: str) -> Key:
    digits = "".join(ch for ch in code if ch not in "- \t\n")
    try:
        raw = bytes.fromhex(digits)
    except ValueError:
        raw = b""
    if len(raw) != KEY_BYTES:
        raise CareerkitError("that is not a careerkit recovery code: it is 64 hex digits, in groups of eight")
    return Key(raw=raw, source="recovery code")


def _account(path: Path) -> str:
    return str(Path(path).expanduser().resolve())


def _backend_cache() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("careerkit", appauthor=False)) / "keyring-backend"


def _keyring():
    """The keyring backend when a usable one exists, else None (a headless server, CI).
    Imported only for an encrypted record. Finding the backend scans every installed one
    (about 0.2 s), so the one found is remembered and loaded directly next time."""
    try:
        import keyring.core as core
        from keyring.backends import fail
    except ImportError:
        return None
    backend = getattr(core, "_keyring_backend", None)  # set_keyring() or an earlier call
    if backend is None and not os.environ.get("PYTHON_KEYRING_BACKEND"):
        backend = _remembered(core)
    if backend is None:
        try:
            backend = core.get_keyring()
        except Exception:  # a broken backend configuration is as good as none
            return None
        _remember(backend)
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def _remembered(core):
    try:
        name = _backend_cache().read_text(encoding="utf-8").strip()
        return core.load_keyring(name) if name.startswith("keyring.backends.") else None
    except Exception:
        return None


def _remember(backend) -> None:
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if not name.startswith("keyring.backends.") or getattr(backend, "priority", 1) <= 0:
        return
    try:
        cache = _backend_cache()
        cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        cache.write_text(name + "\n", encoding="utf-8")
    except OSError:
        pass


def keyring_available() -> bool:
    return _keyring() is not None


def stored_key(path: Path) -> Key | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(SERVICE, _account(path))
    except Exception:
        return None
    if not value:
        return None
    try:
        return Key(raw=bytes.fromhex(value), source="keyring")
    except ValueError:
        return None


def store_key(path: Path, key: Key) -> bool:
    """Keep a raw key in the keyring; False when there is no keyring."""
    kr = _keyring()
    if kr is None or key.raw is None:
        return False
    kr.set_password(SERVICE, _account(path), key.raw.hex())
    return True


def forget_key(path: Path) -> None:
    kr = _keyring()
    if kr is None:
        return
    try:
        kr.delete_password(SERVICE, _account(path))
    except Exception:
        pass


def passphrase_key(*, confirm: bool = False) -> Key | None:
    """A passphrase from the environment, else from a prompt in a terminal."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return Key(passphrase=value, source=PASSPHRASE_ENV)
    if not sys.stdin.isatty():
        return None
    import getpass

    value = getpass.getpass("Passphrase for the record: ")
    if confirm and getpass.getpass("Again, to confirm: ") != value:
        raise CareerkitError("the two passphrases differ; nothing was changed")
    if not value:
        raise CareerkitError("an empty passphrase protects nothing; nothing was changed")
    return Key(passphrase=value, source="prompt")


def key_for(path: Path) -> Key:
    """The key of an existing encrypted record: a recovery code in CAREERKIT_KEY, the
    keyring, then a passphrase."""
    code = os.environ.get(KEY_ENV)
    if code:
        return parse_recovery_code(code)
    key = stored_key(path)
    if key is not None:
        return key
    key = passphrase_key()
    if key is not None:
        return key
    raise CareerkitError(
        f"{path} is encrypted (it is not plain SQLite) and no key was found: the keyring holds none for it; "
        f"set {PASSPHRASE_ENV} (a passphrase record) or run `careerkit key import` "
        f"with its recovery code"
    )


def key_for_new(path: Path) -> Key:
    """The key for a record about to be encrypted: a new raw key kept in the keyring, else
    a passphrase."""
    code = os.environ.get(KEY_ENV)
    if code:
        return parse_recovery_code(code)
    if keyring_available():
        return new_raw_key()
    key = passphrase_key(confirm=True)
    if key is None:
        raise CareerkitError(
            f"no keyring on this machine to keep the key: set {PASSPHRASE_ENV} to a "
            f"passphrase (derived on every command, about 0.3 s) or {KEY_ENV} to a recovery code"
        )
    return key


# -- connections ----------------------------------------------------------------------------

_ERRORS = ("OperationalError", "IntegrityError", "ProgrammingError", "DatabaseError", "Error")


def _translate(exc: Exception) -> Exception:
    """SQLCipher's DB-API errors as the standard library's, so that every `except
    sqlite3.X` in careerkit reads an encrypted record the same way."""
    for name in _ERRORS:
        if type(exc).__name__ == name or any(t.__name__ == name for t in type(exc).__mro__):
            new = getattr(sqlite3, name)(*exc.args)
            new.__cause__ = exc
            return new
    return exc


class _Cursor:
    def __init__(self, cursor: Any):
        self._cursor = cursor

    def __iter__(self):
        try:
            yield from self._cursor
        except cipher().Error as e:
            raise _translate(e) from e

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._cursor, name)
        if callable(attr) and name.startswith(("fetch", "execute")):
            return _translating(attr)
        return attr


def _translating(func):
    def call(*args, **kwargs):
        try:
            result = func(*args, **kwargs)
        except cipher().Error as e:
            raise _translate(e) from e
        return _Cursor(result) if type(result).__name__ == "Cursor" else result

    return call


class Connection:
    """An SQLCipher connection that raises the standard library's exceptions."""

    def __init__(self, conn: Any, path: Path, key: Key):
        object.__setattr__(self, "_conn", conn)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "key", key)

    encrypted = True

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._conn, name)
        if callable(attr) and name in ("execute", "executemany", "executescript", "cursor", "commit"):
            return _translating(attr)
        return attr

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "row_factory" and value is sqlite3.Row:
            value = cipher().Row
        setattr(self._conn, name, value)

    def __enter__(self):
        self._conn.__enter__()
        return self

    def __exit__(self, *exc):
        return self._conn.__exit__(*exc)


def _keyed(module, target: str, key: Key, timeout: float):
    conn = module.connect(target, timeout=timeout, isolation_level=None)
    # SQLCipher logs "hmac check failed" on a wrong key: the user gets one line from us.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key.pragma_value()}")
    return conn


def connect(path: Path, key: Key | None = None, *, timeout: float = 30.0) -> Connection:
    """Open an encrypted record; a wrong key is one clear error and nothing is written."""
    module = cipher()
    key = key or key_for(path)
    conn = _keyed(module, str(path), key, timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as e:
        conn.close()
        if "not a database" in str(e):
            raise CareerkitError(f"cannot open the record {path}: wrong key") from None
        raise CareerkitError(f"cannot open the record {path}: {e}") from None
    return Connection(conn, Path(path), key)


def is_cipher_connection(conn: Any) -> bool:
    return isinstance(conn, Connection)


# -- converting a record --------------------------------------------------------------------


def _tables(conn: Any, schema: str = "main") -> list[str]:
    rows = conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def same_rows(a: Any, b: Any) -> str | None:
    """Every table of `a` and `b` row for row; the first difference, or None."""
    names = _tables(a)
    if names != _tables(b):
        return "the two copies hold different tables"
    for name in names:
        query = f'SELECT * FROM "{name}" ORDER BY rowid' if _has_rowid(a, name) else f'SELECT * FROM "{name}"'
        left, right = a.execute(query), b.execute(query)
        while True:
            x, y = left.fetchmany(500), right.fetchmany(500)
            if [tuple(r) for r in x] != [tuple(r) for r in y]:
                return f"table {name} differs"
            if not x:
                break
    va = a.execute("PRAGMA user_version").fetchone()[0]
    vb = b.execute("PRAGMA user_version").fetchone()[0]
    return None if va == vb else "the schema versions differ"


def _has_rowid(conn: Any, name: str) -> bool:
    try:
        conn.execute(f'SELECT rowid FROM "{name}" LIMIT 0')
        return True
    except Exception:
        return False


def _export(source: Any, target: Path, key: Key | None) -> None:
    """Copy the whole open record into a new file, encrypted with `key` (plain when None).
    One write transaction on the source: the copy is consistent, and no one writes meanwhile."""
    quoted = str(target).replace("'", "''")
    with_key = f" KEY {key.pragma_value()}" if key else " KEY ''"
    source.execute(f"ATTACH DATABASE '{quoted}' AS converted{with_key}")  # not inside a transaction
    try:
        source.execute("BEGIN IMMEDIATE")
        try:
            version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute(f"PRAGMA converted.user_version = {int(version)}")
            source.execute("COMMIT")
        except BaseException:
            source.execute("ROLLBACK")
            raise
    finally:
        source.execute("DETACH DATABASE converted")


def _private_part(path: Path) -> Path:
    part = path.with_name(f"{path.name}.{os.getpid()}.convert.part")
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{part}{extra}").unlink(missing_ok=True)
    fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return part


def convert(path: Path, *, old: Key | None, new: Key | None) -> None:
    """Rewrite the record at `path` under a new key (None = plain): a verified copy first,
    then an atomic swap. Killed at any point before the swap, the record is untouched."""
    module = cipher()
    if old is None:
        source = module.connect(str(path), isolation_level=None)
        source.execute("PRAGMA cipher_log_level = NONE")
    else:
        source = _keyed(module, str(path), old, 30.0)
    part = _private_part(path)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _export(source, part, new)
        # Hold the write lock from the check to the swap: a write that came in between the
        # copy and now shows as a difference, and none can come in after.
        source.execute("BEGIN IMMEDIATE")
        copy = _keyed(module, str(part), new, 30.0) if new else module.connect(str(part))
        try:
            problem = same_rows(source, copy)
            if not problem:
                copy.execute("PRAGMA journal_mode = WAL")
        finally:
            copy.close()
        if problem:
            raise CareerkitError(
                f"the converted copy did not match the record ({problem}); nothing was changed"
            )
        with open(part, "rb") as f:
            os.fsync(f.fileno())
        os.chmod(part, 0o600)
        os.replace(part, path)
        source.execute("ROLLBACK")
    except BaseException:
        if source.in_transaction:
            source.execute("ROLLBACK")
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{part}{extra}").unlink(missing_ok=True)
        raise
    finally:
        source.close()
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def backup_encrypted(conn: Connection, target: Path) -> None:
    """A consistent copy of an open encrypted record, encrypted with the same key."""
    _export(conn._conn, target, conn.key)


# -- encrypted career files (age) ----------------------------------------------------------

AGE_HEADER = b"age-encryption.org/v1"


def is_age(data: bytes) -> bool:
    return data.startswith(AGE_HEADER)


def age_passphrase(*, confirm: bool) -> str:
    key = passphrase_key(confirm=confirm)
    if key is None or key.passphrase is None:
        raise CareerkitError(
            f"an encrypted career file needs a passphrase: set {PASSPHRASE_ENV} or run in a terminal"
        )
    return key.passphrase


def age_passphrase_available() -> None:
    """Fail early, before any work, when no passphrase can be had or the extra is missing."""
    try:
        import pyrage  # noqa: F401
    except ImportError:
        raise CareerkitError(f"encrypted export needs the optional extra: {EXTRA}") from None
    if not os.environ.get(PASSPHRASE_ENV) and not sys.stdin.isatty():
        raise CareerkitError(
            f"an encrypted career file needs a passphrase: set {PASSPHRASE_ENV} or run in a terminal"
        )


def age_encrypt(data: bytes, passphrase: str) -> bytes:
    try:
        from pyrage import passphrase as age
    except ImportError:
        raise CareerkitError(f"encrypted export needs the optional extra: {EXTRA}") from None
    return age.encrypt(data, passphrase)


def age_decrypt(data: bytes, passphrase: str, name: str) -> bytes:
    try:
        from pyrage import passphrase as age
    except ImportError:
        raise CareerkitError(
            f"{name} is encrypted (age): reading it needs the optional extra: {EXTRA}"
        ) from None
    try:
        return age.decrypt(data, passphrase)
    except Exception:
        raise CareerkitError(f"cannot decrypt {name}: wrong passphrase, or the file is damaged") from None
