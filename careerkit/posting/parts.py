"""What a requirement asks and what a piece of evidence shows, read into parts: the scope
(classroom < team < department < school < district < state), the school level, the subject and
the rung of the role, the posting filling in what an item leaves out (its title, its levels).

The words come from `frameworks/vocabulary.yaml` through `posting.vocabulary`; this module
only combines them. Pure and cheap: an entry is read only when a requirement asks about it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from careerkit.posting import vocabulary as V

# Items about teaching and the curriculum: the school level and subject of the posting apply
# to them; general leadership duties are judged by scope and role instead.
_TEACHING = re.compile(
    r"\b(teach(?:ing|es)?|classroom|instruction\w*|curricul\w*|lessons?|pedagog\w*|literacy|reading|phonics|"
    r"numeracy|subject|age\s+range|pupils?'?\s+(?:learning|progress)|students?'?\s+learning)\b",
    re.I,
)
# Duties led or done for others (not a quality of the person): scope applies to them.
_DOING = re.compile(
    r"\b(lead\w*|leads|provid\w*\s+(?:\w+\s+){0,3}leadership|carr(?:y|ies)\s+out|supervis\w*|oversee\w*|"
    r"oversight|direct\w*|administ(?:er|ers|ering|ration\s+of)\b|manag\w*|responsib\w*|assign\w*|in\s+charge|develop(?:s|ed|ing)?|coordinat\w*|"
    r"establish\w*|serv(?:e|es)\s+as|prepar\w*|plan\w*|organi[sz]\w*|implement\w*|schedul\w*|monitor\w*|"
    r"evaluat\w*|recommend\w*|assist\w*|work\w*\s+with|chair\w*|facilitat\w*|ensur\w*|set\w*|build\w*|"
    r"promot\w*|conduct\w*|seek\w*|present\w*|represent\w*|maintain\w*|creat\w*|design\w*|study|studies)\b",
    re.I,
)


# Duties of running something for others: the posting's own scope applies to them when the
# item names none ("Coordinates transportation of students" in a principal's posting). Duties
# every teacher does ("ensure pupils are prepared") and qualities do not take it.
_RUNNING = re.compile(
    r"\b(lead\w*|leads|provid\w*\s+(?:\w+\s+){0,3}leadership|carr(?:y|ies)\s+out|supervis\w*|oversee\w*|"
    r"oversight|direct(?:s|ing)?|administ(?:er|ers|ering|ration\s+of)\b|manag\w*|responsible\s+for|assign\w*|"
    r"in\s+charge|develop(?:s|ed|ing|ment)?|coordinat\w*|establish\w*|serv(?:e|es)\s+as|prepar(?:e|es|ing)\b|"
    r"organi[sz]\w*|schedul\w*|implement\w*|evaluat\w*|recommend\w*|seek\w*|chair\w*|plan(?:s|ning)?\b)\b",
    re.I,
)


@dataclass(frozen=True)
class Context:
    """The posting around its items: the role's rung and scope, its school levels and subject."""

    role: tuple[str, int, str] | None = None
    levels: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    place: str | None = None  # the state or country the posting is in

    @property
    def scope(self) -> str | None:
        return self.role[2] if self.role else None

    @property
    def rank(self) -> int:
        return self.role[1] if self.role else 0


NO_CONTEXT = Context()


def context_of(title: str | None, text: str = "") -> Context:
    """The posting's context from its title, else the opening of its text."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:3]
    head = title or " ".join(lines)
    role = V.role_of(head)
    if role is None and title:  # the title line may name the employer; the role follows it
        head = " ".join([title, *(ln for ln in lines if len(ln) < 80)])
        role = V.role_of(head)
    if role is not None:
        role = _combined(head, role)
    levels = V.levels_in(head)
    if not levels and text:
        levels = V.levels_in(text[:3000])
        if len(levels) > 1:  # a posting open to several levels asks none of them
            levels = set()
    subjects = V.subjects_in(head)
    places = V.places_in(text[:20000]) if text else []
    return Context(role, frozenset(levels), frozenset(subjects), places[0] if places else None)


def _combined(head: str, role: tuple[str, int, str]) -> tuple[str, int, str]:
    """ "Superintendent/Principal": a combined post of a small place works at the smaller of
    its two scopes (one school is the whole district)."""
    m = re.search(r"([A-Za-z][\w -]{2,40})\s*/\s*([A-Za-z][\w -]{2,40})", head)
    if not m:
        return role
    pair = [V.role_of(m.group(1)), V.role_of(m.group(2))]
    if None in pair or pair[0] == pair[1]:
        return role
    narrow = min((r for r in pair if r), key=lambda r: V.scope_rank(r[2]))
    return (role[0], role[1], narrow[2])


@dataclass(frozen=True)
class Asked:
    """What one requirement asks, beyond its words."""

    scope: str | None
    levels: frozenset[str]
    authority: bool
    teaching: bool
    scope_named: bool = False  # the item says the scope itself (not the posting's role)
    subjects: frozenset[str] = frozenset()


@cache
def _asked(text: str, req_type: str, ctx: Context) -> Asked:
    doing = bool(_DOING.search(text))
    named = V.scope_named(text) if doing else None
    if named and req_type == "skill" and not (V.leading_duty(text) or V.shapes_a_school(text)):
        named = None  # a quality shown in a school is not a duty done for it
    teaching = bool(_TEACHING.search(text))
    scope = named
    if (
        scope is None
        and _RUNNING.search(text)
        and req_type == "responsibility"
        and ctx.scope
        and V.scope_rank(ctx.scope) >= V.scope_rank("department")
    ):
        scope = ctx.scope
    # The posting's own level applies to years of teaching (posting.checks); here only the
    # level an item names itself counts.
    levels = frozenset(V.levels_in(text))
    authority = req_type in ("responsibility", "skill", "experience") and V.needs_authority(text)
    # "Provides leadership in the operation of his/her school": the post holder's own duty.
    if named and V.scope_rank(named) >= V.scope_rank("school") and V.leading_duty(text):
        authority = True
    subjects = frozenset(V.subjects_in(text)) if teaching or req_type == "experience" else frozenset()
    return Asked(scope, levels, authority, teaching, named is not None, subjects)


def asked(req, ctx: Context = NO_CONTEXT) -> Asked:
    return _asked(req.text, req.type, ctx)


# -- evidence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """What one entry shows beyond its words: its scope, levels and the rung it was done at."""

    scope: str = "classroom"
    levels: frozenset[str] = frozenset()
    rank: int = 0
    summer: bool = False
    off_ladder: bool = False
    subjects: frozenset[str] | None = frozenset()  # None: every subject (a self-contained class)
    place: str | None = None  # the state or country of the post ("Texas"), when known


def position_shown(p) -> Shown:
    """A position's rung (from its title), scope, levels, subjects and place."""
    return _position_shown(
        p.title or "",
        getattr(p, "organization", None),
        getattr(p, "category", None),
        getattr(p, "summary", None) or "",
        getattr(p, "level", None),
        getattr(p, "location", None),
    )


@cache
def _position_shown(
    title: str,
    organization: str | None,
    category: str | None,
    summary: str,
    level: str | None,
    location: str | None = None,
) -> Shown:
    off = V.off_ladder(title, organization)
    role = None if off else V.role_of(title)
    if role is None and not off and category == "teaching":
        role = V.role_of("teacher")
    scope = role[2] if role else ("team" if off else "classroom")
    by_numbers = V.scope_by_numbers(re.sub(r"\b\d[\d,]*\s+students\b", "", summary)) if not off else None
    if by_numbers and V.scope_rank(by_numbers) > V.scope_rank(scope) and not V.summer_role(title):
        scope = by_numbers
    levels = V.level_of_position(level, title, summary, organization)
    return Shown(
        scope=scope,
        levels=frozenset(levels),
        rank=role[1] if role else 0,
        summer=V.summer_role(title),
        off_ladder=off,
        subjects=V.subjects_of_position(title, summary),
        place=V.place_of_location(location) or V.place_of(f"{organization or ''} {title}"),
    )


def text_shown(
    text: str, *, within: Shown | None = None, off_ladder: bool = False, said: bool = False
) -> Shown:
    """An accomplishment's or feedback's scope: the widest its words or numbers show, at least
    its position's when the position is a leadership rung; a union's work stays at team scope,
    and what others say of a person (said) shows qualities, not the scope of a duty."""
    scope = V.scope_shown(text) or "classroom"
    nums = V.scope_by_numbers(text)
    if nums and V.scope_rank(nums) > V.scope_rank(scope):
        scope = nums
    if said and V.scope_rank(scope) > V.scope_rank("team"):
        scope = "team"
    if within is not None:
        if within.rank >= 3 and V.scope_rank(within.scope) > V.scope_rank(scope):
            scope = within.scope
        if within.summer and V.scope_rank(scope) > V.scope_rank("department"):
            scope = "department"
    if off_ladder or (within is not None and within.off_ladder):
        if V.scope_rank(scope) > V.scope_rank("team"):
            scope = "team"
        off_ladder = True
    # The subject is the position's (a science teacher "reading data tables" taught science).
    subjects = (
        within.subjects
        if within is not None and within.subjects != frozenset()
        else frozenset(V.subjects_in(text))
    )
    return Shown(
        scope=scope,
        levels=within.levels if within else frozenset(V.levels_in(text)),
        rank=within.rank if within else 0,
        summer=within.summer if within else False,
        off_ladder=off_ladder,
        subjects=subjects,
        place=within.place if within else None,
    )


def wider(a: str, b: str) -> bool:
    return V.scope_rank(a) > V.scope_rank(b)


SCOPE_WORDS = {
    "classroom": "a classroom",
    "team": "a team",
    "department": "a department",
    "school": "a school",
    "district": "a district",
    "state": "a state or trust",
}


def scope_phrase(scope: str) -> str:
    return SCOPE_WORDS.get(scope, scope)
