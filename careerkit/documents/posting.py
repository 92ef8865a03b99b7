"""What the brief and the letter say about the posting itself: its name, employer, place and
reporting line, read from the saved report and the posting's text. Pure: text in, text out.

Nothing here judges the record; the verdicts are the saved report's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

_LABELLED = re.compile(
    r"^\s*(?:[-•*]\s*)?(?P<key>location|work location|based at|based in|site|campus|school|reports? to|"
    r"reporting to|supervisor|responsible to|accountable to)\s*[:\-–]\s*(?P<value>\S.{1,120}?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_REPORTS_INLINE = re.compile(
    r"\b(?i:reports?|reporting|accountable|responsible)\s+(?i:directly\s+)?(?i:to)\s+(?i:the\s+)?"
    r"(?P<who>(?:[A-Z][\w'’-]*|of|for|and|the|&)(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the|&)){0,7})"
)
_REPORTS_LOWER = re.compile(
    r"\b(?i:reports?|reporting)\s+(?:directly\s+)?to\s+the\s+(?P<who>[a-z][a-z -]{2,40}?)(?=[.,;:]|\s+(?:and|on|for|in|at|with|who)\b)"
)
_INLINE_WHO = re.compile(
    r"\b(?:works?|working)\s+(?:alongside|with|under)\s+the\s+(?P<who>[a-z][a-z -]{3,40}?)\s+of\b"
)
_CITY_STATE = re.compile(
    r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s(A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|"
    r"N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\b"
)


@dataclass
class PostingFacts:
    title: str
    employer: str
    location: str = ""
    reports_to: str = ""
    title_known: bool = True
    employer_known: bool = True


def facts(
    title: str | None,
    organization: str | None,
    source: str | None,
    text: str = "",
    *,
    report_id: int | None = None,
) -> PostingFacts:
    """The posting's name and employer as saved (else the file's name, never "(untitled)"),
    and where and to whom the role reports, when the text says so."""
    name = _clean(title)
    known = bool(name)
    if not name:
        name = from_file_name(source) or (f"posting {report_id}" if report_id is not None else "the posting")
    employer = _clean(organization)
    location, reports = _labelled(text)
    if reports and reports[:1].isupper() and not re.match(r"(?:the|The|Dr|Mr|Mrs|Ms|Mx)\b", reports):
        reports = "the " + reports
    if not reports:
        m = _REPORTS_INLINE.search(text or "")
        if m:
            reports = _trim_who(m.group("who"))
    if not reports:
        m = _REPORTS_LOWER.search(text or "")
        if m:
            reports = "the " + m.group("who").strip()
    if not reports:
        m = _INLINE_WHO.search(text or "")
        if m:
            reports = "the " + m.group("who").strip()
    if not location:
        m = _CITY_STATE.search(text or "")
        if m:
            location = m.group(0)
    return PostingFacts(
        title=name,
        employer=employer or "",
        location=location,
        reports_to=reports,
        title_known=known,
        employer_known=bool(employer),
    )


def from_file_name(source: str | None) -> str:
    """'ap-posting_2026.txt' -> 'Ap posting 2026': a name a person can recognise."""
    if not source or source in ("-", "<stdin>", "stdin", "editor"):
        return ""
    stem = PurePath(source).stem
    words = re.sub(r"[_\-.]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else ""


def _labelled(text: str) -> tuple[str, str]:
    location = reports = ""
    for m in _LABELLED.finditer(text or ""):
        key = m.group("key").lower()
        value = m.group("value").strip().rstrip(".;")
        if key.startswith(("report", "supervisor", "responsible", "accountable")):
            reports = reports or value
        else:
            location = location or value
    return location, reports


def _trim_who(who: str) -> str:
    words = who.split()
    while words and words[-1].lower() in ("of", "for", "and", "the", "&"):
        words.pop()
    return ("the " if words and words[0][0].isupper() else "") + " ".join(words)


def _clean(value: str | None) -> str:
    text = " ".join((value or "").split())
    return "" if text.lower() in ("(untitled)", "untitled", "none") else text


# -- named systems and roles -------------------------------------------------------------------


def mentions(text: str, phrases: list[str]) -> bool:
    """Whether the posting names one of the phrases: acronyms of up to four letters by their
    capitals ("ARD", not "hard"), longer words and phrases in any case, at a word start."""
    for phrase in phrases:
        p = str(phrase)
        if len(p) <= 4 and (p.isupper() or p.isdigit()):
            if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text):
                return True
        elif re.search(rf"(?<![\w]){re.escape(p)}", text, re.IGNORECASE):
            return True
    return False
