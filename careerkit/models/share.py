"""A cohort snapshot (`careerkit share`): what a member chooses to share with the lead of a
leadership pipeline. Counts, ratings, standings and statuses: never the text of an entry,
feedback, a private entry or another person's name. docs/share.schema.json is made from
these models (a test keeps it current)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT: Literal["careerkit-share"] = "careerkit-share"
VERSION = 1

Standing = Literal["met", "partial", "gap"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Member(Strict):
    id: str = Field(
        description="A random id kept in the member's record: the same for every snapshot they share."
    )
    name: str | None = Field(default=None, description="Only with `share --name`.")


class Evidence(Strict):
    accomplishments: int = 0
    feedback: int = 0
    learning: int = 0


class StandardRating(Strict):
    id: str
    title: str
    rating: int | None = Field(default=None, ge=1, le=3)
    rated: str | None = Field(default=None, description="Date of the latest self-rating.")
    evidence: Evidence = Field(default_factory=Evidence)


class FrameworkRatings(Strict):
    id: str
    name: str
    standards: list[StandardRating]


class Requirement(Strict):
    """One requirement that postings for the target role share (from `gap common`)."""

    key: str
    label: str
    type: str
    postings: int = Field(ge=1)
    required: int = Field(ge=0)
    standing: Standing
    competencies: list[str] = Field(default_factory=list)


class Goal(Strict):
    kind: str | None = None
    status: str
    due: str | None = None
    gap: str | None = Field(default=None, description="The requirement it was made to close, by its label.")
    competencies: list[str] = Field(default_factory=list)


class Learning(Strict):
    hours_done: float = 0.0
    hours_in_progress: float = 0.0
    by_kind: dict[str, float] = Field(default_factory=dict, description="Hours done, by kind of learning.")
    completed: int = 0


class Milestone(Strict):
    kind: str
    date: str | None = None
    label: str


class Snapshot(Strict):
    created: str
    cohort: str
    member: Member
    target_role: str | None = None
    postings: int = Field(default=0, ge=0, description="Saved postings behind the requirements.")
    frameworks: list[FrameworkRatings] = Field(default_factory=list)
    requirements: list[Requirement] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    learning: Learning = Field(default_factory=Learning)
    milestones: list[Milestone] = Field(default_factory=list)
    wins: list[str] = Field(
        default_factory=list, description="Titles of wins the member chose (--include-wins)."
    )


class SharedFile(Strict):
    """The file as written: what it is, the snapshot, and a checksum of the snapshot."""

    format: Literal["careerkit-share"] = FORMAT
    version: int = VERSION
    snapshot: Snapshot
    checksum: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")
