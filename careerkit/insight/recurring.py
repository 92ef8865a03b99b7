"""What many saved postings share: requirements grouped by meaning, where the person stands,
and the gaps that matter most, with ways to close them. Pure: saved reports in, a
`CommonReport` out. It reads the verdicts already saved in each report and never
re-analyses a posting, so its cost depends on the number of postings, not the record."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from heapq import nlargest
from typing import Any

from careerkit.models.gap import GapReport
from careerkit.models.recurring import (
    Ask,
    CommonGroup,
    CommonReport,
    CompetencySection,
    PostingRef,
    TopGap,
)
from careerkit.posting.similarity import (  # noqa: F401  (the reading of one wording lives in posting/)
    CATEGORY_NAMES,
    COMPETENCY_BONUS,
    CREDENTIAL_FAMILIES,
    DEGREE_NAMES,
    MAX_CANDIDATES,
    MAX_SEEDS,
    SIMILAR,
    SIMILAR_APART,
    STOP,
    STRUCTURED,
    TERM_WEIGHT,
    Group,
    Item,
    _dice,
    _family,
    _similarity,
    _term_overlap,
    _threshold,
    category_of,
    degree_level,
    features_of,
    matcher_for,
    structured_key,
    years_asked,
)

RANK = {"gap": 0, "partial": 1, "met": 2}
MISS = {"gap": 1.0, "partial": 0.5, "met": 0.0}
WEIGHT = {"required": 2.0, "preferred": 1.0}
TOP_MIN, TOP_MAX = 3, 5


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


def named_groups(
    reports: list[GapReport], lexicon: dict[str, list[str]], weights: dict[str, float] | None = None
) -> dict[str, Group]:
    """The groups of the saved reports by key and by label (the first group of a name wins),
    for finding the gap a goal was made for."""
    groups = group_items(read_items(reports, lexicon, weights or {})) if reports else []
    by_name: dict[str, Group] = {}
    for group in groups:
        by_name.setdefault(group.key, group)
        by_name.setdefault(label_of(group), group)
    return by_name


def goal_matcher(
    goals: list[dict[str, Any]],
    reports: list[GapReport],
    *,
    lexicon: dict[str, list[str]],
    weights: dict[str, float] | None = None,
):
    """A `posting.goals.GoalMatcher` of the done goals against the saved reports' groups."""
    from careerkit.posting.goals import GoalMatcher

    return GoalMatcher(goals, named_groups(reports, lexicon, weights), lexicon=lexicon, weights=weights)


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
