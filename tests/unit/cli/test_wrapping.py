"""cli/wrapping.py: a long line cut to the terminal's width, continuation lines under its
text. Through the command line in a terminal: tests/cli/test_terminal_wrapping.py."""

from __future__ import annotations

from careerkit.cli.wrapping import hang

LONG_GOAL = (
    "Lead the master schedule build with the principal for the whole of next year, "
    "including the electives rotation and the intervention block"
)


def test_a_long_line_hangs_under_its_label():
    line = "Goals    " + "word " * 30
    parts = hang(line, 50)
    assert len(parts) > 1
    assert all(len(p) <= 50 for p in parts)
    assert all(p.startswith(" " * 9) and p[9] != " " for p in parts[1:])


def test_numbered_and_bulleted_lines_hang_under_the_text():
    parts = hang("   [12] stretch: " + "lead a pilot " * 8, 40)
    assert all(p.startswith(" " * 8) and p[8] != " " for p in parts[1:])
    parts = hang("        - " + "supervise the transportation " * 4, 40)
    assert all(p.startswith(" " * 10) for p in parts[1:])


def test_bold_labels_keep_their_style():
    parts = hang("\x1b[1mRecord\x1b[0m   " + "entry " * 20, 40)
    assert parts[0].startswith("\x1b[1mRecord\x1b[0m")
    assert "\x1b" not in "".join(parts[1:])


def test_short_lines_and_narrow_terminals_are_left_alone():
    assert hang("Goals    none due", 80) == ["Goals    none due"]
    assert hang("x " * 40, 20) == ["x " * 40]
