"""Reading and writing records: dicts in, dicts out, keyed by the career file's keys
(plus id, created, updated). Validation here is plain Python driven by `models.kinds`, so
the capture path never imports pydantic; import goes through the pydantic models too."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from careerkit.errors import InvalidInput, NotFound
from careerkit.models.kinds import PROFILE_COLUMNS, PROFILE_JSON, PROFILE_LISTS, Kind

MAX_TEXT = 1_000_000  # characters in one field; a pasted book is a mistake, not a record


def check(kind: Kind, values: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Validate and normalise file-keyed values; return them as columns. With partial, only
    the keys given are checked (an edit)."""
    from careerkit.dates import parse_date

    out: dict[str, Any] = {}
    for key, value in values.items():
        col = kind.column(key)
        if col not in kind.columns:
            raise InvalidInput(f"{kind.name} has no field {key!r}")
        out[col] = _check_value(kind, col, value, parse_date)
    if not partial:
        for col, default in kind.defaults.items():
            if out.get(col) is None:
                out[col] = default
        for col in kind.required:
            if _blank(out.get(col)):
                raise InvalidInput(f"{kind.name}: {kind.file_key(col)} is required")
    else:
        for col in kind.required:
            if col in out and _blank(out[col]):
                raise InvalidInput(f"{kind.name}: {kind.file_key(col)} cannot be empty")
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_value(kind: Kind, col: str, value: Any, parse_date) -> Any:
    key = kind.file_key(col)
    if value is None:
        return [] if col in kind.lists else None
    if col in kind.lists:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or any(isinstance(v, (dict, list)) for v in items):
            raise InvalidInput(f"{kind.name}.{key}: expected a list of text, like [a, b]")
        if col == "skills":
            # "campus safety, emergency operations" typed in the editor or given to --skill
            # is two skills; an evidence path may hold a comma, so only skills are split.
            items = [part for v in items for part in str(v).split(",")]
        cleaned = [str(v).strip() for v in items if str(v).strip()]
        for item in cleaned:
            _check_length(kind, key, item)
        return cleaned
    if col in kind.flags:
        return _flag(kind, key, value)
    if isinstance(value, (dict, list)):
        raise InvalidInput(
            f"{kind.name}.{key}: expected text, not a {'list' if isinstance(value, list) else 'mapping'}"
        )
    if isinstance(value, str) and not value.strip():
        return None  # an empty option or editor line clears the field: `--end ""`
    if col in kind.numbers:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InvalidInput(f"{kind.name}.{key}: not a number: {value!r}") from None
        if number < 0 or number != number or number == float("inf"):
            raise InvalidInput(f"{kind.name}.{key}: must be a positive number: {value!r}")
        return number
    text = str(value)
    _check_length(kind, key, text)
    if col in kind.dates:
        try:
            return parse_date(text)
        except InvalidInput as e:
            raise InvalidInput(f"{kind.name}.{key}: {e}") from None
    if col in kind.choices:
        text = text.strip().lower()
        if text not in kind.choices[col]:
            allowed = ", ".join(kind.choices[col])
            raise InvalidInput(f"{kind.name}.{key}: {value!r} is not one of: {allowed}")
    return text


def _flag(kind: Kind, key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "y", "on", "1"):
        return True
    if text in ("false", "no", "n", "off", "0", ""):
        return False
    raise InvalidInput(f"{kind.name}.{key}: expected true or false, not {value!r}")


def _check_length(kind: Kind, key: str, text: str) -> None:
    problem = text_problem(text, broken="text is not valid UTF-8 (check the terminal's encoding)")
    if problem:
        raise InvalidInput(f"{kind.name}.{key}: {problem}")


def text_problem(text: str, *, broken: str) -> str | None:
    """What is wrong with one field's text, the same rules for every way in (the commands
    here, the career file in store/io.py): too long, a NUL, or a broken character (`broken`
    says it as that way in would)."""
    if len(text) > MAX_TEXT:
        return f"text is too long ({len(text):,} characters; at most {MAX_TEXT:,})"
    if "\x00" in text:
        return "text holds a NUL character"
    if has_surrogates(text):
        return broken
    return None


def has_surrogates(text: str) -> bool:
    """Text with lone surrogates: bytes that were not UTF-8 (sys.argv keeps them this way)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _encode(kind: Kind, col: str, value: Any) -> Any:
    if col in kind.lists:
        return json.dumps(value or [], ensure_ascii=False)
    if col in kind.flags:
        return 1 if value else 0
    return value


def to_dict(kind: Kind, row: sqlite3.Row) -> dict[str, Any]:
    """A row as a file-keyed dict, with id first and timestamps last."""
    out: dict[str, Any] = {"id": row["id"]}
    for col in kind.columns:
        value = row[col]
        if col in kind.lists:
            value = json.loads(value) if value else []
        elif col in kind.flags:
            value = bool(value)
        out[kind.file_key(col)] = value
    out["created"] = row["created"]
    out["updated"] = row["updated"]
    return out


def insert(conn: sqlite3.Connection, kind: Kind, columns: dict[str, Any]) -> int:
    """Insert checked columns (see `check`); the caller holds the transaction."""
    names = [c for c in kind.columns if c in columns]
    sql = (
        f"INSERT INTO {kind.table} ({', '.join(_q(c) for c in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    cur = conn.execute(sql, [_encode(kind, c, columns[c]) for c in names])
    return int(cur.lastrowid or 0)  # set by an INSERT


def insert_many(conn: sqlite3.Connection, kind: Kind, rows: Iterable[dict[str, Any]]) -> int:
    names = list(kind.columns)
    sql = (
        f"INSERT INTO {kind.table} ({', '.join(_q(c) for c in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    cur = conn.executemany(sql, ([_encode(kind, c, r.get(c)) for c in names] for r in rows))
    return cur.rowcount


MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id cannot exist (nor be bound)


def get(conn: sqlite3.Connection, kind: Kind, record_id: int) -> dict[str, Any]:
    if not 0 < record_id <= MAX_ID:
        raise NotFound(f"no {kind.name} with id {record_id}")
    row = conn.execute(f"SELECT * FROM {kind.table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise NotFound(f"no {kind.name} with id {record_id}")
    return to_dict(kind, row)


def update(conn: sqlite3.Connection, kind: Kind, record_id: int, columns: dict[str, Any]) -> None:
    get(conn, kind, record_id)
    if not columns:
        return
    sets = ", ".join(f"{_q(c)} = ?" for c in columns)
    conn.execute(
        f"UPDATE {kind.table} SET {sets}, updated = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?",
        [_encode(kind, c, v) for c, v in columns.items()] + [record_id],
    )


def delete(conn: sqlite3.Connection, kind: Kind, record_id: int) -> dict[str, Any]:
    record = get(conn, kind, record_id)
    conn.execute(f"DELETE FROM {kind.table} WHERE id = ?", (record_id,))
    return record


def list_records(
    conn: sqlite3.Connection,
    kind: Kind,
    *,
    since: str | None = None,
    until: str | None = None,
    skill: str | None = None,
    where: dict[str, str] | None = None,
    like: dict[str, str] | None = None,
    limit: int | None = None,
    ids: Iterable[int] | None = None,
    extra: Iterable[tuple[str, list[Any]]] = (),
) -> list[dict[str, Any]]:
    """Records of one kind, in the kind's order. Dates compare by the days they cover, so
    '--since 2024-03' keeps an entry dated '2024-03' and '--until 2024' keeps '2024-12-31'."""
    from careerkit.dates import end_of, start_of

    clauses: list[str] = []
    params: list[Any] = []
    date_col = kind.dates[0] if kind.dates else None
    # A position covers start..end (no end: still held), so it is kept when that span
    # overlaps the filter; every other kind is filtered on its one date.
    last_col = "end" if kind.name == "position" else date_col
    if date_col and last_col and since:
        last = _q(last_col)
        if kind.name == "position":
            clauses.append(f"({last} IS NULL OR {_last_day(last)} >= ?)")
        else:
            clauses.append(f"{_last_day(last)} >= ?")
        params.append(start_of(since))
    if date_col and until:
        clauses.append(f"substr({_q(date_col)} || '-01-01', 1, 10) <= ?")
        params.append(end_of(until))
    if skill and "skills" in kind.lists:
        clauses.append("EXISTS (SELECT 1 FROM json_each(skills) WHERE lower(value) LIKE ? ESCAPE '\\')")
        params.append(_contains(skill))
    for col, value in (where or {}).items():
        clauses.append(f"lower({_q(col)}) = lower(?)")
        params.append(value)
    for col, value in (like or {}).items():
        clauses.append(f"lower({_q(col)}) LIKE ? ESCAPE '\\'")
        params.append(_contains(value))
    if ids is not None:
        id_list = [int(i) for i in ids]
        clauses.append(f"id IN ({', '.join('?' for _ in id_list)})" if id_list else "0")
        params.extend(id_list)
    for clause, values in extra:
        clauses.append(clause)
        params.extend(values)
    sql = f"SELECT * FROM {kind.table}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {kind.sort}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(min(int(limit), MAX_ID))
    return [to_dict(kind, r) for r in conn.execute(sql, params)]


def _last_day(col: str) -> str:
    """SQL for the last day a partial date covers, as text that compares like a date
    ('2024-02' -> '2024-02-31' sorts after every day of February)."""
    return f"CASE length({col}) WHEN 4 THEN {col} || '-12-31' WHEN 7 THEN {col} || '-31' ELSE {col} END"


def contains_pattern(text: str) -> str:
    """A LIKE pattern (ESCAPE '\\') for 'contains this text', case ignored."""
    return _contains(text)


def _contains(text: str) -> str:
    """A LIKE pattern for 'contains this text', with % and _ taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def count(conn: sqlite3.Connection, kind: Kind) -> int:
    return conn.execute(f"SELECT count(*) FROM {kind.table}").fetchone()[0]


def get_profile(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM profile WHERE id = 1").fetchone()
    if row is None:
        return None
    keys = row.keys()
    out = {c: row[c] for c in PROFILE_COLUMNS if c in keys}
    for c in PROFILE_LISTS:
        out[c] = json.loads(out[c]) if out.get(c) else []
    for c in PROFILE_JSON:
        out[c] = json.loads(out[c]) if out.get(c) else None
    return out


def set_profile(conn: sqlite3.Connection, values: dict[str, Any]) -> dict[str, Any]:
    """Merge values into the profile (creating it); None clears a field."""
    current = get_profile(conn) or {}
    merged = {**current, **values}
    if not (merged.get("name") or "").strip():
        raise InvalidInput("profile: name is required (careerkit profile set --name ...)")
    for key, value in merged.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            raise InvalidInput(f"profile.{key}: {text_problem(value, broken='')}")
    cols = list(PROFILE_COLUMNS)
    row = [
        json.dumps(merged.get(c) or [], ensure_ascii=False)
        if c in PROFILE_LISTS
        else json.dumps(merged[c], ensure_ascii=False)
        if c in PROFILE_JSON and merged.get(c) is not None
        else merged.get(c)
        for c in cols
    ]
    conn.execute(
        f"INSERT INTO profile (id, {', '.join(cols)}) VALUES (1, {', '.join('?' for _ in cols)}) "
        f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols)}, "
        "updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
        row,
    )
    return merged


def _q(col: str) -> str:
    return f'"{col}"'


def known_people(conn: sqlite3.Connection) -> list[str]:
    """Every other person the record names: the network and who gave feedback (for --redact,
    whichever sections a document reads)."""
    rows = conn.execute(
        "SELECT name FROM network UNION SELECT from_name FROM feedback WHERE coalesce(from_name, '') != ''"
    )
    return [r[0] for r in rows if r[0]]
