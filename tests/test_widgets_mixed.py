"""Notebook 07 widget: every control driven headless, numbers checked against kzlib.mixed."""

from __future__ import annotations

import html
import re

import pytest
from explorers import alt_text

from kzlib import cases, mixed
from kzlib.widgets import mixed as W
from kzlib.widgets.mixed import build_mixed_explorer, mixed_settings

ROW = re.compile(
    r"<tr><td>([^<]+)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td><td[^>]*><b>(\d+)</b></td></tr>"
)


def shown(explorer) -> dict[str, tuple[int, int, int]]:
    rows = ROW.findall(explorer.text.value)
    return {html.unescape(p): (int(a), int(b), int(c)) for p, a, b, c in rows}



def assert_consistent(explorer) -> mixed.MixedResult:
    """What the panel shows is what mazhilis_2023_house returns for its settings."""
    expected = cases.mazhilis_2023_house(**mixed_settings(explorer))
    assert explorer.error.value == ""
    assert explorer.result == expected
    rows = shown(explorer)
    for party, total in expected.total.items():
        if total or party not in mixed.NON_PARTY:
            tiers = (expected.list_seats[party], expected.district_seats[party], total)
            assert rows[party] == tiers
    assert sum(t for _, _, t in rows.values()) == expected.house_size
    text = html.unescape(explorer.text.value)
    tiers = f"<b>{expected.list_tier}</b> list seats + <b>{expected.district_tier}</b>"
    assert f"{tiers} single-member" in text
    assert f"= <b>{expected.house_size}</b> seats" in text
    assert f"Majority: {expected.majority_line} of {expected.house_size} seats" in text
    assert f"Two-thirds: {expected.two_thirds_line} of {expected.house_size} seats" in text
    for line in (expected.majority_line, expected.two_thirds_line):
        who = expected.reaches(line)
        if not who:
            assert f"{line} of {expected.house_size} seats; reached by <b>nobody</b>" in text
    assert expected.note in text
    alt = alt_text(explorer)
    assert alt.startswith(f"Stacked bar chart of {expected.house_size} seats")
    lines = f"two-thirds line at {expected.two_thirds_line}"
    assert f"Majority line at {expected.majority_line}, {lines}" in alt
    return expected


def test_initial_state_is_the_2023_mazhilis(no_widget_errors):
    ex = build_mixed_explorer()
    r = assert_consistent(ex)
    assert r.total == cases.mazhilis_2023("disputed").total
    assert shown(ex)["Amanat"] == (40, 22, 62)
    assert shown(ex)[mixed.DISPUTED] == (0, 1, 1)
    assert "<i>Disputed</i>" in ex.text.value
    assert "reached by <b>Amanat</b> (62)" in ex.text.value
    assert "Two-thirds: 66 of 98 seats; reached by <b>nobody</b>" in ex.text.value


@pytest.mark.parametrize("reading", list(W.READING_LABELS))
def test_each_reading_of_the_disputed_seat(no_widget_errors, reading):
    ex = build_mixed_explorer()
    ex.controls["reading"].value = reading
    r = assert_consistent(ex)
    assert r.total == cases.mazhilis_2023(reading).total
    assert ("<i>Disputed</i>" in ex.text.value) == (reading == "disputed")


@pytest.mark.parametrize("system", ["parallel", "compensatory"])
@pytest.mark.parametrize("model", list(W.MODEL_LABELS))
def test_every_system_model_and_list_share(no_widget_errors, system, model):
    ex = build_mixed_explorer()
    ex.controls["system"].value = system
    ex.controls["district_model"].value = model
    overhangs = list(mixed.OVERHANG_RULES) if system == "compensatory" else ["keep"]
    for overhang in overhangs:
        ex.controls["overhang"].value = overhang
        for pct in (0, 1, 13, 50, 69, 70, 99, 100):
            ex.controls["list_share"].value = pct
            r = assert_consistent(ex)
            if system == "parallel" or overhang == "fixed":
                assert r.house_size == 98


def test_list_share_moves_the_seats(no_widget_errors):
    ex = build_mixed_explorer()
    ex.controls["list_share"].value = 100
    assert ex.result.district_tier == 0 and ex.result.total["Amanat"] == 56
    assert "ASSUMPTION" in ex.text.value
    ex.controls["list_share"].value = 13
    assert (ex.result.list_tier, ex.result.district_tier) == (13, 85)
    assert "reached by <b>Amanat</b>" in ex.text.value.split("Two-thirds")[1]
    ex.controls["list_share"].value = 0
    assert ex.result.list_tier == 0


def test_overhang_grows_the_house_and_moves_the_lines(no_widget_errors):
    ex = build_mixed_explorer()
    ex.controls["system"].value = "compensatory"
    ex.controls["list_share"].value = 20
    keep = assert_consistent(ex)
    assert keep.house_size > 98 and keep.added_seats == keep.house_size - 98
    assert "added by the overhang rule" in ex.text.value
    # The majority lines follow the grown house.
    assert keep.majority_line > 50
    lines = f"Majority line at {keep.majority_line}, two-thirds line at {keep.two_thirds_line}"
    assert lines in alt_text(ex)
    ex.controls["overhang"].value = "fixed"
    assert assert_consistent(ex).house_size == 98
    assert "added by the overhang rule" not in ex.text.value
    ex.controls["overhang"].value = "level"
    assert assert_consistent(ex).house_size >= keep.house_size


def test_overhang_control_does_nothing_under_the_parallel_system(no_widget_errors):
    ex = build_mixed_explorer()
    before = ex.result
    for overhang in mixed.OVERHANG_RULES:
        ex.controls["overhang"].value = overhang
        assert ex.result == before


def test_bad_input_is_shown_not_raised(no_widget_errors, monkeypatch):
    ex = build_mixed_explorer()

    def broken(*args, **kwargs):
        raise ValueError("list_share must be between 0 and 1, got 2")

    monkeypatch.setattr(W.cases, "mazhilis_2023_house", broken)
    ex.controls["list_share"].value = 50
    assert "Cannot compute this" in ex.error.value
    assert "list_share must be between 0 and 1" in ex.error.value
    monkeypatch.undo()
    ex.controls["list_share"].value = 70
    assert ex.error.value == ""
    assert_consistent(ex)


@pytest.mark.parametrize("value", [-1, 101, 70.5, True])
def test_builder_arguments_checked(value):
    with pytest.raises(ValueError, match="list_share must be a whole per cent"):
        build_mixed_explorer(value)


def test_controls_are_described_and_the_slider_waits_for_release():
    ex = build_mixed_explorer()
    for name, control in ex.controls.items():
        assert control.description, name
        assert control.style.description_width == "initial"
    assert ex.controls["list_share"].continuous_update is False
    assert (ex.controls["list_share"].min, ex.controls["list_share"].max) == (0, 100)
    assert set(W.MODEL_LABELS) == set(mixed.DISTRICT_MODELS)
    assert set(W.READING_LABELS) == set(mixed.READINGS)



def test_model_alone_computes_without_any_widget():
    model = W.MixedModel(list_share=70)
    assert (model.result.list_tier, model.result.district_tier) == (69, 29)
    model.list_share = 100
    assert model.result.district_tier == 0 and model.error == ""
    model.system = "nonsense"
    assert "system" in model.error and model.result.district_tier == 0


def test_controls_that_do_nothing_are_disabled(no_widget_errors):
    ex = build_mixed_explorer()
    c = ex.controls
    assert c["overhang"].disabled and not c["reading"].disabled  # parallel, 2023 result
    c["system"].value = "compensatory"
    assert not c["overhang"].disabled
    c["district_model"].value = "leader sweeps"
    assert c["reading"].disabled
    # Disabled means idle: moving it changes nothing.
    before = ex.result
    c["reading"].value = "wikipedia"
    assert ex.result == before
    c["district_model"].value = "2023 result"
    c["system"].value = "parallel"
    assert c["overhang"].disabled and not c["reading"].disabled


def test_a_modelled_district_tier_shows_no_disputed_seat(no_widget_errors):
    # At 13% (85 modelled districts) the one real seat in doubt is counted with the
    # independents instead of being scaled up into several 'Disputed' seats.
    ex = build_mixed_explorer()
    ex.controls["list_share"].value = 13
    r = assert_consistent(ex)
    assert mixed.DISPUTED not in r.total
    assert mixed.DISPUTED not in shown(ex)
    assert "<i>Disputed</i>" not in ex.text.value
    assert "the disputed seat counts with the independents" in html.unescape(ex.text.value)
