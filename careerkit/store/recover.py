"""Copying what can be read out of a damaged database into a new one (`careerkit backup` of a
damaged file). Two routes: the `sqlite3` command's `.recover` where it is installed and its
result holds every careerkit table; otherwise, or when that fails, careerkit's own: a fresh
database with careerkit's schema, filled table by table from the damaged file read with
`writable_schema` (so a damaged schema entry does not stop the rest), every row that can be
read copied, what fails skipped and reported. The damaged file is never written: the work
is done on a copy."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CLI_ROUTE = "the sqlite3 command's .recover"
OWN_ROUTE = "careerkit's table-by-table copy (the sqlite3 command is not installed)"
OWN_AFTER_CLI = "careerkit's table-by-table copy (the sqlite3 command's .recover failed)"


@dataclass
class Recovered:
    route: str
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied
    problems: list[str] = field(default_factory=list)  # what could not be read

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _lenient(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def schema_problems(path: Path) -> list[str]:
    """Entries of the stored schema that are not text (a flipped byte), read from a copy."""
    out = []
    with tempfile.TemporaryDirectory(prefix="careerkit-check-") as tmp:
        copy = _copy(path, Path(tmp))
        conn = sqlite3.connect(copy)
        conn.text_factory = bytes
        try:
            conn.execute("PRAGMA writable_schema = ON")
            for rowid, kind, name, sql in conn.execute("SELECT rowid, type, name, sql FROM sqlite_master"):
                for label, value in (("type", kind), ("name", name), ("sql", sql)):
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            shown = value.decode("utf-8", errors="replace")[:40]
                            out.append(f"schema entry {rowid}: its {label} is not text ({shown!r})")
        except sqlite3.DatabaseError as e:
            out.append(f"the schema cannot be read: {_message(e)}")
        finally:
            conn.close()
    return out


def recover(path: Path, dest: Path) -> Recovered:
    """Write into `dest` (a new file) what can be read of the damaged `path`."""
    with tempfile.TemporaryDirectory(prefix="careerkit-recover-") as tmp:
        copy = _copy(path, Path(tmp))
        route = OWN_ROUTE
        if shutil.which("sqlite3"):
            result = _cli_recover(copy, dest, Path(tmp))
            if result is not None:
                return result
            route = OWN_AFTER_CLI
        return _own_recover(copy, dest, route)


def _copy(path: Path, folder: Path) -> Path:
    """The damaged file and its -wal beside it, copied: reading may need to write (-shm)."""
    copy = folder / "damaged.db"
    shutil.copyfile(path, copy)
    wal = Path(str(path) + "-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(str(copy) + "-wal"))
    return copy


def _expected_tables() -> list[str]:
    from careerkit.store.schema import searchable_tables

    return [t for t, _ in searchable_tables()]


def _cli_recover(copy: Path, dest: Path, tmp: Path) -> Recovered | None:
    """sqlite3 DAMAGED .recover | sqlite3 NEW; None when it fails or loses a careerkit table."""
    out = tmp / "cli.db"
    try:
        dump = subprocess.run(
            ["sqlite3", str(copy), ".recover"], capture_output=True, timeout=600, check=False
        )
        if dump.returncode != 0 or not dump.stdout.strip():
            return None
        load = subprocess.run(
            ["sqlite3", str(out)], input=dump.stdout, capture_output=True, timeout=600, check=False
        )
        if load.returncode != 0:
            return None
    except (OSError, subprocess.SubprocessError):
        return None
    conn = sqlite3.connect(out)
    conn.text_factory = _lenient
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return None
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not set(_expected_tables()) <= tables:
            return None
        rows = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _copied_tables(conn)}
        lost = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'lost_and_found%'"
        ).fetchone()[0]
        _reindex(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    result = Recovered(CLI_ROUTE, rows)
    if lost:
        result.problems.append("some rows could not be placed: see the lost_and_found table")
    shutil.copyfile(out, dest)
    os.chmod(dest, 0o600)
    return result


def _copied_tables(conn: sqlite3.Connection) -> list[str]:
    """careerkit's own tables (not SQLite's, not the search index: it is rebuilt)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index%' AND name NOT LIKE 'lost_and_found%' ORDER BY rowid"
        )
    ]
    return names


def _reindex(conn: sqlite3.Connection) -> None:
    from careerkit.store.schema import reindex_sql

    conn.execute("BEGIN")
    for statement in reindex_sql():
        conn.execute(statement)
    conn.execute("COMMIT")


def _own_recover(copy: Path, dest: Path, route: str) -> Recovered:
    from careerkit.store.db import connect

    result = Recovered(route)
    dest.unlink(missing_ok=True)
    new = connect(dest, create=True)
    src = sqlite3.connect(copy)
    src.text_factory = bytes
    try:
        src.execute("PRAGMA writable_schema = ON")
        new.execute("PRAGMA foreign_keys = OFF")
        new.execute("BEGIN")
        # The new file has careerkit's current schema and its own migration history.
        for table in _copied_tables(new):
            if table in ("meta", "_sqlite_migrations"):
                continue
            result.rows[table] = _copy_table(src, new, table, result.problems)
        _slim_reports(new)
        new.execute("COMMIT")
        _reindex(new)
        new.execute("PRAGMA journal_mode = DELETE")
    finally:
        src.close()
        new.close()
    result.rows = {t: n for t, n in result.rows.items() if n}
    return result


def _slim_reports(conn: sqlite3.Connection) -> None:
    """Reports copied from an older file hold their evidence's text: as the migration does."""
    from careerkit.store.schema import slim_report_json

    for report_id, payload in conn.execute("SELECT id, report FROM gap_reports").fetchall():
        slim = slim_report_json(payload)
        if slim != payload:
            conn.execute("UPDATE gap_reports SET report = ? WHERE id = ?", (slim, report_id))


def _copy_table(src: sqlite3.Connection, new: sqlite3.Connection, table: str, problems: list[str]) -> int:
    """Every row of `table` that can be read, in the columns both sides have."""
    try:
        have = [
            r[1].decode() if isinstance(r[1], bytes) else r[1]
            for r in src.execute(f'PRAGMA table_info("{table}")')
        ]
    except sqlite3.DatabaseError as e:
        problems.append(f"{table}: {_message(e)}")
        return 0
    if not have:
        problems.append(f"{table}: not found in the damaged file")
        return 0
    want = [r[1] for r in new.execute(f'PRAGMA table_info("{table}")')]
    columns = [c for c in want if c in have]
    names = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    copied = 0
    try:
        cursor = src.execute(f'SELECT {names} FROM "{table}"')
        while True:
            batch = cursor.fetchmany(500)
            if not batch:
                break
            rows = [tuple(_lenient(v) if isinstance(v, bytes) else v for v in row) for row in batch]
            new.executemany(insert, rows)
            copied += len(rows)
    except sqlite3.DatabaseError as e:
        problems.append(f"{table}: {copied} rows read, then: {_message(e)}")
    return copied


def _message(e: BaseException) -> str:
    try:
        return str(e)
    except UnicodeDecodeError:
        return "unreadable error message"
