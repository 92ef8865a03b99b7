"""User text made safe for each output format: whatever a person typed renders as typed.

- Typst markup: every character with a meaning in markup is escaped with a backslash
  (Typst accepts a backslash before any ASCII punctuation).
- Markdown (CommonMark): a backslash before the punctuation that could start emphasis, a
  link, HTML, code, a heading or a table cell; `&` only where it would read as an entity.
- HTML: Jinja's autoescape (markupsafe); `html()` here is the same for code outside templates.

`inline` variants fold line breaks into spaces (a title, a bullet); `block` variants keep
paragraphs (a summary), separated by a blank line in the output.
"""

from __future__ import annotations

import re

# Control characters other than tab and newline have no place in a document.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t]*\n[ \t\n]*|[ \t]+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n\s*")

# Straight quotes stay unescaped so Typst sets them as typographic quotes; they start nothing.
_TYPST_SPECIAL = set("\\#$*_@<>[]~=-+/`")
_MD_SPECIAL = set("\\`*_{}[]<>#|~$")
# Only what would start a block: "- x", "+ x", "==", "> x", "1. x", "1) x" ("+1 555" is text).
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=][-+=]*(?=\s|$)|>)|(\d+)([.)])(?=\s|$))")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def clean(text: object) -> str:
    """Text without control characters, with Windows/Mac line ends made plain."""
    if text is None:
        return ""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value)


def one_line(text: object) -> str:
    """All whitespace runs folded to single spaces, trimmed."""
    return _SPACES.sub(" ", clean(text)).strip()


def paragraphs(text: object) -> list[str]:
    """The paragraphs of a text (split at blank lines), each on one line."""
    return [p for p in (one_line(part) for part in _PARAGRAPHS.split(clean(text))) if p]


_LONG_RUN = re.compile(r"\w{30,}")
_ZWSP = "\u200b"


def _breakable(match: re.Match) -> str:
    # A 30-letter run has no place to break and would run into the margin: offer a break
    # (an invisible zero-width space) every 15 characters.
    run = match.group(0)
    return _ZWSP.join(run[i : i + 15] for i in range(0, len(run), 15))


def typst(text: object) -> str:
    """Inline user text for Typst markup."""
    value = _LONG_RUN.sub(_breakable, one_line(text))
    return "".join("\\" + ch if ch in _TYPST_SPECIAL else ch for ch in value)


def typst_block(text: object) -> str:
    """User text of several paragraphs for Typst markup."""
    return "\n\n".join(typst(p) for p in paragraphs(text))


def typst_string(text: object) -> str:
    """A Typst string literal (for code mode: document metadata, arguments)."""
    value = one_line(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{value}"'


def markdown(text: object) -> str:
    """Inline user text for Markdown."""
    value = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in one_line(text))
    value = _MD_ENTITY.sub("\\&", value)
    # A leading "-", "+", "=", ">" or "1." would make a list, heading underline or quote.
    return _MD_LINE_START.sub(_escape_line_start, value)


def _escape_line_start(m: re.Match) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def markdown_block(text: object) -> str:
    return "\n\n".join(markdown(p) for p in paragraphs(text))


def html(text: object) -> str:
    """Inline user text for HTML outside a template (templates autoescape)."""
    from markupsafe import escape

    return str(escape(one_line(text)))


_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def safe_url(url: object) -> str:
    """A URL a document may link to (http, https, mailto), else '' (no javascript: links)."""
    value = one_line(url)
    return value if value.lower().startswith(_SAFE_SCHEMES) and " " not in value else ""


def markdown_url(url: object) -> str:
    """A URL as a Markdown autolink `<https://...>`, or as escaped text when it cannot be one."""
    value = safe_url(url)
    if value and not any(ch in value for ch in "<>"):
        return f"<{value}>"
    return markdown(url)


def bare_url(url: object) -> str:
    """A URL as printed on paper: 'https://example.org/alex/' -> 'example.org/alex'."""
    value = one_line(url)
    for prefix in ("https://", "http://", "mailto:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
            break
    return value[4:].rstrip("/") if value.lower().startswith("www.") else value.rstrip("/")
