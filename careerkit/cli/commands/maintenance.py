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
        help="Where to write the copy (default: a dated file in backups/ beside the database).",
    ),
) -> None:
    from careerkit.store.db import backup_to

    target = Path(file).expanduser() if file else C.backup_path()
    if target.is_dir():
        target = C.backup_path(target)
    with C.database(create=False) as conn:
        backup_to(conn, target)
    C.say(f"Backed up {C.db_path()} to {target}")


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
