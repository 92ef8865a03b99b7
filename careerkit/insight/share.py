"""What a member shares with a cohort's lead, built from the record: pure, no database.

The rule is in what is copied, not in what is filtered: only counts, ratings, standings,
statuses, dates, ids of frameworks and the labels of requirements (the postings' words) go in.
The text of an entry, feedback and names never reach the snapshot, so they cannot leak;
the member's own name only when asked, the titles of the wins they pick only when asked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from careerkit.models.share import (
    Evidence,
    FrameworkRatings,
    Goal,
    Learning,
    Member,
    Milestone,
    Requirement,
    Snapshot,
    StandardRating,
)


def framework_ratings(
    framework, ratings: list[dict[str, Any]], evidence: dict[str, list]
) -> FrameworkRatings:
    """Each standard: the latest self-rating and how many entries of each kind speak to it.
    `evidence` maps a standard to its proofs (insight.standards.evidence_by_standard)."""
    latest = {r["standard"]: r for r in ratings}
    standards = []
    for c in framework.competencies:
        counts: dict[str, int] = defaultdict(int)
        for proof in evidence.get(c.id, []):
            counts[proof.kind] += 1
        r = latest.get(c.id)
        standards.append(
            StandardRating(
                id=c.id,
                title=c.title,
                rating=r["rating"] if r else None,
                rated=r["date"] if r else None,
                evidence=Evidence(
                    accomplishments=counts["accomplishment"],
                    feedback=counts["feedback"],
                    learning=counts["learning"],
                ),
            )
        )
    return FrameworkRatings(id=framework.id, name=framework.name, standards=standards)


def requirements(common_report) -> list[Requirement]:
    """Where the member stands on what the postings for the role share (`gap common`)."""
    out = []
    for section in common_report.sections:
        for g in section.groups:
            out.append(
                Requirement(
                    key=g.key,
                    label=g.label,
                    type=g.type,
                    postings=g.postings,
                    required=g.required,
                    standing=g.latest,
                    competencies=list(g.competencies),
                )
            )
    out.sort(key=lambda r: (-r.postings, -r.required, r.key))
    return out


def goals(record, gap_of: dict[int, dict[str, Any]], competencies_of) -> list[Goal]:
    """Every goal by kind, status and due date, with the requirement it was made for; its
    title (the member's own words) stays home. `competencies_of(text)` maps words to
    competency ids."""
    out = []
    for g in record.goals:
        gap = gap_of.get(g.id) or {}
        out.append(
            Goal(
                kind=g.kind,
                status=g.status,
                due=g.due,
                gap=gap.get("label"),
                competencies=competencies_of(" ".join([g.title, *g.skills])),
            )
        )
    out.sort(key=lambda x: (x.status, x.due or "9999", x.kind or ""))
    return out


def learning(record) -> Learning:
    by_kind: dict[str, float] = defaultdict(float)
    done = in_progress = 0.0
    completed = 0
    for le in record.learning:
        hours = float(le.hours or 0)
        if le.status == "done":
            done += hours
            completed += 1
            by_kind[le.kind or "other"] += hours
        elif le.status == "in-progress":
            in_progress += hours
    return Learning(
        hours_done=round(done, 1),
        hours_in_progress=round(in_progress, 1),
        by_kind={k: round(v, 1) for k, v in sorted(by_kind.items())},
        completed=completed,
    )


def chosen_wins(record, ids: Iterable[int]) -> list[str]:
    """The titles of the wins asked for, never a private one (a private win asked for by id
    is refused by the command before this)."""
    wanted = set(ids)
    return [a.title for a in record.accomplishments if a.id in wanted and not a.private]


def snapshot(
    *,
    created: str,
    cohort: str,
    member_id: str,
    name: str | None,
    target_role: str | None,
    postings: int,
    frameworks: list[FrameworkRatings],
    requirements: list[Requirement],
    goals: list[Goal],
    learning: Learning,
    milestones: list[Milestone],
    wins: list[str],
) -> Snapshot:
    return Snapshot(
        created=created,
        cohort=cohort,
        member=Member(id=member_id, name=name),
        target_role=target_role,
        postings=postings,
        frameworks=frameworks,
        requirements=requirements,
        goals=goals,
        learning=learning,
        milestones=milestones,
        wins=wins,
    )
