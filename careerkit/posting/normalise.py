"""Raw posting text (plain, Markdown, HTML, PDF copy) -> clean lines. Pure and bounded."""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 60_000  # a posting is a few pages (ten is ~30,000); a 5 MB paste is cut, not choked on
MAX_RAW = 5_000_000  # a saved page, scripts and styles included
MAX_HTML = 150_000  # its markup once scripts and styles are gone
MAX_LINES = 4_000  # ten pages of posting
MAX_LINE = 5_000  # one "line" longer than this is split at sentence ends

_HTML_HINT = re.compile(r"<\s*(?:html|body|div|p|li|ul|ol|br|h[1-6]|table|tr|td|span|strong|section)\b", re.I)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b-\u200d\ufeff\ufffd]")
# A heading run into the next word: "QualificationsEducation/Certification:".
_RUN_IN = re.compile(
    r"^(\s*(?:[A-Z][a-z]+ )?(?:Qualifications?|Requirements?|Responsibilities|Duties|Skills|Experience|"
    r"Education|Certifications?|Licensure|Knowledge|Abilities|Summary|Overview|Description|Essential|"
    r"Desirable|Preferred|Benefits|Salary|Compensation|Purpose|Expectations|Competencies|"
    r"QUALIFICATIONS?|REQUIREMENTS?|RESPONSIBILITIES|DUTIES|SKILLS|EXPERIENCE|EDUCATION|SUMMARY))"
    r"(?=[A-Z][a-z])"
)
_LONE_MARK = re.compile(r"^\s*[ED](?:\s*[/,]?\s*(?:AF|AI|A|I|R|T|O|L|P|S|C))*\s*$")
_EVIDENCE_ONLY = re.compile(
    r"^\s*(?:AF|AI|A|I|R|T|O|L|P|S|C|Ref|Refs|Int|App)(?:\s*[/,&]\s*"
    r"(?:AF|AI|A|I|R|T|O|L|P|S|C|Ref|Refs|Int|App))*\s*$"
)
_INLINE_BULLET = re.compile(r"\s+[•●▪■◦]\s+")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ESSENTIAL = re.compile(r"^\s*(essential|required|e)\s*$", re.I)
_HEADER_FIRST = re.compile(
    r"^(?:criteria|criterion|requirements?|attributes?|qualities|area|category|person specification|"
    r"specification|qualifications?|competenc\w+|selection criteria|description|item)$",
    re.I,
)
_EITHER = re.compile(
    r"^\s*(?:e\s*/\s*d|essential\s*(?:/|or)\s*desirable|e\s+or\s+d|required\s*(?:/|or)\s*preferred)\s*$", re.I
)
_DESIRABLE = re.compile(r"^\s*(desirable|desired|preferred|d)\s*$", re.I)


def clean(text: str) -> str:
    """Bounded, normalised text: one kind of newline, no control characters, HTML read."""
    if not isinstance(text, str):
        return ""
    if looks_like_html(text):
        text = page_text(text)
    text = text[:MAX_CHARS]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    return text


def lines_of(text: str) -> list[str]:
    """Clean text split into lines, with tables flattened and run-in headings split."""
    out: list[str] = []
    table_cols: tuple[int | None, int | None] | None = None
    tick_cols: tuple[int, int] | None = None
    tab_cols: tuple[int | None, int | None] | None = None
    for raw in clean(text).split("\n", MAX_LINES)[:MAX_LINES]:
        raw = raw.rstrip(" \u00a0")
        if len(raw) > MAX_LINE:
            out.extend(_split_long(raw))
            continue
        # a word-processor table copied as tab-separated cells: the column a tick sits in says
        # Essential or Desirable, so the cells are read by position, not by what they hold
        if "\t" in raw.strip() and "|" not in raw:
            cells = [c.strip() for c in raw.split("\t")]
            cols = _essential_columns(cells)
            if cols is not None:
                tab_cols = cols
                out.append(cells[0].strip("*_ ") + " /" if cells[0] else "")
                continue
            if tab_cols is not None:
                out.append(_row_text(cells, tab_cols))
                continue
        elif tab_cols is not None and raw.strip():
            if len(raw.split()) <= 8 and not raw.rstrip().endswith(tuple(".;,!?:")):
                out.append(raw.strip() + " /")  # a section row of the table ("Experience")
                continue
            tab_cols = None
        raw = raw.rstrip()
        if "|" in raw and raw.strip().startswith("|") or raw.count("|") >= 2:
            if _MD_TABLE_SEP.match(raw):
                continue
            cells = [c.strip() for c in raw.strip().strip("|").split("|")]
            cols = _essential_columns(cells)
            if table_cols is not None and not _HEADER_FIRST.match(cells[0].strip("*_ :")):
                cols = None  # under a known header, "A licence | Required" is a row
            if cols is not None:
                table_cols = cols
                head = cells[0].strip("*_ ")
                out.append(head + " /" if head else "")
                continue
            out.append(_row_text(cells, table_cols))
            continue
        if not raw.strip():
            table_cols = None
        cols = _tick_columns(raw)
        if cols:
            tick_cols = cols
            raw = raw[: min(cols)].rstrip() or raw
        elif tick_cols:
            raw = _tick_row(raw, tick_cols)
        raw = raw.replace("\t", "    ") if re.match(r"^\s*(\S{1,4})\t", raw) else raw
        raw = re.sub(r"(?<=\S)\t+(?=\S)", " / ", raw)
        raw = _SPACES.sub(" ", raw.replace("\t", " "))
        if _EVIDENCE_ONLY.match(raw):
            continue  # "AF/I": how a criterion is assessed, on its own line
        if _LONE_MARK.match(raw) and out and out[-1].strip():
            out[-1] = f"{out[-1].rstrip()} / {raw.strip()}"  # a table cell on its own line: "E"
            continue
        if len(_INLINE_BULLET.findall(raw)) >= 2:  # "Skills: • a • b • c" flattened onto one line
            head, *items = _INLINE_BULLET.split(raw)
            if head.strip():
                out.append(head.rstrip())
            out.extend(f"• {x.strip()}" for x in items if x.strip())
            continue
        m = _RUN_IN.match(raw)
        if m and len(raw) > len(m.group(1)) + 2:
            out.append(m.group(1).strip() + ":")
            raw = raw[m.end(1) :]
        out.append(raw)
    return out


_TICK_HEAD = re.compile(r"\s{2,}(Essential|Required)\b.*?\s{2,}(Desirable|Preferred)\b", re.I)
_TICK_ROW = re.compile(r"\s{2,}([✓✔√xX✗•*])\s*$")


def _tick_columns(line: str) -> tuple[int, int] | None:
    """Where the Essential and Desirable columns of a space-aligned table start, on its header."""
    m = _TICK_HEAD.search(line.expandtabs())
    return (m.start(1), m.start(2)) if m else None


def _tick_row(line: str, cols: tuple[int, int]) -> str:
    """A row ending in a tick: the tick becomes "/ E" or "/ D" by the column it stands under."""
    wide = line.expandtabs()
    m = _TICK_ROW.search(wide)
    if not m:
        return line
    at = m.start(1)
    mark = "E" if abs(at - cols[0]) <= abs(at - cols[1]) else "D"
    return f"{wide[: m.start()].rstrip()} / {mark}"


def _split_long(line: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+", line)
    out, cur = [], ""
    for p in parts:
        if len(cur) + len(p) > MAX_LINE and cur:
            out.append(cur)
            cur = ""
        cur = f"{cur} {p}" if cur else p
        while len(cur) > MAX_LINE:  # no sentence ends at all: hard cut
            out.append(cur[:MAX_LINE])
            cur = cur[MAX_LINE:]
    if cur:
        out.append(cur)
    return out


def _essential_columns(cells: list[str]) -> tuple[int | None, int | None] | None:
    """Indexes of the Essential and Desirable columns when this row is a table header."""
    first = cells[0].strip("*_ :") if cells else ""
    if first and not _HEADER_FIRST.match(first):
        # a row of the table ("Degree | E | A"): one letter is its mark, not a column's name
        cells = [c if len(c.strip("*_ ")) > 1 else "" for c in cells]
    both = next((i for i, c in enumerate(cells) if i and _EITHER.match(c.strip("*_ "))), None)
    if both is not None:  # one "E/D" column holding E or D in each row
        return both, both
    ess = next((i for i, c in enumerate(cells) if i and _ESSENTIAL.match(c.strip("*_ "))), None)
    des = next((i for i, c in enumerate(cells) if i and _DESIRABLE.match(c.strip("*_ "))), None)
    if ess is None and des is None:
        return None
    return ess, des


def _row_text(cells: list[str], cols: tuple[int | None, int | None] | None) -> str:
    """A table row as one line: the criterion, then an E/D marker read from the columns."""
    cells = [c.strip("*_ ") for c in cells]
    if cols is None:
        return " / ".join(c for c in cells if c)
    ess, des = cols
    skip = {i for i in cols if i is not None}
    text = " ".join(c for i, c in enumerate(cells) if i not in skip and c and i == 0) or next(
        (c for i, c in enumerate(cells) if i not in skip and c), ""
    )
    filled = lambda i: i is not None and i < len(cells) and bool(cells[i])  # noqa: E731
    if ess is not None and ess == des:
        value = cells[ess].strip() if filled(ess) else ""
        mark = "E" if _ESSENTIAL.match(value) else "D" if _DESIRABLE.match(value) else value.upper()[:1]
        return f"{text} / {mark}" if mark in ("E", "D") else text
    if filled(ess):
        return f"{text} / E"
    if filled(des):
        return f"{text} / D"
    return text


# --- HTML -------------------------------------------------------------------------------------

_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "pre",
    "main",
    "aside",
    "nav",
    "form",
    "fieldset",
}
_HEAD = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {
    "script",
    "style",
    "head",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "select",
    "nav",
    "footer",
}


def _drop_code(html: str) -> str:
    """Remove script, style and svg elements in one linear pass (pages are mostly code)."""
    low = html.lower()
    out, pos = [], 0
    while True:
        starts = [
            i for i in (low.find("<script", pos), low.find("<style", pos), low.find("<svg", pos)) if i >= 0
        ]
        if not starts:
            out.append(html[pos:])
            break
        start = min(starts)
        tag = (
            "script"
            if low.startswith("<script", start)
            else "style"
            if low.startswith("<style", start)
            else "svg"
        )
        end = low.find(f"</{tag}", start)
        out.append(html[pos:start])
        if end < 0:
            break
        close = low.find(">", end)
        pos = close + 1 if close >= 0 else len(html)
    return " ".join(out)


# Site furniture named by class or id: menus, breadcrumbs, share buttons, footers, cookie banners.
_FURNITURE = re.compile(
    r"^(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|footer|cookies?|consent|share|"
    r"sharing|social|sidebar|skip|similar|login|signin|topbar|masthead)$"
)
_VOID = {"br", "img", "hr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


def _is_furniture(attrs) -> bool:
    for name, value in attrs:
        if (
            name in ("class", "id", "role")
            and value
            and any(_FURNITURE.match(w) for w in re.split(r"[\s_-]+", value.lower()) if w)
        ):
            return True
    return False


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:20_000]))


def page_text(html: str) -> str:
    """A saved web page -> its text (scripts and styles gone, the markup read by lxml)."""
    return html_to_text(_drop_code(html[:MAX_RAW])[:MAX_HTML])


class _Reader:
    """lxml parser target: start/end/data events -> text with one line per block, bullets for
    list items, '#' for headings and '|' between table cells; site furniture left out."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skip = 0
        self.furniture: str | None = None  # the tag of the furniture element being skipped
        self.depth = 0

    def start(self, tag, attrib) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if self.furniture is not None:
            self.depth += tag == self.furniture
            return
        if (
            tag not in _VOID
            and tag not in ("html", "body", "main", "article")
            and _is_furniture(attrib.items())
        ):
            self.furniture, self.depth = tag, 1
            self.parts.append("\n")
            return
        if tag in _SKIP:
            self.skip += 1
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _HEAD:
            self.parts.append("\n\n# " if tag == "h1" else "\n\n## ")
        elif tag == "tr":
            self.parts.append("\n|")
        elif tag == "br" or tag in _BLOCK:
            self.parts.append("\n")

    def end(self, tag) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if self.furniture is not None:
            if tag == self.furniture:
                self.depth -= 1
                if self.depth <= 0:
                    self.furniture = None
            return
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _HEAD:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" |")
        elif tag in _BLOCK or tag in ("li", "tr"):
            self.parts.append("\n")

    def data(self, data: str) -> None:
        if not self.skip and self.furniture is None:
            self.parts.append(re.sub(r"\s+", " ", data))

    def close(self) -> str:
        return "".join(self.parts)


def html_to_text(html: str) -> str:
    """HTML saved from a browser -> text with one line per block, bullets for list items.

    libxml2's HTML parser (through lxml) recovers from any malformed markup in time linear in
    its length (html.parser took 88 s on 290 KB of unclosed attributes)."""
    from lxml import etree

    parser = etree.HTMLParser(target=_Reader(), recover=True, no_network=True, remove_comments=True)
    parser.feed(html.encode("utf-8", "replace").decode("utf-8"))  # lone surrogates cannot be encoded
    text = parser.close()
    return re.sub(r"\n[ \t]+", "\n", text)
