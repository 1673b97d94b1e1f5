"""Notebook 01 widget: one result, three denominators.

:func:`build_denominator_explorer` lets the reader pick an answer (Yes or No) and a
denominator (everyone who took part, all registered voters, or the valid Yes and No
votes only) and shows the share that :func:`kzlib.referendum.share_of` returns, with
a single 100% bar that splits the chosen denominator into its parts. The bar is one
figure whose segments are resized in place, and only they are redrawn
(:class:`~kzlib.widgets.threshold.BlitChartView`).

Colours are neutral greys (the answers are not parties): the chosen answer is dark,
the other parts light, with a dashed line at 50%.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from kzlib import plots, referendum
from kzlib.referendum import BASE_LABELS, BASES, Referendum, as_percent, share_of
from kzlib.widgets.common import LABEL_STYLE, BlitChartView, Explorer

__all__ = [
    "OPTION_LABELS",
    "PARTS",
    "build_denominator_explorer",
    "denominator_settings",
    "parts_of",
]

#: Dropdown labels of the answers.
OPTION_LABELS: dict[str, str] = {"yes": "Yes", "no": "No"}

#: The segments of the bar, left to right, with their labels.
PARTS: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "invalid_or_blank": "invalid or blank",
    "other": "other",
    "did_not_vote": "did not vote",
}

_DARK = "#333333"
_LIGHT = ("#9A9A9A", "#BDBDBD", "#D6D6D6", "#F2F2F2")


def parts_of(result: Referendum, of: str) -> dict[str, int]:
    """The counts that make up a denominator, in :data:`PARTS` order (0 if not in it).

    ``participants`` = yes + no + invalid_or_blank + other; ``registered`` adds
    those who did not vote; ``valid_yes_no`` = yes + no.
    """
    if of not in BASES:
        raise ValueError(f"of must be one of {', '.join(BASES)}, got {of!r}")
    counts = {
        "yes": result.yes,
        "no": result.no,
        "invalid_or_blank": result.invalid_or_blank if of != "valid_yes_no" else 0,
        "other": result.other if of != "valid_yes_no" else 0,
        "did_not_vote": result.did_not_vote if of == "registered" else 0,
    }
    return counts


def denominator_settings(explorer: Explorer) -> dict[str, str]:
    """The keyword arguments of :func:`kzlib.referendum.share_of` for the controls."""
    return {"option": explorer.controls["option"].value, "of": explorer.controls["of"].value}


def _summary_html(share: referendum.Share, result: Referendum) -> str:
    label = OPTION_LABELS[share.option]
    others = "".join(
        f"<tr><td>{html.escape(BASE_LABELS[b])}</td>"
        f"<td style='text-align:right'>{share_of(result, share.option, of=b).base_total:,}</td>"
        f"<td style='text-align:right'>{as_percent(share_of(result, share.option, of=b).fraction)}</td></tr>"
        for b in BASES
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
    if option not in OPTION_LABELS:
        raise ValueError(f"option must be one of {', '.join(OPTION_LABELS)}, got {option!r}")
    if of not in BASES:
        raise ValueError(f"of must be one of {', '.join(BASES)}, got {of!r}")
    controls = {
        "option": widgets.Dropdown(
            options=[(label, key) for key, label in OPTION_LABELS.items()], value=option,
            description="Count the votes for", style=LABEL_STYLE),
        "of": widgets.Dropdown(
            options=[(label, key) for key, label in BASE_LABELS.items()], value=of,
            description="as a share of", style=LABEL_STYLE, layout=widgets.Layout(width="460px")),
    }
    explorer = Explorer(controls=controls)

    fig, (ax,) = plots.new_figure(9, 2.6)
    segments = ax.barh([0] * len(PARTS), [0] * len(PARTS), left=[0] * len(PARTS), height=0.6,
                       edgecolor=plots.EDGE, linewidth=0.6)
    labels = [ax.text(0, 0, "", ha="center", va="center", fontsize=9) for _ in PARTS]
    ax.axvline(50, color="#444444", linestyle="--", linewidth=1)
    ax.text(50, -0.42, " 50%", va="bottom", ha="left", fontsize=9)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.5, 0.7)
    ax.set_yticks([])
    ax.set_xlabel("Per cent of the chosen denominator")
    ax.set_ylabel("Ballots")
    ax.spines[["top", "right", "left"]].set_visible(False)
    # A text inside the axes (not an axes title): its place is fixed, so redrawing
    # it alone is enough when it changes.
    title = ax.text(0, 0.5, "", ha="left", va="bottom", fontsize=11)
    plots.finish(fig, "Referendum of 5 June 2022: one result, three denominators",
                 "data/referendum_2022.csv (CEC final results)")
    # Only the segments, their labels and the title change: redraw just those.
    chart = BlitChartView(fig, lambda: [*segments, *labels, title])

    def update(_change: object = None) -> None:
        settings = denominator_settings(explorer)
        share = share_of(data, **settings)
        counts = parts_of(data, settings["of"])
        total = share.base_total
        left = 0.0
        light = iter(_LIGHT)
        alt_parts = []
        for (key, name), bar, text in zip(PARTS.items(), segments, labels):
            width = counts[key] * 100 / total
            bar.set_x(left)
            bar.set_width(width)
            bar.set_facecolor(_DARK if key == share.option else next(light))
            pct = as_percent(referendum.share(counts[key], of=total), 1)
            text.set_position((left + width / 2, 0))
            text.set_text(f"{name}\n{pct}" if width >= 7 else "")
            text.set_color("white" if key == share.option else "black")
            if counts[key]:
                alt_parts.append(f"{name} {pct}")
            left += width
        title.set_text(f"{OPTION_LABELS[share.option]} = {as_percent(share.fraction)} of "
                       f"{BASE_LABELS[share.of]} ({total:,})")
        alt = (f"One bar splitting {BASE_LABELS[share.of]} ({total:,}) into "
               + ", ".join(alt_parts) + f". {OPTION_LABELS[share.option]} is "
               f"{as_percent(share.fraction)}; dashed line at 50%.")
        chart.refresh(alt)
        explorer.show_text(_summary_html(share, data))
        explorer.result = share

    explorer.watch(update)
    explorer.children = [widgets.HBox([controls["option"], controls["of"]]), chart.widget]
    return explorer
