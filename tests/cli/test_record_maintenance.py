"""`careerkit backup [FILE]` (SQLite's online backup) and `careerkit doctor [--fix]`."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

TABLES = ("positions", "credentials", "accomplishments", "feedback", "learning", "network", "goals")


def consistent(db: Path) -> dict[str, int]:
    """Open a copy on its own: integrity ok and the search index agreeing with the tables."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        indexed = conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
        assert indexed == sum(counts.values())
        return counts
    finally:
        conn.close()


# -- backup ------------------------------------------------------------------------------


def test_backup_to_the_default_place(loaded, db_path):
    r = loaded("backup")
    assert r.exit_code == 0, r.stderr
    [copy] = list((db_path.parent / "backups").iterdir())
    assert copy.suffix == ".db"
    assert r.stderr.strip() == f"Backed up {db_path} to {copy} (integrity check: ok)"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert consistent(copy)["accomplishments"] == 5
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    conn.close()
    assert not list(copy.parent.glob("*.part"))


def test_backup_to_a_named_file_opens_as_a_careerkit_database(loaded, tmp_path):
    target = tmp_path / "safe" / "career-copy.db"
    loaded("backup", str(target), ok=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    other = type(loaded)(target)
    assert len(other.json("wins", "list")) == 5
    assert other.json("profile", "show")["name"] == "Alex Morgan"
    assert other.json("search", "calibration")["hits"]


def test_backup_into_a_folder(loaded, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    loaded("backup", str(folder), ok=True)
    [copy] = list(folder.iterdir())
    assert consistent(copy)["positions"] == 3


def test_backup_replaces_an_older_copy(loaded, tmp_path):
    target = tmp_path / "copy.db"
    loaded("backup", str(target), ok=True)
    loaded("log", "After the first backup", ok=True)
    assert loaded("backup", str(target)).exit_code == 1  # exists: not without --force
    loaded("backup", str(target), "--force", ok=True)
    assert consistent(target)["accomplishments"] == 6


def test_backup_while_another_process_writes(loaded, db_path, tmp_path):
    """A writer logs entries in a loop in another process while backups are taken: every copy
    opens, passes the integrity check, and its search index agrees with its tables."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), "300"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    copies = []
    try:
        _wait_for_entries(db_path, 5 + 10, writer)
        for i in range(6):
            target = tmp_path / f"during-{i}.db"
            r = loaded("backup", str(target))
            assert r.exit_code == 0, r.stderr
            copies.append(target)
            time.sleep(0.05)
    finally:
        out, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err
    seen = [consistent(c)["accomplishments"] for c in copies]
    assert seen == sorted(seen) and seen[0] >= 15
    print("accomplishments in each copy:", seen)
    assert consistent(db_path)["accomplishments"] == 5 + 300


def _wait_for_entries(db: Path, n: int, writer: subprocess.Popen) -> None:
    """Until the writer is under way (no time limit of our own: the writer's end stops it)."""
    while writer.poll() is None:
        conn = sqlite3.connect(db, timeout=30)
        try:
            if conn.execute("SELECT count(*) FROM accomplishments").fetchone()[0] >= n:
                return
        finally:
            conn.close()
        time.sleep(0.05)


# One process logging many entries through the real entry point, one connection each.
WRITER = r"""
import runpy, sys
db, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    sys.argv = ["careerkit", "--db", db, "log", f"Entry {i} from the writer"]
    try:
        runpy.run_module("careerkit", run_name="__main__", alter_sys=True)
    except SystemExit as e:
        if e.code:
            raise
"""


# -- doctor ------------------------------------------------------------------------------


def findings(cli, *args) -> dict[str, dict]:
    r = cli("doctor", "--json", *args)
    data = json.loads(r.stdout)
    data["exit"] = r.exit_code
    return data


def test_doctor_on_a_healthy_database(loaded, db_path):
    r = loaded("doctor")
    assert r.exit_code == 0
    assert r.stdout.splitlines()[0] == f"Database: {db_path}"
    for name in ("permissions", "schema", "integrity", "search index", "journal"):
        assert f"ok  {name}:" in r.stdout
    assert "--fix" not in r.stdout
    data = findings(loaded)
    assert {f["status"] for f in data["findings"]} == {"ok"}
    assert data["fixed"] == [] and data["database"] == str(db_path)


def _delete_from_index(db: Path, where: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"DELETE FROM search_index WHERE {where}")
    conn.commit()
    conn.close()


def test_doctor_finds_and_fixes_a_search_index_missing_entries(loaded, db_path):
    _delete_from_index(db_path, "kind = 'accomplishment' AND record_id IN (1, 2)")
    assert loaded.json("search", "calibration")["hits"] == [] or all(
        h["kind"] != "accomplishment" for h in loaded.json("search", "calibration")["hits"]
    )
    r = loaded("doctor")
    assert r.exit_code == 1
    assert (
        "problem  search index: accomplishments: 2 missing, 0 stale — would fix: rebuild the search index"
        in r.stdout
    )
    assert "Run `careerkit doctor --fix`" in r.stdout
    r = loaded("doctor", "--fix")
    assert r.exit_code == 0, r.stdout
    assert "search index: accomplishments: 2 missing, 0 stale — fixed" in r.stdout
    assert consistent(db_path)
    assert ("accomplishment", 1) in {
        (h["kind"], h["id"]) for h in loaded.json("search", "calibration")["hits"]
    }
    assert loaded("doctor").exit_code == 0


def test_doctor_finds_and_fixes_stale_index_entries(loaded, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO search_index(rowid, kind, record_id, title, body) "
        "VALUES (999 * 16 + 3, 'accomplishment', 999, 'Ghost entry', '')"
    )
    conn.commit()
    conn.close()
    data = findings(loaded)
    index = next(f for f in data["findings"] if f["name"] == "search index")
    assert index["status"] == "problem"
    assert "accomplishments: 0 missing, 1 stale" in index["detail"]
    assert data["exit"] == 1
    data = findings(loaded, "--fix")
    assert "search index" in data["fixed"] and data["exit"] == 0
    assert loaded.json("search", "ghost")["hits"] == []


def test_doctor_finds_and_fixes_wide_permissions(cli, db_path, sample_file):
    # A record careerkit made, in a folder it made (a copied database's folder is the user's).
    loaded = cli
    loaded("import", str(sample_file), ok=True)
    db_path.chmod(0o644)
    db_path.parent.chmod(0o755)
    r = loaded("doctor")
    assert r.exit_code == 1
    assert "problem  permissions: others can read it:" in r.stdout
    assert f"{db_path.name} is 0o644" in r.stdout
    assert f"folder: the folder {db_path.parent} is 0o755" in r.stdout
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o644  # doctor alone changes nothing
    r = loaded("doctor", "--fix")
    assert r.exit_code == 0
    assert "permissions" in r.stdout and "fixed" in r.stdout
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    assert loaded("doctor").exit_code == 0


def test_doctor_fixes_a_rollback_journal(loaded, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = findings(loaded)
    journal = next(f for f in data["findings"] if f["name"] == "journal")
    assert journal["status"] == "warning" and data["exit"] == 0
    assert "journal" in findings(loaded, "--fix")["fixed"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_doctor_reports_a_damaged_file(loaded, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'accomplishments_date'").fetchone()[
        0
    ]
    conn.close()
    with open(db_path, "r+b") as f:
        f.seek((root - 1) * page + 8)
        f.write(b"\xff" * 64)
    r = loaded("doctor")
    assert r.exit_code == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert "problem" in r.stdout and ("malformed" in r.stdout or "integrity" in r.stdout)
    assert "restore" in r.stdout


def test_doctor_json_is_one_document(loaded):
    r = loaded("doctor", "--json")
    assert r.stderr == ""
    data = json.loads(r.stdout)
    assert [f["name"] for f in data["findings"]] == [
        "permissions",
        "encryption",
        "folder",
        "schema",
        "integrity",
        "search index",
        "journal",
        "power loss",
        "leftovers",
    ]


def test_backups_in_one_second_do_not_overwrite_each_other(loaded, db_path, tmp_path):
    for _ in range(3):
        loaded("backup", ok=True)
        loaded("backup", str(tmp_path), ok=True)
    assert len(list((db_path.parent / "backups").iterdir())) == 3
    assert len(list(tmp_path.glob("careerkit-*.db"))) == 3


def test_doctor_finds_and_fixes_index_entries_out_of_date(loaded, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(
        "UPDATE search_index SET title = 'Something else entirely' WHERE kind = 'goal' AND record_id = 1"
    )
    conn.commit()
    conn.close()
    r = loaded("doctor")
    assert r.exit_code == 1
    assert "goals: 0 missing, 0 stale, 1 out of date" in r.stdout
    assert loaded("doctor", "--fix").exit_code == 0
    assert loaded.json("search", "entirely")["hits"] == []
    assert loaded("doctor").exit_code == 0
