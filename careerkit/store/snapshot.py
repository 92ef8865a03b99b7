"""The record for documents, read fast: a read-only view with the same attributes as
`models.record.Record` (sections of entries, `profile`, `public()`), built straight from the
rows. The rows were validated on the way in, so nothing is validated again, and pydantic is
not imported at all: on a 10,000-entry record this read is a fifth of `io.read_record`, and
the resume's whole budget is a second. `render` reads attributes only, so it takes either."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from careerkit.models import kinds as K
from careerkit.store import records as R

ALL_SECTIONS = tuple(k.table for k in K.KINDS)
# Sections whose entries may be private (`Record.public()` drops them).
PRIVATE_SECTIONS = ("accomplishments", "feedback")


class Entry:
    """One entry (or the profile, or a link) as attributes."""

    def __init__(self, values: dict):
        self.__dict__.update(values)

    def __repr__(self) -> str:
        return f"Entry({self.__dict__!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Entry) and other.__dict__ == self.__dict__


class RecordView:
    """The whole record as `models.record.Record` shows it to `render`, without pydantic."""

    def __init__(self, profile: Entry | None, sections: dict[str, list[Entry]]):
        self.profile = profile
        for table in ALL_SECTIONS:
            setattr(self, table, sections.get(table, []))

    def public(self) -> RecordView:
        """The record without private entries: what may leave the machine."""
        sections = {t: getattr(self, t) for t in ALL_SECTIONS}
        for table in PRIVATE_SECTIONS:
            sections[table] = [e for e in sections[table] if not e.private]
        return RecordView(self.profile, sections)


def read_trusted(conn: sqlite3.Connection, sections: Iterable[str] = ALL_SECTIONS) -> RecordView:
    """The profile and the named sections (each in its list order, newest first)."""
    profile = None
    row = R.get_profile(conn)
    if row and row.get("name"):
        links = [
            Entry({"label": link.get("label") or "", "url": link["url"]})
            for link in row.get("links") or []
            if isinstance(link, dict) and link.get("url")
        ]
        profile = Entry(
            {
                **{c: row.get(c) for c in K.PROFILE_COLUMNS},
                "links": links,
                "target_roles": row.get("target_roles") or [],
            }
        )
    return RecordView(profile, {t: _entries(conn, K.BY_TABLE[t]) for t in sections})


def _entries(conn: sqlite3.Connection, kind: K.Kind) -> list[Entry]:
    names = ("id", *kind.columns, "created", "updated")
    cols = ", ".join(f'"{c}"' for c in names)
    lists = [i for i, c in enumerate(names) if c in kind.lists]
    flags = [i for i, c in enumerate(names) if c in kind.flags]
    cursor = conn.cursor()
    cursor.row_factory = None
    out = []
    for row in cursor.execute(f"SELECT {cols} FROM {kind.table} ORDER BY {kind.sort}"):
        if lists or flags:
            row = list(row)
            for i in lists:
                row[i] = json.loads(row[i]) if row[i] and row[i] != "[]" else []
            for i in flags:
                row[i] = bool(row[i])
        out.append(Entry(dict(zip(names, row))))
    return out
