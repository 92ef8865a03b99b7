"""Milestones, detected from the record (never typed): the first win in a competency, a
credential earned, a goal done, a gap closed on `gap rerun`, a self-rating raised, the 10th,
25th, 50th and 100th win, and a term with a win every teaching week. Pure: plain data in,
a list of milestones oldest first out.

Terms: the school year's two halves. A term's teaching weeks are the Monday-to-Sunday weeks
that start between its first and last teaching day (autumn: 1 September to 15 December;
spring: 8 January to 31 May); the term counts once its last teaching day has passed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

WIN_COUNTS = (10, 25, 50, 100)


@dataclass(frozen=True)
class Milestone:
    key: str  # stable: what `status` remembers as shown
    date: str
    kind: str  # first-win | credential | goal | gap-closed | rating | wins | term
    text: str
    ref: str | None = None  # the entry it rests on: win:12, goal:3, gap:2
    private: bool = False  # rests on a private entry: its words stay out of documents

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Term:
    label: str  # "Autumn 2025"
    start: date  # first day of the months it covers (for learning hours)
    end: date
    teach_start: date  # teaching weeks
    teach_end: date


def term_of(day: date) -> Term:
    """The term a day falls in: August to December is the autumn term, January to July the
    spring term (summer learning counts towards the year that is ending)."""
    if day.month >= 8:
        y = day.year
        return Term(f"Autumn {y}", date(y, 8, 1), date(y, 12, 31), date(y, 9, 1), date(y, 12, 15))
    y = day.year
    return Term(f"Spring {y}", date(y, 1, 1), date(y, 7, 31), date(y, 1, 8), date(y, 5, 31))


def terms_between(start: date, end: date) -> list[Term]:
    out: list[Term] = []
    day = start
    while day <= end:
        t = term_of(day)
        out.append(t)
        day = t.end + timedelta(days=1)
    return out


def _day(text: str | None) -> date | None:
    """The first day an ISO date covers ('2025-09' -> 1 September); None if unreadable."""
    if not text:
        return None
    t = str(text)
    if len(t) == 10:
        try:
            return date.fromisoformat(t)
        except ValueError:
            return None
    try:
        if len(t) == 4:
            return date(int(t), 1, 1)
        if len(t) == 7:
            return date(int(t[:4]), int(t[5:7]), 1)
        return date.fromisoformat(t[:10])
    except ValueError:
        return None


def detect(
    *,
    wins: Iterable[Any],
    credentials: Iterable[Any],
    goals: Iterable[Any],
    gap_scores: dict[int, list[dict[str, Any]]],
    postings: dict[int, str],
    ratings: list[dict[str, Any]],
    competency_of: Callable[[Any], str | None],
    titles: dict[str, str],
    today: date,
    window: tuple[str, str] | None = None,
) -> list[Milestone]:
    """Every milestone reached by `today`, oldest first.

    wins: accomplishments (attributes id, date, title, private); competency_of(win) gives
    its main competency in the framework in use, or None. credentials: id, name, date,
    status. goals: id, title, status, updated (the day a done goal was marked done).
    gap_scores: report id -> [{date, score, closed}] oldest first; postings: report id ->
    its name. ratings: {framework, standard, rating, date} oldest first. window: (first,
    last day) when only the first wins in a competency that fall in it are wanted (a recap):
    the wins before it are then read newest first, and only until each competency the
    window's wins show has been found earlier."""
    out: list[Milestone] = []
    dated = sorted(
        ((d, w) for w in wins if (d := _day(w.date)) and d <= today), key=lambda x: (x[0], x[1].id)
    )

    # First win in each competency: oldest first; stop once every competency has one.
    seen: set[str] = set()
    candidates = dated
    if window is not None:
        lo, hi = date.fromisoformat(window[0]), date.fromisoformat(window[1])
        candidates = [(d, w) for d, w in dated if lo <= d <= hi]
        wanted = {c for _, w in candidates if (c := competency_of(w))}
        for d, w in reversed(dated):
            if d >= lo:
                continue
            if wanted <= seen:
                break
            c = competency_of(w)
            if c:
                seen.add(c)
    for d, w in candidates:
        if len(seen) == len(titles):
            break
        comp = competency_of(w)
        if comp and comp not in seen:
            seen.add(comp)
            out.append(
                Milestone(
                    f"first-win:{comp}",
                    d.isoformat(),
                    "first-win",
                    f"First win in {comp} {titles.get(comp, '')}".rstrip() + f": {w.title}",
                    f"win:{w.id}",
                    bool(getattr(w, "private", False)),
                )
            )
    for n in WIN_COUNTS:
        if len(dated) >= n:
            d, w = dated[n - 1]
            out.append(Milestone(f"wins:{n}", d.isoformat(), "wins", f"{n} wins logged", f"win:{w.id}"))

    for c in credentials:
        d = _day(c.date)
        if getattr(c, "status", "earned") == "earned" and d and d <= today:
            out.append(
                Milestone(
                    f"credential:{c.id}", d.isoformat(), "credential", f"Earned: {c.name}", f"cred:{c.id}"
                )
            )
    for g in goals:
        d = _day(getattr(g, "updated", None))
        if g.status == "done" and d and d <= today:
            out.append(
                Milestone(f"goal:{g.id}", d.isoformat(), "goal", f"Goal done: {g.title}", f"goal:{g.id}")
            )
    for report_id, scores in gap_scores.items():
        name = postings.get(report_id) or f"posting {report_id}"
        for s in scores:
            for text in s.get("closed") or []:
                d = _day(s["date"])
                if d and d <= today:
                    out.append(
                        Milestone(
                            f"gap-closed:{report_id}:{s['date']}:{text[:60]}",
                            d.isoformat(),
                            "gap-closed",
                            f"Gap closed for {name}: {text}",
                            f"gap:{report_id}",
                        )
                    )
    best: dict[tuple[str, str], int] = {}
    for r in ratings:
        key = (r["framework"], r["standard"])
        before = best.get(key)
        d = _day(r["date"])
        if before is not None and r["rating"] > before and d and d <= today:
            out.append(
                Milestone(
                    f"rating:{r['standard']}:{r['date']}",
                    d.isoformat(),
                    "rating",
                    f"Self-rating raised: {r['standard']} {titles.get(r['standard'], '')}".rstrip()
                    + f" from {before} to {r['rating']}",
                    f"assess:{r['standard']}",
                )
            )
        best[key] = max(before or 0, r["rating"])
    out += _full_terms([d for d, _ in dated], today)
    out.sort(key=lambda m: (m.date, m.kind, m.key))
    return out


def _full_terms(days: list[date], today: date) -> list[Milestone]:
    """Terms over (by today) with a win in every teaching week."""
    if not days:
        return []
    weeks = {d - timedelta(days=d.weekday()) for d in days}
    out = []
    for t in terms_between(days[0], today):
        if t.teach_end >= today or t.teach_start < days[0] - timedelta(days=days[0].weekday()):
            continue
        monday = t.teach_start - timedelta(days=t.teach_start.weekday())
        if monday < t.teach_start:
            monday += timedelta(days=7)
        needed = []
        while monday <= t.teach_end:
            needed.append(monday)
            monday += timedelta(days=7)
        if needed and all(m in weeks for m in needed):
            out.append(
                Milestone(
                    f"term:{t.label}",
                    t.teach_end.isoformat(),
                    "term",
                    f"A win every week of the {t.label} term ({len(needed)} weeks)",
                )
            )
    return out
