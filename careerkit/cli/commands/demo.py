"""`careerkit demo`: the whole loop on a bundled sample record and posting, in a temporary
database that is thrown away (the user's database is never opened)."""

from __future__ import annotations

from pathlib import Path

import typer

from careerkit.cli import helpers as C

DATA = Path(__file__).resolve().parents[2] / "data"
SAMPLE_CAREER = DATA / "sample-career.yaml"
SAMPLE_POSTING = DATA / "sample-posting.txt"


def register(app: typer.Typer) -> None:
    app.command(
        "demo",
        help="Try careerkit on a sample educator and a sample posting: the gap "
        "report, then the resume and interview brief as files. Your own "
        "record is not touched.",
    )(demo)


def demo(
    out: str = typer.Option(
        "careerkit-demo", "--out", metavar="DIR", help="The folder for the documents (created if missing)."
    ),
) -> None:
    import tempfile

    folder = _out_folder(out)
    with tempfile.TemporaryDirectory(prefix="careerkit-demo-") as tmp:
        db = Path(tmp) / "demo.db"
        report, record, posting = _analyse(db)
        from careerkit.cli.commands.gap import print_report
        from careerkit.insight.place import Names, place_of
        from careerkit.posting.frameworks import load_frameworks

        place = place_of(record.profile.location if record.profile else None)
        print_report(report, Names(load_frameworks(None), place))
        written = _write_documents(folder, report, record, posting)
        from careerkit.cli.commands.recap import demo_recap

        written += demo_recap(db, folder, SAMPLE_POSTING.read_text("utf-8"), report.id)
    con = C.console()
    con.print()
    con.print(f"[bold]The sample's documents are in {C.esc(str(folder))}[/bold]")
    for path, what in written:
        con.print(f"  {C.esc(str(path))}  [dim]{C.esc(what)}[/dim]")
    con.print()
    con.print(
        "That was Maya Okafor, an invented coach aiming at assistant principal. Start your "
        'own record with careerkit profile set --name "Your Name" and careerkit log "...".'
    )


def _out_folder(out: str) -> Path:
    from careerkit.errors import InvalidInput

    folder = Path(out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{out} is a file, not a folder: give --out a folder")
    try:
        from careerkit.paths import ensure_private_dir

        ensure_private_dir(folder)  # new folders 0700 whatever the umask: the files are private
    except OSError as e:
        raise InvalidInput(f"cannot create the folder {out}: {e.strerror}") from None
    return folder


def _analyse(db: Path):
    """Import the sample into a fresh database and analyse the sample posting the way
    `careerkit gap analyze` does; the report is saved there, as it would be."""
    from careerkit.posting.analyze import analyze
    from careerkit.posting.frameworks import user_folder
    from careerkit.store import gaps, io
    from careerkit.store.db import connect, transaction
    from careerkit.store.snapshot import read_trusted

    posting = SAMPLE_POSTING.read_text("utf-8")
    conn = connect(db)
    try:
        with transaction(conn):
            io.import_text(conn, SAMPLE_CAREER.read_text("utf-8"), SAMPLE_CAREER.name)
        record = read_trusted(conn)
        report = analyze(posting, record, source=SAMPLE_POSTING.name, folder=user_folder(db))
        with transaction(conn):
            gaps.save(conn, report, posting)
    finally:
        conn.close()
    return report, record, posting


def _write_documents(folder: Path, report, record, posting: str = "") -> list[tuple[Path, str]]:
    from careerkit.cli.commands.transfer import write_private
    from careerkit.documents import resume as Doc
    from careerkit.render import resume as R

    written = []
    doc = Doc.build(record, report)
    for name, data, what in (
        ("resume.pdf", R.to_pdf(doc), "the resume, tailored to the posting"),
        ("resume.docx", R.to_docx(doc), "the same resume for Word"),
        ("resume.html", R.to_html(doc), "the same resume as a web page"),
        ("resume.md", R.to_markdown(doc), "the same resume as Markdown"),
    ):
        write_private(folder / name, data)
        written.append((folder / name, what))
    brief = _brief(report, record, posting)
    from careerkit.render.brief import render_brief

    for fmt, what in (
        ("pdf", "the interview-prep brief"),
        ("docx", "the same brief for Word"),
        ("html", "the same brief as a web page"),
        ("md", "the same brief as Markdown"),
    ):
        path = folder / f"interview-brief.{fmt}"
        write_private(path, render_brief(brief, fmt))
        written.append((path, what))
    from careerkit.documents.letter import build_letter
    from careerkit.render.letter import render_letter

    draft = build_letter(brief, record)
    for fmt, what in (("docx", "a cover-letter draft to edit"), ("pdf", "the same letter as PDF")):
        path = folder / f"cover-letter.{fmt}"
        write_private(path, render_letter(draft, fmt))
        written.append((path, what))
    return written


def _brief(report, record, posting: str = ""):
    """The interview brief, built as `careerkit prep` builds it."""
    from careerkit.cli.commands.prep import build

    return build(report, record, names=False, include_private=False, posting_text=posting)
