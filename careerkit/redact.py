"""Redaction: take other people's names out of what leaves the machine, and count them.

A career record holds other people: who gave the feedback, the mentors and sponsors in the
network, and students and parents named in the text ("Marcus's mom", "my student Jamie R.",
"Ms. Alvarez"). `--redact` on a document or an export removes them and says how many. The
user's own name (the profile) stays: it is their resume.

Pure: text, dicts and models in, the same out with a count. No I/O, no printing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

PLACEHOLDER = "[name]"

# A capitalised name word: "Marcus", "O'Neil", "Jean-Luc", "Zoë"; and an initial "R." or "R"
_WORD = r"[A-Z\u00C0-\u00DE][\w'\u2019-]*"
_NAME = rf"{_WORD}(?:\s+(?:[A-Z]\.(?!\w)|{_WORD}))?"
_HONORIFIC = re.compile(rf"\b((?:Mr|Mrs|Ms|Mx|Miss|Dr|Coach)\.?\s+)({_NAME})")
# Words that introduce a student or family member by name: "my student Jamie", "parent Ana Ruiz"
_CUES = (
    r"student|pupil|son|daughter|child|kid|parent|mother|father|mom|mum|dad|guardian|"
    r"grandmother|grandfather|grandma|grandpa|aunt|uncle|sister|brother"
)
_CUED = re.compile(rf"\b(?:(?i:{_CUES})s?)(?:,|\s+named|\s+called)?\s+({_NAME})")
# "Marcus's mom", "Jamie's father"
_POSSESSIVE = re.compile(rf"\b({_WORD})['\u2019]s\s+(?=(?i:{_CUES})\b)")
# Capitalised words that follow a cue but are not names ("my student Council", "Parent Night")
_NOT_NAMES = {
    "I",
    "The",
    "A",
    "An",
    "And",
    "Or",
    "But",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "To",
    "With",
    "Who",
    "When",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Night",
    "Council",
    "Conference",
    "Conferences",
    "Teacher",
    "Teachers",
    "Association",
    "Survey",
    "Surveys",
    "Group",
    "Groups",
    "Leader",
    "Leaders",
    "Government",
    "Services",
    "Success",
    "Support",
    "Engagement",
    "University",
    "Academy",
    "Day",
    "Week",
    "Handbook",
    "Portal",
    "Meeting",
    "Meetings",
    "Committee",
    "Club",
    "Team",
    "Data",
    "Voice",
}


# Titles said before a name: "Principal Dana Lee", "AP Sam Ortiz", "Dr. Ruiz". Before a
# known person's name they go with it; a title alone ("the Principal") is not a name.
_TITLES = (
    r"(?:Assistant\s+|Vice\s+|Deputy\s+)?(?:Principal|Superintendent|Head\s*teacher|Head|Director)"
    r"|Dean|Coach|Counsell?or|Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Miss|AP|VP|APs|Nurse"
)
_TITLE_AT_START = re.compile(rf"^(?:(?:{_TITLES})\s+)+")
_TITLE_WORDS = {
    "Assistant", "Vice", "Deputy", "Principal", "Superintendent", "Headteacher", "Head", "Director",
    "Dean", "Coach", "Counselor", "Counsellor", "Professor", "Prof", "Dr", "Mr", "Mrs", "Ms", "Mx",
    "Miss", "AP", "VP", "Nurse",
}  # fmt: skip
# Two-letter words that are names ("Jo", "Al") unless they are ordinary words.
_SHORT_NOT_NAMES = {
    "Ed", "Mr", "Ms", "Dr", "St", "Mt", "In", "On", "At", "Of", "To", "Or", "An", "As", "Is", "It",
    "He", "We", "My", "No", "So", "Up", "Us", "Go", "Do", "Be", "By", "If", "Me",
}  # fmt: skip


def _name_parts(name: str) -> set[str]:
    """A known name, without the title written with it, and each of its words."""
    core = _TITLE_AT_START.sub("", name).strip() or name
    parts = {name, core}
    for w in re.split(r"[\s,]+", core):
        bare = w.strip(".")
        if not w[:1].isupper() or w in _NOT_NAMES or bare in _TITLE_WORDS:
            continue
        if len(bare) >= 3 or (len(bare) == 2 and bare.istitle() and bare not in _SHORT_NOT_NAMES):
            parts.add(w)
    return parts


@dataclass
class Redactor:
    """Removes the given names (and names recognisable from context) from text."""

    names: Iterable[str] = ()
    count: int = 0
    _known: re.Pattern | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        parts: set[str] = set()
        for name in self.names:
            name = " ".join(str(name or "").split())
            if not name or name == PLACEHOLDER:
                continue
            # the name, without its title, and each of its words: "Dana said" after
            # "Principal Dana Lee" is known
            parts.update(_name_parts(name))
        if parts:
            ordered = sorted(parts, key=len, reverse=True)  # "Dana Lee" before "Dana"
            alternatives = "|".join(re.escape(p) for p in ordered)
            # a title said with a known name goes with it: "Principal Lee" -> "[name]"
            self._known = re.compile(
                rf"(?<![\w\[])(?:(?:{_TITLES})\s+)*(?:{alternatives})(?:['\u2019]s)?(?![\w\]])"
            )

    def text(self, value: str | None) -> str | None:
        """The text with names replaced by [name]; self.count grows by how many."""
        if not value:
            return value
        out = value
        if self._known is not None:
            out = self._known.sub(self._replace, out)
        out = _HONORIFIC.sub(self._replace_titled, out)
        out = _CUED.sub(self._replace_group, out)
        out = _POSSESSIVE.sub(self._replace_possessive, out)
        return out

    def _replace(self, match: re.Match) -> str:
        self.count += 1
        return PLACEHOLDER + ("'s" if match.group(0).endswith(("'s", "\u2019s")) else "")

    def _replace_titled(self, match: re.Match) -> str:
        self.count += 1
        possessive = re.search(r"['\u2019]s$", match.group(2))
        return match.group(1) + PLACEHOLDER + (possessive.group(0) if possessive else "")

    def _replace_group(self, match: re.Match) -> str:
        name = match.group(1)
        first = name.split()[0]
        if first in _NOT_NAMES or first.isupper() and len(first) > 1:
            return match.group(0)
        words = name.split()
        # keep a trailing ordinary word the name pattern swallowed ("student Jamie Said")
        self.count += 1
        start, end = match.span(1)
        whole = match.group(0)
        offset = match.start(0)
        kept_tail = ""
        if len(words) == 2 and words[1] in _NOT_NAMES:
            kept_tail = name[len(words[0]) :]
        return whole[: start - offset] + PLACEHOLDER + kept_tail + whole[end - offset :]

    def _replace_possessive(self, match: re.Match) -> str:
        if match.group(1) in _NOT_NAMES:
            return match.group(0)
        self.count += 1
        return PLACEHOLDER + "'s "


def people_named(data: dict[str, Any]) -> list[str]:
    """The names a career file (dict) holds of other people: feedback `from`, network names."""
    names = [f.get("from") or f.get("from_name") for f in data.get("feedback") or []]
    names += [c.get("name") for c in data.get("network") or []]
    return [n for n in names if isinstance(n, str) and n.strip()]


# Text fields that may name people, by career-file section (names themselves handled apart).
_TEXT_FIELDS = {
    "positions": ("summary",),
    "credentials": (),
    "accomplishments": ("title", "details", "situation", "task", "action", "result", "impact"),
    "feedback": ("text", "context"),
    "learning": ("takeaways",),
    "network": ("role", "notes"),
    "goals": ("title", "notes"),
    "reflections": ("text", "did", "learned", "differently", "evidence"),
}


def redact_career(data: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """A copy of a career file (as a dict) without other people's names, and how many
    names were removed. Feedback loses its `from`; a contact's name becomes [name]."""
    redactor = Redactor(people_named(data))
    out = dict(data)
    for section, fields in _TEXT_FIELDS.items():
        entries = data.get(section)
        if not entries:
            continue
        new_entries = []
        for entry in entries:
            entry = dict(entry)
            for key in fields:
                if isinstance(entry.get(key), str):
                    entry[key] = redactor.text(entry[key])
            if section == "feedback":
                for key in ("from", "from_name"):
                    if entry.get(key):
                        entry.pop(key)
                        redactor.count += 1
            if section == "network" and entry.get("name") and entry["name"] != PLACEHOLDER:
                entry["name"] = PLACEHOLDER
                redactor.count += 1
            new_entries.append(entry)
        out[section] = new_entries
    return out, redactor.count


def redact_record(record, names: Iterable[str] = ()):
    """The same for the record documents are rendered from (a `models.record.Record`, or the
    store's read-only view of one): returns (record, count). Entries are copied with their
    text changed and nothing validated again; the record given is left as it was. `names`:
    more people to take out (the network, when the record was read without it)."""
    found: list[object] = list(names)
    found += [getattr(f, "from_name", None) for f in getattr(record, "feedback", None) or []]
    found += [getattr(c, "name", None) for c in getattr(record, "network", None) or []]
    redactor = Redactor([n for n in found if isinstance(n, str) and n])
    sections = {}
    for section, fields in _TEXT_FIELDS.items():
        entries = getattr(record, section, None)
        if not entries:
            continue
        new_entries = []
        for entry in entries:
            changes = {
                key: redactor.text(getattr(entry, key))
                for key in fields
                if isinstance(getattr(entry, key, None), str)
            }
            if section == "feedback" and getattr(entry, "from_name", None):
                changes["from_name"] = None
                redactor.count += 1
            if section == "network" and getattr(entry, "name", None) not in (None, PLACEHOLDER):
                changes["name"] = PLACEHOLDER
                redactor.count += 1
            new_entries.append(_changed(entry, changes))
        sections[section] = new_entries
    return _changed(record, sections), redactor.count


def redact_report(report, record):
    """A saved gap report's words about the record (each why line and evidence label names
    entries, and an entry's title can name a person) with the record's people taken out:
    returns (report, count). The report given is left as it was."""
    names = [getattr(f, "from_name", None) for f in record.feedback]
    names += [getattr(c, "name", None) for c in record.network]
    redactor = Redactor([n for n in names if isinstance(n, str) and n])
    requirements = []
    for r in report.requirements:
        evidence = [e.model_copy(update={"text": redactor.text(e.text)}) for e in r.evidence]
        requirements.append(r.model_copy(update={"why": redactor.text(r.why), "evidence": evidence}))
    return report.model_copy(update={"requirements": requirements}), redactor.count


def _changed(obj, changes: dict[str, Any]):
    """A shallow copy of obj with some attributes changed (pydantic model or plain object)."""
    if hasattr(obj, "model_copy"):
        return obj.model_copy(update=changes)
    import copy

    new = copy.copy(obj)
    new.__dict__.update(changes)
    return new
