"""Typst source -> PDF bytes through the `typst` package (the compiler is inside the wheel).

Only the fonts embedded in the compiler are used (Libertinus Serif, New Computer Modern,
DejaVu Sans Mono): no system fonts, no network, and the same PDF on every machine.
"""

from __future__ import annotations

import re

from careerkit.errors import CareerkitError

# Fixed creation time: the same input gives the same bytes (golden tests, reproducible files).
_EPOCH = 946684800  # 2000-01-01T00:00:00Z
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class RenderError(CareerkitError):
    """A document that could not be typeset (a bug in a template, not the user's text)."""


def to_pdf(source: str) -> bytes:
    """Compile Typst markup to PDF."""
    import typst

    try:
        return typst.compile(source.encode("utf-8"), ignore_system_fonts=True, timestamp=_EPOCH)
    except typst.TypstError as e:  # a template defect: say what Typst said
        message = getattr(e, "diagnostic", None) or getattr(e, "message", None) or str(e)
        raise RenderError(f"could not typeset the PDF: {message}") from None


def page_count(pdf: bytes) -> int:
    """Pages in a PDF written by Typst (its page objects are never compressed)."""
    return len(_PAGE.findall(pdf))
