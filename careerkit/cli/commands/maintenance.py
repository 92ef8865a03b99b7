"""`careerkit backup` and `careerkit doctor`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C


def register(app: typer.Typer) -> None:
    app.command("backup", help="Copy the database safely, even while another command writes.")(backup)
    app.command(
        "doctor",
        help="Check the database: integrity, search index, permissions, schema. --fix repairs what it can.",
    )(doctor)


def backup(
    file: Optional[str] = typer.Argument(
        None,
        metavar="FILE",
        help="Where to write the copy (default: a dated file in backups/ beside the database). "
        "A folder gets a dated file in it; a device or FIFO (/dev/stdout) is written directly.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Checks the database's integrity first: a whole database is copied with SQLite's online
    backup; a damaged one has what can be read copied to the new file, and says so (exit 1)."""
    from careerkit.cli.outfile import check_target, is_special, refuse_live_database
    from careerkit.paths import ensure_private_dir

    db = C.checked_db_path(create=False)
    shown = file or ""
    if file:
        target = Path(file).expanduser()
        refuse_live_database(target, file)
        if target.is_dir():
            target = C.backup_path(target)
            shown = str(target)
        else:
            if not target.is_symlink() and not target.parent.exists():
                ensure_private_dir(target.parent)
            target = check_target(target, force=force, shown=file)
    else:
        target = C.backup_path()
        shown = str(target)
        ensure_private_dir(target.parent)
    _remove_stale_parts(db, target)
    special = is_special(target)
    work = _scratch(db) if special else target
    damaged = _copy(db, work, shown)
    if special:
        _pour(work, target, shown)
    if damaged is None:
        C.say(f"Backed up {db} to {shown} (integrity check: ok)")
        return
    problems, recovered = damaged
    if recovered is None:
        C.fail(f"{db} is damaged ({problems[0]}) and nothing in it could be read: no backup was written")
    C.say(f"warning: the integrity check found damage in {db}: {problems[0]}")
    tables = ", ".join(f"{n} {t}" for t, n in recovered.rows.items())
    C.say(f"Copied what could be read to {shown} with {recovered.route}: {recovered.total} rows ({tables}).")
    for p in recovered.problems[:10]:
        C.say(f"  could not read: {p}")
    C.fail(
        f"{db} is damaged: {shown} holds what could be read; check it with "
        f"`careerkit --db {shown} doctor` before using it in place of the damaged file"
        if not special
        else f"{db} is damaged: what could be read was written to {shown}"
    )


def _copy(db: Path, target: Path, shown: str):
    """Back up `db` to `target` (a regular file). None when the database was whole; else the
    integrity problems and what the recovery copied."""
    from careerkit.store.db import DamagedDatabase, backup_to, connect, integrity_problems

    try:
        conn = connect(db, create=False)
    except DamagedDatabase as e:
        with open(db, "rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise  # not a database at all: nothing to recover
        problems = [str(e).split(" (careerkit doctor")[0].replace(f"{db} is damaged: ", "")]
    else:
        try:
            problems = integrity_problems(conn)
            if not problems:
                backup_to(conn, target, shown=shown)
                return None
        finally:
            conn.close()
    return problems, _recover(db, target, shown)


def _recover(db: Path, target: Path, shown: str):
    import os

    from careerkit.store.db import _backup_problem
    from careerkit.store.recover import recover

    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    tmp.unlink(missing_ok=True)
    try:
        result = recover(db, tmp)
        if not result.total:
            tmp.unlink(missing_ok=True)
            return None
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise C.CareerkitError(_backup_problem(e, shown)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _scratch(db: Path) -> Path:
    """Where a backup bound for a device or FIFO is made first (SQLite writes a file)."""
    import os

    return db.with_name(f".{db.name}.backup.{os.getpid()}.part")


def _pour(work: Path, target: Path, shown: str) -> None:
    """Copy the finished backup into a device or FIFO, then remove the scratch file."""
    import shutil

    from careerkit.cli.outfile import write_special

    try:
        with open(work, "rb") as src:
            write_special(target, lambda f: shutil.copyfileobj(src, f), shown=shown)
    finally:
        work.unlink(missing_ok=True)


def _remove_stale_parts(db: Path, target: Path) -> None:
    """Temporary files a killed backup or export left: beside the database, in backups/,
    and beside this target."""
    from careerkit.store.doctor import stale_parts, stale_parts_in

    for p in stale_parts(db) + stale_parts_in(
        target.parent, prefixes=(f"{target.name}.", f".{target.name}.")
    ):
        p.unlink(missing_ok=True)


def doctor(
    fix: bool = typer.Option(False, "--fix", help="Repair what can be repaired."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.store.doctor import check, repair

    path = C.db_path()
    findings = check(path)
    fixed = repair(path, findings) if fix else []
    if as_json:
        C.print_json({"database": str(path), "findings": findings, "fixed": fixed})
    else:
        out = C.console()
        out.print(f"Database: {C.esc(path)}")
        for f in findings:
            mark = {"ok": "[green]ok[/]", "problem": "[red]problem[/]", "warning": "[yellow]warning[/]"}[
                f["status"]
            ]
            fixing = ""
            if f["status"] != "ok" and f.get("fix"):
                fixing = f" — {'fixed' if f['name'] in fixed else 'would fix: ' + C.esc(f['fix'])}"
            out.print(f"  {mark}  {C.esc(f['name'])}: {C.esc(f['detail'])}{fixing}")
        if any(f["status"] != "ok" and f.get("fix") for f in findings) and not fix:
            out.print("Run `careerkit doctor --fix` to repair what can be repaired.")
    if any(f["status"] == "problem" and f["name"] not in fixed for f in findings):
        raise typer.Exit(1)
