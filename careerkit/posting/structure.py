"""Structure read from one requirement's text: years, degree, credential terms, jurisdiction."""

from __future__ import annotations

import re

_NUM_WORDS = {
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
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "a": 1,
    "an": 1,
}
YEARS = re.compile(
    r"\b(?:(?P<d>\d{1,2}(?:\.\d)?)|(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty)(?:\s*[(\[]\s*\d{1,2}\s*[)\]])?)\s*\+?\s*(?:or more\s+|plus\s+|full\s+|consecutive\s+)?"
    r"(?:\(?\s*\d{1,2}\s*\)?\s*)?(?:years?|yrs?)\b",
    re.I,
)

_CATEGORIES = [
    (
        "administration",
        re.compile(
            r"\badministrat\w*|\bassistant principal|\bvice[- ]principal|"
            r"\bdeputy head|\bprincipal(?:ship)?\b|\bsupervisory|\bdistrict office",
            re.I,
        ),
    ),
    (
        "leadership",
        re.compile(
            r"\binstructional leader\w*|\bleader\w*|\blead(?:ing)?\b|\bmanagement\b|\bmanag(?:er|ing)\b|\bsenior team|\bcoach(?:ing)?\b|"
            r"\bhead of\b|\bchair\b",
            re.I,
        ),
    ),
    ("teaching", re.compile(r"\bteach\w*|\bclassroom|\binstruction(?:al)?\b|\beducator\b", re.I)),
]

_DEGREE_LEVELS = [
    ("doctorate", re.compile(r"\bdoctor(?:ate|al)\b|\bph\.?\s?d\b|\bed\.?\s?d\b(?!\w)", re.I)),
    (
        "specialist",
        re.compile(
            r"\bspecialist(?:'s|’s)?\s+(?:degree|in education)\b|\bed\.?\s?s\.?(?!\w)|"
            r"\bspecialist degree",
            re.I,
        ),
    ),
    (
        "master",
        re.compile(
            r"\bmasters?\b|\bmaster(?:'s|’s)|\bm\.\s?ed\b|\bmed\b(?= degree)|\bm\.\s?[as]\.|"
            r"\bmba\b|\bmsc\b|\bm\.?a\.?t\b|\badvanced degree|\bgraduate degree|"
            r"\bpost-?graduate degree",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\bbachelor(?:'s|’s|s)?\b|\bb\.\s?[as]\.|\bundergraduate degree|\bb\.\s?ed\b|"
            r"\bbsc\b|\b(?:good|first|honours|university|college)\s+degree|\bdegree\b",
            re.I,
        ),
    ),
]

_FIELD = re.compile(
    r"\b(?:degree|masters?|master(?:'s|’s)|bachelor(?:'s|’s)?|doctorate|specialist|m\.\s?ed\.?|ph\.?d\.?)"
    r"(?:\s+degree)?\s+(?:in|of)\s+(?:the\s+field\s+of\s+|an?\s+)?"
    r"(?P<f>[A-Za-z][\w&'’ ,/()-]{1,90}?)"
    r"(?=\s+(?:or\s+(?:a\s+)?(?:closely\s+)?related|from|with|and\s+(?:a|an|at|\d)|is|are|required|preferred|"
    r"desired|desirable|or\s+higher|or\s+equivalent|plus)\b|[.;:]|,\s*(?:with|and|or)\s|$)",
    re.I,
)
_RELATED = re.compile(
    r"\bor\s+(?:a\s+|an\s+)?(?:closely\s+|other\s+)?related\b|\brelated\s+(?:field|area|discipline)", re.I
)

_CRED_WORD = r"(?:certificat(?:e|ion)s?|licen[cs](?:e|ure)s?|endorsements?|credentials?)"
_CRED_KEY = re.compile(
    r"\b" + _CRED_WORD + r"(?P<post>\s+(?:in|as\s+an?|as|for)\s+[\w'’&-]+"
    r"(?:\s+(?!or\b|and\b|issued\b|from\b|by\b)[\w'’&-]+){0,2})?",
    re.I,
)
_ACRONYMS = re.compile(
    r"\b(QTS|QTLS|NPQH|NPQSL|NPQML|NPQLTD|NPQEL|PGCE|NASENCO|SENCO|DSL|T-TESS|T-PESS|ESOL|ESL|TESOL|TEFL|"
    r"CELTA|ELL|ENL|LEAD|PRAXIS|SLLA|TExES|CPR|GaPSC|NBCT)\b"
)
_NAMED = re.compile(
    r"\b(qualified teacher status|national professional qualification[\w ]{0,40}?(?=[,.;]|$| or | and )|"
    r"safer recruitment(?: training)?|designated safeguarding lead(?:er)? training|first aid|"
    r"national board certification|national award for [\w -]{3,40}?(?=[,.;]|$| or )|gifted and talented|special education)\b",
    re.I,
)
_LEAD_STOP = {
    "a",
    "an",
    "the",
    "or",
    "and",
    "of",
    "valid",
    "current",
    "hold",
    "have",
    "possess",
    "must",
    "be",
    "eligible",
    "for",
    "with",
    "appropriate",
    "professional",
    "state",
    "issued",
    "by",
    "in",
    "any",
    "required",
    "preferred",
    "to",
}

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
}
_OTHER_PLACES = [
    "England",
    "Wales",
    "Scotland",
    "Northern Ireland",
    "United Kingdom",
    "Ireland",
    "British Columbia",
    "Ontario",
    "Alberta",
    "Quebec",
    "Manitoba",
    "Saskatchewan",
    "Nova Scotia",
    "New Brunswick",
    "Australia",
    "New Zealand",
    "Queensland",
    "New South Wales",
]
# Bodies and marks that name a jurisdiction without saying it.
_ALIASES = {
    "GaPSC": "Georgia",
    "SBEC": "Texas",
    "TEA": "Texas",
    "T-TESS": "Texas",
    "T-PESS": "Texas",
    "TExES": "Texas",
    "MSDE": "Maryland",
    "FLDOE": "Florida",
    "NYSED": "New York",
    "DfE": "England",
    "QTS": "England",
    "Qualified Teacher Status": "England",
    "NPQH": "England",
    "NPQSL": "England",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "BC": "British Columbia",
    "GTCS": "Scotland",
    "EWC": "Wales",
    "Ofsted": "England",
}
_PLACE_NAMES = sorted(list(US_STATES.values()) + _OTHER_PLACES, key=len, reverse=True)
_PLACE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PLACE_NAMES) + r")\b")
_ABBR_RE = re.compile(
    r"(?<![\w.])(" + "|".join(US_STATES) + r")(?![\w])(?=\s+(?:state\b|[A-Z][a-z]|principal|"
    r"teach|certif|licen|endorse|administ))"
)
_ALIAS_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in _ALIASES) + r")(?![\w-])")


def years_of(text: str) -> float | None:
    """The first number of years asked: "five (5) years", "3+ years", "minimum of three years"."""
    for m in YEARS.finditer(text[:2000]):
        if re.search(
            r"\b(?:within|in|after|for|every|per|of (?:the|this)|next|first|each)\s+$",
            text[max(0, m.start() - 12) : m.start()],
            re.I,
        ):
            continue  # "within one year", "in two years": a deadline, not experience
        raw = m.group("d") or m.group("w")
        if raw is None:
            continue
        raw = raw.lower()
        if raw in ("a", "an"):
            continue
        value = float(raw) if raw[0].isdigit() else float(_NUM_WORDS[raw])
        if 0 < value <= 40:
            return value
    return None


def category_of(text: str, years_at: int = 0) -> str:
    """The kind of experience asked: teaching, leadership, administration, or any."""
    tail = text[years_at : years_at + 160]
    for source in (tail, text):
        found = [(m.start(), name) for name, rx in _CATEGORIES if (m := rx.search(source))]
        if found:
            return min(found)[1]
    return "any"


def degree_level_of(text: str) -> str | None:
    low = text[:2000]
    found = []
    for name, rx in _DEGREE_LEVELS:
        for m in rx.finditer(low):
            if name == "bachelor" and re.match(r"degree\s+of\b", low[m.start() : m.start() + 12], re.I):
                continue
            found.append((m.start(), name))
            break
    return min(found)[1] if found else None


def degree_fields_of(text: str) -> list[str]:
    fields: list[str] = []
    for m in _FIELD.finditer(text[:2000]):
        f = m.group("f").strip(" ,()")
        f = re.sub(r"^(?:the\s+)?field\s+of\s+", "", f, flags=re.I)
        for part in re.split(r",\s*|\s+or\s+|\s*/\s*", f):
            part = part.strip(" ()").strip()
            if (
                part
                and len(part) > 2
                and part.lower() not in ("a", "an", "the", "related field", "equivalent")
            ):
                if part not in fields:
                    fields.append(part)
    return fields[:6]


def or_related(text: str) -> bool:
    return bool(_RELATED.search(text[:2000]))


def credential_terms_of(text: str) -> list[str]:
    """Names of the credentials an item asks for, lower-cased: "principal certification", "qts"."""
    text = text[:2000]
    terms: list[str] = []

    def add(term: str) -> None:
        term = re.sub(r"\s+", " ", term).strip(" ,.;:()").lower()
        if term and term not in terms:
            terms.append(term)

    for m in _CRED_KEY.finditer(text):
        words = text[max(0, m.start() - 60) : m.start()].split()[-3:]
        if words and not text[max(0, m.start() - 60) : m.start()].endswith((" ", "\t")):
            words = words[:-1]
        # only the words right before the credential word, back to a comma or full stop
        for k in range(len(words) - 1, -1, -1):
            if words[k].endswith((",", ".", ";", ":")) or words[k].lower() in ("-", "–", "or", "and", "/"):
                words = words[k + 1 :]
                break
        while words and (
            words[0].lower() in _LEAD_STOP or _PLACE_RE.fullmatch(words[0]) or words[0] in US_STATES
        ):
            words = words[1:]
        core = m.group(0)
        add(f"{' '.join(words)} {core}" if words else core)
    for m in _ACRONYMS.finditer(text):
        add(m.group(1))
    for m in _NAMED.finditer(text):
        add(m.group(1))
    return terms[:8]


def jurisdiction_of(text: str) -> str | None:
    """The first state, nation or province an item names (or implies: GaPSC, QTS, DfE)."""
    text = text[:2000]
    found: list[tuple[int, str]] = []
    if m := _PLACE_RE.search(text):
        name = m.group(1)
        # "New Jersey Student Learning Standards" is still New Jersey; "Washington" the person is rare
        found.append((m.start(), name))
    if m := _ABBR_RE.search(text):
        found.append((m.start(), US_STATES[m.group(1)]))
    if m := _ALIAS_RE.search(text):
        found.append((m.start(), _ALIASES[m.group(1)]))
    return min(found)[1] if found else None
