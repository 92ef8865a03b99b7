"""Named migrations, applied in order when the database is opened. Never edit a migration
once released: add a new one at the end. Each migration spells out its own SQL, so later
changes to the models cannot change what an old migration did."""

from __future__ import annotations

import json
import re

NOW = "(strftime('%Y-%m-%dT%H:%M:%SZ','now'))"

# (table, search kind, title column, body columns) as they were in migration 1.
_V1_SEARCHABLE = (
    ("positions", 1, "title", ("organization", "location", "level", "summary")),
    ("credentials", 2, "name", ("kind", "level", "field", "issuer")),
    (
        "accomplishments",
        3,
        "title",
        ("details", "situation", "task", "action", "result", "impact", "position", "kind", "skills"),
    ),
    ("feedback", 4, "text", ("from_name", "relationship", "context")),
    ("learning", 5, "title", ("kind", "provider", "skills", "takeaways")),
    ("network", 6, "name", ("relationship", "role", "organization", "notes")),
    ("goals", 7, "title", ("kind", "skills", "notes")),
)

_V1_TABLES = f"""
CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL, headline TEXT, email TEXT, phone TEXT, location TEXT,
  links TEXT NOT NULL DEFAULT '[]', summary TEXT, target_roles TEXT NOT NULL DEFAULT '[]',
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE positions (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, organization TEXT NOT NULL, location TEXT,
  start TEXT NOT NULL, "end" TEXT, category TEXT NOT NULL, level TEXT, summary TEXT,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE credentials (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, level TEXT, field TEXT,
  issuer TEXT, date TEXT, expires TEXT, status TEXT NOT NULL DEFAULT 'earned',
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE accomplishments (
  id INTEGER PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL, details TEXT,
  situation TEXT, task TEXT, action TEXT, result TEXT, impact TEXT, position TEXT,
  kind TEXT NOT NULL DEFAULT 'other', skills TEXT NOT NULL DEFAULT '[]',
  evidence TEXT NOT NULL DEFAULT '[]', private INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE feedback (
  id INTEGER PRIMARY KEY, date TEXT NOT NULL, text TEXT NOT NULL, from_name TEXT,
  relationship TEXT NOT NULL, context TEXT, private INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE learning (
  id INTEGER PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL, kind TEXT, provider TEXT,
  hours REAL, status TEXT NOT NULL DEFAULT 'done', skills TEXT NOT NULL DEFAULT '[]',
  takeaways TEXT,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE network (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, relationship TEXT NOT NULL, role TEXT,
  organization TEXT, last_contact TEXT, notes TEXT,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE goals (
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, kind TEXT, skills TEXT NOT NULL DEFAULT '[]',
  due TEXT, status TEXT NOT NULL DEFAULT 'planned', notes TEXT,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE INDEX accomplishments_date ON accomplishments(date);
CREATE INDEX feedback_date ON feedback(date);
CREATE INDEX learning_date ON learning(date);
CREATE INDEX positions_start ON positions(start);

CREATE TABLE gap_reports (
  id INTEGER PRIMARY KEY, title TEXT, organization TEXT, source TEXT, text TEXT NOT NULL,
  chars INTEGER NOT NULL, score INTEGER, report TEXT NOT NULL DEFAULT '{{}}',
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY, framework TEXT NOT NULL, standard TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 3), note TEXT, date TEXT NOT NULL,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE touches (
  id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES network(id) ON DELETE CASCADE,
  date TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'conversation', note TEXT,
  created TEXT NOT NULL DEFAULT {NOW}, updated TEXT NOT NULL DEFAULT {NOW});
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);

CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED, record_id UNINDEXED, title, body,
  tokenize = 'porter unicode61 remove_diacritics 2');
"""


def _body_sql(prefix: str, columns: tuple[str, ...]) -> str:
    parts = [f"coalesce({prefix}.\"{c}\", '')" for c in columns]
    return " || ' ' || ".join(parts)


# Added by migration m003_reflect_reflections (code 8 is the profile's in models/kinds.py).
_REFLECT_SEARCHABLE = (
    ("reflections", 9, "text", ("did", "learned", "differently", "evidence", "prompt", "competencies")),
)
_KIND_OF_CODE = {
    1: "position",
    2: "credential",
    3: "accomplishment",
    4: "feedback",
    5: "learning",
    6: "contact",
    7: "goal",
    9: "reflection",
}


def _search_triggers(table: str, code: int, title: str, body: tuple[str, ...]) -> str:
    kind = _KIND_OF_CODE[code]
    insert = (
        f"INSERT INTO search_index(rowid, kind, record_id, title, body) VALUES "
        f"(new.id * 16 + {code}, '{kind}', new.id, new.\"{title}\", {_body_sql('new', body)});"
    )
    delete = f"DELETE FROM search_index WHERE rowid = old.id * 16 + {code};"
    return f"""
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN {insert} END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN {delete} END;
CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END;
"""


def v1_sql() -> str:
    triggers = "".join(_search_triggers(*spec) for spec in _V1_SEARCHABLE)
    return _V1_TABLES + triggers


def reindex_sql() -> list[str]:
    """Rebuild the search index from the tables (doctor --fix)."""
    statements = ["DELETE FROM search_index"]
    for table, code, title, body in _SEARCHABLE:
        kind = _KIND_OF_CODE[code]
        statements.append(
            f"INSERT INTO search_index(rowid, kind, record_id, title, body) "
            f"SELECT id * 16 + {code}, '{kind}', id, \"{title}\", {_body_sql(table, body)} FROM {table}"
        )
    return statements


_SEARCHABLE = _V1_SEARCHABLE + _REFLECT_SEARCHABLE


def searchable_tables() -> tuple[tuple[str, int], ...]:
    return tuple((t, c) for t, c, _, _ in _SEARCHABLE)


def indexed_text(alias: str = "t") -> dict[str, tuple[str, str]]:
    """table -> (title, body) as SQL over `alias`: what the triggers put in the index."""
    return {t: (f'{alias}."{title}"', _body_sql(alias, body)) for t, _, title, body in _SEARCHABLE}


def build_migrations():
    """The migration set, built on demand: importing sqlite-utils costs start-up time."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("careerkit")

    @migrations(name="m001_initial")
    def m001_initial(db):
        for statement in _split(v1_sql()):
            db.execute(statement)

    @migrations(name="m002_growth")
    def m002_growth(db):
        # Per-person contact cadence (overrides the default for the relationship), links from
        # a goal to the accomplishments that fulfil it, and the gap a goal was made to close.
        for statement in _split(_V2_GROWTH):
            db.execute(statement)

    @migrations(name="m003_reflect_reflections")
    def m003_reflect_reflections(db):
        # Reflections (private by default, searchable), the score of a saved posting at
        # each analysis and `gap rerun` (gap_reports keeps only the latest), and each win's
        # main competency in the framework in use, kept so milestones and the recap need
        # not map the whole record again (stamp: the win's `updated` when it was mapped).
        for statement in _split(_V3_REFLECT + "".join(_search_triggers(*s) for s in _REFLECT_SEARCHABLE)):
            db.execute(statement)
        db.execute(
            "INSERT INTO gap_scores (report_id, date, score) "
            "SELECT id, substr(coalesce(updated, created), 1, 10), score FROM gap_reports "
            "WHERE score IS NOT NULL"
        )

    @migrations(name="m004_dataloss_meta_report_ids")
    def m004_dataloss_meta_report_ids(db):
        # What careerkit itself made (the folder it created for the database: doctor --fix
        # changes nothing else), and saved reports that hold evidence by id only: the text
        # is read from the record when shown, so deleted or private text is not kept here.
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        rows = db.execute("SELECT id, report FROM gap_reports").fetchall()
        for report_id, payload in rows:
            slim = slim_report_json(payload, db.conn)
            if slim != payload:
                db.execute("UPDATE gap_reports SET report = ? WHERE id = ?", (slim, report_id))

    @migrations(name="m005_careerfile_profile")
    def m005_careerfile_profile(db):
        # Skills and languages of the person (JSON Resume's), and what a JSON Resume held that
        # careerkit has no place for, kept so its export writes it back.
        db.execute("ALTER TABLE profile ADD COLUMN skills TEXT NOT NULL DEFAULT '[]'")
        db.execute("ALTER TABLE profile ADD COLUMN languages TEXT NOT NULL DEFAULT '[]'")
        db.execute("ALTER TABLE profile ADD COLUMN jsonresume TEXT")

    return migrations


_V3_REFLECT = """
CREATE TABLE reflections (
  id INTEGER PRIMARY KEY, date TEXT NOT NULL, text TEXT NOT NULL, did TEXT, learned TEXT,
  differently TEXT, evidence TEXT, prompt TEXT, competencies TEXT NOT NULL DEFAULT '[]',
  links TEXT NOT NULL DEFAULT '[]', private INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE INDEX reflections_date ON reflections(date);
CREATE TABLE gap_scores (
  id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES gap_reports(id) ON DELETE CASCADE,
  date TEXT NOT NULL, score INTEGER NOT NULL, closed TEXT NOT NULL DEFAULT '[]');
CREATE INDEX gap_scores_report ON gap_scores(report_id, date);
CREATE TABLE win_competencies (
  accomplishment_id INTEGER PRIMARY KEY REFERENCES accomplishments(id) ON DELETE CASCADE,
  framework TEXT NOT NULL, competency TEXT, stamp TEXT NOT NULL);
"""


_GOAL_WHY = re.compile(r"^(goal #\d+ done): .*?(, evidenced by .*)$", re.S)


def slim_report_json(payload: str, conn=None) -> str:
    """A stored report without the text of its evidence (kind, id and score stay), and
    without a goal's title in a `why`. Unreadable payloads are left as they are (`gap
    rerun` repairs them)."""
    try:
        data = json.loads(payload or "{}")
    except ValueError:
        return payload
    if not isinstance(data, dict):
        return payload
    from careerkit.store.gaps import name_by_reference, requirement_dicts

    if conn is not None:  # the entries a why line names, by reference (store/gaps.py)
        name_by_reference(conn, data)
    for req, evidence in requirement_dicts(data):
        for ev in evidence:
            ev.pop("text", None)
        why = req.get("why")
        if isinstance(why, str):
            req["why"] = _GOAL_WHY.sub(r"\1\2", why)
    return json.dumps(data, ensure_ascii=False)


_V2_GROWTH = """
CREATE TABLE contact_cadence (
  contact_id INTEGER PRIMARY KEY REFERENCES network(id) ON DELETE CASCADE,
  every TEXT NOT NULL);
CREATE TABLE goal_links (
  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  accomplishment_id INTEGER NOT NULL REFERENCES accomplishments(id) ON DELETE CASCADE,
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
  PRIMARY KEY (goal_id, accomplishment_id));
CREATE INDEX goal_links_accomplishment ON goal_links(accomplishment_id);
CREATE TABLE goal_gaps (
  goal_id INTEGER PRIMARY KEY REFERENCES goals(id) ON DELETE CASCADE,
  gap TEXT NOT NULL, competencies TEXT NOT NULL DEFAULT '[]', report_id INTEGER);
CREATE INDEX touches_contact ON touches(contact_id, date);
"""


# The number of migrations above; PRAGMA user_version holds how many were applied, so
# opening an up-to-date database needs no sqlite-utils import.
SCHEMA_VERSION = 5


def _split(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    out, buf, depth = [], [], 0
    for line in script.splitlines():
        if not line.strip():
            continue
        buf.append(line)
        upper = line.upper()
        if "BEGIN" in upper and "TRIGGER" in upper:
            depth = 1
        if depth and upper.rstrip().endswith("END;"):
            depth = 0
        if not depth and line.rstrip().endswith(";"):
            out.append("\n".join(buf))
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out
