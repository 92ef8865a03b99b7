"""Structured checks: years of experience by category, degrees by level and field, and
credentials by kind, jurisdiction, status and expiry. Each returns (verdict, entries, why)."""

from __future__ import annotations

import datetime as dt
import re

from careerkit.posting import vocabulary as V
from careerkit.posting.text import STOP_STEMS, stem, stems

# -- years --------------------------------------------------------------------------------

# The kinds of experience and the school levels come from the one vocabulary
# (frameworks/vocabulary.yaml); these names stay for the callers that import them.
ACCEPTS = {
    "teaching": {"teaching"},
    "leadership": {"leadership", "administration"},
    "administration": {"administration"},
    "any": None,
}


def categories_in(text: str) -> tuple[list[str], bool]:
    """The kinds of experience a text names, and whether any one of them will do ("or")."""
    cats = V.experience_kinds(text)
    any_of = bool(re.search(r"\bor\b|/", text)) and len(cats) > 1
    return cats, any_of


def levels_in(text: str) -> set[str]:
    return V.levels_in(text)


def _date(value: str | None, default: dt.date, end: bool = False) -> dt.date:
    """An ISO date, month or year; as an end, "2020-07" means the end of July."""
    if not value:
        return default
    parts = [int(p) for p in value.split("-")]
    if end and len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if end and len(parts) == 2:
        y, m = parts
        return dt.date(y + (m == 12), m % 12 + 1, 1)
    y, m, d = (parts + [1, 1])[:3]
    try:
        return dt.date(y, m, d)
    except ValueError:
        return dt.date(y, 1, 1)


def _school_span(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """School years count whole: a post from August (or July, September) to the end of May,
    June or July covers the school years between (August 2015 to June 2020 is five)."""
    if start.month in (7, 8, 9):
        start = dt.date(start.year, 8, 1)
    if end.month in (6, 7, 8) or (end.month == 5 and end.day > 1):
        end = max(end, dt.date(end.year, 8, 1))
    return start, end


def years_in(positions, category: str, today: dt.date) -> tuple[float, list]:
    """Years in positions of the category, overlaps counted once, school years whole."""
    accept = ACCEPTS.get(category)
    chosen = [p for p in positions if accept is None or p.category in accept]
    spans = []
    for p in chosen:
        s = _date(p.start, today)
        e = min(_date(p.end, today, end=True), today)
        if p.end:
            s, e = _school_span(s, e)
        elif s.month in (7, 8, 9):
            s = dt.date(s.year, 8, 1)
        spans.append((s, e))
    spans.sort()
    days, cur_s, cur_e = 0, None, None
    for s, e in spans:
        if e <= s:
            continue
        if cur_e is None or s > cur_e:
            if cur_e is not None and cur_s is not None:
                days += (cur_e - cur_s).days
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None and cur_s is not None:
        days += (cur_e - cur_s).days
    return days / 365.25, chosen


def years_per_category(text: str) -> dict[str, float]:
    """ "Five years of teaching and two years in a leadership role": each number with the kind of
    experience named after it (up to the next number)."""
    spots = V.years_spans(text)
    out: dict[str, float] = {}
    for i, (_, end, n) in enumerate(spots):
        stop = spots[i + 1][0] if i + 1 < len(spots) else len(text)
        cats = V.experience_kinds(text[end:stop])
        if len(cats) == 1 and cats[0] not in out:
            out[cats[0]] = n
    return out


def _position_levels(p) -> set[str]:
    return V.level_of_position(p.level, p.title, p.summary, p.organization)


def check_years(req, record, today: dt.date, ctx=None):
    text = req.text
    role = named_role(text)
    if role:
        return _years_as(req, record, role, today)
    post = _post_named(text)
    if post:
        return _years_in_post(req, record, post, today)
    cats, any_of = categories_in(text)
    if not cats:
        cats = [req.experience_category] if req.experience_category in ACCEPTS else ["any"]
    per = years_per_category(text) if len(cats) > 1 else {}
    # a K-8 school's own level is its middle grades: an elementary school is not one, a post
    # in a K-8 school is
    k8 = bool(_K8_SCHOOL.search(text))
    named_levels = levels_in(_K8_SCHOOL.sub("middle school", text))
    all_levels = not named_levels and bool(
        re.search(r"\b(?:p?k|pre-?k)\s*[-–]\s*12\b|\ball\s+levels\b", text, re.I)
    )
    want_levels = (
        named_levels or set()
        if all_levels
        else named_levels
        or (
            set(ctx.levels)
            if ctx is not None and ("teaching" in cats or re.search(r"\bat\s+the\s+level\b", text, re.I))
            else set()
        )
    )
    place = V.place_of(text)
    results = []
    for cat in cats:
        asked = per.get(cat, req.years)
        years, chosen = years_in(record.positions, cat, today)
        label = "positions" if cat == "any" else f"{cat} positions"
        other = ""
        if want_levels:
            fitting = [p for p in chosen if _position_levels(p) & want_levels or (k8 and _in_k8(p))]
            if not fitting:
                where = ", ".join(sorted(want_levels))
                if chosen:
                    results.append(
                        (
                            "partial",
                            chosen[:1],
                            f"{_yrs(years)} in {label}, none at the {where} level asked",
                        )
                    )
                else:
                    results.append(("gap", [], f"no {cat} position at the {where} level asked"))
                continue
            if len(fitting) < len(chosen):
                other = f" at the {', '.join(sorted(want_levels))} level"
            years, chosen = years_in(fitting, cat, today)
        if place and chosen and not any(V.place_of_location(p.location) in (place, None) for p in chosen):
            results.append(("partial", chosen, f"{_yrs(years)} in {label}, none in {place}"))
            continue
        if asked:
            if years >= asked - 0.05:
                results.append(("met", chosen, f"{_yrs(years)} in {label}{other}; {asked:g} asked"))
            elif years > 0:
                results.append(("partial", chosen, f"{_yrs(years)} in {label}{other}; {asked:g} asked"))
            else:
                results.append(
                    ("gap", [], f"no {label} in the record; {asked:g} year{'' if asked == 1 else 's'} asked")
                )
        elif years >= 0.95:
            results.append(("met", chosen, f"{_yrs(years)} in {label}{other}"))
        elif years > 0:
            results.append(("partial", chosen, f"only {_yrs(years)} in {label}{other}"))
        else:
            results.append(("gap", [], f"no {label} in the record"))
    verdicts = [r[0] for r in results]
    if len(cats) > 1 and not per and not any_of and req.years and "gap" not in verdicts:
        together = _years_together(record.positions, cats, want_levels, req.years, today)
        if together is not None:
            return together
    if any_of:
        best = min(results, key=lambda r: ["met", "partial", "gap"].index(r[0]))
        return best
    if all(v == "met" for v in verdicts):
        verdict = "met"
    elif all(v == "gap" for v in verdicts):
        verdict = "gap"
    else:
        verdict = "partial"
    entries = [p for r in results for p in r[1]]
    return verdict, entries, "; ".join(r[2] for r in results)


def _years_together(positions, cats: list[str], levels: set[str], asked: float, today: dt.date):
    """ "Five years of teaching and leadership experience": one number for several kinds counts
    the years in all of them together (each kind held at some time), not five of each."""
    accept = set().union(*(ACCEPTS.get(c) or set() for c in cats))
    posts = [p for p in positions if p.category in accept and (not levels or _position_levels(p) & levels)]
    years, chosen = years_in(posts, "any", today)
    if years < asked - 0.05:
        return None
    return "met", chosen, f"{_yrs(years)} in {' and '.join(cats)} positions; {asked:g} asked"


_K8_SCHOOL = re.compile(r"\b(?:p?k|tk)\s*[-–]\s*8\s+(?:schools?|settings?|campus)\b", re.I)


def _in_k8(p) -> bool:
    """A post in a K-8 school, whatever grade it taught."""
    words = " ".join(x for x in (p.title, p.organization, p.summary, p.level) if x)
    return bool(re.search(r"\b(?:p?k|tk)\s*[-–]\s*8\b", words, re.I))


def _yrs(years: float) -> str:
    """Years as a person says them: whole school years where they are whole."""
    if abs(years - round(years)) < 0.05:
        n = round(years)
        return f"{n} year" + ("s" if n != 1 else "")
    if years < 1:
        months = max(1, round(years * 12))
        return f"{months} month" + ("s" if months != 1 else "")
    return f"{years:.1f} years"


_AS_ROLE = re.compile(
    r"\b(?:as|in\s+the\s+role\s+of)\s+(?:an?\s+|the\s+)?(?P<r>[a-z][a-z\- ]{2,40}?)(?=\s+(?:or|and|in|at|with|for|who|where)\b|[,.;:()]|$)|"
    r"\b(?P<p>(?:assistant\s+|vice[-\s]|deputy\s+|associate\s+)?(?:principal|head\s*teacher|headship|head))\s+experience\b|"
    r"\bexperience\s+(?:as|in)\s+(?:an?\s+)?(?P<q>(?:assistant\s+|vice[-\s]|deputy\s+)?(?:principal|head\s*teacher|deputy\s+head\w*))|"
    r"\bmember\s+of\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?P<s>senior\s+leadership\s+team|slt)\b",
    re.I,
)


def named_role(text: str) -> tuple[int, str] | None:
    """A rung of the ladder the item names as experience ("as an assistant principal",
    "principal experience", "as a deputy head"): (rank, name); the lowest rung named counts."""
    for m in _AS_ROLE.finditer(text):
        name = (m.group("r") or m.group("p") or m.group("q") or m.group("s") or "").strip()
        before = text[max(0, m.start() - 40) : m.start()]
        if m.group("r") and not re.search(
            r"\b(?:experience|years?|served|serving|time|record|spell|work(?:ed|ing)?)\s+(?:\w+\s+)?$|\bleadership\s+$",
            before,
            re.I,
        ):
            continue  # "join us as deputy headteacher" names the post, not the experience asked
        parts_ = re.split(r"\s+or\s+|/", text[m.start() : m.start() + 120])
        ranks = [r for part in parts_[:3] if (r := V.role_of(part)) and r[1] >= 4]
        own = V.role_of(name)
        if own and own[1] >= 4:
            low = min([own, *ranks], key=lambda r: r[1])
            return low[1], name
    return None


_POST = re.compile(
    r"\bas\s+(?:an?\s+|the\s+)?([a-z][a-z\- ]{2,40}?)(?=\s+(?:or|and|in|at|with|for|who|where)\b|[,.;:()]|$)",
    re.I,
)
_POST_GENERIC = {"school", "district", "campus", "level", "grade", "successful", "full", "time", "part"}


def _post_named(text: str) -> tuple[set[str], str] | None:
    """A post below the ladder's administrative rungs named as experience ("experience as an
    instructional coach", "as a reading specialist"): its words."""
    m = _POST.search(text)
    if not m or not re.search(
        r"\b(?:experience|years?|served|serving|time|work(?:ed|ing)?)\s+(?:\w+\s+)?$",
        text[max(0, m.start() - 40) : m.start()],
        re.I,
    ):
        return None
    if re.fullmatch(
        r"(?:\w+\s+)?(?:administrator|leader|teacher|educator|supervisor|manager)s?", m.group(1).strip(), re.I
    ):
        return None  # a kind of experience, counted by category ("as an administrator")
    toks = {t for t in stems(m.group(1)) if t not in STOP_STEMS and t not in _POST_GENERIC and len(t) > 2}
    # "a special education teacher": the words that make the post, not "teacher"
    toks = (toks - _POST_PLAIN) or toks
    return (toks, m.group(1).strip()) if toks else None


_POST_PLAIN = {stem(w) for w in ("teacher", "teachers", "educator", "staff", "member")}


def names_a_post(text: str) -> bool:
    """ "Experience as a designated safeguarding lead": a post named as the experience asked."""
    return named_role(text) is not None or _post_named(text) is not None


def _years_in_post(req, record, post: tuple[set[str], str], today: dt.date):
    """Years in positions whose title (or, for a teaching post, summary) names the post."""
    words, name = post
    fitting = [p for p in record.positions if words <= set(stems(f"{p.title} {p.summary or ''}"))]
    if not fitting:
        return "gap", [], f"you have not worked as {name}"
    years, _ = years_in(fitting, "any", today)
    asked = req.years
    if asked and years < asked - 0.05:
        return "partial", fitting, f"{_yrs(years)} as {name}; {asked:g} asked"
    return "met", fitting, f"{_yrs(years)} as {name}" + (f"; {asked:g} asked" if asked else "")


def _years_as(req, record, role: tuple[int, str], today: dt.date):
    """Years in the named role or above (a summer or union post is not the role)."""
    from careerkit.posting.parts import position_shown

    rank, name = role
    fitting = [
        p
        for p in record.positions
        if (s := position_shown(p)).rank >= rank and not s.summer and not s.off_ladder
    ]
    asked = req.years
    if not fitting:
        return "gap", [], f"you have not been {V.rung_name(rank)} or above"
    years, _ = years_in(fitting, "any", today)
    label = f"as {V.rung_name(rank)} or above"
    named = levels_in(req.text)  # "as a senior leader in a secondary school"
    if named and not any(_position_levels(p) & named for p in fitting):
        where = " or ".join(sorted(named))
        return "partial", fitting, f"{_yrs(years)} {label}, none at the {where} level asked"
    if asked and years < asked - 0.05:
        return "partial", fitting, f"{_yrs(years)} {label}; {asked:g} asked"
    return "met", fitting, f"{_yrs(years)} {label}" + (f"; {asked:g} asked" if asked else "")


def is_structured_experience(req) -> bool:
    if req.years or V.asks_only_a_level(req.text):
        return True
    text = req.text
    return bool(
        re.search(
            r"\b(teaching|classroom|administrative|administration|leadership|supervisory|instructional)\s+"
            r"(experience|roles?|positions?|performance)\b|"
            r"\bexperience\s+(as|of|in)\s+(an?\s+)?(\w+\s+){0,2}(teaching|teacher|classroom|principal|assistant principal|"
            r"vice principal|administrat\w+|leader\w*|deputy|head\s*teacher|headteacher|head of school)\b|"
            r"\b(assistant\s+principal|principal|deputy\s+head\w*|administrator|headteacher)\s+experience\b|"
            r"\bexperience\s+teaching\b|\bin\s+the\s+classroom\b|\brecords?\s+of\s+\w*\s*(teaching|administration)|"
            r"\bexperienced\s+leader",
            text,
            re.I,
        )
    )


# -- degrees ------------------------------------------------------------------------------

RANK = V.RANK


def _field_tokens(text: str) -> set[str]:
    generic = {
        "educ",
        "school",
        "studi",
        "program",
        "field",
        "degre",
        "degree",
        "accredit",
        "institut",
        "colleg",
        "university",
        "universiti",
        "area",
        "relat",
        "appropri",
    }
    return {t for t in stems(text) if t not in STOP_STEMS and t not in generic and len(t) > 2}


def degree_level_in(text: str) -> str | None:
    """The lowest level the text accepts ("master's; doctorate preferred" asks a master's)."""
    return V.degree_level(text)


def check_degree(req, record):
    asked = V.degree_level(req.text) or req.degree_level or "bachelor"
    if asked not in RANK:
        asked = "bachelor"
    fields = req.degree_fields or _fields_from_text(req.text)
    want = set().union(*(_field_tokens(f) for f in fields)) if fields else set()
    for f in fields:  # "a science": chemistry, biology ... each one
        for member in V.field_family_members(re.sub(r"^(?:an?|the)\s+", "", f.strip(), flags=re.I)):
            want |= _field_tokens(member)
    # "a degree in Education": the field is education itself, a word the field tokens leave out
    education_asked = bool(fields) and not want and any("educ" in f.lower() for f in fields)
    or_related = req.or_related or bool(
        re.search(r"\bor\s+(a\s+)?(closely\s+)?related\b|\bequivalent\b", req.text, re.I)
    )
    degrees = [c for c in record.credentials if c.kind == "degree"]
    if not degrees:
        return "gap", [], "no degree in the record"
    enrolled = re.search(r"\benrol\w*|\bcurrently\s+(enrolled|pursuing)|in\s+progress\b", req.text, re.I)
    scored = []
    for d in degrees:
        level_ok = RANK.get(d.level or "bachelor", 2) >= RANK[asked]
        have = _field_tokens(" ".join(x for x in (d.field, d.name) if x))
        field_ok = (
            (_education_field(d) if education_asked else not want)
            or bool(want & have)
            or (or_related and _education_field(d))
        )
        earned = d.status == "earned" or (enrolled and d.status == "in-progress")
        score = (2 if level_ok else 0) + (1 if field_ok else 0) + (1 if earned else 0)
        scored.append((score, level_ok, field_ok, earned, d))
    scored.sort(key=lambda s: (-s[0], -(RANK.get(s[4].level or "", 0))))
    _, level_ok, field_ok, earned, d = scored[0]
    what = f"{d.name}"
    if level_ok and field_ok and earned:
        extra = (
            ""
            if not want
            else (" (related field)" if not (want & _field_tokens(f"{d.field} {d.name}")) else "")
        )
        return "met", [d], f"{what}: {asked} level or higher{extra}"
    if level_ok and earned:
        return "partial", [d], f"{what}: the level asked, but not in {', '.join(fields)}"
    if level_ok:
        return "partial", [d], f"{what} is {d.status}, not earned"
    return "gap", [d], f"{what} is below the {asked} level asked"


def _education_field(d) -> bool:
    text = f"{d.field or ''} {d.name or ''}".lower()
    return any(w in text for w in ("educ", "curricul", "instruct", "teach", "leadership", "pedagog"))


def _fields_from_text(text: str) -> list[str]:
    m = re.search(r"\bdegree\s+(?:in|of)\s+([^.;()]+)", text, re.I) or re.search(
        r"\b(?:master\w*|bachelor\w*|doctorate|specialist)\S*\s+(?:degree\s+)?(?:in|of)\s+([^.;()]+)",
        text,
        re.I,
    )
    if not m:
        return []
    part = re.split(
        r"\b(?:from|with|preferred|required|or\s+related|or\s+equivalent|and\s+a|plus)\b",
        m.group(1),
        flags=re.I,
    )[0]
    return [part.strip(" ,")] if part.strip(" ,") else []


# -- credentials --------------------------------------------------------------------------

SPECIFIC = {
    "coaching": r"\bcoach\w*|teacher\s+support\b",
    "reading": r"\breading\b|\bliteracy\b|\bdyslexia\b",
    "esol": r"\besol\b|\besl\b|\btesol\b|\bells?\b|english\s+(language\s+)?learners?|\beal\b|\bbilingual\b|english\s+to\s+speakers",
    "special education": r"special\s+education|\bsped\b|exceptional|disabilit|\bsend\b|\bsenco\b|learning\s+behavior\s+specialist|\blbs1?\b",
    "gifted": r"\bgifted\b",
    "safeguarding": r"safeguard|child\s+protection|\bdsl\b|safer\s+recruitment",
    "first aid": r"first\s+aid|\bcpr\b",
    "evaluation": r"t-?tess|t-?pess|evaluator|appraisal",
}
BROAD = {
    "leadership": r"principal|administrat|leadership|supervis|superintenden|headship|npqh|npqsl|school\s+leader|\btier\s+i\b",
    "teaching": r"teach|educator|professional\s+certificate|\bqts\b|qualified\s+teacher|college\s+of\s+teachers|"
    r"ministry\s+of\s+education|classroom|instructional\s+certificate|certificat\w*\s+in\s+appropriate",
}


def credential_classes(text: str) -> set[str]:
    """The kinds of credential a text asks: the specific kind where it names one, else the broad
    kind; each alternative of "A or B" on its own ("Principal or Director of Special Education
    endorsement" asks either a leadership or a special-education credential)."""
    out: set[str] = set()
    for part in re.split(r"\s+or\s+", text.lower()):
        spec, broad = _kinds_named(part)
        out |= spec or broad
    return out


def held_classes(name: str) -> set[str]:
    """The kinds a credential held is: a teaching credential "with English learner
    authorization" is a teaching credential and an ESOL one (asked, the specific kind wins)."""
    spec, broad = _kinds_named(name.lower())
    return spec | broad


def _kinds_named(low: str) -> tuple[set[str], set[str]]:
    """The specific and the broad kinds of credential a lower-cased text names."""
    return (
        {k for k, rx in SPECIFIC.items() if re.search(rx, low)},
        {k for k, rx in BROAD.items() if re.search(rx, low)},
    )


def jurisdiction_in(text: str) -> str | None:
    """The state or country a text names or implies, lower-cased ("texas", "england")."""
    place = V.place_of(text)
    return place.lower() if place else None


def _norm_place(place: str | None) -> str | None:
    """A place as an item or posting gives it ("TX", "Texas") as `jurisdiction_in` names it."""
    named = V.place_named(place)
    return named.lower() if named else None


def check_credential(req, record, today: dt.date, posting_place: str | None = None):
    """posting_place: the state or country the posting is in, for an item that names none."""
    text = req.text
    wanted = credential_classes(text + " " + " ".join(req.credential_terms))
    place = _norm_place(req.jurisdiction) or jurisdiction_in(text) or _norm_place(posting_place)
    all_of = len(wanted) > 1 and _joined_by_and(text, wanted)
    creds = [c for c in record.credentials if c.kind != "degree"]
    if not wanted:
        return _by_words(req, creds, today, place)
    results = []
    for cls in sorted(wanted):
        options = [c for c in creds if cls in held_classes(f"{c.name} {c.field or ''}")]
        results.append(_best_of(cls, options, today, place))
    if all_of:
        verdicts = [r[0] for r in results]
        verdict = (
            "met"
            if all(v == "met" for v in verdicts)
            else ("gap" if all(v == "gap" for v in verdicts) else "partial")
        )
        return verdict, [c for r in results for c in r[1]], "; ".join(r[2] for r in results)
    return min(results, key=lambda r: ["met", "partial", "gap"].index(r[0]))


def _joined_by_and(text: str, classes: set[str]) -> bool:
    """ "Teacher and Leadership certifications": both are asked. "principal or supervisor": either."""
    low = text.lower()
    spots = []
    for cls in classes:
        rx = SPECIFIC.get(cls) or BROAD.get(cls)
        m = re.search(rx, low) if rx else None
        if m:
            spots.append((m.start(), m.end()))
    spots.sort()
    for (_, end), (start, _) in zip(spots, spots[1:], strict=False):
        between = low[end:start]
        if re.search(r"\band\b|&|\bplus\b|\bas\s+well\s+as\b", between) and not re.search(
            r"\bor\b|/", between
        ):
            return True
    return False


def _state_of(cred) -> str | None:
    return jurisdiction_in(" ".join(x for x in (cred.name, cred.issuer, cred.field) if x))


def _grade(cred, today: dt.date, place: str | None) -> tuple[str, str]:
    if cred.status != "earned":
        return "partial", f"{cred.name} is {cred.status}"
    if cred.expires and _date(cred.expires, today) < today:
        return "partial", f"{cred.name} expired {cred.expires}"
    have = _state_of(cred)
    if place and have and have != place:
        return "partial", f"{cred.name} is from {have.title()}, not {place.title()}"
    return "met", f"{cred.name}, earned" + (f" ({have.title()})" if have and place else "")


def _best_of(cls: str, options, today, place):
    if not options:
        return "gap", [], f"no {cls} credential in the record"
    graded = sorted(
        ((_grade(c, today, place), c) for c in options), key=lambda g: ["met", "partial"].index(g[0][0])
    )
    (verdict, why), cred = graded[0]
    return verdict, [cred], why


def _by_words(req, creds, today, place):
    want = {t for t in stems(req.text) if t not in STOP_STEMS and len(t) > 2} - {
        "certif",
        "certificat",
        "licens",
        "endors",
        "hold",
        "valid",
        "complet",
        "train",
        "program",
        "eligibl",
        "obtain",
    }
    best, best_share = None, 0.0
    for c in creds:
        have = set(stems(f"{c.name} {c.field or ''}"))
        share = len(want & have) / len(want) if want else 0
        if share > best_share:
            best, best_share = c, share
    if best is None or best_share < 0.5:
        return "gap", [], "no such credential or training in the record"
    verdict, why = _grade(best, today, place)
    return verdict, [best], why
