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
    group.command("link", help="Link a goal you set by hand to gap N of the plan, as `plan take` goals are.")(
        link
    )
    app.add_typer(group, name="plan", help=PLAN_HELP)


def build(names=None):
    """The plan from the database, the frameworks and the suggestions book."""
    import json

    from careerkit.cli.commands.gap_common import build_report
    from careerkit.insight.plan import LOW, build_plan
    from careerkit.insight.suggest import Suggestions
    from careerkit.posting.frameworks import find_competency, user_folder
    from careerkit.store import growth as G
    from careerkit.store import records as R

    folder = user_folder(C.db_path())
    if names is None:
        from careerkit.cli.commands.gap_common import words

        names = words()
    common = build_report(None, None, None, names)
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
        record = record_of(conn)
    low = []
    for standard_id, rating in latest.items():
        found = find_competency(standard_id, folder) if rating["rating"] <= LOW else None
        if found:
            low.append((found[1], rating))
    low.sort(key=lambda pair: (pair[1]["rating"], pair[1]["date"], pair[0].id))
    return build_plan(
        common,
        low,
        book=Suggestions.load(folder).for_place(names.place),
        contacts=contacts,
        targets=list(profile.get("target_roles") or []),
        goals=goals,
        goal_gaps=goal_gaps,
        links=links,
        postings=len(common.postings) if common else 0,
        record=record,
    )


def record_of(conn) -> dict[str, list[dict[str, Any]]]:
    """What a suggestion may already be done by: courses, wins, roles, credentials, and the
    conversations logged with people."""
    import json

    def rows(sql: str) -> list[dict[str, Any]]:
        out = []
        for r in conn.execute(sql):
            row = dict(r)
            if "skills" in row:
                row["skills"] = json.loads(row["skills"] or "[]")
            out.append(row)
        return out

    return {
        "learning": rows("SELECT id, title, skills, status FROM learning ORDER BY id"),
        "accomplishments": rows("SELECT id, title, skills FROM accomplishments ORDER BY id"),
        "positions": rows("SELECT id, title, summary FROM positions ORDER BY id"),
        "credentials": rows("SELECT id, name, status FROM credentials ORDER BY id"),
        "touches": rows("SELECT contact_id, kind, date FROM touches ORDER BY date"),
    }


def show(
    ctx: typer.Context,
    codes: bool = typer.Option(False, "--codes", help="Name competencies by their codes (psel-9)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from careerkit.cli.commands.gap_common import words

    names = words(codes)
    plan = build(names)
    if as_json:
        C.print_json(plan.as_dict())
        return
    from careerkit.cli.wrapping import echo_lines

    echo_lines(plan_lines(plan, names))


def plan_lines(plan, names=None) -> list[str]:
    from careerkit.insight.place import spell

    place = names.place if names is not None else None
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
        shown = names.line(gap.competencies) if names is not None else ", ".join(gap.competencies[:2])
        if gap.type in ("credential", "education") and not (names is not None and names.codes):
            shown = ""  # a certificate or a degree is not a standard
        comps = f" · {shown}" if shown and not shown.startswith(gap.label) else ""
        lines.append("")
        lines.append(f"{n}. {spell(gap.label, place)}{comps}")
        lines.append(f"   {spell(gap.why, place)}")
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
        for g in gap.matched:
            lines.append(
                f"   goal {g['id']}: {g['title']} [{g['status']}] seems to answer this gap: "
                f"careerkit plan link {g['id']} {n}"
            )
        for s in gap.suggestions:
            kind = KIND_LABEL.get(s.kind, s.kind)
            if s.done_by:
                lines.append(
                    f"   done  {kind}: {spell(s.title, place)} (already in your record: {s.done_by})"
                )
                continue
            taken = f"  (goal {s.goal_id})" if s.goal_id else ""
            step = "next step: " if s.step_up else ""
            lines.append(f"   [{s.number}] {kind}: {step}{spell(s.title, place)}{taken}")
            if s.how:
                lines.append(" " * (4 + len(f"[{s.number}]")) + spell(s.how, place))
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
    force: bool = typer.Option(False, "--force", help="Add it even when a goal already answers the gap."),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import growth as G
    from careerkit.store import records as R

    plan = build()
    found = plan.suggestion(number)
    if found is None:
        total = max((s.number for g in plan.gaps for s in g.suggestions), default=0)
        raise InvalidInput(
            f"no suggestion {number} in the plan"
            + (f" (it has 1 to {total})" if total else " (it has none yet)")
        )
    gap, s = found
    if s.goal_id:
        raise InvalidInput(
            f"suggestion {number} is already goal {s.goal_id} (careerkit goals show {s.goal_id})"
        )
    same = _duplicate(gap, s, title) or _same_goal(plan, title or s.title)
    if same is not None and not force:
        raise InvalidInput(
            f"goal {same['id']} ({same['title']}) already answers {gap.label!r}; "
            + (
                f"link it: careerkit plan link {same['id']} {plan.gaps.index(gap) + 1}; "
                if same["id"] not in {g["id"] for g in gap.goals}
                else ""
            )
            + "--force adds this one as well"
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


def _same_goal(plan, title: str) -> dict[str, Any] | None:
    """An open goal that says the same thing in other words ('Pass the TExES Principal exam'
    and 'Prepare for the TExES Principal (268) exam')."""
    from careerkit.insight.plan import key_words

    wanted = key_words(title)
    for g in plan.goals:
        have = key_words(g["title"])
        both = len(wanted & have)
        if both >= 3 and both >= 0.6 * min(len(wanted), len(have)):
            return g
    return None


def _duplicate(gap, suggestion, title: Optional[str]) -> dict[str, Any] | None:
    """An open goal that already answers the gap the same way: the same title, or the same
    kind of goal (a second credential goal for the same certificate)."""
    wanted = (title or suggestion.title).strip().lower()
    kinds = {suggestion.kind}
    for g in [*gap.goals, *[{**m, "matched": True} for m in gap.matched]]:
        if g.get("status") not in ("planned", "active"):
            continue
        if g["title"].strip().lower() == wanted:
            return g
        if g.get("kind") in kinds and suggestion.kind != "network":
            return g
    return None


def link(
    goal_id: int = typer.Argument(..., metavar="GOAL_ID", help="The goal (careerkit goals list)."),
    number: int = typer.Argument(..., metavar="N", help="The gap's number in `careerkit plan`."),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.store import growth as G

    plan = build()
    if not 1 <= number <= len(plan.gaps):
        raise InvalidInput(
            f"no gap {number} in the plan"
            + (f" (it has 1 to {len(plan.gaps)})" if plan.gaps else " (it has none yet)")
        )
    gap = plan.gaps[number - 1]
    with C.writing() as conn:
        row = conn.execute("SELECT id, title FROM goals WHERE id = ?", (goal_id,)).fetchone()
        if row is None:
            raise InvalidInput(f"no goal {goal_id} (careerkit goals list shows them)")
        G.set_goal_gap(
            conn, goal_id, gap.label, gap.competencies, gap.report_ids[-1] if gap.report_ids else None
        )
    C.say(f"Goal {goal_id} ({row['title']}) now answers gap {number}: {gap.label}.")
