"""Where the database may be: a named path is not created silently, a folder, device, FIFO or
socket is refused before anything is opened, and doctor changes only what careerkit made."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner


def run(*args: str, input: str | None = None):
    from careerkit.cli import build_app

    result = CliRunner().invoke(build_app(list(args)), list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# -- a mistyped path ---------------------------------------------------------------------


def test_a_named_path_that_does_not_exist_is_not_created(tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "x.db"
    r = run("--db", str(target), "status")
    assert r.exit_code == 1
    assert r.stderr.count("\n") == 1
    assert str(target) in r.stderr and "--init" in r.stderr
    assert not target.parent.exists()


def test_a_mistyped_environment_path_is_not_an_empty_record(tmp_path, monkeypatch):
    real = tmp_path / "data" / "careerkit.db"
    assert run("--db", str(real), "--init", "log", "Led the PLC").exit_code == 0
    typo = tmp_path / "data" / "carerkit.db"
    monkeypatch.setenv("CAREERKIT_DB", str(typo))
    r = run("wins", "list")
    assert r.exit_code == 1
    assert "Nothing here yet" not in r.stdout + r.stderr
    assert str(typo) in r.stderr and "$CAREERKIT_DB" in r.stderr and "--init" in r.stderr
    assert not typo.exists()


def test_init_creates_the_named_database_private(tmp_path):
    old = os.umask(0)
    try:
        target = tmp_path / "new" / "deep" / "x.db"
        r = run("--db", str(target), "--init", "status")
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.stderr
    assert mode(target) == 0o600
    # New parent folders are 0700 whatever the umask, not only the last one.
    assert mode(target.parent) == 0o700
    assert mode(target.parent.parent) == 0o700


def test_the_default_location_is_still_created_silently(tmp_path, monkeypatch):
    monkeypatch.delenv("CAREERKIT_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run("log", "first").exit_code == 0
    assert (tmp_path / "xdg" / "careerkit" / "careerkit.db").exists()


def test_an_existing_named_database_needs_no_init(tmp_path):
    db = tmp_path / "d" / "c.db"
    assert run("--db", str(db), "--init", "log", "one").exit_code == 0
    r = run("--db", str(db), "log", "two")
    assert r.exit_code == 0, r.stderr


# -- paths that are not files -------------------------------------------------------------


def _fifo(tmp_path: Path) -> Path:
    p = tmp_path / "pipe"
    os.mkfifo(p)
    return p


@pytest.mark.parametrize("what", ["folder", "device", "fifo", "socket"])
@pytest.mark.parametrize("command", [["status"], ["log", "x"], ["doctor", "--fix"], ["backup"]])
def test_a_database_path_that_is_not_a_file_is_refused_and_left_alone(tmp_path, what, command):
    if what == "folder":
        target = tmp_path / "Documents"
        target.mkdir(mode=0o755)
        target.chmod(0o755)
    elif what == "device":
        # A null device of the test's own: never risk /dev/null-journal beside the real one.
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        target = tmp_path / "null"
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    elif what == "fifo":
        target = _fifo(tmp_path)
    else:
        target = tmp_path / "s.sock"
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    folder_before = mode(target.parent)
    target_before = mode(target)
    listing = sorted(os.listdir(target.parent))
    r = run("--db", str(target), "--init", *command)
    assert r.exit_code == 1, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert f"{target} is a" in r.stderr and "not a database file" in r.stderr
    assert mode(target) == target_before
    assert mode(target.parent) == folder_before
    assert sorted(os.listdir(target.parent)) == listing  # no null-journal, no -wal


# -- doctor: the file and its folder apart --------------------------------------------------


def test_doctor_reports_a_shared_folder_apart_and_fix_leaves_the_users_folder(tmp_path):
    home = tmp_path / "Documents"
    home.mkdir()
    (home / "notes.txt").write_text("mine")
    home.chmod(0o755)
    db = home / "career.db"
    assert run("--db", str(db), "--init", "log", "x").exit_code == 0
    assert mode(db) == 0o600
    r = run("--db", str(db), "doctor")
    assert "others can read it" not in r.stdout
    assert "ok  permissions" in r.stdout
    assert f"folder: the folder {home} is 0o755" in r.stdout
    r = run("--db", str(db), "doctor", "--fix")
    assert mode(home) == 0o755  # careerkit did not create it: not touched
    assert "careerkit did not create it" in r.stdout
    assert r.exit_code == 0


def test_doctor_fix_makes_the_folder_careerkit_created_private(tmp_path):
    db = tmp_path / "made" / "c.db"
    assert run("--db", str(db), "--init", "log", "x").exit_code == 0
    db.parent.chmod(0o755)
    db.chmod(0o644)
    r = run("--db", str(db), "doctor")
    assert r.exit_code == 1
    assert f"{db.name} is 0o644" in r.stdout
    r = run("--db", str(db), "doctor", "--fix")
    assert r.exit_code == 0, r.stdout
    assert mode(db) == 0o600
    assert mode(db.parent) == 0o700


def test_doctor_fix_changes_only_the_database_file_not_a_foreign_file(tmp_path):
    """A file that is not a careerkit database is not chmodded by --fix."""
    other = tmp_path / "o" / "photo.jpg"
    other.parent.mkdir()
    other.write_bytes(b"\xff\xd8\xff" + b"x" * 5000)
    other.chmod(0o644)
    r = run("--db", str(other), "doctor", "--fix")
    assert r.exit_code == 1
    assert mode(other) == 0o644
    assert "Traceback" not in r.stderr


def test_a_connection_from_python_is_refused_too(tmp_path):
    from careerkit.errors import CareerkitError
    from careerkit.store.db import connect

    fifo = _fifo(tmp_path)
    with pytest.raises(CareerkitError, match="is a named pipe"):
        connect(fifo)
    assert sorted(os.listdir(tmp_path)) == sorted(["pipe", "home"])
    assert sqlite3.sqlite_version


def test_new_parent_folders_are_private_whatever_the_umask(tmp_path):
    db = tmp_path / "d" / "c.db"
    assert run("--db", str(db), "--init", "log", "x").exit_code == 0
    old = os.umask(0)
    try:
        target = tmp_path / "safe" / "deeper" / "copy.db"
        assert run("--db", str(db), "backup", str(target)).exit_code == 0
        out = tmp_path / "demo" / "docs"
        r = run("--db", str(db), "demo", "--out", str(out))
    finally:
        os.umask(old)
    assert mode(target.parent) == 0o700 and mode(target.parent.parent) == 0o700
    assert r.exit_code == 0, r.stderr
    assert mode(out) == 0o700 and mode(out.parent) == 0o700
