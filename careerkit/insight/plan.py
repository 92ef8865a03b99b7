"""The development plan: the gaps that matter most (from what saved postings share and from
low self-assessment ratings), the goals already set for each, and numbered suggestions to
close them: stretch assignments, learning, credentials, and people in the network to ask.
Pure: reports, ratings, people and goals in; a plan out. Numbers are stable for the same
data, so `plan take N` creates the goal that `plan` showed as N."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_GAPS = 6
LOW = 2  # a self-rating of 1 or 2 is a gap for the plan (1 before 2)


@dataclass
class Suggestion:
    number: int
    kind: str  # stretch-assignment | learning | credential | network
    title: str
    how: str | None = None
    skills: list[str] = field(default_factory=list)
    contact_id: int | None = None
    goal_id: int | None = None  # the goal already made from it

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "title": self.title,
            "how": self.how,
            "skills": self.skills,
            "contact_id": self.contact_id,
            "goal_id": self.goal_id,
        }


@dataclass
class PlanGap:
    key: str  # the gap common group key, or competency:<id> for a rating
    label: str
    text: str
    competencies: list[str]
    sources: list[str]  # postings | self-assessment
    why: str
    rating: dict[str, Any] | None = None
    report_ids: list[int] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    closed_by: list[int] = field(default_factory=list)  # done goals with linked wins
    suggestions: list[Suggestion] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "text": self.text,
            "competencies": self.competencies,
            "sources": self.sources,
            "why": self.why,
            "rating": self.rating,
            "report_ids": self.report_ids,
            "goals": self.goals,
            "closed_by": self.closed_by,
            "suggestions": [s.as_dict() for s in self.suggestions],
        }


@dataclass
class Plan:
    postings: int
    gaps: list[PlanGap]
    goals: list[dict[str, Any]]

    def suggestion(self, number: int) -> tuple[PlanGap, Suggestion] | None:
        for gap in self.gaps:
            for s in gap.suggestions:
                if s.number == number:
                    return gap, s
        return None

    def as_dict(self) -> dict[str, Any]:
        return {"postings": self.postings, "gaps": [g.as_dict() for g in self.gaps], "goals": self.goals}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if len(w) > 2}


def holds_target_role(role: str | None, targets: list[str]) -> bool:
    """'Assistant Principal, Oak MS' holds the target 'assistant principal'."""
    have = _words(role or "")
    return any(_words(t) and _words(t) <= have for t in targets)


def rating_gap(standard, rating: dict[str, Any]):
    """A low self-rating as a gap in gap common's shape, so the same suggestions serve it."""
    from careerkit.models.recurring import TopGap

    # Standards' titles are in title case; inside a sentence they read better in lower case.
    return TopGap(
        rank=0,
        key=f"competency:{standard.id}",
        label=standard.title.lower(),
        text=" ".join([standard.title, *standard.keywords[:6]]),
        type="skill",
        competencies=[standard.id],
        postings=0,
        required=0,
        latest="gap",
        priority=0.0,
        why=f"you rated yourself {rating['rating']} on {rating['date']}",
    )


def build_plan(
    common,
    low: list[tuple[Any, dict[str, Any]]],
    *,
    book,
    contacts: list[dict[str, Any]],
    targets: list[str],
    goals: list[dict[str, Any]],
    goal_gaps: dict[int, dict[str, Any]],
    links: dict[int, list[dict[str, Any]]],
    postings: int,
) -> Plan:
    """common: a CommonReport (or None without saved postings); low: (standard, latest rating)
    pairs, lowest first; book: the Suggestions; contacts: network rows; targets: the
    profile's target roles; goals: goal rows; goal_gaps: goal id -> the gap it was made for;
    links: goal id -> linked accomplishments."""
    gaps: list[PlanGap] = []
    by_competency: dict[str, PlanGap] = {}
    for top in common.top_gaps if common else []:
        gap = PlanGap(
            top.key,
            top.label,
            top.text,
            list(top.competencies),
            ["postings"],
            top.why,
            report_ids=list(top.report_ids),
        )
        gap.suggestions = [Suggestion(0, w.kind, w.title, w.how, list(w.skills)) for w in top.ways]
        gaps.append(gap)
        for c in top.competencies[:1]:
            by_competency.setdefault(c, gap)
    for standard, rating in low:
        rated = {
            "standard": standard.id,
            "rating": rating["rating"],
            "date": rating["date"],
            "note": rating.get("note"),
        }
        if standard.id in by_competency:
            gap = by_competency[standard.id]
            gap.sources.append("self-assessment")
            gap.rating = rated
            continue
        top = rating_gap(standard, rating)
        gap = PlanGap(
            top.key,
            standard.title,
            standard.title,
            [standard.id],
            ["self-assessment"],
            f"you rated yourself {rating['rating']} of 3 on {rating['date']}",
            rating=rated,
        )
        gap.suggestions = [Suggestion(0, w.kind, w.title, w.how, list(w.skills)) for w in book.ways_for(top)]
        gaps.append(gap)
    gaps = gaps[:MAX_GAPS]
    for gap in gaps:
        gap.suggestions += _people(gap, contacts, targets)
    if gaps:
        gaps[0].suggestions += _missing_people(contacts, targets)
    _attach_goals(gaps, goals, goal_gaps, links)
    number = 0
    for gap in gaps:
        for s in gap.suggestions:
            number += 1
            s.number = number
    open_goals = [
        {
            "id": g["id"],
            "title": g["title"],
            "status": g["status"],
            "due": g.get("due"),
            "wins": len(links.get(g["id"], [])),
        }
        for g in goals
        if g["status"] in ("planned", "active")
    ]
    return Plan(postings=postings, gaps=gaps, goals=open_goals)


def _topic(label: str) -> str:
    name = label.strip().rstrip(".;:")
    if len(name) > 60:
        name = name[:60].rsplit(" ", 1)[0] + "..."
    return name[:1].lower() + name[1:] if name[:1].isupper() and not name[:2].isupper() else name


def _people(gap: PlanGap, contacts: list[dict[str, Any]], targets: list[str]) -> list[Suggestion]:
    """A mentor (one who holds the target role first) to ask how they learned it, and a
    sponsor to put you forward for the stretch assignment."""
    topic = _topic(gap.label.lower() if gap.key.startswith("competency:") else gap.label)
    out = []
    mentors = [c for c in contacts if c["relationship"] in ("mentor", "coach")]
    mentors.sort(
        key=lambda c: (not holds_target_role(c.get("role"), targets), c["relationship"] != "mentor", c["id"])
    )
    if not mentors:
        mentors = [
            c for c in contacts if c["relationship"] == "peer" and holds_target_role(c.get("role"), targets)
        ]
    if mentors:
        m = mentors[0]
        role = f", {m['role']}" if m.get("role") else ""
        out.append(
            Suggestion(
                0,
                "network",
                f"Informational interview with {m['name']} on {topic}",
                f"{m['name']} ({m['relationship']}{role}): how they learned it, what a "
                f"typical week asks of it, where to start; then careerkit network touch "
                f"{m['id']} --kind informational-interview --note ...",
                [],
                contact_id=m["id"],
            )
        )
    sponsors = [c for c in contacts if c["relationship"] == "sponsor"]
    if sponsors:
        s = sponsors[0]
        stretch = next(
            (
                x
                for x in gap.suggestions
                if x.kind == "stretch-assignment" and not x.title.lower().startswith("ask ")
            ),
            None,
        )
        title = (
            f"Ask {s['name']} to put you forward for: {stretch.title}"
            if stretch
            else f"Tell {s['name']} you are working on {topic}"
        )
        out.append(
            Suggestion(
                0,
                "network",
                title,
                f"{s['name']} (sponsor{', ' + s['role'] if s.get('role') else ''}) can "
                "open the door; say what you want to lead and by when",
                [],
                contact_id=s["id"],
            )
        )
    return out


def _missing_people(contacts: list[dict[str, Any]], targets: list[str]) -> list[Suggestion]:
    """Once in the plan: find a mentor in the target role, or a sponsor, when the network
    has none."""
    out = []
    role = targets[0] if targets else "the role you want"
    mentors = [c for c in contacts if c["relationship"] in ("mentor", "coach")]
    in_role = [c for c in mentors if holds_target_role(c.get("role"), targets)] if targets else mentors
    if not in_role:
        out.append(
            Suggestion(
                0,
                "network",
                f"Find a mentor who works as {role}",
                "Ask your principal or a colleague in the role for an introduction; "
                "then careerkit network add NAME --relationship mentor --role ...",
            )
        )
    if not any(c["relationship"] == "sponsor" for c in contacts):
        out.append(
            Suggestion(
                0,
                "network",
                "Find a sponsor who can put you forward for assignments",
                "A sponsor is senior and speaks for you where decisions are made: your "
                "principal or a district leader who has seen your work; then careerkit "
                "network add NAME --relationship sponsor",
            )
        )
    return out


def _attach_goals(
    gaps: list[PlanGap],
    goals: list[dict[str, Any]],
    goal_gaps: dict[int, dict[str, Any]],
    links: dict[int, list[dict[str, Any]]],
) -> None:
    """The goals made for each gap (or with a suggestion's title); a done goal with linked
    accomplishments closes the gap."""
    for gap in gaps:
        titles = {s.title.lower(): s for s in gap.suggestions}
        for g in goals:
            made_for = goal_gaps.get(g["id"], {}).get("gap")
            suggestion = titles.get(g["title"].lower())
            # `plan take` and `goals add --from-gap` name the gap by its label; a goal set by
            # hand serves the gap when it names it (every word of the label in its title or skills).
            if made_for is not None:
                if made_for not in (gap.key, gap.label):
                    continue
            elif suggestion is None and not _names(g, gap.label):
                continue
            if g["status"] == "dropped":
                continue
            wins = links.get(g["id"], [])
            gap.goals.append(
                {
                    "id": g["id"],
                    "title": g["title"],
                    "status": g["status"],
                    "due": g.get("due"),
                    "wins": [w["id"] for w in wins],
                }
            )
            if suggestion is not None:
                suggestion.goal_id = g["id"]
            if g["status"] == "done" and wins:
                gap.closed_by.append(g["id"])


def _names(goal: dict[str, Any], label: str) -> bool:
    wanted = _words(label)
    have = _words(" ".join([goal["title"], *(goal.get("skills") or [])]))
    return bool(wanted) and wanted <= have
