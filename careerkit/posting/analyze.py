"""A posting read against the record: every requirement with a verdict, the entries behind
it and a line saying why. Pure: the record comes in, a GapReport goes out."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from careerkit.errors import InvalidInput
from careerkit.posting import checks
from careerkit.posting.evidence import EvidenceIndex, Match, cover, direct_cover

MAX_CHARS = 300_000  # far above any posting; a bigger paste is a mistake

# Coverage needed from practice (done or shown) for met, and from anything for partial.
MET = {"skill": 0.42, "experience": 0.42, "responsibility": 0.5}
PARTIAL = 0.2
# A specific duty the record never shows (budget, transportation, safeguarding) leaves the
# item a gap unless the rest of it is well shown (or it lists several demands, two of them shown).
HEAVY_REST = 0.5

# A duty for the head of a school or a district: done by someone without an administrative
# post it is at most partial (a smaller scope).
_DISTRICT = re.compile(
    r"\b(district\w*|superintendent|system-?wide|pk-12|pre-?k-12|k-12|central\s+office|"
    r"all\s+schools|trust-?wide|directorate)\b",
    re.I,
)
_SCHOOL_LEAD = re.compile(
    r"\b(campus(-?wide)?|school-?wide|building-?wide|his/her\s+school|their\s+school|the\s+school'?s?|school\s+operations?|all\s+school|"
    r"whole\s+school|overall\s+responsibility|all\s+(staff|personnel)|school\s+personnel|"
    r"strategic\w*|vision\w*)\b",
    re.I,
)
_LEAD_VERB = re.compile(
    r"\b(leads?|leading|provides?\s+(\w+\s+){0,4}leadership|carr(y|ies)\s+out|supervis\w*|oversee\w*|direct(s|ing)?|"
    r"administer\w*|manag(e|es|ing)|responsib\w*|assign\w*|in\s+charge|develop(s|ing)?|"
    r"coordinat\w*|vision\w*|establish\w*|serv(e|es)\s+as)\b",
    re.I,
)


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
    return report_for(
        extracted.requirements,
        record,
        title=title or getattr(extracted, "title", None),
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
):
    from careerkit.models.gap import GapReport, PostingInfo, score_of
    from careerkit.posting.competencies import default_folder, vocabulary

    if folder is None:
        folder = default_folder()
    voc = vocabulary(folder)
    index = EvidenceIndex(record, voc, [req.text for req in requirements])
    today = today or dt.date.today()
    results = [judge(req, record, index, today, goals) for req in requirements]
    return GapReport(
        posting=PostingInfo(title=title, organization=organization, source=source, chars=chars),
        score=score_of(results),
        requirements=results,
    )


def judge(req, record, index: EvidenceIndex, today: dt.date, goals=None):
    from careerkit.models.gap import RequirementResult
    from careerkit.posting.text import stems

    units, concepts = index.units(req.text)
    competencies = list(req.competencies) or index.voc.competencies(stems(req.text), concepts)
    if req.type == "education":
        verdict, evidence, why = _structured(checks.check_degree(req, record), "credential")
    elif req.type == "credential" or _names_a_credential(req):
        verdict, evidence, why = _structured(checks.check_credential(req, record, today), "credential")
    elif req.type == "experience" and checks.is_structured_experience(req):
        verdict, evidence, why = _structured(checks.check_years(req, record, today), "position")
        unshown = _unshown_specifics(units, index) if verdict == "met" else []
        if unshown:  # "experience teaching science": the years are there, the subject is not
            verdict = "partial"
            why += "; nothing on " + ", ".join(u.label for u in unshown)
    else:
        verdict, evidence, why = by_evidence(req, units, index, record)
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
    r"\b(certificat\w*|licen[cs]e\w*|endorse\w*|qualified\s+teacher\s+status|qts|npqh|npqsl)\b", re.I
)


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
        evidence.append(Evidence(kind=kind, id=e.id, text=_label(e, kind), score=score))
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


def by_evidence(req, units, index: EvidenceIndex, record):
    """Skills, duties and kinds of experience: retrieval over the whole record."""
    from careerkit.models.gap import Evidence

    if not units:
        return "gap", [], "nothing in the requirement to look for"
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
    place = checks.jurisdiction_in(req.text)
    elsewhere = bool(place) and not any(place in m.entry.text.lower() for m in best_p)
    thin = not concepts and len(shown) < 2  # one shared word is not evidence enough
    wrong_level = req.type in ("experience", "skill") and _level_missing(req.text, record)
    if (
        cov_p >= met_at
        and not missing_heavy
        and concept_cov >= 0.5
        and not elsewhere
        and not thin
        and not wrong_level
    ):
        verdict, chosen = "met", best_p
        why = "shown in " + _refs(best_p) + ": " + _named(units, shown)
        if req.type == "responsibility" and _bigger_scope(req.text) and not _has_admin(record):
            verdict = "partial"
            why = (
                "done at a smaller scope (no administrative post): "
                + _refs(best_p)
                + " on "
                + _named(units, shown)
            )
    elif cov_s > cov_p and cov_s >= PARTIAL and studied(missing_heavy):
        verdict, chosen = "partial", best_s + best_p[:1]
        why = _study_why(units, best_s) + (f"; related practice in {_refs(best_p[:1])}" if best_p else "")
    elif wrong_level:
        verdict, chosen = "gap", []
        why = "no position at the " + ", ".join(sorted(checks.levels_in(req.text))) + " level asked"
    elif cov_p >= PARTIAL and (
        not missing_heavy
        or direct_cover(units, best_p + best_s) >= HEAVY_REST
        or sum(1 for u in concepts if u.key in shown) >= 2
    ):
        verdict, chosen = "partial", best_p
        lacking = [u for u in units if u.key not in shown and weight[u.key] >= 1]
        why = f"partly shown in {_refs(best_p)} ({_named(units, shown)})"
        if missing_heavy:
            why += "; nothing on " + ", ".join(u.label for u in missing_heavy)
        elif elsewhere and cov_p >= met_at:
            why += f"; nothing from {place.title()}"
        elif lacking:
            why += "; not on " + ", ".join(u.label for u in lacking[:3])
    elif cov_s >= PARTIAL and studied(missing_heavy):
        verdict, chosen = "partial", best_s
        why = _study_why(units, best_s)
    else:
        verdict, chosen = "gap", []
        top = missing_heavy or sorted(units, key=lambda u: -u.weight)[:3]
        why = "nothing in the record on " + ", ".join(f"'{u.label}'" for u in top)
    evidence = [
        Evidence(kind=m.entry.kind, id=m.entry.id, text=m.entry.label, score=round(min(1.0, m.score), 2))
        for m in chosen[:2]
    ]
    return verdict, evidence, why


def _unshown_specifics(units, index: EvidenceIndex) -> list:
    """The item's specific terms (weight 3: a subject, a programme, a duty) that no done entry shows."""
    heavy = [u for u in units if isinstance(u.key, int) and u.weight >= 3]
    if not heavy:
        return []
    done = [m for m in index.search(heavy) if m.entry.practice]
    return [u for u in heavy if not any(u.key in m.matched for m in done)]


def _study_why(units, best_s: list[Match]) -> str:
    kind = "planned" if best_s[0].entry.status == "planned" else "learning only"
    return f"{kind}: {_refs(best_s)} ({_named(units, best_s[0].matched | best_s[0].related)})"


def _refs(matches: list[Match]) -> str:
    return " and ".join(f"{m.entry.kind} {m.entry.id}" for m in matches[:2])


def _named(units, keys) -> str:
    names = [u.label for u in sorted(units, key=lambda u: -u.weight) if u.key in keys]
    return ", ".join(f"'{n}'" for n in names[:4]) or "related words"


def _bigger_scope(text: str) -> bool:
    if _DISTRICT.search(text) and _LEAD_VERB.search(text):
        return True
    return bool(_SCHOOL_LEAD.search(text) and _LEAD_VERB.search(text))


def _level_missing(text: str, record) -> bool:
    """The item names a level of school (secondary, primary ...) that no position was at."""
    want = checks.levels_in(text)
    if not want or not record.positions:
        return bool(want) and not record.positions
    for p in record.positions:
        if checks.levels_in(" ".join(x for x in (p.level, p.title, p.summary, p.organization) if x)) & want:
            return False
    return True


def _has_admin(record) -> bool:
    return any(p.category == "administration" for p in record.positions)
