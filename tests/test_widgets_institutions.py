"""Notebook 03 widget and chart: every option driven headless, checked against kzlib."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from explorers import alt_text

from kzlib.compare.reforms import (
    aspects,
    before_after,
    chamber_channels,
    chamber_mix,
    change,
    parliament_mix,
)
from kzlib.widgets import institutions as I
from kzlib.widgets.institutions import (
    CHANNELS,
    DEFAULT_TOPICS,
    ChamberModel,
    build_chamber_explorer,
    build_reform_explorer,
    decimal_year,
    reform_settings,
)


def cell(explorer, header: str) -> str:
    found = re.search(rf"<th[^>]*>{re.escape(header)}</th><td>(.*?)</td></tr>", explorer.text.value)
    assert found, header
    return html.unescape(found.group(1))


def assert_consistent(explorer):
    settings = reform_settings(explorer)
    expected = change(settings["topic"], settings["aspect"])
    assert explorer.error.value == ""
    assert explorer.result == expected
    assert cell(explorer, "What changed") == expected.aspect
    assert cell(explorer, "After") == expected.after
    assert cell(explorer, "Before") == (expected.before or "<i>(nothing: new)</i>")
    assert cell(explorer, "Instrument") == expected.instrument
    assert cell(explorer, "How it is sourced") == expected.status
    assert expected.source in cell(explorer, "Source")
    when = cell(explorer, "Date")
    if expected.effective is None:
        assert when == "no date in our sources"
    else:
        assert when == f"{expected.effective.day} {expected.effective:%B %Y}"
    assert ("Unverified:" in explorer.text.value) == (not expected.verified)
    alt = alt_text(explorer)
    assert f"highlighted: {expected.aspect} ({expected.topic}), {when}." in alt
    return expected


def test_initial_state_is_the_constitutional_court(no_widget_errors):
    ex = build_reform_explorer()
    result = assert_consistent(ex)
    assert result.effective == datetime.date(2023, 1, 1)
    assert cell(ex, "Date") == "1 January 2023"


def test_every_option(no_widget_errors):
    ex = build_reform_explorer()
    options = [value for _label, value in ex.controls["change"].options]
    expected = [(t, a) for t in DEFAULT_TOPICS for a in aspects(t)]
    assert sorted(options) == sorted(expected)
    texts = set()
    for index, value in enumerate(options):
        ex.controls["change"].index = index
        assert ex.controls["change"].value == value
        assert_consistent(ex)
        texts.add(ex.text.value)
    assert len(texts) == len(options)  # every option shows something different


def test_unverified_row_carries_a_warning(no_widget_errors):
    ex = build_reform_explorer()
    ex.controls["change"].value = ("institutions", "prosecution")
    assert_consistent(ex)
    assert "Unverified:" in ex.text.value
    ex.controls["change"].value = ("parliament", "Senate appointees")
    assert_consistent(ex)
    assert "Unverified:" not in ex.text.value


def test_chart_changes_with_the_option(no_widget_errors):
    ex = build_reform_explorer()
    before = ex.children[-1].value
    ex.controls["change"].value = ("parliament", "Mazhilis size")
    assert ex.children[-1].value != before
    assert "19 March 2023" in alt_text(ex)


@pytest.mark.parametrize("topic", ["presidency", "elections"])
def test_other_topics_can_be_offered(no_widget_errors, topic):
    first = aspects(topic)[0]
    ex = build_reform_explorer(topics=(topic,), topic=topic, aspect=first)
    assert len(ex.controls["change"].options) == len(before_after(topic))
    for index in range(len(ex.controls["change"].options)):
        ex.controls["change"].index = index
        assert_consistent(ex)


def test_error_is_shown_not_raised_and_cleared_afterwards(no_widget_errors, monkeypatch):
    ex = build_reform_explorer()

    def broken(topic, aspect, data_dir=None):
        raise ValueError(f"unknown aspect {aspect!r} for topic {topic!r}")

    monkeypatch.setattr(I, "change", broken)
    ex.controls["change"].value = ("parliament", "law-making")
    assert "unknown aspect &#x27;law-making&#x27;" in ex.error.value
    monkeypatch.undo()
    ex.controls["change"].value = ("parliament", "Senate size")
    assert ex.error.value == ""
    assert_consistent(ex)


@pytest.mark.parametrize("kwargs, message", [
    ({"topics": ("senate",)}, r"topics must be one of .*, got 'senate'"),
    ({"topics": ()}, r"topics must be a non-empty tuple"),
    ({"topics": "parliament"}, r"topics must be a non-empty tuple"),
    (
        {"aspect": "Supreme Court"},
        r"topic and aspect must name one of the offered changes, got topic='institutions', "
        r"aspect='Supreme Court'",
    ),
])
def test_builder_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_reform_explorer(**kwargs)


def test_decimal_year():
    assert decimal_year(datetime.date(2022, 1, 1)) == 2022.0
    assert round(decimal_year(datetime.date(2023, 3, 19)), 4) == round(2023 + 77 / 365, 4)



def test_model_looks_the_change_up_without_widgets():
    model = I.ReformModel(change=("parliament", "Mazhilis size"))
    assert model.result == change("parliament", "Mazhilis size")
    model.change = ("institutions", "Constitutional Court")
    assert model.result.effective == datetime.date(2023, 1, 1)
    model.change = ("institutions", "Supreme Court")
    assert "Supreme Court" in model.error
    assert model.result == change("institutions", "Constitutional Court")  # the last good row


# ------------------------------------------------------------------ the chamber explorer

def shown_rows(explorer) -> dict[str, tuple[str, str]]:
    """Row header -> (Senate cell, Mazhilis cell) of the panel's table."""
    rows = re.findall(r"<tr><th style='text-align:left'>(.*?)</th><td[^>]*>(.*?)</td>"
                      r"<td[^>]*>(.*?)</td></tr>", explorer.text.value)
    return {html.unescape(h): (a, b) for h, a, b in rows}


def assert_chambers_consistent(explorer):
    settings = {name: explorer.controls[name].value for name in CHANNELS}
    expected = parliament_mix(**settings)
    assert explorer.error.value == ""
    assert explorer.result == expected
    rows = shown_rows(explorer)
    senate, mazhilis = expected.senate, expected.mazhilis
    assert rows["Seats"] == (str(senate.total), str(mazhilis.total))
    assert rows["Appointed by the president (all)"][0] == (
        f"{senate.appointed} of {senate.total} ({senate.president_share:.1f}%)")
    assert rows["... of whom he picks freely"][0] == (
        f"{senate.unconstrained} of {senate.total} ({senate.unconstrained_share:.1f}%)")
    assert rows["Chosen by voters directly"][1] == (
        f"{mazhilis.by_voters} of {mazhilis.total} ({mazhilis.voters_share:.1f}%)")
    assert f"({expected.president_share:.1f}%)" in explorer.text.value
    alt = alt_text(explorer)
    assert "Senate: " in alt and f"(total {senate.total}; the president appoints " in alt
    assert "Mazhilis: " in alt and f"(total {mazhilis.total};" in alt
    return expected


def test_chamber_explorer_opens_on_the_real_2022_chambers(no_widget_errors):
    ex = build_chamber_explorer()
    result = assert_chambers_consistent(ex)
    assert result.senate == chamber_mix("Senate", "before 2023")
    assert (result.senate.total, result.senate.appointed) == (49, 15)
    assert shown_rows(ex)["Appointed by the president (all)"][0] == "15 of 49 (30.6%)"


def test_start_from_sets_every_slider_to_the_real_chambers(no_widget_errors):
    ex = build_chamber_explorer(start="before 2023")
    for period in ("from 2023", "before 2023", "from 2023"):
        ex.controls["change"].value = period
        assert {n: ex.controls[n].value for n in CHANNELS} == chamber_channels(period)
        result = assert_chambers_consistent(ex)
        assert result.senate == chamber_mix("Senate", period)
        assert result.mazhilis == chamber_mix("Mazhilis", period)
    assert shown_rows(ex)["... of whom he picks freely"][0] == "5 of 50 (10.0%)"


def test_every_slider_moves_the_panel(no_widget_errors):
    ex = build_chamber_explorer(start="from 2023")
    for name, (_label, low, high) in CHANNELS.items():
        for value in (high, low + 1, ex.controls[name].value):
            ex.controls[name].value = value
            if ex.error.value:  # e.g. APK nominees above the appointees: said, not raised
                continue
            assert_chambers_consistent(ex)


def test_bad_channels_are_said_in_plain_words(no_widget_errors):
    ex = build_chamber_explorer(start="from 2023")
    good = ex.result
    ex.controls["appointed"].value = 3
    assert ("The senators proposed by the APK (5) are part of those the president appoints (3)"
            in ex.error.value)
    assert "on_apk_proposal" not in ex.error.value
    assert ex.result == good  # the last good chambers stay, hidden
    assert all(w.layout.visibility == "hidden" for w in ex.outputs())
    ex.controls["on_apk_proposal"].value = 0
    assert_chambers_consistent(ex)
    for name in ("regions", "appointed"):
        ex.controls[name].value = 0
    assert "The Senate has no seats at all" in ex.error.value
    ex.controls["regions"].value = 20
    assert_chambers_consistent(ex)


def test_chamber_model_without_widgets():
    model = ChamberModel(**chamber_channels("from 2023"))
    assert model.result == parliament_mix(**chamber_channels("from 2023"))
    model.regions = 17
    assert model.result.senate.total == 44


def test_chamber_explorer_refuses_a_bad_start():
    with pytest.raises(ValueError, match="start must be one of"):
        build_chamber_explorer(start="2023")


def test_chamber_panel_moved_draws_what_a_fresh_panel_draws(no_widget_errors):
    # Moves redraw bars, numbers and totals over a background kept per seat scale.
    import re

    from kzlib.widgets.institutions import build_chamber_explorer

    def png(explorer) -> str:
        return re.search(r'base64,([^"]+)"', explorer.children[-1].value).group(1)

    moved = build_chamber_explorer()
    first = png(moved)
    for name, value in [("appointed", 20), ("party_list", 150), ("single_member", 60),
                        ("change", "from 2023"), ("apk", 3), ("change", "before 2023")]:
        moved.controls[name].value = value
    assert png(moved) == first


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_kazakh_and_russian_show_the_same_chambers_in_their_words(lang, monkeypatch):
    from explorers import record_figures
    from i18n_drivers import drive_chamber, drive_reform, texts_off_the_figure

    from kzlib.i18n import translator

    made = record_figures(monkeypatch)
    _ = translator(lang)
    ex = build_chamber_explorer(lang=lang)
    assert ex.result == build_chamber_explorer().result
    assert f"<th>{_('Senate')}</th>" in ex.text.value
    # 15 of 49 senators: 30,6% (a decimal comma).
    assert "(30,6%)" in ex.text.value
    ex.controls["on_apk_proposal"].value = 5
    ex.controls["appointed"].value = 4
    assert ex.error.value and "APK" not in ex.error.value  # the plain sentence, translated
    reform = build_reform_explorer(lang=lang)
    assert reform.result == build_reform_explorer().result
    assert _("Constitutional Court") in reform.text.value
    drive_reform(lang)
    drive_chamber(lang)
    for fig in made:
        assert not texts_off_the_figure(fig)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_dashboard_speaks_the_language_asked_for(lang, monkeypatch):
    from i18n_drivers import dashboard_explorer

    from kzlib.i18n import translator

    explorer = dashboard_explorer("03_institutions", f"lang={lang}", monkeypatch)
    assert explorer.controls["change"].description == translator(lang)("Start from")


def test_the_time_axis_reaches_the_latest_change_of_every_topic(monkeypatch):
    # The akims' changes of 2023 and 2025 fall after the 2022 reforms: the axis grows.
    # (Changes of 2021 sit left of January 2022, among the undated ones: not handled.)
    from explorers import record_figures
    from i18n_drivers import texts_off_the_figure

    made = record_figures(monkeypatch)
    ex = build_reform_explorer(topics=I.TOPICS)
    (fig,) = made
    ax = fig.axes[0]
    dots = ax.collections[0].get_offsets()[:, 0]
    assert dots.max() < ax.get_xlim()[1]
    for _label, value in ex.controls["change"].options:
        ex.controls["change"].value = value
        assert not texts_off_the_figure(fig), value
    # The 2022 reforms alone keep the axis they always had: January 2022 to mid-2023.
    build_reform_explorer()
    assert made[-1].axes[0].get_xlim() == (2021.7, 2023.5)
