"""Tables and detail views of records, for people; JSON for programs."""
from __future__ import annotations

from datetime import date
from typing import Any

from careerkit.cli import common as C


def _skills(row: dict[str, Any]) -> str:
    return ", ".join(row.get("skills") or [])


def _span(row: dict[str, Any]) -> str:
    return f"{row.get('start') or '?'} – {row.get('end') or 'now'}"


def _expiry(row: dict[str, Any]) -> str:
    flag = expiring(row)
    if flag == "expired":
        return f"[red]{C.esc(row['expires'])} expired[/]"
    if flag == "soon":
        return f"[yellow]{C.esc(row['expires'])} (within a year)[/]"
    return C.esc(row.get("expires") or "")


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


# kind -> [(heading, function of the row giving markup)]
COLUMNS = {
    "accomplishment": [("id", lambda r: str(r["id"])), ("date", lambda r: C.esc(r["date"])),
                       ("title", lambda r: C.esc(r["title"]) + (" [dim](private)[/]" if r["private"] else "")),
                       ("impact", lambda r: C.esc(r.get("impact") or "")), ("skills", lambda r: C.esc(_skills(r)))],
    "feedback": [("id", lambda r: str(r["id"])), ("date", lambda r: C.esc(r["date"])),
                 ("from", lambda r: C.esc(r["relationship"]) + (f" ({C.esc(r['from'])})" if r.get("from") else "")),
                 ("said", lambda r: C.esc(r["text"]) + (" [dim](private)[/]" if r["private"] else ""))],
    "learning": [("id", lambda r: str(r["id"])), ("date", lambda r: C.esc(r["date"])),
                 ("title", lambda r: C.esc(r["title"])), ("kind", lambda r: C.esc(r.get("kind") or "")),
                 ("hours", lambda r: _hours(r.get("hours"))), ("status", lambda r: C.esc(r["status"]))],
    "position": [("id", lambda r: str(r["id"])), ("dates", lambda r: C.esc(_span(r))),
                 ("title", lambda r: C.esc(r["title"])), ("organization", lambda r: C.esc(r["organization"])),
                 ("category", lambda r: C.esc(r["category"]))],
    "credential": [("id", lambda r: str(r["id"])), ("kind", lambda r: C.esc(r["kind"])),
                   ("name", lambda r: C.esc(r["name"])), ("status", lambda r: C.esc(r["status"])),
                   ("date", lambda r: C.esc(r.get("date") or "")), ("expires", _expiry)],
    "contact": [("id", lambda r: str(r["id"])), ("name", lambda r: C.esc(r["name"])),
                ("relationship", lambda r: C.esc(r["relationship"])), ("role", lambda r: C.esc(r.get("role") or "")),
                ("organization", lambda r: C.esc(r.get("organization") or "")),
                ("last contact", lambda r: C.esc(r.get("last_contact") or ""))],
    "goal": [("id", lambda r: str(r["id"])), ("due", lambda r: C.esc(r.get("due") or "")),
             ("title", lambda r: C.esc(r["title"])), ("kind", lambda r: C.esc(r.get("kind") or "")),
             ("status", lambda r: C.esc(r["status"]))],
}


def _hours(value: Any) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def as_json(kind_name: str, rows: list[dict[str, Any]]) -> Any:
    if kind_name == "learning":
        return {"entries": rows, "total_hours": total_hours(rows)}
    if kind_name == "credential":
        return [dict(r, expiring=expiring(r)) for r in rows]
    return rows


def total_hours(rows: list[dict[str, Any]]) -> float:
    return round(sum(r.get("hours") or 0 for r in rows if r.get("status") == "done"), 2)


def print_table(kind_name: str, rows: list[dict[str, Any]]) -> None:
    out = C.console()
    if not rows:
        out.print("Nothing here yet.")
        return
    t = C.table(*[h for h, _ in COLUMNS[kind_name]])
    for row in rows:
        t.add_row(*[fn(row) for _, fn in COLUMNS[kind_name]])
    out.print(t)
    footer = f"{len(rows)} shown"
    if kind_name == "learning":
        footer += f"; {total_hours(rows):g} hours done"
    if kind_name == "credential":
        soon = [r for r in rows if expiring(r)]
        if soon:
            footer += f"; {len(soon)} expired or expiring within a year"
    out.print(f"[dim]{footer}[/]")


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
        t.add_row("note", _expiry(row))
    out.print(t)
