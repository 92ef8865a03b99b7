"""Small text helpers shared by the documents: dates as people read them, lists in prose."""

from __future__ import annotations

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_year(date: str | None) -> str:
    """'2016-08' or '2016-08-15' -> 'Aug 2016'; '2016' -> '2016'; None -> ''."""
    if not date:
        return ""
    parts = str(date).split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def year(date: str | None) -> str:
    return str(date)[:4] if date else ""


def date_range(start: str | None, end: str | None, *, present: str = "present") -> str:
    """'Aug 2016 – present', 'Aug 2014 – Jun 2016'; the en dash is the typographer's."""
    first = month_year(start)
    last = month_year(end) if end else present
    if not first:
        return last if end else ""
    return f"{first} – {last}"


def join_words(items: list[str], *, conjunction: str = "and") -> str:
    """['a'] -> 'a'; ['a', 'b'] -> 'a and b'; ['a', 'b', 'c'] -> 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
