"""Self-assessment against a framework: which entries of the record speak to each standard
(accomplishments, feedback, learning), and the latest rating per standard. Pure: the
record, a framework and ratings in; plain data out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careerkit.errors import NotFound
from careerkit.models.shape import Record

RATINGS = {1: "no or limited evidence", 2: "basic", 3: "effective or advanced"}


@dataclass
class Proof:
    kind: str  # accomplishment | feedback | learning
    id: int
    date: str | None
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "date": self.date, "text": self.text}


@dataclass
class Standing:
    id: str
    title: str
    rating: int | None = None
    date: str | None = None
    note: str | None = None
    evidence: list[Proof] = field(default_factory=list)
    # Reflections on this standard, newest first: the answer to "how do you know?"
    reflections: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "rating": self.rating,
            "date": self.date,
            "note": self.note,
            "evidence": [p.as_dict() for p in self.evidence],
            "reflections": self.reflections,
        }


def resolve_framework(name: str, folder: Path | None = None):
    """A framework by id (psel), id and year (psel-2015) or short name (PSEL 2015)."""
    from careerkit.posting.frameworks import find_framework, load_frameworks

    wanted = "-".join(name.strip().lower().split())
    found = find_framework(name, folder)
    if found is not None:
        return found
    for fw in load_frameworks(folder):
        names = {
            fw.id,
            f"{fw.id}-{fw.year}" if fw.year else fw.id,
            "-".join((fw.short or "").lower().split()),
        }
        if wanted in names:
            return fw
    known = ", ".join(f"{fw.id}-{fw.year}" if fw.year else fw.id for fw in load_frameworks(folder))
    raise NotFound(f"no framework {name!r}: use one of {known}")


def framework_of(standard: str, folder: Path | None = None):
    """(framework, competency) for a standard id such as psel-4."""
    from careerkit.posting.frameworks import find_competency

    found = find_competency(standard, folder)
    if found is None:
        raise NotFound(f"no standard {standard!r}: ids look like psel-4, tlms-2 or hts-7")
    return found


def _texts(record: Record):
    for a in record.accomplishments:
        from careerkit.posting.competencies import accomplishment_text

        yield "accomplishment", a.id, a.date, a.title, accomplishment_text(a)
    for f in record.feedback:
        yield "feedback", f.id, f.date, f.text, " . ".join(x for x in (f.text, f.context) if x)
    for le in record.learning:
        if le.status == "planned":
            continue
        yield (
            "learning",
            le.id,
            le.date,
            le.title,
            " . ".join(x for x in (le.title, le.provider, "; ".join(le.skills), le.takeaways) if x),
        )


def evidence_by_standard(record: Record, framework, vocabulary, limit: int = 8) -> dict[str, list[Proof]]:
    """standard id -> the entries that map to it, newest first within each kind, then
    accomplishments before feedback before learning."""
    from careerkit.posting.text import stems

    ids = {c.id for c in framework.competencies}
    out: dict[str, list[Proof]] = {i: [] for i in ids}
    for kind, entry_id, day, label, text in _texts(record):
        for cid in vocabulary.competencies(stems(text), limit=limit):
            if cid in ids:
                out[cid].append(Proof(kind, entry_id, day, label))
    rank = {"accomplishment": 0, "feedback": 1, "learning": 2}
    for proofs in out.values():
        proofs.sort(key=lambda p: (rank[p.kind], _neg(p.date)))
    return out


def _neg(day: str | None) -> str:
    # newest first in an ascending sort
    return "".join(chr(0x10FFFF - ord(ch)) for ch in (day or ""))


def standings(
    framework,
    ratings: list[dict[str, Any]],
    evidence: dict[str, list[Proof]],
    reflections: dict[str, list[dict[str, Any]]] | None = None,
) -> list[Standing]:
    """Each standard with its latest rating (ratings: oldest first), its evidence and the
    reflections written on it."""
    latest = {r["standard"]: r for r in ratings}
    out = []
    for c in framework.competencies:
        r = latest.get(c.id)
        out.append(
            Standing(
                c.id,
                c.title,
                r["rating"] if r else None,
                r["date"] if r else None,
                r["note"] if r else None,
                evidence.get(c.id, []),
                (reflections or {}).get(c.id, []),
            )
        )
    return out


def history(framework, ratings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per rated standard, its ratings over time and the change from the first to the last."""
    by_standard: dict[str, list[dict[str, Any]]] = {}
    for r in ratings:
        by_standard.setdefault(r["standard"], []).append(
            {"date": r["date"], "rating": r["rating"], "note": r["note"]}
        )
    out = []
    for c in framework.competencies:
        seq = by_standard.get(c.id)
        if seq:
            out.append(
                {
                    "standard": c.id,
                    "title": c.title,
                    "ratings": seq,
                    "change": seq[-1]["rating"] - seq[0]["rating"],
                }
            )
    return out
