"""`careerkit share` (a member's snapshot for a cohort) and `careerkit cohort report` (the
pipeline lead's view of many snapshots, through DuckDB: the optional extra careerkit[cohort])."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from careerkit.cli import helpers as C

MEMBER_ID = "state.share.member"  # a settings row; not a user setting

SHARE_HELP = """A snapshot of where you stand, for the lead of a leadership cohort: your target
role, self-ratings per standard with counts of evidence, your standing on what postings for the
role share, goals by kind and status, learning hours, and milestones. Never a private entry,
the text of an entry, feedback or another person's name. Review it first with --preview."""

REPORT_HELP = """The cohort's picture from the snapshots its members shared (files or folders):
a heat map of self-ratings per standard, the requirements most often unmet for each target
role, stretch assignments, who could mentor whom, and a table per member. Exit status 3 when
some files were skipped (each is listed with the reason)."""


def register(app: typer.Typer) -> None:
    app.command("share", help=SHARE_HELP)(share)
    group = typer.Typer(help="A district's leadership cohort, from the snapshots members share.")
    group.command("report", help=REPORT_HELP)(report)
    app.add_typer(group, name="cohort")


# -- share ---------------------------------------------------------------------------------------


def share(
    cohort: str = typer.Option(
        ..., "--cohort", metavar="NAME", help="The cohort's name, as the lead gave it."
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write the snapshot here (.ckshare.json)."
    ),
    preview: bool = typer.Option(
        False, "--preview", help="Print exactly what the file would hold; write nothing."
    ),
    name: bool = typer.Option(False, "--name", help="Put your name in it (default: an id only)."),
    include_wins: Optional[list[int]] = typer.Option(
        None, "--include-wins", metavar="ID", help="Add the titles of these wins (repeat for more)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.formats.share import dumps

    if not cohort.strip():
        raise typer.BadParameter("give the cohort a name", param_hint="--cohort")
    if not preview and not output:
        C.fail("say where to write it (-o me.ckshare.json), or --preview to read it first", code=2)
    if not preview:
        from careerkit.cli.outfile import check_output

        check_output(output, force=force, example="me.ckshare.json")
    text = dumps(build_snapshot(cohort.strip(), with_name=name, wins=include_wins or []))
    if preview:
        typer.echo(text, nl=False)
        return
    from careerkit.cli.outfile import write_output

    assert output is not None
    write_output(Path(output), text, force=True, shown=output)
    C.say(f"Wrote {output}: review it before you send it (careerkit share --preview shows the same).")


def build_snapshot(cohort: str, *, with_name: bool, wins: list[int]):
    from datetime import UTC, datetime

    from careerkit.insight import share as S
    from careerkit.insight.standards import evidence_by_standard
    from careerkit.posting.competencies import vocabulary
    from careerkit.posting.frameworks import user_folder
    from careerkit.posting.text import stems
    from careerkit.store.growth import goal_gaps
    from careerkit.store.snapshot import read_trusted

    folder = user_folder(C.db_path())
    with C.writing() as conn:
        member_id = _member_id(conn)
        record = read_trusted(conn)
        gap_of = goal_gaps(conn)
        frameworks = _frameworks(conn, folder)
        ratings = {fw.id: _ratings(conn, fw.id) for fw in frameworks}
        common, postings = _common(conn, _target(record), folder)
    _check_wins(record, wins)
    shared = record.public()
    vocab = vocabulary(folder)
    rated = [
        S.framework_ratings(fw, ratings[fw.id], evidence_by_standard(shared, fw, vocab)) for fw in frameworks
    ]
    name = record.profile.name if with_name and record.profile else None
    return S.snapshot(
        created=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        cohort=cohort,
        member_id=member_id,
        name=name,
        target_role=_target(record),
        postings=postings,
        frameworks=rated,
        requirements=S.requirements(common) if common else [],
        goals=S.goals(shared, gap_of, lambda text: vocab.competencies(stems(text))),
        learning=S.learning(shared),
        milestones=_milestones(shared),
        wins=S.chosen_wins(shared, wins),
    )


def _member_id(conn) -> str:
    import uuid

    row = conn.execute("SELECT value FROM settings WHERE key = ?", (MEMBER_ID,)).fetchone()
    if row and row[0]:
        return str(row[0])
    value = uuid.uuid4().hex
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (MEMBER_ID, value))
    return value


def _target(record) -> str | None:
    roles = record.profile.target_roles if record.profile else []
    return roles[0] if roles else None


def _frameworks(conn, folder):
    """The frameworks the member has rated themselves against, else the one `assess` uses."""
    from careerkit.insight.standards import resolve_framework
    from careerkit.store.growth import get_setting

    rated = [r[0] for r in conn.execute("SELECT DISTINCT framework FROM assessments ORDER BY framework")]
    names = rated or [get_setting(conn, "assess.framework")]
    out = []
    for name in names:
        try:
            out.append(resolve_framework(name, folder))
        except Exception:  # a framework file removed since: its ratings cannot be titled
            continue
    return out


def _ratings(conn, framework_id: str):
    from careerkit.store.growth import ratings

    return ratings(conn, framework_id)


def _common(conn, role: str | None, folder):
    """`gap common` over the saved postings for the target role (all of them when none
    matches the role), and how many postings it read."""
    from careerkit.insight.recurring import common
    from careerkit.insight.suggest import Suggestions
    from careerkit.posting.frameworks import load_lexicon
    from careerkit.store import recurring as R

    if not R.saved_postings(conn):
        return None, 0
    ids = R.choose(conn, None, role) if role else []
    ids = ids or R.choose(conn, None, None)
    reports = R.load_reports(conn, ids)
    terms = load_lexicon(folder).terms
    report = common(
        reports,
        lexicon={t.term: [t.term, *t.variants] for t in terms},
        weights={t.term: t.weight for t in terms},
        labels={},
        suggestions=Suggestions.load(folder),
        min_postings=None,
    )
    return report, len(reports)


def _check_wins(record, wins: list[int]) -> None:
    known = {a.id: a for a in record.accomplishments}
    for win in wins:
        if win not in known:
            C.fail(f"no win with id {win} (careerkit wins list shows them)")
        if known[win].private:
            C.fail(f"win {win} is private: a snapshot never holds a private entry")


def _milestones(record):
    """Milestones detected from the record (insight.milestones, when this build has it)."""
    from careerkit.models.share import Milestone

    out = []
    for cred in record.credentials:
        if cred.status == "earned" and cred.date:
            out.append(Milestone(kind="credential-earned", date=cred.date, label=f"{cred.kind} earned"))
    for goal in record.goals:
        if goal.status == "done":
            out.append(Milestone(kind="goal-done", date=goal.due, label=f"{goal.kind or 'goal'} done"))
    count = len(record.accomplishments)
    for n in (10, 25, 50, 100):
        if count >= n:
            dates = sorted(a.date for a in record.accomplishments)
            out.append(Milestone(kind="wins", date=dates[n - 1], label=f"{n} wins logged"))
    out.sort(key=lambda m: (m.date or "", m.kind))
    return out


# -- cohort report -------------------------------------------------------------------------------


def report(
    sources: list[Path] = typer.Argument(
        ..., metavar="SNAPSHOTS...", help="Snapshot files or folders of them."
    ),
    output: Optional[str] = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report (.md, .html, .pdf; default: Markdown to standard output).",
    ),
    db: Optional[Path] = typer.Option(
        None, "--db", metavar="FILE", help="Keep the DuckDB database (cohort.duckdb) to query with SQL."
    ),
    sqlite: Optional[Path] = typer.Option(
        None,
        "--sqlite",
        metavar="FILE",
        help="Also write the tables as SQLite, for Datasette or a spreadsheet.",
    ),
    parquet: Optional[Path] = typer.Option(
        None,
        "--parquet",
        metavar="DIR",
        help="Also write the tables as Parquet files into DIR (for a warehouse).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON document."),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.insight import cohort as K

    fmt = _format(output)
    from careerkit.cli.outfile import check_output

    check_output(output, force=force, example="cohort-report.html")
    loaded = K.load(sources, keep=db)
    try:
        result = K.analyse(loaded)
        if sqlite:
            K.to_sqlite(loaded, sqlite)
        if parquet:
            K.to_parquet(loaded, parquet)
    finally:
        loaded.close()
    if as_json:
        C.print_json(result.as_dict())
    else:
        _write(result, fmt, output)
    for line in result.skipped_lines():
        C.say(f"skipped {line}")
    if db:
        C.say(f"The DuckDB database is {db} (duckdb {db} opens it).")
    if result.skipped:
        raise typer.Exit(3)


def _format(output: str | None) -> str:
    if not output or output == "-":
        return "md"
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix not in ("md", "html", "pdf"):
        raise typer.BadParameter(f"cannot write .{suffix}: use .md, .html or .pdf", param_hint="-o")
    return suffix


def _write(result, fmt: str, output: str | None) -> None:
    from careerkit.cli.commands.documents import _emit
    from careerkit.render import cohort as R

    data: str | bytes = (
        R.to_pdf(result) if fmt == "pdf" else (R.to_html(result) if fmt == "html" else R.to_markdown(result))
    )
    # -o was checked before the work (report); standard output for none or '-'.
    _emit(data, None if output == "-" else output)
