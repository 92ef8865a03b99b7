"""The growth loop on the command line: `status`, `config`, the network's cadence
(`network list --due`, `network touch`, `network touches`, `network cadence`), goal links
(`goals link`), the nudge after capture commands, and the calendar export (`--format ics`).
Imports stay light: the nudge runs at the end of every `log`."""

from __future__ import annotations

from datetime import UTC, date
from typing import Any, Optional

import typer

from careerkit.cli import helpers as C
from careerkit.models.kinds import TOUCH_KINDS


def today() -> date:
    """Today; one place, so tests can fix it."""
    return date.today()


def register(app: typer.Typer) -> None:
    app.command(
        "status",
        help="One screen: recent entries, goals due, credentials expiring, "
        "people to contact, the last posting's score, learning hours.",
    )(status)
    config = typer.Typer(
        help="Settings: nudges on/off, contact cadence per relationship, the default framework.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    config.command("list", help="Every setting with its value and default.")(config_list)
    config.command("get", help="Print one setting's value.")(config_get)
    config.command(
        "set",
        help="Change a setting: `careerkit config set nudges off`, `careerkit config set cadence.mentor 4w`.",
    )(config_set)
    config.command("unset", help="Restore a setting's default.")(config_unset)
    app.add_typer(config, name="config")


# -- nudge ------------------------------------------------------------------------------------


def nudge_after_capture() -> None:
    """One quiet line on stderr when something is due; silent when nothing is, when turned
    off (`careerkit config set nudges off`), or if anything goes wrong: a reminder must
    never spoil a capture that succeeded."""
    import sqlite3

    from careerkit.errors import CareerkitError
    from careerkit.store.growth import nudge

    try:
        with C.database() as conn:
            line = nudge(conn, today())
    except (sqlite3.Error, CareerkitError, OSError):
        return
    if line:
        typer.echo(f"{line} (careerkit status)", err=True)


# -- status -----------------------------------------------------------------------------------


def status(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    from careerkit.store.growth import status as gather

    with C.database() as conn:
        data = gather(conn, today())
    data["milestone"] = _milestone()
    if as_json:
        C.print_json(data)
        return
    from careerkit.cli.wrapping import echo_lines

    echo_lines(status_lines(data))


def _milestone() -> str | None:
    """A milestone not shown before, in one line (then remembered as shown); never an error:
    a celebration must not spoil the status screen."""
    import sqlite3

    from careerkit.cli.commands.recap import new_milestone_line
    from careerkit.errors import CareerkitError

    try:
        with C.writing() as conn:
            return new_milestone_line(conn, today())
    except (sqlite3.Error, CareerkitError, OSError):
        return None


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _when(days: int) -> str:
    if days == 0:
        return "today"
    if days < 0:
        return f"{-days} days ago" if days < -1 else "yesterday"
    return f"in {days} days" if days > 1 else "tomorrow"


SHOWN = 6  # items per section: status is one screen


def status_lines(d: dict[str, Any]) -> list[str]:
    bold = (lambda s: s) if C.plain() else (lambda s: typer.style(s, bold=True))
    lines = []
    if d.get("milestone"):
        lines.append(bold("Milestone") + f" {d['milestone']}")
    month = d["this_month"]
    since = d["days_since_last_entry"]
    if since is None:
        lines.append(bold("Record") + '   nothing logged yet: careerkit log "what you did"')
    else:
        ago = "today" if since == 0 else f"{_plural(since, 'day')} ago"
        lines.append(
            bold("Record") + f"   last entry {ago} ({d['last_entry']}); this month "
            f"{_plural(month['accomplishments'], 'win')}, {month['feedback']} feedback, "
            f"{_plural(month['learning'], 'learning entry', 'learning entries')}"
        )
    goals = d["goals_due"]
    if goals:
        lines.append(bold("Goals") + f"    {_plural(len(goals), 'goal')} due within 30 days or overdue:")
        for g in goals[:SHOWN]:
            when = f"overdue since {g['due']}" if g["overdue"] else f"due {g['due']} ({_when(g['days'])})"
            lines.append(f"  {g['id']:>4}  {g['title']}: {when}")
        if len(goals) > SHOWN:
            lines.append(f"        and {len(goals) - SHOWN} more: careerkit goals list")
    else:
        lines.append(bold("Goals") + f"    none due within 30 days ({d['goals_open']} open)")
    creds = d["credentials_expiring"]
    if creds:
        lines.append(
            bold("Expiring") + f" {_plural(len(creds), 'credential')} expiring or expired within a year:"
        )
        for c in creds[:SHOWN]:
            verb = "expired" if c["days"] < 0 else "expires"
            lines.append(f"  {c['id']:>4}  {c['name']}: {verb} {c['expires']} ({_when(c['days'])})")
        if len(creds) > SHOWN:
            lines.append(f"        and {len(creds) - SHOWN} more: careerkit creds list")
    people = d["contacts_due"]
    if people:
        lines.append(bold("Network") + f"  {_plural(len(people), 'person', 'people')} due for contact:")
        for p in people[:SHOWN]:
            last = f"last {p['last_contact']}" if p["last_contact"] else "no contact recorded"
            lines.append(f"  {p['id']:>4}  {p['name']} ({p['relationship']}): {last}")
        if len(people) > SHOWN:
            lines.append(f"        and {len(people) - SHOWN} more: careerkit network list --due")
    else:
        lines.append(bold("Network") + "  nobody due for contact")
    post = d["last_posting"]
    if post:
        name = C.posting_name(post["title"], post["organization"], f"posting {post['id']}", sep=" at ")
        lines.append(
            bold("Posting") + f"  {name} ({post['date']}): score {post['score']}, "
            f"{_plural(post['gaps'], 'gap')}, {post['partial']} partial"
        )
        for g in post["top_gaps"]:
            notes = [
                x
                for x in (
                    g.get("verdict") if g.get("verdict") == "partial" else None,
                    "preferred" if g["must"] == "preferred" else None,
                )
                if x
            ]
            lines.append(f"        - {g['text']}" + (f" ({', '.join(notes)})" if notes else ""))
    else:
        lines.append(bold("Posting") + "  none analysed yet: careerkit gap analyze POSTING")
    going = (
        f"; {d['pl_hours_in_progress']:g} more in progress "
        f"({_plural(d['pl_entries_in_progress'], 'entry', 'entries')})"
        if d.get("pl_entries_in_progress")
        else ""
    )
    lines.append(
        bold("Learning") + f" {d['pl_hours_this_year']:g} hours done this year "
        f"({_plural(d['pl_entries_this_year'], 'entry', 'entries')}){going}"
    )
    reflection = d.get("reflection")
    if reflection:
        from careerkit.store.growth import describe_every

        last = f"last {reflection['last']}" if reflection["last"] else "none written yet"
        when = "due now" if reflection["due"] else f"next {reflection['next']}"
        lines.append(bold("Reflect") + f"  {describe_every(reflection['every'])} ({last}): {when}")
    return lines


# -- config -----------------------------------------------------------------------------------


def config_list(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    from careerkit.store.growth import all_settings

    with C.database() as conn:
        rows = all_settings(conn)
    if as_json:
        C.print_json(rows)
        return
    width = max(len(r["key"]) for r in rows)
    for r in rows:
        mark = "" if r["set"] else "  (default)"
        typer.echo(f"{r['key']:<{width}}  {r['value']}{mark}")


def config_get(key: str = typer.Argument(..., help="The setting's name.")) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.store.growth import SETTINGS, get_setting

    if key not in SETTINGS:
        raise InvalidInput(f"unknown setting {key!r}: use one of " + ", ".join(SETTINGS))
    with C.database() as conn:
        typer.echo(get_setting(conn, key))


def config_set(
    key: str = typer.Argument(
        ...,
        help="nudges, cadence.mentor, cadence.sponsor, "
        "cadence.peer, cadence.coach, cadence.other, assess.framework.",
    ),
    value: str = typer.Argument(..., help="The new value."),
) -> None:
    from careerkit.store.growth import set_setting

    if key == "assess.framework":
        from careerkit.insight.standards import resolve_framework
        from careerkit.posting.frameworks import user_folder

        resolve_framework(value, user_folder(C.db_path()))
    with C.writing() as conn:
        stored = set_setting(conn, key, value)
    C.say(f"{key} = {stored}")


def config_unset(key: str = typer.Argument(..., help="The setting's name.")) -> None:
    from careerkit.store.growth import SETTINGS, set_setting

    with C.writing() as conn:
        set_setting(conn, key, None)
    C.say(f"{key} is back to its default ({SETTINGS[key][1]})")


# -- network ------------------------------------------------------------------------------------


def extend_network(sub: typer.Typer) -> None:
    """The cadence commands of the `network` group (records.py owns the group)."""
    sub.command(
        "touch",
        help="Record a conversation (or an informational interview, a call ...) "
        "with someone: moves their last contact to that day.",
    )(touch)
    sub.command("touches", help="The conversations recorded, newest first.")(touches)
    sub.command(
        "cadence",
        help="How often to be in touch with one person (6w, 3m, 45d, off), "
        "or --default to use their relationship's; with no NAME, everyone "
        "with the day they are next due.",
    )(cadence)


def print_due(rows: list[dict[str, Any]], as_json: bool, limit: int | None = None) -> None:
    """`network list --due`: the people kept by the list's filters whose cadence has run
    out, most overdue first."""
    from careerkit.store.growth import contacts_due, describe_every

    with C.database() as conn:
        due = contacts_due(conn, today(), only_due=True)
    wanted = {r["id"] for r in rows}
    due = [c for c in due if c["id"] in wanted][:limit]
    if as_json:
        C.print_json(due)
        return
    if not due:
        C.say("Nobody is due for contact.")
        return
    t = C.table("id", "name", "relationship", "role", "last contact", "cadence", "due")
    for c in due:
        last = c["last_contact"] or "never"
        since = f"{c['next']} ({c['overdue_days']} days ago)" if c["overdue_days"] else "now"
        t.add_row(
            str(c["id"]),
            C.esc(c["name"]),
            c["relationship"],
            C.esc(c["role"] or ""),
            C.esc(last),
            describe_every(c["cadence"]),
            since,
        )
    C.console().print(t)


def touch(
    name: str = typer.Argument(..., metavar="NAME", help="The person's name (or a unique part of it) or id."),
    note: Optional[str] = typer.Option(
        None, "--note", "-m", help="What you talked about, what they advised."
    ),
    kind: str = typer.Option(
        "conversation",
        "--kind",
        "-k",
        metavar="KIND",
        click_type=C.Choice(TOUCH_KINDS),
        help="conversation, informational-interview, meeting, call, email, event, other.",
    ),
    when: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="When (default: today)."),
) -> None:
    from careerkit.dates import parse_date
    from careerkit.store.growth import add_touch, find_contact

    day = parse_date(when, today()) if when else today().isoformat()
    with C.writing() as conn:
        person = find_contact(conn, name)
        add_touch(conn, person["id"], day, kind, note.strip() if note and note.strip() else None)
    what = kind.strip().lower().replace("-", " ")
    article = "an" if what[0] in "aeiou" else "a"
    C.say(f"Recorded {article} {what} with {person['name']} on {day}.")


def touches(
    name: Optional[str] = typer.Argument(None, metavar="[NAME]", help="Only this person."),
    kind: Optional[str] = typer.Option(
        None,
        "--kind",
        "-k",
        metavar="KIND",
        click_type=C.Choice(TOUCH_KINDS),
        help="Only this kind: " + ", ".join(TOUCH_KINDS) + ".",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.store.growth import find_contact, list_touches

    with C.database() as conn:
        person = find_contact(conn, name) if name else None
        rows = list_touches(conn, person["id"] if person else None, kind)
    if as_json:
        C.print_json(rows)
        return
    if not rows:
        C.say('No conversations recorded yet: careerkit network touch NAME --note "..."')
        return
    t = C.table("id", "date", "who", "kind", "note")
    for r in rows:
        t.add_row(str(r["id"]), r["date"], C.esc(r["name"]), r["kind"], C.esc(r["note"] or ""))
    C.console().print(t)


def cadence(
    name: Optional[str] = typer.Argument(
        None, metavar="[NAME]", help="The person's name (or a unique part of it) or id; none lists everyone."
    ),
    every: Optional[str] = typer.Argument(None, metavar="[EVERY]", help="6w, 3m, 45d, 1y or off."),
    default: bool = typer.Option(False, "--default", help="Use the cadence of their relationship again."),
    as_json: bool = typer.Option(False, "--json", help="With no NAME: print one JSON document."),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.store.growth import contacts_due, describe_every, find_contact, set_cadence

    if name is None:
        return _everyone(as_json)
    if every is not None and default:
        raise InvalidInput("give a cadence or --default, not both")
    with C.writing() as conn:
        person = find_contact(conn, name)
        if every is not None or default:
            set_cadence(conn, person["id"], None if default else every)
        info = next(c for c in contacts_due(conn, today()) if c["id"] == person["id"])
    where = "set for them" if info["cadence_set"] else f"the {info['relationship']} default"
    next_ = f"; next contact {info['next']}" if info["next"] else ""
    message = f"{person['name']}: {describe_every(info['cadence'])} ({where}){next_}"
    if every is None and not default:
        typer.echo(message)
    else:
        C.say(message)


def _everyone(as_json: bool) -> None:
    """Everyone with their cadence and the day they are next due, soonest first."""
    from careerkit.store.growth import contacts_due, describe_every

    with C.database() as conn:
        people = contacts_due(conn, today())
    if as_json:
        C.print_json(people)
        return
    if not people:
        C.say("Nobody in your network yet: careerkit network add NAME --relationship mentor")
        return
    t = C.table("id", "name", "relationship", "cadence", "last contact", "next")
    for c in people:
        where = "" if c["cadence_set"] else " (default)"
        nxt = c["next"] or "-"
        if c["due"]:
            nxt += " (due)"
        t.add_row(
            str(c["id"]),
            C.esc(c["name"]),
            c["relationship"],
            describe_every(c["cadence"]) + where,
            C.esc(c["last_contact"] or "never"),
            nxt,
        )
    C.console().print(t)


# -- goals ----------------------------------------------------------------------------------------


def extend_goals(sub: typer.Typer) -> None:
    sub.command("link", help="Link accomplishments to the goal they fulfil.")(link)
    sub.command("unlink", help="Remove a link between a goal and an accomplishment.")(unlink)
    sub.command("links", help="Goals with the accomplishments linked to them.")(links)


def link(
    goal_id: int = typer.Argument(..., metavar="GOAL_ID", help="The goal (see goals list)."),
    win_ids: list[int] = typer.Argument(..., metavar="WIN_ID...", help="Accomplishments (see wins list)."),
    done: bool = typer.Option(False, "--done", help="Mark the goal done as well."),
) -> None:
    from careerkit.store.growth import link_goal

    with C.writing() as conn:
        added = [w for w in win_ids if link_goal(conn, goal_id, w)]
        if done:
            conn.execute(
                "UPDATE goals SET status = 'done', updated = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                "WHERE id = ?",
                (goal_id,),
            )
    if added:
        C.say(
            f"Linked {_plural(len(added), 'accomplishment')} to goal {goal_id}"
            + (" and marked it done." if done else ".")
        )
    else:
        C.say(f"Already linked to goal {goal_id}" + (" (marked done)." if done else "."))


def unlink(
    goal_id: int = typer.Argument(..., metavar="GOAL_ID"), win_id: int = typer.Argument(..., metavar="WIN_ID")
) -> None:
    from careerkit.store.growth import unlink_goal

    with C.writing() as conn:
        unlink_goal(conn, goal_id, win_id)
    C.say(f"Unlinked accomplishment {win_id} from goal {goal_id}.")


def links(
    goal_id: Optional[int] = typer.Argument(None, metavar="[GOAL_ID]"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.store.growth import goal_gaps, goal_links

    with C.database() as conn:
        if goal_id is not None:
            from careerkit.models.kinds import BY_NAME
            from careerkit.store import records as R

            R.get(conn, BY_NAME["goal"], goal_id)
        rows = conn.execute(
            "SELECT id, title, status, due FROM goals"
            + (" WHERE id = ?" if goal_id is not None else "")
            + " ORDER BY id",
            (goal_id,) if goal_id is not None else (),
        ).fetchall()
        linked = goal_links(conn, [r["id"] for r in rows])
        gaps = goal_gaps(conn)
    data = [{**dict(r), "gap": gaps.get(r["id"]), "accomplishments": linked.get(r["id"], [])} for r in rows]
    if as_json:
        C.print_json(data)
        return
    for g in data:
        typer.echo(f"{g['id']:>4}  {g['title']} [{g['status']}]" + (f" due {g['due']}" if g["due"] else ""))
        if g["gap"]:
            typer.echo(f"        closes gap: {g['gap']['gap']}")
        for a in g["accomplishments"]:
            typer.echo(f"        fulfilled by win {a['id']} ({a['date']}): {a['title']}")


# -- calendar export ------------------------------------------------------------------------------


def export_ics(conn, include_private: bool = True) -> str:
    """The EXTRA_EXPORTS hook of `careerkit export --format ics`: open goals with a due date
    (on the last day their due date covers), the next contact with each person, and the
    next reflection by the cadence (`config set reflect-every`)."""
    from datetime import datetime

    from careerkit.formats.ics import calendar
    from careerkit.store.growth import contacts_due, describe_every, last_day

    goals = [
        {**dict(r), "due": last_day(r["due"])}
        for r in conn.execute(
            "SELECT id, title, kind, due, status, notes, created FROM goals "
            "WHERE status IN ('planned', 'active') AND due IS NOT NULL ORDER BY due, id"
        )
    ]
    created = dict(conn.execute("SELECT id, created FROM network").fetchall())
    # An overdue reminder goes on today: a date in the past is easy to miss.
    people = [
        {
            **c,
            "next": max(date.fromisoformat(c["next"]), today()),
            "created": created.get(c["id"]),
            "cadence": describe_every(c["cadence"]),
        }
        for c in contacts_due(conn, today())
        if c["next"]
    ]
    from careerkit.store.growth import describe_every as every_text
    from careerkit.store.reflections import due as reflection_due

    nxt = reflection_due(conn, today())
    reflection = (
        {
            "next": max(date.fromisoformat(nxt["next"]), today()),
            "every": every_text(nxt["every"]),
            "last": nxt["last"],
        }
        if nxt
        else None
    )
    if not goals and not people and not reflection:
        C.say(
            "No open goal has a due date, nobody has a contact cadence and reflections are off: "
            "the calendar is empty."
        )
    return calendar(goals, people, now=datetime.now(UTC), reflection=reflection)
