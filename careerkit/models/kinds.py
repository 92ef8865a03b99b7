"""The kinds of record, described as plain data (no pydantic), so that the capture path can
write a row without importing the validation layer.

Each kind has a table, the career file's section name, its columns in file order, which
columns hold lists (stored as JSON text), which are flags, which are dates, and the field
that serves as its title. Column `from_name` is the file's `from` key.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kind:
    name: str  # singular, as shown to users and in search hits: "accomplishment"
    table: str  # SQLite table, also the career-file section
    columns: tuple[str, ...]
    title: str  # the column that names the record
    required: tuple[str, ...]
    lists: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    defaults: dict[str, object] = field(default_factory=dict)
    sort: str = "id"  # list order (newest first where there is a date)
    body: tuple[str, ...] = ()  # columns indexed for full-text search besides the title

    @property
    def section(self) -> str:
        return self.table

    def file_key(self, column: str) -> str:
        return "from" if column == "from_name" else column

    def column(self, file_key: str) -> str:
        return "from_name" if file_key == "from" else file_key


POSITION_CATEGORIES = ("teaching", "leadership", "administration", "support", "other")
CREDENTIAL_KINDS = ("degree", "certification", "license", "endorsement", "training", "award")
DEGREE_LEVELS = ("associate", "bachelor", "master", "specialist", "doctorate")
CREDENTIAL_STATUS = ("earned", "in-progress", "planned")
ACCOMPLISHMENT_KINDS = (
    "stretch",
    "leadership",
    "committee",
    "pilot",
    "mentoring",
    "professional-learning",
    "data",
    "operations",
    "community",
    "union",
    "award",
    "project",
    "publication",
    "other",
)
FEEDBACK_RELATIONSHIPS = ("supervisor", "colleague", "direct-report", "parent", "student", "mentor", "other")
LEARNING_KINDS = (
    "course",
    "workshop",
    "webinar",
    "conference",
    "book",
    "podcast",
    "certification-prep",
    "degree-program",
    "coaching",
    "other",
)
LEARNING_STATUS = ("done", "in-progress", "planned")
NETWORK_RELATIONSHIPS = ("mentor", "sponsor", "peer", "coach", "other")
GOAL_KINDS = ("stretch-assignment", "learning", "credential", "network", "other")
GOAL_STATUS = ("planned", "active", "done", "dropped")
# Kinds of contact with someone in the network (`network touch`).
TOUCH_KINDS = ("conversation", "informational-interview", "meeting", "call", "email", "event", "other")

POSITION = Kind(
    name="position",
    table="positions",
    columns=("title", "organization", "location", "start", "end", "category", "level", "summary"),
    title="title",
    required=("title", "organization", "start", "category"),
    dates=("start", "end"),
    choices={"category": POSITION_CATEGORIES},
    sort="start DESC, id DESC",
    body=("organization", "location", "level", "summary"),
)
CREDENTIAL = Kind(
    name="credential",
    table="credentials",
    columns=("kind", "name", "level", "field", "issuer", "date", "expires", "status"),
    title="name",
    required=("kind", "name"),
    dates=("date", "expires"),
    choices={"kind": CREDENTIAL_KINDS, "level": DEGREE_LEVELS, "status": CREDENTIAL_STATUS},
    defaults={"status": "earned"},
    sort="date DESC, id DESC",
    body=("kind", "level", "field", "issuer"),
)
ACCOMPLISHMENT = Kind(
    name="accomplishment",
    table="accomplishments",
    columns=(
        "date",
        "title",
        "details",
        "situation",
        "task",
        "action",
        "result",
        "impact",
        "position",
        "kind",
        "skills",
        "evidence",
        "private",
    ),
    title="title",
    required=("date", "title"),
    lists=("skills", "evidence"),
    flags=("private",),
    dates=("date",),
    choices={"kind": ACCOMPLISHMENT_KINDS},
    defaults={"kind": "other", "private": False},
    sort="date DESC, id DESC",
    body=("details", "situation", "task", "action", "result", "impact", "position", "kind", "skills"),
)
FEEDBACK = Kind(
    name="feedback",
    table="feedback",
    columns=("date", "text", "from_name", "relationship", "context", "private"),
    title="text",
    required=("date", "text", "relationship"),
    flags=("private",),
    dates=("date",),
    choices={"relationship": FEEDBACK_RELATIONSHIPS},
    defaults={"private": False},
    sort="date DESC, id DESC",
    body=("from_name", "relationship", "context"),
)
LEARNING = Kind(
    name="learning",
    table="learning",
    columns=("date", "title", "kind", "provider", "hours", "status", "skills", "takeaways"),
    title="title",
    required=("date", "title"),
    lists=("skills",),
    dates=("date",),
    numbers=("hours",),
    choices={"kind": LEARNING_KINDS, "status": LEARNING_STATUS},
    defaults={"status": "done"},
    sort="date DESC, id DESC",
    body=("kind", "provider", "skills", "takeaways"),
)
NETWORK = Kind(
    name="contact",
    table="network",
    columns=("name", "relationship", "role", "organization", "last_contact", "notes"),
    title="name",
    required=("name", "relationship"),
    dates=("last_contact",),
    choices={"relationship": NETWORK_RELATIONSHIPS},
    sort="name COLLATE NOCASE, id",
    body=("relationship", "role", "organization", "notes"),
)
GOAL = Kind(
    name="goal",
    table="goals",
    columns=("title", "kind", "skills", "due", "status", "notes"),
    title="title",
    required=("title",),
    lists=("skills",),
    dates=("due",),
    choices={"kind": GOAL_KINDS, "status": GOAL_STATUS},
    defaults={"status": "planned"},
    sort="CASE WHEN due IS NULL THEN 1 ELSE 0 END, due, id",
    body=("kind", "skills", "notes"),
)

# Reflections live beside the record's kinds, not among them: no `wins`-style commands.
REFLECTION = Kind(
    name="reflection",
    table="reflections",
    columns=(
        "date",
        "text",
        "did",
        "learned",
        "differently",
        "evidence",
        "prompt",
        "competencies",
        "links",
        "private",
    ),
    title="text",
    required=("date", "text"),
    lists=("competencies", "links"),
    flags=("private",),
    dates=("date",),
    defaults={"private": True},
    sort="date DESC, id DESC",
    body=("did", "learned", "differently", "evidence", "prompt", "competencies"),
)

# File order of the career file's list sections.
KINDS: tuple[Kind, ...] = (POSITION, CREDENTIAL, ACCOMPLISHMENT, FEEDBACK, LEARNING, NETWORK, GOAL)
BY_NAME = {k.name: k for k in KINDS}
BY_TABLE = {k.table: k for k in KINDS}

PROFILE_COLUMNS = (
    "name",
    "headline",
    "email",
    "phone",
    "location",
    "links",
    "summary",
    "target_roles",
    "skills",
    "languages",
    "jsonresume",
)
PROFILE_LISTS = ("links", "target_roles", "skills", "languages")
PROFILE_JSON = ("jsonresume",)  # an object stored as JSON text (None when absent)
