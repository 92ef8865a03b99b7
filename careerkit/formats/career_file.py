"""The career file (docs/career-file.md): its sections, reading it as a stream of entries and
writing it section by section. Pure conversion: no database here (store/io.py reads and
writes the rows), so memory stays flat whatever the size of the record.

Adding a section is one entry in SECTIONS (and a pydantic model for one entry in
models/career.py): export, import, id remapping, --no-private, --redact, the JSON Schema and
the docs' list of sections all read this table.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from careerkit.errors import InvalidInput
from careerkit.models import kinds as K

FORMAT_VERSION = 2
KNOWN_VERSIONS = (1, 2)
SCHEMA_URL = "https://careerkit.example/career-file.schema.json"


# -- the sections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One section of the career file and the table behind it.

    key:      the section's name in the file
    table:    the SQLite table
    columns:  the stored columns in file order (file keys differ only as `rename` says)
    model:    the name of the pydantic model of one entry in models/career.py
    shape:    "list" (entries), "one" (a single mapping: the profile) or "pairs" (key: value)
    has_id:   entries keep their integer id (the table's primary key `id`)
    stamps:   timestamp columns written after the values (created, updated)
    refs:     column -> the section whose ids it holds (remapped on import)
    json:     columns stored as JSON text (lists, objects)
    flags:    columns stored as 0/1
    rename:   column -> file key
    private:  the flag column that marks an entry private (left out by --no-private)
    redact:   file keys whose text may name other people (--redact)
    names:    file key holding another person's name (replaced by [name] under --redact)
    drop_on_redact: file keys left out under --redact
    order:    ORDER BY for export (the order import recreates)
    since:    the format version the section first appeared in
    """

    key: str
    table: str
    columns: tuple[str, ...]
    model: str
    shape: str = "list"
    has_id: bool = True
    stamps: tuple[str, ...] = ("created", "updated")
    refs: dict[str, str] = field(default_factory=dict)
    json: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    rename: dict[str, str] = field(default_factory=dict)
    private: str | None = None
    redact: tuple[str, ...] = ()
    names: str | None = None
    drop_on_redact: tuple[str, ...] = ()
    order: str = "id"
    since: int = 2
    report_refs: bool = False  # a saved report whose evidence names entries by kind and id

    def file_key(self, column: str) -> str:
        return self.rename.get(column, column)

    @property
    def file_keys(self) -> tuple[str, ...]:
        return tuple(self.file_key(c) for c in self.columns)


def _kind_section(kind: K.Kind, model: str, **extra: Any) -> Section:
    return Section(
        key=kind.table,
        table=kind.table,
        columns=kind.columns,
        model=model,
        json=kind.lists,
        flags=kind.flags,
        rename={c: kind.file_key(c) for c in kind.columns if kind.file_key(c) != c},
        since=1,
        **extra,
    )


SECTIONS: tuple[Section, ...] = (
    Section(
        key="profile",
        table="profile",
        columns=K.PROFILE_COLUMNS,
        model="Profile",
        shape="one",
        has_id=False,
        stamps=(),
        json=K.PROFILE_LISTS,
        since=1,
    ),
    Section(
        key="settings",
        table="settings",
        columns=("key", "value"),
        model="Settings",
        shape="pairs",
        has_id=False,
        stamps=(),
    ),
    _kind_section(K.POSITION, "Position", redact=("summary",)),
    _kind_section(K.CREDENTIAL, "Credential"),
    _kind_section(
        K.ACCOMPLISHMENT,
        "Accomplishment",
        private="private",
        redact=("title", "details", "situation", "task", "action", "result", "impact"),
    ),
    _kind_section(
        K.FEEDBACK, "Feedback", private="private", redact=("text", "context"), drop_on_redact=("from",)
    ),
    _kind_section(K.LEARNING, "Learning", redact=("takeaways",)),
    _kind_section(K.NETWORK, "Contact", redact=("role", "notes"), names="name"),
    _kind_section(K.GOAL, "Goal", redact=("title", "notes")),
    Section(
        key="touches",
        table="touches",
        columns=("contact_id", "date", "kind", "note"),
        model="Touch",
        refs={"contact_id": "network"},
        rename={"contact_id": "contact"},
        redact=("note",),
    ),
    Section(
        key="cadences",
        table="contact_cadence",
        columns=("contact_id", "every"),
        model="Cadence",
        has_id=False,
        stamps=(),
        refs={"contact_id": "network"},
        rename={"contact_id": "contact"},
        order="contact_id",
    ),
    Section(
        key="postings",
        table="gap_reports",
        columns=("title", "organization", "source", "text", "score", "report"),
        model="Posting",
        json=("report",),
        redact=("text", "report"),
        report_refs=True,
    ),
    Section(
        key="assessments",
        table="assessments",
        columns=("framework", "standard", "rating", "note", "date"),
        model="Assessment",
        redact=("note",),
    ),
    Section(
        key="goal_links",
        table="goal_links",
        columns=("goal_id", "accomplishment_id"),
        model="GoalLink",
        has_id=False,
        stamps=("created",),
        refs={"goal_id": "goals", "accomplishment_id": "accomplishments"},
        rename={"goal_id": "goal", "accomplishment_id": "accomplishment"},
        order="goal_id, accomplishment_id",
    ),
    Section(
        key="goal_gaps",
        table="goal_gaps",
        columns=("goal_id", "gap", "competencies", "report_id"),
        model="GoalGap",
        has_id=False,
        stamps=(),
        json=("competencies",),
        refs={"goal_id": "goals", "report_id": "postings"},
        rename={"goal_id": "goal", "report_id": "report"},
        redact=("gap",),
        order="goal_id",
    ),
    Section(
        key="reflections",
        table=K.REFLECTION.table,
        columns=K.REFLECTION.columns,
        model="ReflectionRow",
        json=("competencies", "links"),
        flags=("private",),
        # `on` would read as true in YAML 1.1; the links are kind:id of entries in this file
        rename={"links": "reflects_on"},
        private="private",
        redact=("text", "did", "learned", "differently", "evidence"),
        order="date, id",
    ),
)
BY_KEY = {s.key: s for s in SECTIONS}
# A saved report's evidence names entries as {kind, id}: the section each kind lives in.
SECTION_OF_KIND = {k.name: k.table for k in K.KINDS}


def entry_model(section: Section):
    """The pydantic model that validates one entry of the section (format 2: with meta)."""
    cached = _MODELS.get(section.key)
    if cached is not None:
        return cached
    from careerkit.models import career

    base = getattr(career, section.model)
    if section.shape != "list":
        cached = base
    else:
        cached = career.with_meta(base, has_id=section.has_id, stamps=section.stamps)
    _MODELS[section.key] = cached
    return cached


_MODELS: dict[str, Any] = {}


# -- rows <-> entries -------------------------------------------------------------------------


def entry_from_row(section: Section, row: tuple, names: tuple[str, ...]) -> dict[str, Any]:
    """A row (values in `names` order: id?, columns, stamps) as a file entry: file keys,
    JSON decoded, flags as booleans, empty values left out."""
    out: dict[str, Any] = {}
    for name, value in zip(names, row, strict=True):
        if value is None:
            continue
        if name in section.json:
            value = json.loads(value) if value else []
            if value == []:
                continue
        elif name in section.flags:
            value = bool(value)
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        out[section.file_key(name)] = value
    return out


def row_names(section: Section) -> tuple[str, ...]:
    """The columns read for export, in file order."""
    return (("id",) if section.has_id else ()) + section.columns + section.stamps


_PLANS: dict[str, tuple[tuple[str, str, bool, bool], ...]] = {}


def row_from_entry(section: Section, entry: dict[str, Any]) -> dict[str, Any]:
    """A validated entry (file keys) as column values ready to bind."""
    plan = _PLANS.get(section.key)
    if plan is None:
        plan = _PLANS[section.key] = tuple(
            (c, section.file_key(c), c in section.json, c in section.flags) for c in section.columns
        )
    out: dict[str, Any] = {}
    dumps = json.dumps
    for column, key, is_json, is_flag in plan:
        value = entry.get(key)
        if is_json:
            value = dumps(value if value is not None else [], ensure_ascii=False)
        elif is_flag:
            value = 1 if value else 0
        out[column] = value
    for stamp in section.stamps:
        if entry.get(stamp):
            out[stamp] = entry[stamp]
    return out


# -- checking entries -------------------------------------------------------------------------


class Bad:
    """A value the reader could not take as it is: a number too long, or not finite. Left in
    place so that the check names the field it sits in."""

    def __init__(self, why: str):
        self.why = why

    def __repr__(self) -> str:
        return self.why


def number_problems(value: Any, loc: str) -> list[str]:
    if isinstance(value, Bad):
        return [f"{loc}: {value.why}"]
    if isinstance(value, float) and not math.isfinite(value):
        return [f"{loc}: not a finite number ({value!r}); numbers must be finite"]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in number_problems(v, f"{loc}.{k}" if loc else str(k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in number_problems(v, f"{loc}[{i}]")]
    return []


def check_entry(section: Section, value: Any, loc: str) -> tuple[dict[str, Any] | None, list[str]]:
    """(the entry as file keys with defaults, problems): problems name section[index].key."""
    from pydantic import ValidationError

    suspect = _suspect(value)
    problems = number_problems(value, loc) if suspect else []
    if problems:
        return None, problems
    if section.shape == "pairs":
        if not isinstance(value, dict):
            return None, [f"{loc}: expected a mapping of keys"]
        for k, v in value.items():
            if isinstance(v, bool) or not isinstance(v, (str, int, float)):
                problems.append(f"{loc}.{k}: expected text, got {shown(v)}")
        return ({str(k): str(v) for k, v in value.items()} if not problems else None), problems
    model = entry_model(section)
    try:
        checked = model.model_validate(value)
    except ValidationError as e:
        return None, list(dict.fromkeys(_at(loc, problem_text(err)) for err in e.errors()))
    except RecursionError:
        return None, [f"{loc}: nested too deeply to read"]
    problems = text_problems(value, loc) if suspect else []
    if problems:
        return None, problems
    return checked.model_dump(mode="json", by_alias=True), []


_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_TEXT: list[int] = []


def _suspect(value: Any) -> bool:
    """A quick look for anything number_problems or text_problems would name (they build a
    location for every value, which is the slow part of reading a large file)."""
    if isinstance(value, str):
        if not _MAX_TEXT:
            from careerkit.store.records import MAX_TEXT

            _MAX_TEXT.append(MAX_TEXT)
        return (
            len(value) > _MAX_TEXT[0]
            or "\x00" in value
            or (not value.isascii() and _SURROGATE.search(value) is not None)
        )
    if isinstance(value, dict):
        return any(_suspect(v) for v in value.values())
    if isinstance(value, list):
        return any(_suspect(v) for v in value)
    if isinstance(value, float):
        return not math.isfinite(value)
    return isinstance(value, Bad)


def text_problems(data: Any, loc: str = "") -> list[str]:
    """Text the commands would refuse: over the length limit (a pasted book is a mistake)
    or holding a NUL character or half of a UTF-16 pair."""
    from careerkit.store.records import MAX_TEXT, has_surrogates

    if isinstance(data, str):
        if len(data) > MAX_TEXT:
            return [f"{loc}: text is too long ({len(data):,} characters; at most {MAX_TEXT:,})"]
        if "\x00" in data:
            return [f"{loc}: text holds a NUL character"]
        if has_surrogates(data):
            return [f"{loc}: text holds a broken character (half of a UTF-16 pair)"]
        return []
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in text_problems(v, f"{loc}.{k}" if loc else str(k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in text_problems(v, f"{loc}[{i}]")]
    return []


# pydantic error type -> what the file should have held there
_EXPECTED = {
    "string_type": "expected text",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys",
    "model_type": "expected a mapping of keys",
    "model_attributes_type": "expected a mapping of keys",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "float_type": "not a number",
    "float_parsing": "not a number",
    "finite_number": "not a finite number",
    "int_type": "not a whole number",
    "int_parsing": "not a whole number",
    "int_from_float": "not a whole number",
}


def shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def problem_text(err: Any) -> str:
    """One pydantic error as `section[index].key: what was wrong`."""
    loc = ""
    for part in err["loc"]:
        if isinstance(part, int):
            loc += f"[{part}]"
        elif str(part).startswith(("literal[", "function-")):
            continue
        else:
            loc += ("." if loc else "") + str(part)
    kind, value = err["type"], err.get("input")
    if kind == "extra_forbidden":
        msg = "unknown key"
    elif kind == "missing":
        msg = "required key missing"
    elif kind == "literal_error":
        expected = str((err.get("ctx") or {}).get("expected", "")).replace("'", "")
        msg = f"{shown(value)} is not one of: {', '.join(expected.split(' or '))}"
    elif kind in _EXPECTED:
        msg = f"{_EXPECTED[kind]}, got {shown(value)}"
    elif kind == "greater_than_equal":
        msg = f"must be {err['ctx']['ge']:g} or more, got {shown(value)}"
    elif kind == "less_than_equal":
        msg = f"must be {err['ctx']['le']:g} or less, got {shown(value)}"
    elif kind == "string_pattern_mismatch":
        msg = f"{shown(value)} is not in the expected form"
    else:
        msg = err["msg"].removeprefix("Value error, ")
    return f"{loc or 'top level'}: {msg}"


def _at(loc: str, problem: str) -> str:
    """`section[3]` + `date: not a date` -> `section[3].date: not a date`."""
    if problem.startswith("top level: "):
        return f"{loc}: {problem[len('top level: ') :]}"
    return f"{loc}.{problem}"


# -- reading a file as a stream -----------------------------------------------------------------

START = -1  # the index yielded when a list section begins (so an empty list is still seen)


def read_items(
    stream: IO[bytes], fmt: str, name: str, label: str | None = None
) -> Iterator[tuple[str, int | None, Any]]:
    """The file's top level as (key, index, value): (key, None, value) for a value that is not
    a list; (key, START, None) and then (key, i, entry) for each entry of a list. Nothing
    larger than one entry is held in memory."""
    if fmt == "json":
        reader = _JsonItems(stream, name)
        reader.label = label
        yield from reader
    else:
        yield from _yaml_items(stream, name, label)


def decode_chunk(reader: Any, data: bytes) -> str:
    """The next chunk of a UTF-8 stream; one clear error naming the byte that is not UTF-8.
    `reader` has decoder, offset (bytes decoded so far) and name."""
    pending = len(reader.decoder.getstate()[0])
    try:
        text = reader.decoder.decode(data, final=not data)
    except UnicodeDecodeError as e:
        where = reader.offset - pending + e.start
        raise InvalidInput(
            f"{getattr(reader, 'label', None) or reader.name} is not UTF-8 text (byte {where}); "
            "save it as UTF-8 and try again"
        ) from None
    reader.offset += len(data)
    return text


# JSON: the top level by hand, each entry by the standard decoder on a sliding buffer.


def _json_int(text: str) -> Any:
    if len(text.lstrip("-")) > 4000:
        return Bad(f"a {len(text.lstrip('-')):,}-digit number is too long")
    return int(text)


def _json_float(text: str) -> Any:
    value = float(text)
    if not math.isfinite(value):
        return Bad(f"{text} is not a finite number; numbers must be finite")
    return value


def _json_constant(text: str) -> Any:
    return Bad(f"{text} is not a number careerkit accepts; numbers must be finite")


class _JsonItems:
    CHUNK = 1 << 20

    def __init__(self, stream: IO[bytes], name: str):
        self.stream = stream
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.offset = 0
        self.label: str | None = None
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.lines_before = 0  # line breaks in the text dropped from the buffer
        self.json = json.JSONDecoder(
            parse_int=_json_int, parse_float=_json_float, parse_constant=_json_constant
        )

    def _more(self, size: int | None = None) -> bool:
        if self.eof:
            return False
        data = self.stream.read(size or self.CHUNK)
        text = decode_chunk(self, data)
        if not data:
            self.eof = True
        if self.pos > self.CHUNK:
            self.lines_before += self.buf.count("\n", 0, self.pos)
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += text
        return True

    def _where(self, pos: int) -> str:
        line = self.lines_before + self.buf.count("\n", 0, pos) + 1
        column = pos - (self.buf.rfind("\n", 0, pos) + 1) + 1
        return f"line {line}, column {column}"

    def _fail(self, msg: str, pos: int | None = None) -> InvalidInput:
        return InvalidInput(
            f"{self.name}: not valid JSON: {msg} at {self._where(self.pos if pos is None else pos)}"
        )

    def _skip(self) -> str:
        """Skip white space; the next character ('' at the end)."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in " \t\r\n":
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not self._more():
                return ""

    def _expect(self, chars: str) -> str:
        ch = self._skip()
        if ch == "" or ch not in chars:
            raise self._fail(f"expected {' or '.join(repr(c) for c in chars)}")
        self.pos += 1
        return ch

    def _value(self) -> Any:
        self._skip()
        while True:
            try:
                value, end = self.json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if self._more(max(self.CHUNK, len(self.buf) - self.pos)):
                    continue
                raise self._fail(e.msg, e.pos) from None
            except RecursionError:
                raise InvalidInput(f"{self.name}: nested too deeply to read") from None
            if end >= len(self.buf) and not self.eof and self._more():
                continue  # a number may go on in the next chunk
            self.pos = end
            return value

    def __iter__(self) -> Iterator[tuple[str, int | None, Any]]:
        self._more()
        if self._skip() != "{":
            if self._skip() != "":
                self._value()  # a syntax error is reported as one
            raise InvalidInput(
                f"{self.name}: expected a mapping with 'careerkit: {FORMAT_VERSION}' at the top"
            )
        self.pos += 1
        if self._skip() == "}":
            self.pos += 1
        else:
            while True:
                if self._skip() != '"':
                    raise self._fail("expected a key in double quotes")
                key = self._value()
                self._expect(":")
                if self._skip() == "[":
                    self.pos += 1
                    yield key, START, None
                    if self._skip() == "]":
                        self.pos += 1
                    else:
                        index = 0
                        while True:
                            yield key, index, self._value()
                            index += 1
                            if self._expect(",]") == "]":
                                break
                else:
                    yield key, None, self._value()
                if self._expect(",}") == "}":
                    break
        if self._skip() != "":
            raise self._fail("extra data after the end")


# YAML: PyYAML's events (the C parser where there is one), built into values one entry at a
# time. Aliases are refused: they have no use in a career file, and expanding them is how a
# few hundred bytes become gigabytes.


def _yaml_loader_class(pure: bool = False):
    import yaml

    base = yaml.SafeLoader if pure else getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class TextDates(base):  # type: ignore[misc, valid-type]
        """Dates are kept as the text typed: the format's dates are text, and PyYAML's own
        date reading raises a bare ValueError on '2024-13-01' instead of a YAML error."""

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextDates


_LOADERS: dict[bool, Any] = {}
_NOT_SEEN = object()
_STR_TAG = "tag:yaml.org,2002:str"
_HALF_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _needs_pure_loader(stream: IO[bytes]) -> bool:
    """libyaml refuses the escapes of half a UTF-16 pair ("\\ud83d\\ude00", as JSON writes an
    emoji); PyYAML's own reader takes them. Scan for them, a chunk at a time."""
    if not stream.seekable():
        return False
    start = stream.tell()
    tail = b""
    try:
        while True:
            data = stream.read(1 << 20)
            if not data:
                return False
            if _HALF_ESCAPE.search(tail + data):
                return True
            tail = data[-8:]
    finally:
        stream.seek(start)


def _yaml_error(e: Exception, name: str) -> InvalidInput:
    mark = getattr(e, "problem_mark", None)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    problem = getattr(e, "problem", None) or "cannot be read"
    return InvalidInput(f"{name}: not valid YAML{where}: {problem}")


class _YamlBuilder:
    def __init__(self, source: Any, name: str, convert: bool = True, pure: bool = False):
        import yaml

        self.convert = convert
        self.pure = pure
        self.plain: dict[str, Any] = {}
        if pure not in _LOADERS:
            _LOADERS[pure] = _yaml_loader_class(pure)
        self.yaml = yaml
        self.loader = _LOADERS[pure](source)
        self.name = name
        self.resolve = self.loader.resolve
        self.constructors = self.loader.yaml_constructors
        E = yaml.events
        self.Scalar, self.SeqStart, self.MapStart = E.ScalarEvent, E.SequenceStartEvent, E.MappingStartEvent
        self.Alias, self.SeqEnd, self.MapEnd = E.AliasEvent, E.SequenceEndEvent, E.MappingEndEvent

    def event(self):
        try:
            return self.loader.get_event()
        except self.yaml.YAMLError as e:
            if not self.convert:
                raise
            raise _yaml_error(e, self.name) from None

    def peek(self):
        try:
            return self.loader.peek_event()
        except self.yaml.YAMLError as e:
            if not self.convert:
                raise
            raise _yaml_error(e, self.name) from None

    def refuse_alias(self, ev) -> InvalidInput:
        mark = ev.start_mark
        return InvalidInput(
            f"{self.name}: line {mark.line + 1}: aliases (*{ev.anchor}) are not allowed in a career file; "
            "write the value out"
        )

    def scalar(self, ev, loc: str) -> Any:
        tag = ev.tag
        if tag is None and not ev.implicit[0]:
            return ev.value  # quoted or a block: text, whatever it says
        if tag is None:
            # Plain words repeat (kinds, dates, true): read each once.
            known = self.plain.get(ev.value, _NOT_SEEN)
            if known is not _NOT_SEEN:
                return known
        if tag is None or tag == "!":
            tag = self.resolve(self.yaml.ScalarNode, ev.value, ev.implicit)
            if tag == _STR_TAG:
                value = ev.value
                if len(self.plain) < 50_000 and len(value) < 40:
                    self.plain[value] = value
                return value
        ctor = self.constructors.get(tag)
        if ctor is None:
            raise InvalidInput(f"{self.name}: {loc or 'top level'}: unknown YAML tag {tag}")
        try:
            value = ctor(
                self.loader, self.yaml.ScalarNode(tag, ev.value, ev.start_mark, ev.end_mark, ev.style)
            )
            if ev.tag is None and len(ev.value) < 40 and len(self.plain) < 50_000:
                self.plain[ev.value] = value  # None, booleans, small numbers: immutable
            return value
        except ValueError:
            digits = sum(ch.isdigit() for ch in ev.value)
            return Bad(
                f"a {digits:,}-digit number is too long"
                if digits > 4000
                else f"cannot read {ev.value[:40]!r}"
            )
        except self.yaml.YAMLError as e:
            raise _yaml_error(e, self.name) from None

    def value(self, loc: str, depth: int = 0) -> Any:
        """The next value, built from events. `loc` (the entry's place) names it in errors;
        it is not built for every key, which is most of the time of a large file."""
        try:
            return self._value(loc, depth)
        except self.yaml.YAMLError as e:
            if not self.convert:
                raise
            raise _yaml_error(e, self.name) from None

    def _value(self, loc: str, depth: int) -> Any:
        if depth > 200:
            raise InvalidInput(f"{self.name}: nested too deeply to read")
        get, peek = self.loader.get_event, self.loader.peek_event
        ev = get()
        kind = type(ev)
        if kind is self.Scalar:
            return self.scalar(ev, loc)
        if kind is self.MapStart:
            mapping: dict[Any, Any] = {}
            map_end = self.MapEnd
            while type(peek()) is not map_end:
                key = self._value(loc, depth + 1)
                if isinstance(key, (dict, list)):
                    raise InvalidInput(f"{self.name}: {loc or 'top level'}: a key must be text")
                mapping[key] = self._value(loc, depth + 1)
            get()
            return mapping
        if kind is self.SeqStart:
            out: list[Any] = []
            seq_end = self.SeqEnd
            while type(peek()) is not seq_end:
                out.append(self._value(loc, depth + 1))
            get()
            return out
        if kind is self.Alias:
            raise self.refuse_alias(ev)
        raise InvalidInput(f"{self.name}: not valid YAML: unexpected {kind.__name__}")

    def document(self) -> Any:
        """One whole document (the editor's text): None when empty."""
        self.event()  # stream start
        if isinstance(self.peek(), self.yaml.events.StreamEndEvent):
            return None
        self.event()  # document start
        value = self.value("")
        self.event()  # document end
        if not isinstance(self.peek(), self.yaml.events.StreamEndEvent):
            raise InvalidInput(f"{self.name}: holds more than one YAML document")
        return _join_surrogates(value)


def _yaml_items(
    stream: IO[bytes], name: str, label: str | None = None
) -> Iterator[tuple[str, int | None, Any]]:
    source = _Utf8(stream, name)
    source.label = label
    b = _YamlBuilder(source, name, pure=_needs_pure_loader(stream))
    b.event()
    if isinstance(b.peek(), b.yaml.events.StreamEndEvent):
        raise InvalidInput(f"{name}: expected a mapping with 'careerkit: {FORMAT_VERSION}' at the top")
    b.event()
    ev = b.event()
    if isinstance(ev, b.Alias):
        raise b.refuse_alias(ev)
    if not isinstance(ev, b.MapStart):
        raise InvalidInput(f"{name}: expected a mapping with 'careerkit: {FORMAT_VERSION}' at the top")
    while not isinstance(b.peek(), b.MapEnd):
        key = b.value("")
        if not isinstance(key, str):
            key = str(key)
        if isinstance(b.peek(), b.SeqStart):
            b.event()
            yield key, START, None
            index = 0
            while not isinstance(b.peek(), b.SeqEnd):
                entry = b.value(f"{key}[{index}]", 1)
                yield key, index, _join_surrogates(entry) if b.pure else entry
                index += 1
            b.event()
        else:
            value = b.value(key, 1)
            yield key, None, _join_surrogates(value) if b.pure else value
    b.event()
    b.event()  # document end
    if not isinstance(b.peek(), b.yaml.events.StreamEndEvent):
        raise InvalidInput(f"{name}: holds more than one YAML document")


class _Utf8:
    """A binary stream read as UTF-8 text, for PyYAML (which would also take UTF-16)."""

    def __init__(self, stream: IO[bytes], name: str):
        self.stream = stream
        self.name = name
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.offset = 0
        self.label: str | None = None

    def read(self, size: int = -1) -> str:
        data = self.stream.read(size if size and size > 0 else -1)
        return decode_chunk(self, data)


def load_yaml(text: str, name: str = "text") -> Any:
    """A whole YAML document (the editor's entry), dates kept as text, aliases refused.
    Syntax errors are raised as yaml.YAMLError for the caller to word."""
    pure = bool(_HALF_ESCAPE.search(text.encode("utf-8", "surrogatepass")))
    return _YamlBuilder(text, name, convert=False, pure=pure).document()


def _join_surrogates(data: Any) -> Any:
    """YAML reads the escapes "\\ud83d\\ude00" (as JSON writes an emoji) as two halves of a
    character; put them together. A half left alone is reported by the text check."""
    if isinstance(data, str):
        if not data.isascii() and _SURROGATE.search(data):
            try:
                return data.encode("utf-16", "surrogatepass").decode("utf-16")
            except UnicodeDecodeError:
                return data
        return data
    if isinstance(data, dict):
        return {_join_surrogates(k): _join_surrogates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_join_surrogates(v) for v in data]
    return data


# -- writing a file section by section -------------------------------------------------------------

CHUNK_ENTRIES = 500


def _yaml_dumper():
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # libyaml: faster
        pass

    def text(dumper, value: str):
        if any(ch in _YAML_BREAKS for ch in value):
            style = '"'  # PyYAML folds these line breaks in other styles: escape them
        elif "\n" in value and _block_safe(value):
            style = "|"
        else:
            style = None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper


_YAML_BREAKS = "\x85\u2028\u2029\r"


def _block_safe(value: str) -> bool:
    """Literal blocks cannot carry trailing spaces, leading blanks or control characters."""
    return (
        all(ch == "\n" or ch.isprintable() for ch in value)
        and all(line == line.rstrip() for line in value.split("\n"))
        and not value.startswith((" ", "\n"))
    )


def dump(data: Any, fmt: str) -> str:
    """A whole value as YAML or JSON, the way the career file writes it."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    import yaml

    return yaml.dump(
        data, Dumper=_yaml_dumper(), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


def write_stream(items: Iterable[tuple[str, Any]], fmt: str) -> Iterator[str]:
    """The file as text chunks, from (key, value) pairs where a list section's value is an
    iterable of entries (consumed chunk by chunk). Gives the same text as `dump` of the whole."""
    if fmt == "json":
        yield from _json_stream(items)
    else:
        yield from _yaml_stream(items)


def _chunks(entries: Iterable[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= CHUNK_ENTRIES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _yaml_stream(items: Iterable[tuple[str, Any]]) -> Iterator[str]:
    import yaml

    dumper = _yaml_dumper()

    def one(value: Any) -> str:
        return yaml.dump(
            value, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
        )

    for key, value in items:
        if isinstance(value, (dict, str, int, float, bool)) or value is None:
            yield one({key: value})
            continue
        head = False
        fast = _FastYaml(dumper)
        for chunk in _chunks(value):
            if not head:
                yield one(key).removesuffix("\n...\n").rstrip("\n") + ":\n"
                head = True
            # Most entries are flat text, numbers and lists of short text: written directly, in
            # the form PyYAML gives them; any other entry goes through PyYAML.
            out = []
            for entry in chunk:
                text = fast.entry(entry)
                out.append(one([entry]) if text is None else text)
            yield "".join(out)


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _.,'()/&+-]*$")
_PLAIN_INSIDE = set(" _.,'()/&+-;%?!\"@$*=~^<>|[]{}\u2019\u2018\u201c\u201d\u2014\u2013\u2026")


def _plain_safe(value: str) -> bool:
    """Text PyYAML writes plain in a block: a letter first, then letters, digits, spaces and
    punctuation that means nothing inside a plain scalar (no ': ', no ' #', no quotes first)."""
    if not value or not (value[0].isalnum() or value[0] in "$("):
        return False
    inside = _PLAIN_INSIDE
    # (PyYAML escapes characters beyond the Basic Multilingual Plane: those go through it.)
    return all((ch.isalnum() and ch < "\U00010000") or ch in inside for ch in value)


_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


class _FastYaml:
    """One flat entry as PyYAML writes it in a block list (`- key: value`), or None when the
    entry holds anything this does not write the same way (PyYAML then writes it)."""

    def __init__(self, dumper: Any):
        import yaml

        self.node = yaml.ScalarNode
        self.resolve = dumper.resolve.__get__(dumper.__new__(dumper))  # type: ignore[attr-defined]
        self.cache: dict[str, str | None] = {}
        self.room = 60

    def text(self, value: str) -> str | None:
        known = self.cache.get(value)
        if known is not None or value in self.cache:
            return known
        out: str | None = None
        if value == value.strip() and "  " not in value and len(value) <= 5000:
            if _plain_safe(value) and value.lower() not in _YAML_WORDS and not value.endswith("-"):
                tag = self.resolve(self.node, value, (True, False))
                if tag == "tag:yaml.org,2002:str":
                    out = value
                elif "'" not in value and len(value) <= self.room:
                    out = f"'{value}'"
            elif value[:1].isdigit() and all(ch.isdigit() or ch in "-:TZ" for ch in value):
                tag = self.resolve(self.node, value, (True, False))
                out = value if tag == "tag:yaml.org,2002:str" else f"'{value}'"
        if len(self.cache) < 20_000:
            self.cache[value] = out
        return out

    def scalar(self, value: Any) -> str | None:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            text = repr(value)
            return text if math.isfinite(value) and "." in text and "e" not in text else None
        return None

    @staticmethod
    def fold(column: int, text: str) -> str:
        """Plain text folded as PyYAML folds it: at a space, once the line is past 100
        columns, onto a line indented by four."""
        if column + len(text) <= 100:
            return text
        out = []
        for i, word in enumerate(text.split(" ")):
            if i:
                if column > 100:
                    out.append("\n    ")
                    column = 4
                else:
                    out.append(" ")
                    column += 1
            out.append(word)
            column += len(word)
        return "".join(out)

    def entry(self, entry: dict[str, Any]) -> str | None:
        lines = []
        for i, (key, value) in enumerate(entry.items()):
            if not isinstance(key, str) or not _PLAIN.match(key):
                return None
            # Room before PyYAML would fold the line at its width (100): the indent, the key.
            self.room = 90 - len(key)
            lead = "- " if i == 0 else "  "
            if isinstance(value, list):
                if not value:
                    return None
                lines.append(f"{lead}{key}:")
                for item in value:
                    text = self.scalar(item) if isinstance(item, str) else None
                    if text is None or len(text) > 90:
                        return None
                    lines.append(f"  - {text}")
                continue
            text = self.scalar(value)
            if text is None:
                return None
            if isinstance(value, str) and len(text) > self.room:
                text = self.fold(len(key) + 4, text)
            lines.append(f"{lead}{key}: {text}")
        if not lines:
            return None
        return "\n".join(lines) + "\n"


def _json_stream(items: Iterable[tuple[str, Any]]) -> Iterator[str]:
    def one(value: Any, indent: str) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
        return text.replace("\n", "\n" + indent)

    yield "{"
    first = True
    for key, value in items:
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, (dict, str, int, float, bool)) or value is None:
            yield ("\n" if first else ",\n") + f"  {name}: " + one(value, "  ")
            first = False
            continue
        head = False
        for chunk in _chunks(value):
            # A chunk of entries dumped as one list (far faster than entry by entry), its
            # brackets taken off and its lines moved in by two: line breaks inside text are
            # escaped in JSON, so every line break here is the layout's.
            body = json.dumps(chunk, ensure_ascii=False, indent=2, allow_nan=False)[2:-2]
            body = "  " + body.replace("\n", "\n  ")
            if not head:
                yield ("\n" if first else ",\n") + f"  {name}: [\n" + body
                head = True
                first = False
            else:
                yield ",\n" + body
        if head:
            yield "\n  ]"
    yield "\n}\n" if not first else "}\n"


# -- format helpers ----------------------------------------------------------------------------------


def format_for(path: str, explicit: str | None = None) -> str:
    if explicit:
        return explicit
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    raise InvalidInput(
        f"cannot tell the format of {path!r} from its name: use .yaml, .yml or "
        ".json, or say --format yaml|json"
    )


def check_version(value: Any, name: str) -> int:
    """The file's format version, or one clear refusal."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{name}: careerkit: expected the format version (1 or 2), got {value!r}")
    if value > FORMAT_VERSION:
        raise InvalidInput(
            f"{name} is career file format {value}, newer than this careerkit reads (format "
            f"{FORMAT_VERSION} and older): upgrade careerkit to import it (nothing imported)"
        )
    if value not in KNOWN_VERSIONS:
        raise InvalidInput(f"{name}: careerkit: {value} is not a format version (1 or 2)")
    return value


# -- the JSON Schema -------------------------------------------------------------------------------


def json_schema() -> dict[str, Any]:
    """The JSON Schema of format 2 (docs/career-file.schema.json), built from the models and
    SECTIONS: an editor that knows JSON Schema completes and checks a career file with it."""
    from pydantic import TypeAdapter

    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "careerkit": {
            "description": "The format version: 2 (format 1 files still import).",
            "enum": list(KNOWN_VERSIONS),
        }
    }
    for section in SECTIONS:
        model = entry_model(section)
        schema = TypeAdapter(model).json_schema(ref_template="#/$defs/{model}", mode="serialization")
        defs.update(schema.pop("$defs", {}))
        name = model.__name__
        defs[name] = schema
        ref = {"$ref": f"#/$defs/{name}"}
        properties[section.key] = ref if section.shape != "list" else {"type": "array", "items": ref}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        "title": "careerkit career file",
        "description": "One educator's career record: careerkit export writes it, careerkit import reads it.",
        "type": "object",
        "required": ["careerkit"],
        "additionalProperties": False,
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def section_keys() -> list[str]:
    return [s.key for s in SECTIONS]


__all__ = [
    "FORMAT_VERSION",
    "SECTIONS",
    "Section",
    "Bad",
    "START",
    "check_entry",
    "check_version",
    "dump",
    "entry_from_row",
    "format_for",
    "json_schema",
    "load_yaml",
    "read_items",
    "row_from_entry",
    "row_names",
    "write_stream",
]
