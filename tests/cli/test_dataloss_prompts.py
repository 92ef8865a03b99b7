"""In a terminal careerkit asks rather than refuses: before replacing an existing file, and
before creating a database at a path that was named but does not exist."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def in_a_terminal(env_db: Path, args: list[str], answer: str) -> tuple[int, str]:
    master, slave = pty.openpty()
    env = dict(os.environ, CAREERKIT_DB=str(env_db), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerkit", *args], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    out, sent, deadline = b"", False, time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        if not sent and b"?" in out:
            os.write(master, answer.encode() + b"\r")
            sent = True
        if proc.poll() is not None and not ready:
            break
    proc.wait(30)
    os.close(master)
    return proc.returncode, out.decode(errors="replace")


def test_replacing_a_file_is_asked_in_a_terminal(loaded, db_path, tmp_path):
    target = tmp_path / "record.yaml"
    target.write_text("mine\n")
    code, out = in_a_terminal(db_path, ["export", "-o", str(target)], "n")
    assert "exists. Replace it?" in out
    assert code == 1 and target.read_text() == "mine\n"
    code, out = in_a_terminal(db_path, ["export", "-o", str(target)], "y")
    assert code == 0, out
    assert target.read_text().startswith("careerkit:")


def test_a_named_database_that_does_not_exist_is_asked_in_a_terminal(tmp_path):
    db = tmp_path / "new" / "c.db"
    code, out = in_a_terminal(db, ["status"], "n")
    assert f"There is no database at {db}" in out
    assert code == 1 and not db.exists() and not db.parent.exists()
    code, out = in_a_terminal(db, ["status"], "y")
    assert code == 0, out
    assert db.exists()
