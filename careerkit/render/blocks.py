"""A document as a few kinds of block (paragraph, list, quote, story card, facts ...), and one
renderer per format: Markdown, HTML, Typst (PDF) and Word. The brief and the letter are built
as blocks, so the four formats say the same thing in the same order, and a theme changes the
look of all of them at once. Pure: blocks in, text or bytes out."""

from __future__ import annotations

from dataclasses import dataclass, field

from careerkit.render.theme import Theme

TAG = {"met": "Met", "partial": "Partly met", "gap": "Not yet met"}


@dataclass
class Item:
    text: str
    lead: str = ""  # in bold before the text
    tag: str = ""  # met | partial | gap: a coloured badge
    tag_text: str = ""
    children: list[str] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # p | list | checklist | quote | card | h3 | facts | callout | steps
    text: str = ""
    lead: str = ""
    muted: bool = False
    items: list[Item] = field(default_factory=list)
    rows: list[tuple[str, str]] = field(default_factory=list)
    who: str = ""
    meta: str = ""
    tag: str = ""
    tag_text: str = ""
    numbered: bool = False


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Doc:
    title: str
    subtitle: str = ""
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    intro: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footer: str = ""  # a last line, small
    running: str = ""  # the page footer's text beside the page number
    letter: bool = False  # a letter: no title heading, plain paragraphs
    paper: str = "us-letter"


def command_of(text: str) -> tuple[str, str]:
    """'Print the resume: careerkit resume --for 1' -> ('Print the resume:', 'careerkit resume
    --for 1'): a command is set as code, so that it is copied as typed (no typographer's dashes)."""
    head, sep, tail = text.partition(": careerkit ")
    return (head + ":", "careerkit " + tail) if sep else (text, "")


# -- Markdown ---------------------------------------------------------------------------------


def markdown(doc: Doc) -> str:
    from careerkit.render.escape import markdown as md

    out: list[str] = []
    if not doc.letter:
        out.append(f"# {md(doc.title)}")
        if doc.subtitle:
            out.append(md(doc.subtitle))
    for block in doc.intro:
        out.append(_md_block(block))
    for s in doc.sections:
        if s.heading:
            out.append(f"## {md(s.heading)}")
        out += [_md_block(b) for b in s.blocks]
    if doc.footer:
        out += ["---", f"*{md(doc.footer)}*"]
    import re

    return re.sub(r"\n{3,}", "\n\n", "\n\n".join(x for x in out if x)).strip() + "\n"


def _md_tag(tag: str, text: str) -> str:
    return f"**{text or TAG.get(tag, tag)}:** " if (tag or text) else ""


def _md_block(b: Block) -> str:
    from careerkit.render.escape import markdown as md

    lead = f"**{md(b.lead)}** " if b.lead else ""
    if b.kind == "p":
        body = lead + md(b.text)
        return f"*{body}*" if b.muted and not b.lead else body
    if b.kind == "h3":
        tag = f" ({b.tag_text or TAG.get(b.tag, '')})" if b.tag or b.tag_text else ""
        number, dot, rest = b.text.partition(". ")
        if dot and number.isdigit():  # "1. Observe ...": a heading's number needs no escape
            return f"### {number}. {md(rest)}{tag}"
        return f"### {md(b.text)}{tag}"
    if b.kind in ("list", "steps"):
        lines = [lead.strip()] if lead else []
        for n, it in enumerate(b.items, 1):
            mark = f"{n}." if b.numbered else "-"
            bold = f"**{md(it.lead)}** " if it.lead else ""
            lines.append(f"{mark} {_md_tag(it.tag, it.tag_text)}{bold}{md(it.text)}")
            lines += [f"  - {md(c)}" for c in it.children]
        return "\n".join(lines)
    if b.kind == "checklist":
        out = []
        for it in b.items:
            text, command = command_of(it.text)
            out.append(f"- [ ] {md(text)}" + (f" `{command}`" if command else ""))
        return "\n".join(out)
    if b.kind == "quote":
        return f"> “{md(b.text)}”\n> — {md(b.who)}"
    if b.kind == "callout":
        return f"> {lead}{md(b.text)}"
    if b.kind == "facts":
        return "\n".join(f"- **{md(k)}:** {md(v)}" for k, v in b.rows)
    if b.kind == "card":
        lines = [f"**{md(b.text)}**" + (f" ({md(b.meta)})" if b.meta else "")]
        lines += [f"- *{md(k)}:* {md(v)}" for k, v in b.rows]
        return "\n".join(lines)
    raise ValueError(b.kind)


# -- HTML -------------------------------------------------------------------------------------


def html(doc: Doc, theme: Theme) -> str:
    from html import escape as h

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="careerkit">',
        f"<title>{h(doc.title)}</title>",
        f"<style>\n{_css(theme, doc)}\n</style>",
        "</head>",
        "<body>",
        f'<main class="{"letter" if doc.letter else "doc"}">',
    ]
    if not doc.letter:
        out.append(f"<h1>{h(doc.title)}</h1>")
        if doc.subtitle:
            out.append(f'<p class="subtitle">{h(doc.subtitle)}</p>')
    out += [_html_block(b) for b in doc.intro]
    for s in doc.sections:
        out.append("<section>")
        if s.heading:
            out.append(f"<h2>{h(s.heading)}</h2>")
        out += [_html_block(b) for b in s.blocks]
        out.append("</section>")
    if doc.footer:
        out.append(f'<footer class="page">{h(doc.footer)}</footer>')
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _css(theme: Theme, doc: Doc) -> str:
    size = "A4" if doc.paper == "a4" else "letter"
    sp = theme.spacing
    return f"""
:root {{ --ink: {theme.ink}; --muted: {theme.muted}; --accent: {theme.accent}; --rule: #d5dbe3; --soft: #f3f6f9; }}
* {{ box-sizing: border-box; }}
html {{ font-size: {theme.size * 1.45:.1f}px; background: #eef1f4; }}
body {{ margin: 0; color: var(--ink); font-family: {theme.html_font}; line-height: {1.25 + 0.25 * sp:.2f};
  overflow-wrap: anywhere; }}
main {{ max-width: 46rem; margin: 2rem auto; padding: 2.2rem 2.4rem; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }}
h1 {{ font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; color: var(--accent); }}
h2 {{ font-size: 1.25rem; margin: {1.8 * sp:.2f}rem 0 .6rem; padding-bottom: .2rem; color: var(--accent);
  border-bottom: 2px solid var(--rule); }}
h3 {{ font-size: 1.05rem; margin: {1.2 * sp:.2f}rem 0 .35rem; }}
p {{ margin: .4rem 0; }}
ul, ol {{ margin: .3rem 0 .6rem; padding-left: 1.3rem; }}
li {{ margin: .2rem 0; }}
li::marker {{ color: var(--accent); }}
.subtitle, .muted, .meta {{ color: var(--muted); }}
.tag {{ display: inline-block; font-size: .78rem; font-weight: 600; padding: .05rem .45rem; border-radius: .6rem;
  background: var(--soft); color: var(--muted); margin-right: .3rem; }}
.tag.met {{ background: #e3f1e6; color: #23613a; }}
.tag.partial {{ background: #fbf0d9; color: #7a5410; }}
.tag.gap {{ background: #f8e1e1; color: #8a2727; }}
.card {{ border-left: 3px solid var(--rule); padding: .1rem 0 .1rem .8rem; margin: .6rem 0; break-inside: avoid; }}
.card .title {{ font-weight: 600; }}
dl {{ display: grid; grid-template-columns: 7rem 1fr; gap: .2rem .6rem; margin: .35rem 0; }}
dt {{ color: var(--muted); }}
dd {{ margin: 0; }}
blockquote {{ margin: .5rem 0 .7rem; padding: .35rem .9rem; border-left: 3px solid var(--accent);
  background: var(--soft); break-inside: avoid; }}
blockquote p {{ margin: 0; }}
blockquote footer {{ color: var(--muted); font-size: .9rem; margin-top: .15rem; }}
.callout {{ background: var(--soft); border-left: 3px solid var(--accent); padding: .4rem .8rem; margin: .5rem 0; }}
ul.checklist {{ list-style: none; padding-left: 0; }}
ul.checklist li::before {{ content: "☐"; margin-right: .5rem; color: var(--accent); }}
code {{ font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; background: var(--soft); padding: 0 .2em; }}
main.letter p {{ margin: 0 0 .9rem; }}
footer.page {{ margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: .85rem; }}
@media (max-width: 640px) {{ main {{ margin: 0; padding: 1.2rem; box-shadow: none; }} dl {{ grid-template-columns: 1fr; }} }}
@media print {{
  @page {{ size: {size}; margin: 18mm 18mm 20mm; }}
  html {{ font-size: {theme.size}pt; background: #fff; }}
  main {{ max-width: none; margin: 0; padding: 0; box-shadow: none; }}
  h2, h3, .lead {{ break-after: avoid; page-break-after: avoid; }}
  li, p, blockquote {{ break-inside: avoid; }}
  .tag, .callout, blockquote {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  a {{ color: inherit; text-decoration: none; }}
}}
{theme.css_extra}""".strip()


def _html_tag(tag: str, text: str) -> str:
    from html import escape as h

    if not (tag or text):
        return ""
    return f'<span class="tag {h(tag)}">{h(text or TAG.get(tag, tag))}</span> '


def _html_block(b: Block) -> str:
    from html import escape as h

    lead = f"<b>{h(b.lead)}</b> " if b.lead else ""
    if b.kind == "p":
        cls = ' class="muted"' if b.muted else ""
        return f"<p{cls}>{lead}{h(b.text)}</p>"
    if b.kind == "h3":
        return f"<h3>{_html_tag(b.tag, b.tag_text)}{h(b.text)}</h3>"
    if b.kind in ("list", "steps"):
        tag = "ol" if b.numbered else "ul"
        items = []
        for it in b.items:
            kids = "".join(f"<li>{h(c)}</li>" for c in it.children)
            bold = f"<b>{h(it.lead)}</b> " if it.lead else ""
            items.append(
                f"<li>{_html_tag(it.tag, it.tag_text)}{bold}{h(it.text)}"
                + (f"<ul>{kids}</ul>" if kids else "")
                + "</li>"
            )
        head = f'<p class="lead">{lead.strip()}</p>' if lead else ""
        return head + f"<{tag}>" + "".join(items) + f"</{tag}>"
    if b.kind == "checklist":
        out = []
        for it in b.items:
            text, command = command_of(it.text)
            out.append(f"<li>{h(text)}" + (f" <code>{h(command)}</code>" if command else "") + "</li>")
        return '<ul class="checklist">' + "".join(out) + "</ul>"
    if b.kind == "quote":
        return f"<blockquote><p>“{h(b.text)}”</p><footer>— {h(b.who)}</footer></blockquote>"
    if b.kind == "callout":
        return f'<div class="callout">{lead}{h(b.text)}</div>'
    if b.kind == "facts":
        return "<dl>" + "".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in b.rows) + "</dl>"
    if b.kind == "card":
        meta = f' <span class="meta">· {h(b.meta)}</span>' if b.meta else ""
        rows = "".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in b.rows)
        return f'<div class="card"><div class="title">{h(b.text)}{meta}</div><dl>{rows}</dl></div>'
    raise ValueError(b.kind)


# -- Typst (PDF) ------------------------------------------------------------------------------


def typst(doc: Doc, theme: Theme) -> str:
    from careerkit.render.escape import typst as t
    from careerkit.render.escape import typst_string as ts

    sp = theme.em
    out = [
        f"#set document(title: {ts(doc.title)}, author: {ts(doc.author)})",
        f'#let accent = rgb("{theme.accent}")',
        f'#let muted = rgb("{theme.muted}")',
        '#let soft = rgb("#f3f6f9")',
        '#let verdict-fill = (met: rgb("#e3f1e6"), partial: rgb("#fbf0d9"), gap: rgb("#f8e1e1"))',
        '#let verdict-ink = (met: rgb("#23613a"), partial: rgb("#7a5410"), gap: rgb("#8a2727"))',
        f'#set page(paper: "{doc.paper}", margin: (x: 0.85in, top: 0.8in, bottom: 0.85in),',
        "  footer: context {",
        "    let total = counter(page).final().first()",
        "    if total > 1 {",
        "      set text(size: 8pt, fill: muted)",
        f"      [{t(doc.running or doc.title)} #h(1fr) page #counter(page).display() of #total]",
        "    }",
        "  })",
        f'#set text(font: ({ts(theme.font)}, "Libertinus Serif"), size: {theme.size}pt, fill: rgb("{theme.ink}"), lang: "en")',
        f"#set par(justify: false, leading: {sp(0.62 if doc.letter else 0.58)}, spacing: {sp(1.3 if doc.letter else 0.8)})",
        f"#set list(indent: 0.3em, body-indent: 0.5em, spacing: {sp(0.5)})",
        f"#set enum(indent: 0.3em, body-indent: 0.5em, spacing: {sp(0.5)})",
        "#show heading: set text(fill: accent)",
        "#show heading: set block(sticky: true)",
        "#show heading.where(level: 1): set text(size: 20pt)",
        f"#show heading.where(level: 2): it => block(above: {sp(1.5)}, below: {sp(0.7)}, width: 100%, sticky: true,",
        '  stroke: (bottom: 0.8pt + rgb("#d5dbe3")), inset: (bottom: 0.3em), text(size: 13pt, it.body))',
        f'#show heading.where(level: 3): set text(size: {theme.size + 1}pt, fill: rgb("{theme.ink}"))',
        f"#show heading.where(level: 3): set block(above: {sp(1.2)}, below: {sp(0.55)})",
        "#let tag(kind, body) = box(fill: verdict-fill.at(kind, default: soft), inset: (x: 4pt, y: 2pt),",
        '  outset: (y: 1pt), radius: 6pt, text(size: 8.5pt, weight: "bold", fill: verdict-ink.at(kind, default: muted), body))',
        f'#let lead(body) = block(above: {sp(0.8)}, below: {sp(0.4)}, sticky: true, text(weight: "bold", body))',
        '#let card(title, rows) = block(breakable: true, stroke: (left: 1.5pt + rgb("#d5dbe3")), inset: (left: 9pt, y: 2pt),',
        f"  above: {sp(0.7)}, below: {sp(0.8)})[#block(sticky: true, below: {sp(0.5)}, title) #grid(columns: (6.2em, 1fr), column-gutter: 0.6em, row-gutter: {sp(0.55)}, ..rows)]",
        "#let quote-box(body, who) = block(breakable: false, width: 100%, fill: soft, inset: (x: 9pt, y: 6pt),",
        f"  stroke: (left: 2pt + accent), above: {sp(0.6)}, below: {sp(0.6)})[#body \\ #text(size: 9pt, fill: muted)[— #who]]",
        f"#let callout(body) = block(breakable: false, width: 100%, fill: soft, inset: (x: 9pt, y: 6pt), above: {sp(0.6)}, below: {sp(0.7)}, body)",
        "#let box-item(body) = grid(columns: (1.3em, 1fr), box(stroke: 0.7pt + accent, width: 0.75em, height: 0.75em, baseline: 0.1em), body)",
        theme.typst_extra,
    ]
    if not doc.letter:
        out.append(f"= {t(doc.title)}")
        if doc.subtitle:
            out.append(f"#text(fill: muted)[{t(doc.subtitle)}]")
        out += [_typ_block(b) for b in doc.intro]
    else:  # a letterhead: the name large, the rest as written, then room before the letter
        out.append(f"#set text(size: {theme.size + 0.5}pt)")
        first, *rest = doc.intro or [Block("p")]
        out.append(
            f'#text(size: {theme.size + 7}pt, weight: "bold", fill: accent)[{t(first.lead or first.text)}]'
        )
        out += [_typ_block(b) for b in rest]
        out.append("#v(0.8em)")
    for s in doc.sections:
        if s.heading:
            out.append(f"\n== {t(s.heading)}")
        out += [_typ_block(b) for b in s.blocks]
    if doc.footer:
        out.append(f'\n#v(1.2em)\n#text(size: 8.5pt, fill: muted, style: "italic")[{t(doc.footer)}]')
    return "\n".join(out) + "\n"


def _typ_tag(tag: str, text: str) -> str:
    from careerkit.render.escape import typst as t

    if not (tag or text):
        return ""
    return f'#tag("{tag or "other"}")[{t(text or TAG.get(tag, tag))}] '


def _typ_block(b: Block) -> str:
    from careerkit.render.escape import typst as t

    lead = f"*{t(b.lead)}* " if b.lead else ""
    if b.kind == "p":
        body = lead + t(b.text)
        return "\n" + (f"#text(fill: muted)[{body}]" if b.muted else body) + "\n"
    if b.kind == "h3":
        return f"\n=== {_typ_tag(b.tag, b.tag_text)}{t(b.text)}\n"
    if b.kind in ("list", "steps"):
        lines = [f"\n#lead[{t(b.lead)}]"] if b.lead else [""]
        for it in b.items:
            bold = f"*{t(it.lead)}* " if it.lead else ""
            mark = "+" if b.numbered else "-"
            lines.append(f"{mark} {_typ_tag(it.tag, it.tag_text)}{bold}{t(it.text)}")
            lines += [f"  - {t(c)}" for c in it.children]
        return "\n".join(lines) + "\n"
    if b.kind == "checklist":
        from careerkit.render.escape import typst_string

        out = []
        for it in b.items:
            text, command = command_of(it.text)
            code = f" #raw({typst_string(command)})" if command else ""
            out.append(f"#box-item[{t(text)}{code}]")
        return "\n" + "\n".join(out) + "\n"
    if b.kind == "quote":
        return f"\n#quote-box[“{t(b.text)}”][{t(b.who)}]\n"
    if b.kind == "callout":
        return f"\n#callout[{lead}{t(b.text)}]\n"
    if b.kind == "facts":
        cells = ", ".join(f"text(fill: muted)[{t(k)}], [{t(v)}]" for k, v in b.rows)
        return f"\n#grid(columns: (7.5em, 1fr), column-gutter: 0.6em, row-gutter: 0.5em, {cells})\n"
    if b.kind == "card":
        title = f"*{t(b.text)}*" + (f" #text(fill: muted)[· {t(b.meta)}]" if b.meta else "")
        rows = ", ".join(f"text(fill: muted)[{t(k)}], [{t(v)}]" for k, v in b.rows)
        return f"\n#card([{title}], ({rows}{',' if len(b.rows) == 0 else ''}))\n"
    raise ValueError(b.kind)


# -- Word -------------------------------------------------------------------------------------


def docx(doc: Doc, theme: Theme) -> bytes:
    from docx.shared import Pt

    from careerkit.render import docx as W
    from careerkit.render.escape import one_line

    d = W.new_document(
        title=doc.title,
        author=doc.author,
        subject=doc.subject,
        keywords=doc.keywords,
        font=theme.docx_font,
        size=theme.docx_size,
        accent=theme.accent,
        paper=doc.paper,
    )
    if doc.letter:
        # A letter: room between paragraphs, the name as a letterhead, no page numbers.
        d.styles["Normal"].paragraph_format.space_after = Pt(10)
        d.styles["Normal"].paragraph_format.line_spacing = 1.1
    else:
        W.page_footer(d, doc.running or doc.title)
    if doc.letter and doc.intro:
        first, *rest = doc.intro
        head = W.paragraph(d, "")
        run = head.add_run(one_line(first.lead or first.text))
        run.bold = True
        run.font.size = Pt(theme.docx_size + 6)
        for b in rest:
            _docx_block(W, d, b, one_line, Pt)
    if not doc.letter:
        W.title(d, doc.title)
        if doc.subtitle:
            W.paragraph(d, doc.subtitle, italic=True)
        for b in doc.intro:
            _docx_block(W, d, b, one_line, Pt)
    for s in doc.sections:
        if s.heading:
            W.heading(d, s.heading, 1)
        for b in s.blocks:
            _docx_block(W, d, b, one_line, Pt)
    if doc.footer:
        W.paragraph(d, doc.footer, italic=True).paragraph_format.space_before = Pt(14)
    return W.to_bytes(d)


def _docx_block(W, d, b: Block, one_line, Pt) -> None:
    def tagged(tag: str, text: str) -> str:
        return f"{text or TAG.get(tag, tag)}: " if (tag or text) else ""

    if b.kind == "p":
        p = W.paragraph(d, one_line(b.text), lead=b.lead or None, italic=b.muted)
        if b.lead and not b.text:
            p.paragraph_format.keep_with_next = True
    elif b.kind == "h3":
        W.heading(d, tagged(b.tag, b.tag_text) + b.text, 2)
    elif b.kind in ("list", "steps"):
        if b.lead:
            W.paragraph(d, "", lead=b.lead).paragraph_format.keep_with_next = True
        for it in b.items:
            lead = (tagged(it.tag, it.tag_text) + it.lead).strip() or None
            W.bullet(d, one_line(it.text), lead=lead, numbered=b.numbered)
            for c in it.children:
                W.bullet(d, one_line(c), level=2)
    elif b.kind == "checklist":
        for it in b.items:
            text, command = command_of(it.text)
            box = W.paragraph(d, "☐ " + one_line(text))
            if command:
                run = box.add_run(" " + command)
                run.font.name = "Consolas"
            box.paragraph_format.left_indent = Pt(16)
            box.paragraph_format.first_line_indent = Pt(-16)
    elif b.kind == "quote":
        p = W.paragraph(d, f"“{one_line(b.text)}”", style="Quote")
        p.add_run(f" — {one_line(b.who)}")
    elif b.kind == "callout":
        p = W.paragraph(d, one_line(b.text), lead=b.lead or None, style="Intense Quote")
        p.paragraph_format.keep_together = True
    elif b.kind == "facts":
        for k, v in b.rows:
            W.paragraph(d, one_line(v), lead=f"{k}:").paragraph_format.space_after = Pt(1)
    elif b.kind == "card":
        p = W.paragraph(d, one_line(b.meta), lead=b.text + ("." if b.meta else ""))
        p.paragraph_format.keep_with_next = True
        for k, v in b.rows:
            W.bullet(d, one_line(v), lead=f"{k}:")
    else:
        raise ValueError(b.kind)
