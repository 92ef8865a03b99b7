"""Competency frameworks and the lexicon of the field's terms, as read from data files."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Competency(Strict):
    id: str
    title: str
    keywords: list[str] = Field(default_factory=list)
    # What to look for when rating it (shown by `assess`): sample evidence, not keywords.
    prompts: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        value = value.strip().lower()
        if not value or " " in value:
            raise ValueError("an id is one word, like psel-4")
        return value


class Framework(Strict):
    id: str
    name: str
    short: str | None = None
    year: int | None = None
    publisher: str | None = None
    region: str | None = None
    competencies: list[Competency] = Field(min_length=1)
    source: str | None = None  # the file it came from (set by the loader)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        value = value.strip().lower()
        if not value or " " in value:
            raise ValueError("an id is one word, like psel")
        return value


class Term(Strict):
    term: str
    variants: list[str] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    weight: float = Field(default=2.0, gt=0, le=10)

    @field_validator("term", "variants", "related", mode="before")
    @classmethod
    def _numbers_are_words(cls, value):
        # YAML reads `504` as a number; in the lexicon it is a word.
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, list):
            return [str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v for v in value]
        return value


class Lexicon(Strict):
    terms: list[Term] = Field(default_factory=list)
