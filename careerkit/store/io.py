"""Import and export of the career file (the record as models: store/snapshot.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from careerkit.errors import InvalidInput
from careerkit.models import kinds as K
from careerkit.store import records as R

FORMAT_VERSION = 1


# -- reading a career file -------------------------------------------------------------


def read_text(path: str | Path, stdin_text: str | None = None) -> str:
    """A file's text as UTF-8, with one clear error for anything else."""
    if str(path) == "-":
        return stdin_text or ""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"no such file: {p}") from None
    except IsADirectoryError:
        raise InvalidInput(f"{p} is a folder, not a file") from None
    except OSError as e:
        raise InvalidInput(f"cannot read {p}: {e.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{p} is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidInput(
            f"{p} is not UTF-8 text (byte {e.start}); save it as UTF-8 and try again"
        ) from None


def parse_career_text(text: str, fmt: str, name: str = "career file") -> dict[str, Any]:
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InvalidInput(
                f"{name}: not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}"
            ) from None
        except RecursionError:
            raise InvalidInput(f"{name}: nested too deeply to read") from None
    else:
        import yaml

        try:
            data = load_yaml(text)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(e, "problem", None) or "cannot be read"
            raise InvalidInput(f"{name}: not valid YAML{where}: {problem}") from None
        except RecursionError:
            raise InvalidInput(f"{name}: nested too deeply to read") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{name}: expected a mapping with 'careerkit: 1' at the top")
    return data


def load_yaml(text: str) -> Any:
    """YAML with dates kept as the text typed: the format's dates are text, and PyYAML's
    own date reading raises a bare ValueError on '2024-13-01' instead of a YAML error."""
    import yaml

    class TextDates(yaml.SafeLoader):
        pass

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _join_surrogates(yaml.load(text, Loader=TextDates))  # noqa: S506 - a SafeLoader subclass


def _join_surrogates(data: Any) -> Any:
    """YAML reads the escapes "\\ud83d\\ude00" (as JSON writes an emoji) as two halves of a
    character; put them together. A half left alone is reported by validate_career."""
    if isinstance(data, str):
        if any("\ud800" <= ch <= "\udfff" for ch in data):
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


def validate_career(data: dict[str, Any], name: str = "career file"):
    """The pydantic CareerFile, or one InvalidInput listing every problem by section,
    index and key: `accomplishments[3].date: not a date: '2024-13-01'`."""
    from pydantic import ValidationError

    from careerkit.models.career import CareerFile

    if "careerkit" not in data:
        raise InvalidInput(f"{name}: missing 'careerkit: {FORMAT_VERSION}' (the format version) at the top")
    try:
        career = CareerFile.model_validate(data)
        problems = _text_problems(data)
    except ValidationError as e:
        problems = list(dict.fromkeys(_problem(dict(err)) for err in e.errors()))
    except RecursionError:
        raise InvalidInput(f"{name}: nested too deeply to read") from None
    if problems:
        if len(problems) == 1:
            raise InvalidInput(f"{name}: {problems[0]} (nothing imported)") from None
        head = f"{name}: {len(problems)} problems, nothing imported"
        more = [f"... and {len(problems) - 50} more"] if len(problems) > 50 else []
        raise InvalidInput(head + "\n  " + "\n  ".join(problems[:50] + more)) from None
    return career


def _text_problems(data: Any, loc: str = "") -> list[str]:
    """Text the commands would refuse: over the length limit (a pasted book is a mistake)
    or holding a NUL character."""
    if isinstance(data, str):
        problem = R.text_problem(data, broken="text holds a broken character (half of a UTF-16 pair)")
        return [f"{loc}: {problem}"] if problem else []
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _text_problems(v, f"{loc}.{k}" if loc else str(k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _text_problems(v, f"{loc}[{i}]")]
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
    "int_type": "not a whole number",
    "int_parsing": "not a whole number",
}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _problem(err: dict[str, Any]) -> str:
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
        msg = f"{_shown(value)} is not one of: {', '.join(expected.split(' or '))}"
    elif kind in _EXPECTED:
        msg = f"{_EXPECTED[kind]}, got {_shown(value)}"
    elif kind == "greater_than_equal":
        msg = f"must be {err['ctx']['ge']:g} or more, got {_shown(value)}"
    else:
        msg = err["msg"].removeprefix("Value error, ")
    return f"{loc or 'top level'}: {msg}"


# -- writing it into the database ------------------------------------------------------


def import_career(conn: sqlite3.Connection, career, *, replace: bool = False) -> dict[str, int]:
    """Write a validated CareerFile; the caller holds the transaction. Returns counts."""
    if replace:
        clear_record(conn)
    counts: dict[str, int] = {}
    if career.profile is not None:
        R.set_profile(conn, career.profile.model_dump(mode="json"))
        counts["profile"] = 1
    for kind in K.KINDS:
        entries = getattr(career, kind.table)
        rows = []
        for entry in entries:
            values = entry.model_dump(mode="json", by_alias=False)
            rows.append({c: values.get(c) for c in kind.columns})
        if rows:
            R.insert_many(conn, kind, rows)
        counts[kind.table] = len(rows)
    counts["reflections"] = _import_reflections(conn, career.reflections)
    return counts


def _import_reflections(conn: sqlite3.Connection, reflections) -> int:
    """Reflections after the entries they are on: each `reflects_on` is found again by its title and
    date (the newest match); one not found is left out."""
    from careerkit.store.reflections import DATE_OF, REFLECTION, TARGETS, TITLE_OF

    rows = []
    for r in reflections:
        values = r.model_dump(mode="json", exclude={"reflects_on"})
        links = []
        for link in r.reflects_on:
            table = TARGETS[link.kind][0]
            title, day = TITLE_OF[table], DATE_OF[table]
            found = conn.execute(
                f'SELECT id FROM {table} WHERE "{title}" = ? AND "{day}" IS ? ORDER BY id DESC LIMIT 1',
                (link.title, link.date),
            ).fetchone()
            if found:
                links.append(f"{link.kind}:{found[0]}")
        values["links"] = links
        rows.append({c: values.get(c) for c in REFLECTION.columns})
    if rows:
        R.insert_many(conn, REFLECTION, rows)
    return len(rows)


def clear_record(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM profile")
    conn.execute("DELETE FROM reflections")
    for kind in K.KINDS:
        conn.execute(f"DELETE FROM {kind.table}")


# -- reading it back (the record as a model: store/snapshot.py) ------------------------


def export_dict(conn: sqlite3.Connection, *, include_private: bool = True) -> dict[str, Any]:
    """The whole record as a career file (format 1): file order, no ids, empty keys left out."""
    out: dict[str, Any] = {"careerkit": FORMAT_VERSION}
    profile = R.get_profile(conn)
    if profile:
        out["profile"] = _compact(profile)
    for kind in K.KINDS:
        entries = []
        for row in conn.execute(f"SELECT * FROM {kind.table} ORDER BY id"):
            entry = R.to_dict(kind, row)
            if not include_private and entry.get("private"):
                continue
            for meta in ("id", "created", "updated"):
                entry.pop(meta)
            if "hours" in entry and isinstance(entry["hours"], float) and entry["hours"].is_integer():
                entry["hours"] = int(entry["hours"])
            entries.append(_compact(entry))
        if entries:
            out[kind.table] = entries
    reflections = _export_reflections(conn, include_private)
    if reflections:
        out["reflections"] = reflections
    return out


def _export_reflections(conn: sqlite3.Connection, include_private: bool) -> list[dict[str, Any]]:
    """Reflections in file order; each `reflects_on` by the entry's title and date."""
    from careerkit.store.reflections import REFLECTION, describe_links

    out = []
    for row in conn.execute("SELECT * FROM reflections ORDER BY id"):
        entry = R.to_dict(REFLECTION, row)
        if not include_private and entry["private"]:
            continue
        links = describe_links(conn, entry.pop("links"))
        entry["reflects_on"] = [
            _compact({"kind": x["kind"], "title": x["title"], "date": x["date"]}) for x in links if x["title"]
        ]
        for meta in ("id", "created", "updated"):
            entry.pop(meta)
        out.append(_compact(entry))
    return out


def _compact(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v is not None and v != []}


def dump(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    import yaml

    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: several times faster

    class Dumper(base):
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
    return yaml.dump(
        data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


_YAML_BREAKS = "\x85\u2028\u2029\r"


def _block_safe(value: str) -> bool:
    """Literal blocks cannot carry trailing spaces, leading blanks or control characters."""
    return (
        all(ch == "\n" or ch.isprintable() for ch in value)
        and all(line == line.rstrip() for line in value.split("\n"))
        and not value.startswith((" ", "\n"))
    )
