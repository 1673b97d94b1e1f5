"""Notebook 08 widget: every control driven headless, numbers checked against kzlib.cases."""

from __future__ import annotations

import html
import re

import pytest
from explorers import alt_text

from kzlib import cases
from kzlib.allocation import METHOD_LABELS, METHODS
from kzlib.widgets import maslikhat as W
from kzlib.widgets.maslikhat import build_maslikhat_explorer, maslikhat_settings

ROW = re.compile(r"<tr><td>([^<]+)</td><td[^>]*>([\d.]+)%</td><td>(yes|no)</td>"
                 r"<td[^>]*>(\d+)</td><td[^>]*>(\d+|not found)</td></tr>")
OFFICIAL = {
    "Astana city": {"Amanat": 12, "Ak Zhol": 3, "QHP": 1, "Baitaq": 1, "Respublica": 0, "Auyl": 0},
    "Almaty city": {"Amanat": 12, "QHP": 3, "Respublica": 3, "Baitaq": 2, "Ak Zhol": 1, "Auyl": 0},
    "Karaganda oblast": None,  # the official split was not found
}
LIST_SEATS = {"Astana city": 17, "Almaty city": 21, "Karaganda oblast": 18}


def rows(explorer) -> dict[str, tuple[float, bool, int, int | None]]:
    return {html.unescape(p): (float(s), ok == "yes", int(n), None if o == "not found" else int(o))
            for p, s, ok, n, o in ROW.findall(explorer.text.value)}



def assert_consistent(explorer):
    settings = maslikhat_settings(explorer)
    council = settings.pop("council")
    expected = cases.maslikhat_count(council, **settings)
    assert explorer.error.value == ""
    assert explorer.result.seats == expected.seats
    assert explorer.result.eligible == expected.eligible
    shown = rows(explorer)
    assert list(shown) == list(expected.votes)
    for party, (share, passes, seats, official) in shown.items():
        assert seats == expected.seats[party]
        assert passes == (party in expected.eligible)
        assert official == (None if OFFICIAL[council] is None else OFFICIAL[council][party])
        base = float(expected.base_total)
        assert share == pytest.approx(float(expected.votes[party]) * 100 / base,
                                      abs=0.005)
    same = expected.seats == OFFICIAL[council]
    assert ("Same seats as the official result" in explorer.text.value) == same
    unknown = OFFICIAL[council] is None
    assert ("official split of this council was not found" in explorer.text.value) == unknown
    alt = alt_text(explorer)
    title = f"{council} maslikhat list tier, bar chart of {expected.house_size} seats"
    assert alt.startswith(title)
    assert f"threshold line at {float(expected.threshold.percent):g}%" in alt
    return expected


@pytest.mark.parametrize("council", ["Astana city", "Almaty city"])
def test_default_settings_reproduce_the_official_allocation(no_widget_errors, council):
    ex = build_maslikhat_explorer(council)
    result = assert_consistent(ex)
    assert result.seats == OFFICIAL[council]
    assert "Same seats as the official result" in ex.text.value


@pytest.mark.parametrize("council", list(OFFICIAL))
@pytest.mark.parametrize("base", W.BASES)
@pytest.mark.parametrize("method", list(METHOD_LABELS))
def test_every_council_base_method_and_threshold(no_widget_errors, council, base, method):
    ex = build_maslikhat_explorer()
    ex.controls["council"].value = council
    ex.controls["base"].value = base
    ex.controls["method"].value = method
    for pct in (0.0, 0.1, 2.5, 5.0, 5.5, 7.0, 9.9, 10.0):
        ex.controls["threshold"].value = pct
        result = assert_consistent(ex)
        assert result.house_size == LIST_SEATS[council]
        assert float(result.threshold.percent) == pytest.approx(pct)


def test_controls_change_the_result(no_widget_errors):
    ex = build_maslikhat_explorer("Astana city")
    ex.controls["threshold"].value = 7.0
    assert ex.result.seats["QHP"] == 0 and ex.result.seats["Baitaq"] == 0
    assert "Different from the official result" in ex.text.value
    ex.controls["threshold"].value = 5.0
    ex.controls["council"].value = "Almaty city"
    ex.controls["method"].value = "dhondt"
    assert ex.result.seats["Amanat"] == 13
    ex.controls["method"].value = "hare"
    assert ex.result.seats == OFFICIAL["Almaty city"]
    ex.controls["base"].value = "votes"
    assert ex.result.base_total == 291756 - 16490


def test_bad_input_is_shown_not_raised(no_widget_errors, monkeypatch):
    ex = build_maslikhat_explorer()

    def broken(council, **kwargs):
        raise ValueError("threshold must be a share in [0, 1), got 'x'")

    monkeypatch.setattr(W.cases, "maslikhat_count", broken)
    ex.controls["threshold"].value = 6.0
    assert "Cannot compute this" in ex.error.value and "threshold must be a share" in ex.error.value
    monkeypatch.undo()
    ex.controls["threshold"].value = 5.0
    assert ex.error.value == ""
    assert_consistent(ex)


@pytest.mark.parametrize("kwargs, message", [
    ({"council": "Shymkent city"}, "council must be one of"),
    ({"threshold": 12}, "threshold must be a number from 0 to 10, got 12"),
])
def test_builder_arguments_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_maslikhat_explorer(**kwargs)


def test_controls_are_described_and_the_slider_waits_for_release():
    ex = build_maslikhat_explorer()
    for name, control in ex.controls.items():
        assert control.description, name
        assert control.style.description_width == "initial"
    assert ex.controls["threshold"].continuous_update is False
    assert [value for _label, value in ex.controls["method"].options] == list(METHODS)
    assert [value for _label, value in ex.controls["base"].options] == list(W.BASES)
    assert [value for _label, value in ex.controls["council"].options] == list(
        cases.maslikhat_all_councils())



def test_model_alone_counts_without_any_widget():
    model = W.MaslikhatModel(council="Almaty city", method="dhondt")
    assert model.result.seats["Amanat"] == 13
    model.method = "hare"
    assert model.result.seats == OFFICIAL["Almaty city"] == model.official
    model.threshold = 99.0
    assert "threshold" in model.error and model.result.seats == OFFICIAL["Almaty city"]


def test_the_oblast_council_is_shown_as_derived(no_widget_errors):
    ex = build_maslikhat_explorer("Karaganda oblast")
    result = assert_consistent(ex)
    assert result.seats == {"Amanat": 10, "Auyl": 2, "Ak Zhol": 2, "QHP": 2, "Baitaq": 1,
                            "Respublica": 1}
    assert "DERIVED" in ex.text.value and "Same seats" not in ex.text.value
    assert "Official seats: not found (these seats are DERIVED)." in alt_text(ex)
    ex.controls["council"].value = "Astana city"
    assert "Same seats as the official result" in ex.text.value


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_kazakh_and_russian_show_the_same_seats_in_their_words(lang, monkeypatch):
    from explorers import record_figures
    from i18n_drivers import drive_maslikhat, texts_off_the_figure

    from kzlib.i18n import translator

    made = record_figures(monkeypatch)
    ex = build_maslikhat_explorer(lang=lang)
    assert ex.result == build_maslikhat_explorer().result
    _ = translator(lang)
    assert [label for label, _value in ex.controls["council"].options][0] == _("Astana city")
    assert _("Astana city") != "Astana city"
    assert "<td>Amanat</td>" in ex.text.value  # party names stay as in data/
    drive_maslikhat(lang)
    for fig in made:
        assert not texts_off_the_figure(fig)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_dashboard_speaks_the_language_asked_for(lang, monkeypatch):
    from i18n_drivers import dashboard_explorer

    from kzlib.i18n import translator

    explorer = dashboard_explorer("08_maslikhats", f"lang={lang}", monkeypatch)
    assert explorer.controls["council"].description == translator(lang)("Maslikhat")
