"""The interview-prep brief as data: a saved gap report and the record in, a `Brief` out.

Nothing is written here that the record, the report or the question bank does not hold;
the few fixed sentences (the checklist) are the same for everyone. Private entries are
dropped before anything else unless the caller asks for them, and feedback names only when
asked, so a rendered brief cannot leak what the model never held."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerkit.insight.themes import _rank, best_quotes, feedback_themes
from careerkit.insight.wording import GENERIC, content_stems
from careerkit.models.brief import (
    Brief,
    Competency,
    Counts,
    GapItem,
    Line,
    Point,
    Qualification,
    QuestionSet,
    Said,
    Story,
    StoryRef,
    UnderWay,
    Voice,
)
from careerkit.models.gap import Evidence, GapReport, RequirementResult
from careerkit.models.shape import Record
from careerkit.posting.text import STOP

QUESTIONS = Path(__file__).resolve().parent.parent / "frameworks" / "questions.yaml"
MAX_POINTS = 8  # requirements told as stories; the rest are listed in a line each
STORIES_PER_POINT = 2
SECOND_STORY = 0.75  # a second story only if it answers nearly as well as the first
QUESTIONS_PER_COMPETENCY = 4
MAX_VOICES = 5
QUOTES_PER_VOICE = 3
NEAREST = 2
SHORTLIST = 60  # entries compared word by word for a gap's nearest evidence
WEIGHT = {"required": 2, "preferred": 1}
QUALIFYING = ("education", "credential")


@dataclass(frozen=True)
class QuestionBank:
    general: tuple[str, ...] = ()
    competencies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    panel: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def load_bank(path: Path = QUESTIONS) -> QuestionBank:
    """The question bank shipped with careerkit (a data file the team writes)."""
    import yaml

    from careerkit.errors import InvalidInput

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as e:
        raise InvalidInput(f"cannot read the question bank {path}: {e}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: not a question bank")
    comp = {
        str(k).strip().lower(): tuple(str(q) for q in (v or []))
        for k, v in (data.get("by_competency") or {}).items()
    }
    return QuestionBank(
        general=tuple(data.get("general") or ()), competencies=comp, panel=tuple(data.get("panel") or ())
    )


def build_brief(
    report: GapReport,
    record: Record,
    bank: QuestionBank,
    *,
    names: Mapping[str, str] | None = None,
    competencies_of: Callable[[str], Iterable[str]] | None = None,
    framework_of: Mapping[str, str] | None = None,
    include_private: bool = False,
    show_names: bool = False,
) -> Brief:
    """The brief for one saved report. `names` maps competency ids to their titles;
    `competencies_of` maps a text to competency ids (for feedback themes);
    `framework_of` maps a competency id to its framework, so that the brief speaks in the
    one framework the posting leans on (no England headteacher standards for a US post)."""
    names = names or {}
    if not include_private:
        record = record.public()
    index = _Index(record, show_names)
    reqs = _ordered(report.requirements)
    counts = _counts(report.requirements)
    asked = _asked(report.requirements)
    if framework_of:
        asked = _one_framework(asked, report.requirements, framework_of)
        keep = set(asked)
        reqs = [r.model_copy(update={"competencies": [c for c in r.competencies if c in keep]}) for r in reqs]
    comp = lambda cid: Competency(id=cid, name=names.get(cid, cid))  # noqa: E731

    qualifications: list[Qualification] = []
    points: list[Point] = []
    also_met: list[Qualification] = []
    gaps: list[GapItem] = []
    told: dict[int, int] = {}
    home = _homes(reqs, index)
    for r in reqs:
        lines = [line for ev in r.evidence if (line := index.line(ev)) is not None]
        if len(lines) < len(r.evidence):
            # The analysis saw entries this brief may not show (private, or since deleted):
            # its one-line reason may quote them, so it is left out.
            r = r.model_copy(update={"why": ""})
        if r.type in QUALIFYING:
            qualifications.append(
                Qualification(text=r.text, must=r.must, verdict=r.verdict, evidence=lines[:2])
            )
        elif r.verdict != "gap":
            # Evidence that is all private (or since deleted) leaves a line and no story.
            if lines and len(points) < MAX_POINTS:
                points.append(_point(len(points) + 1, r, index, told, home, comp))
            elif r.verdict == "met":  # a partial one beyond the stories is a gap below
                also_met.append(
                    Qualification(text=r.text, must=r.must, verdict=r.verdict, evidence=lines[:1])
                )
        if r.verdict in ("gap", "partial"):
            nearest = lines[:NEAREST] or index.nearest(r.text)
            gaps.append(
                GapItem(
                    text=r.text,
                    must=r.must,
                    type=r.type,
                    verdict=r.verdict,
                    why=r.why,
                    nearest=nearest,
                    under_way=_besides(index.under_way(r.text), nearest),
                )
            )
    for p in points:
        if p.verdict == "partial":
            p.under_way = _besides(index.under_way(p.text), p.other)

    questions = _question_sets(asked, bank, points, comp)
    voices, feedback_count = _voices(record, asked, names, competencies_of, show_names)
    brief = Brief(
        report_id=report.id,
        candidate=record.profile.name if record.profile else None,
        title=report.posting.title,
        organization=report.posting.organization,
        source=report.posting.source,
        score=report.score,
        counts=counts,
        weighs_most=[comp(c) for c in asked[:3]],
        qualifications=qualifications,
        points=points,
        also_met=also_met,
        general_questions=list(bank.general),
        questions=questions,
        voices=voices,
        feedback_count=feedback_count,
        gaps=gaps,
        panel_questions=list(bank.panel),
        names=show_names,
        include_private=include_private,
    )
    brief.checklist = checklist(brief)
    return brief


def _besides(under_way: list[UnderWay], shown: list[Line]) -> list[UnderWay]:
    """What is under way, less the entries already shown as evidence."""
    seen = {(line.kind, line.id) for line in shown}
    return [u for u in under_way if (u.kind, u.id) not in seen]


# -- the posting ------------------------------------------------------------------------------


def _ordered(reqs: list[RequirementResult]) -> list[RequirementResult]:
    """Required before preferred; within each, the posting's own order."""
    return sorted(reqs, key=lambda r: -WEIGHT.get(r.must, 1))


def _counts(reqs: list[RequirementResult]) -> Counts:
    c: Counter[str] = Counter()
    for r in reqs:
        c[r.must] += 1
        c[r.verdict] += 1
    return Counts(
        requirements=len(reqs),
        required=c["required"],
        preferred=c["preferred"],
        met=c["met"],
        partial=c["partial"],
        gap=c["gap"],
    )


def _asked(reqs: list[RequirementResult]) -> list[str]:
    """The competencies the posting asks for, the most weighty first."""
    weight: Counter = Counter()
    first: dict[str, int] = {}
    for i, r in enumerate(reqs):
        for cid in r.competencies:
            weight[cid] += WEIGHT.get(r.must, 1)
            first.setdefault(cid, i)
    return sorted(weight, key=lambda c: (-weight[c], first[c]))


def _one_framework(
    asked: list[str], reqs: list[RequirementResult], framework_of: Mapping[str, str]
) -> list[str]:
    """The asked competencies of the framework the posting weighs most."""
    weight: Counter = Counter()
    for r in reqs:
        for cid in r.competencies:
            weight[framework_of.get(cid)] += WEIGHT.get(r.must, 1)
    if not weight:
        return asked
    main = max(weight, key=lambda f: (weight[f], f is not None))
    return [c for c in asked if framework_of.get(c) == main]


# -- the record, indexed once ---------------------------------------------------------------


class _Index:
    """The record's entries by kind and id, and their words for the nearest-entry search."""

    def __init__(self, record: Record, show_names: bool):
        self.record = record
        self.show_names = show_names
        self.by_kind: dict[str, dict[int, Any]] = {
            "accomplishment": {a.id: a for a in record.accomplishments},
            "learning": {x.id: x for x in record.learning},
            "credential": {x.id: x for x in record.credentials},
            "position": {x.id: x for x in record.positions},
            "feedback": {x.id: x for x in record.feedback},
            "goal": {x.id: x for x in record.goals},
        }
        self._text: list[tuple[str, str, str, int]] | None = None
        self._under: list[tuple[frozenset[str], int, UnderWay]] | None = None
        self._big: tuple[str, list[int]] | None = None

    def get(self, kind: str, entry_id: int):
        return self.by_kind.get(kind, {}).get(entry_id)

    def line(self, ev: Evidence) -> Line | None:
        """The evidence as the record holds it now; None when the entry is gone or private."""
        entry = self.get(ev.kind, ev.id)
        if entry is None:
            return None
        return self.line_of(ev.kind, entry)

    def line_of(self, kind: str, e) -> Line:
        if kind == "feedback":
            return Line(
                kind=kind,
                id=e.id,
                text=e.text,
                relationship=e.relationship,
                from_name=e.from_name if self.show_names else None,
            )
        return Line(kind=kind, id=e.id, text=_describe(kind, e), status=getattr(e, "status", None))

    def story(self, entry_id: int) -> Story | None:
        a = self.get("accomplishment", entry_id)
        if a is None:
            return None
        star = (a.situation, a.task, a.action, a.result)
        return Story(
            id=a.id,
            title=a.title,
            date=a.date,
            position=a.position,
            situation=a.situation,
            task=a.task,
            action=a.action,
            result=a.result,
            impact=a.impact,
            details=None if any(star) else a.details,
            artifacts=list(a.evidence),
        )

    def nearest(self, text: str) -> list[Line]:
        """For a gap: the entries that share the most meaningful words with it."""
        want = _terms(text)
        if not want:
            return []
        enough = min(2, len(want))
        # A cheap look for the words' beginnings first ("famil" finds "families"); the
        # few entries that pass are then compared word by word.
        import bisect
        import re

        heads = sorted({w[: max(4, len(w) - 2)] for w in want}, key=len, reverse=True)
        big, starts = self._all_text()
        found: dict[int, set[str]] = {}
        for m in re.finditer("|".join(map(re.escape, heads)), big):
            found.setdefault(bisect.bisect_right(starts, m.start()) - 1, set()).add(m.group())
        rough = sorted((-len(hs), n) for n, hs in found.items() if len(hs) >= enough)
        scored = []
        texts = self._texts()
        for _, n in rough[:SHORTLIST]:
            _, words_of, kind, entry_id = texts[n]
            shared = len(want & _terms(words_of))
            if shared >= enough:
                scored.append((-shared, _KIND_RANK[kind], entry_id, kind))
        scored.sort()
        return [self.line_of(kind, self.get(kind, i)) for _, _, i, kind in scored[:NEAREST]]

    def under_way(self, text: str) -> list[UnderWay]:
        """Goals, learning and credentials in progress or planned that touch the requirement."""
        want = _terms(text)
        enough = min(2, len(want))
        found = [
            (-n, rank, u) for terms, rank, u in self._pending() if (n := len(want & terms)) >= enough and n
        ]
        found.sort(key=lambda t: (t[0], t[1]))
        seen: set[str] = set()
        out: list[UnderWay] = []
        for _, _, u in found:
            if u.text.lower() not in seen and len(out) < 3:  # the same goal twice adds nothing
                seen.add(u.text.lower())
                out.append(u)
        return out

    def _pending(self) -> list[tuple[frozenset[str], int, UnderWay]]:
        """What is in progress or planned, with its words: computed once."""
        if self._under is None:
            r, out = self.record, []
            for g in r.goals:
                if g.status in ("active", "planned"):
                    out.append(
                        (
                            _terms(" ".join([g.title, *g.skills])),
                            0,
                            UnderWay(kind="goal", id=g.id, text=g.title, status=g.status, due=g.due),
                        )
                    )
            for x in r.learning:
                if x.status in ("in-progress", "planned"):
                    out.append(
                        (
                            _terms(" ".join([x.title, *x.skills])),
                            1,
                            UnderWay(
                                kind="learning", id=x.id, text=_describe("learning", x), status=x.status
                            ),
                        )
                    )
            for c in r.credentials:
                if c.status in ("in-progress", "planned"):
                    out.append(
                        (
                            _terms(" ".join(filter(None, [c.name, c.field]))),
                            2,
                            UnderWay(kind="credential", id=c.id, text=c.name, status=c.status, due=c.date),
                        )
                    )
            self._under = out
        return self._under

    def _all_text(self) -> tuple[str, list[int]]:
        """Every entry's lower-cased text in one string, and where each begins: one regular
        expression search over it is far quicker than one per entry."""
        if self._big is None:
            rows = self._texts()
            starts, at = [], 0
            for lowered, _, _, _ in rows:
                starts.append(at)
                at += len(lowered) + 1
            self._big = ("\n".join(r[0] for r in rows), starts)
        return self._big

    def _texts(self) -> list[tuple[str, str, str, int]]:
        """(lower-cased text, text, kind, id) of the entries a gap's nearest evidence may be."""
        if self._text is None:
            r, rows = self.record, []
            for kind, entries, fields in (
                ("accomplishment", r.accomplishments, lambda a: [a.title, a.impact, a.details, *a.skills]),
                ("learning", r.learning, lambda x: [x.title, *x.skills]),
                ("credential", r.credentials, lambda c: [c.name, c.field]),
                ("position", r.positions, lambda p: [p.title, p.summary]),
            ):
                for e in entries:
                    text = " ".join(filter(None, fields(e)))
                    rows.append((text.lower(), text, kind, e.id))
            self._text = rows
        return self._text


# Words every entry of an educator's record may hold: sharing them says nothing.
_IGNORED = STOP | GENERIC | frozenset({"district", "lead", "leading", "led", "support", "supported"})


def _terms(text: str) -> frozenset[str]:
    """The meaningful words of a text, lightly stemmed: "leadership" must not meet "lead",
    and the words postings ask with ("experience", "degree") count for nothing."""
    return frozenset(content_stems(text, _IGNORED))


_KIND_RANK = {"accomplishment": 0, "position": 1, "credential": 2, "learning": 3}


def _describe(kind: str, e) -> str:
    """One entry in one line, from its own fields only."""
    if kind == "position":
        span = f"{e.start[:4]}–{e.end[:4] if e.end else 'present'}"
        return ", ".join(filter(None, [e.title, e.organization, span]))
    if kind == "credential":
        status = {"in-progress": "in progress", "planned": "planned"}.get(e.status)
        parts = [e.name, e.issuer, e.date[:4] if e.date and not status else None]
        text = ", ".join(filter(None, parts))
        return f"{text} ({status})" if status else text
    if kind == "learning":
        status = {"in-progress": "in progress", "planned": "planned"}.get(e.status)
        text = ", ".join(filter(None, [e.title, e.provider]))
        return f"{text} ({status})" if status else text
    if kind == "accomplishment":
        return f"{e.title}: {e.impact}" if e.impact else e.title
    if kind == "goal":
        return e.title
    return getattr(e, "text", "")


# -- a main requirement ---------------------------------------------------------------------


def _homes(reqs: list[RequirementResult], index: _Index) -> dict[int, str]:
    """For each accomplishment, the requirement it answers best (by the report's evidence
    score; the earlier requirement on a tie): the story is told in full there."""
    best: dict[int, tuple[float, str]] = {}
    for r in reqs:
        if r.type in QUALIFYING or r.verdict == "gap":
            continue
        for ev in r.evidence:
            if (
                ev.kind == "accomplishment"
                and index.get("accomplishment", ev.id) is not None
                and (ev.id not in best or ev.score > best[ev.id][0])
            ):
                best[ev.id] = (ev.score, r.text)
    return {i: text for i, (_, text) in best.items()}


def _point(
    number: int, r: RequirementResult, index: _Index, told: dict[int, int], home: dict[int, str], comp
) -> Point:
    stories: list[Story] = []
    repeats: list[StoryRef] = []
    other: list[Line] = []
    artifacts: list[str] = []
    first = None
    for ev in r.evidence:
        if ev.kind == "accomplishment":
            if len(stories) + len(repeats) >= STORIES_PER_POINT:
                continue
            if first is not None and ev.score < SECOND_STORY * first:
                continue  # a much weaker second story dilutes the first
            story = index.story(ev.id)
            if story is None:
                continue
            first = ev.score if first is None else first
            if story.id in told:
                repeats.append(StoryRef(id=story.id, title=story.title, point=told[story.id]))
            elif home.get(story.id, r.text) == r.text or not stories:
                told[story.id] = number
                stories.append(story)
                artifacts += story.artifacts
            # else: told in full under the requirement it answers best
        elif (line := index.line(ev)) is not None and len(other) < 3:
            other.append(line)
    return Point(
        number=number,
        text=r.text,
        must=r.must,
        type=r.type,
        verdict=r.verdict,
        why=r.why,
        competencies=[comp(c) for c in r.competencies],
        stories=stories,
        repeats=repeats,
        other=other,
        artifacts=list(dict.fromkeys(artifacts)),
    )


# -- questions --------------------------------------------------------------------------------


def _question_sets(asked: list[str], bank: QuestionBank, points: list[Point], comp) -> list[QuestionSet]:
    out = []
    # Fewer per competency when the posting asks many, so the section stays printable.
    per = QUESTIONS_PER_COMPETENCY if len(asked) <= 5 else QUESTIONS_PER_COMPETENCY - 1
    for cid in asked:
        questions = bank.competencies.get(cid)
        if not questions:
            continue
        titles = []
        for p in points:
            if any(c.id == cid for c in p.competencies):
                titles += [s.title for s in p.stories] + [s.title for s in p.repeats]
        out.append(
            QuestionSet(
                competency=comp(cid), questions=list(questions[:per]), stories=list(dict.fromkeys(titles))[:3]
            )
        )
    return out


# -- what others have said ------------------------------------------------------------------


def _voices(
    record: Record, asked: list[str], names: Mapping[str, str], competencies_of, show_names: bool
) -> tuple[list[Voice], int]:
    themes = feedback_themes(record, competencies_of=competencies_of, names=names, quotes=QUOTES_PER_VOICE)
    rank = {cid: i for i, cid in enumerate(asked)}
    # The competencies the posting asks, in its order of weight, then wording that recurs.
    chosen = sorted((t for t in themes.competencies if t.key in rank), key=lambda t: rank[t.key])
    chosen += themes.wording
    voices = [
        Voice(
            label=t.label,
            kind=t.kind,
            count=t.count,
            relationships=dict(t.relationships),
            quotes=[_said(q, show_names) for q in t.quotes],
        )
        for t in chosen[:MAX_VOICES]
    ]
    if not voices and record.feedback:
        quotes = best_quotes(record.feedback, None, QUOTES_PER_VOICE)
        rel = Counter(f.relationship for f in record.feedback)
        order = sorted(rel, key=lambda r: (-rel[r], _rank(r)))
        voices = [
            Voice(
                label=None,
                kind="quotes",
                count=len(record.feedback),
                relationships={r: rel[r] for r in order},
                quotes=[_said(q, show_names) for q in quotes],
            )
        ]
    return voices, themes.feedback


def _said(q, show_names: bool) -> Said:
    return Said(
        text=q.text,
        relationship=q.relationship,
        context=q.context,
        date=q.date,
        from_name=q.from_name if show_names else None,
    )


# -- the checklist ----------------------------------------------------------------------------


def checklist(brief: Brief) -> list[str]:
    """Fixed steps, with the record's own artifacts and credentials named."""
    items = ["Re-read the posting and this brief the day before."]
    told = [s for p in brief.points for s in p.stories]
    if told:
        which = "the story" if len(told) == 1 else f"each of the {len(told)} stories"
        items.append(
            f"Tell {which} aloud once: situation, task, action, result, in about "
            "two minutes, ending on the number."
        )
    for artifact in dict.fromkeys(a for p in brief.points for a in p.artifacts):
        items.append(f"Bring: {artifact}")
    for q in brief.qualifications:
        for line in q.evidence:
            if line.kind == "credential" and line.status in (None, "earned"):
                items.append(f"Bring a copy of: {line.text}")
    if brief.gaps:
        which = "the gap" if len(brief.gaps) == 1 else f"each of the {len(brief.gaps)} gaps"
        items.append(f"Prepare an honest answer for {which}: the nearest evidence, then what is under way.")
    items.append("Choose two or three questions to ask the panel.")
    if brief.report_id is not None:
        items.append(
            f"Print the resume for this posting: careerkit resume --for {brief.report_id} --format pdf"
        )
    items.append("Send a thank-you note within a day of the interview.")
    return list(dict.fromkeys(items))
