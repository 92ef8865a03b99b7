"""The resume as plain data: what `documents.resume` chooses and `render.resume` prints."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Bullet:
    text: str
    weight: float
    source: int = 0  # the accomplishment's id
    date: str = ""
    measured: bool = True  # it ends with a measurable impact


@dataclass
class Job:
    title: str
    organization: str
    location: str
    dates: str
    summary: str
    bullets: list[Bullet] = field(default_factory=list)


@dataclass
class Item:
    """One line of a list section: text, who issued it, when, and a short note."""

    text: str
    detail: str = ""
    when: str = ""
    note: str = ""
    weight: float = 0.0
    source: tuple[str, int] | None = None  # (kind, id) of the entry behind it
    date: str = ""


@dataclass
class Link:
    label: str
    url: str


@dataclass
class Resume:
    name: str
    headline: str = ""
    contact: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    experience: list[Job] = field(default_factory=list)
    education: list[Item] = field(default_factory=list)
    credentials: list[Item] = field(default_factory=list)
    leadership: list[Item] = field(default_factory=list)
    learning: list[Item] = field(default_factory=list)
    awards: list[Item] = field(default_factory=list)
    target: str = ""  # the posting it was made for (document properties only)
    target_line: str = ""  # "Applying for: Assistant Principal, Maple Valley Public Schools"
    dropped: int = 0  # bullets and items left out to fit the pages asked for
    left_out: list[str] = field(default_factory=list)  # what fitting the pages left out, in words
    expired: list[str] = field(default_factory=list)  # expired credentials left out
    order: list[str] = field(default_factory=list)  # section keys after the summary, in order
    contact_urls: dict[str, str] = field(default_factory=dict)  # contact text -> mailto:/tel: link
    paper: str = "us-letter"  # us-letter | a4
    spelling: str = "us"  # us | uk: the template's own words only, never the person's

    @property
    def title(self) -> str:
        # Not the posting's name: the same file may travel to more than one employer.
        return f"{self.name}: resume"
