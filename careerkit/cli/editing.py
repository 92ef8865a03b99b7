"""Records as editable text: a YAML template with comments, and back."""

from __future__ import annotations

from typing import Any

from careerkit.errors import InvalidInput
from careerkit.models.kinds import Kind

_HINTS = {
    "title": "one line: what you did",
    "situation": "STAR: the situation",
    "task": "STAR: what needed doing",
    "action": "STAR: what you did",
    "result": "STAR: what came of it",
    "impact": "the measurable outcome: 'pass rate up 11 points'",
    "skills": "a list: [PLC facilitation, data use]",
    "evidence": "files or links: [artifacts/agenda.pdf]",
    "date": "2024-03-12, 2024-03, yesterday",
    "text": "what was said",
}


def template_for(kind: Kind, preset: dict[str, Any]) -> str:
    lines = [
        f"# New {kind.name}. Fill in what you know; lines starting with # are ignored.",
        "# Save and close to keep it; leave it unchanged to discard it.",
    ]
    for col in kind.columns:
        key = kind.file_key(col)
        value = preset.get(key)
        lines.append(_line(kind, col, key, value, hint=True))
    return "\n".join(lines) + "\n"


def record_as_text(kind: Kind, record: dict[str, Any]) -> str:
    lines = [f"# {kind.name} {record['id']}: edit, save and close. Lines starting with # are ignored."]
    for col in kind.columns:
        key = kind.file_key(col)
        lines.append(_line(kind, col, key, record.get(key), hint=False))
    return "\n".join(lines) + "\n"


def _line(kind: Kind, col: str, key: str, value: Any, hint: bool) -> str:
    import json

    if col in kind.lists:
        text = json.dumps(value or [], ensure_ascii=False)
    elif col in kind.flags:
        text = "true" if value else "false"
    elif value is None:
        text = ""
    elif isinstance(value, (int, float)):
        text = str(value)
    else:
        text = json.dumps(str(value), ensure_ascii=False)
    comment = ""
    if hint:
        if col in kind.choices:
            comment = "  # " + " | ".join(kind.choices[col])
        elif key in _HINTS:
            comment = "  # " + _HINTS[key]
    return f"{key}: {text}{comment}".rstrip()


def values_from_text(kind: Kind, text: str) -> dict[str, Any]:
    import yaml

    from careerkit.store.io import load_yaml

    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InvalidInput(f"the text could not be read{where}: {getattr(e, 'problem', e)}") from None
    if not isinstance(data, dict):
        raise InvalidInput("the text could not be read: expected 'key: value' lines")
    known = {kind.file_key(c) for c in kind.columns}
    unknown = [k for k in data if k not in known]
    if unknown:
        raise InvalidInput(f"unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})")
    out = {}
    for key, value in data.items():
        if value is None or value == "":
            continue
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif (
            isinstance(value, int)
            and not isinstance(value, bool)
            and key in ("date", "start", "end", "due", "expires", "last_contact")
        ):
            value = str(value)
        out[key] = value
    return out
