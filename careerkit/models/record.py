"""The whole record as read from the database: every entry with its id and timestamps.
This is what `gap` and `render` take; they never see the database."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from careerkit.models import career as C


class Stored(BaseModel):
    """Mixed into each entry model: the database's id and timestamps."""

    id: int
    created: str | None = None
    updated: str | None = None


class PositionEntry(C.Position, Stored):
    pass


class CredentialEntry(C.Credential, Stored):
    pass


class AccomplishmentEntry(C.Accomplishment, Stored):
    pass


class FeedbackEntry(C.Feedback, Stored):
    pass


class LearningEntry(C.Learning, Stored):
    pass


class ContactEntry(C.Contact, Stored):
    pass


class GoalEntry(C.Goal, Stored):
    pass


ENTRY_BY_KIND: dict[str, type[BaseModel]] = {
    "position": PositionEntry,
    "credential": CredentialEntry,
    "accomplishment": AccomplishmentEntry,
    "feedback": FeedbackEntry,
    "learning": LearningEntry,
    "contact": ContactEntry,
    "goal": GoalEntry,
}


class Record(BaseModel):
    """A person's whole career record, entries newest first within each section."""

    model_config = ConfigDict(extra="forbid")

    profile: C.Profile | None = None
    positions: list[PositionEntry] = Field(default_factory=list)
    credentials: list[CredentialEntry] = Field(default_factory=list)
    accomplishments: list[AccomplishmentEntry] = Field(default_factory=list)
    feedback: list[FeedbackEntry] = Field(default_factory=list)
    learning: list[LearningEntry] = Field(default_factory=list)
    network: list[ContactEntry] = Field(default_factory=list)
    goals: list[GoalEntry] = Field(default_factory=list)

    def public(self) -> Record:
        """The record without private entries: what may leave the machine."""
        return self.model_copy(
            update={
                "accomplishments": [a for a in self.accomplishments if not a.private],
                "feedback": [f for f in self.feedback if not f.private],
            }
        )
