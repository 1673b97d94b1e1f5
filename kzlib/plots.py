"""Charts with one party palette, titles, sources and alt text.

Figures are built with matplotlib's object API (``matplotlib.figure.Figure``), not
``pyplot``: nothing is drawn behind the notebook's back, no ``<Figure ...>`` text
lands in outputs, and a widget can keep one figure and update it in place.
:func:`show` displays a figure as PNG **with alt text** in the output metadata
(``{"image/png": {"alt": ...}}``, read by nbconvert) and as the plain-text
representation (compared by nbval). :func:`png_html` gives an ``<img alt=...>`` for
widget views.

Palette: the Okabe–Ito colour-blind-safe palette (Okabe & Ito, "Color Universal
Design", 2008, https://jfly.uni-koeln.de/color/), one colour per party everywhere,
greys for minor lists. Two pairs are darkened so that they differ in lightness as
well as hue (Amanat dark blue vs Ak Zhol sky blue, QHP brick red vs Respublica
orange); every chart also names the parties (tick labels or a legend in seat order),
so no reader depends on colour alone. Palette constants and the seat-layout geometry
need no matplotlib; drawing functions import it when called.

Party names come from users too (the what-if lab's paste box): :func:`party_label`
shows any name literally (no mathtext for ``$``, a placeholder for glyphs the font
lacks, such as emoji) and wraps or shortens long names.
"""

from __future__ import annotations

import base64
import html
import io
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "PARTY_COLOURS",
    "colour",
    "party_label",
    "literal",
    "text_colour",
    "outline",
    "hemicycle_legend",
    "hemicycle_positions",
    "new_figure",
    "draw_hemicycle",
    "draw_seat_bars",
    "finish",
    "figure_png",
    "png_html",
    "show",
    "seats_alt_text",
]

#: The eight Okabe–Ito colours.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: Amanat's blue and QHP's vermillion, darkened: next to Ak Zhol's sky blue and
#: Respublica's orange the Okabe–Ito pairs were hard to tell apart (CIELAB distance
#: about 26 and 33); darker, they are 45 or more apart in normal and deuteranope vision.
DARK_BLUE = "#003C78"
BRICK_RED = "#A02B00"

#: One colour per party, the same in every notebook. Nur Otan and Otan share
#: Amanat's colour: the same party under earlier names (renamed 1 March 2022).
PARTY_COLOURS: dict[str, str] = {
    "Amanat": DARK_BLUE,
    "Nur Otan": DARK_BLUE,
    "Otan": DARK_BLUE,
    "Auyl": OKABE_ITO["yellow"],
    "Respublica": OKABE_ITO["orange"],
    "Ak Zhol": OKABE_ITO["sky_blue"],
    "QHP": BRICK_RED,
    "JSDP": OKABE_ITO["reddish_purple"],
    "Baitaq": OKABE_ITO["bluish_green"],
    "Adal": "#7F7F7F",
    "Asar": "#B3B3B3",
    "AIST": "#5E5E5E",
    "Independents": "#BBBBBB",
    "Against all": OKABE_ITO["black"],
}
#: Colour for any party not listed above.
OTHER = "#A6A6A6"
#: Edge colour that keeps light fills (Auyl's yellow) visible on white.
EDGE = "#333333"


def colour(party: str) -> str:
    """The party's colour (hex), or a neutral grey for parties without one."""
    return PARTY_COLOURS.get(party, OTHER)


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (a hex colour).

    Examples
    --------
    >>> text_colour(colour("Amanat")), text_colour(colour("Auyl"))
    ('white', 'black')
    """
    # 0.18 is where black and white text have equal contrast (WCAG 2).
    return "black" if _luminance(fill) > 0.18 else "white"


def _luminance(fill: str) -> float:
    """Relative luminance (WCAG 2) of a hex colour: 0 black, 1 white."""
    r, g, b = (int(fill[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return sum(w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
               for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True))


def outline(fill: str) -> list:
    """Path effects that give a very light line (Auyl's yellow) a dark edge on white.

    Pass as ``path_effects=outline(colour)`` to ``ax.plot``/``ax.step``; other
    colours get none (an empty list).
    """
    from matplotlib import patheffects

    if _luminance(fill) < 0.6:
        return []
    return [patheffects.Stroke(linewidth=3.4, foreground=EDGE), patheffects.Normal()]


_GLYPHS: set[int] | None = None
#: Shown instead of a character the font cannot draw (emoji, rare scripts).
MISSING_GLYPH = "\u25a1"


def _font_glyphs() -> set[int]:
    """The code points matplotlib's default font can draw (read once)."""
    global _GLYPHS
    if _GLYPHS is None:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        path = font_manager.findfont(font_manager.FontProperties())
        _GLYPHS = set(FT2Font(path).get_charmap())
    return _GLYPHS


def literal(text: str) -> str:
    r"""``text`` as matplotlib should show it: literally.

    A ``$`` is escaped so that two of them do not switch on mathtext, and a
    character the font has no glyph for (an emoji, say) becomes a white square
    instead of an empty box and a "Glyph missing" warning.

    Examples
    --------
    >>> literal("A$B$ party")
    'A\\$B\\$ party'
    >>> literal("Party \U0001F5F3") == "Party \u25a1"
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {text!r}")
    glyphs = _font_glyphs()
    shown = "".join(ch if ch in "\n\t" or ord(ch) in glyphs else MISSING_GLYPH for ch in text)
    return shown.replace("$", r"\$")


def party_label(name: str, width: int = 14, lines: int = 2) -> str:
    """A party name for a chart label: literal, wrapped, and shortened if still long.

    Parameters
    ----------
    name
        The party name as given (data or user input).
    width
        Characters per line; longer names wrap at spaces (or inside a long word).
    lines
        At most this many lines; the last one ends in "…" if the name is cut.

    Returns
    -------
    str
        The label, safe for any matplotlib text (see :func:`literal`).

    Examples
    --------
    >>> party_label("Amanat")
    'Amanat'
    >>> print(party_label("Communist People's Party"))
    Communist
    People's Party
    >>> print(party_label("People's Democratic Patriotic Party 'Auyl'"))
    People's
    Democratic Pa…
    """
    import textwrap

    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {name!r}")
    if width < 2 or lines < 1:
        raise ValueError(f"width must be >= 2 and lines >= 1, got width={width!r}, "
                         f"lines={lines!r}")
    rows = textwrap.wrap(" ".join(name.split()), width, break_long_words=True) or [""]
    if len(rows) > lines:
        rest = " ".join(rows[lines - 1:])
        rows = [*rows[:lines - 1], rest[: width - 1].rstrip() + "…"]
    return literal("\n".join(rows))


def hemicycle_positions(total: int, rows: int | None = None) -> list[tuple[float, float]]:
    """Seat centres of a parliament half-circle, ordered left to right.

    Parameters
    ----------
    total
        Number of seats (positive integer).
    rows
        Number of concentric rows; by default about ``sqrt(total / 4)``.

    Returns
    -------
    list of (x, y)
        ``total`` points on arcs of radius 1 (inner) to 2 (outer), sorted by
        angle from the left, so that consecutive seats of one party form a wedge.
    """
    if isinstance(total, bool) or not isinstance(total, int) or total <= 0:
        raise ValueError(f"total must be a positive integer, got {total!r}")
    if rows is None:
        rows = max(1, round(math.sqrt(total / 4)))
    radii = [1 + i / max(rows - 1, 1) for i in range(rows)] if rows > 1 else [1.5]
    weight = sum(radii)
    counts = [max(1, round(total * r / weight)) for r in radii]
    counts[-1] += total - sum(counts)  # rounding leftovers go to the outer row
    points: list[tuple[float, float, float]] = []
    for radius, count in zip(radii, counts, strict=True):
        for j in range(count):
            angle = math.pi * (1 - (j + 0.5) / count)
            points.append((angle, radius * math.cos(angle), radius * math.sin(angle)))
    points.sort(key=lambda p: (-round(p[0], 9), p[1]))
    return [(x, y) for _, x, y in points]


def new_figure(
    width: float = 7.0, height: float = 4.0, ncols: int = 1
) -> tuple[Figure, list[Axes]]:
    """A matplotlib Figure (object API, no pyplot) and its axes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    axes = fig.subplots(1, ncols, squeeze=False)[0]
    return fig, list(axes)


def draw_hemicycle(
    ax: Axes,
    seats: Mapping[str, int],
    *,
    title: str = "",
    marker_size: float | None = None,
    legend: bool = True,
    legend_cols: int | None = None,
) -> list:
    """Draw one dot per seat, grouped by party in the order given.

    Parameters
    ----------
    ax
        The axes to draw on (its frame is switched off).
    seats
        Seats per party, in the order the wedges run from left to right.
    title
        Axes title (shown literally).
    marker_size
        Dot area in points²; by default it shrinks as the house grows.
    legend
        Add :func:`hemicycle_legend` below the half-circle (parties with seats, in
        the same order, each with its number of seats), so that colour is never the
        only key. Parties named ``""`` (placeholders) get no entry.
    legend_cols
        Columns of the legend; by default up to 4.

    Returns
    -------
    list
        The scatter collections (one for all seats), so that a widget can
        recolour them in place with :func:`recolour_hemicycle`. ``ax.texts[0]`` is
        the "N seats" label.
    """
    total = sum(seats.values())
    positions = hemicycle_positions(total)
    size = marker_size or max(12.0, 2400.0 / max(total, 1))
    colours = [colour(p) for p, n in seats.items() for _ in range(n)]
    dots = ax.scatter(
        [x for x, _ in positions], [y for _, y in positions], s=size, c=colours,
        edgecolors=EDGE, linewidths=0.4,
    )
    ax.set_aspect("equal")
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-0.25, 2.2)
    ax.axis("off")
    # Inside the inner row (radius 1), so it never meets a dot.
    ax.text(0, 0.1, f"{total} seats", ha="center", va="bottom", fontsize=11)
    if title:
        ax.set_title(literal(title))
    if legend:
        hemicycle_legend(ax, seats, ncols=legend_cols)
    return [dots]


def hemicycle_legend(ax: Axes, seats: Mapping[str, int], *, ncols: int | None = None):
    """A legend under a hemicycle: one entry "Party N" per party with seats, in order.

    Returns the legend, or None when no named party has a seat (then any legend
    already on ``ax`` is removed). Calling it again replaces the legend, so a widget
    can keep it in step with :func:`recolour_hemicycle`.
    """
    from matplotlib.lines import Line2D

    shown = [(p, n) for p, n in seats.items() if n and p]
    old = ax.get_legend()
    if old is not None:
        old.remove()
    if not shown:
        return None
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7,
                      markerfacecolor=colour(p), markeredgecolor=EDGE, markeredgewidth=0.4,
                      label=f"{party_label(p, width=18, lines=1)} {n}")
               for p, n in shown]
    cols = ncols or min(4, len(handles))
    return ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                     ncols=cols, frameon=False, fontsize=8, handletextpad=0.2,
                     columnspacing=0.9)


def recolour_hemicycle(dots, seats: Mapping[str, int]) -> None:
    """Recolour an existing hemicycle in place (same number of seats)."""
    colours = [colour(p) for p, n in seats.items() for _ in range(n)]
    dots[0].set_facecolors(colours)


def replace_bars(
    ax: Axes, old: Sequence, parties: Sequence[str], *, wrap: int = 14, ticks: bool = True
) -> list:
    """Swap the bars of ``ax`` for one zero-height bar per party, keeping the axes.

    Faster than ``ax.clear()`` plus :func:`draw_seat_bars` when a widget switches to
    another election (another set of parties): ticks, labels and spines stay. Bars sit
    at positions 0..n-1 with the party names (wrapped at ``wrap`` characters) as ticks.
    With ``ticks=False`` the tick labels are left alone (a caller that draws the names
    as its own artists). Returns the new bar artists.
    """
    for artist in old:
        artist.remove()
    positions = range(len(parties))
    bars = ax.bar(positions, [0] * len(parties), color=[colour(p) for p in parties],
                  edgecolor=EDGE, linewidth=0.5)
    if ticks:
        ax.set_xticks(positions, [party_label(p, width=wrap, lines=3) for p in parties])
    ax.set_xlim(-0.6, len(parties) - 0.4)
    return list(bars)


def draw_seat_bars(
    ax: Axes,
    values: Mapping[str, float],
    *,
    xlabel: str = "",
    ylabel: str = "Seats",
    labels: bool = True,
    lines: Mapping[str, float] | None = None,
    wrap: int = 12,
) -> list:
    """Vertical bars, one per party in party colours, with value labels.

    Party names are horizontal tick labels, wrapped by :func:`party_label` (no
    rotation: rotated names ran into each other and into the axis label).
    ``lines`` draws labelled horizontal reference lines (e.g. {"majority (50)": 50});
    their labels sit in the right margin, clear of the bars and their labels.
    Returns the bar artists for in-place updates.
    """
    from matplotlib.transforms import blended_transform_factory

    parties = list(values)
    positions = range(len(parties))
    bars = ax.bar(positions, [values[p] for p in parties], color=[colour(p) for p in parties],
                  edgecolor=EDGE, linewidth=0.5)
    ax.set_xticks(positions, [party_label(p, width=wrap, lines=3) for p in parties])
    if labels:
        ax.bar_label(bars, fmt="%g", padding=2)
    # Headroom for the labels above the tallest bar.
    ax.margins(y=0.15)
    margin = blended_transform_factory(ax.transAxes, ax.transData)
    for name, y in (lines or {}).items():
        ax.axhline(y, color="#444444", linestyle="--", linewidth=1)
        ax.text(1.01, y, literal(name), transform=margin, va="center", ha="left", fontsize=8,
                clip_on=False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return list(bars)


def finish(fig: Figure, title: str, source: str, *, label: str = "Source") -> None:
    """Give the figure its title and a source line at the bottom ("``label``: source";
    an explorer in Kazakh or Russian passes the word translated).

    With the constrained layout (what :func:`new_figure` makes) the source line
    is the figure's ``supxlabel``, so the layout keeps room for it and for the
    title; other figures get a plain text at the bottom-left corner. Both are
    wrapped to the figure's width, so that neither runs off a narrow figure.
    """
    import textwrap

    from matplotlib.layout_engine import ConstrainedLayoutEngine

    width = fig.get_figwidth()
    # About 9 characters per inch at 13 pt and 15 at 8 pt (DejaVu Sans, mixed text).
    fig.suptitle(textwrap.fill(title, max(20, int(width * 9))), fontsize=13)
    line = textwrap.fill(f"{label}: {source}", max(30, int(width * 15)))
    style = {"fontsize": 8, "color": "#444444", "ha": "left"}
    if isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        fig.supxlabel(line, x=0.01, **style)
    else:
        fig.text(0.01, 0.005, line, va="bottom", **style)


def figure_png(fig: Figure) -> bytes:
    """Render ``fig`` to PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def png_html(png: bytes, alt: str, width: int | None = None) -> str:
    """An ``<img>`` tag with the PNG inlined and alt text, for an ipywidgets.HTML."""
    data = base64.b64encode(png).decode("ascii")
    size = f' width="{width}"' if width else ""
    # max-width: on a narrow screen the chart shrinks instead of being cut off.
    return (
        f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}"{size}'
        ' style="max-width:100%;height:auto"/>'
    )


def show(fig: Figure, alt: str) -> None:
    """Display ``fig`` as a PNG with ``alt`` as its alt text and plain-text form."""
    from IPython.display import display

    bundle = {"image/png": base64.b64encode(figure_png(fig)).decode("ascii"), "text/plain": alt}
    display(bundle, raw=True, metadata={"image/png": {"alt": alt}})


def seats_alt_text(kind: str, seats: Mapping[str, int], extra: str = "") -> str:
    """Alt text listing the seats, e.g. "Hemicycle of 69 seats: Amanat 40, Auyl 8."."""
    total = sum(seats.values())
    parts = ", ".join(f"{p} {n}" for p, n in seats.items() if n)
    text = f"{kind} of {total} seats: {parts}."
    return f"{text} {extra}".strip()


def sequence_alt_text(kind: str, labels: Sequence[str], values: Sequence[float], unit: str) -> str:
    """Alt text for a bar or line chart: "Bar chart of turnout (%): 2021 63.25, 2023 54.19."."""
    pairs = zip(labels, values, strict=True)
    parts = ", ".join(f"{label} {value:g}" for label, value in pairs)
    return f"{kind} of {unit}: {parts}."
