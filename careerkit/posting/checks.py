"""Structured checks: years of experience by category, degrees by level and field, and
credentials by kind, jurisdiction, status and expiry. Each returns (verdict, entries, why)."""

from __future__ import annotations

import datetime as dt
import re

from careerkit.posting.text import STOP_STEMS, stems

# -- years --------------------------------------------------------------------------------

CATEGORY_WORDS = {
    "administration": re.compile(
        r"\b(administrat\w*|assistant\s+principal\w*|vice[-\s]+principal\w*|principal(ship)?s?|"
        r"deputy\s+head\w*|head\s*teacher\w*|head\s+of\s+school|superintenden\w*|dean\s+of\s+students)\b",
        re.I,
    ),
    "leadership": re.compile(
        r"\b(leaders?|leadership|team\s+lead\w*|department\s+(chair|head)|head\s+of\s+department|"
        r"middle\s+leader\w*|coach(es|ing)?\s+(experience|role)|supervisory)\b",
        re.I,
    ),
    "teaching": re.compile(r"\b(teach(ing|er)?|classroom|instructional\s+experience)\b", re.I),
}
ACCEPTS = {
    "teaching": {"teaching"},
    "leadership": {"leadership", "administration"},
    "administration": {"administration"},
    "any": None,
}
LEVELS = {
    "secondary": re.compile(
        r"\b(secondary|high\s+school|11\s*[-–]\s*1[68]|1[46]\s*[-–]\s*1[89]|gcse|a[-\s]level|"
        r"as\s+and\s+a2|sixth\s+form|key\s+stage\s+[345]|ks[345]|grades?\s+(9|6)\s*[-–]\s*12|"
        r"advanced\s+placement|ap\s+courses|ib\s+diploma|dual\s+(enrollment|credit))\b",
        re.I,
    ),
    "middle": re.compile(r"\b(middle\s+school|junior\s+high|grades?\s+6\s*[-–]\s*8)\b", re.I),
    "elementary": re.compile(
        r"\b(elementary|primary|k\s*[-–]\s*[56]|key\s+stage\s+[12]|ks[12]|early\s+years|eyfs|"
        r"grades?\s+[k1-3]\s*[-–]\s*[3-6])\b",
        re.I,
    ),
}


def categories_in(text: str) -> tuple[list[str], bool]:
    """The kinds of experience a text names, and whether any one of them will do ("or")."""
    cats = [c for c, rx in CATEGORY_WORDS.items() if rx.search(text)]
    any_of = bool(re.search(r"\bor\b|/", text)) and len(cats) > 1
    return cats, any_of


def levels_in(text: str) -> set[str]:
    return {lv for lv, rx in LEVELS.items() if rx.search(text)}


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


def years_in(positions, category: str, today: dt.date) -> tuple[float, list]:
    """Years in positions of the category, overlaps counted once, and those positions."""
    accept = ACCEPTS.get(category)
    chosen = [p for p in positions if accept is None or p.category in accept]
    spans = sorted((_date(p.start, today), min(_date(p.end, today, end=True), today)) for p in chosen)
    days, cur_s, cur_e = 0, None, None
    for s, e in spans:
        if e <= s:
            continue
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                days += (cur_e - cur_s).days
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        days += (cur_e - cur_s).days
    return days / 365.25, chosen


_NUM = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
_YEARS = re.compile(_NUM + r"\s*(?:\(\d+\)\s*)?(?:\+|or\s+more\s+)?\s*(?:full\s+)?years?\b", re.I)
_WORDNUM = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def years_per_category(text: str) -> dict[str, float]:
    """ "Five years of teaching and two years in a leadership role": each number with the kind of
    experience named after it (up to the next number)."""
    spots = list(_YEARS.finditer(text))
    out: dict[str, float] = {}
    for i, m in enumerate(spots):
        end = spots[i + 1].start() if i + 1 < len(spots) else len(text)
        cats, _ = categories_in(text[m.end() : end])
        raw = m.group(1).lower()
        n = float(_WORDNUM.get(raw, raw)) if raw in _WORDNUM or raw.replace(".", "").isdigit() else None
        if n is not None and len(cats) == 1 and cats[0] not in out:
            out[cats[0]] = n
    return out


def check_years(req, record, today: dt.date):
    text = req.text
    cats, any_of = categories_in(text)
    if not cats:
        cats = [req.experience_category] if req.experience_category in ACCEPTS else ["any"]
    asked = req.years
    per = years_per_category(text) if len(cats) > 1 else {}
    role = _role_named(text) if not categories_in(text)[0] else None
    if role:
        return _years_as(req, record, role, today)
    want_levels = levels_in(text)
    results = []
    for cat in cats:
        asked = per.get(cat, req.years)
        years, chosen = years_in(record.positions, cat, today)
        if want_levels:
            fitting = [
                p
                for p in chosen
                if levels_in(" ".join(x for x in (p.level, p.title, p.summary, p.organization) if x))
                & want_levels
            ]
            if not fitting:
                results.append(
                    (
                        "gap",
                        chosen[:1],
                        f"no {cat} position at the {', '.join(sorted(want_levels))} level asked",
                    )
                )
                continue
            years, chosen = years_in(fitting, cat, today)
        label = "positions" if cat == "any" else f"{cat} positions"
        if asked:
            if years >= asked - 0.05:
                results.append(("met", chosen, f"{years:.1f} years in {label}; {asked:g} asked"))
            elif years > 0:
                results.append(("partial", chosen, f"{years:.1f} years in {label}; {asked:g} asked"))
            else:
                results.append(
                    ("gap", [], f"no {label} in the record; {asked:g} year{'' if asked == 1 else 's'} asked")
                )
        elif years > 0:
            results.append(("met", chosen, f"{years:.1f} years in {label}"))
        else:
            results.append(("gap", [], f"no {label} in the record"))
    verdicts = [r[0] for r in results]
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


_ROLE = re.compile(
    r"\bas\s+(?:an?\s+|the\s+)?([a-z][a-z\- ]{2,40}?)(?=\s+(?:or|and|in|at|with|for|who|where)\b|[,.;:()]|$)",
    re.I,
)
_ROLE_GENERIC = {"school", "district", "campus", "level", "grade", "successful", "full", "time", "part"}


def _role_named(text: str) -> tuple[set[str], str] | None:
    """The words of a role named as "experience as an instructional coach"."""
    m = _ROLE.search(text)
    if not m:
        return None
    toks = {t for t in stems(m.group(1)) if t not in STOP_STEMS and t not in _ROLE_GENERIC and len(t) > 2}
    return (toks, m.group(1).strip()) if toks else None


def _years_as(req, record, role: tuple[set[str], str], today: dt.date):
    """Years in positions whose title names the role."""
    words, name = role
    fitting = [p for p in record.positions if words <= set(stems(p.title))] or [
        p for p in record.positions if words & set(stems(p.title))
    ]
    label = f"positions as {name}"
    years, _ = years_in(fitting, "any", today)
    asked = req.years
    if not fitting:
        return "gap", [], f"no position as {name}"
    if asked and years < asked - 0.05:
        return "partial", fitting, f"{years:.1f} years in {label}; {asked:g} asked"
    return "met", fitting, f"{years:.1f} years in {label}" + (f"; {asked:g} asked" if asked else "")


def is_structured_experience(req) -> bool:
    if req.years:
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

RANK = {"associate": 1, "bachelor": 2, "master": 3, "specialist": 4, "doctorate": 5}
DEGREE_WORDS = [
    ("doctorate", r"\b(doctor\w*|ph\.?\s?d|ed\.?\s?d)\b"),
    ("specialist", r"\b(specialist|ed\.?\s?s)\b"),
    ("master", r"\b(master\w*|m\.?\s?ed|m\.?a\.?|m\.?s\.?|mba|post-?graduate)\b"),
    ("bachelor", r"\b(bachelor\w*|b\.?a\.?|b\.?s\.?|undergraduate|good\s+degree|honours\s+degree|degree)\b"),
    ("associate", r"\bassociate'?s?\s+degree\b"),
]


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
    low = text.lower()
    # the lowest level the text accepts is what is asked ("master's; doctorate preferred")
    found = [lv for lv, rx in DEGREE_WORDS if re.search(rx, low)]
    if not found:
        return None
    return min(found, key=lambda lv: RANK[lv])


def check_degree(req, record):
    asked = req.degree_level or degree_level_in(req.text) or "bachelor"
    if asked not in RANK:
        asked = "bachelor"
    fields = req.degree_fields or _fields_from_text(req.text)
    want = set().union(*(_field_tokens(f) for f in fields)) if fields else set()
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
        field_ok = (not want) or bool(want & have) or (or_related and _education_field(d))
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
    return "partial", [d], f"{what} is below the {asked} level asked"


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
    "special education": r"special\s+education|\bsped\b|exceptional|disabilit|\bsend\b|\bsenco\b",
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
    low = text.lower()
    spec = {k for k, rx in SPECIFIC.items() if re.search(rx, low)}
    if spec:
        return spec
    return {k for k, rx in BROAD.items() if re.search(rx, low)}


STATES = {
    "alabama": "al",
    "alaska": "ak",
    "arizona": "az",
    "arkansas": "ar",
    "california": "ca",
    "colorado": "co",
    "connecticut": "ct",
    "delaware": "de",
    "florida": "fl",
    "georgia": "ga",
    "hawaii": "hi",
    "idaho": "id",
    "illinois": "il",
    "indiana": "in",
    "iowa": "ia",
    "kansas": "ks",
    "kentucky": "ky",
    "louisiana": "la",
    "maine": "me",
    "maryland": "md",
    "massachusetts": "ma",
    "michigan": "mi",
    "minnesota": "mn",
    "mississippi": "ms",
    "missouri": "mo",
    "montana": "mt",
    "nebraska": "ne",
    "nevada": "nv",
    "new hampshire": "nh",
    "new jersey": "nj",
    "new mexico": "nm",
    "new york": "ny",
    "north carolina": "nc",
    "north dakota": "nd",
    "ohio": "oh",
    "oklahoma": "ok",
    "oregon": "or",
    "pennsylvania": "pa",
    "rhode island": "ri",
    "south carolina": "sc",
    "south dakota": "sd",
    "tennessee": "tn",
    "texas": "tx",
    "utah": "ut",
    "vermont": "vt",
    "virginia": "va",
    "washington": "wa",
    "west virginia": "wv",
    "wisconsin": "wi",
    "wyoming": "wy",
    "district of columbia": "dc",
    "england": "england",
    "wales": "wales",
    "scotland": "scotland",
    "northern ireland": "northern ireland",
    "british columbia": "british columbia",
    "ontario": "ontario",
    "alberta": "alberta",
    "quebec": "quebec",
}
AGENCIES = [
    (r"\bgapsc\b|georgia\s+professional\s+standards", "georgia"),
    (r"\bsbec\b|\btea\b\s+certif|texas\s+education\s+agency", "texas"),
    (r"\bmsde\b", "maryland"),
    (r"\bfldoe\b", "florida"),
    (r"\bnysed\b", "new york"),
    (r"\bqts\b|qualified\s+teacher\s+status|\bdfe\b|department\s+for\s+education|\bnpqh\b", "england"),
    (r"\bbc\b", "british columbia"),
]
ABBREV = {
    "nc": "north carolina",
    "nj": "new jersey",
    "ga": "georgia",
    "fl": "florida",
    "tx": "texas",
    "md": "maryland",
    "va": "virginia",
    "sc": "south carolina",
    "ny": "new york",
    "ca": "california",
}


_PLACES = re.compile(r"\b(" + "|".join(sorted(STATES, key=len, reverse=True)) + r")\b")
_ABBREVS = re.compile(r"\b(" + "|".join(a.upper() for a in ABBREV) + r")\b")
_AGENCIES = [(re.compile(rx), place) for rx, place in AGENCIES]


def jurisdiction_in(text: str) -> str | None:
    low = text.lower()
    for rx, place in _AGENCIES:
        if rx.search(low):
            return place
    m = _PLACES.search(low)
    if m:
        return m.group(1)
    m = _ABBREVS.search(text)
    return ABBREV[m.group(1).lower()] if m else None


def _norm_place(place: str | None) -> str | None:
    if not place:
        return None
    p = place.strip().lower()
    if p in ABBREV:
        return ABBREV[p]
    for name, ab in STATES.items():
        if p == ab:
            return name
    return p


def check_credential(req, record, today: dt.date):
    text = req.text
    wanted = credential_classes(text + " " + " ".join(req.credential_terms))
    place = _norm_place(req.jurisdiction) or jurisdiction_in(text)
    all_of = len(wanted) > 1 and _joined_by_and(text, wanted)
    creds = [c for c in record.credentials if c.kind != "degree"]
    if not wanted:
        return _by_words(req, creds, today, place)
    results = []
    for cls in sorted(wanted):
        options = [c for c in creds if cls in credential_classes(f"{c.name} {c.field or ''}")]
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
        m = re.search(rx, low)
        if m:
            spots.append((m.start(), m.end()))
    spots.sort()
    for (_, end), (start, _) in zip(spots, spots[1:]):
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
