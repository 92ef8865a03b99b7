"""The development plan: the gaps that matter most (from what saved postings share and from
low self-assessment ratings), the goals already set for each, and numbered suggestions to
close them: stretch assignments, learning, credentials, and people in the network to ask.
Pure: reports, ratings, people and goals in; a plan out. Numbers are stable for the same
data, so `plan take N` creates the goal that `plan` showed as N."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
    done_by: str | None = None  # the record entry that already does it ("learning 3: ...")
    step_up: bool = False  # offered because an easier way is already done

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "done_by": self.done_by,
            "step_up": self.step_up,
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
    type: str | None = None  # the requirement type (credential, skill, ...)
    evidence: list[str] = field(default_factory=list)  # record entries on it, when judged a gap
    matched: list[dict[str, Any]] = field(default_factory=list)  # hand-made goals that seem to answer it

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "type": self.type,
            "evidence": self.evidence,
            "matched_goals": self.matched,
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
                if s.number == number and number > 0:
                    return gap, s
        return None

    def as_dict(self) -> dict[str, Any]:
        return {"postings": self.postings, "gaps": [g.as_dict() for g in self.gaps], "goals": self.goals}


ROLE_WORDS = {"ap": "assistant principal", "asst": "assistant", "vp": "vice principal", "dean": "dean"}


def _words(text: str) -> set[str]:
    low = (text or "").lower().replace(".", " ")
    low = " ".join(ROLE_WORDS.get(w, w) for w in re.findall(r"[a-z0-9]+", low))
    return {w for w in low.split() if len(w) > 2}


# Words that say nothing about what a suggestion or a goal is about.
PLAN_GENERIC = frozenset(
    """
take complete lead leading led run running serve ask asked join earn pass plan planning
course courses training train trained program programme programs year years term school
schools campus team teams staff teacher teachers student students your their with from
for and the into onto full one two three state district level new own work working
experience skills skill alongside through across each every other
""".split()
)


def key_words(text: str) -> set[str]:
    """Content words of a suggestion, goal or record entry, lightly stemmed."""
    from careerkit.insight.wording import STOPWORDS, stem

    out = set()
    for w in re.findall(r"[a-z0-9]+", (text or "").lower()):
        if len(w) < 3 and not w.isdigit() or w in STOPWORDS or w in PLAN_GENERIC:
            continue
        w = stem(w)
        if w in PLAN_GENERIC:
            continue
        for suffix in ("ation", "ing", "ed", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w[:-1] if w.endswith("e") and len(w) > 4 else w)
    return out


def covers(wanted: set[str], have: set[str]) -> bool:
    """Most of what a suggestion names is in an entry: half its words, at least two."""
    if not wanted:
        return False
    hit = len(wanted & have)
    return hit >= 2 and hit >= 0.5 * len(wanted)


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
    record: dict[str, list[dict[str, Any]]] | None = None,
) -> Plan:
    """common: a CommonReport (or None without saved postings); low: (standard, latest rating)
    pairs, lowest first; book: the Suggestions; contacts: network rows; targets: the
    profile's target roles; goals: goal rows; goal_gaps: goal id -> the gap it was made for;
    links: goal id -> linked accomplishments; record: the entries a suggestion may already be
    done by ("learning", "accomplishments", "positions": rows with id, title, skills, and
    "touches": network touches with contact_id, kind, date)."""
    record = record or {}
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
            type=top.type,
        )
        gap.suggestions = [Suggestion(0, w.kind, w.title, w.how, list(w.skills)) for w in top.ways]
        if top.latest == "gap":
            gap.evidence = _evidence(top.label, record)
            if gap.evidence:
                gap.why = gap.why.replace(
                    "no evidence in your record",
                    "judged a gap in the latest posting, though your record has " + gap.evidence[0],
                )
        gaps.append(gap)
        # A rating joins a posting gap on the same standard only when the gap is about it
        # (a certificate or a degree is not a standard one rates oneself on).
        if top.type not in ("credential", "education"):
            for c in top.competencies[:1]:
                by_competency.setdefault(c, gap)
    for standard, rating in low:
        rated = {
            "standard": standard.id,
            "rating": rating["rating"],
            "date": rating["date"],
            "note": rating.get("note"),
        }
        if standard.id in by_competency and _about(standard, by_competency[standard.id]):
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
        _check_done(gap, record)
        gap.suggestions += _people(gap, contacts, targets, record.get("touches", []))
    if gaps:
        gaps[0].suggestions += _missing_people(contacts, targets)
    _attach_goals(gaps, goals, goal_gaps, links)
    number = 0
    for gap in gaps:
        # What is already done comes last and takes no number: there is nothing to take.
        gap.suggestions.sort(key=lambda x: x.done_by is not None)
        for s in gap.suggestions:
            if s.done_by is None:
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


def _people(
    gap: PlanGap, contacts: list[dict[str, Any]], targets: list[str], touches: Sequence[dict[str, Any]] = ()
) -> list[Suggestion]:
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
        talked = [
            t
            for t in touches
            if t.get("contact_id") == m["id"] and t.get("kind") == "informational-interview"
        ]
        if talked:
            # Done already: the next step up is to see it done, then to do it with them.
            last = max(talked, key=lambda t: t.get("date") or "")
            out.append(
                Suggestion(
                    0,
                    "network",
                    f"Ask {m['name']} to let you shadow them on {topic}",
                    f"You had an informational interview with {m['name']} on {last.get('date')}; "
                    "the next step is to see it done and try a piece of it with their feedback",
                    [],
                    contact_id=m["id"],
                    step_up=True,
                )
            )
            mentors = []
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
                if made_for.lower() not in (gap.key.lower(), gap.label.lower()):
                    continue
            elif suggestion is None and not _names(g, gap.label):
                if g["status"] in ("planned", "active") and answers(g, gap):
                    gap.matched.append(
                        {"id": g["id"], "title": g["title"], "status": g["status"], "kind": g.get("kind")}
                    )
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
                    "kind": g.get("kind"),
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


def _entries(record: dict[str, list[dict[str, Any]]], kind: str) -> list[tuple[str, dict[str, Any]]]:
    """(what it is, row) for the record entries that can show a suggestion of this kind done:
    learning by a course or by having led it; a stretch by an accomplishment or a position."""
    kinds = {
        "learning": ("learning", "accomplishments"),
        "stretch-assignment": ("accomplishments", "positions"),
        "credential": ("credentials",),
    }.get(kind, ())
    out = []
    for section in kinds:
        for row in record.get(section, []):
            if section in ("learning", "credentials") and row.get("status") not in (None, "done", "earned"):
                continue
            out.append((section, row))
    return out


NAMES = {
    "learning": "learning",
    "accomplishments": "accomplishment",
    "positions": "position",
    "credentials": "credential",
}


def _entry_words(row: dict[str, Any]) -> set[str]:
    return key_words(" ".join([row.get("title") or row.get("name") or "", *(row.get("skills") or [])]))


def _describe(section: str, row: dict[str, Any]) -> str:
    return f"{NAMES[section]} {row['id']}: {row.get('title') or row.get('name')}"


def _check_done(gap: PlanGap, record: dict[str, list[dict[str, Any]]]) -> None:
    """Mark the suggestions the record already shows done, and offer the next step up."""
    done_kinds = set()
    for s in gap.suggestions:
        s.done_by = done_by(s.kind, s.title, s.skills, record)
        if s.done_by:
            done_kinds.add(s.kind)
    topic = _topic(gap.label)
    open_kinds = {s.kind for s in gap.suggestions if s.done_by is None}
    if "stretch-assignment" in done_kinds and "stretch-assignment" not in open_kinds:
        gap.suggestions.append(
            Suggestion(
                0,
                "stretch-assignment",
                f"Take {topic} a step up: own it for the whole school, as an administrator would",
                "You have done it at a smaller scope; ask to lead it school-wide (or for the "
                "district) and log the result",
                [topic],
                step_up=True,
            )
        )
    elif "learning" in done_kinds and "stretch-assignment" not in open_kinds:
        gap.suggestions.append(
            Suggestion(
                0,
                "stretch-assignment",
                f"Put it into practice: lead {topic} for your school this year",
                "You have the learning; a result you led, with a number, is what postings count as met",
                [topic],
                step_up=True,
            )
        )


def done_by(kind: str, title: str, skills: list[str], record: dict[str, list[dict[str, Any]]]) -> str | None:
    """The record entry that already does this way ('learning 3: Special Education Law for
    Campus Leaders'), or None."""
    wanted = key_words(" ".join([title, *skills]))
    title_words = key_words(title)
    for section, row in _entries(record, kind):
        have = _entry_words(row)
        if covers(title_words, have) or covers(wanted, have):
            return _describe(section, row)
    return None


def evidence_for(label: str, record: dict[str, list[dict[str, Any]]]) -> list[str]:
    return _evidence(label, record)


def _evidence(label: str, record: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Entries that plainly name the gap ('Budget': 'Managed the $45,000 Title I budget')."""
    wanted = key_words(label)
    if not wanted:
        return []
    out = []
    for section in ("accomplishments", "positions", "learning"):
        for row in record.get(section, []):
            if wanted <= _entry_words(row):
                out.append(_describe(section, row))
    return out


def _about(standard, gap: PlanGap) -> bool:
    """Is the posting gap about this standard: do the standard's words meet the gap's?"""
    theirs = key_words(" ".join([standard.title, *standard.keywords]))
    return bool(theirs & key_words(f"{gap.label} {gap.text}"))


def answers(goal: dict[str, Any], gap: PlanGap) -> bool:
    """A goal set by hand answers a gap when it names what the gap is about: most of the
    gap's words in its title or skills ('Chair the campus safety committee': school safety),
    or, for a credential goal and a credential gap, one of them ('Pass the principal exam')."""
    have = key_words(" ".join([goal["title"], *(goal.get("skills") or [])]))
    label = key_words(gap.label)
    if not label:
        return False
    hit = len(label & have)
    if hit and hit >= 0.5 * len(label):
        return True
    return bool(hit) and goal.get("kind") == "credential" and gap.type == "credential"
