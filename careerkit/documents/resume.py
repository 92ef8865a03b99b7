"""What goes into the resume: a Record (and optionally a GapReport) -> a Resume (models.resume).

Pure: models in, text or bytes out. Every sentence is the record's own text or fixed
template text; nothing is invented. Private entries are left out unless asked for.

Choosing what goes in:
- each accomplishment has a *strength* (a measurable impact, numbers in it, the kind of
  work, recency) and, with a gap report, a *relevance* (how much the posting's requirements
  cite it as evidence, required ones counting twice);
- bullets under each position are the strongest (or most relevant) first, a few per position;
- `fit_pages` drops the weakest bullets and list items until the PDF has the pages asked for,
  never by making the type smaller.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from typing import Any

from careerkit.models.resume import Bullet, Item, Job, Link, Resume
from careerkit.models.shape import Record
from careerkit.render.escape import one_line, paragraphs
from careerkit.render.fmt import date_range, month_year, year

# Bullets per position: the current role tells most, old roles only their best.
BULLETS_CURRENT = 5
BULLETS_RECENT = 4  # ended within RECENT_YEARS
BULLETS_OLDER = 2
RECENT_YEARS = 10
MIN_BULLETS = 2  # below this, bullets without numbers still count
MAX_LEADERSHIP = 8
MAX_LEARNING = 6
MAX_STRENGTHS = 6

# Work beyond the job title: listed under leadership and service unless tied to a position.
SERVICE_KINDS = {"committee", "pilot", "union", "community", "mentoring"}
# Committee and union work is service even when done in a post: it is the informal leadership
# a panel looks for, and gets its own section (community and mentoring work done outside a
# post goes there too).
ALWAYS_SERVICE = {"committee", "union"}
KIND_BONUS = {
    "leadership": 0.6,
    "stretch": 0.6,
    "pilot": 0.6,
    "data": 0.5,
    "professional-learning": 0.5,
    "committee": 0.4,
    "mentoring": 0.4,
    "community": 0.3,
    "union": 0.3,
    "operations": 0.3,
}
WEAK_OPENINGS = (
    "responsible for",
    "helped with",
    "helped to",
    "helped",
    "assisted with",
    "assisted in",
    "worked on",
    "participated in",
    "involved in",
    "duties included",
    "tasked with",
    "in charge of",
)
_DIGIT = re.compile(r"\d")
_WEAK_STARTS = tuple({p.split()[0] for p in WEAK_OPENINGS})

DEGREE = "degree"
CERTIFICATE_KINDS = ("license", "certification", "endorsement", "training")


# -- building the resume ---------------------------------------------------------------


def build(
    record: Record,
    report=None,
    *,
    include_private: bool = False,
    today: _dt.date | None = None,
    paper: str | None = None,
    spelling: str | None = None,
    title: str | None = None,
    employer: str | None = None,
) -> Resume:
    """The Resume for a Record; with a GapReport, chosen and ordered for that posting (its
    summary, target line, sections and bullets). Paper and spelling follow the person's
    place (A4 and British outside the United States) unless given."""
    today = today or _dt.date.today()
    rec = record if include_private else record.public()
    relevance = _relevance(report)
    profile = rec.profile
    if profile is None or not (profile.name or "").strip():
        from careerkit.errors import CareerkitError

        raise CareerkitError(
            'the record has no name yet: set it with careerkit profile set --name "Your Name"'
        )
    jobs, leftovers = _experience(rec, relevance, today, tailored=report is not None)
    place = place_of(profile.location)
    expired: list[str] = []
    role = one_line(title or (report.posting.title if report is not None else "")) or ""
    org = one_line(employer or (report.posting.organization if report is not None else "")) or ""
    resume = Resume(
        name=one_line(profile.name),
        headline=one_line(profile.headline or (rec.positions[0].title if rec.positions else "")),
        contact=[one_line(v) for v in (profile.location, profile.phone, profile.email) if v],
        contact_urls=_contact_urls(profile),
        links=[Link(one_line(link.label), one_line(link.url)) for link in profile.links],
        summary=_summary(profile, role if report is not None else "", org),
        experience=jobs,
        education=_education(rec, today),
        credentials=_certificates(rec, today, expired),
        leadership=_leadership(leftovers),
        learning=_learning(rec, relevance, today),
        awards=_awards(rec, today),
        target=", ".join(p for p in (role, org) if p),
        target_line=("Applying for: " + ", ".join(p for p in (role, org) if p))
        if report is not None and role
        else "",
        expired=expired,
        paper=paper or ("a4" if place == "intl" else "us-letter"),
        spelling=spelling or ("uk" if place == "intl" else "us"),
    )
    resume.order = _order(resume, relevance)
    resume.strengths = _strengths(rec, report, resume)
    return resume


# -- the person's place: paper and spelling ---------------------------------------------------

_US_STATES = set(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
    NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI""".split()
)
_US_WORDS = ("united states", "usa", "u.s.", "u.s.a", "america")
_STATE_NAMES = frozenset(
    """alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|
    hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|
    michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|
    new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|
    rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|
    west virginia|wisconsin|wyoming|district of columbia|puerto rico""".replace("\n", "")
    .replace(" " * 4, "")
    .split("|")
)


def place_of(location: str | None) -> str:
    """'us' for a place in the United States (or none given), 'intl' for anywhere else:
    'Aurora, CO', 'Austin, Texas', 'Boston, USA' are 'us'; 'Leeds, UK', 'Dubai' are 'intl'."""
    text = " ".join((location or "").split()).rstrip(".")
    if not text:
        return "us"
    low = text.lower()
    if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low) for w in _US_WORDS):
        return "us"
    last = re.split(r"[,\s]+", text)[-1]
    if last.isupper() and last in _US_STATES:
        return "us"
    tail = low.split(",")[-1].strip()
    return "us" if tail in _STATE_NAMES or low in _STATE_NAMES else "intl"


def _contact_urls(profile) -> dict[str, str]:
    urls = {}
    if profile.email and "@" in profile.email:
        urls[one_line(profile.email)] = "mailto:" + one_line(profile.email)
    if profile.phone:
        digits = re.sub(r"[^\d+]", "", profile.phone)
        if len(re.sub(r"\D", "", digits)) >= 6:
            urls[one_line(profile.phone)] = "tel:" + digits
    return urls


# -- the summary, written for the posting --------------------------------------------------------

_ROLE_WORDS = (
    "assistant principal",
    "vice principal",
    "deputy head",
    "assistant head",
    "headteacher",
    "head teacher",
    "principal",
    "director",
    "superintendent",
    "instructional coach",
    "coordinator",
    "dean",
)
_AIMING = re.compile(
    r"\b(ready to|preparing for|aspiring|aspire|seeking|aiming|next step|looking for|hope to)\b", re.I
)


def _summary(profile, role: str, employer: str) -> list[str]:
    """The profile's summary; for a posting, without sentences aimed at another role, and
    with one line naming the role applied for."""
    paras = paragraphs(profile.summary)
    if not role:
        return paras
    from careerkit.insight.wording import sentences

    want = role.lower()
    out = []
    for para in paras:
        kept = []
        for sentence in sentences(para):
            low = sentence.lower()
            names = [w for w in _ROLE_WORDS if w in low]
            aimed = _AIMING.search(sentence) is not None
            other = names and not any(w in want for w in names)
            if aimed and other:
                # "... and I am ready to lead ... as an assistant principal": keep what comes
                # before the aim when it stands as a sentence of its own.
                head = re.split(r",?\s+and\s+(?:I\s+am|I'm)\s+(?:ready|preparing|aiming|looking)", sentence)[
                    0
                ]
                if head != sentence and len(head.split()) >= 6:
                    kept.append(head.rstrip(",;") + ".")
                continue
            kept.append(sentence)
        if kept:
            out.append(" ".join(kept))
    if any(w in " ".join(out).lower() and w in want for w in _ROLE_WORDS):
        return out  # the summary already names the role applied for
    where = f" at {employer}" if employer else ""
    out.append(f"Now seeking to bring this work to the {role} role{where}.")
    return out


def _order(resume: Resume, relevance) -> list[str]:
    """The list sections after Experience: for a posting, those whose entries it cites most
    come first; otherwise leadership, education, credentials, learning, awards."""
    default = ["education", "credentials", "leadership", "learning", "awards"]
    if not relevance:
        return default

    def cited(key: str) -> float:
        return sum(relevance.get(item.source, 0.0) for item in getattr(resume, key) if item.source)

    return sorted(default, key=lambda k: (-cited(k), default.index(k)))


def _relevance(report) -> dict[tuple[str, int], float]:
    """(kind, id) -> how strongly the posting's requirements cite the entry."""
    scores: dict[tuple[str, int], float] = defaultdict(float)
    if report is None:
        return scores
    for req in report.requirements:
        weight = 2.0 if req.must == "required" else 1.0
        for ev in req.evidence:
            scores[(ev.kind, ev.id)] += weight * ev.score
    return scores


def _years_ago(date: str | None, today: _dt.date) -> float:
    if not date:
        return 50.0
    try:
        y = int(date[:4])
        m = int(date[5:7]) if len(date) >= 7 else 6
    except ValueError:
        return 50.0
    return max(0.0, (today.year - y) + (today.month - m) / 12)


def weak_opening(text: str | None) -> str | None:
    """The weak phrase a bullet opens with ('responsible for'), if any."""
    if not text:
        return None
    low = text.lstrip().lower()
    if not low.startswith(_WEAK_STARTS):  # the common case, cheaply
        return None
    low = one_line(low)
    for phrase in WEAK_OPENINGS:
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalpha()):
            return phrase
    return None


def measurable(text: str | None) -> bool:
    return bool(text and _DIGIT.search(text))


def strength(acc, today: _dt.date) -> float:
    """How strong a bullet the accomplishment makes, by itself (no posting)."""
    score = 0.0
    if acc.impact:
        score += 2.0 + (1.5 if measurable(acc.impact) else 0.0)
    elif measurable(acc.result):
        score += 1.5
    if acc.action or acc.result:
        score += 0.3
    score += KIND_BONUS.get(acc.kind, 0.0)
    score += max(0.0, 1.5 - _years_ago(acc.date, today) / 4)
    score += min(len(acc.skills), 4) * 0.1
    if weak_opening(acc.title):
        score -= 0.5
    return round(score, 4)


def bullet_text(acc) -> str:
    """The action (the title, as the person wrote it) and then the measurable impact, unless
    the impact only says the title again."""
    title = one_line(acc.title).rstrip(" .;,")
    impact = one_line(acc.impact) or (one_line(acc.result) if measurable(acc.result) else "")
    impact = impact.rstrip(" .;")
    if not impact or impact.lower() in title.lower() or _repeats(title, impact):
        return title
    if _repeats(title, impact, numbers=False):
        # "Raised EL reading scores" + "EL reading scores rose 11 points": the impact says it all.
        return impact[0].upper() + impact[1:]
    return f"{title} — {_lower_first(impact)}"


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+%?")
_SMALL = frozenset("a an and the of for to in on at by with from our my their its into over".split())


def _repeats(title: str, impact: str, *, numbers: bool = True) -> bool:
    """The impact says what the title says: most of its words are already in the title (and,
    with `numbers`, it adds no number the title lacks)."""
    words = [w.lower() for w in _WORD.findall(impact) if w.lower() not in _SMALL]
    if not words:
        return True
    have = {w.lower() for w in _WORD.findall(title)}
    new_numbers = [w for w in words if w[0].isdigit() and w not in have]
    if numbers and new_numbers:
        return False
    words = [
        w for w in words if not w[0].isdigit() and w not in ("points", "percent", "rose", "fell", "grew")
    ]
    if not words:
        return False
    return sum(1 for w in words if w in have or w.rstrip("s") in have) / len(words) >= 0.6


# Words that keep their capital inside a sentence: peoples, languages, places.
PROPER = frozenset(
    """English Spanish French German Arabic Chinese Mandarin Cantonese Korean Japanese Vietnamese
    Somali Haitian Portuguese Russian Hindi Urdu Punjabi Tagalog Welsh Irish Scottish British
    Black Hispanic Latino Latina Latinx Asian Native Indigenous African American Pacific Islander
    Māori Maori Aboriginal Jewish Muslim Christian Catholic Title IEP ELL ESL ESOL SEND MTSS PBIS
    STAAR Ofsted January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday God""".split()
)


def _lower_first(text: str, *, names: bool = True) -> str:
    """'Chronic absence fell' -> 'chronic absence fell'; leaves 'OTES', 'I', 'McKinney',
    'English learners', 'Black and Hispanic students' and (with `names`, for text that opens
    on its subject, as impacts do) 'Summer Literacy Academy' alone."""
    first, _, rest = text.partition(" ")
    if first.rstrip(",;:'’s") in PROPER or first in PROPER:
        return text
    following = rest.split(" ", 1)[0] if rest else ""
    titled = following[:1].isupper() and following[1:2].islower()
    if names and titled and following.lower() not in _SMALL and first.lower() not in _SMALL:
        return text  # a name of several words: "Summer Literacy Academy grew ..."
    if len(first) > 1 and first[0].isupper() and first[1:].islower() and first.isalpha():
        return text[0].lower() + text[1:]
    return text


def _match_position(acc, positions, index: dict | None = None) -> int | None:
    """Index of the position an accomplishment names ('title' or 'title @ organization'),
    the one whose dates hold it when several share a title."""
    if not acc.position:
        return None
    index = index if index is not None else position_index(positions)
    title, _, org = " ".join(acc.position.split()).partition(" @ ")
    key = (title.strip().lower(), org.strip().lower() or None)
    found = index.get(key)
    if not found:
        return None
    if len(found) > 1:
        return next((i for i in found if _holds(positions[i], acc.date)), found[0])
    return found[0]


def position_index(positions) -> dict:
    """(title, organization) and (title, None) -> indexes of positions, lower-cased: matching
    thousands of accomplishments stays a dictionary look-up."""
    index: dict = {}
    for i, p in enumerate(positions):
        title = " ".join(p.title.split()).lower()
        index.setdefault((title, " ".join(p.organization.split()).lower()), []).append(i)
        index.setdefault((title, None), []).append(i)
    return index


def _holds(position, date: str) -> bool:
    start = position.start or ""
    end = position.end or "9999"
    return start[: len(date)] <= date and date[: len(end)] <= end


def _covering(acc, positions) -> int | None:
    for i, p in enumerate(positions):
        if _holds(p, acc.date):
            return i
    return None


def _experience(rec, relevance, today, *, tailored: bool = False):
    """Jobs newest first with their bullets; and the service and unplaced accomplishments."""
    positions = sorted(rec.positions, key=lambda p: (p.start or "", p.id), reverse=True)
    per_job: dict[int, list[tuple[float, Any]]] = defaultdict(list)  # (weight, accomplishment)
    leftovers: list[tuple[object, float]] = []
    index = position_index(positions)
    for acc in rec.accomplishments:
        if acc.kind == "award":
            continue
        weight = strength(acc, today) + 4.0 * relevance.get(("accomplishment", acc.id), 0.0)
        if acc.kind in ALWAYS_SERVICE:
            leftovers.append((acc, weight))
            continue
        where = _match_position(acc, positions, index)
        if where is None and acc.kind not in SERVICE_KINDS:
            where = _covering(acc, positions)
        if where is None:
            leftovers.append((acc, weight))
        else:
            per_job[where].append((weight, acc))
    jobs = []
    for i, p in enumerate(positions):
        chosen = _strongest(sorted(per_job[i], key=lambda wa: (-wa[0], -wa[1].id)), relevance)
        # Text is made only for the bullets that show (a long career has thousands).
        bullets = [
            Bullet(bullet_text(a), w, a.id, a.date, _measured(a)) for w, a in chosen[: _bullet_cap(p, today)]
        ]
        jobs.append(
            Job(
                title=one_line(p.title),
                organization=one_line(p.organization),
                location=one_line(p.location),
                dates=date_range(p.start, p.end),
                summary=one_line(p.summary),
                bullets=bullets,
            )
        )
    return jobs, leftovers


def _measured(acc) -> bool:
    return measurable(acc.impact) or measurable(acc.result)


def _strongest(weighted: list, relevance=None) -> list:
    """Bullets with an outcome (a number, or a result said in words: "referrals fell by a
    third") or that the posting cites; others only where a job would otherwise have fewer
    than MIN_BULLETS. The work the posting asks for counts with or without a number."""
    relevance = relevance or {}
    with_numbers = [
        wa
        for wa in weighted
        if _measured(wa[1])
        or relevance.get(("accomplishment", wa[1].id), 0.0) > 0
        or (wa[1].impact or wa[1].result)
        and not weak_opening(wa[1].title)
    ]
    if len(with_numbers) >= MIN_BULLETS:
        return with_numbers
    return weighted


def _bullet_cap(position, today) -> int:
    if not position.end:
        return BULLETS_CURRENT
    return BULLETS_RECENT if _years_ago(position.end, today) <= RECENT_YEARS else BULLETS_OLDER


def _leadership(leftovers) -> list[Item]:
    chosen = sorted(leftovers, key=lambda aw: (-aw[1], aw[0].date), reverse=False)[:MAX_LEADERSHIP]
    chosen.sort(key=lambda aw: (aw[0].date, aw[0].id), reverse=True)
    return [
        Item(
            text=bullet_text(acc),
            when=year(acc.date),
            weight=w,
            source=("accomplishment", acc.id),
            date=acc.date,
        )
        for acc, w in chosen
    ]


def _expired(cred, today) -> bool:
    if not cred.expires:
        return False
    from careerkit.dates import end_of

    return end_of(cred.expires) < today.isoformat()


def _by_date(creds):
    return sorted(creds, key=lambda c: (c.date or "", c.id), reverse=True)


def _education(rec, today) -> list[Item]:
    items = []
    for c in _by_date(x for x in rec.credentials if x.kind == DEGREE and x.status != "planned"):
        if c.status == "in-progress":
            when = f"expected {year(c.date)}" if c.date else "in progress"
        else:
            when = year(c.date)
        items.append(
            Item(
                text=one_line(c.name),
                detail=one_line(c.issuer),
                when=when,
                source=("credential", c.id),
                date=c.date or "",
            )
        )
    return items


def _certificates(rec, today, expired: list[str] | None = None) -> list[Item]:
    items = []
    for c in _by_date(x for x in rec.credentials if x.kind in CERTIFICATE_KINDS):
        if c.status != "planned" and _expired(c, today) and expired is not None:
            expired.append(f"{one_line(c.name)} (expired {month_year(c.expires)})")
        if c.status == "planned" or _expired(c, today):
            continue
        note = (
            "in progress"
            if c.status == "in-progress"
            else (f"valid through {month_year(c.expires)}" if c.expires else "")
        )
        items.append(
            Item(
                text=one_line(c.name),
                detail=one_line(c.issuer),
                when=year(c.date) if c.status != "in-progress" else "",
                note=note,
                source=("credential", c.id),
                date=c.date or "",
            )
        )
    return items


def _awards(rec, today) -> list[Item]:
    found = [
        (
            c.date or "",
            Item(
                text=one_line(c.name),
                detail=one_line(c.issuer),
                when=year(c.date),
                source=("credential", c.id),
                date=c.date or "",
            ),
        )
        for c in rec.credentials
        if c.kind == "award" and c.status == "earned"
    ]
    found += [
        (
            a.date,
            Item(text=one_line(a.title), when=year(a.date), source=("accomplishment", a.id), date=a.date),
        )
        for a in rec.accomplishments
        if a.kind == "award"
    ]
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [item for _, item in found]


def _learning(rec, relevance, today) -> list[Item]:
    scored = []
    for entry in rec.learning:
        if entry.status == "planned":
            continue
        weight = (
            4.0 * relevance.get(("learning", entry.id), 0.0)
            + min(entry.hours or 0.0, 40.0) / 20
            + max(0.0, 1.5 - _years_ago(entry.date, today) / 4)
        )
        scored.append((weight, entry))
    scored.sort(key=lambda pair: (-pair[0], pair[1].date), reverse=False)
    chosen = sorted(scored[:MAX_LEARNING], key=lambda pair: (pair[1].date, pair[1].id), reverse=True)
    items = []
    for weight, e in chosen:
        hours = f"{e.hours:g} hours" if e.hours else ""
        note = "in progress" if e.status == "in-progress" else hours
        items.append(
            Item(
                text=one_line(e.title),
                detail=one_line(e.provider),
                when=year(e.date) if e.status == "done" else "",
                note=note,
                weight=weight,
                source=("learning", e.id),
                date=e.date,
            )
        )
    return items


def _strengths(rec, report, resume: Resume) -> list[str]:
    """Skills from the record to name under the summary: with a posting, the skills of the
    evidence for the competencies it weighs most; otherwise the skills of the strongest bullets."""
    ranked: dict[str, float] = defaultdict(float)
    display: dict[str, str] = {}
    if report is not None:
        comp_weight: dict[str, float] = defaultdict(float)
        for req in report.requirements:
            for comp in req.competencies:
                comp_weight[comp] += 2.0 if req.must == "required" else 1.0
        skills_of = {("accomplishment", a.id): a.skills for a in rec.accomplishments}
        skills_of.update({("learning", e.id): e.skills for e in rec.learning})
        for req in report.requirements:
            weight = (2.0 if req.must == "required" else 1.0) * (
                1 + max((comp_weight.get(c, 0.0) for c in req.competencies), default=0)
            )
            for ev in req.evidence:
                for skill in skills_of.get((ev.kind, ev.id), ()):
                    _count(ranked, display, skill, weight * ev.score)
    if not ranked:
        by_id = {a.id: a for a in rec.accomplishments}
        for job in resume.experience:
            for b in job.bullets:
                for skill in by_id[b.source].skills:
                    _count(ranked, display, skill, max(b.weight, 0.1))
    return [display[k] for k, _ in sorted(ranked.items(), key=lambda kv: (-kv[1], kv[0]))][:MAX_STRENGTHS]


def _count(ranked: dict[str, float], display: dict[str, str], skill: str, weight: float) -> None:
    text = one_line(skill)
    if not text:
        return
    key = text.lower()
    display.setdefault(key, text)
    ranked[key] += weight
