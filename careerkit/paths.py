"""Where the database lives: --db, else $CAREERKIT_DB, else the user data directory."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from careerkit.errors import CareerkitError

ENV_VAR = "CAREERKIT_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("careerkit", appauthor=False)) / "careerkit.db"


def resolve_db_path(option: str | os.PathLike | None = None) -> Path:
    """The database path, resolved at call time so tests and scripts can point elsewhere."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def is_explicit(option: str | os.PathLike | None = None) -> bool:
    """Did the user name the database (--db or $CAREERKIT_DB)? Only the default location is
    created without asking: a mistyped path must not become a new, empty record."""
    return bool(option) or bool(os.environ.get(ENV_VAR))


_SPECIAL = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(path: Path) -> str | None:
    """'a folder', 'a device', ... for a path that exists and is not a regular file (links
    followed); None for a regular file or nothing at all."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_db_path(path: Path) -> None:
    """Refuse, before anything is opened or created, a database path that names a folder,
    a device, a FIFO or a socket: SQLite would write a journal beside it, and doctor would
    change its permissions."""
    kind = special_kind(path)
    if kind is not None:
        hint = f" (for example {path / 'careerkit.db'})" if kind == "a folder" else ""
        raise CareerkitError(
            f"the database path {path} is {kind}, not a database file: give a file name{hint}"
        )
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise CareerkitError(f"the database path {path} is inside {parent}, which is not a folder")


def ensure_private_dir(folder: Path) -> list[Path]:
    """Create the folder and any missing parents 0700, whatever the umask. An existing folder
    is left as it is (doctor reports wider permissions), since it may be shared, like /tmp.
    Returns the folders it created, outermost first."""
    folder = Path(folder)
    missing = []
    p = folder
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    created = []
    for p in reversed(missing):
        try:
            p.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(p, 0o700)  # mkdir's mode is filtered by the umask
        created.append(p)
    return created


def open_for_reading(path: str | Path) -> IO[bytes]:
    """A file the user named, opened to read its bytes, with one clear error for each way
    that fails (no such file, a folder, no permission)."""
    from careerkit.errors import InvalidInput

    p = Path(path)
    try:
        return p.open("rb")
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {p}") from None
    except IsADirectoryError:
        raise InvalidInput(f"{p} is a folder, not a file") from None
    except OSError as e:
        raise InvalidInput(f"cannot read {p}: {e.strerror}") from None
