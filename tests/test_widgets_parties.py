"""Notebook 04 widget: every control driven headless, shown numbers checked against
kzlib.parties.registration_check; the static charts' alt text against kzlib."""

from __future__ import annotations

import re

import pytest
from explorers import alt_text

from kzlib.parties import CHECKED, branch_floor, registration_check, rules_on
from kzlib.widgets.parties import (
    SHORT_LABELS,
    RegistrationModel,
    build_registration_explorer,
    registration_settings,
)


def shown_rows(explorer) -> list[tuple[int, int, str, int]]:
    """(minimum, yours, result, short by) of each row of the shown table."""
    cells = re.findall(
        r"<tr><td>[^<]+</td><td[^>]*>([\d,]+)</td><td[^>]*>([\d,]+)</td><td>(met|failed)</td>"
        r"<td[^>]*>([\d,]+)</td></tr>", explorer.text.value)
    return [(int(a.replace(",", "")), int(b.replace(",", "")), c, int(d.replace(",", "")))
            for a, b, c, d in cells]


def drawn(explorer) -> list[tuple[float, str]]:
    """(bar height, label) of each bar of the panel's figure."""
    ax = explorer.chart.fig.axes[0]
    # Bar labels read "6,000 of 20,000\nfailed"; the heading "Rules of ..." is no bar label.
    labels = [t.get_text() for t in ax.texts if " of " in t.get_text() and "\n" in t.get_text()]
    return [(round(b.get_height(), 9), label) for b, label in zip(ax.patches, labels, strict=True)]


def test_model_checks_without_widgets():
    model = RegistrationModel(members=4000, branch_members=200, initiative_group=700, year=2023)
    assert model.result == registration_check(4000, 200, 700, on=2023, regions=17)
    assert model.result.failed == ("members_to_register",)
    model.members = 5000
    assert model.result.registrable
    model.year = 2009
    assert "on must be a year from 2010 to 2025" in model.error
    assert model.result.on.year == 2023  # the last good check


def assert_consistent(explorer):
    expected = registration_check(**registration_settings(explorer))
    assert explorer.error.value == ""
    assert explorer.result == expected
    assert shown_rows(explorer) == [(r.required, r.value, "met" if r.met else "failed", r.shortfall)
                                    for r in expected.requirements]
    text = explorer.text.value
    assert ("<b>Yes</b>" in text) is expected.registrable
    assert f"period <i>{expected.rules.period}</i>" in text
    assert f"{expected.rules.months_to_hold_founding_congress} months to hold" in text
    alt = alt_text(explorer)
    for r in expected.requirements:
        assert f"{SHORT_LABELS[r.name]} {r.value:,} of {r.required:,}" in alt
    assert expected.on.isoformat() in alt
    assert drawn(explorer) == [
        (round(min(100 * r.value / r.required, 250.0), 9),
         f"{r.value:,} of {r.required:,}\n{'met' if r.met else 'failed'}")
        for r in expected.requirements]
    return expected


def test_initial_state(no_widget_errors):
    ex = build_registration_explorer()
    result = assert_consistent(ex)
    assert result.failed == CHECKED  # 6,000 / 250 / 800 under the 2020-2022 rules
    assert "<b>No</b>: it fails 3 of 3" in ex.text.value


def test_every_year(no_widget_errors):
    ex = build_registration_explorer()
    for year in range(ex.controls["year"].min, ex.controls["year"].max + 1):
        ex.controls["year"].value = year
        assert assert_consistent(ex).rules == rules_on(year)


@pytest.mark.parametrize("name, values", [
    ("members", [0, 100, 4900, 5000, 5100, 19900, 20000, 40000, 45000]),
    ("branch_members", [0, 10, 190, 200, 210, 590, 600, 1000]),
    ("initiative_group", [0, 10, 690, 700, 710, 990, 1000, 1500]),
])
@pytest.mark.parametrize("year", [2019, 2021, 2023])
def test_every_slider_through_its_range(no_widget_errors, name, values, year):
    ex = build_registration_explorer(members=45000, year=year)
    if name == "members":
        ex.controls["branch_members"].value = 0  # a branch may not outnumber the party
    for value in values:
        ex.controls[name].value = value
        assert ex.controls[name].value == value
        assert_consistent(ex)


def test_slider_ranges():
    ex = build_registration_explorer()
    c = ex.controls
    assert (c["members"].min, c["members"].max) == (0, 45000)
    assert (c["branch_members"].min, c["branch_members"].max) == (0, 1000)
    assert (c["initiative_group"].min, c["initiative_group"].max) == (0, 1500)
    assert (c["year"].min, c["year"].max) == (2010, 2025)


def test_result_changes_at_the_minimum(no_widget_errors):
    ex = build_registration_explorer(members=19900, branch_members=600, initiative_group=1000,
                                     year=2021)
    assert ex.result.failed == ("members_to_register",)
    ex.controls["members"].value = 20000
    assert ex.result.registrable and "<b>Yes</b>" in ex.text.value
    ex.controls["year"].value = 2019  # 40,000 before May 2020
    assert ex.result.failed == ("members_to_register",)
    ex.controls["year"].value = 2023
    assert ex.result.registrable


def test_bad_input_is_shown_not_raised(no_widget_errors):
    ex = build_registration_explorer(members=6000, branch_members=250)
    good, text = ex.result, ex.text.value
    ex.controls["members"].value = 100
    # Said about the sliders, not in kzlib's argument names.
    assert ("The smallest regional branch (250 members) cannot be larger than the whole party "
            "(100 members)") in ex.error.value
    assert "branch_members" not in ex.error.value
    assert "Cannot compute this" in ex.error.value
    # The last check that could be made stays, as every explorer's does.
    assert ex.result == good and ex.result.requirements[0].value == 6000
    assert ex.text.value == text
    ex.controls["branch_members"].value = 50
    # 50 members in each of 17 branches is 850 members, still more than the party's 100.
    assert ("A party whose smallest branch has 50 members, with a branch in each of 17 regions, "
            "has at least 850 members, more than the 100 you set") in ex.error.value
    assert "regions (" not in ex.error.value and "branch_members" not in ex.error.value
    ex.controls["regions"].value = 2
    assert ex.error.value == ""
    assert_consistent(ex)


def test_branches_against_members_are_shown(no_widget_errors):
    ex = build_registration_explorer(members=20000, branch_members=600, initiative_group=1000,
                                     year=2021, regions=17)
    text = ex.text.value
    assert ("A branch in each of 17 regions, each with at least 600 members, makes 10,200 members "
            "in branches alone: 51.0% of the 20,000-member minimum") in text
    assert "at least 9,800 more members" in text
    ex.controls["year"].value = 2023
    ex.controls["regions"].value = 20
    floor = branch_floor(2023, regions=20)
    assert (floor.in_branches, floor.outside_branches) == (4000, 1000)
    assert f"{floor.share_of_members_minimum:.1f}% of the 5,000-member minimum" in ex.text.value
    assert ex.result.branches == floor


@pytest.mark.parametrize("kwargs, message", [
    ({"members": 50000}, "members must be a whole number from 0 to 45000"),
    ({"branch_members": -1}, "branch_members must be"),
    ({"initiative_group": 2.5}, "initiative_group must be"),
    ({"year": 2009}, "year must be a whole number from 2010 to 2025"),
])
def test_builder_arguments_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_registration_explorer(**kwargs)


def test_controls_are_described_and_wait_for_release():
    ex = build_registration_explorer()
    for control in ex.controls.values():
        assert control.description
        assert control.continuous_update is False


def test_branch_bar_is_drawn_against_the_membership_minimum(no_widget_errors):
    ex = build_registration_explorer(members=20000, branch_members=600, initiative_group=1000,
                                     year=2021, regions=17)
    for year, regions in ((2021, 17), (2023, 20), (2019, 17)):
        ex.controls["year"].value = year
        ex.controls["regions"].value = regions
        floor = branch_floor(year, regions)
        branch_ax = ex.chart.fig.axes[1]
        assert branch_ax.patches[0].get_width() == floor.in_branches
        assert list(branch_ax.lines[0].get_xdata()) == [floor.members_minimum] * 2
        title = branch_ax.texts[0].get_text()
        assert f"{regions} × {floor.branch_minimum:,} = {floor.in_branches:,} members" in title
        assert (f"a bar of {floor.in_branches:,} members ({regions} regions × "
                f"{floor.branch_minimum:,})") in alt_text(ex)


@pytest.mark.parametrize(("lang", "day", "no"), [
    ("kk", "2021 жылғы 31 желтоқсан", "<b>Жоқ</b>"),
    ("ru", "31 декабря 2021 г.", "<b>Нет</b>"),
])
def test_in_kazakh_and_russian_only_the_words_change(no_widget_errors, lang, day, no):
    ex, en = build_registration_explorer(lang=lang), build_registration_explorer()
    assert ex.result == en.result
    assert day in ex.text.value and no in ex.text.value
    # Thin spaces between thousands: the 20,000-member minimum of 2021.
    assert "20\u202f000" in ex.text.value and "20\u202f000" in alt_text(ex)
    ex.controls["members"].value = en.controls["members"].value = 100  # branch > party
    assert "100" in ex.error.value and "branch_members" not in ex.error.value
    assert en.error.value and ex.error.value != en.error.value
