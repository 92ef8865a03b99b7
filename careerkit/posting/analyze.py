"""A posting read against the record: every requirement with a verdict, the entries behind
it and a line saying why. Pure: the record comes in, a GapReport goes out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from careerkit.errors import InvalidInput
from careerkit.posting import checks, parts
from careerkit.posting import vocabulary as V
from careerkit.posting.evidence import EvidenceIndex, Match, cover, direct_cover
from careerkit.posting.parts import NO_CONTEXT, Context
from careerkit.posting.text import stem

MAX_CHARS = 300_000  # far above any posting; a bigger paste is a mistake

# Coverage needed from practice (done or shown) for met, and from anything for partial.
MET = {"skill": 0.32, "experience": 0.42, "responsibility": 0.5}
PARTIAL = 0.2
# A specific duty the record never shows (budget, transportation, safeguarding) leaves the
# item a gap unless the rest of it is well shown (or it lists several demands, two of them shown).
HEAVY_REST = 0.5


def analyze(
    text: str,
    record,
    *,
    title: str | None = None,
    organization: str | None = None,
    source: str | None = None,
    today: dt.date | None = None,
    folder: Path | None = None,
    goals=None,
):
    """The GapReport for a posting's text against the record (no id: the store gives it).
    goals: a `gap.analyze_goals.GoalMatcher` of the done goals made for gaps, or None."""
    from careerkit.posting.extract import extract

    if len(text) > MAX_CHARS:
        raise InvalidInput(
            f"the posting is {len(text):,} characters; a posting is at most "
            f"{MAX_CHARS:,}: paste only the posting"
        )
    if not text.strip():
        raise InvalidInput("the posting is empty")
    extracted = extract(text)
    if not extracted.requirements:
        raise InvalidInput(
            "no requirements found in the posting: paste the part that lists the qualifications and duties"
        )
    found_title = getattr(extracted, "title", None)
    return report_for(
        extracted.requirements,
        record,
        context=parts.context_of(found_title or title, text),
        title=title or found_title,
        organization=organization or getattr(extracted, "organization", None),
        source=source,
        chars=len(text),
        today=today,
        folder=folder,
        goals=goals,
    )


def report_for(
    requirements,
    record,
    *,
    title=None,
    organization=None,
    source=None,
    chars=0,
    today: dt.date | None = None,
    folder: Path | None = None,
    goals=None,
    context: Context | None = None,
):
    """context: the posting around the items (its role, levels, subject); read from the title
    when not given."""
    from careerkit.models.gap import GapReport, PostingInfo, score_of
    from careerkit.posting.competencies import default_folder, vocabulary

    if folder is None:
        folder = default_folder()
    voc = vocabulary(folder)
    index = EvidenceIndex(record, voc, [req.text for req in requirements])
    today = today or dt.date.today()
    ctx = context if context is not None else parts.context_of(title)
    apart = _levels_asked_apart(requirements)
    results = [judge(req, record, index, today, goals, _for_item(req, ctx, apart)) for req in requirements]
    return GapReport(
        posting=PostingInfo(title=title, organization=organization, source=source, chars=chars),
        score=score_of(results),
        requirements=results,
    )


def _levels_asked_apart(requirements) -> frozenset[str]:
    """The school levels the posting asks experience at in items of their own."""
    return frozenset(level for r in requirements if r.type == "experience" for level in V.levels_in(r.text))


def _for_item(req, ctx: Context, apart: frozenset[str]) -> Context:
    """The posting's context for one item. A posting that asks experience at its school level
    as an item of its own ("Middle school experience is a plus") does not ask it again in its
    other years of experience ("three years of teaching experience")."""
    if not ctx.levels or req.type not in ("experience", "credential") or V.levels_in(req.text):
        return ctx
    return dataclasses.replace(ctx, levels=frozenset()) if apart & ctx.levels else ctx


def judge(req, record, index: EvidenceIndex, today: dt.date, goals=None, ctx: Context = NO_CONTEXT):
    from careerkit.models.gap import RequirementResult
    from careerkit.posting.text import stems

    units, concepts = index.units(req.text)
    competencies = list(req.competencies) or index.voc.competencies(stems(req.text), concepts)
    if req.type == "education":
        verdict, evidence, why = _structured(checks.check_degree(req, record), "credential")
    elif (req.type == "credential" and not _years_only(req)) or _names_a_credential(req):
        verdict, evidence, why = _structured(
            checks.check_credential(req, record, today, ctx.place), "credential"
        )
    elif req.type in ("experience", "credential") and (
        checks.is_structured_experience(req) or (req.type == "experience" and checks.names_a_post(req.text))
    ):
        verdict, evidence, why = _structured(checks.check_years(req, record, today, ctx), "position")
        unshown = _unshown_specifics(units, index) if verdict == "met" else []
        if unshown:  # "experience teaching science": the years are there, the subject is not
            verdict = "partial"
            why += "; nothing on " + ", ".join(u.label for u in unshown)
    else:
        verdict, evidence, why = by_evidence(req, units, index, record, ctx)
        if verdict != "met" and req.type in ("responsibility", "skill"):
            taught = _taught(req, record, today, ctx)
            if taught is not None:
                verdict, evidence, why = taught
    if goals is not None:  # a done goal made for this requirement's gap
        from careerkit.posting.goals import close

        verdict, evidence, why = close(verdict, evidence, why, goals.goal_for(req, competencies))
    return RequirementResult(
        text=req.text,
        section=req.section,
        must=req.must,
        type=req.type,
        verdict=verdict,
        competencies=competencies,
        evidence=evidence[:2],
        why=why,
    )


_CREDENTIAL = re.compile(
    r"\b(certificat\w*|licen[cs]e\w*|endorse\w*|qualified\s+teacher\s+status|qts|npqh|npqsl|training|"
    r"qualification)\b",
    re.I,
)


def _years_only(req) -> bool:
    """An item read as a credential that asks only years of experience ("a minimum of five years
    of successful teaching and leadership experience")."""
    return not _CREDENTIAL.search(req.text) and V.years_of(req.text) is not None


def _names_a_credential(req) -> bool:
    """A short item that is a credential whatever type it was read as ("Administrative certification.")."""
    return (
        req.type in ("skill", "responsibility")
        and len(req.text.split()) <= 8
        and bool(_CREDENTIAL.search(req.text))
    )


def _structured(result, kind: str):
    from careerkit.models.gap import Evidence

    verdict, entries, why = result
    score = {"met": 1.0, "partial": 0.5, "gap": 0.0}[verdict]
    evidence = []
    for e in _best_entries(entries):
        evidence.append(Evidence(kind=kind, id=e.id, text=_label(e, kind), score=score))  # type: ignore[arg-type]
    return verdict, evidence, why


def _best_entries(entries):
    """Newest first, without repeats: the entries a person would look at."""
    seen, out = set(), []
    for e in sorted(
        entries, key=lambda e: getattr(e, "start", None) or getattr(e, "date", None) or "", reverse=True
    ):
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


def _label(e, kind: str) -> str:
    if kind == "position":
        years = f"{(e.start or '')[:4]}-{(e.end or '')[:4] or 'now'}"
        return f"{e.title}, {e.organization}, {years}"
    return e.name


_REF = {
    "accomplishment": "win",
    "learning": "learning",
    "feedback": "feedback",
    "position": "position",
    "credential": "credential",
    "goal": "goal",
}


def by_evidence(req, units, index: EvidenceIndex, record, ctx: Context = NO_CONTEXT):
    """Skills, duties and kinds of experience: retrieval over the whole record, then what the
    item asks beyond its words (scope, authority, level, place) against what the entries show."""
    from careerkit.models.gap import Evidence

    if not units:
        return "gap", [], "nothing in the requirement to look for"
    # "... consistent with Arizona law", "under the Education Code": the law is where the duty
    # is done (the posting's place when the item names none), not a thing to find in the record.
    legal = bool(_LEGAL.search(req.text))
    place = checks.jurisdiction_in(req.text) or (ctx.place.lower() if legal and ctx.place else None)
    if legal and place:
        units = [u for u in units if u.label not in _LAW_TERMS] or units
    matches = index.search(units)
    practice = [m for m in matches if m.entry.practice]
    study = [m for m in matches if not m.entry.practice]
    cov_p, best_p = cover(units, practice)
    cov_s, best_s = cover(units, study, k=1)
    weight = {u.key: u.weight for u in units}
    heavy = [u for u in units if isinstance(u.key, int) and u.weight >= 3]
    shown = set().union(*(m.matched for m in best_p)) if best_p else set()
    missing_heavy = [
        u for u in heavy if u.key not in shown and not any(u.key in m.matched for m in practice[:30])
    ]

    def studied(terms) -> bool:  # the learning or goal shows every specific term missing from practice
        return all(any(u.key in m.matched for m in best_s) for u in terms)

    met_at = MET.get(req.type, MET["skill"])
    concepts = [u for u in units if isinstance(u.key, int)]
    concept_cov = (
        sum(u.weight for u in concepts if u.key in shown) / sum(u.weight for u in concepts)
        if concepts
        else 1.0
    )
    elsewhere = bool(place) and not any(_from_place(m.entry, place) for m in practice[:30] if m.matched)
    generic = V.generic_words()
    specific = {
        u.key
        for u in units
        if (isinstance(u.key, int) and u.weight >= 2) or (isinstance(u.key, str) and u.key not in generic)
    }
    # Generic words (school, plan, serve, community ...) never make a verdict on their own.
    # An item of broad terms only ("strong organisational skills") is shown when every term is.
    broad_shown = (
        bool(concepts) and all(u.key in shown for u in concepts) and not (set(weight) - shown) & specific
    )
    thin = (not (shown & specific) and not broad_shown) or (not concepts and len(shown) < 2)
    # How much of what the item specifically asks the chosen entries show: a partial needs some
    # of it, not only the item's generic words and broad terms.
    spec_total = sum(weight[k] for k in specific) or 1.0
    spec_cov = sum(weight[k] for k in specific & shown) / spec_total
    # The item's own terms apart from loose words ("re-imaging ... in the 21st century"): a
    # partial needs some of what it asks, by its terms or by all its specific words.
    keys = [u for u in concepts if u.key in specific]
    key_cov = sum(u.weight for u in keys if u.key in shown) / sum(u.weight for u in keys) if keys else 0.0
    ask = parts.asked(req, ctx)
    # School level matters for teaching and curriculum items, not for leading and managing.
    wrong_level = bool(ask.levels) and ask.teaching and _level_missing(ask.levels, record)
    if cov_p >= met_at and not missing_heavy and concept_cov >= 0.5 and not elsewhere and not thin:
        verdict, chosen = "met", best_p
        why = "shown by " + _refs(best_p)
        if wrong_level:
            verdict = "partial"
            why = f"you have done this, but not at the {_levels(ask.levels)} level: {_refs(best_p[:1])}"
        elif ask.subjects and not _in_subject(ask.subjects, best_p, practice):
            verdict = "partial"
            why = f"related work ({_refs(best_p[:1])}), but none in {_levels(ask.subjects)}"
        elif ask.scope:
            wide = _at_scope(ask.scope, best_p, practice, met_at, specific)
            if wide is None:
                verdict = "partial"
                have = max((m.entry.shown.scope for m in best_p), key=V.scope_rank)
                if V.scope_rank(have) < V.scope_rank(ask.scope):
                    why = (
                        f"you did this for {parts.scope_phrase(have)} ({_refs(best_p[:1])}); "
                        f"the role asks for {parts.scope_phrase(ask.scope)}"
                    )
                else:
                    why = (
                        f"partly shown ({_refs(best_p[:1])}); no one entry shows it done for "
                        f"{parts.scope_phrase(ask.scope)}"
                    )
            else:
                chosen = wide
                why = "shown by " + _refs(wide)
        if verdict == "met" and ask.authority and not _holds_authority(record):
            verdict = "partial"
            why = (
                f"you have done related work ({_refs(best_p[:1])}) but never in a post with authority "
                "over staff or students"
            )
        elif verdict == "met" and _over_everyone(req.text) and _top_rank(record) < ctx.rank:
            # an assistant principal supervises the staff assigned to them, not all of them
            verdict = "partial"
            why = f"you did this for the staff assigned to you ({_refs(best_p[:1])}); the post is over all of them"
    elif (
        cov_s > cov_p
        and cov_s >= PARTIAL
        and studied(missing_heavy)
        and not (set(best_s[0].matched) <= generic if best_s else True)
    ):
        verdict, chosen = "partial", best_s + best_p[:1]
        why = _study_why(best_s) + (f"; related practice in {_refs(best_p[:1])}" if best_p else "")
    elif (
        cov_p >= PARTIAL
        and not thin
        and max(spec_cov, key_cov) >= PARTIAL
        and (
            not missing_heavy
            or direct_cover(units, best_p + best_s) >= HEAVY_REST
            or sum(1 for u in concepts if u.key in shown) >= 2
        )
    ):
        verdict, chosen = "partial", best_p
        lacking = sorted(
            (
                u
                for u in units
                if u.key not in shown
                and weight[u.key] >= 1
                and u.key in specific
                and (isinstance(u.key, int) or u.key not in _HOW)
            ),
            key=lambda u: not isinstance(u.key, int),  # the terms first, then the words
        )
        why = f"related: {_refs(best_p)}"
        if missing_heavy:
            why += "; nothing on " + _listed(u.label for u in missing_heavy)
        elif elsewhere and cov_p >= met_at:
            why += f"; nothing from {(place or '').title()}"
        elif wrong_level:
            why += f"; not at the {_levels(ask.levels)} level"
        elif lacking:
            why += "; not on " + _listed(u.label for u in lacking[:2])
    elif missing_heavy and (near := _near_every(missing_heavy, practice)):
        # "IEP" asked, an EHCP (England's) shown: the nearby thing, not the thing itself
        verdict, chosen = "partial", near
        why = f"related: {_refs(near)}; nothing on " + _listed(u.label for u in missing_heavy) + " itself"
    elif cov_s >= PARTIAL and studied(missing_heavy) and best_s and not set(best_s[0].matched) <= generic:
        verdict, chosen = "partial", best_s
        why = _study_why(best_s)
    else:
        verdict, chosen = "gap", []
        top = missing_heavy or sorted((u for u in units if u.key in specific), key=lambda u: -u.weight)[:2]
        why = "nothing in the record on " + (_listed(u.label for u in top) or "this")
    if verdict == "met":
        named = _named_as_growth(units, index, practice)
        if named:
            verdict = "partial"
            why = f"related: {_refs(chosen)}; {named}"
    asked_languages = V.languages_in(req.text)
    if asked_languages and verdict != "gap":
        # Speaking a language is shown only by an entry that says so, not by a mention of it.
        speakers = [m for m in practice if all(V.speaks(m.entry.text, lang) for lang in asked_languages)]
        if speakers:
            verdict, chosen, why = "met", speakers[:1], "shown by " + _refs(speakers[:1])
        else:
            verdict, chosen = "gap", []
            why = "nothing in the record shows you speak " + " or ".join(sorted(asked_languages))
    evidence = [
        Evidence(kind=m.entry.kind, id=m.entry.id, text=m.entry.label, score=round(min(1.0, m.score), 2))  # type: ignore[arg-type]
        for m in _worth_naming(chosen)
    ]
    return verdict, evidence, why


# Words of how or how much ("maximise", "strengthen"): never named as what the record lacks
# (the generic words and stop words never are in the first place).
_HOW = frozenset(
    stem(w)
    for w in "maximise maximize strengthen enhance improve increase raise apply make foster create efficient".split()
)

_LEGAL = re.compile(
    r"\b(?:law|laws|education\s+code|statutes?|statutory|regulations?|administrative\s+code|adm\.?\s+code)\b",
    re.I,
)
_LAW_TERMS = {"school law", "policy"}


def _at_scope(
    scope: str, best: list[Match], practice: list[Match], met_at: float, specific: set
) -> list[Match] | None:
    """The evidence at the scope asked: the chosen entries if one of them is at it, else another
    entry that covers the item nearly as well on its own, at that scope. The entry at the scope
    must carry the item's object (its specific words and terms), not only a word of it."""
    need = V.scope_rank(scope)
    enough = 0.8 * met_at
    wanted = set().union(*(m.matched for m in best)) & specific

    def carries(m: Match) -> bool:
        return m.score >= enough and (not wanted or len(m.matched & wanted) * 2 >= len(wanted))

    at = [m for m in best if V.scope_rank(m.entry.shown.scope) >= need and carries(m)]
    if at:  # the entry at the scope first: it is what makes the verdict
        return at + [m for m in best if m not in at]
    for m in practice[:30]:
        if V.scope_rank(m.entry.shown.scope) >= need and carries(m):
            return [m, *best[:1]]
    return None


def _taught(req, record, today: dt.date, ctx: Context):
    """An ordinary teaching duty (plan lessons, assess pupils' progress) is met by a year or more
    in teaching posts at the level and in the subject asked: the years show it."""
    from careerkit.models.gap import Evidence

    if not V.teaching_duty(req.text):
        return None
    # "meet the needs of all students" is the teacher's own class, not a school-wide duty
    text = re.sub(r"\ball\s+(?:students|pupils|learners)\b", "students", req.text, flags=re.I)
    ask = parts._asked(text, req.type, ctx)
    if ask.authority or (ask.scope and V.scope_rank(ask.scope) > V.scope_rank("team")):
        return None
    subjects = ask.subjects or frozenset(V.subjects_in(text))  # "knowledge of the mathematics content"
    posts = []
    for p in record.positions:
        if p.category != "teaching":
            continue
        shown = parts.position_shown(p)
        if ask.levels and not (shown.levels & ask.levels):
            continue
        if subjects and shown.subjects is not None and not (shown.subjects & subjects):
            continue
        posts.append(p)
    years, _ = checks.years_in(posts, "any", today)
    if years < 0.95:
        return None
    latest = max(posts, key=lambda p: p.start or "")
    label = _label(latest, "position")
    evidence = [Evidence(kind="position", id=latest.id, text=label, score=1.0)]
    why = f"you taught for {checks._yrs(years)} ({label}, position {latest.id})"
    # "Knowledge of the Colorado Academic Standards": the standards of the state you taught in
    place = checks.jurisdiction_in(req.text)
    if place and not any((V.place_of_location(p.location) or "").lower() == place for p in posts):
        return "partial", evidence, f"{why}, none of it in {place.title()}"
    return "met", evidence, why


def _in_subject(subjects, best: list[Match], practice: list[Match]) -> bool:
    """Some entry that matched the item was in the subject asked (or in every subject)."""
    for m in [*best, *(m for m in practice[:30] if m.matched)]:
        have = m.entry.shown.subjects
        if have is None or (have & subjects):
            return True
    return False


def _near_every(terms, practice: list[Match]) -> list[Match]:
    """Done entries that show a related term for every one of the specific terms asked, or []."""
    near: list[Match] = []
    for u in terms:
        m = next((m for m in practice[:30] if u.key in m.related or u.key in m.matched), None)
        if m is None:
            return []
        if m not in near:
            near.append(m)
    return near


def _named_as_growth(units, index: EvidenceIndex, practice: list[Match]) -> str:
    """A specific duty of the item (a weight-3 term) that feedback names as a next step
    ("exposure to the campus budget") and no win dated after that feedback shows: the
    feedback says it is not yet done."""
    terms = {u.key: u.label for u in units if isinstance(u.key, int) and u.weight >= 3}
    for fid, date, who, keys in index.growth_areas():
        for key in terms.keys() & keys:
            later = any(
                key in m.matched and m.entry.kind == "accomplishment" and m.entry.date > date
                for m in practice
            )
            if not later:
                return f"{who} named {terms[key]} as a next step (feedback {fid})"
    return ""


def _from_place(entry, place: str | None) -> bool:
    """The entry was done in the state or country: it names it or something of it (STAAR is
    Texas), or it was done in a post there."""
    if not place:
        return True
    if place in entry.text.lower() or (V.place_of(entry.text) or "").lower() == place:
        return True
    return (entry.shown.place or "").lower() == place


_ALL_STAFF = re.compile(r"\ball\s+(?:\w+\s+){0,4}?(?:staff|personnel|employees)\b", re.I)


def _over_everyone(text: str) -> bool:
    """A duty over all of a place's staff ("supervise all certified and classified staff")."""
    return bool(_ALL_STAFF.search(text)) and V.needs_authority(text)


_ACTING = re.compile(r"\b(?:acting|interim)\s+([a-z][\w -]{2,40})", re.I)


def _top_rank(record) -> int:
    """The highest rung the person has held for a school year (not a summer or union post)."""
    from careerkit.posting.parts import position_shown

    ranks = [s.rank for p in record.positions if not (s := position_shown(p)).summer and not s.off_ladder]
    for a in record.accomplishments:  # a documented spell acting in a post ("Acting headteacher")
        m = _ACTING.search(a.title or "")
        if m and (role := V.role_of(m.group(1))):
            ranks.append(role[1])
    return max(ranks, default=0)


def _holds_authority(record) -> bool:
    """A school post with authority over staff and students: assistant principal or above, held
    for a school year rather than a summer, on a school's line of management."""
    from careerkit.posting.parts import position_shown

    return any(
        (s := position_shown(p)).rank >= 4 and not s.summer and not s.off_ladder for p in record.positions
    )


def _levels(levels) -> str:
    return " or ".join(sorted(levels))


def _listed(labels) -> str:
    """Words as a person lists them: "budget, transportation or safeguarding"."""
    names = list(dict.fromkeys(str(x) for x in labels))
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1] if names else ""


def _unshown_specifics(units, index: EvidenceIndex) -> list:
    """The item's specific terms (weight 3: a subject, a programme, a duty) that no done entry shows."""
    heavy = [u for u in units if isinstance(u.key, int) and u.weight >= 3]
    if not heavy:
        return []
    done = [m for m in index.search(heavy) if m.entry.practice]
    return [u for u in heavy if not any(u.key in m.matched for m in done)]


def _study_why(best_s: list[Match]) -> str:
    kind = "planned" if best_s[0].entry.status == "planned" else "learning only"
    return f"{kind}: {_refs(best_s)}"


def _worth_naming(matches: list[Match]) -> list[Match]:
    """The first entry and a second one only when it shows nearly as much: a family night at a
    tenth of the score is not what makes "observe classrooms" met."""
    first = matches[:1]
    return first + [m for m in matches[1:2] if first and m.score >= 0.4 * first[0].score]


def _refs(matches: list[Match]) -> str:
    """The entries as a person names them: "Led the science fair (win 12)"."""
    return " and ".join(
        f"{_short(m.entry.said or m.entry.label)} ({_REF.get(m.entry.kind, m.entry.kind)} {m.entry.id})"
        for m in _worth_naming(matches)
    )


def _short(label: str, n: int = 70) -> str:
    label = " ".join(label.split())
    return label if len(label) <= n else label[: n - 1].rstrip(" ,;") + "…"


def _level_missing(want, record) -> bool:
    """No position was at any of the school levels asked."""
    from careerkit.posting.parts import position_shown

    return not any(position_shown(p).levels & want for p in record.positions)
