"""JSON Resume (https://jsonresume.org/schema, v1.0.0) both ways: a Record -> a JSON Resume
object, and a JSON Resume object -> a career file (format 1) dict for the importer.

What JSON Resume holds travels both ways: the profile (name, label, contact, summary, links),
positions (work), degrees (education), certificates, awards, accomplishments (as work
highlights "title — impact" under their position, or as volunteer entries), and feedback
(references); its `skills` list is exported from the entries' skills but not read back
(a skill there belongs to no entry). What it has no place for (a position's category and level, a credential's
expiry and status, learning, goals, the network) stays behind; on import the missing
required fields are read from the words (a "Principal" position is administration) and
a reference, which carries no date, is dated the day of the import.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from careerkit.models.shape import Record

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
SEPARATOR = " — "
SERVICE_KINDS = {"committee", "pilot", "union", "community", "mentoring"}
CERTIFICATE_KINDS = ("license", "certification", "endorsement", "training")


# -- export ------------------------------------------------------------------------------


def to_jsonresume(record: Record) -> dict[str, Any]:
    """The record as a JSON Resume object (the caller leaves private entries out first)."""
    from careerkit.documents.resume import _match_position, position_index

    p = record.profile
    out: dict[str, Any] = {"$schema": SCHEMA}
    basics: dict[str, Any] = {}
    if p is not None:
        basics = _compact(
            {
                "name": p.name,
                "label": p.headline,
                "email": p.email,
                "phone": p.phone,
                "url": next((_web_url(link.url) for link in p.links if _web_url(link.url)), None),
                "summary": p.summary,
                "location": _location(p.location),
                "profiles": [
                    {"network": link.label, "url": _web_url(link.url)}
                    for link in p.links
                    if _web_url(link.url)
                ],
            }
        )
    out["basics"] = basics
    positions = list(record.positions)
    index = position_index(positions)
    highlights: dict[int, list[str]] = {}
    volunteer = []
    # Newest first; among equal dates, the order they were entered (stable on a round trip,
    # where highlights all take their position's start date).
    for acc in sorted(record.accomplishments, key=lambda a: (_neg(a.date), a.id)):
        if acc.kind in ("award", "project", "publication"):
            continue
        where = _match_position(acc, positions, index)
        if where is not None:
            highlights.setdefault(where, []).append(_highlight(acc))
        else:
            volunteer.append(
                _compact(
                    {
                        "position": acc.title,
                        "startDate": acc.date,
                        "summary": acc.details,
                        "highlights": [acc.impact] if acc.impact else [],
                    }
                )
            )
    out["work"] = [
        _compact(
            {
                "name": pos.organization,
                "position": pos.title,
                "location": pos.location,
                "startDate": pos.start,
                "endDate": pos.end,
                "summary": pos.summary,
                "highlights": highlights.get(i, []),
            }
        )
        for i, pos in enumerate(positions)
    ]
    out["volunteer"] = volunteer
    out["education"] = [
        _education(c) for c in record.credentials if c.kind == "degree" and c.status != "planned"
    ]
    out["certificates"] = [
        _compact({"name": c.name, "date": c.date, "issuer": c.issuer})
        for c in record.credentials
        if c.kind in CERTIFICATE_KINDS and c.status == "earned"
    ]
    out["awards"] = [
        _compact({"title": c.name, "date": c.date, "awarder": c.issuer})
        for c in record.credentials
        if c.kind == "award"
    ] + [
        _compact({"title": a.title, "date": a.date, "summary": a.details})
        for a in record.accomplishments
        if a.kind == "award"
    ]
    out["skills"] = [{"name": s} for s in _skills(record)]
    out["languages"] = [_language(text) for text in (getattr(p, "languages", None) or [])] if p else []
    out["projects"] = [
        _compact(
            {
                "name": a.title,
                "description": a.details,
                "startDate": a.date,
                "url": next((_web_url(e) for e in a.evidence if _web_url(e)), None),
                "keywords": list(a.skills),
            }
        )
        for a in record.accomplishments
        if a.kind == "project"
    ]
    out["publications"] = [
        _compact(
            {
                "name": a.title,
                "releaseDate": a.date,
                "url": next((_web_url(e) for e in a.evidence if _web_url(e)), None),
                "summary": a.details,
            }
        )
        for a in record.accomplishments
        if a.kind == "publication"
    ]
    out["references"] = [
        _compact({"name": _referee(f), "reference": f.text})
        for f in sorted(record.feedback, key=lambda f: (_neg(f.date), f.id))
    ]
    out["meta"] = {"version": "v1.0.0", "generator": "careerkit"}
    out = {k: v for k, v in out.items() if v not in ([], {})}
    kept = getattr(p, "jsonresume", None) if p is not None else None
    if isinstance(kept, dict) and "original" in kept and "baseline" in kept:
        merged = merge_kept(kept["original"], kept["baseline"], out)
        out = merged if isinstance(merged, dict) else out
    return out


# -- what careerkit has no place for: kept, and written back ---------------------------------

_MISSING = object()
# How an entry of a list is known again after the record changed.
_IDENTITY = ("name", "title", "position", "institution", "language", "url", "reference", "network")


def _identity(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    return tuple((k, item.get(k)) for k in _IDENTITY if item.get(k) is not None) or None


def merge_kept(original: Any, baseline: Any, current: Any) -> Any:
    """A three-way merge: `original` is the JSON Resume imported, `baseline` what careerkit
    exported right after that import, `current` what it exports now. Where the record has not
    changed since (current equals baseline) the original is written back, with everything
    careerkit had no place for; where it changed, the current values win, and an entry the
    record still holds takes back its kept fields."""
    if _same(current, baseline):
        return original
    if isinstance(current, dict) and isinstance(baseline, dict) and isinstance(original, dict):
        out: dict[str, Any] = {}
        for key in [*current, *[k for k in original if k not in current]]:
            value = merge_kept(
                original.get(key, _MISSING), baseline.get(key, _MISSING), current.get(key, _MISSING)
            )
            if value is not _MISSING:
                out[key] = value
        return out
    if isinstance(current, list) and isinstance(baseline, list) and isinstance(original, list):
        aligned = len(original) == len(baseline)
        out_list = []
        for item in current:
            j = next((i for i, b in enumerate(baseline) if _same(b, item)), None)
            if j is None:
                j = next(
                    (
                        i
                        for i, b in enumerate(baseline)
                        if _identity(b) == _identity(item) and _identity(item)
                    ),
                    None,
                )
            if j is not None and aligned:
                out_list.append(merge_kept(original[j], baseline[j], item))
            else:
                out_list.append(item)
        return out_list
    if current is _MISSING and baseline is _MISSING:
        return original  # a section careerkit never writes (interests): kept as it was
    return current


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _MISSING and b is not _MISSING and a == b)


def not_mapped(original: Any, baseline: Any, path: str = "") -> list[str]:
    """Where the document imported differs from careerkit's export of it: what careerkit has
    no place for (kept, and written back by the export)."""
    if original == baseline:
        return []
    if isinstance(original, dict) and isinstance(baseline, dict):
        out = []
        for key, value in original.items():
            if value in ("", None, [], {}):
                continue
            out += not_mapped(value, baseline.get(key, _MISSING), f"{path}.{key}" if path else key)
        return out
    if isinstance(original, list) and isinstance(baseline, list) and len(original) == len(baseline):
        return [
            p
            for i, (o, b) in enumerate(zip(original, baseline, strict=True))
            for p in not_mapped(o, b, f"{path}[{i}]")
        ]
    return [path or "the document"]


def _language(text: str) -> dict[str, str]:
    """'Spanish (fluent)' -> {'language': 'Spanish', 'fluency': 'fluent'}."""
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)
    if m and m.group(1).strip():
        return {"language": m.group(1).strip(), "fluency": m.group(2).strip()}
    return {"language": text.strip()}


_WEB_SCHEMES = ("http://", "https://", "mailto:")


def _web_url(url: object) -> str | None:
    """A link a resume may carry: http(s) or mailto. javascript:, file:// and the like are
    dropped, as the HTML renderer drops them."""
    value = str(url or "").strip()
    if value.lower().startswith(_WEB_SCHEMES) and not any(ch.isspace() or ord(ch) < 32 for ch in value):
        return value
    return None


def _neg(date: str) -> tuple[int, ...]:
    """A sort key that puts later dates first."""
    return tuple(-ord(ch) for ch in date or "")


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _location(text: str | None) -> dict[str, str] | None:
    """'Dayton, OH' -> {'city': 'Dayton', 'region': 'OH'}; anything else as the address."""
    if not text:
        return None
    parts = [x.strip() for x in text.split(",")]
    if len(parts) == 2 and all(parts):
        return {"city": parts[0], "region": parts[1]}
    return {"address": text}


def _highlight(acc) -> str:
    title = acc.title.strip()
    return f"{title}{SEPARATOR}{acc.impact.strip()}" if acc.impact else title


def _education(c) -> dict[str, Any]:
    name, field = c.name.strip(), (c.field or "").strip()
    if field and name.endswith(field) and name[: -len(field)].strip():
        study, area = name[: -len(field)].strip(), field
    else:
        study, area = name, field
    return _compact({"institution": c.issuer, "studyType": study, "area": area, "endDate": c.date})


def _skills(record) -> list[str]:
    """The person's skills (the profile's first), then those of the entries."""
    seen: dict[str, str] = {}
    for s in (getattr(record.profile, "skills", None) or []) if record.profile is not None else []:
        seen.setdefault(s.strip().lower(), s.strip())
    for entry in [*record.accomplishments, *record.learning]:
        for s in entry.skills:
            seen.setdefault(s.strip().lower(), s.strip())
    return [v for v in seen.values() if v]


def _referee(f) -> str:
    relationship = f.relationship.replace("-", " ")
    return f"{f.from_name} ({relationship})" if f.from_name else relationship.capitalize()


# -- import ------------------------------------------------------------------------------

_LEVELS = [
    ("doctorate", re.compile(r"\b(ph\.?\s?d|ed\.?\s?d|doctor)", re.I)),
    ("specialist", re.compile(r"\b(ed\.?\s?s\b|specialist)", re.I)),
    ("master", re.compile(r"\b(m\.?\s?(a|s|ed|at|b\.?a)\b\.?|master)", re.I)),
    ("bachelor", re.compile(r"\b(b\.?\s?(a|s|ed)\b\.?|bachelor)", re.I)),
    ("associate", re.compile(r"\b(a\.?\s?a\b\.?|associate)", re.I)),
]
_ADMIN = re.compile(r"\b(principal|superintendent|head\s*teacher|headteacher|dean|administrator)\b", re.I)
_LEAD = re.compile(r"\b(coach|chair|coordinator|director|lead|leader|specialist|mentor|head)\b", re.I)
_TEACH = re.compile(r"\b(teacher|instructor|educator|tutor|lecturer)\b", re.I)
_RELATIONSHIPS = ("supervisor", "colleague", "direct-report", "parent", "student", "mentor", "other")
_RELATIONSHIP = re.compile(r"\((supervisor|colleague|direct report|parent|student|mentor|other)\)\s*$", re.I)


def from_jsonresume(data: Any, *, today: _dt.date | None = None) -> dict[str, Any]:
    """A JSON Resume object as a career-file dict (validate it with store.io.validate_career)."""
    from careerkit.errors import InvalidInput

    if not isinstance(data, dict) or not any(k in data for k in ("basics", "work", "education")):
        raise InvalidInput("not a JSON Resume: expected an object with 'basics', 'work' or 'education'")
    problem = _not_text(data)
    if problem:
        raise InvalidInput(problem)
    today = today or _dt.date.today()
    out: dict[str, Any] = {"careerkit": 1}
    basics = _dict(data.get("basics"))
    if basics.get("name"):
        out["profile"] = _compact(
            {
                "name": basics.get("name"),
                "headline": basics.get("label"),
                "email": basics.get("email"),
                "phone": basics.get("phone"),
                "location": _place(_dict(basics.get("location"))),
                "summary": basics.get("summary"),
                "links": _links(basics),
            }
        )
    positions, accomplishments = [], []
    for w in _list(data.get("work")):
        title, org = w.get("position") or "", w.get("name") or w.get("company") or ""
        if not (title and org and w.get("startDate")):
            continue
        positions.append(
            _compact(
                {
                    "title": title,
                    "organization": org,
                    "location": w.get("location"),
                    "start": w.get("startDate"),
                    "end": w.get("endDate"),
                    "category": _category(title),
                    "summary": w.get("summary"),
                }
            )
        )
        for h in w.get("highlights") or []:
            if isinstance(h, str) and h.strip():
                accomplishments.append(_accomplishment(h, w["startDate"], f"{title} @ {org}"))
    for v in _list(data.get("volunteer")):
        title = v.get("position") or v.get("organization")
        if not (title and v.get("startDate")):
            continue
        impact = next((h for h in v.get("highlights") or [] if isinstance(h, str) and h.strip()), None)
        accomplishments.append(
            _compact(
                {
                    "date": v["startDate"],
                    "title": title,
                    "kind": "community",
                    "details": v.get("summary"),
                    "impact": impact,
                }
            )
        )
    credentials = [c for c in (_degree(e) for e in _list(data.get("education"))) if c]
    credentials += [
        _compact(
            {
                "kind": _certificate_kind(c.get("name", "")),
                "name": c.get("name"),
                "date": c.get("date"),
                "issuer": c.get("issuer"),
            }
        )
        for c in _list(data.get("certificates"))
        if c.get("name")
    ]
    credentials += [
        _compact({"kind": "award", "name": a.get("title"), "date": a.get("date"), "issuer": a.get("awarder")})
        for a in _list(data.get("awards"))
        if a.get("title")
    ]
    feedback = [_reference(r, today) for r in _list(data.get("references")) if r.get("reference")]
    for kind, section, date_keys, text_key in (
        ("project", "projects", ("startDate", "endDate"), "description"),
        ("publication", "publications", ("releaseDate",), "summary"),
    ):
        for item in _list(data.get(section)):
            day = next((item[k] for k in date_keys if item.get(k)), None)
            if not item.get("name") or not day:
                continue
            accomplishments.append(
                _compact(
                    {
                        "date": day,
                        "title": item["name"],
                        "kind": kind,
                        "details": item.get(text_key),
                        "skills": [k for k in item.get("keywords") or [] if isinstance(k, str)],
                        "evidence": [item["url"]] if item.get("url") else [],
                    }
                )
            )
    learning = []
    for e in _list(data.get("education")):
        day = e.get("endDate") or e.get("startDate")
        for course in e.get("courses") or []:
            if isinstance(course, str) and course.strip() and day:
                learning.append(
                    _compact(
                        {
                            "date": day,
                            "title": course.strip(),
                            "kind": "course",
                            "provider": e.get("institution"),
                            "status": "done" if e.get("endDate") else "in-progress",
                        }
                    )
                )
    if "profile" in out:
        skills = [s["name"].strip() for s in _list(data.get("skills")) if (s.get("name") or "").strip()]
        languages = [
            f"{lang['language'].strip()} ({lang['fluency'].strip()})"
            if (lang.get("fluency") or "").strip()
            else lang["language"].strip()
            for lang in _list(data.get("languages"))
            if (lang.get("language") or "").strip()
        ]
        if skills:
            out["profile"]["skills"] = skills
        if languages:
            out["profile"]["languages"] = languages
    for key, value in (
        ("positions", positions),
        ("credentials", credentials),
        ("accomplishments", accomplishments),
        ("feedback", feedback),
        ("learning", learning),
    ):
        if value:
            out[key] = value
    return out


def _not_text(value: Any, loc: str = "") -> str | None:
    """JSON Resume's values are text (in lists and objects): the first that is not, as
    `education[0].studyType: expected text, got 7`."""
    if isinstance(value, dict):
        for key, item in value.items():
            found = _not_text(item, f"{loc}.{key}" if loc else str(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = _not_text(item, f"{loc}[{i}]")
            if found:
                return found
        return None
    if value is None or isinstance(value, str):
        return None
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) > 40:
        shown = f"a {len(str(value).lstrip('-')):,}-digit number"
    return f"{loc}: expected text, got {shown}"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _place(loc: dict[str, Any]) -> str | None:
    if loc.get("city") and loc.get("region") and not loc.get("address"):
        return f"{loc['city']}, {loc['region']}"
    parts = [loc.get(k) for k in ("address", "city", "region", "countryCode")]
    return ", ".join(str(p) for p in parts if p) or None


def _links(basics: dict[str, Any]) -> list[dict[str, str]]:
    links = [
        {"label": p.get("network") or p.get("username") or "Link", "url": p["url"]}
        for p in _list(basics.get("profiles"))
        if p.get("url")
    ]
    url = basics.get("url")
    if url and all(link["url"] != url for link in links):
        links.insert(0, {"label": "Website", "url": url})
    return links


def _category(title: str) -> str:
    if _ADMIN.search(title):
        return "administration"
    if _LEAD.search(title):
        return "leadership"
    if _TEACH.search(title):
        return "teaching"
    return "other"


def _accomplishment(highlight: str, date: str, position: str) -> dict[str, Any]:
    title, _, impact = highlight.strip().partition(SEPARATOR)
    return _compact(
        {"date": date, "title": title.strip(), "impact": impact.strip() or None, "position": position}
    )


def _degree(e: dict[str, Any]) -> dict[str, Any] | None:
    study, area = (e.get("studyType") or "").strip(), (e.get("area") or "").strip()
    if study and area and len(study) <= 12 and area.lower() not in study.lower():
        name = f"{study} {area}"
    else:
        name = study or area
    if not name:
        return None
    level = next((lv for lv, rx in _LEVELS if rx.search(study or name)), None)
    return _compact(
        {
            "kind": "degree",
            "name": name,
            "level": level,
            "field": area or None,
            "issuer": e.get("institution"),
            "date": e.get("endDate"),
        }
    )


def _certificate_kind(name: str) -> str:
    low = name.lower()
    if "licen" in low:
        return "license"
    if "endorse" in low:
        return "endorsement"
    return "certification"


def _reference(r: dict[str, Any], today: _dt.date) -> dict[str, Any]:
    name = (r.get("name") or "").strip()
    relationship = "other"
    m = _RELATIONSHIP.search(name)
    if m:
        relationship = m.group(1).lower().replace(" ", "-")
        name = name[: m.start()].strip()
    elif name.lower().replace(" ", "-") in _RELATIONSHIPS:
        relationship, name = name.lower().replace(" ", "-"), ""
    return _compact(
        {
            "date": today.isoformat(),
            "text": r["reference"],
            "from": name or None,
            "relationship": relationship,
        }
    )
