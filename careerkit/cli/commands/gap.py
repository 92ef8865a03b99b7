"""`careerkit gap`: read a posting against the record, and keep the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C

COLOUR = {"met": "green", "partial": "yellow", "gap": "red"}
# Subcommands other modules add to the group: name -> (module, function).
EXTRA_COMMANDS: dict[str, tuple[str, str]] = {
    "common": ("careerkit.cli.commands.gap_common", "common_command"),
}


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
    try:  # `gap common` lives in its own module
        from careerkit.cli.commands.gap_common import register_common
    except ImportError:
        register_common = None
    if register_common is not None:
        register_common(sub)
    app.add_typer(sub, name="gap", help="Read job postings against your record.")


def _folder() -> Path | None:
    from careerkit.posting.frameworks import user_folder

    return user_folder(C.db_path())


def _posting_text(source: Optional[str]) -> tuple[str, Optional[str]]:
    from careerkit.errors import InvalidInput

    text = C.read_source(source)
    if "\x00" in text[:8192]:
        raise InvalidInput("the posting is binary data, not text")
    name = None if source in (None, "-") else Path(source).name
    return text, name


def analyze(
    source: Optional[str] = typer.Argument(
        None,
        metavar="[SOURCE]",
        help="A file (text, Markdown, HTML), '-' for standard input; none opens $EDITOR.",
    ),
    title: Optional[str] = typer.Option(None, "--title", help="The job title (else read from the text)."),
    org: Optional[str] = typer.Option(None, "--org", help="The employer (else read from the text)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (spec/gap-json.md)."),
):
    from careerkit.posting.analyze import analyze as run
    from careerkit.store import gaps

    text, name = _posting_text(source)
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
        gaps.save(conn, report, text)
    if as_json:
        C.print_json(report.model_dump(mode="json"))
    else:
        print_report(report)
        C.say(f"Saved as report {report.id}.")


def _record(conn):
    """The record as evidence: every section but the network (people are not evidence),
    only the columns the analysis reads."""
    from careerkit.store.records import evidence_record

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
    t = C.table("id", "title", "organization", "score", "met", "partial", "gap", "analysed")
    for r in rows:
        t.add_row(
            str(r["id"]),
            C.esc(r["title"] or "(untitled)"),
            C.esc(r["organization"] or ""),
            str(r["score"]),
            str(r["met"]),
            str(r["partial"]),
            str(r["gap"]),
            (r["updated"] or r["created"] or "")[:10],
        )
    C.console().print(t)


def show(
    report_id: int = typer.Argument(..., metavar="ID", help="The id shown by gap list."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON (spec/gap-json.md)."),
):
    from careerkit.store import gaps

    with C.database() as conn:
        report = gaps.get(conn, report_id)
    if as_json:
        C.print_json(report.model_dump(mode="json"))
    else:
        print_report(report)


def rm(
    report_id: int = typer.Argument(..., metavar="ID", help="The id shown by gap list."),
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
    report_id: int = typer.Argument(..., metavar="ID", help="The id shown by gap list."),
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
    if as_json:
        C.print_json({"report": new.model_dump(mode="json"), "before": {"score": old.score}, "changes": diff})
        return
    print_changes(old, new, diff)


# -- printing ---------------------------------------------------------------------------------


def print_report(report) -> None:
    con = C.console()
    p = report.posting
    head = " · ".join(x for x in (p.title, p.organization) if x) or p.source or "Posting"
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
            _print_requirement(con, n, r)
    gaps_ = [(n, r) for n, r in numbered if r.verdict == "gap"]
    if gaps_:
        con.print()
        con.print(f"[bold red]Gaps ({len(gaps_)})[/bold red]")
        for n, r in gaps_:
            _print_requirement(con, n, r)


def _print_requirement(con, n: int, r) -> None:
    colour = COLOUR[r.verdict]
    con.print()
    con.print(
        f"{n:>3}. [{colour}]{r.verdict.upper():<7}[/{colour}] {r.must} · {r.type}"
        + (f" · {', '.join(r.competencies)}" if r.competencies else "")
    )
    C.indented(con, C.esc(r.text), 5)
    for e in r.evidence:
        C.indented(con, f"[dim]↳[/dim] {e.kind} {e.id}: {C.esc(e.text)} [dim]({e.score:.2f})[/dim]", 5)
    C.indented(con, f"[dim]why: {C.esc(r.why)}[/dim]", 5)


def print_changes(old, new, diff) -> None:
    con = C.console()
    label = " · ".join(x for x in (new.posting.title, new.posting.organization) if x) or "Posting"
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
            con.print(f"  {move:<18} {C.esc(d['text'])}")
            con.print(f"  [dim]{'':<18} why: {C.esc(d['why'])}[/dim]")
