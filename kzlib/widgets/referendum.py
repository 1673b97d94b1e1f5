"""Notebook 01 widgets: the adoption-rule model (its panel) and one result, three bases.

:func:`build_denominator_explorer` lets the reader pick an answer (Yes or No) and a
denominator (everyone who took part, all registered voters, or the valid Yes and No
votes only) and shows the share that :func:`kzlib.referendum.share_of` returns, with
a single 100% bar that splits the chosen denominator into its parts
(:func:`kzlib.referendum.breakdown`). The bar is one figure whose segments are
resized in place, and only they are redrawn
(:class:`~kzlib.widgets.common.BlitChartView`).

The panel is a :class:`DenominatorModel` (the answer and the denominator, and the
share for them) linked to two dropdowns; the view only draws.

Colours are neutral greys (the answers are not parties): the chosen answer is dark,
the other parts light, with a dashed line at 50%.

:func:`build_adoption_explorer` turns the adoption rule into a model a student can push:
a hypothetical turnout, Yes share and number of regions with a Yes majority, checked
by :func:`kzlib.referendum.check_adoption` against the 2022 rule (a regional test) or
the 2026 rule (a national majority). Per-region results of 2022 are not in our
sources, so the regions are a count the student sets, not a map.

Both explorers take ``lang`` (``"en"``, ``"kk"``, ``"ru"``): every label, panel text and
chart text goes through the catalogues of :mod:`kzlib.i18n`, including the words that
come from :mod:`kzlib.referendum` (denominators, parts, rules, tests), and the numbers
are shown the reader's way (``77,18%``); the values never change.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots, referendum
from kzlib.i18n import format_number, translator
from kzlib.referendum import BASE_LABELS, BASES, Referendum, Share, as_percent, share_of
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
    check_range,
)

__all__ = [
    "REGION_COUNTS",
    "AdoptionModel",
    "adoption_html",
    "build_adoption_explorer",
    "OPTION_LABELS",
    "DenominatorModel",
    "build_denominator_explorer",
    "denominator_settings",
]

Gettext = Callable[[str], str]


def _(message: str) -> str:
    # Marks a message for the catalogues where it is defined; translated where shown.
    return message


#: Dropdown labels of the answers (English; translated when shown).
OPTION_LABELS: dict[str, str] = {"yes": _("Yes"), "no": _("No")}

_DARK = "#333333"
_LIGHT = ("#9A9A9A", "#BDBDBD", "#D6D6D6", "#F2F2F2")
#: Segments narrower than this (per cent of the bar) carry no label: it would not fit.
_LABEL_MIN_PCT = 7


class DenominatorModel(ExplorerModel):
    """The chosen answer and denominator of one referendum result, and the share.

    ``result`` is :func:`kzlib.referendum.share_of` ``(referendum, option, of)``.
    """

    option = traitlets.Unicode("yes").tag(input=True)
    of = traitlets.Unicode("participants").tag(input=True)

    def __init__(self, result: Referendum, **inputs: Any) -> None:
        #: The referendum result the shares are taken of (fixed for the panel).
        self.referendum = result
        super().__init__(**inputs)

    def compute(self) -> Share:
        return share_of(self.referendum, self.option, of=self.of)


def denominator_settings(explorer: Explorer) -> dict[str, str]:
    """The keyword arguments of :func:`kzlib.referendum.share_of` for the controls."""
    return {"option": explorer.controls["option"].value, "of": explorer.controls["of"].value}


def _percent(value: Fraction, lang: str, digits: int = 2) -> str:
    # as_percent's exact rounding, with a decimal comma for a Kazakh or Russian reader.
    text = as_percent(value, digits)
    return text if lang == "en" else text.replace(".", ",")


def _summary_html(share: Share, result: Referendum, gettext: Gettext = str,
                  lang: str = "en") -> str:
    _ = gettext
    label = _(OPTION_LABELS[share.option])
    others = "".join(
        f"<tr><td>{html.escape(_(BASE_LABELS[s.of]))}</td>"
        f"<td style='text-align:right'>{format_number(s.base_total, lang, ',')}</td>"
        f"<td style='text-align:right'>{_percent(s.fraction, lang)}</td></tr>"
        for s in (share_of(result, share.option, of=b) for b in BASES)
    )
    return (
        "<p>" + _("{answer}: <b>{votes}</b> of <b>{total}</b> ({base}) = <b>{share}</b>.").format(
            answer=label, votes=format_number(share.votes, lang, ","),
            total=format_number(share.base_total, lang, ","),
            base=html.escape(_(BASE_LABELS[share.of])), share=_percent(share.fraction, lang))
        + "</p>"
        f"<table><tr><th>{_('{answer} as a share of …').format(answer=label)}</th>"
        f"<th>{_('denominator')}</th><th>{_('share')}</th></tr>"
        f"{others}</table>"
    )


def build_denominator_explorer(
    result: Referendum | None = None, option: str = "yes", of: str = "participants",
    lang: str = "en",
) -> Explorer:
    """Denominator explorer for notebook 01.

    Parameters
    ----------
    result
        The referendum result; default :func:`kzlib.referendum.load_2022`.
    option
        Answer shown first: ``"yes"`` or ``"no"``.
    of
        Denominator shown first, one of :data:`kzlib.referendum.BASES`.
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` (Kazakh) or
        ``"ru"`` (Russian), from the catalogues of :mod:`kzlib.i18n`. Only the numbers'
        display changes, never the values.

    Returns
    -------
    Explorer
        Controls ``option`` and ``of`` (dropdowns); ``result`` is the
        :class:`~kzlib.referendum.Share` returned by
        :func:`kzlib.referendum.share_of` for those settings.

    Raises
    ------
    ValueError
        If ``option`` or ``of`` is not offered, or ``lang`` is not a language of the
        collection.
    """
    _ = translator(lang)
    data = referendum.load_2022() if result is None else result
    if result is not None and not isinstance(result, Referendum):
        raise TypeError(f"result must be a kzlib.referendum.Referendum or None, got {result!r}")
    check_choice(option, "option", OPTION_LABELS)
    check_choice(of, "of", BASES)
    controls = {
        "option": widgets.Dropdown(
            options=[(_(label), key) for key, label in OPTION_LABELS.items()], value=option,
            description=_("Count the votes for"), style=LABEL_STYLE),
        "of": widgets.Dropdown(
            options=[(_(label), key) for key, label in BASE_LABELS.items()], value=of,
            description=_("as a share of"), style=LABEL_STYLE,
            layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    chart = _DenominatorChart(_, lang)

    def show(share: Share) -> None:
        parts = referendum.breakdown(data, share.of)
        chart.update(share, parts)
        explorer.show_text(_summary_html(share, data, _, lang))

    # The figure stays reachable, so tests (and curious readers) can inspect its artists.
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(DenominatorModel(data, option=option, of=of), show)
    explorer.children = [widgets.HBox([controls["option"], controls["of"]]), chart.widget]
    return explorer


class _DenominatorChart:
    """The 100% bar: one segment per part of the denominator, resized in place."""

    def __init__(self, gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        n = len(referendum.PARTS)
        fig, (ax,) = plots.new_figure(9, 2.6)
        self.segments = ax.barh([0] * n, [0] * n, left=[0] * n, height=0.6,
                                edgecolor=plots.EDGE, linewidth=0.6)
        self.labels = [ax.text(0, 0, "", ha="center", va="center", fontsize=9)
                       for _ in range(n)]
        # The line stops below the title text (at y = 0.5), so it never runs through it.
        ax.axvline(50, ymax=0.8, color="#444444", linestyle="--", linewidth=1)
        ax.text(50, -0.42, " 50%", va="bottom", ha="left", fontsize=9)
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.5, 0.7)
        ax.set_yticks([])
        ax.set_xlabel(_("Per cent of the chosen denominator"))
        ax.set_ylabel(_("Ballots"))
        ax.spines[["top", "right", "left"]].set_visible(False)
        # A text inside the axes (not an axes title): its place is fixed, so redrawing
        # it alone is enough when it changes.
        self.title = ax.text(0, 0.5, "", ha="left", va="bottom", fontsize=11)
        plots.finish(fig, _("Referendum of 5 June 2022: one result, three denominators"),
                     _("data/referendum_2022.csv (CEC final results)"), label=_("Source"))
        # Only the segments, their labels and the title change: redraw just those.
        self.view = BlitChartView(fig, lambda: [*self.segments, *self.labels, self.title])
        self.widget = self.view.widget

    def update(self, share: Share, parts: tuple[referendum.Part, ...]) -> None:
        """Lay the parts along the bar, darken the chosen answer, set title and alt text."""
        _, lang = self._, self.lang
        light = iter(_LIGHT)
        shown = []
        for part, bar, text in zip(parts, self.segments, self.labels, strict=True):
            chosen = part.name == share.option
            bar.set_x(float(part.start_percent))
            bar.set_width(float(part.percent))
            bar.set_facecolor(_DARK if chosen else next(light))
            pct = _percent(part.fraction, lang, 1)
            name = _(part.label)
            text.set_position((float(part.start_percent + part.percent / 2), 0))
            text.set_text(f"{name}\n{pct}" if part.percent >= _LABEL_MIN_PCT else "")
            text.set_color("white" if chosen else "black")
            if part.votes:
                shown.append(f"{name} {pct}")
        answer, base = _(OPTION_LABELS[share.option]), _(BASE_LABELS[share.of])
        total, pct = format_number(share.base_total, lang, ","), _percent(share.fraction, lang)
        self.title.set_text(_("{answer} = {share} of {base} ({total})").format(
            answer=answer, share=pct, base=base, total=total))
        self.view.refresh(
            _("One bar splitting {base} ({total}) into {parts}. {answer} is {share}; "
              "dashed line at 50%.").format(base=base, total=total, parts=", ".join(shown),
                                            answer=answer, share=pct))


# ------------------------------------------------------------------ adoption explorer

#: Choices of the regions-total control: the count on 5 June 2022, and from 8 June 2022.
REGION_COUNTS: dict[int, str] = {
    referendum.REGIONS_2022: _("17 (as on 5 June 2022)"),
    referendum.REGIONS_AFTER_JUNE_2022: _("20 (from 8 June 2022)"),
}
_PASS = plots.OKABE_ITO["bluish_green"]
_FAIL = plots.OKABE_ITO["vermillion"]


class AdoptionModel(ExplorerModel):
    """A hypothetical referendum result and an adoption rule, and the verdict.

    ``result`` is :func:`kzlib.referendum.check_adoption` for the inputs. The number of
    regions with a Yes majority is kept within the regions counted.
    """

    turnout_pct = traitlets.Float(68.05).tag(input=True)
    yes_pct = traitlets.Float(77.18).tag(input=True)
    regions = traitlets.Int(17).tag(input=True)
    regions_total = traitlets.Int(referendum.REGIONS_2022).tag(input=True)
    rule = traitlets.Unicode("2022").tag(input=True)

    plain_messages = (
        (r"above 50 when every region",
         _("If Yes won a majority in every region, it won more than half of the participants "
         "nationally too: raise the Yes share, or lower the number of regions.")),
        (r"at most 50 when no region",
         _("If Yes won a majority in no region, it cannot have more than half of the participants "
         "nationally: lower the Yes share, or raise the number of regions.")),
    )

    @traitlets.observe("regions_total")
    def _keep_regions_within(self, change: Any) -> None:
        self.regions = min(self.regions, change["new"])

    def idle_inputs(self) -> set[str]:
        """Inputs the chosen rule ignores (the regional count under the 2026 rule)."""
        return set() if referendum.ADOPTION_RULES[self.rule].regional else {
            "regions", "regions_total"}

    def compute(self) -> referendum.AdoptionCheck:
        return referendum.check_adoption(self.turnout_pct, self.yes_pct, self.regions,
                                         self.regions_total, rule=self.rule)


def _test_words(check: referendum.AdoptionCheck, test: referendum.AdoptionTest,
                gettext: Gettext = str, lang: str = "en") -> tuple[str, str, str]:
    """A test's label, value and what it needed, in the explorer's language (rebuilt from
    the check, so that in English they are :func:`kzlib.referendum.check_adoption`'s)."""
    _, rule = gettext, check.rule
    if test.name == "regions":
        total = check.regions_total
        needed = referendum.regions_needed(total, rule.region_share_needed)  # type: ignore[arg-type]
        value = _("{regions} of {total}").format(regions=check.regions_with_yes_majority,
                                                 total=total)
        return _(test.label), value, _("at least {regions}").format(regions=needed)
    measured, limit = ((check.turnout, rule.turnout_needed) if test.name == "turnout"
                       else (check.yes_share, rule.yes_needed))
    return (_(test.label), _percent(measured, lang),
            _("more than {share}").format(share=_percent(limit, lang, 0)))


def adoption_html(check: referendum.AdoptionCheck, gettext: Gettext = str,
                  lang: str = "en") -> str:
    """The tests of a check, and the verdict, as HTML (in ``lang``, ``gettext`` its ``_``)."""
    _ = gettext
    rows = "".join(
        f"<tr><td>{html.escape(label)}</td><td style='text-align:right'>{value}</td>"
        f"<td>{html.escape(needed)}</td><td><b>{_('passes') if t.passed else _('fails')}</b>"
        "</td></tr>"
        for t in check.tests for label, value, needed in [_test_words(check, t, _, lang)])
    verdict = _("adopted") if check.adopted else _("NOT adopted")
    return (
        "<p>" + _("Rule: {rule}. Verdict: <b>{verdict}</b>. Yes would be <b>{share}</b> of all "
                  "registered voters (turnout × Yes share).").format(
            rule=html.escape(_(check.rule.label)), verdict=verdict,
            share=_percent(check.yes_of_registered, lang))
        + f"</p><table><tr><th>{_('test')}</th><th>{_('value')}</th><th>{_('needed')}</th>"
        f"<th></th></tr>{rows}</table>")


class _AdoptionChart:
    """Three bars (turnout, Yes of participants, Yes of registered) against a 50% line."""

    _ROWS = (_("Turnout\n(of registered)"), _("Yes\n(of participants)"),
             _("Yes\n(of registered)"))

    def __init__(self, gettext: Gettext = str, lang: str = "en") -> None:
        _ = self._ = gettext
        self.lang = lang
        fig, (ax,) = plots.new_figure(9, 2.8)
        self.bars = ax.barh(range(3), [0, 0, 0], height=0.6, edgecolor=plots.EDGE,
                            linewidth=0.6)
        self.labels = [ax.text(0, k, "", va="center", ha="left", fontsize=9) for k in range(3)]
        ax.axvline(50, color="#444444", linestyle="--", linewidth=1)
        ax.set_xlim(0, 110)
        ax.set_xticks(range(0, 101, 10))
        ax.set_yticks(range(3), [_(row) for row in self._ROWS])
        ax.invert_yaxis()
        ax.set_xlabel(_("Per cent (dashed line: one half)"))
        ax.set_ylabel(_("Measure"))
        ax.spines[["top", "right"]].set_visible(False)
        plots.finish(fig, _("A hypothetical referendum: does it pass?"),
                     _("adoption rules: Astana Times (2022), Kazinform (2026); kzlib.referendum"),
                     label=_("Source"))
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
        self.view = BlitChartView(fig, lambda: [*self.bars, *self.labels])
        self.widget = self.view.widget

    def update(self, check: referendum.AdoptionCheck) -> None:
        """Set the bars; colour each by its test (grey for the Yes-of-registered bar)."""
        _, lang = self._, self.lang
        turnout_ok = check.tests[0].passed
        yes_ok = check.tests[1].passed
        values = (check.turnout, check.yes_share, check.yes_of_registered)
        colours = (_PASS if turnout_ok else _FAIL,
                   (_PASS if yes_ok else _FAIL) if not check.rule.regional else "#9A9A9A",
                   "#BDBDBD")
        for bar, label, value, colour in zip(self.bars, self.labels, values, colours,
                                             strict=True):
            pct = float(value * 100)
            bar.set_width(pct)
            bar.set_facecolor(colour)
            label.set_position((pct + 1, label.get_position()[1]))
            label.set_text(_percent(value, lang, 1))
        self.view.refresh(
            _("Bars: turnout {turnout}, Yes {yes} of participants, Yes {registered} of "
              "registered voters, against a dashed line at 50%. Under the {rule} rule: "
              "{verdict}.").format(
                turnout=_percent(check.turnout, lang, 1), yes=_percent(check.yes_share, lang, 1),
                registered=_percent(check.yes_of_registered, lang, 1), rule=check.rule.name,
                verdict=_("adopted") if check.adopted else _("not adopted")))


def build_adoption_explorer(
    turnout_pct: float = 68.05,
    yes_pct: float = 77.18,
    regions: int = 17,
    regions_total: int = referendum.REGIONS_2022,
    rule: str = "2022",
    lang: str = "en",
) -> Explorer:
    """Adoption explorer for notebook 01: would a hypothetical result have passed?

    Parameters
    ----------
    turnout_pct, yes_pct
        Turnout (per cent of registered voters) and Yes (per cent of participants)
        shown first, 0–100.
    regions
        Regions with a Yes majority shown first (0 to ``regions_total``).
    regions_total
        17 or 20 (:data:`REGION_COUNTS`).
    rule
        ``"2022"`` or ``"2026"`` (:data:`kzlib.referendum.ADOPTION_RULES`).
    lang
        Language of the labels, panel text and chart: ``"en"``, ``"kk"`` or ``"ru"``.

    Returns
    -------
    Explorer
        Controls ``turnout_pct``, ``yes_pct``, ``regions``, ``regions_total`` and
        ``rule``; ``result`` is the :class:`~kzlib.referendum.AdoptionCheck`.

    Raises
    ------
    TypeError, ValueError
        If an argument is not offered by the controls, or ``lang`` is not a language of
        the collection.
    """
    _ = translator(lang)
    check_range(turnout_pct, "turnout_pct", 0, 100)
    check_range(yes_pct, "yes_pct", 0, 100)
    check_choice(regions_total, "regions_total", REGION_COUNTS)
    check_choice(rule, "rule", referendum.ADOPTION_RULES)
    if isinstance(regions, bool) or not isinstance(regions, int) or not (
            0 <= regions <= regions_total):
        raise ValueError(f"regions must be a whole number from 0 to {regions_total}, "
                         f"got {regions!r}")
    slider = {"step": 0.01, "min": 0, "max": 100, "continuous_update": False,
              "style": LABEL_STYLE, "layout": widgets.Layout(width="460px"),
              "readout_format": ".2f"}
    controls = {
        "rule": widgets.Dropdown(
            options=[(_(r.label), k) for k, r in referendum.ADOPTION_RULES.items()],
            value=rule, description=_("Adoption rule"), style=LABEL_STYLE,
            layout=widgets.Layout(width="640px")),
        "turnout_pct": widgets.FloatSlider(value=turnout_pct, description=_("Turnout (%)"),
                                           **slider),
        "yes_pct": widgets.FloatSlider(value=yes_pct, description=_("Yes, % of participants"),
                                       **slider),
        "regions_total": widgets.Dropdown(
            options=[(_(label), n) for n, label in REGION_COUNTS.items()], value=regions_total,
            description=_("Regions counted"), style=LABEL_STYLE),
        "regions": widgets.IntSlider(
            value=regions, min=0, max=referendum.REGIONS_AFTER_JUNE_2022,
            description=_("Regions with a Yes majority"), continuous_update=False,
            style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls, lang=lang)
    model = AdoptionModel(turnout_pct=turnout_pct, yes_pct=yes_pct, regions=regions,
                          regions_total=regions_total, rule=rule)
    # The panel's plain sentences in the explorer's language (an instance attribute).
    model.plain_messages = tuple((pattern, _(sentence))
                                 for pattern, sentence in AdoptionModel.plain_messages)
    chart = _AdoptionChart(_, lang)

    def show(check: referendum.AdoptionCheck) -> None:
        chart.update(check)
        explorer.show_text(adoption_html(check, _, lang))

    def idle(_change: Any = None) -> None:
        for name in ("regions", "regions_total"):
            controls[name].disabled = name in model.idle_inputs()

    explorer.bind(model, show)
    model.observe(idle, names="rule")
    idle()
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.children = [controls["rule"], controls["turnout_pct"], controls["yes_pct"],
                         widgets.HBox([controls["regions_total"], controls["regions"]]),
                         chart.widget]
    return explorer
