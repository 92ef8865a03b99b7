"""Files the user names: backup never writes over the live database; -o, backup FILE and
prep's default file name do not replace an existing file without --force; a symlink's
target is written; devices, FIFOs and /dev/stdout are written directly."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def _count(db: Path, table: str = "accomplishments") -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _journal(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


# -- backup onto the live database -----------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_backup_onto_the_database_or_its_companions_is_refused(loaded, db_path, suffix):
    target = Path(f"{db_path}{suffix}")
    before = target.read_bytes() if target.exists() and suffix != "-shm" else None
    r = loaded("backup", str(target), "--force")
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1 and "give another file name" in r.stderr
    assert _journal(db_path) == "wal"
    if before is not None and suffix == "":
        assert target.read_bytes() == before
    assert _count(db_path) == 5


def test_backup_onto_the_database_through_a_symlink_or_hard_link_is_refused(loaded, db_path, tmp_path):
    soft = tmp_path / "soft.db"
    soft.symlink_to(db_path)
    hard = tmp_path / "hard.db"
    os.link(db_path, hard)
    wal_link = tmp_path / "wal-link"
    wal_link.symlink_to(Path(f"{db_path}-wal"))
    for target in (soft, hard, wal_link):
        r = loaded("backup", str(target), "--force")
        assert r.exit_code == 1, target
        assert "is the database" in r.stderr
    assert _journal(db_path) == "wal" and _count(db_path) == 5


def test_export_over_the_database_is_refused(loaded, db_path):
    r = loaded("export", "-o", str(db_path), "--force")
    assert r.exit_code == 1 and "is the database itself" in r.stderr
    assert _count(db_path) == 5


# -- existing files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["export", "-o", "{out}"],
        ["backup", "{out}"],
        ["resume", "-o", "{out}"],
    ],
)
def test_an_existing_file_is_not_replaced_without_force(loaded, tmp_path, args):
    out = tmp_path / "existing.md"
    out.write_text("keep me\n")
    argv = [a.replace("{out}", str(out)) for a in args]
    r = loaded(*argv)
    assert r.exit_code == 1
    assert r.stderr.strip() == f"error: {out} exists: add --force to replace it"
    assert out.read_text() == "keep me\n"
    r = loaded(*argv, "--force")
    assert r.exit_code == 0, r.stderr
    assert out.read_bytes() != b"keep me\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_prep_default_file_name_is_not_replaced_without_force(cli, tmp_path, monkeypatch):
    cli("import", str(FIXTURES / "career-gap.yaml"), ok=True)
    cli("gap", "analyze", str(FIXTURES / "postings-verdict" / "coach.txt"), ok=True)
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "interview-brief-1.docx"
    existing.write_bytes(b"my notes")
    r = cli("prep", "1", "-f", "docx")
    assert r.exit_code == 1 and "interview-brief-1.docx exists: add --force" in r.stderr
    assert existing.read_bytes() == b"my notes"
    cli("prep", "1", "-f", "docx", "--force", ok=True)
    assert existing.read_bytes()[:2] == b"PK"


def test_a_symlink_at_the_output_is_followed_not_replaced(loaded, tmp_path):
    real = tmp_path / "real" / "record.yaml"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    loaded("export", "-o", str(link), "--force", ok=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "careerkit:" in real.read_text()
    # backup through a link: the link stays, the target is the copy
    blink = tmp_path / "backup-link.db"
    breal = tmp_path / "real" / "copy.db"
    blink.symlink_to(breal)
    loaded("backup", str(blink), ok=True)
    assert blink.is_symlink() and _count(breal) == 5


def test_export_to_a_fifo_writes_into_it(loaded, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = loaded("export", "-o", str(fifo))
    reader.join(10)
    assert r.exit_code == 0, r.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"careerkit:" in got[0]


def private_null(tmp_path: Path) -> Path:
    """A null device of the test's own (never /dev/null: the bug replaced it with a file)."""
    node = tmp_path / "null"
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return node


def test_export_and_backup_to_a_device_leave_the_device(loaded, tmp_path):
    null = private_null(tmp_path)
    assert loaded("export", "-o", str(null)).exit_code == 0
    assert loaded("backup", str(null)).exit_code == 0
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "home", "null"]


def _child(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CAREERKIT_DB=str(db), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "careerkit", *args], env=env, capture_output=True, timeout=120
    )


def test_dash_o_dev_stdout_writes_to_standard_output(loaded, db_path, tmp_path):
    # What /dev/stdout is, made in the test's folder: an older careerkit replaced the link
    # with a file, and the test must not do that to the machine's /dev.
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    r = _child(db_path, "export", "-o", str(stdout))
    assert r.returncode == 0, r.stderr
    assert b"careerkit:" in r.stdout
    # stdout redirected to a file: written through, the file not swapped under the shell
    out = tmp_path / "redirected.yaml"
    with open(out, "wb") as f:
        env = dict(os.environ, CAREERKIT_DB=str(db_path), PYTHONPATH=str(ROOT))
        p = subprocess.run(
            [sys.executable, "-m", "careerkit", "backup", str(stdout)],
            env=env,
            stdout=f,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert p.returncode == 0, p.stderr
    assert out.read_bytes()[:16] == b"SQLite format 3\x00"
    assert stdout.is_symlink()
