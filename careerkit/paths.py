"""Where the database lives: --db, else $CAREERKIT_DB, else the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

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


def ensure_private_dir(folder: Path) -> None:
    """Create the folder 0700 if it does not exist. An existing folder is left as it is
    (doctor reports and fixes wider permissions), since it may be shared, like /tmp."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
