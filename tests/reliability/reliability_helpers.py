"""Helpers for the reliability tests (not a conftest.py: tests/conftest.py is imported as
`conftest`, and a second one would take its name): careerkit as a real child process, and checks that a
database is whole (integrity, search index agreeing with the tables)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The entry point as a user runs it, in a child (lazy registration included).
ENTRY = [
    sys.executable,
    "-c",
    "import sys; from careerkit.cli import main; sys.argv[0] = 'careerkit'; main()",
]


def child_env(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        CAREERKIT_DB=str(db),
        NO_COLOR="1",
        COLUMNS="200",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.pop("EDITOR", None)
    env.pop("VISUAL", None)
    return env


def with_init(args) -> list[str]:
    """$CAREERKIT_DB names the database: --init lets the first command create it."""
    args = list(args)
    return args if "--init" in args or not args or args[0] in ("--help", "--version") else ["--init", *args]


def careerkit(
    db: Path,
    *args: str,
    input: str | None = None,
    timeout: float = 120,
    env_extra: dict[str, str] | None = None,
    **popen,
) -> subprocess.CompletedProcess:
    return subprocess.run(
        ENTRY + with_init(args),
        env={**child_env(db), **(env_extra or {})},
        input=input,
        text=True,
        capture_output=True,
        timeout=timeout,
        **popen,
    )


def start(db: Path, *args: str, argv: list[str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        argv or (ENTRY + with_init(args)),
        env=child_env(db),
        text=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def assert_whole(db: Path) -> None:
    """PRAGMA integrity_check is ok and the FTS index agrees with every table."""
    from careerkit.store.doctor import check

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES('integrity-check', 1)")
    finally:
        conn.close()
    findings = {f["name"]: f for f in check(db)}
    assert findings["integrity"]["status"] == "ok", findings
    assert findings["search index"]["status"] == "ok", findings


def fingerprint(db: Path) -> str:
    """A digest of everything the database holds (its logical content)."""
    if not db.exists():
        return "absent"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def one_error_line(result) -> None:
    """A user-facing failure: exit 1, a clear `error:` line, no traceback."""
    assert result.exit_code == 1 if hasattr(result, "exit_code") else result.returncode == 1, result
    err = result.stderr
    assert err.startswith("error: "), err
    assert "Traceback" not in err and "Traceback" not in (result.stdout or "")


@pytest.fixture(name="db")
def db_fixture(tmp_path) -> Path:
    """The database path of tests/conftest.py (import this fixture into a test module)."""
    return tmp_path / "data" / "careerkit.db"
