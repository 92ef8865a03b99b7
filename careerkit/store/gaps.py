"""Saved gap reports (table gap_reports): the posting's text, and the report as the spec's
JSON, so `gap show` prints the same object again and `gap common` reads the verdicts."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from careerkit.errors import NotFound


def _now() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _payload(report) -> str:
    return json.dumps(report.model_dump(mode="json", exclude={"id"}), ensure_ascii=False)


def save(conn: sqlite3.Connection, report, text: str, day: str | None = None) -> int:
    """Insert a new report; return its id (also set on the report). day: the date its
    score is kept under (default: today)."""
    p = report.posting
    cur = conn.execute(
        "INSERT INTO gap_reports (title, organization, source, text, chars, score, report) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (p.title, p.organization, p.source, text, p.chars, report.score, _payload(report)),
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
        (p.title, p.organization, p.source, p.chars, report.score, _payload(report), _now(), report_id),
    )
    if cur.rowcount == 0:
        raise NotFound(f"no saved posting with id {report_id} (careerkit gap list shows them)")
    report.id = report_id


def get_row(conn: sqlite3.Connection, report_id: int) -> dict[str, Any]:
    row = conn.execute("SELECT * FROM gap_reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise NotFound(f"no saved posting with id {report_id} (careerkit gap list shows them)")
    return dict(row)


def report_of(row: dict[str, Any]):
    """The saved GapReport, with its id."""
    from pydantic import ValidationError

    from careerkit.errors import InvalidInput
    from careerkit.models.gap import GapReport

    try:
        data = json.loads(row["report"] or "{}")
        if not isinstance(data, dict):
            raise ValueError("not an object")
        data["id"] = row["id"]
        return GapReport.model_validate(data)
    except (ValueError, ValidationError):
        raise InvalidInput(
            f"saved report {row['id']} cannot be read; `careerkit gap rerun {row['id']}` "
            f"analyses its posting again"
        ) from None


def get(conn: sqlite3.Connection, report_id: int):
    return report_of(get_row(conn, report_id))


def readable_reports(conn: sqlite3.Connection) -> list:
    """Every saved report that can be read, oldest analysis first (as `gap common` orders
    them); a damaged one is left out, not an error: `gap rerun` repairs it."""
    from careerkit.errors import InvalidInput

    out = []
    for row in conn.execute("SELECT * FROM gap_reports ORDER BY coalesce(updated, created), id"):
        try:
            out.append(report_of(dict(row)))
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
