"""`careerkit profile show|set`: name, contact and headline for the resume."""

from __future__ import annotations

from typing import Any, Optional

import typer

from careerkit.cli import helpers as C


def register(app: typer.Typer) -> None:
    sub = typer.Typer(
        help="Your name, contact details, headline and target roles.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    sub.command("show", help="Show the profile.")(show)
    sub.command("set", help="Set profile fields; only those given change.")(set_)
    app.add_typer(sub, name="profile", help="Your name, contact details, headline and target roles.")


def show(as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    from careerkit.store import records as R

    with C.database() as conn:
        profile = R.get_profile(conn)
    if profile and profile.get("jsonresume") is None:
        profile.pop("jsonresume", None)
    if as_json:
        C.print_json(profile or {})
        return
    if not profile:
        C.console().print('No profile yet: careerkit profile set --name "Your Name"')
        return
    t = C.table("field", "value")
    for key, value in profile.items():
        if key == "links":
            value = ", ".join(f"{link['label']}: {link['url']}" for link in value)
        elif isinstance(value, list):
            value = ", ".join(value)
        elif key == "jsonresume":
            value = "kept from an imported JSON Resume for its export" if value else None
        if value:
            t.add_row(key, C.esc(value))
    C.console().print(t)


def set_(
    name: Optional[str] = typer.Option(None, "--name", help="Your name as it appears on a resume."),
    headline: Optional[str] = typer.Option(
        None, "--headline", help="Current role line: 'Instructional Coach'."
    ),
    email: Optional[str] = typer.Option(None, "--email"),
    phone: Optional[str] = typer.Option(None, "--phone"),
    location: Optional[str] = typer.Option(None, "--location", help="Town and state or country."),
    summary: Optional[str] = typer.Option(
        None, "--summary", help="Two or three sentences for the top of a resume."
    ),
    target_role: Optional[list[str]] = typer.Option(
        None, "--target-role", help="A role you are aiming for; repeat for more (replaces the list)."
    ),
    link: Optional[list[str]] = typer.Option(
        None,
        "--link",
        metavar="LABEL=URL",
        help="A link: 'Portfolio=https://...'; repeat for more (replaces the list).",
    ),
) -> None:
    from careerkit.errors import InvalidInput
    from careerkit.store import records as R

    # An empty value clears the field: --email ""
    values: dict[str, Any] = {
        k: (v if v.strip() else None)
        for k, v in dict(
            name=name, headline=headline, email=email, phone=phone, location=location, summary=summary
        ).items()
        if v is not None
    }
    if target_role:
        values["target_roles"] = [r.strip() for r in target_role if r.strip()]
    if link:
        links = []
        for item in link:
            label, sep, url = item.partition("=")
            if not sep or not label.strip() or not url.strip():
                raise InvalidInput(f"a link is LABEL=URL, not {item!r}")
            links.append({"label": label.strip(), "url": url.strip()})
        values["links"] = links
    if not values:
        raise InvalidInput("nothing to set: give at least one option (see --help)")
    with C.writing() as conn:
        R.set_profile(conn, values)
    C.say("Profile updated.")
