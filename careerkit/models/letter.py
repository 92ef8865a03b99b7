"""A cover-letter draft as data: what `careerkit letter` renders. No I/O."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Letter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    contact: list[str] = Field(default_factory=list)
    date: str = ""
    recipient: list[str] = Field(default_factory=list)  # "Hiring panel", the employer
    greeting: str = "Dear members of the hiring panel,"
    paragraphs: list[str] = Field(default_factory=list)
    closing: str = "Yours sincerely,"
    title: str = ""  # the role applied for
    employer: str = ""
    stories: list[int] = Field(default_factory=list)  # accomplishment ids told
    notes: list[str] = Field(default_factory=list)  # for the writer, not in the letter
    paper: str = "us-letter"
