"""The record for documents, read fast: rows the store wrote were validated on the way in,
so they become models without validating them again (a 10,000-entry record in a fraction of
the time `io.read_record` takes). Only the sections asked for are read."""
from __future__ import annotations

import json
import sqlite3
from typing import Iterable

from careerkit.models import kinds as K
from careerkit.store import records as R

ALL_SECTIONS = tuple(k.table for k in K.KINDS)


def read_trusted(conn: sqlite3.Connection, sections: Iterable[str] = ALL_SECTIONS):
    """A `models.record.Record` holding the profile and the named sections, in list order."""
    from careerkit.models.career import Link, Profile
    from careerkit.models.record import ENTRY_BY_KIND, Record

    data: dict = {t: [] for t in ALL_SECTIONS}
    data["profile"] = None
    profile = R.get_profile(conn)
    if profile and profile.get("name"):
        links = [Link.model_construct(**link) for link in profile.get("links") or []
                 if isinstance(link, dict) and link.get("url")]
        data["profile"] = Profile.model_construct(**{**profile, "links": links})
    for table in sections:
        kind = K.BY_TABLE[table]
        data[table] = _entries(conn, kind, ENTRY_BY_KIND[kind.name])
    return Record.model_construct(**data)


def _entries(conn: sqlite3.Connection, kind: K.Kind, model) -> list:
    names = ("id", *kind.columns, "created", "updated")
    cols = ", ".join(f'"{c}"' for c in names)
    lists = [i for i, c in enumerate(names) if c in kind.lists]
    flags = [i for i, c in enumerate(names) if c in kind.flags]
    construct = _constructor(model)
    out = []
    cursor = conn.cursor()
    cursor.row_factory = None
    for row in cursor.execute(f"SELECT {cols} FROM {kind.table} ORDER BY {kind.sort}"):
        if lists or flags:
            row = list(row)
            for i in lists:
                row[i] = json.loads(row[i]) if row[i] and row[i] != "[]" else []
            for i in flags:
                row[i] = bool(row[i])
        out.append(construct(dict(zip(names, row))))
    return out


def _constructor(model):
    """What `model_construct` does for a row that already has every field, without its
    per-field bookkeeping (measured: it was two thirds of the read)."""
    new = model.__new__
    setattr_ = object.__setattr__

    def make(values: dict):
        entry = new(model)
        setattr_(entry, "__dict__", values)
        setattr_(entry, "__pydantic_fields_set__", set(values))
        setattr_(entry, "__pydantic_extra__", None)
        setattr_(entry, "__pydantic_private__", None)
        return entry
    return make
