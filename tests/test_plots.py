"""Palette and chart helpers."""

from __future__ import annotations

import math

import matplotlib.colors
import pytest

from kzlib import plots


def test_every_party_in_data_has_a_distinct_colour():
    from kzlib.data import load

    parties = set(load("mazhilis_list_results").query("year >= 2021").party) - {"Against all"}
    colours = {plots.colour(p) for p in parties}
    # Nur Otan and Amanat are one party (renamed 2022) and share a colour.
    assert len(colours) == len(parties - {"Nur Otan"})


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _deuteranopia(hex_colour: str) -> tuple[float, float, float]:
    """Simulate deuteranopia (Viénot, Brettel & Mollon 1999) in linear RGB."""
    r, g, b = (_linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return (0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b)


@pytest.mark.parametrize("parties", [
    ["Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "JSDP", "Baitaq"],
    ["Nur Otan", "Ak Zhol", "QHP", "Auyl", "Adal"],
])
def test_palette_distinguishable_under_deuteranopia(parties):
    sims = [_deuteranopia(plots.colour(p)) for p in parties]
    closest = min(math.dist(a, b) for i, a in enumerate(sims) for b in sims[i + 1:])
    # Distance in simulated linear RGB; the Okabe–Ito colours used together sit at
    # 0.19 or more, so 0.1 flags a new colour that a deuteranope would confuse.
    assert closest > 0.1, closest


@pytest.mark.parametrize("total", [1, 2, 29, 69, 98, 107, 150])
def test_hemicycle_has_one_point_per_seat(total):
    points = plots.hemicycle_positions(total)
    assert len(points) == total
    assert all(y >= -1e-9 for _, y in points)
    assert len(set(points)) == total


def test_hemicycle_bad_input():
    with pytest.raises(ValueError, match="total must be a positive integer, got 0"):
        plots.hemicycle_positions(0)


def test_alt_text_lists_seats():
    assert plots.seats_alt_text("Hemicycle", {"Amanat": 40, "Baitaq": 0, "JSDP": 4}) == (
        "Hemicycle of 44 seats: Amanat 40, JSDP 4."
    )


def test_png_html_escapes_alt():
    assert 'alt="a &lt;b&gt; &quot;c&quot;"' in plots.png_html(b"x", 'a <b> "c"')


def test_replace_bars_swaps_parties_and_keeps_the_axes():
    fig, (ax,) = plots.new_figure(6, 3)
    first = plots.replace_bars(ax, [], ["Amanat", "Auyl"])
    second = plots.replace_bars(ax, first, ["Nur Otan", "Ak Zhol", "Communist People's Party"])
    assert len(ax.patches) == 3 and all(b.axes is None for b in first)
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Nur Otan", "Ak Zhol", "Communist\nPeople's Party"]
    ak_zhol = matplotlib.colors.to_rgba(plots.colour("Ak Zhol"))
    assert [b.get_facecolor() for b in second][1] == ak_zhol
    assert ax.get_xlim() == (-0.6, 2.6)


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour: distances here approximate perceived differences."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


@pytest.mark.parametrize("pair", [("Amanat", "Ak Zhol"), ("Respublica", "QHP")])
def test_close_party_pairs_are_told_apart(pair):
    a, b = (_lab(plots.colour(p)) for p in pair)
    # A CIELAB distance of about 26-33 was what the reviewer found "close"; 40+ is clear.
    assert math.dist(a, b) > 40


def test_party_label_wraps_shortens_and_shows_names_literally():
    assert plots.party_label("Amanat") == "Amanat"
    assert plots.party_label("Communist People's Party") == "Communist\nPeople's Party"
    assert plots.party_label("A" * 40, width=10) == "A" * 10 + "\n" + "A" * 9 + "…"
    assert plots.party_label("Cost $5 and $6") == r"Cost \$5 and \$6"
    assert plots.party_label("Vote \U0001F5F3 now") == "Vote \u25a1 now"
    with pytest.raises(ValueError, match="width must be >= 2 and lines >= 1, got width=1"):
        plots.party_label("Amanat", width=1)
    with pytest.raises(TypeError, match="name must be a str, got 5"):
        plots.party_label(5)


def test_hemicycle_legend_lists_parties_with_seats_in_order():
    fig, (ax,) = plots.new_figure(5, 3)
    plots.draw_hemicycle(ax, {"Amanat": 62, "Baitaq": 0, "JSDP": 7})
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Amanat 62", "JSDP 7"]
    assert ax.texts[0].get_text() == "69 seats"  # widgets rename this text in place
    plots.hemicycle_legend(ax, {"QHP": 69})
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["QHP 69"]


def test_placeholder_hemicycle_has_no_legend():
    fig, (ax,) = plots.new_figure(5, 3)
    plots.draw_hemicycle(ax, {"": 69})
    assert ax.get_legend() is None


def test_seat_bars_have_horizontal_wrapped_names():
    fig, (ax,) = plots.new_figure(6, 3)
    plots.draw_seat_bars(ax, {"Amanat": 62, "Communist People's Party": 3},
                         lines={"majority (35)": 35})
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Amanat",
                                                           "Communist\nPeople's\nParty"]
    assert all(t.get_rotation() == 0 for t in ax.get_xticklabels())
    assert [t.get_text() for t in ax.texts] == ["62", "3", "majority (35)"]


@pytest.mark.parametrize(("party", "expected"), [("Amanat", "white"), ("Auyl", "black"),
                                                 ("QHP", "white"), ("Ak Zhol", "black")])
def test_text_on_a_party_colour_reads(party, expected):
    assert plots.text_colour(plots.colour(party)) == expected
