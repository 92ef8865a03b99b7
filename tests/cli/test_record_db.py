"""Where the database lives (--db > $CAREERKIT_DB > the user data folder), how it is created
(file 0600, folder 0700, WAL, a busy timeout), and the two ways to run careerkit."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner


def run(*args: str):
    """careerkit without the fixture's --db: the location comes from the environment."""
    from careerkit.cli import build_app

    result = CliRunner().invoke(build_app(list(args)), list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def titles(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM accomplishments ORDER BY id")]
    finally:
        conn.close()


def test_db_option_wins_over_the_environment(tmp_path, monkeypatch):
    env_db = tmp_path / "env" / "c.db"
    opt_db = tmp_path / "opt" / "c.db"
    monkeypatch.setenv("CAREERKIT_DB", str(env_db))
    assert run("--db", str(opt_db), "--init", "log", "via option").exit_code == 0
    assert run("-d", str(opt_db), "log", "via short option").exit_code == 0
    assert titles(opt_db) == ["via option", "via short option"]
    assert not env_db.exists()


def test_environment_wins_over_the_data_folder(tmp_path, monkeypatch):
    env_db = tmp_path / "env" / "c.db"
    monkeypatch.setenv("CAREERKIT_DB", str(env_db))
    assert run("--init", "log", "via environment").exit_code == 0
    assert titles(env_db) == ["via environment"]
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "careerkit").exists()


def test_default_is_the_user_data_folder(tmp_path, monkeypatch):
    data_home = tmp_path / "xdg-data"
    monkeypatch.delenv("CAREERKIT_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    assert run("log", "via data folder").exit_code == 0
    db = data_home / "careerkit" / "careerkit.db"
    assert titles(db) == ["via data folder"]
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_an_empty_environment_variable_is_ignored(tmp_path, monkeypatch):
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("CAREERKIT_DB", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    run("log", "x")
    assert (data_home / "careerkit" / "careerkit.db").exists()


def test_tilde_in_the_path_is_home(tmp_path, monkeypatch):
    home = Path(os.environ["HOME"])
    assert run("--db", "~/records/c.db", "--init", "log", "at home").exit_code == 0
    assert titles(home / "records" / "c.db") == ["at home"]
    monkeypatch.setenv("CAREERKIT_DB", "~/env.db")
    run("--init", "log", "env at home")
    assert titles(home / "env.db") == ["env at home"]


def test_new_database_is_private_and_in_wal_mode(cli, db_path):
    cli("log", "x", ok=True)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    for extra in ("-wal", "-shm"):
        side = Path(str(db_path) + extra)
        if side.exists():
            assert stat.S_IMODE(side.stat().st_mode) & 0o077 == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_private_even_with_a_permissive_umask(cli, db_path):
    old = os.umask(0)
    try:
        cli("log", "x", ok=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


def test_an_existing_folder_is_left_as_it_is(cli, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    cli("--db", str(shared / "c.db"), "log", "x", ok=True)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "c.db").stat().st_mode) == 0o600


def test_connection_has_a_busy_timeout_and_foreign_keys(db_path):
    from careerkit.store.db import BUSY_TIMEOUT_MS, connect

    conn = connect(db_path)
    try:
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS >= 5000
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_write_waits_for_another_writer(cli, db_path):
    """A second terminal holding the write lock briefly: the command waits, then writes."""
    import threading

    cli("log", "first", ok=True)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    timer.start()
    try:
        cli("log", "second", ok=True)
    finally:
        timer.join()
        holder.close()
    assert titles(db_path) == ["first", "second"]


def test_reading_commands_do_not_create_a_database_elsewhere(cli, db_path, tmp_path):
    cli("wins", "list", ok=True)
    assert db_path.exists()
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "careerkit").exists()


def test_python_dash_m_careerkit(tmp_path):
    env = dict(os.environ, CAREERKIT_DB=str(tmp_path / "m" / "c.db"))
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", "--version"], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0
    assert r.stdout.startswith("careerkit ")
    r = subprocess.run(
        [sys.executable, "-m", "careerkit", "--init", "log", "From python -m"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "Added accomplishment 1."
    assert titles(tmp_path / "m" / "c.db") == ["From python -m"]


def test_the_careerkit_command_is_installed(tmp_path):
    script = Path(sys.executable).parent / "careerkit"
    if not script.exists():
        pytest.skip("careerkit is not installed beside this Python (not an installed environment)")
    env = dict(os.environ, CAREERKIT_DB=str(tmp_path / "s" / "c.db"))
    r = subprocess.run(
        [str(script), "--init", "log", "From the script"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert titles(tmp_path / "s" / "c.db") == ["From the script"]


def test_help_lists_every_command(cli):
    out = cli("--help", ok=True).stdout
    for name in (
        "log",
        "wins",
        "feedback",
        "learn",
        "roles",
        "creds",
        "network",
        "goals",
        "profile",
        "search",
        "import",
        "export",
        "backup",
        "doctor",
    ):
        assert name in out


def test_no_arguments_shows_help(cli):
    r = cli()
    assert "Usage:" in r.stdout + r.stderr
