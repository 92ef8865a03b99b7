"""The growth loop's data: settings, contact cadence and touches, links between goals,
accomplishments and gaps, and the small aggregates behind `status` and the capture nudge.
Plain sqlite3 and the standard library only: the nudge runs at the end of every capture."""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
from datetime import date, timedelta
from typing import Any

from careerkit.errors import InvalidInput, NotFound
from careerkit.models.kinds import NETWORK_RELATIONSHIPS, TOUCH_KINDS

# -- settings ------------------------------------------------------------------------------

RELATIONSHIPS = NETWORK_RELATIONSHIPS
DEFAULT_EVERY = {"mentor": "6w", "sponsor": "3m", "peer": "2m", "coach": "6w", "other": "off"}

# key -> (help, default)
SETTINGS: dict[str, tuple[str, str]] = {
    "nudges": ("on or off: the one-line reminder after capture commands.", "on"),
    **{
        f"cadence.{r}": (f"How often to be in touch with a {r}: 6w, 3m, 45d or off.", DEFAULT_EVERY[r])
        for r in RELATIONSHIPS
    },
    "assess.framework": ("The framework `assess` uses by default.", "psel-2015"),
    "reflect-every": ("How often to write a reflection (careerkit reflect): 1w, 2w, 1m or off.", "1w"),
    "synchronous": (
        "normal or full: full makes every command wait until its writes reach the disk, so a "
        "power cut cannot undo them (slower writes); normal can lose the last commits on a power "
        "cut, never damage the file. $CAREERKIT_SYNCHRONOUS overrides it.",
        "normal",
    ),
}


def get_setting(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is not None and row[0] is not None:
        return row[0]
    return SETTINGS[key][1]


def set_setting(conn: sqlite3.Connection, key: str, value: str | None) -> str | None:
    """Check and store a setting (None restores the default); return the stored value."""
    if key not in SETTINGS:
        raise InvalidInput(f"unknown setting {key!r}: use one of " + ", ".join(SETTINGS))
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        return None
    value = value.strip().lower() if key != "assess.framework" else value.strip()
    if key == "nudges":
        value = {"true": "on", "yes": "on", "1": "on", "false": "off", "no": "off", "0": "off"}.get(
            value, value
        )
        if value not in ("on", "off"):
            raise InvalidInput("nudges: use on or off")
    elif key.startswith("cadence.") or key == "reflect-every":
        value = parse_every(value)
    elif key == "synchronous":
        if value not in ("normal", "full"):
            raise InvalidInput("synchronous: use normal or full")
    elif not value:
        raise InvalidInput(f"{key}: a value is needed")
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
    return value


def all_settings(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    stored = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    return [
        {"key": k, "value": stored.get(k) or default, "default": default, "set": k in stored, "help": help_}
        for k, (help_, default) in SETTINGS.items()
    ]


# -- cadence arithmetic ----------------------------------------------------------------------

_EVERY = re.compile(r"^(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)$")


def parse_every(text: str) -> str:
    """'6 weeks', '6w', '3 months', '45d', 'off' -> a canonical '6w', '3m', '45d', 'off'."""
    t = " ".join(str(text).strip().lower().split())
    if t in ("off", "never", "none", "no"):
        return "off"
    m = _EVERY.match(t)
    if not m or int(m.group(1)) == 0 or int(m.group(1)) > 3650:
        raise InvalidInput(f"not a cadence: {text!r} (use 6w, 3m, 45d, 1y or off)")
    return f"{int(m.group(1))}{m.group(2)[0]}"


def add_every(start: date, every: str) -> date:
    """The day a cadence runs out: months and years by the calendar (31 Jan + 1m = 28/29 Feb)."""
    n, unit = int(every[:-1]), every[-1]
    if unit == "d":
        return start + timedelta(days=n)
    if unit == "w":
        return start + timedelta(weeks=n)
    months = n if unit == "m" else 12 * n
    index = start.year * 12 + start.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def describe_every(every: str) -> str:
    if every == "off":
        return "off"
    n, unit = int(every[:-1]), every[-1]
    word = {"d": "day", "w": "week", "m": "month", "y": "year"}[unit]
    return f"every {n} {word}{'s' if n != 1 else ''}" if n != 1 else f"every {word}"


def last_day(iso: str) -> date:
    """The last day a partial ISO date covers: '2024-09' -> 2024-09-30."""
    if len(iso) == 4:
        return date(int(iso), 12, 31)
    if len(iso) == 7:
        y, m = int(iso[:4]), int(iso[5:7])
        return date(y, m, calendar.monthrange(y, m)[1])
    return date.fromisoformat(iso[:10])


def default_cadences(conn: sqlite3.Connection) -> dict[str, str]:
    stored = dict(conn.execute("SELECT key, value FROM settings WHERE key LIKE 'cadence.%'"))
    return {r: stored.get(f"cadence.{r}") or DEFAULT_EVERY[r] for r in RELATIONSHIPS}


def contacts_due(conn: sqlite3.Connection, today: date, *, only_due: bool = False) -> list[dict[str, Any]]:
    """Every person with their cadence, the day they are next due and whether they are due:
    due on the day the cadence since the last contact runs out; never contacted is due now.
    Most overdue first."""
    defaults = default_cadences(conn)
    rows = conn.execute(
        "SELECT n.id, n.name, n.relationship, n.role, n.organization, n.last_contact, c.every "
        "FROM network n LEFT JOIN contact_cadence c ON c.contact_id = n.id"
    ).fetchall()
    out = []
    for r in rows:
        every = r["every"] or defaults.get(r["relationship"], "off")
        last = last_day(r["last_contact"]) if r["last_contact"] else None
        if every == "off":
            next_day, due = None, False
        elif last is None:
            next_day, due = today, True
        else:
            next_day = add_every(last, every)
            due = next_day <= today
        out.append(
            {
                "id": r["id"],
                "name": r["name"],
                "relationship": r["relationship"],
                "role": r["role"],
                "organization": r["organization"],
                "last_contact": r["last_contact"],
                "days_since": (today - last).days if last else None,
                "cadence": every,
                "cadence_set": r["every"] is not None,
                "next": next_day.isoformat() if next_day else None,
                "due": due,
                "overdue_days": (today - next_day).days if due and next_day else 0,
            }
        )
    if only_due:
        out = [c for c in out if c["due"]]
    out.sort(key=lambda c: (not c["due"], c["next"] or "9999", c["name"].lower()))
    return out


def set_cadence(conn: sqlite3.Connection, contact_id: int, every: str | None) -> str | None:
    if every is None:
        conn.execute("DELETE FROM contact_cadence WHERE contact_id = ?", (contact_id,))
        return None
    every = parse_every(every)
    conn.execute(
        "INSERT INTO contact_cadence (contact_id, every) VALUES (?, ?) "
        "ON CONFLICT(contact_id) DO UPDATE SET every = excluded.every",
        (contact_id, every),
    )
    return every


# -- people and touches -------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text compared the way search compares it: case, accents and extra spaces ignored."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def find_contact(conn: sqlite3.Connection, name: str) -> sqlite3.Row:
    """A person by id, exact name (any case), or a part of the name that only one person has."""
    text = " ".join(name.split())
    if not text:
        raise InvalidInput("give the person's name or id")
    if text.isdigit():
        row = conn.execute("SELECT * FROM network WHERE id = ?", (int(text),)).fetchone()
        if row:
            return row
    # Names match as search matches them: case and accents ignored ("martinez" finds
    # "Dr. Renée Martínez"). The network is small: compare in Python.
    wanted = fold(text)
    people = conn.execute("SELECT * FROM network ORDER BY id").fetchall()
    rows = [r for r in people if fold(r["name"]) == wanted]
    if not rows:
        rows = [r for r in people if wanted in fold(r["name"])]
    if not rows:
        raise NotFound(f"no one in your network matches {name!r} (see `careerkit network list`)")
    if len(rows) > 1:
        names = "; ".join(f"{r['id']} {r['name']}" for r in rows[:6])
        raise InvalidInput(f"{name!r} matches {len(rows)} people ({names}): give the id or the full name")
    return rows[0]


def add_touch(conn: sqlite3.Connection, contact_id: int, day: str, kind: str, note: str | None) -> int:
    """Record a touch and move last_contact forward (never back: an old note is history)."""
    kind = kind.strip().lower()
    if kind not in TOUCH_KINDS:
        raise InvalidInput(f"unknown kind {kind!r}: use one of " + ", ".join(TOUCH_KINDS))
    if note is not None and len(note) > 100_000:
        raise InvalidInput("the note is too long")
    cur = conn.execute(
        "INSERT INTO touches (contact_id, date, kind, note) VALUES (?, ?, ?, ?)",
        (contact_id, day, kind, note),
    )
    conn.execute(
        "UPDATE network SET last_contact = ?, updated = strftime('%Y-%m-%dT%H:%M:%SZ','now') "
        "WHERE id = ? AND (last_contact IS NULL OR substr(last_contact || '-01-01', 1, 10) < ?)",
        (day, contact_id, (day + "-01-01")[:10]),
    )
    return int(cur.lastrowid or 0)  # set by an INSERT


def list_touches(
    conn: sqlite3.Connection, contact_id: int | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    sql = (
        "SELECT t.id, t.contact_id, n.name, n.relationship, t.date, t.kind, t.note "
        "FROM touches t JOIN network n ON n.id = t.contact_id"
    )
    clauses: list[str] = []
    params: list[Any] = []
    if contact_id is not None:
        clauses.append("t.contact_id = ?")
        params.append(contact_id)
    if kind:
        clauses.append("t.kind = ?")
        params.append(kind)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY t.date DESC, t.id DESC"
    return [dict(r) for r in conn.execute(sql, params)]


# -- goals, accomplishments and gaps ----------------------------------------------------------


def _exists(conn: sqlite3.Connection, table: str, record_id: int, noun: str) -> None:
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is None:
        raise NotFound(f"no {noun} with id {record_id}")


def link_goal(conn: sqlite3.Connection, goal_id: int, win_id: int) -> bool:
    """Link an accomplishment to the goal it fulfils; False when already linked."""
    _exists(conn, "goals", goal_id, "goal")
    _exists(conn, "accomplishments", win_id, "accomplishment")
    cur = conn.execute(
        "INSERT OR IGNORE INTO goal_links (goal_id, accomplishment_id) VALUES (?, ?)", (goal_id, win_id)
    )
    return cur.rowcount > 0


def unlink_goal(conn: sqlite3.Connection, goal_id: int, win_id: int) -> None:
    cur = conn.execute(
        "DELETE FROM goal_links WHERE goal_id = ? AND accomplishment_id = ?", (goal_id, win_id)
    )
    if cur.rowcount == 0:
        raise NotFound(f"accomplishment {win_id} is not linked to goal {goal_id}")


def goal_links(
    conn: sqlite3.Connection, goal_ids: list[int] | None = None
) -> dict[int, list[dict[str, Any]]]:
    """goal id -> the accomplishments linked to it (id, date, title)."""
    sql = (
        "SELECT l.goal_id, a.id, a.date, a.title FROM goal_links l "
        "JOIN accomplishments a ON a.id = l.accomplishment_id"
    )
    params: list[Any] = []
    if goal_ids is not None:
        sql += f" WHERE l.goal_id IN ({', '.join('?' for _ in goal_ids)})" if goal_ids else " WHERE 0"
        params = list(goal_ids)
    out: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(sql + " ORDER BY a.date, a.id", params):
        out.setdefault(r["goal_id"], []).append({"id": r["id"], "date": r["date"], "title": r["title"]})
    return out


def done_gap_goals(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Done goals made for a gap (`goals add --from-gap`, `plan take`), each with the gap's
    label, competencies and report, and the accomplishments linked to it (newest first):
    what a re-analysis counts as closing that gap. Empty, and cheap, when there are none."""
    rows = conn.execute(
        "SELECT g.id, g.title, l.gap, l.competencies, l.report_id FROM goals g "
        "JOIN goal_gaps l ON l.goal_id = g.id WHERE g.status = 'done' ORDER BY g.id"
    ).fetchall()
    if not rows:
        return []
    wins = goal_links(conn, [r[0] for r in rows])
    out = []
    for goal_id, title, gap, competencies, report_id in rows:
        try:
            comps = json.loads(competencies or "[]")
        except ValueError:
            comps = []
        linked = sorted(wins.get(goal_id, []), key=lambda w: (w["date"] or "", w["id"]), reverse=True)
        out.append(
            {
                "id": goal_id,
                "title": title,
                "gap": gap,
                "competencies": [c for c in comps if isinstance(c, str)] if isinstance(comps, list) else [],
                "report_id": report_id,
                "wins": linked,
            }
        )
    return out


def set_goal_gap(
    conn: sqlite3.Connection, goal_id: int, gap: str, competencies: list[str], report_id: int | None = None
) -> None:
    """Remember which gap a goal was made to close."""
    conn.execute(
        "INSERT INTO goal_gaps (goal_id, gap, competencies, report_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(goal_id) DO UPDATE SET gap = excluded.gap, "
        "competencies = excluded.competencies, report_id = excluded.report_id",
        (goal_id, gap, json.dumps(competencies), report_id),
    )


def goal_gaps(conn: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    return {
        r["goal_id"]: {
            "gap": r["gap"],
            "competencies": json.loads(r["competencies"] or "[]"),
            "report_id": r["report_id"],
        }
        for r in conn.execute("SELECT * FROM goal_gaps")
    }


# -- status and nudges ----------------------------------------------------------------------------

OPEN_GOAL = "status IN ('planned', 'active') AND due IS NOT NULL"


def _month_end(today: date) -> date:
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def goals_due(conn: sqlite3.Connection, today: date, *, until: date | None = None) -> list[dict[str, Any]]:
    """Open goals whose due date (its first day) falls on or before `until` (default: the end
    of this month), overdue ones first. A goal due '2025-06' is overdue from 1 July."""
    until = until or _month_end(today)
    rows = conn.execute(
        f"SELECT id, title, due, status, kind FROM goals WHERE {OPEN_GOAL} "
        "AND substr(due || '-01-01', 1, 10) <= ? ORDER BY substr(due || '-01-01', 1, 10), id",
        (until.isoformat(),),
    ).fetchall()
    out = []
    for r in rows:
        end = last_day(r["due"])
        out.append({**dict(r), "overdue": end < today, "days": (end - today).days})
    return out


def nudge(conn: sqlite3.Connection, today: date) -> str | None:
    """The one quiet line after a capture, or None when nothing is due or nudges are off."""
    if get_setting(conn, "nudges") == "off":
        return None
    parts = []
    goals = goals_due(conn, today)
    overdue = sum(1 for g in goals if g["overdue"])
    if overdue:
        parts.append(f"{overdue} goal{'s' if overdue != 1 else ''} overdue")
    if len(goals) - overdue:
        n = len(goals) - overdue
        parts.append(f"{n} goal{'s' if n != 1 else ''} due this month")
    counts: dict[str, int] = {}
    for c in contacts_due(conn, today, only_due=True):
        counts[c["relationship"]] = counts.get(c["relationship"], 0) + 1
    plural = {"coach": "coaches", "other": "others"}
    people = [f"{n} {rel if n == 1 else plural.get(rel, rel + 's')}" for rel, n in counts.items()]
    if people:
        parts.append(_join(people) + " to contact")
    reflection = _reflection_due(conn, today)
    if reflection and reflection["due"]:
        parts.append("a reflection due")
    return "; ".join(parts) if parts else None


def _reflection_due(conn: sqlite3.Connection, today: date) -> dict[str, Any] | None:
    from careerkit.store.reflections import due

    try:
        return due(conn, today)
    except sqlite3.OperationalError:  # a database not yet migrated
        return None


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def status(conn: sqlite3.Connection, today: date) -> dict[str, Any]:
    """Everything `careerkit status` shows, from aggregates (never the whole record)."""
    month, year = today.strftime("%Y-%m"), today.strftime("%Y")
    dated = ("accomplishments", "feedback", "learning")
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t} WHERE date LIKE ?", (month + "%",)).fetchone()[0]
        for t in dated
    }
    last = max(
        (
            conn.execute(
                f"SELECT max(date) FROM {t} WHERE substr(date, 1, 10) <= ?", (today.isoformat(),)
            ).fetchone()[0]
            or ""
            for t in dated
        ),
        default="",
    )
    expiring = [
        {**dict(r), "days": (last_day(r["expires"]) - today).days}
        for r in conn.execute(
            "SELECT id, name, kind, expires FROM credentials WHERE expires IS NOT NULL "
            "AND status = 'earned' AND substr(expires || '-12-31', 1, 10) >= ? "
            "AND substr(expires || '-01-01', 1, 10) <= ? ORDER BY expires",
            ((today - timedelta(days=365)).isoformat(), (today + timedelta(days=365)).isoformat()),
        )
    ]
    # Done and in progress apart, as `learn list` counts them: an in-progress course's hours
    # are not yet earned.
    hours = conn.execute(
        "SELECT coalesce(sum(CASE WHEN status = 'done' THEN hours END), 0), "
        "count(CASE WHEN status = 'done' THEN 1 END), "
        "coalesce(sum(CASE WHEN status = 'in-progress' THEN hours END), 0), "
        "count(CASE WHEN status = 'in-progress' THEN 1 END) "
        "FROM learning WHERE date LIKE ? AND status != 'planned'",
        (year + "%",),
    ).fetchone()
    open_goals = conn.execute("SELECT count(*) FROM goals WHERE status IN ('planned', 'active')").fetchone()[
        0
    ]
    return {
        "today": today.isoformat(),
        "last_entry": last or None,
        "days_since_last_entry": (today - last_day(last)).days if last else None,
        "this_month": {
            "accomplishments": counts["accomplishments"],
            "feedback": counts["feedback"],
            "learning": counts["learning"],
            "total": sum(counts.values()),
        },
        "goals_open": open_goals,
        # Due within 30 days by its last day ('2025-06' is due by 30 June), as status says.
        "goals_due": [g for g in goals_due(conn, today, until=today + timedelta(days=30)) if g["days"] <= 30],
        "credentials_expiring": expiring,
        "contacts_due": [
            {k: c[k] for k in ("id", "name", "relationship", "last_contact", "next", "overdue_days")}
            for c in contacts_due(conn, today, only_due=True)
        ],
        "last_posting": last_posting(conn),
        "reflection": _reflection_due(conn, today),
        "pl_hours_this_year": round(float(hours[0]), 1),  # done
        "pl_entries_this_year": hours[1],
        "pl_hours_in_progress": round(float(hours[2]), 1),
        "pl_entries_in_progress": hours[3],
    }


def last_posting(conn: sqlite3.Connection, gaps: int = 3) -> dict[str, Any] | None:
    """The newest saved gap report: its score and its top gaps (required first)."""
    row = conn.execute(
        "SELECT id, title, organization, score, report, created FROM gap_reports "
        "ORDER BY created DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    try:
        requirements = json.loads(row["report"] or "{}").get("requirements") or []
    except (ValueError, AttributeError):
        requirements = []
    # Gaps before partial ones, required before preferred, in the posting's order.
    top = [r for r in requirements if isinstance(r, dict) and r.get("verdict") in ("gap", "partial")]
    top.sort(key=lambda r: (r.get("verdict") != "gap", r.get("must") != "required"))
    return {
        "id": row["id"],
        "title": row["title"],
        "organization": row["organization"],
        "score": row["score"],
        "date": (row["created"] or "")[:10],
        "gaps": sum(1 for r in top if r.get("verdict") == "gap"),
        "partial": sum(1 for r in top if r.get("verdict") == "partial"),
        "top_gaps": [
            {"text": r.get("text"), "must": r.get("must"), "verdict": r.get("verdict")} for r in top[:gaps]
        ],
    }


# -- self-assessment --------------------------------------------------------------------------


def add_rating(
    conn: sqlite3.Connection, framework: str, standard: str, rating: int, note: str | None, day: str
) -> int:
    if rating not in (1, 2, 3):
        raise InvalidInput(
            f"a rating is 1, 2 or 3 (1 no or limited evidence, 2 basic, "
            f"3 effective or advanced), not {rating}"
        )
    if note is not None and len(note) > 100_000:
        raise InvalidInput("the note is too long")
    # One rating per standard and day: rating again the same day corrects it.
    conn.execute(
        "DELETE FROM assessments WHERE framework = ? AND standard = ? AND date = ?",
        (framework, standard, day),
    )
    cur = conn.execute(
        "INSERT INTO assessments (framework, standard, rating, note, date) VALUES (?, ?, ?, ?, ?)",
        (framework, standard, rating, note, day),
    )
    return int(cur.lastrowid or 0)  # set by an INSERT


def ratings(conn: sqlite3.Connection, framework: str | None = None) -> list[dict[str, Any]]:
    """Ratings oldest first (by date, then as entered)."""
    sql = "SELECT id, framework, standard, rating, note, date FROM assessments"
    params: tuple = ()
    if framework:
        sql += " WHERE framework = ?"
        params = (framework,)
    return [dict(r) for r in conn.execute(sql + " ORDER BY date, id", params)]
