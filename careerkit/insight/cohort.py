"""A cohort's picture from its members' snapshots, computed by DuckDB (the optional extra
careerkit[cohort]): every file is checked first (formats.share), the good ones are read by
`read_json` with the snapshot's schema, flattened into tables, and the report is plain SQL
over those tables. The same SQL runs over Parquet files (`load_parquet`), which is how a
state programme would run it on a warehouse."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerkit.errors import CareerkitError
from careerkit.formats.share import MAX_BYTES, Read, checksum_agrees, files_in, reason, validate

EXTRA = 'pip install "careerkit[cohort]"'
TABLES = ("members", "ratings", "requirements", "goals", "learning", "milestones", "wins")
TOP_UNMET = 10  # requirements listed per target role
MAX_PAIRS = 200  # mentor pairs listed (the --db keeps every row for a query)

# The snapshot's JSON shape as DuckDB types: read exactly this, whatever a file adds.
_EVIDENCE = "STRUCT(accomplishments INTEGER, feedback INTEGER, learning INTEGER)"
_STANDARD = f"STRUCT(id VARCHAR, title VARCHAR, rating INTEGER, rated VARCHAR, evidence {_EVIDENCE})"
_SNAPSHOT = (
    "STRUCT(created VARCHAR, cohort VARCHAR, member STRUCT(id VARCHAR, name VARCHAR), target_role VARCHAR, "
    f"postings INTEGER, frameworks STRUCT(id VARCHAR, name VARCHAR, standards {_STANDARD}[])[], "
    "requirements STRUCT(key VARCHAR, label VARCHAR, type VARCHAR, postings INTEGER, required INTEGER, "
    "standing VARCHAR, competencies VARCHAR[])[], "
    "goals STRUCT(kind VARCHAR, status VARCHAR, due VARCHAR, gap VARCHAR, competencies VARCHAR[])[], "
    "learning STRUCT(hours_done DOUBLE, hours_in_progress DOUBLE, by_kind MAP(VARCHAR, DOUBLE), completed INTEGER), "
    "milestones STRUCT(kind VARCHAR, date VARCHAR, label VARCHAR)[], wins VARCHAR[])"
)
COLUMNS = {"format": "VARCHAR", "version": "INTEGER", "checksum": "VARCHAR", "snapshot": _SNAPSHOT}

FLATTEN = {
    "members": """
        SELECT s.member.id AS member, s.member.name AS name, s.cohort AS cohort,
               coalesce(s.target_role, '(no target role)') AS target_role, s.created AS created,
               s.postings AS postings, filename AS file
        FROM snap""",
    "ratings": """
        SELECT member, fw.id AS framework, fw.name AS framework_name, st.id AS standard,
               st.title AS title, st.rating AS rating, st.rated AS rated,
               st.evidence.accomplishments + st.evidence.feedback + st.evidence.learning AS evidence,
               st.evidence.accomplishments AS wins, st.evidence.feedback AS feedback,
               st.evidence.learning AS learning
        FROM (SELECT s.member.id AS member, unnest(s.frameworks) AS fw FROM snap)
        CROSS JOIN unnest(fw.standards) AS t(st)""",
    "requirements": """
        SELECT s.member.id AS member, coalesce(s.target_role, '(no target role)') AS target_role,
               r.key AS key, r.label AS label, r.type AS type, r.postings AS postings,
               r.required AS required, r.standing AS standing
        FROM snap CROSS JOIN unnest(s.requirements) AS t(r)""",
    "goals": """
        SELECT s.member.id AS member, g.kind AS kind, g.status AS status, g.due AS due, g.gap AS gap
        FROM snap CROSS JOIN unnest(s.goals) AS t(g)""",
    "learning": """
        SELECT s.member.id AS member, s.learning.hours_done AS hours_done,
               s.learning.hours_in_progress AS hours_in_progress, s.learning.completed AS completed
        FROM snap""",
    "milestones": """
        SELECT s.member.id AS member, m.kind AS kind, m.date AS date, m.label AS label
        FROM snap CROSS JOIN unnest(s.milestones) AS t(m)""",
    "wins": """
        SELECT s.member.id AS member, w AS title FROM snap CROSS JOIN unnest(s.wins) AS t(w)""",
}


def duckdb():
    try:
        import duckdb as module
    except ImportError:
        raise CareerkitError(f"cohort reports need the optional extra: {EXTRA}") from None
    return module


@dataclass
class Loaded:
    con: Any
    skipped: list[Read] = field(default_factory=list)
    read: int = 0

    def close(self) -> None:
        self.con.close()


def load(sources: list[Path], keep: Path | None = None) -> Loaded:
    """Check the files and read the good ones with DuckDB into the report's tables.

    DuckDB reads every file once (read_blob), tells JSON from not, reads what each file says
    it is, computes every checksum and casts each snapshot to its schema, all in a few
    vectorised statements; only a file whose checksum DuckDB's serialisation does not
    reproduce is read again in Python."""
    module = duckdb()
    paths, skipped = files_in(sources)
    candidates = []
    for path in paths:
        size = path.stat().st_size
        if size > MAX_BYTES:
            skipped.append(Read(path, skipped=f"not a snapshot: {size:,} bytes"))
        else:
            candidates.append(path)
    con = _connect(module, keep)
    kept = _checked(con, candidates, skipped) if candidates else []
    con.execute(f"CREATE TEMP TABLE snap (s {_SNAPSHOT}, filename VARCHAR)")
    if kept:
        con.execute("CREATE TEMP TABLE kept AS SELECT unnest(CAST(? AS VARCHAR[])) AS file", [kept])
        con.execute("INSERT INTO snap SELECT s, file FROM checked JOIN kept USING (file)")
    for name in TABLES:
        con.execute(f"CREATE TABLE {name} AS {FLATTEN[name]}")
    for name in ("snap", "kept", "checked", "parts", "texts"):
        con.execute(f"DROP TABLE IF EXISTS {name}")
    return Loaded(con, skipped, len(kept))


def _checked(con, candidates: list[Path], skipped: list[Read]) -> list[str]:
    """The files to keep: a snapshot of a version this careerkit reads, checksum agreed,
    the snapshot's shape, and the newest of each member's."""
    # Separate statements: DuckDB would otherwise parse each file's JSON once per use.
    # read_blob, not read_text: a file that is not UTF-8 is skipped, not an error for all.
    con.execute(
        "CREATE TEMP TABLE texts AS SELECT filename AS file, try(decode(content)) AS content FROM read_blob(?)",
        [[str(p) for p in candidates]],
    )
    con.execute(
        "CREATE TEMP TABLE parts AS SELECT file, coalesce(json_valid(content), false) AS ok, "
        "CASE WHEN json_valid(content) AND json_type(content) = 'OBJECT' "
        "THEN json_extract(content, ['$.format', '$.version', '$.checksum', '$.snapshot']) END AS p FROM texts"
    )
    con.execute(
        "CREATE TEMP TABLE checked AS SELECT file, ok, p[1]->>'$' AS fmt, CAST(p[2] AS VARCHAR) AS version, "
        "p[3]->>'$' AS stated, json_type(p[4]) = 'OBJECT' AS has_snapshot, "
        "'sha256:' || sha256(CAST(p[4] AS VARCHAR)) AS computed, "
        f"TRY_CAST(p[4] AS {_SNAPSHOT}) AS s FROM parts"
    )
    rows = con.execute(
        "SELECT file, ok, fmt, version, stated, has_snapshot, stated = computed, "
        "s.member.id, s.created, s.cohort FROM checked ORDER BY file"
    ).fetchall()
    newest: dict[str, tuple[str, str]] = {}
    for file, ok, fmt, version, stated, has_snapshot, agrees, member, created, cohort in rows:
        path = Path(file)
        why = (
            "not a snapshot: not JSON"
            if not ok
            else reason(fmt, version, bool(has_snapshot), stated is not None)
        )
        if why is None and not agrees and not checksum_agrees(path):
            why = "changed or damaged after it was shared: the checksum does not match"
        if why is None and (not member or not created or cohort is None):
            why = validate(json.loads(path.read_bytes())) or "damaged: not a snapshot's shape"
        if why:
            skipped.append(Read(path, skipped=why))
            continue
        other = newest.get(member)
        if other is None or created > other[1]:
            if other is not None:
                skipped.append(_older(Path(other[0]), path, created))
            newest[member] = (file, created)
        else:
            skipped.append(_older(path, Path(other[0]), other[1]))
    return [file for file, _ in newest.values()]


def _older(dropped: Path, kept: Path, when: str) -> Read:
    return Read(dropped, skipped=f"an older snapshot of the same member: kept {kept.name} ({when})")


def load_parquet(folder: Path) -> Loaded:
    """The tables from Parquet files written by `to_parquet` (or by a warehouse job)."""
    module = duckdb()
    con = module.connect()
    for name in TABLES:
        path = folder / f"{name}.parquet"
        if not path.exists():
            raise CareerkitError(f"no {path.name} in {folder}")
        quoted = str(path).replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{quoted}')")
    return Loaded(con)


def _connect(module, keep: Path | None):
    if keep is None:
        return module.connect()
    keep = Path(keep)
    if keep.exists():
        if keep.is_dir():
            raise CareerkitError(f"{keep} is a folder: --db names the DuckDB file to write")
        keep.unlink()  # the previous run's tables: rebuilt whole from the snapshots
    keep.parent.mkdir(parents=True, exist_ok=True)
    return module.connect(str(keep))


def to_parquet(loaded: Loaded, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        target = str(folder / f"{name}.parquet").replace("'", "''")
        loaded.con.execute(f"COPY {name} TO '{target}' (FORMAT PARQUET)")


def to_sqlite(loaded: Loaded, path: Path) -> None:
    """The same tables as SQLite, for Datasette (DuckDB's own sqlite extension is fetched
    from the network, so the rows are copied here)."""
    import sqlite3

    tmp = path.with_name(f".{path.name}.part")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        for name in TABLES:
            cur = loaded.con.execute(f"SELECT * FROM {name}")
            columns = [d[0] for d in cur.description]
            conn.execute(f'CREATE TABLE "{name}" ({", ".join(columns)})')
            marks = ", ".join("?" for _ in columns)
            while rows := cur.fetchmany(5000):
                conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
        conn.commit()
    finally:
        conn.close()
    shutil.move(tmp, path)


# -- the report ---------------------------------------------------------------------------------


@dataclass
class Cohort:
    cohorts: list[str]
    members: list[dict[str, Any]]
    standards: list[dict[str, Any]]  # framework, standard, title, members rated, average
    heat: dict[str, dict[str, dict[str, Any]]]  # member -> standard -> rating, evidence
    unmet: dict[str, list[dict[str, Any]]]  # target role -> requirements, most members first
    stretch: list[dict[str, Any]]  # status, gap, members
    mentors: list[dict[str, Any]]  # requirement, mentor, mentee (named members only)
    per_member: list[dict[str, Any]]
    lea: dict[str, Any]
    skipped: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    def skipped_lines(self) -> list[str]:
        return [f"{s['file']}: {s['why']}" for s in self.skipped]


def _rows(con, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def analyse(loaded: Loaded) -> Cohort:
    con = loaded.con
    members = _rows(
        con,
        "SELECT member, name, cohort, target_role, created, postings, file FROM members "
        "ORDER BY coalesce(name, '~'), member",
    )
    label = {m["member"]: m["name"] or f"member {m['member'][-6:]}" for m in members}
    for m in members:
        m["label"] = label[m["member"]]
    standards = _rows(
        con,
        "SELECT framework, standard, any_value(title) AS title, count(rating) AS rated, "
        "round(avg(rating), 1) AS average, round(avg(evidence), 1) AS evidence "
        "FROM ratings GROUP BY framework, standard ORDER BY framework, "
        "try_cast(regexp_extract(standard, '(\\d+)$', 1) AS INTEGER), standard",
    )
    heat: dict[str, dict[str, dict[str, Any]]] = {m["member"]: {} for m in members}
    for r in _rows(con, "SELECT member, standard, rating, evidence FROM ratings"):
        heat.setdefault(r["member"], {})[r["standard"]] = {"rating": r["rating"], "evidence": r["evidence"]}
    return Cohort(
        cohorts=[r["cohort"] for r in _rows(con, "SELECT DISTINCT cohort FROM members ORDER BY cohort")],
        members=members,
        standards=standards,
        heat=heat,
        unmet=_unmet(con),
        stretch=_stretch(con),
        mentors=_mentors(con),
        per_member=_per_member(con, members),
        lea=_lea(con, len(members)),
        skipped=[{"file": str(s.path), "why": s.skipped or ""} for s in loaded.skipped],
    )


def _unmet(con) -> dict[str, list[dict[str, Any]]]:
    """Per target role, the requirements most members have not met: the cohort's agenda."""
    rows = _rows(
        con,
        """
        SELECT target_role, key, any_value(label) AS label, any_value(type) AS type,
               count(*) AS asked,
               count(*) FILTER (WHERE standing = 'gap') AS gap,
               count(*) FILTER (WHERE standing = 'partial') AS partial,
               count(*) FILTER (WHERE standing <> 'met') AS unmet,
               count(*) FILTER (WHERE required > 0) AS required
        FROM requirements GROUP BY target_role, key
        HAVING count(*) FILTER (WHERE standing <> 'met') > 0
        ORDER BY target_role, unmet DESC, gap DESC, required DESC, key
        """,
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        role = out.setdefault(r.pop("target_role"), [])
        if len(role) < TOP_UNMET:
            role.append(r)
    return out


def _stretch(con) -> list[dict[str, Any]]:
    return _rows(
        con,
        """
        SELECT status, coalesce(gap, '(not linked to a requirement)') AS gap, count(DISTINCT member) AS members
        FROM goals WHERE kind = 'stretch-assignment' AND status IN ('planned', 'active', 'done')
        GROUP BY status, gap ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END,
                 members DESC, gap
        """,
    )


def _mentors(con) -> list[dict[str, Any]]:
    """A member who has met a requirement another has not, where both shared their names.
    Each member with a gap is offered one mentor, the met members taken in turn, so the
    work is linear in the cohort (every pair would be quadratic)."""
    return _rows(
        con,
        f"""
        WITH named AS (
            SELECT r.key, r.label, r.standing, m.name, r.required
            FROM requirements r JOIN members m USING (member)
            WHERE m.name IS NOT NULL AND r.standing IN ('met', 'gap')
        ),
        mentors AS (
            SELECT key, name, row_number() OVER (PARTITION BY key ORDER BY name) AS n,
                   count(*) OVER (PARTITION BY key) AS total
            FROM named WHERE standing = 'met'
        ),
        mentees AS (
            SELECT key, label, name, required, row_number() OVER (PARTITION BY key ORDER BY name) AS n
            FROM named WHERE standing = 'gap'
        )
        SELECT e.label AS requirement, o.name AS mentor, e.name AS mentee
        FROM mentees e JOIN mentors o ON o.key = e.key AND o.n = ((e.n - 1) % o.total) + 1
        ORDER BY e.required DESC, requirement, mentee LIMIT {MAX_PAIRS}
        """,
    )


def _per_member(con, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rated = {
        r["member"]: r
        for r in _rows(
            con,
            "SELECT member, round(avg(rating), 1) AS average, count(rating) AS rated FROM ratings GROUP BY member",
        )
    }
    standing = {
        r["member"]: r
        for r in _rows(
            con,
            "SELECT member, count(*) FILTER (WHERE standing = 'met') AS met, "
            "count(*) FILTER (WHERE standing = 'partial') AS partial, "
            "count(*) FILTER (WHERE standing = 'gap') AS gap FROM requirements GROUP BY member",
        )
    }
    gaps: dict[str, list[str]] = {}
    for r in _rows(
        con,
        "SELECT member, label FROM requirements WHERE standing = 'gap' ORDER BY member, required DESC, postings DESC, key",
    ):
        if len(gaps.setdefault(r["member"], [])) < 3:
            gaps[r["member"]].append(r["label"])
    goals = {
        r["member"]: r
        for r in _rows(
            con,
            "SELECT member, count(*) FILTER (WHERE kind = 'stretch-assignment' AND status IN ('planned','active')) AS stretch_open, "
            "count(*) FILTER (WHERE kind = 'stretch-assignment' AND status = 'done') AS stretch_done, "
            "count(*) FILTER (WHERE status IN ('planned','active')) AS goals_open FROM goals GROUP BY member",
        )
    }
    learning = {r["member"]: r for r in _rows(con, "SELECT * FROM learning")}
    milestones = {
        r["member"]: r["n"]
        for r in _rows(con, "SELECT member, count(*) AS n FROM milestones GROUP BY member")
    }
    out = []
    for m in members:
        key = m["member"]
        out.append(
            {
                "member": key,
                "label": m["label"],
                "target_role": m["target_role"],
                "average_rating": rated.get(key, {}).get("average"),
                "standards_rated": rated.get(key, {}).get("rated", 0),
                "met": standing.get(key, {}).get("met", 0),
                "partial": standing.get(key, {}).get("partial", 0),
                "gap": standing.get(key, {}).get("gap", 0),
                "top_gaps": gaps.get(key, []),
                "stretch_open": goals.get(key, {}).get("stretch_open", 0),
                "stretch_done": goals.get(key, {}).get("stretch_done", 0),
                "goals_open": goals.get(key, {}).get("goals_open", 0),
                "learning_hours": learning.get(key, {}).get("hours_done", 0) or 0,
                "milestones": milestones.get(key, 0),
            }
        )
    return out


def _lea(con, members: int) -> dict[str, Any]:
    """Figures a district can offer as evidence in its career-growth self-assessment
    (frameworks/lea-career-growth.yaml)."""
    stretch = _rows(
        con,
        "SELECT count(DISTINCT member) FILTER (WHERE status IN ('planned','active')) AS open, "
        "count(DISTINCT member) FILTER (WHERE status = 'done') AS done, count(DISTINCT member) AS any "
        "FROM goals WHERE kind = 'stretch-assignment'",
    )[0]
    hours = _rows(
        con,
        "SELECT coalesce(sum(hours_done), 0) AS hours, coalesce(median(hours_done), 0) AS median FROM learning",
    )[0]
    roles = _rows(
        con, "SELECT target_role, count(*) AS members FROM members GROUP BY target_role ORDER BY members DESC"
    )
    share = (stretch["any"] / members) if members else 0.0
    return {
        "members": members,
        "with_stretch_assignment": stretch["any"],
        "stretch_open": stretch["open"],
        "stretch_done": stretch["done"],
        "share_with_stretch_assignment": round(share, 3),
        "learning_hours": round(float(hours["hours"]), 1),
        "median_learning_hours": round(float(hours["median"]), 1),
        "target_roles": roles,
    }
