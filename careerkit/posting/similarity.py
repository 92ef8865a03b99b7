"""How `gap common` reads one wording of a requirement, and how close two wordings are: a
structured key for degrees, credentials and years (whatever the words), else key words and
lexicon terms compared by weighted Dice similarity. It lives with the posting reader so that
judging one posting (a done goal closing the gap it was made for) never reaches up into the
summaries built on many postings; `insight.recurring` groups with it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from careerkit.models.gap import RequirementResult
from careerkit.posting import vocabulary as V

SIMILAR = 0.5  # Dice similarity of key words for two wordings to mean the same thing
SIMILAR_APART = 0.67  # ... when their competencies do not overlap
COMPETENCY_BONUS = 0.1  # added to a similarity when both map to the same competencies
MAX_CANDIDATES = 10  # groups compared per requirement (those sharing the most features)
MAX_SEEDS = 5  # distinct wordings a group is compared through

# Words that say how a requirement is asked, or where, not what it asks for (besides the
# stop words of gap/text.py).
STOP = frozenset(
    """
applicable candidate candidates campus co currently daily desire display displays district
either equivalent exceptional expected familiar familiarity job maintain preferably record
school schools solid track capacity
""".split()
)

# Names and levels come from the one vocabulary (frameworks/vocabulary.yaml).
DEGREE_NAMES = {
    lv: V.degree_name(lv) for lv in ("doctorate", "specialist", "master", "bachelor", "associate")
}
# Credential families, most specific first: (key, label, pattern).
CREDENTIAL_FAMILIES = (
    (
        "npqh",
        "NPQH (National Professional Qualification for Headship)",
        re.compile(r"\bnpqh\b|qualification for headship"),
    ),
    ("qts", "Qualified Teacher Status (QTS)", re.compile(r"\bqts\b|qualified teacher status")),
    (
        "administrator",
        "Administrator / principal certification",
        re.compile(
            r"administrat|principal|school leader|educational leadership|supervis|"
            r"mid-?management|leadership (?:certif|licen|endorse|credential)|"
            r"building level|\bnpq(?:sl|el)?\b"
        ),
    ),
    (
        "special-education",
        "Special education certification",
        re.compile(r"special education|\bsped\b|exceptional (?:children|student)"),
    ),
    (
        "esl",
        "ESL / bilingual certification",
        re.compile(r"\besl\b|\besol\b|english as a second|\bell\b|english learner|bilingual|\btesol\b"),
    ),
    ("reading", "Reading specialist certification", re.compile(r"reading specialist|literacy specialist")),
    (
        "teaching",
        "Teaching certificate",
        re.compile(
            r"teach|educator|classroom|instructional certif|professional certif|"
            r"\bcertified\b"
        ),
    ),
)
CATEGORY_NAMES = {k: V.experience_name(k) for k in ("administration", "leadership", "teaching", "any")}


@dataclass
class Item:
    """One requirement of one report, with what common() reads from its wording."""

    report: int
    order: int  # the report's position: later is more recent
    index: int
    req: RequirementResult
    features: dict[str, float] = field(default_factory=dict)
    terms: dict[str, float] = field(default_factory=dict)  # lexicon term -> weight
    key: str | None = None  # a structured key; None: grouped by meaning
    years: float | None = None
    weight: float = 0.0  # sum of the feature weights (Dice's denominator)
    term_weight: float = 0.0
    comps: frozenset[str] = frozenset()
    top: frozenset[str] = frozenset()  # the terms of the highest weight


@dataclass
class Group:
    key: str
    items: list[Item] = field(default_factory=list)


# -- reading a wording ------------------------------------------------------------------------

TERM_WEIGHT = 3.0  # a lexicon term says more about meaning than any one word


def matcher_for(lexicon: dict[str, list[str]]):
    from careerkit.posting.text import PhraseMatcher

    m = PhraseMatcher()
    for term, variants in lexicon.items():
        for phrase in [term, *variants]:
            m.add(str(phrase), term)
    return m.freeze()


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    from careerkit.posting.text import stem

    return frozenset(stem(w) for w in STOP)


def features_of(text: str, matcher, weights: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """Key words (stemmed, without the ones a lexicon term used up) and lexicon terms, a term
    weighing as the lexicon says (a generic one like 'leadership' weighs less)."""
    from careerkit.posting.text import content, stems

    tokens = stems(text)
    found, used = matcher.find(tokens)
    terms = {
        k: TERM_WEIGHT * weights.get(k, 2.0) / 2 for k in sorted(k for _, _, keys in found for k in keys)
    }
    rest = content([t for t, u in zip(tokens, used, strict=True) if not u])
    feats = {w: 1.0 for w in rest if w not in _stop_stems()}
    for term, weight in terms.items():
        feats["T:" + term] = weight
    return feats, terms


def years_asked(text: str) -> float | None:
    return V.years_of(text)


def category_of(text: str) -> str:
    """The kind of experience a years requirement counts, from the words near it."""
    return V.experience_kind(text)


def degree_level(low: str) -> str | None:
    """The lowest level a degree requirement accepts ('master's required; doctorate preferred')."""
    return V.degree_level(low)


def structured_key(req: RequirementResult, low: str) -> str | None:
    """A key for the requirements whose structure says what they are, whatever the words."""
    if req.type == "education" or (req.type == "credential" and re.search(r"\bdegree\b", low)):
        level = degree_level(low)
        if level:
            return f"degree:{level}"
        # An education item with no degree named is not a degree (a misread 'master schedule').
        return "degree:any" if re.search(r"\bdegree|\bdiploma\b", low) else None
    if req.type == "credential":
        for name, _, pattern in CREDENTIAL_FAMILIES:
            if pattern.search(low):
                return f"credential:{name}"
        return None
    if req.type == "experience" and V.years_of(low) is not None:
        return f"years:{category_of(low)}"
    return None


def _dice(a: Item, b: Item) -> float:
    if not a.features or not b.features:
        return 0.0
    other = b.features
    shared = sum(w for f, w in a.features.items() if f in other)
    return 2 * shared / (a.weight + b.weight)


def _similarity(item: Item, other: Item) -> float:
    """Shared words and terms; mapping to the same competencies tips a close call."""
    score = max(_dice(item, other), _term_overlap(item, other))
    a, b = item.comps, other.comps
    if score and a and b:
        score += COMPETENCY_BONUS * len(a & b) / len(a | b)
    return score


def _term_overlap(a: Item, b: Item) -> float:
    """How much the lexicon terms of two wordings overlap: 'MTSS' and 'use data to plan
    interventions within MTSS' share their meaning even though the second says more. A
    shared generic term alone (leadership) is not enough."""
    if not a.terms or not b.terms:
        return 0.0
    # The most specific term of each must be one they share: 'safeguarding' with a vision
    # statement shares 'vision', but is not about it.
    if not (a.top & b.terms.keys()) or not (b.top & a.terms.keys()):
        return 0.0
    shared = sum(w for t, w in a.terms.items() if t in b.terms)
    if shared < TERM_WEIGHT:
        return 0.0
    # The geometric mean: a wording that names ten terms is not close to all of them.
    return shared / (a.term_weight * b.term_weight) ** 0.5


def _threshold(item: Item, theirs: set[str], first: Item) -> float:
    mine = set(item.req.competencies)
    if mine and theirs and not (mine & theirs):
        return SIMILAR_APART
    if _family(item.req.type) != _family(first.req.type):
        return SIMILAR_APART
    return SIMILAR


def _family(req_type: str) -> str:
    return req_type if req_type in ("education", "credential") else "doing"


STRUCTURED = ("degree:", "credential:", "years:")
