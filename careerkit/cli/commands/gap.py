"""`careerkit gap`: read a posting against the record, and keep the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C

COLOUR = {"met": "green", "partial": "yellow", "gap": "red"}


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Read job postings against your record: met, partial and gap, with evidence.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    sub.command(
        "analyze",
        help="Analyse a posting (a file, '-' for standard input, or none to paste "
        "into $EDITOR); the report is saved and printed.",
    )(analyze)
    sub.command("list", help="List saved postings with their scores.")(list_)
    sub.command("show", help="Show a saved report.")(show)
    sub.command("rm", help="Delete a saved report.")(rm)
    sub.command("rerun", help="Re-analyse a saved posting against today's record and show what changed.")(
        rerun
    )
    from careerkit.cli.commands.gap_common import register_common  # `gap common`: its own module

    register_common(sub)
    app.add_typer(sub, name="gap", help="Read job postings against your record.")


def _folder() -> Path | None:
    from careerkit.posting.frameworks import user_folder

    return user_folder(C.db_path())


def _posting_text(source: Optional[str]) -> tuple[str, Optional[str]]:
    """The posting's text from a file (text, Markdown, a saved web page, PDF or Word), standard
    input, or the editor; what was assumed to read it (an encoding) is said on stderr."""
    from careerkit.posting.source import cap_for, read_posting

    if source is None:
        return C.read_source(None), None
    name = None if source == "-" else Path(source).name
    posting = read_posting(C.read_bytes(source, cap_for), name or "standard input")
    if posting.note:
        C.say(posting.note)
    return posting.text, name


def analyze(
    source: Optional[str] = typer.Argument(
        None,
        metavar="[SOURCE]",
        help="A file (text, Markdown, HTML, PDF, Word .docx), '-' for standard input; none opens $EDITOR.",
    ),
    title: Optional[str] = typer.Option(None, "--title", help="The job title (else read from the text)."),
    org: Optional[str] = typer.Option(None, "--org", help="The employer (else read from the text)."),
    codes: bool = typer.Option(False, "--codes", help="Name competencies by their codes (psel-9)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (docs/gap-json.md)."),
):
    if source is None:
        # Pasted into the editor: kept in a recovery file if the analysis or the save fails
        # (`careerkit recovery retry` analyses it again).
        with C.edited("", suffix=".txt", label="posting") as ed:
            if ed.text is None:
                from careerkit.errors import CareerkitError

                raise CareerkitError("nothing was pasted: nothing to do")
            # A failure keeps the posting (edited) and the boundary names the file.
            _check_posting(ed.text)
            analyze_text(ed.text, None, title=title, org=org, codes=codes, as_json=as_json)
        return
    text, name = _posting_text(source)
    analyze_text(text, name, title=title, org=org, codes=codes, as_json=as_json)


def _check_posting(text: str) -> None:
    from careerkit.errors import InvalidInput

    if "\x00" in text[:8192]:
        raise InvalidInput("the posting is binary data, not text")


def analyze_text(
    text: str, name: Optional[str], *, title=None, org=None, codes: bool = False, as_json: bool = False
) -> None:
    """Analyse a posting's text against the record, save the report and print it."""
    from careerkit.posting.analyze import analyze as run
    from careerkit.store import gaps

    with C.database() as conn:
        record = _record(conn)
        goals = _done_goals(conn)
    report = run(
        text,
        record,
        title=_clean(title),
        organization=_clean(org),
        source=name,
        folder=_folder(),
        goals=goals,
    )
    with C.writing() as conn:
        from careerkit.cli.commands.growth import today

        gaps.save(conn, report, text, today().isoformat())
    if as_json:
        C.print_json(report.model_dump(mode="json"))
    else:
        print_report(report, _names(codes))
        C.say(f"Saved as report {report.id}.")


def _record(conn):
    """The record as evidence: every section but the network (people are not evidence),
    only the columns the analysis reads."""
    from careerkit.store.snapshot import evidence_record

    return evidence_record(conn)


def _done_goals(conn):
    """The done goals made for a gap, ready to close the requirements of that gap; None
    (nothing to read or compile) when there are none."""
    from careerkit.store.growth import done_gap_goals

    rows = done_gap_goals(conn)
    if not rows:
        return None
    from careerkit.insight.recurring import goal_matcher
    from careerkit.posting.frameworks import load_lexicon
    from careerkit.store import gaps

    terms = load_lexicon(_folder()).terms
    return goal_matcher(
        rows,
        gaps.readable_reports(conn),
        lexicon={t.term: [t.term, *t.variants] for t in terms},
        weights={t.term: t.weight for t in terms},
    )


def _names(codes: bool):
    from careerkit.cli.commands.gap_common import words

    return words(codes)


def _clean(value: Optional[str]) -> Optional[str]:
    return value.strip() or None if value is not None else None


def list_(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")):
    from careerkit.store import gaps

    with C.database() as conn:
        rows = gaps.list_reports(conn)
    if as_json:
        C.print_json(rows)
        return
    if not rows:
        C.say("No saved postings yet: careerkit gap analyze posting.txt")
        return
    t = C.table("id", "title", "organization", "score", "met/partial/gap", "analysed")
    for r in rows:
        t.add_row(
            str(r["id"]),
            C.esc(r["title"] or "(untitled)"),
            C.esc(r["organization"] or ""),
            str(r["score"]),
            f"{r['met']}/{r['partial']}/{r['gap']}",
            (r["updated"] or r["created"] or "")[:10],
        )
    C.console().print(t)


def show(
    report_id: int = typer.Argument(
        ..., metavar="ID", click_type=C.ReportId(), help="The id shown by gap list."
    ),
    codes: bool = typer.Option(False, "--codes", help="Name competencies by their codes (psel-9)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (docs/gap-json.md)."),
):
    from careerkit.store import gaps

    with C.database() as conn:
        report = gaps.get(conn, report_id)
    if as_json:
        C.print_json(report.model_dump(mode="json"))
    else:
        print_report(report, _names(codes))


def rm(
    report_id: int = typer.Argument(
        ..., metavar="ID", click_type=C.ReportId(), help="The id shown by gap list."
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
):
    import sys

    from careerkit.store import gaps

    with C.database() as conn:
        row = gaps.get_row(conn, report_id)
    label = row["title"] or row["source"] or "untitled"
    if not yes and sys.stdin.isatty():
        typer.confirm(f"Delete saved posting {report_id} ({label})?", abort=True)
    with C.writing() as conn:
        gaps.delete(conn, report_id)
    C.say(f"Deleted saved posting {report_id}: {label}")


def rerun(
    report_id: int = typer.Argument(
        ..., metavar="ID", click_type=C.ReportId(), help="The id shown by gap list."
    ),
    codes: bool = typer.Option(False, "--codes", help="Name competencies by their codes (psel-9)."),
    as_json: bool = typer.Option(False, "--json", help="Print the new report and the changes as JSON."),
):
    from careerkit.errors import InvalidInput
    from careerkit.models.gap import GapReport, PostingInfo
    from careerkit.posting.analyze import analyze as run
    from careerkit.store import gaps

    with C.database() as conn:
        row = gaps.get_row(conn, report_id)
        record = _record(conn)
        goals = _done_goals(conn)
    try:
        old = gaps.report_of(row)
    except InvalidInput:  # unreadable: analyse again from the saved text
        old = GapReport(
            id=report_id,
            score=0,
            posting=PostingInfo(
                title=row["title"], organization=row["organization"], source=row["source"], chars=row["chars"]
            ),
        )
    new = run(
        row["text"],
        record,
        title=old.posting.title,
        organization=old.posting.organization,
        source=old.posting.source,
        folder=_folder(),
        goals=goals,
    )
    diff = gaps.changes(old, new)
    with C.writing() as conn:
        gaps.replace(conn, report_id, new)
        from careerkit.cli.commands.growth import today

        closed = [d["text"] for d in diff if d["change"] == "closed"]
        gaps.record_score(conn, report_id, new.score, closed, today().isoformat())
    if as_json:
        C.print_json({"report": new.model_dump(mode="json"), "before": {"score": old.score}, "changes": diff})
        return
    print_changes(old, new, diff, _names(codes))


# -- printing ---------------------------------------------------------------------------------


def print_report(report, names=None) -> None:
    """The report for people. `names` (gap_common.words): competencies by the titles of the
    frameworks that fit the user's place, and careerkit's words spelled for it."""
    con = C.console()
    p = report.posting
    head = C.posting_name(p.title, p.organization, p.source or "Posting")
    counts = {v: sum(1 for r in report.requirements if r.verdict == v) for v in ("met", "partial", "gap")}
    con.print(f"[bold]{C.esc(head)}[/bold]" + (f"  (report {report.id})" if report.id else ""))
    con.print(
        f"Score [bold]{report.score}[/bold]/100 · {len(report.requirements)} requirements: "
        f"[green]{counts['met']} met[/green], [yellow]{counts['partial']} partial[/yellow], "
        f"[red]{counts['gap']} gap[/red]"
    )
    numbered = list(enumerate(report.requirements, 1))
    for n, r in numbered:
        if r.verdict != "gap":
            _print_requirement(con, n, r, names)
    gaps_ = [(n, r) for n, r in numbered if r.verdict == "gap"]
    if gaps_:
        con.print()
        con.print(f"[bold red]Gaps ({len(gaps_)})[/bold red]")
        for n, r in gaps_:
            _print_requirement(con, n, r, names)


def _print_requirement(con, n: int, r, names=None) -> None:
    from careerkit.insight.place import spell

    colour = COLOUR[r.verdict]
    shown = names.line(r.competencies) if names is not None else ", ".join(r.competencies)
    place = names.place if names is not None else None
    con.print()
    C.indented(
        con,
        f"{n:>3}. [{colour}]{r.verdict.upper():<7}[/{colour}] {r.must} · {r.type}"
        + (f" · {C.esc(shown)}" if shown else ""),
        0,
        hang=13,
    )
    C.indented(con, C.esc(r.text), 5)
    for e in r.evidence:
        C.indented(
            con, f"[dim]↳[/dim] {e.kind} {e.id}: {C.esc(e.text)} [dim]({e.score:.2f})[/dim]", 5, hang=2
        )
    C.indented(con, f"[dim]why: {C.esc(spell(r.why, place))}[/dim]", 5, hang=5)


def print_changes(old, new, diff, names=None) -> None:
    from careerkit.insight.place import spell

    place = names.place if names is not None else None
    con = C.console()
    label = C.posting_name(new.posting.title, new.posting.organization)
    con.print(f"[bold]{C.esc(label)}[/bold]  (report {new.id})")
    con.print(f"Score {old.score} → [bold]{new.score}[/bold]/100")
    if not diff:
        con.print("No change since the last analysis.")
        return
    names = {
        "closed": "Gaps closed",
        "better": "Better",
        "worse": "Worse",
        "new": "New requirements",
        "gone": "No longer read",
    }
    for kind in ("closed", "better", "worse", "new", "gone"):
        items = [d for d in diff if d["change"] == kind]
        if not items:
            continue
        con.print()
        con.print(f"[bold]{names[kind]} ({len(items)})[/bold]")
        for d in items:
            move = f"{d['before'] or '—'} → {d['after'] or '—'}"
            C.indented(con, f"{C.esc(move):<18} {C.esc(d['text'])}", 2, hang=19)
            C.indented(con, f"[dim]why: {C.esc(spell(d['why'], place))}[/dim]", 21, hang=5)
