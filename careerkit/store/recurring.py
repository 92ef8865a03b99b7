"""What `gap common` reads and remembers: the saved reports (their JSON as saved, never
re-analysed) chosen by id or by role, and the ways to close a gap it last showed, so that
`goals add --from-gap N` means the N the user saw."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from careerkit.errors import CareerkitError, InvalidInput, NotFound

LAST_WAYS = "state.gap_common.ways"  # a settings row; not a user setting
ABBREVIATIONS = {
    "asst": "assistant",
    "assoc": "associate",
    "ap": "assistant principal",
    "vp": "vice principal",
    "dir": "director",
    "coord": "coordinator",
    "supt": "superintendent",
    "elem": "elementary",
    "hs": "high school",
    "ms": "middle school",
}


def role_words(text: str) -> list[str]:
    """A title as words, with common abbreviations spelled out."""
    out = []
    for word in re.findall(r"[a-z0-9]+", (text or "").lower()):
        out += ABBREVIATIONS.get(word, word).split()
    return out


def title_matches(title: str | None, role: str) -> bool:
    """Every word of the role appears in the title ('assistant principal' matches
    'Asst. Principal, Middle School'); a role word matches a title word that starts with it."""
    wanted = role_words(role)
    have = role_words(title or "")
    return bool(wanted) and all(any(h.startswith(w) for h in have) for w in wanted)


def saved_postings(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """id, title, organization of every saved report, oldest analysis first."""
    rows = conn.execute(
        "SELECT id, title, organization FROM gap_reports ORDER BY coalesce(updated, created), id"
    ).fetchall()
    return [dict(r) for r in rows]


def choose(conn: sqlite3.Connection, ids: list[int] | None = None, role: str | None = None) -> list[int]:
    """The ids of the saved reports to read: the ids given (each must exist), and/or the
    ones whose title matches the role; all of them when neither is given."""
    postings = saved_postings(conn)
    known = {p["id"] for p in postings}
    if ids:
        missing = [i for i in dict.fromkeys(ids) if i not in known]
        if missing:
            listed = ", ".join(str(i) for i in missing)
            raise NotFound(f"no saved posting with id {listed} (careerkit gap list shows them)")
        wanted = set(ids)
        postings = [p for p in postings if p["id"] in wanted]
    if role is not None:
        if not role_words(role):
            raise InvalidInput("--role needs words of a job title, such as 'assistant principal'")
        postings = [p for p in postings if title_matches(p["title"], role)]
        if not postings:
            raise NotFound(
                f"no saved posting has a title matching {role!r} (careerkit gap list shows their titles)"
            )
    return [p["id"] for p in postings]


def load_reports(conn: sqlite3.Connection, ids: list[int]):
    """The saved GapReports, in the order of ids. Only the report column is read and parsed."""
    from pydantic import ValidationError

    from careerkit.models.gap import GapReport
    from careerkit.store.gaps import name_evidence

    if not ids:
        return []
    order = {rid: n for n, rid in enumerate(ids)}
    out = []
    rows = conn.execute(
        f"SELECT id, title, organization, source, chars, report FROM gap_reports "
        f"WHERE id IN ({', '.join('?' for _ in ids)})",
        ids,
    ).fetchall()
    for row in sorted(rows, key=lambda r: order[r["id"]]):
        try:
            data = json.loads(row["report"] or "{}")
            if not isinstance(data, dict):
                raise ValueError("not an object")
            data["id"] = row["id"]
            data.setdefault(
                "posting",
                {
                    "title": row["title"],
                    "organization": row["organization"],
                    "source": row["source"],
                    "chars": row["chars"] or 0,
                },
            )
            data.setdefault("score", 0)
            out.append(GapReport.model_validate(name_evidence(conn, data)))
        except (ValueError, ValidationError):
            raise CareerkitError(
                f"saved posting {row['id']} has a damaged report: "
                f"careerkit gap rerun {row['id']} analyses it again"
            ) from None
    return out


def save_ways(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (LAST_WAYS, json.dumps(data, ensure_ascii=False)),
    )


def last_ways(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (LAST_WAYS,)).fetchone()
    if row is None or not row[0]:
        return None
    try:
        data = json.loads(row[0])
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("ways"), list) else None


def goal_for_way(conn: sqlite3.Connection, title: str, gap: str) -> int | None:
    """A goal already made from this way for this gap, if there is one."""
    row = conn.execute(
        "SELECT g.id FROM goals g JOIN goal_gaps l ON l.goal_id = g.id "
        "WHERE lower(g.title) = lower(?) AND lower(l.gap) = lower(?) "
        "AND g.status IN ('planned', 'active') ORDER BY g.id LIMIT 1",
        (title, gap),
    ).fetchone()
    return row[0] if row else None


def goals_by_way(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    """(gap label, goal title in lower case) -> goal id, for goals not dropped that were made
    for a gap: `gap common` marks the ways already taken."""
    rows = conn.execute(
        "SELECT g.id, g.title, l.gap FROM goals g JOIN goal_gaps l ON l.goal_id = g.id "
        "WHERE g.status != 'dropped' ORDER BY g.id"
    ).fetchall()
    out: dict[tuple[str, str], int] = {}
    for goal_id, title, gap in rows:
        out.setdefault(((gap or "").lower(), (title or "").lower()), goal_id)
    return out
