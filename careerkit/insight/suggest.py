"""Ways to close a gap: stretch assignments, learning and credentials, read from
`frameworks/suggestions.yaml` (and the user's `suggestions*.yaml` files), matched to a gap
by its group key, its wording, its competencies and, last, its type. Pure: data in, ways out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerkit.errors import InvalidInput
from careerkit.models.recurring import TopGap, Way

PACKAGED = Path(__file__).resolve().parent.parent / "frameworks" / "suggestions.yaml"
KINDS = ("stretch-assignment", "learning", "credential")
MAX_WAYS = 3
# Match strength: the group key; words of the gap's name or wording; words of another
# posting's wording of it; its competencies; its type.
KEY, TERM, ASKED, COMPETENCY, TYPE = 4, 3, 2, 1, 0


@dataclass
class Entry:
    keys: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    ways: list[dict[str, Any]] = field(default_factory=list)
    patterns: tuple[re.Pattern, ...] = ()
    region: str | None = None  # where it applies ("England", "Texas"); None: everywhere


def _pattern(phrase: str) -> re.Pattern:
    """A phrase of five letters or more also matches as a prefix ('evaluat' ~ 'evaluation');
    shorter ones (iep, ell, data) only as whole words."""
    body = re.escape(phrase.strip().lower())
    end = r"(?![a-z0-9])" if len(phrase.strip()) < 5 else ""
    return re.compile(r"(?<![a-z0-9])" + body + end)


class Suggestions:
    """The book of ways. `shipped()` reads the packaged file; `load(folder)` adds the user's."""

    def __init__(self, entries: list[Entry], place_known: bool = False):
        self._all = entries
        self.entries = entries
        # Entries for a place (a region) are offered only once the place is known (for_place).
        if not place_known:
            self.entries = [e for e in entries if e.region is None]

    @classmethod
    def shipped(cls) -> Suggestions:
        return cls.load(None)

    @classmethod
    def load(cls, folder: Path | None) -> Suggestions:
        return _load(Path(folder) if folder is not None else None)

    @classmethod
    def _read(cls, folder: Path | None) -> Suggestions:
        paths = [PACKAGED]
        if folder is not None and Path(folder).is_dir():
            paths += sorted(
                p
                for p in Path(folder).iterdir()
                if p.is_file()
                and p.name.lower().startswith("suggestions")
                and p.suffix.lower() in (".yaml", ".yml")
            )
        shipped = parse(PACKAGED)
        users = [e for p in paths[1:] for e in parse(p)]
        return cls(_override(shipped, users))

    def for_place(self, place) -> Suggestions:
        """Only the entries that fit the user's place (insight/place.py): the NPQs in
        England, the TExES exam in Texas; entries without a region fit everywhere."""
        from careerkit.insight.place import fits

        if place is None:
            return self
        return Suggestions([e for e in self._all if fits(e.region, place)], place_known=True)

    def ways_for(self, gap: TopGap) -> list[Way]:
        """Up to three ways for one gap, one of each kind first, from the strongest match."""
        matched = self.matches(gap)
        if not matched:
            return []
        best = matched[0][0]
        degree_like = gap.type in ("education", "credential")
        pool: list[dict[str, Any]] = []
        for strength, entry in matched:
            # Weaker matches only fill in when the strongest gave fewer than two ways.
            if strength < best and len(pool) >= 2:
                break
            if strength == COMPETENCY and degree_like and pool:
                continue
            for way in entry.ways:
                # A credential is a big step: offered when the gap names it, not by association.
                if way["kind"] == "credential" and strength < TERM and not degree_like:
                    continue
                if way["title"] not in {p["title"] for p in pool}:
                    pool.append({**way, "regional": entry.region is not None})
        # A way for the user's place stands in for the general "your state's ..." of its kind.
        local = {w["kind"] for w in pool if w["regional"]}
        pool = [w for w in pool if w["regional"] or w["kind"] not in local or "state's" not in w["title"]]
        chosen, kinds = [], set()
        for way in pool:
            if way["kind"] not in kinds:
                chosen.append(way)
                kinds.add(way["kind"])
        for way in pool:
            if len(chosen) >= MAX_WAYS:
                break
            if way not in chosen:
                chosen.append(way)
        chosen = sorted(chosen[:MAX_WAYS], key=pool.index)
        topic = topic_of(gap)
        return [_way(w, topic, gap) for w in chosen]

    def matches(self, gap: TopGap) -> list[tuple[int, Entry]]:
        own = f"{gap.label} {gap.text}".lower().replace("’", "'")
        others = " ".join(a.text for a in gap.asks[:12] if a.text != gap.text).lower().replace("’", "'")
        scored = []
        for order, entry in enumerate(self.entries):
            strength, detail = _strength(entry, gap, own, others)
            if strength is not None:
                scored.append((strength, detail, -order, entry))
        scored.sort(key=lambda s: (s[0], s[1], s[2]), reverse=True)
        return [(s[0], s[3]) for s in scored]


def _strength(entry: Entry, gap: TopGap, own: str, others: str) -> tuple[int | None, float]:
    if gap.key.split("#")[0] in entry.keys:
        return KEY, 0.0
    for strength, text in ((TERM, own), (ASKED, others)):
        hits = [p for p in entry.patterns if p.search(text)]
        if hits:
            return strength, len(hits) + max(len(p.pattern) for p in hits) / 100
    shared = [c for c in gap.competencies if c in entry.competencies]
    if shared:
        # The gap's first competency is its main one.
        first = gap.competencies.index(shared[0])
        return COMPETENCY, 1.0 / (1 + first)
    if gap.type in entry.types:
        return TYPE, 0.0
    return None, 0.0


def topic_of(gap: TopGap) -> str:
    """The gap's name as it reads inside a sentence."""
    name = gap.label.strip().rstrip(".;:")
    if len(name) > 70:
        cut = name[:70].rsplit(" ", 1)[0]
        name = cut.rstrip(",;:") + "..."
    # 'Budget' -> 'budget'; a name ('Qualified Teacher Status (QTS)', 'Title I') keeps its capitals.
    words = name.split()
    proper = sum(1 for w in words[1:] if w[:1].isupper()) >= 1
    if name[:1].isupper() and not name[:2].isupper() and not proper:
        name = name[:1].lower() + name[1:]
    return name


@lru_cache(maxsize=8)
def _load(folder: Path | None) -> Suggestions:
    """Read once per process: `plan` and `gap common` both ask for the book."""
    return Suggestions._read(folder)


def _way(raw: dict[str, Any], topic: str, gap: TopGap) -> Way:
    def fill(s: str) -> str:
        return s.replace("{topic}", topic)

    skills = [fill(s) for s in raw.get("skills") or [] if fill(s).strip()]
    if not skills and gap.key.startswith("term:"):
        skills = [gap.key[5:]]
    return Way(
        number=0,
        kind=raw["kind"],
        title=fill(raw["title"]),
        how=fill(raw["how"]) if raw.get("how") else None,
        skills=list(dict.fromkeys(skills)),
    )


def _override(shipped: list[Entry], users: list[Entry]) -> list[Entry]:
    """User entries first (at equal strength they win); a user way with a shipped way's
    title replaces it everywhere."""
    replaced = {w["title"].lower(): w for e in users for w in e.ways}
    for entry in shipped:
        entry.ways = [replaced.get(w["title"].lower(), w) for w in entry.ways]
    return users + shipped


# -- reading the file -------------------------------------------------------------------------


def parse(path: Path) -> list[Entry]:
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(Path(path).read_text(encoding="utf-8-sig"), Loader=loader)
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise InvalidInput(f"cannot read {path}: {e.strerror}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InvalidInput(f"{path}: not valid YAML{where}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InvalidInput(f"{path}: expected a mapping with an 'entries' list")
    return [_entry(path, n, raw) for n, raw in enumerate(data["entries"], 1)]


def _entry(path: Path, n: int, raw: Any) -> Entry:
    where = f"{path}: entry {n}"
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where}: expected a mapping")
    unknown = set(raw) - {"keys", "terms", "competencies", "types", "ways", "region"}
    if unknown:
        raise InvalidInput(f"{where}: unknown field {sorted(unknown)[0]!r}")
    lists = {}
    for name in ("keys", "terms", "competencies", "types"):
        value = raw.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidInput(f"{where}: {name} must be a list of words")
        lists[name] = tuple(v.strip() for v in value if v.strip())
    if not any(lists.values()):
        raise InvalidInput(f"{where}: says nothing it matches (keys, terms, competencies or types)")
    ways = raw.get("ways")
    if not isinstance(ways, list) or not ways:
        raise InvalidInput(f"{where}: needs a list of ways")
    entry = Entry(
        keys=lists["keys"],
        terms=lists["terms"],
        competencies=tuple(c.lower() for c in lists["competencies"]),
        types=lists["types"],
        ways=[_check_way(where, w) for w in ways],
        region=_region(where, raw.get("region")),
    )
    entry.patterns = tuple(_pattern(t) for t in entry.terms)
    return entry


def _region(where: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"{where}: region must be a place, like England, United States or Texas")
    return value.strip()


def _check_way(where: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str) or not raw["title"].strip():
        raise InvalidInput(f"{where}: each way needs a title")
    if raw.get("kind") not in KINDS:
        raise InvalidInput(f"{where}: way {raw['title']!r}: kind must be one of {', '.join(KINDS)}")
    unknown = set(raw) - {"kind", "title", "how", "skills"}
    if unknown:
        raise InvalidInput(f"{where}: way {raw['title']!r}: unknown field {sorted(unknown)[0]!r}")
    skills = raw.get("skills") or []
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        raise InvalidInput(f"{where}: way {raw['title']!r}: skills must be a list")
    return {
        "kind": raw["kind"],
        "title": raw["title"].strip(),
        "how": (raw.get("how") or "").strip() or None,
        "skills": skills,
    }
