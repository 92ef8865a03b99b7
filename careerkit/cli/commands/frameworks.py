"""`careerkit frameworks`: the competency frameworks that requirements and wins map to."""

from __future__ import annotations

import typer

from careerkit.cli import helpers as C


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Competency frameworks (PSEL 2015, Teacher Leader Model Standards, "
        "Headteachers' standards 2020, and your own).",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    sub.command("list", help="List the frameworks and where each comes from.")(list_)
    sub.command("show", help="Show a framework's competencies (or one competency) and keywords.")(show)
    app.add_typer(sub, name="frameworks", help="Competency frameworks.")


def _folder():
    from careerkit.posting.frameworks import user_folder

    return user_folder(C.db_path())


def list_(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")):
    from careerkit.posting.frameworks import PACKAGED, load_frameworks, load_lexicon

    folder = _folder()
    fws = load_frameworks(folder)
    terms = len(load_lexicon(folder).terms)  # read now so a bad lexicon file is reported
    rows = [
        {
            "id": f.id,
            "name": f.name,
            "short": f.short,
            "year": f.year,
            "region": f.region,
            "competencies": len(f.competencies),
            "origin": "built in" if f.source and str(PACKAGED) in f.source else f.source,
        }
        for f in fws
    ]
    if as_json:
        C.print_json(rows)
        return
    t = C.table("id", "name", "year", "competencies", "from")
    for r in rows:
        t.add_row(r["id"], C.esc(r["name"]), str(r["year"] or ""), str(r["competencies"]), C.esc(r["origin"]))
    C.console().print(t)
    C.say(f"Lexicon: {terms} terms of the field and their variants.")
    if folder is not None:
        C.say(f"Your own frameworks and lexicon files go in {folder}")


def show(
    ident: str = typer.Argument(
        ..., metavar="ID", help="A framework id (psel, tlms, hts) or a competency id (psel-4)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
):
    from careerkit.errors import NotFound
    from careerkit.posting.frameworks import find_competency, find_framework

    folder = _folder()
    fw = find_framework(ident, folder)
    if fw is None:
        hit = find_competency(ident, folder)
        if hit is None:
            raise NotFound(f"no framework or competency {ident!r}: `careerkit frameworks list` shows the ids")
        fw, comp = hit
        if as_json:
            C.print_json({"framework": fw.id, **comp.model_dump()})
            return
        con = C.console()
        con.print(f"[bold]{C.esc(comp.id)}[/bold]  {C.esc(comp.title)}  ({C.esc(fw.name)})")
        con.print(f"keywords: {C.esc(', '.join(comp.keywords))}")
        return
    if as_json:
        C.print_json(fw.model_dump(exclude={"source"}))
        return
    con = C.console()
    con.print(
        f"[bold]{C.esc(fw.name)}[/bold]"
        + (f" ({fw.year})" if fw.year else "")
        + (f" · {C.esc(fw.publisher)}" if fw.publisher else "")
    )
    t = C.table("id", "title", "keywords")
    for c in fw.competencies:
        t.add_row(
            c.id, C.esc(c.title), C.esc(", ".join(c.keywords[:8]) + (" …" if len(c.keywords) > 8 else ""))
        )
    con.print(t)
