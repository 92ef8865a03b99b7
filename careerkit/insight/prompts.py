"""The prompts of `careerkit reflect`: the packaged file frameworks/reflection-prompts.yaml,
extended (or overridden by id) by a file of the same name in the user's frameworks folder.
Without --prompt, the rotating prompts take turns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from careerkit.errors import InvalidInput

PACKAGED = Path(__file__).resolve().parent.parent / "frameworks" / "reflection-prompts.yaml"
FILE_NAMES = ("reflection-prompts.yaml", "reflection-prompts.yml")
PARTS = ("text", "did", "learned", "differently", "evidence")


@dataclass(frozen=True)
class Prompt:
    id: str
    title: str
    lead: str
    rotate: bool = False
    hints: dict[str, str] = field(default_factory=dict)


def _read(path: Path) -> list[Prompt]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(f"cannot read {path}: {e}") from None
    except yaml.YAMLError as e:
        raise InvalidInput(f"{path}: not valid YAML: {getattr(e, 'problem', None) or e}") from None
    items = data.get("prompts") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InvalidInput(f"{path}: expected a list under 'prompts:' (see the packaged {PACKAGED.name})")
    out = []
    for n, item in enumerate(items):
        if not isinstance(item, dict) or not str(item.get("id") or "").strip() or not item.get("lead"):
            raise InvalidInput(f"{path}: prompts[{n}] needs an id and a lead question")
        hints = item.get("hints") or {}
        if not isinstance(hints, dict) or any(k not in PARTS for k in hints):
            raise InvalidInput(f"{path}: prompts[{n}].hints: use the parts {', '.join(PARTS)}")
        pid = "-".join(str(item["id"]).strip().lower().split())
        out.append(
            Prompt(
                id=pid,
                title=str(item.get("title") or pid.replace("-", " ").capitalize()),
                lead=" ".join(str(item["lead"]).split()),
                rotate=bool(item.get("rotate", False)),
                hints={k: " ".join(str(v).split()) for k, v in hints.items() if v},
            )
        )
    return out


def load_prompts(folder: Path | None = None) -> list[Prompt]:
    """Packaged prompts, then the user's: a user prompt with a packaged id replaces it."""
    prompts = {p.id: p for p in _read(PACKAGED)}
    if folder is not None:
        for name in FILE_NAMES:
            path = folder / name
            if path.is_file():
                for p in _read(path):
                    prompts[p.id] = p
    return list(prompts.values())


def choose(prompts: list[Prompt], wanted: str | None, turn: int) -> Prompt:
    """The prompt asked for (by id, or a unique start of one), else the rotating prompt
    whose turn it is (`turn`: how many reflections there are)."""
    if wanted:
        key = "-".join(wanted.strip().lower().split())
        exact = [p for p in prompts if p.id == key]
        found = exact or [p for p in prompts if p.id.startswith(key)]
        if len(found) != 1:
            raise InvalidInput(f"no prompt {wanted!r}: use one of " + ", ".join(p.id for p in prompts))
        return found[0]
    rotating = [p for p in prompts if p.rotate] or prompts
    return rotating[turn % len(rotating)]
