"""Structure read from one requirement's text: years, degree, credential terms, jurisdiction."""

from __future__ import annotations

import re

from careerkit.posting import vocabulary as V

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


def __getattr__(name: str):
    if name == "YEARS":  # the years pattern, compiled on first use from the vocabulary
        return V.years_pattern()
    raise AttributeError(name)


def years_of(text: str) -> float | None:
    """The first number of years asked: "five (5) years", "3+ years", "minimum of three years"."""
    return V.years_of(text)


def category_of(text: str, years_at: int = 0) -> str:
    """The kind of experience asked: teaching, leadership, administration, or any."""
    tail = text[years_at : years_at + 160]
    for source in (tail, text):
        found = V.first_experience_kind(source)
        if found:
            return found
    return "any"


def degree_level_of(text: str) -> str | None:
    """The lowest degree level the text accepts ("MBA or Ed.S." asks a master's)."""
    return V.degree_level(text)


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
                and part not in fields
            ):
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
        while words and (words[0].lower() in _LEAD_STOP or V.is_place_word(words[0])):
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
    return V.place_of(text)
