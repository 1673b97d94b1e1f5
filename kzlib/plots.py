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
greys for minor lists. Palette constants and the seat-layout geometry need no
matplotlib; drawing functions import it when called.
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

#: One colour per party, the same in every notebook. Nur Otan and Otan share
#: Amanat's colour: the same party under earlier names (renamed 1 March 2022).
PARTY_COLOURS: dict[str, str] = {
    "Amanat": OKABE_ITO["blue"],
    "Nur Otan": OKABE_ITO["blue"],
    "Otan": OKABE_ITO["blue"],
    "Auyl": OKABE_ITO["yellow"],
    "Respublica": OKABE_ITO["orange"],
    "Ak Zhol": OKABE_ITO["sky_blue"],
    "QHP": OKABE_ITO["vermillion"],
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
    for radius, count in zip(radii, counts):
        for j in range(count):
            angle = math.pi * (1 - (j + 0.5) / count)
            points.append((angle, radius * math.cos(angle), radius * math.sin(angle)))
    points.sort(key=lambda p: (-round(p[0], 9), p[1]))
    return [(x, y) for _, x, y in points]


def new_figure(width: float = 7.0, height: float = 4.0, ncols: int = 1) -> tuple[Figure, list[Axes]]:
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
) -> list:
    """Draw one dot per seat, grouped by party in the order given.

    Returns the list of scatter collections (one per party) so that a widget can
    recolour them in place with :func:`recolour_hemicycle`.
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
    ax.text(0, 0.1, f"{total} seats", ha="center", va="bottom", fontsize=11)
    if title:
        ax.set_title(title)
    return [dots]


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
    import textwrap

    for artist in old:
        artist.remove()
    positions = range(len(parties))
    bars = ax.bar(positions, [0] * len(parties), color=[colour(p) for p in parties],
                  edgecolor=EDGE, linewidth=0.5)
    if ticks:
        ax.set_xticks(positions, [textwrap.fill(p, wrap) for p in parties])
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
) -> list:
    """Vertical bars, one per party in party colours, with value labels.

    ``lines`` draws labelled horizontal reference lines (e.g. {"majority (50)": 50}).
    Returns the bar artists for in-place updates.
    """
    parties = list(values)
    bars = ax.bar(parties, [values[p] for p in parties], color=[colour(p) for p in parties],
                  edgecolor=EDGE, linewidth=0.5)
    if labels:
        ax.bar_label(bars, fmt="%g", padding=2)
    for name, y in (lines or {}).items():
        ax.axhline(y, color="#444444", linestyle="--", linewidth=1)
        ax.text(len(parties) - 0.5, y, f" {name}", va="bottom", ha="right", fontsize=9)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=30)
    ax.spines[["top", "right"]].set_visible(False)
    return list(bars)


def finish(fig: Figure, title: str, source: str) -> None:
    """Give the figure its title and a source line at the bottom.

    With the constrained layout (what :func:`new_figure` makes) the source line
    is the figure's ``supxlabel``, so the layout keeps room for it and for the
    title; other figures get a plain text at the bottom-left corner.
    """
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    fig.suptitle(title, fontsize=13)
    style = {"fontsize": 8, "color": "#444444", "ha": "left"}
    if isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        fig.supxlabel(f"Source: {source}", x=0.01, **style)
    else:
        fig.text(0.01, 0.005, f"Source: {source}", va="bottom", **style)


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
    parts = ", ".join(f"{label} {value:g}" for label, value in zip(labels, values))
    return f"{kind} of {unit}: {parts}."
