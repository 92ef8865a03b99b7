"""What goes in the recap, as data: the period's wins by competency and by month, feedback
highlights by relationship, learning hours and completions, goals done and moved, gaps
closed across saved postings, self-ratings then and now, milestones and (for the person
themselves) reflections; and the data of the four pictures. Pure: plain data in, a Recap out.

Audiences: `self` sees everything, with the names of the people quoted; `supervisor` (the
evaluation conference) leaves out reflections and the job search (saved postings);
`sponsor` leaves out reflections and self-ratings. Private entries are left out unless
include_private; a reflection is private unless it was written --shareable."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from careerkit.insight.milestones import Milestone, term_of

AUDIENCES = ("supervisor", "sponsor", "self")
RELATIONSHIP_LABEL = {
    "supervisor": "Supervisors",
    "colleague": "Colleagues",
    "direct-report": "Staff I lead",
    "parent": "Parents",
    "student": "Students",
    "mentor": "Mentors",
    "other": "Others",
}
RELATIONSHIP_ONE = {
    "supervisor": "a supervisor",
    "colleague": "a colleague",
    "direct-report": "a member of staff",
    "parent": "a parent",
    "student": "a student",
    "mentor": "a mentor",
    "other": "someone I work with",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OTHER = "other"


@dataclass
class WinLine:
    id: int
    date: str
    title: str
    impact: str | None
    competency: str | None


@dataclass
class CompetencyGroup:
    id: str
    title: str
    colour: str
    wins: list[WinLine] = field(default_factory=list)
    more: int = 0  # wins in this competency not listed (the pictures count them all)
    count: int = 0


@dataclass
class MonthCount:
    month: str  # 2025-09
    label: str  # Sep 2025
    short: str  # Sep
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Quote:
    date: str
    text: str
    who: str


@dataclass
class FeedbackGroup:
    relationship: str
    label: str
    count: int
    quotes: list[Quote]


@dataclass
class Completion:
    date: str
    title: str
    kind: str | None
    hours: float | None


@dataclass
class GoalLine:
    id: int
    title: str
    status: str
    due: str | None
    wins: list[str]


@dataclass
class Readiness:
    id: int
    name: str
    colour: str
    points: list[tuple[str, int]]  # (date, score), oldest first
    closed: list[tuple[str, str]]  # (date, requirement)

    @property
    def then(self) -> int:
        return self.points[0][1]

    @property
    def now(self) -> int:
        return self.points[-1][1]


@dataclass
class RatingLine:
    id: str
    title: str
    then: int | None
    now: int | None
    history: list[tuple[str, int]]  # ratings given in the period (date, rating)
    before: int | None = None  # the rating in force when the period began

    @property
    def change(self) -> int:
        return (self.now or 0) - (self.then or 0) if self.then and self.now else 0


@dataclass
class ReflectionLine:
    id: int
    date: str
    text: str
    did: str | None
    learned: str | None
    differently: str | None
    evidence: str | None
    competencies: list[str]


@dataclass
class Recap:
    person: str
    since: str
    until: str
    audience: str
    framework: str
    competencies: list[CompetencyGroup]
    months: list[MonthCount]
    legend: list[tuple[str, str, str]]  # (id, title, colour)
    feedback: list[FeedbackGroup]
    hours: float
    hours_by_term: list[tuple[str, float]]
    completions: list[Completion]
    goals_done: list[GoalLine]
    goals_moved: list[GoalLine]
    readiness: list[Readiness]
    ratings: list[RatingLine]
    rating_months: list[str]  # the months of the self-rating strips (2025-09)
    milestones: list[Milestone]
    reflections: list[ReflectionLine]
    left_out: dict[str, int]  # private entries not shown, by kind
    wins_total: int = 0
    feedback_total: int = 0

    @property
    def empty(self) -> bool:
        return not (
            self.wins_total
            or self.feedback_total
            or self.completions
            or self.hours
            or self.goals_done
            or self.goals_moved
            or self.milestones
            or self.reflections
            or any(r.closed for r in self.readiness)
            or any(r.history for r in self.ratings)
        )


def _in(day: str | None, since: str, until: str) -> bool:
    """Does a (partial) ISO date fall in [since, until] (both full days)?"""
    if not day:
        return False
    first = (day + "-01-01")[:10]
    return since <= first <= until


def months_between(since: str, until: str) -> list[str]:
    y, m = int(since[:4]), int(since[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= until[:7]:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_label(month: str) -> str:
    return f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}"


def build_recap(
    record: Any,
    *,
    since: str,
    until: str,
    audience: str,
    include_private: bool,
    competency_of: Callable[[Any], str | None],
    titles: dict[str, str],
    framework: str,
    palette: Callable[[int], str],
    ratings: list[dict[str, Any]],
    scores: dict[int, list[dict[str, Any]]],
    postings: dict[int, str],
    goal_links: dict[int, list[dict[str, Any]]],
    milestones: Iterable[Milestone],
    reflections: list[dict[str, Any]],
    person: str = "",
    per_competency: int = 8,
) -> Recap:
    """since/until: full ISO days. record: the record (attributes, as `models.record.Record`
    or the store's view); ratings oldest first for the framework in use; scores: saved
    posting -> [{date, score, closed}] oldest first; goal_links: goal -> linked wins."""
    left_out = {"wins": 0, "feedback": 0, "reflections": 0}
    wins = []
    for a in record.accomplishments:
        if not _in(a.date, since, until):
            continue
        if a.private and not include_private:
            left_out["wins"] += 1
            continue
        wins.append(a)
    wins.sort(key=lambda a: (a.date, a.id))
    lines = [WinLine(a.id, a.date, a.title, a.impact, competency_of(a)) for a in wins]

    # Competencies in the framework's order, coloured the same in every picture.
    order = list(titles)
    used = sorted({w.competency or OTHER for w in lines}, key=lambda c: order.index(c) if c in order else 999)
    colour = {c: (palette(order.index(c)) if c in order else "#b0b7c0") for c in used}
    groups = []
    for c in used:
        members = [w for w in lines if (w.competency or OTHER) == c]
        # The wins with a measured impact first, then the newest; at most `per_competency`.
        shown = sorted(members, key=lambda w: (bool(w.impact), w.date, w.id), reverse=True)[:per_competency]
        shown.sort(key=lambda w: (w.date, w.id), reverse=True)
        groups.append(
            CompetencyGroup(
                c, titles.get(c, "Other wins"), colour[c], shown, len(members) - len(shown), len(members)
            )
        )
    groups.sort(key=lambda g: (g.id == OTHER, -g.count, order.index(g.id) if g.id in order else 999))
    months = []
    for m in months_between(since, until):
        counts = {c: 0 for c in used}
        for w in lines:
            if w.date.startswith(m):
                counts[w.competency or OTHER] += 1
        months.append(MonthCount(m, month_label(m), MONTHS[int(m[5:7]) - 1], counts))
    legend = [(c, titles.get(c, "Other"), colour[c]) for c in used]

    # Feedback: by relationship, most said first; the longest (most specific) quotes lead.
    feedback = []
    said: dict[str, list[Any]] = {}
    for f in record.feedback:
        if not _in(f.date, since, until):
            continue
        if f.private and not include_private:
            left_out["feedback"] += 1
            continue
        said.setdefault(f.relationship, []).append(f)
    for rel, items in sorted(said.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        best, said_before = [], set()
        for f in sorted(items, key=lambda f: (-min(len(f.text), 280), f.date)):
            key = " ".join(f.text.lower().split())
            if key not in said_before:  # the same words twice are one highlight
                said_before.add(key)
                best.append(f)
            if len(best) == 3:
                break
        quotes = [
            Quote(
                f.date,
                f.text,
                (f.from_name if audience == "self" and f.from_name else RELATIONSHIP_ONE.get(rel, rel)),
            )
            for f in sorted(best, key=lambda f: f.date)
        ]
        feedback.append(FeedbackGroup(rel, RELATIONSHIP_LABEL.get(rel, rel), len(items), quotes))

    # Learning: hours in the period and by term; what was completed.
    hours = 0.0
    by_term: dict[str, float] = {}
    completions = []
    start, end = date.fromisoformat(since), date.fromisoformat(until)
    for t in _terms(start, end):
        by_term[t] = 0.0
    for le in record.learning:
        if not _in(le.date, since, until) or le.status == "planned":
            continue
        h = float(le.hours or 0)
        hours += h
        label = term_of(date.fromisoformat((le.date + "-01-01")[:10])).label
        by_term[label] = by_term.get(label, 0.0) + h
        if le.status == "done":
            completions.append(Completion(le.date, le.title, le.kind, le.hours))
    completions.sort(key=lambda c: (c.date, c.title))

    # Goals: done in the period (by the day they were marked done, or their last linked
    # win), and open goals that moved: a win linked to them in the period.
    goals_done, goals_moved = [], []
    for g in record.goals:
        linked = goal_links.get(g.id, [])
        in_period = [w for w in linked if _in(w["date"], since, until)]
        shown_wins = [w["title"] for w in in_period if include_private or not _private_win(record, w["id"])]
        if g.status == "done":
            when = max([w["date"] for w in linked] or [str(getattr(g, "updated", "") or "")[:10]])
            if _in(when, since, until):
                goals_done.append(GoalLine(g.id, g.title, g.status, g.due, shown_wins))
        elif g.status in ("planned", "active") and in_period:
            goals_moved.append(GoalLine(g.id, g.title, g.status, g.due, shown_wins))

    # Readiness: every saved posting analysed more than once, or in the period.
    readiness = []
    if audience != "supervisor":
        n = 0
        for report_id, history in sorted(scores.items()):
            points = [(s["date"], s["score"]) for s in history if s["date"] <= until]
            if not points or not any(_in(d, since, until) for d, _ in points):
                continue
            earlier = [p for p in points if p[0] < since]
            points = earlier[-1:] + [p for p in points if p[0] >= since]
            closed = [(s["date"], t) for s in history if _in(s["date"], since, until) for t in s["closed"]]
            readiness.append(
                Readiness(
                    report_id, postings.get(report_id, f"posting {report_id}"), palette(n), points, closed
                )
            )
            n += 1

    # Self-ratings: the rating in force when the period began, the latest, and those given.
    rating_lines = []
    if audience != "sponsor":
        by_standard: dict[str, list[dict[str, Any]]] = {}
        for r in ratings:
            by_standard.setdefault(r["standard"], []).append(r)
        for sid in order:
            seq = by_standard.get(sid)
            if not seq:
                continue
            before = [r for r in seq if r["date"] < since]
            during = [r for r in seq if _in(r["date"], since, until)]
            if not during and not before:
                continue
            then = before[-1]["rating"] if before else (during[0]["rating"] if during else None)
            now = (during or before)[-1]["rating"]
            rating_lines.append(
                RatingLine(
                    sid,
                    titles.get(sid, sid),
                    then,
                    now,
                    [(r["date"], r["rating"]) for r in during],
                    before[-1]["rating"] if before else None,
                )
            )

    shown_milestones = []
    for ms in milestones:
        if not _in(ms.date, since, until):
            continue
        if ms.private and not include_private:
            ms = Milestone(ms.key, ms.date, ms.kind, ms.text.split(":")[0] + " (a private win)", ms.ref, True)
        shown_milestones.append(ms)

    shown_reflections = []
    if audience == "self":
        for r in reflections:
            if not _in(r["date"], since, until):
                continue
            if r["private"] and not include_private:
                left_out["reflections"] += 1
                continue
            shown_reflections.append(
                ReflectionLine(
                    r["id"],
                    r["date"],
                    r["text"],
                    r.get("did"),
                    r.get("learned"),
                    r.get("differently"),
                    r.get("evidence"),
                    list(r.get("competencies") or []),
                )
            )
        shown_reflections.sort(key=lambda r: (r.date, r.id))

    return Recap(
        person=person,
        since=since,
        until=until,
        audience=audience,
        framework=framework,
        competencies=groups,
        months=months,
        legend=legend,
        feedback=feedback,
        hours=round(hours, 1),
        hours_by_term=[(k, round(v, 1)) for k, v in by_term.items()],
        completions=completions,
        goals_done=goals_done,
        goals_moved=goals_moved,
        readiness=readiness,
        ratings=rating_lines,
        rating_months=months_between(since, until),
        milestones=shown_milestones,
        reflections=shown_reflections,
        left_out={k: v for k, v in left_out.items() if v},
        wins_total=len(lines),
        feedback_total=sum(g.count for g in feedback),
    )


def _private_win(record: Any, win_id: int) -> bool:
    for a in record.accomplishments:
        if a.id == win_id:
            return bool(a.private)
    return False


def _terms(start: date, end: date) -> list[str]:
    from careerkit.insight.milestones import terms_between

    return [t.label for t in terms_between(start, end)]


# -- what the pictures show -------------------------------------------------------------------------


def rating_cells(recap: Recap) -> list[dict[str, Any]]:
    """Per standard, the rating in force in each month of the period (None before the first)
    and whether one was given that month: the heat strip's cells."""
    out = []
    for line in recap.ratings:
        given: dict[str, int] = {}
        for d, r in line.history:
            given[d[:7]] = r  # the last of the month counts
        current = line.before
        cells, rated = [], []
        for m in recap.rating_months:
            if m in given:
                current = given[m]
            cells.append(current)
            rated.append(m in given)
        out.append({"id": line.id, "title": line.title, "cells": cells, "rated": rated})
    return out


def summary(recap: Recap) -> str:
    """One sentence: what the period held."""
    parts = []
    if recap.wins_total:
        parts.append(f"{recap.wins_total} win{'s' if recap.wins_total != 1 else ''}")
    if recap.feedback_total:
        parts.append(f"{recap.feedback_total} piece{'s' if recap.feedback_total != 1 else ''} of feedback")
    if recap.hours:
        parts.append(f"{recap.hours:g} hours of learning")
    if recap.goals_done:
        parts.append(f"{len(recap.goals_done)} goal{'s' if len(recap.goals_done) != 1 else ''} done")
    if recap.milestones:
        parts.append(f"{len(recap.milestones)} milestone{'s' if len(recap.milestones) != 1 else ''}")
    if not parts:
        return "Nothing was logged in this period."
    if len(parts) == 1:
        return parts[0][0].upper() + parts[0][1:] + "."
    text = ", ".join(parts[:-1]) + " and " + parts[-1]
    return text[0].upper() + text[1:] + "."
