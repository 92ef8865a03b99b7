"""Named migrations: a blank database gets them all; applying twice changes nothing; a newer
schema is refused without being touched; an older one is backed up, then brought up to date."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from careerkit.store.db import connect
from careerkit.store.schema import SCHEMA_VERSION, build_migrations


def schema_of(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        conn.close()


def applied(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'careerkit' ORDER BY id"
            )
        ]
    finally:
        conn.close()


def user_version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def names() -> list[str]:
    return [m.name for m in build_migrations()._migrations]


def test_schema_version_counts_the_migrations():
    """Adding a migration without bumping SCHEMA_VERSION would leave databases behind."""
    assert len(names()) == SCHEMA_VERSION
    assert len(set(names())) == SCHEMA_VERSION
    assert names()[0] == "m001_initial"


def test_a_blank_database_gets_every_migration(cli, db_path):
    cli("wins", "list", ok=True)
    assert user_version(db_path) == SCHEMA_VERSION
    assert applied(db_path) == names()
    tables = {name for kind, name, _ in schema_of(db_path) if kind == "table"}
    assert {
        "profile",
        "positions",
        "credentials",
        "accomplishments",
        "feedback",
        "learning",
        "network",
        "goals",
        "gap_reports",
        "assessments",
        "touches",
        "settings",
        "search_index",
    } <= tables
    triggers = {name for kind, name, _ in schema_of(db_path) if kind == "trigger"}
    for table in ("positions", "credentials", "accomplishments", "feedback", "learning", "network", "goals"):
        assert {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= triggers
    assert not list(db_path.parent.glob("*.before-schema-*"))


def test_applying_twice_is_a_no_op(cli, db_path):
    cli("log", "x", ok=True)
    first = schema_of(db_path)
    cli("log", "y", ok=True)
    conn = connect(db_path)
    try:
        from sqlite_utils import Database

        build_migrations().apply(Database(conn))
    finally:
        conn.close()
    assert schema_of(db_path) == first
    assert applied(db_path) == names()
    assert user_version(db_path) == SCHEMA_VERSION
    assert [w["title"] for w in cli.json("wins", "list")] == ["y", "x"]


def _settle(db: Path) -> None:
    """Fold the WAL into the file and leave rollback mode, so the file's bytes are all of it."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def test_a_newer_schema_is_refused_and_left_untouched(cli, db_path):
    cli("log", "Written by the future", ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    _settle(db_path)
    before = db_path.read_bytes()
    for args in (["wins", "list"], ["log", "x"], ["export"], ["import", "-"], ["backup"]):
        r = cli(*args, input="careerkit: 1\n")
        assert r.exit_code == 1, args
        assert r.stderr.strip().splitlines() == [
            f"error: {db_path} was written by a newer careerkit (schema {SCHEMA_VERSION + 5}; "
            f"this one knows {SCHEMA_VERSION}): upgrade careerkit to open it"
        ], args
        assert r.stdout == ""
    assert db_path.read_bytes() == before
    assert not Path(str(db_path) + "-wal").exists()
    assert not list(db_path.parent.glob("*.before-schema-*"))


def test_doctor_reports_a_newer_schema_and_fix_leaves_it(cli, db_path):
    cli("log", "x", ok=True)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    r = cli("doctor", "--fix")
    assert r.exit_code == 1
    assert "written by a newer careerkit" in r.stdout
    assert user_version(db_path) == SCHEMA_VERSION + 1


def _make_older(db: Path, cli) -> int:
    """A database as the previous careerkit left it: every migration but the last applied."""
    older = SCHEMA_VERSION - 1
    if older == 0:
        pytest.skip("only one migration so far")
    cli("--db", str(db), "log", "x", ok=True)  # makes the folder the fixture expects
    db.unlink()
    for extra in ("-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    from sqlite_utils import Database

    conn = sqlite3.connect(db, isolation_level=None)
    build_migrations().apply(Database(conn), stop_before=names()[-1])
    conn.execute("INSERT INTO accomplishments (date, title) VALUES ('2024-03-12', 'Kept across the upgrade')")
    conn.execute(f"PRAGMA user_version = {older}")
    conn.close()
    return older


def test_an_older_schema_is_backed_up_then_migrated(cli, db_path):
    older = _make_older(db_path, cli)
    before_tables = schema_of(db_path)
    r = cli("wins", "list", "--json")
    assert r.exit_code == 0, r.stderr
    assert [w["title"] for w in cli.json("wins", "list")] == ["Kept across the upgrade"]
    assert user_version(db_path) == SCHEMA_VERSION
    assert applied(db_path) == names()
    backup = db_path.with_name(f"careerkit.before-schema-{older + 1}.db")
    assert backup.exists()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert user_version(backup) == older
    assert schema_of(backup) == before_tables
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT title FROM accomplishments").fetchall() == [("Kept across the upgrade",)]
    conn.close()
    # Search still agrees after the upgrade.
    assert cli.json("search", "upgrade")["hits"][0]["id"] == 1


def test_a_lowered_version_stamp_with_nothing_missing_is_backed_up(cli, db_path):
    """user_version set back, no table dropped: the backup is taken, nothing is re-created."""
    cli("log", "Still here", ok=True)
    tables = schema_of(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    cli("log", "And this", ok=True)
    assert user_version(db_path) == SCHEMA_VERSION
    assert schema_of(db_path) == tables
    assert [w["title"] for w in cli.json("wins", "list")] == ["And this", "Still here"]
    backups = list(db_path.parent.glob("careerkit.before-schema-*.db"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT title FROM accomplishments").fetchall() == [("Still here",)]
    conn.close()


def test_doctor_reports_an_old_schema_and_fix_migrates(cli, db_path):
    older = _make_older(db_path, cli)
    r = cli("doctor")
    assert f"schema {older}; {SCHEMA_VERSION} is current" in r.stdout
    assert user_version(db_path) == older  # doctor alone changes nothing
    r = cli("doctor", "--fix")
    assert r.exit_code == 0, r.stdout
    assert user_version(db_path) == SCHEMA_VERSION


def test_a_blank_existing_file_is_set_up(cli, db_path):
    db_path.parent.mkdir(parents=True)
    db_path.touch(mode=0o600)
    cli("log", "x", ok=True)
    assert user_version(db_path) == SCHEMA_VERSION
    assert not list(db_path.parent.glob("*.before-schema-*"))
