"""Notebook 01 widget: one result, three denominators.

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
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
import traitlets

from kzlib import plots, referendum
from kzlib.referendum import BASE_LABELS, BASES, Referendum, Share, as_percent, share_of
from kzlib.widgets.common import (
    LABEL_STYLE,
    BlitChartView,
    Explorer,
    ExplorerModel,
    check_choice,
)

__all__ = [
    "OPTION_LABELS",
    "DenominatorModel",
    "build_denominator_explorer",
    "denominator_settings",
]

#: Dropdown labels of the answers.
OPTION_LABELS: dict[str, str] = {"yes": "Yes", "no": "No"}

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


def _summary_html(share: Share, result: Referendum) -> str:
    label = OPTION_LABELS[share.option]
    others = "".join(
        f"<tr><td>{html.escape(BASE_LABELS[s.of])}</td>"
        f"<td style='text-align:right'>{s.base_total:,}</td>"
        f"<td style='text-align:right'>{as_percent(s.fraction)}</td></tr>"
        for s in (share_of(result, share.option, of=b) for b in BASES)
    )
    return (
        f"<p>{label}: <b>{share.votes:,}</b> of <b>{share.base_total:,}</b> "
        f"({html.escape(BASE_LABELS[share.of])}) = <b>{as_percent(share.fraction)}</b>.</p>"
        f"<table><tr><th>{label} as a share of …</th><th>denominator</th><th>share</th></tr>"
        f"{others}</table>"
    )


def build_denominator_explorer(
    result: Referendum | None = None, option: str = "yes", of: str = "participants"
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

    Returns
    -------
    Explorer
        Controls ``option`` and ``of`` (dropdowns); ``result`` is the
        :class:`~kzlib.referendum.Share` returned by
        :func:`kzlib.referendum.share_of` for those settings.

    Raises
    ------
    ValueError
        If ``option`` or ``of`` is not offered.
    """
    data = referendum.load_2022() if result is None else result
    if result is not None and not isinstance(result, Referendum):
        raise TypeError(f"result must be a kzlib.referendum.Referendum or None, got {result!r}")
    check_choice(option, "option", OPTION_LABELS)
    check_choice(of, "of", BASES)
    controls = {
        "option": widgets.Dropdown(
            options=[(label, key) for key, label in OPTION_LABELS.items()], value=option,
            description="Count the votes for", style=LABEL_STYLE),
        "of": widgets.Dropdown(
            options=[(label, key) for key, label in BASE_LABELS.items()], value=of,
            description="as a share of", style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls)
    chart = _DenominatorChart()

    def show(share: Share) -> None:
        parts = referendum.breakdown(data, share.of)
        chart.update(share, parts)
        explorer.show_text(_summary_html(share, data))

    # The figure stays reachable, so tests (and curious readers) can inspect its artists.
    explorer.chart = chart.view  # type: ignore[attr-defined]
    explorer.bind(DenominatorModel(data, option=option, of=of), show)
    explorer.children = [widgets.HBox([controls["option"], controls["of"]]), chart.widget]
    return explorer


class _DenominatorChart:
    """The 100% bar: one segment per part of the denominator, resized in place."""

    def __init__(self) -> None:
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
        ax.set_xlabel("Per cent of the chosen denominator")
        ax.set_ylabel("Ballots")
        ax.spines[["top", "right", "left"]].set_visible(False)
        # A text inside the axes (not an axes title): its place is fixed, so redrawing
        # it alone is enough when it changes.
        self.title = ax.text(0, 0.5, "", ha="left", va="bottom", fontsize=11)
        plots.finish(fig, "Referendum of 5 June 2022: one result, three denominators",
                     "data/referendum_2022.csv (CEC final results)")
        # Only the segments, their labels and the title change: redraw just those.
        self.view = BlitChartView(fig, lambda: [*self.segments, *self.labels, self.title])
        self.widget = self.view.widget

    def update(self, share: Share, parts: tuple[referendum.Part, ...]) -> None:
        """Lay the parts along the bar, darken the chosen answer, set title and alt text."""
        light = iter(_LIGHT)
        shown = []
        for part, bar, text in zip(parts, self.segments, self.labels, strict=True):
            chosen = part.name == share.option
            bar.set_x(float(part.start_percent))
            bar.set_width(float(part.percent))
            bar.set_facecolor(_DARK if chosen else next(light))
            pct = as_percent(part.fraction, 1)
            text.set_position((float(part.start_percent + part.percent / 2), 0))
            text.set_text(f"{part.label}\n{pct}" if part.percent >= _LABEL_MIN_PCT else "")
            text.set_color("white" if chosen else "black")
            if part.votes:
                shown.append(f"{part.label} {pct}")
        answer, base = OPTION_LABELS[share.option], BASE_LABELS[share.of]
        self.title.set_text(f"{answer} = {as_percent(share.fraction)} of "
                            f"{base} ({share.base_total:,})")
        self.view.refresh(f"One bar splitting {base} ({share.base_total:,}) into "
                          + ", ".join(shown) + f". {answer} is "
                          f"{as_percent(share.fraction)}; dashed line at 50%.")
