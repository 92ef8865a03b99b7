"""What milestones and the recap read besides the record: saved postings' names, the period's
entries, and two small settings (the milestones `status` has shown, and the framework in use
as last read, so a recap need not parse the framework files again)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

SHOWN_KEY = "milestones.shown"
FRAMEWORK_KEY = "recap.framework"


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


def framework_cache(conn: sqlite3.Connection) -> dict[str, Any]:
    """The framework in use as last read: {'key', 'id', 'short', 'titles'}."""
    return _json_setting(conn, FRAMEWORK_KEY, {})


def set_framework_cache(conn: sqlite3.Connection, value: dict[str, Any]) -> None:
    _put(conn, FRAMEWORK_KEY, value)


def period_record(conn: sqlite3.Connection, since: str, until: str):
    """The record the recap reads, as the store's read-only view: the wins, feedback and
    learning dated in [since, until] (full days), every goal, and the network (whose names
    --redact takes out). Only the period is read: a long record costs no more than a year."""
    from careerkit.models import kinds as K
    from careerkit.store.snapshot import Entry, RecordView

    def entries(kind: K.Kind, where: str = "", params: tuple = ()) -> list[Entry]:
        names = ("id", *kind.columns, "created", "updated")
        cols = ", ".join(f'"{c}"' for c in names)
        cursor = conn.cursor()
        cursor.row_factory = None
        out = []
        for row in cursor.execute(f"SELECT {cols} FROM {kind.table} {where} ORDER BY {kind.sort}", params):
            values = dict(zip(names, row, strict=True))
            for c in kind.lists:
                values[c] = json.loads(values[c]) if values[c] and values[c] != "[]" else []
            for c in kind.flags:
                values[c] = bool(values[c])
            out.append(Entry(values))
        return out

    dated = "WHERE substr(date || '-01-01', 1, 10) BETWEEN ? AND ?"
    sections = {
        "accomplishments": entries(K.ACCOMPLISHMENT, dated, (since, until)),
        "feedback": entries(K.FEEDBACK, dated, (since, until)),
        "learning": entries(K.LEARNING, dated, (since, until)),
        "goals": entries(K.GOAL),
        "network": entries(K.NETWORK),
    }
    return RecordView(None, sections)
