"""The career file (spec/career-file.md) as pydantic models: the import/export format and
the shape every other layer reads the record in. Unknown keys are refused."""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from careerkit.models import kinds as K


def _iso_date(value: object) -> object:
    """YAML reads 2024-03-12 as a date and 2024 as an int; the file format keeps text."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        from careerkit.dates import is_iso_date

        text = value.strip()
        if is_iso_date(text) and len(text) in (4, 7, 10):
            return text
        raise ValueError(f"not a date: {value!r}")
    raise ValueError(f"not a date: {value!r}")


IsoDate = Annotated[str, BeforeValidator(_iso_date)]
OptDate = Annotated[str | None, BeforeValidator(_iso_date)]


def _text_list(value: object) -> object:
    if value is None:
        return []
    return value


TextList = Annotated[list[str], BeforeValidator(_text_list)]


class Strict(BaseModel):
    # A title typed as 1984 or a phone as 5550100 reads as a number in YAML: keep it as text.
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=False, populate_by_name=True, coerce_numbers_to_str=True
    )


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


# Required text: present and not blank. A per-type check rather than a validator on every
# field, which made reading a large record through the models several times slower.
Text = Annotated[str, AfterValidator(_not_blank)]


class NonEmpty(Strict):
    """An entry of the career file (required text fields are typed `Text`)."""


class Link(Strict):
    label: str
    url: str


class Profile(Strict):
    name: str
    headline: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: list[Link] = Field(default_factory=list)
    summary: str | None = None
    target_roles: TextList = Field(default_factory=list)
    skills: TextList = Field(default_factory=list)
    languages: TextList = Field(default_factory=list)  # "Spanish (fluent)"
    # What a JSON Resume held that careerkit has no place for, kept for its export:
    # {"original": the document imported, "baseline": its export right after the import}.
    jsonresume: dict | None = None


class Position(NonEmpty):
    title: Text
    organization: Text
    location: str | None = None
    start: IsoDate
    end: OptDate = None
    category: Literal[K.POSITION_CATEGORIES]  # type: ignore[valid-type]
    level: str | None = None
    summary: str | None = None


class Credential(NonEmpty):
    kind: Literal[K.CREDENTIAL_KINDS]  # type: ignore[valid-type]
    name: Text
    level: Literal[K.DEGREE_LEVELS] | None = None  # type: ignore[valid-type]
    field: str | None = None
    issuer: str | None = None
    date: OptDate = None
    expires: OptDate = None
    status: Literal[K.CREDENTIAL_STATUS] = "earned"  # type: ignore[valid-type]


class Accomplishment(NonEmpty):
    date: IsoDate
    title: Text
    details: str | None = None
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    impact: str | None = None
    position: str | None = None
    kind: Literal[K.ACCOMPLISHMENT_KINDS] = "other"  # type: ignore[valid-type]
    skills: TextList = Field(default_factory=list)
    evidence: TextList = Field(default_factory=list)
    private: bool = False


class Feedback(NonEmpty):
    date: IsoDate
    text: Text
    from_name: str | None = Field(default=None, alias="from")
    relationship: Literal[K.FEEDBACK_RELATIONSHIPS]  # type: ignore[valid-type]
    context: str | None = None
    private: bool = False


class Learning(NonEmpty):
    date: IsoDate
    title: Text
    kind: Literal[K.LEARNING_KINDS] | None = None  # type: ignore[valid-type]
    provider: str | None = None
    hours: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    status: Literal[K.LEARNING_STATUS] = "done"  # type: ignore[valid-type]
    skills: TextList = Field(default_factory=list)
    takeaways: str | None = None


class Contact(NonEmpty):
    name: Text
    relationship: Literal[K.NETWORK_RELATIONSHIPS]  # type: ignore[valid-type]
    role: str | None = None
    organization: str | None = None
    last_contact: OptDate = None
    notes: str | None = None


class Goal(NonEmpty):
    title: Text
    kind: Literal[K.GOAL_KINDS] | None = None  # type: ignore[valid-type]
    skills: TextList = Field(default_factory=list)
    due: OptDate = None
    status: Literal[K.GOAL_STATUS] = "planned"  # type: ignore[valid-type]
    notes: str | None = None


class ReflectionRow(NonEmpty):
    """A reflection in career file format 2: the entries it is on as kind:id (win:12),
    ids as the file keeps them."""

    date: IsoDate
    text: Text
    did: str | None = None
    learned: str | None = None
    differently: str | None = None
    evidence: str | None = None
    prompt: str | None = None
    competencies: TextList = Field(default_factory=list)
    reflects_on: TextList = Field(default_factory=list)
    private: bool = True


MODEL_BY_KIND: dict[str, type[NonEmpty]] = {
    "position": Position,
    "credential": Credential,
    "accomplishment": Accomplishment,
    "feedback": Feedback,
    "learning": Learning,
    "contact": Contact,
    "goal": Goal,
}


class CareerFile(Strict):
    careerkit: Literal[1]
    profile: Profile | None = None
    positions: list[Position] = Field(default_factory=list)
    credentials: list[Credential] = Field(default_factory=list)
    accomplishments: list[Accomplishment] = Field(default_factory=list)
    feedback: list[Feedback] = Field(default_factory=list)
    learning: list[Learning] = Field(default_factory=list)
    network: list[Contact] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    reflections: list[ReflectionRow] = Field(default_factory=list)

    @field_validator(
        "positions",
        "credentials",
        "accomplishments",
        "feedback",
        "learning",
        "network",
        "goals",
        "reflections",
        mode="before",
    )
    @classmethod
    def _none_is_empty(cls, value):
        return [] if value is None else value


# -- format 2: the rest of the record ---------------------------------------------------------
# Every entry of format 2 may carry its id and its timestamps (see docs/career-file.md).

Timestamp = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$")]
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Settings(Strict):
    """Settings by key (`careerkit config list` names them): text values."""

    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True)


class Touch(NonEmpty):
    contact: Id  # the network entry's id
    date: IsoDate
    kind: Literal[K.TOUCH_KINDS] = "conversation"  # type: ignore[valid-type]
    note: str | None = None


class Cadence(NonEmpty):
    contact: Id
    every: Annotated[str, Field(pattern=r"^(off|[1-9]\d{0,3}[dwmy])$")]


class Posting(NonEmpty):
    title: str | None = None
    organization: str | None = None
    source: str | None = None
    text: str
    score: int | None = Field(default=None, ge=0, le=100)
    report: dict = Field(default_factory=dict)


class Assessment(NonEmpty):
    framework: Text
    standard: Text
    rating: int = Field(ge=1, le=3)
    note: str | None = None
    date: IsoDate


class GoalLink(NonEmpty):
    goal: Id
    accomplishment: Id


class GoalGap(NonEmpty):
    goal: Id
    gap: Text
    competencies: TextList = Field(default_factory=list)
    report: Id | None = None  # the saved posting the gap came from


def with_meta(
    model: type[BaseModel], *, has_id: bool = True, stamps: tuple[str, ...] = ("created", "updated")
):
    """The format-2 entry: the model plus its id and timestamps, all optional."""
    from pydantic import create_model

    fields: dict = {}
    if has_id:
        fields["id"] = (Id | None, None)
    for stamp in stamps:
        fields[stamp] = (Timestamp | None, None)
    return create_model(f"{model.__name__}Entry", __base__=model, **fields)
