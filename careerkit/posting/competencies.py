"""Mapping text to the frameworks' competencies, through the frameworks' keywords and the
lexicon's terms (each term names the competencies it touches)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from careerkit.errors import NotFound
from careerkit.models.shape import EvidenceRecord
from careerkit.posting.frameworks import load_frameworks, load_lexicon, user_folder
from careerkit.posting.text import PhraseMatcher, stems


@dataclass(frozen=True)
class TermInfo:
    """A lexicon term as matching uses it."""

    term: str
    weight: float
    variants: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()


class Vocabulary:
    """The lexicon compiled for matching: `terms` (index -> Term), `matcher` finding term
    indices (and ("rel", index) for a term's related phrases that are not terms themselves),
    `competency_matcher` finding competency ids by keyword."""

    def __init__(self, frameworks, lexicon):
        # Plain values only: the compiled vocabulary is cached on disk, and reading it back
        # should not need the pydantic models it was read with.
        self.terms = [
            TermInfo(t.term, float(t.weight), tuple(t.variants), tuple(t.related), tuple(t.competencies))
            for t in lexicon.terms
        ]
        self.order = {c.id: n for n, c in enumerate(c for fw in frameworks for c in fw.competencies)}
        m = PhraseMatcher()
        for i, t in enumerate(self.terms):
            for phrase in [t.term, *t.variants]:
                m.add(phrase, i)
        m.freeze()
        self.related: dict[int, set] = {}
        rel = PhraseMatcher()
        for i, t in enumerate(self.terms):
            keys: set = set()
            for phrase in t.related:
                toks = stems(phrase)
                found, used = m.find(toks)
                if found and all(used):
                    for _, _, ks in found:
                        keys |= ks
                else:
                    keys.add(("rel", i))
                    rel.add(phrase, ("rel", i))
            keys.discard(i)
            self.related[i] = keys
        # Related phrases that are not terms join the main matcher under their own keys.
        for phrase_toks, phrase_keys in rel._keys.items():
            m._keys.setdefault(phrase_toks, set()).update(phrase_keys)
        self.matcher = m.freeze()
        # key -> its phrases as stem tuples, for finding a term in many entries at once
        self.phrases: dict[object, list[tuple[str, ...]]] = {}
        for phrase_toks, phrase_keys in m._keys.items():
            for k in phrase_keys:
                self.phrases.setdefault(k, []).append(phrase_toks)
        cm = PhraseMatcher()
        known = set(self.order)
        for fw in frameworks:
            for c in fw.competencies:
                cm.add(c.title, c.id)
                for k in c.keywords:
                    cm.add(k, c.id)
        self.competency_matcher = cm.freeze()
        self.term_competencies = {
            i: [c for c in t.competencies if c in known] for i, t in enumerate(self.terms)
        }

    def competencies(self, tokens: list[str], concepts: set | None = None, limit: int = 3) -> list[str]:
        """The competency ids this text touches most, best first."""
        hits: dict[str, float] = {}
        for _, _, keys in self.competency_matcher.find(tokens)[0]:
            for k in keys:
                hits[k] = hits.get(k, 0) + 1
        if concepts is None:
            concepts = {k for k in self.matcher.keys_in(tokens) if isinstance(k, int)}
        for i in concepts:
            if isinstance(i, int):
                for c in self.term_competencies.get(i, ()):
                    hits[c] = hits.get(c, 0) + 1
        if not hits:
            return []
        best = max(hits.values())
        ranked = sorted(
            (k for k, v in hits.items() if v >= max(1, best / 2)),
            key=lambda k: (-hits[k], self.order.get(k, 9999)),
        )
        return ranked[:limit]


def vocabulary(folder: Path | None = None) -> Vocabulary:
    from careerkit.posting.frameworks import signature

    return _vocabulary(folder, signature(folder))


@lru_cache(maxsize=8)
def _vocabulary(folder: Path | None, sig: tuple) -> Vocabulary:
    return Vocabulary(load_frameworks(folder), load_lexicon(folder))


def default_folder() -> Path | None:
    """The user's frameworks folder when the caller names none: $CAREERKIT_FRAMEWORKS, else
    `frameworks/` beside the default database."""
    try:
        from careerkit.paths import resolve_db_path

        return user_folder(resolve_db_path(None))
    except (OSError, RuntimeError):  # no home or data directory: packaged frameworks only
        return None


def competencies_of(text: str, *, folder: Path | None = None, limit: int = 3) -> list[str]:
    return vocabulary(folder).competencies(stems(text), limit=limit)


def accomplishment_text(a) -> str:
    parts = [
        a.title,
        a.details,
        a.situation,
        a.task,
        a.action,
        a.result,
        a.impact,
        a.kind,
        " ; ".join(a.skills),
    ]
    return " . ".join(p for p in parts if p)


def accomplishments_for(
    record: EvidenceRecord, competency_id: str, *, folder: Path | None = None
) -> list[int]:
    """Ids of the accomplishments that map to the competency, in the record's order."""
    from careerkit.posting.frameworks import find_competency

    if folder is None:
        folder = default_folder()
    if find_competency(competency_id, folder) is None:
        raise NotFound(f"no competency {competency_id!r}: `careerkit frameworks list` shows the ids")
    wanted = competency_id.strip().lower()
    voc = vocabulary(folder)
    return [
        a.id
        for a in record.accomplishments
        if wanted in voc.competencies(stems(accomplishment_text(a)), limit=4)
    ]
