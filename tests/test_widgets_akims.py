"""Notebook 09 widget: every level and every year driven headless, shown words checked
against kzlib.akims.selection; the static charts' alt text against kzlib."""

from __future__ import annotations

import html
import re

import pytest
from explorers import alt_text

from kzlib.akims import HOW_CHOSEN, LEVELS, selection
from kzlib.widgets import akims as W
from kzlib.widgets.akims import (
    LEVEL_LABELS,
    build_akim_explorer,
)


def shown_table(explorer) -> list[tuple[str, str]]:
    rows = re.findall(r"<tr[^>]*><td>([^<]+)</td><td>([^<]+)</td><td>[^<]+</td></tr>",
                      explorer.text.value)
    return [(html.unescape(a), html.unescape(b)) for a, b in rows]


def assert_consistent(explorer):
    level, year = explorer.controls["level"].value, explorer.controls["year"].value
    expected = selection(level, year)
    assert explorer.error.value == ""
    assert explorer.result == expected
    text = html.unescape(explorer.text.value)
    assert f"At the end of {year}, the akim of a <b>{expected.rule.level_name}</b>" in text
    assert f"<b>{HOW_CHOSEN[expected.how_chosen]}</b>: chosen by {expected.chosen_by}." in text
    assert expected.rule.source in text and expected.rule.status in text
    assert shown_table(explorer) == [(selection(lv, year).rule.level_name,
                                      HOW_CHOSEN[selection(lv, year).how_chosen]) for lv in LEVELS]
    ax = explorer.chart.fig.axes[0]
    marker = [line for line in ax.lines if line.get_color() == "#000000"][0]
    assert year + 1 <= marker.get_xdata()[0] < year + 1.01  # the end of 31 December
    frame = [p for p in ax.patches if not p.get_fill()][0]
    assert frame.get_y() == pytest.approx(list(reversed(LEVELS)).index(level) - 0.45)
    alt = alt_text(explorer)
    assert (f"marker at the end of {year} on the {level} level, whose akim was "
            f"{HOW_CHOSEN[expected.how_chosen]}") in alt
    return expected


def test_initial_state(no_widget_errors):
    ex = build_akim_explorer()
    assert assert_consistent(ex).how_chosen == "direct"  # rural akims, end of 2021
    assert "This rule applies since 25 July 2021" in ex.text.value


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_and_every_year(no_widget_errors, level):
    ex = build_akim_explorer()
    ex.controls["level"].value = level
    for year in range(ex.controls["year"].min, ex.controls["year"].max + 1):
        ex.controls["year"].value = year
        assert_consistent(ex)


def test_every_dropdown_option_is_a_level(no_widget_errors):
    ex = build_akim_explorer()
    options = ex.controls["level"].options
    assert [value for _, value in options] == list(LEVELS)
    assert [label for label, _ in options] == [LEVEL_LABELS[lv] for lv in LEVELS]
    for index in range(len(options)):
        ex.controls["level"].index = index
        assert ex.result.level == LEVELS[index]
        assert_consistent(ex)


@pytest.mark.parametrize("level, before, after, changes_to", [
    ("rural", 2012, 2013, "indirect"), ("rural", 2020, 2021, "direct"),
    ("district", 2022, 2023, "pilot"), ("district", 2024, 2025, "direct"),
])
def test_the_answer_changes_at_each_reform(no_widget_errors, level, before, after, changes_to):
    ex = build_akim_explorer(level, before)
    old = ex.text.value
    ex.controls["year"].value = after
    assert ex.result.how_chosen == changes_to
    assert ex.text.value != old


def test_regional_akims_stay_appointed_but_the_procedure_changes(no_widget_errors):
    ex = build_akim_explorer("region", 2021)
    assert "with the prior consent" in ex.text.value
    ex.controls["year"].value = 2022
    assert ex.result.how_chosen == "appointed"
    assert "at least two candidates" in ex.text.value
    assert "8 June 2022" in ex.text.value


def test_bad_input_is_shown_not_raised(no_widget_errors, monkeypatch):
    # Every slider and dropdown value is valid for the real data: an empty rule table
    # exercises the error path.
    def broken(level, year):
        raise ValueError(f"year: no rule for level {level!r}")

    monkeypatch.setattr(W, "selection", broken)
    ex = build_akim_explorer()
    assert "no rule for level 'rural'" in html.unescape(ex.error.value)
    assert ex.result is None
    assert "Cannot compute this" in ex.error.value
    monkeypatch.undo()
    ex.controls["year"].value = 2015
    assert ex.error.value == ""
    assert_consistent(ex)


@pytest.mark.parametrize("kwargs, message", [
    ({"level": "city"}, "level must be one of"),
    ({"year": 2009}, "year must be a whole number from 2010 to 2025"),
    ({"year": 2026}, "got 2026"),
    ({"year": "2021"}, "got '2021'"),
])
def test_builder_arguments_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_akim_explorer(**kwargs)


def test_controls_are_described_and_the_slider_waits_for_release():
    ex = build_akim_explorer()
    for control in ex.controls.values():
        assert control.description
    assert ex.controls["year"].continuous_update is False
    assert (ex.controls["year"].min, ex.controls["year"].max) == (2010, 2025)



def test_model_looks_the_rule_up_without_widgets():
    model = W.AkimModel(level="district", year=2022)
    assert model.result == selection("district", 2022)
    model.year = 2023
    assert model.result.how_chosen == "pilot"
    model.year = 2009
    assert "year must be a year from 2010 to 2025" in model.error
    assert model.result == selection("district", 2023)  # the last good rule


# --- the rollout explorer (the notebook's model a student can push) -------------------

def shown_rollout_rows(explorer) -> list[tuple[str, ...]]:
    body = html.unescape(explorer.text.value)
    return re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>"
                      r"<td>([^<]*)</td></tr>", body)


def assert_rollout_consistent(explorer):
    from kzlib.akims import rollout

    c = explorer.controls
    expected = rollout(c["level"].value, c["start_year"].value, c["term_years"].value)
    assert explorer.error.value == ""
    assert explorer.result == expected
    text = html.unescape(explorer.text.value)
    assert f"by the end of <b>{expected.full_year}</b>" in text
    rows = shown_rollout_rows(explorer)
    assert [r[0] for r in rows] == [p.as_of for p in expected.points]
    for row, p in zip(rows, expected.points, strict=True):
        model = expected.shares.get(p.year)
        assert row[3] == ("" if model is None else f"{float(model):.2f}%")
    # The chart's step line draws the same shares the model computed.
    line = explorer.chart.fig.axes[0].lines[0]
    assert list(line.get_ydata()) == [float(v) for v in expected.shares.values()]
    assert f"all posts by the end of {expected.full_year}" in alt_text(explorer)


def test_rollout_initial_state_is_the_rural_reform(no_widget_errors):
    ex = W.build_rollout_explorer()
    assert (ex.result.level, ex.result.start_year, ex.result.term_years) == ("rural", 2021, 4)
    assert_rollout_consistent(ex)
    # The first reported count: 730 of 2,345 posts, about 6 points above the model.
    first = shown_rollout_rows(ex)[1]
    assert first == ("25 July 2021", "730", "31.13% (DERIVED)", "25.00%", "-6.13")


@pytest.mark.parametrize("term", range(1, 9))
def test_every_term_length_moves_the_full_year(no_widget_errors, term):
    ex = W.build_rollout_explorer()
    ex.controls["term_years"].value = term
    assert ex.result.full_year == 2021 + term - 1
    assert_rollout_consistent(ex)


def test_choosing_the_district_level_moves_the_start_and_hides_derived_note(no_widget_errors):
    ex = W.build_rollout_explorer()
    ex.controls["level"].value = "district"
    assert ex.controls["start_year"].value == 2025  # the model moved the linked slider
    assert_rollout_consistent(ex)
    assert "DERIVED" not in ex.text.value  # no count of district posts in our sources
    ex.controls["start_year"].value = 2019
    assert_rollout_consistent(ex)
    assert float(ex.result.shares[2019]) == 100 / 4


def test_rollout_dropdown_offers_only_modelled_levels():
    ex = W.build_rollout_explorer(level="district")
    assert [key for _, key in ex.controls["level"].options] == ["rural", "district"]
    assert ex.controls["start_year"].value == 2025
    assert ex.controls["term_years"].continuous_update is False


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"level": "region"}, "level must be one of 'rural', 'district', got 'region'"),
    ({"start_year": 2018}, "start_year must be a number from 2019 to 2027, got 2018"),
    ({"start_year": 2021.5}, "start_year must be a whole number from 2019 to 2027"),
    ({"term_years": True}, "term_years must be a number from 1 to 8, got True"),
    ({"term_years": 9}, "term_years must be a number from 1 to 8, got 9"),
])
def test_rollout_builder_arguments_checked(kwargs, message):
    with pytest.raises((TypeError, ValueError), match=re.escape(message)):
        W.build_rollout_explorer(**kwargs)


def test_rollout_model_without_widgets():
    model = W.RolloutModel(level="rural", start_year=2021, term_years=3)
    assert model.result.full_year == 2023
    model.level = "district"
    assert (model.start_year, model.result.full_year) == (2025, 2027)
    model.term_years = 0
    assert "term_years must be a whole number from 1 to 10, got 0" in model.error
    assert model.result.full_year == 2027  # the last good result stays


def test_rollout_partial_redraw_gives_the_picture_of_a_fresh_panel(no_widget_errors):
    # Moves redraw only the model line and the points (BlitChartView).
    def png(explorer) -> str:
        return re.search(r'base64,([^"]+)"', explorer.children[-1].value).group(1)

    moved = W.build_rollout_explorer()
    first = png(moved)
    for name, value in [("level", "district"), ("start_year", 2022), ("term_years", 3),
                        ("level", "rural"), ("start_year", 2021), ("term_years", 4)]:
        moved.controls[name].value = value
    fresh = W.build_rollout_explorer()
    assert [c.value for c in moved.controls.values()] == [c.value for c in fresh.controls.values()]
    assert png(moved) == png(fresh) == first


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_kazakh_and_russian_show_the_same_rules_in_their_words(lang, monkeypatch):
    from explorers import record_figures
    from i18n_drivers import drive_akims, drive_rollout, texts_off_the_figure

    from kzlib.i18n import translator

    made = record_figures(monkeypatch)
    _ = translator(lang)
    ex = build_akim_explorer("rural", 2021, lang=lang)
    assert ex.result == build_akim_explorer("rural", 2021).result
    # The date in the reader's words: 25 July 2021.
    since = {"kk": "2021 жылғы 25 шілде", "ru": "25 июля 2021"}[lang]
    assert since in ex.text.value
    rollout = W.build_rollout_explorer(lang=lang)
    assert rollout.result == W.build_rollout_explorer().result
    assert rollout.controls["level"].description == _("Level of akim") != "Level of akim"
    drive_akims(lang)
    drive_rollout(lang)
    for fig in made:
        assert not texts_off_the_figure(fig)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_dashboard_speaks_the_language_asked_for(lang, monkeypatch):
    from i18n_drivers import dashboard_explorer

    from kzlib.i18n import translator

    explorer = dashboard_explorer("09_akims", f"lang={lang}", monkeypatch)
    assert explorer.controls["level"].description == translator(lang)("Level of akim")
