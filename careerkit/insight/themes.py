"""Feedback themes: across all feedback, what others keep recognising in the person.

Two groupings: by framework competency (through the mapper the posting analysis uses, passed
in so this stays pure), and by recurring wording (phrases that come back in feedback from
different occasions). Each theme has a count, the relationships it comes from and the best
quotes: verbatim, short, from as many kinds of relationship as possible, newest first."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from careerkit.insight.wording import GENERIC, STOPWORDS, VAGUE, excerpt, names_growth, stem, words
from careerkit.models.shape import FeedbackLike, Record
from careerkit.models.themes import Quote, Theme, Themes

# Order used when relationships tie: those who see the work most closely first.
RELATIONSHIP_ORDER = ("supervisor", "colleague", "direct-report", "parent", "student", "mentor", "other")
QUOTE_WORDS = 40  # longer feedback is quoted by the sentences that carry the theme
MAX_PHRASE = 3
PARTICLES = frozenset({"up", "out", "through"})  # "follows up" is one idea

CompetencyMapper = Callable[[str], Iterable[str]]


def feedback_themes(
    record: Record,
    *,
    competencies_of: CompetencyMapper | None = None,
    names: Mapping[str, str] | None = None,
    quotes: int = 3,
    max_wording: int = 10,
    min_count: int = 2,
) -> Themes:
    """The themes of all feedback in the record (the caller decides whether private
    feedback is in it). Themes are what people praised: feedback that names a growth area
    is left out of them and counted in `growth`. The current supervisor's words come first."""
    everything = list(record.feedback)
    items = [f for f in everything if not names_growth(f.text)]
    growth = [f for f in everything if names_growth(f.text)]
    since = _current_since(record)
    by_competency = (
        _competency_themes(items, competencies_of, names or {}, quotes, min_count, since)
        if competencies_of
        else []
    )
    person = _name_stems(record)
    wording = _wording_themes(items, person, quotes, max_wording, min_count, since)
    growth.sort(key=lambda f: f.date, reverse=True)
    return Themes(
        feedback=len(everything),
        competencies=by_competency,
        wording=wording,
        growth=[_quote(f, None) for f in growth],
    )


def _current_since(record: Record) -> str | None:
    current = [p.start for p in record.positions if not p.end and p.start]
    return max(current) if current else None


def is_current_supervisor(f, since: str | None) -> bool:
    """Said by a supervisor since the current position began."""
    return f.relationship == "supervisor" and bool(since) and f.date >= (since or "")


# -- by competency ------------------------------------------------------------------------


def _competency_themes(
    items: list[FeedbackLike],
    mapper: CompetencyMapper,
    names: Mapping[str, str],
    quotes: int,
    min_count: int,
    since: str | None = None,
) -> list[Theme]:
    groups: dict[str, list[FeedbackLike]] = defaultdict(list)
    for f in items:
        for cid in dict.fromkeys(mapper(f.text)):
            groups[cid].append(f)
    # One piece of feedback touching a competency is a remark; a theme comes back.
    themes = [
        _theme("competency", cid, names.get(cid, cid), group, None, quotes, since)
        for cid, group in groups.items()
        if len(group) >= min_count
    ]
    themes.sort(key=lambda t: (-t.count, _natural(t.key)))
    return themes


def _natural(key: str) -> tuple:
    """psel-2 before psel-10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))


# -- by wording -----------------------------------------------------------------------------


def _name_stems(record: Record) -> frozenset[str]:
    """The person's own names: "Alex's sessions" is about the sessions, not Alex."""
    if not record.profile or not record.profile.name:
        return frozenset()
    return frozenset(stem(w) for w in words(record.profile.name))


def _phrases(text: str, skip: frozenset[str]) -> dict[tuple[str, ...], str]:
    """Candidate phrases of one text: 1 to 3 words that start and end on a content word,
    keyed by stems, with the words as written."""
    toks = words(text)
    stems = [stem(t) for t in toks]

    def content(i: int) -> bool:
        s = stems[i]
        return len(s) > 2 and s not in STOPWORDS and s not in skip

    found: dict[tuple[str, ...], str] = {}
    for i in range(len(toks)):
        if not content(i):
            continue
        for n in range(1, MAX_PHRASE + 1):
            j = i + n - 1
            if j >= len(toks):
                break
            if not content(j) and not (n == 2 and stems[j] in PARTICLES):
                continue
            key = tuple(stems[i : j + 1])
            inner = [s for s in key if s not in STOPWORDS]
            if all(s in GENERIC for s in inner):
                continue  # "great teacher" says nothing a theme can hold
            if n == 1 and (len(key[0]) < 4 or key[0].endswith("ly") or key[0] in VAGUE):
                continue  # "finally", "asking", "cycle": manner or action, not what was praised
            if key[0] in VAGUE or key[-1] in VAGUE and n > 1 and key[-1] not in PARTICLES:
                continue
            found.setdefault(key, " ".join(t.lower() for t in toks[i : j + 1]))
    return found


def _wording_themes(
    items: list[FeedbackLike],
    person: frozenset[str],
    quotes: int,
    limit: int,
    min_count: int,
    since: str | None = None,
) -> list[Theme]:
    docs: dict[tuple[str, ...], list[int]] = defaultdict(list)
    surface: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for idx, f in enumerate(items):
        for key, written in _phrases(f.text, person).items():
            docs[key].append(idx)
            surface[key][written] += 1
    candidates = [k for k, d in docs.items() if len(d) >= min_count]
    # More feedback first; at equal count the longer phrase, which says more.
    candidates.sort(key=lambda k: (-len(docs[k]), -len(k), k))
    chosen: list[tuple[list[tuple[str, ...]], set[int]]] = []
    for key in candidates:
        mine = set(docs[key])
        if any(any(_overlaps(key, k) for k in keys) and mine <= theirs for keys, theirs in chosen):
            continue
        same = next((keys for keys, theirs in chosen if theirs == mine), None)
        if same is not None:
            same.append(key)  # said together every time: one theme, two phrasings
            continue
        if len(chosen) >= limit:
            break
        chosen.append(([key], mine))
    themes = []
    for keys, idxs in chosen:
        label = "; ".join(surface[k].most_common(1)[0][0] for k in keys)
        group = [items[i] for i in sorted(idxs)]
        focus = {s for k in keys for s in k}
        themes.append(_theme("wording", " ".join(keys[0]), label, group, focus, quotes, since))
    return themes


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One phrase inside the other: "calibration" and "calibration sessions"."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


# -- a theme and its quotes -----------------------------------------------------------------


def _theme(
    kind: Literal["competency", "wording"],
    key: str,
    label: str,
    group: list[FeedbackLike],
    focus: set[str] | None,
    quotes: int,
    since: str | None = None,
) -> Theme:
    rel = Counter(f.relationship for f in group)
    ordered = sorted(rel, key=lambda r: (-rel[r], _rank(r)))
    return Theme(
        kind=kind,
        key=key,
        label=label,
        count=len(group),
        relationships={r: rel[r] for r in ordered},
        quotes=best_quotes(group, focus, quotes, ordered, since=since),
        feedback_ids=[f.id for f in group],
    )


def _rank(relationship: str) -> int:
    return RELATIONSHIP_ORDER.index(relationship) if relationship in RELATIONSHIP_ORDER else 99


def best_quotes(
    group: Sequence[FeedbackLike],
    focus: set[str] | None,
    n: int,
    order: list[str] | None = None,
    *,
    since: str | None = None,
) -> list[Quote]:
    """Up to n quotes, taking turns among relationships so that several voices are heard;
    within one relationship, a quotable length first, then the newest."""
    per: dict[str, list[FeedbackLike]] = defaultdict(list)
    for f in group:
        per[f.relationship].append(f)
    for entries in per.values():
        entries.sort(key=lambda f: f.date, reverse=True)
        entries.sort(key=lambda f: _length_penalty(f.text))
    order = order or sorted(per, key=lambda r: (-len(per[r]), _rank(r)))
    picked: list[FeedbackLike] = []
    seen: set[str] = set()
    # The current supervisor speaks first: a panel weighs those words most.
    first = [f for f in per.get("supervisor", []) if is_current_supervisor(f, since)]
    for f in first[: min(1, n)]:
        per["supervisor"].remove(f)
        seen.add(" ".join(f.text.split()).lower())
        picked.append(f)
    while len(picked) < n and any(per.values()):
        for r in order:
            if per.get(r) and len(picked) < n:
                f = per[r].pop(0)
                said = " ".join(f.text.split()).lower()
                if said not in seen:  # the same words twice add nothing
                    seen.add(said)
                    picked.append(f)
    return [_quote(f, focus) for f in picked]


def _quote(f, focus: set[str] | None) -> Quote:
    return Quote(
        id=f.id,
        text=excerpt(f.text, focus, QUOTE_WORDS),
        relationship=f.relationship,
        from_name=f.from_name,
        date=f.date,
        context=f.context,
    )


def _length_penalty(text: str) -> int:
    n = len(text.split())
    if n < 6:
        return 6 - n
    if n > QUOTE_WORDS:
        return (n - QUOTE_WORDS) // 10 + 1
    return 0


def in_framework(themes: Themes, framework_of: Mapping[str, str], framework: str | None = None) -> Themes:
    """The competency themes of one framework: the one asked for, else the one the feedback
    touches most (a teacher in Ohio has no use for England's headteacher standards)."""
    if not themes.competencies:
        return themes
    if framework is None:
        weight: Counter[str | None] = Counter()
        for t in themes.competencies:
            weight[framework_of.get(t.key)] += t.count
        framework = max(weight, key=lambda f: (weight[f], f is not None))
    kept = [t for t in themes.competencies if framework_of.get(t.key) == framework]
    return themes.model_copy(update={"competencies": kept})
