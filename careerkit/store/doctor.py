"""Health checks for the database file, and the repairs `doctor --fix` makes."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from careerkit.errors import CareerkitError
from careerkit.store.schema import SCHEMA_VERSION, indexed_text, reindex_sql, searchable_tables


def _finding(name: str, status: str, detail: str, fix: str | None = None) -> dict[str, Any]:
    return {"name": name, "status": status, "detail": detail, "fix": fix}


def check(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise CareerkitError(f"no database at {path}")
    findings = [_permissions(path)]
    try:
        conn, encryption = _open(path)
    except sqlite3.Error as e:
        return findings + [_finding("open", "problem", f"cannot open: {e}")]
    except CareerkitError as e:
        return findings + [_finding("encryption", "problem", f"encrypted, and {e}")]
    findings.append(encryption)
    try:
        findings += [_schema(conn), _integrity(conn), _search_index(conn), _journal(conn)]
    except sqlite3.DatabaseError as e:
        if isinstance(e, sqlite3.OperationalError) and not os.access(path.parent, os.W_OK):
            # Not damage: WAL needs to write beside the file even to read it.
            findings.append(
                _finding(
                    "open",
                    "problem",
                    f"cannot open: the folder {path.parent} is "
                    "read-only (careerkit writes a journal beside the database); "
                    "the file itself was not checked",
                )
            )
        else:
            findings.append(
                _finding(
                    "database",
                    "problem",
                    f"not a careerkit database or damaged: {e} (restore it from a backup)",
                )
            )
    finally:
        conn.close()
    return findings


def _open(path: Path) -> tuple[Any, dict[str, Any]]:
    """A read-only connection, and whether the record is encrypted and its key reachable."""
    from careerkit.store import crypto

    if not crypto.looks_encrypted(path):
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        return conn, _finding("encryption", "ok", "not encrypted (careerkit encrypt encrypts it)")
    conn = crypto.connect(path)
    return conn, _finding("encryption", "ok", f"encrypted; the key was found ({conn.key.source})")


def _permissions(path: Path) -> dict[str, Any]:
    wide = []
    for p in [path, *(Path(str(path) + s) for s in ("-wal", "-shm"))]:
        if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o077:
            wide.append(f"{p.name} is {oct(stat.S_IMODE(p.stat().st_mode))}")
    folder_mode = stat.S_IMODE(path.parent.stat().st_mode)
    if folder_mode & 0o077 and not (folder_mode & stat.S_ISVTX or path.parent.stat().st_mode & stat.S_ISVTX):
        wide.append(f"folder {path.parent} is {oct(folder_mode)}")
    if wide:
        return _finding(
            "permissions",
            "problem",
            "others can read it: " + "; ".join(wide),
            "make the file 0600 and the folder 0700",
        )
    return _finding("permissions", "ok", "only you can read the database")


def _schema(conn: sqlite3.Connection) -> dict[str, Any]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        return _finding(
            "schema", "problem", f"written by a newer careerkit (schema {version}); upgrade careerkit"
        )
    if version < SCHEMA_VERSION:
        return _finding(
            "schema",
            "warning",
            f"schema {version}; {SCHEMA_VERSION} is current",
            "apply the pending migrations (after a backup)",
        )
    return _finding("schema", "ok", f"schema {version} is current")


def _integrity(conn: sqlite3.Connection) -> dict[str, Any]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if rows == ["ok"]:
        return _finding("integrity", "ok", "SQLite integrity check passed")
    return _finding(
        "integrity", "problem", "; ".join(rows[:3]) + " (restore from a backup: careerkit backup makes one)"
    )


def _search_index(conn: sqlite3.Connection) -> dict[str, Any]:
    if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'search_index'").fetchone()[0] == 0:
        return _finding("search index", "warning", "no search index yet")
    mismatched = []
    for table, code in searchable_tables():
        missing = conn.execute(
            f"SELECT count(*) FROM {table} WHERE id * 16 + {code} NOT IN (SELECT rowid FROM search_index)"
        ).fetchone()[0]
        orphans = conn.execute(
            f"SELECT count(*) FROM search_index WHERE rowid % 16 = {code} AND rowid / 16 NOT IN (SELECT id FROM {table})"
        ).fetchone()[0]
        title, body = indexed_text()[table]
        outdated = conn.execute(
            f"SELECT count(*) FROM {table} t JOIN search_index s ON s.rowid = t.id * 16 + {code} "
            f"WHERE s.title IS NOT {title} OR s.body IS NOT {body}"
        ).fetchone()[0]
        if missing or orphans or outdated:
            mismatched.append(
                f"{table}: {missing} missing, {orphans} stale"
                + (f", {outdated} out of date" if outdated else "")
            )
    try:
        conn.execute("INSERT INTO search_index(search_index, rank) VALUES('integrity-check', 1)")
    except sqlite3.OperationalError as e:
        # FTS5's own check is an INSERT, which the read-only connection refuses: skip it.
        if "readonly" not in str(e):
            mismatched.append(f"FTS integrity: {e}")
    except sqlite3.DatabaseError as e:
        mismatched.append(f"FTS integrity: {e}")
    if mismatched:
        return _finding("search index", "problem", "; ".join(mismatched), "rebuild the search index")
    return _finding("search index", "ok", "agrees with the records")


def _journal(conn: sqlite3.Connection) -> dict[str, Any]:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        return _finding("journal", "warning", f"journal mode is {mode}", "switch to WAL")
    return _finding("journal", "ok", "WAL: safe with two terminals at once")


def repair(path: Path, findings: list[dict[str, Any]]) -> list[str]:
    from careerkit.store.db import connect, transaction, use_wal

    fixed = []
    todo = {f["name"] for f in findings if f["status"] != "ok" and f.get("fix")}
    if "permissions" in todo:
        for p in [path, *(Path(str(path) + s) for s in ("-wal", "-shm"))]:
            if p.exists():
                os.chmod(p, 0o600)
        if not (path.parent.stat().st_mode & stat.S_ISVTX):
            os.chmod(path.parent, 0o700)
        fixed.append("permissions")
    if todo & {"schema", "search index", "journal"}:
        conn = connect(path, create=False)
        try:
            if "schema" in todo:
                fixed.append("schema")
            if "search index" in todo:
                with transaction(conn):
                    for statement in reindex_sql():
                        conn.execute(statement)
                fixed.append("search index")
            if "journal" in todo:
                use_wal(conn)
                fixed.append("journal")
        finally:
            conn.close()
    return fixed
