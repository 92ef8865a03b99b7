"""`careerkit resume` and `careerkit review`, and the JSON Resume import/export hooks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C

FORMATS = ("md", "html", "pdf", "docx", "jsonresume")
SUFFIX_FORMAT = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".json": "jsonresume",
}
BINARY = ("pdf", "docx")
# The sections a resume reads; feedback, network and goals stay in the database.
RESUME_SECTIONS = ("positions", "credentials", "accomplishments", "learning")


def register(app: typer.Typer) -> None:
    app.command(
        "resume",
        help="Build your resume from the record (Markdown, HTML, PDF, Word or "
        "JSON Resume); --for GAP_ID tailors it to a saved posting.",
    )(resume)
    app.command(
        "review",
        help="A freshness review of the record for the resume: stale leads, "
        "wins with no numbers, weak openings, expiring credentials, unused "
        "feedback, roles with no wins.",
    )(review)


def resume(
    gap_id: Optional[int] = typer.Option(
        None,
        "--for",
        metavar="GAP_ID",
        help="Choose and order accomplishments for this saved posting (careerkit gap list).",
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="md, html, pdf, docx or jsonresume (default: from -o's name, else md).",
    ),
    output: Optional[str] = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write here; '-' or none for standard output (pdf and docx: only into a pipe).",
    ),
    pages: Optional[int] = typer.Option(
        None, "--pages", metavar="1|2", help="Fit to this many pages by leaving out the weakest bullets."
    ),
    include_private: bool = typer.Option(
        False, "--include-private", help="Include entries marked private (left out by default)."
    ),
    redact: bool = typer.Option(
        False,
        "--redact",
        help="Leave out other people's names: who gave feedback, students and parents named in the text.",
    ),
) -> None:
    from careerkit.documents import resume as Doc
    from careerkit.errors import InvalidInput
    from careerkit.render import resume as R

    if output == "-":
        output = None
    fmt = _format(fmt, output)
    if pages is not None and pages not in (1, 2):
        raise InvalidInput(f"--pages must be 1 or 2, not {pages}")
    if pages is not None and fmt == "jsonresume":
        raise InvalidInput("--pages fits a page layout; JSON Resume has none")
    if output is None and fmt in BINARY and sys.stdout.isatty():
        raise InvalidInput(f"{fmt} is a binary file: give -o FILE (for example -o resume.{fmt})")
    _check_writable(output)
    sections = RESUME_SECTIONS + (("feedback",) if fmt == "jsonresume" else ())
    with C.database() as conn:
        report = _report(conn, gap_id) if gap_id is not None else None
        record = _record(conn, sections)
    removed = None
    if redact:
        from careerkit.redact import redact_record

        record, removed = redact_record(record)
    if fmt == "jsonresume":
        from careerkit.formats.jsonresume import to_jsonresume

        _emit(_json(to_jsonresume(record if include_private else record.public())), output)
        C.say_redacted(removed)
        return
    doc = Doc.build(record, report, include_private=include_private)
    pdf = count = None
    if pages is not None:
        doc, pdf, count = R.fit_pages(doc, pages)
    if fmt == "md":
        data = R.to_markdown(doc)
    elif fmt == "html":
        data = R.to_html(doc)
    elif fmt == "docx":
        data = R.to_docx(doc)
    else:
        data = pdf if pdf is not None else R.to_pdf(doc)
        if count is None:
            from careerkit.render.pdf import page_count

            count = page_count(data)
    _emit(data, output, pages=count if fmt == "pdf" else None)
    if pages is not None:
        _say_fit(doc, pages, count)
    C.say_redacted(removed)


def _format(fmt: Optional[str], output: Optional[str]) -> str:
    from careerkit.errors import InvalidInput

    if fmt is None:
        fmt = SUFFIX_FORMAT.get(Path(output).suffix.lower(), "md") if output else "md"
    fmt = fmt.lower()
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r}: use " + ", ".join(FORMATS))
    return fmt


def _check_writable(output: Optional[str]) -> None:
    """Refuse before the work, not after: a missing folder or one we cannot write to."""
    import os

    from careerkit.errors import InvalidInput

    if output is None:
        return
    path = Path(output).expanduser()
    if path.is_dir():
        raise InvalidInput(f"{output} is a folder: give a file name, for example {path / 'resume.pdf'}")
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(f"no such folder: {folder}")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InvalidInput(f"cannot write {output}: permission denied")


def _report(conn, gap_id: int):
    from careerkit.store import gaps

    return gaps.get(conn, gap_id)


def _record(conn, sections):
    from careerkit.store.snapshot import read_trusted

    return read_trusted(conn, sections)


def _json(data) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _emit(data: str | bytes, output: Optional[str], *, pages: int | None = None) -> None:
    if output:
        from careerkit.cli.commands.transfer import write_private

        write_private(Path(output), data)
        extra = f" ({pages} page{'s' if pages != 1 else ''})" if pages else ""
        C.say(f"Wrote {output}{extra}")
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.write(data)


def _say_fit(doc, pages: int, count: int | None) -> None:
    if count is not None and count > pages:
        C.say(
            f"warning: this record does not fit {pages} page{'s' if pages != 1 else ''} even "
            f"without any optional bullet (positions, education and credentials alone are "
            f"longer); nothing was left out: {count} pages"
        )
    elif doc.dropped:
        C.say(
            f"Left out {doc.dropped} weaker bullet{'s' if doc.dropped != 1 else ''} to fit "
            f"{pages} page{'s' if pages != 1 else ''}."
        )


# -- review -------------------------------------------------------------------------------


def review(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    from careerkit.documents.review import review as run

    with C.database() as conn:
        record = _record(conn, ("positions", "credentials", "accomplishments", "feedback", "learning"))
        reports = _all_reports(conn)
    checks = run(record, reports)
    if as_json:
        total = sum(len(c.findings) for c in checks)
        C.print_json({"total": total, "checks": [c.as_dict() for c in checks]})
        return
    _print_review(checks)


def _all_reports(conn):
    import json

    from careerkit.models.gap import GapReport

    out = []
    for row_id, text in conn.execute("SELECT id, report FROM gap_reports ORDER BY id"):
        try:
            out.append(GapReport.model_validate({**json.loads(text or "{}"), "id": row_id}))
        except ValueError:
            continue  # a report from an older format: nothing to cite from it
    return out


def _print_review(checks) -> None:
    con = C.console()
    total = sum(len(c.findings) for c in checks)
    if total == 0:
        con.print("Nothing to freshen: every check passed.")
        return
    for check in checks:
        if not check.findings:
            continue
        con.print(f"[bold]{C.esc(check.title)}[/bold] ({len(check.findings)})")
        t = C.table("kind", "id", "date", "entry", "why")
        for f in check.findings[:20]:
            t.add_row(f.kind, str(f.id), C.esc(f.date), C.esc(_short(f.text)), C.esc(f.detail))
        con.print(t)
        more = len(check.findings) - 20
        if more > 0:
            con.print(f"  … and {more} more (--json lists them all)")
        con.print(f"  [dim]{C.esc(check.advice)}[/dim]\n")
    passed = [c.title for c in checks if not c.findings]
    if passed:
        con.print("Passed: " + C.esc("; ".join(passed)))


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- JSON Resume hooks (careerkit export/import --format jsonresume) ------------------------


def export_jsonresume(conn, include_private: bool = False) -> str:
    from careerkit.formats.jsonresume import to_jsonresume

    record = _record(conn, RESUME_SECTIONS + ("feedback",))
    return _json(to_jsonresume(record if include_private else record.public()))


def import_jsonresume(text: str, name: str):
    """(the career file to import, notes to print): what careerkit has a place for is mapped;
    the rest is kept in the profile so the JSON Resume export writes it back, and named."""
    from careerkit.formats.jsonresume import from_jsonresume, not_mapped, to_jsonresume
    from careerkit.store import io

    data = io.parse_career_text(text, "json", name)
    career = io.validate_career(from_jsonresume(data), name)
    if career.profile is None:
        return career, ["The JSON Resume has no basics.name: only its entries were imported."]
    baseline = to_jsonresume(_view_of(career))
    career.profile.jsonresume = {"original": data, "baseline": baseline}
    missing = [p for p in not_mapped(data, baseline) if not p.startswith(("$schema", "meta"))]
    notes = []
    if missing:
        notes.append(
            "Not mapped (careerkit has no place for them; kept, and written back by "
            "`export --format jsonresume`): " + ", ".join(missing)
        )
    return career, notes


def _view_of(career):
    """The record an import of `career` into an empty database reads back (ids in file
    order, each section in its list order), for the export right after the import."""
    from careerkit.models import kinds as K
    from careerkit.store.snapshot import Entry, RecordView

    dumped = career.model_dump(mode="json", by_alias=False)
    profile = dumped.get("profile")
    sections = {}
    for kind in K.KINDS:
        entries = [Entry({"id": i, **e}) for i, e in enumerate(dumped.get(kind.table) or [], 1)]
        if kind.sort.startswith(("date DESC", "start DESC")):
            col = kind.sort.split()[0]
            entries.sort(
                key=lambda e, c=col: (getattr(e, c) is not None, getattr(e, c) or "", e.id), reverse=True
            )
        sections[kind.table] = entries
    view_profile = None
    if profile:
        view_profile = Entry({**profile, "links": [Entry(link) for link in profile.get("links") or []]})
    return RecordView(view_profile, sections)
