"""Long plain lines (status, plan, a gap report) wrap under their own text in a terminal
(a real pseudo-terminal), and stay whole when piped. The wrapping function alone:
tests/unit/cli/test_wrapping.py."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

LONG_GOAL = (
    "Lead the master schedule build with the principal for the whole of next year, "
    "including the electives rotation and the intervention block"
)


def test_piped_status_keeps_each_line_whole(cli, monkeypatch):
    cli("goals", "add", LONG_GOAL, "--due", "2020-01", ok=True)
    monkeypatch.setenv("COLUMNS", "50")
    result = cli("status", ok=True)
    assert any(LONG_GOAL in line for line in result.stdout.splitlines())


def test_status_in_a_terminal_wraps_to_its_width(cli):
    cli("goals", "add", LONG_GOAL, "--due", "2020-01", ok=True)
    text = _in_a_terminal(["--db", str(cli.db), "status"], columns=60)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text.splitlines()]
    assert lines and all(len(line) <= 60 for line in lines)
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("1  Lead the master"))
    indent = lines[start].index("Lead")
    assert lines[start + 1].startswith(" " * indent) and lines[start + 1][indent] != " "
    assert " ".join(" ".join(lines).split()).count("intervention block") == 1


def _in_a_terminal(args: list[str], columns: int) -> str:
    main, child = pty.openpty()
    env = dict(os.environ, COLUMNS=str(columns), LINES="50", TERM="xterm")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerkit", *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    assert proc.returncode == 0, proc.stderr.read()
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_a_gap_report_in_a_terminal_wraps_inside_its_indent(cli):
    cli("log", "Led the formative-assessment PLC for fourteen teachers across three grade levels", ok=True)
    posting = (
        "Assistant Principal\n\nQualifications\n"
        "- Experience leading professional learning communities and data teams that "
        "improve instruction across several grade levels and departments\n"
    )
    cli("gap", "analyze", "-", input=posting, ok=True)
    text = _in_a_terminal(["--db", str(cli.db), "gap", "show", "1"], columns=60)
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text.splitlines()]
    assert all(len(line) <= 60 for line in lines)
    body = [line for line in lines[2:] if line.strip() and not re.match(r"\s*\d+\. ", line)]
    assert body and all(line.startswith("     ") for line in body)
