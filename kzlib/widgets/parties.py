"""Notebook 04 widget and charts: could this party register?

:func:`build_registration_explorer` wires five controls (members, members of the
smallest regional branch, initiative group, year, regions) to
:func:`kzlib.parties.registration_check` and shows which minimums the party meets,
what the branch minimum times the number of regions asks against the membership
minimum (:class:`kzlib.parties.BranchFloor`),
with a bar chart of each number as a percentage of its minimum (one figure,
updated in place). The panel is a :class:`RegistrationModel` (the four numbers,
and the check) linked to the sliders; the view only draws. The notebook's static
charts are :func:`kzlib.charts.rules_chart` and :func:`kzlib.charts.competition_chart`.
"""

from __future__ import annotations

import datetime
import html

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.parties import (
    CHECKED,
    FIRST_DAY,
    LAST_DAY,
    RegistrationCheck,
    registration_check,
)
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer, ExplorerModel

__all__ = [
    "SHORT_LABELS",
    "RegistrationModel",
    "build_registration_explorer",
    "check_html",
    "registration_settings",
]

#: Bar labels of the three checked requirements.
SHORT_LABELS: dict[str, str] = {
    "members_to_register": "members",
    "regional_branch_min_members": "smallest branch",
    "initiative_group_min": "initiative group",
}
_MET = plots.OKABE_ITO["bluish_green"]
_FAILED = plots.OKABE_ITO["vermillion"]
# Bars are drawn as a percentage of the minimum and clipped here, so that a party
# ten times over the minimum does not squash the others; the label keeps the number.
_CLIP_PCT = 250.0
#: Height of a bar's two-line label, in per cent of the minimum (9 pt on the fixed axes).
_LABEL_PCT = 40.0
_SOURCE = "data/party_registration_rules.csv (news reports of the laws; see the Sources section)"
_BRANCHES = "#9A9A9A"  # neutral: not a party's colour, not met/failed
#: Right end of the branches-against-members scale: above every minimum (40,000) and every
#: branch floor the sliders allow (40 regions x 600).
_FLOOR_MAX = 45000


def registration_settings(explorer: Explorer) -> dict[str, object]:
    """The arguments of :func:`~kzlib.parties.registration_check` for the panel's
    current controls (the year is passed as an int: 31 December of that year)."""
    c = explorer.controls
    return {
        "members": c["members"].value,
        "branch_members": c["branch_members"].value,
        "initiative_group": c["initiative_group"].value,
        "on": c["year"].value,
        "regions": c["regions"].value,
    }


def _day(value: datetime.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "not recorded"


def check_html(result: RegistrationCheck) -> str:
    """The numbers the panel shows for one check, as HTML."""
    rules = result.rules
    verdict = (
        "<b>Yes</b>: it meets every minimum."
        if result.registrable
        else f"<b>No</b>: it fails {len(result.failed)} of {len(result.requirements)} minimums."
    )
    rows = "".join(
        f"<tr><td>{html.escape(r.label)}</td><td style='text-align:right'>{r.required:,}</td>"
        f"<td style='text-align:right'>{r.value:,}</td><td>{'met' if r.met else 'failed'}</td>"
        f"<td style='text-align:right'>{r.shortfall:,}</td></tr>"
        for r in result.requirements
    )
    floor = result.branches
    branches = "" if floor is None else (
        f"<p><b>Branches against members.</b> A branch in each of {floor.regions} regions, "
        f"each with at least {floor.branch_minimum:,} members, makes {floor.in_branches:,} "
        f"members in branches alone: {floor.share_of_members_minimum:.1f}% of the "
        f"{floor.members_minimum:,}-member minimum. "
        + (f"So the membership minimum decides: at least {floor.outside_branches:,} more "
           "members must come on top of the branch minimums."
           if floor.binding == "members" else
           f"So the branches decide: no party under {floor.smallest_party:,} members can "
           "register, whatever the membership minimum says.")
        + f" Yours: at least {floor.regions} × {result.requirements[1].value:,} = "
          f"{floor.regions * result.requirements[1].value:,} members in branches.</p>")
    sources = ", ".join(f"<a href='{html.escape(s)}' target='_blank'>{i}</a>"
                        for i, s in enumerate(rules.sources, start=1))
    return (
        f"<p>Rules in force on {_day(result.on)} (period <i>{html.escape(rules.period)}</i>, "
        f"from {_day(rules.valid_from)} to {_day(rules.valid_to) if rules.valid_to else 'today'}). "
        f"Could this party register? {verdict}</p>"
        "<table><tr><th>requirement</th><th>minimum</th><th>yours</th><th>result</th>"
        f"<th>short by</th></tr>{rows}</table>{branches}"
        f"<p>After registering its intent it would have {rules.months_to_hold_founding_congress} "
        f"months to hold the founding congress and {rules.months_to_form_branches} months to "
        f"form its regional branches (time limits, not checked here). Sources: {sources}.</p>"
    )


def _alt(result: RegistrationCheck) -> str:
    parts = "; ".join(
        f"{SHORT_LABELS[r.name]} {r.value:,} of {r.required:,} ({'met' if r.met else 'failed'})"
        for r in result.requirements
    )
    floor = result.branches
    branches = "" if floor is None else (
        f" Below, a bar of {floor.in_branches:,} members ({floor.regions} regions × "
        f"{floor.branch_minimum:,}) against a dashed line at the {floor.members_minimum:,} "
        "members needed to register.")
    return (f"Bar chart of each number as a percentage of its minimum, rules of "
            f"{result.on.isoformat()}: {parts}.{branches}")


class RegistrationModel(ExplorerModel):
    """A would-be party's numbers and a year, and whether it could register.

    ``result`` is :func:`~kzlib.parties.registration_check` for them (the year
    meaning the rules in force on 31 December).
    """

    plain_messages = (
        (r"branch_members x regions \((\d+) x (\d+) = (\d+)\) cannot be larger than members "
         r"\((\d+)\)",
         r"A party whose smallest branch has \1 members, with a branch in each of \2 regions, "
         r"has at least \3 members, more than the \4 you set: move the members slider up, "
         r"or the branch or regions slider down."),
        (r"branch_members \((\d+)\) cannot be larger than members \((\d+)\)",
         r"The smallest regional branch (\1 members) cannot be larger than the whole party "
         r"(\2 members): move the members slider up or the branch slider down."),
    )

    members = traitlets.Int(6000).tag(input=True)
    branch_members = traitlets.Int(250).tag(input=True)
    initiative_group = traitlets.Int(800).tag(input=True)
    year = traitlets.Int(2021).tag(input=True)
    regions = traitlets.Int(17).tag(input=True)

    def compute(self) -> RegistrationCheck:
        return registration_check(self.members, self.branch_members, self.initiative_group,
                                  on=self.year, regions=self.regions)


class _RegistrationChart:
    """One bar per minimum: the party's number as a percentage of it, clipped."""

    def __init__(self) -> None:
        fig, (ax,) = plots.new_figure(7.0, 5.2)
        plots.finish(fig, "Could this party register?", _SOURCE)
        # A fixed layout: constrained layout would re-measure every label on each move.
        fig.set_layout_engine("none")
        ax.set_position((0.11, 0.43, 0.86, 0.47))
        self.bars = ax.bar([SHORT_LABELS[n] for n in CHECKED], [0.0] * len(CHECKED),
                           edgecolor=plots.EDGE, linewidth=0.5)
        self.labels = [ax.text(b.get_x() + b.get_width() / 2, 0, "", ha="center", va="bottom",
                               fontsize=9)
                       for b in self.bars]
        ax.axhline(100, color="#444444", linestyle="--", linewidth=1)
        ax.set_ylim(0, _CLIP_PCT * 1.15)
        ax.set_ylabel("% of the minimum (dashed: 100%)")
        ax.set_xlabel(f"Requirement (bars stop at {_CLIP_PCT:g}%)")
        ax.spines[["top", "right"]].set_visible(False)
        # A plain text, not ax.set_title: a title is placed during the axes draw, which
        # blitting skips.
        self.title = ax.text(0.5, 1.03, "", transform=ax.transAxes, ha="center", va="bottom",
                             fontsize=10)
        # Below: a branch in every region (regions x branch minimum) against the membership
        # minimum (dashed), in members, on a fixed scale that holds every period's numbers.
        floor_ax = fig.add_axes((0.11, 0.12, 0.86, 0.12))
        self.floor_bar = floor_ax.barh([0], [0], height=0.6, color=_BRANCHES,
                                       edgecolor=plots.EDGE, linewidth=0.5)[0]
        self.floor_line = floor_ax.axvline(0, color="#444444", linestyle="--", linewidth=1)
        floor_ax.set_xlim(0, _FLOOR_MAX)
        ticks = range(0, _FLOOR_MAX + 1, 10000)
        floor_ax.set_xticks(list(ticks), [f"{t:,}" for t in ticks])
        floor_ax.set_ylim(-0.6, 0.6)
        floor_ax.set_yticks([])
        floor_ax.set_xlabel("Members (dashed: members needed to register)")
        floor_ax.spines[["top", "right"]].set_visible(False)
        self.floor_title = floor_ax.text(0, 1.12, "", transform=floor_ax.transAxes, ha="left",
                                         va="bottom", fontsize=9)
        self.floor_shown = True
        self.floor_ax = floor_ax
        # Only the bars, their labels and the titles move: redraw just those (blitting).
        self.view = BlitChartView(fig, lambda: [*self.bars, *self.labels, self.title,
                                                self.floor_bar, self.floor_line,
                                                self.floor_title])
        self.widget = self.view.widget

    def update(self, result: RegistrationCheck) -> None:
        """Set each bar to its requirement, coloured met or failed, and the alt text."""
        for bar, label, req in zip(self.bars, self.labels, result.requirements, strict=True):
            height = min(req.percent_of_minimum, _CLIP_PCT)
            bar.set_height(height)
            bar.set_color(_MET if req.met else _FAILED)
            bar.set_edgecolor(plots.EDGE)
            if 100 - _LABEL_PCT < height < 100:
                # Above the bar the label would sit on the dashed 100% line: put it inside.
                label.set_position((label.get_position()[0], height - 3))
                label.set_verticalalignment("top")
            else:
                label.set_position((label.get_position()[0], height))
                label.set_verticalalignment("bottom")
            label.set_text(f"{req.value:,} of {req.required:,}\n{'met' if req.met else 'failed'}")
        self.title.set_text(f"Rules of {result.on.isoformat()} ({result.rules.period})")
        floor = result.branches
        if floor is not None:
            self.floor_bar.set_width(min(floor.in_branches, _FLOOR_MAX))
            self.floor_line.set_xdata([floor.members_minimum] * 2)
            self.floor_title.set_text(
                f"A branch in each of {floor.regions} regions: {floor.regions} × "
                f"{floor.branch_minimum:,} = {floor.in_branches:,} members "
                f"({floor.share_of_members_minimum:.0f}% of the {floor.members_minimum:,} needed)")
        self.view.refresh(_alt(result))


def build_registration_explorer(
    members: int = 6000,
    branch_members: int = 250,
    initiative_group: int = 800,
    year: int = 2021,
    regions: int = 17,
) -> Explorer:
    """The "could this party register?" panel of notebook 04.

    Parameters
    ----------
    members, branch_members, initiative_group
        Starting values (people): members in all, members of the smallest regional
        branch, citizens in the initiative group.
    year
        Starting year, 2010–2025; the rules are those of 31 December.
    regions
        Regions with a branch, 1–40 (17 until 8 June 2022, then 20).

    Returns
    -------
    Explorer
        Controls ``members``, ``branch_members``, ``initiative_group``, ``year``
        and ``regions``; ``result`` is the :class:`~kzlib.parties.RegistrationCheck` for
        them (while the input cannot be checked, the last one that could, with a
        message in ``explorer.error``).

    Raises
    ------
    ValueError
        If a starting value is outside its slider's range.
    """
    ranges = {"members": (0, 45000, 100), "branch_members": (0, 1000, 10),
              "initiative_group": (0, 1500, 10), "year": (FIRST_DAY.year, LAST_DAY.year, 1),
              "regions": (1, 40, 1)}
    start = {"members": members, "branch_members": branch_members,
             "initiative_group": initiative_group, "year": year, "regions": regions}
    for name, value in start.items():
        low, high, _ = ranges[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    descriptions = {
        "members": "Members in all",
        "branch_members": "Members in the smallest regional branch",
        "initiative_group": "Citizens in the initiative group",
        "year": "Year (rules in force on 31 December)",
        "regions": "Regions (a branch in each)",
    }
    controls = {
        name: widgets.IntSlider(
            value=start[name], min=ranges[name][0], max=ranges[name][1], step=ranges[name][2],
            description=descriptions[name], continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="520px"))
        for name in ranges
    }
    explorer = Explorer(controls=controls)
    chart = _RegistrationChart()

    def show(result: RegistrationCheck) -> None:
        chart.update(result)
        explorer.show_text(check_html(result))

    # The figure stays reachable, so tests (and curious readers) can inspect its artists.
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(RegistrationModel(**start), show)
    explorer.children = [*controls.values(), chart.widget]
    return explorer
