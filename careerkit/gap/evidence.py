"""Evidence retrieval over the whole record, in memory: every entry becomes a bag of stemmed
words and lexicon terms, held in an inverted index, so a requirement touches only the entries
that share something with it (10,000 entries stay well under a second)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from careerkit.gap.competencies import Vocabulary, accomplishment_text
from careerkit.gap.text import content, stems

PRACTICE = ("accomplishment", "position", "feedback", "credential")   # done or shown
STUDY = ("learning", "goal")                                            # studied or planned


@dataclass
class Entry:
    kind: str
    id: int
    label: str
    status: str = "done"              # done | in-progress | planned
    tokens: frozenset = frozenset()
    keys: frozenset = frozenset()     # lexicon term indices and ("rel", i) keys
    text: str = ""

    @property
    def practice(self) -> bool:
        return self.kind in PRACTICE and self.status == "done"


@dataclass
class Unit:
    """One thing a requirement asks for: a lexicon term (int) or a word (str)."""
    key: object
    weight: float
    label: str


@dataclass
class Match:
    entry: Entry
    score: float                      # 0..1 share of the requirement's weight matched
    matched: set = field(default_factory=set)    # unit keys matched directly
    related: set = field(default_factory=set)    # unit keys matched by a related term


def _years(start: str | None, end: str | None) -> str:
    a = (start or "")[:4]
    b = (end or "")[:4] if end else "now"
    return f"{a}-{b}" if a else ""


def entries_of(record) -> list[Entry]:
    """The record as evidence entries (contacts are not evidence)."""
    out: list[Entry] = []
    for p in record.positions:
        label = ", ".join(x for x in (p.title, p.organization, _years(p.start, p.end)) if x)
        out.append(Entry("position", p.id, label, text=" . ".join(
            x for x in (p.title, p.organization, p.level, p.summary) if x)))
    for c in record.credentials:
        status = "done" if c.status == "earned" else c.status
        out.append(Entry("credential", c.id, c.name, status, text=" . ".join(
            x for x in (c.name, c.field, c.issuer) if x)))
    for a in record.accomplishments:
        out.append(Entry("accomplishment", a.id, a.title, text=accomplishment_text(a)))
    for f in record.feedback:
        who = ", ".join(x for x in (f.from_name, f.relationship) if x)
        label = _clip(f.text, 140) + (f" ({who})" if who else "")
        out.append(Entry("feedback", f.id, label, text=" . ".join(x for x in (f.text, f.context) if x)))
    for le in record.learning:
        out.append(Entry("learning", le.id, le.title, le.status or "done", text=" . ".join(
            x for x in (le.title, le.provider, "; ".join(le.skills), le.takeaways) if x)))
    for g in record.goals:
        if g.status == "dropped":
            continue
        out.append(Entry("goal", g.id, g.title, "planned", text=" . ".join(
            x for x in (g.title, "; ".join(g.skills), g.notes) if x)))
    return out


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class EvidenceIndex:
    def __init__(self, record, voc: Vocabulary):
        self.voc = voc
        self.entries = entries_of(record)
        self.postings: dict[object, list[int]] = {}
        for n, e in enumerate(self.entries):
            toks = stems(e.text)
            found, _ = voc.matcher.find(toks)
            keys = set()
            for _, _, ks in found:
                keys |= ks
            e.tokens = frozenset(content(toks))
            e.keys = frozenset(keys)
            for k in e.tokens:
                self.postings.setdefault(k, []).append(n)
            for k in e.keys:
                self.postings.setdefault(("k", k), []).append(n)
        self.n = max(1, len(self.entries))

    def rarity(self, token: str) -> float:
        """1 for a word no entry has, down towards 0.35 for a word every entry has."""
        df = len(self.postings.get(token, ()))
        return 0.35 + 0.65 * (1 - math.log1p(df) / math.log1p(self.n + 1))

    def units(self, text: str) -> tuple[list[Unit], set]:
        """The requirement as weighted units: its lexicon terms, then the other content words."""
        toks = stems(text)
        found, used = self.voc.matcher.find(toks)
        units: list[Unit] = []
        concepts: set = set()
        for _, _, keys in found:
            for k in keys:
                if isinstance(k, int) and k not in concepts:
                    concepts.add(k)
                    t = self.voc.terms[k]
                    units.append(Unit(k, t.weight, t.term))
        seen = set()
        for tok, u in zip(toks, used):
            if u:
                continue
            for w in content([tok]):
                if w not in seen:
                    seen.add(w)
                    units.append(Unit(w, self.rarity(w), w))
        return units, concepts

    def search(self, units: list[Unit], limit: int = 50) -> list[Match]:
        """Entries sharing anything with the units, best first."""
        total = sum(u.weight for u in units) or 1.0
        acc: dict[int, Match] = {}
        for u in units:
            if isinstance(u.key, int):
                for n in self.postings.get(("k", u.key), ()):
                    m = acc.get(n) or acc.setdefault(n, Match(self.entries[n], 0.0))
                    m.matched.add(u.key)
                for rk in self.voc.related.get(u.key, ()):
                    for n in self.postings.get(("k", rk), ()):
                        m = acc.get(n) or acc.setdefault(n, Match(self.entries[n], 0.0))
                        m.related.add(u.key)
            else:
                for n in self.postings.get(u.key, ()):
                    m = acc.get(n) or acc.setdefault(n, Match(self.entries[n], 0.0))
                    m.matched.add(u.key)
        weight = {u.key: u.weight for u in units}
        for m in acc.values():
            m.related -= m.matched
            m.score = (sum(weight[k] for k in m.matched) + 0.5 * sum(weight[k] for k in m.related)) / total
        ranked = sorted(acc.values(), key=lambda m: (-m.score, _kind_rank(m.entry.kind), -m.entry.id))
        return ranked[:limit]


_RANK = {"accomplishment": 0, "position": 1, "feedback": 2, "credential": 3, "learning": 4, "goal": 5}


def _kind_rank(kind: str) -> int:
    return _RANK.get(kind, 9)


def cover(units: list[Unit], matches: list[Match], k: int = 2) -> tuple[float, list[Match]]:
    """Greedy union of up to k entries: how much of the requirement they cover together."""
    total = sum(u.weight for u in units) or 1.0
    weight = {u.key: u.weight for u in units}
    got: dict[object, float] = {}
    chosen: list[Match] = []
    pool = list(matches[:30])
    for _ in range(k):
        best, best_gain = None, 0.0
        for m in pool:
            gain = 0.0
            for key in m.matched:
                gain += max(0.0, weight[key] - got.get(key, 0.0))
            for key in m.related:
                gain += max(0.0, 0.5 * weight[key] - got.get(key, 0.0))
            if gain > best_gain + 1e-9:
                best, best_gain = m, gain
        if best is None or (chosen and best_gain / total < 0.08):
            break
        chosen.append(best)
        pool.remove(best)
        for key in best.matched:
            got[key] = weight[key]
        for key in best.related:
            got[key] = max(got.get(key, 0.0), 0.5 * weight[key])
    return sum(got.values()) / total, chosen
