"""The interview-prep brief as data: a saved gap report and the record in, a `Brief` out.

Nothing is written here that the record, the report, the posting's text or the banks
(frameworks/questions.yaml, frameworks/scenarios.yaml, suggestions) do not hold; the fixed
sentences (the scripts' openings, the plan skeleton, the checklist) are the same for
everyone, filled only with those facts. Private entries are
dropped before anything else unless the caller asks for them, and feedback names only when
asked, so a rendered brief cannot leak what the model never held."""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerkit.insight.themes import _current_since, _rank, best_quotes, feedback_themes
from careerkit.insight.wording import GENERIC, content_stems, names_growth, sentences
from careerkit.models.brief import (
    Brief,
    Competency,
    Counts,
    GapItem,
    Hard,
    Line,
    Phase,
    Point,
    PostingLines,
    Qualification,
    QuestionSet,
    Said,
    Story,
    StoryRef,
    UnderWay,
    Voice,
    WhyHere,
)
from careerkit.models.gap import Evidence, GapReport, RequirementResult
from careerkit.models.shape import Record
from careerkit.posting.text import STOP

QUESTIONS = Path(__file__).resolve().parent.parent / "frameworks" / "questions.yaml"
SCENARIOS = Path(__file__).resolve().parent.parent / "frameworks" / "scenarios.yaml"
MAX_POINTS = 8  # requirements told as stories; the rest are listed in a line each
QUESTIONS_PER_COMPETENCY = 4
MAX_COMPETENCY_SETS = 4  # the competencies the posting weighs most; the rest would bury them
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


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    match: tuple[str, ...]
    scenarios: tuple[str, ...]


@dataclass(frozen=True)
class ScenarioBank:
    """frameworks/scenarios.yaml: scenario questions by role, named systems, "why here"."""

    roles: tuple[Role, ...] = ()
    systems: tuple[tuple[tuple[str, ...], str], ...] = ()
    why_here: tuple[tuple[str, str], ...] = ()
    common: tuple[tuple[str, frozenset[str]], ...] = ()

    def role_for(self, title: str) -> Role | None:
        low = " ".join(title.lower().split())
        for role in self.roles:
            if any(re.search(rf"(?<![a-z]){re.escape(m)}(?![a-z])", low) for m in role.match):
                return role
        return next((r for r in self.roles if not r.match), None)


@lru_cache(maxsize=4)
def load_scenarios(path: Path = SCENARIOS, folder: Path | None = None) -> ScenarioBank:
    """The shipped scenario bank, and the user's scenarios*.yaml files before it."""
    from careerkit.errors import InvalidInput

    paths = []
    if folder is not None and Path(folder).is_dir():
        paths += sorted(
            p
            for p in Path(folder).iterdir()
            if p.name.lower().startswith("scenarios") and p.suffix in (".yaml", ".yml")
        )
    paths.append(path)
    roles: list[Role] = []
    systems: list[tuple[tuple[str, ...], str]] = []
    why: list[tuple[str, str]] = []
    common: list[tuple[str, frozenset[str]]] = []
    for p in paths:
        data = _yaml(p)
        try:
            for r in data.get("roles") or []:
                roles.append(
                    Role(
                        id=str(r["id"]),
                        label=str(r.get("label") or r["id"]),
                        match=tuple(str(m).lower() for m in r.get("match") or ()),
                        scenarios=tuple(str(q) for q in r.get("scenarios") or ()),
                    )
                )
            for x in data.get("systems") or []:
                systems.append((tuple(str(m) for m in x["match"]), str(x["question"])))
            for x in data.get("why_here") or []:
                why.append((str(x["prompt"]), str(x.get("research") or "")))
            for x in data.get("common") or []:
                common.append(
                    (str(x["question"]), frozenset(content_stems(" ".join(map(str, x.get("words") or ())))))
                )
        except (KeyError, TypeError, AttributeError) as e:
            raise InvalidInput(f"{p}: not a scenario bank ({e})") from None
    return ScenarioBank(tuple(roles), tuple(systems), tuple(why), tuple(common))


def _yaml(path: Path) -> dict:
    import yaml

    from careerkit.errors import InvalidInput

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as e:
        raise InvalidInput(f"cannot read {path}: {e}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: not a YAML mapping")
    return data


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
    posting_text: str = "",
    scenarios: ScenarioBank | None = None,
    suggest: Callable[[RequirementResult], list[str]] | None = None,
    title: str | None = None,
    employer: str | None = None,
    today: _dt.date | None = None,
) -> Brief:
    """The brief for one saved report. `names` maps competency ids to their titles;
    `competencies_of` maps a text to competency ids (for feedback themes);
    `framework_of` maps a competency id to its framework, so that the brief speaks in the
    one framework the posting leans on (no England headteacher standards for a US post).
    `posting_text` is the posting as saved (its place, reporting line and named systems);
    `suggest` gives ways to close a gap that has nothing under way; `title` and `employer`
    stand in for what the posting does not say."""
    names = names or {}
    today = today or _dt.date.today()
    scenarios = scenarios or ScenarioBank()
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

    from careerkit.documents.posting import facts, from_file_name

    pf = facts(
        title or report.posting.title,
        employer or report.posting.organization,
        report.posting.source,
        posting_text,
        report_id=report.id,
    )
    role = scenarios.role_for(pf.title if pf.title_known else posting_text[:200])
    hard: list[Hard] = []
    qualifications: list[Qualification] = []
    points: list[Point] = []
    also_met: list[Qualification] = []
    gaps: list[GapItem] = []
    chosen, best_story = _choose_stories(reqs, index)
    told: dict[int, int] = {}
    for r in reqs:
        lines = [line for ev in r.evidence if (line := index.line(ev)) is not None]
        r = r.model_copy(update={"why": plain_why(r.why) if len(lines) == len(r.evidence) else ""})
        if _is_hard(r):
            shown = [x.text for x in lines[:2]] if r.type in QUALIFYING else []
            hard.append(Hard(text=r.text, verdict=r.verdict, evidence=shown))
        if r.type in QUALIFYING:
            qualifications.append(
                Qualification(text=r.text, must=r.must, verdict=r.verdict, evidence=lines[:2])
            )
        elif r.verdict != "gap":
            story_id = chosen.get(r.text)
            if (story_id is not None or lines) and len(points) < MAX_POINTS and not _is_hard(r):
                points.append(_point(len(points) + 1, r, index, told, story_id, comp, scenarios, bank))
            elif r.verdict == "met" and not _is_hard(r):  # a partial one beyond the stories is a gap below
                also_met.append(
                    Qualification(text=r.text, must=r.must, verdict=r.verdict, evidence=lines[:1])
                )
        if r.verdict in ("gap", "partial"):
            story_line = None
            if not lines and (sid := chosen.get(r.text) or best_story.get(r.text)) is not None:
                story_line = index.line_of("accomplishment", index.get("accomplishment", sid))
            # Words in common alone are weak: three at least before an entry is "nearest".
            nearest = lines[:NEAREST] or ([story_line] if story_line else index.nearest(r.text, 3))
            under = _besides(index.under_way(r.text), nearest)
            item = GapItem(
                text=r.text,
                must=r.must,
                type=r.type,
                verdict=r.verdict,
                why=r.why,
                nearest=nearest,
                under_way=under,
            )
            if not under and suggest is not None:
                item.suggestions = suggest(r)[:2]
            item.script = gap_script(item, today, evidence=bool(lines) or story_line is not None)
            gaps.append(item)
    for p in points:
        if p.verdict == "partial":
            p.under_way = _besides(index.under_way(p.text), p.other)
        if not p.stories and not p.repeats and (sid := best_story.get(p.text)) in told:
            a = index.get("accomplishment", sid)
            p.repeats.append(StoryRef(id=sid, title=a.title, point=told[sid]))

    questions = _question_sets(asked, bank, points, comp)
    voices, feedback_count, growth = _voices(record, asked, names, competencies_of, show_names)
    brief = Brief(
        report_id=report.id,
        posting=PostingLines(
            title=pf.title,
            employer=pf.employer,
            location=pf.location,
            reports_to=pf.reports_to,
            title_known=pf.title_known,
            employer_known=pf.employer_known,
            role=role.label if role else "",
            hard=hard,
        ),
        candidate=record.profile.name if record.profile else None,
        title=pf.title if pf.title_known or from_file_name(report.posting.source) else None,
        organization=pf.employer or None,
        source=report.posting.source,
        score=report.score,
        counts=counts,
        weighs_most=[comp(c) for c in asked[:3]],
        qualifications=qualifications,
        points=points,
        also_met=also_met,
        general_questions=list(bank.general),
        questions=questions,
        posting_questions=_posting_questions(reqs, posting_text, scenarios),
        scenarios=list(role.scenarios) if role else [],
        why_here=[
            WhyHere(prompt=p.replace("{employer}", pf.employer or "this school"), research=r)
            for p, r in scenarios.why_here
        ],
        voices=voices,
        growth=growth,
        feedback_count=feedback_count,
        gaps=gaps,
        panel_questions=list(bank.panel),
        names=show_names,
        include_private=include_private,
    )
    brief.opening = opening(record, brief, today)
    brief.plan = plan_skeleton(reqs, pf.reports_to)
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
        self._words: dict[str, dict[str, list[int]]] | None = None
        self._memo: dict[tuple[str, str | None], list[tuple[int, int, int, str]]] = {}
        self._row_terms: dict[int, frozenset[str]] = {}

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

    def nearest(self, text: str, at_least: int = 1) -> list[Line]:
        """For a gap: the entries that share the most meaningful words with it (at least
        `at_least` of them)."""
        scored = [s for s in self._scored(text) if -s[0] >= at_least]
        return [self.line_of(kind, self.get(kind, i)) for _, _, i, kind in scored[:NEAREST]]

    def similar(self, text: str, kind: str, limit: int) -> list[tuple[int, int]]:
        """(shared words, id) of the entries of one kind closest to the text."""
        return [(-neg, i) for neg, _, i, k in self._scored(text) if k == kind][:limit]

    def _scored(self, text: str, only: str | None = None) -> list[tuple[int, int, int, str]]:
        """(-shared words, kind rank, id, kind) of the entries sharing at least two
        meaningful words with the text (one when it has one), best first; computed once per
        text and kind."""
        key = (text, only)
        if key not in self._memo:
            self._memo[key] = self._score(text, only)
        return self._memo[key]

    def _score(self, text: str, only: str | None) -> list[tuple[int, int, int, str]]:
        want = _terms(text)
        if not want:
            return []
        enough = min(2, len(want))
        # A cheap look for the words' beginnings first ("famil" finds "families") in an
        # index of every entry's words; the few entries that pass are compared word by word.
        heads = {w[: max(4, len(w) - 2)] for w in want}
        rows = self._texts()
        index = self._word_index()
        found: dict[int, set[str]] = {}
        for head in heads:
            for word, where in index.get(head[:4], {}).items():
                if word.startswith(head):
                    for n in where:
                        found.setdefault(n, set()).add(head)
        rough = sorted(
            (-len(hs), n)
            for n, hs in found.items()
            if len(hs) >= enough and (only is None or rows[n][2] == only)
        )
        scored = []
        for _, n in rough[:SHORTLIST]:
            _, words_of, kind, entry_id = rows[n]
            if n not in self._row_terms:
                self._row_terms[n] = _terms(words_of)
            shared = len(want & self._row_terms[n])
            if shared >= enough:
                scored.append((-shared, _KIND_RANK[kind], entry_id, kind))
        scored.sort()
        return scored

    def _word_index(self) -> dict[str, dict[str, list[int]]]:
        """Every entry's words by their first four letters: word -> the rows that hold it."""
        if self._words is None:
            index: dict[str, dict[str, list[int]]] = {}
            for n, (lowered, _, _, _) in enumerate(self._texts()):
                for word in set(_WORDS.findall(lowered)):
                    index.setdefault(word[:4], {}).setdefault(word, []).append(n)
            self._words = index
        return self._words

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

    def _texts(self) -> list[tuple[str, str, str, int]]:
        """(lower-cased text, text, kind, id) of the entries a gap's nearest evidence may be."""
        if self._text is None:
            r, rows = self.record, []
            for kind, entries, fields in (
                (
                    "accomplishment",
                    r.accomplishments,
                    lambda a: [a.title, a.impact, a.details, a.situation, a.action, a.result, *a.skills],
                ),
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


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_KIND_RANK = {"accomplishment": 0, "position": 1, "credential": 2, "learning": 3}


def _describe(kind: str, e) -> str:
    """One entry in one line, from its own fields only."""
    if kind == "position":
        from careerkit.render.fmt import date_range

        return ", ".join(filter(None, [e.title, e.organization, date_range(e.start, e.end)]))
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


_YEARS = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|ten)\b[^.]{0,20}\byears?\b", re.I)


def _is_hard(r: RequirementResult) -> bool:
    """A hard requirement: a required degree or credential, or a number of years."""
    if r.must != "required":
        return False
    return r.type in QUALIFYING or (r.type == "experience" and bool(_YEARS.search(r.text)))


# How the analysis names an entry ("accomplishment 22", "position 1 and learning 3") and the
# terms it matched on ("on 'mtss', 'data'"): a matcher's working, not a sentence for a panel.
_INTERNAL = re.compile(
    r"\b(?:accomplishment|position|learning|credential|feedback|goal)s?\s+\d+|'[^']*'(?:,\s*'[^']*')*|…|\.\.\.",
    re.IGNORECASE,
)


def plain_why(why: str) -> str:
    """The report's reason as a person would say it; the matcher's working left out."""
    text = " ".join((why or "").split())
    if not _INTERNAL.search(text):
        return text
    head = text.split(":", 1)[0].strip()
    if _INTERNAL.search(head) or head == text:
        head = re.split(r"\b(?:partly shown in|shown in|in)\b", head, maxsplit=1)[0].strip(" ,;(")
    if _INTERNAL.search(head) or len(head.split()) < 2:
        return ""
    return head


# -- choosing the stories -------------------------------------------------------------------

STORY_SHORTLIST = 40


def _choose_stories(reqs: list[RequirementResult], index: _Index) -> tuple[dict[str, int], dict[str, int]]:
    """One best story per requirement, from every accomplishment (with or without a number):
    the report's evidence counts most, then the words it shares with the requirement, then
    how fully it is told. Each story is told once, under the requirement it answers best
    (required ones before preferred). Returns (requirement -> story told there, requirement
    -> its best story even when told elsewhere)."""
    scored: dict[str, list[tuple[float, int]]] = {}
    told_here = [r for r in reqs if not (r.type in QUALIFYING or r.verdict == "gap" or _is_hard(r))]
    gaps = [r for r in reqs if r.verdict == "gap" and r.type not in QUALIFYING and not _is_hard(r)]
    for r in told_here[:MAX_POINTS] + gaps:
        cand: dict[int, float] = {}
        for ev in r.evidence:
            if ev.kind == "accomplishment" and index.get("accomplishment", ev.id) is not None:
                cand[ev.id] = cand.get(ev.id, 0.0) + 3.0 * ev.score
        want = _terms(r.text)
        for shared, entry_id in index.similar(r.text, "accomplishment", STORY_SHORTLIST):
            if want:
                cand[entry_id] = cand.get(entry_id, 0.0) + 2.0 * shared / len(want)
        out = []
        for entry_id, score in cand.items():
            a = index.get("accomplishment", entry_id)
            told = sum(bool(x) for x in (a.situation, a.task, a.action, a.result))
            out.append((score + 0.1 * told + (0.15 if a.impact else 0.0), entry_id))
        if r.must != "required":
            out = [(score * 0.8, i) for score, i in out]
        if r.verdict == "gap":
            out = [(score * 0.5, i) for score, i in out]  # told where it is evidence first
        out.sort(key=lambda t: (-t[0], -t[1]))
        scored[r.text] = out
    # Strongest matches are placed first, so that a story goes where it fits best.
    pairs = sorted(
        ((score, text, entry_id) for text, lst in scored.items() for score, entry_id in lst[:6]),
        key=lambda t: -t[0],
    )
    chosen: dict[str, int] = {}
    used: set[int] = set()
    for score, text, entry_id in pairs:
        if text in chosen or entry_id in used or score < 0.5:
            continue
        chosen[text] = entry_id
        used.add(entry_id)
    best = {text: lst[0][1] for text, lst in scored.items() if lst and lst[0][0] >= 0.5}
    return chosen, best


def _point(
    number: int,
    r: RequirementResult,
    index: _Index,
    told: dict[int, int],
    story_id: int | None,
    comp,
    scenarios: ScenarioBank,
    bank: QuestionBank,
) -> Point:
    stories: list[Story] = []
    repeats: list[StoryRef] = []
    other: list[Line] = []
    artifacts: list[str] = []
    if story_id is not None and (story := index.story(story_id)) is not None:
        if story.id in told:
            repeats.append(StoryRef(id=story.id, title=story.title, point=told[story.id]))
        else:
            told[story.id] = number
            candidates = [q for c in r.competencies for q in bank.competencies.get(c, ())[:4]]
            story.answers = answers(story, scenarios, candidates)
            story.short = thirty_seconds(story)
            stories.append(story)
            artifacts += story.artifacts
    for ev in r.evidence:
        if ev.kind == "accomplishment":
            continue
        line = index.line(ev)
        if line is None or (line.kind == "feedback" and names_growth(line.text)):
            continue  # a growth area is never shown as evidence of strength
        if len(other) < 2:
            other.append(line)
    return Point(
        number=number,
        text=r.text,
        must=r.must,
        type=r.type,
        verdict=r.verdict,
        why=r.why if r.verdict != "met" else "",
        competencies=[comp(c) for c in r.competencies],
        stories=stories,
        repeats=repeats,
        other=other,
        artifacts=list(dict.fromkeys(artifacts)),
    )


def answers(story: Story, scenarios: ScenarioBank, candidates: list[str]) -> str | None:
    """The common question the story answers best: the one sharing most words with it."""
    words = _terms(
        " ".join(filter(None, [story.title, story.situation, story.action, story.result, story.impact]))
    )
    best, best_n = None, 0
    for question, keys in scenarios.common:
        n = len(words & keys)
        if n > best_n:
            best, best_n = question, n
    for question in candidates:
        n = len(words & _terms(question))
        if n > best_n:
            best, best_n = question, n
    return best


def _first_sentence(text: str | None) -> str:
    parts = sentences(text or "")
    return parts[0].rstrip() if parts else ""


def _lower_first(text: str) -> str:
    """The first word in lower case unless it is a name ("English learners", "Summer Academy")."""
    from careerkit.documents.resume import _lower_first as lower

    return lower(text, names=False)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def thirty_seconds(story: Story) -> str:
    """The story in about thirty seconds: the situation, what I did, what changed. Only the
    record's own words, in the first person."""
    parts = []
    if story.situation:
        parts.append(_sentence(_first_sentence(story.situation)))
    did = _first_sentence(story.action) or _first_sentence(story.details)
    if did and _verb_first(did):
        parts.append(_sentence("I " + _lower_first(did)))
    elif did:
        parts.append(_sentence(did))
    result = story.impact or _first_sentence(story.result)
    from careerkit.documents.resume import _repeats

    if not did and result and _repeats(story.title, result, numbers=False):
        pass  # the result says what the title says, with its number: the result alone
    elif not did or not _verb_first(did):
        parts.insert(0, _sentence(_as_clause(story.title, opening=True)))
    if result:
        parts.append(_sentence(result[0].upper() + result[1:]))
    return " ".join(parts)


_VERBS = frozenset(
    """led ran built won grew wrote taught made set began took gave brought held chose drew became
    co-led spoke met cut sat kept found sent read rebuilt spent drove oversaw undertook wrote rewrote
    set-up overhauled""".split()
)


def _verb_first(text: str) -> bool:
    """Whether a text opens with what was done ("Piloted ...", "Led ..."), as titles do."""
    word = (text.split() or [""])[0].lower().strip(",.;:")
    return word.endswith("ed") or word in _VERBS


def _as_clause(title: str, *, opening: bool = False) -> str:
    """A title inside a sentence: 'when I piloted restorative circles', or 'my role as
    building representative for ...'; at a sentence's start, 'I piloted ...'."""
    t = title.strip().rstrip(".")
    if _verb_first(t):
        return ("I " if opening else "when I ") + _lower_first(t)
    return ("I served as " if opening else "my role as ") + _lower_first(t)


# -- honest answers ---------------------------------------------------------------------------


def _when(due: str | None) -> str:
    """'2026-03' -> 'March 2026'."""
    if not due:
        return ""
    bits = due.split("-")
    if len(bits) >= 2 and bits[1].isdigit() and 1 <= int(bits[1]) <= 12:
        return f"{_MONTH_NAMES[int(bits[1]) - 1]} {bits[0]}"
    return bits[0]


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def gap_script(g: GapItem, today: _dt.date, *, evidence: bool = True) -> str:
    """A short, honest answer: own the gap, name the nearest evidence, give the dated next
    step. Built from the record's own entries; nothing is claimed that it does not hold.
    `evidence` says whether the nearest entries are the report's own evidence (else they
    are only words in common, too weak to say aloud as "the closest")."""
    out = []
    shown = g.nearest if evidence else []
    ranked = sorted(shown, key=lambda x: {"credential": 0, "accomplishment": 1}.get(x.kind, 2))
    near = ranked[0] if ranked else None
    if near is not None and near.kind == "credential":
        held = near.status in (None, "earned")
        text = _strip_status(near.text)
        tail = g.why.split(": ", 1)[1] if held and g.verdict == "partial" and ": " in g.why else ""
        out.append(
            ("I hold " if held else "I am working towards ") + text + (f": {tail}" if tail else "") + "."
        )
    elif near is not None:
        opener = (
            "I have done this at a smaller scale"
            if g.verdict == "partial"
            else "I have not done this in a post yet"
        )
        out.append(f"{opener}; the closest is {_entry_phrase(near)}.")
    else:
        out.append("I have not done this yet.")
    if g.under_way:
        u = g.under_way[0]
        when = _when(u.due)
        if u.kind == "goal":
            verb = "I plan to" if u.status == "planned" else "My next step is to"
            out.append(f"{verb} {_lower_first(u.text)}" + (f", by {when}" if when else "") + ".")
        else:
            verb = {"credential": "I am completing", "learning": "I am taking"}.get(u.kind, "I am working on")
            if u.status == "planned":
                verb = "I am enrolled to start" if u.kind == "learning" else "I plan to complete"
            out.append(f"{verb} {_strip_status(u.text)}" + (f", expected in {when}" if when else "") + ".")
    return " ".join(out)


def _strip_status(text: str) -> str:
    return re.sub(r"\s*\((?:in progress|planned)\)$", "", text)


def _entry_phrase(line: Line) -> str:
    if line.kind == "accomplishment":
        return _as_clause(line.text.split(": ", 1)[0])
    if line.kind == "position":
        bits = line.text.split(", ")
        return "my work as " + (f"{bits[0]} at {bits[1]}" if len(bits) >= 2 else line.text)
    return _lower_first(line.text)


# -- the opening and the first ninety days -----------------------------------------------------


def opening(record: Record, brief: Brief, today: _dt.date) -> list[str]:
    """'Tell me about yourself', drafted from the profile, the positions and the three
    strongest stories. Plain sentences from the record; the person rewrites it in their voice."""
    positions = sorted(record.positions, key=lambda p: p.start or "", reverse=True)
    paras = []
    first = []
    if positions:
        now = positions[0]
        verb = "I am" if not now.end else "Most recently I was"
        first.append(f"{verb} {_article_for(now.title)} {now.title} at {now.organization}.")
        before = [p for p in positions[1:3]]
        if before:
            first.append(
                "Before that I was "
                + _join([f"{_article_for(p.title)} {p.title} at {p.organization}" for p in before])
                + "."
            )
        start = min((p.start for p in positions if p.start), default=None)
        if start and not (record.profile and record.profile.summary):
            years = today.year - int(start[:4])
            if years >= 2:
                first.append(f"I have worked in schools for {years} years.")
    if record.profile and record.profile.summary:
        first.append(_sentence(_first_sentence(record.profile.summary)))
    if first:
        paras.append(" ".join(first))
    picked = [(s.title, s.impact) for p in brief.points for s in p.stories][:3]
    if len(picked) < 3:
        # Fewer stories than three answer the posting: the record's strongest work fills in.
        from careerkit.documents.resume import strength

        seen = {t for t, _ in picked}
        ranked = sorted(record.accomplishments, key=lambda a: (-strength(a, today), -a.id))
        picked += [(a.title, a.impact) for a in ranked if a.title not in seen][: 3 - len(picked)]
    if picked:
        bits = []
        for title, impact in picked:
            what = _lower_first(title.rstrip("."))
            bits.append(what + (f" ({_lower_first(impact.rstrip('.'))})" if impact else ""))
        lead = {1: "The work I am proudest of", 2: "Two pieces of work I am proudest of"}.get(
            len(bits), "Three pieces of work I am proudest of"
        )
        paras.append(f"{lead}: " + "; ".join(bits) + ".")
    role = (brief.title or "this role") if brief.posting and brief.posting.title_known else "this role"
    where = f" at {brief.organization}" if brief.organization else ""
    paras.append(f"That is the work I want to lead as {_article_for(role)} {role}{where}.")
    return paras


def _article_for(noun: str) -> str:
    if noun in ("this role",):
        return ""
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _join(items: list[str]) -> str:
    from careerkit.render.fmt import join_words

    return join_words(items)


def plan_skeleton(reqs: list[RequirementResult], reports_to: str) -> list[Phase]:
    """A 30-60-90-day skeleton drawn from the posting's duties: learn, then choose, then act.
    A frame to fill in with the school's own facts, not a plan written for it."""
    duties = [r.text.rstrip(".") for r in reqs if r.type == "responsibility"]
    if not duties:
        duties = [r.text.rstrip(".") for r in reqs if r.type in ("skill", "experience") and not _is_hard(r)]
    if not duties:
        return []
    boss = reports_to or "the principal"
    top = duties[:3]
    return [
        Phase(
            label="First 30 days: listen and learn",
            items=[f"Meet with {boss} to agree what success looks like by December."]
            + [f"Learn how this is done now, and who does it: {_lower_first(d)}." for d in top],
        ),
        Phase(
            label="Days 31 to 60: choose",
            items=[
                "Share what you heard with staff and name one or two priorities.",
                f"Set a measure and a baseline for: {_lower_first(top[0])}.",
            ],
        ),
        Phase(
            label="Days 61 to 90: act and show",
            items=[f"Start one visible change in: {_lower_first(d)}." for d in top[:2]]
            + ["Report early results and what comes next."],
        ),
    ]


# -- the posting's own questions -----------------------------------------------------------


def _posting_questions(reqs: list[RequirementResult], text: str, scenarios: ScenarioBank) -> list[str]:
    """Questions built from the posting's duties and the systems it names."""
    out: list[str] = []
    haystack = text or " ".join(r.text for r in reqs)
    from careerkit.documents.posting import mentions

    for phrases, question in scenarios.systems:
        if mentions(haystack, list(phrases)) and question not in out and len(out) < 8:
            out.append(question)
    for r in reqs:
        if r.type == "responsibility" and len(out) < 12:
            out.append(
                f"This role will {_duty(r.text)}. How have you done that, and how would you start here?"
            )
    return out[:12]


def _duty(text: str) -> str:
    """'Observe classrooms and give feedback.' -> 'observe classrooms and give feedback'."""
    t = text.strip().rstrip(".;")
    t = re.sub(r"^(?:the (?:successful )?candidate|you) will\s+", "", t, flags=re.I)
    return _lower_first(t)


# -- questions --------------------------------------------------------------------------------


def _question_sets(asked: list[str], bank: QuestionBank, points: list[Point], comp) -> list[QuestionSet]:
    out = []
    # Fewer per competency when the posting asks many, so the section stays printable.
    per = QUESTIONS_PER_COMPETENCY if len(asked) <= 5 else QUESTIONS_PER_COMPETENCY - 1
    for cid in asked[:MAX_COMPETENCY_SETS]:
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
) -> tuple[list[Voice], int, list[Said]]:
    """Themes of praise with their quotes, each quote once across the brief; the current
    supervisor's words first; and, apart, what people named as growth areas."""
    themes = feedback_themes(record, competencies_of=competencies_of, names=names, quotes=8)
    rank = {cid: i for i, cid in enumerate(asked)}
    # The competencies the posting asks, in its order of weight, then wording that recurs.
    chosen = sorted((t for t in themes.competencies if t.key in rank), key=lambda t: rank[t.key])
    chosen += themes.wording
    used: set[int] = set()
    voices: list[Voice] = []
    for t in chosen:
        if len(voices) >= MAX_VOICES:
            break
        fresh = [q for q in t.quotes if q.id not in used][:QUOTES_PER_VOICE]
        if not fresh:
            continue  # every quote behind it is already shown under another theme
        used.update(q.id for q in fresh)
        voices.append(
            Voice(
                label=t.label,
                kind=t.kind,
                count=t.count,
                relationships=dict(t.relationships),
                quotes=[_said(q, show_names) for q in fresh],
            )
        )
    praise = [f for f in record.feedback if not names_growth(f.text)]
    if not voices and praise:
        since = _current_since(record)
        quotes = best_quotes(praise, None, QUOTES_PER_VOICE, since=since)
        rel = Counter(f.relationship for f in praise)
        order = sorted(rel, key=lambda r: (-rel[r], _rank(r)))
        voices = [
            Voice(
                label=None,
                kind="quotes",
                count=len(praise),
                relationships={r: rel[r] for r in order},
                quotes=[_said(q, show_names) for q in quotes],
            )
        ]
    growth = [_said(q, show_names) for q in themes.growth[:3]]
    return voices, themes.feedback, growth


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
    """Steps before the day, with the record's own artifacts and credentials named, and
    commands that work as printed."""
    items = ["Re-read the posting and this brief the day before; look up what the 'why here' prompts ask."]
    told = [s for p in brief.points for s in p.stories]
    if told:
        which = "the story" if len(told) == 1 else f"each of the {len(told)} stories"
        items.append(f"Tell {which} aloud: the 30-second version, then the full one in about two minutes.")
    if brief.opening:
        items.append(
            "Say your answer to 'tell me about yourself' aloud in your own words, in under two minutes."
        )
    for artifact in dict.fromkeys(a for p in brief.points for a in p.artifacts):
        items.append(f"Bring: {artifact}")
    for q in brief.qualifications:
        for line in q.evidence:
            if line.kind == "credential" and line.status in (None, "earned"):
                items.append(f"Bring a copy of: {line.text}")
    if brief.gaps:
        which = "the gap" if len(brief.gaps) == 1 else f"each of the {len(brief.gaps)} gaps"
        items.append(f"Practise the honest answer for {which} until it sounds like you.")
    act = sum(1 for g in brief.gaps if g.suggestions)
    if act:
        items.append(
            f"Start one of the suggested next steps for {'the gap' if act == 1 else f'the {act} gaps'} "
            "with nothing under way, and record it as a goal in careerkit."
        )
    items.append("Choose two or three questions to ask the panel.")
    if brief.report_id is not None:
        n = brief.report_id
        items.append(f"Print the resume for this posting: careerkit resume --for {n} -o resume-{n}.pdf")
        items.append(f"Draft the cover letter: careerkit letter {n} -o cover-letter-{n}.docx")
    items.append("Send a thank-you note within a day of the interview.")
    return list(dict.fromkeys(items))
