"""`careerkit plan`: the development plan, and `plan take N`, which turns suggestion N into
a goal linked to its gap."""

from __future__ import annotations

from typing import Any, Optional

import typer

from careerkit.cli import helpers as C

PLAN_HELP = """The development plan: the gaps that matter most, from what your saved postings
ask for again and again (gap common) and from your low self-assessment ratings (assess);
the goals already set for each; and numbered suggestions to close them: stretch
assignments, learning, credentials, and people in your network to ask (a mentor in the
role you want, a sponsor).

\b
Turn a suggestion into a goal:  careerkit plan take N --due 2025-06
Link the wins that fulfil it:   careerkit goals link GOAL_ID WIN_ID --done"""

KIND_LABEL = {
    "stretch-assignment": "stretch",
    "learning": "learning",
    "credential": "credential",
    "network": "people",
}


def register(app: typer.Typer) -> None:
    group = typer.Typer(help=PLAN_HELP, invoke_without_command=True, rich_markup_mode=None)
    group.callback()(show)
    group.command("take", help="Make suggestion N of the plan a goal, linked to its gap.")(take)
    app.add_typer(group, name="plan", help=PLAN_HELP)


def build():
    """The plan from the database, the frameworks and the suggestions book."""
    import json

    from careerkit.cli.commands.gap_common import build_report
    from careerkit.insight.plan import LOW, build_plan
    from careerkit.insight.suggest import Suggestions
    from careerkit.posting.frameworks import find_competency, user_folder
    from careerkit.store import growth as G
    from careerkit.store import records as R

    folder = user_folder(C.db_path())
    common = build_report(None, None, None)
    with C.database() as conn:
        latest: dict[str, dict[str, Any]] = {}
        for r in G.ratings(conn):
            latest[r["standard"]] = r
        contacts = [
            dict(r)
            for r in conn.execute(
                "SELECT id, name, relationship, role, organization FROM network ORDER BY id"
            )
        ]
        profile = R.get_profile(conn) or {}
        goals = [
            {**dict(r), "skills": json.loads(r["skills"] or "[]")}
            for r in conn.execute("SELECT id, title, kind, status, due, skills FROM goals ORDER BY id")
        ]
        goal_gaps = G.goal_gaps(conn)
        links = G.goal_links(conn)
    low = []
    for standard_id, rating in latest.items():
        found = find_competency(standard_id, folder) if rating["rating"] <= LOW else None
        if found:
            low.append((found[1], rating))
    low.sort(key=lambda pair: (pair[1]["rating"], pair[1]["date"], pair[0].id))
    return build_plan(
        common,
        low,
        book=Suggestions.load(folder),
        contacts=contacts,
        targets=list(profile.get("target_roles") or []),
        goals=goals,
        goal_gaps=goal_gaps,
        links=links,
        postings=len(common.postings) if common else 0,
    )


def show(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    plan = build()
    if as_json:
        C.print_json(plan.as_dict())
        return
    from careerkit.cli.wrapping import echo_lines

    echo_lines(plan_lines(plan))


def plan_lines(plan) -> list[str]:
    lines = []
    if plan.goals:
        lines.append("Goals already set")
        for g in plan.goals:
            due = f" due {g['due']}" if g.get("due") else ""
            wins = f" ({g['wins']} win{'s' if g['wins'] != 1 else ''} linked)" if g["wins"] else ""
            lines.append(f"  goal {g['id']}: {g['title']} [{g['status']}]{due}{wins}")
        lines.append("")
    if not plan.gaps:
        lines.append(
            "No gaps to plan for yet. Analyse postings for the role you want "
            "(careerkit gap analyze POSTING) and rate yourself (careerkit assess)."
        )
        return lines
    where = []
    if plan.postings:
        where.append(f"{plan.postings} saved posting{'s' if plan.postings != 1 else ''}")
    if any("self-assessment" in g.sources for g in plan.gaps):
        where.append("your self-assessment")
    lines.append("Gaps that matter most (from " + " and ".join(where) + ")")
    for n, gap in enumerate(plan.gaps, 1):
        comps = f" ({', '.join(gap.competencies[:2])})" if gap.competencies else ""
        lines.append("")
        lines.append(f"{n}. {gap.label}{comps}")
        lines.append(f"   {gap.why}")
        if gap.rating and "postings" in gap.sources:
            lines.append(f"   You rated yourself {gap.rating['rating']} of 3 on {gap.rating['date']}")
        if gap.closed_by:
            then = (
                f"re-analyse the posting to see it met (careerkit gap rerun {gap.report_ids[-1]})"
                if gap.report_ids
                else f"rate yourself again (careerkit assess set {gap.competencies[0]} N)"
            )
            lines.append("   Closed by done goal " + ", ".join(str(i) for i in gap.closed_by) + ": " + then)
        for g in gap.goals:
            wins = f", wins {', '.join(str(w) for w in g['wins'])}" if g["wins"] else ""
            lines.append(f"   goal {g['id']}: {g['title']} [{g['status']}{wins}]")
        for s in gap.suggestions:
            taken = f"  (goal {s.goal_id})" if s.goal_id else ""
            lines.append(f"   [{s.number}] {KIND_LABEL.get(s.kind, s.kind)}: {s.title}{taken}")
            if s.how:
                lines.append(f"       {s.how}")
    lines.append("")
    lines.append("Make a suggestion a goal: careerkit plan take N [--due DATE]")
    return lines


def take(
    number: int = typer.Argument(..., metavar="N", help="The suggestion's number in `careerkit plan`."),
    due: Optional[str] = typer.Option(None, "--due", metavar="DATE", help="When: 2025-06, 'next month'."),
    title: Optional[str] = typer.Option(None, "--title", "-t", help="Say it in your own words."),
    status: str = typer.Option(
        "planned",
        "--status",
        metavar="STATUS",
        click_type=C.Choice(("planned", "active")),
        help="planned or active.",
    ),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import growth as G
    from careerkit.store import records as R

    plan = build()
    found = plan.suggestion(number)
    if found is None:
        total = sum(len(g.suggestions) for g in plan.gaps)
        raise InvalidInput(
            f"no suggestion {number} in the plan"
            + (f" (it has 1 to {total})" if total else " (it has none yet)")
        )
    gap, s = found
    if s.goal_id:
        raise InvalidInput(
            f"suggestion {number} is already goal {s.goal_id} (careerkit goals show {s.goal_id})"
        )
    notes = "\n".join(
        x
        for x in (
            s.how,
            f"Closes the gap: {gap.label}",
            f"Asked for: {gap.text}" if gap.text != gap.label else None,
        )
        if x
    )
    values = {
        "title": title.strip() if title and title.strip() else s.title,
        "kind": s.kind,
        "skills": s.skills,
        "notes": notes,
        "status": status,
    }
    if due:
        values["due"] = due
    columns = R.check(BY_NAME["goal"], values)
    with C.writing() as conn:
        goal_id = R.insert(conn, BY_NAME["goal"], columns)
        G.set_goal_gap(
            conn, goal_id, gap.label, gap.competencies, gap.report_ids[-1] if gap.report_ids else None
        )
    C.say(
        f"Added goal {goal_id}: {columns['title']}"
        + (f" (due {columns['due']})" if columns.get("due") else "")
        + f". When it is done: careerkit goals link {goal_id} WIN_ID --done"
    )
