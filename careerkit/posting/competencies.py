"""Mapping text to the frameworks' competencies, through the frameworks' keywords and the
lexicon's terms (each term names the competencies it touches)."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from careerkit.errors import NotFound
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
        for toks, ks in rel._keys.items():
            m._keys.setdefault(toks, set()).update(ks)
        self.matcher = m.freeze()
        # key -> its phrases as stem tuples, for finding a term in many entries at once
        self.phrases: dict[object, list[tuple[str, ...]]] = {}
        for toks, ks in m._keys.items():
            for k in ks:
                self.phrases.setdefault(k, []).append(toks)
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
    """The compiled lexicon, from the cache when the files behind it have not changed: building
    it (reading the YAML, stemming every phrase) costs a fifth of a short `gap analyze`."""
    path = _cache_path(folder, sig)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                voc = pickle.load(fh)
            if isinstance(voc, Vocabulary):
                return voc
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            pass
    voc = Vocabulary(load_frameworks(folder), load_lexicon(folder))
    if path is not None:
        _write_cache(path, voc)
    return voc


def _cache_path(folder: Path | None, sig: tuple) -> Path | None:
    """Where the compiled lexicon is kept: the user's cache folder, named by everything it was
    built from (careerkit's version, the packaged files, the user's folder and its files)."""
    import hashlib
    import os

    from careerkit import __version__
    from careerkit.posting.frameworks import PACKAGED, signature

    if os.environ.get("CAREERKIT_NO_CACHE"):
        return None
    try:
        from platformdirs import user_cache_dir

        root = Path(user_cache_dir("careerkit"))
    except Exception:  # no home directory: build every time
        return None
    # the code that builds it too: a changed stemmer makes other phrases
    here = Path(__file__).resolve().parent
    code = tuple((here / f).stat().st_mtime_ns for f in ("competencies.py", "text.py"))
    key = repr((__version__, code, signature(PACKAGED), str(folder), sig)).encode()
    return root / f"lexicon-{hashlib.sha1(key).hexdigest()[:16]}.pickle"


def _write_cache(path: Path, voc: Vocabulary) -> None:
    """Written whole or not at all (a temporary file renamed), private to the user; a cache that
    cannot be written is only slower."""
    import os
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(voc, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def default_folder() -> Path | None:
    """The user's frameworks folder when the caller names none: $CAREERKIT_FRAMEWORKS, else
    `frameworks/` beside the default database."""
    try:
        from careerkit.paths import resolve_db_path

        return user_folder(resolve_db_path(None))
    except Exception:  # no data directory: packaged frameworks only
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


def accomplishments_for(record, competency_id: str, *, folder: Path | None = None) -> list[int]:
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
