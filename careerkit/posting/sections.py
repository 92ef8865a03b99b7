"""Clean lines -> entries (headings, meta lines, bullets, text), with wrapped lines rejoined."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Keys of "KEY: value" lines that name the employer.
ORG_KEYS = (
    "school",
    "district",
    "organization",
    "organisation",
    "employer",
    "company",
    "trust",
    "academy",
    "campus",
)

# Keys of "KEY: value" lines that describe the job, not what it asks.
META_KEYS = {
    "reports to",
    "report to",
    "reporting to",
    "responsible to",
    "accountable to",
    "supervises",
    "supervisor",
    "flsa",
    "flsa status",
    "status",
    "position status",
    "employment status",
    "evaluation",
    "evaluation instrument",
    "evaluation tool",
    "evaluated by",
    "work year",
    "work days",
    "days",
    "working days",
    "salary",
    "salary schedule",
    "salary grade",
    "salary range",
    "pay",
    "pay scale",
    "pay grade",
    "pay range",
    "grade",
    "retirement",
    "location",
    "locations",
    "department",
    "code",
    "job code",
    "class code",
    "official title",
    "working title",
    "local title",
    "state title",
    "title",
    "position title",
    "job title",
    "position",
    "job role",
    "role",
    "post",
    "hours",
    "working hours",
    "working pattern",
    "contract type",
    "contract",
    "start date",
    "job start date",
    "closing date",
    "date listed",
    "posted",
    "posting date",
    "date posted",
    "deadline",
    "application deadline",
    "visa sponsorship",
    "key stage",
    "key stages",
    "subject",
    "subjects",
    "school type",
    "school size",
    "age range",
    "phase",
    "education phase",
    "number of pupils",
    "months",
    "fte",
    "shift",
    "benefits",
    "stipend",
    "competition",
    "job id",
    "job number",
    "reference",
    "ref",
    "sq/oq",
    "employment type",
    "job type",
    "schedule",
    "calendar",
    "length of contract",
    "funding",
    "bargaining unit",
    "union",
    "travel",
    *ORG_KEYS,
    "site",
    "work location",
    "terms",
    "term",
    "wage",
    "compensation",
    "category",
    "job category",
    "type",
    "openings",
    "number of openings",
    "vacancies",
    "fte/hours",
    "duration",
    "language",
    "languages",
    "pay band",
    "band",
    "unit",
    "classification",
    "job family",
    "exempt/non-exempt",
    "supervision",
    "position type",
    "date available",
    "available",
    "job posting",
    "posting id",
    "full time or part time",
    "full-time or part-time",
    "hours per week",
    "contract length",
}
TITLE_KEYS = (
    "working title",
    "position title",
    "job title",
    "local title",
    "official title",
    "title",
    "position",
    "job role",
    "role",
    "post",
)

BULLET = re.compile(
    r"^(?P<indent>\s*)(?P<mark>[•●▪■◦○·‣∙►▸➢➤✓✔❖◆◇□☐→⁃◘§★✦❑♦◾◼\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|[-–—*+>](?=\s)|o(?=\s+[A-Z])|"
    r"\d{1,2}(?:\.\d{1,2}){1,3}\.?(?:\s+[-–—:])?(?=\s)|(?:K?SC|[ED])\d{1,2}[.:)]?(?=\s)|\(?\d{1,3}[.)](?=\s)|\(?[a-z][.)](?=\s)|\(?[A-H][.)](?=\s+[A-Z])|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)](?=\s))"
    r"\s*(?P<text>.*)$"
)
_NUMBER_ONLY = re.compile(r"^\s*\(?(\d{1,3}|[a-z])[.)]\s*$")
_KEYVAL = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z0-9 ,&/'’()#.-]{0,60}?)\s*:\s*(?P<val>.*)$")
TERMINAL = tuple(".!?;:")
_MD_HEAD = re.compile(r"^#{1,6}\s*(.*)$")
_MD_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_SPEC_MARKER_END = re.compile(
    r"(?:/|\|)\s*(?:E|D|A|I|R|AI|AF|Essential|Desirable)\s*$|"
    r"\s[ED](?:\s+(?:AF|AI|A|I|R|T|O|L|P|S|C)(?:\s*/\s*(?:AF|AI|A|I|R|T|O|L|P|S|C))*)+\s*$"
)
_ITEM_START = re.compile(
    r"^(?:experience|knowledge|ability|able|strong|excellent|good|proven|minimum|at least|"
    r"valid|current|demonstrated|understanding|skills? in|\d)",
    re.I,
)
MAX_LINES = 4000  # ten pages of posting; the rest of a huge paste is not read

# Heading vocabulary: a short line made mostly of these words is a heading.
_HEAD_VOCAB = set(
    """
qualifications qualification requirements requirement skills skill experience knowledge abilities ability
education certification certifications certificate licensure license licence credentials duties duty
responsibilities responsibility key essential desirable preferred desired required minimum what we
we're were looking for seek seeking job role position summary description details about you your
person specification specifications additional other main general the and of a an to in who need
needs bring benefits salary how apply our offer competencies competency criteria functions function
expectations purpose overview goal goals information training attributes qualities working conditions
ideal candidate profile will do you'll areas principal accountabilities tasks professional
understanding experiences standards classification objective objectives nice have would like
application process selection essential/desirable must assets asset performance supervisory job-specific
work environment physical demands mental setting personal assessment employment conditions terms
selection disclaimer
""".split()
)

KIND_RULES = [
    (
        "drop",
        re.compile(
            r"salar|compensation|benefit|\bpay\b|terms (?:of|and) (?:employment|conditions)|conditions of employment|"
            r"working conditions|\bphysical\b|work contacts|environmental (?:factors|conditions)|work(?:ing)? environment|how to apply|to apply|"
            r"\bapplication\b|\bapply\b|about us|about (?:the )?(?:school|district|trust|academy|company|organi[sz]ation|college)|"
            r"who we are|\bour (?:school|district|trust|mission|values|vision|commitment)|equal opportunit|\beeo\b|"
            r"discriminat|disclaimer|safeguarding (?:statement|policy|commitment)|commitment to safeguarding|"
            r"job details|additional information|other information|\bcontact\b|closing date|what we offer|"
            r"why (?:join|work)|\bperks\b|\boffers?\b|^about\b(?! (?:the|this) (?:role|position|job|post)| you)|"
            r"^the (?:school|academy|trust|district|college|company)$|\blocation\b|\bhours\b|\bcontract\b|\bvisa\b|selection process|"
            r"supplemental information|\bfunding\b|\bterms\b|assessment key|key to assessment|"
            r"(?:similar|related|more|other|recent|latest) (?:jobs|roles|vacancies|positions|openings)|share this"
        ),
    ),
    (
        "duty",
        re.compile(
            r"dut(?:y|ies)|responsibilit|functions|accountabilit|\btasks\b|what you(?:'ll|’ll| will) (?:be )?do|"
            r"\byou will\b|in this role|key areas|main areas|day[- ]to[- ]day|the job involves|"
            r"\bwill(?: be (?:expected|required) to)?$|\bwill be responsible for$"
        ),
    ),
    (
        "purpose",
        re.compile(
            r"purpose|\bgoals?\b|summary|overview|objective|^definition$|\b(?:primary|main|general|basic) function\b|about (?:the|this) (?:role|position|job|post)|"
            r"role (?:profile|description)|position description of|description of (?:classification|position|the)|"
            r"general description|nature of (?:the )?work|introduction|^the (?:role|position|post)$"
        ),
    ),
    (
        "req",
        re.compile(
            r"qualifi|requirement|skill|knowledge|abilit|experience|education|certific|licen[cs]|credential|"
            r"criteria|specification|looking for|expectation|competenc|attribute|who you are|you (?:have|bring|are)\b|"
            r"what you(?:'ll|’ll)? (?:need|bring)|ideal candidate|about you|training|understanding|qualities|characteristics|"
            r"standards|profile"
        ),
    ),
]
_MODIFIER = re.compile(
    r"essential|desirable|desired|preferred|required|minimum|mandatory|nice to have|bonus|"
    r"\bassets?\b"
)
_PREF_HEAD = re.compile(
    r"prefer|desirable|desired|nice to have|bonus|\bplus\b|advantage|additional qualif|"
    r"\bassets?\b"
)
_REQ_HEAD = re.compile(r"essential|required|minimum|mandatory")


@dataclass
class Entry:
    kind: str  # heading | meta | bullet | text | blank
    text: str = ""
    key: str = ""  # meta key
    indent: int = 0
    marker: str = ""
    line: int = 0  # index of the last physical line it covers
    wrapped_tail: int = 0  # length of its last physical line


def heading_kind(text: str) -> str:
    """drop | duty | purpose | req | unknown for a heading's words."""
    low = text.lower()
    found = []
    for name, rx in KIND_RULES:
        m = rx.search(low)
        if m:
            found.append((m.start(), name))
    if found:
        # a heading naming pay or how to apply wins even when it also says "position"
        if any(n == "drop" for _, n in found) and not any(n in ("req", "duty") for _, n in found):
            return "drop"
        return min(found)[1]
    if _MODIFIER.search(low):
        return "req"
    return "unknown"


def heading_must(text: str) -> str | None:
    low = text.lower()
    if _PREF_HEAD.search(low):
        return "preferred"
    if _REQ_HEAD.search(low):
        return "required"
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’/-]*", text)


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def is_caps(text: str) -> bool:
    head = text[:300]
    up, low = len(_UPPER.findall(head)), len(_LOWER.findall(head))
    return up + low >= 3 and up >= 0.8 * (up + low)


def _opens_a_block(next_line: str | None) -> bool:
    """What follows a heading: a list, an indented line, or a sentence longer than a heading."""
    if next_line is None:
        return False
    if BULLET.match(next_line) or _NUMBER_ONLY.match(next_line) or next_line[:1] in (" ", "\t"):
        return True
    return len(_words(next_line)) >= 8


def _is_title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def _heading_vocab_share(text: str) -> float:
    words = [w.lower().strip("'’") for w in _words(text)]
    if not words:
        return 0.0
    return sum(w in _HEAD_VOCAB for w in words) / len(words)


def meta_key(key: str) -> bool:
    if len(key) > 40:
        return False
    k = " ".join(key.lower().rstrip("#").split())
    return k in META_KEYS


def _numbered_heading(mark: str, text: str, nb: re.Match | None) -> bool:
    """ "2. Main duties" over "2.1 ...", "2.1 Teaching and learning" over "2.1.1 - To ...": an
    outline's numbered heading; or a short numbered line in heading words ("3. Person specification")."""
    num = re.match(r"\d{1,2}(?:\.\d{1,2})*", mark)
    words = _words(text)
    if not num or not words or len(words) > 8 or text.rstrip().endswith(tuple(".;,!?")):
        return False
    if nb is not None:
        sub = re.match(r"\d{1,2}(?:\.\d{1,2})+", nb.group("mark"))
        if sub and sub.group(0).startswith(num.group(0).rstrip(".") + "."):
            return True
    return (
        len(words) <= 5
        and heading_kind(text) != "unknown"
        and _heading_vocab_share(text) >= 0.6
        and not _ITEM_START.match(text)
    )


def _classify(line: str, prev_blank: bool, next_line: str | None, next_raw: str | None = None) -> list[Entry]:
    """One physical line -> entries (a heading with inline content gives two)."""
    stripped = line.strip()
    md = _MD_HEAD.match(stripped)
    if md:
        head = md.group(1).strip("*_ :")
        return [Entry("heading", head)] if head else []
    if "**" in stripped or "__" in stripped:
        stripped = _MD_BOLD_LINE.sub(r"\1:", stripped)  # **Heading** alone
        stripped = stripped.replace("**", "").replace("__", "")
    b = BULLET.match(line)
    if b and b.group("text").strip():
        text = b.group("text").strip()
        if meta_key(text.rstrip(":")):
            return [Entry("meta", "", key=text.rstrip(":").lower())]
        # a bullet that only names the group of bullets nested under it ("- **Behaviour**")
        nb = BULLET.match(next_line) if next_line else None
        if nb and len(nb.group("indent").expandtabs()) > len(b.group("indent").expandtabs()):
            bold = _MD_BOLD_LINE.match(text)
            if bold and len(_words(bold.group(1))) <= 8 and not bold.group(1).rstrip().endswith("."):
                return [Entry("heading", bold.group(1).strip(" :"))]
        if _numbered_heading(b.group("mark"), text, nb):
            return [Entry("heading", text.rstrip(" :"))]
        return [Entry("bullet", text, indent=len(b.group("indent").expandtabs()), marker=b.group("mark"))]
    if _NUMBER_ONLY.match(line):
        return [Entry("marker", marker=stripped)]
    if meta_key(stripped.rstrip(":")):
        return [Entry("meta", "", key=stripped.rstrip(":").lower())]
    words = _words(stripped)
    kv = _KEYVAL.match(stripped)
    if kv and kv.group("val").strip() and len(_words(kv.group("key"))) <= 7:
        key, val = kv.group("key").strip(), kv.group("val").strip()
        if meta_key(key):
            return [Entry("meta", val, key=key.lower())]
        kind = heading_kind(key)
        looks_heading = is_caps(key) or _is_title_case(_words(key)) or _heading_vocab_share(key) >= 0.6
        if (kind != "unknown" or _MODIFIER.search(key.lower())) and looks_heading:
            return [Entry("heading", key), Entry("text", val)]
        if (
            (is_caps(key) and len(_words(val)) <= 8 and not val.endswith("."))
            or (len(_words(key)) <= 3 and len(_words(val)) <= 4 and not val.endswith("."))
        ) and not re.search(r"\b(?:required|preferred|desirable|essential|years?)\b", val, re.I):
            return [Entry("meta", val, key=key.lower())]
    if stripped.endswith(":") and len(words) <= 12:
        return [Entry("heading", stripped.rstrip(": "))]
    if re.search(r"\s/$|^[^/]{2,60}/$", stripped) and len(words) <= 8:
        return [Entry("heading", stripped.rstrip("/ "))]
    if (
        is_caps(stripped)
        and len(words) <= 12
        and not stripped.endswith((".", ";", ","))
        and not re.search(r"[\s/]\(?[ED]\)?$", stripped)
    ):  # "NPQH  D" is a row, not a heading
        return [Entry("heading", stripped)]
    if (
        len(words) <= 4
        and not stripped.endswith(tuple(".;,!?"))
        and _heading_vocab_share(stripped) == 1.0
        and heading_kind(stripped) != "unknown"
        and (_is_title_case(words) or is_caps(stripped) or (len(words) <= 3 and stripped[:1].isupper()))
    ):
        return [Entry("heading", stripped)]  # "Qualifications" or "Key Responsibilities" alone
    if (
        len(words) <= 6
        and not stripped.endswith(tuple(".;,!?"))
        and _is_title_case(words)
        and _heading_vocab_share(stripped) >= 0.5
        and heading_kind(stripped) != "unknown"
        and (_heading_vocab_share(stripped) == 1.0 or not _ITEM_START.match(stripped))
        and not re.search(r"\((?:required|preferred|desired|essential|desirable)\)", stripped, re.I)
        and _opens_a_block(next_line)
    ):
        return [Entry("heading", stripped)]  # "Minimum Requirements" on a line of its own
    if (
        2 <= len(words) <= 4
        and not stripped.endswith(tuple(".;,!?:"))
        and _is_title_case(words)
        and next_line is not None
        and (BULLET.match(next_line) or _NUMBER_ONLY.match(next_line))
        and not _ITEM_START.match(stripped)
        and not re.search(r"\d", stripped)
    ):
        return [Entry("heading", stripped)]  # "Student Management" over numbered duties
    if (
        len(words) <= 8
        and not stripped.endswith(tuple(".;,!?"))
        and prev_blank
        and heading_kind(stripped) != "unknown"
    ):
        if _heading_vocab_share(stripped) >= 0.75:
            return [Entry("heading", stripped)]
        # a short line standing alone between blank lines, as web pages set their headings
        next_blank = next_raw is None or not next_raw.strip() or bool(BULLET.match(next_raw))
        if (
            next_blank
            and len(words) <= 6
            and not _ITEM_START.match(stripped)
            and not re.search(r"\d", stripped)
        ):
            return [Entry("heading", stripped)]
    if (
        len(words) <= 5
        and prev_blank
        and stripped[:1].isupper()
        and not stripped.endswith(tuple(".;,!?"))
        and heading_kind(stripped) in ("drop", "purpose", "duty")
        and not _ITEM_START.match(stripped)
        and not re.search(r"\d", stripped)
        and next_line is not None
        and len(_words(next_line)) >= 8
    ):
        return [Entry("heading", stripped)]  # "About our school" over a paragraph
    return [Entry("text", stripped)]


def _wrap_width(lines: list[str]) -> int:
    """The width a PDF copy wrapped its lines at, or 0 when the text is not wrapped."""
    lens = sorted(len(x.strip()) for x in lines if len(x.strip()) >= 40)
    if len(lens) < 3:
        return 0
    width = lens[int(0.8 * (len(lens) - 1))]
    if width < 60:  # short lines of similar length are a bare list, not a wrapped page
        return 0
    near = [
        x
        for x in lines
        if 0.85 * width <= len(x.strip()) <= 1.15 * width and not x.rstrip().endswith(TERMINAL)
    ]
    return width if len(near) >= 3 else 0


_CONT_START = re.compile(r"^[a-z(,&]|^(?:and|or|of|to|the|in|for|with)\b")
_DANGLING = re.compile(
    r"(?:\b(?:and|or|of|to|the|a|an|in|for|with|by|on|at|as|from|that|including|such|"
    r"their|its|our|your|his|her|is|are|be)|[,&/-])$",
    re.I,
)


_PAGE_NO = re.compile(
    r"\bpage\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}\b|^\s*(?:page\s*\d{1,3}|-\s*\d{1,3}\s*-)\s*$", re.I
)


def _drop_page_furniture(lines: list[str]) -> list[str]:
    """A PDF copy's running headers and footers ("Page 2 of 3", the school's name and the job's
    title repeated on every page) are dropped, and a sentence they cut in two is made whole."""
    marks = [i for i, x in enumerate(lines) if _PAGE_NO.search(x) and len(_words(x)) <= 14]
    if not marks:
        return lines
    seen: dict[str, int] = {}
    for x in lines:
        key = re.sub(r"\d+", "#", " ".join(x.split()).lower())
        if key:
            seen[key] = seen.get(key, 0) + 1
    drop = set(marks)
    for m in marks:
        for step in (-1, 1):  # the repeated lines next to a page number, blanks between
            j = m + step
            while 0 <= j < len(lines) and abs(j - m) <= 4:
                x = lines[j]
                key = re.sub(r"\d+", "#", " ".join(x.split()).lower())
                if key and (seen.get(key, 0) < 2 or len(_words(x)) > 14 or BULLET.match(x)):
                    break
                if key:
                    drop.add(j)
                j += step
    out: list[str] = []
    gap = False
    for i, x in enumerate(lines):
        if i in drop:
            gap = True
            continue
        if gap and not x.strip():
            continue  # the blank lines around the page break
        if gap:
            prev = next((y for y in reversed(out) if y.strip()), "")
            mid_sentence = (
                prev
                and not prev.rstrip().endswith(TERMINAL)
                and (_CONT_START.match(x.strip()) or _DANGLING.search(prev.rstrip()))
            )
            if not mid_sentence and out and out[-1].strip():
                out.append("")
            gap = False
        out.append(x)
    return out


def entries_of(lines: list[str]) -> list[Entry]:
    """Lines -> entries; a line that only continues the previous one is joined to it."""
    lines = _drop_page_furniture(lines[:MAX_LINES])
    width = _wrap_width(lines)
    bare = _bare_list_lines(lines)
    out: list[Entry] = []
    last: Entry | None = None  # last bullet/text entry, which a next line may continue
    blanks = 0
    pending_marker = ""
    for i, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            if out and out[-1].kind != "blank":
                out.append(Entry("blank", line=i))
            continue
        s = line.strip()
        sub = BULLET.match(line)
        if sub and last is not None and last.kind == "bullet" and not blanks and _completes(last, sub):
            s = sub.group("text").strip()  # a nested bullet that only finishes its parent's sentence
            last.text = (
                f"{last.text.rstrip(' ,')}, {s}" if last.text.rstrip().endswith(",") else f"{last.text} {s}"
            )
            last.line, last.wrapped_tail = i, len(s)
            continue
        if last is not None and _continues(last, line, s, blanks, 0 if i in bare else width):
            last.text = _rejoined(last.text, s)
            last.line, last.wrapped_tail = i, len(s)
            if out and out[-1].kind == "blank" and out[-1] is not last:
                out.pop()
            blanks = 0
            continue
        nxt = next((x for x in lines[i + 1 : i + 3] if x.strip()), None)
        new = _classify(line, blanks > 0 or not out, nxt, lines[i + 1] if i + 1 < len(lines) else None)
        blanks = 0
        for e in new:
            e.line, e.wrapped_tail = i, len(s)
            if e.kind == "marker":
                pending_marker = e.marker
                continue
            if pending_marker and e.kind == "text":
                e.kind, e.marker = "bullet", pending_marker
            pending_marker = ""
            out.append(e)
        last = out[-1] if out and out[-1].kind in ("bullet", "text") else None
    return out


# Second halves of hyphenated compounds ("data-driven", "well-versed"): a line that breaks at
# one keeps its hyphen; any other word broken at a line's end ("accred-" "ited") is one word.
_COMPOUND_TAILS = frozenset(
    """based driven level wide time term focused centered centred informed related specific oriented
    making solving up on in out like free friendly long year grade school quality needs income risk
    versed known being building day week month round going led run owned""".split()
)


def _rejoined(text: str, more: str) -> str:
    """A wrapped line joined to the one before it: a word broken across the lines is made whole."""
    if text.endswith("-") and more[:1].islower() and re.search(r"[A-Za-z]-$", text):
        tail = re.match(r"[a-z]+", more)
        if tail and tail.group(0) not in _COMPOUND_TAILS:
            return f"{text[:-1]}{more}"
        return f"{text}{more}"
    return f"{text} {more}"


def _bare_list_lines(lines: list[str]) -> set[int]:
    """Runs of three or more unmarked lines that each start with a capital and none ends in
    punctuation: a list that lost its bullets, not a paragraph wrapped at the page's width."""
    out: set[int] = set()
    run: list[int] = []
    for i, x in enumerate(lines + [""]):
        s = x.strip()
        if (
            s
            and not BULLET.match(x)
            and not _NUMBER_ONLY.match(x)
            and not s.startswith("#")
            and not s.endswith(":")
        ):  # a lead-in ("You have:") opens the run below it
            run.append(i)
            continue
        if (
            len(run) >= 3
            and all(
                lines[j].strip().lstrip("\"“‘'")[:1].isupper() or lines[j].strip()[:1].isdigit() for j in run
            )
            and not any(lines[j].rstrip().endswith(TERMINAL) for j in run)
        ):
            out.update(run)
        run = []
    return out


def _completes(last: Entry, sub: re.Match) -> bool:
    """A more deeply nested bullet in lower case ("including ...") that carries on its parent."""
    text = sub.group("text").strip()
    return (
        len(sub.group("indent").expandtabs()) > last.indent
        and bool(re.match(r"[a-z]", text))
        and not sub.group("mark")[:1].isalnum()
        and sub.group("mark") not in ("o",)
        and not last.text.rstrip().endswith((".", ":", ";", "!", "?"))
        and bool(
            re.match(
                r"(?:including|includ\w+|such as|especially|particularly|notably|with|for example|"
                r"e\.g\.|in particular|both|as well as|and|or)\b",
                text,
            )
        )
    )


def _continues(last: Entry, line: str, s: str, blanks: int, width: int) -> bool:
    if BULLET.match(line) or _NUMBER_ONLY.match(line) or s.startswith("#"):
        return False
    ends_open = (
        not last.text.rstrip().endswith(TERMINAL)
        and not last.text.rstrip().endswith(("”", '"', ")"))
        and not _SPEC_MARKER_END.search(last.text)
    )
    if blanks > 1:
        return False
    if blanks == 1:
        # a page break inside a hyphenated word: "decision-\n\nmaking"
        return bool(re.search(r"\w-$", last.text)) and s[:1].islower()
    if not ends_open:
        return False
    if _CONT_START.match(s):
        return True
    if _DANGLING.search(last.text.rstrip()):
        return True
    if width and last.wrapped_tail >= 0.75 * width:
        # a line wraps because its next word did not fit: when it would have fitted with room to
        # spare, the line ended there by itself (a bare list of lines of similar length)
        first = s.split()[0] if s.split() else ""
        if last.wrapped_tail + 1 + len(first) < 0.85 * width:
            return False
        return not (is_caps(s) or s.endswith(":") and len(_words(s)) <= 8)
    # an indented line under a bullet carries it on
    return last.kind == "bullet" and (len(line) - len(line.lstrip())) > last.indent + 1 and not is_caps(s)
