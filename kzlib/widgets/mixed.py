"""Notebook 07 widget: the mixed Mazhilis — move the list share, change the system.

:func:`build_mixed_explorer` links five controls (list share of the 98 seats, the
way the tiers combine, the assumption for the district tier, the reading of the
disputed 2023 seat, the overhang rule for the compensatory system) to a
:class:`MixedModel`, which calls :func:`kzlib.cases.mazhilis_2023_house`. It shows
each party's list and single-member seats as stacked bars with the majority and
two-thirds lines, and a table of the same numbers. The chart is one figure updated in place.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets
from matplotlib.patches import Patch

from kzlib import cases, mixed, plots
from kzlib.i18n import translator
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer, ExplorerModel

__all__ = [
    "MODEL_LABELS",
    "READING_LABELS",
    "MixedModel",
    "build_mixed_explorer",
    "mixed_settings",
]


def _wide() -> dict:
    # One dropdown per row, wide enough to read the options in full.
    return {"style": LABEL_STYLE, "layout": widgets.Layout(width="600px")}

Gettext = Callable[[str], str]

#: Dropdown labels for the district-tier assumptions.
MODEL_LABELS: dict[str, str] = {
    "2023 result": "like the 2023 district result, scaled (assumption)",
    "list shares": "in proportion to list votes (assumption)",
    "leader sweeps": "the list-vote leader wins every district (assumption)",
}
#: Dropdown labels for the readings of the disputed seat.
READING_LABELS: dict[str, str] = {
    "disputed": "show the disputed seat apart",
    "wikipedia": "Wikipedia: 22 Amanat + 7 independents",
    "electionguide": "ElectionGuide: 22 Amanat + 1 JSDP + 6 independents",
}
_SYSTEM_LABELS: dict[str, str] = {
    "parallel": "parallel: tiers counted apart (Kazakhstan 2023)",
    "compensatory": "compensatory (MMP): lists top up to a proportional total",
}
_OVERHANG_LABELS: dict[str, str] = {
    "keep": "keep: the house grows by the overhang",
    "fixed": "fixed: the house stays at 98",
    "level": "level: add seats until totals are proportional",
}


class MixedModel(ExplorerModel):
    """The mixed-system explorer's state: the 2023 list vote in one mixed design.

    ``result`` is the :class:`~kzlib.mixed.MixedResult` of
    :func:`kzlib.cases.mazhilis_2023_house`.
    """

    list_share = traitlets.Int(70).tag(input=True)
    system = traitlets.Unicode("parallel").tag(input=True)
    district_model = traitlets.Unicode("2023 result").tag(input=True)
    reading = traitlets.Unicode("disputed").tag(input=True)
    overhang = traitlets.Unicode("keep").tag(input=True)

    def settings(self) -> dict[str, Any]:
        """The keyword arguments of :func:`kzlib.cases.mazhilis_2023_house`."""
        return {
            "list_share": f"{self.list_share}%",
            "system": self.system,
            "district_model": self.district_model,
            "reading": self.reading,
            "overhang": self.overhang,
        }

    def compute(self) -> mixed.MixedResult:
        return cases.mazhilis_2023_house(**self.settings())

    def idle_inputs(self) -> set[str]:
        """Inputs that change nothing in the current design: the overhang rule outside
        the compensatory system, the reading of the disputed 2023 seat unless the
        district tier follows the 2023 result."""
        idle = set()
        if self.system != "compensatory":
            idle.add("overhang")
        if self.district_model != "2023 result":
            idle.add("reading")
        return idle


def mixed_settings(explorer: Explorer) -> dict[str, Any]:
    """The keyword arguments of :func:`kzlib.cases.mazhilis_2023_house` for the explorer's
    current controls, so tests and notebooks can call the pure function directly."""
    model = explorer.model
    if not isinstance(model, MixedModel):
        raise TypeError(
            f"explorer must be built by build_mixed_explorer, "
            f"got one with a {type(model).__name__}"
        )
    return model.settings()


def _party(name: str, gettext: Gettext) -> str:
    # Party names stay as in data/; the two non-party rows are words, so translated.
    return gettext(name) if name in mixed.NON_PARTY else name


def _design(result: mixed.MixedResult, gettext: Gettext) -> str:
    """``result.design`` ("<system>: <n> list + <m> districts", as kzlib.mixed.mixed_house
    names it) in the explorer's language; unchanged if it has another form."""
    match = re.fullmatch(r"(.+): (\d+) list \+ (\d+) districts", result.design)
    if match is None:
        return result.design
    system, lists, districts = match.groups()
    return gettext("{system}: {lists} list + {districts} districts").format(
        system=gettext(system), lists=lists, districts=districts)


def _note(model: MixedModel, result: mixed.MixedResult, gettext: Gettext) -> str:
    """``result.note`` in the explorer's language (the same words in English)."""
    _ = gettext
    if model.district_model == "2023 result" and result.district_tier == sum(
            cases.district_seats_2023(model.reading).values()):
        where = _("the 2023 result ({reading})").format(reading=_(mixed.READINGS[model.reading]))
    else:
        where = _(mixed.DISTRICT_MODELS[model.district_model])
    note = _("District tier: {what}.").format(what=where)
    if model.system == "compensatory":
        note += " " + _("Overhang rule: {rule}.").format(
            rule=_(mixed.OVERHANG_RULES[model.overhang]))
    return note


def _summary_html(
    result: mixed.MixedResult, gettext: Gettext = str, lang: str = "en",
    model: MixedModel | None = None,
) -> str:
    _ = gettext
    total = result.total
    note = result.note if model is None else _note(model, result, _)
    rows = "".join(
        f"<tr><td>{html.escape(_party(p, _))}</td>"
        f"<td style='text-align:right'>{result.list_seats.get(p, 0)}</td>"
        f"<td style='text-align:right'>{result.district_seats.get(p, 0)}</td>"
        f"<td style='text-align:right'><b>{total[p]}</b></td></tr>"
        for p in result.parties if total[p] or p not in mixed.NON_PARTY
    )
    leader = result.largest_party

    def line(name: str, seats: int) -> str:
        who = result.reaches(seats)
        verdict = (", ".join(f"<b>{html.escape(p)}</b> ({total[p]})" for p in who) if who
                   else _("<b>nobody</b> (largest party: {party}, {seats})").format(
                       party=html.escape(leader), seats=total[leader]))
        return _("{line}: {seats} of {house} seats; reached by {verdict}.").format(
            line=name, seats=seats, house=result.house_size, verdict=verdict)

    added = (" " + _("({seats} seat(s) added by the overhang rule)").format(
        seats=result.added_seats) if result.added_seats else "")
    disputed = (
        "<br>" + _("<i>Disputed</i>: seats the sources give to the JSDP (ElectionGuide) or to "
                   "an independent (Wikipedia).") if total.get(mixed.DISPUTED) else ""
    )
    return (
        "<p>" + _("<b>{lists}</b> list seats + <b>{districts}</b> single-member seats = "
                  "<b>{house}</b> seats").format(
            lists=result.list_tier, districts=result.district_tier, house=result.house_size)
        + f"{added}. {html.escape(note)}{disputed}<br>"
        f"{line(_('Majority'), result.majority_line)}<br>"
        f"{line(_('Two-thirds'), result.two_thirds_line)}</p>"
        f"<table><tr><th>{_('party')}</th><th>{_('list seats')}</th>"
        f"<th>{_('single-member seats')}</th><th>{_('total')}</th></tr>{rows}</table>"
    )


class _MixedChart:
    """Stacked bars (list tier solid, single-member tier striped) with the majority and
    two-thirds lines: one figure, its artists updated in place."""

    def __init__(self, parties: list[str], gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        fig, (ax,) = plots.new_figure(8.5, 4.6)
        # A fixed layout: constrained layout would re-measure every label on each move.
        fig.set_layout_engine("none")
        ax.set_position((0.08, 0.22, 0.9, 0.64))
        plots.finish(fig, _("Seats in a mixed Mazhilis: list tier and single-member tier"),
                     _("2023 list votes (CEC) in data/; district tier as chosen "
                       "(2023 result or an assumption)"), label=_("Source"))
        zeros = [0] * len(parties)
        colours = [plots.colour(p) for p in parties]
        self.ax, self.parties, self.top = ax, parties, None
        self.list_bars = ax.bar(parties, zeros, color=colours, edgecolor=plots.EDGE,
                                linewidth=0.5)
        # Same party colour for both tiers; white stripes mark the single-member seats.
        self.district_bars = ax.bar(parties, zeros, bottom=zeros, color=colours,
                                    edgecolor="white", linewidth=0, hatch="///")
        # On an opaque white box drawn over the dashed lines: a party whose total is
        # near the majority or two-thirds line keeps a readable number.
        self.labels = [ax.annotate("", (b.get_x() + b.get_width() / 2, 0), xytext=(0, 1.5),
                                   textcoords="offset points", ha="center", va="bottom",
                                   fontsize=8, zorder=3,
                                   bbox={"boxstyle": "square,pad=0.1", "facecolor": "white",
                                         "edgecolor": "none"})
                       for b in self.list_bars]
        self.lines = [ax.axhline(0, color="#444444", linestyle="--", linewidth=1),
                      ax.axhline(0, color="#444444", linestyle=":", linewidth=1.2)]
        self.line_labels = [ax.text(len(parties) - 0.5, 0, "", ha="right", va="bottom",
                                    fontsize=8) for _ in self.lines]
        ax.set_xlabel(_("Party (Independents = self-nominated winners)"))
        ax.set_ylabel(_("Seats"))
        # Horizontal names, wrapped (rotated ones ran into each other and the axis label).
        # A word longer than 12 letters (Russian "Самовыдвиженцы") is never cut in two.
        names = [_party(p, _) for p in parties]
        ax.set_xticks(range(len(parties)), [
            plots.party_label(name, width=max(12, *map(len, name.split())), lines=3)
            for name in names])
        ax.tick_params(axis="x", labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(handles=[Patch(facecolor="#777777", edgecolor=plots.EDGE, label=_("list seats")),
                           Patch(facecolor="#777777", edgecolor="white", hatch="///",
                                 label=_("single-member seats (striped)"))],
                  loc="upper center", frameon=False, fontsize=8, ncols=2)
        self.heading = ax.text(0.5, 1.02, "", transform=ax.transAxes, ha="center",
                               va="bottom", fontsize=10)
        # In drawing order: the totals go over the dashed lines.
        moving = [*self.list_bars, *self.district_bars, *self.lines, *self.labels,
                  *self.line_labels, self.heading]
        self.view = BlitChartView(fig, lambda: moving)
        self.widget = self.view.widget

    def update(self, result: mixed.MixedResult, design: str | None = None) -> None:
        """Draw ``result`` and refresh the picture (``design``: its name as shown)."""
        _ = self._
        total = result.total
        for i, party in enumerate(self.parties):
            low, high = result.list_seats.get(party, 0), result.district_seats.get(party, 0)
            self.list_bars[i].set_height(low)
            self.district_bars[i].set_y(low)
            self.district_bars[i].set_height(high)
            seats = total.get(party, 0)
            self.labels[i].xy = (self.labels[i].xy[0], seats)
            self.labels[i].set_text(str(seats) if seats else "")
        for artist, text, seats, name in zip(
            self.lines, self.line_labels, (result.majority_line, result.two_thirds_line),
            (_("majority"), _("two-thirds")), strict=True,
        ):
            artist.set_ydata([seats, seats])
            text.set_position((len(self.parties) - 0.5, seats))
            text.set_text(_("{line} ({seats} of {house})").format(
                line=name, seats=seats, house=result.house_size))
        # The y axis depends on the house size only (in steps of 20 seats), so most
        # moves redraw just the bars, labels and lines (the rest of the picture is kept).
        top = 20 * math.ceil(max(max(total.values()), result.house_size) * 1.1 / 20)
        if top != self.top:
            self.ax.set_ylim(0, top)
            self.top = top
            self.view.invalidate()
        self.heading.set_text(_("{design}: {seats} seats").format(
            design=result.design if design is None else design, seats=result.house_size))
        shown = {_party(p, _): n for p, n in total.items()}
        alt = _("{kind} of {total} seats: {parts}.").format(
            kind=_("Stacked bar chart"), total=sum(shown.values()),
            parts=", ".join(f"{p} {n}" for p, n in shown.items() if n))
        alt += " " + _("Seats per party, list tier solid and single-member tier striped: "
                       "{parts}. Majority line at {majority}, two-thirds line at "
                       "{two_thirds}.").format(
            parts=", ".join(f"{_party(p, _)} {result.list_seats.get(p, 0)} + "
                            f"{result.district_seats.get(p, 0)}"
                            for p in result.parties if total[p]),
            majority=result.majority_line, two_thirds=result.two_thirds_line)
        self.view.refresh(alt)


def build_mixed_explorer(list_share: int = 70, lang: str = "en") -> Explorer:
    """Mixed-system explorer for notebook 07.

    Parameters
    ----------
    list_share
        List share of the 98 seats shown first, in whole per cent (0–100); 70
        gives the 2023 split of 69 list + 29 single-member seats.
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`. Party names stay
        as in ``data/``.

    Returns
    -------
    Explorer
        Controls ``list_share`` (per cent), ``system``, ``district_model``,
        ``reading`` and ``overhang``, linked to a :class:`MixedModel`; ``result`` is
        the :class:`~kzlib.mixed.MixedResult` of :func:`kzlib.cases.mazhilis_2023_house`
        for those settings (:func:`mixed_settings`).

    Raises
    ------
    ValueError
        If ``list_share`` is outside 0–100, or ``lang`` is not a language of the
        collection.
    """
    _ = translator(lang)
    whole = isinstance(list_share, int) and not isinstance(list_share, bool)
    if not whole or not 0 <= list_share <= 100:
        raise ValueError(
            f"list_share must be a whole per cent between 0 and 100, got {list_share!r}"
        )
    model = MixedModel(list_share=list_share)

    def dropdown(labels: dict[str, str], name: str, description: str) -> widgets.Dropdown:
        return widgets.Dropdown(options=[(_(label), key) for key, label in labels.items()],
                                value=getattr(model, name), description=_(description),
                                **_wide())

    controls = {
        "list_share": widgets.IntSlider(
            value=list_share, min=0, max=100, step=1, description="List share of the 98 seats (%)",
            continuous_update=False, style=LABEL_STYLE, layout=widgets.Layout(width="480px")),
        "system": dropdown(_SYSTEM_LABELS, "system", "How the tiers combine"),
        "district_model": dropdown(MODEL_LABELS, "district_model", "Single-member seats won"),
        "reading": dropdown(READING_LABELS, "reading", "The disputed 2023 seat"),
        "overhang": dropdown(_OVERHANG_LABELS, "overhang", "MMP overhang rule"),
    }
    # Set here, not in the call above, so the line with its layout stays as it was.
    controls["list_share"].description = _(controls["list_share"].description)
    explorer = Explorer(controls=controls, lang=lang)
    votes = cases.mazhilis_election(2023).votes
    chart = _MixedChart([*votes, mixed.INDEPENDENTS, mixed.DISPUTED], _, lang)

    def show(result: mixed.MixedResult) -> None:
        # The numbers first: they reach the page while the chart is being drawn.
        explorer.show_text(_summary_html(result, _, lang, model))
        chart.update(result, _design(result, _))

    explorer.bind(model, show)

    def enable(_change: object = None) -> None:
        # A control that does nothing now is greyed out, so no move seems to be ignored.
        for name, control in controls.items():
            control.disabled = name in model.idle_inputs()

    model.observe(enable, names=["system", "district_model"])
    enable()
    explorer.children = [
        controls["list_share"],
        controls["system"],
        controls["overhang"],
        controls["district_model"],
        controls["reading"],
        chart.widget,
    ]
    return explorer
