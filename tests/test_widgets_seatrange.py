"""Notebook 10 seat-range widget: every control driven headless, numbers checked against
kzlib.uncertainty called directly."""

from __future__ import annotations

import html
import re

import pytest
from explorers import alt_text

from kzlib.cases import mazhilis_election
from kzlib.uncertainty import seat_ranges
from kzlib.widgets import seatrange as SR
from kzlib.widgets.seatrange import SeatRangeModel, build_seatrange_explorer


def expected(year: int, size: int):
    e = mazhilis_election(year)
    return seat_ranges(e.votes, SR.RULE_SETS, against_all=e.against_all, sample_size=size,
                       draws=SR.DRAWS, seed=SR.SEED)


def shown_rows(explorer) -> dict[str, list[str]]:
    """Party -> the cells of its row in the panel's table."""
    rows = re.findall(r"<tr><td>([^<]+)</td>((?:<td[^>]*>[^<]*</td>)+)</tr>", explorer.text.value)
    return {html.unescape(p): re.findall(r"<td[^>]*>([^<]*)</td>", cells) for p, cells in rows}


def assert_consistent(explorer, year: int, size: int) -> None:
    result = expected(year, size)
    assert explorer.error.value == ""
    assert list(explorer.result) == list(SR.RULE_SETS)
    rows = shown_rows(explorer)
    alt = alt_text(explorer)
    for label, ranges in result.items():
        assert (explorer.result[label].seats == ranges.seats).all()
        assert label in alt
    lists, kurultai = result.values()
    for party in lists.parties:
        cells = []
        for ranges in (lists, kurultai):
            low, median, high = ranges.quantiles()[party]
            cells += [f"{low}–{high} ({median})" if low != high else str(median),
                      f"{100 * ranges.p_passes()[party]:.1f}%"]
            assert f"{party} {low}–{high} (median {median})" in alt
        assert rows[party] == cells
    assert rows["largest party: a majority"][1::2] == [
        f"{100 * lists.p_majority():.1f}%", f"{100 * kurultai.p_majority():.1f}%"]
    assert rows["largest party: two-thirds"][1::2] == [
        f"{100 * lists.p_two_thirds():.1f}%", f"{100 * kurultai.p_two_thirds():.1f}%"]
    assert f"random sample of <b>{size:,}</b> voters" in explorer.text.value
    assert f"Mazhilis {year} result" in explorer.text.value


def test_initial_state(no_widget_errors):
    ex = build_seatrange_explorer()
    assert_consistent(ex, 2023, 2000)
    assert shown_rows(ex)["JSDP"] == ["0–4 (4)", "64.6%", "0–9 (8)", "64.6%"]
    assert "Sensitivity, not a forecast." in ex.text.value


@pytest.mark.parametrize("year", SR.ELECTIONS)
def test_every_sample_size_in_both_elections(year, no_widget_errors):
    ex = build_seatrange_explorer(year)
    for size in (SR.SAMPLE_SIZES[0], 5_000, SR.SAMPLE_SIZES[-1]):
        ex.controls["sample_size"].value = size
        assert_consistent(ex, year, size)
    other = SR.ELECTIONS[0] if year != SR.ELECTIONS[0] else SR.ELECTIONS[1]
    ex.controls["election"].value = other
    assert_consistent(ex, other, SR.SAMPLE_SIZES[-1])


def test_more_certainty_narrows_the_ranges():
    ex = build_seatrange_explorer()
    ex.controls["sample_size"].value = 200
    wide = ex.result["2023 list tier (69 seats)"].quantiles()["Amanat"]
    ex.controls["sample_size"].value = 50_000
    narrow = ex.result["2023 list tier (69 seats)"].quantiles()["Amanat"]
    assert wide[2] - wide[0] > narrow[2] - narrow[0]


def test_bad_size_gives_a_plain_sentence_and_keeps_the_last_result():
    model = SeatRangeModel(election=2023, sample_size=500)
    last = model.result
    model.sample_size = 0
    assert model.error == "The effective sample size must be a positive number of voters."
    assert model.result is last
    model.sample_size = 1000
    assert model.error == ""


def test_the_panel_hides_its_numbers_while_the_input_is_bad():
    ex = build_seatrange_explorer()
    # No control offers a bad size; drive the model's state directly, as a broken
    # link would, to check what the student would see.
    ex.model.error = "The effective sample size must be a positive number of voters."
    assert "must be a positive number of voters" in ex.error.value
    assert all(o.layout.visibility == "hidden" for o in ex.outputs())


def test_bad_arguments():
    with pytest.raises(ValueError, match="year must be one of 2021, 2023, got 2016"):
        build_seatrange_explorer(2016)
    with pytest.raises(ValueError, match="lang"):
        build_seatrange_explorer(lang="de")


def test_kazakh_panel_formats_numbers():
    ex = build_seatrange_explorer(lang="kk")
    assert "10\u202f000" in ex.text.value and "64,6%" in ex.text.value
    assert ex.controls["sample_size"].label == "2\u202f000"
