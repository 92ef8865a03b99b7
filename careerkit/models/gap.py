"""Postings, requirements and gap reports (docs/gap-json.md). No I/O."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Must = Literal["required", "preferred"]
ReqType = Literal["education", "credential", "experience", "skill", "responsibility"]
Verdict = Literal["met", "partial", "gap"]
EvidenceKind = Literal["accomplishment", "learning", "credential", "position", "feedback", "goal"]


class Requirement(BaseModel):
    """One requirement as read from a posting, before it meets the record."""

    text: str
    section: str | None = None
    must: Must = "required"
    type: ReqType = "skill"
    # Structure read from the text, where it has one.
    years: float | None = None  # "five (5) years" -> 5
    experience_category: str | None = None  # teaching | leadership | administration | any
    degree_level: str | None = None  # bachelor | master | specialist | doctorate ...
    degree_fields: list[str] = Field(default_factory=list)
    or_related: bool = False
    credential_terms: list[str] = Field(default_factory=list)
    jurisdiction: str | None = None  # "Texas", "Georgia", "England" ...
    competencies: list[str] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)  # lexicon terms found in the text


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: EvidenceKind
    id: int
    text: str
    score: float = Field(ge=0, le=1)


class RequirementResult(BaseModel):
    """The spec's requirement object."""

    model_config = ConfigDict(extra="forbid")

    text: str
    section: str | None = None
    must: Must
    type: ReqType
    verdict: Verdict
    competencies: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    why: str


class PostingInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    organization: str | None = None
    source: str | None = None
    chars: int = 0


class GapReport(BaseModel):
    """Exactly the object `gap analyze --json` prints."""

    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    posting: PostingInfo
    score: int = Field(ge=0, le=100)
    requirements: list[RequirementResult] = Field(default_factory=list)


def score_of(results: list[RequirementResult]) -> int:
    """Share met (partial half), required weighing twice preferred; 0 to 100."""
    total = got = 0.0
    for r in results:
        weight = 2.0 if r.must == "required" else 1.0
        total += weight
        got += weight * {"met": 1.0, "partial": 0.5, "gap": 0.0}[r.verdict]
    return round(100 * got / total) if total else 0


class Extracted(BaseModel):
    """What `gap.extract.extract` reads from a posting's text."""

    title: str | None = None
    organization: str | None = None
    requirements: list[Requirement] = Field(default_factory=list)
