"""The recap's four pictures, drawn natively: each chart is laid out once as a list of shapes
(rectangles, circles, lines, text) in points, then written as inline SVG for HTML or as
Typst's own shapes for the PDF. Nothing is fetched and no charting package is used, so the
two formats show the same picture and tests can read the data back from the shapes.

Pure: plain data in, text out."""

from __future__ import annotations

from dataclasses import dataclass, field

# A qualitative palette that stays apart in print and for common colour-vision deficiencies.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ad494a",
    "#637939",
)
OTHER = "#b0b7c0"
INK = "#1d232c"
MUTED = "#5d6673"
RULE = "#d5dbe3"
RATING_FILL = {1: "#f3d6a4", 2: "#9cc3e0", 3: "#1f4e79"}


@dataclass
class Shape:
    kind: str  # rect | circle | line | text
    x: float
    y: float
    w: float = 0.0  # rect width; line x2; circle radius
    h: float = 0.0  # rect height; line y2
    fill: str = INK
    text: str = ""
    size: float = 7.0
    anchor: str = "start"  # start | middle | end
    data: str = ""  # what the shape stands for (tests read it)


@dataclass
class Chart:
    width: float
    height: float
    title: str
    shapes: list[Shape] = field(default_factory=list)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _label(
    c: Chart, x: float, y: float, text: str, *, anchor: str = "start", size: float = 7.0, fill: str = MUTED
):
    c.add(Shape("text", x, y, text=text, size=size, anchor=anchor, fill=fill))


# -- the four charts --------------------------------------------------------------------------------


def wins_per_month(months: list[dict], colours: dict[str, str], width: float = 460.0) -> Chart:
    """Stacked bars, one a month: months = [{'label', 'counts': {competency: n}}]."""
    height, left, bottom, top = 130.0, 22.0, 18.0, 8.0
    c = Chart(width, height, "Wins per month, by competency")
    most = max((sum(m["counts"].values()) for m in months), default=0) or 1
    plot_h = height - bottom - top
    step = (width - left) / max(len(months), 1)
    bar = min(28.0, step * 0.7)
    c.add(Shape("line", left, height - bottom, width, height - bottom, fill=RULE))
    _label(c, left - 4, top + 3, str(most), anchor="end")
    _label(c, left - 4, height - bottom, "0", anchor="end")
    for i, m in enumerate(months):
        x = left + i * step + (step - bar) / 2
        y = height - bottom
        for comp, n in m["counts"].items():
            if not n:
                continue
            h = plot_h * n / most
            y -= h
            c.add(Shape("rect", x, y, bar, h, fill=colours.get(comp, OTHER), data=f"{m['label']}|{comp}|{n}"))
        total = sum(m["counts"].values())
        if total:
            _label(c, x + bar / 2, y - 2, str(total), anchor="middle", size=6.5, fill=INK)
        _label(c, x + bar / 2, height - 5, m["short"], anchor="middle", size=6.5)
    return c


def rating_strips(strips: list[dict], months: list[str], width: float = 460.0) -> Chart:
    """One row a standard, one cell a month: the rating in force that month (a heat strip);
    a dot marks a month when a rating was given. strips = [{'id', 'title', 'cells': [rating
    or None per month], 'rated': [bool per month]}]; months = short labels."""
    row, label_w, top = 14.0, 150.0, 4.0
    height = top + row * len(strips) + 16
    c = Chart(width, height, "Self-ratings per standard over time")
    cell = (width - label_w) / max(len(months), 1)
    for r, s in enumerate(strips):
        y = top + r * row
        _label(c, 0, y + row - 3.5, _clip(f"{s['id']} {s['title']}", 32), size=7.5, fill=INK)
        for i, rating in enumerate(s["cells"]):
            x = label_w + i * cell
            fill = RATING_FILL.get(rating or 0, "#f1f3f5")
            c.add(
                Shape(
                    "rect", x + 0.5, y + 1, cell - 1, row - 2, fill=fill, data=f"{s['id']}|{i}|{rating or 0}"
                )
            )
            if s["rated"][i]:
                c.add(Shape("circle", x + cell / 2, y + row / 2, 1.8, fill="#ffffff" if rating == 3 else INK))
    for i, m in enumerate(months):
        _label(c, label_w + i * cell + cell / 2, height - 4, m, anchor="middle", size=6.5)
    return c


def readiness(lines: list[dict], width: float = 460.0) -> Chart:
    """The score (0-100) at each analysis of each saved posting: lines = [{'name',
    'points': [(x position 0..1, score)], 'colour'}], one polyline with dots each."""
    height, left, right, bottom, top = 120.0, 22.0, 8.0, 14.0, 6.0
    c = Chart(width, height, "Readiness per saved posting (score at each analysis)")
    plot_w, plot_h = width - left - right, height - bottom - top
    for v in (0, 50, 100):
        y = top + plot_h * (1 - v / 100)
        c.add(Shape("line", left, y, width - right, y, fill=RULE))
        _label(c, left - 4, y + 2.5, str(v), anchor="end")
    for line in lines:
        pts = [(left + plot_w * px, top + plot_h * (1 - score / 100), score) for px, score in line["points"]]
        for (x1, y1, _), (x2, y2, _) in zip(pts, pts[1:], strict=False):
            c.add(Shape("line", x1, y1, x2, y2, fill=line["colour"]))
        for x, y, score in pts:
            c.add(Shape("circle", x, y, 2.4, fill=line["colour"], data=f"{line['name']}|{score}"))
        if pts:
            x, y, score = pts[-1]
            _label(c, min(x + 4, width - right), y - 3, str(score), size=6.5, fill=line["colour"])
    _label(c, left, height - 2, lines[0]["first"] if lines and lines[0].get("first") else "", size=6.5)
    _label(
        c,
        width - right,
        height - 2,
        lines[0]["last"] if lines and lines[0].get("last") else "",
        size=6.5,
        anchor="end",
    )
    return c


def learning_hours(terms: list[dict], width: float = 460.0) -> Chart:
    """Horizontal bars, one a term: terms = [{'label', 'hours'}]."""
    row, label_w, top = 16.0, 70.0, 2.0
    height = top + row * len(terms) + 4
    c = Chart(width, height, "Learning hours per term")
    most = max((t["hours"] for t in terms), default=0) or 1
    room = width - label_w - 40
    for i, t in enumerate(terms):
        y = top + i * row
        _label(c, 0, y + row - 5, t["label"], size=7, fill=INK)
        w = room * t["hours"] / most
        c.add(
            Shape(
                "rect",
                label_w,
                y + 2,
                max(w, 0.5),
                row - 5,
                fill="#1f4e79",
                data=f"{t['label']}|{t['hours']:g}",
            )
        )
        _label(c, label_w + w + 4, y + row - 5, f"{t['hours']:g} h", size=7)
    return c


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# -- writing them -----------------------------------------------------------------------------------


def _num(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def to_svg(c: Chart) -> str:
    """Inline SVG: scales to the page width, with a title for screen readers."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(c.width)} {_num(c.height)}" '
        f'role="img" aria-label="{_xml(c.title)}" class="chart" font-family="sans-serif">',
        f"<title>{_xml(c.title)}</title>",
    ]
    for s in c.shapes:
        data = f' data-value="{_xml(s.data)}"' if s.data else ""
        if s.kind == "rect":
            parts.append(
                f'<rect x="{_num(s.x)}" y="{_num(s.y)}" width="{_num(s.w)}" height="{_num(s.h)}" '
                f'fill="{s.fill}"{data}/>'
            )
        elif s.kind == "circle":
            parts.append(f'<circle cx="{_num(s.x)}" cy="{_num(s.y)}" r="{_num(s.w)}" fill="{s.fill}"{data}/>')
        elif s.kind == "line":
            parts.append(
                f'<line x1="{_num(s.x)}" y1="{_num(s.y)}" x2="{_num(s.w)}" y2="{_num(s.h)}" '
                f'stroke="{s.fill}" stroke-width="1.2"/>'
            )
        else:
            parts.append(
                f'<text x="{_num(s.x)}" y="{_num(s.y)}" font-size="{_num(s.size)}" fill="{s.fill}" '
                f'text-anchor="{s.anchor}">{_xml(s.text)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _typst_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_typst(c: Chart) -> str:
    """A Typst block of the chart's size with every shape placed in it (points)."""
    out = [f"#block(width: {_num(c.width)}pt, height: {_num(c.height)}pt, breakable: false)["]
    for s in c.shapes:
        if s.kind == "rect":
            out.append(
                f"#place(dx: {_num(s.x)}pt, dy: {_num(s.y)}pt, rect(width: {_num(s.w)}pt, "
                f'height: {_num(s.h)}pt, fill: rgb("{s.fill}"), stroke: none))'
            )
        elif s.kind == "circle":
            out.append(
                f"#place(dx: {_num(s.x - s.w)}pt, dy: {_num(s.y - s.w)}pt, circle(radius: {_num(s.w)}pt, "
                f'fill: rgb("{s.fill}"), stroke: none))'
            )
        elif s.kind == "line":
            out.append(
                f"#place(line(start: ({_num(s.x)}pt, {_num(s.y)}pt), end: ({_num(s.w)}pt, {_num(s.h)}pt), "
                f'stroke: 1pt + rgb("{s.fill}")))'
            )
        else:
            # Text sits on its baseline at y, as in SVG; a box of 0 width anchored by alignment.
            align = {"start": "left", "middle": "center", "end": "right"}[s.anchor]
            dx = {"start": 0.0, "middle": -60.0, "end": -120.0}[s.anchor]
            width = 0 if s.anchor == "start" else (120 if s.anchor == "middle" else 120)
            box = f"box(width: {width}pt)" if width else "box"
            out.append(
                f"#place(dx: {_num(s.x + dx)}pt, dy: {_num(s.y - s.size * 0.8)}pt, "
                f'{box}[#set align({align}); #set text(font: "Libertinus Serif", size: {_num(s.size * 1.05)}pt, '
                f'fill: rgb("{s.fill}")); #{_typst_str(s.text)}])'
            )
    out.append("]")
    return "\n".join(out)
