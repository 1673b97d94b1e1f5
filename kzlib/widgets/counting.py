"""Notebook 06 widget: choose a counting method and a house size, and compare.

:func:`build_counting_explorer` links three controls (the votes, the method, the
number of seats) to a :class:`CountingModel`, which calls
:func:`kzlib.counting.count_seats` and :func:`kzlib.counting.compare_methods`. It
shows the chosen method's seats as bars
(with the article 97-1 Hare seats and the seats of a house one seat smaller as
markers), all five methods side by side with their Gallagher and effective-number
indices, whether the official result is reproduced, and whether one more seat cost
a list a seat (the Alabama paradox). The chart is one figure updated in place.
Every label, sentence and chart text is in the explorer's language (``lang``: English,
Kazakh or Russian, from the catalogues of :mod:`kzlib.i18n`); party names stay as in
``data/``.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.allocation import METHOD_LABELS
from kzlib.compare.elections import same_seats
from kzlib.counting import TEXTBOOK_VOTES, SeatCount, compare_methods, count_seats
from kzlib.i18n import format_number, translator
from kzlib.thresholds import BASE_LABELS
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
)

__all__ = [
    "SCENARIOS",
    "CountingModel",
    "Scenario",
    "build_counting_explorer",
    "counting_settings",
    "scenario",
]

MAX_SEATS = 150

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


@dataclass(frozen=True)
class Scenario:
    """One set of votes the explorer offers.

    Attributes
    ----------
    key
        Dropdown value.
    label
        Dropdown text.
    votes
        Party -> list votes.
    against_all
        'Against all' votes.
    seats
        The house size shown first (the real number of list seats).
    threshold
        E.g. ``"5%"``, or None.
    base
        What the threshold is a share of.
    official
        Party -> official seats at ``seats``, or None for a what-if.
    tie_break
        Registration order used to settle exact ties, or None: no scenario offered
        needs one (the textbook example was chosen so that no method ties at any
        house size from 1 to 150, and the real counts in ``data/`` never tie).
    source
        Where the votes come from (for the chart's source line).
    """

    key: str
    label: str
    votes: dict[str, int]
    against_all: int
    seats: int
    threshold: str | None
    base: str
    official: dict[str, int] | None
    tie_break: tuple[str, ...] | None
    source: str


#: Dropdown value -> label, in the order offered.
SCENARIOS: dict[str, str] = {
    "2023": _("Mazhilis 2023 (5% threshold)"),
    "2021": _("Mazhilis 2021 (7% threshold)"),
    "2021-at-5": _("Mazhilis 2021 votes at 5% (what if)"),
    "textbook": _("Textbook example: A 373, B 304, C 41 (no threshold)"),
}


@functools.lru_cache(maxsize=len(SCENARIOS))
def scenario(key: str) -> Scenario:
    """The :class:`Scenario` behind a dropdown value (votes read from ``data/`` once).

    Raises
    ------
    ValueError
        If ``key`` is not in :data:`SCENARIOS`.
    """
    from kzlib.cases import mazhilis_election

    if key not in SCENARIOS:
        raise ValueError(f"election must be one of {list(SCENARIOS)}, got {key!r}")
    if key == "textbook":
        return Scenario(
            key, SCENARIOS[key], dict(TEXTBOOK_VOTES), 0, 10, None, "votes", None, None,
            _("textbook example of the Alabama paradox"),
        )
    year = 2023 if key == "2023" else 2021
    election = mazhilis_election(year)
    votes, against_all = election.votes, election.against_all
    # One message per year (the year is part of the source's name).
    source = (_("CEC results 2023 in data/mazhilis_list_results.csv") if year == 2023
              else _("CEC results 2021 in data/mazhilis_list_results.csv"))
    if key == "2023":
        return Scenario(
            key, SCENARIOS[key], votes, against_all, 69, "5%", "votes_and_against_all",
            election.official_seats, None, source,
        )
    if key == "2021":
        return Scenario(
            key, SCENARIOS[key], votes, 0, 98, "7%", "votes", election.official_seats, None,
            source,
        )
    return Scenario(key, SCENARIOS[key], votes, 0, 98, "5%", "votes", None, None, source)


class CountingModel(ExplorerModel):
    """The counting explorer's state: one set of votes, one method, one house size.

    ``result`` is the :class:`~kzlib.counting.SeatCount` of
    :func:`~kzlib.counting.count_seats`; :attr:`methods` holds every method side by
    side for the same votes and seats (:func:`~kzlib.counting.compare_methods`).
    Choosing another election resets ``seats`` to its real number of list seats.
    """

    election = traitlets.Unicode("2023").tag(input=True)
    method = traitlets.Unicode("hare").tag(input=True)
    seats = traitlets.Int(69).tag(input=True)

    #: The methods side by side for the current result (a pandas DataFrame).
    methods: Any = None

    @traitlets.observe("election")
    def _reset_seats(self, change: dict) -> None:
        # Observers run in the order registered: this one before the recount.
        self.seats = scenario(change["new"]).seats

    @property
    def scenario(self) -> Scenario:
        """The chosen votes, threshold and official result."""
        return scenario(self.election)

    def settings(self) -> dict[str, Any]:
        """Keyword arguments of :func:`kzlib.counting.count_seats`."""
        s = self.scenario
        return {
            "votes": s.votes,
            "seats": self.seats,
            "method": self.method,
            "threshold": s.threshold,
            "against_all": s.against_all,
            "base": s.base,
            "tie_break": s.tie_break,
        }

    def compute(self) -> SeatCount:
        settings = self.settings()
        result = count_seats(**settings)
        settings.pop("method")
        self.methods = compare_methods(**settings)
        return result


def counting_settings(explorer: Explorer) -> dict[str, Any]:
    """Keyword arguments of :func:`kzlib.counting.count_seats` for the explorer's
    current controls, so tests and notebooks can call the pure function with exactly
    what the panel uses (drop ``method`` for :func:`~kzlib.counting.compare_methods`)."""
    model = explorer.model
    if not isinstance(model, CountingModel):
        raise TypeError(
            f"explorer must be built by build_counting_explorer, "
            f"got one with a {type(model).__name__}"
        )
    return model.settings()


# --------------------------------------------------------------------------- text


def _threshold_text(s: Scenario, gettext: Gettext = str) -> str:
    _ = gettext
    if s.threshold is None:
        return _("no threshold")
    return _("threshold {threshold} of {base}").format(
        threshold=s.threshold, base=_(BASE_LABELS[s.base]))


def _method_line(result: SeatCount, gettext: Gettext = str, lang: str = "en") -> str:
    _ = gettext
    a = result.allocation
    if a.quota is not None:
        none = _("none")  # asked every time, so every language is asked the same words
        left = ", ".join(html.escape(p) for p in a.remainder_seats) or none
        return _("Quota: <b>{quota}</b> votes per seat. Integer parts give {seats} seats; "
                 "remainder seats: {parties}.").format(
            quota=format_number(float(a.quota), lang, ",.2f"), seats=result.quota_seats,
            parties=left)
    assert a.divisor is not None
    return _("Seats are handed out one at a time to the highest quotient; the last seat went "
             "at <b>{divisor}</b> votes per seat (the final divisor).").format(
        divisor=format_number(float(a.divisor), lang, ",.2f"))


def _paradox_line(result: SeatCount, gettext: Gettext = str) -> str:
    _ = gettext
    if result.previous is None:
        return _("One seat: there is no smaller house to compare with.")
    smaller = result.previous.house_size
    if not result.lost:
        return _("Compared with {seats} seats, no list loses a seat.").format(seats=smaller)
    falls = "; ".join(
        _("{party} falls from {before} to {after}").format(
            party=html.escape(p), before=result.previous.seats[p], after=result.seats[p])
        for p in result.lost
    )
    return _("<b>Alabama paradox:</b> the house grew from {smaller} to {seats} seats, "
             "yet {falls}.").format(smaller=smaller, seats=result.house_size, falls=falls)


def _official_line(s: Scenario, result: SeatCount, gettext: Gettext = str) -> str:
    _ = gettext
    if s.official is None:
        return _("A what-if: there is no official result to compare with.")
    official = ", ".join(f"{html.escape(p)} {n}" for p, n in s.official.items() if n)
    if result.house_size != s.seats:
        return _("Official result ({seats} seats): {official}.").format(
            seats=s.seats, official=official)
    if same_seats(result.seats, s.official):
        return _("<b>Same seats as the official result</b> ({official}).").format(
            official=official)
    return _("<b>Not the official result</b> ({official}).").format(official=official)


def _methods_table(table, parties: tuple[str, ...], chosen: str, gettext: Gettext = str,
                   lang: str = "en") -> str:
    """The methods side by side as HTML, the chosen method's row in bold."""
    _ = gettext
    right = "<td style='text-align:right'>"
    rows = []
    for row in table.to_dict("records"):
        style = " style='font-weight:bold;background:#eef5fb'" if row["method"] == chosen else ""
        cells = "".join(f"{right}{row[p]}</td>" for p in parties)
        rows.append(
            f"<tr data-method='{row['method']}'{style}><td>{html.escape(_(row['label']))}</td>"
            f"{cells}{right}{format_number(row['gallagher'], lang, '.2f')}</td>"
            f"{right}{format_number(row['enp_seats'], lang, '.2f')}</td></tr>"
        )
    head = "".join(f"<th>{html.escape(p)}</th>" for p in parties)
    return (
        f"<table><tr><th>{_('method')}</th>{head}<th>{_('Gallagher')}</th>"
        f"<th>{_('effective parties')}</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _summary_html(s: Scenario, result: SeatCount, table, gettext: Gettext = str,
                  lang: str = "en") -> str:
    _ = gettext
    return (
        "<p>" + _("<b>{method}</b>, {seats} seats, {threshold}.").format(
            method=html.escape(_(METHOD_LABELS[result.method])), seats=result.house_size,
            threshold=_threshold_text(s, _))
        + f" {_method_line(result, _, lang)}<br>"
        f"{_paradox_line(result, _)}<br>{_official_line(s, result, _)}<br>"
        + _("Gallagher index {gallagher}; effective number of parties by seats "
            "{enp}.").format(gallagher=format_number(result.gallagher, lang, ".2f"),
                             enp=format_number(result.enp_seats, lang, ".2f"))
        + "</p>"
        + _methods_table(table, tuple(s.votes), result.method, _, lang)
    )


# --------------------------------------------------------------------------- chart


class _CountingChart:
    """The chosen method's seats as bars, with the Hare seats and the seats of a house
    one seat smaller as markers: one figure, its artists updated in place."""

    def __init__(self, gettext: Gettext = str) -> None:
        _ = self._ = gettext
        fig, (ax,) = plots.new_figure(8, 4.2)
        plots.finish(fig, _("Seats by counting method"), "")
        # A fixed layout: constrained layout would re-measure every label on each move.
        fig.set_layout_engine("none")
        ax.set_position((0.08, 0.2, 0.9, 0.66))
        self.ax = ax
        self.source_text = fig.texts[-1]
        self.parties: tuple[str, ...] | None = None
        self.key: tuple | None = None
        self.bars: list = []
        self.labels: list = []
        self.xs: list[float] = []
        # Only the bars, their labels, the markers and the seat count move on a slider
        # move; axes, ticks, title and legend are redrawn only when they change.
        self.view = BlitChartView(
            fig, lambda: [*self.bars, *self.labels, self.hare, self.before, self.size]
        )
        self.widget = self.view.widget

        # Axis furniture drawn once; another set of votes only swaps bars and labels.
        ax.set_xlabel(_("Party list"))
        ax.set_ylabel(_("Seats"))
        ax.spines[["top", "right"]].set_visible(False)
        self.hare = ax.scatter([], [], marker="_", s=500, linewidths=2.5,
                               color="#000000", label=_("Hare (article 97-1)"), zorder=3)
        self.before = ax.scatter([], [], marker="o", s=40, facecolors="none",
                                 edgecolors="#555555", linewidths=1.2, zorder=3,
                                 label=_("same method, one seat fewer"))
        self.size = ax.text(0.01, 0.97, "", transform=ax.transAxes, ha="left", va="top",
                            fontsize=10)
        ax.legend(loc="upper right", frameon=False, fontsize=8)

    def _draw_axes(self, sc: Scenario) -> None:
        # Another set of votes brings other parties: swap the bars, keep the axes.
        self.view.invalidate()
        for label in self.labels:
            label.remove()
        self.parties = tuple(sc.votes)
        self.bars = plots.replace_bars(self.ax, self.bars, self.parties, wrap=40)
        self.xs = [b.get_x() + b.get_width() / 2 for b in self.bars]
        self.labels = [
            self.ax.annotate("", (x, 0), xytext=(0, 7), textcoords="offset points",
                             ha="center", va="bottom", fontsize=9)
            for x in self.xs
        ]
        self.key = None
        self.source_text.set_text(self._("Source: {source}; seats computed by kzlib").format(
            source=self._(sc.source)))

    def update(self, sc: Scenario, result: SeatCount, table) -> None:
        """Draw ``result`` (``sc``'s votes counted) and refresh the picture."""
        _ = self._
        if self.parties != tuple(sc.votes):
            self._draw_axes(sc)
        parties = self.parties
        assert parties is not None
        hare = table.set_index("method").loc["hare"]
        seats = result.seats
        before = result.previous.seats if result.previous else None
        for bar, label, x, party in zip(self.bars, self.labels, self.xs, parties, strict=True):
            bar.set_height(seats[party])
            # The count sits above the bar and both markers, so nothing hides it.
            label.xy = (x, max(seats[party], int(hare[party]), before[party] if before else 0))
            label.set_text(str(seats[party]))
        self.hare.set_offsets([(x, int(hare[p])) for x, p in zip(self.xs, parties, strict=True)])
        self.before.set_offsets(
            [(x, before[p]) for x, p in zip(self.xs, parties, strict=True)]
            if before else [(0, -10)]
        )
        label = _(METHOD_LABELS[result.method])
        self.size.set_text(f"{label}\n" + _("{seats} seats").format(seats=result.house_size))
        # The y-axis grows in steps of 10 seats, so most slider moves keep the axes; the
        # headroom (40%) keeps the bar labels below the method and house size, top left.
        top = max(max(seats.values()), int(hare[list(parties)].max()))
        ylim = 10 * math.ceil((top * 1.4 + 1) / 10)
        key = (sc.key, ylim)
        if self.key != key:
            self.ax.set_ylim(0, ylim)
            self.ax.set_title(_(sc.label), fontsize=10)
            self.key = key
            self.view.invalidate()
        markers = _("Markers: Hare (article 97-1) {seats}").format(
            seats=", ".join(f"{p} {int(hare[p])}" for p in parties))
        if result.previous is not None:
            markers += _("; same method with {house} seats {seats}").format(
                house=result.previous.house_size,
                seats=", ".join(f"{p} {result.previous.seats[p]}" for p in parties))
        alt = _seats_alt_text(_("Bar chart ({method})").format(method=label), seats,
                              markers + ".", _)
        self.view.refresh(alt)


# --------------------------------------------------------------------------- builder


def build_counting_explorer(
    election: str = "2023", method: str = "hare", seats: int | None = None, lang: str = "en"
) -> Explorer:
    """Method and house-size explorer for notebook 06.

    Parameters
    ----------
    election
        Votes shown first: a key of :data:`SCENARIOS`.
    method
        Method shown first: a key of :data:`kzlib.allocation.METHOD_LABELS`.
    seats
        House size shown first (1–150); default the real number of list seats.
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian). Party names stay as in ``data/``; only the numbers'
        display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``election``, ``method`` and ``seats``, linked to a
        :class:`CountingModel`; ``result`` is the :class:`~kzlib.counting.SeatCount`
        of :func:`~kzlib.counting.count_seats` for those settings. Choosing another
        election resets ``seats`` to its real number of list seats.

    Raises
    ------
    ValueError
        If an argument (``lang`` included) is not offered.
    """
    _ = translator(lang)
    s = scenario(check_choice(election, "election", SCENARIOS))
    check_choice(method, "method", METHOD_LABELS)
    seats = s.seats if seats is None else seats
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS:
        raise ValueError(f"seats must be a whole number from 1 to {MAX_SEATS}, got {seats!r}")
    wide = {"style": LABEL_STYLE, "layout": widgets.Layout(width="440px")}
    controls = {
        "election": widgets.Dropdown(
            options=[(_(label), key) for key, label in SCENARIOS.items()], value=election,
            description=_("Votes"), **wide),
        "method": widgets.Dropdown(
            options=[(_(label), m) for m, label in METHOD_LABELS.items()], value=method,
            description=_("Counting method"), **wide),
        "seats": widgets.IntSlider(
            value=seats, min=1, max=MAX_SEATS, step=1,
            description=_("Seats to distribute (house size)"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="520px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = CountingModel(election=election, method=method)
    model.seats = seats  # after the election, which brings its own house size
    chart = _CountingChart(_)

    def show(result: SeatCount) -> None:
        # The numbers first: they reach the page while the chart is being drawn.
        explorer.show_text(_summary_html(model.scenario, result, model.methods, _, lang))
        chart.update(model.scenario, result, model.methods)

    explorer.bind(model, show)
    explorer.children = [
        controls["election"],
        widgets.HBox([controls["method"], controls["seats"]]),
        chart.widget,
    ]
    return explorer


def _seats_alt_text(kind: str, seats: dict[str, int], extra: str, gettext: Gettext) -> str:
    # plots.seats_alt_text in the explorer's language (same words in English).
    parts = ", ".join(f"{p} {n}" for p, n in seats.items() if n)
    text = gettext("{kind} of {total} seats: {parts}.").format(
        kind=kind, total=sum(seats.values()), parts=parts)
    return f"{text} {extra}".strip()
