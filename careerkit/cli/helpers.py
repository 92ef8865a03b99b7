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
from typing import Any, NoReturn

import typer

# Typer 0.26 carries its own copy of click (typer._click); its types and errors are these.
from typer._click.exceptions import Abort, ClickException, Exit, NoArgsIsHelpError, UsageError
from typer._click.types import ParamType
from typer._types import TyperChoice
from typer.core import TyperGroup

from careerkit.errors import CareerkitError


class State:
    db_option: str | None = None
    # Where the editor's text was kept when the command failed before saving it (see
    # `edited`): the boundary names it in its one line.
    kept: Path | None = None
    init: bool = False


STATE = State()


def db_path() -> Path:
    from careerkit.paths import resolve_db_path

    return resolve_db_path(STATE.db_option)


def checked_db_path(*, create: bool = True) -> Path:
    """The database path, refused if it names a folder, a device, a FIFO or a socket. A
    named path (--db, $CAREERKIT_DB) whose file does not exist is created only with --init
    or after a yes in a terminal: a mistyped path must not become a new, empty record."""
    from careerkit.paths import check_db_path, is_explicit

    path = db_path()
    check_db_path(path)
    if create and not path.exists() and is_explicit(STATE.db_option) and not STATE.init:
        named = "--db" if STATE.db_option else "$CAREERKIT_DB"
        if sys.stdin.isatty() and sys.stderr.isatty():
            if typer.confirm(f"There is no database at {path} ({named}). Create a new, empty one?", err=True):
                return path
            raise typer.Exit(1)
        raise CareerkitError(
            f"no database at {path} (named by {named}): check the path, or add --init before the "
            f"command to create it (careerkit --db {path} --init status)"
        )
    return path


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

    conn = connect(checked_db_path(create=create), create=create)
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


def fail(message: str, code: int = 1) -> NoReturn:
    """Stop the command with one clear line (exit 1, or `code`): the boundary prints it."""
    error = CareerkitError(message)
    error.exit_code = code
    raise error


def usage_error(exc: UsageError) -> NoReturn:
    """A usage error (an unknown option or command, a bad or missing argument) in one line,
    the same style as every other error, exit 2. A group called with nothing shows its help."""
    if isinstance(exc, NoArgsIsHelpError):
        raise exc
    if exc.ctx is not None and exc.message == "Missing command.":  # `careerkit --db x`: as with no words
        typer.echo(exc.ctx.get_help())
        raise typer.Exit(2)
    text = " ".join(exc.format_message().split()).rstrip(".")
    text = text[:1].lower() + text[1:]
    where = exc.ctx.command_path if exc.ctx is not None else "careerkit"
    typer.echo(f"error: {text}; see {where} --help", err=True)
    raise typer.Exit(2)


class ReportId(ParamType):
    """A saved gap report's id: '3' or '#3' (as the reports are shown)."""

    name = "integer"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lstrip("#")
        if not text.isdigit():
            self.fail(f"{value!r} is not a report id (careerkit gap list shows them)", param, ctx)
        return int(text)


class Choice(TyperChoice):
    """One of a fixed list (offered by shell completion), any case, with aliases that name the
    same choice ('markdown' for 'md'). Values come back as the canonical choice; with
    clearable, an empty value is kept (`--kind ""` clears the field on edit)."""

    def __init__(self, choices, aliases: dict[str, str] | None = None, *, clearable: bool = False):
        super().__init__(tuple(choices), case_sensitive=False)
        self.aliases = aliases or {}
        self.clearable = clearable

    def convert(self, value, param, ctx):
        if isinstance(value, str):
            folded = value.strip().lower().lstrip(".")
            if not folded and self.clearable:
                return ""
            value = self.aliases.get(folded, folded)
        return super().convert(value, param, ctx)


# The errors a command expects (the user's mistakes, the database, the disk); _describe says
# each in one line. Anything else is a bug.
EXPECTED = (CareerkitError, sqlite3.Error, OSError, OverflowError)


def _kept() -> Path | None:
    """The recovery file this command kept what was typed in (once), or None."""
    kept, STATE.kept = STATE.kept, None
    return kept


class BoundaryGroup(TyperGroup):
    """The root group: the one place where errors become a line on stderr and an exit code.
    Anything not recognised here is a bug and keeps its traceback; either way, what the user
    typed in the editor and the command did not save is kept in a recovery file."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            usage_error(exc)

    def invoke(self, ctx):
        STATE.kept = None
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            usage_error(exc)
        except (Exit, Abort, ClickException):
            raise  # click's own ways to stop: not errors of the command
        except EXPECTED as exc:
            message = _describe(exc)
            if message is None:
                self._bug()
                raise
            first, _, rest = message.partition("\n")
            saved = _kept()
            if saved and str(saved) not in first:
                first += f"; what you typed is kept in {saved}"
            typer.echo(f"error: {first}", err=True)
            if rest:
                typer.echo(rest, err=True)
            raise typer.Exit(getattr(exc, "exit_code", 1)) from None
        except Exception:
            self._bug()
            raise

    @staticmethod
    def _bug() -> None:
        saved = _kept()
        if saved:
            typer.echo(
                f"error: something went wrong (a bug in careerkit: the details follow); "
                f"what you typed is kept in {saved}",
                err=True,
            )


# -- output -----------------------------------------------------------------------------


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def plain() -> bool:
    """No colour or box drawing: piped, NO_COLOR, or a dumb terminal."""
    return (not sys.stdout.isatty()) or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def console(stderr: bool = False):
    """A rich console for people. Plain (piped, NO_COLOR, a dumb terminal): no colour and no
    boxes; a table prints as aligned lines (output.lines); text wraps at the terminal's width
    in a terminal, at $COLUMNS when it is set, and not at all otherwise (for less, grep)."""
    from rich.console import Console

    if plain():
        return _plain_console(stderr)
    return Console(stderr=stderr, highlight=False, emoji=False)


def plain_width(stderr: bool = False) -> int | None:
    """The width plain output wraps at: the terminal's own, else $COLUMNS, else None."""
    stream = sys.stderr if stderr else sys.stdout
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(20, int(columns))
    if tty:
        import shutil

        return max(20, shutil.get_terminal_size().columns)
    return None


# Rich needs a width to lay anything out; "no width" is one no line reaches.
UNBOUNDED = 100_000


def _plain_console(stderr: bool):
    from rich.console import Console
    from rich.table import Table

    class PlainConsole(Console):
        wrap_at: int | None = None

        def print(self, *objects: Any, **kwargs: Any) -> None:  # type: ignore[override]
            if len(objects) == 1 and isinstance(objects[0], Table) and objects[0].show_header:
                self._table(objects[0])
                return
            if self.wrap_at is None:
                kwargs.setdefault("soft_wrap", True)
            super().print(*objects, **kwargs)

        def _table(self, t: Table) -> None:
            from careerkit.cli import output as O

            if t.title:
                super().print(t.title, soft_wrap=True)
            headings = [_plain_text(c.header) for c in t.columns]
            cells = [[_plain_text(cell) for cell in c._cells] for c in t.columns]
            rows = [list(r) for r in zip(*cells, strict=True)]
            for line in O.lines(headings, rows, wrap=self.wrap_at):
                self.file.write(line + "\n")

    width = plain_width(stderr)
    con = PlainConsole(
        stderr=stderr,
        no_color=True,
        highlight=False,
        emoji=False,
        color_system=None,
        width=width or UNBOUNDED,
        soft_wrap=False,
    )
    con.wrap_at = width
    return con


def _plain_text(cell: Any) -> str:
    """A table cell as one line of plain text (markup read, lines joined)."""
    from rich.text import Text

    if isinstance(cell, Text):
        text = cell.plain
    elif isinstance(cell, str):
        text = Text.from_markup(cell).plain
    else:
        text = str(cell)
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


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
    if hasattr(con, "wrap_at"):  # plain: wrap by words at the plain width, or not at all
        import textwrap

        lines = [" " * left + text.plain]
        if con.wrap_at is not None:
            lines = textwrap.wrap(
                text.plain,
                con.wrap_at,
                initial_indent=" " * left,
                subsequent_indent=" " * (left + hang),
                break_on_hyphens=False,
                break_long_words=False,
            ) or [""]
        for line in lines:
            con.file.write(line.rstrip() + "\n")
        return
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


def posting_name(
    title: str | None, organization: str | None, fallback: str = "Posting", sep: str = " · "
) -> str:
    """'Assistant Principal · Round Rock ISD'; the organisation once when the title already
    names it ('Assistant Principal - Round Rock ISD')."""
    title = (title or "").strip()
    org = (organization or "").strip()
    if title and org and org.lower() in title.lower():
        org = ""
    return sep.join(x for x in (title, org) if x) or fallback


def esc(text: Any) -> str:
    """User text inside rich markup: '[x]' must print as typed, and a stored terminal
    control sequence (clear the screen, set the title) is removed, not obeyed."""
    from rich.markup import escape

    from careerkit.cli.output import displayable

    return escape(displayable("" if text is None else str(text)))


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


# A recovery file's name says what it was for: `add-accomplishment-…`, `edit-feedback-12-…`,
# `posting-…`, so `careerkit recovery retry` knows what to do with it. One that could not be
# written beside the database is left in the temporary folder under this prefix.
TEMP_PREFIX = "careerkit-recovery-"


class Edited:
    """What the editor saved (`text`; None when left empty or unchanged) and the editor's own
    file, kept until the caller has committed what was typed."""

    def __init__(self, text: str | None, path: Path, label: str):
        self.text = text
        self.path = path
        self.label = label
        self.kept: Path | None = None

    def keep(self) -> Path:
        """Keep what was typed (once) and return where: see keep_typed."""
        if self.kept is None:
            self.kept = keep_typed(self.text or "", self.label, self.path)
        return self.kept


@contextmanager
def edited(template: str, *, suffix: str = ".yaml", label: str = "entry") -> Iterator[Edited]:
    """Open $VISUAL/$EDITOR on the template. The editor's file is removed only when the
    block ends without an error (the entry is committed); on an error, what was typed is
    kept in a recovery file (the caller may already have called `keep()` to name it)."""
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
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(template)
    try:
        result = subprocess.run(shlex.split(editor) + [str(path)])
    except OSError as e:
        path.unlink(missing_ok=True)
        raise CareerkitError(f"cannot start the editor {editor!r}: {e.strerror}") from None
    text = path.read_text(encoding="utf-8", errors="replace")
    ed = Edited(text, path, label)
    if result.returncode != 0:
        saved = ed.keep() if text != template else None
        if saved != path:
            path.unlink(missing_ok=True)
        where = f"; what you typed is in {saved}" if saved else ""
        raise CareerkitError(f"the editor exited with status {result.returncode}{where}")
    if text.strip() == template.strip() or not _meaningful(text):
        ed.text = None
    try:
        yield ed
    except BaseException:
        if ed.text is not None and ed.kept is None:
            STATE.kept = ed.keep()  # the boundary's one line names it
        raise
    finally:
        if ed.kept != path:
            path.unlink(missing_ok=True)


def edit_text(template: str, *, suffix: str = ".yaml") -> str | None:
    """The editor's text alone (for callers that keep nothing of their own)."""
    with edited(template, suffix=suffix) as ed:
        return ed.text


def _meaningful(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def keep_typed(text: str, label: str, editor_file: Path | None = None) -> Path:
    """Keep what the user typed when the save fails, so nothing typed is lost: a private
    file in recovery/ beside the database; where that cannot be written (a full disk, a
    read-only folder), the editor's own file is kept in the temporary folder instead."""
    try:
        return save_recovery(text, label)
    except OSError:
        pass
    import tempfile

    folder = Path(tempfile.gettempdir())
    kept = folder / f"{TEMP_PREFIX}{_recovery_name(label)}"
    if editor_file is not None and editor_file.exists():
        try:
            os.replace(editor_file, kept)  # a rename: needs no room for the text again
            os.chmod(kept, 0o600)
            return kept
        except OSError:
            return editor_file
    _write_private(kept, text)
    return kept


def _recovery_name(label: str) -> str:
    import time

    return f"{label}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"


def save_recovery(text: str, label: str = "entry") -> Path:
    """A private file in recovery/ beside the database, written whole or not at all."""
    from careerkit.paths import ensure_private_dir

    folder = recovery_dir()
    ensure_private_dir(folder)
    path = folder / _recovery_name(label)
    _write_private(path, text)
    return path


def read_bytes(source: str, cap_of) -> bytes:
    """The bytes of a file, or of standard input for '-', but never more than cap_of(first
    bytes) + 1 of them: a 200 MB paste is refused without being read whole."""
    if source == "-":
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        if stream is None:
            data = sys.stdin.read().encode()
            return data[: cap_of(data[:8]) + 1]
        head = stream.read(8)
        return head + stream.read(cap_of(head) + 1 - len(head))
    from careerkit.paths import open_for_reading

    path = Path(source)
    with open_for_reading(path) as f:
        try:
            head = f.read(8)
            return head + f.read(cap_of(head) + 1 - len(head))
        except OSError as e:
            raise CareerkitError(f"cannot read {path}: {e.strerror}") from None


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        path.unlink(missing_ok=True)  # never a 0-byte or half file that looks like the text
        raise


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
