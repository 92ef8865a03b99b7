"""One vocabulary for reading structure out of text: number words and years, degree levels,
kinds of experience, school levels, subjects, places, scopes, the ladder of roles, growth-area
feedback and the generic words that never decide a verdict.

The word lists live in `frameworks/vocabulary.yaml`; this module compiles them once, on first
use, and answers questions about a text. Every reader of a posting (posting.structure,
posting.checks, the verdicts) and `gap common` asks here, so they agree."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

FILE = Path(__file__).resolve().parent.parent / "frameworks" / "vocabulary.yaml"

RANK = {"associate": 1, "bachelor": 2, "master": 3, "specialist": 4, "doctorate": 5}


@cache
def data() -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(FILE, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def _any(patterns: list[str], flags: int = re.I) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# -- numbers and years ----------------------------------------------------------------------


@cache
def numbers() -> dict[str, int]:
    return dict(data()["numbers"])


@cache
def _years_rx() -> re.Pattern[str]:
    words = "|".join(sorted(numbers(), key=len, reverse=True))
    return re.compile(
        r"\b(?:(?P<d>\d{1,2}(?:\.\d)?)|(?P<w>" + words + r")(?:\s*[(\[]\s*\d{1,2}\s*[)\]])?)"
        r"\s*\+?\s*(?:or\s+more\s+|plus\s+|full[-\s]time\s+|full\s+|consecutive\s+)?"
        r"(?:\(?\s*\d{1,2}\s*\)?\s*)?(?:school\s+)?(?:years?|yrs?)\b",
        re.I,
    )


_DEADLINE = re.compile(
    r"\b(?:within|in|after|for|every|per|of\s+(?:the|this)|next|first|each|last|past)\s+$|"
    r"\b(?:within|in|over|during)\s+the\s+(?:last|past|next|first)\s+$",
    re.I,
)


def years_pattern() -> re.Pattern[str]:
    """The pattern of a number of years ("five (5) years", "3+ years")."""
    return _years_rx()


def years_spans(text: str) -> list[tuple[int, int, float]]:
    """Each number of years the text asks, as (start, end, years): "five (5) years", "3+ years";
    "within one year" and "in two years" are deadlines, not experience."""
    out = []
    for m in _years_rx().finditer(text[:2000]):
        if _DEADLINE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        raw = (m.group("d") or m.group("w") or "").lower()
        value = float(raw) if raw[:1].isdigit() else float(numbers().get(raw, 0))
        if 0 < value <= 40:
            out.append((m.start(), m.end(), value))
    return out


def years_of(text: str) -> float | None:
    """The first number of years asked, or None."""
    spans = years_spans(text)
    return spans[0][2] if spans else None


# -- degrees ----------------------------------------------------------------------------------


@cache
def _degree_rx() -> list[tuple[str, re.Pattern[str]]]:
    return [(level, _any(pats)) for level, pats in data()["degree_levels"].items()]


def degree_levels_in(text: str) -> list[str]:
    """Every degree level a text names, in the order they appear."""
    found = []
    for level, rx in _degree_rx():
        m = rx.search(text[:2000])
        if m:
            found.append((m.start(), level))
    return [lv for _, lv in sorted(found)]


def degree_level(text: str) -> str | None:
    """The lowest degree level a text accepts: "MBA or Ed.S. preferred" asks a master's;
    "Master's required; doctorate preferred" a master's; "a degree" a bachelor's."""
    named = degree_levels_in(text)
    if named:
        return min(named, key=RANK.__getitem__)
    if re.search(data()["degree_generic"], text[:2000], re.I):
        return "bachelor"
    return None


def field_family_members(field: str) -> list[str]:
    """The fields a family name takes in ("science": chemistry, biology ...), else []."""
    from careerkit.posting.text import stem

    wanted = stem(field.strip().lower())
    for name, members in data()["field_families"].items():
        if stem(name) == wanted or name == field.strip().lower():
            return list(members)
    return []


def degree_name(level: str) -> str:
    return str(data()["degree_names"].get(level, "A degree"))


# -- kinds of experience ----------------------------------------------------------------------


@cache
def _experience_rx() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, _any(pats)) for name, pats in data()["experience"].items()]


def experience_kinds(text: str) -> list[str]:
    """The kinds of experience a text names (administration, leadership, teaching), by precedence."""
    return [name for name, rx in _experience_rx() if rx.search(text)]


def experience_kind(text: str) -> str:
    """The kind of experience a years requirement counts: the kind named first after the number
    of years, else the first named anywhere, else "any". "3 years of management experience" is
    leadership."""
    spans = years_spans(text)
    places = [text[spans[0][1] : spans[0][1] + 160], text] if spans else [text]
    for where in places:
        found = [(m.start(), name) for name, rx in _experience_rx() if (m := rx.search(where))]
        if found:
            return min(found)[1]
    return "any"


def first_experience_kind(text: str) -> str | None:
    """The kind of experience named first in a text, or None."""
    found = [(m.start(), name) for name, rx in _experience_rx() if (m := rx.search(text))]
    return min(found)[1] if found else None


def experience_name(kind: str) -> str:
    return str(data()["experience_names"].get(kind, "related experience"))


def accepts(kind: str) -> set[str] | None:
    """The position categories that count for a kind of experience (None: any)."""
    acc = data()["experience_accepts"].get(kind)
    return set(acc) if acc else None


# -- school levels and subjects ---------------------------------------------------------------


@cache
def _level_rx() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, _any(pats)) for name, pats in data()["school_levels"].items()]


@cache
def _all_levels_rx() -> re.Pattern[str]:
    return re.compile(data()["all_levels"], re.I)


_LEVEL_ALIASES = {"high": "secondary", "primary": "elementary", "early": "early childhood"}


def levels_in(text: str) -> set[str]:
    """The school levels a text names; none when it spans them all (PK-12, all levels)."""
    if not text:
        return set()
    if _all_levels_rx().search(text):
        return set()
    return {name for name, rx in _level_rx() if rx.search(text)}


_LEVEL_ITEM_WORDS = re.compile(
    r"\b(?:experience[ds]?|schools?|settings?|levels?|grades?|classrooms?|teaching|is|are|an?|the|in|at|or|and|"
    r"with|plus|preferred|desired|desirable|required|advantage|strongly|highly|previous|prior|successful)\b|[^\w\s]",
    re.I,
)


def asks_only_a_level(text: str) -> bool:
    """ "Middle school experience is a plus", "Experience in a K-8 school or a middle school": the
    item asks where the person has worked, nothing else."""
    if not re.search(r"\bexperience\b", text or "", re.I) or not levels_in(text):
        return False
    rest = text
    for _, rx in _level_rx():
        rest = rx.sub(" ", rest)
    return not _LEVEL_ITEM_WORDS.sub(" ", rest).split()


def level_of_position(level: str | None, *texts: str | None) -> set[str]:
    """A position's levels: its `level` field (elementary, middle, high, ...) else its words."""
    if level:
        lv = level.lower().strip()
        lv = _LEVEL_ALIASES.get(lv, lv)
        if lv in data()["school_levels"]:
            return {lv}
    return levels_in(" ".join(t for t in texts if t))


@cache
def _subject_rx() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, _any(pats)) for name, pats in data()["subjects"].items()]


def subjects_in(text: str) -> set[str]:
    return {name for name, rx in _subject_rx() if rx.search(text or "")}


@cache
def _all_subjects_rx() -> re.Pattern[str]:
    return re.compile(data()["all_subjects"], re.I)


def subjects_of_position(*texts: str | None) -> frozenset[str] | None:
    """A position's subjects from its title and summary; None when it taught every subject."""
    text = " ".join(t for t in texts if t)
    if _all_subjects_rx().search(text):
        return None
    return frozenset(subjects_in(text))


def places_in(text: str) -> list[str]:
    """Every place a text names, most named first (a posting's own state is named most)."""
    from collections import Counter

    place, abbr, alias, _ = _place_rx()
    found: Counter[str] = Counter()
    for m in place.finditer(text or ""):
        found[m.group(1)] += 1
    for m in alias.finditer(text or ""):
        found[data()["place_marks"][m.group(1)]] += 1
    for m in abbr.finditer(text or ""):
        found[us_states()[m.group(1)]] += 1
    return [p for p, _ in found.most_common()]


def place_of_location(location: str | None) -> str | None:
    """A position's place from its location: "Austin, TX" is Texas."""
    if not location:
        return None
    tail = location.replace("(", ",").split(",")
    for part in reversed(tail):
        part = part.strip(" )")
        if part.upper() in us_states():
            return us_states()[part.upper()]
    return place_of(location)


# -- scope and roles --------------------------------------------------------------------------


@cache
def scopes() -> list[str]:
    return list(data()["scopes"])


def scope_rank(scope: str | None) -> int:
    return scopes().index(scope) if scope in scopes() else 0


@cache
def _scope_rx() -> list[tuple[str, re.Pattern[str]]]:
    words = data()["scope_words"]
    return [(s, _any(words[s])) for s in reversed(scopes()) if s in words]


def scope_named(text: str) -> str | None:
    """The widest scope a text names in words ("the District's", "school-wide", "department")."""
    for scope, rx in _scope_rx():
        if rx.search(text or ""):
            return scope
    return None


@cache
def _evidence_scope_rx() -> list[tuple[str, re.Pattern[str]]]:
    words = data()["evidence_scope"]
    return [(s, _any(words[s])) for s in reversed(scopes()) if s in words]


def scope_shown(text: str) -> str | None:
    """The widest scope an entry's words show it was done at ("school-wide", "the district's
    curriculum writing team"); naming the district's office is not working for the district."""
    for scope, rx in _evidence_scope_rx():
        if rx.search(text or ""):
            return scope
    return None


_COUNT = re.compile(
    r"\b(\d[\d,]*)\s+(?:[a-z0-9-]+\s+){0,2}?(teachers|staff|students|pupils|schools|campuses)\b", re.I
)


def scope_by_numbers(text: str) -> str | None:
    """The scope the people an entry reached imply: "28 teachers" a school, "620 students" a school."""
    table = data()["scope_numbers"]
    best = None
    for m in _COUNT.finditer(text or ""):
        n = int(m.group(1).replace(",", ""))
        what = m.group(2).lower()
        what = {"pupils": "students", "staff": "teachers", "campuses": "schools"}.get(what, what)
        for scope, least in table.get(what, {}).items():
            if n >= least and (best is None or scope_rank(scope) > scope_rank(best)):
                best = scope
    return best


@cache
def _roles() -> list[tuple[str, int, str, re.Pattern[str]]]:
    return [(r["rung"], int(r["rank"]), r["scope"], _any(r["names"])) for r in data()["roles"]]


def role_of(title: str) -> tuple[str, int, str] | None:
    """The highest rung of the ladder a title names: (rung, rank, scope), e.g. ("assistant
    principal or deputy", 4, "school") for "Deputy Headteacher"."""
    best = None
    for rung, rank, scope, rx in _roles():
        if rx.search(title or "") and (best is None or rank > best[1]):
            best = (rung, rank, scope)
    return best


def rung_name(rank: int) -> str:
    for rung, r, _, _ in _roles():
        if r == rank:
            return rung
    return "role"


@cache
def _off_ladder_rx() -> re.Pattern[str]:
    return _any(data()["off_ladder"])


def off_ladder(*texts: str | None) -> bool:
    """A union or association post: leadership, but not on a school's line of management."""
    return bool(_off_ladder_rx().search(" ".join(t for t in texts if t)))


@cache
def _summer_rx() -> re.Pattern[str]:
    return _any(data()["summer_roles"])


def summer_role(title: str) -> bool:
    return bool(_summer_rx().search(title or ""))


@cache
def _authority_rx() -> re.Pattern[str]:
    return _any(data()["authority"])


def needs_authority(text: str) -> bool:
    """A duty only someone with authority over staff or students does (supervise personnel,
    conduct evaluations, discipline)."""
    return bool(_authority_rx().search(text or ""))


@cache
def _leading_rx() -> re.Pattern[str]:
    return _any(data()["leading_duty"])


@cache
def _assisting_rx() -> re.Pattern[str]:
    return re.compile(data()["assisting"], re.I)


def leading_duty(text: str) -> bool:
    """A duty of running something (leads, oversees, is responsible for); assisting in it is not."""
    return bool(_leading_rx().search(text or "")) and not _assisting_rx().search(text or "")


@cache
def _shaping_rx() -> re.Pattern[str]:
    return _any(data()["shaping"])


def shapes_a_school(text: str) -> bool:
    """A quality aimed at a whole school's climate ("create a school environment ...")."""
    return bool(_shaping_rx().search(text or ""))


@cache
def _teaching_duty_rx() -> re.Pattern[str]:
    return _any(data()["teaching_duties"])


def teaching_duty(text: str) -> bool:
    """An ordinary duty of a classroom teacher (plan lessons, assess pupils' progress)."""
    return bool(_teaching_duty_rx().search(text or ""))


@cache
def _language_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted(data()["languages"], key=len, reverse=True)
    return (
        re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"),
        re.compile(data()["speaking"], re.I),
    )


def languages_in(text: str) -> set[str]:
    """The languages a text names ("Spanish", "ASL")."""
    return {m.group(1) for m in _language_rx()[0].finditer(text or "")}


def speaks(text: str, language: str) -> bool:
    """The text says its person speaks the language, not only that it came up."""
    rx_lang, rx_speak = _language_rx()
    if language not in languages_in(text):
        return False
    return bool(rx_speak.search(text))


# -- feedback ---------------------------------------------------------------------------------


@cache
def _growth_rx() -> re.Pattern[str]:
    return _any(data()["growth_area"])


_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@cache
def _growth_cues() -> tuple[str, ...]:
    """A word of each growth-area phrase, lower-cased: most feedback holds none, and a substring
    test is far cheaper than the pattern (10,000 entries are read at every analysis)."""
    return (
        "next step",
        "need",
        "growth",
        "develop",
        "not",
        "never",
        "none",
        "lack",
        "work on",
        "benefit",
        "should",
    )


def praise_only(text: str) -> str:
    """Feedback without its growth-area sentences ("Her next steps are discipline and the
    budget"): what it names as not yet done is not evidence that it is."""
    if not text:
        return text
    low = text.lower()
    if not any(c in low for c in _growth_cues()) or not _growth_rx().search(text):
        return text
    return " ".join(s for s in _SENTENCE.split(text) if not _growth_rx().search(s))


def growth_areas(text: str) -> str:
    """The growth-area sentences of a piece of feedback."""
    if not text or not _growth_rx().search(text):
        return ""
    return " ".join(s for s in _SENTENCE.split(text) if _growth_rx().search(s))


@cache
def generic_words() -> frozenset[str]:
    from careerkit.posting.text import stem

    return frozenset(stem(w) for w in data()["generic"]) | frozenset(data()["generic"])


# -- places -----------------------------------------------------------------------------------


@cache
def us_states() -> dict[str, str]:
    return dict(data()["us_states"])


@cache
def _place_rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = sorted(list(us_states().values()) + list(data()["other_places"]), key=len, reverse=True)
    place = re.compile(r"\b(" + "|".join(re.escape(p) for p in names) + r")\b")
    abbr = re.compile(
        r"(?<![\w.])(" + "|".join(us_states()) + r")(?![\w])(?=\s+(?:state\b|[A-Z][a-z]|principal|"
        r"teach|educat|certif|licen|endorse|administ|school))"
    )
    marks = data()["place_marks"]
    alias = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in marks) + r")(?![\w-])")
    lower = re.compile(r"\b(" + "|".join(re.escape(p.lower()) for p in names) + r")\b")
    return place, abbr, alias, lower


def place_of(text: str) -> str | None:
    """The first state, nation or province a text names or implies (GaPSC, QTS, T-TESS), by its
    full name: "Texas", "England"."""
    text = (text or "")[:2000]
    place, abbr, alias, lower = _place_rx()
    found: list[tuple[int, str]] = []
    if m := place.search(text):
        found.append((m.start(), m.group(1)))
    if m := abbr.search(text):
        found.append((m.start(), us_states()[m.group(1)]))
    if m := alias.search(text):
        found.append((m.start(), data()["place_marks"][m.group(1)]))
    if not found and (m := lower.search(text.lower())):
        name = m.group(1)
        for full in list(us_states().values()) + list(data()["other_places"]):
            if full.lower() == name:
                found.append((m.start(), full))
                break
    return min(found)[1] if found else None


def is_place_word(word: str) -> bool:
    """A state's name or postal abbreviation on its own ("Georgia", "GA")."""
    place, _, _, _ = _place_rx()
    return word in us_states() or bool(place.fullmatch(word))


def place_named(value: str | None) -> str | None:
    """A place as a record or item gives it ("TX", "texas", "Texas") by its full name."""
    if not value:
        return None
    v = value.strip()
    if v.upper() in us_states():
        return us_states()[v.upper()]
    return place_of(v) or v.title()
