"""The snapshot file (`*.ckshare.json`): written with a checksum over its canonical JSON, and
read back with a reason for every file that cannot be used (so a report says what it skipped
and never counts a damaged file)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerkit.models.share import FORMAT, VERSION, SharedFile, Snapshot

SUFFIX = ".ckshare.json"
MAX_BYTES = 5_000_000  # a snapshot is a few kilobytes; anything this large is not one


def canonical(data: Any) -> bytes:
    """One byte string for one content: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def checksum(snapshot: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical(snapshot)).hexdigest()


def dumps(snapshot: Snapshot) -> str:
    body = snapshot.model_dump(mode="json")
    shared = {"format": FORMAT, "version": VERSION, "snapshot": body, "checksum": checksum(body)}
    # Keys sorted as the checksum reads them: a reader that re-serialises the snapshot in
    # file order (DuckDB) then gets the checksum's own bytes.
    return json.dumps(shared, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


@dataclass
class Read:
    path: Path
    skipped: str | None = None  # why it cannot be used


def reason(fmt: Any, version: Any, has_snapshot: bool, has_checksum: bool) -> str | None:
    """Why a JSON file is not a snapshot this careerkit reads (before its checksum), or None."""
    if fmt != FORMAT:
        return "not a careerkit snapshot"
    if isinstance(version, str) and version.isdigit():
        version = int(version)
    if not isinstance(version, int) or isinstance(version, bool):
        return "damaged: no version"
    if version > VERSION:
        return f"made by a newer careerkit (snapshot version {version}; this one reads {VERSION})"
    if not has_snapshot or not has_checksum:
        return "damaged: no snapshot or no checksum"
    return None


def checksum_agrees(path: Path) -> bool:
    """The stated checksum against the canonical JSON of the snapshot, as written."""
    try:
        data = json.loads(path.read_bytes())
        return bool(checksum(data["snapshot"]) == data["checksum"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return False


def validate(data: Any) -> str | None:
    """The first way a parsed file departs from the schema, or None."""
    from pydantic import ValidationError

    try:
        SharedFile.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        return f"damaged: {where}: {first['msg']}"
    return None


def files_in(sources: list[Path]) -> tuple[list[Path], list[Read]]:
    """The snapshot files named or inside the folders named; what cannot be found, skipped."""
    found: list[Path] = []
    missing: list[Read] = []
    for source in sources:
        if source.is_dir():
            inside = sorted(
                p for p in source.rglob("*") if p.is_file() and p.name.endswith((SUFFIX, ".json"))
            )
            if not inside:
                missing.append(Read(source, skipped="an empty folder: no snapshot files in it"))
            found.extend(inside)
        elif source.exists():
            found.append(source)
        else:
            missing.append(Read(source, skipped="no such file or folder"))
    return found, missing


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a snapshot file (docs/share.schema.json is this, written out)."""
    schema = SharedFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "careerkit cohort snapshot (careerkit share)"
    return schema


if __name__ == "__main__":  # python -m careerkit.formats.share > docs/share.schema.json
    print(json.dumps(json_schema(), indent=2, sort_keys=True))
