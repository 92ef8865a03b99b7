"""Rules that judge one candidate item: is it a requirement, required or preferred, which type."""

from __future__ import annotations

import re

from careerkit.posting import vocabulary as V


class _Gated:
    """A slow alternation behind a cheap test: every match contains one of `keys` (lower case)."""

    def __init__(self, rx: re.Pattern, keys: str) -> None:
        self.rx, self.keys = rx, keys.split("|")

    def search(self, text: str):
        low = text.lower()
        for k in self.keys:
            if k in low:
                return self.rx.search(text)
        return None


# --- person-specification markers --------------------------------------------------------------

_EVIDENCE = (
    r"(?:AF|AI|AFI|AR|IR|IO|A|I|R|T|O|L|P|S|C|App(?:lication)?|Interview|Ref(?:erences?)?|Letter|Task|"
    r"Observation|Lesson|Presentation|Form|✓|✔|√|x|X)"
)
_MARKERS = re.compile(
    r"(?:(?:\s*[/|]\s*|\s+[-–—]\s+|\s+)\(?(?P<m>E|D|Essential|Desirable|Preferred|Required)\)?"
    r"(?:\s*[/|,]?\s*" + _EVIDENCE + r")*\.?\s*"
    r"|\s*[/|]\s*" + _EVIDENCE + r"(?:\s*[/|,]\s*" + _EVIDENCE + r")*\s*)+$"
)
_BULLET_TAIL = re.compile(r"\s*[;,](?:\s*(?:and|or))?\s*$", re.I)


def strip_markers(text: str, spec: bool = False) -> tuple[str, str | None]:
    """Drop trailing person-spec markers ("/ E / AI", "E D") and list glue (";", "; and").

    `spec`: the posting is a person specification (it names Essential and Desirable columns), so
    a lone trailing "E" or "D" is a column mark too."""
    must = None
    t = text.rstrip()
    if len(t.split()) >= 2:
        m = _MARKERS.search(t)
        if m and m.start() > 0 and (spec or _plausible_marker(t, m)):
            found = re.findall(
                r"(?<![A-Za-z])(E|D|Essential|Desirable|Preferred|Required)(?![A-Za-z])", m.group(0)
            )
            if found:
                must = "preferred" if found[0] in ("D", "Desirable", "Preferred") else "required"
            t = t[: m.start()].rstrip(" /|-–—")
    t = _BULLET_TAIL.sub("", t).strip()
    return t, must


def _plausible_marker(t: str, m: re.Match) -> bool:
    tail = m.group(0)
    # a bare trailing capital ("Key Stage D", "vitamin D") is only a marker after a slash or when
    # it is one of several column letters
    if "/" in tail or "|" in tail:
        return True
    letters = re.findall(r"\S+", tail)
    if len(letters) >= 2:
        return True
    return (
        bool(re.search(r"\b(?:Essential|Desirable)\b", tail))
        or bool(re.search(r"[.;)]\s+[ED]$", t))
        or bool(re.search(r"\s\(\s*[ED]\s*\)$", t))
    )


# --- required or preferred ---------------------------------------------------------------------

PREF_ANY = _Gated(
    re.compile(
        r"\b(?:is|are|would be|will be|being|be)\s+(?:highly\s+|strongly\s+|also\s+)?(?:preferred|desired|desirable|"
        r"an? (?:advantage|plus|asset|bonus)|advantageous|beneficial|helpful|welcome[d]?)\b|"
        r"\bideal candidate\b|^\s*(?:ideally|preferably|preferred|desirable|desired|nice to have|bonus)\b|"
        r"\((?:preferred|desirable|desired|optional)\)|"
        r"\b(?:preferred|desired|desirable|a plus|an advantage|an asset|advantageous)\s*[.;!)]*\s*$|"
        r"\b(?:preferred|desired|desirable|a plus|an advantage|an asset)\s*(?:[,;]|but\b)|"
        r"\bpriority (?:will|shall|may|is) (?:be )?given\b|\b(?:given|receive) priority\b|\bpriority consideration\b",
        re.I,
    ),
    "prefer|desir|advantage|plus|asset|bonus|beneficial|helpful|welcome|ideal|nice to have|optional|priority",
)
_STRICT_REQUIRED = re.compile(r"\b(?:required|must|mandatory|shall)\b", re.I)
_REQUIRED = re.compile(r"\b(?:required|must|minimum|mandatory|essential|at least|shall|necessary)\b", re.I)


def _in_brackets(text: str, at: int) -> bool:
    """Inside a bracket that opens after some words of the item ("... (Ed.S. preferred)")."""
    opened = text.rfind("(", 0, at)
    return opened > 0 and text.rfind(")", 0, at) < opened and bool(text[:opened].strip())


def must_of_text(text: str, hint: str | None) -> str:
    """preferred when the item says so before any word that says it is required."""
    pref = PREF_ANY.search(text)
    if pref and pref.start() > 0 and _in_brackets(text, pref.start()):
        # "Master's degree (Ed.S. preferred)": the preference is the bracket's, not the item's
        pref = PREF_ANY.search(re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text))
    req = _REQUIRED.search(text)
    if pref and (not req or pref.start() < req.start()):
        return "preferred"
    # "Minimum one year ... preferred": a quantity is not a demand; only "required" or "must" is
    before = text[: pref.start()] if pref else ""
    if pref and not _STRICT_REQUIRED.search(before) and not re.search(r"[.!?]\s+[A-Z]", before):
        return "preferred"
    if req and re.search(r"\brequired\b|\bmust\b|\bmandatory\b", text, re.I):
        return "required"
    return hint or "required"


# --- sentences ---------------------------------------------------------------------------------

_ABBREV = {
    "e.g",
    "i.e",
    "etc",
    "u.s",
    "u.k",
    "dr",
    "mr",
    "mrs",
    "ms",
    "no",
    "st",
    "vs",
    "approx",
    "incl",
    "inc",
    "ltd",
    "co",
    "jr",
    "sr",
    "ft",
    "mt",
    "dept",
    "gov",
    "a.m",
    "p.m",
    "m.ed",
    "ph.d",
    "ed.d",
    "ed.s",
    "b.a",
    "m.a",
    "b.s",
    "m.s",
    "b.ed",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "min",
    "max",
    "yr",
    "yrs",
    "hrs",
    "esp",
    "fig",
    "cf",
    "al",
    "assoc",
    "univ",
    "govt",
}
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str, kind: str) -> list[str]:
    """A paragraph -> one item per sentence; a run of short ';' phrases -> one per phrase."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start() + 1]
        word = re.search(r"([A-Za-z.]+)\.$", before)
        if word and (
            word.group(1).lower().rstrip(".") in _ABBREV
            or len(word.group(1)) == 1
            or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word.group(1))
        ):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    out = [s for s in out if s]
    final: list[str] = []
    for s in out:
        parts = [p.strip() for p in s.split(";")]
        # a run of phrases: three or more, or two short ones ("MEd; state licence"); two long
        # halves are one sentence's two clauses ("must hold a BA; an MA would be an advantage")
        short = 14 if len(parts) >= 3 else 8
        if len(parts) >= 2 and kind in ("req", "unknown") and all(0 < len(p.split()) <= short for p in parts):
            final.extend(p for p in parts if p)
        else:
            final.append(s)
    return final[:200]


def is_item_like_leadin(text: str) -> bool:
    """A line ending in ':' that is still an item ("... school goals by:")."""
    return (
        bool(re.search(r"\b(?:by|including|such as|through|to)\s*:$", text, re.I)) and len(text.split()) > 10
    )


# --- cut-off postings --------------------------------------------------------------------------

_FUNCTION_END = re.compile(
    r"\b(?:a|an|the|and|or|of|to|in|for|with|on|at|by|as|from|that|which|is|are|be|"
    r"including|such|this|their|its|our|your|his|her|will|who|into|than|both)$",
    re.I,
)


def looks_cut(c, cands) -> bool:
    """The posting's last item stops mid-sentence (a copy cut off at a length limit)."""
    t = c.text.rstrip()
    if not t or t.endswith((".", "!", "?", ";", ":", ")", "”", '"', "’")):
        return False
    words = t.split()
    last = re.sub(r"[^A-Za-z]", "", words[-1])
    if _FUNCTION_END.search(t) or (len(last) == 1 and last.islower()):
        return True
    # a line of its own, complete as it stands; not a list of phrases whose last one lacks its "and"
    alone = sum(1 for x in cands if x.block == c.block) == 1 and not (
        t.count(",") >= 2 and not re.search(r",\s*(?:and|or)\b[^,]*$", t)
    )
    if (
        c.origin == "prose"
        and not (alone and len(words) <= 25)
        and (len(t) > 80 or not c.last_in_block or len(words) > 12)
    ):
        return True  # a paragraph's last sentence with no full stop: the copy ended mid-sentence
    if c.origin == "list":
        if c.siblings_closed >= 0.6:
            return True
        if c.sibling_words >= 5 and len(words) <= 2:
            return True
    if not (len(last) <= 3 or last[-1] in "iu"):
        return False  # "education" is a word even if the text says only "educational" elsewhere
    body = " ".join(x.text for x in cands if x is not c).lower()
    # "instructi" where the text elsewhere says "instructional"
    return bool(
        last
        and len(last) >= 2
        and not re.search(r"\b" + re.escape(last.lower()) + r"\b", body)
        and re.search(r"\b" + re.escape(last.lower()) + r"[a-z]{2,}", body)
    )


# --- not requirements --------------------------------------------------------------------------

_PAY = _Gated(
    re.compile(
        r"\bsalar(?:y|ies)\b|\bpay (?:scale|range|grade|band|rate)|\bper annum\b|\bstipend\b|\bcompensation\b|"
        r"\bbenefits? (?:package|include|shall)|\bhealth insurance\b|\bpension\b|\bretirement (?:system|plan)\b|"
        r"[$£€]\s?\d|\bhourly rate\b|\bwages?\b|\bFICA\b|\bdeduction\b|\bpaid (?:according|at|on)\b|"
        r"\bpay scale\b|\bleadership (?:pay|spine)\b|\bL\d{1,2}\s*[-–]\s*L?\d{1,2}\b",
        re.I,
    ),
    "salar|pay|per annum|stipend|compensation|benefit|insurance|pension|retirement|$|£|€|hourly|wage|fica|deduction|paid|spine|l1|l2|l3|l4|l5|l6|l7|l8|l9",
)
_SCHEDULE = _Gated(
    re.compile(
        r"\bwork(?:ing)? (?:year|days|hours|pattern|week|calendar)\b|\bhours (?:of employment|per week|per day|"
        r"a week|/month|per month)|\bfull[- ]time\b|\bpart[- ]time\b|\bterm[- ]time\b|\bfixed[- ]term\b|"
        r"\bpermanent (?:contract|post|position|role)\b|\bcontract (?:type|length)\b|\b\d{3}[- ]days?\b|"
        r"\bstart date\b|\bstarting (?:in|on|from) (?:january|february|march|april|may|june|july|august|"
        r"september|october|november|december|\d)|\bmonths? (?:contract|position)\b|\bschool year calendar\b",
        re.I,
    ),
    "work|hours|time|term|permanent|contract|day|start|month|calendar",
)
_EEO = _Gated(
    re.compile(
        r"equal (?:employment )?opportunit|does not discriminate|\bdiscriminat\w+ (?:on|against|based)|"
        r"without regard to|regardless of (?:race|age|gender|sex|religion|color|colour)|reasonable accommodation|"
        r"background (?:check|investigation|screening)|criminal (?:history|record|background)|fingerprint|"
        r"drug[- ](?:test|screen|free)|\bDBS\b|disclosure and barring|e-verify|proof of (?:u\.?s\.? )?citizenship|"
        r"legal(?:ly)? (?:resident|authori[sz]ed|eligible) to work|right to work|work permit|"
        r"visas? (?:sponsor|cannot|can not|are not)|welfare of children and young people and expects|"
        r"safeguarding and promoting the welfare|share (?:this|that) commitment|affirmative action|"
        r"protected (?:class|veteran)|\bAmericans with Disabilities\b|\bTitle IX\b|\bveteran status\b|"
        r"sexual orientation|gender identit|marital status|national origin|pre-employment (?:check|screen)|"
        r"safer recruitment (?:practice|procedures|policy)|alternatives to the above|such alternatives|"
        r"as the board may (?:find|deem)|other (?:duties|tasks) as (?:may be )?assigned|"
        r"\bcheck(?:s)? (?:will be|are) (?:carried out|undertaken|required)|working with children check|"
        r"\bnot (?:intended|meant) to be (?:an? )?(?:exhaustive|all[- ]inclusive|complete)\b|"
        r"\b(?:is |are |will be )?subject to (?:a |an |the )?(?:satisfactory |successful |enhanced |clear |full )?"
        r"(?:[\w-]+ ){0,4}(?:checks?|clearance|screening|vetting)\b",
        re.I,
    ),
    "opportunit|discriminat|regard|alternative|subject to|exhaustive|inclusive|complete|board may|as assigned|as may be assigned|accommodation|background|criminal|fingerprint|drug|dbs|disclosure|verify|citizenship|legal|right to work|permit|visa|welfare|commitment|affirmative|protected|disabilities|title ix|veteran|orientation|identit|marital|origin|pre-employment|safer recruitment|check",
)
_APPLY = _Gated(
    re.compile(
        r"\bto apply\b|\bapply (?:online|now|by|via|at|through|on|before|in writing|today)\b|"
        r"\bapplications? (?:must|should|will|are|can|close|form|pack|packet|deadline|received|submitted|"
        r"closing)\b|\b(?:the|our) application process\b|\bsubmit (?:a |an |your |the )?(?:resume|cv|c\.v\.|cover letter|letter|"
        r"application|portfolio|references|transcripts?)\b|\bclosing date\b|\bdeadline\b|"
        r"\binterviews? (?:will|are|to be|date)\b|\bshortlisting\b|\bshort-?listed\b|\breferences will\b|"
        r"\bfor (?:more|further) (?:information|details)\b|\bplease (?:contact|visit|send|email|call|note|submit|"
        r"apply|complete|attach|upload|include|click)\b|\bvisit (?:our|the) (?:website|site|page)\b|\bclick\b|"
        r"\bwe encourage (?:applications|you to apply)\b|\bcookies?\b|\bletters? of (?:reference|recommendation)\b|"
        r"\b(?:official )?transcripts?\b|\b(?:resume|résumé|cover letter|curriculum vitae)\b|"
        r"\breferences? (?:are |is )?(?:required|from|will be)\b|\bcandidates are (?:encouraged|invited) to\b|"
        r"\bwill be (?:interviewed|contacted|notified|invited|assigned|placed)\b|\bvisits? to the school\b|"
        r"\bwelcome(?:s|d)? (?:visits|applications)\b|\binvit\w* (?:you|applicants|candidates|applications|"
        r"interested)\b|\bbefore applying\b|\barrange an? (?:visit|tour)\b|\b(?:visits?|tours?) (?:are|is) "
        r"(?:\w+ )?(?:welcome|encouraged)|\blook forward to (?:welcoming|hearing|receiving|meeting)\b|\bapplicants? (?:must|should|are required to) (?:submit|complete|"
        r"upload|include|provide (?:a|an|three|two|the names))",
        re.I,
    ),
    "apply|application|submit|cookie|letter|transcript|resume|résumé|curriculum vitae|reference|closing|deadline|interview|shortlist|short-list|shortlisted|references|information|details|please|visit|click|encourage|candidates are|will be|welcome|applicant|invit|applying|tour|look forward",
)
_PROCESS = _Gated(
    re.compile(
        r"\bopenings?\b|\bvacanc(?:y|ies)\b|\bthis (?:posting|advert|advertisement|listing|job posting)\b|"
        r"\b(?:pool|list) of (?:qualified )?(?:applicants|candidates)\b|\bapplicant pool\b|\beligibility list\b|"
        r"\bposition (?:is|will be) (?:open|posted|advertised|available)\b|\bposted until\b",
        re.I,
    ),
    "opening|vacanc|this|pool|list|eligibility|position|posted",
)
_REPORTING = re.compile(
    r"\breports? (?:directly )?to\b|\breporting (?:directly )?to\b|\baccountable to\b|"
    r"\bevaluated by\b|\bFLSA\b|\bline managed by\b|\bline manager\s*:",
    re.I,
)


def _reporting_line(t: str) -> bool:
    """'Reports to the principal' names the line manager; 'analysing data and reporting to the
    leadership team', or 'the monthly report to the district' far into a duty, is work the role
    does."""
    m = _REPORTING.search(t)
    if m is None:
        return False
    before = t[: m.start()]
    noun = re.search(
        r"\b(?:the|a|an|its|their|monthly|annual|weekly|quarterly|daily|termly|yearly|final|written|"
        r"regular|progress|data|achievement|state)\s*$",
        before,
        re.I,
    )  # "the monthly report to the district" is a thing the role writes
    return not noun and not re.search(r"(?:\band|\bor|,)\s*$", before)


# Words that open a demand, so the sentence is not a description of the employer or the schedule.
_REQ_START = re.compile(
    r"^(?:experience|ability|able|knowledge|must|minimum|at least|demonstrated|proven|successful|"
    r"strong|excellent|understanding|skill|valid|current|hold|possess|master|bachelor|degree|"
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.I,
)
_EMPLOYER = re.compile(
    r"^(?:our|at [A-Z][\w'’ ]{0,40},)\b|^we (?:are|were|have|offer|provide|pride|believe|value|serve|strive|"
    r"can offer|will offer|welcome)\b(?! (?:seeking|looking))|\bwe (?:can )?offer\b|"
    r"^(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){0,6}(?:School District|District|School|Schools|Academy|Trust|College|"
    r"University|Board|County|Federation|Foundation|Company|Partnership|ISD|Group)\s+"
    r"(?:is|are|has|have|was|serves|prides|anticipates|offers|provides|believes|strives|values|prioriti[sz]es|"
    r"employs|educates|enrolls|consists|comprises|became|opened|welcomes)\b|"
    r"\bis (?:a|an) (?:[\w–-]+\s+){0,3}(?:school|academy|district|trust|college|community|comprehensive|"
    r"federation|multi-academy trust)\b(?! leader)|"
    r"\b(?:is|are) (?:dedicated|committed|proud) to\b|\bwith (?:approximately |around |over |nearly )?\d[\d,]* "
    r"(?:students|pupils|learners|staff|employees)\b|\b(?:was|were|has been|have been|is) (?:rated|judged|graded)\b|"
    r"\bofsted\b",
    re.I,
)
_CANDIDATE = re.compile(
    r"\b(?:seeking|looking for|candidates?|applicants?|someone|individual who|"
    r"the successful|the ideal|post ?holder)\b",
    re.I,
)
# A sentence announcing the list below it ("The skills which follow are essential").
_LEADIN = re.compile(
    r"\b(?:which|that) follows?\b|\bthe following\b|\b(?:listed|set out|detailed|outlined) "
    r"below\b|\bas follows\b|\bbelow are\b",
    re.I,
)
# What a PDF copy carries from its page headers and footers.
_PAGE_ARTEFACT = re.compile(
    r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|(?:revised|approved|adopted|"
    r"updated|reviewed|board approved|last revised|effective)\b[^.]{0,40}\d{2,4}|"
    r"(?:job|position) description\b.{0,40}\bpage\s*\d+.*)\.?$",
    re.I,
)
_HEADER_CELL = re.compile(
    r"^(?:criteria|essential|desirable|essential\s*/\s*desirable|e\s*/\s*d|how (?:assessed|"
    r"identified|evidenced)|method of assessment|(?:source of )?evidence|assessed by|"
    r"(?:stage )?identified (?:by|at)|category|area)[\s/:]*$",
    re.I,
)
_DATEISH = _Gated(
    re.compile(
        r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
        r"december)\s+\d{4}\b|\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|"
        r"september|october|november|december)\b",
        re.I,
    ),
    "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
)
SIGNAL = re.compile(
    r"\b(?:must|should|shall|required?|requires|requirement|essential|desirable|preferred|ideal(?:ly)?|"
    r"experience[ds]?|years?|hold|possess|valid|degree|certif\w*|licen[cs]\w*|endorse\w*|qualifi\w*|abilit\w*|able to|skill\w*|"
    r"knowledge|understanding|expertise|seeking|looking for|candidates?|applicants?|you will|you'll|"
    r"you have|you are|responsib\w*|the role|this role|post ?holder|expected to|will (?:\w+ly\s+)?(?:lead|support|work|"
    r"oversee|manage|develop|serve|be|play|ensure|provide|coordinate|supervise|collaborate|assist|create|"
    r"design|implement|plan|monitor|evaluate|champion|drive|build))\b",
    re.I,
)
ACRONYM_ITEM = re.compile(
    r"\b(?:QTS|QTLS|NPQH|NPQSL|PGCE|SENCO|NASENCO|DSL|CPR|BA|BS|MA|MS|MEd|M\.Ed|"
    r"PhD|EdD|EdS|TESOL|ESOL|CELTA)\b"
)


def not_a_requirement(text: str, kind: str, origin: str) -> bool:
    t = text.strip()
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", t)
    if len(words) < 2 and not ACRONYM_ITEM.search(t) and not CRED.search(t) and not EDU.search(t):
        return True
    if re.match(r"^[\"“‘]", t) and re.search(r"[\"”’]", t[1:]):
        return True  # a quotation
    if _PAY.search(t) or _EEO.search(t) or _APPLY.search(t) or _reporting_line(t):
        return True
    if _SCHEDULE.search(t) and len(words) <= 25 and not _REQ_START.match(t) and not EXP.search(t):
        return True
    if _PROCESS.search(t):
        return True
    if _SEEKING.match(t) and not re.search(r"\b(?:with|who|that|having)\b", t, re.I):
        return True  # "Maple ISD is seeking a reading interventionist for 2025-26": an announcement
    if _EMPLOYER.search(t) and not _CANDIDATE.search(t) and not _REQ_START.match(t):
        return True
    if _PAGE_ARTEFACT.match(t):
        return True
    if (_LEADIN.search(t) and not re.search(r":\s*\S", t)) or _HEADER_CELL.match(t):
        return True
    if _DATEISH.search(t) and len(words) <= 12 and not SIGNAL.search(t):
        return True
    if (
        origin == "prose"
        and kind == "unknown"
        and not SIGNAL.search(t)
        and not _PURPOSE_LIKE.search(t)
        and not _summary_duty(t, words)
    ):
        return True
    return bool(
        origin == "prose"
        and len(words) <= 3
        and not t.endswith(".")
        and kind in ("unknown", "purpose")
        and not (CRED.search(t) or EDU.search(t) or EXP.search(t))
    )


def is_qualification_like(t: str) -> bool:
    """A sentence that asks for a degree, a licence, years or a must ("Bachelor's degree required.")."""
    return bool(
        EDU.search(t)
        or CRED.search(t)
        or _DUTY_QUAL.match(t)
        or re.match(r"(?:\w+\s+){0,4}(?:must|should)\s+(?:have|hold|be|possess)\b", t, re.I)
    )


def is_duty_sentence(t: str) -> bool:
    """A sentence that opens with a duty's verb ("Lead ...", "Supports ..."), not boilerplate."""
    return (
        len(t.split()) >= 4
        and bool(_DUTY_VERB.match(t))
        and not is_boilerplate(t)
        and not _EMPLOYER.search(t)
    )


def _summary_duty(t: str, words: list[str]) -> bool:
    """ "Models lessons in classrooms ...": a duty sentence of an unheaded summary (a verb in the
    third person opens it)."""
    first = words[0] if words else ""
    return len(words) >= 4 and first.endswith("s") and first[:1].isupper() and bool(_DUTY_VERB.match(t))


_SEEKING = re.compile(
    r"^(?:[\w'’.&-]+\s+){1,7}(?:is|are) (?:currently |now )?(?:seeking|looking for|hiring|recruiting|"
    r"searching for)\b",
    re.I,
)
_PURPOSE_LIKE = re.compile(
    r"^to [a-z]+\b|\b(?:is|are) (?:currently )?(?:seeking|looking for|hiring)\b|^the (?!(?:ideal |successful |right )?(?:candidate|applicant|person|individual|post ?holder)s?\b)(?:[\w-]+\s+){1,5}(?:will|is responsible|provides|assists|supports|"
    r"serves|leads|is tasked)\b|^(?:this|the) (?:role|position|post)\b",
    re.I,
)


def is_purpose_like(text: str) -> bool:
    return bool(_PURPOSE_LIKE.search(text))


# --- type --------------------------------------------------------------------------------------

EDU = _Gated(
    re.compile(
        r"\bdegree\b(?!\s+of\b)|\bbachelor|\bmasters?\b|\bmaster(?:'s|’s)|\bdoctor(?:ate|al)\b|\bph\.?\s?d\b|"
        r"\bed\.?\s?d\b\.?|\bed\.\s?s\b|\bm\.\s?ed\b|\bb\.\s?ed\b|\bmba\b|\bdiploma\b|\bgraduate of\b|"
        r"\bhigh school (?:education|graduate)\b|\bGED\b|\bpost-?graduate (?:study|qualification)|"
        r"\bundergraduate\b|\b(?:university|college) graduate\b|\bdegree[- ]educated\b|\bspecialist(?:'s|’s)? degree|\bhonours\b|\bA[- ]levels?\b(?= or)",
        re.I,
    ),
    "degree|bachelor|master|doctor|ph|ed|mba|diploma|graduate|high school|ged|honours|level",
)
CRED = _Gated(
    re.compile(
        r"\bcertif(?:icate|ication|ied)s?\b|\blicen[cs](?:e|ed|ure)s?\b|\bendorse(?:ment|d)s?\b|\bcredentials?\b|"
        r"\bQTS\b|\bQTLS\b|qualified teacher status|\bNPQ\w*|\bPGCE\b|\bNASENCO\b|\bT-TESS\b|\bT-PESS\b|"
        r"\bcompletion of\b|\bsuccessful(?:ly)? complet\w+ (?:of )?(?:the |a |an )?\w*\s*(?:program|programme|"
        r"training|course|assessment)|\b(?:training|course) (?:must be|is) (?:completed|required)|"
        r"\bsafer recruitment\b|\b(?:DSL|safeguarding|safeguarding lead|first aid|cpr)\)? training\b|"
        r"^(?:formal |specific |specialist )?training (?:in|on)\b|\bregistration with\b|"
        r"\bregistered (?:with|teacher)\b|\bauthori[sz]ations?\b(?! to work)|(?-i:\b[A-Z][A-Z0-9-]{2,}\s+training\b)|\btraining (?:completed|complete)\b|\bnational award\b|\b(?:teaching|teacher|professional|leadership|headship) "
        r"qualifications?\b|\baward (?:for|in) \w|\bPraxis\b|\bSLLA\b|\bTExES\b|\bnational board\b|\beligible for\b[^.]{0,80}\b(?:certif|licen)|"
        r"\bqualifications? (?:program|programme)\b|\bqualifications? in the [\w ]{3,40}divisions?\b|\badditional qualifications?\b",
        re.I,
    ),
    "certif|licen|endorse|credential|authori|award|qualification|qts|qtls|qualified teacher|npq|pgce|nasenco|t-tess|t-pess|complet|training|course|safer recruitment|registration|registered|praxis|slla|texes|national board|eligible",
)
EXP = _Gated(
    re.compile(
        r"(?<!\bto )\bexperience[ds]?\b|(?<!within )(?<!within \w{3} )(?<!within \w{4} )(?<!within \w{5} )"
        r"(?<!\ba )(?<!\bper )(?<!\beach )(?<!\bevery )(?<!\bschool )(?<!\bacademic )(?<!\bthis )(?<!\bnext )"
        r"\byears?\b(?! (?:olds?|groups?|levels?)| ?\d)(?!-)|\bproven (?:record|track|ability to lead)|"
        r"\btrack record\b|\brecord of\b|\bhistory of (?:success|leading)|\bsuccessful (?:teaching|leadership|"
        r"classroom|administrative|practice|record)\b|\bevidence of\b|\bpreviously (?:served|worked|held)\b|"
        r"\b(?:has|have) (?:successfully )?(?:served|worked|led|coached|taught|managed|supervised|mentored)\b|\bbackground in\b|"
        r"\b(?:performance|ratings?)\b[^.]{0,40}\b(?:classroom|teaching|teacher)\b|\bserved as\b|"
        r"\bsuccessful (?:\w+ ){0,2}as an?\b",
        re.I,
    ),
    "experience|year|proven|record|history|successful|evidence|previously|served|worked|led|coached|taught|managed|supervised|mentored|background|performance|rating",
)
_SKILL_START = re.compile(
    r"^(?:knows|know|knowledge|understands?|understanding|ability|able|skill(?:s|ed)?|proficien\w*|"
    r"familiar\w*|demonstrat\w* (?:knowledge|understanding|ability|skill|expertise|competence)|"
    r"strong|excellent|effective|good|sound|thorough|working knowledge|expert\w*|command of|awareness|"
    r"commitment|committed|passion\w*|dispositions?|capacity|capable|well versed|flexib\w*|self-\w+)\b",
    re.I,
)
_SKILL_ANY = re.compile(
    r"\bskills?\b|\babilit(?:y|ies)\b|\bable to\b|\bknowledge\b|\bunderstanding\b|\bexpertise\b|"
    r"\bproficien\w*|\bfamiliar(?:ity)?\b|\bwell versed\b|\bdisposition\b|\bsomeone who\b|\bcommitment to\b|"
    r"\bpassion(?:ate)? (?:for|about)\b|\bcommand of\b|\bcapacity to\b|\bwillingness\b",
    re.I,
)
_SKILL_VERB = re.compile(
    r"^(?:demonstrates?|shows?|possess(?:es)?|has|have|be|is|are|must|should|display|"
    r"exhibits?|model|embody|hold|command|make|apply|use|bring|maintain (?:a|an) \w+ "
    r"(?:attitude|disposition))\b",
    re.I,
)
_DUTY_VERB = re.compile(
    r"^(?:to\s+)?(?:assists?|advocates?|promotes?|follows?|ensures?|provides?|develops?|coordinates?|"
    r"meets? with|responds? to|visits?|greets?|convenes?|partners? with|liaises?|updates?|"
    r"supervises?|plans?|implements?|manages?|oversees?|prepares?|schedules?|serves?|supports?|"
    r"maintains?|monitors?|participates?|attends?|conducts?|facilitates?|organi[sz]es?|evaluates?|"
    r"establish(?:es)?|assigns?|carr(?:y|ies) out|works?|seeks?|stud(?:y|ies)|recommends?|collaborates?|"
    r"creates?|designs?|leads?|directs?|administers?|interprets?|reviews?|analy[sz]es?|trains?|mentors?|"
    r"coaches?|observes?|communicates?|responsible|is responsible|accountable|serves?|represents?|"
    r"performs?|handles?|chairs?|liaises?|contributes?|delivers?|drives?|champions?|oversee|keeps?|"
    r"submits?|compiles?|arranges?|guides?|builds?|fosters?|cultivates?|identif(?:y|ies)|uses data|"
    r"selects?|hires?|recruits?|orients?|inducts?|counsels?|disciplines?|handles?|resolves?|"
    r"accelerates?|models?|writes?|reports? on|tracks?|assesses?|aligns?|sets?|engages?|acts?|"
    r"teach(?:es)?|is present|performs?)\b",
    re.I,
)


def opens_demand(sentence: str) -> bool:
    """A sentence that opens with the verb of a demand ("Advocate for ...", "Be knowledgeable ...")."""
    return bool(_DUTY_VERB.match(sentence) or _SKILL_VERB.match(sentence))


_WILL_DUTY = re.compile(
    r"\b(?:will|shall)\s+(?:\w+ly\s+)?(?!be (?:able|expected to have|required to have|"
    r"expected to hold|an?\b)|have\b|hold\b|possess\b|need\b|bring\b)\w+|"
    r"\bis tasked with\b|\bis responsible for\b|\b(?:central|key) to the role\b|"
    r"\bareas? of responsibility\b|\bresponsibilities (?:will )?include\b|\bwill include\b",
    re.I,
)
_STRONG_SKILL = re.compile(
    r"\brequires?\b[^.]{0,30}\b(?:expertise|knowledge|skills?|abilit\w*|understanding|"
    r"proficiency)|\bsomeone who\b|\b(?:should|must) be (?:able|skilled|knowledgeable|"
    r"proficient|well versed)|\bwell versed\b|\bdisposition\b|\bable to\b",
    re.I,
)
_DUTY_QUAL = re.compile(
    r"^(?:a\s+)?(?:minimum|at least|\d+\+?\s*years|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten)\s+(?:\(\d+\)\s+)?years|holds?\b(?=[^.]{0,40}\b(?:certif|licen|degree|qualif|qts|credential|endorse))|possess|possesses|valid|current|"
    r"master|bachelor|doctor|degree|certif|licen|experience|must have|must hold)",
    re.I,
)


def _first_match_word(text: str, name: str) -> int:
    rx = {"education": EDU, "credential": CRED, "experience": EXP}[name]
    m = rx.search(text)
    return len(text[: m.start()].split()) if m else 99


def _earliest_qualification(text: str) -> str | None:
    found = []
    for name, rx in (("education", EDU), ("credential", CRED), ("experience", EXP)):
        m = rx.search(text)
        if m:
            found.append((m.start(), name))
    if not found:
        return None
    found.sort()
    pos, name = found[0]
    # "Experience ... and a master's degree" is experience; "Master's degree and 3 years" education
    return name


def type_of(text: str, kind: str, origin: str) -> str:
    t = text.strip()
    t_nolead = re.sub(r"^(?:[A-Z][\w'’&/ -]{0,40}\s[-–—]\s)", "", t)  # "Strategic Leadership - ..."
    if kind == "duty" and re.match(r"^[A-Z][a-z]{2,}ing\b", t_nolead) and not _SKILL_START.match(t_nolead):
        return "responsibility"  # "Teaching a Year 6 class ...": a duty in the -ing form
    if kind == "req" and re.match(r"^to have\b", t_nolead, re.I):
        q = _earliest_qualification(t)
        if q in ("education", "credential"):
            return q
        if re.match(
            r"^to have (?:an? |the )?(?:\w+ )?(?:knowledge|understanding|skills?|abilit\w+|awareness)\b",
            t,
            re.I,
        ):
            return "skill"  # "To have a good knowledge of ..."
        return "experience"  # "To have led a team", "To have a track record of ..."
    if kind in ("duty", "purpose") and not _DUTY_QUAL.match(t_nolead):
        if _SKILL_START.match(t_nolead) and not _DUTY_VERB.match(t_nolead):
            return "skill"
        if kind == "purpose" and origin == "prose":
            if _STRONG_SKILL.search(t) and not _DUTY_VERB.match(t_nolead):
                return "skill"
            q = _earliest_qualification(t)
            asks = _CANDIDATE.search(t) or re.search(
                r"\b(?:must|should|required|will (?:have|hold|possess))\b", t, re.I
            )
            if q and asks:
                return q  # a summary sentence that asks for a degree, licence or years
        return "responsibility"
    q = _earliest_qualification(t)
    skill_start = _SKILL_START.match(t_nolead)
    if q:
        at = _first_match_word(t_nolead, q)
        # "Knowledge of certification rules" is a skill; "Strong leadership experience" experience
        if not skill_start or at <= (3 if q == "experience" else 1):
            return q
    if skill_start:
        return "skill"
    if origin == "prose":
        if _STRONG_SKILL.search(t):
            return "skill"
        if (
            _WILL_DUTY.search(t)
            and not re.search(r"\bwe (?:\w+ly )?(?:will|shall)\b", t, re.I)
            and not re.match(r"(?:\w+\s+){0,2}priority\b", t, re.I)  # "Priority will be given to ..."
        ):
            return "responsibility"
        if _PURPOSE_LIKE.search(t) and not _CANDIDATE.search(t):
            return "responsibility"  # "The assistant principal assists the principal in ..."
    if _DUTY_VERB.match(t_nolead) and not _SKILL_VERB.match(t_nolead):
        return "responsibility"
    if _SKILL_ANY.search(t) or _SKILL_VERB.match(t_nolead):
        return "skill"
    return "skill"


# --- one item per demand -----------------------------------------------------------------------

# "preferred.Bilingual": a full stop with no space after it, between a word and a capitalised one
_GLUED = re.compile(r"(?<=[a-z)]{2}[.!?;])(?=[\"“‘(]?(?:[A-Z][a-z]|[AI]\s))")


def split_glued(text: str) -> list[str]:
    """Sentences glued without a space after the full stop ("law.Chairs ARD meetings") -> parts.
    A web address or an e-mail address ("www.Example", "name@School.org") is not split."""
    out: list[str] = []
    start = 0
    for m in _GLUED.finditer(text):
        word = text[max(0, text.rfind(" ", 0, m.start()) + 1) : m.start()]
        if re.search(r"www|https?:|@|/", word, re.I) or word.lower().rstrip(".!?;") in _ABBREV:
            continue
        out.append(text[start : m.start()].strip())
        start = m.start()
    out.append(text[start:].strip())
    return [p for p in out if p]


def unglue(text: str) -> str:
    """The same text with a space put back after each glued full stop."""
    parts = split_glued(text)
    return " ".join(parts) if len(parts) > 1 else text


def is_boilerplate(text: str) -> bool:
    """Pay, equal-opportunity, background-check or how-to-apply words: not a demand of the role."""
    return bool(_PAY.search(text) or _EEO.search(text) or _APPLY.search(text))


def split_by_must(text: str) -> list[str]:
    """A bullet of sentences that differ in required and preferred ("A minimum of four years ...
    Four years at this level is preferred.") -> one part per sentence."""
    parts = split_sentences(text, "duty")
    if len(parts) < 2 or len(parts) > 6 or not all(_DEMAND_WORD.search(p) for p in parts):
        return [text]
    prefs = [bool(PREF_ANY.search(p)) for p in parts]
    return parts if any(prefs) and not all(prefs) else [text]


def drop_boilerplate_sentences(text: str) -> str:
    """A bullet holding a boilerplate sentence beside a real demand keeps the demand only."""
    parts = split_sentences(text, "duty")
    if len(parts) < 2:
        return text
    kept = [p for p in parts if not is_boilerplate(p)]
    return " ".join(kept) if kept and len(kept) < len(parts) else text


_N = r"(?:\d+\+?|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*\(\d+\))?"
# what opens a demand of its own inside a run-on qualifications line
_DEMAND_OPEN = re.compile(
    r"^(?:(?:along with|as well as|and|plus|also|with)\s+)?(?:"
    r"must\b|a\s+minimum\b|minimum\b|at\s+least\b|" + _N + r"\s+(?:or more\s+)?(?:full\s+)?years?\b|"
    r"(?:should|shall)\s+(?:have|hold|be)\b|(?:hold|holds|possess|possesses)\s+(?:a|an|the|valid|current)\b|"
    r"(?:a\s+)?(?:valid|current)\s+\w+)",
    re.I,
)
_MUST_END = re.compile(
    r"\b(?:(?:is|are)\s+)?(?:(?:highly|strongly)\s+)?(?:required|preferred|desired|desirable|"
    r"a plus|an advantage|an asset|essential)\s*[.!]?$",
    re.I,
)
_DEMAND_WORD = re.compile(
    r"\b(?:degree|bachelor|master|doctor\w*|certif\w*|licen[cs]\w*|endorse\w*|credential|experience|"
    r"years?|training|knowledge|skills?|ability|fluen\w*|bilingual|qualified|status|ed\.?\s?s|ph\.?d|"
    r"mba|eligib\w*)\b",
    re.I,
)


def split_demands(text: str) -> list[str]:
    """A qualifications line that runs several demands together -> one part per demand.

    "Must hold X, must be Y, minimum of five years of Z" and "Master's required; doctorate
    preferred" are split where a clause opens a demand of its own or where one clause's
    required/preferred ends before another begins; a list of things inside one demand
    ("experience with A, B and C") is not. Semicolons first, then commas."""
    out: list[str] = []
    for clause in _join_where(re.split(r";\s*", text), ";", _semicolon_split):
        out.extend(_join_where(re.split(r"(?<=[^\d\s]),\s+", clause), ",", _comma_split))
    return [p.strip() for p in out if p.strip()] or [text]


def _join_where(pieces: list[str], sep: str, split) -> list[str]:
    if len(pieces) < 2 or len(pieces) > 12:
        return [sep.join(pieces) if sep == ";" else ", ".join(pieces)]
    glue = "; " if sep == ";" else ", "
    out = [pieces[0]]
    for piece in pieces[1:]:
        if split(out[-1], piece):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]}{glue}{piece}"
    return out


def _own_must(left: str, piece: str) -> bool:
    """ "Master's degree required, Ed.S. preferred": each clause says required or preferred."""
    return bool(_MUST_END.search(left.rstrip(" ,;")) and _MUST_END.search(piece) and len(piece.split()) >= 2)


def _another_degree(left: str, piece: str) -> bool:
    """ "A master's degree in X, with a specialist degree or higher preferred": two degree levels
    are two demands, each met or not on its own."""
    if len(left.split()) < 3 or len(piece.split()) < 3:
        return False
    here, there = set(V.degree_levels_in(left)), set(V.degree_levels_in(piece))
    return bool(here) and bool(there) and not (here & there)


def _semicolon_split(left: str, piece: str) -> bool:
    if _own_must(left, piece):
        return True
    return (
        len(left.split()) >= 3
        and len(piece.split()) >= 2
        and bool(_DEMAND_WORD.search(left))
        and bool(_DEMAND_WORD.search(piece))
        and bool(PREF_ANY.search(left)) != bool(PREF_ANY.search(piece))
    )  # "Bachelor's degree; master's degree desired"


def _comma_split(left: str, piece: str) -> bool:
    if _own_must(left, piece) or _another_degree(left, piece):
        return True
    if (
        len(left.split()) >= 3
        and 2 <= len(piece.split()) <= 8
        and _MUST_END.search(piece)
        and not PREF_ANY.search(left)
        and (piece[:1].isupper() or EDU.search(piece[:25]) or CRED.search(piece[:25]))
        and _DEMAND_WORD.search(piece)
        and _DEMAND_WORD.search(left)
    ):
        return True  # "Bachelor's degree in X or related field, Master's degree preferred"
    if re.match(r"(?:must|should|shall)\b", piece, re.I) and re.match(
        r"(?:\w+\s+){0,3}(?:must|should|shall)\b", left, re.I
    ):
        return len(left.split()) >= 3 and len(piece.split()) >= 3  # "must have X, must be Y"
    return (
        len(left.split()) >= 3
        and len(piece.split()) >= 3
        and bool(_DEMAND_OPEN.match(piece))
        and bool(_DEMAND_WORD.search(left) or re.match(r"(?:\w+\s+){0,3}(?:must|should|shall)\b", left, re.I))
        and not re.search(r"\bof (?:which|whom|them|these|those)\b", piece, re.I)
    )  # ", must be eligible for ...", ", minimum of three years ..."


# "R = Reference", "Key: E = Essential, D = Desirable": a table's legend, not an item
_LEGEND_PART = re.compile(r"\b[A-Z][A-Za-z]{0,3}\s*[=:–-]\s*[A-Za-z][A-Za-z/ -]{1,30}")


def is_legend(text: str) -> bool:
    t = re.sub(
        r"^\s*\(?\s*(?:key|legend|codes?|abbreviations)\s*(?:to [a-z ]+)?[:\-–]?\s*", "", text, flags=re.I
    )
    if "=" not in t and t == text:  # "A – Application, I – Interview" only after "Key:"
        return False
    rest = _LEGEND_PART.sub("", t)
    return not re.sub(r"[\s,;.|/()]+", "", rest)


_QUOTE_OPEN = "\"“‘'"
_QUOTE_CLOSE = "\"”’'"


def unquote(text: str) -> str:
    """A line opening with a quote mark that closes only at its end, or never: the marks go."""
    t = text.strip()
    if not t or t[0] not in _QUOTE_OPEN:
        return text
    body = t[1:]
    inner = body[:-1] if body and body[-1] in _QUOTE_CLOSE else body
    if any(q in inner for q in '"“”') or re.search(r"’(?!\w)|(?<!\w)‘", inner):
        return text  # a quotation with its own closing mark inside: leave it
    return inner.strip()
