"""The freshness review: what in the record weakens the resume, and what to do about it.

Pure: a Record (and the saved gap reports, for feedback already put to use) in, a list of
checks out. Private entries are not reviewed: they never reach a resume.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field

from careerkit.documents.resume import build, measurable, weak_opening
from careerkit.models.shape import Record
from careerkit.render.escape import one_line

STALE_YEARS = 5
EXPIRY_DAYS = 180


@dataclass
class Finding:
    kind: str  # accomplishment, credential, feedback, position, learning
    id: int
    date: str
    text: str
    detail: str


@dataclass
class Check:
    name: str  # a stable id for programs: stale-lead, no-impact, ...
    title: str  # what a person reads
    advice: str
    findings: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "check": self.name,
            "title": self.title,
            "advice": self.advice,
            "count": len(self.findings),
            "findings": [asdict(f) for f in self.findings],
        }


def review(
    record: Record, reports=(), *, today: _dt.date | None = None, quoted: frozenset[int] = frozenset()
) -> list[Check]:
    """Every check, in the order a person would work through them (empty ones included).
    `quoted`: ids of the feedback the interview briefs of the saved postings already quote."""
    today = today or _dt.date.today()
    rec = record.public()
    return [
        _stale_leads(rec, today),
        _no_impact(rec),
        _weak_openings(rec),
        _expiring(rec, today),
        _positions_without_wins(rec),
        _unused_feedback(rec, reports, quoted),
    ]


def _years_between(date: str, today: _dt.date) -> float:
    from careerkit.dates import to_date

    try:
        return (today - to_date(date)).days / 365.25
    except (ValueError, TypeError):
        return 0.0


def _stale_leads(rec, today) -> Check:
    check = Check(
        "stale-lead",
        f"Older than {STALE_YEARS} years and still leading a section",
        "Log something recent for this section, or let a newer entry lead.",
    )
    if rec.profile is None or not (rec.profile.name or "").strip():
        return check
    resume = build(rec, today=today, include_private=True)
    leaders: list[tuple[str, int, str, str, str]] = []
    for job in resume.experience:
        if job.bullets and not job.dates.endswith("present"):
            continue  # an old job's best win is naturally old
        if job.bullets:
            b = job.bullets[0]
            leaders.append(("accomplishment", b.source, b.date, b.text, f"leads {job.title}"))
    for name, items in (
        ("Leadership and Service", resume.leadership),
        ("Professional Learning", resume.learning),
    ):
        if items:
            first = items[0]
            if first.source is None:
                continue
            kind, entry_id = first.source
            leaders.append((kind, entry_id, first.date, first.text, f"leads {name}"))
    for kind, entry_id, date, text, where in leaders:
        if date and _years_between(date, today) > STALE_YEARS:
            check.findings.append(Finding(kind, entry_id, date, text, where))
    return check


def _no_impact(rec) -> Check:
    check = Check(
        "no-impact",
        "Accomplishments with no measurable impact",
        "Add --impact with a number: students, points, percent, hours, dollars.",
    )
    for a in rec.accomplishments:
        if a.kind == "award":
            continue
        if not measurable(a.impact) and not measurable(a.result):
            detail = "impact has no number" if a.impact else "no impact recorded"
            check.findings.append(Finding("accomplishment", a.id, a.date, one_line(a.title), detail))
    return check


def _weak_openings(rec) -> Check:
    check = Check(
        "weak-opening",
        "Bullets that open with a weak phrase",
        "Start with what you did: led, designed, coached, cut, raised.",
    )
    for a in rec.accomplishments:
        phrase = weak_opening(a.title)
        if phrase:
            check.findings.append(
                Finding("accomplishment", a.id, a.date, one_line(a.title), f'opens with "{phrase}"')
            )
    return check


def _expiring(rec, today) -> Check:
    from careerkit.dates import end_of

    check = Check(
        "expiring",
        f"Credentials expired or expiring within {EXPIRY_DAYS} days",
        "Renew it, or record the renewal with careerkit creds edit ID --expires.",
    )
    for c in rec.credentials:
        if not c.expires or c.status == "planned":
            continue
        last = _dt.date.fromisoformat(end_of(c.expires))
        days = (last - today).days
        if days < 0:
            detail = f"expired {c.expires}"
        elif days <= EXPIRY_DAYS:
            detail = f"expires {c.expires} (in {days} day{'s' if days != 1 else ''})"
        else:
            continue
        check.findings.append(Finding("credential", c.id, c.expires, one_line(c.name), detail))
    return check


def _positions_without_wins(rec) -> Check:
    from careerkit.documents.resume import _covering, _match_position, position_index

    check = Check(
        "empty-position",
        "Positions with no accomplishment",
        "Log one or two wins from that role with --position.",
    )
    positions = sorted(rec.positions, key=lambda p: (p.start or "", p.id), reverse=True)
    held = set()
    index = position_index(positions)
    for a in rec.accomplishments:
        where = _match_position(a, positions, index)
        if where is None and not a.position:
            where = _covering(a, positions)
        if where is not None:
            held.add(where)
    for i, p in enumerate(positions):
        if i not in held:
            check.findings.append(
                Finding("position", p.id, p.start, one_line(p.title), one_line(p.organization))
            )
    return check


def _unused_feedback(rec, reports, quoted: frozenset[int] = frozenset()) -> Check:
    check = Check(
        "unused-feedback",
        "Feedback not yet used",
        "No saved gap report cites it and no interview brief quotes it: log the accomplishment it praises.",
    )
    cited = {
        ev.id
        for report in reports
        for req in report.requirements
        for ev in req.evidence
        if ev.kind == "feedback"
    }
    for f in rec.feedback:
        if f.id not in cited and f.id not in quoted:
            who = {"other": "someone else"}.get(f.relationship, "a " + f.relationship.replace("-", " "))
            check.findings.append(Finding("feedback", f.id, f.date, one_line(f.text), f"from {who}"))
    return check
