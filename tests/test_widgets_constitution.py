"""Notebook 11 widget: the Kurultai explorer, every control driven headless."""

from __future__ import annotations

import html
import math

import pytest
from explorers import alt_text

from kzlib.constitution import REPLAY_YEARS, compare_with_mazhilis
from kzlib.referendum import as_percent
from kzlib.thresholds import BASE_LABELS
from kzlib.widgets import constitution as W
from kzlib.widgets.constitution import build_kurultai_explorer, kurultai_settings


def assert_consistent(explorer):
    settings = kurultai_settings(explorer)
    expected = compare_with_mazhilis(**settings)
    assert explorer.error.value == ""
    assert explorer.result == expected
    assert explorer.result.allocation.seats == expected.allocation.seats
    text = html.unescape(explorer.text.value)
    assert (f"{expected.largest_party}: <b>{expected.largest_seats}</b> of 145 Kurultai seats "
            f"= <b>{as_percent(expected.largest_share, 1)}</b>") in text
    assert f"{expected.real_largest} of {expected.real_house}" in text
    assert f"Share of: {BASE_LABELS[settings['base']]}." in text
    cell = "<td style='text-align:right'>"
    for party, seats in expected.allocation.seats.items():
        passes = "yes" if party in expected.allocation.eligible else "no"
        real = expected.real_seats.get(party, 0)
        row = f"<tr><td>{party}</td><td>{passes}</td>{cell}{seats}</td>{cell}{real}</td></tr>"
        assert row in text
    assert sum(expected.allocation.seats.values()) == 145
    alt = alt_text(explorer)
    assert f"{expected.largest_party} {as_percent(expected.real_largest_share, 1)} then, " \
           f"{as_percent(expected.largest_share, 1)} in the Kurultai" in alt
    return expected


def test_opens_on_2023_at_the_proposed_five_percent(no_widget_errors):
    ex = build_kurultai_explorer()
    c = assert_consistent(ex)
    assert (c.year, c.largest_seats, c.real_largest) == (2023, 83, 62)
    assert "5%: proposed" in ex.text.value
    assert "(a majority, short of two-thirds;" in ex.text.value
    ex.controls["election"].value = 2021
    ex.controls["threshold"].value = 7.0
    assert "(at least two-thirds;" in ex.text.value
    assert all(c.description for c in ex.controls.values())


@pytest.mark.parametrize("year", REPLAY_YEARS)
@pytest.mark.parametrize("base", list(BASE_LABELS))
@pytest.mark.parametrize("threshold", [0.0, 5.0, 7.0, 10.0])
def test_every_election_base_and_threshold(no_widget_errors, year, base, threshold):
    ex = build_kurultai_explorer()
    ex.controls["election"].value = year
    ex.controls["base"].value = base
    ex.controls["threshold"].value = threshold
    c = assert_consistent(ex)
    assert (c.year, c.allocation.threshold.base) == (year, base)
    assert math.isclose(float(c.allocation.threshold.percent), threshold)


def test_threshold_status_in_words(no_widget_errors):
    ex = build_kurultai_explorer()
    ex.controls["threshold"].value = 7.0
    assert "7%: unresolved" in ex.text.value
    ex.controls["threshold"].value = 6.3
    assert "6.3%: a free choice" in ex.text.value
    assert_consistent(ex)


def test_seven_percent_with_against_all_leaves_qhp_out(no_widget_errors):
    ex = build_kurultai_explorer(threshold=7.0)
    assert ex.result.allocation.seats["QHP"] == 0
    ex.controls["base"].value = "votes"
    assert ex.result.allocation.seats["QHP"] == 11


def test_error_is_plain_and_hides_stale_outputs(no_widget_errors):
    ex = build_kurultai_explorer()
    good = ex.result
    ex.model.threshold = 60.0  # beyond the slider: no list passes
    assert "No list reaches this threshold" in ex.error.value
    assert ex.result == good
    assert all(o.layout.visibility == "hidden" for o in ex.outputs())
    ex.model.threshold = 5.0
    assert ex.error.value == ""
    assert all(o.layout.visibility == "visible" for o in ex.outputs())
    assert_consistent(ex)


def test_model_without_widgets():
    model = W.KurultaiModel(election=2021, threshold=7.0)
    assert model.result.largest_seats == 113
    assert model.inputs() == {"election": 2021, "threshold": 7.0,
                              "base": "votes_and_against_all"}


def test_settings_need_a_kurultai_explorer():
    from kzlib.widgets.referendum import build_denominator_explorer

    with pytest.raises(TypeError, match="build_kurultai_explorer"):
        kurultai_settings(build_denominator_explorer())


BAD_ARGUMENTS = [None, True, "x", -1, 1e9, 2.5, [], {}, float("nan")]


@pytest.mark.parametrize("name", ["year", "threshold"])
def test_builder_names_a_bad_argument(name):
    for value in BAD_ARGUMENTS:
        if name == "threshold" and value == 2.5:
            continue  # a valid threshold
        with pytest.raises((ValueError, TypeError), match=name):
            build_kurultai_explorer(**{name: value})


def test_a_moved_panel_draws_what_a_fresh_panel_draws(no_widget_errors):
    # Moves redraw only the Kurultai bars, numbers and title over a kept background.
    import re

    def png(explorer) -> str:
        return re.search(r'base64,([^"]+)"', explorer.children[-1].value).group(1)

    from kzlib.widgets.constitution import build_kurultai_explorer

    moved = build_kurultai_explorer()
    first = png(moved)
    for name, value in [("threshold", 7.0), ("base", "votes"), ("election", 2021),
                        ("threshold", 3.0)]:
        moved.controls[name].value = value
    fresh = build_kurultai_explorer(2021, 3.0)
    fresh.controls["base"].value = "votes"
    assert png(moved) == png(fresh)
    for name, value in [("election", 2023), ("base", "votes_and_against_all"),
                        ("threshold", 5.0)]:
        moved.controls[name].value = value
    assert png(moved) == png(build_kurultai_explorer()) == first


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_explorer_in_kazakh_and_russian(no_widget_errors, monkeypatch, lang):
    # Each state reads in the language (party names as in data/), the result is the English
    # explorer's, and the translated texts fit the chart's fixed layout.
    from explorers import record_figures
    from matplotlib.text import Text
    from test_i18n import english_left

    from kzlib.i18n import translator

    _ = translator(lang)
    made = record_figures(monkeypatch)
    ex, en = build_kurultai_explorer(lang=lang), build_kurultai_explorer()
    fig = made[0]
    seen = []
    for year in REPLAY_YEARS:
        for base in BASE_LABELS:
            for threshold in (0.0, 5.0, 6.3, 7.0):
                for explorer in (ex, en):
                    explorer.controls["election"].value = year
                    explorer.controls["base"].value = base
                    explorer.controls["threshold"].value = threshold
                assert ex.result == en.result
                seen += [ex.text.value, alt_text(ex)]
                fig.canvas.draw()
                renderer = fig.canvas.get_renderer()
                for text in fig.findobj(Text):
                    if text.get_visible() and text.get_text():
                        seen.append(text.get_text())
                        box = text.get_window_extent(renderer)
                        assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1, text.get_text()
    ex.model.threshold = 60.0
    seen.append(ex.error.value)
    joined = [" ".join(html.unescape(text).split()) for text in seen]
    left = sorted({word for text in joined for word in english_left(text)})
    assert not left, f"{lang}: English words left: {left}"
    assert _("No list reaches this threshold, so nobody would win a seat: lower the "
             "threshold.") in html.unescape(ex.error.value)
    assert ex.controls["threshold"].description == _("Kurultai threshold (%)")
    # The party names stay as in data/; the numbers get a decimal comma.
    first = build_kurultai_explorer(lang=lang).text.value
    assert "<td>Amanat</td>" in first and "<b>57,2%</b>" in first


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of 'en', 'kk', 'ru', got 'de'"):
        build_kurultai_explorer(lang="de")
