"""Loading the frameworks and the lexicon: the packaged files, then the user's folder
(`frameworks/` beside the database, or $CAREERKIT_FRAMEWORKS). A user file with the id of a
packaged framework replaces it; user lexicon files add terms (a term with the same name
extends the packaged one)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerkit.errors import InvalidInput

PACKAGED = Path(__file__).resolve().parent.parent / "frameworks"
ENV_VAR = "CAREERKIT_FRAMEWORKS"
SUFFIXES = (".yaml", ".yml", ".json")
SHOWN_FIRST = ("psel", "tlms", "hts", "tpess")  # the packaged frameworks in the order people know them


def user_folder(db_path: Path | None = None) -> Path | None:
    """The user's folder of extra frameworks and lexicon files, if one is set or exists."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    if db_path is not None:
        return Path(db_path).parent / "frameworks"
    return None


def _files(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())


def _read(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise InvalidInput(f"cannot read {path}: {e.strerror}") from None
    if path.suffix.lower() == ".json":
        import json

        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise InvalidInput(f"{path}: not valid JSON: {e.msg} at line {e.lineno}") from None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InvalidInput(f"{path}: not valid YAML{where}: {getattr(e, 'problem', None) or e}") from None


def _problems(exc) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err["loc"]) or "top"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def parse_framework(path: Path, data: object = None):
    from pydantic import ValidationError

    from careerkit.models.framework import Framework

    data = _read(path) if data is None else data
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: expected a mapping with id, name and competencies")
    try:
        fw = Framework.model_validate({**data, "source": str(path)})
    except ValidationError as e:
        raise InvalidInput(f"{path}: not a framework file: {_problems(e)}") from None
    ids = [c.id for c in fw.competencies]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InvalidInput(f"{path}: competency id repeated: {', '.join(dupes)}")
    return fw


def parse_lexicon(path: Path, data: object = None):
    from pydantic import ValidationError

    from careerkit.models.framework import Lexicon

    data = _read(path) if data is None else data
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: expected a mapping with a 'terms' list")
    try:
        return Lexicon.model_validate(data)
    except ValidationError as e:
        raise InvalidInput(f"{path}: not a lexicon file: {_problems(e)}") from None


def signature(folder: Path | None) -> tuple:
    """What the user's folder holds now (names, sizes, times): caches are keyed by it, so an
    edited file is read again."""
    out = []
    for p in _files(folder):
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((p.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _classified(folder: Path | None, strict: bool) -> tuple[tuple[str, Path, object], ...]:
    return _classified_cached(folder, strict, signature(folder))


@lru_cache(maxsize=16)
def _classified_cached(folder: Path | None, strict: bool, sig: tuple) -> tuple[tuple[str, Path, object], ...]:
    """("framework" | "lexicon", path, data) for each data file. Other data files live in the
    same folders (the question bank, the suggestions): a file is a framework when it has an
    `id` or a list of `competencies`, a lexicon when it has `terms`; the rest is not ours.
    In the user's folder a file that is not a mapping at all is an error."""
    out = []
    for path in _files(folder):
        if folder == PACKAGED and path.stem.lower().startswith(("questions", "suggestions", "vocabulary")):
            continue  # the packaged data files that are neither frameworks nor lexicons
        if path.stem.lower().startswith(("questions", "suggestions")):
            continue
        data = _read(path)
        if not isinstance(data, dict):
            if strict:
                raise InvalidInput(
                    f"{path}: expected a framework (id, name, competencies) or a "
                    f"lexicon (terms); `careerkit frameworks show psel --json` shows the format"
                )
            continue
        if "terms" in data:
            out.append(("lexicon", path, data))
        elif "id" in data or isinstance(data.get("competencies"), list):
            out.append(("framework", path, data))
    return tuple(out)


def load_frameworks(folder: Path | None = None) -> tuple:
    """Every framework, packaged first; a user file with the same id replaces the packaged one."""
    return _frameworks(folder, signature(folder))


@lru_cache(maxsize=8)
def _frameworks(folder: Path | None, sig: tuple) -> tuple:
    by_id: dict[str, Any] = {}
    for what, path, data in list(_classified(PACKAGED, False)) + list(_classified(folder, True)):
        if what == "framework":
            fw = parse_framework(path, data)
            by_id[fw.id] = fw
    seen: dict[str, str] = {}
    for fw in by_id.values():
        for c in fw.competencies:
            if c.id in seen and seen[c.id] != fw.id:
                raise InvalidInput(
                    f"{fw.source}: competency id {c.id} is also used by framework {seen[c.id]}"
                )
            seen[c.id] = fw.id
    first = {fid: n for n, fid in enumerate(SHOWN_FIRST)}
    return tuple(sorted(by_id.values(), key=lambda fw: first.get(fw.id, len(first))))


def load_lexicon(folder: Path | None = None):
    """The packaged lexicon with the user's lexicon files merged in."""
    return _lexicon(folder, signature(folder))


@lru_cache(maxsize=8)
def _lexicon(folder: Path | None, sig: tuple):
    from careerkit.models.framework import Lexicon, Term

    terms: dict[str, Term] = {}
    for what, path, data in list(_classified(PACKAGED, False)) + list(_classified(folder, True)):
        if what != "lexicon":
            continue
        for t in parse_lexicon(path, data).terms:
            key = t.term.strip().lower()
            old = terms.get(key)
            if old is None:
                terms[key] = t
            else:
                terms[key] = Term(
                    term=old.term,
                    variants=old.variants + t.variants,
                    related=old.related + t.related,
                    competencies=list(dict.fromkeys(old.competencies + t.competencies)),
                    weight=t.weight if "weight" in t.model_fields_set else old.weight,
                )
    return Lexicon(terms=list(terms.values()))


def find_competency(competency_id: str, folder: Path | None = None):
    """(framework, competency) for an id such as psel-4, or None."""
    wanted = competency_id.strip().lower()
    for fw in load_frameworks(folder):
        for c in fw.competencies:
            if c.id == wanted:
                return fw, c
    return None


def find_framework(framework_id: str, folder: Path | None = None):
    wanted = framework_id.strip().lower()
    for fw in load_frameworks(folder):
        if fw.id == wanted or (fw.short or "").lower() == wanted:
            return fw
    return None
