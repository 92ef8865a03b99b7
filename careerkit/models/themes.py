"""Feedback themes: what others recognise in the person, across all feedback. No I/O."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Quote(BaseModel):
    """A piece of feedback as said (or a verbatim excerpt of it, marked with an ellipsis)."""

    model_config = ConfigDict(extra="forbid")

    id: int
    text: str
    relationship: str
    from_name: str | None = None
    date: str
    context: str | None = None


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["competency", "wording"]
    key: str  # a competency id, or the phrase's stems
    label: str  # the competency's name, or the phrase as people wrote it
    count: int  # how many pieces of feedback carry it
    relationships: dict[str, int] = Field(default_factory=dict)  # most first
    quotes: list[Quote] = Field(default_factory=list)  # the best few
    feedback_ids: list[int] = Field(default_factory=list)


class Themes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feedback: int  # pieces of feedback read
    competencies: list[Theme] = Field(default_factory=list)
    wording: list[Theme] = Field(default_factory=list)
    growth: list[Quote] = Field(default_factory=list)  # feedback naming a growth area: never praise
