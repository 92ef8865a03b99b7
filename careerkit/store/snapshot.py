"""The record read fast, in the shapes of `models.shape`: `read_trusted` for documents (every
column, as `models.record.Record` has them) and `evidence_record` for the analysis (only the
columns it reads). Built straight from the rows: they were validated on the way in (by
`store.records.check` or the career file's models), so nothing is validated again and
pydantic is not imported at all. On a 10,000-entry record this read is a fifth of
validating the rows through the models, and the resume's whole budget is a second."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

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
    """The whole record as `models.record.Record` shows it, without pydantic: it satisfies
    `models.shape.Record`. Entries are `Entry` objects (or, from `evidence_record`, named
    tuples), typed Any here because their attributes come from `models.kinds`."""

    profile: Any
    positions: list[Any]
    credentials: list[Any]
    accomplishments: list[Any]
    feedback: list[Any]
    learning: list[Any]
    network: list[Any]
    goals: list[Any]

    def __init__(self, profile: Entry | None, sections: dict[str, list[Any]]):
        self.profile = profile
        for table in ALL_SECTIONS:
            setattr(self, table, sections.get(table, []))

    def public(self) -> RecordView:
        """The record without private entries: what may leave the machine."""
        sections: dict[str, list[Any]] = {t: getattr(self, t) for t in ALL_SECTIONS}
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
        out.append(Entry(dict(zip(names, row, strict=True))))
    return out


# -- the record as the analysis reads it ------------------------------------------------------

# The columns the analysis reads of the big sections (posting/evidence.py: entries_of); positions
# and credentials are read whole (the structured checks use every column, and they are few).
EVIDENCE_COLUMNS = {
    "accomplishments": (
        "id",
        "title",
        "details",
        "situation",
        "task",
        "action",
        "result",
        "impact",
        "position",
        "kind",
        "skills",
        "date",
    ),
    "feedback": ("id", "text", "from_name", "relationship", "context", "date"),
    "learning": ("id", "title", "provider", "skills", "takeaways", "status"),
    "goals": ("id", "title", "skills", "notes", "status"),
}
_EVIDENCE_TUPLES: dict[str, Any] = {}


def evidence_record(conn: sqlite3.Connection) -> RecordView:
    """The record as evidence (`models.shape.EvidenceRecord`), read fast: `positions` and
    `credentials` as `read_trusted` reads them; the other sections as plain named tuples of
    only the columns the analysis reads (lists decoded), in each kind's list order. Contacts
    are not evidence (the network is left empty). On 10,000 entries this is a fraction of
    reading every column into objects."""
    from collections import namedtuple

    view = read_trusted(conn, ("positions", "credentials"))
    sections: dict[str, list[Any]] = {"positions": view.positions, "credentials": view.credentials}
    cursor = conn.cursor()
    cursor.row_factory = None
    loads = json.loads
    for table, names in EVIDENCE_COLUMNS.items():
        tup: Any = _EVIDENCE_TUPLES.get(table)
        if tup is None:
            tup = _EVIDENCE_TUPLES[table] = namedtuple(table.title(), names)
        cols = ", ".join(f'"{c}"' for c in names)
        rows = cursor.execute(f"SELECT {cols} FROM {table} ORDER BY {K.BY_TABLE[table].sort}").fetchall()
        if "skills" in names:
            at = names.index("skills")
            make = tup._make
            out: list[Any] = []
            for row in rows:
                skills = row[at]
                out.append(
                    make(row[:at] + (loads(skills) if skills and skills != "[]" else [],) + row[at + 1 :])
                )
        else:
            out = list(map(tup._make, rows))
        sections[table] = out
    return RecordView(view.profile, sections)


if TYPE_CHECKING:  # mypy holds every shape of the record to the interface (models/shape.py)
    from careerkit.models import record as pydantic_record
    from careerkit.models import shape

    def _conforms(view: RecordView, model: pydantic_record.Record) -> None:
        documents: shape.Record = view
        validated: shape.Record = model
        evidence: shape.EvidenceRecord = view
        del documents, validated, evidence
