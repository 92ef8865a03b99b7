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
            "The interview-prep brief for a saved posting (gap report): the posting in a few "
            "lines, an opening, the best story for each requirement with a 30-second version, "
            "honest answers to the gaps, questions from the posting and the role, why-here "
            "prompts, a 30-60-90-day skeleton, what others have said and a checklist. Markdown "
            "and HTML print to standard output unless -o is given; PDF and Word go to a file "
            "(interview-brief-GAP_ID.pdf by default, '-o -' for standard output)."
        ),
    )(prep)


def prep(
    report_id: int = typer.Argument(
        ..., metavar="GAP_ID", click_type=C.ReportId(), help="The saved posting's id (careerkit gap list)."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=C.Choice(FORMATS, {"markdown": "md", "htm": "html", "word": "docx"}),
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
    title: Optional[str] = typer.Option(
        None, "--title", metavar="TEXT", help="The role's title, where the posting does not say it."
    ),
    employer: Optional[str] = typer.Option(
        None, "--employer", metavar="TEXT", help="The employer, where the posting does not say it."
    ),
    theme: Optional[str] = typer.Option(
        None, "--theme", metavar="NAME|DIR", help="The look: classic (default), compact, or a theme folder."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    from careerkit.errors import InvalidInput

    if redact and names:
        raise InvalidInput("--names and --redact contradict each other: choose one")
    fmt = _format(fmt, output)
    if output is None and fmt in BINARY:
        output = f"interview-brief-{report_id}.{fmt}"
    from careerkit.cli.outfile import check_output

    check_output(output, force=force, example=f"interview-brief-{report_id}.{fmt}")
    with C.database() as conn:
        from careerkit.store import gaps
        from careerkit.store.snapshot import read_trusted

        row = gaps.get_row(conn, report_id)
        report = gaps.report_of(row)
        record = read_trusted(conn, DOCUMENT_SECTIONS)
        if redact:
            from careerkit.store.records import known_people

            people = known_people(conn)
    removed = None
    if redact:
        from careerkit.redact import redact_record, redact_report

        report, _ = redact_report(report, record)  # its why lines name entries: before the names go
        record, removed = redact_record(record, people)
    brief = build(
        report,
        record,
        names=names,
        include_private=include_private,
        posting_text=row.get("text") or "",
        title=title,
        employer=employer,
    )
    theme_obj = load_theme(theme)

    from careerkit.documents.resume import place_of
    from careerkit.render.brief import render_brief

    place = place_of(record.profile.location if record.profile else None)
    data = render_brief(brief, fmt, theme=theme_obj, paper="a4" if place == "intl" else "us-letter")
    if output is None and fmt in BINARY:
        output = f"interview-brief-{report_id}.{fmt}"
    if output is None or output == "-":
        _to_stdout(data)
        say_unknown(brief)
        C.say_redacted(removed)
        return
    from careerkit.cli.outfile import write_output

    # Asked (or told with --force) before the work: the answer stands.
    write_output(Path(output).expanduser(), data, force=True, shown=output)
    C.say(f"Wrote {output}")
    say_unknown(brief)
    C.say_redacted(removed)
    if include_private:
        C.say("It includes private entries: keep it to yourself.")


def say_unknown(brief) -> None:
    """When the posting does not say its title or employer: ask for them, once."""
    p = brief.posting
    if p is None:
        return
    missing = [w for w, known in (("title", p.title_known), ("employer", p.employer_known)) if not known]
    if missing:
        opts = " and ".join(f'--{w} "..."' for w in missing)
        C.say(
            f"note: the posting does not say its {' or '.join(missing)}"
            + (f'; the brief calls it "{p.title}"' if not p.title_known else "")
            + f". Give {opts} to name {'them' if len(missing) > 1 else 'it'}."
        )


def load_theme(name):
    from careerkit.render.theme import load

    return load(name, user_folder=_theme_folder())


def _theme_folder():
    """The `themes` folder beside the database, where a user keeps edited themes."""
    return Path(C.db_path()).parent / "themes"


def suggester():
    """Requirement -> ways to close it (frameworks/suggestions.yaml and the user's own)."""
    from careerkit.insight.suggest import Suggestions
    from careerkit.models.recurring import TopGap
    from careerkit.posting.frameworks import user_folder

    book = Suggestions.load(user_folder(C.db_path()))

    def ways(r) -> list[str]:
        gap = TopGap(
            rank=1,
            key="",
            label=r.text,
            text=r.text,
            type=r.type,
            competencies=list(r.competencies),
            postings=1,
            required=1 if r.must == "required" else 0,
            latest=r.verdict,
            priority=1.0,
            why=r.why,
        )
        return [w.title + (f": {w.how}" if w.how else "") for w in book.ways_for(gap)]

    return ways


def build(
    report,
    record,
    *,
    names: bool,
    include_private: bool,
    posting_text: str = "",
    title: str | None = None,
    employer: str | None = None,
):
    """The brief model: the report, the record, the question bank, the frameworks' names."""
    from careerkit.cli.commands.themes import competency_tools
    from careerkit.documents.brief import build_brief, load_bank, load_scenarios
    from careerkit.posting.frameworks import user_folder

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
        posting_text=posting_text,
        scenarios=load_scenarios(folder=user_folder(C.db_path())),
        suggest=suggester(),
        title=title,
        employer=employer,
    )


def _format(fmt: Optional[str], output: Optional[str]) -> str:
    """--format as given (a choice, checked by the parser), else from -o's name, else md."""
    if fmt is not None:
        return fmt
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    return BY_SUFFIX.get(suffix, "md")


def _to_stdout(data: str | bytes) -> None:
    if isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data)
