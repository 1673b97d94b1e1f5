"""Notebook 05 widget: every control driven headless, numbers checked against kzlib."""

from __future__ import annotations

import html
import math
import re

import pytest
from explorers import alt_text, record_figures

from kzlib.cases import Election, mazhilis_election
from kzlib.compare.elections import outcome, scenario_summary
from kzlib.widgets import threshold as T
from kzlib.widgets.threshold import build_threshold_explorer, threshold_settings


def expected(explorer):
    settings = threshold_settings(explorer)
    e = mazhilis_election(settings.pop("year"))
    return e, outcome(e.votes, e.against_all, **settings)


def shown_seats(explorer) -> dict[str, int]:
    rows = re.findall(
        r"<tr><td>([^<]+)</td><td[^>]*>[^<]+</td><td>(?:yes|no)</td><td[^>]*>(\d+)</td></tr>",
        explorer.text.value,
    )
    return {html.unescape(p): int(n) for p, n in rows}



def assert_consistent(explorer):
    e, result = expected(explorer)
    assert explorer.error.value == ""
    assert explorer.result.seats == result.seats
    assert explorer.result.eligible == result.eligible
    assert shown_seats(explorer) == result.seats
    summary = scenario_summary(result, e.against_all)
    text = explorer.text.value
    # 'Against all' is shown apart from the votes for lists that won nothing.
    assert f"for lists without a seat <b>{summary['no_seat_pct']:.2f}%</b>" in text
    assert f"'against all' <b>{summary['against_all_pct']:.2f}%</b>" in text
    assert f"<b>{math.ceil(summary['votes_needed']):,}</b> votes" in text
    assert f"Lists that pass: <b>{len(result.eligible)}</b>" in text
    alt = alt_text(explorer)
    assert alt.startswith(f"Hemicycle of {result.house_size} seats")
    for party, seats in result.seats.items():
        if seats:
            assert f"{party} {seats}" in alt
    return result


def test_initial_state_is_the_official_2023_result(no_widget_errors):
    ex = build_threshold_explorer()
    result = assert_consistent(ex)
    assert result.seats == {
        "Amanat": 40,
        "Auyl": 8,
        "Respublica": 6,
        "Ak Zhol": 6,
        "QHP": 5,
        "JSDP": 4,
        "Baitaq": 0,
    }
    assert "Same seats as the official Mazhilis 2023 result" in ex.text.value
    assert "318,323</b> votes" in ex.text.value  # 5% of 6,366,441 = 318,322.05


@pytest.mark.parametrize("year", [2007, 2012, 2016, 2021, 2023])
@pytest.mark.parametrize("base", ["votes", "votes_and_against_all", "ballots"])
def test_every_election_base_and_seat_option(no_widget_errors, year, base):
    if year == 2012 and base == "ballots":
        pytest.skip("no ballots figure for 2012: see test_2012_has_no_ballots_base")
    ex = build_threshold_explorer()
    ex.controls["election"].value = year
    ex.controls["base"].value = base
    for seats in ("own", 98, 69):
        ex.controls["seats"].value = seats
        for pct in (0.0, 0.1, 3.5, 5.0, 7.0, 9.9, 10.0):
            ex.controls["threshold"].value = pct
            result = assert_consistent(ex)
            wanted = mazhilis_election(year).list_seats if seats == "own" else seats
            assert result.house_size == wanted
            assert float(result.threshold.percent) == pytest.approx(pct)


def test_official_2021_and_2007_results_at_7_percent(no_widget_errors):
    ex = build_threshold_explorer(2021, 7.0)
    ex.controls["base"].value = "votes"
    assert assert_consistent(ex).seats == {
        "Nur Otan": 76,
        "Ak Zhol": 12,
        "QHP": 10,
        "Auyl": 0,
        "Adal": 0,
    }
    assert "Same seats as the official Mazhilis 2021 result" in ex.text.value
    ex.controls["election"].value = 2007
    assert assert_consistent(ex).seats["Nur Otan"] == 98
    assert "Same seats as the official Mazhilis 2007 result" in ex.text.value


def test_moving_the_threshold_changes_who_gets_in(no_widget_errors):
    ex = build_threshold_explorer(2021, 7.0)
    assert ex.result.seats["Auyl"] == 0
    ex.controls["threshold"].value = 5.0
    assert ex.result.seats == {"Nur Otan": 72, "Ak Zhol": 11, "QHP": 9, "Auyl": 6, "Adal": 0}
    assert "Official Mazhilis 2021 list seats: Nur Otan 76" in ex.text.value
    ex.controls["threshold"].value = 3.5
    assert ex.result.seats["Adal"] > 0
    assert_consistent(ex)


def test_seat_count_changes_redraw_the_hemicycle(no_widget_errors):
    ex = build_threshold_explorer(2021, 5.0)
    ex.controls["seats"].value = 69
    assert ex.result.seats == {"Nur Otan": 51, "Ak Zhol": 8, "QHP": 6, "Auyl": 4, "Adal": 0}
    assert alt_text(ex).startswith("Hemicycle of 69 seats")
    ex.controls["seats"].value = 98
    assert alt_text(ex).startswith("Hemicycle of 98 seats")


def test_against_all_in_the_base_raises_the_bar(no_widget_errors):
    ex = build_threshold_explorer(2023, 5.0)
    with_aa = ex.result.base_total
    ex.controls["base"].value = "votes"
    assert ex.result.base_total == with_aa - 248291
    ex.controls["base"].value = "ballots"
    assert ex.result.base_total == 6521860


def test_one_party_rule_checkbox(no_widget_errors):
    ex = build_threshold_explorer(2007, 7.0)
    assert ex.result.seats["JSDP"] == 0
    ex.controls["one_party_rule"].value = True
    assert_consistent(ex)
    assert ex.result.seats["JSDP"] >= 2 and ex.result.eligible == ("Nur Otan", "JSDP")
    ex.controls["one_party_rule"].value = False
    assert ex.result.seats["JSDP"] == 0


def test_bad_input_is_shown_not_raised(no_widget_errors, monkeypatch):
    # An election without a ballots figure (as 2012 in the real data) exercises the
    # error path.
    no_ballots = Election(name="test", votes={"A": 10, "B": 5}, list_seats=5)
    monkeypatch.setattr(T, "_election", lambda year: no_ballots)
    ex = build_threshold_explorer()
    ex.controls["base"].value = "ballots"
    assert "no count of all ballots for this election" in ex.error.value
    assert "Cannot compute this" in ex.error.value
    ex.controls["base"].value = "votes"
    assert ex.error.value == ""
    assert ex.result.seats == {"A": 3, "B": 2}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"year": 2019}, "year must be one of"),
        ({"threshold": 12}, "threshold must be a number from 0 to 10, got 12"),
    ],
)
def test_builder_arguments_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_threshold_explorer(**kwargs)


def test_controls_are_described_and_sliders_wait_for_release():
    ex = build_threshold_explorer()
    for control in ex.controls.values():
        assert control.description
    assert ex.controls["threshold"].continuous_update is False


def png_of(explorer) -> str:
    return re.search(r'base64,([^"]+)"', explorer.children[-1].value).group(1)


def test_partial_redraw_gives_the_same_picture_as_a_fresh_one(no_widget_errors):
    # A slider move redraws only the moving artists (BlitChartView); the picture must
    # equal the one a freshly built panel draws for the same settings.
    moved = build_threshold_explorer(2021, 7.0)
    before = png_of(moved)
    for pct in (5.0, 3.0, 6.0):
        moved.controls["threshold"].value = pct
        assert png_of(moved) != before
    moved.controls["one_party_rule"].value = True
    moved.controls["one_party_rule"].value = False
    assert png_of(build_threshold_explorer(2021, 6.0)) == png_of(moved)
    moved.controls["election"].value = 2007
    moved.controls["election"].value = 2021
    moved.controls["threshold"].value = 7.0
    assert png_of(moved) == before


def colours_in_right_half(explorer) -> set[str]:
    import base64
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(base64.b64decode(png_of(explorer)))).convert("RGB")
    width, height = image.size
    right = image.crop((int(width * 0.55), 0, width, int(height * 0.9)))
    return {"#{:02X}{:02X}{:02X}".format(*rgb) for _, rgb in right.getcolors(maxcolors=100000)}


def test_hemicycle_shows_every_seat_holder_after_each_move(no_widget_errors):
    from kzlib import plots

    ex = build_threshold_explorer(2021, 7.0)
    for pct in (7.0, 5.0, 3.0, 7.0):
        ex.controls["threshold"].value = pct
        shown = colours_in_right_half(ex)
        for party, seats in ex.result.seats.items():
            if seats:
                assert plots.colour(party) in shown, (pct, party)
        # Auyl (yellow, no grey look-alikes from anti-aliasing) has seats only below 5.29%.
        assert (plots.colour("Auyl") in shown) == (ex.result.seats["Auyl"] > 0), pct


def test_model_alone_counts_without_any_widget():
    model = T.ThresholdModel(election=2021, threshold=7.0, base="votes")
    assert model.result.seats == {"Nur Otan": 76, "Ak Zhol": 12, "QHP": 10, "Auyl": 0, "Adal": 0}
    model.threshold = 5.0
    assert model.result.seats["Auyl"] == 6 and model.error == ""
    model.seats = 69
    assert model.result.house_size == 69
    assert model.settings()["seats"] == 69 and model.settings()["year"] == 2021


def test_controls_and_model_are_linked_both_ways(no_widget_errors):
    ex = build_threshold_explorer(2021, 7.0)
    ex.model.election = 2007
    assert ex.controls["election"].value == 2007
    assert_consistent(ex)
    ex.controls["base"].value = "ballots"
    assert ex.model.base == "ballots"
    assert_consistent(ex)


def test_the_live_picture_is_what_a_full_draw_shows(monkeypatch):
    """Blitting (moving artists over a kept background, the seat legend pasted back from
    kept pixels) draws what a full draw of the figure draws: the legend of the current
    seats, and each seat count over the threshold line, not under it."""
    import numpy as np

    made = record_figures(monkeypatch)
    explorer = build_threshold_explorer()
    (fig,) = made
    canvas = fig.canvas  # the view's own canvas: it holds the last blitted picture
    bars_axes = fig.axes[0]
    for name, value in [("threshold", 3.0), ("election", 2007), ("threshold", 2.6),
                        ("threshold", 5.0), ("election", 2023), ("threshold", 3.0),
                        ("threshold", 7.0)]:
        explorer.controls[name].value = value
        live = np.asarray(canvas.buffer_rgba()).copy()
        canvas.draw()
        full = np.asarray(canvas.buffer_rgba())
        differ = np.abs(live.astype(int) - full.astype(int)).max(axis=2) > 8
        # The threshold line and the bars are drawn over the spines in the live picture
        # (they move) and under them in a full draw: ignore the bars axes' left and
        # bottom spines (rows count from the top).
        x0, y0 = round(bars_axes.bbox.x0), live.shape[0] - round(bars_axes.bbox.y0)
        differ[:, x0 - 2:x0 + 3] = False
        differ[y0 - 2:y0 + 3, :] = False
        assert not differ.any(), (name, value, np.argwhere(differ)[:5])


def test_a_layout_seen_before_gives_the_picture_of_a_fresh_panel(no_widget_errors):
    # Backgrounds are kept per layout (election, base, seats): coming back to one must
    # draw exactly what a new panel draws, whatever was shown in between.
    moved = build_threshold_explorer(2023)
    for name, value in [("base", "votes"), ("seats", 98), ("election", 2007),
                        ("base", "ballots"), ("election", 2023), ("seats", "own"),
                        ("base", "votes_and_against_all"), ("threshold", 7.0),
                        ("threshold", 5.0), ("base", "votes")]:
        moved.controls[name].value = value
    fresh = build_threshold_explorer(2021)
    fresh.controls["base"].value = "votes"
    fresh.controls["election"].value = 2023  # the first time this panel shows this layout
    assert png_of(moved) == png_of(fresh)


def test_2012_has_no_ballots_base_and_says_so_in_plain_words(no_widget_errors):
    ex = build_threshold_explorer(year=2012, threshold=7.0)
    ex.controls["base"].value = "ballots"
    assert "no count of all ballots for this election" in ex.error.value
    assert "ballots must be given" not in ex.error.value
    ex.controls["base"].value = "votes"
    assert ex.error.value == ""
    assert_consistent(ex)


@pytest.mark.parametrize("year, seats", [
    (2012, {"Nur Otan": 83, "Ak Zhol": 8, "Communist People's Party": 7}),
    (2016, {"Nur Otan": 84, "Ak Zhol": 7, "Communist People's Party": 7}),
])
def test_2012_and_2016_at_7_percent_match_the_official_result(no_widget_errors, year, seats):
    ex = build_threshold_explorer(year=year, threshold=7.0)
    ex.controls["base"].value = "votes"
    result = assert_consistent(ex)
    assert {p: n for p, n in result.seats.items() if n} == seats
    assert f"Same seats as the official Mazhilis {year} result" in ex.text.value


def test_the_slider_reaches_the_real_thresholds_in_few_steps():
    slider = build_threshold_explorer().controls["threshold"]
    assert slider.step == 0.25
    assert 7 / slider.step == 28 and 5 / slider.step == 20  # key presses from 0
