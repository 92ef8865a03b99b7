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
        "letter",
        help="A cover-letter draft for a saved posting: the role, what draws you to the "
        "employer, your three stories that best answer the posting and an honest line on the "
        "largest gap; only facts from your record and the posting (Markdown, Word or PDF).",
    )(letter)
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
        click_type=C.ReportId(),
        help="Choose and order accomplishments for this saved posting (careerkit gap list).",
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=C.Choice(FORMATS, {"markdown": "md", "htm": "html", "word": "docx"}),
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
    theme: Optional[str] = typer.Option(
        None, "--theme", metavar="NAME|DIR", help="The look: classic (default), compact, or a theme folder."
    ),
    paper: Optional[str] = typer.Option(
        None,
        "--paper",
        metavar="letter|a4",
        help="Page size (default: A4 outside the United States, else Letter).",
    ),
    spelling: Optional[str] = typer.Option(
        None,
        "--spelling",
        metavar="us|uk",
        help="Spelling of careerkit's own words, e.g. Licenses/Licences (default: by your profile's location).",
    ),
    theme_copy: Optional[tuple[str, str]] = typer.Option(
        None,
        "--theme-copy",
        metavar="NAME DIR",
        help="Copy a built-in theme (classic, compact) to DIR to edit, then use --theme DIR.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.documents import resume as Doc
    from careerkit.errors import InvalidInput
    from careerkit.render import resume as R

    if theme_copy:
        from careerkit.render.theme import copy

        where = copy(theme_copy[0], Path(theme_copy[1]))
        C.say(
            f"Copied the {theme_copy[0]} theme to {where}: edit theme.yaml there, then give --theme {where}"
        )
        return
    if output == "-":
        output = None
    paper_size, spelling_of = page_options(paper, spelling)
    fmt = _format(fmt, output)
    if pages is not None and pages not in (1, 2):
        raise InvalidInput(f"--pages must be 1 or 2, not {pages}")
    if pages is not None and fmt == "jsonresume":
        raise InvalidInput("--pages fits a page layout; JSON Resume has none")
    if output is None and fmt in BINARY and sys.stdout.isatty():
        raise InvalidInput(f"{fmt} is a binary file: give -o FILE (for example -o resume.{fmt})")
    _check_writable(output, force)
    sections = RESUME_SECTIONS + (("feedback",) if fmt == "jsonresume" else ())
    with C.database() as conn:
        report = _report(conn, gap_id) if gap_id is not None else None
        record = _record(conn, sections)
        people = _people(conn) if redact else []
    removed = None
    if redact:
        from careerkit.redact import redact_record

        record, removed = redact_record(record, people)
    if fmt == "jsonresume":
        from careerkit.formats.jsonresume import to_jsonresume

        _emit(_json(to_jsonresume(record if include_private else record.public())), output)
        C.say_redacted(removed)
        return
    from careerkit.cli.commands.prep import load_theme

    look = load_theme(theme)
    doc = Doc.build(record, report, include_private=include_private, paper=paper_size, spelling=spelling_of)
    pdf = count = None
    if pages is not None:
        doc, pdf, count = R.fit_pages(doc, pages, look)
    data: str | bytes
    if fmt == "md":
        data = R.to_markdown(doc)
    elif fmt == "html":
        data = R.to_html(doc, look)
    elif fmt == "docx":
        data = R.to_docx(doc, theme=look)
    else:
        data = pdf if pdf is not None else R.to_pdf(doc, look)
        if count is None:
            from careerkit.render.pdf import page_count

            count = page_count(data)  # type: ignore[arg-type]  # pdf: always bytes
    _emit(data, output, pages=count if fmt == "pdf" else None)
    if pages is not None:
        _say_fit(doc, pages, count)
    if doc.expired:
        n = len(doc.expired)
        named = "; ".join(doc.expired[:3]) + (f"; and {n - 3} more" if n > 3 else "")
        C.say(f"Left out {n} expired credential{'s' if n != 1 else ''}: {named}.")
    if fmt in ("pdf", "docx"):
        say_missing_glyphs(R.plain_text(doc))
    C.say_redacted(removed)


def page_options(paper: Optional[str], spelling: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """--paper and --spelling, checked: (us-letter|a4|None, us|uk|None)."""
    from careerkit.errors import InvalidInput

    size = None
    if paper is not None:
        size = {"letter": "us-letter", "us-letter": "us-letter", "us": "us-letter", "a4": "a4"}.get(
            paper.strip().lower()
        )
        if size is None:
            raise InvalidInput(f"--paper must be letter or a4, not {paper!r}")
    words = None
    if spelling is not None:
        words = {"us": "us", "american": "us", "uk": "uk", "british": "uk", "gb": "uk"}.get(
            spelling.strip().lower()
        )
        if words is None:
            raise InvalidInput(f"--spelling must be us or uk, not {spelling!r}")
    return size, words


def say_missing_glyphs(text: str) -> None:
    """Warn, once, when the document holds characters no font on this machine can draw."""
    from careerkit.render.pdf import cannot_draw

    missing = cannot_draw(text)
    if missing:
        C.say(
            "warning: no font on this computer can draw "
            + " ".join(missing)
            + ": they will print as empty boxes. Install a font for that script (for Chinese, "
            "Japanese or Korean, Noto Sans CJK) and write the file again."
        )


def _format(fmt: Optional[str], output: Optional[str]) -> str:
    """--format as given (a choice, checked by the parser), else from -o's name, else md."""
    if fmt is not None:
        return fmt
    return SUFFIX_FORMAT.get(Path(output).suffix.lower(), "md") if output else "md"


def _check_writable(output: Optional[str], force: bool) -> None:
    """Refuse before the work, not after: a folder, a missing folder, one we cannot write
    to, or a file that exists (without --force, or a yes in a terminal)."""
    from careerkit.cli.outfile import check_output

    check_output(output, force=force, example="resume.pdf")


def _report(conn, gap_id: int):
    from careerkit.store import gaps

    return gaps.get(conn, gap_id)


def _people(conn) -> list[str]:
    from careerkit.store.records import known_people

    return known_people(conn)


def _record(conn, sections):
    from careerkit.store.snapshot import read_trusted

    return read_trusted(conn, sections)


def _json(data) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _emit(data: str | bytes, output: Optional[str], *, pages: int | None = None) -> None:
    if output:
        from careerkit.cli.outfile import write_output

        # _check_writable asked before the work: the answer stands.
        write_output(Path(output), data, force=True, shown=output)
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
    elif doc.left_out:
        C.say(f"To fit {pages} page{'s' if pages != 1 else ''}, left out: " + "; ".join(doc.left_out) + ".")


# -- letter -------------------------------------------------------------------------------


def letter(
    report_id: int = typer.Argument(
        ..., metavar="GAP_ID", click_type=C.ReportId(), help="The saved posting's id (careerkit gap list)."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=C.Choice(("md", "docx", "pdf", "html"), {"markdown": "md", "htm": "html", "word": "docx"}),
        help="md, docx, pdf or html (default: from -o's name, else md).",
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here; '-' or none for standard output (md, html)."
    ),
    include_private: bool = typer.Option(
        False, "--include-private", help="Draw on private accomplishments too (left out by default)."
    ),
    title: Optional[str] = typer.Option(
        None, "--title", metavar="TEXT", help="The role, where the posting does not say it."
    ),
    employer: Optional[str] = typer.Option(
        None, "--employer", metavar="TEXT", help="The employer, where the posting does not say it."
    ),
    theme: Optional[str] = typer.Option(
        None, "--theme", metavar="NAME|DIR", help="The look: classic (default), compact, or a theme folder."
    ),
    paper: Optional[str] = typer.Option(
        None, "--paper", metavar="letter|a4", help="Page size (default: by your location)."
    ),
    spelling: Optional[str] = typer.Option(
        None, "--spelling", metavar="us|uk", help="Date and closing style (default: by your location)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.cli.commands.prep import _format as brief_format
    from careerkit.cli.commands.prep import build, load_theme, say_unknown
    from careerkit.documents.letter import build_letter
    from careerkit.documents.resume import place_of
    from careerkit.errors import InvalidInput
    from careerkit.render.letter import render_letter

    if output == "-":
        output = None
    fmt = brief_format(fmt, output)
    if output is None and fmt in BINARY and sys.stdout.isatty():
        raise InvalidInput(
            f"{fmt} is a binary file: give -o FILE (for example -o cover-letter-{report_id}.{fmt})"
        )
    _check_writable(output, force)
    paper_size, spelling_of = page_options(paper, spelling)
    look = load_theme(theme)
    with C.database() as conn:
        from careerkit.cli.commands.prep import DOCUMENT_SECTIONS
        from careerkit.store import gaps
        from careerkit.store.snapshot import read_trusted

        row = gaps.get_row(conn, report_id)
        report = gaps.report_of(row)
        record = read_trusted(conn, DOCUMENT_SECTIONS)
    if record.profile is None or not (record.profile.name or "").strip():
        raise InvalidInput('the record has no name yet: set it with careerkit profile set --name "Your Name"')
    brief = build(
        report,
        record,
        names=False,
        include_private=include_private,
        posting_text=row.get("text") or "",
        title=title,
        employer=employer,
    )
    intl = place_of(record.profile.location) == "intl"
    draft = build_letter(
        brief,
        record,
        spelling=spelling_of or ("uk" if intl else "us"),
        paper=paper_size or ("a4" if intl else "us-letter"),
    )
    _emit(render_letter(draft, fmt, theme=look), output)
    say_unknown(brief)
    for note in draft.notes:
        C.say(f"note: {note}")


# -- review -------------------------------------------------------------------------------


def review(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    from careerkit.documents.review import review as run

    with C.database() as conn:
        record = _record(conn, ("positions", "credentials", "accomplishments", "feedback", "learning"))
        reports = _all_reports(conn)
    checks = run(record, reports, quoted=_quoted_in_briefs(reports))
    if as_json:
        total = sum(len(c.findings) for c in checks)
        C.print_json({"total": total, "checks": [c.as_dict() for c in checks]})
        return
    _print_review(checks)


BRIEFS_READ = 5  # the most recent saved postings whose briefs review reads for quotes


def _quoted_in_briefs(reports) -> frozenset[int]:
    """Ids of the feedback that the interview briefs of the latest saved postings quote
    (`careerkit prep ID`), so review does not call it unused."""
    if not reports:
        return frozenset()
    from careerkit.cli.commands.prep import DOCUMENT_SECTIONS, build
    from careerkit.store.snapshot import read_trusted

    with C.database() as conn:
        record = read_trusted(conn, DOCUMENT_SECTIONS)
    if not record.feedback:
        return frozenset()
    ids: set[int] = set()
    for report in reports[-BRIEFS_READ:]:
        brief = build(report, record, names=False, include_private=False)
        for voice in brief.voices:
            for q in voice.quotes:
                ids.update(f.id for f in record.feedback if _quotes(q, f))
    return frozenset(ids)


def _quotes(said, feedback) -> bool:
    """Is this quote (whole, or an excerpt marked with an ellipsis) from this feedback?"""
    import re

    if str(said.date) != str(feedback.date):
        return False
    whole = " ".join(feedback.text.split())
    parts = [" ".join(p.split()).strip(" .") for p in re.split(r"…|\.\.\.", said.text)]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in whole for p in parts)


def _all_reports(conn):
    import json

    from careerkit.models.gap import GapReport
    from careerkit.store.gaps import name_evidence

    out = []
    for row_id, text in conn.execute("SELECT id, report FROM gap_reports ORDER BY id").fetchall():
        try:
            data = {**json.loads(text or "{}"), "id": row_id}
            out.append(GapReport.model_validate(name_evidence(conn, data)))
        except (ValueError, AttributeError, TypeError):
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

            def newest(e, c=col):
                return (getattr(e, c) is not None, getattr(e, c) or "", e.id)

            entries.sort(key=newest, reverse=True)
        sections[kind.table] = entries
    view_profile = None
    if profile:
        view_profile = Entry({**profile, "links": [Entry(link) for link in profile.get("links") or []]})
    return RecordView(view_profile, sections)
