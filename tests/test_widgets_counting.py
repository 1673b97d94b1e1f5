"""Notebook 06 widget: every control driven headless, numbers checked against kzlib."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from explorers import alt_text

from kzlib.counting import METHOD_ORDER, compare_methods, count_seats
from kzlib.widgets import counting as W
from kzlib.widgets.counting import SCENARIOS, build_counting_explorer, counting_settings, scenario


def shown_table(explorer) -> dict[str, list[str]]:
    """method -> the cells of its row in the shown methods table."""
    rows = re.findall(r"<tr data-method='([^']+)'[^>]*>(.*?)</tr>", explorer.text.value)
    return {m: [html.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", cells)]
            for m, cells in rows}



def assert_consistent(explorer):
    """What the panel shows equals what the pure functions return for its settings."""
    assert explorer.error.value == ""
    settings = counting_settings(explorer)
    expected = count_seats(**settings)
    result = explorer.result
    assert result.seats == expected.seats
    assert result.lost == expected.lost
    assert result.method == explorer.controls["method"].value
    assert result.house_size == explorer.controls["seats"].value
    settings.pop("method")
    table = compare_methods(**settings)
    parties = list(settings["votes"])
    shown = shown_table(explorer)
    assert list(shown) == list(METHOD_ORDER)
    for row in table.to_dict("records"):
        cells = shown[row["method"]]
        assert cells[0] == row["label"]
        assert [int(c) for c in cells[1:-2]] == [row[p] for p in parties]
        assert cells[-2:] == [f"{row['gallagher']:.2f}", f"{row['enp_seats']:.2f}"]
    text = explorer.text.value
    assert f"Gallagher index {expected.gallagher:.2f}" in text
    assert f"<tr data-method='{result.method}' style='font-weight:bold" in text
    a = result.allocation
    if a.quota is not None:
        assert f"Quota: <b>{float(a.quota):,.2f}</b> votes per seat" in text
        quota_seats = sum(a.automatic_seats.values())
        assert result.quota_seats == quota_seats
        assert f"Integer parts give {quota_seats} seats; remainder seats: " in text
    else:
        assert result.quota_seats is None
        assert f"at <b>{float(a.divisor):,.2f}</b> votes per seat" in text
    if expected.lost:
        assert "Alabama paradox" in text
    elif result.house_size > 1:
        assert "no list loses a seat" in text
    alt = alt_text(explorer)
    assert alt.startswith("Bar chart (")
    for party, seats in result.seats.items():
        if seats:
            assert f"{party} {seats}" in alt
    return result


def test_initial_state_is_the_official_2023_count(no_widget_errors):
    ex = build_counting_explorer()
    result = assert_consistent(ex)
    assert result.seats == {
        "Amanat": 40, "Auyl": 8, "Respublica": 6, "Ak Zhol": 6, "QHP": 5, "JSDP": 4, "Baitaq": 0,
    }
    assert "Quota: <b>86,546.65</b> votes per seat" in ex.text.value
    assert "Integer parts give 67 seats; remainder seats: JSDP, Amanat" in ex.text.value
    assert "<b>Same seats as the official result</b>" in ex.text.value
    assert alt_text(ex).startswith(
        "Bar chart (Hare quota, largest remainders (article 97-1)) of 69 seats"
    )


@pytest.mark.parametrize("election", list(SCENARIOS))
def test_every_election_method_and_house_size(no_widget_errors, election):
    ex = build_counting_explorer()
    ex.controls["election"].value = election
    assert ex.controls["seats"].value == scenario(election).seats  # reset to the real size
    assert_consistent(ex)
    for method in METHOD_ORDER:
        ex.controls["method"].value = method
        for seats in (1, 2, 11, 66, 99, 150, scenario(election).seats):
            ex.controls["seats"].value = seats
            assert_consistent(ex)


def test_slider_steps_change_the_result(no_widget_errors):
    ex = build_counting_explorer()
    seen = []
    for seats in range(60, 75):
        ex.controls["seats"].value = seats
        seen.append(assert_consistent(ex).seats["Amanat"])
    assert len(set(seen)) > 3


def test_alabama_paradox_is_flagged(no_widget_errors):
    ex = build_counting_explorer(election="textbook")
    assert ex.controls["seats"].value == 10
    assert ex.result.seats == {"A": 5, "B": 4, "C": 1}
    ex.controls["seats"].value = 11
    assert ex.result.lost == ("C",)
    assert "the house grew from 10 to 11 seats, yet C falls from 1 to 0" in ex.text.value
    ex.controls["method"].value = "sainte-lague"
    assert ex.result.lost == () and "no list loses a seat" in ex.text.value

    ex.controls["election"].value = "2023"
    ex.controls["method"].value = "hare"
    ex.controls["seats"].value = 66
    assert "JSDP falls from 4 to 3" in ex.text.value
    ex.controls["method"].value = "dhondt"
    assert ex.result.lost == ()


def test_official_comparison(no_widget_errors):
    ex = build_counting_explorer(election="2021")
    same = "<b>Same seats as the official result</b> (Nur Otan 76, Ak Zhol 12, QHP 10)"
    assert same in ex.text.value
    ex.controls["method"].value = "dhondt"
    assert ex.result.seats["Nur Otan"] == 77
    assert "<b>Not the official result</b>" in ex.text.value
    ex.controls["seats"].value = 97
    assert "Official result (98 seats): Nur Otan 76" in ex.text.value
    ex.controls["election"].value = "2021-at-5"
    assert "what-if" in ex.text.value
    ex.controls["method"].value = "sainte-lague"
    assert [ex.result.seats[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [73, 11, 9, 5]
    ex.controls["method"].value = "hare"
    assert [ex.result.seats[p] for p in ("Nur Otan", "Ak Zhol", "QHP", "Auyl")] == [72, 11, 9, 6]


def test_one_seat_has_nothing_to_compare(no_widget_errors):
    ex = build_counting_explorer(seats=1)
    assert ex.result.previous is None
    assert "no smaller house to compare with" in ex.text.value


def test_a_tie_shows_a_message_instead_of_raising(no_widget_errors, monkeypatch):
    # The textbook example never ties; equal lists A and B without a registration order
    # tie for a seat under some method at most house sizes (at 1 seat under Hare).
    textbook = replace(scenario("textbook"), votes={"A": 6, "B": 6, "C": 2}, tie_break=None)
    monkeypatch.setattr(W, "scenario", lambda key: textbook if key == "textbook" else scenario(key))
    ex = build_counting_explorer()
    good = assert_consistent(ex)
    ex.controls["election"].value = "textbook"
    assert "tie for" in ex.error.value
    assert "list registered earlier wins" in ex.error.value
    assert ex.result is good  # the last good result stays
    ex.controls["seats"].value = 1
    assert "tie for" in ex.error.value
    ex.controls["election"].value = "2023"
    assert ex.error.value == ""
    assert_consistent(ex)


def test_builder_arguments_are_checked():
    with pytest.raises(ValueError, match="election must be one of"):
        build_counting_explorer(election="2019")
    with pytest.raises(ValueError, match="method must be one of"):
        build_counting_explorer(method="borda")
    with pytest.raises(ValueError, match="seats must be a whole number from 1 to 150, got 0"):
        build_counting_explorer(seats=0)


def test_every_control_is_described():
    ex = build_counting_explorer()
    for control in ex.controls.values():
        assert control.description
    assert ex.controls["seats"].continuous_update is False


def test_model_alone_resets_the_house_size_with_each_election():
    model = W.CountingModel(election="2021")
    assert model.seats == 98 and model.result.house_size == 98
    assert list(model.methods["method"]) == list(METHOD_ORDER)
    model.seats = 99
    model.election = "2023"
    assert (model.seats, model.result.house_size) == (69, 69)
    assert model.result.seats == count_seats(**model.settings()).seats


def test_settings_of_another_explorer_is_a_type_error():
    from kzlib.widgets.mixed import build_mixed_explorer

    with pytest.raises(TypeError, match="built by build_counting_explorer, got one with a Mixed"):
        counting_settings(build_mixed_explorer())


def test_the_textbook_example_never_needs_a_tie_rule():
    # The notebook reads it without a registration order: every method, every house size.
    textbook = scenario("textbook")
    assert textbook.tie_break is None
    for method in METHOD_ORDER:
        for seats in range(1, W.MAX_SEATS + 1):
            count_seats(textbook.votes, seats, method)  # raises TieError on a tie


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_kazakh_and_russian_show_the_same_count_in_their_words(lang, monkeypatch):
    from explorers import record_figures
    from i18n_drivers import drive_counting, texts_off_the_figure

    from kzlib.i18n import translator

    made = record_figures(monkeypatch)
    ex = build_counting_explorer(lang=lang)
    english = build_counting_explorer()
    assert ex.result.seats == english.result.seats
    _ = translator(lang)
    assert ex.controls["method"].description == _("Counting method") != "Counting method"
    # The quota shown the reader's way: 86 546,65 (a thin space, a decimal comma).
    assert "<b>86\u202f546,65</b>" in ex.text.value
    assert "<th>Amanat</th>" in ex.text.value  # party names stay as in data/
    drive_counting(lang)
    for fig in made:
        assert not texts_off_the_figure(fig)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_dashboard_speaks_the_language_asked_for(lang, monkeypatch):
    from i18n_drivers import dashboard_explorer

    from kzlib.i18n import translator

    explorer = dashboard_explorer("06_how_seats_are_counted", f"lang={lang}", monkeypatch)
    assert explorer.controls["method"].description == translator(lang)("Counting method")
