"""Reflections (table reflections, migration m003_reflect_reflections): what happened, what I
did, what I learned, what I would do differently and how I know. Private by default. Each
may point at the entries it reflects on (`win:12`, `feedback:3`, `goal:2`, `learn:4`) and
at framework competencies. Plain sqlite3 and the standard library: the nudge reads the
cadence at the end of every capture."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from careerkit.errors import InvalidInput, NotFound
from careerkit.models.kinds import REFLECTION

# The guided template's parts: column -> the question the editor shows.
PARTS: tuple[tuple[str, str], ...] = (
    ("text", "What happened?"),
    ("did", "What did I do?"),
    ("learned", "What did I learn?"),
    ("differently", "What would I do differently?"),
    ("evidence", "How do I know? The evidence"),
)

# What `--on KIND:ID` may name: the word people type -> (table, the word shown).
TARGETS: dict[str, tuple[str, str]] = {
    "win": ("accomplishments", "win"),
    "wins": ("accomplishments", "win"),
    "accomplishment": ("accomplishments", "win"),
    "feedback": ("feedback", "feedback"),
    "goal": ("goals", "goal"),
    "goals": ("goals", "goal"),
    "learn": ("learning", "learn"),
    "learning": ("learning", "learn"),
}
TITLE_OF = {"accomplishments": "title", "feedback": "text", "goals": "title", "learning": "title"}
DATE_OF = {"accomplishments": "date", "feedback": "date", "goals": "due", "learning": "date"}
CADENCE_KEY = "reflect-every"
DEFAULT_EVERY = "1w"


def parse_link(text: str) -> str:
    """'win:12', 'Win 12', 'feedback#3' -> the canonical 'win:12'."""
    import re

    m = re.fullmatch(r"\s*([A-Za-z]+)\s*[:#\s]\s*(\d+)\s*", str(text))
    if not m or m.group(1).lower() not in TARGETS:
        raise InvalidInput(
            f"--on {text!r}: name an entry as win:ID, feedback:ID, goal:ID or learn:ID (ids from the lists)"
        )
    return f"{TARGETS[m.group(1).lower()][1]}:{int(m.group(2))}"


def check_links(conn: sqlite3.Connection, links: list[str]) -> list[str]:
    """Canonical links, each naming an entry that exists."""
    out = []
    for link in links:
        canon = parse_link(link)
        word, _, number = canon.partition(":")
        table = TARGETS[word][0]
        if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(number),)).fetchone() is None:
            raise NotFound(f"--on {link}: there is no {word} {number}")
        if canon not in out:
            out.append(canon)
    return out


def describe_links(conn: sqlite3.Connection, links: list[str]) -> list[dict[str, Any]]:
    """Each link with what it points at now (gone: the entry was deleted since)."""
    out = []
    for link in links:
        word, _, number = link.partition(":")
        if word not in TARGETS or not number.isdigit():
            continue
        table = TARGETS[word][0]
        row = conn.execute(
            f'SELECT "{TITLE_OF[table]}", "{DATE_OF[table]}" FROM {table} WHERE id = ?', (int(number),)
        ).fetchone()
        out.append(
            {
                "link": link,
                "kind": word,
                "id": int(number),
                "title": row[0] if row else None,
                "date": row[1] if row else None,
            }
        )
    return out


def add(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    from careerkit.store import records as R

    columns = R.check(REFLECTION, values)
    columns["links"] = check_links(conn, columns.get("links") or [])
    return R.insert(conn, REFLECTION, columns)


def get(conn: sqlite3.Connection, reflection_id: int) -> dict[str, Any]:
    from careerkit.store import records as R

    return R.get(conn, REFLECTION, reflection_id)


def delete(conn: sqlite3.Connection, reflection_id: int) -> dict[str, Any]:
    from careerkit.store import records as R

    return R.delete(conn, REFLECTION, reflection_id)


def list_reflections(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    competency: str | None = None,
    on: str | None = None,
    limit: int | None = None,
    oldest_first: bool = False,
) -> list[dict[str, Any]]:
    from careerkit.store import records as R

    clauses: list[str] = []
    params: list[Any] = []
    if competency:
        clauses.append("EXISTS (SELECT 1 FROM json_each(competencies) WHERE lower(value) = lower(?))")
        params.append(competency.strip())
    if on:
        clauses.append("EXISTS (SELECT 1 FROM json_each(links) WHERE value = ?)")
        params.append(parse_link(on))
    if not clauses and not oldest_first:
        return R.list_records(conn, REFLECTION, since=since, until=until, limit=limit)
    rows = R.list_records(conn, REFLECTION, since=since, until=until)
    if clauses:
        keep = {
            r[0] for r in conn.execute("SELECT id FROM reflections WHERE " + " AND ".join(clauses), params)
        }
        rows = [r for r in rows if r["id"] in keep]
    if oldest_first:
        rows.reverse()
    return rows[:limit] if limit else rows


def by_standard(conn: sqlite3.Connection, standards: list[str]) -> dict[str, list[dict[str, Any]]]:
    """standard id -> its reflections, newest first: the answer to "how do you know?"."""
    out: dict[str, list[dict[str, Any]]] = {s: [] for s in standards}
    wanted = {s.lower(): s for s in standards}
    for r in conn.execute(
        "SELECT r.id, r.date, r.text, r.evidence, r.private, lower(j.value) AS standard "
        "FROM reflections r, json_each(r.competencies) j ORDER BY r.date DESC, r.id DESC"
    ):
        key = wanted.get(r["standard"])
        if key is not None:
            out[key].append(
                {
                    "id": r["id"],
                    "date": r["date"],
                    "text": r["text"],
                    "evidence": r["evidence"],
                    "private": bool(r["private"]),
                }
            )
    return out


# -- the cadence --------------------------------------------------------------------------------


def cadence(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (CADENCE_KEY,)).fetchone()
    return row[0] if row and row[0] else DEFAULT_EVERY


def due(conn: sqlite3.Connection, today: date) -> dict[str, Any] | None:
    """When the next reflection is due: {'every', 'last', 'next', 'due', 'days_overdue'};
    None when the cadence is off, or when nothing is logged yet. Never reflected: one cadence after the first win was
    logged (a first capture is not the moment to ask for a reflection)."""
    from careerkit.store.growth import add_every, last_day

    every = cadence(conn)
    if every == "off":
        return None
    last = conn.execute(
        "SELECT max(date) FROM reflections WHERE substr(date, 1, 10) <= ?", (today.isoformat(),)
    )
    last_date = last.fetchone()[0]
    if last_date:
        next_day = add_every(last_day(last_date), every)
    else:
        first = conn.execute("SELECT min(substr(created, 1, 10)) FROM accomplishments").fetchone()[0]
        if not first:
            return None  # nothing logged yet: nothing to reflect on, no reminder
        start = date.fromisoformat(first)
        next_day = add_every(min(start, today), every)
    return {
        "every": every,
        "last": last_date,
        "next": next_day.isoformat(),
        "due": next_day <= today,
        "days_overdue": max(0, (today - next_day).days),
    }
