"""What many saved postings share: requirements grouped by meaning, where the person stands,
and the gaps that matter most, with ways to close them. Pure: saved reports in, a
`CommonReport` out. It reads the verdicts already saved in each report and never
re-analyses a posting, so its cost depends on the number of postings, not the record."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import nlargest
from typing import Any

from careerkit.models.gap import GapReport, RequirementResult
from careerkit.models.recurring import (
    Ask,
    CommonGroup,
    CommonReport,
    CompetencySection,
    PostingRef,
    TopGap,
)

RANK = {"gap": 0, "partial": 1, "met": 2}
MISS = {"gap": 1.0, "partial": 0.5, "met": 0.0}
WEIGHT = {"required": 2.0, "preferred": 1.0}
TOP_MIN, TOP_MAX = 3, 5
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

NUMBERS = {
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
}
YEARS = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"\s*(?:\(\d+\)\s*)?\+?\s*(?:or more\s+|plus\s+)?(?:full[- ]time\s+)?years?\b"
)
DEGREE_LEVELS = (
    ("doctorate", re.compile(r"\bdoctor(?:ate|al)\b|\bph\.?\s?d\b|\bed\.?\s?d\b")),
    ("specialist", re.compile(r"\bed\.?\s?s\b|\bspecialist(?:'s)? degree\b|\beducation specialist\b")),
    (
        "master",
        re.compile(
            r"\bmaster'?s\b|\bmasters\b|\bmaster of\b|\bmaster degree\b|"
            r"\bm\.?\s?ed\b|\bgraduate degree\b|\bpostgraduate\b"
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\bbachelor'?s?\b|\bbaccalaureate\b|\bundergraduate degree\b|"
            r"\bb\.?a\.?\b|\bb\.?s\.?\b|\bfirst degree\b|\bdegree\b"
        ),
    ),
)
DEGREE_NAMES = {
    "doctorate": "Doctorate",
    "specialist": "Specialist degree (Ed.S.)",
    "master": "Master's degree",
    "bachelor": "Bachelor's degree",
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
CATEGORY_WORDS = (
    (
        "administration",
        re.compile(
            r"administrat|assistant principal|\bprincipal|\bsupervis|"
            r"\bdean\b|headteacher|head teacher|deputy head|senior leader"
        ),
    ),
    (
        "leadership",
        re.compile(
            r"leader|\blead\b|coach|department head|head of department|"
            r"chair|coordinator|specialist"
        ),
    ),
    ("teaching", re.compile(r"teach|classroom|instruction|educator|\bk-?12\b|certified")),
)
CATEGORY_NAMES = {
    "administration": "administrative experience",
    "leadership": "school leadership experience",
    "teaching": "teaching experience",
    "any": "related experience",
}


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
    rest = content([t for t, u in zip(tokens, used) if not u])
    feats = {w: 1.0 for w in rest if w not in _stop_stems()}
    for term, weight in terms.items():
        feats["T:" + term] = weight
    return feats, terms


def years_asked(text: str) -> float | None:
    m = YEARS.search(text)
    if not m:
        return None
    raw = m.group(1)
    return float(NUMBERS[raw]) if raw in NUMBERS else float(raw)


def category_of(text: str) -> str:
    """The kind of experience a years requirement counts, from the words near it."""
    m = YEARS.search(text)
    for where in (text[m.end() : m.end() + 90], text) if m else (text,):
        # The kind named first after the years: "two years in a leadership role (chair, dean)".
        found = [
            (hit.start(), name) for name, pattern in CATEGORY_WORDS for hit in [pattern.search(where)] if hit
        ]
        if found:
            return min(found)[1]
    return "any"


def degree_level(low: str) -> str | None:
    """The level a degree requirement asks first ('master's required; doctorate preferred')."""
    first = None
    for level, pattern in DEGREE_LEVELS:
        m = pattern.search(low)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), level)
    return first[1] if first else None


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
    if req.type == "experience" and YEARS.search(low):
        return f"years:{category_of(low)}"
    return None


def read_items(
    reports: list[GapReport], lexicon: dict[str, list[str]], weights: dict[str, float] | None = None
) -> list[Item]:
    matcher = matcher_for(lexicon)
    weights = weights or {}
    read: dict[str, tuple[dict[str, float], dict[str, float]]] = {}  # postings repeat wordings
    items = []
    for order, report in enumerate(reports):
        rid = report.id if report.id is not None else order + 1
        for index, req in enumerate(report.requirements):
            low = req.text.lower().replace("’", "'")
            item = Item(rid, order, index, req)
            item.key = structured_key(req, low)
            if item.key and item.key.startswith("years:"):
                item.years = years_asked(low)
            if req.text not in read:
                read[req.text] = features_of(req.text, matcher, weights)
            item.features, item.terms = read[req.text]
            item.weight = sum(item.features.values())
            item.comps = frozenset(req.competencies)
            if item.terms:
                most = max(item.terms.values())
                item.top = frozenset(t for t, w in item.terms.items() if w == most)
            item.term_weight = sum(item.terms.values())
            items.append(item)
    return items


# -- grouping ---------------------------------------------------------------------------------


def group_items(items: list[Item]) -> list[Group]:
    """Structured requirements by their key; the rest by meaning (shared terms and words)."""
    groups: dict[str, Group] = {}
    loose = []
    for item in items:
        if item.key is None:
            loose.append(item)
        else:
            groups.setdefault(item.key, Group(item.key)).items.append(item)
    # How many requirements name each term: the rarer a shared term, the better it names a group.
    df = Counter(t for item in loose for t in item.terms)
    for group in cluster(loose, df):
        key, n = group.key, 2
        while key in groups:
            key, n = f"{group.key}#{n}", n + 1
        group.key = key
        groups[key] = group
    return list(groups.values())


def cluster(items: list[Item], df: Counter | None = None) -> list[Group]:
    """Greedy clustering by weighted Dice similarity. It stays near linear in the number of
    requirements: a wording seen before joins its group without comparing; an inverted index
    from feature to groups limits comparisons to groups sharing a feature; and a group is
    compared through its first few distinct wordings only."""
    groups: list[Group] = []
    seeds: list[list[Item]] = []
    comps: list[set[str]] = []
    seen: dict[tuple, int] = {}
    index: dict[str, list[int]] = defaultdict(list)
    for item in items:
        if not item.features:
            continue
        signature = (frozenset(item.features), _family(item.req.type))
        best = seen.get(signature)
        if best is None:
            # Groups sharing the most weight of features: a shared term counts for more.
            candidates: dict[int, float] = defaultdict(float)
            for f, weight in item.features.items():
                for g in index[f]:
                    candidates[g] += weight
            best_score = 0.0
            for gi in nlargest(MAX_CANDIDATES, candidates, key=candidates.__getitem__):
                score = max(_similarity(item, other) for other in seeds[gi])
                if score > best_score:
                    best, best_score = gi, score
            if best is None or best_score < _threshold(item, comps[best], seeds[best][0]):
                best = len(groups)
                groups.append(Group(""))
                seeds.append([])
                comps.append(set())
            seen[signature] = best
            if len(seeds[best]) < MAX_SEEDS:
                seeds[best].append(item)
                comps[best].update(item.req.competencies)
            for f in item.features:
                if not index[f] or index[f][-1] != best:
                    index[f].append(best)
        groups[best].items.append(item)
    for group in groups:
        group.key = _cluster_key(group, df or Counter())
    return groups


def _cluster_key(group: Group, df: Counter) -> str:
    """term:<the term most members name; among equals the rarest overall>, else
    words:<the commonest key words>."""
    terms = Counter(t for i in group.items for t in i.terms)
    weight = {t: w for i in group.items for t, w in i.terms.items()}
    if terms:
        term, n = max(terms.items(), key=lambda kv: (kv[1], -df[kv[0]], weight[kv[0]], len(kv[0]), kv[0]))
        if n * 2 >= len(group.items):
            return f"term:{term}"
    words = Counter(f for i in group.items for f in i.features if not f.startswith("T:"))
    top = sorted(words, key=lambda w: (-words[w], w))[:4]
    return "words:" + "+".join(sorted(top))


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


# -- describing a group -----------------------------------------------------------------------


def describe(
    group: Group, postings: dict[int, int], prevalence: Counter, acronyms: frozenset[str] = frozenset()
) -> CommonGroup:
    items = group.items
    per_report: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        per_report[item.report].append(item)
    verdicts, required = {}, 0
    for rid, its in per_report.items():
        verdicts[rid] = max((i.req.verdict for i in its), key=RANK.__getitem__)
        required += any(i.req.must == "required" for i in its)
    latest_report = max(per_report, key=lambda rid: postings[rid])
    counts = Counter(verdicts.values())
    competencies = _competencies(items, prevalence)
    types = Counter(i.req.type for i in items)
    return CommonGroup(
        key=group.key,
        label=label_of(group, acronyms),
        text=representative(items).req.text,
        type=max(types, key=lambda t: (types[t], t)),
        competency=competencies[0] if competencies else None,
        competencies=competencies,
        postings=len(per_report),
        report_ids=sorted(per_report, key=postings.__getitem__),
        required=required,
        preferred=len(per_report) - required,
        met=counts["met"],
        partial=counts["partial"],
        gap=counts["gap"],
        years=sorted({i.years for i in items if i.years}),
        best=max(verdicts.values(), key=RANK.__getitem__),
        latest=verdicts[latest_report],
        asks=[
            Ask(report=i.report, index=i.index, text=i.req.text, must=i.req.must, verdict=i.req.verdict)
            for i in sorted(items, key=lambda i: (postings[i.report], i.index))
        ],
    )


def _competencies(items: list[Item], prevalence: Counter) -> list[str]:
    """Competencies that members map to, the most shared first; among equals, those of the
    framework these postings map to most (PSEL for US postings, the Headteachers' standards
    for English ones)."""
    counts = Counter(c for i in items for c in dict.fromkeys(i.req.competencies))
    return sorted(counts, key=lambda c: (-counts[c], -prevalence[_framework(c)], _competency_order(c)))


def _framework(cid: str) -> str:
    return cid.rpartition("-")[0] or cid


def _competency_order(cid: str) -> tuple[str, int]:
    prefix, _, number = cid.rpartition("-")
    return (prefix, int(number)) if number.isdigit() else (cid, 0)


def representative(items: list[Item]) -> Item:
    """The wording closest to all the others (a wording many postings use counts for each
    of them); shorter wins a tie, very long ones lose."""
    counts = Counter(i.req.text for i in items)
    sample = list({i.req.text: i for i in items}.values())[:20]
    if len(sample) == 1:
        return sample[0]

    def centrality(item: Item) -> tuple[float, int]:
        score = (
            counts[item.req.text]
            - 1
            + sum(_dice(item, o) * counts[o.req.text] for o in sample if o is not item)
        )
        length = len(item.req.text)
        if length > 160:
            score *= 0.6
        return (score, -length)

    return max(sample, key=centrality)


def label_of(group: Group, acronyms: frozenset[str] = frozenset()) -> str:
    kind, _, name = group.key.partition(":")
    if kind == "degree":
        return DEGREE_NAMES.get(name, "A degree")
    if kind == "credential":
        for key, label, _ in CREDENTIAL_FAMILIES:
            if key == name:
                return label
    # Labels stay the same as postings are added: a goal made for a gap names it by its label.
    if kind == "years":
        return "Years of " + CATEGORY_NAMES.get(name, "experience")
    if kind == "term" and "#" not in name:
        return term_label(name, group.items, name in acronyms)
    # A second group naming the same term is told apart by its wording.
    return representative(group.items).req.text


def years_span(years: list[float]) -> str | None:
    """'3 to 5', '5', or None: the years a group's postings ask for."""
    if not years:
        return None
    low, high = _num(min(years)), _num(max(years))
    return low if low == high else f"{low} to {high}"


def acronyms_of(lexicon: dict[str, list[str]]) -> frozenset[str]:
    """The lexicon's terms that are acronyms: one short word that a variant spells out
    ('mtss': 'multi-tiered system of supports'; 'pbis', 'iep', 'plc')."""
    out = set()
    for term, variants in lexicon.items():
        if " " in term or not term.isalpha() or len(term) > 6:
            continue
        for v in variants:
            words = [
                w for w in re.split(r"[\s-]+", v.lower()) if w and w not in ("of", "and", "for", "the", "to")
            ]
            if len(words) > 1 and "".join(w[0] for w in words) == term.lower():
                out.add(term)
                break
    return frozenset(out)


def term_label(term: str, items: list[Item], acronym: bool = False) -> str:
    """The term as postings write it: 'MTSS' when they write it in capitals, or when the
    lexicon says it is an acronym (never 'Mtss')."""
    if acronym:
        return term.upper()
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(term) + r"(?![A-Za-z0-9])", re.I)
    for item in items:
        m = pattern.search(item.req.text)
        if m and m.group(0).isupper():
            return m.group(0)
    return term[:1].upper() + term[1:]


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


# -- the gaps that matter most ---------------------------------------------------------------


def priority(group: CommonGroup) -> float:
    total = 0.0
    verdict_of: dict[int, tuple[str, str]] = {}
    for ask in group.asks:
        best = verdict_of.get(ask.report)
        must = "required" if ask.must == "required" or (best and best[1] == "required") else "preferred"
        verdict = ask.verdict if not best or RANK[ask.verdict] > RANK[best[0]] else best[0]
        verdict_of[ask.report] = (verdict, must)
    for verdict, must in verdict_of.values():
        total += WEIGHT[must] * MISS[verdict]
    return total


def top_gaps(groups: list[CommonGroup], min_postings: int, total: int) -> list[TopGap]:
    """Frequent, required and not met first. Groups fewer postings ask fill in when the
    frequent ones are fewer than three."""
    open_ = [g for g in groups if g.latest != "met" and priority(g) > 0]
    open_.sort(key=lambda g: (-priority(g), -g.postings, -g.required, g.key))
    chosen = [g for g in open_ if g.postings >= min_postings][:TOP_MAX]
    if len(chosen) < TOP_MIN:
        chosen += [g for g in open_ if g not in chosen][: TOP_MIN - len(chosen)]
    out = []
    for rank, g in enumerate(chosen, 1):
        out.append(
            TopGap(
                rank=rank,
                key=g.key,
                label=g.label,
                text=g.text,
                type=g.type,
                competencies=g.competencies,
                postings=g.postings,
                required=g.required,
                latest=g.latest,
                years=g.years,
                priority=priority(g),
                why=why_of(g, total),
                report_ids=g.report_ids,
                asks=g.asks,
            )
        )
    return out


def why_of(group: CommonGroup, total: int) -> str:
    asked = f"asked by {group.postings} of {total} posting{'s' if total != 1 else ''}"
    if group.required == group.postings:
        asked += ", required by all" if group.postings > 1 else ", required"
    elif group.required:
        asked += f", required by {group.required}"
    else:
        asked += ", preferred only"
    standing = {"gap": "no evidence in your record", "partial": "partly shown in your record"}
    where = standing.get(group.latest, "met")
    if group.best == "met":
        where += " (met for one posting's wording)"
    return f"{asked}; {where}"


# -- the whole report -------------------------------------------------------------------------


def common(
    reports: list[GapReport],
    *,
    lexicon: dict[str, list[str]] | None = None,
    weights: dict[str, float] | None = None,
    labels: dict[str, str] | None = None,
    suggestions: Any = None,
    min_postings: int | None = None,
) -> CommonReport:
    """Requirements that recur across saved reports, grouped by meaning and by competency,
    and the gaps that matter most with ways to close them.

    reports: oldest first (the last one asking decides `latest`). lexicon: term -> variants;
    weights: term -> the lexicon's weight (default 2).
    labels: competency id -> title. suggestions: a `Suggestions` (gap/suggest.py); None
    loads the shipped file. min_postings: list a group when at least this many postings ask
    (default 2, or 1 with a single posting)."""
    from careerkit.insight.suggest import Suggestions

    reports = list(reports)
    lexicon = lexicon or {}
    labels = labels or {}
    if min_postings is None:
        min_postings = 2 if len(reports) > 1 else 1
    postings = {}
    refs = []
    for order, report in enumerate(reports):
        rid = report.id if report.id is not None else order + 1
        postings[rid] = order
        refs.append(PostingRef(id=rid, title=report.posting.title, organization=report.posting.organization))
    items = read_items(reports, lexicon, weights)
    prevalence = Counter(_framework(c) for i in items for c in i.req.competencies)
    acronyms = acronyms_of(lexicon)
    groups = [describe(g, postings, prevalence, acronyms) for g in group_items(items)]
    groups.sort(key=lambda g: (-g.postings, -g.required, RANK[g.latest], g.key))
    listed = [g for g in groups if g.postings >= min_postings]
    gaps = top_gaps(groups, min_postings, len(reports))
    book = suggestions if suggestions is not None else Suggestions.shipped()
    number = 0
    for gap in gaps:
        ways = book.ways_for(gap)
        for way in ways:
            number += 1
            way.number = number
        gap.ways = ways
    return CommonReport(
        postings=refs, min_postings=min_postings, sections=sections_of(listed, labels), top_gaps=gaps
    )


QUALIFICATIONS = "Qualifications: degrees, certification and years of experience"
STRUCTURED = ("degree:", "credential:", "years:")


def sections_of(groups: Iterable[CommonGroup], labels: dict[str, str]) -> list[CompetencySection]:
    """Degrees, certificates and years first (they are not competencies); then the rest under
    the competency each maps to, the most asked first; then what maps to none."""
    quals: list[CommonGroup] = []
    by: dict[str | None, list[CommonGroup]] = defaultdict(list)
    for g in groups:
        if g.key.startswith(STRUCTURED):
            quals.append(g)
        else:
            by[g.competency].append(g)

    def order(cid: str | None) -> tuple[int, int, tuple[str, int]]:
        asked = sum(g.postings for g in by[cid])
        return (cid is None, -asked, _competency_order(cid or ""))

    out = (
        [CompetencySection(kind="qualifications", competency=None, label=QUALIFICATIONS, groups=quals)]
        if quals
        else []
    )
    for cid in sorted(by, key=order):
        out.append(
            CompetencySection(
                kind="competency" if cid else "unmapped",
                competency=cid,
                label=labels.get(cid, cid) if cid else "Not mapped to a competency",
                groups=by[cid],
            )
        )
    return out
