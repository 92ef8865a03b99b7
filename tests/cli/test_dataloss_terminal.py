"""Stored terminal control sequences (clear the screen, set the window title) are removed
when a list is shown in a terminal, as they are when piped."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NASTY = "Led the PLC\x1b[2J\x1b]0;pwned\x07\x1b[31m in red\x1b[0m\x9b2J"


def in_a_terminal(db: Path, *args: str) -> bytes:
    master, slave = pty.openpty()
    env = dict(os.environ, CAREERKIT_DB=str(db), PYTHONPATH=str(ROOT), TERM="xterm-256color", COLUMNS="160")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerkit", *args], stdin=slave, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(60)
    os.close(master)
    return out


@pytest.mark.parametrize("rows", [1, 120])  # a rich table, and the streamed lines past 100
@pytest.mark.parametrize("group", ["wins", "feedback"])
def test_control_sequences_are_not_sent_to_the_terminal(cli, db_path, tmp_path, group, rows):
    import json

    if group == "wins":
        section = "accomplishments"
        entries = [
            {"date": "2024-03-01", "title": f"{NASTY} {i}", "impact": "\x1b]8;;http://x\x07link\x1b]8;;\x07"}
            for i in range(rows)
        ]
    else:
        section = "feedback"
        entries = [
            {"date": "2024-03-01", "text": f"{NASTY} {i}", "relationship": "colleague", "from": "Ana\x1b[2J"}
            for i in range(rows)
        ]
    career = tmp_path / "nasty.json"
    career.write_text(json.dumps({"careerkit": 1, section: entries}))
    cli("import", str(career), ok=True)
    out = in_a_terminal(db_path, group, "list", "--limit", "0")
    assert b"Led the PLC" in out
    for seq in (b"\x1b[2J", b"\x1b]0;", b"\x07", b"\x1b]8;", "\x9b".encode()):
        assert seq not in out, (seq, out[:400])
    out = in_a_terminal(db_path, group, "show", "1")
    assert b"Led the PLC" in out and b"\x1b[2J" not in out and b"\x1b]0;" not in out
