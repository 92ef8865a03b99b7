"""A posting's text -> its title, organisation and requirement items. Pure, bounded, never raises.

    from careerkit.posting.extract import extract
    posting = extract(text)    # Extracted(title, organization, requirements)

normalise.lines_of (HTML, tables, run-in headings) -> sections.entries_of (headings, fields, bullets,
rejoined PDF lines) -> candidates (one per bullet, row or sentence) -> kept (not pay, boilerplate,
cut-off tails or a purpose statement that a duties list spells out) -> classify + structure.
Measured against the labelled postings by bench/eval_extract.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerkit.posting import classify, sections, structure
from careerkit.posting.normalise import lines_of

MAX_ITEMS = 400
MAX_CANDIDATES = 3000


@dataclass
class Candidate:
    text: str
    section: str | None
    kind: str  # section kind: req | duty | purpose | unknown
    origin: str  # list | prose
    must_hint: str | None  # from the heading or a lead-in
    marker_must: str | None = None
    block: int = 0
    last_in_block: bool = True
    final: bool = False  # the posting's very last words
    lead: str = ""  # a lead-in the item completes ("Ability to:" over "Communicate ...")
    closed: bool = False  # as printed, it ended in punctuation (";" included)
    siblings_closed: float = 0.0  # share of the other items of its list ending in punctuation
    sibling_words: float = 0.0


def extract(text):
    """Read a posting; an empty or unreadable one gives an empty result.

    Nothing is caught here: every step is bounded (lines, candidates, items) and total on any
    string, so an exception is a bug to be seen, not a posting with "no requirements"."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text[:5_000_000]).decode("utf-8", "replace")
    return _extract(text if isinstance(text, str) else "")


def _extract(text: str):
    from careerkit.models.gap import Extracted, Requirement

    lines = lines_of(text)
    entries = sections.entries_of(lines)
    title, org = _title_and_org(entries, "\n".join(lines))
    cands = _candidates(entries)
    cands = _keep(cands, title, org)
    reqs: list[Requirement] = []
    seen: set[str] = set()
    for c in cands:
        key = re.sub(r"[^a-z0-9]+", " ", c.text.lower()).strip()
        if not key or key in seen:
            continue
        seen.add(key)
        reqs.append(_requirement(c))
        if len(reqs) >= MAX_ITEMS:
            break
    return Extracted(title=title, organization=org, requirements=reqs)


# --- entries -> candidate items ---------------------------------------------------------------

# A lead-in that each item below completes: "Ability to:", "Knowledge of:", "Experience in:".
_LEAD_PREFIX = re.compile(
    r"^(?:(?:the|an?|must|should|will)\s+)*(?:have\s+(?:the\s+)?|be\s+)?(?:ability|abilities|able|"
    r"knowledge|skills?|skilled|understanding|proficiency|proficient|familiarity|familiar|"
    r"experience|competence|expertise|working knowledge)(?:\s+[\w-]+){0,2}?\s+"
    r"(?:to|of|in|with|on|at|for)\s*:?\s*$",
    re.I,
)

# A person specification's column header: "Essential  Desirable", "E/D".
_SPEC_HEADER = re.compile(r"\bessential\b.{0,40}\bdesirable\b|\bE\s*/\s*D\b|^\s*criteria\b", re.I)


def _candidates(entries: list[sections.Entry]) -> list[Candidate]:
    out: list[Candidate] = []
    heading: str | None = None
    kind, must = "unknown", None
    lead_must: str | None = None
    lead = ""
    block = 0
    lists: dict[int, list[Candidate]] = {}
    last_line = max((e.line for e in entries if e.kind in ("bullet", "text")), default=-1)
    prev_kind = "blank"
    spec = any(
        _SPEC_HEADER.search(e.text or e.key) for e in entries[:400] if e.kind in ("heading", "text", "meta")
    )
    for e in entries:
        if e.kind == "heading":
            own = sections.heading_kind(e.text)
            # a sub-heading inside a list of requirements or duties ("Student Management") continues it
            inherits = (
                own == "unknown"
                and kind in ("req", "duty")
                and (not sections.is_caps(e.text) or len(e.text.split()) <= 4)
            )
            must = sections.heading_must(e.text) or (must if inherits else None)
            heading, kind = e.text, kind if inherits else own
            lead_must = None
            lead = e.text.strip() if _LEAD_PREFIX.match(e.text.strip()) else ""
            block += 1
        elif e.kind == "meta":
            if not e.text:  # a bare meta key ("Closing date") heads what follows
                heading, kind, must, lead_must, lead = e.key, "drop", None, None, ""
            block += 1
        elif len(out) >= MAX_CANDIDATES:
            break
        elif e.kind == "bullet":
            if prev_kind not in ("bullet", "blank"):
                block += 1
            if classify.is_legend(e.text):
                prev_kind = e.kind
                continue
            text, mmust = classify.strip_markers(classify.unquote(e.text), spec)
            text = _without_trailing_leadin(text, kind)
            if re.fullmatch(r"[ED]\d{1,2}[.:)]?", e.marker):  # criteria numbered E1, E2 ... D1, D2
                mmust = mmust or ("required" if e.marker[0] == "E" else "preferred")
            for part in _parts(text, kind, glued_only=True):
                c = Candidate(
                    part,
                    heading,
                    kind,
                    "list",
                    lead_must or must,
                    mmust,
                    block,
                    final=e.line == last_line,
                    closed=e.text.rstrip().endswith(sections.TERMINAL),
                    lead=lead,
                )
                out.append(c)
                lists.setdefault(block, []).append(c)
        elif e.kind == "text":
            block += 1
            t = e.text.strip()
            if t.endswith(":") and len(t.split()) <= 45 and not classify.is_item_like_leadin(t):
                lead_must = (
                    classify.must_of_text(t, None)
                    if classify.PREF_ANY.search(t)
                    else ("required" if re.search(r"\b(essential|required|must)\b", t, re.I) else None)
                )
                lead = t.rstrip(": ") if _LEAD_PREFIX.match(t) else ""
                prev_kind = e.kind
                continue
            if classify.is_legend(t):
                prev_kind = e.kind
                continue
            text, mmust = classify.strip_markers(classify.unglue(t), spec)
            sentences = classify.split_sentences(text, kind)
            here = kind
            if kind == "duty" and len(sentences) >= 2:
                quals = sum(1 for p in sentences if classify.is_qualification_like(p))
                if quals >= max(2, len(sentences) / 2):
                    here = "req"  # a paragraph of qualifications after the duties, under no heading
            parts = [q for p in sentences for q in _parts(p, here)]
            for j, p in enumerate(parts):
                out.append(
                    Candidate(
                        p,
                        heading,
                        here,
                        "prose",
                        lead_must or must,
                        mmust,
                        block,
                        last_in_block=j == len(parts) - 1,
                        final=e.line == last_line and j == len(parts) - 1,
                    )
                )
        prev_kind = e.kind if e.kind != "blank" else prev_kind if prev_kind == "bullet" else "blank"
    for items in lists.values():
        if len(items) == 1 and items[0].kind == "purpose":
            items[0].origin = "prose"  # "1.1 To provide leadership ...": a numbered purpose statement
        if len(items) < 2:
            continue
        closed = [c.closed for c in items]
        words = [len(c.text.split()) for c in items]
        all_closed, all_words, n = sum(closed), sum(words), len(items) - 1
        for c, cl, w in zip(items, closed, words, strict=True):
            c.siblings_closed = (all_closed - cl) / n
            c.sibling_words = (all_words - w) / n
    return out


def _without_trailing_leadin(text: str, kind: str) -> str:
    """ "Supports the school's goals. The chair will do so by:": the closing sentence introduces
    the bullets after it and is not part of this one's demand."""
    if not text.rstrip().endswith(":"):
        return text
    sentences = classify.split_sentences(text, kind)
    if len(sentences) < 2:
        return text
    return " ".join(sentences[:-1])


def _demand_sentences(text: str, kind: str) -> list[str]:
    """A short bullet of whole sentences that each open with a demand's verb ("Advocate for all
    students. Be knowledgeable of ...") is one item per sentence; else the bullet stays whole."""
    sentences = classify.split_sentences(text, kind)
    if (
        2 <= len(sentences) <= 3
        and len(text.split()) <= 30  # a long numbered paragraph is one duty told in detail
        and all(3 <= len(s.split()) <= 20 and classify.opens_demand(s) for s in sentences)
    ):
        return sentences
    return [text]


def _parts(text: str, kind: str, glued_only: bool = False) -> list[str]:
    """One printed item or sentence -> the demands it holds: glued sentences apart, a boilerplate
    sentence beside a demand dropped, a run-on qualifications line cut at each demand."""
    out: list[str] = []
    pieces = classify.split_glued(text) if glued_only else [text]
    if glued_only:
        pieces = [s for piece in pieces for s in _demand_sentences(piece, kind)]
    for piece in pieces:
        piece = classify.unquote(classify.drop_boilerplate_sentences(piece))
        if kind not in ("req", "unknown", "purpose"):
            out.append(piece)
            continue
        for sentence in classify.split_by_must(piece) if glued_only else [piece]:
            out.extend(classify.split_demands(sentence))
    return [p for p in out if p] or [text]


def _keep(cands: list[Candidate], title: str | None, org: str | None = None) -> list[Candidate]:
    names = {re.sub(r"[^a-z0-9]+", " ", (n or "").lower()).strip() for n in (title, org)} - {""}
    # a paragraph of duty sentences under no heading ("Lead inclusion ... . Support ... .")
    duty_sentences: dict[int, int] = {}
    for c in cands:
        if c.kind == "unknown" and c.origin == "prose" and classify.is_duty_sentence(c.text):
            duty_sentences[c.block] = duty_sentences.get(c.block, 0) + 1
    kept = []
    for c in cands:
        if c.kind == "drop":
            continue
        if c.final and classify.looks_cut(c, cands):
            continue
        summary_duty = duty_sentences.get(c.block, 0) >= 2 and classify.is_duty_sentence(c.text)
        if classify.not_a_requirement(c.text, c.kind, c.origin) and not summary_duty:
            continue
        if re.sub(r"[^a-z0-9]+", " ", c.text.lower()).strip() in names:
            continue
        kept.append(c)
    # a list in the purpose's own section, or any duties section (one naming whom the role
    # supervises is about the reporting line, not the duties)
    duty_list = any(
        (c.origin == "list" and c.kind in ("duty", "purpose"))
        or (c.kind == "duty" and not re.search(r"supervis", c.section or "", re.I))
        for c in kept
    )
    if duty_list:
        # a purpose statement gives way to the list of duties that spells it out
        # (a sentence there that asks for a degree, years or a skill still counts)
        kept = [
            c
            for c in kept
            if not (
                c.origin == "prose"
                and (
                    (
                        c.kind == "purpose"
                        and (
                            classify.is_purpose_like(c.text)
                            or classify.type_of(c.text, c.kind, c.origin) == "responsibility"
                        )
                    )
                    or (c.kind == "unknown" and classify.is_purpose_like(c.text))
                )
            )
        ]
    return kept


def _requirement(c: Candidate):
    from careerkit.models.gap import Requirement

    text = c.text
    rtype = classify.type_of(f"{c.lead} {text[:1].lower()}{text[1:]}" if c.lead else text, c.kind, c.origin)
    must = c.marker_must or classify.must_of_text(text, c.must_hint)
    if rtype == "responsibility" and c.kind in ("duty", "purpose"):
        must = c.marker_must or "required" if c.must_hint != "preferred" else must
    req = Requirement.model_validate({"text": text, "section": c.section, "must": must, "type": rtype})
    years = structure.years_of(text)
    if years is not None and rtype in ("experience", "credential", "education", "skill"):
        req.years = years
        at = structure.YEARS.search(text)
        req.experience_category = structure.category_of(text, at.start() if at else 0)
    elif rtype == "experience":
        req.experience_category = structure.category_of(text)
    if rtype in ("education", "credential", "experience"):
        req.degree_level = structure.degree_level_of(text) if classify.EDU.search(text) else None
        if req.degree_level:
            req.degree_fields = structure.degree_fields_of(text)
            req.or_related = structure.or_related(text)
    if rtype in ("credential", "education", "experience"):
        req.credential_terms = (
            structure.credential_terms_of(text) if rtype == "credential" or classify.CRED.search(text) else []
        )
    req.jurisdiction = (
        structure.jurisdiction_of(text)
        if rtype in ("credential", "education", "experience") or classify.CRED.search(text)
        else None
    )
    return req


# --- title and organisation -------------------------------------------------------------------

_GENERIC_TITLE = re.compile(
    r"^(job|position|role|vacancy|class|employment|vacancy)\s+(description|details|posting|profile|"
    r"specification|announcement|advertisement|advert|notice|opening|opportunity|vacancy)$|"
    r"^person specification$|^job description$|^notice of (?:vacancy|position)$|"
    r"^(?:now hiring|we are hiring|career opportunity|vacancy)$",
    re.I,
)
_ORG = re.compile(
    r"\b((?:[A-Z][\w'’.&-]*[ \t]+){0,5}?(?:[A-Z][\w'’.&-]*[ \t]+)"
    r"(?:Public Schools|County Schools|City Schools|Independent School District|Unified School District|"
    r"School District|Schools|School|Academy|Trust|College|University|ISD|USD|Board of Education|"
    r"School Board|Federation|Department of Education)(?:[ \t]+(?:Trust|Federation|District|Schools))?"
    r"(?:[ \t]+of[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})?"
    r"(?:\s+No\.\s*\d+)?)\b"
)
_ORG_OF = re.compile(
    r"\b((?:The[ \t]+)?(?:School Board|Board of Education|Department of Education)[ \t]+of[ \t]+"
    r"(?:[A-Z][\w'’.-]*[ \t]*){1,4})",
    re.I,
)
_ORG_GENERIC = {
    "elementary",
    "middle",
    "high",
    "primary",
    "secondary",
    "special",
    "public",
    "the",
    "state",
    "local",
    "a",
    "an",
    "our",
    "this",
    "k-12",
    "junior",
    "senior",
    "grammar",
    "independent",
    "charter",
    "district",
    "elementary school",
    "each",
    "every",
    "all",
    "upper",
    "lower",
    "infant",
    "nursery",
    "prep",
    "sixth",
    "form",
    "lower school",
    "upper school",
}


def _title_and_org(entries: list[sections.Entry], text: str) -> tuple[str | None, str | None]:
    title = org = None
    titles: dict[str, str] = {}
    for i, e in enumerate(entries[:80]):
        if e.kind == "meta":
            val = _meta_value(e, entries, i)
            if not val:
                continue
            key = " ".join(e.key.split())
            if key in sections.TITLE_KEYS:
                titles.setdefault(key, val)
            if org is None and key in sections.ORG_KEYS:
                org = val
    strong = [k for k in sections.TITLE_KEYS if k not in ("job role", "role")]
    title = next((titles[k] for k in strong if k in titles), None)
    if title is None:  # a page's one top heading ("# Head of Mathematics")
        h1 = re.search(r"^# +(\S[^\n]{0,150})$", text[:20_000], re.M)
        title = h1.group(1).strip("*_ ") if h1 else None
    if org is None:
        org = _find_org(text[:20_000])
    if title is None:
        title = _first_line_title(entries, org)
    if title is None:
        title = titles.get("job role") or titles.get("role")
    return _tidy(title), _tidy(org)


def _meta_value(e: sections.Entry, entries: list[sections.Entry], i: int) -> str | None:
    val = e.text
    if not val:  # the value sits on the next line ("Job role" / "Deputy head")
        nxt = next((x for x in entries[i + 1 : i + 3] if x.kind in ("text", "bullet")), None)
        val = nxt.text if nxt and len(nxt.text.split()) <= 10 else ""
    # "Department Chairperson Salary Grade: Stipend ..." - cut at the next run-on key
    for m in _RUN_ON_KEY.finditer(val):
        words = m.group(1).split()
        hit = next((k for k in range(len(words)) if sections.meta_key(" ".join(words[k:]))), None)
        if hit is not None:
            val = val[: m.start()] + (" " + " ".join(words[:hit]) if hit else "")
            break
    val = re.split(r"\s{2,}", val)[0]
    return val.strip(" -–:") or None


_ROLE_WORD = re.compile(
    r"\b(?:director|principal|teacher|head(?:teacher)?|coach|co-?ordinator|dean|assistant|"
    r"lead|leader|manager|officer|specialist|superintendent|senco|chair(?:person)?|deputy|"
    r"counsel(?:l)?or|instructor|lecturer|administrator|supervisor|vice)\b",
    re.I,
)


_RUN_ON_KEY = re.compile(r"\s((?:[A-Za-z/#]+\s){0,2}[A-Za-z/#]+):\s")


def _first_line_title(entries: list[sections.Entry], org: str | None = None) -> str | None:
    first = next((e for e in entries if e.kind != "blank"), None)
    after_meta = False
    org_key = re.sub(r"[^a-z0-9]+", " ", (org or "").lower()).strip()
    for e in entries[:7]:
        if (
            org_key
            and e.kind in ("heading", "text")
            and re.sub(r"[^a-z0-9]+", " ", e.text.replace("**", "").lower()).strip() == org_key
        ):
            if e is first:
                first = None
            continue  # a letterhead: the employer's name above the job's
        if e.kind == "blank":
            continue
        if e.kind == "meta":
            after_meta = not e.text  # the next line is this field's value, not a title
            continue
        if after_meta:
            return None
        if e.kind == "bullet":
            return None
        t = e.text.strip()
        if t.startswith("(") and t.endswith(")"):
            t = t[1:-1].strip()
        m = re.match(
            r"^(?:job description|position description|person specification|job title|"
            r"vacancy)\s*[:\-–]\s*(.+)$",
            t,
            re.I,
        )
        if m:
            return m.group(1)
        if e.kind == "heading" and re.match(
            r"^(?:job description|position description|person specification|"
            r"job title|vacancy|role)$",
            t,
            re.I,
        ):
            nxt = entries[entries.index(e) + 1] if entries.index(e) + 1 < len(entries) else None
            if nxt is not None and nxt.kind == "text" and len(nxt.text.split()) <= 10:
                return nxt.text
            continue
        if (
            e.kind == "heading"
            and sections.heading_kind(t) in ("req", "duty", "purpose", "drop")
            and not (e is first and _ROLE_WORD.search(t))
        ):
            return None
        if _GENERIC_TITLE.match(t):
            continue
        if len(t.split()) <= 12 and not t.endswith("."):
            if not _ROLE_WORD.search(t) and classify.SIGNAL.search(t):
                return None  # a paste that starts with a requirement, not with the job's name
            return t
        return None
    return None


def _find_org(text: str) -> str | None:
    """An employer's name where the text names it: a line of its own, or the subject of a sentence."""
    for line in text.split("\n")[:200]:
        line = line.replace("**", "").replace("__", "").strip().lstrip("#").strip()
        if not line or len(line) > 3000 or sections.BULLET.match(line):
            continue
        if sections.is_caps(line) and len(line.split()) <= 10:
            line = _title_case(line)  # "NORTHGATE COUNTY PUBLIC SCHOOLS" on a letterhead
        for rx in (_ORG_OF, _ORG):
            for m in rx.finditer(line):
                name = re.sub(r"^(?:(?:Valid|Current|Join|Welcome to|At|AT)\s+)+", "", m.group(1).strip())
                name = re.sub(r"\s+CLASS DESCRIPTION$", "", name)
                words = name.split()
                if len(words) < 2 or all(
                    w.lower() in _ORG_GENERIC
                    or w.lower() in ("school", "schools", "academy", "college", "trust")
                    for w in words
                ):
                    continue
                if re.search(
                    r"\b(?:Principal|Teacher|Coach|Director|Head|Assistant|Position|Job|Building|"
                    r"Certification|Certificate|Degree)\b",
                    name,
                ):
                    continue
                before, after = line[: m.start()], line[m.end() :]
                alone = len(words) >= 0.6 * len(line.split())
                subject = (
                    re.match(
                        r"\s*(?:is|are|has|have|was|seeks|invites|serves|prides|anticipates|welcomes|"
                        r"offers)\b",
                        after,
                    )
                    and not before.strip()
                )
                named = re.search(r"(?:\bat|\bjoin|\bwith|\bfor|\bto|[-–—|,])\s*$", before)
                # "Kingsmere School · Permanent · Full time", "Georgetown ISD - Georgetown, TX":
                # a name heading a line of job facts
                listed = not before.strip() and re.match(r"\s*[·•|–—-]\s", after)
                if alone or subject or named or listed:
                    return name
    return None


def _title_case(line: str) -> str:
    small = {"of", "and", "the", "for", "in", "at", "on", "no"}
    words = line.lower().split()
    return " ".join(
        w if i and w in small else (w.upper() if w in ("isd", "usd") else w[:1].upper() + w[1:])
        for i, w in enumerate(words)
    )


def _tidy(s: str | None) -> str | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s).strip(" :-–")
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    return s[:200] or None
