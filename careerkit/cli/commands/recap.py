"""`careerkit milestones` and `careerkit recap`: looking back over a term or a year, with
the growth drawn (self-ratings, wins per month, readiness per posting, learning hours)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, Optional

import typer

from careerkit.cli import helpers as C

FORMATS = ("md", "html", "pdf", "docx")
BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
AUDIENCES = ("supervisor", "sponsor", "self")
RECAP_HELP = (
    "Look back over a period: wins by competency and by month with their impact, feedback "
    "highlights, learning hours, goals, gaps closed, self-ratings then and now, milestones and "
    "(for yourself) reflections, with the growth drawn. With no -o it prints to the terminal."
)


def register(app: typer.Typer) -> None:
    app.command(
        "milestones",
        help="Milestones reached, with their dates, found in the record: first win in a competency, "
        "credentials, goals done, gaps closed, self-ratings raised, 10/25/50/100 wins, a term with a win every week.",
    )(milestones)
    app.command("recap", help=RECAP_HELP)(recap)


def _today() -> date:
    from careerkit.cli.commands.growth import today

    return today()


def _folder():
    from careerkit.posting.frameworks import user_folder

    return user_folder(C.db_path())


# -- milestones -----------------------------------------------------------------------------------


class _Row:
    """A row as attributes (what `detect` and the competency mapper read)."""

    id: int
    updated: str

    def __init__(self, row: sqlite3.Row):
        self.__dict__.update(dict(row))


class Tools:
    """The framework in use and the mapping of a win to its main competency in it. Both are
    remembered (the framework's titles in the settings, each win's competency in the table
    win_competencies, stamped with the win's `updated`), so a recap or `status` reads no
    framework file and maps no win it has seen before; `save()` keeps what was mapped."""

    def __init__(self, conn: sqlite3.Connection, folder=None):
        from careerkit import __version__
        from careerkit.posting.frameworks import signature
        from careerkit.store import recap as S
        from careerkit.store.growth import get_setting

        self.conn = conn
        self.folder = folder or _folder()
        setting = get_setting(conn, "assess.framework")
        key = [setting, [list(x) for x in signature(self.folder)], __version__]
        cached = S.framework_cache(conn)
        if cached.get("key") == key:
            self.id, self.short, self.titles = cached["id"], cached["short"], cached["titles"]
        else:
            from careerkit.insight.standards import resolve_framework

            fw = resolve_framework(setting, self.folder)
            self.id, self.short = fw.id, fw.short or fw.name
            self.titles = {c.id: c.title for c in fw.competencies}
            self._keep(
                S.set_framework_cache, {"key": key, "id": self.id, "short": self.short, "titles": self.titles}
            )
        self.known = {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                "SELECT accomplishment_id, competency, stamp FROM win_competencies WHERE framework = ?",
                (self.id,),
            )
        }
        self.new: list[tuple[int, str, str | None, str]] = []
        self._voc: Any = None

    def _keep(self, write, *args) -> None:
        try:
            write(self.conn, *args)
        except sqlite3.OperationalError:  # read-only: what is remembered is only a shortcut
            pass

    def competency_of(self, win) -> str | None:
        hit = self.known.get(win.id)
        if hit is not None and hit[1] == win.updated:
            return hit[0]
        from careerkit.posting.competencies import accomplishment_text, vocabulary
        from careerkit.posting.text import stems

        if self._voc is None:
            self._voc = vocabulary(self.folder)
        win_id, stamp = win.id, win.updated
        if getattr(win, "skills", None) is None:  # a light row: read its text
            row = self.conn.execute(
                "SELECT title, details, situation, task, action, result, impact, kind, skills "
                "FROM accomplishments WHERE id = ?",
                (win.id,),
            ).fetchone()
            import json

            win = _Row(row)
            win.skills = json.loads(win.skills or "[]")
        found = None
        for cid in self._voc.competencies(stems(accomplishment_text(win)), limit=3):
            if cid in self.titles:
                found = cid
                break
        self.known[win_id] = (found, stamp)
        self.new.append((win_id, self.id, found, stamp))
        return found

    def save(self) -> None:
        if self.new:
            self._keep(_save_competencies, self.new)
            self.new = []


def _save_competencies(conn: sqlite3.Connection, rows) -> None:
    conn.executemany(
        "INSERT INTO win_competencies (accomplishment_id, framework, competency, stamp) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(accomplishment_id) DO UPDATE SET framework = excluded.framework, "
        "competency = excluded.competency, stamp = excluded.stamp",
        rows,
    )


class _Win(NamedTuple):
    id: int
    date: str
    title: str
    private: int
    updated: str


STATUS_MAPS = 200  # wins `status` maps to competencies at most; `milestones` maps them all


def reached(
    conn: sqlite3.Connection,
    today: date,
    *,
    tools: Tools | None = None,
    folder=None,
    map_limit: int | None = None,
    window: tuple[str, str] | None = None,
):
    """Every milestone reached by today. With map_limit, when more wins than that are not yet
    mapped to a competency (a record just imported), first wins in a competency are left
    out rather than mapped now: `status` stays quick, and shows them once they are mapped."""
    from careerkit.insight.milestones import detect
    from careerkit.store import gaps, growth
    from careerkit.store import recap as S

    tools = tools or Tools(conn, folder)
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a long record has thousands of wins
    wins = [
        _Win._make(r) for r in cursor.execute("SELECT id, date, title, private, updated FROM accomplishments")
    ]
    unmapped = sum(1 for w in wins if tools.known.get(w.id, (None, None))[1] != w.updated)
    partial = map_limit is not None and unmapped > map_limit
    found = detect(
        wins=wins,
        credentials=[_Row(r) for r in conn.execute("SELECT id, name, date, status FROM credentials")],
        # A done goal's day: its last linked win, else the day it was last changed.
        goals=[
            _Row(r)
            for r in conn.execute(
                "SELECT g.id, g.title, g.status, coalesce((SELECT max(a.date) FROM goal_links l "
                "JOIN accomplishments a ON a.id = l.accomplishment_id WHERE l.goal_id = g.id), "
                "g.updated) AS updated FROM goals g"
            )
        ],
        gap_scores=gaps.score_history(conn),
        postings=S.postings(conn),
        ratings=[r for r in growth.ratings(conn) if r["framework"] == tools.id],
        competency_of=(lambda w: None) if partial else tools.competency_of,
        titles=tools.titles,
        today=today,
        window=window,
    )
    tools.save()
    return found


def new_milestone_line(conn: sqlite3.Connection, today: date) -> str | None:
    """For `status`: the milestones not shown before, in one line, then remembered as shown.
    The first time (nothing shown yet) only the newest is named."""
    from careerkit.store import recap as S

    found = reached(conn, today, map_limit=STATUS_MAPS)
    seen = S.shown(conn)
    new = [m for m in found if m.key not in seen]
    if not new:
        return None
    S.mark_shown(conn, seen | {m.key for m in found})
    latest = new[-1]
    more = f" (and {len(new) - 1} more: careerkit milestones)" if len(new) > 1 else ""
    return f"{latest.text} ({latest.date}){more}"


def milestones(
    since: Optional[str] = typer.Option(None, "--since", metavar="DATE", help="Reached on or after."),
    until: Optional[str] = typer.Option(None, "--until", metavar="DATE", help="Reached on or before."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    from careerkit.dates import end_of, parse_date, start_of

    lo = start_of(parse_date(since, _today())) if since else ""
    hi = end_of(parse_date(until, _today())) if until else "9999"
    with C.writing() as conn:
        found = [m for m in reached(conn, _today()) if lo <= m.date <= hi]
    if as_json:
        C.print_json([m.as_dict() for m in found])
        return
    if not found:
        C.say('No milestones yet: they come from the record (careerkit log "..." is the start).')
        return
    from careerkit.cli.wrapping import echo_lines

    echo_lines([f"{m.date}  {m.text}" for m in found])


# -- recap ----------------------------------------------------------------------------------------


def recap(
    since: str = typer.Option(..., "--since", metavar="DATE", help="The first month or day: 2025-08."),
    until: Optional[str] = typer.Option(
        None, "--until", metavar="DATE", help="The last month or day (default: today)."
    ),
    fmt: Optional[str] = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="md, html, pdf or docx (default: from -o's name; with neither, the terminal view).",
    ),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write here; '-' for standard output."
    ),
    audience: str = typer.Option(
        "self",
        "--for-audience",
        metavar="WHO",
        help="self (everything, with reflections), supervisor (no reflections, no job search) "
        "or sponsor (no reflections, no self-ratings).",
    ),
    include_private: bool = typer.Option(
        False,
        "--include-private",
        help="Include private wins, feedback and reflections (left out by default).",
    ),
    redact: bool = typer.Option(
        False, "--redact", help="Leave out people's names: who gave feedback, students and parents named."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the -o file if it exists."),
) -> None:
    from careerkit.dates import end_of, parse_date, start_of
    from careerkit.errors import InvalidInput

    who = audience.strip().lower()
    if who not in AUDIENCES:
        raise InvalidInput(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    first = start_of(parse_date(since, _today()))
    last = end_of(parse_date(until, _today())) if until else _today().isoformat()
    if last < first:
        raise InvalidInput(f"--until ({last}) is before --since ({first})")
    chosen = _format(fmt, output)
    if output is None and chosen in ("pdf", "docx"):
        output = f"recap-{first[:7]}-{last[:7]}.{chosen}"
    from careerkit.cli.outfile import check_output

    check_output(output, force=force, example=f"recap.{chosen or 'md'}")
    with C.writing() as conn:  # milestones remember the first win per competency
        data, removed = build(conn, first, last, who, include_private=include_private, redact=redact)
    if chosen is None:
        print_terminal(data)
        _notes(data, removed, include_private)
        return
    from careerkit.render.recap import render_recap

    body = render_recap(data, chosen)
    if output is None or output == "-":
        from careerkit.cli.commands.prep import _to_stdout

        _to_stdout(body)
    else:
        from careerkit.cli.outfile import write_output

        write_output(Path(output).expanduser(), body, force=True, shown=output)
        C.say(f"Wrote {output}")
    _notes(data, removed, include_private)


def _format(fmt: Optional[str], output: Optional[str]) -> Optional[str]:
    from careerkit.errors import InvalidInput

    if fmt is None:
        if output is None:
            return None
        suffix = Path(output).suffix.lower() if output != "-" else ""
        return BY_SUFFIX.get(suffix, "md")
    value = fmt.strip().lower().lstrip(".")
    value = {"markdown": "md", "htm": "html", "word": "docx"}.get(value, value)
    if value not in FORMATS:
        raise InvalidInput(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return value


def _notes(data, removed: int | None, include_private: bool) -> None:
    left = data.left_out
    if left:
        what = ", ".join(f"{n} {k if n != 1 else k.rstrip('s')}" for k, n in left.items())
        C.say(f"Left out as private: {what} (--include-private to show them).")
    C.say_redacted(removed)
    if include_private:
        C.say("It includes private entries: keep it to yourself.")


def build(
    conn: sqlite3.Connection,
    since: str,
    until: str,
    audience: str,
    *,
    include_private: bool,
    redact: bool,
    folder=None,
    today: date | None = None,
):
    """The Recap for the period, and how many names --redact removed (None: not asked)."""
    from careerkit.documents.recap import build_recap
    from careerkit.render.charts import colour_for
    from careerkit.store import gaps, growth
    from careerkit.store import recap as S
    from careerkit.store.reflections import list_reflections

    tools = Tools(conn, folder)
    record = S.period_record(conn, since, until)
    ratings = growth.ratings(conn, tools.id)
    scores = gaps.score_history(conn)
    postings = S.postings(conn)
    links = growth.goal_links(conn)
    found = reached(conn, today or _today(), tools=tools, window=(since, until))
    reflections = list_reflections(conn, oldest_first=True)
    profile = conn.execute("SELECT name FROM profile").fetchone()
    removed = None
    if redact:
        record, reflections, found, removed = _redacted(record, reflections, found)
    data = build_recap(
        record,
        since=since,
        until=until,
        audience=audience,
        include_private=include_private,
        competency_of=tools.competency_of,
        titles=tools.titles,
        framework=tools.short,
        palette=colour_for,
        ratings=ratings,
        scores=scores,
        postings=postings,
        goal_links=links,
        milestones=found,
        reflections=reflections,
        person=profile[0] if profile else "",
    )
    tools.save()
    return data, removed


def _redacted(record, reflections, found):
    from careerkit.insight.milestones import Milestone
    from careerkit.redact import Redactor, redact_record

    names = [getattr(f, "from_name", None) for f in record.feedback]
    names += [getattr(c, "name", None) for c in record.network]
    record, removed = redact_record(record)
    r = Redactor([n for n in names if isinstance(n, str) and n])
    parts = ("text", "did", "learned", "differently", "evidence")
    reflections = [{**x, **{k: r.text(x.get(k)) for k in parts}} for x in reflections]
    found = [Milestone(m.key, m.date, m.kind, r.text(m.text) or "", m.ref, m.private) for m in found]
    return record, reflections, found, removed + r.count


# -- the terminal view ------------------------------------------------------------------------------

BLOCKS = " ▁▂▃▄▅▆▇█"


def print_terminal(data) -> None:
    from rich.text import Text

    from careerkit.documents.recap import rating_cells, summary
    from careerkit.render.recap import period, title

    con = C.console()
    plain = C.plain()
    con.print(Text(f"{title(data)}: {period(data)}", style="bold"))
    if data.person:
        con.print(Text(data.person, style="dim"))
    con.print(summary(data))
    if data.empty:
        return
    if data.wins_total:
        _head(con, "Wins per month, by competency")
        most = max(m.total for m in data.months) or 1
        for m in data.months:
            line = Text(f"{m.label:<9} ")
            for comp, n in m.counts.items():
                if n:
                    width = max(1, round(30 * n / most))
                    colour = next(c for i, _, c in data.legend if i == comp)
                    line.append("█" * width if not plain else "#" * width, style=None if plain else colour)
            line.append(f" {m.total}" if m.total else "")
            con.print(line)
        from rich.columns import Columns

        items = []
        for comp, name, colour in data.legend:
            item = Text("■ " if not plain else "", style="" if plain else colour)
            item.append(f"{comp if comp != 'other' else ''} {name}".strip())
            items.append(item)
        con.print(Columns(items, padding=(0, 3)))
        _head(con, "Wins by competency")
        for g in data.competencies:
            con.print(Text(f"{g.title} ({g.count})", style="bold"))
            for w in g.wins[:5]:
                impact = f" ({w.impact})" if w.impact else ""
                con.print(Text(f"  {w.date}  {w.title}{impact}"))
            if g.count > 5:
                con.print(Text(f"  and {g.count - 5} more", style="dim"))
    if data.ratings:
        _head(con, "Self-ratings over time (1 ░ 2 ▒ 3 █), then → now")
        from careerkit.render.charts import RATING_FILL

        shade = {None: "·", 1: "░", 2: "▒", 3: "█"}
        for s, line in zip(rating_cells(data), data.ratings, strict=True):
            row = Text(f"{line.id:<8} ")
            for c in s["cells"]:
                row.append(shade[c], style=None if plain or c is None else RATING_FILL[c])
            row.append(f"  {line.then or '–'} → {line.now or '–'}  {line.title}")
            con.print(row)
    if data.feedback:
        _head(con, "What others said")
        for g in data.feedback:
            con.print(Text(f"{g.label} ({g.count})", style="bold"))
            for q in g.quotes[:2]:
                con.print(Text(f"  “{q.text}” — {q.who}, {q.date}"))
    if data.hours or data.completions:
        _head(con, f"Learning: {data.hours:g} hours")
        most_h = max((h for _, h in data.hours_by_term), default=0) or 1
        for t, h in data.hours_by_term:
            con.print(Text(f"{t:<12} " + "█" * round(30 * h / most_h) + f" {h:g} h"))
        for c in data.completions[:8]:
            con.print(Text(f"  {c.date}  {c.title}"))
    if data.goals_done or data.goals_moved:
        _head(con, "Goals")
        for g in data.goals_done:
            con.print(Text(f"  done   {g.title}"))
        for g in data.goals_moved:
            con.print(Text(f"  moved  {g.title}"))
    if data.readiness:
        _head(con, "Readiness per saved posting (score at each analysis)")
        for r in data.readiness:
            spark = "".join(BLOCKS[max(1, round(8 * s / 100))] for _, s in r.points)
            con.print(Text(f"  {spark:<12} {r.then} → {r.now}  {r.name}"))
            for d, text in r.closed:
                con.print(Text(f"      gap closed {d}: {text}", style="dim"))
    if data.milestones:
        _head(con, "Milestones")
        for m in data.milestones:
            con.print(Text(f"  {m.date}  {m.text}"))
    if data.reflections:
        _head(con, "Reflections")
        for x in data.reflections:
            learned = f" Learned: {x.learned}" if x.learned else ""
            con.print(Text(f"  {x.date}  {x.text}{learned}"))


def _head(con, text: str) -> None:
    from rich.text import Text

    con.print()
    con.print(Text(text, style="bold"))


# -- the demo's year --------------------------------------------------------------------------------

DEMO_SINCE, DEMO_UNTIL = "2024-08-01", "2025-07-31"
DEMO_ANALYSES = ("2024-08-31", "2024-12-31", "2025-03-31", "2025-06-30")


def demo_recap(db: Path, folder: Path, posting: str, report_id: int) -> list[tuple[Path, str]]:
    """`careerkit demo`'s recap: the sample's 2024-25 school year (data/sample-year.yaml)
    added to the demo database, its self-ratings given, and the sample posting analysed
    against the record as it stood at four points of the year (readiness over time); then
    the recap PDF of that year."""
    from careerkit.cli.commands.transfer import write_private
    from careerkit.posting.analyze import analyze
    from careerkit.posting.frameworks import user_folder
    from careerkit.render.recap import render_recap
    from careerkit.store import gaps, growth, io
    from careerkit.store.db import connect, transaction
    from careerkit.store.snapshot import read_trusted

    source = Path(__file__).resolve().parents[2] / "data" / "sample-year.yaml"
    import yaml

    data = io.parse_career_text(source.read_text("utf-8"), "yaml", source.name)
    ratings = data.pop("self_ratings", {}) or {}
    conn = connect(db)
    try:
        with transaction(conn):
            io.import_text(conn, yaml.safe_dump(data, allow_unicode=True, sort_keys=False), source.name)
            for day, given in ratings.items():
                for standard, rating in given.items():
                    growth.add_rating(conn, "psel", standard, int(rating), None, str(day))
        record = read_trusted(conn)
        old = gaps.get(conn, report_id)
        with transaction(conn):
            conn.execute("DELETE FROM gap_scores WHERE report_id = ?", (report_id,))
            before = None
            for day in DEMO_ANALYSES:
                report = analyze(
                    posting, _as_of(record, day), source=old.posting.source, folder=user_folder(db)
                )
                closed: list[str] = []
                if before is not None:
                    closed = [d["text"] for d in gaps.changes(before, report) if d["change"] == "closed"]
                gaps.record_score(conn, report_id, report.score, closed, day)
                before = report
            gaps.record_score(conn, report_id, old.score)
        with transaction(conn):
            recap_data, _ = build(
                conn,
                DEMO_SINCE,
                DEMO_UNTIL,
                "self",
                include_private=False,
                redact=False,
                folder=user_folder(db),
            )
    finally:
        conn.close()
    path = folder / "recap-2024-25.pdf"
    write_private(path, render_recap(recap_data, "pdf"))
    return [(path, "the 2024-25 school year in review, with the growth drawn")]


def _as_of(record, day: str):
    """The record as it stood on a day: entries dated after it left out."""

    def kept(entries, attr):
        return [e for e in entries if (getattr(e, attr) or "0000") <= day]

    from careerkit.store.snapshot import ALL_SECTIONS, RecordView

    sections = {table: getattr(record, table) for table in ALL_SECTIONS}
    sections.update(
        positions=kept(record.positions, "start"),
        credentials=[c for c in record.credentials if (c.date or "0000") <= day],
        accomplishments=kept(record.accomplishments, "date"),
        feedback=kept(record.feedback, "date"),
        learning=kept(record.learning, "date"),
    )
    return RecordView(record.profile, sections)
