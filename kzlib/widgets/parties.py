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

The explorer takes ``lang`` (``"en"``, ``"kk"``, ``"ru"``): labels, panel text, dates
and chart text come from the catalogues of :mod:`kzlib.i18n` (the periods' names as in
``data/`` included) and the numbers are shown the reader's way (``20 000``).
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable

import ipywidgets as widgets
import traitlets

from kzlib import plots
from kzlib.i18n import format_number, translator
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

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: Bar labels of the three checked requirements (English; translated when shown).
SHORT_LABELS: dict[str, str] = {
    "members_to_register": _("members"),
    "regional_branch_min_members": _("smallest branch"),
    "initiative_group_min": _("initiative group"),
}
_MET = plots.OKABE_ITO["bluish_green"]
_FAILED = plots.OKABE_ITO["vermillion"]
# Bars are drawn as a percentage of the minimum and clipped here, so that a party
# ten times over the minimum does not squash the others; the label keeps the number.
_CLIP_PCT = 250.0
#: Height of a bar's two-line label, in per cent of the minimum (9 pt on the fixed axes).
_LABEL_PCT = 40.0
_SOURCE = _("data/party_registration_rules.csv (news reports of the laws; see the Sources "
             "section)")
#: Month names as the dates in the panel use them (English; translated when shown).
_MONTHS = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
           _("August"), _("September"), _("October"), _("November"), _("December"))
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


def _day(value: datetime.date | None, gettext: Gettext = str) -> str:
    # "31 December 2021" in English; the order and the month's form in the catalogues.
    if not value:
        return gettext("not recorded")
    return gettext("{day} {month} {year}").format(
        day=value.day, month=gettext(_MONTHS[value.month - 1]), year=value.year)


def check_html(result: RegistrationCheck, gettext: Gettext = str, lang: str = "en") -> str:
    """The numbers the panel shows for one check, as HTML (``gettext``: the ``_`` of the
    panel's language ``lang``)."""
    _ = gettext

    def num(value: float) -> str:
        return format_number(value, lang, ",")

    rules = result.rules
    verdict = (
        _("<b>Yes</b>: it meets every minimum.")
        if result.registrable
        else _("<b>No</b>: it fails {failed} of {minimums} minimums.").format(
            failed=len(result.failed), minimums=len(result.requirements))
    )
    rows = "".join(
        f"<tr><td>{html.escape(_(r.label))}</td><td style='text-align:right'>{num(r.required)}"
        f"</td><td style='text-align:right'>{num(r.value)}</td>"
        f"<td>{_('met') if r.met else _('failed')}</td>"
        f"<td style='text-align:right'>{num(r.shortfall)}</td></tr>"
        for r in result.requirements
    )
    floor = result.branches
    branches = "" if floor is None else (
        "<p>" + _("<b>Branches against members.</b> A branch in each of {regions} regions, "
                  "each with at least {branch} members, makes {in_branches} members in "
                  "branches alone: {share}% of the {minimum}-member minimum.").format(
            regions=floor.regions, branch=num(floor.branch_minimum),
            in_branches=num(floor.in_branches),
            share=format_number(floor.share_of_members_minimum, lang, ".1f"),
            minimum=num(floor.members_minimum))
        + " "
        + (_("So the membership minimum decides: at least {outside} more members must come on "
             "top of the branch minimums.").format(outside=num(floor.outside_branches))
           if floor.binding == "members" else
           _("So the branches decide: no party under {smallest} members can register, "
             "whatever the membership minimum says.").format(smallest=num(floor.smallest_party)))
        + " "
        + _("Yours: at least {regions} × {branch} = {members} members in branches.").format(
            regions=floor.regions, branch=num(result.requirements[1].value),
            members=num(floor.regions * result.requirements[1].value))
        + "</p>")
    sources = ", ".join(f"<a href='{html.escape(s)}' target='_blank'>{i}</a>"
                        for i, s in enumerate(rules.sources, start=1))
    return (
        "<p>" + _("Rules in force on {day} (period <i>{period}</i>, from {start} to {end}).")
        .format(day=_day(result.on, _), period=html.escape(_(rules.period)),
                start=_day(rules.valid_from, _),
                end=_day(rules.valid_to, _) if rules.valid_to else _("today"))
        + " " + _("Could this party register?") + f" {verdict}</p>"
        f"<table><tr><th>{_('requirement')}</th><th>{_('minimum')}</th><th>{_('yours')}</th>"
        f"<th>{_('result')}</th><th>{_('short by')}</th></tr>{rows}</table>{branches}"
        "<p>" + _("After registering its intent it would have {congress} months to hold the "
                  "founding congress and {branches} months to form its regional branches (time "
                  "limits, not checked here).").format(
            congress=rules.months_to_hold_founding_congress,
            branches=rules.months_to_form_branches)
        + " " + _("Sources") + f": {sources}.</p>"
    )


def _alt(result: RegistrationCheck, gettext: Gettext = str, lang: str = "en") -> str:
    _ = gettext

    def num(value: float) -> str:
        return format_number(value, lang, ",")

    parts = "; ".join(
        _("{requirement} {value} of {minimum} ({verdict})").format(
            requirement=_(SHORT_LABELS[r.name]), value=num(r.value), minimum=num(r.required),
            verdict=_("met") if r.met else _("failed"))
        for r in result.requirements
    )
    floor = result.branches
    branches = "" if floor is None else (" " + _(
        "Below, a bar of {in_branches} members ({regions} regions × {branch}) against a dashed "
        "line at the {minimum} members needed to register.").format(
            in_branches=num(floor.in_branches), regions=floor.regions,
            branch=num(floor.branch_minimum), minimum=num(floor.members_minimum)))
    return _("Bar chart of each number as a percentage of its minimum, rules of {date}: "
             "{parts}.").format(date=result.on.isoformat(), parts=parts) + branches


class RegistrationModel(ExplorerModel):
    """A would-be party's numbers and a year, and whether it could register.

    ``result`` is :func:`~kzlib.parties.registration_check` for them (the year
    meaning the rules in force on 31 December).
    """

    plain_messages = (
        (r"branch_members x regions \((\d+) x (\d+) = (\d+)\) cannot be larger than members "
         r"\((\d+)\)",
         _(r"A party whose smallest branch has \1 members, with a branch in each of \2 regions, "
         r"has at least \3 members, more than the \4 you set: move the members slider up, "
         r"or the branch or regions slider down.")),
        (r"branch_members \((\d+)\) cannot be larger than members \((\d+)\)",
         _(r"The smallest regional branch (\1 members) cannot be larger than the whole party "
         r"(\2 members): move the members slider up or the branch slider down.")),
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

    def __init__(self, gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        fig, (ax,) = plots.new_figure(7.0, 5.2)
        plots.finish(fig, _("Could this party register?"), _(_SOURCE), label=_("Source"))
        # A fixed layout: constrained layout would re-measure every label on each move.
        fig.set_layout_engine("none")
        ax.set_position((0.11, 0.43, 0.86, 0.47))
        self.bars = ax.bar([_(SHORT_LABELS[n]) for n in CHECKED], [0.0] * len(CHECKED),
                           edgecolor=plots.EDGE, linewidth=0.5)
        self.labels = [ax.text(b.get_x() + b.get_width() / 2, 0, "", ha="center", va="bottom",
                               fontsize=9)
                       for b in self.bars]
        ax.axhline(100, color="#444444", linestyle="--", linewidth=1)
        ax.set_ylim(0, _CLIP_PCT * 1.15)
        ax.set_ylabel(_("% of the minimum (dashed: 100%)"))
        ax.set_xlabel(_("Requirement (bars stop at {clip}%)").format(
            clip=format_number(_CLIP_PCT, lang, "g")))
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
        floor_ax.set_xticks(list(ticks), [format_number(t, lang, ",") for t in ticks])
        floor_ax.set_ylim(-0.6, 0.6)
        floor_ax.set_yticks([])
        floor_ax.set_xlabel(_("Members (dashed: members needed to register)"))
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
        _, lang = self._, self.lang

        def num(value: float) -> str:
            return format_number(value, lang, ",")

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
            label.set_text(_("{value} of {minimum}").format(
                value=num(req.value), minimum=num(req.required))
                + "\n" + (_("met") if req.met else _("failed")))
        self.title.set_text(_("Rules of {date} ({period})").format(
            date=result.on.isoformat(), period=_(result.rules.period)))
        floor = result.branches
        if floor is not None:
            self.floor_bar.set_width(min(floor.in_branches, _FLOOR_MAX))
            self.floor_line.set_xdata([floor.members_minimum] * 2)
            self.floor_title.set_text(_(
                "A branch in each of {regions} regions: {regions} × {branch} = {in_branches} "
                "members ({share}% of the {minimum} needed)").format(
                    regions=floor.regions, branch=num(floor.branch_minimum),
                    in_branches=num(floor.in_branches),
                    share=format_number(floor.share_of_members_minimum, lang, ".0f"),
                    minimum=num(floor.members_minimum)))
        self.view.refresh(_alt(result, _, lang))


def build_registration_explorer(
    members: int = 6000,
    branch_members: int = 250,
    initiative_group: int = 800,
    year: int = 2021,
    regions: int = 17,
    lang: str = "en",
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
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`. Only the numbers'
        display changes, never the values.

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
        If a starting value is outside its slider's range, or ``lang`` is not a language
        of the collection.
    """
    _ = translator(lang)
    ranges = {"members": (0, 45000, 100), "branch_members": (0, 1000, 10),
              "initiative_group": (0, 1500, 10), "year": (FIRST_DAY.year, LAST_DAY.year, 1),
              "regions": (1, 40, 1)}
    start = {"members": members, "branch_members": branch_members,
             "initiative_group": initiative_group, "year": year, "regions": regions}
    for name, value in start.items():
        low, high, _step = ranges[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value!r}")
    descriptions = {
        "members": _("Members in all"),
        "branch_members": _("Members in the smallest regional branch"),
        "initiative_group": _("Citizens in the initiative group"),
        "year": _("Year (rules in force on 31 December)"),
        "regions": _("Regions (a branch in each)"),
    }
    controls = {
        name: widgets.IntSlider(
            value=start[name], min=ranges[name][0], max=ranges[name][1], step=ranges[name][2],
            description=descriptions[name], continuous_update=False, style=LABEL_STYLE,
            layout=widgets.Layout(width="520px"))
        for name in ranges
    }
    explorer = Explorer(controls=controls, lang=lang)
    chart = _RegistrationChart(_, lang)

    def show(result: RegistrationCheck) -> None:
        chart.update(result)
        explorer.show_text(check_html(result, _, lang))

    model = RegistrationModel(**start)
    # The panel's plain sentences in the explorer's language (an instance attribute).
    model.plain_messages = tuple((pattern, _(sentence))
                                 for pattern, sentence in RegistrationModel.plain_messages)
    # The figure stays reachable, so tests (and curious readers) can inspect its artists.
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(model, show)
    explorer.children = [*controls.values(), chart.widget]
    return explorer
