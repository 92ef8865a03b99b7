"""The interview-prep brief for one posting, as data: what `careerkit prep` renders to
Markdown, HTML, PDF and Word. Every text in it comes from the record, the saved gap report
or the question bank. No I/O."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Competency(_Model):
    id: str
    name: str


class Story(_Model):
    """An accomplishment told as situation, task, action, result, with its numbers."""

    id: int
    title: str
    date: str
    position: str | None = None
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    impact: str | None = None
    details: str | None = None  # shown when the STAR fields are empty
    artifacts: list[str] = Field(default_factory=list)
    answers: str | None = None  # the common question it answers best
    short: str = ""  # the 30-second version, from its own fields


class StoryRef(_Model):
    """A story already told in full under an earlier requirement."""

    id: int
    title: str
    point: int  # 1-based number of the requirement where it is told


class Line(_Model):
    """One entry of the record in a line: a credential, a position, a course, a goal ..."""

    kind: str
    id: int
    text: str
    status: str | None = None  # credentials, learning, goals: earned, in-progress ...
    relationship: str | None = None  # feedback: who said it
    from_name: str | None = None  # feedback: only when the user asks for names


class UnderWay(_Model):
    """Something in progress that answers a gap: a goal, learning, a credential."""

    kind: str  # goal | learning | credential
    id: int
    text: str
    status: str
    due: str | None = None


class Point(_Model):
    """One main requirement of the posting and what to say about it."""

    number: int
    text: str
    must: str
    type: str
    verdict: str
    why: str
    competencies: list[Competency] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    repeats: list[StoryRef] = Field(default_factory=list)
    other: list[Line] = Field(default_factory=list)
    artifacts: list[str] = Field(default_factory=list)
    under_way: list[UnderWay] = Field(default_factory=list)


class Qualification(_Model):
    """A degree or credential the posting asks for, and what the record holds."""

    text: str
    must: str
    verdict: str
    evidence: list[Line] = Field(default_factory=list)


class QuestionSet(_Model):
    competency: Competency
    questions: list[str]
    stories: list[str] = Field(default_factory=list)  # titles of stories that answer them


class Said(_Model):
    text: str
    relationship: str
    from_name: str | None = None
    context: str | None = None
    date: str


class Voice(_Model):
    """A theme in others' feedback and the quotes behind it."""

    label: str | None  # None: the best quotes when no theme recurs yet
    kind: str  # competency | wording | quotes
    count: int
    relationships: dict[str, int] = Field(default_factory=dict)  # most first
    quotes: list[Said] = Field(default_factory=list)


class GapItem(_Model):
    """A requirement the record does not fully meet, with an honest answer's material."""

    text: str
    must: str
    type: str
    verdict: str  # gap | partial
    why: str
    nearest: list[Line] = Field(default_factory=list)
    under_way: list[UnderWay] = Field(default_factory=list)
    script: str = ""  # an honest answer: owns the gap, the nearest evidence, the next step
    suggestions: list[str] = Field(default_factory=list)  # when nothing is under way: what to start


class Hard(_Model):
    """A hard requirement at the top of the brief: a degree, credential or years asked."""

    text: str
    verdict: str
    evidence: list[str] = Field(default_factory=list)  # what the record holds for it


class PostingLines(_Model):
    """The posting in a few lines."""

    title: str
    employer: str = ""
    location: str = ""
    reports_to: str = ""
    title_known: bool = True
    employer_known: bool = True
    role: str = ""  # the kind of role the scenario questions are for
    hard: list[Hard] = Field(default_factory=list)


class WhyHere(_Model):
    prompt: str
    research: str


class Phase(_Model):
    """One part of the 30-60-90-day plan skeleton."""

    label: str
    items: list[str] = Field(default_factory=list)


class Counts(_Model):
    requirements: int = 0
    required: int = 0
    preferred: int = 0
    met: int = 0
    partial: int = 0
    gap: int = 0


class Brief(_Model):
    report_id: int | None = None
    posting: PostingLines | None = None
    opening: list[str] = Field(default_factory=list)  # "tell me about yourself", by paragraph
    plan: list[Phase] = Field(default_factory=list)
    posting_questions: list[str] = Field(default_factory=list)
    scenarios: list[str] = Field(default_factory=list)
    why_here: list[WhyHere] = Field(default_factory=list)
    growth: list[Said] = Field(default_factory=list)  # what others named as a growth area
    candidate: str | None = None
    title: str | None = None
    organization: str | None = None
    source: str | None = None
    score: int
    counts: Counts
    weighs_most: list[Competency] = Field(default_factory=list)
    qualifications: list[Qualification] = Field(default_factory=list)
    points: list[Point] = Field(default_factory=list)
    also_met: list[Qualification] = Field(default_factory=list)
    general_questions: list[str] = Field(default_factory=list)
    questions: list[QuestionSet] = Field(default_factory=list)
    voices: list[Voice] = Field(default_factory=list)
    feedback_count: int = 0
    gaps: list[GapItem] = Field(default_factory=list)
    panel_questions: list[str] = Field(default_factory=list)
    checklist: list[str] = Field(default_factory=list)
    names: bool = False
    include_private: bool = False
