"""Saved gap reports (table gap_reports): the posting's text, and the report as the spec's
JSON, so `gap show` prints the same object again and `gap common` reads the verdicts."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from careerkit.errors import NotFound


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _payload(report, conn: sqlite3.Connection | None = None) -> str:
    """The report as stored: evidence by kind, id and score only, and the entries a why line
    names as {kind:id}. Their words are read from the record when the report is shown, so a
    deleted entry's words do not live on here and a private entry's title is never copied
    into this table."""
    from careerkit.store.schema import slim_report_json

    data = report.model_dump(mode="json", exclude={"id"})
    if conn is not None:
        name_by_reference(conn, data)
    return slim_report_json(json.dumps(data, ensure_ascii=False))


# How a why line names an entry: "Led the science fair (win 12)" (posting/analyze.py: _refs).
_WORD_KIND = {
    "win": "accomplishment",
    "learning": "learning",
    "feedback": "feedback",
    "position": "position",
    "credential": "credential",
    "goal": "goal",
}
_NAMED = re.compile(r" \((win|learning|feedback|position|credential|goal) (\d+)\)")
_TOKEN = re.compile(r"\{(accomplishment|learning|feedback|position|credential|goal):(\d+)\}")


def name_by_reference(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Replace the words a why line uses for an entry by {kind:id}: the longest stretch
    before "(win 12)" that the entry's own text holds (a title may itself hold "and")."""
    for req, _ in requirement_dicts(data):
        why = req.get("why")
        if not isinstance(why, str) or not _NAMED.search(why):
            continue
        found = list(_NAMED.finditer(why))
        texts = _entry_texts(conn, [(_WORD_KIND[m.group(1)], int(m.group(2))) for m in found])
        for m in reversed(found):
            kind, number = _WORD_KIND[m.group(1)], int(m.group(2))
            own = " ".join(texts.get((kind, number), "").split()).lower()
            head = why[: m.start()]
            start = _named_start(head, own)
            if start is not None:
                why = f"{why[:start]}{{{kind}:{number}}}{why[m.start() :]}"
        req["why"] = why


def _named_start(head: str, own: str) -> int | None:
    """Where, in the text before a "(win 12)", the entry's words begin: the earliest word
    start from which the rest (without a closing "…") is part of the entry's own text."""
    if not own:
        return None
    for start in range(len(head)):
        if start and head[start - 1] not in " (":
            continue
        words = " ".join(head[start:].split()).rstrip("…").lower()
        if words and words in own:
            return start
    return None


def _entry_texts(conn: sqlite3.Connection, refs: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    out: dict[tuple[str, int], str] = {}
    for kind, number in refs:
        table, label = _LABELS[kind]
        column = "text" if kind == "feedback" else label
        row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (number,)).fetchone()
        if row and row[0]:
            out[(kind, number)] = str(row[0])
    return out


DELETED = "(deleted)"
# kind -> (table, SQL giving the label the analysis shows for an entry of that kind)
_LABELS = {
    "position": (
        "positions",
        "title || coalesce(', ' || nullif(organization, ''), '') || "
        "CASE WHEN coalesce(start, '') = '' THEN '' ELSE ', ' || substr(start, 1, 4) || '-' || "
        "coalesce(nullif(substr(\"end\", 1, 4), ''), 'now') END",
    ),
    "credential": ("credentials", "name"),
    "accomplishment": ("accomplishments", "title"),
    "learning": ("learning", "title"),
    "goal": ("goals", "title"),
    "feedback": (
        "feedback",
        "text || coalesce(' (' || nullif(trim(coalesce(from_name || ', ', '') || relationship), '') || ')', '')",
    ),
}


def _short(label: str, n: int = 70) -> str:
    """An entry named in a why line, as posting/analyze.py names it."""
    label = " ".join(label.split())
    return label if len(label) <= n else label[: n - 1].rstrip(" ,;") + "…"


def _clip(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def evidence_labels(conn: sqlite3.Connection, refs) -> dict[tuple[str, int], str]:
    """(kind, id) -> the entry's label as the record holds it today (missing: deleted)."""
    wanted: dict[str, set[int]] = {}
    for kind, id_ in refs:
        if kind in _LABELS:
            wanted.setdefault(kind, set()).add(int(id_))
    out: dict[tuple[str, int], str] = {}
    for kind, ids in wanted.items():
        table, label = _LABELS[kind]
        listed = sorted(ids)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(f"SELECT id, {label} FROM {table} WHERE id IN ({marks})", chunk):
                text = row[1] or ""
                out[(kind, row[0])] = _clip(text) if kind == "feedback" else text
    return out


_GOAL_WHY = re.compile(r"^goal #(\d+) done(?=, evidenced by )")


def requirement_dicts(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """A stored report's requirements and each one's evidence, as dicts; anything malformed in
    an old or damaged report is passed over."""
    reqs = data.get("requirements")
    for req in reqs if isinstance(reqs, list) else []:
        if isinstance(req, dict):
            evidence = req.get("evidence")
            yield req, [ev for ev in evidence if isinstance(ev, dict)] if isinstance(evidence, list) else []


def _fill(data: dict[str, Any], labels: dict[tuple[str, int], str]) -> None:
    for req, evidence in requirement_dicts(data):
        for ev in evidence:
            if "text" not in ev:
                ev["text"] = labels.get((str(ev.get("kind")), int(ev.get("id") or 0)), DELETED)
        why = req.get("why")
        if isinstance(why, str):
            m = _GOAL_WHY.match(why)
            if m:
                title = labels.get(("goal", int(m.group(1))), DELETED)
                why = f"{m.group(0)}: {title}{why[m.end() :]}"
            req["why"] = _TOKEN.sub(lambda t: _short(labels.get((t.group(1), int(t.group(2))), DELETED)), why)


def name_evidence(conn: sqlite3.Connection, data: dict[str, Any]) -> dict[str, Any]:
    """A stored report's JSON (a dict) with its evidence named from today's record."""
    _fill(data, evidence_labels(conn, _refs(data)))
    return data


def _refs(data: dict[str, Any]) -> list[tuple[str, int]]:
    refs = []
    for req, evidence in requirement_dicts(data):
        for ev in evidence:
            if isinstance(ev.get("id"), int):
                refs.append((str(ev.get("kind")), ev["id"]))
        m = _GOAL_WHY.match(req.get("why") or "") if isinstance(req.get("why"), str) else None
        if m:
            refs.append(("goal", int(m.group(1))))
        if isinstance(req.get("why"), str):
            refs += [(t.group(1), int(t.group(2))) for t in _TOKEN.finditer(req["why"])]
    return refs


def save(conn: sqlite3.Connection, report, text: str, day: str | None = None) -> int:
    """Insert a new report; return its id (also set on the report). day: the date its
    score is kept under (default: today)."""
    p = report.posting
    cur = conn.execute(
        "INSERT INTO gap_reports (title, organization, source, text, chars, score, report) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (p.title, p.organization, p.source, text, p.chars, report.score, _payload(report, conn)),
    )
    report.id = cur.lastrowid
    record_score(conn, report.id, report.score, day=day)
    return report.id


def record_score(
    conn: sqlite3.Connection,
    report_id: int,
    score: int,
    closed: list[str] | None = None,
    day: str | None = None,
) -> None:
    """Keep the score of each analysis (readiness over time) and the gaps a rerun closed."""
    conn.execute(
        "INSERT INTO gap_scores (report_id, date, score, closed) VALUES (?, ?, ?, ?)",
        (report_id, day or _now()[:10], score, json.dumps(closed or [], ensure_ascii=False)),
    )


def score_history(conn: sqlite3.Connection) -> dict[int, list[dict[str, Any]]]:
    """report id -> its scores oldest first: {date, score, closed}."""
    out: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute("SELECT report_id, date, score, closed FROM gap_scores ORDER BY date, id"):
        out.setdefault(r[0], []).append({"date": r[1], "score": r[2], "closed": json.loads(r[3] or "[]")})
    return out


def replace(conn: sqlite3.Connection, report_id: int, report) -> None:
    """Store a re-analysis of a saved posting under the same id."""
    p = report.posting
    cur = conn.execute(
        "UPDATE gap_reports SET title = ?, organization = ?, source = ?, chars = ?, score = ?, "
        "report = ?, updated = ? WHERE id = ?",
        (p.title, p.organization, p.source, p.chars, report.score, _payload(report, conn), _now(), report_id),
    )
    if cur.rowcount == 0:
        raise NotFound(f"no saved posting with id {report_id} (careerkit gap list shows them)")
    report.id = report_id


def get_row(conn: sqlite3.Connection, report_id: int) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM gap_reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise NotFound(f"no saved posting with id {report_id} (careerkit gap list shows them)")
    return dict(row)


def report_of(row: dict[str, Any], conn: sqlite3.Connection | None = None, labels=None):
    """The saved GapReport, with its id, its evidence named as the record names it today
    (read through `conn`, or from `labels`); a deleted entry reads "(deleted)"."""
    from pydantic import ValidationError

    from careerkit.errors import InvalidInput
    from careerkit.models.gap import GapReport

    try:
        data = json.loads(row["report"] or "{}")
        if not isinstance(data, dict):
            raise ValueError("not an object")
        data["id"] = row["id"]
        if labels is None:
            labels = evidence_labels(conn, _refs(data)) if conn is not None else {}
        _fill(data, labels)
        return GapReport.model_validate(data)
    except (ValueError, ValidationError):
        raise InvalidInput(
            f"saved report {row['id']} cannot be read; `careerkit gap rerun {row['id']}` "
            f"analyses its posting again"
        ) from None


def get(conn: sqlite3.Connection, report_id: int):
    return report_of(get_row(conn, report_id), conn)


def readable_reports(conn: sqlite3.Connection) -> list:
    """Every saved report that can be read, oldest analysis first (as `gap common` orders
    them); a damaged one is left out, not an error: `gap rerun` repairs it."""
    from careerkit.errors import InvalidInput

    out = []
    rows = [
        dict(row) for row in conn.execute("SELECT * FROM gap_reports ORDER BY coalesce(updated, created), id")
    ]
    refs = []
    for row in rows:
        try:
            refs += _refs(json.loads(row["report"] or "{}"))
        except (ValueError, AttributeError):
            continue
    labels = evidence_labels(conn, refs)
    for row in rows:
        try:
            out.append(report_of(row, labels=labels))
        except InvalidInput:
            continue
    return out


def list_reports(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One summary per saved report, newest first: id, title, organization, source, score,
    counts of met / partial / gap, created, updated."""
    out = []
    for row in conn.execute(
        "SELECT id, title, organization, source, chars, score, report, created, updated "
        "FROM gap_reports ORDER BY id DESC"
    ):
        reqs = json.loads(row["report"] or "{}").get("requirements", [])
        counts = {"met": 0, "partial": 0, "gap": 0}
        for r in reqs:
            if r.get("verdict") in counts:
                counts[r["verdict"]] += 1
        out.append(
            {
                "id": row["id"],
                "title": row["title"],
                "organization": row["organization"],
                "source": row["source"],
                "chars": row["chars"],
                "score": row["score"],
                "requirements": len(reqs),
                **counts,
                "created": row["created"],
                "updated": row["updated"],
            }
        )
    return out


def delete(conn: sqlite3.Connection, report_id: int) -> None:
    cur = conn.execute("DELETE FROM gap_reports WHERE id = ?", (report_id,))
    if cur.rowcount == 0:
        raise NotFound(f"no saved posting with id {report_id} (careerkit gap list shows them)")


def changes(old, new) -> list[dict[str, Any]]:
    """What a re-analysis changed, requirement by requirement (matched by their text):
    closed (gap -> met/partial), better, worse, new, gone."""
    rank = {"gap": 0, "partial": 1, "met": 2}
    before = {r.text: r for r in old.requirements}
    after = {r.text: r for r in new.requirements}
    out = []
    for text, r in after.items():
        o = before.get(text)
        if o is None:
            out.append({"change": "new", "text": text, "before": None, "after": r.verdict, "why": r.why})
        elif o.verdict != r.verdict:
            if o.verdict == "gap":
                kind = "closed"
            else:
                kind = "better" if rank[r.verdict] > rank[o.verdict] else "worse"
            out.append({"change": kind, "text": text, "before": o.verdict, "after": r.verdict, "why": r.why})
    for text, o in before.items():
        if text not in after:
            out.append({"change": "gone", "text": text, "before": o.verdict, "after": None, "why": o.why})
    return out
