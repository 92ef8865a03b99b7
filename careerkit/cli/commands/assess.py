"""`careerkit assess`: rate yourself 1 to 3 against a leadership framework's standards, each
rating resting on the evidence the record already holds; `assess set`, `assess show`,
`assess history`."""

from __future__ import annotations

from typing import Any, Optional

import typer

from careerkit.cli import helpers as C

FRAMEWORK_HELP = (
    "psel-2015, tlms-2011, hts-2020 or tpess-2016 (default: the setting assess.framework, "
    "else the first that fits your profile's place)."
)
SCALE = "1 no or limited evidence, 2 basic, 3 effective or advanced"


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Rate yourself 1-3 against a leadership framework, standard by "
        "standard, with the evidence from your record beside each.",
        invoke_without_command=True,
        rich_markup_mode=None,
    )
    group.callback()(walk)
    group.command("set", help="Rate one standard without the walk-through.")(set_)
    group.command(
        "show", help="Your latest rating per standard, strongest to weakest, with the evidence for each."
    )(show)
    group.command("history", help="How your ratings moved over time.")(history)
    app.add_typer(group, name="assess")


def _today():
    from careerkit.cli.commands.growth import today

    return today()


def _folder():
    from careerkit.posting.frameworks import user_folder

    return user_folder(C.db_path())


def _framework(name: Optional[str]):
    from careerkit.insight.standards import resolve_framework
    from careerkit.store.growth import get_setting

    if name is None:
        with C.database() as conn:
            chosen = conn.execute("SELECT value FROM settings WHERE key = 'assess.framework'").fetchone()
            name = chosen[0] if chosen else _for_place(conn) or get_setting(conn, "assess.framework")
    return resolve_framework(name, _folder())


def _for_place(conn) -> str | None:
    """With no framework chosen: the first that fits the profile's place (the Headteachers'
    standards in England; PSEL in the United States)."""
    from careerkit.insight.place import fitting, place_of
    from careerkit.posting.frameworks import load_frameworks
    from careerkit.store import records as R

    place = place_of((R.get_profile(conn) or {}).get("location"))
    if place is None:
        return None
    fits = fitting(load_frameworks(_folder()), place)
    return fits[0].id if fits else None


def _evidence(framework) -> dict[str, list]:
    from careerkit.insight.standards import evidence_by_standard
    from careerkit.posting.competencies import vocabulary
    from careerkit.store.snapshot import read_trusted

    with C.database() as conn:
        record = read_trusted(conn)
    return evidence_by_standard(record, framework, vocabulary(_folder()))


def _ratings(framework) -> list[dict[str, Any]]:
    from careerkit.store.growth import ratings

    with C.database() as conn:
        return ratings(conn, framework.id)


def _reflections(framework) -> dict[str, list[dict[str, Any]]]:
    from careerkit.store.reflections import by_standard

    with C.database() as conn:
        return by_standard(conn, [c.id for c in framework.competencies])


def _how_i_know(r: dict[str, Any]) -> str:
    """A reflection as the answer to "how do you know?": its evidence, else what happened."""
    text = " ".join(str(r["evidence"] or r["text"]).split())
    if len(text) > 90:
        text = text[:89] + "…"
    return f"how I know: {text} (reflection {r['id']}, {r['date']})"


def _proof_line(p) -> str:
    noun = {"accomplishment": "win", "feedback": "feedback", "learning": "learning"}[p.kind]
    text = " ".join(str(p.text).split())
    if len(text) > 90:
        text = text[:89] + "…"
    return f"{noun} {p.id} ({p.date}): {text}"


# -- the walk-through ---------------------------------------------------------------------------


def walk(
    ctx: typer.Context,
    framework: Optional[str] = typer.Option(None, "--framework", "-f", help=FRAMEWORK_HELP),
    standards: Optional[list[str]] = typer.Option(
        None, "--standard", "-s", help="Only this standard (repeat for more)."
    ),
    when: Optional[str] = typer.Option(
        None, "--date", metavar="DATE", help="The date of the ratings (default: today)."
    ),
) -> None:
    """Walk through every standard: the evidence, then a rating 1-3 and a note."""
    if ctx.invoked_subcommand is not None:
        return
    from careerkit.dates import parse_date
    from careerkit.errors import InvalidInput

    fw = _framework(framework)
    day = parse_date(when, _today()) if when else _today().isoformat()
    chosen = fw.competencies
    if standards:
        wanted = {s.strip().lower() for s in standards}
        unknown = wanted - {c.id for c in fw.competencies}
        if unknown:
            raise InvalidInput(f"not a standard of {fw.short or fw.name}: " + ", ".join(sorted(unknown)))
        chosen = [c for c in fw.competencies if c.id in wanted]
    evidence = _evidence(fw)
    reflected = _reflections(fw)
    last = {r["standard"]: r for r in _ratings(fw)}
    typer.echo(f"{fw.short or fw.name}: {len(chosen)} standards. Rate each {SCALE}.")
    typer.echo("Enter skips a standard; q stops (what you rated is kept).")
    saved = 0
    for n, c in enumerate(chosen, 1):
        typer.echo("")
        typer.echo(f"[{n}/{len(chosen)}] {c.id}  {c.title}")
        if c.id in last:
            r = last[c.id]
            typer.echo(
                f"  Last rating: {r['rating']} on {r['date']}" + (f" ({r['note']})" if r["note"] else "")
            )
        for prompt in c.prompts:
            typer.echo(f"  Look for: {prompt}")
        for r in reflected.get(c.id, [])[:2]:
            typer.echo(f"  {_how_i_know(r)}")
        proofs = evidence.get(c.id, [])
        if proofs:
            typer.echo(f"  Evidence in your record ({len(proofs)}):")
            for p in proofs[:5]:
                typer.echo(f"    {_proof_line(p)}")
            if len(proofs) > 5:
                typer.echo(f"    and {len(proofs) - 5} more")
        else:
            typer.echo("  No evidence in your record yet: say in the note how you know.")
        rating = _ask_rating()
        if rating == "q":
            break
        if rating is None:
            continue
        note = _ask("  How do you know? (a note, Enter for none)")
        _save(fw.id, c.id, rating, None if note == "q" else note or None, day)
        saved += 1
    C.say(
        f"Saved {saved} rating{'s' if saved != 1 else ''} for {fw.short or fw.name} on {day}."
        + (" See them with: careerkit assess show" if saved else "")
    )


def _ask(prompt: str) -> str:
    try:
        return typer.prompt(prompt, default="", show_default=False, prompt_suffix=": ").strip()
    except (typer.Abort, EOFError):
        return "q"


def _ask_rating():
    """1, 2 or 3; None to skip; 'q' to stop (also at the end of the input)."""
    while True:
        answer = _ask("  Rating 1-3").lower()
        if answer in ("q", "quit", "stop"):
            return "q"
        if answer in ("", "s", "skip"):
            return None
        if answer in ("1", "2", "3"):
            return int(answer)
        typer.echo(f"  Please type 1, 2 or 3 ({SCALE}), Enter to skip or q to stop.", err=True)


def _save(framework: str, standard: str, rating: int, note: str | None, day: str) -> None:
    from careerkit.store.growth import add_rating

    with C.writing() as conn:
        add_rating(conn, framework, standard, rating, note, day)


# -- set, show, history -------------------------------------------------------------------------


def set_(
    standard: str = typer.Argument(..., metavar="STANDARD", help="A standard id: psel-4, tlms-2, hts-7."),
    rating: int = typer.Argument(..., metavar="RATING", help=SCALE + "."),
    note: Optional[str] = typer.Option(None, "--note", "-m", help="How you know."),
    when: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="When (default: today)."),
) -> None:
    from careerkit.dates import parse_date
    from careerkit.insight.standards import framework_of

    fw, c = framework_of(standard, _folder())
    day = parse_date(when, _today()) if when else _today().isoformat()
    _save(fw.id, c.id, rating, note.strip() if note and note.strip() else None, day)
    C.say(f"Rated {c.id} {c.title}: {rating} on {day}.")


def show(
    framework: Optional[str] = typer.Option(None, "--framework", "-f", help=FRAMEWORK_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.insight.standards import standings

    fw = _framework(framework)
    rows = standings(fw, _ratings(fw), _evidence(fw), _reflections(fw))
    rated = sorted((s for s in rows if s.rating), key=lambda s: -(s.rating or 0))
    unrated = [s for s in rows if not s.rating]
    top = max((s.rating or 0 for s in rated), default=None)
    low = min((s.rating or 0 for s in rated), default=None)
    strongest = [s.id for s in rated if s.rating == top] if rated else []
    weakest = [s.id for s in rated if s.rating == low and low != top] if rated else []
    if as_json:
        C.print_json(
            {
                "framework": fw.id,
                "name": fw.name,
                "standards": [s.as_dict() for s in rated + unrated],
                "strongest": strongest,
                "weakest": weakest,
                "unrated": [s.id for s in unrated],
            }
        )
        return
    if not rated:
        C.say(f"No ratings yet for {fw.short or fw.name}: careerkit assess --framework {fw.id}")
        return
    typer.echo(f"{fw.short or fw.name}: {len(rated)} of {len(rows)} standards rated")
    for title, ids in (("Strongest", strongest), ("Weakest", weakest)):
        if ids:
            typer.echo(f"{title}: " + ", ".join(ids))
    for s in rated:
        typer.echo("")
        typer.echo(f"{s.rating}  {s.id}  {s.title}  ({s.date})")
        if s.note:
            typer.echo(f"     {s.note}")
        for r in s.reflections[:2]:
            typer.echo(f"     {_how_i_know(r)}")
        for p in s.evidence[:3]:
            typer.echo(f"     - {_proof_line(p)}")
        if not s.evidence:
            typer.echo("     - no evidence in the record yet")
    if unrated:
        typer.echo("")
        typer.echo("Not rated: " + ", ".join(s.id for s in unrated))


def history(
    framework: Optional[str] = typer.Option(None, "--framework", "-f", help=FRAMEWORK_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.insight.standards import history as movement

    fw = _framework(framework)
    rows = movement(fw, _ratings(fw))
    if as_json:
        C.print_json({"framework": fw.id, "standards": rows})
        return
    if not rows:
        C.say(f"No ratings yet for {fw.short or fw.name}: careerkit assess --framework {fw.id}")
        return
    for r in rows:
        steps = " -> ".join(f"{x['rating']} ({x['date']})" for x in r["ratings"])
        change = f"  {'+' if r['change'] > 0 else ''}{r['change']}" if len(r["ratings"]) > 1 else ""
        typer.echo(f"{r['standard']:<8} {r['title']}: {steps}{change}")
