"""`careerkit feedback themes`: what others keep recognising, across all feedback."""

from __future__ import annotations

from typing import Optional

import typer

from careerkit.cli import helpers as C

HELP = (
    "The themes in your feedback: grouped by framework competency and by wording that "
    "recurs, each with how often it comes up, who it comes from (supervisor, colleague, "
    "direct report, parent, student) and the best quotes. Private feedback is left out "
    "unless --include-private."
)


def competency_tools():
    """(competency id -> title, text -> competency ids, competency id -> framework id) from
    the frameworks in use."""
    from careerkit.posting.competencies import competencies_of
    from careerkit.posting.frameworks import load_frameworks, user_folder

    folder = user_folder(C.db_path())
    frameworks = load_frameworks(folder)
    titles = {c.id: c.title for fw in frameworks for c in fw.competencies}
    framework_of = {c.id: fw.id for fw in frameworks for c in fw.competencies}
    return titles, (lambda text: competencies_of(text, folder=folder)), framework_of


def themes(
    framework: Optional[str] = typer.Option(
        None,
        "--framework",
        metavar="ID",
        help="Competencies of this framework: psel, tlms, hts (default: the one your feedback touches most).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    include_private: bool = typer.Option(False, "--include-private", help="Read private feedback too."),
    redact: bool = typer.Option(
        False, "--redact", help="Leave out who said it, and students and parents named in the quotes."
    ),
) -> None:
    from careerkit.insight.themes import feedback_themes, in_framework
    from careerkit.store.snapshot import read_trusted

    titles, mapper, framework_of = competency_tools()
    if framework is not None:
        framework = _framework_id(framework, framework_of)

    with C.database() as conn:
        record = read_trusted(conn)
        if redact:
            from careerkit.store.records import known_people

            people = known_people(conn)
    hidden = 0 if include_private else sum(1 for f in record.feedback if f.private)
    if not include_private:
        record = record.public()
    removed = None
    if redact:
        from careerkit.redact import redact_record

        record, removed = redact_record(record, people)
    result = in_framework(
        feedback_themes(record, competencies_of=mapper, names=titles), framework_of, framework
    )
    if as_json:
        C.print_json(result.model_dump(mode="json"))
    else:
        _print(result)
    C.say_redacted(removed)
    if hidden:
        C.say(
            f"{hidden} private piece{'s' if hidden != 1 else ''} of feedback left out "
            "(--include-private reads them)."
        )


def _framework_id(value: str, framework_of: dict[str, str]) -> str:
    from careerkit.errors import InvalidInput

    known = sorted(set(framework_of.values()))
    wanted = value.strip().lower()
    if wanted not in known:
        raise InvalidInput(f"unknown framework {value!r}: use one of {', '.join(known)}")
    return wanted


def _print(result) -> None:
    con = C.console()
    if not result.feedback:
        con.print(
            "No feedback yet. Add what people say as it happens, for example:\n"
            '  careerkit feedback add "Your PLC sessions changed how we plan." '
            "--relationship colleague"
        )
        return
    if not result.competencies and not result.wording:
        con.print(
            f"No theme recurs yet in {result.feedback} piece"
            f"{'s' if result.feedback != 1 else ''} of feedback: a theme needs the same "
            "idea from two or more."
        )
        return
    con.print(f"[bold]Themes in {result.feedback} pieces of feedback[/bold]")
    for title, group, quoted in (
        ("By competency", result.competencies, False),
        ("In their words", result.wording, True),
    ):
        if not group:
            continue
        con.print(f"\n[bold]{title}[/bold]")
        for t in group:
            label = "; ".join(f"“{x}”" for x in t.label.split("; ")) if quoted else _competency(t)
            rel = ", ".join(f"{_rel(r)} {n}" for r, n in t.relationships.items())
            con.print(f"  [bold]{C.esc(label)}[/bold]  {t.count} · {C.esc(rel)}")
            for q in t.quotes:
                who = _rel(q.relationship)
                if q.from_name:
                    who = f"{q.from_name} ({who})"
                when = f", {q.date[:7]}" if q.date else ""
                con.print(f"    “{C.esc(q.text)}” — {C.esc(who)}{C.esc(when)}")


def _competency(theme) -> str:
    return theme.key if theme.label == theme.key else f"{theme.label} ({theme.key})"


def _rel(value: str) -> str:
    return {"direct-report": "direct report"}.get(value, value)
