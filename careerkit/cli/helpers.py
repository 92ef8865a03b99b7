"""What every command shares: the database, output (tables, JSON), the editor, and the
error boundary. Heavy modules (rich) are imported only when something is printed."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from careerkit.errors import CareerkitError


class State:
    db_option: str | None = None


STATE = State()


def db_path() -> Path:
    from careerkit.paths import resolve_db_path

    return resolve_db_path(STATE.db_option)


def profile_day_first() -> bool:
    """Are slashed dates day first for this user (a UK profile)? Read only when a date
    like 05/03/2024 needs it; no database yet means the US reading."""
    from careerkit.dates import day_first_place

    path = db_path()
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT location FROM profile WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return day_first_place(row[0] if row else None)


def _install_date_order() -> None:
    from careerkit import dates

    dates.DAY_FIRST = profile_day_first


_install_date_order()


@contextmanager
def database(*, create: bool = True) -> Iterator[sqlite3.Connection]:
    from careerkit.store.db import connect

    conn = connect(db_path(), create=create)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def writing() -> Iterator[sqlite3.Connection]:
    """The database inside one write transaction: all of a command's writes or none."""
    from careerkit.store.db import transaction

    with database() as conn, transaction(conn):
        yield conn


def backup_path(folder: Path | None = None) -> Path:
    """A new dated file for a backup (backups/ beside the database by default); never the
    name of an earlier backup, even two in one second."""
    import time

    db = db_path()
    folder = folder or db.parent / "backups"
    stem = f"{db.stem}-{time.strftime('%Y%m%d-%H%M%S')}"
    path, n = folder / f"{stem}.db", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.db"
    return path


# -- errors -----------------------------------------------------------------------------


def fail(message: str, code: int = 1) -> None:
    """Print one clear line on stderr and stop."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _describe(exc: BaseException) -> str | None:
    if isinstance(exc, CareerkitError):
        return str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        if "locked" in text or "busy" in text:
            return "the database is busy in another careerkit command; try again in a moment"
        if "readonly" in text or "read-only" in text:
            return f"the database {db_path()} is read-only: check its permissions"
        if "disk" in text and "full" in text or "disk I/O" in text:
            return f"could not write the database {db_path()}: {text} (is the disk full?)"
        return f"database error: {text}"
    if isinstance(exc, sqlite3.DatabaseError):
        return f"{db_path()} is not a careerkit database or is damaged: {exc}"
    if isinstance(exc, PermissionError):
        return f"permission denied: {exc.filename or exc}"
    if isinstance(exc, OverflowError):
        return f"a number is too large: {exc}"
    if isinstance(exc, OSError) and exc.errno == 28:
        return "the disk is full: nothing was saved"
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return None


class BoundaryGroup(TyperGroup):
    """The root group: the one place where errors become a line on stderr and an exit code.
    Anything not recognised here is a bug and keeps its traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (CareerkitError, sqlite3.Error, OSError, OverflowError) as exc:
            message = _describe(exc)
            if message is None:
                raise
            first, _, rest = message.partition("\n")
            typer.echo(f"error: {first}", err=True)
            if rest:
                typer.echo(rest, err=True)
            raise typer.Exit(getattr(exc, "exit_code", 1)) from None


# -- output -----------------------------------------------------------------------------


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def plain() -> bool:
    """No colour or box drawing: piped, NO_COLOR, or a dumb terminal."""
    return (not sys.stdout.isatty()) or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def console(stderr: bool = False):
    from rich.console import Console

    if plain():
        return Console(
            stderr=stderr,
            no_color=True,
            highlight=False,
            emoji=False,
            color_system=None,
            width=_width(),
            soft_wrap=False,
        )
    return Console(stderr=stderr, highlight=False, emoji=False)


def _width() -> int:
    try:
        return max(80, int(os.environ.get("COLUMNS", "0")) or 120)
    except ValueError:
        return 120


def table(*columns: str, title: str | None = None):
    from rich import box
    from rich.table import Table

    t = Table(
        title=title,
        box=box.SIMPLE if plain() else box.ROUNDED,
        show_edge=not plain(),
        header_style="bold",
        title_justify="left",
        pad_edge=False,
    )
    for name in columns:
        t.add_column(name, overflow="fold")
    return t


def indented(con, markup: str, left: int, hang: int = 0) -> None:
    """A paragraph whose wrapped lines keep its indent (and hang under a label)."""
    from rich.padding import Padding
    from rich.text import Text

    text = Text.from_markup(markup)
    if not hang:
        con.print(Padding(text, (0, 0, 0, left), expand=False))
        return
    # The first `hang` characters are the label; the rest wraps under the title.
    label, rest = text[:hang], text[hang:]
    from rich.table import Table

    grid = Table.grid(padding=0)
    grid.add_column(width=hang, no_wrap=True)
    grid.add_column()
    grid.add_row(label, rest)
    con.print(Padding(grid, (0, 0, 0, left), expand=False))


def esc(text: Any) -> str:
    """User text inside rich markup: '[x]' must print as typed."""
    from rich.markup import escape

    return escape("" if text is None else str(text))


def say(message: str) -> None:
    """A short confirmation for people, on stderr so stdout stays clean for programs."""
    typer.echo(message, err=True)


def say_redacted(removed: int | None) -> None:
    """After --redact: how many names were taken out (None: --redact was not asked)."""
    if removed is not None:
        say(f"Redacted {removed} name{'' if removed == 1 else 's'}.")


# -- the editor -------------------------------------------------------------------------


def recovery_dir() -> Path:
    return db_path().parent / "recovery"


def edit_text(template: str, *, suffix: str = ".yaml") -> str | None:
    """Open $VISUAL/$EDITOR on the template; return what was saved, or None if the editor
    left it empty or unchanged."""
    import shlex
    import subprocess
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise CareerkitError(
            "no editor: set $EDITOR (for example EDITOR=nano), or give the text on the command line"
        )
    fd, name = tempfile.mkstemp(prefix="careerkit-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(template)
        try:
            result = subprocess.run(shlex.split(editor) + [str(path)])
        except OSError as e:
            raise CareerkitError(f"cannot start the editor {editor!r}: {e.strerror}") from None
        text = path.read_text(encoding="utf-8", errors="replace")
        if result.returncode != 0:
            saved = save_recovery(text) if text != template else None
            where = f"; what you typed is in {saved}" if saved else ""
            raise CareerkitError(f"the editor exited with status {result.returncode}{where}")
    finally:
        path.unlink(missing_ok=True)
    if text.strip() == template.strip() or not _meaningful(text):
        return None
    return text


def _meaningful(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def save_recovery(text: str) -> Path:
    """Keep what the user typed when the save fails, so nothing typed is lost."""
    import time

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"entry-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read_source(source: str | None) -> str:
    """Text from a file, '-' for standard input, or the editor when no source is given."""
    from careerkit.store.io import read_text

    if source == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        if isinstance(data, str):
            data = data.encode()
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CareerkitError("standard input is not UTF-8 text") from None
    if source is None:
        text = edit_text("", suffix=".txt")
        if text is None:
            raise CareerkitError("nothing was pasted: nothing to do")
        return text
    return read_text(source)
