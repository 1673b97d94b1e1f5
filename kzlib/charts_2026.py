"""Charts of notebook 11 (the 2026 Constitution): one call per chart, returning (figure, alt).

* :func:`draw_seat_shares` draws a :class:`kzlib.constitution.Comparison` on an axes
  (the explorer redraws it in place); :func:`seat_shares_chart` is the same picture
  as a figure of its own.
* :func:`referendums_chart` lays the three referendums of 2022, 2024 and 2026 side
  by side, each split into its parts as a share of all registered voters.

Party colours come from :mod:`kzlib.plots`; no ipywidgets here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from kzlib import plots, referendum
from kzlib.constitution import Comparison, majority_line, two_thirds_line
from kzlib.i18n import check_language, format_number, translator
from kzlib.referendum import Referendum, as_percent

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["draw_seat_shares", "referendums_chart", "seat_shares_alt", "seat_shares_chart"]

Chart = tuple["Figure", str]
Gettext = Callable[[str], str]

_REAL_ALPHA = 0.4
_WIDTH = 0.4


def _shown_parties(c: Comparison) -> list[str]:
    """Parties with a seat in either chamber, in table order."""
    return [p for p in dict.fromkeys([*c.allocation.votes, *c.real_seats])
            if c.allocation.seats.get(p, 0) or c.real_seats.get(p, 0)]


def draw_seat_shares(ax: Axes, c: Comparison, lang: str = "en") -> None:
    """Paired bars per party: share of seats in the real chamber (pale) and in the Kurultai.

    Dashed lines mark more than half and two-thirds of the Kurultai's 145 seats (in per
    cent of the seats). Clears ``ax`` first, so a panel can redraw on the same axes. The
    words are in ``lang`` (party names as in ``data/``).
    """
    _ = translator(lang)
    ax.clear()
    parties = _shown_parties(c)
    xs = range(len(parties))
    real = [100 * c.real_seats.get(p, 0) / c.real_house for p in parties]
    new = [100 * c.allocation.seats.get(p, 0) / c.house for p in parties]
    colours = [plots.colour(p) for p in parties]
    ax.bar([x - _WIDTH / 2 for x in xs], real, _WIDTH, color=colours, alpha=_REAL_ALPHA,
           edgecolor=plots.EDGE, linewidth=0.5, hatch="//",
           label=_("real chamber ({seats})").format(seats=c.real_house))
    bars = ax.bar([x + _WIDTH / 2 for x in xs], new, _WIDTH, color=colours,
                  edgecolor=plots.EDGE, linewidth=0.5,
                  label=_("Kurultai ({seats})").format(seats=c.house))
    ax.bar_label(bars, labels=[str(c.allocation.seats.get(p, 0)) for p in parties],
                 padding=2, fontsize=8)
    _majority_lines(ax, c.house, len(parties) - 0.5, _)
    names = [_non_party_name(p, _) for p in parties]
    # A translated row name ("Самовыдвиженцы") wraps between words, never inside one.
    ax.set_xticks(list(xs), [plots.party_label(n, width=max(13, *map(len, n.split())), lines=2)
                             if p in _NON_PARTY else plots.party_label(n, width=13, lines=2)
                             for p, n in zip(parties, names, strict=True)])
    for tick in ax.get_xticklabels():
        if max(map(len, tick.get_text().split("\n"))) > 13:  # such a word: smaller, apart
            tick.set_fontsize(8)
    ax.set_ylim(0, 100)
    ax.set_xlabel(_("Party (number above a bar: its Kurultai seats)"))
    ax.set_ylabel(_("Share of the chamber's seats (%)"))
    t = c.allocation.threshold
    ax.set_title(_("{year} votes; Kurultai threshold {pct}% of {base}").format(
        year=c.year, pct=format_number(float(t.percent), lang, "g"),  # type: ignore[union-attr]
        base=_(_base_words(t.base))), fontsize=10)  # type: ignore[union-attr]
    ax.legend(loc="upper right", frameon=False, fontsize=8, bbox_to_anchor=(1.0, 0.86))
    ax.spines[["top", "right"]].set_visible(False)


def draw_majority_lines(ax: Axes, house: int, right: float, lang: str = "en") -> None:
    """Dashed lines at a majority and at two-thirds of ``house`` (in per cent of the seats),
    each labelled at ``right`` (the x of the last party's bar), in ``lang``."""
    _majority_lines(ax, house, right, translator(lang))


def _majority_lines(ax: Axes, house: int, right: float, gettext: Gettext) -> None:
    # draw_majority_lines with the caller's ``_`` (an explorer passes its own).
    _ = gettext
    for seats, name in ((majority_line(house), _("majority")),
                        (two_thirds_line(house), _("two-thirds"))):
        y = 100 * seats / house
        ax.axhline(y, color="#444444", linestyle="--", linewidth=1)
        ax.text(right, y + 1, _("{line}: {seats} of {house}").format(
            line=name, seats=seats, house=house), ha="right", va="bottom", fontsize=8)


def _base_words(base: str) -> str:
    """The threshold base in the short words of :data:`kzlib.thresholds.BASE_LABELS`."""
    from kzlib.thresholds import BASE_LABELS

    return BASE_LABELS[base]


def seat_shares_alt(c: Comparison, lang: str = "en") -> str:
    """Alt text: every party's seats in both chambers, and the largest party's shares.

    In ``lang`` (party names as in ``data/``; the shares with a decimal comma in
    Kazakh and Russian).

    Examples
    --------
    >>> from kzlib.constitution import compare_with_mazhilis
    >>> seat_shares_alt(compare_with_mazhilis(2023), "ru")[:60]
    'Парная столбчатая диаграмма долей мандатов, голоса 2023 года'
    """
    return _seat_shares_alt(c, translator(lang), lang)


def _percent(share: object, lang: str) -> str:
    # as_percent's rounding; a decimal comma for a Kazakh or Russian reader.
    text = as_percent(share, 1)  # type: ignore[arg-type]
    return text if check_language(lang) == "en" else text.replace(".", ",")


def _non_party_name(name: str, gettext: Gettext) -> str:
    """A row of the real chamber that is no party ("Independents", "Disputed", "APK") in
    the reader's language; party names stay as in ``data/``."""
    return gettext(name) if name in _NON_PARTY else name


_NON_PARTY = ("Independents", "Disputed", "APK")


def _seat_shares_alt(c: Comparison, gettext: Gettext, lang: str = "en") -> str:
    # seat_shares_alt with the caller's ``_`` (an explorer passes its own).
    _ = gettext
    parts = ", ".join(
        _("{party} {real} of {real_house} then, {seats} of {house} in the Kurultai").format(
            party=_non_party_name(p, _), real=c.real_seats.get(p, 0), real_house=c.real_house,
            seats=c.allocation.seats.get(p, 0), house=c.house)
        for p in _shown_parties(c)
    )
    return _("Paired bar chart of seat shares, {year} votes: {parts}. {party} {real_share} "
             "then, {share} in the Kurultai; dashed lines at a majority ({majority}) and "
             "two-thirds ({two_thirds}) of {house}.").format(
        year=c.year, parts=parts, party=c.largest_party,
        real_share=_percent(c.real_largest_share, lang),
        share=_percent(c.largest_share, lang), majority=majority_line(c.house),
        two_thirds=two_thirds_line(c.house), house=c.house)


def seat_shares_chart(c: Comparison, lang: str = "en") -> Chart:
    """:func:`draw_seat_shares` in a figure of its own, titled and sourced, in ``lang``.

    Examples
    --------
    >>> from kzlib.constitution import compare_with_mazhilis
    >>> fig, alt = seat_shares_chart(compare_with_mazhilis(2023))
    >>> alt.startswith("Paired bar chart of seat shares, 2023 votes: Amanat 62 of 98 then")
    True
    """
    _ = translator(lang)
    fig, (ax,) = plots.new_figure(9, 4.6)
    draw_seat_shares(ax, c, lang)
    plots.finish(fig, _("The same votes in the old chamber and in a 145-seat Kurultai"),
                 _("votes in data/mazhilis_list_results.csv, real seats in data/; "
                   "Kurultai seats computed by kzlib (rules assumed where no source settles "
                   "them)"), label=_("Source"))
    return fig, seat_shares_alt(c, lang)


_PART_COLOURS = {
    "yes": "#333333",
    "no": "#9A9A9A",
    "invalid_or_blank": "#BDBDBD",
    "other": "#D6D6D6",
    "did_not_vote": "#F2F2F2",
}


def referendums_chart(results: Mapping[int, Referendum], lang: str = "en") -> Chart:
    """One 100% bar per referendum: its registered voters split into yes, no, … did not vote.

    Parameters
    ----------
    results
        Year -> :class:`~kzlib.referendum.Referendum` (e.g. from
        :func:`kzlib.constitution.load_referendum`).
    lang
        Language of the chart's words and alt text (``"en"``, ``"kk"``, ``"ru"``).

    Returns
    -------
    (Figure, str)
        A dashed line marks half of the registered voters.

    Examples
    --------
    >>> from kzlib.constitution import load_referendum
    >>> fig, alt = referendums_chart({y: load_referendum(y) for y in (2022, 2024, 2026)})
    >>> alt.split(": ")[1].split(",")[0]
    '2022 Yes 52.5%'
    """
    _ = translator(lang)
    fig, (ax,) = plots.new_figure(9, 3.8)
    years = list(results)
    described = []
    for row, year in enumerate(years):
        parts = referendum.breakdown(results[year], "registered")
        pieces = []
        for part in parts:
            ax.barh(row, float(part.percent), left=float(part.start_percent), height=0.6,
                    color=_PART_COLOURS[part.name], edgecolor=plots.EDGE, linewidth=0.5,
                    label=_(part.label) if row == 0 else None)
            if part.percent >= 6:
                ax.text(float(part.start_percent + part.percent / 2), row,
                        _percent(part.fraction, lang), ha="center", va="center", fontsize=8,
                        color="white" if part.name == "yes" else "black")
            if part.votes:
                pieces.append(f"{_(part.label)} {_percent(part.fraction, lang)}")
        described.append(f"{year} " + ", ".join(pieces))
    ax.axvline(50, color="#444444", linestyle="--", linewidth=1)
    ax.set_yticks(range(len(years)), [str(y) for y in years])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(_("Per cent of all registered voters"))
    ax.set_ylabel(_("Referendum"))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=5, frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    plots.finish(fig, _("Three referendums, each as a share of all registered voters"),
                 _("data/referendum_2022.csv, data/referendum_2024_2026.csv (final figures; "
                   "2024 invalid ballots preliminary)"), label=_("Source"))
    alt = _("Stacked bar chart, per cent of registered voters: {parts}. Dashed line at "
            "50%.").format(parts="; ".join(described))
    return fig, alt
