"""`careerkit import` and `careerkit export`: the career file (YAML or JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C

# Formats other layers add (jsonresume, ics): name -> (module, exporter function name).
EXTRA_EXPORTS: dict[str, tuple[str, str]] = {
    "ics": ("careerkit.cli.commands.growth", "export_ics"),
    "jsonresume": ("careerkit.cli.commands.documents", "export_jsonresume"),
}
EXTRA_IMPORTS: dict[str, tuple[str, str]] = {
    "jsonresume": ("careerkit.cli.commands.documents", "import_jsonresume")
}


def register(app: typer.Typer) -> None:
    app.command(
        "import",
        help="Read a career file (YAML or JSON) into the database: all or nothing. "
        "Adds to what is there; --replace replaces it after a backup.",
    )(import_)
    app.command("export", help="Write the whole record as a career file (YAML or JSON).")(export)


def import_(
    file: str = typer.Argument(
        ..., metavar="FILE", help="A .yaml/.yml or .json career file, or - for standard input."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=C.Choice(("yaml", "json", *EXTRA_IMPORTS), {"yml": "yaml"}),
        help="yaml, json or jsonresume (default: from the file name).",
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Replace the whole record (a backup is taken first)."
    ),
) -> None:
    import sys

    from careerkit.errors import InvalidInput
    from careerkit.store import io

    stdin_text = C.read_source("-") if file == "-" else None
    if file == "-" and not fmt:
        fmt = "json" if (stdin_text or "").lstrip().startswith("{") else "yaml"
    fmt = io.format_for(file, fmt)
    text = io.read_text(file, stdin_text)
    name = "standard input" if file == "-" else Path(file).name
    if fmt in EXTRA_IMPORTS:
        import importlib

        module, func = EXTRA_IMPORTS[fmt]
        career = getattr(importlib.import_module(module), func)(text, name)
    else:
        data = io.parse_career_text(text, fmt, name)
        if "careerkit" not in data and "basics" in data and "jsonresume" in EXTRA_IMPORTS:
            raise InvalidInput(f"{name} looks like a JSON Resume: import it with --format jsonresume")
        career = io.validate_career(data, name)
    backup = None
    with C.database() as conn:
        if replace:
            backup = C.backup_path()
            from careerkit.store.db import backup_to

            backup_to(conn, backup)
        from careerkit.store.db import transaction

        with transaction(conn):
            counts = io.import_career(conn, career, replace=replace)
    total = sum(v for k, v in counts.items() if k != "profile")
    parts = ", ".join(f"{v} {k}" for k, v in counts.items() if v and k != "profile")
    C.say(
        f"Imported {total} entr{'y' if total == 1 else 'ies'}"
        + (f" ({parts})" if parts else "")
        + (" and the profile" if counts.get("profile") else "")
        + "."
    )
    if backup:
        C.say(f"The record before the import is saved in {backup}")
    sys.stdout.flush()


def export(
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here (default: standard output)."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=C.Choice(("yaml", "json", *EXTRA_EXPORTS), {"yml": "yaml"}),
        help="yaml, json, jsonresume or ics (default: from -o's name, else yaml).",
    ),
    include_private: Optional[bool] = typer.Option(
        None,
        "--include-private/--no-private",
        help="Private entries are in the backup format (yaml, json) by default; --no-private leaves them out. Other formats (jsonresume) leave them out unless --include-private.",
    ),
    redact: bool = typer.Option(
        False,
        "--redact",
        help="Leave out other people's names: who gave feedback, your network, students and parents named in the text.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.cli.outfile import check_target
    from careerkit.errors import InvalidInput
    from careerkit.store import io

    removed = None
    if output == "-":
        output = None  # '-' is standard output, as for import
    if output:
        check_target(Path(output), force=force, shown=output)
        force = True  # asked (or told) once, before the work
    if fmt is None and output and Path(output).suffix.lower()[1:] in EXTRA_EXPORTS:
        fmt = Path(output).suffix.lower()[1:]
    if fmt is None:
        fmt = (
            io.format_for(output, None)
            if output and Path(output).suffix.lower() in (".yaml", ".yml", ".json")
            else "yaml"
        )
    if fmt in EXTRA_EXPORTS:
        import importlib

        module, func = EXTRA_EXPORTS[fmt]
        if redact:
            raise InvalidInput(f"--redact works with yaml and json exports, not {fmt}")
        with C.database() as conn:
            data = getattr(importlib.import_module(module), func)(conn, include_private=bool(include_private))
    elif fmt in ("yaml", "json"):
        with C.database() as conn:
            record = io.export_dict(conn, include_private=include_private is not False)
        if redact:
            from careerkit.redact import redact_career

            record, removed = redact_career(record)
        data = io.dump(record, fmt)
    else:
        raise InvalidInput(f"unknown format {fmt!r}: use " + ", ".join(["yaml", "json", *EXTRA_EXPORTS]))
    if output:
        from careerkit.cli.outfile import write_output

        write_output(Path(output), data, force=force, shown=output)
        C.say(f"Wrote {output}")
    else:
        import sys

        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
    C.say_redacted(removed)


def write_private(path: Path, data: str | bytes) -> None:
    """Write a file careerkit names itself (demo's folder): atomically, mode 0600, a
    special file written directly. Files the user names go through outfile.write_output,
    which refuses to replace one without --force."""
    from careerkit.cli.outfile import write_output

    write_output(Path(path).expanduser(), data, force=True)
