"""What milestones and the recap read besides the record: saved postings' scores over time,
self-ratings, and two small settings (the milestones `status` has shown, and the first win
found in each competency so far, so `status` maps only the wins logged since)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

SHOWN_KEY = "milestones.shown"
FIRST_KEY = "milestones.first-wins"


def postings(conn: sqlite3.Connection) -> dict[int, str]:
    """Saved posting id -> its name: 'Assistant Principal at Example ISD'."""
    out = {}
    for r in conn.execute("SELECT id, title, organization, source FROM gap_reports"):
        title, org = r["title"], r["organization"]
        if title and org and org.lower() in title.lower():
            org = None  # "Coach, Riverbend USD" already names it
        name = " at ".join(x for x in (title, org) if x) or r["source"]
        out[r["id"]] = name or f"posting {r['id']}"
    return out


def _json_setting(conn: sqlite3.Connection, key: str, default: Any) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if not row or not row[0]:
        return default
    try:
        value = json.loads(row[0])
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def _put(conn: sqlite3.Connection, key: str, value: Any) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


def shown(conn: sqlite3.Connection) -> set[str]:
    return set(_json_setting(conn, SHOWN_KEY, []))


def mark_shown(conn: sqlite3.Connection, keys: set[str]) -> None:
    _put(conn, SHOWN_KEY, sorted(keys))


def first_wins(conn: sqlite3.Connection) -> dict[str, Any]:
    """{'framework': id, 'through': the highest win id read, 'milestones': [...]}."""
    return _json_setting(conn, FIRST_KEY, {})


def set_first_wins(conn: sqlite3.Connection, value: dict[str, Any]) -> None:
    _put(conn, FIRST_KEY, value)
