"""`careerkit gap common`: what the saved postings ask for again and again, where you stand,
and the gaps that matter most with ways to close them; and `goals add --from-gap N`, which
turns one of those ways into a goal."""

from __future__ import annotations

from datetime import UTC
from typing import Any, Optional

import typer

from careerkit.cli import helpers as C

COMMON_HELP = """What your saved postings ask for again and again, and where you stand.

Requirements are grouped by meaning, not exact words (a master's degree however it is
worded; 'MTSS' and 'multi-tiered systems of support'), listed under the competency they map
to, with how many postings ask for each, required or preferred, and your standing: the
verdict in the most recent posting that asks (and the best one, when it differs). Then the
three to five gaps that matter most (asked often, required, not met), each with numbered
ways to close it: a stretch assignment, learning, or a credential.

Turn a way into a goal with:  careerkit goals add --from-gap N

It reads the saved analyses; run `careerkit gap rerun ID` to bring one up to date."""

VERDICT_STYLE = {"met": "green", "partial": "yellow", "gap": "red"}
KIND_LABEL = {"stretch-assignment": "stretch", "learning": "learning", "credential": "credential"}


def register_common(gap_app: typer.Typer) -> None:
    """Add `common` to the `gap` group (called from cli/gap.py)."""
    gap_app.command("common", help=COMMON_HELP)(common_command)


def common_command(
    ids: Optional[list[int]] = typer.Argument(
        None,
        metavar="[IDS]...",
        help="Saved posting ids (gap list); default: all of them.",
        show_default=False,
    ),
    role: Optional[str] = typer.Option(
        None,
        "--role",
        "-r",
        metavar="TITLE",
        help="Only postings whose title has these words: --role 'assistant principal'.",
    ),
    min_postings: Optional[int] = typer.Option(
        None,
        "--min",
        min=1,
        metavar="N",
        help="List a requirement when at least N postings ask for it (default 2; 1 with one posting).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    report = build_report(ids or None, role, min_postings)
    if report is None:
        if as_json:
            from careerkit.models.recurring import CommonReport

            C.print_json(CommonReport().model_dump(mode="json"))
        else:
            C.say("No saved postings yet: careerkit gap analyze POSTING reads one and saves it.")
        return
    mark_taken(report)
    remember(report, role)
    if as_json:
        C.print_json(report.model_dump(mode="json"))
    else:
        show(report)


# -- building --------------------------------------------------------------------------------


def build_report(ids: list[int] | None, role: str | None, min_postings: int | None):
    """The CommonReport over the chosen saved postings; None when none are saved."""
    from careerkit.insight.recurring import common
    from careerkit.insight.suggest import Suggestions
    from careerkit.posting.frameworks import load_frameworks, load_lexicon, user_folder
    from careerkit.store import recurring as S

    with C.database() as conn:
        if not ids and role is None and not S.saved_postings(conn):
            return None
        chosen = S.choose(conn, ids, role)
        reports = S.load_reports(conn, chosen)
    folder = user_folder(C.db_path())
    terms = load_lexicon(folder).terms
    lexicon = {t.term: [t.term, *t.variants] for t in terms}
    weights = {t.term: t.weight for t in terms}
    labels = {c.id: f"{c.id.upper()}: {c.title}" for fw in load_frameworks(folder) for c in fw.competencies}
    return common(
        reports,
        lexicon=lexicon,
        weights=weights,
        labels=labels,
        suggestions=Suggestions.load(folder),
        min_postings=min_postings,
    )


common_command.__doc__ = COMMON_HELP


def mark_taken(report) -> None:
    """Note the ways already made goals (by `goals add --from-gap` or `plan take`)."""
    from careerkit.store import recurring as S

    with C.database() as conn:
        taken = S.goals_by_way(conn)
    for gap, way in report.ways():
        way.goal_id = taken.get((gap.label, way.title.lower()))


def remember(report, role: str | None) -> None:
    """Keep the numbered ways shown, so `goals add --from-gap N` takes the N the user saw."""
    import sqlite3
    from datetime import datetime

    from careerkit.store import recurring as S

    data = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "postings": [p.id for p in report.postings],
        "role": role,
        "ways": [{**way.model_dump(mode="json"), "gap": _gap_link(gap)} for gap, way in report.ways()],
    }
    try:
        with C.writing() as conn:
            S.save_ways(conn, data)
    except sqlite3.OperationalError:
        pass  # a read-only database still shows the report; from-gap recomputes instead


def _gap_link(gap) -> dict[str, Any]:
    return {
        "key": gap.key,
        "label": gap.label,
        "text": gap.text,
        "type": gap.type,
        "competencies": gap.competencies,
        "postings": gap.postings,
        "required": gap.required,
        "latest": gap.latest,
        "report_ids": gap.report_ids,
        "requirements": [[a.report, a.index] for a in gap.asks],
    }


# -- showing ----------------------------------------------------------------------------------


def _verdict(v: str) -> str:
    return f"[{VERDICT_STYLE[v]}]{v}[/]"


def show(report) -> None:
    from careerkit.insight.recurring import years_span

    con = C.console()
    total = len(report.postings)
    con.print(f"[bold]What {total} saved posting{'s' if total != 1 else ''} ask for[/]")
    con.print(_postings_line(report.postings))
    if total == 1:
        con.print("[dim]One posting: analyse more (careerkit gap analyze) to see what recurs.[/]")
    shown = 0
    for section in report.sections:
        t = C.table("Asked", "Required, type", "You", "Requirement", "Postings", title=C.esc(section.label))
        # The same column widths in every section, so the sections read as one list.
        t.expand = True
        for column, width in zip(t.columns, (8, 14, 19, None, 15), strict=True):
            column.width = width
            column.ratio = None if width else 1
        for g in section.groups:
            standing = _verdict(g.latest)
            if g.best != g.latest:
                standing += f" [dim](best {g.best})[/]"
            words = f"[bold]{C.esc(g.label)}[/]"
            if g.years:
                words += f" [dim]({years_span(g.years)} asked)[/]"
            if g.text.strip() != g.label.strip():
                words += f"\n[dim]{C.esc(_clip(g.text, 140))}[/]"
            must = f"{g.required} req" + (f", {g.preferred} pref" if g.preferred else "")
            must += f"\n[dim]{g.type}[/]"
            t.add_row(
                f"{g.postings} of {total}",
                must,
                standing,
                words,
                " ".join(f"#{i}" for i in g.report_ids[:8]) + (" ..." if len(g.report_ids) > 8 else ""),
            )
            shown += 1
        con.print()
        con.print(t)
    if not shown:
        con.print(
            f"\nNo requirement is asked by {report.min_postings} or more of these postings "
            "(--min 1 lists them all)."
        )
    _show_gaps(con, report)


def _postings_line(postings) -> str:
    parts = []
    for p in postings[:6]:
        name = _clip(p.title or "untitled", 50)
        if p.organization:
            name += f" ({_clip(p.organization, 40)})"
        parts.append(f"#{p.id} {C.esc(name)}")
    more = f", and {len(postings) - 6} more" if len(postings) > 6 else ""
    return "[dim]" + ", ".join(parts) + more + "[/]"


def _show_gaps(con, report) -> None:
    from careerkit.insight.recurring import years_span

    con.print()
    if not report.top_gaps:
        con.print(
            "[bold]The gaps that matter most[/]: none. Every requirement these postings "
            "share is met in your record."
        )
        return
    con.print("[bold]The gaps that matter most[/]")
    for gap in report.top_gaps:
        span = f" [dim]({years_span(gap.years)} asked)[/]" if gap.years else ""
        con.print(f"\n[bold]{gap.rank}. {C.esc(gap.label)}[/]{span}  {_verdict(gap.latest)}")
        if gap.text.strip() != gap.label.strip():
            C.indented(con, f'[dim]"{C.esc(_clip(gap.text, 160))}"[/]', 3)
        C.indented(con, C.esc(gap.why), 3)
        if not gap.ways:
            con.print(
                "   [dim]No suggestion on file for this one: add your own in "
                "suggestions.yaml in your frameworks folder.[/]"
            )
        for way in gap.ways:
            taken = f"  [green](goal {way.goal_id})[/]" if way.goal_id else ""
            number = f"[{way.number}]"
            C.indented(
                con,
                f"[bold cyan]{C.esc(number)}[/]{' ' * (5 - len(number))}"
                f"{KIND_LABEL[way.kind]:<11}{C.esc(way.title)}{taken}",
                3,
                hang=16,
            )
            if way.how:
                C.indented(con, f"[dim]{C.esc(way.how)}[/]", 19)
    if report.ways():
        con.print("\nTurn one into a goal:  careerkit goals add --from-gap N")


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 3].rsplit(" ", 1)[0]
    return (cut if len(cut) > n // 2 else text[: n - 3]) + "..."


# -- goals add --from-gap ------------------------------------------------------------------------


def add_goal_from_gap(ref: str, title: Optional[str], values: dict[str, Any]) -> int:
    """Insert a goal made from a numbered way of `gap common`, and link it to the gap."""
    from careerkit.errors import InvalidInput
    from careerkit.models.kinds import BY_NAME
    from careerkit.store import records as R
    from careerkit.store import recurring as S
    from careerkit.store.growth import set_goal_gap

    if title is not None and not title.strip():
        raise InvalidInput("the title is empty: leave it out to use the way's own")
    number = _number(ref)
    way = _find_way(number)
    gap = way["gap"]
    goal = {
        "title": title.strip() if title else way["title"],
        "kind": values.get("kind") or way["kind"],
        "skills": list(dict.fromkeys([*way.get("skills", []), *(values.get("skills") or [])])),
        "notes": _notes(way, values.get("notes")),
    }
    for key in ("due", "status"):
        if values.get(key) is not None:
            goal[key] = values[key]
    kind = BY_NAME["goal"]
    columns = R.check(kind, goal)
    with C.writing() as conn:
        existing = S.goal_for_way(conn, columns["title"], gap["label"])
        if existing is not None:
            raise InvalidInput(
                f"goal {existing} already answers this gap with that title (careerkit goals show {existing})"
            )
        goal_id = R.insert(conn, kind, columns)
        latest = gap["report_ids"][-1] if gap.get("report_ids") else None
        set_goal_gap(conn, goal_id, gap["label"], gap.get("competencies") or [], latest)
    return goal_id


def _number(ref: str) -> int:
    from careerkit.errors import InvalidInput

    text = str(ref).strip().lstrip("#[").rstrip("]")
    if not text.isdigit() or int(text) < 1:
        raise InvalidInput(
            f"--from-gap takes the number of a way shown by `careerkit gap common`, such as 3; not {ref!r}"
        )
    return int(text)


def _find_way(number: int) -> dict[str, Any]:
    """The way with this number in the last `gap common` shown; when it was never run, the
    numbering of `gap common` over every saved posting."""
    from careerkit.errors import CareerkitError, InvalidInput
    from careerkit.store import recurring as S

    with C.database() as conn:
        last = S.last_ways(conn)
    if last is None:
        report = build_report(None, None, None)
        if report is None:
            raise CareerkitError(
                "no saved postings yet: careerkit gap analyze POSTING, then "
                "careerkit gap common shows the ways to close your gaps"
            )
        remember(report, None)
        with C.database() as conn:
            last = S.last_ways(conn) or {
                "ways": [{**w.model_dump(mode="json"), "gap": _gap_link(g)} for g, w in report.ways()]
            }
    ways = last["ways"]
    for way in ways:
        if way.get("number") == number:
            return way
    if not ways:
        raise InvalidInput("the last `careerkit gap common` showed no ways to close a gap")
    raise InvalidInput(f"no way numbered {number}: the last `careerkit gap common` showed 1 to {len(ways)}")


def _notes(way: dict[str, Any], own: Optional[str]) -> str:
    gap = way["gap"]
    n = gap["postings"]
    asked = f"{n} saved posting{'s' if n != 1 else ''}: " + ", ".join(f"#{i}" for i in gap["report_ids"])
    if gap["required"]:
        asked += f"; required by {gap['required']}"
    lines = [own.strip()] if own and own.strip() else []
    lines.append(f"Closes the gap: {gap['label']}")
    if gap["text"].strip() != gap["label"].strip():
        lines.append(f'Asked for: "{gap["text"]}" ({asked})')
    else:
        lines.append(f"Asked by {asked}")
    standing = f"Standing when set: {gap['latest']}"
    if gap.get("competencies"):
        standing += "; competencies: " + ", ".join(gap["competencies"][:3])
    lines.append(standing + ".")
    if way.get("how"):
        lines.append("How: " + way["how"])
    lines.append(f"From careerkit gap common, way {way['number']}.")
    return "\n".join(lines)
