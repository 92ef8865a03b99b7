"""`careerkit import` and `careerkit export`: the career file (YAML or JSON)."""

from __future__ import annotations

import sys
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
    overwrite_profile: bool = typer.Option(
        False,
        "--overwrite-profile",
        help="Take the file's profile fields where they differ from yours (default: ask in a terminal, else refuse).",
    ),
) -> None:
    import io as _io
    import sys

    from careerkit.errors import InvalidInput
    from careerkit.formats import career_file as CF
    from careerkit.store import io

    if fmt and fmt not in ("yaml", "json", *EXTRA_IMPORTS):
        raise InvalidInput(f"unknown format {fmt!r}: use " + ", ".join(["yaml", "json", *EXTRA_IMPORTS]))
    _new_record_by_import()
    name = "standard input" if file == "-" else Path(file).name
    if file == "-":
        stdin_text = C.read_source("-")
        if not fmt:
            fmt = "json" if stdin_text.lstrip().startswith("{") else "yaml"
        stream = _io.BytesIO(stdin_text.encode("utf-8", "surrogatepass"))
    elif _is_age(file):
        from careerkit.store import crypto

        plain_bytes = crypto.age_decrypt(Path(file).read_bytes(), crypto.age_passphrase(confirm=False), name)
        if not fmt:
            fmt = "json" if plain_bytes.lstrip().startswith(b"{") else "yaml"
        stream = _io.BytesIO(plain_bytes)
    else:
        fmt = io.format_for(file, fmt)
        stream = None
    notes: list[str] = []
    if fmt in EXTRA_IMPORTS:
        import importlib

        text = io.read_text(file, stdin_text if file == "-" else None)
        module, func = EXTRA_IMPORTS[fmt]
        career, notes = _career_and_notes(getattr(importlib.import_module(module), func)(text, name))
        items = _items_of(career.model_dump(mode="json", by_alias=True, exclude_defaults=False))
    else:
        source = stream or io.open_binary(file)
        items = CF.read_items(source, fmt, name, label=None if file == "-" else str(Path(file)))

    def confirm(conflicts: list[str]) -> bool:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            return False
        C.say(f"{name} would change your profile:\n  " + "\n  ".join(conflicts))
        return typer.confirm("Take the file's values?", default=False, err=True)

    backup = None
    try:
        with C.database() as conn:
            from careerkit.store.db import backup_to, transaction

            if replace or not io.record_empty(conn):
                # Any import that may change what is there takes a backup first.
                backup = C.backup_path()
                try:
                    backup_to(conn, backup)
                except OSError as e:
                    import errno

                    why = (
                        "the folder is read-only"
                        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
                        else e.strerror or str(e)
                    )
                    raise InvalidInput(
                        f"cannot back up the record before the import ({backup.parent}: {why}); "
                        "nothing imported"
                    ) from None
            try:
                with transaction(conn):
                    result = io.import_stream(
                        conn,
                        items,
                        name,
                        replace=replace,
                        overwrite_profile=overwrite_profile,
                        confirm=confirm,
                    )
            except BaseException:
                if backup is not None:  # nothing changed: the backup would only confuse
                    backup.unlink(missing_ok=True)
                    try:
                        backup.parent.rmdir()  # the folder, if this made it and it is empty
                    except OSError:
                        pass
                raise
    finally:
        if stream is not None:
            stream.close()
    counts = {k: v for k, v in result.counts.items() if k not in ("profile", "settings")}
    total = sum(counts.values())
    parts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items() if v)
    profile = {
        "set": " and the profile",
        "filled": " and filled profile fields: " + ", ".join(result.filled),
        "overwritten": " and updated profile fields: " + ", ".join(result.filled),
    }.get(result.profile or "", "")
    C.say(
        f"Imported {total} entr{'y' if total == 1 else 'ies'}"
        + (f" ({parts})" if parts else "")
        + profile
        + "."
    )
    if result.remapped:
        C.say("New ids were given to the entries of " + ", ".join(result.remapped) + " (links follow them).")
    if result.kept_settings:
        C.say("Kept your settings where the file differs: " + ", ".join(result.kept_settings))
    for note in notes:
        C.say(note)
    if backup:
        C.say(f"The record before the import is saved in {backup}")
    sys.stdout.flush()


def _career_and_notes(value):
    """An importer returns a CareerFile, or (CareerFile, notes to print)."""
    if isinstance(value, tuple):
        return value[0], list(value[1])
    return value, []


def _items_of(data: dict):
    """A whole dict as the stream read_items yields."""
    from careerkit.formats.career_file import START

    for key, value in data.items():
        if isinstance(value, list):
            yield key, START, None
            for i, entry in enumerate(value):
                yield key, i, entry
        elif value is not None:
            yield key, None, value


def _is_age(file: str) -> bool:
    """A career file written by `export --encrypt`."""
    from careerkit.store.crypto import AGE_HEADER

    try:
        with open(file, "rb") as f:
            return f.read(len(AGE_HEADER)) == AGE_HEADER
    except OSError:
        return False  # the import says what is wrong with the path


def _new_record_by_import() -> None:
    """Importing into a named path that does not exist yet makes a new record there, as
    asked (moving to a new computer): --init is implied, but only in a folder that exists, so
    a mistyped folder is still an error; the new file is named on stderr."""
    path = C.db_path()
    if not C.STATE.init and not path.exists() and path.parent.is_dir():
        C.STATE.init = True
        C.say(f"A new record: {path}")


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
    encrypt: bool = typer.Option(
        False, "--encrypt", help="Encrypt the career file with a passphrase (age; careerkit[encrypt])."
    ),
    plain: bool = typer.Option(
        False, "--plain", help="An encrypted record's export in plain text, without asking."
    ),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.store import io

    removed = None
    if output == "-":
        output = None  # '-' is standard output, as for import
    from careerkit.cli.outfile import check_output

    check_output(output, force=force, example="career.yaml")
    if fmt is None and output and Path(output).suffix.lower()[1:] in EXTRA_EXPORTS:
        fmt = Path(output).suffix.lower()[1:]
    if fmt is None:
        fmt = (
            io.format_for(output, None)
            if output and Path(output).suffix.lower() in (".yaml", ".yml", ".json")
            else "yaml"
        )
    _check_plain_export(fmt, encrypt, plain, output)
    if fmt in EXTRA_EXPORTS:
        import importlib

        module, func = EXTRA_EXPORTS[fmt]
        if redact:
            raise InvalidInput(f"--redact works with yaml and json exports, not {fmt}")
        with C.database() as conn:
            data = getattr(importlib.import_module(module), func)(conn, include_private=bool(include_private))
    elif fmt in ("yaml", "json"):
        from careerkit.formats.career_file import write_stream

        redactor = None
        with C.database() as conn:
            if redact:
                from careerkit.redact import Redactor

                redactor = Redactor(io.people_names(conn))
            items = io.export_items(conn, include_private=include_private is not False, redactor=redactor)
            chunks = write_stream(items, fmt)
            _write(output, _age_file("".join(chunks)) if encrypt else chunks)
        C.say_redacted(redactor.count if redactor is not None else None)
        return
    else:
        raise InvalidInput(f"unknown format {fmt!r}: use " + ", ".join(["yaml", "json", *EXTRA_EXPORTS]))
    _write(output, data)
    C.say_redacted(removed)


def _check_plain_export(fmt: str | None, encrypt: bool, plain: bool, output: str | None) -> None:
    """An encrypted record's export stays encrypted unless asked: --encrypt, or --plain (or a
    yes in a terminal) for plain text."""
    from careerkit.errors import InvalidInput
    from careerkit.store import crypto

    if encrypt:
        if fmt not in ("yaml", "json"):
            raise InvalidInput(f"--encrypt works with yaml and json exports, not {fmt}")
        crypto.age_passphrase_available()
        if output is None and sys.stdout.isatty():
            raise InvalidInput("an encrypted career file is binary: give -o FILE")
        return
    if plain or not crypto.looks_encrypted(C.db_path()):
        return
    if sys.stdin.isatty() and sys.stderr.isatty():
        if typer.confirm("The record is encrypted. Write this export in plain text?", err=True):
            return
        raise typer.Exit(1)
    raise InvalidInput(
        "the record is encrypted: add --encrypt for an encrypted career file, or --plain to write it in plain text"
    )


def _age_file(text: str) -> bytes:
    from careerkit.store import crypto

    return crypto.age_encrypt(text.encode("utf-8"), crypto.age_passphrase(confirm=True))


def _write(output: str | None, data) -> None:
    """To the file (atomically, 0600; its replacing was agreed before the work) or standard
    output; data is text, bytes or text chunks."""
    if output:
        from careerkit.cli.outfile import write_output

        write_output(Path(output), data, force=True, shown=output)
        C.say(f"Wrote {output}")
        return
    import sys

    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    elif isinstance(data, str):
        sys.stdout.write(data)
    else:
        for chunk in data:
            sys.stdout.write(chunk)


def write_private(path: Path, data) -> None:
    """Write a file careerkit names itself (demo's folder): atomically, mode 0600, a
    special file written directly. Files the user names go through outfile.write_output,
    which refuses to replace one without --force."""
    from careerkit.cli.outfile import write_output

    write_output(Path(path).expanduser(), data, force=True)
