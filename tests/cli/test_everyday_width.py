"""80 columns, piped or not: piped output is plain lines (no boxes) that wrap only at $COLUMNS
when it is set; a terminal wraps at its own width, by words, under each line's indent."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "everyday"
BOX = set("╭╮╰╯│─┬┴┼━")
LONG = "Knowledge of special education law, Section 504 requirements, admission review and dismissal"


@pytest.fixture
def texas(cli):
    cli("import", str(HERE / "texas-coach.yaml"), ok=True)
    for name in ("ap-p1.txt", "ap-p2.txt", "ap-p3.txt"):
        cli("gap", "analyze", str(HERE / name), ok=True)
    cli(
        "feedback",
        "add",
        "Rosa's restorative circles turned our hardest grade 7 class around this spring, "
        "and the whole team now runs circles on Mondays",
        "--relationship",
        "colleague",
        ok=True,
    )
    return cli


def in_a_terminal(cli, args: list[str], columns: int) -> list[str]:
    """What careerkit prints on a pseudo-terminal of this width, colour codes removed."""
    main, child = pty.openpty()
    env = dict(os.environ, COLUMNS=str(columns), LINES="50", TERM="xterm")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerkit", "--db", str(cli.db), *args],
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
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(main)
    assert proc.returncode == 0, proc.stderr.read()
    text = b"".join(chunks).decode().replace("\r\n", "\n")
    return [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line) for line in text.splitlines()]


def words_whole(lines: list[str], *phrases: str) -> None:
    """Every phrase reads whole once the lines are joined by spaces: no word was cut."""
    joined = " ".join(" ".join(lines).split())
    for phrase in phrases:
        assert phrase in joined, phrase


def piped(cli, monkeypatch, *args: str, columns: str | None = None) -> list[str]:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    return cli(*args, ok=True).stdout.splitlines()


@pytest.mark.parametrize(
    "args",
    [
        ["gap", "show", "1"],
        ["gap", "rerun", "1"],
        ["gap", "common"],
        ["feedback", "themes"],
    ],
    ids=" ".join,
)
def test_piped_output_has_no_fixed_width(texas, monkeypatch, args):
    lines = piped(texas, monkeypatch, *args)
    assert not BOX & set("".join(lines))
    assert all(line == line.rstrip() for line in lines)
    if args[:2] == ["gap", "show"]:
        assert any(LONG in line and len(line) > 120 for line in lines)
    if args[:2] in (["gap", "show"], ["gap", "common"]):
        assert max(len(line) for line in lines) > 120


@pytest.mark.parametrize(
    "args",
    [["gap", "show", "1"], ["gap", "common"], ["gap", "rerun", "1"], ["feedback", "themes"], ["review"]],
    ids=" ".join,
)
def test_piped_output_wraps_at_columns_when_set(texas, monkeypatch, args):
    lines = piped(texas, monkeypatch, *args, columns="80")
    assert lines and all(len(line) <= 80 for line in lines if not line.startswith(("id ", "kind ")))
    if args == ["gap", "show", "1"]:
        words_whole(lines, LONG)


@pytest.mark.parametrize(
    "args",
    [["gap", "list"], ["network", "list", "--due"], ["review"], ["profile", "show"], ["wins", "list"]],
    ids=" ".join,
)
def test_tables_are_plain_aligned_lines_when_piped(texas, monkeypatch, args):
    lines = piped(texas, monkeypatch, *args)
    assert not BOX & set("".join(lines))
    assert all(line == line.rstrip() for line in lines)
    header = next(line for line in lines if re.match(r"(id|kind|field)\s", line))
    assert "  " in header


@pytest.mark.parametrize("args", [["plan"], ["status"]], ids=" ".join)
def test_plan_and_status_piped_keep_each_line_whole(texas, monkeypatch, args):
    lines = piped(texas, monkeypatch, *args, columns="60")
    assert any(len(line) > 60 for line in lines)  # for grep: one line, one item


def test_the_demo_piped_keeps_its_lines_whole(cli, monkeypatch, tmp_path):
    lines = piped(cli, monkeypatch, "demo", "--out", str(tmp_path / "demo"))
    assert not BOX & set("".join(lines))
    assert any(len(line) > 120 for line in lines)  # not cut at 120 columns
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize("columns", [80, 120])
def test_gap_common_in_a_terminal_fits_and_gives_the_requirement_room(texas, columns):
    lines = in_a_terminal(texas, ["gap", "common"], columns)
    assert all(len(line) <= columns for line in lines)
    words_whole(lines, "Administrator / principal certification", "Years of teaching experience")
    # No requirement is folded into a narrow column: its label is on one line.
    assert any("Administrator / principal certification" in line for line in lines)
    if columns == 80:
        assert not any(line.lstrip().startswith("│") for line in lines)
        assert any(line.strip().startswith("asked by 3 of 3") for line in lines)
    else:
        assert BOX & set("".join(lines))


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("args", [["plan"], ["gap", "show", "1"], ["gap", "rerun", "1"]], ids=" ".join)
def test_a_terminal_wraps_by_words_at_its_width(texas, columns, args):
    lines = in_a_terminal(texas, args, columns)
    assert lines and all(len(line) <= columns for line in lines)
    if args == ["plan"]:
        words_whole(
            lines,
            "Agree a focus with the team and the principal, visit, give non-evaluative feedback, "
            "and bring patterns back to the PLC.",
        )
        numbered = [i for i, line in enumerate(lines) if re.match(r"\s+\[\d+\] ", line)]
        # A suggestion that wraps continues under its text, not at the left edge.
        for i in numbered:
            if i + 1 < len(lines) and lines[i + 1].strip() and not re.match(r"\s+\[\d+\]", lines[i + 1]):
                assert lines[i + 1].startswith("       ")
    if args[:2] == ["gap", "show"]:
        words_whole(lines, LONG)


def test_lists_in_a_terminal_use_its_width(texas):
    lines = in_a_terminal(texas, ["network", "list", "--due"], 80)
    assert all(len(line) <= 80 for line in lines)
    assert BOX & set("".join(lines))
