"""Notebook 08 widget: the party-list tier of the Astana and Almaty city maslikhats.

:func:`build_maslikhat_explorer` wires four controls (council, threshold, what the
threshold is a share of, seat-allocation method) to
:func:`kzlib.mixed.maslikhat_list_tier`. With the default settings (5% of party
votes plus 'against all', Hare quota) it reproduces the official list seats of
19 March 2023. The chart is one figure updated in place: each list's share of the
base with the threshold line, and its seats next to the official seats.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from matplotlib.ticker import MaxNLocator

from kzlib import cases, plots
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer

__all__ = [
    "BASE_LABELS",
    "METHOD_LABELS",
    "build_maslikhat_explorer",
    "maslikhat_settings",
]

_FAIL_ALPHA = 0.35

#: Dropdown labels for the threshold base (no ballots figure is in data/ for the councils).
BASE_LABELS: dict[str, str] = {
    "votes_and_against_all": "party votes + 'against all' (as published)",
    "votes": "party votes only",
}
#: Dropdown labels for the allocation methods.
METHOD_LABELS: dict[str, str] = {
    "hare": "Hare quota, largest remainders (the law)",
    "droop": "Droop quota, largest remainders",
    "dhondt": "D'Hondt divisors",
    "sainte-lague": "Sainte-Laguë divisors",
    "modified-sainte-lague": "modified Sainte-Laguë divisors",
}


def maslikhat_settings(explorer: Explorer) -> dict[str, Any]:
    """The arguments of :func:`kzlib.mixed.maslikhat_list_tier` for the explorer's
    current controls (``council`` plus keyword arguments)."""
    c = explorer.controls
    return {
        "council": c["council"].value,
        "threshold": f"{c['threshold'].value:.1f}%",
        "base": c["base"].value,
        "method": c["method"].value,
    }


def _summary_html(council: str, result, official: dict[str, int], settings: dict) -> str:
    base_total = float(result.base_total)
    rows = "".join(
        f"<tr><td>{html.escape(p)}</td>"
        f"<td style='text-align:right'>{float(v) * 100 / base_total:.2f}%</td>"
        f"<td>{'yes' if p in result.eligible else 'no'}</td>"
        f"<td style='text-align:right'>{result.seats[p]}</td>"
        f"<td style='text-align:right'>{official.get(p, 0)}</td></tr>"
        for p, v in result.votes.items()
    )
    same = all(result.seats[p] == official.get(p, 0) for p in result.seats)
    verdict = ("<b>Same seats as the official result.</b>" if same
               else "<b>Different from the official result</b> (last column).")
    return (
        f"<p>{html.escape(council)} maslikhat, {result.house_size} list seats. "
        f"Threshold {html.escape(settings['threshold'])} of "
        f"{html.escape(BASE_LABELS[settings['base']])} "
        f"({base_total:,.0f} votes); method: {html.escape(METHOD_LABELS[result.method])}. "
        f"Lists that pass: <b>{len(result.eligible)}</b> of {len(result.votes)}. {verdict}</p>"
        f"<table><tr><th>party</th><th>% of base</th><th>passes?</th><th>seats</th>"
        f"<th>official seats</th></tr>{rows}</table>"
    )


def build_maslikhat_explorer(council: str = "Astana city", threshold: float = 5.0) -> Explorer:
    """List-tier explorer for notebook 08.

    Parameters
    ----------
    council
        Council shown first: ``"Astana city"`` or ``"Almaty city"``.
    threshold
        Threshold shown first, in per cent (0–10).

    Returns
    -------
    Explorer
        Controls ``council``, ``threshold`` (per cent), ``base`` and ``method``;
        ``result`` is the :class:`~kzlib.allocation.Allocation` of
        :func:`kzlib.mixed.maslikhat_list_tier` for those settings
        (:func:`maslikhat_settings`).

    Raises
    ------
    ValueError
        If the council is unknown or the threshold is outside 0–10.
    """
    councils = cases.maslikhat_councils()
    if council not in councils:
        valid = ", ".join(map(repr, councils))
        raise ValueError(f"council must be one of {valid}, got {council!r}")
    if not 0 <= threshold <= 10:
        raise ValueError(f"threshold must be between 0 and 10 (per cent), got {threshold!r}")
    controls = {
        "council": widgets.Dropdown(options=list(councils), value=council,
                                    description="City maslikhat", style=LABEL_STYLE),
        "threshold": widgets.FloatSlider(
            value=threshold, min=0, max=10, step=0.1, readout_format=".1f",
            description="Threshold (%)", continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="420px")),
        "base": widgets.Dropdown(options=[(label, key) for key, label in BASE_LABELS.items()],
                                 value="votes_and_against_all",
                                 description="Threshold is a share of", style=LABEL_STYLE),
        "method": widgets.Dropdown(options=[(label, key) for key, label in METHOD_LABELS.items()],
                                   value="hare", description="Seat method", style=LABEL_STYLE),
    }
    explorer = Explorer(controls=controls)
    official = {c: cases.maslikhat_election(c).official_seats for c in councils}
    # One fixed party order for every council, so the bars are built once.
    parties = list(dict.fromkeys(p for c in councils for p in cases.maslikhat_election(c).votes))
    most_seats = max(sum(seats.values()) for seats in official.values())

    fig, (ax_share, ax_seats) = plots.new_figure(9.5, 4.2, ncols=2)
    fig.set_layout_engine("none")
    ax_share.set_position((0.07, 0.25, 0.4, 0.6))
    ax_seats.set_position((0.57, 0.25, 0.4, 0.6))
    plots.finish(fig, "City maslikhat list seats, 19 March 2023",
                 "city election commissions (data/maslikhat_2023_list_results.csv); seats by kzlib")
    colours = [plots.colour(p) for p in parties]
    share_bars = ax_share.bar(parties, [0] * len(parties), color=colours, edgecolor=plots.EDGE,
                              linewidth=0.5)
    line = ax_share.axhline(0, color="#444444", linestyle="--", linewidth=1.2)
    line_label = ax_share.text(len(parties) - 0.5, 0, "", ha="right", va="bottom", fontsize=8)
    ax_share.set_ylim(0, 80)
    ax_share.set_ylabel("Share of the base (%)")
    ax_share.set_xlabel("Party list")
    seat_bars = ax_seats.bar(parties, [0] * len(parties), color=colours, edgecolor=plots.EDGE,
                             linewidth=0.5, label="seats (these settings)")
    (marks,) = ax_seats.plot(range(len(parties)), [0] * len(parties), linestyle="none",
                             marker="_", markersize=18, markeredgewidth=2.5, color="#000000",
                             label="official seats")
    seat_labels = [ax_seats.text(b.get_x() + b.get_width() / 2, 0, "", ha="center", va="bottom",
                                 fontsize=8) for b in seat_bars]
    ax_seats.set_ylim(0, most_seats + 1)
    ax_seats.set_ylabel("List seats")
    ax_seats.set_xlabel("Party list")
    ax_seats.legend(loc="upper right", frameon=False, fontsize=8)
    for ax in (ax_share, ax_seats):
        ax.tick_params(axis="x", labelrotation=30, labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
    ax_seats.yaxis.set_major_locator(MaxNLocator(integer=True))
    headings = [ax.text(0.5, 1.03, "", transform=ax.transAxes, ha="center", va="bottom",
                        fontsize=10) for ax in (ax_share, ax_seats)]
    moving = [*share_bars, line, line_label, *seat_bars, marks, *seat_labels, *headings]
    chart = BlitChartView(fig, lambda: moving)

    def update(_change: object = None) -> None:
        settings = maslikhat_settings(explorer)
        name = settings.pop("council")
        result = cases.maslikhat_list_tier(name, **settings)
        base_total = float(result.base_total)
        shares = {p: float(v) * 100 / base_total for p, v in result.votes.items()}
        for i, party in enumerate(parties):
            share_bars[i].set_height(shares.get(party, 0))
            share_bars[i].set_alpha(1.0 if party in result.eligible else _FAIL_ALPHA)
            seats = result.seats.get(party, 0)
            seat_bars[i].set_height(seats)
            seat_labels[i].set_position((seat_labels[i].get_position()[0], seats))
            seat_labels[i].set_text(str(seats))
        marks.set_ydata([official[name].get(p, 0) for p in parties])
        pct = float(result.threshold.percent)
        line.set_ydata([pct, pct])
        line_label.set_position((len(parties) - 0.5, pct))
        line_label.set_text(f"threshold {pct:g}%")
        headings[0].set_text(f"{name}: share of {BASE_LABELS[settings['base']].split(' (')[0]}")
        headings[1].set_text(f"{name}: {result.house_size} list seats")
        alt = plots.seats_alt_text(
            f"{name} maslikhat list tier, bar chart", result.seats,
            "Share of the base per list: "
            + ", ".join(f"{p} {s:.2f}%" for p, s in shares.items())
            + f"; threshold line at {pct:g}%. Official seats: "
            + ", ".join(f"{p} {n}" for p, n in official[name].items() if n) + ".")
        chart.refresh(alt)
        shown = {**settings, "council": name}
        explorer.show_text(_summary_html(name, result, official[name], shown))
        explorer.result = result

    explorer.watch(update)
    explorer.children = [
        widgets.HBox([controls["council"], controls["method"]]),
        widgets.HBox([controls["threshold"], controls["base"]]),
        chart.widget,
    ]
    return explorer
