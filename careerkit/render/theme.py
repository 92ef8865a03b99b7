"""Themes: the look of the resume, the brief and the letter, as a folder of plain data.

A theme is a folder with `theme.yaml` (fonts, sizes, colours, spacing) and, optionally,
`style.typ` and `style.css`, appended after the house style of the PDF and the HTML so that
they can change anything. careerkit ships `classic` (the default) and `compact`; a user copies
one (`careerkit resume --theme-copy compact DIR`), edits it, and gives `--theme DIR`, or keeps
it in the `themes` folder beside the database and gives its name."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

BUILTIN = Path(__file__).resolve().parent / "templates" / "themes"
DEFAULT = "classic"


@dataclass(frozen=True)
class Theme:
    name: str = DEFAULT
    description: str = ""
    font: str = "Libertinus Serif"
    fonts_from: str = ""
    size: float = 10.5
    heading_size: float = 10.0
    name_size: float = 23.0
    spacing: float = 1.0
    accent: str = "#1f4e79"
    ink: str = "#1d232c"
    muted: str = "#5d6673"
    html_font: str = 'Charter, "Bitstream Charter", Cambria, "Libertinus Serif", Georgia, serif'
    docx_font: str = "Cambria"
    docx_size: float = 10.5
    typst_extra: str = ""
    css_extra: str = ""
    folder: str = ""

    def font_paths(self) -> list[str]:
        """Folders of font files the PDF compiler should load for this theme."""
        if not self.fonts_from:
            return []
        import importlib

        try:
            module = importlib.import_module(self.fonts_from)
        except ImportError:
            return []
        folder = getattr(module, "font_directory", None) or str(Path(module.__file__ or "").parent)
        return [str(folder)]

    def em(self, value: float) -> str:
        """A vertical space scaled by the theme's spacing, for templates."""
        return f"{value * self.spacing:.3g}em"


def names() -> list[str]:
    return sorted(p.name for p in BUILTIN.iterdir() if (p / "theme.yaml").is_file())


def load(choice: str | None, *, user_folder: Path | None = None) -> Theme:
    """The theme named (a built-in, one in the user's themes folder) or at a path."""
    from careerkit.errors import InvalidInput

    if not choice:
        return _read(BUILTIN / DEFAULT)
    path = Path(choice).expanduser()
    if (path / "theme.yaml").is_file():
        return _read(path.resolve())
    if user_folder is not None and (Path(user_folder) / choice / "theme.yaml").is_file():
        return _read((Path(user_folder) / choice).resolve())
    if (BUILTIN / choice / "theme.yaml").is_file():
        return _read(BUILTIN / choice)
    if path.is_dir():
        raise InvalidInput(
            f"{choice} is a folder without a theme.yaml: copy one with --theme-copy compact DIR"
        )
    raise InvalidInput(f"unknown theme {choice!r}: use {', '.join(names())}, or a theme folder")


def _read(folder: Path) -> Theme:
    """A theme folder read now (a user's theme may have just been edited); built-ins once."""
    if folder.parent == BUILTIN:
        return _builtin(folder)
    return _parse(folder)


@lru_cache(maxsize=8)
def _builtin(folder: Path) -> Theme:
    return _parse(folder)


def _parse(folder: Path) -> Theme:
    import yaml

    from careerkit.errors import InvalidInput

    base = {} if folder == BUILTIN / DEFAULT else _as_dict(_read(BUILTIN / DEFAULT))
    try:
        data = yaml.safe_load((folder / "theme.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise InvalidInput(f"cannot read the theme {folder}: {e}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{folder / 'theme.yaml'}: not a theme (a YAML mapping of keys)")
    known = {f.name: f.type for f in fields(Theme)}
    values = dict(base)
    for key, value in data.items():
        if key not in known or key in ("typst_extra", "css_extra", "folder"):
            raise InvalidInput(f"{folder / 'theme.yaml'}: unknown key {key!r}")
        if isinstance(Theme.__dataclass_fields__[key].default, float):
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise InvalidInput(f"{folder / 'theme.yaml'}: {key} must be a number") from None
        values[key] = value if not isinstance(value, str) else value.strip()
    for colour in ("accent", "ink", "muted"):
        c = str(values.get(colour, ""))
        if not (
            c.startswith("#") and len(c) in (4, 7) and all(ch in "0123456789abcdefABCDEF" for ch in c[1:])
        ):
            raise InvalidInput(f'{folder / "theme.yaml"}: {colour} must be a colour like "#1f4e79"')
    values["typst_extra"] = _text(folder / "style.typ")
    values["css_extra"] = _text(folder / "style.css")
    values["folder"] = str(folder)
    return Theme(**values)


def _as_dict(theme: Theme) -> dict:
    return {
        f.name: getattr(theme, f.name)
        for f in fields(Theme)
        if f.name not in ("typst_extra", "css_extra", "folder")
    }


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def copy(name: str, dest: Path) -> Path:
    """Copy a built-in theme's folder to `dest`, to edit."""
    import shutil

    from careerkit.errors import InvalidInput

    source = BUILTIN / name
    if not (source / "theme.yaml").is_file():
        raise InvalidInput(f"unknown theme {name!r}: use {', '.join(names())}")
    dest = Path(dest).expanduser()
    if dest.exists():
        raise InvalidInput(f"{dest} already exists: give a new folder name")
    shutil.copytree(source, dest)
    return dest
