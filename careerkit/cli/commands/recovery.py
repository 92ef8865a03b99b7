"""`careerkit recovery list|retry|rm`: what was typed into the editor and could not be saved
(an entry, an edit, a pasted posting), kept in recovery/ beside the database or, when that
could not be written, in the temporary folder. `retry` saves it again; `--edit` opens it in
the editor first to fix what made it fail."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

import typer

from careerkit.cli import helpers as C

# add-accomplishment-20240312-101500-123.txt, edit-feedback-12-…, posting-…
_NAME = re.compile(
    r"^(?:add-(?P<add>[a-z]+)|edit-(?P<edit>[a-z]+)-(?P<id>\d+)|(?P<posting>posting)|entry)-(?P<when>\d{8}-\d{6})-\d+\.txt$"
)


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="What you typed in the editor and could not be saved: list it, save it again, or remove it.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    sub.command("list", help="List the recovery files, newest first, with what each was for.")(list_)
    sub.command(
        "retry",
        help="Save a recovery file again (an entry, an edit or a posting to analyse); --edit opens it in "
        "$EDITOR first. It is removed once saved.",
    )(retry)
    sub.command("rm", help="Remove a recovery file you no longer need.")(rm)
    app.add_typer(sub, name="recovery")


def files() -> list[dict[str, Any]]:
    """Every recovery file careerkit can find for this database, newest first, numbered."""
    import tempfile

    found: list[tuple[Path, str]] = []
    folder = C.recovery_dir()
    if folder.is_dir():
        found += [(p, p.name) for p in folder.iterdir() if p.is_file()]
    temp = Path(tempfile.gettempdir())
    try:
        found += [
            (p, p.name[len(C.TEMP_PREFIX) :])
            for p in temp.iterdir()
            if p.name.startswith(C.TEMP_PREFIX) and p.is_file() and p.stat().st_uid == _uid()
        ]
    except OSError:
        pass
    rows = []
    for path, name in found:
        m = _NAME.match(name)
        if m is None:
            continue
        if m["add"]:
            what, kind, record_id = "add", m["add"], None
        elif m["edit"]:
            what, kind, record_id = "edit", m["edit"], int(m["id"])
        elif m["posting"]:
            what, kind, record_id = "posting", None, None
        else:
            what, kind, record_id = "add", "accomplishment", None  # before names said what
        rows.append(
            {
                "path": str(path),
                "what": what,
                "kind": kind,
                "id": record_id,
                "saved": f"{m['when'][:4]}-{m['when'][4:6]}-{m['when'][6:8]} {m['when'][9:11]}:{m['when'][11:13]}",
                "first_line": _first_line(path),
            }
        )
    rows.sort(key=lambda r: (r["saved"], r["path"]), reverse=True)
    for n, row in enumerate(rows, 1):
        row["number"] = n
    return rows


def _uid() -> int:
    import os

    return os.getuid() if hasattr(os, "getuid") else 0


def _first_line(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return " ".join(line.split())[:80]
    return ""


def _describe(row: dict[str, Any]) -> str:
    if row["what"] == "posting":
        return "a posting to analyse"
    if row["what"] == "edit":
        return f"an edit of {row['kind']} {row['id']}"
    return f"a new {row['kind']}"


def list_(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    rows = files()
    if as_json:
        C.print_json(rows)
        return
    if not rows:
        C.say("No recovery files: everything typed was saved.")
        return
    from careerkit.cli.output import lines, write

    write(
        lines(
            ["#", "saved", "for", "first line", "file"],
            [[str(r["number"]), r["saved"], _describe(r), r["first_line"], r["path"]] for r in rows],
        )
    )
    C.say("Save one again: careerkit recovery retry N  (--edit to fix it first)")


def _pick(which: str) -> dict[str, Any]:
    from careerkit.errors import InvalidInput

    rows = files()
    for r in rows:
        if which == str(r["number"]) or Path(which).expanduser().resolve() == Path(r["path"]).resolve():
            return r
    if not rows:
        raise InvalidInput("there are no recovery files")
    raise InvalidInput(f"no recovery file {which!r}: careerkit recovery list shows them")


def retry(
    which: str = typer.Argument(
        ..., metavar="N|FILE", help="The number shown by `recovery list`, or the file."
    ),
    edit: bool = typer.Option(False, "--edit", help="Open it in $EDITOR first, to fix what made it fail."),
    title: Optional[str] = typer.Option(
        None, "--title", help="Postings: the job title (else read from the text)."
    ),
    org: Optional[str] = typer.Option(
        None, "--org", help="Postings: the employer (else read from the text)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Postings: print the report as JSON."),
) -> None:
    row = _pick(which)
    path = Path(row["path"])
    text = path.read_text(encoding="utf-8", errors="replace")
    if edit:
        with C.edited(text, suffix=".txt" if row["what"] == "posting" else ".yaml") as ed:
            fixed = ed.text if ed.text is not None else text
            try:
                _save(row, fixed, title=title, org=org, as_json=as_json, path=path)
            except BaseException:
                # The recovery file now holds the fixed text; no second recovery file.
                if fixed != text:
                    _replace(path, fixed)
                ed.kept = path
                raise
    else:
        _save(row, text, title=title, org=org, as_json=as_json, path=path)
    path.unlink(missing_ok=True)
    C.say(f"Removed the recovery file {path}.")


def _replace(path: Path, text: str) -> None:
    import os

    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        C._write_private(tmp, text)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _save(row: dict[str, Any], text: str, *, title, org, as_json: bool, path: Path) -> None:
    from careerkit.errors import CareerkitError

    try:
        if row["what"] == "posting":
            from careerkit.cli.commands.gap import _check_posting, analyze_text

            _check_posting(text)
            analyze_text(text, None, title=title, org=org, as_json=as_json)
        elif row["what"] == "edit":
            from careerkit.cli.commands.records import _noun, update_typed

            update_typed(row["kind"], row["id"], text)
            C.say(f"Updated {_noun(row['kind'])} {row['id']}.")
        else:
            from careerkit.cli.commands.records import _noun, save_typed

            new_id = save_typed(row["kind"], text)
            if new_id is None:
                raise CareerkitError("the recovery file holds nothing to save")
            C.say(f"Added {_noun(row['kind'])} {new_id}.")
    except typer.Exit:
        raise
    except Exception as exc:
        message = C._describe(exc) or str(exc)
        raise CareerkitError(
            f"{message}; the recovery file {path} is kept (careerkit recovery retry {row['number']} --edit to fix it)"
        ) from None


def rm(
    which: str = typer.Argument(
        ..., metavar="N|FILE", help="The number shown by `recovery list`, or the file."
    ),
) -> None:
    row = _pick(which)
    Path(row["path"]).unlink(missing_ok=True)
    C.say(f"Removed the recovery file {row['path']}.")
