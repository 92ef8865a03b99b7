"""`careerkit reflect`: a reflection, inline like `log` or in $EDITOR on a short guided
template; `reflect list`, `reflect show`, `reflect rm`, `reflect prompts`. Reflections are
private by default: no document shows them unless asked."""

from __future__ import annotations

from typing import Any, Optional

import typer
from typer.core import TyperGroup

from careerkit.cli import helpers as C

HELP = (
    "Reflect: what happened, what you did, what you learned, what you would do differently, "
    "and how you know. With no text, opens $EDITOR on a guided template. Private by default."
)
SUBCOMMANDS = ("add", "list", "show", "rm", "prompts")


class ReflectGroup(TyperGroup):
    """`careerkit reflect TEXT ...` and `careerkit reflect --on win:3` are `reflect add`; a
    subcommand's name or --help goes to the group as usual."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["add", *args]
        return super().parse_args(ctx, args)


def register(app: typer.Typer) -> None:
    group = typer.Typer(cls=ReflectGroup, help=HELP, rich_markup_mode=None)
    group.command("add", help="Write a reflection (the same as `careerkit reflect ...`).")(add)
    group.command("list", help="Reflections, newest first.")(list_)
    group.command("show", help="Show one reflection in full.")(show)
    group.command("rm", help="Delete a reflection.")(rm)
    group.command("prompts", help="The prompts: packaged, and yours from the frameworks folder.")(prompts)
    app.add_typer(group, name="reflect")


def _today():
    from careerkit.cli.commands.growth import today

    return today()


def _folder():
    from careerkit.posting.frameworks import user_folder

    return user_folder(C.db_path())


def _competencies(values: list[str]) -> list[str]:
    """Standard ids as the frameworks know them (psel-4); an unknown id is an error."""
    from careerkit.insight.standards import framework_of

    out = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                _, c = framework_of(part.strip().lower(), _folder())
                if c.id not in out:
                    out.append(c.id)
    return out


# -- add ------------------------------------------------------------------------------------------


def add(
    text: Optional[str] = typer.Argument(
        None, help="What happened, in a sentence or two. With none, opens $EDITOR.", show_default=False
    ),
    did: Optional[str] = typer.Option(None, "--did", help="What I did."),
    learned: Optional[str] = typer.Option(None, "--learned", "-l", help="What I learned."),
    differently: Optional[str] = typer.Option(None, "--differently", help="What I would do differently."),
    evidence: Optional[str] = typer.Option(
        None, "--evidence", "-e", help="How I know: the evidence (what was said, data, student work)."
    ),
    on: Optional[list[str]] = typer.Option(
        None, "--on", metavar="KIND:ID", help="An entry it reflects on: win:12, feedback:3, goal:2, learn:4."
    ),
    competency: Optional[list[str]] = typer.Option(
        None, "--competency", "-c", metavar="ID", help="A standard it speaks to: psel-4, tlms-2 (repeat)."
    ),
    prompt: Optional[str] = typer.Option(
        None,
        "--prompt",
        "-p",
        help="after-a-hard-conversation, after-an-observation, end-of-term, or another "
        "(careerkit reflect prompts); the prompts take turns when none is given.",
    ),
    when: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="When (default: today)."),
    private: bool = typer.Option(
        True,
        "--private/--shareable",
        help="Shareable reflections may appear in a recap; private ones only when asked.",
    ),
) -> None:
    from careerkit.dates import parse_date
    from careerkit.insight.prompts import choose, load_prompts

    chosen_prompts = load_prompts(_folder())
    comps = _competencies(competency or [])
    links = list(on or [])
    day = parse_date(when, _today()) if when else _today().isoformat()
    with C.database() as conn:
        turn = conn.execute("SELECT count(*) FROM reflections").fetchone()[0]
        if links:  # a wrong --on fails before the editor opens
            from careerkit.store.reflections import check_links

            links = check_links(conn, links)
    chosen = choose(chosen_prompts, prompt, turn)
    values: dict[str, Any] = {
        "date": day,
        "did": did,
        "learned": learned,
        "differently": differently,
        "evidence": evidence,
        "prompt": chosen.id,
        "competencies": comps,
        "links": links,
        "private": private,
    }
    if text is None:
        reflection_id = _from_editor(values, chosen)
    else:
        if not text.strip():
            raise_error("the reflection is empty: say what happened")
        values["text"] = text
        reflection_id = _save(values)
    if reflection_id is None:
        C.say("Nothing written: the reflection was discarded.")
        return
    C.say(f"Added reflection {reflection_id}" + (" (private)." if values["private"] else " (shareable)."))
    from careerkit.cli.commands.growth import nudge_after_capture

    nudge_after_capture()


def raise_error(message: str) -> None:
    from careerkit.errors import InvalidInput

    raise InvalidInput(message)


def _save(values: dict[str, Any]) -> int:
    from careerkit.store.reflections import add as insert

    with C.writing() as conn:
        return insert(conn, {k: v for k, v in values.items() if v is not None})


def template(values: dict[str, Any], prompt) -> str:
    from careerkit.store.reflections import PARTS

    lines = [
        f"# Reflection: {prompt.title}. {prompt.lead}",
        "# Write under each heading; lines starting with # are ignored. Save and close to keep it;",
        "# leave it unchanged to discard it. The lines above the first heading can be changed too.",
        f"date: {values['date']}",
        f"on: {', '.join(values['links'])}",
        f"competencies: {', '.join(values['competencies'])}",
        f"private: {'yes' if values['private'] else 'no'}",
    ]
    for col, question in PARTS:
        lines += ["", f"## {question}"]
        if prompt.hints.get(col):
            lines.append(f"# {prompt.hints[col]}")
        if values.get(col):
            lines.append(str(values[col]))
    return "\n".join(lines) + "\n"


def parse_template(text: str) -> dict[str, Any]:
    """The edited template back to values: header lines 'key: value', then the parts."""
    from careerkit.errors import InvalidInput
    from careerkit.store.reflections import PARTS

    by_question = {q.lower(): col for col, q in PARTS}
    values: dict[str, Any] = {}
    parts: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.lstrip().startswith("#") and not line.startswith("## "):
            continue
        if line.startswith("## "):
            heading = line[3:].strip().lower()
            found = by_question.get(heading)
            if found is None:
                raise InvalidInput(f"unknown heading {line.strip()!r}: keep the template's headings")
            current = found
            parts.setdefault(current, [])
            continue
        if current is None:
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            key = key.strip().lower()
            if not sep or key not in ("date", "on", "competencies", "private"):
                raise_error(f"cannot read {line.strip()!r}: use date:, on:, competencies: and private:")
            values[key] = value.strip()
            continue
        parts[current].append(line)
    for col, lines in parts.items():
        body = "\n".join(lines).strip()
        if body:
            values[col] = body
    return values


def _from_editor(values: dict[str, Any], prompt) -> int | None:
    from careerkit.dates import parse_date

    start = template(values, prompt)
    text = C.edit_text(start, suffix=".md")
    if text is None:
        return None
    try:
        edited = parse_template(text)
        if not any(edited.get(col) for col in ("text", "did", "learned", "differently", "evidence")):
            return None
        if not edited.get("text"):
            raise_error("say what happened (the first heading)")
        merged = dict(values)
        for col in ("text", "did", "learned", "differently", "evidence"):
            merged[col] = edited.get(col)
        if edited.get("date"):
            merged["date"] = parse_date(edited["date"], _today())
        if "on" in edited:
            merged["links"] = [x.strip() for x in edited["on"].split(",") if x.strip()]
        if "competencies" in edited:
            merged["competencies"] = _competencies([edited["competencies"]])
        if "private" in edited:
            flag = edited["private"].lower()
            if flag not in ("yes", "no", "true", "false"):
                raise_error("private: say yes or no")
            merged["private"] = flag in ("yes", "true")
        return _save(merged)
    except Exception as exc:
        saved = C.save_recovery(text)
        message = C._describe(exc) or str(exc)
        raise_error(f"{message}; what you typed is kept in {saved}")
        raise


# -- list, show, rm, prompts ----------------------------------------------------------------------


def list_(
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="On or after."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", help="On or before."),
    competency: Optional[str] = typer.Option(None, "--competency", "-c", help="Only this standard: psel-4."),
    on: Optional[str] = typer.Option(
        None, "--on", metavar="KIND:ID", help="Only those on this entry: win:12."
    ),
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=0, help="At most this many; 0 for all."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.dates import parse_date
    from careerkit.store.reflections import list_reflections

    with C.database() as conn:
        rows = list_reflections(
            conn,
            since=parse_date(since, _today()) if since else None,
            until=parse_date(until, _today()) if until else None,
            competency=competency,
            on=on,
            limit=limit or None,
        )
    if as_json:
        C.print_json(rows)
        return
    if not rows:
        C.say('No reflections yet: careerkit reflect "what happened" --learned "..."')
        return
    t = C.table("id", "date", "what happened", "on", "competencies", "")
    for r in rows:
        t.add_row(
            str(r["id"]),
            r["date"],
            C.esc(_short(r["text"], 70)),
            ", ".join(r["links"]),
            ", ".join(r["competencies"]),
            "private" if r["private"] else "",
        )
    C.console().print(t)


def _short(text: str | None, width: int) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def show(
    reflection_id: int = typer.Argument(..., metavar="ID", help="The id shown by reflect list."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.store.reflections import PARTS, describe_links, get

    with C.database() as conn:
        row = get(conn, reflection_id)
        targets = describe_links(conn, row["links"])
    if as_json:
        C.print_json({**row, "on": targets})
        return
    head = f"Reflection {row['id']} · {row['date']}" + (" · private" if row["private"] else " · shareable")
    lines = [head]
    if row["prompt"]:
        lines.append(f"Prompt: {row['prompt']}")
    for t in targets:
        what = f"{t['title']} ({t['date']})" if t["title"] else "(deleted since)"
        lines.append(f"On {t['kind']} {t['id']}: {what}")
    if row["competencies"]:
        lines.append("Competencies: " + ", ".join(row["competencies"]))
    for col, question in PARTS:
        if row.get(col):
            lines += ["", question]
            lines += [f"  {line}" for line in str(row[col]).splitlines()]
    typer.echo("\n".join(lines))


def rm(
    reflection_id: int = typer.Argument(..., metavar="ID", help="The id shown by reflect list."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    import sys

    from careerkit.store.reflections import delete, get

    with C.database() as conn:
        row = get(conn, reflection_id)
    label = _short(row["text"], 60)
    if not yes and sys.stdin.isatty():
        typer.confirm(f"Delete reflection {reflection_id} ({label})?", abort=True)
    with C.writing() as conn:
        delete(conn, reflection_id)
    C.say(f"Deleted reflection {reflection_id}: {label}")


def prompts(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    from dataclasses import asdict

    from careerkit.insight.prompts import load_prompts

    items = load_prompts(_folder())
    if as_json:
        C.print_json([asdict(p) for p in items])
        return
    width = max(len(p.id) for p in items)
    for p in items:
        turn = " (takes turns)" if p.rotate else ""
        typer.echo(f"{p.id:<{width}}  {p.lead}{turn}")
