"""What many saved postings share (`careerkit gap common`): recurring requirements grouped
by meaning, where the person stands on each, and the gaps that matter most with ways to
close them. No I/O."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from careerkit.models.gap import Must, ReqType, Verdict

WayKind = Literal["stretch-assignment", "learning", "credential"]


class PostingRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    title: str | None = None
    organization: str | None = None


class Ask(BaseModel):
    """One requirement of one saved posting that belongs to a group."""

    model_config = ConfigDict(extra="forbid")

    report: int
    index: int  # position in the report's requirements, from 0
    text: str
    must: Must
    verdict: Verdict


class CommonGroup(BaseModel):
    """Requirements from several postings that ask for the same thing in different words."""

    model_config = ConfigDict(extra="forbid")

    key: str  # stable: "degree:master", "years:teaching", "term:master schedule" ...
    label: str  # a short name for the group
    text: str  # the representative wording, as one posting put it
    type: ReqType
    competency: str | None = None  # the competency it is listed under
    competencies: list[str] = Field(default_factory=list)
    postings: int  # how many postings ask for it
    report_ids: list[int] = Field(default_factory=list)
    required: int  # postings that require it
    preferred: int  # postings that only prefer it
    met: int = 0  # postings whose analysis found it met / partial / a gap
    partial: int = 0
    gap: int = 0
    years: list[float] = Field(default_factory=list)  # years asked, for years:* groups
    best: Verdict  # the best verdict across postings
    latest: Verdict  # the verdict in the most recently analysed posting that asks
    asks: list[Ask] = Field(default_factory=list)


class CompetencySection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # qualifications: degrees, certificates and years; competency: groups mapped to one;
    # unmapped: groups mapped to none.
    kind: Literal["qualifications", "competency", "unmapped"] = "competency"
    competency: str | None = None
    label: str
    groups: list[CommonGroup] = Field(default_factory=list)


class Way(BaseModel):
    """One concrete way to close a gap; `number` is what `goals add --from-gap` takes."""

    model_config = ConfigDict(extra="forbid")

    number: int
    kind: WayKind
    title: str
    how: str | None = None
    skills: list[str] = Field(default_factory=list)
    goal_id: int | None = None  # the goal already made from it, if any


class TopGap(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rank: int
    key: str  # the CommonGroup it is
    label: str
    text: str
    type: ReqType
    competencies: list[str] = Field(default_factory=list)
    postings: int
    required: int
    latest: Verdict
    years: list[float] = Field(default_factory=list)
    priority: float  # required asks weigh 2, preferred 1; a gap counts 1, partial 0.5
    why: str
    report_ids: list[int] = Field(default_factory=list)
    asks: list[Ask] = Field(default_factory=list)
    ways: list[Way] = Field(default_factory=list)


class CommonReport(BaseModel):
    """Exactly the object `gap common --json` prints."""

    model_config = ConfigDict(extra="forbid")

    postings: list[PostingRef] = Field(default_factory=list)
    min_postings: int = 2  # a group is listed when at least this many postings ask
    sections: list[CompetencySection] = Field(default_factory=list)
    top_gaps: list[TopGap] = Field(default_factory=list)

    def ways(self) -> list[tuple[TopGap, Way]]:
        return [(gap, way) for gap in self.top_gaps for way in gap.ways]
