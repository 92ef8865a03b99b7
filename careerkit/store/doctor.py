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
    from careerkit.paths import check_db_path

    check_db_path(path)
    if not path.exists():
        raise CareerkitError(f"no database at {path}")
    findings = [_permissions(path)]
    try:
        conn, encryption = _open(path)
    except sqlite3.Error as e:
        return findings + [_finding("open", "problem", f"cannot open: {e}")]
    except CareerkitError as e:
        return findings + [_finding("encryption", "problem", f"encrypted, and {e}")]
    conn.text_factory = _lenient_text
    findings.append(encryption)
    try:
        findings.append(_folder(path, _created_folder(conn)))
        findings += [_schema(conn), _integrity(conn), _search_index(conn), _journal(conn)]
        findings.append(_durability(conn))
        findings.append(_leftovers(path))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
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
            findings.append(_damage(path, e))
    finally:
        conn.close()
    return findings


def _damage(path: Path, error: BaseException) -> dict[str, Any]:
    """What is wrong with a file that does not open as a database: a damaged schema entry
    is named; the way out is a backup (which copies what can be read) or a restore."""
    from careerkit.store.recover import schema_problems

    try:
        why = str(error)
    except UnicodeDecodeError:
        why = "unreadable error message"
    if isinstance(error, UnicodeDecodeError):
        why = "its stored schema cannot be read as text"
    detail = f"not a careerkit database or damaged: {why}"
    if isinstance(error, UnicodeDecodeError) or "malformed" in why:
        found = schema_problems(path)
        if found:
            detail = "the stored schema is damaged: " + "; ".join(found[:3])
    return _finding(
        "database",
        "problem",
        detail + " (`careerkit backup` copies what can be read to a new file; or restore a backup)",
    )


def _lenient_text(data: bytes) -> str:
    """Text from a damaged file may not be UTF-8: show it, do not die on it."""
    return data.decode("utf-8", errors="replace")


def _companions(path: Path) -> list[Path]:
    return [path, *(Path(str(path) + s) for s in ("-wal", "-shm"))]


def _open(path: Path) -> tuple[Any, dict[str, Any]]:
    """A read-only connection, and whether the record is encrypted and its key reachable."""
    from careerkit.store import crypto

    if not crypto.looks_encrypted(path):
        plain = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        return plain, _finding("encryption", "ok", "not encrypted (careerkit encrypt encrypts it)")
    secret = crypto.connect(path)
    return secret, _finding("encryption", "ok", f"encrypted; the key was found ({secret.key.source})")


def _permissions(path: Path) -> dict[str, Any]:
    """The database file and its -wal/-shm: can anyone else read them?"""
    wide = []
    for p in _companions(path):
        if p.exists() and stat.S_IMODE(p.stat().st_mode) & 0o077:
            wide.append(f"{p.name} is {oct(stat.S_IMODE(p.stat().st_mode))}")
    if wide:
        return _finding(
            "permissions", "problem", "others can read it: " + "; ".join(wide), "make the file 0600"
        )
    return _finding("permissions", "ok", "only you can read the database file")


def _created_folder(conn: sqlite3.Connection) -> Path | None:
    from careerkit.store.db import created_folder

    return created_folder(conn)


def _is_ours(folder: Path, created: Path | None) -> bool:
    return created is not None and folder.resolve() == created


def _folder(path: Path, created: Path | None) -> dict[str, Any]:
    """The folder apart from the file: a 0755 folder lets others see the names of the files
    in it, not read a 0600 database. Only a folder careerkit created is changed by --fix."""
    folder = path.parent
    st = folder.stat()
    folder_mode = stat.S_IMODE(st.st_mode)
    if not folder_mode & 0o077 or st.st_mode & stat.S_ISVTX:
        return _finding("folder", "ok", f"only you can open the folder {folder}")
    detail = (
        f"the folder {folder} is {oct(folder_mode)}: others can see the names of the files in it "
        f"(the database file's own permissions decide who can read it)"
    )
    if _is_ours(folder, created):
        return _finding("folder", "warning", detail, "make the folder careerkit created 0700")
    return _finding(
        "folder",
        "warning",
        detail
        + f"; careerkit did not create it, so --fix leaves it: `chmod 700 {folder}` if it should be private",
    )


def stale_parts(path: Path) -> list[Path]:
    """Temporary files a killed backup or export left behind, beside the database and in
    its backups/ folder."""
    return sorted(stale_parts_in(path.parent) + stale_parts_in(path.parent / "backups"))


def stale_parts_in(folder: Path, prefixes: tuple[str, ...] | None = None) -> list[Path]:
    """`name.PID.part` or `.name.PID.part` files in `folder` whose process is gone (only
    those starting with one of `prefixes`, if given)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    out = []
    for name in names:
        if not name.endswith(".part") or (prefixes and not name.startswith(prefixes)):
            continue
        pid = name[: -len(".part")].rsplit(".", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            out.append(folder / name)
    return out


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(path: Path) -> dict[str, Any]:
    parts = stale_parts(path)
    if not parts:
        return _finding("leftovers", "ok", "no unfinished backup or export files")
    return _finding(
        "leftovers",
        "warning",
        "unfinished files from an interrupted backup or export: " + ", ".join(str(p) for p in parts),
        "remove them",
    )


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
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, code in searchable_tables():
        if table not in present:  # an older schema: the migration adds it
            continue
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


def _durability(conn: sqlite3.Connection) -> dict[str, Any]:
    """What a power cut can cost with the synchronous setting in use (README: power loss)."""
    from careerkit.store.db import synchronous_mode

    if synchronous_mode(conn) == "full":
        return _finding(
            "power loss", "ok", "synchronous FULL: every command's writes reach the disk before it ends"
        )
    return _finding(
        "power loss",
        "ok",
        "synchronous NORMAL: a power cut can undo the last commands' writes, never damage the "
        "file (`careerkit config set synchronous full` to sync every command)",
    )


def repair(path: Path, findings: list[dict[str, Any]]) -> list[str]:
    from careerkit.store.db import connect, transaction, use_wal

    fixed = []
    todo = {f["name"] for f in findings if f["status"] != "ok" and f.get("fix")}
    readable = not any(f["name"] in ("database", "open") for f in findings)
    if "permissions" in todo and readable:
        # Only a file that opened as a careerkit database (and its own -wal and -shm).
        for p in _companions(path):
            if p.exists() and p.is_file():
                os.chmod(p, 0o600)
        fixed.append("permissions")
    if "folder" in todo:
        # The finding offers a fix only for the folder careerkit created.
        os.chmod(path.parent, 0o700)
        fixed.append("folder")
    if "leftovers" in todo:
        for p in stale_parts(path):
            p.unlink(missing_ok=True)
        fixed.append("leftovers")
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
