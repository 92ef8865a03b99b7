"""Typst source -> PDF bytes through the `typst` package (the compiler is inside the wheel).

By default only the fonts embedded in the compiler (Libertinus Serif, New Computer Modern,
DejaVu Sans Mono) and the theme's bundled fonts are used: no system fonts, no network, and the
same PDF on every machine. Text in a script those fonts cannot draw (a Chinese or Korean
name, Arabic, Devanagari ...) switches on the system's fonts as a fallback for that document;
`cannot_draw` says which characters no font on this machine has, so the command can warn.
"""

from __future__ import annotations

import re
from functools import lru_cache

from careerkit.errors import CareerkitError

# Fixed creation time: the same input gives the same bytes (golden tests, reproducible files).
_EPOCH = 946684800  # 2000-01-01T00:00:00Z
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# Scripts beyond Latin, Greek, Cyrillic and Hebrew (what Libertinus draws), less punctuation
# and symbols the templates use.
_FOREIGN = re.compile(
    r"[\u0600-\u1fff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)


class RenderError(CareerkitError):
    """A document that could not be typeset (a bug in a template, not the user's text)."""


def needs_system_fonts(text: str) -> bool:
    return bool(_FOREIGN.search(text))


def to_pdf(source: str, *, theme=None) -> bytes:
    """Compile Typst markup to PDF."""
    import typst

    paths = theme.font_paths() if theme is not None else []
    system = needs_system_fonts(source)
    try:
        return typst.compile(
            source.encode("utf-8"), font_paths=paths, ignore_system_fonts=not system, timestamp=_EPOCH
        )
    except typst.TypstError as e:  # a template defect: say what Typst said
        message = getattr(e, "diagnostic", None) or getattr(e, "message", None) or str(e)
        raise RenderError(f"could not typeset the PDF: {message}") from None


def cannot_draw(text: str, limit: int = 12) -> list[str]:
    """The characters of `text` that no font on this machine can draw (they would print as
    empty boxes), as far as fontconfig can tell; [] when it cannot tell."""
    wanted = list(dict.fromkeys(_FOREIGN.findall(text)))[:200]
    if not wanted:
        return []
    missing = [ch for ch in wanted if not _has_glyph(ch)]
    return missing[:limit]


@lru_cache(maxsize=4096)
def _has_glyph(ch: str) -> bool:
    import shutil
    import subprocess

    fc = shutil.which("fc-list")
    if fc is None:
        return True  # cannot tell: say nothing rather than cry wolf
    try:
        out = subprocess.run(
            [fc, f":charset={ord(ch):x}", "family"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(out.strip())


def page_count(pdf: bytes) -> int:
    """Pages in a PDF written by Typst (its page objects are never compressed)."""
    return len(_PAGE.findall(pdf))
