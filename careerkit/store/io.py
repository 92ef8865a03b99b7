"""Reading and writing the career file's rows: the record as a stream of sections for export
and an import that writes a stream of checked entries, remapping ids where it must. The
conversion itself (sections, parsing, writing, checking) lives in formats/career_file.py."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from careerkit.errors import InvalidInput
from careerkit.formats import career_file as CF
from careerkit.formats.career_file import dump, format_for, load_yaml  # noqa: F401 - their old home
from careerkit.models import kinds as K
from careerkit.paths import open_for_reading
from careerkit.store import records as R

FORMAT_VERSION = CF.FORMAT_VERSION
_problem = CF.problem_text
_text_problems = CF.text_problems
problem_text = CF.problem_text
text_problems = CF.text_problems


# -- reading a career file -------------------------------------------------------------


def read_text(path: str | Path, stdin_text: str | None = None) -> str:
    """A file's text as UTF-8, with one clear error for anything else."""
    if str(path) == "-":
        return stdin_text or ""
    p = Path(path)
    with open_for_reading(p) as f:
        try:
            data = f.read()
        except OSError as e:
            raise InvalidInput(f"cannot read {p}: {e.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{p} is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidInput(
            f"{p} is not UTF-8 text (byte {e.start}); save it as UTF-8 and try again"
        ) from None


def open_binary(path: str | Path) -> IO[bytes]:
    """A career file opened for streaming, with the same clear errors as read_text."""
    p = Path(path)
    f = open_for_reading(p)
    head = f.read(8192)
    f.seek(0)
    if b"\x00" in head:
        f.close()
        raise InvalidInput(f"{p} is a binary file, not text")
    return f


def parse_career_text(text: str, fmt: str, name: str = "career file") -> dict[str, Any]:
    """A whole (small) career file or JSON document as a dict: numbers checked as the
    streaming reader checks them, aliases refused."""
    import io as _io

    data: dict[str, Any] = {}
    current: list[Any] | None = None
    for key, index, value in CF.read_items(_io.BytesIO(text.encode("utf-8", "surrogatepass")), fmt, name):
        if index is None:
            data[key] = value
        elif index == CF.START:
            current = data[key] = []
        else:
            assert current is not None
            current.append(value)
    problems = CF.number_problems(data, "")
    if problems:
        raise InvalidInput(f"{name}: {problems[0]}")
    return data


def validate_career(data: dict[str, Any], name: str = "career file"):
    """The pydantic CareerFile, or one InvalidInput listing every problem by section,
    index and key: `accomplishments[3].date: not a date: '2024-13-01'`."""
    from pydantic import ValidationError

    from careerkit.models.career import CareerFile

    if "careerkit" not in data:
        raise InvalidInput(f"{name}: missing 'careerkit: 1' (the format version) at the top")
    try:
        career = CareerFile.model_validate(data)
        problems = _text_problems(data)
    except ValidationError as e:
        problems = list(dict.fromkeys(_problem(err) for err in e.errors()))
    except RecursionError:
        raise InvalidInput(f"{name}: nested too deeply to read") from None
    if problems:
        if len(problems) == 1:
            raise InvalidInput(f"{name}: {problems[0]} (nothing imported)") from None
        head = f"{name}: {len(problems)} problems, nothing imported"
        more = [f"... and {len(problems) - 50} more"] if len(problems) > 50 else []
        raise InvalidInput(head + "\n  " + "\n  ".join(problems[:50] + more)) from None
    return career


# -- writing it into the database ------------------------------------------------------


def import_career(conn: sqlite3.Connection, career, *, replace: bool = False) -> dict[str, int]:
    """Write a validated CareerFile; the caller holds the transaction. Returns counts."""
    if replace:
        clear_record(conn)
    counts: dict[str, int] = {}
    if career.profile is not None:
        R.set_profile(conn, career.profile.model_dump(mode="json"))
        counts["profile"] = 1
    for kind in K.KINDS:
        entries = getattr(career, kind.table)
        rows = []
        for entry in entries:
            values = entry.model_dump(mode="json", by_alias=False)
            rows.append({c: values.get(c) for c in kind.columns})
        if rows:
            R.insert_many(conn, kind, rows)
        counts[kind.table] = len(rows)
    return counts


def clear_record(conn: sqlite3.Connection) -> None:
    """Empty every table the career file fills (children first)."""
    for section in reversed(CF.SECTIONS):
        conn.execute(f"DELETE FROM {section.table}")


def table_empty(conn: sqlite3.Connection, section: CF.Section) -> bool:
    if section.shape == "pairs":
        return (
            conn.execute(f"SELECT 1 FROM {section.table} WHERE key NOT LIKE 'state.%' LIMIT 1").fetchone()
            is None
        )
    return conn.execute(f"SELECT 1 FROM {section.table} LIMIT 1").fetchone() is None


def record_empty(conn: sqlite3.Connection) -> bool:
    return all(table_empty(conn, s) for s in CF.SECTIONS)


# -- export: the record as a stream of sections ------------------------------------------


def export_items(
    conn: sqlite3.Connection, *, include_private: bool = True, redactor=None
) -> Iterator[tuple[str, Any]]:
    """(key, value) for each section in file order; a list section's value is a lazy iterator
    of its entries, read from the database as the writer consumes them. Private entries are
    left out unless include_private, and so is whatever points at them (a goal's link to a
    private win, a report's evidence); `redactor` (redact.Redactor) takes names out."""
    yield "careerkit", CF.FORMAT_VERSION
    dropped: dict[str, set[int]] = {}
    for section in CF.SECTIONS:
        if section.private and not include_private:
            dropped[section.key] = {
                r[0] for r in conn.execute(f'SELECT id FROM {section.table} WHERE "{section.private}"')
            }
        if section.shape == "one":
            row = R.get_profile(conn)
            if row:
                yield section.key, _compact(row)
        elif section.shape == "pairs":
            pairs = dict(
                conn.execute(
                    f"SELECT key, value FROM {section.table} WHERE key NOT LIKE 'state.%' "
                    "AND value IS NOT NULL ORDER BY key"
                ).fetchall()
            )
            if pairs:
                yield section.key, pairs
        else:
            yield section.key, _entries(conn, section, dropped, redactor)


def _entries(
    conn: sqlite3.Connection, section: CF.Section, dropped: dict[str, set[int]], redactor
) -> Iterator[dict[str, Any]]:
    names = CF.row_names(section)
    cursor = conn.cursor()
    cursor.row_factory = None
    cols = ", ".join(f'"{c}"' for c in names)
    refs = [(section.file_key(c), target) for c, target in section.refs.items()]
    gone = dropped.get(section.key, set())
    for row in cursor.execute(f"SELECT {cols} FROM {section.table} ORDER BY {section.order}"):
        if gone and section.has_id and row[0] in gone:
            continue
        entry = CF.entry_from_row(section, row, names)
        if any(entry.get(key) in dropped.get(target, ()) for key, target in refs):
            continue
        if section.report_refs and dropped and isinstance(entry.get("report"), dict):
            entry["report"] = _map_evidence(
                entry["report"], lambda kind, i: None if i in dropped.get(kind, ()) else i
            )
        if redactor is not None:
            entry = redact_entry(redactor, section, entry)
        yield entry


def redact_entry(redactor, section: CF.Section, entry: dict[str, Any]) -> dict[str, Any]:
    from careerkit.redact import PLACEHOLDER

    for key in section.redact:
        if key in entry:
            entry[key] = _redact_value(redactor, entry[key])
    if section.names and entry.get(section.names) not in (None, PLACEHOLDER):
        entry[section.names] = PLACEHOLDER
        redactor.count += 1
    for key in section.drop_on_redact:
        if entry.get(key):
            entry.pop(key)
            redactor.count += 1
    return entry


def _redact_value(redactor, value: Any) -> Any:
    if isinstance(value, str):
        return redactor.text(value)
    if isinstance(value, dict):
        return {k: _redact_value(redactor, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_value(redactor, v) for v in value]
    return value


def people_names(conn: sqlite3.Connection) -> list[str]:
    """Other people's names the record holds: feedback givers and the network."""
    names = [
        r[0] for r in conn.execute("SELECT DISTINCT from_name FROM feedback WHERE from_name IS NOT NULL")
    ]
    names += [r[0] for r in conn.execute("SELECT DISTINCT name FROM network")]
    return [n for n in names if isinstance(n, str) and n.strip()]


def _map_evidence(report: dict[str, Any], new_id: Callable[[str, int], int | None]) -> dict[str, Any]:
    """A saved report with each evidence entry's id passed through new_id(section, id);
    evidence whose new id is None is left out."""
    requirements = report.get("requirements")
    if not isinstance(requirements, list):
        return report
    out_reqs = []
    for req in requirements:
        if isinstance(req, dict) and isinstance(req.get("evidence"), list):
            kept = []
            for ev in req["evidence"]:
                section = CF.SECTION_OF_KIND.get(str(ev.get("kind"))) if isinstance(ev, dict) else None
                if section is None or not isinstance(ev.get("id"), int):
                    kept.append(ev)
                    continue
                mapped = new_id(section, ev["id"])
                if mapped is not None:
                    kept.append({**ev, "id": mapped})
            req = {**req, "evidence": kept}
        out_reqs.append(req)
    return {**report, "requirements": out_reqs}


def export_dict(conn: sqlite3.Connection, *, include_private: bool = True) -> dict[str, Any]:
    """The whole record as one dict (small records, tests): what export writes."""
    out: dict[str, Any] = {}
    for key, value in export_items(conn, include_private=include_private):
        if isinstance(value, Iterator):
            value = list(value)
            if not value:
                continue
        out[key] = value
    return out


# -- import: a stream of entries into the database -------------------------------------------

MAX_PROBLEMS = 50


@dataclass
class ImportResult:
    version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    profile: str | None = None  # "set", "filled", "overwritten", "same" or None
    filled: list[str] = field(default_factory=list)
    kept_settings: list[str] = field(default_factory=list)
    remapped: list[str] = field(default_factory=list)  # sections whose ids changed


class _Importer:
    def __init__(
        self,
        conn: sqlite3.Connection,
        name: str,
        replace: bool,
        overwrite_profile: bool,
        confirm: Callable[[list[str]], bool] | None,
    ):
        self.conn = conn
        self.name = name
        self.replace = replace
        self.overwrite_profile = overwrite_profile
        self.confirm = confirm
        self.problems: list[str] = []
        self.problem_count = 0
        self.result = ImportResult()
        self.maps: dict[str, dict[int, int]] = {}
        self.keep: dict[str, bool] = {}
        self.seen: set[str] = set()
        self.jsonresume_hint = False
        self.batch: list[dict[str, Any]] = []
        self.batch_key: tuple | None = None
        self.batch_section: CF.Section | None = None
        self.referenced = (
            {t for s in CF.SECTIONS for t in s.refs.values()}
            | (set(CF.SECTION_OF_KIND.values()) if any(s.report_refs for s in CF.SECTIONS) else set())
            | set(LINK_SECTIONS.values())
        )

    def problem(self, text: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def run(self, items: Iterable[tuple[str, int | None, Any]]) -> ImportResult:
        for key, index, value in items:
            if key == "careerkit":
                if key in self.seen:
                    self.problem("careerkit: appears twice")
                self.seen.add(key)
                if index is not None:
                    raise InvalidInput(f"{self.name}: careerkit: expected the format version, got a list")
                self.result.version = CF.check_version(value, self.name)
                continue
            section = CF.BY_KEY.get(key)
            if section is None:
                if key in ("basics", "work", "education", "$schema"):
                    self.jsonresume_hint = True
                if index is None or index == CF.START:
                    self.problem(f"{key}: unknown key")
                continue
            if index is None or index == CF.START:
                if key in self.seen:
                    self.problem(f"{key}: appears twice")
                self.seen.add(key)
                self.begin(section)
                if index is None:
                    self.whole(section, value)
                continue
            self.entry(section, index, value)
        self.flush()
        if self.result.version is None:
            if self.jsonresume_hint:
                raise InvalidInput(
                    f"{self.name} looks like a JSON Resume: import it with --format jsonresume"
                )
            raise InvalidInput(
                f"{self.name}: missing 'careerkit: {CF.FORMAT_VERSION}' (the format version) at the top"
            )
        if self.problem_count:
            if self.problem_count == 1:
                raise InvalidInput(f"{self.name}: {self.problems[0]} (nothing imported)")
            head = f"{self.name}: {self.problem_count} problems, nothing imported"
            more = (
                [f"... and {self.problem_count - len(self.problems)} more"]
                if self.problem_count > len(self.problems)
                else []
            )
            raise InvalidInput(head + "\n  " + "\n  ".join(self.problems + more))
        return self.result

    def begin(self, section: CF.Section) -> None:
        self.flush()
        if section.shape == "list":
            self.result.counts.setdefault(section.key, 0)
            self.keep[section.key] = self.replace or table_empty(self.conn, section)
            if not self.keep[section.key] and section.has_id:
                self.result.remapped.append(section.key)
            self.maps.setdefault(section.key, {})

    def whole(self, section: CF.Section, value: Any) -> None:
        if section.shape == "list":
            if value is not None:
                self.problem(f"{section.key}: expected a list, got {CF.shown(value)}")
            return
        if value is None:
            return
        checked, problems = CF.check_entry(section, value, section.key)
        for p in problems:
            self.problem(p)
        if checked is None:
            return
        if section.shape == "one":
            self.profile(checked)
        else:
            self.settings(section, checked)

    def profile(self, values: dict[str, Any]) -> None:
        values = {k: v for k, v in values.items() if v not in (None, [], "")}
        current = R.get_profile(self.conn)
        if not current:
            R.set_profile(self.conn, values)
            self.result.profile = "set"
            return
        conflicts, fill = [], {}
        for key, value in values.items():
            have = current.get(key)
            if have in (None, [], ""):
                fill[key] = value
            elif have != value:
                conflicts.append(f"profile.{key}: {_short(have)} -> {_short(value)}")
        asked = conflicts and not self.overwrite_profile and not self.replace
        if asked and (self.confirm is None or not self.confirm(conflicts)):
            raise InvalidInput(
                f"{self.name} would change {len(conflicts)} field{'s' if len(conflicts) != 1 else ''} "
                "of your profile (nothing imported):\n  "
                + "\n  ".join(conflicts)
                + "\nImport with --overwrite-profile to take the file's values, or edit the file."
            )
        if conflicts:
            fill.update({k: v for k, v in values.items() if current.get(k) not in (None, [], "")})
            self.result.profile = "overwritten"
        elif fill:
            self.result.profile = "filled"
        else:
            self.result.profile = "same"
        self.result.filled = sorted(fill)
        if fill:
            R.set_profile(self.conn, fill)

    def settings(self, section: CF.Section, values: dict[str, str]) -> None:
        stored = dict(self.conn.execute(f"SELECT key, value FROM {section.table}").fetchall())
        for key, value in values.items():
            if key.startswith("state."):
                continue
            if key in stored and stored[key] != value and not self.replace:
                self.result.kept_settings.append(key)
                continue
            self.conn.execute(
                f"INSERT INTO {section.table} (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        self.result.counts[section.key] = len(values)

    def entry(self, section: CF.Section, index: int, value: Any) -> None:
        loc = f"{section.key}[{index}]"
        if section.shape != "list":
            self.problem(f"{section.key}: expected a mapping, got a list")
            return
        checked, problems = CF.check_entry(section, value, loc)
        for p in problems:
            self.problem(p)
        if checked is None:
            return
        row = CF.row_from_entry(section, checked)
        for column, target in section.refs.items():
            old = row.get(column)
            if old is None:
                continue
            new = self.maps.get(target, {}).get(old)
            if new is None:
                self.problem(
                    f"{loc}.{section.file_key(column)}: no entry with id {old} in {target} (above it in the file)"
                )
                return
            row[column] = new
        if section.report_refs and isinstance(checked.get("report"), dict) and checked["report"]:
            report = _map_evidence(
                checked["report"],
                lambda sec, i: self.maps.get(sec, {}).get(i, i if self.keep.get(sec, True) else None),
            )
            row["report"] = json.dumps(report, ensure_ascii=False)
        if section.key == "reflections" and row.get("links"):
            row["links"] = json.dumps(
                _map_links(json.loads(row["links"]), self.maps, self.keep), ensure_ascii=False
            )
        if section.key == "postings":
            row["chars"] = len(row.get("text") or "")
        old_id = checked.get("id") if section.has_id else None
        ids = self.maps[section.key]
        if old_id is not None and old_id in ids:
            self.problem(f"{loc}.id: {old_id} is used twice in {section.key}")
            return
        keep_id = old_id if self.keep[section.key] else None
        if keep_id is not None or not section.has_id:
            # No new id to learn: written in batches (executemany), the fast path of a
            # round trip into an empty record.
            self.queue(section, row, keep_id)
            new_id = keep_id
        else:
            self.flush()
            new_id = self.insert(section, row, None)
        if old_id is not None and new_id is not None:
            ids[old_id] = new_id
        self.result.counts[section.key] += 1

    BATCH = 500

    def queue(self, section: CF.Section, row: dict[str, Any], keep_id: int | None) -> None:
        if keep_id is not None:
            row = {"id": keep_id, **row}
        key = (section.key, tuple(row))
        if key != self.batch_key:
            self.flush()
            self.batch_key, self.batch_section = key, section
        self.batch.append(row)
        if len(self.batch) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the queued rows; a row whose id was taken meanwhile (by an entry without
        an id) gets a new one, and the links in the file follow it."""
        rows, section = self.batch, self.batch_section
        self.batch, self.batch_key = [], None
        if not rows or section is None:
            return
        cols = list(rows[0])
        verb = "INSERT" if section.has_id else "INSERT OR REPLACE"
        names = ", ".join(f'"{c}"' for c in cols)
        sql = f"{verb} INTO {section.table} ({names}) VALUES ({', '.join('?' for _ in cols)})"
        self.conn.execute("SAVEPOINT careerfile_batch")
        try:
            self.conn.executemany(sql, [list(r.values()) for r in rows])
        except sqlite3.IntegrityError:
            self.conn.execute("ROLLBACK TO careerfile_batch")
            self.conn.execute("RELEASE careerfile_batch")
            for r in rows:
                keep_id = r.get("id") if section.has_id else None
                new_id = self.insert(section, {k: v for k, v in r.items() if k != "id"}, keep_id)
                if keep_id is not None and new_id != keep_id:
                    self.maps[section.key][keep_id] = new_id
            return
        self.conn.execute("RELEASE careerfile_batch")

    def insert(self, section: CF.Section, row: dict[str, Any], keep_id: int | None) -> int:
        if keep_id is not None:
            row = {"id": keep_id, **row}
        cols = list(row)
        verb = "INSERT" if section.has_id else "INSERT OR REPLACE"
        names = ", ".join(f'"{c}"' for c in cols)
        sql = f"{verb} INTO {section.table} ({names}) VALUES ({', '.join('?' for _ in cols)})"
        try:
            cur = self.conn.execute(sql, list(row.values()))
        except sqlite3.IntegrityError:
            if keep_id is None:
                raise
            return self.insert(section, {k: v for k, v in row.items() if k != "id"}, None)
        return int(cur.lastrowid or 0)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return repr(text if len(text) <= 50 else text[:47] + "...")


def import_stream(
    conn: sqlite3.Connection,
    items: Iterable[tuple[str, int | None, Any]],
    name: str,
    *,
    replace: bool = False,
    overwrite_profile: bool = False,
    confirm: Callable[[list[str]], bool] | None = None,
) -> ImportResult:
    """Write a career file read as a stream (formats.career_file.read_items); the caller holds
    the transaction and rolls it back on error, so the import is all or nothing. Ids are kept
    where the section's table is empty (or --replace); otherwise entries get new ids and the
    links in the file are remapped to them."""
    bulk = replace or record_empty(conn)
    if replace:
        clear_record(conn)
    # Into an empty record the search index is built once at the end rather than row by row
    # (a third of the time); the triggers come back in the same transaction, so a failed or
    # killed import leaves them as they were.
    suspended = _suspend_index(conn) if bulk else []
    result = _Importer(conn, name, replace, overwrite_profile, confirm).run(items)
    if suspended:
        _restore_index(conn, suspended)
    return result


def import_text(conn: sqlite3.Connection, text: str, name: str, fmt: str = "yaml") -> ImportResult:
    """A career file held as text (the demo's sample), imported as `careerkit import` does."""
    import io as _io

    return import_stream(conn, CF.read_items(_io.BytesIO(text.encode("utf-8")), fmt, name), name)


def _suspend_index(conn: sqlite3.Connection) -> list[str]:
    from careerkit.store.schema import searchable_tables

    saved = []
    for table, _code in searchable_tables():
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (f"{table}_ai",)
        ).fetchone()
        if row and row[0]:
            saved.append(row[0])
            conn.execute(f'DROP TRIGGER "{table}_ai"')
    return saved


def _restore_index(conn: sqlite3.Connection, triggers: list[str]) -> None:
    from careerkit.store.schema import reindex_sql

    for statement in reindex_sql():
        conn.execute(statement)
    for sql in triggers:
        conn.execute(sql)


def _compact(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v is not None and v != []}


def read_record(conn: sqlite3.Connection):
    """The whole record as a `models.record.Record`, each section in its list order."""
    from careerkit.models.career import Profile
    from careerkit.models.record import ENTRY_BY_KIND, Record

    data: dict[str, Any] = {}
    profile = R.get_profile(conn)
    if profile:
        data["profile"] = Profile.model_validate(_compact(profile))
    for kind in K.KINDS:
        model = ENTRY_BY_KIND[kind.name]
        data[kind.table] = [model.model_validate(r) for r in R.list_records(conn, kind)]
    return Record.model_validate(data)


# A reflection names the entries it is on as kind:id (cli/commands/reflect.py).
LINK_SECTIONS = {"win": "accomplishments", "feedback": "feedback", "goal": "goals", "learn": "learning"}


def _map_links(links: list[Any], maps: dict[str, dict[int, int]], keep: dict[str, bool]) -> list[str]:
    """A reflection's links after the entries they name were renumbered on import; a link
    to an entry the file does not hold (and whose id was not kept) is dropped."""
    out = []
    for link in links:
        kind, _, number = str(link).partition(":")
        section = LINK_SECTIONS.get(kind)
        if section is None or not number.isdigit():
            continue
        old = int(number)
        new = maps.get(section, {}).get(old, old if keep.get(section, True) else None)
        if new is not None:
            out.append(f"{kind}:{new}")
    return out
