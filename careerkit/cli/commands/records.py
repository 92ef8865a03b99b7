"""One command group per kind of record: add, list, show, edit, rm."""

from __future__ import annotations

import inspect
import sys
from typing import Any, Optional

import typer

from careerkit.cli import helpers as C
from careerkit.cli.fields import choice, given, option, parameters, with_signature

# group name -> (kind, help, what the one argument of `add` is)
GROUPS: dict[str, tuple[str, str, str]] = {
    "wins": (
        "accomplishment",
        "Accomplishments: the brag log behind the resume.",
        "What you did, in one line.",
    ),
    "feedback": (
        "feedback",
        "Feedback received from supervisors, colleagues, staff, parents and students.",
        "What was said.",
    ),
    "learn": (
        "learning",
        "The learning log: courses, workshops, books, conferences.",
        "The title of the course, book or event.",
    ),
    "roles": (
        "position",
        "Positions held: the resume's experience, and the years that postings ask for.",
        "The job title.",
    ),
    "creds": (
        "credential",
        "Degrees, certifications, licences, endorsements, trainings and awards.",
        "The credential's name.",
    ),
    "network": ("contact", "Mentors, sponsors, peers and coaches.", "The person's name."),
    "goals": (
        "goal",
        "Goals: the experiences, learning and credentials you are working towards.",
        "The goal.",
    ),
}
DATED = {"accomplishment", "feedback", "learning"}
LIMIT_HELP = (
    "At most this many; 0 for all. In a terminal a list without --limit shows the "
    "first 100 and says how many there are; piped, it prints them all."
)


def register(app: typer.Typer) -> None:
    for group, (kind_name, help_text, arg_help) in GROUPS.items():
        sub = typer.Typer(help=help_text, no_args_is_help=True, rich_markup_mode=None)
        sub.command("add", help=f"Add one {_noun(kind_name)}. With no text, opens $EDITOR.")(
            make_add(kind_name, arg_help)
        )
        sub.command("list", help=f"List {_plural(kind_name)}, newest first, with filters.")(
            make_list(kind_name)
        )
        sub.command("show", help=f"Show one {_noun(kind_name)}.")(make_show(kind_name))
        sub.command("edit", help=f"Change a {_noun(kind_name)}: give options, or none to open $EDITOR.")(
            make_edit(kind_name)
        )
        sub.command("rm", help=f"Delete a {_noun(kind_name)}.")(make_rm(kind_name))
        if group in ("network", "goals"):
            from careerkit.cli.commands import growth

            (growth.extend_network if group == "network" else growth.extend_goals)(sub)
        if group == "feedback":
            from careerkit.cli.commands.themes import HELP, themes

            sub.command("themes", help=HELP)(themes)
        app.add_typer(sub, name=group, help=help_text)


def _noun(kind_name: str) -> str:
    return {"contact": "person", "learning": "learning entry", "position": "position"}.get(
        kind_name, kind_name
    )


def _plural(kind_name: str) -> str:
    return {
        "accomplishment": "accomplishments",
        "feedback": "feedback",
        "learning": "learning entries",
        "position": "positions",
        "credential": "credentials",
        "contact": "people",
        "goal": "goals",
    }[kind_name]


# -- add ----------------------------------------------------------------------------------


def add_record(kind_name: str, text: Optional[str], values: dict[str, Any]) -> int | None:
    """Check and insert one record in its own transaction; open the editor when no text
    (None: the user left the template empty or unchanged)."""
    from careerkit.errors import InvalidInput
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import records as R

    kind = BY_NAME[kind_name]
    if text is None:
        R.check(kind, values, partial=True)  # a bad option fails before the editor opens
        return _add_from_editor(kind_name, values)
    if not text.strip():
        raise InvalidInput(f"the {kind.file_key(kind.title)} is empty")
    values = {kind.file_key(kind.title): text, **values}
    if kind_name in DATED and "date" not in values:
        values["date"] = "today"
    return _insert(kind_name, values)


def _insert(kind_name: str, values: dict[str, Any]) -> int:
    """Check the values, insert the entry (its position checked in the same transaction) and
    warn of a date in the future; the new id."""
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import records as R

    kind = BY_NAME[kind_name]
    columns = R.check(kind, values)
    with C.writing() as conn:
        check_position(conn, kind_name, columns)
        record_id = R.insert(conn, kind, columns)
    warn_future(kind_name, columns)
    return record_id


def check_position(conn, kind_name: str, columns: dict[str, Any]) -> None:
    """A win's position must be one of the record's positions (a title, or 'title @
    organization'), written as the position writes it; an unknown one is refused with the
    list of known ones. With no positions yet there is nothing to check against."""
    from careerkit.errors import InvalidInput

    given = columns.get("position")
    if kind_name != "accomplishment" or not given:
        return
    rows = conn.execute(
        'SELECT title, organization, start, "end" FROM positions ORDER BY start DESC, id DESC'
    ).fetchall()
    if not rows:
        return

    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()

    title, _, org = str(given).partition(" @ ")
    for row in rows:
        if norm(row[0]) == norm(title) and (not org.strip() or norm(row[1]) == norm(org)):
            columns["position"] = f"{row[0]} @ {row[1]}" if org.strip() else row[0]
            return
    known = "; ".join(f"{r[0]} @ {r[1]} ({r[2]} to {r[3] or 'now'})" for r in rows[:10])
    more = f"; and {len(rows) - 10} more" if len(rows) > 10 else ""
    raise InvalidInput(
        f"no position {given!r} in your record: use one of {known}{more} (careerkit roles list)"
    )


FUTURE_WARNED = ("accomplishment", "feedback")


def warn_future(kind_name: str, columns: dict[str, Any]) -> None:
    """A win or feedback dated after today is most likely a typo (or a US/UK date mix-up):
    keep it, and say so."""
    from careerkit.dates import is_future

    day = columns.get("date")
    if kind_name in FUTURE_WARNED and isinstance(day, str) and is_future(day):
        C.say(f"warning: the date {day} is in the future; change it with `edit --date` if it is a mistake")


def make_add(kind_name: str, arg_help: str):
    def add(**kwargs):
        from_gap = kwargs.pop("from_gap", None)
        record_id: int | None
        if from_gap is not None:  # goals only: a way shown by `gap common` (cli/gap_common.py)
            from careerkit.cli.commands.gap_common import add_goal_from_gap

            record_id = add_goal_from_gap(from_gap, kwargs.pop("text"), given(kind_name, kwargs))
        else:
            record_id = add_record(kind_name, kwargs.pop("text"), given(kind_name, kwargs))
        if record_id is None:
            C.say("Nothing written: the entry was discarded.")
        else:
            C.say(f"Added {_noun(kind_name)} {record_id}.")
            from careerkit.cli.commands.growth import nudge_after_capture

            nudge_after_capture()

    text = inspect.Parameter(
        "text",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=typer.Argument(None, help=arg_help, show_default=False),
        annotation=Optional[str],
    )
    extra = [_from_gap_parameter()] if kind_name == "goal" else []
    return with_signature(add, [text] + parameters(kind_name) + extra)


def _from_gap_parameter() -> inspect.Parameter:
    return option(
        "from_gap",
        typer.Option(
            None,
            "--from-gap",
            metavar="N",
            show_default=False,
            help="Make the goal from way N of the last `careerkit gap common` "
            "(the number in brackets): its title, kind and skills, with "
            "notes naming the requirement it answers. TEXT and options "
            "override them.",
        ),
    )


def _add_from_editor(kind_name: str, preset: dict[str, Any]) -> int | None:
    from careerkit.cli.editing import template_for
    from careerkit.models.kinds import BY_NAME

    kind = BY_NAME[kind_name]
    template = template_for(kind, preset)
    with C.edited(template, label=f"add-{kind_name}") as ed:
        if ed.text is None:
            return None
        # A failure keeps the text (edited) and the boundary names the file in its line.
        return save_typed(kind_name, ed.text)
    return None


def save_typed(kind_name: str, text: str) -> int | None:
    """Add an entry from its text (the editor's, or a recovery file's); None when empty."""
    from careerkit.cli.editing import values_from_text
    from careerkit.models.kinds import BY_NAME

    kind = BY_NAME[kind_name]
    values = values_from_text(kind, text)
    if not any(v not in (False, []) for v in values.values()):
        return None  # every field left blank: the same as an empty template
    if kind_name in DATED and not values.get("date"):
        values["date"] = "today"
    return _insert(kind_name, values)


def update_typed(kind_name: str, record_id: int, text: str) -> None:
    """Replace an entry's fields from its text (the editor's, or a recovery file's)."""
    from careerkit.cli.editing import values_from_text
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import records as R

    kind = BY_NAME[kind_name]
    values = values_from_text(kind, text)
    full = {kind.file_key(c): values.get(kind.file_key(c)) for c in kind.columns}
    columns = R.check(kind, full)
    with C.writing() as conn:
        if columns.get("position") != R.get(conn, kind, record_id).get("position"):
            check_position(conn, kind_name, columns)
        R.update(conn, kind, record_id, columns)


# -- list ---------------------------------------------------------------------------------


def make_list(kind_name: str):
    from careerkit.models.kinds import BY_NAME

    kind = BY_NAME[kind_name]
    params = [
        option(
            "since",
            typer.Option(
                None, "--since", metavar="DATE", help="On or after: 2024-03, 'last month', yesterday."
            ),
        ),
        option(
            "until",
            typer.Option(None, "--until", metavar="DATE", help="On or before."),
        ),
    ]
    if "skills" in kind.lists:
        params.append(
            option(
                "skill",
                typer.Option(
                    None, "--skill", "-s", help="Only entries with this skill (part of a word matches)."
                ),
            )
        )
    if "kind" in kind.columns or "relationship" in kind.columns or kind_name == "position":
        params.append(
            option(
                "kind_filter",
                typer.Option(
                    None,
                    "--kind",
                    "-k",
                    metavar=_filter_column(kind_name).upper(),
                    click_type=choice(kind_name, _filter_column(kind_name)),
                    help=_kind_help(kind_name),
                ),
            )
        )
    if kind_name in ("accomplishment", "contact", "position"):
        params.append(
            option(
                "role",
                typer.Option(None, "--role", help=_role_help(kind_name)),
            )
        )
    if kind_name == "feedback":
        params.append(
            option(
                "from_relationship",
                typer.Option(
                    None,
                    "--from-relationship",
                    metavar="RELATIONSHIP",
                    click_type=choice("feedback", "relationship"),
                    help="supervisor, colleague, direct-report, parent, student, mentor, other.",
                ),
            )
        )
    if kind_name == "accomplishment":
        params.append(
            option(
                "competency",
                typer.Option(
                    None, "--competency", help="Only wins that map to this framework competency, e.g. psel-4."
                ),
            )
        )
    if kind_name == "contact":
        params.append(
            option(
                "due",
                annotation=bool,
                default=typer.Option(
                    False,
                    "--due",
                    help="Only people whose contact cadence has run out (careerkit network cadence).",
                ),
            )
        )
    params += [
        option(
            "limit",
            annotation=Optional[int],
            default=typer.Option(None, "--limit", "-n", min=0, help=LIMIT_HELP),
        ),
        option(
            "as_json",
            annotation=bool,
            default=typer.Option(False, "--json", help="Print one JSON document."),
        ),
    ]

    def list_(**kw):
        from careerkit.cli import listing

        given = kw.get("limit")
        kw["limit"] = given or None  # 0: all of them
        if kw.get("due"):
            from careerkit.cli.commands.growth import print_due

            return print_due(query(kind_name, {**kw, "limit": None}), bool(kw.get("as_json")), kw["limit"])
        if kw.get("as_json"):
            C.print_json(listing.as_json(kind_name, query(kind_name, kw)))
            return
        # For people, every row the filters keep is read, so the footer says "3 of 15 shown".
        rows = query(kind_name, {**kw, "limit": None})
        listing.print_table(kind_name, rows, cut=given is None, limit=kw["limit"])

    return with_signature(list_, params)


def _filter_column(kind_name: str) -> str:
    """The column `list --kind` filters on."""
    from careerkit.models.kinds import BY_NAME

    kind = BY_NAME[kind_name]
    return "kind" if "kind" in kind.columns else ("category" if kind_name == "position" else "relationship")


def _kind_help(kind_name: str) -> str:
    from careerkit.models.kinds import BY_NAME

    col = _filter_column(kind_name)
    return f"Only this {col}: " + ", ".join(BY_NAME[kind_name].choices.get(col, ())) + "."


def _role_help(kind_name: str) -> str:
    return {
        "accomplishment": "Only wins of this position (part of the title matches): those logged under it, "
        "and those naming none whose date falls in it.",
        "contact": "Only people whose role matches (part of the title).",
        "position": "Only positions whose title matches.",
    }[kind_name]


def query(kind_name: str, kw: dict[str, Any]) -> list[dict[str, Any]]:
    from careerkit.dates import parse_date
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import records as R

    kind = BY_NAME[kind_name]
    since = parse_date(kw["since"]) if kw.get("since") else None
    until = parse_date(kw["until"]) if kw.get("until") else None
    where, like = {}, {}
    # --kind and --from-relationship are choices (cli/fields.py: choice): checked by the parser.
    if kw.get("kind_filter"):
        where[_filter_column(kind_name)] = kw["kind_filter"]
    if kw.get("from_relationship"):
        where["relationship"] = kw["from_relationship"]
    clauses: list[tuple[str, list[Any]]] = []
    if kw.get("role") and kind_name == "accomplishment":
        # A win belongs to the position it names, or (naming none) to the positions whose
        # dates hold it: `wins list --role coach` finds the wins of the coaching years.
        pattern = R.contains_pattern(kw["role"])
        clauses.append(
            (
                "(lower(position) LIKE ? ESCAPE '\\' OR (coalesce(position, '') = '' AND EXISTS ("
                "SELECT 1 FROM positions p WHERE lower(p.title || ' @ ' || p.organization) LIKE ? ESCAPE '\\' "
                "AND substr(p.start, 1, length(accomplishments.date)) <= accomplishments.date "
                'AND (p."end" IS NULL OR substr(accomplishments.date, 1, length(p."end")) <= p."end"))))',
                [pattern, pattern],
            )
        )
    elif kw.get("role"):
        like[{"contact": "role", "position": "title"}[kind_name]] = kw["role"]
    ids = None
    if kw.get("competency"):
        ids = _competency_ids(kw["competency"])
    with C.database() as conn:
        return R.list_records(
            conn,
            kind,
            since=since,
            until=until,
            skill=kw.get("skill"),
            where=where,
            like=like,
            limit=kw.get("limit"),
            ids=ids,
            extra=clauses,
        )


def _competency_ids(competency: str) -> list[int]:
    """Accomplishment ids that map to a competency (the gap layer's mapper decides), with the
    frameworks folder beside the database named by --db."""
    from careerkit.posting.competencies import accomplishments_for
    from careerkit.posting.frameworks import user_folder
    from careerkit.store.snapshot import read_trusted

    with C.database() as conn:
        record = read_trusted(conn)
    return accomplishments_for(record, competency, folder=user_folder(C.db_path()))


# -- show, edit, rm -------------------------------------------------------------------------


def make_show(kind_name: str):
    def show(
        record_id: int = typer.Argument(..., metavar="ID", help="The id shown by list."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
    ):
        from careerkit.cli import listing
        from careerkit.models.kinds import BY_NAME
        from careerkit.store import records as R

        with C.database() as conn:
            row = R.get(conn, BY_NAME[kind_name], record_id)
        if as_json:
            C.print_json(row)
        else:
            listing.print_record(kind_name, row)

    return show


def make_edit(kind_name: str):
    def edit(**kwargs):
        from careerkit.models.kinds import BY_NAME
        from careerkit.store import records as R

        kind = BY_NAME[kind_name]
        record_id = kwargs.pop("record_id")
        values = given(kind_name, kwargs)
        if kwargs.get("text") is not None:
            values[kind.file_key(kind.title)] = kwargs["text"]
        if not values:
            if not _edit_in_editor(kind_name, record_id):
                C.say(f"No change: {_noun(kind_name)} {record_id} was left as it was.")
                return
        else:
            columns = R.check(kind, values, partial=True)
            with C.writing() as conn:
                check_position(conn, kind_name, columns)
                R.update(conn, kind, record_id, columns)
            warn_future(kind_name, columns)
        C.say(f"Updated {_noun(kind_name)} {record_id}.")

    params = [
        inspect.Parameter(
            "record_id",
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            annotation=int,
            default=typer.Argument(..., metavar="ID", help="The id shown by list."),
        ),
        option(
            "text",
            typer.Option(None, "--text", "-t", help="New main text (title, name or what was said)."),
        ),
    ] + parameters(kind_name)
    return with_signature(edit, params)


def _edit_in_editor(kind_name: str, record_id: int) -> bool:
    """Edit the record as text; False when the editor left it unchanged."""
    from careerkit.cli.editing import record_as_text
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import records as R

    kind = BY_NAME[kind_name]
    with C.database() as conn:
        current = R.get(conn, kind, record_id)
    template = record_as_text(kind, current)
    with C.edited(template, label=f"edit-{kind_name}-{record_id}") as ed:
        if ed.text is None:
            return False
        update_typed(kind_name, record_id, ed.text)
        return True
    return False


def make_rm(kind_name: str):
    def rm(
        record_id: int = typer.Argument(..., metavar="ID", help="The id shown by list."),
        yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    ):
        from careerkit.models.kinds import BY_NAME
        from careerkit.store import records as R

        kind = BY_NAME[kind_name]
        with C.database() as conn:
            row = R.get(conn, kind, record_id)
        label = str(row.get(kind.file_key(kind.title)) or "")[:60]
        if not yes and sys.stdin.isatty():
            typer.confirm(f"Delete {_noun(kind_name)} {record_id} ({label})?", abort=True)
        with C.writing() as conn:
            R.delete(conn, kind, record_id)
        C.say(f"Deleted {_noun(kind_name)} {record_id}: {label}")

    return rm
