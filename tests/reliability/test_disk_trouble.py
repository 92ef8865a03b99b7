"""Disk trouble: a read-only folder, a full disk, a file that is not SQLite, a truncated
database. Each gets one clear line and exit 1, and what is on disk is left as it was."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from reliability_helpers import careerkit, file_digest, fingerprint, one_error_line


@contextlib.contextmanager
def small_fs(folder: Path, size: str):
    """A size-limited tmpfs at folder (root only); skips where one cannot be mounted."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def make_read_only(folder: Path, db: Path):
    """The database folder made read-only: chmod for a normal user; root ignores modes, so
    there the folder is a tmpfs remounted read-only."""
    if os.geteuid() != 0:
        os.chmod(db, 0o400)
        os.chmod(folder, 0o500)
        return lambda: (os.chmod(folder, 0o700), os.chmod(db, 0o600))
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    return lambda: subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)


def read_only_case(folder: Path, cli_args: list[str]):
    db = folder / "careerkit.db"
    first = careerkit(db, "log", "kept safe", "--skill", "PLC")
    assert first.returncode == 0, first.stderr
    before, raw = fingerprint(db), file_digest(db)
    restore = make_read_only(folder, db)
    try:
        result = careerkit(db, *cli_args)
    finally:
        restore()
    assert "Traceback" not in result.stderr
    if result.returncode == 0:  # reading may work from a read-only folder; writing may not
        assert cli_args[0] == "wins" and "kept safe" in result.stdout
    else:
        assert result.returncode == 1, (result.stdout, result.stderr)
        assert result.stderr.startswith("error: ")
        assert "read-only" in result.stderr and "damaged" not in result.stderr
    assert file_digest(db) == raw and fingerprint(db) == before


SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "career-rich.yaml"


@pytest.mark.parametrize("args", [["log", "one more"], ["wins", "list"], ["import", str(SAMPLE)]])
def test_read_only_folder_is_a_clear_message(tmp_path, args):
    if os.geteuid() == 0:
        with small_fs(tmp_path / "ro", "1m") as folder:
            read_only_case(folder, args)
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o700)
        read_only_case(folder, args)


def test_full_disk_on_a_small_file_system(tmp_path):
    with small_fs(tmp_path / "small", "400k") as folder:
        db = folder / "careerkit.db"
        assert careerkit(db, "log", "fits easily").returncode == 0
        before = fingerprint(db)
        big = tmp_path / "big.json"  # each field under the limit; together over the disk
        big.write_text(
            json.dumps(
                {
                    "careerkit": 1,
                    "accomplishments": [
                        {"date": f"2024-01-{i + 1:02d}", "title": f"big {i}", "details": "x" * 300_000}
                        for i in range(3)
                    ],
                }
            )
        )
        result = careerkit(db, "import", str(big))
        one_error_line(result)
        assert "full" in result.stderr
        assert fingerprint(db) == before
        # what was there still reads, and the next small entry still works
        listed = careerkit(db, "wins", "list", "--json")
        assert listed.returncode == 0 and "fits easily" in listed.stdout
        export = careerkit(db, "export", "-o", str(folder / "big.yaml"))
        assert export.returncode in (0, 1) and "Traceback" not in export.stderr
        assert not list(folder.glob(".big.yaml.*.part"))  # no half-written temporary left


def test_full_disk_simulated_by_sqlite(cli, monkeypatch):
    """SQLITE_FULL on any machine: the database may not grow past its current pages."""
    cli("log", "fits", ok=True)
    before = fingerprint(cli.db)
    from careerkit.store import db as store_db

    real_connect = store_db.connect

    def capped(path, **kw):
        conn = real_connect(path, **kw)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(store_db, "connect", capped)
    result = cli("log", "does not fit", "--details", "y" * 200_000)
    one_error_line(result)
    assert "full" in result.stderr
    assert fingerprint(cli.db) == before


def test_export_to_a_full_disk_leaves_no_partial_file(cli, tmp_path, monkeypatch):
    cli("log", "something", ok=True)

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    target = tmp_path / "out.yaml"
    target.write_text("the previous export\n")
    result = cli("export", "-o", str(target), "--force")
    one_error_line(result)
    assert "full" in result.stderr or "space" in result.stderr
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.yaml")] == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"hello, this is a text file\n" * 50,
        b"\x00\x01\x02" * 3000,
        b"SQLite format 3\x00" + b"\xff" * 5000,
    ],
)
@pytest.mark.parametrize("args", [["log", "x"], ["wins", "list"], ["search", "x"], ["export"], ["backup"]])
def test_a_file_that_is_not_sqlite(tmp_path, content, args):
    db = tmp_path / "careerkit.db"
    db.write_bytes(content)
    if not content:
        # an empty file is a valid empty SQLite database: careerkit may set it up
        result = careerkit(db, *args)
        assert result.returncode == 0 and "Traceback" not in result.stderr
        return
    before = file_digest(db)
    result = careerkit(db, *args)
    one_error_line(result)
    assert "not a careerkit database" in result.stderr or "damaged" in result.stderr
    assert file_digest(db) == before
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_truncated_database(tmp_path, sample_file):
    db = tmp_path / "careerkit.db"
    assert careerkit(db, "import", str(sample_file)).returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    before = file_digest(db)
    for args in (["wins", "list"], ["log", "after the damage"], ["search", "PLC"], ["export"]):
        result = careerkit(db, *args)
        one_error_line(result)
        assert "damaged" in result.stderr or "not a careerkit database" in result.stderr, result.stderr
        assert file_digest(db) == before
    doctor = careerkit(db, "doctor")
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr
    assert "problem" in doctor.stdout


def test_database_folder_permissions_reported_and_fixed(cli):
    cli("log", "x", ok=True)
    os.chmod(cli.db, 0o644)
    os.chmod(cli.db.parent, 0o755)
    report = json.loads(cli("doctor", "--json").stdout)
    perms = [f for f in report["findings"] if f["name"] == "permissions"][0]
    assert perms["status"] == "problem"
    fixed = cli("doctor", "--fix")
    assert fixed.exit_code == 0, fixed.stdout
    assert stat.S_IMODE(cli.db.stat().st_mode) == 0o600
    assert stat.S_IMODE(cli.db.parent.stat().st_mode) == 0o700
    again = cli.json("doctor")
    assert all(f["status"] == "ok" for f in again["findings"]), again


def test_new_database_and_backups_are_private(cli, tmp_path):
    cli("log", "x", ok=True)
    assert stat.S_IMODE(cli.db.stat().st_mode) == 0o600
    assert stat.S_IMODE(cli.db.parent.stat().st_mode) == 0o700
    cli("backup", ok=True)
    backups = list((cli.db.parent / "backups").iterdir())
    assert backups and all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)
    assert stat.S_IMODE((cli.db.parent / "backups").stat().st_mode) == 0o700
    cli("export", "-o", str(tmp_path / "out.yaml"), ok=True)
    assert stat.S_IMODE((tmp_path / "out.yaml").stat().st_mode) == 0o600


def test_doctor_on_a_read_only_folder_does_not_cry_damage(tmp_path):
    def run(folder: Path):
        db = folder / "careerkit.db"
        assert careerkit(db, "log", "kept safe").returncode == 0
        raw = file_digest(db)
        restore = make_read_only(folder, db)
        try:
            result = careerkit(db, "doctor")
        finally:
            restore()
        assert "Traceback" not in result.stderr
        assert "damaged" not in result.stdout and "restore it from a backup" not in result.stdout
        if result.returncode != 0:
            assert "read-only" in result.stdout
        assert file_digest(db) == raw

    if os.geteuid() == 0:
        with small_fs(tmp_path / "ro", "1m") as folder:
            run(folder)
    else:
        folder = tmp_path / "ro"
        folder.mkdir(mode=0o700)
        run(folder)
