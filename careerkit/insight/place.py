"""Words for the user's place: which frameworks fit where the profile says they work (PSEL,
TLMS and, in Texas, T-PESS in the United States; the Headteachers' standards in England), how
a competency is named for people, and spelling by the place (US: behavior, program,
license; England: behaviour, programme, licence). Only careerkit's own words are respelled,
never a posting's or the record's. Pure and standard library only."""

from __future__ import annotations

import re
from dataclasses import dataclass

US_STATES = {
    "al": "alabama", "ak": "alaska", "az": "arizona", "ar": "arkansas", "ca": "california",
    "co": "colorado", "ct": "connecticut", "de": "delaware", "fl": "florida", "ga": "georgia",
    "hi": "hawaii", "id": "idaho", "il": "illinois", "in": "indiana", "ia": "iowa",
    "ks": "kansas", "ky": "kentucky", "la": "louisiana", "me": "maine", "md": "maryland",
    "ma": "massachusetts", "mi": "michigan", "mn": "minnesota", "ms": "mississippi",
    "mo": "missouri", "mt": "montana", "ne": "nebraska", "nv": "nevada", "nh": "new hampshire",
    "nj": "new jersey", "nm": "new mexico", "ny": "new york", "nc": "north carolina",
    "nd": "north dakota", "oh": "ohio", "ok": "oklahoma", "or": "oregon", "pa": "pennsylvania",
    "ri": "rhode island", "sc": "south carolina", "sd": "south dakota", "tn": "tennessee",
    "tx": "texas", "ut": "utah", "vt": "vermont", "va": "virginia", "wa": "washington",
    "wv": "west virginia", "wi": "wisconsin", "wy": "wyoming", "dc": "district of columbia",
}  # fmt: skip
UK = {"england": "england", "wales": "wales", "scotland": "scotland", "northern ireland": "northern ireland"}
UK_WORDS = re.compile(r"\b(uk|u\.k\.|united kingdom|great britain|london|manchester|birmingham|leeds)\b")
US_WORDS = re.compile(r"\b(usa|u\.s\.a?\.?|united states|america)\b")


@dataclass(frozen=True)
class Place:
    country: str  # "us", "england", "wales", "scotland", "northern ireland"
    state: str | None = None  # a US state's name, lower case ("texas")

    @property
    def american(self) -> bool:
        return self.country == "us"


def place_of(location: str | None) -> Place | None:
    """Where a profile's location is: 'Round Rock, TX' -> Place('us', 'texas'); 'Leeds,
    England' -> Place('england'); None when it does not say."""
    if not location or not location.strip():
        return None
    low = location.lower()
    for name, country in UK.items():
        if re.search(rf"\b{name}\b", low):
            return Place(country)
    for name in sorted(US_STATES.values(), key=len, reverse=True):
        if re.search(rf"\b{name}\b", low) and not (name == "washington" and "dc" in low):
            return Place("us", name)
    for part in re.split(r"[,;/]", location)[1:]:
        code = re.sub(r"[^a-z]", "", part.strip().split(" ")[0].lower()) if part.strip() else ""
        if code in US_STATES and part.strip()[:2].isupper():
            return Place("us", US_STATES[code])
    if UK_WORDS.search(low):
        return Place("england")
    if US_WORDS.search(low):
        return Place("us")
    return None


def fits(region: str | None, place: Place | None) -> bool:
    """Does a framework of this region fit the place? Every framework fits an unknown place,
    and one without a region fits everywhere."""
    if place is None or not region:
        return True
    r = region.strip().lower()
    if r in ("united states", "us", "usa"):
        return place.american
    if r in US_STATES.values():
        return place.american and place.state == r
    if r in ("england", "united kingdom", "uk"):
        return place.country == "england" if r == "england" else place.country in UK.values()
    return r == place.country


def fitting(frameworks, place: Place | None) -> list:
    return [fw for fw in frameworks if fits(fw.region, place)]


class Names:
    """Competency ids -> how people see them: the title and the framework's short name
    ('Operations and Management (PSEL 2015)'), or the code when asked (--codes)."""

    def __init__(self, frameworks, place: Place | None, codes: bool = False):
        self.codes = codes
        self.place = place
        self.shown: dict[str, tuple[str, str]] = {}  # id -> (title, framework short name)
        self.order: dict[str, int] = {}
        n = 0
        for fw in fitting(frameworks, place):
            for c in fw.competencies:
                short = re.sub(r"\s+(19|20)\d\d$", "", fw.short or fw.name)  # 'PSEL 2015' -> 'PSEL'
                self.shown[c.id] = (spell(c.title, place), short)
                self.order[c.id] = n
                n += 1

    def keep(self, ids: list[str]) -> list[str]:
        """The ids of the frameworks that fit, in their order of weight."""
        return [c for c in ids if c in self.shown]

    def label(self, cid: str) -> str:
        if self.codes:
            return cid
        title, short = self.shown.get(cid, (cid, ""))
        return f"{title} ({short})" if short else title

    def line(self, ids: list[str], most: int = 1) -> str:
        """'psel-9, tlms-5' with --codes; else the first fitting competencies by name."""
        if self.codes:
            return ", ".join(ids)
        return "; ".join(self.label(c) for c in self.keep(ids)[:most])

    def heading(self, cid: str) -> str:
        if self.codes:
            title, _ = self.shown.get(cid, (cid, ""))
            return f"{cid.upper()}: {title}"
        return self.label(cid)


# British and American spellings of careerkit's own words (suggestions, labels, standard
# titles). Longest first so 'behaviours' is not read as 'behaviour' + 's'.
PAIRS = [
    ("behaviours", "behaviors"),
    ("behavioural", "behavioral"),
    ("behaviour", "behavior"),
    ("programmes", "programs"),
    ("programme", "program"),
    ("organisations", "organizations"),
    ("organisational", "organizational"),
    ("organisation", "organization"),
    ("organising", "organizing"),
    ("organised", "organized"),
    ("organise", "organize"),
    ("licences", "licenses"),
    ("licence", "license"),
    ("enrolment", "enrollment"),
    ("enrol", "enroll"),
    ("centres", "centers"),
    ("centre", "center"),
    ("recognised", "recognized"),
    ("recognise", "recognize"),
    ("prioritise", "prioritize"),
    ("specialise", "specialize"),
    ("analyse", "analyze"),
    ("practise", "practice"),
    ("favour", "favor"),
    ("colour", "color"),
    ("maths", "math"),
]
_TO_US = {uk: us for uk, us in PAIRS}
_TO_UK = {us: uk for uk, us in PAIRS if us not in ("practice", "math", "program", "programs")}
_US_RX = re.compile(r"\b(" + "|".join(sorted(_TO_US, key=len, reverse=True)) + r")\b", re.I)
_UK_RX = re.compile(r"\b(" + "|".join(sorted(_TO_UK, key=len, reverse=True)) + r")\b", re.I)


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def spell(text: str, place: Place | None) -> str:
    """careerkit's own words in the place's spelling (unchanged when the place is unknown)."""
    if not text or place is None:
        return text
    if place.american:
        return _US_RX.sub(lambda m: _same_case(_TO_US[m.group(0).lower()], m.group(0)), text)
    if place.country in UK.values():
        return _UK_RX.sub(lambda m: _same_case(_TO_UK[m.group(0).lower()], m.group(0)), text)
    return text
