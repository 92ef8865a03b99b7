"""Goal due dates and network reminders as an iCalendar file (RFC 5545): CRLF line ends,
lines folded at 75 octets without splitting a character, text escaped, a stable UID per
event (so a re-import updates rather than duplicates) and a DTSTAMP. Pure: data in, text out."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

PRODID = "-//careerkit//careerkit growth calendar//EN"


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, continuation lines starting
    with one space (RFC 5545 3.1), never splitting a UTF-8 character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space counts
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n ".join(out)


def _event(
    uid: str,
    stamp: str,
    day: date,
    summary: str,
    description: str | None,
    categories: str,
    url: str | None = None,
) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines += [
        f"CATEGORIES:{categories}",
        "TRANSP:TRANSPARENT",
        # A reminder at 9:00 on the day (all-day events start at midnight).
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(summary)}",
        "TRIGGER;RELATED=START:PT9H",
        "END:VALARM",
        "END:VEVENT",
    ]
    return lines


def calendar(
    goals: Iterable[dict[str, Any]],
    contacts: Iterable[dict[str, Any]],
    *,
    now: datetime,
    domain: str = "careerkit.local",
    reflection: dict[str, Any] | None = None,
) -> str:
    """goals: dicts with id, title, due (a date), status, kind, notes, created;
    contacts: dicts with id, name, relationship, role, organization, last_contact, next
    (a date), cadence text, created; reflection: the next reflection by the cadence, a dict
    with next (a date), every (text) and last (ISO date or None). `now` is UTC, used for
    DTSTAMP."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:careerkit",
    ]
    for g in goals:
        detail = [f"Goal {g['id']} ({g.get('status') or 'planned'})"]
        if g.get("kind"):
            detail.append(f"Kind: {g['kind']}")
        if g.get("notes"):
            detail.append(str(g["notes"]))
        detail.append(f"Mark it done: careerkit goals edit {g['id']} --status done")
        lines += _event(
            _uid("goal", g, domain),
            stamp,
            g["due"],
            f"Goal due: {g['title']}",
            "\n".join(detail),
            "CAREERKIT,GOAL",
        )
    for c in contacts:
        who = ", ".join(x for x in (c.get("role"), c.get("organization")) if x)
        detail = [f"{c['name']}: {c['relationship']}" + (f" ({who})" if who else "")]
        detail.append(
            f"Last contact: {c.get('last_contact') or 'none recorded'}; keep in touch {c.get('cadence')}"
        )
        detail.append(f'After you talk: careerkit network touch {c["id"]} --note "..."')
        lines += _event(
            _uid("contact", c, domain),
            stamp,
            c["next"],
            f"Get in touch with {c['name']} ({c['relationship']})",
            "\n".join(detail),
            "CAREERKIT,NETWORK",
        )
    if reflection:
        # One event that moves: the UID is the same whichever day the next reflection falls.
        lines += _event(
            f"reflection-next@{domain}",
            stamp,
            reflection["next"],
            "Reflect: what happened, what you learned, how you know",
            f"Reflection cadence: {reflection['every']}; last reflection: {reflection.get('last') or 'none yet'}"
            '\nWrite it: careerkit reflect (or careerkit reflect "what happened" --learned "...")',
            "CAREERKIT,REFLECTION",
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _uid(kind: str, item: dict[str, Any], domain: str) -> str:
    # The creation time keeps ids from two databases apart; the id keeps it stable.
    created = "".join(ch for ch in str(item.get("created") or "") if ch.isalnum())
    return f"{kind}-{item['id']}-{created}@{domain}"
