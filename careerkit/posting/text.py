"""Words as the gap analysis compares them: tokens, a light stemmer that makes
"coordinate", "coordinating" and "coordination" one word, and a phrase matcher that finds the
lexicon's terms (and the frameworks' keywords) in a run of tokens."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s\b")

# Spellings that differ between countries, folded to one.
_SPELLING = {
    "programme": "program",
    "programmes": "programs",
    "analyse": "analyze",
    "analysing": "analyzing",
    "analysed": "analyzed",
    "practise": "practice",
    "licence": "license",
    "licences": "licenses",
    "enrolment": "enrollment",
    "judgement": "judgment",
    "modelling": "modeling",
    "modelled": "modeled",
    "organise": "organize",
    "organising": "organizing",
    "organised": "organized",
    "prioritise": "prioritize",
    "recognise": "recognize",
    "maximise": "maximize",
    "centre": "center",
    "specialise": "specialize",
    "travelling": "traveling",
}

_SUFFIXES = (
    "izations",
    "ization",
    "isation",
    "ational",
    "ations",
    "ation",
    "ative",
    "ators",
    "ator",
    "ition",
    "ness",
    "ments",
    "ment",
    "ings",
    "ing",
    "ship",
    "ities",
    "ity",
    "ive",
    "ion",
    "ers",
    "er",
    "ors",
    "or",
    "ed",
    "ly",
    "al",
    "ful",
    "ate",
)

# Words that carry no meaning of their own in a posting or a record.
STOP = frozenset(
    """
a an the and or of to in for with on at by as is are be been being from that this these those
its it their they them his her he she him you your our we us i me my who whom whose which what
when where while will shall should would could can may might must have has had do does did not
no nor so such than then there here into onto over under about above all any each every both
other others some more most very also well just only own same too per via within without upon
including include includes etc e g ie eg one two three four five six seven eight nine ten
able ability abilities demonstrate demonstrated demonstrates demonstrating demonstration show
shows showing knowledge knowledgeable understanding understand understands skill skills strong
excellent good great effective effectively successful successfully success proven evidence
required require requires requirement requirements preferred prefer preference desirable desired
essential ideal ideally candidate candidates applicant applicants position role roles job post
responsible responsibility responsibilities duty duties ensure ensures ensuring provide provides
providing work works working use uses using various variety appropriate relevant related area
areas field fields high highly level levels new current regular regularly many much great degree
minimum least years year experience experienced experiences proficiency proficient thorough sound
willingness willing committed commitment need needs needed based key ensure other plus
through throughout across among amongst towards toward between during
""".split()
)


# Words the suffix rules would fold into another word ("mission" is not "missing").
_KEEP = {
    "mission": "mission",
    "missions": "mission",
    "news": "news",
    "series": "series",
    "grounded": "grounded",
    "grounding": "grounded",
    "staffing": "staffing",
    "always": "always",
    "princess": "princess",
    "business": "business",
    "process": "process",
    "address": "address",
    # "related service staff" is not about relationships
    "relationship": "relationship",
    "relationships": "relationship",
    "related": "related",
}


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    s = _STEMS.get(word)
    if s is None:
        s = _STEMS[word] = _stem(word)
    return s


def _stem(word: str) -> str:
    if word in _KEEP:
        return _KEEP[word]
    w = _SPELLING.get(word, word)
    if len(w) <= 3:
        return w
    if w.endswith("our") and len(w) > 5:  # behaviour -> behavior
        w = w[:-3] + "or"
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("our") and len(w) > 5:
        w = w[:-3] + "or"
    for _ in range(2):
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        else:
            break
    if w.endswith("at") and len(w) >= 7:
        w = w[:-2]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


# Acronyms that are ordinary words in lower case ("SEND" is not "send").
_ACRONYMS = {
    "SEND": "special educational needs",
    "SEN": "special educational needs",
    "ELL": "english learners",
    "ELLS": "english learners",
    "ELLs": "english learners",
    "ESE": "exceptional student education",
    "IT": "information technology",
}
_ACRONYM = re.compile(r"\b(" + "|".join(_ACRONYMS) + r")\b")


def words(text: str) -> list[str]:
    """Lower-case word tokens, hyphens and slashes splitting words."""
    if "SE" in text or "EL" in text or "IT" in text:
        text = _ACRONYM.sub(lambda m: _ACRONYMS[m.group(1)], text)
    low = text.lower()
    if "'s" in low or "’s" in low:
        low = _POSSESSIVE.sub("", low)
    return _WORD.findall(low)


def stems(text: str) -> list[str]:
    get = _STEMS.get
    return [get(w) or stem(w) for w in words(text)]


def content(tokens) -> list[str]:
    """Stemmed tokens that carry meaning (no stop words, no bare numbers)."""
    return [t for t in tokens if t not in STOP_STEMS and not t.isdigit() and len(t) > 1]


STOP_STEMS = frozenset(stem(w) for w in STOP) | STOP


class PhraseMatcher:
    """Finds phrases (each a tuple of stemmed tokens, naming one or more keys) in a token list,
    longest first, without overlaps."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[tuple[str, ...], frozenset]]] = {}
        self._keys: dict[tuple[str, ...], set] = {}

    def add(self, phrase: str, key) -> None:
        toks = tuple(stems(phrase))
        if not toks:
            return
        self._keys.setdefault(toks, set()).add(key)

    def freeze(self) -> PhraseMatcher:
        by_first: dict[str, list] = {}
        for toks, keys in self._keys.items():
            by_first.setdefault(toks[0], []).append((toks, frozenset(keys)))
        for lst in by_first.values():
            lst.sort(key=lambda item: -len(item[0]))
        self._by_first = by_first
        return self

    def find(self, tokens: list[str]) -> tuple[list[tuple[int, int, frozenset]], list[bool]]:
        """(matches as (start, end, keys), which tokens a match used)."""
        used = [False] * len(tokens)
        found = []
        i, n = 0, len(tokens)
        by_first = self._by_first
        while i < n:
            cands = by_first.get(tokens[i])
            hit = None
            if cands:
                for toks, keys in cands:
                    k = len(toks)
                    if i + k <= n and (k == 1 or tuple(tokens[i : i + k]) == toks):
                        hit = (i, i + k, keys)
                        break
            if hit:
                found.append(hit)
                for j in range(hit[0], hit[1]):
                    used[j] = True
                i = hit[1]
            else:
                i += 1
        return found, used

    def keys_in(self, tokens: list[str]) -> set:
        out: set = set()
        for _, _, keys in self.find(tokens)[0]:
            out |= keys
        return out
