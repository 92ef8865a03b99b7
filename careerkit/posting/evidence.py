"""Evidence retrieval over the whole record, in memory: every entry becomes a bag of stemmed
words and lexicon terms, held in an inverted index, so a requirement touches only the entries
that share something with it (10,000 entries stay well under a second)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import chain

from careerkit.posting.competencies import Vocabulary, accomplishment_text
from careerkit.posting.parts import Shown, position_shown, text_shown
from careerkit.posting.text import content, stem, stems, words
from careerkit.posting.vocabulary import praise_only

PRACTICE = ("accomplishment", "position", "feedback", "credential")  # done or shown


@dataclass
class Entry:
    kind: str
    id: int
    label: str
    status: str = "done"  # done | in-progress | planned
    text: str = ""
    within: Shown | None = None  # the position an accomplishment was done in, read into parts
    said: str = ""  # how a why line names it, when not by its label (feedback: without who said it)
    off_ladder: bool = False  # a union or association entry
    date: str = ""  # an accomplishment's date, to set against a growth area named before it
    _shown: Shown | None = None

    @property
    def practice(self) -> bool:
        return self.kind in PRACTICE and self.status == "done"

    @property
    def shown(self) -> Shown:
        """The entry's scope, levels and rung, read when first asked."""
        if self._shown is None:
            if self.kind == "position" and self.within is not None:
                self._shown = self.within
            elif self.kind in ("accomplishment", "feedback"):
                self._shown = text_shown(
                    self.text, within=self.within, off_ladder=self.off_ladder, said=self.kind == "feedback"
                )
            else:
                self._shown = Shown()
        return self._shown


@dataclass
class Unit:
    """One thing a requirement asks for: a lexicon term (int) or a word (str)."""

    key: object
    weight: float
    label: str


@dataclass
class Match:
    entry: Entry
    score: float  # 0..1 share of the requirement's weight matched
    matched: set = field(default_factory=set)  # unit keys matched directly
    related: set = field(default_factory=set)  # unit keys matched by a related term


def _years(start: str | None, end: str | None) -> str:
    a = (start or "")[:4]
    b = (end or "")[:4] if end else "now"
    return f"{a}-{b}" if a else ""


def entries_of(record) -> list[Entry]:
    """The record as evidence entries (contacts are not evidence)."""
    out: list[Entry] = []
    by_title: dict[str, Shown] = {}
    for p in record.positions:
        label = ", ".join(x for x in (p.title, p.organization, _years(p.start, p.end)) if x)
        shown = position_shown(p)
        by_title.setdefault((p.title or "").lower(), shown)
        out.append(
            Entry(
                "position",
                p.id,
                label,
                text=" . ".join(x for x in (p.title, p.organization, p.level, p.summary) if x),
                within=shown,
                off_ladder=shown.off_ladder,
            )
        )
    for c in record.credentials:
        status = "done" if c.status == "earned" else c.status
        out.append(
            Entry(
                "credential",
                c.id,
                c.name,
                status,
                text=" . ".join(x for x in (c.name, c.field, c.issuer) if x),
            )
        )
    for a in record.accomplishments:
        within = by_title.get((getattr(a, "position", None) or "").lower())
        out.append(
            Entry(
                "accomplishment",
                a.id,
                a.title,
                text=accomplishment_text(a),
                within=within,
                off_ladder=a.kind == "union",
                date=getattr(a, "date", None) or "",
            )
        )
    for f in record.feedback:
        who = ", ".join(x for x in (f.from_name, f.relationship) if x)
        # What the feedback names as a growth area is not evidence that it is done.
        praise = praise_only(f.text)
        label = _clip(praise or f.text, 140) + (f" ({who})" if who else "")
        out.append(
            Entry(
                "feedback",
                f.id,
                label,
                text=" . ".join(x for x in (praise, f.context) if x),
                said=_clip(praise or f.text, 70),
            )
        )
    for le in record.learning:
        out.append(
            Entry(
                "learning",
                le.id,
                le.title,
                le.status or "done",
                text=" . ".join(x for x in (le.title, le.provider, "; ".join(le.skills), le.takeaways) if x),
            )
        )
    for g in record.goals:
        if g.status == "dropped":
            continue
        out.append(
            Entry(
                "goal",
                g.id,
                g.title,
                "planned",
                text=" . ".join(x for x in (g.title, "; ".join(g.skills), g.notes) if x),
            )
        )
    return out


_COLLEAGUES = frozenset(
    """principal principals counselor counselors counsellor counsellors clerk team committee director directors
    superintendent custodian coordinator coordinators chief nurse psychologist psychologists head""".split()
)


def _partners(ws: list[str]) -> set[int]:
    """Indices of the words of a "with the principal and counselors" phrase that closes an item:
    the colleagues a duty is done with. Only a phrase ending in a colleague counts ("with
    families" is often the very thing asked)."""
    for i in range(len(ws) - 1, 0, -1):
        if ws[i] == "with":
            span = range(i + 1, len(ws))
            return set(span) if any(ws[j] in _COLLEAGUES for j in span) and ws[-1] in _COLLEAGUES else set()
    return set()


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# Tokenising the whole record in one pass: every character that is not [a-z0-9] (after
# lower-casing, non-ASCII ones included) breaks words, as `text.words` reads them; \x01
# separates the entries.
_SEP = "\x01"
_BREAKS = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 or c == 1 else 32 for c in range(256))
MAX_SPELLINGS = 64  # word sequences tried for one phrase before comparing stems instead


def _acronym(m) -> str:
    from careerkit.posting.text import _ACRONYMS

    return _ACRONYMS[m.group(1)]


def documents(texts: list[str]) -> list[list[str]]:
    """Each text's words, exactly as `text.words(text)` reads them: tokenised in one pass of C
    over the whole record rather than a regex per entry."""
    from careerkit.posting.text import _ACRONYM, _POSSESSIVE

    pre = [
        t
        if not ("SE" in t or "EL" in t or "IT" in t or _SEP in t)
        else _ACRONYM.sub(_acronym, t).replace(_SEP, " ")
        for t in texts
    ]
    low = _SEP.join(pre).lower()
    if "'s" in low or "’s" in low:
        low = _POSSESSIVE.sub("", low)
    parts = low.encode("ascii", "replace").translate(_BREAKS).decode("ascii").split(_SEP)
    return [part.split() for part in parts]


class EvidenceIndex:
    """Words are indexed up front (one pass of tokenising); a lexicon term's entries are found
    when a requirement first asks for it, by intersecting its phrases' word lists.

    texts: the requirements that will be asked (optional). Given them, only the words whose
    stems they can ask for are indexed (their own words and their terms' phrases, related
    ones included); a word asked for later anyway makes the index complete first, so the
    answers are the same either way."""

    def __init__(self, record, voc: Vocabulary, texts: list[str] | None = None):
        from collections import defaultdict

        self.voc = voc
        self.entries = entries_of(record)
        tokens = documents([e.text for e in self.entries])
        # Each entry's words single-spaced with a space at each end, for finding phrases.
        self._docs = [" " + " ".join(ws) + " " for ws in tokens]
        vocab = dict.fromkeys(chain.from_iterable(tokens))  # in order of first use
        self._stem_of: dict[str, str] = {}
        self._words_of: dict[str, list[str]] = defaultdict(list)
        for w in vocab:
            st = self._stem_of[w] = stem(w)
            self._words_of[st].append(w)
        self._needed = self._asked(texts) if texts is not None else None
        wanted = (
            set(vocab) if self._needed is None else {w for w in vocab if self._stem_of[w] in self._needed}
        )
        # Word -> entries, in entry order.
        by_word: dict[str, list[int]] = defaultdict(list)
        for n, ws in enumerate(tokens):
            for w in wanted.intersection(ws):
                by_word[w].append(n)
        self._by_word = by_word
        self._stemmed: dict[str, frozenset] = {}
        self._joined: dict[int, str] = {}
        self._concepts: dict[object, frozenset] = {}
        self.n = max(1, len(self.entries))
        self._credentials = frozenset(n for n, e in enumerate(self.entries) if e.kind == "credential")
        self._record = record
        self._growth: list[tuple[int, str, str, frozenset]] | None = None

    def growth_areas(self) -> list[tuple[int, str, str, frozenset]]:
        """What feedback names as not yet done: (feedback id, its date, who, the lexicon terms
        its growth-area sentences name). Read when a verdict first asks."""
        if self._growth is None:
            from careerkit.posting.vocabulary import growth_areas

            out = []
            for f in self._record.feedback:
                said = growth_areas(f.text)
                if not said:
                    continue
                found, _ = self.voc.matcher.find(stems(said))
                keys = frozenset(k for _, _, ks in found for k in ks if isinstance(k, int))
                if keys:
                    who = f.from_name or f.relationship or "someone"
                    out.append((f.id, getattr(f, "date", None) or "", who, keys))
            self._growth = out
        return self._growth

    def _asked(self, texts: list[str]) -> set[str]:
        """Every stem the requirements can ask the index about: their content words, and the
        phrases of their terms and of those terms' related keys."""
        stems_: set[str] = set()
        keys: set = set()
        for text in texts:
            toks = stems(text)
            stems_.update(toks)
            for _, _, ks in self.voc.matcher.find(toks)[0]:
                keys |= ks
        for k in list(keys):
            if isinstance(k, int):
                keys |= self.voc.related.get(k, set())
        for k in keys:
            for phrase in self.voc.phrases.get(k, ()):
                stems_.update(phrase)
        return stems_

    def _complete(self) -> None:
        """Index every word (a stem was asked that the requirements did not name)."""
        have = set(self._by_word)
        missing = {w for w in self._stem_of if w not in have}
        add: dict[str, list[int]] = {}
        for n, doc in enumerate(self._docs):
            for w in missing.intersection(doc.split()):
                add.setdefault(w, []).append(n)
        self._by_word.update(add)
        self._needed = None

    def with_stem(self, token: str) -> frozenset:
        hit = self._stemmed.get(token)
        if hit is None:
            if self._needed is not None and token not in self._needed:
                self._complete()
            ws = self._words_of.get(token, ())
            by_word = self._by_word
            if len(ws) == 1:
                hit = frozenset(by_word.get(ws[0], ()))
            else:
                hit = frozenset().union(*(by_word.get(w, ()) for w in ws))
            self._stemmed[token] = hit
        return hit

    def _joined_text(self, n: int) -> str:
        j = self._joined.get(n)
        if j is None:
            j = self._joined[n] = " " + " ".join(map(self._stem_of.__getitem__, self._docs[n].split())) + " "
        return j

    def rarity(self, token: str) -> float:
        """1 for a word no entry has, down towards 0.35 for a word every entry has."""
        df = len(self.with_stem(token))
        return 0.35 + 0.65 * (1 - math.log1p(df) / math.log1p(self.n + 1))

    def with_key(self, key) -> frozenset:
        """Indices of the entries where a lexicon key (a term, or a term's related phrases) occurs."""
        hit = self._concepts.get(key)
        if hit is not None:
            return hit
        out: set[int] = set()
        for phrase in self.voc.phrases.get(key, ()):
            lists = sorted((self.with_stem(t) for t in phrase), key=len)
            if not lists[0]:
                continue
            cands = lists[0].intersection(*lists[1:]) if len(lists) > 1 else lists[0]
            if len(phrase) == 1:
                out.update(cands)
                continue
            # The phrase's stems in a row: as the record spells them (every word with each stem),
            # or, when they are spelled too many ways, compared as stems.
            spellings = 1
            for t in phrase:
                spellings *= len(self._words_of.get(t, ()))
            if spellings <= MAX_SPELLINGS:
                from itertools import product

                needles = [" " + " ".join(ws) + " " for ws in product(*(self._words_of[t] for t in phrase))]
                docs = self._docs
                if len(needles) == 1:
                    needle = needles[0]
                    out.update(n for n in cands if n not in out and needle in docs[n])
                else:
                    out.update(n for n in cands if n not in out and any(nd in docs[n] for nd in needles))
            else:
                needle = " " + " ".join(phrase) + " "
                out.update(n for n in cands if n not in out and needle in self._joined_text(n))
        hit = frozenset(out)
        self._concepts[key] = hit
        return hit

    def units(self, text: str) -> tuple[list[Unit], set]:
        """The requirement as weighted units: its lexicon terms, then the other content words."""
        ws = words(text)
        toks = [stem(w) for w in ws]
        found, used = self.voc.matcher.find(toks)
        partners = _partners(ws)
        units: list[Unit] = []
        concepts: set = set()
        for start, end, keys in found:
            # "... with the instructional leadership team": who the duty is done with, not what
            light = all(i in partners for i in range(start, end))
            for k in keys:
                if isinstance(k, int) and k not in concepts:
                    concepts.add(k)
                    t = self.voc.terms[k]
                    units.append(Unit(k, min(t.weight, 0.5) if light else t.weight, t.term))
        seen = set()
        for word, tok, u in zip(ws, toks, used, strict=True):
            if u:
                continue
            for w in content([tok]):
                if w not in seen:
                    seen.add(w)
                    units.append(Unit(w, self.rarity(w), word))
        return units, concepts

    def search(self, units: list[Unit], limit: int = 50) -> list[Match]:
        """Entries sharing anything with the units, best first."""
        import heapq
        from operator import itemgetter

        total = sum(u.weight for u in units) or 1.0
        direct: dict[object, frozenset] = {}
        related: dict[object, frozenset] = {}
        for u in units:
            if isinstance(u.key, int):
                hit = self.with_key(u.key)
                rel: set[int] = set()
                for rk in self.voc.related.get(u.key, ()):
                    rel |= self.with_key(rk)
                related[u.key] = frozenset(rel - hit)
            else:
                # a credential's name shares words with many items ("license", "standard"): it is
                # evidence by what it is (its terms), not by its words
                hit = self.with_stem(str(u.key)) - self._credentials
            direct[u.key] = hit
        # Rare units choose the candidates; words most entries share only add to their scores.
        common = max(50, self.n // 8)
        score: dict[int, float] = {}
        later = []
        for u in units:
            for hits, w in ((direct[u.key], u.weight), (related.get(u.key, frozenset()), 0.5 * u.weight)):
                if not hits:
                    continue
                if len(hits) > common:
                    later.append((hits, w))
                    continue
                for n in hits:
                    score[n] = score.get(n, 0.0) + w
        if not score:
            for hits, w in later:
                for n in hits:
                    score[n] = score.get(n, 0.0) + w
        else:
            for hits, w in later:
                for n in score:
                    if n in hits:
                        score[n] += w
        entries = self.entries
        best = heapq.nlargest(limit, score.items(), key=itemgetter(1))
        top = sorted(
            (n for n, _ in best), key=lambda n: (-score[n], _kind_rank(entries[n].kind), -entries[n].id)
        )
        out = []
        for n in top:
            m = Match(entries[n], score[n] / total)
            m.matched = {k for k, hits in direct.items() if n in hits}
            m.related = {k for k, hits in related.items() if n in hits}
            out.append(m)
        return out


_RANK = {"accomplishment": 0, "position": 1, "feedback": 2, "credential": 3, "learning": 4, "goal": 5}


def _kind_rank(kind: str) -> int:
    return _RANK.get(kind, 9)


def direct_cover(units: list[Unit], matches: list[Match]) -> float:
    """What the chosen entries cover by their own words and terms (related terms not counted)."""
    total = sum(u.weight for u in units) or 1.0
    keys = set().union(*(m.matched for m in matches)) if matches else set()
    return sum(u.weight for u in units if u.key in keys) / total


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
