"""`careerkit prep GAP_ID`: the interview-prep brief for one saved posting."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C

FORMATS = ("md", "html", "pdf", "docx")
BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
BINARY = ("pdf", "docx")
# The brief never names the people in the network: their section is not read.
DOCUMENT_SECTIONS = ("positions", "credentials", "accomplishments", "feedback", "learning", "goals")


def register(app: typer.Typer) -> None:
    app.command(
        "prep",
        help=(
            "The interview-prep brief for a saved posting (gap report): the stories to tell for "
            "each main requirement, the artifacts to bring, likely questions, what others have "
            "said, honest answers to the gaps, questions for the panel and a checklist. Markdown "
            "and HTML print to standard output unless -o is given; PDF and Word go to a file "
            "(interview-brief-GAP_ID.pdf by default, '-o -' for standard output)."
        ),
    )(prep)


def prep(
    gap_id: str = typer.Argument(..., metavar="GAP_ID", help="The saved posting's id (careerkit gap list)."),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="md, html, pdf or docx (default: from -o's name, else md).",
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here; '-' for standard output."
    ),
    names: bool = typer.Option(
        False, "--names", help="Name the people quoted (by default only their relationship: 'a supervisor')."
    ),
    include_private: bool = typer.Option(
        False, "--include-private", help="Include private accomplishments and feedback (left out by default)."
    ),
    redact: bool = typer.Option(
        False,
        "--redact",
        help="Leave out people's names, also students and parents named in the text (not with --names).",
    ),
) -> None:
    from careerkit.errors import InvalidInput

    if redact and names:
        raise InvalidInput("--names and --redact contradict each other: choose one")
    report_id = _report_id(gap_id)
    fmt = _format(fmt, output)
    with C.database() as conn:
        from careerkit.store import gaps
        from careerkit.store.snapshot import read_trusted

        report = gaps.get(conn, report_id)
        record = read_trusted(conn, DOCUMENT_SECTIONS)
    removed = None
    if redact:
        from careerkit.redact import redact_record, redact_report

        report, _ = redact_report(
            report, record
        )  # its why lines name entries (before the record loses its names)
        record, removed = redact_record(record)
    brief = build(report, record, names=names, include_private=include_private)

    from careerkit.render.brief import render_brief

    data = render_brief(brief, fmt)
    if output is None and fmt in BINARY:
        output = f"interview-brief-{report_id}.{fmt}"
    if output is None or output == "-":
        _to_stdout(data)
        C.say_redacted(removed)
        return
    from careerkit.cli.commands.transfer import write_private

    path = Path(output).expanduser()
    if path.is_dir():
        raise InvalidInput(
            f"{output} is a folder: give a file name, such as {Path(output) / ('interview-brief-' + str(report_id) + '.' + fmt)}"
        )
    try:
        write_private(path, data)
    except (PermissionError, IsADirectoryError, NotADirectoryError, FileNotFoundError) as e:
        # Name the file the user gave, not the temporary file beside it.
        raise InvalidInput(f"cannot write {output}: {e.strerror or e}") from None
    C.say(f"Wrote {output}")
    C.say_redacted(removed)
    if include_private:
        C.say("It includes private entries: keep it to yourself.")


def build(report, record, *, names: bool, include_private: bool):
    """The brief model: the report, the record, the question bank, the frameworks' names."""
    from careerkit.cli.commands.themes import competency_tools
    from careerkit.documents.brief import build_brief, load_bank

    titles, mapper, framework_of = competency_tools()
    return build_brief(
        report,
        record,
        load_bank(),
        names=titles,
        competencies_of=mapper,
        framework_of=framework_of,
        include_private=include_private,
        show_names=names,
    )


def _report_id(value: str) -> int:
    from careerkit.errors import InvalidInput

    text = value.strip().lstrip("#")
    if not text.isdigit():
        raise InvalidInput(f"not a gap report id: {value!r} (careerkit gap list shows the ids)")
    return int(text)


def _format(fmt: Optional[str], output: Optional[str]) -> str:
    from careerkit.errors import InvalidInput

    if fmt is None:
        suffix = Path(output).suffix.lower() if output and output != "-" else ""
        return BY_SUFFIX.get(suffix, "md")
    value = fmt.strip().lower().lstrip(".")
    value = {"markdown": "md", "htm": "html", "word": "docx"}.get(value, value)
    if value not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return value


def _to_stdout(data: str | bytes) -> None:
    if isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data)
