"""Notebook 02 widget: every control driven headless, numbers checked against kzlib."""

from __future__ import annotations

import html
import re

import pytest
from explorers import alt_text

from kzlib.presidency import (
    RULES,
    max_tenure,
    tenure_years,
    term_rule,
    term_rules,
)
from kzlib.widgets import presidency as P
from kzlib.widgets.presidency import (
    HORIZON,
    SLIDER_MAX,
    SLIDER_MIN,
    build_tenure_explorer,
    tenure_settings,
)


def shown_terms(explorer) -> list[tuple[int, int, int]]:
    rows = re.findall(r"<tr><td[^>]*>(\d+)</td><td>(\d+)</td><td>(\d+)</td>", explorer.text.value)
    return [tuple(int(x) for x in row) for row in rows]


def assert_consistent(explorer):
    settings = tenure_settings(explorer)
    expected = max_tenure(settings["start_year"], settings["rule"], horizon=HORIZON)
    assert explorer.error.value == ""
    assert explorer.result == expected
    assert shown_terms(explorer) == [(t.number, t.start, t.end) for t in expected]
    rule = term_rule(settings["rule"])
    text = html.unescape(explorer.text.value)
    assert rule.label in text and rule.source in text
    if rule.limited:
        assert f"{tenure_years(expected)} years" in text
        assert f"to <b>{expected[-1].end}</b>" in text
    else:
        assert "No limit" in text
    alt = alt_text(explorer)
    assert alt.startswith(f"Timeline from {settings['start_year']}, chosen rule: {rule.label}.")
    for other in term_rules().values():
        terms = max_tenure(settings["start_year"], other, horizon=HORIZON)
        span = f"{tenure_years(terms)} years to {terms[-1].end}" if other.limited else \
            f"no limit (shown to {terms[-1].end})"
        assert f"{other.label}: {len(terms)} term(s), {span}" in alt
    return expected


def test_initial_state_is_the_new_rule_from_2022(no_widget_errors):
    ex = build_tenure_explorer()
    result = assert_consistent(ex)
    assert [(t.start, t.end) for t in result] == [(2022, 2029)]
    assert "<b>7 years</b>" in ex.text.value


def test_every_rule_at_many_start_years(no_widget_errors):
    ex = build_tenure_explorer()
    slider = ex.controls["start_year"]
    assert (slider.min, slider.max) == (SLIDER_MIN, SLIDER_MAX)
    options = [value for _label, value in ex.controls["rule"].options]
    assert options == list(RULES)
    for year in (SLIDER_MIN, SLIDER_MIN + 1, 2007, 2019, 2022, SLIDER_MAX - 1, SLIDER_MAX):
        slider.value = year
        for index, rule in enumerate(options):
            ex.controls["rule"].index = index
            assert ex.controls["rule"].value == rule
            assert_consistent(ex)


def test_text_and_chart_change_when_a_control_moves(no_widget_errors):
    ex = build_tenure_explorer(2019, "old")
    text, chart = ex.text.value, ex.children[-1].value
    ex.controls["rule"].value = "new"
    assert ex.text.value != text and ex.children[-1].value != chart
    text, chart = ex.text.value, ex.children[-1].value
    ex.controls["start_year"].value = 2020
    assert ex.text.value != text and ex.children[-1].value != chart
    assert [(t.start, t.end) for t in ex.result] == [(2020, 2027)]


def test_first_president_exemption_stops_at_the_horizon(no_widget_errors):
    ex = build_tenure_explorer(2000, "old_first_president")
    result = assert_consistent(ex)
    assert len(result) == 6 and result[-1].end == 2030
    assert f"stops after {HORIZON} years" in ex.text.value


def test_error_is_shown_not_raised_and_cleared_afterwards(no_widget_errors, monkeypatch):
    ex = build_tenure_explorer()

    def broken(*_args, **_kwargs):
        raise ValueError("start_year must be between 1991 and 2100, got 3000")

    monkeypatch.setattr(P, "max_tenure", broken)
    ex.controls["start_year"].value = 2001
    assert "start_year must be between 1991 and 2100, got 3000" in ex.error.value
    monkeypatch.undo()
    ex.controls["start_year"].value = 2002
    assert ex.error.value == ""
    assert_consistent(ex)


@pytest.mark.parametrize("kwargs, message", [
    ({"rule": "newest"}, r"rule must be one of 'old', 'old_first_president', 'new', got 'newest'"),
    ({"start_year": 1980}, r"start_year must be a year from 1991 to 2030, got 1980"),
    ({"start_year": "2019"}, r"start_year must be a year from"),
])
def test_builder_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_tenure_explorer(**kwargs)



def test_model_lays_out_the_terms_without_widgets():
    model = P.TenureModel(term_rules(), start_year=2019, rule="old")
    assert [(t.start, t.end) for t in model.result] == [(2019, 2024), (2024, 2029)]
    model.rule = "new"
    assert [(t.start, t.end) for t in model.result] == [(2019, 2026)]
    assert model.tenures() == {name: max_tenure(2019, name, horizon=HORIZON) for name in RULES}
    model.start_year = 1980
    assert "start_year must be between" in model.error
    assert [(t.start, t.end) for t in model.result] == [(2019, 2026)]  # the last good terms


# ------------------------------------------------------------------ era explorer (issue 13)


def test_era_explorer_applies_the_rule_of_the_year(no_widget_errors):
    ex = P.build_era_explorer()
    slider = ex.controls["start_year"]
    assert (slider.min, slider.max) == (P.ERA_SLIDER_MIN, P.ERA_SLIDER_MAX) == (1995, 2030)
    for year in (1995, 1998, 2000, 2007, 2019, 2022, 2030):
        for fp in (False, True):
            slider.value = year
            ex.controls["first_president"].value = fp
            expected = P.era_tenure(year, first_president=fp, horizon=HORIZON)
            assert ex.error.value == "" and ex.result == expected
            assert f"First election in {year}: the rule in force was" in ex.text.value
            assert f"under the {expected.era.name} rule" in ex.chart.alt


def test_era_explorer_says_when_the_rule_changed(no_widget_errors):
    ex = P.build_era_explorer(2019)
    assert "the rule changed in <b>2022</b>" in ex.text.value
    assert "faded" in ex.chart.alt
    ex.controls["start_year"].value = 2022
    assert "rule changed" not in ex.text.value and "faded" not in ex.chart.alt


def test_era_explorer_never_offers_the_exemption_outside_2007_2022(no_widget_errors):
    ex = P.build_era_explorer(2000, first_president=True)
    assert "exemption applies" not in ex.text.value  # 1998 rule: no limit for anyone
    ex.controls["start_year"].value = 2010
    assert "exemption applies" in ex.text.value and not ex.result.limited


@pytest.mark.parametrize("kwargs, error", [
    ({"start_year": 1994}, ValueError), ({"start_year": 2019.5}, TypeError),
    ({"first_president": 1}, ValueError)])
def test_era_builder_rejects_bad_arguments(kwargs, error):
    with pytest.raises(error):
        P.build_era_explorer(**kwargs)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_in_kazakh_and_russian_only_the_words_change(no_widget_errors, lang):
    tenure, en = build_tenure_explorer(lang=lang), build_tenure_explorer()
    assert tenure.result == en.result
    for rule in ("old", "old_first_president", "new"):
        tenure.controls["rule"].value = en.controls["rule"].value = rule
        assert tenure.result == en.result
    era, en = P.build_era_explorer(lang=lang), P.build_era_explorer()
    assert era.result == en.result
    words = {"kk": ("Алғашқы сайлау жылы", "<b>10 жыл</b>", "Тоқаев"),
             "ru": ("Год первых выборов", "<b>10 лет</b>", "Токаев")}[lang]
    assert era.controls["start_year"].description == words[0]
    assert words[1] in era.text.value and words[2] in alt_text(era)
