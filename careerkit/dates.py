"""Dates as people type them: ISO (YYYY, YYYY-MM, YYYY-MM-DD) and plain words.

Dates keep the precision they were given: "2024-03" stays a month. Plain words resolve
against today (passed in, so tests can fix it) and give a day, except "last month" /
"this month" (a month) and "last year" / "this year" (a year).

Slashed dates are read US-style, month first (3/15/2024), unless the day comes first by
necessity (15/03/2024) or the profile's location is one where the day comes first (the UK,
Ireland, Australia, New Zealand): then 05/03/2024 is the 5th of March. School-year words give
a month: "fall 2023" (September), "spring 2024" (March), "summer" (June), "winter" (December),
"last spring", "this fall", and terms: "this term", "last semester" (fall term from September,
spring term from January, summer term from June).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from careerkit.errors import InvalidInput

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_WEEKDAYS = [d.lower() for d in calendar.day_name]
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_AGO = re.compile(r"^(\d+|a|an|one|two|three|four|five|six)\s+(day|week|month|year)s?\s+ago$")
_WORDNUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SLASHED = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})$")
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_TERMS = (1, 6, 9)  # spring term from January, summer term from June, fall term from September
_SEASON_WORDS = re.compile(
    r"^(?:(last|this|next|past)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(\d{4}))?$"
)
_TERM_WORDS = re.compile(r"^(last|this|next|past|current)\s+(term|semester)$")

# Whether an ambiguous slashed date (05/03/2024) is day first: asked of the caller (the command
# line reads the profile's location) only when a date needs it.
DAY_FIRST: Callable[[], bool] | None = None
_DAY_FIRST_PLACES = re.compile(
    r"\b(uk|u\.k\.|united kingdom|england|scotland|wales|northern ireland|ireland|australia|"
    r"new zealand|nz|great britain|britain)\b",
    re.I,
)


def day_first_place(location: str | None) -> bool:
    """Is this a place where dates are written day first (a UK profile)?"""
    return bool(location and _DAY_FIRST_PLACES.search(location))


def parse_date(text: str, today: date | None = None) -> str:
    """Return the date as ISO text at the precision given; raise InvalidInput if unreadable."""
    today = today or date.today()
    raw = text
    text = " ".join(str(text).strip().lower().split())
    if not text:
        raise InvalidInput("not a date: empty")
    iso = _parse_iso(text)
    if iso:
        return iso
    slashed = _parse_slashed(text)
    if slashed:
        return slashed
    word = _parse_words(text, today)
    if word:
        return word
    raise InvalidInput(
        f"not a date: {raw!r} (use YYYY-MM-DD, 3/15/2024, YYYY-MM, YYYY or words like 'yesterday', 'fall 2023')"
    )


def is_iso_date(text: str) -> bool:
    return _parse_iso(str(text)) is not None


def _parse_iso(text: str) -> str | None:
    m = _ISO.match(text)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    year = int(y)
    if year < 1900 or year > 2200:
        return None
    if mo is None:
        return f"{year:04d}"
    month = int(mo)
    if not 1 <= month <= 12:
        return None
    if d is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(d)).isoformat()
    except ValueError:
        return None


def _parse_slashed(text: str) -> str | None:
    """3/15/2024 (US), 15/03/2024 (the day first by necessity, or for a UK profile), 3/15/24."""
    m = _SLASHED.match(text)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(y) if len(y) == 4 else 2000 + int(y)
    if a > 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12 or a == b or DAY_FIRST is None or not DAY_FIRST():
        month, day = a, b
    else:
        day, month = a, b
    return _parse_iso(f"{year:04d}-{month}-{day}")


def _season(text: str, today: date) -> str | None:
    m = _SEASON_WORDS.match(text)
    if m:
        which, season, year = m.group(1), _SEASONS[m.group(2)], m.group(3)
        if year:
            return None if which else f"{int(year):04d}-{season:02d}"
        current = today.year * 12 + today.month - 1
        # the season's months: its start and the two after (winter runs into the new year)
        this_year = today.year * 12 + season - 1
        candidates = [this_year - 12, this_year, this_year + 12]
        inside = next((c for c in candidates if c <= current <= c + 2), None)
        if which in ("last", "past"):
            start = max(c for c in candidates if c + 2 < current) if inside is None else inside - 12
        elif which == "next":
            start = min(c for c in candidates if c > current)
        else:  # "this fall", or "fall" alone: this year's
            start = (
                inside
                if inside is not None
                else this_year
                if which == "this"
                else max(c for c in candidates if c <= current)
            )
        return f"{start // 12:04d}-{start % 12 + 1:02d}"
    m = _TERM_WORDS.match(text)
    if m:
        starts = [(year, month) for year in (today.year - 1, today.year, today.year + 1) for month in _TERMS]
        now = (today.year, today.month)
        index = max(i for i, t in enumerate(starts) if t <= now)
        shift = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1}[m.group(1)]
        year, month = starts[index + shift]
        return f"{year:04d}-{month:02d}"
    return None


def is_future(iso: str, today: date | None = None) -> bool:
    """Does the date begin after today? ('2030-05' does; this month does not.)"""
    return start_of(iso) > (today or date.today()).isoformat()


def _parse_words(text: str, today: date) -> str | None:
    simple = {
        "today": today,
        "now": today,
        "yesterday": today - timedelta(days=1),
        "tomorrow": today + timedelta(days=1),
        "last week": today - timedelta(days=7),
        "next week": today + timedelta(days=7),
    }
    if text in simple:
        return simple[text].isoformat()
    if text in ("last month", "this month", "next month"):
        shift = {"last month": -1, "this month": 0, "next month": 1}[text]
        y, mo = _add_months(today.year, today.month, shift)
        return f"{y:04d}-{mo:02d}"
    if text in ("last year", "this year", "next year"):
        return f"{today.year + {'last year': -1, 'this year': 0, 'next year': 1}[text]:04d}"
    m = _AGO.match(text)
    if m:
        try:
            when = _ago(today, m.group(1), m.group(2))
        except (OverflowError, ValueError):
            return None  # '99999 years ago': before the calendar starts
        return when if _parse_iso(when) else None  # the same years ISO dates allow
    return _weekday(text, today) or _month_name(text, today) or _season(text, today)


def _ago(today: date, amount: str, unit: str) -> str:
    n = int(amount) if amount.isdigit() else _WORDNUM[amount]
    if unit == "day":
        return (today - timedelta(days=n)).isoformat()
    if unit == "week":
        return (today - timedelta(weeks=n)).isoformat()
    if unit == "month":
        y, mo = _add_months(today.year, today.month, -n)
        day = min(today.day, calendar.monthrange(y, mo)[1])
        return date(y, mo, day).isoformat()
    return date(
        today.year - n, today.month, min(today.day, 28 if today.month == 2 else today.day)
    ).isoformat()


def _weekday(text: str, today: date) -> str | None:
    parts = text.split()
    if len(parts) == 1 and parts[0] in _WEEKDAYS:
        parts = ["last", parts[0]]
    if len(parts) != 2 or parts[1] not in _WEEKDAYS:
        return None
    target = _WEEKDAYS.index(parts[1])
    if parts[0] in ("last", "past"):
        back = (today.weekday() - target) % 7 or 7
        return (today - timedelta(days=back)).isoformat()
    if parts[0] == "this":
        return (today + timedelta(days=target - today.weekday())).isoformat()
    if parts[0] == "next":
        ahead = (target - today.weekday()) % 7 or 7
        return (today + timedelta(days=ahead)).isoformat()
    return None


def _month_name(text: str, today: date) -> str | None:
    """'march 2024', 'mar 2024', '12 march 2024', 'march 12 2024', 'march' (the last one)."""
    words = text.replace(",", " ").split()
    months = [w for w in words if w in _MONTHS]
    if len(months) != 1:
        return None
    month = _MONTHS[months[0]]
    nums = [w for w in words if w.isascii() and w.isdigit()]
    if len(nums) + 1 != len(words):
        return None
    years = [int(n) for n in nums if len(n) == 4]
    days = [int(n) for n in nums if len(n) <= 2]
    if len(years) > 1 or len(days) > 1:
        return None
    year = years[0] if years else (today.year if month <= today.month else today.year - 1)
    if days:
        try:
            return date(year, month, days[0]).isoformat()
        except ValueError:
            return None
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def start_of(iso: str) -> str:
    """The first day a partial date covers: '2024' -> '2024-01-01'."""
    return (iso + "-01-01")[:10]


def end_of(iso: str) -> str:
    """The last day a partial date covers: '2024-02' -> '2024-02-29'."""
    if len(iso) == 4:
        return f"{iso}-12-31"
    if len(iso) == 7:
        y, m = int(iso[:4]), int(iso[5:7])
        return f"{iso}-{calendar.monthrange(y, m)[1]:02d}"
    return iso


def to_date(iso: str) -> date:
    """A partial ISO date as a date (its first day)."""
    return date.fromisoformat(start_of(iso))
