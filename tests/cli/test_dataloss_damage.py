"""A damaged database: a flipped byte in the stored schema, a damaged index page. doctor
reports the damage, backup checks integrity first, says so, and copies what can be read
(through the sqlite3 command's .recover where installed, else careerkit's own copy).
Stale .part files from a killed backup or export are listed by doctor and removed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest


def _checkpoint(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def flip_schema_byte(db: Path) -> None:
    """One byte of the accomplishments table's name in sqlite_master made 0xFF."""
    _checkpoint(db)
    data = bytearray(db.read_bytes())
    at = data.find(b"tableaccomplishmentsaccomplishments")
    assert at > 0
    data[at + len("table") + 3] = 0xFF
    db.write_bytes(bytes(data))


def damage_an_index(db: Path) -> None:
    _checkpoint(db)
    conn = sqlite3.connect(db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'accomplishments_date'").fetchone()[
        0
    ]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page + 8)
        f.write(b"\xff" * 64)


@pytest.mark.parametrize("args", [["wins", "list"], ["status"], ["log", "x"], ["search", "PLC"]])
def test_a_flipped_schema_byte_is_one_clear_line(loaded, db_path, args):
    flip_schema_byte(db_path)
    r = loaded(*args)
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1, r.stderr
    assert "damaged" in r.stderr and "careerkit backup" in r.stderr


def test_doctor_names_the_damaged_schema_entry(loaded, db_path):
    flip_schema_byte(db_path)
    r = loaded("doctor")
    assert r.exit_code == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert "the stored schema is damaged" in r.stdout and "is not text" in r.stdout
    data = json.loads(loaded("doctor", "--json").stdout)
    assert any(f["status"] == "problem" for f in data["findings"])


def _wins(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM accomplishments ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("sqlite3_cli", [True, False])
def test_backup_of_a_flipped_schema_copies_what_can_be_read(
    loaded, db_path, tmp_path, monkeypatch, sqlite3_cli
):
    before = _wins(db_path)
    flip_schema_byte(db_path)
    raw = db_path.read_bytes()
    if not sqlite3_cli:
        monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    elif not shutil.which("sqlite3"):
        pytest.skip("the sqlite3 command is not installed here")
    target = tmp_path / "rescued.db"
    r = loaded("backup", str(target))
    assert r.exit_code == 1
    assert "Traceback" not in r.stderr
    assert "integrity check found damage" in r.stderr
    assert f"Copied what could be read to {target} with " in r.stderr
    assert ("the sqlite3 command" in r.stderr) and ("not installed" in r.stderr) == (not sqlite3_cli)
    assert db_path.read_bytes() == raw  # the damaged file is left as it was
    assert _wins(target) == before
    rescued = type(loaded)(target)
    assert rescued("doctor").exit_code == 0
    assert len(rescued.json("wins", "list")) == len(before)
    assert rescued.json("search", "calibration")["hits"]


def test_backup_of_a_damaged_index_says_so_and_keeps_the_rows(loaded, db_path, tmp_path):
    before = _wins(db_path)
    damage_an_index(db_path)
    target = tmp_path / "rescued.db"
    r = loaded("backup", str(target))
    assert r.exit_code == 1
    assert "integrity check found damage" in r.stderr
    assert _wins(target) == before
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_whole_database_backup_says_the_integrity_check_passed(loaded, tmp_path):
    r = loaded("backup", str(tmp_path / "b.db"))
    assert r.exit_code == 0 and "(integrity check: ok)" in r.stderr


# -- stale .part files -------------------------------------------------------------------


def _dead_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def test_stale_part_files_are_listed_by_doctor_and_removed_by_the_next_backup(loaded, db_path, tmp_path):
    pid = _dead_pid()
    backups = db_path.parent / "backups"
    backups.mkdir(mode=0o700)
    stale = [
        backups / f"careerkit-20240101-000000.db.{pid}.part",
        db_path.parent / f".careerkit.db.backup.{pid}.part",
    ]
    for p in stale:
        p.write_bytes(b"half a backup")
    live = backups / f"other.db.{os.getpid()}.part"  # a running process's: not touched
    live.write_bytes(b"in progress")
    r = loaded("doctor")
    assert "leftovers" in r.stdout and all(str(p) in r.stdout for p in stale)
    assert str(live) not in r.stdout
    loaded("backup", ok=True)
    assert not any(p.exists() for p in stale)
    assert live.exists()
    assert "leftovers: no unfinished" in loaded("doctor").stdout


def test_a_stale_export_part_is_removed_by_the_next_export(loaded, tmp_path):
    pid = _dead_pid()
    stale = tmp_path / f".record.yaml.{pid}.part"
    stale.write_text("half")
    loaded("export", "-o", str(tmp_path / "record.yaml"), ok=True)
    assert not stale.exists()


def test_doctor_fix_removes_stale_parts(loaded, db_path):
    pid = _dead_pid()
    stale = db_path.parent / f"careerkit.db.{pid}.part"
    stale.write_bytes(b"x")
    data = json.loads(loaded("doctor", "--fix", "--json").stdout)
    assert "leftovers" in data["fixed"] and not stale.exists()
