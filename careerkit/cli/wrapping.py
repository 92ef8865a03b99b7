"""Plain lines for people: in a terminal, a long line wraps under its own text (after its
indent, number or label) instead of at the left edge; piped, lines stay whole for grep.

Plain text and the standard library only: `status` is on the start-up budget."""

from __future__ import annotations

import re
import shutil
import sys
import textwrap

_STYLE = re.compile(r"\x1b\[[0-9;]*m")
_STYLED = re.compile(r"(\x1b\[[0-9;]*m)([^\x1b]+)(\x1b\[0m)")
# What a continuation line hangs under: an indent, then a list mark ("- ", "1. ", "[3] "),
# an id column ("  12  "), or a label followed by two spaces ("Goals    ").
_LEAD = re.compile(r"^\s*(?:(?:[-•]|\[\d+\]|\d+\.)\s+|\S+\s{2,})?")


def echo_lines(lines: list[str]) -> None:
    import typer

    if sys.stdout.isatty():
        width = shutil.get_terminal_size().columns
        lines = [part for line in lines for part in hang(line, width)]
    typer.echo("\n".join(lines))


def hang(line: str, width: int) -> list[str]:
    """`line` cut to `width` columns, continuation lines indented under its text."""
    visible = _STYLE.sub("", line)
    if len(visible) <= width or width < 30:
        return [line]
    found = _LEAD.match(visible)
    lead = found.end() if found else 0
    if lead > width // 2:
        lead = len(visible) - len(visible.lstrip())
    # textwrap keeps the first line's own indent; later lines take `lead`.
    parts = textwrap.wrap(visible, width, subsequent_indent=" " * lead, break_on_hyphens=False)
    return _restyle(line, parts)


def _restyle(line: str, parts: list[str]) -> list[str]:
    """Put back the styled words (bold labels) where they first appear."""
    for start, words, end in _STYLED.findall(line):
        for i, part in enumerate(parts):
            if words in part:
                parts[i] = part.replace(words, start + words + end, 1)
                break
    return parts
