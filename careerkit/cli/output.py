"""Rows for people, fast: one line per row in aligned columns, written as they are made.

This is what `list` and `search` print when the output is not a rich table: always when piped
or NO_COLOR is set (plain text, greppable, one record a line), and in a terminal when more
rows are asked for than a table is worth (rich lays a table out at about a millisecond a row).

Cells are plain text or a list of (text, style) pieces; styles are used only in colour.
Standard library only: a piped `wins list` does not import rich."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Union

Cell = Union[str, Sequence[tuple[str, Union[str, None]]]]

# How many rows a terminal shows by default, and the most it shows as a rich table.
TERMINAL_ROWS = 100
# A column is padded to its widest cell up to this width; a longer cell is written whole
# and pushes the rest of its line along (nothing is cut: grep sees all of it).
MAX_PAD = 60
# In a terminal: room kept for the last column before it wraps under itself, and the
# narrowest a padded column is made to leave that room.
LAST_ROOM = 30
MIN_PAD = 12
GAP = "  "

_ANSI = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "bold reverse": "1;7"}
# Newlines, tabs and other control characters become spaces: one row, one line.
_ONE_LINE = {c: " " for c in [*range(32), 127, *range(0x80, 0xA0)]}
_ESCAPES = re.compile(r"\x1b\[[0-9;]*m")
# Terminal control sequences stored in the text (pasted, imported): CSI (colours, clearing
# the screen, moving the cursor), OSC (window titles, links) and two-character escapes.
# Shown to people they are removed, never sent to the terminal.
CONTROL_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[@-_]?"
)


def interactive() -> bool:
    """Is a person reading stdout in a terminal (so a long list is cut to a screenful)?"""
    return sys.stdout.isatty()


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size().columns


def text_of(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "".join(t for t, _ in cell)


def one_line(text: str) -> str:
    return text if text.isprintable() else CONTROL_SEQUENCES.sub("", text).translate(_ONE_LINE)


# Control characters other than newline and tab, for text that may keep its lines.
_CONTROLS = {c: " " for c in [*range(9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)]}


def displayable(text: str) -> str:
    """Text for a terminal: control sequences removed, other control characters made spaces;
    newlines and tabs kept."""
    if text.isprintable():
        return text
    return CONTROL_SEQUENCES.sub("", text).translate(_CONTROLS)


def width(text: str) -> int:
    """Columns the text takes in a terminal (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return n


def paint(text: str, style: str | None) -> str:
    code = _ANSI.get(style or "")
    return f"\x1b[{code}m{text}\x1b[0m" if code else text


def _styled(cell: Cell) -> str:
    if isinstance(cell, str):
        return one_line(cell)
    return "".join(paint(one_line(t), s) for t, s in cell)


def lines(
    headings: Sequence[str], rows: Sequence[Sequence[Cell]], *, colour: bool = False, wrap: int | None = None
) -> Iterable[str]:
    """The header and one aligned line per row. Every column but the last is padded to its
    widest cell (at most MAX_PAD); the last is never padded, so no line ends in spaces.

    `wrap` (a terminal's width): columns are narrowed to leave the last one room, and a row
    that does not fit folds its long cells onto more lines, each under its own column, like
    a table without borders. Piped, lines never fold: one record, one line."""
    texts = [[one_line(text_of(c)) for c in row] for row in rows]
    last = len(headings) - 1
    pads = []
    for i, heading in enumerate(headings[:-1]):
        widest = max([width(heading)] + [width(r[i]) for r in texts])
        pads.append(min(widest, MAX_PAD))
    room = None
    if wrap is not None:
        budget = wrap - LAST_ROOM - len(GAP) * len(pads)
        while pads and sum(pads) > budget and max(pads) > MIN_PAD:
            pads[pads.index(max(pads))] -= 1
        room = wrap - sum(pads) - len(GAP) * len(pads)
        if room < MIN_PAD:
            room = None  # too narrow to fold under the columns: the terminal wraps the line

    def line(cells: Sequence[str], shown: Sequence[Cell]) -> str:
        if room is not None and (
            width(cells[last]) > room
            or any(width(t) > pad for t, pad in zip(cells, pads, strict=False))  # no pad for the last
        ):
            return _fold(cells, shown, pads, room, colour)
        out = []
        for i, (text, show) in enumerate(zip(cells, shown, strict=True)):
            out.append(_styled(show) if colour else text)
            if i < last:
                out.append(" " * (pads[i] - width(text)) + GAP)
        return "".join(out).rstrip()

    yield line(headings, [[(h, "bold")] for h in headings])
    for row, plain in zip(rows, texts, strict=True):
        yield line(plain, row)


def _fold(cells: Sequence[str], shown: Sequence[Cell], pads: list[int], room: int, colour: bool) -> str:
    """One row on as many lines as its longest cell needs, each cell wrapped in its column.
    A cell in one style keeps it on every line; one in several is folded without them."""
    import textwrap

    widths = pads + [room]
    columns = []
    for text, show, w in zip(cells, shown, widths, strict=True):
        if width(text) <= w:
            columns.append([_styled(show) if colour else text])
            continue
        styles = {None} if isinstance(show, str) else {s for _, s in show}
        style = styles.pop() if colour and len(styles) == 1 else None
        columns.append([paint(part, style) for part in textwrap.wrap(text, w) or [""]])
    plain = [[_plain_width(part) for part in col] for col in columns]
    out = []
    for j in range(max(len(c) for c in columns)):
        parts = []
        for i, (col, w) in enumerate(zip(columns, widths, strict=True)):
            part = col[j] if j < len(col) else ""
            parts.append(part)
            if i < len(pads):
                used = plain[i][j] if j < len(col) else 0
                parts.append(" " * (w - used) + GAP)
        out.append("".join(parts).rstrip())
    return "\n".join(out)


def _plain_width(text: str) -> int:
    return width(_ESCAPES.sub("", text)) if "\x1b" in text else width(text)


def write(text_lines: Iterable[str]) -> None:
    """Write lines to stdout in chunks as they come. When the reader goes away
    (`careerkit wins list | head`) stop quietly: they have what they wanted."""
    out = sys.stdout
    chunk: list[str] = []
    try:
        for text in text_lines:
            chunk.append(text)
            if len(chunk) >= 500:
                out.write("\n".join(chunk) + "\n")
                chunk.clear()
        if chunk:
            out.write("\n".join(chunk) + "\n")
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
        import typer

        raise typer.Exit(0) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the flush at exit does not complain about the pipe."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def number(value: Any) -> str:
    """1234 -> '1,234'; 13.5 -> '13.5'; 2310.0 -> '2,310' (no exponent at any size)."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")
