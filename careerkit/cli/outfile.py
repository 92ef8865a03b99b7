"""Writing a file the user named (-o, backup FILE, prep's default name) without harming
what is there: an existing file is replaced only with --force (or a yes in a terminal); a
symlink is followed and its target written; a device, FIFO or /dev/stdout is written
directly, never replaced by a file; a regular file is written atomically (a private
temporary file beside it, then a rename), mode 0600. Standard library and typer only."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from careerkit.errors import CareerkitError

PART = ".part"


def is_special(path: Path) -> bool:
    """A device, FIFO or socket (links followed), or the very file standard output or
    standard error already writes to (`-o /dev/stdout` redirected to a file)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return not stat.S_ISDIR(st.st_mode)
    for fd in (1, 2):
        try:
            other = os.fstat(fd)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def real_target(path: Path) -> Path:
    """Where a write to `path` lands: a symlink's target (followed to the end), else the path."""
    path = Path(path).expanduser()
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def check_target(
    path: Path,
    *,
    force: bool,
    shown: str | None = None,
    what: str = "file",
    kind_hint: str = "a file name",
) -> Path:
    """Refuse what cannot or must not be written; ask before replacing a file. Returns the
    path to write (a symlink's target)."""
    shown = shown or str(path)
    path = Path(path).expanduser()
    refuse_live_database(path, shown)
    if path.is_dir():
        raise CareerkitError(f"{shown} is a folder: give {kind_hint}")
    if is_special(path):
        return path
    target = real_target(path)
    if target.is_dir():
        raise CareerkitError(f"{shown} points to a folder ({target}): give {kind_hint}")
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise CareerkitError(f"cannot write {shown}: Not a directory")
    if not folder.is_dir():
        raise CareerkitError(f"no such folder: {folder}")
    if target.exists() and not force:
        if sys.stdin.isatty() and sys.stderr.isatty():
            import typer

            if not typer.confirm(f"{shown} exists. Replace it?", default=False, err=True):
                raise CareerkitError(f"{shown} exists: left as it was")
        else:
            raise CareerkitError(f"{shown} exists: add --force to replace it")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise CareerkitError(f"cannot write {shown}: Permission denied")
    return target


def database_files() -> list[Path]:
    """The database and the files SQLite keeps beside it."""
    from careerkit.cli.helpers import db_path

    db = db_path()
    return [db, *(Path(f"{db}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]


def refuse_live_database(path: Path, shown: str) -> None:
    """Writing over the live database or its -wal/-shm/-journal (by its name or through a
    link) would swap the record under other commands, or turn a backup into a WAL."""
    files = database_files()
    db = files[0]
    real = os.path.realpath(path)
    for live in files:
        same = os.path.realpath(live) == real
        if not same and live.exists() and path.exists():
            try:
                same = os.path.samefile(live, path)
            except OSError:
                same = False
        if same:
            what = "the database itself" if live == db else f"the database's {live.name[len(db.name) :]} file"
            named = "" if os.path.realpath(shown) == os.path.realpath(db) and live == db else f" ({db})"
            raise CareerkitError(f"{shown} is {what}{named}: give another file name")


def part_name(target: Path) -> Path:
    """This process's own temporary name beside the target."""
    return target.with_name(f".{target.name}.{os.getpid()}{PART}")


def remove_stale_parts(target: Path) -> list[Path]:
    """Temporary files an interrupted write to `target` left (their process is gone)."""
    from careerkit.store.doctor import stale_parts_in

    removed = []
    for p in stale_parts_in(target.parent, prefixes=(f".{target.name}.", f"{target.name}.")):
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            continue
    return removed


def check_output(output: str | None, *, force: bool, example: str | None = None) -> None:
    """Before the work: refuse an -o that cannot or must not be written, and ask before
    replacing a file (the answer stands for the write after it). None and "-" are standard
    output. example: a file name to suggest when -o names a folder."""
    if output is None or output == "-":
        return
    path = Path(output).expanduser()
    hint = f"a file name, such as {path / example}" if example else "a file name"
    check_target(path, force=force, shown=output, kind_hint=hint)


def write_output(
    path: Path,
    data: str | bytes | Iterable[str],
    *,
    force: bool,
    shown: str | None = None,
) -> Path:
    """Check the target, then write `data` to it (see the module's note). Returns the path written."""
    target = check_target(path, force=force, shown=shown)

    def fill(f) -> None:
        if isinstance(data, bytes):
            f.write(data)
        elif isinstance(data, str):
            f.write(data.encode("utf-8"))
        else:  # text chunks, written as they come (an export streams)
            for chunk in data:
                f.write(chunk.encode("utf-8"))

    if is_special(target):
        write_special(target, fill, shown=shown or str(path))
        return target
    write_atomic(target, fill, shown=shown or str(path))
    return target


def write_special(target: Path, fill: Callable, *, shown: str) -> None:
    """A device, FIFO or the terminal: opened and written as it is, never replaced."""
    try:
        with open(target, "wb") as f:
            fill(f)
            f.flush()
    except BrokenPipeError:
        return
    except OSError as e:
        raise _named(e, shown) from None


def write_atomic(target: Path, fill: Callable, *, shown: str) -> None:
    """A private temporary file beside the target, filled, synced and renamed over it."""
    remove_stale_parts(target)
    tmp = part_name(target)
    tmp.unlink(missing_ok=True)
    try:
        # Created fresh (O_EXCL, no symlink followed): never written through a planted link.
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise _named(e, shown) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _named(e: OSError, shown: str) -> CareerkitError:
    """The error in words that name the user's file, not the temporary one beside it."""
    if e.errno == errno.ENOSPC:
        return CareerkitError(f"the disk is full: could not write {shown} (nothing was replaced)")
    return CareerkitError(f"cannot write {shown}: {e.strerror or e}")
