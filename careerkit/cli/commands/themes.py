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
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document (same as --format json)."),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="text, md or json (default: from -o's name, else text on screen).",
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here ('-' for standard output)."
    ),
    include_private: bool = typer.Option(False, "--include-private", help="Read private feedback too."),
    redact: bool = typer.Option(
        False, "--redact", help="Leave out who said it, and students and parents named in the quotes."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.insight.themes import feedback_themes, in_framework
    from careerkit.store.snapshot import read_trusted

    fmt = _format(fmt, output, as_json)
    if output == "-":
        output = None
    if output is not None:
        from careerkit.cli.commands.documents import _check_writable

        _check_writable(output, force)
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
    if fmt == "json" and output is None:
        C.print_json(result.model_dump(mode="json"))
    elif fmt == "text" and output is None:
        _print(result)
    else:
        import json

        from careerkit.cli.commands.documents import _emit

        if fmt == "json":
            data = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "md":
            data = markdown(result)
        else:
            data = plain(result)
        _emit(data, output)
    C.say_redacted(removed)
    if hidden:
        C.say(
            f"{hidden} private piece{'s' if hidden != 1 else ''} of feedback left out "
            "(--include-private reads them)."
        )


FORMATS = ("text", "md", "json")


def _format(fmt: Optional[str], output: Optional[str], as_json: bool) -> str:
    from pathlib import Path

    from careerkit.errors import InvalidInput

    if as_json:
        if fmt not in (None, "json"):
            raise InvalidInput("--json and --format contradict each other: choose one")
        return "json"
    if fmt is None:
        suffix = Path(output).suffix.lower() if output and output != "-" else ""
        return {".md": "md", ".markdown": "md", ".json": "json"}.get(suffix, "text")
    value = {"markdown": "md", "txt": "text"}.get(fmt.strip().lower(), fmt.strip().lower())
    if value not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return value


def _who(q) -> str:
    who = _rel(q.relationship)
    if q.from_name:
        who = f"{q.from_name} ({who})"
    return who + (f", {q.date[:7]}" if q.date else "")


def _groups(result):
    return (("By competency", result.competencies, False), ("In their words", result.wording, True))


def _heading(theme, quoted: bool) -> tuple[str, str]:
    """A theme's label (its words in quotes, or its competency) and who said it, how often."""
    label = "; ".join(f"“{x}”" for x in theme.label.split("; ")) if quoted else _competency(theme)
    return label, ", ".join(f"{_rel(r)} {n}" for r, n in theme.relationships.items())


def markdown(result) -> str:
    """The themes as Markdown: a heading per theme, its quotes as block quotes."""
    from careerkit.render.escape import markdown as md

    out = [f"# Themes in {result.feedback} pieces of feedback"]
    for title, group, quoted in _groups(result):
        if not group:
            continue
        out.append(f"## {title}")
        for t in group:
            label, rel = _heading(t, quoted)
            out.append(f"### {md(label)}\n\n*{t.count} · {md(rel)}*")
            out += [f"> “{md(q.text)}”\n> — {md(_who(q))}" for q in t.quotes]
    if result.growth:
        out.append("## Growth areas named (not praise)")
        out += [f"> “{md(q.text)}”\n> — {md(_who(q))}" for q in result.growth]
    if len(out) == 1:
        out.append("No theme recurs yet: a theme needs the same idea from two or more pieces of feedback.")
    return "\n\n".join(out) + "\n"


def plain(result) -> str:
    """The themes as plain text, as the screen shows them."""
    out = [f"Themes in {result.feedback} pieces of feedback"]
    for title, group, quoted in _groups(result):
        if not group:
            continue
        out.append(f"\n{title}")
        for t in group:
            label, rel = _heading(t, quoted)
            out.append(f"  {label}  {t.count} · {rel}")
            out += [f"    “{q.text}” — {_who(q)}" for q in t.quotes]
    if result.growth:
        out.append("\nGrowth areas named (not praise)")
        out += [f"    “{q.text}” — {_who(q)}" for q in result.growth]
    return "\n".join(out) + "\n"


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
    for title, group, quoted in _groups(result):
        if not group:
            continue
        con.print(f"\n[bold]{title}[/bold]")
        for t in group:
            label, rel = _heading(t, quoted)
            C.indented(con, f"[bold]{C.esc(label)}[/bold]  {t.count} · {C.esc(rel)}", 2, hang=2)
            for q in t.quotes:
                C.indented(con, f"“{C.esc(q.text)}” — {C.esc(_who(q))}", 4, hang=1)
    if result.growth:
        con.print("\n[bold]Growth areas named (not praise)[/bold]")
        for q in result.growth:
            C.indented(con, f"“{C.esc(q.text)}” — {C.esc(_who(q))}", 4, hang=1)


def _competency(theme) -> str:
    return theme.key if theme.label == theme.key else f"{theme.label} ({theme.key})"


def _rel(value: str) -> str:
    return {"direct-report": "direct report"}.get(value, value)
