"""Upgrades: a database written by an earlier schema (tests/fixtures/db/schema-1.db, made
by make_schema1.py) opens with every record intact, after a backup of it as it was."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from reliability_helpers import assert_whole, careerkit, file_digest, fingerprint, one_error_line

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "schema-1.db"


def old_database(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    db = folder / "careerkit.db"
    shutil.copyfile(FIXTURE, db)
    db.chmod(0o600)
    return db


def user_version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def expected_export(tmp_path: Path, sample_file: Path) -> dict:
    """What the same career file gives when imported by this careerkit."""
    fresh = tmp_path / "fresh" / "careerkit.db"
    assert careerkit(fresh, "import", str(sample_file)).returncode == 0
    return without_stamps(json.loads(careerkit(fresh, "export", "--format", "json").stdout))


def without_stamps(data):
    """A career file without the times its entries were written (format 2 keeps them)."""
    if isinstance(data, dict):
        return {k: without_stamps(v) for k, v in data.items() if k not in ("created", "updated")}
    if isinstance(data, list):
        return [without_stamps(v) for v in data]
    return data


def test_schema_1_database_opens_with_every_record(tmp_path, sample_file):
    from careerkit.store.schema import SCHEMA_VERSION

    db = old_database(tmp_path)
    assert user_version(db) == 1
    original = fingerprint(db)
    listed = careerkit(db, "wins", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 5
    assert user_version(db) == SCHEMA_VERSION
    exported = careerkit(db, "export", "--format", "json")
    assert without_stamps(json.loads(exported.stdout)) == expected_export(tmp_path, sample_file)
    search = careerkit(db, "search", "department", "--json")
    assert json.loads(search.stdout)["hits"], "the old search index still answers"
    assert_whole(db)
    if SCHEMA_VERSION > 1:
        backup = db.with_name("careerkit.before-schema-2.db")
        assert backup.exists(), sorted(p.name for p in db.parent.iterdir())
        assert user_version(backup) == 1
        assert fingerprint(backup) == original
        assert (backup.stat().st_mode & 0o777) == 0o600


def test_opening_twice_migrates_once(tmp_path):
    db = old_database(tmp_path)
    assert careerkit(db, "wins", "list").returncode == 0
    backups = sorted(p.name for p in db.parent.iterdir() if "before-schema" in p.name)
    state = fingerprint(db)
    assert careerkit(db, "wins", "list").returncode == 0
    assert sorted(p.name for p in db.parent.iterdir() if "before-schema" in p.name) == backups
    assert fingerprint(db) == state


def test_a_lost_version_stamp_is_backed_up_before_anything(tmp_path):
    """PRAGMA user_version reset to 0 on a database that holds a record: it is copied aside
    before careerkit touches it, and the record survives."""
    db = old_database(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    before = fingerprint(db)
    result = careerkit(db, "wins", "list", "--json")
    backup = db.with_name("careerkit.before-schema-1.db")
    assert backup.exists()
    assert fingerprint(backup) == before
    if result.returncode == 0:
        assert len(json.loads(result.stdout)) == 5
    else:
        one_error_line(result)


def test_several_processes_opening_an_old_database_at_once(tmp_path):
    from reliability_helpers import start

    db = old_database(tmp_path)
    procs = [start(db, "log", f"after upgrade {i}") for i in range(4)]
    procs += [start(db, "wins", "list", "--json") for _ in range(2)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    listed = json.loads(careerkit(db, "wins", "list", "--json").stdout)
    assert len(listed) == 5 + 4
    assert_whole(db)


@pytest.mark.parametrize("args", [["wins", "list"], ["log", "x"], ["backup"], ["export"]])
def test_a_newer_schema_is_refused_untouched(tmp_path, args):
    from careerkit.store.schema import SCHEMA_VERSION

    db = old_database(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = file_digest(db)
    result = careerkit(db, *args)
    one_error_line(result)
    assert "newer careerkit" in result.stderr
    assert file_digest(db) == before
    assert not [p for p in db.parent.iterdir() if p.name.endswith(("-wal", ".part"))]


def test_fixture_is_what_the_script_makes(tmp_path):
    """The committed fixture holds what make_schema1.py says it does (schema 1, the rich
    career file), so the tests above test an old database, not an empty one."""
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert names == ["m001_initial"]
        assert conn.execute("SELECT count(*) FROM accomplishments").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 22
    finally:
        conn.close()
