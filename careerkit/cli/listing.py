"""Tables and detail views of records, for people; JSON for programs."""

from __future__ import annotations

from datetime import date
from typing import Any

from careerkit.cli import helpers as C


def _skills(row: dict[str, Any]) -> str:
    return ", ".join(row.get("skills") or [])


def _span(row: dict[str, Any]) -> str:
    return f"{row.get('start') or '?'} – {row.get('end') or 'now'}"


def _private(text: str, row: dict[str, Any]):
    return [(text, None), (" (private)", "dim")] if row.get("private") else text


def _expiry(row: dict[str, Any]):
    flag = expiring(row)
    if flag == "expired":
        return [(f"{row['expires']} expired", "red")]
    if flag == "soon":
        return [(f"{row['expires']} (within a year)", "yellow")]
    return row.get("expires") or ""


def expiring(row: dict[str, Any], today: date | None = None) -> str | None:
    """'expired', 'soon' (within a year) or None, for a credential."""
    from careerkit.dates import end_of

    expires = row.get("expires")
    if not expires:
        return None
    today = today or date.today()
    last_day = date.fromisoformat(end_of(expires))
    if last_day < today:
        return "expired"
    if (last_day - today).days <= 365:
        return "soon"
    return None


def _from(row: dict[str, Any]) -> str:
    return row["relationship"] + (f" ({row['from']})" if row.get("from") else "")


# kind -> [(heading, function of the row giving its cell: text, or (text, style) pieces)]
COLUMNS = {
    "accomplishment": [
        ("id", lambda r: str(r["id"])),
        ("date", lambda r: r["date"]),
        ("title", lambda r: _private(r["title"], r)),
        ("impact", lambda r: r.get("impact") or ""),
        ("skills", _skills),
    ],
    "feedback": [
        ("id", lambda r: str(r["id"])),
        ("date", lambda r: r["date"]),
        ("from", _from),
        ("said", lambda r: _private(r["text"], r)),
    ],
    "learning": [
        ("id", lambda r: str(r["id"])),
        ("date", lambda r: r["date"]),
        ("title", lambda r: r["title"]),
        ("kind", lambda r: r.get("kind") or ""),
        ("hours", lambda r: _hours(r.get("hours"))),
        ("status", lambda r: r["status"]),
    ],
    "position": [
        ("id", lambda r: str(r["id"])),
        ("dates", _span),
        ("title", lambda r: r["title"]),
        ("organization", lambda r: r["organization"]),
        ("category", lambda r: r["category"]),
    ],
    "credential": [
        ("id", lambda r: str(r["id"])),
        ("kind", lambda r: r["kind"]),
        ("name", lambda r: r["name"]),
        ("status", lambda r: r["status"]),
        ("date", lambda r: r.get("date") or ""),
        ("expires", _expiry),
    ],
    "contact": [
        ("id", lambda r: str(r["id"])),
        ("name", lambda r: r["name"]),
        ("relationship", lambda r: r["relationship"]),
        ("role", lambda r: r.get("role") or ""),
        ("organization", lambda r: r.get("organization") or ""),
        ("last contact", lambda r: r.get("last_contact") or ""),
    ],
    "goal": [
        ("id", lambda r: str(r["id"])),
        ("due", lambda r: r.get("due") or ""),
        ("title", lambda r: r["title"]),
        ("kind", lambda r: r.get("kind") or ""),
        ("status", lambda r: r["status"]),
    ],
}
# How a list is ordered, for the footer of a cut list: "newest 100 of 5,860 shown".
FIRST = {"contact": "first", "goal": "first"}


def _hours(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def as_json(kind_name: str, rows: list[dict[str, Any]]) -> Any:
    if kind_name == "learning":
        return {
            "entries": rows,
            "total_hours": total_hours(rows),
            "in_progress_hours": in_progress_hours(rows),
        }
    if kind_name == "credential":
        return [dict(r, expiring=expiring(r)) for r in rows]
    return rows


def total_hours(rows: list[dict[str, Any]]) -> float:
    """Hours of learning done (what `status` counts as this year's hours, too)."""
    return round(sum(r.get("hours") or 0 for r in rows if r.get("status") == "done"), 2)


def in_progress_hours(rows: list[dict[str, Any]]) -> float:
    return round(sum(r.get("hours") or 0 for r in rows if r.get("status") == "in-progress"), 2)


def markup(cell) -> str:
    """A cell as rich markup, user text escaped."""
    if isinstance(cell, str):
        return C.esc(cell)
    return "".join(f"[{style}]{C.esc(text)}[/]" if style else C.esc(text) for text, style in cell)


def show_rows(headings: list[str], cells: list[list[Any]], footer: str | None) -> None:
    """Rows for people. A rich table in a terminal when they fit one (TERMINAL_ROWS);
    otherwise aligned lines, streamed: always when piped or NO_COLOR, and in a terminal
    for a long list someone asked for (rich takes about a millisecond a row)."""
    from careerkit.cli import output as O

    if not C.plain() and len(cells) <= O.TERMINAL_ROWS:
        out = C.console()
        t = C.table(*headings)
        for row in cells:
            t.add_row(*[markup(c) for c in row])
        out.print(t)
        if footer:
            out.print(f"[dim]{C.esc(footer)}[/]")
        return
    colour = not C.plain()
    wrap = O.terminal_width() if O.interactive() else None

    def text():
        yield from O.lines(headings, cells, colour=colour, wrap=wrap)
        if footer:
            yield O.paint(footer, "dim") if colour else footer

    O.write(text())


def print_table(
    kind_name: str, rows: list[dict[str, Any]], *, cut: bool = False, limit: int | None = None
) -> None:
    """A list of records. `cut`: no --limit was given, so a terminal shows the first
    TERMINAL_ROWS and says how many there are; `limit`: --limit N, the first N are shown
    and the footer says of how many (totals still count every row)."""
    from careerkit.cli import output as O

    if not rows:
        O.write(["Nothing here yet."])
        return
    shown = rows[: O.TERMINAL_ROWS] if cut and O.interactive() else rows
    if limit:
        shown = rows[:limit]
    columns = COLUMNS[kind_name]
    cells = [[fn(row) for _, fn in columns] for row in shown]
    show_rows([h for h, _ in columns], cells, footer_for(kind_name, rows, len(shown)))


def footer_for(kind_name: str, rows: list[dict[str, Any]], shown: int) -> str:
    """'12 shown', or 'newest 100 of 5,860 shown; --limit 0 for all', then the kind's
    totals over every row the filters kept (not only those on screen)."""
    from careerkit.cli.output import TERMINAL_ROWS as O_TERMINAL_ROWS
    from careerkit.cli.output import number

    total = len(rows)
    cut = shown < total
    if cut:
        text = f"{FIRST.get(kind_name, 'newest')} {number(shown)} of {number(total)} shown; --limit 0 for all"
        if shown != O_TERMINAL_ROWS:  # --limit N: the user chose N
            text = f"{FIRST.get(kind_name, 'newest')} {number(shown)} of {number(total)} shown"
    else:
        text = f"{number(total)} shown"
    if kind_name == "learning":
        text += f"; {number(total_hours(rows))} hours done" + (f" in all {number(total)}" if cut else "")
        going = in_progress_hours(rows)
        if going:
            text += f", {number(going)} in progress"
    if kind_name == "credential":
        soon = sum(1 for r in rows if expiring(r))
        if soon:
            text += (
                f"; {number(soon)}"
                + (f" of all {number(total)}" if cut else "")
                + " expired or expiring within a year"
            )
    return text


def print_record(kind_name: str, row: dict[str, Any]) -> None:
    out = C.console()
    t = C.table("field", "value")
    for key, value in row.items():
        if value in (None, [], ""):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, float):
            value = f"{value:g}"
        t.add_row(key, C.esc(value))
    if kind_name == "credential" and expiring(row):
        t.add_row("note", markup(_expiry(row)))
    out.print(t)
