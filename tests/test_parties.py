"""kzlib.parties: registration rules by period, the registration check at every
boundary, and the competition figures (hand-checkable numbers)."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlib import data
from kzlib.parties import (
    CHECKED,
    BranchFloor,
    as_date,
    branch_floor,
    competition,
    competition_table,
    membership_steps,
    new_registrations,
    profile_markdown,
    profile_table,
    registration_check,
    registration_rules,
    rules_on,
    rules_table,
)

D = datetime.date

# The three periods, as in FACTS section F (hand-typed here on purpose: the data must match).
EXPECTED = {
    "before 2020": {"members_to_register": 40000, "regional_branch_min_members": 600,
                    "initiative_group_min": 1000, "months_to_hold_founding_congress": 2,
                    "months_to_form_branches": 6},
    "2020–2022": {"members_to_register": 20000, "regional_branch_min_members": 600,
                  "initiative_group_min": 1000, "months_to_hold_founding_congress": 2,
                  "months_to_form_branches": 6},
    "from Nov 2022": {"members_to_register": 5000, "regional_branch_min_members": 200,
                      "initiative_group_min": 700, "months_to_hold_founding_congress": 3,
                      "months_to_form_branches": 12},
}
# One day inside each period.
INSIDE = {"before 2020": D(2018, 6, 1), "2020–2022": D(2021, 6, 1),
          "from Nov 2022": D(2024, 1, 1)}
ARGUMENT = {"members_to_register": "members", "regional_branch_min_members": "branch_members",
            "initiative_group_min": "initiative_group"}


def minimums(period: str) -> dict[str, int]:
    return {ARGUMENT[name]: EXPECTED[period][name] for name in CHECKED}


# ----------------------------------------------------------------------------- rules


def test_three_consecutive_periods_with_the_sourced_values():
    periods = registration_rules()
    assert [p.period for p in periods] == list(EXPECTED)
    for p in periods:
        for name, value in EXPECTED[p.period].items():
            assert getattr(p, name) == value, (p.period, name)
        assert p.sources and all(s.startswith("http") for s in p.sources)
    assert periods[0].valid_from is None and periods[-1].valid_to is None
    assert periods[0].valid_to == periods[1].valid_from == D(2020, 5, 25)
    assert periods[1].valid_to == periods[2].valid_from == D(2022, 11, 5)


@pytest.mark.parametrize("day, members", [
    (D(2010, 1, 1), 40000), (D(2020, 5, 24), 40000), (D(2020, 5, 25), 20000),
    (D(2022, 11, 4), 20000), (D(2022, 11, 5), 5000), (D(2025, 12, 31), 5000),
])
def test_rules_change_on_the_recorded_days(day, members):
    assert rules_on(day).members_to_register == members


@pytest.mark.parametrize("year, members", [(2019, 40000), (2020, 20000), (2021, 20000),
                                           (2022, 5000), (2023, 5000)])
def test_a_year_means_its_last_day(year, members):
    assert as_date(year) == D(year, 12, 31)
    assert rules_on(year).members_to_register == members


def test_as_date_accepts_dates_and_datetimes():
    assert as_date(D(2021, 3, 4)) == D(2021, 3, 4)
    assert as_date(datetime.datetime(2021, 3, 4, 15, 30)) == D(2021, 3, 4)


@pytest.mark.parametrize("bad, error, message", [
    (2009, ValueError, "on must be a year from 2010 to 2025 .*got 2009"),
    (2026, ValueError, "got 2026"),
    (D(2009, 12, 31), ValueError, "on must be a date from 2010-01-01 to 2025-12-31.*2009-12-31"),
    (D(2026, 1, 1), ValueError, "2026-01-01"),
    ("2021", TypeError, "on must be a date or a year"),
    (2021.0, TypeError, "on must be a date or a year"),
    (True, TypeError, "on must be a date or a year"),
])
def test_bad_dates_are_named(bad, error, message):
    with pytest.raises(error, match=message):
        registration_check(5000, 200, 700, on=bad)


def test_rules_table():
    table = rules_table()
    assert list(table.columns) == list(EXPECTED)
    assert table.loc["members needed to register"].tolist() == [40000, 20000, 5000]
    assert table.loc["months to form regional branches"].tolist() == [6, 6, 12]


def _rows(**override):
    rows = [dict(r) for r in data.read_rows("party_registration_rules")]
    for r in rows:
        for key, value in override.items():
            if r["period"] == "2020–2022":
                r[key] = value
    return rows


def test_custom_rows_are_checked():
    assert len(registration_rules(_rows())) == 3
    with pytest.raises(ValueError, match="ends 2022-11-05 but 'from Nov 2022' starts"):
        rows = _rows()
        for r in rows:
            if r["period"] == "from Nov 2022":
                r["valid_from"] = "2022-12-01"
        registration_rules(rows)
    with pytest.raises(ValueError, match="has two valid_to dates"):
        rows = _rows()
        next(r for r in rows if r["period"] == "2020–2022")["valid_to"] = "2022-11-06"
        registration_rules(rows)
    with pytest.raises(ValueError, match="lacks initiative_group_min"):
        registration_rules([r for r in _rows()
                            if not (r["period"] == "2020–2022"
                                    and r["requirement"] == "initiative_group_min")])


def test_custom_rules_are_used():
    rows = _rows(value="1")  # every 2020-2022 minimum set to 1
    rules = registration_rules(rows)
    assert registration_check(1, 1, 1, on=2021, rules=rules).registrable
    assert not registration_check(1, 1, 1, on=2021).registrable


# ------------------------------------------------------------------ the check, boundaries


@pytest.mark.parametrize("period", list(EXPECTED))
@pytest.mark.parametrize("name", CHECKED)
@pytest.mark.parametrize("offset, met", [(-1, False), (0, True), (1, True)])
def test_boundary_of_every_requirement_in_every_period(period, name, offset, met):
    values = minimums(period)
    # The other numbers sit exactly at their minimums; the branch may not exceed members.
    values[ARGUMENT[name]] += offset
    if name == "regional_branch_min_members" and offset == 1:
        values["members"] += 1
    result = registration_check(**values, on=INSIDE[period])
    assert result.rules.period == period
    req = {r.name: r for r in result.requirements}[name]
    assert req.required == EXPECTED[period][name]
    assert req.value == EXPECTED[period][name] + offset
    assert req.met is met
    assert req.shortfall == (1 if offset == -1 else 0)
    assert result.failed == (() if met else (name,))
    assert result.registrable is met


@pytest.mark.parametrize("period", list(EXPECTED))
def test_exactly_at_every_minimum_registers(period):
    result = registration_check(**minimums(period), on=INSIDE[period])
    assert result.registrable and result.met == CHECKED and result.failed == ()


def test_seed_article_numbers():
    # 6,000 members would not have been enough before November 2022, and is after.
    assert registration_check(6000, 250, 800, on=D(2022, 11, 4)).failed == CHECKED
    assert registration_check(6000, 250, 800, on=D(2022, 11, 5)).registrable


def test_result_fields_and_table():
    result = registration_check(6000, 250, 800, on=2021)
    assert result.on == D(2021, 12, 31)
    assert [r.name for r in result.requirements] == list(CHECKED)
    assert result.rules.months_to_hold_founding_congress == 2
    table = result.table()
    assert table.required.tolist() == [20000, 600, 1000]
    assert table.yours.tolist() == [6000, 250, 800]
    assert table.shortfall.tolist() == [14000, 350, 200]
    assert table.met.tolist() == ["no", "no", "no"]
    with pytest.raises(AttributeError):
        result.on = D(2020, 1, 1)  # frozen


def test_percent_of_minimum():
    result = registration_check(6000, 600, 1500, on=2021)
    # 6,000 of 20,000; 600 of 600; 1,500 of 1,000.
    assert [r.percent_of_minimum for r in result.requirements] == [30.0, 100.0, 150.0]
    assert registration_check(0, 0, 0, on=2023).requirements[0].percent_of_minimum == 0.0


@pytest.mark.parametrize("kwargs, error, message", [
    ({"members": 2.5}, TypeError, "members must be a whole number of people, got 2.5"),
    ({"members": "6000"}, TypeError, "members must be a whole number of people, got '6000'"),
    ({"branch_members": True}, TypeError, "branch_members must be a whole number"),
    ({"initiative_group": None}, TypeError, "initiative_group must be a whole number"),
    ({"members": -1}, ValueError, "members must be 0 or more, got -1"),
    ({"initiative_group": -5}, ValueError, "initiative_group must be 0 or more, got -5"),
    ({"members": 100}, ValueError, r"branch_members \(250\) cannot be larger than members \(100\)"),
])
def test_bad_numbers_name_the_argument(kwargs, error, message):
    args = {"members": 6000, "branch_members": 250, "initiative_group": 800, "on": 2023} | kwargs
    with pytest.raises(error, match=message):
        registration_check(**args)


def test_numpy_integers_are_accepted():
    np = pytest.importorskip("numpy")
    assert registration_check(np.int64(5000), np.int32(200), np.int64(700), on=2023).registrable


people = st.integers(min_value=0, max_value=60000)
days = st.dates(min_value=D(2010, 1, 1), max_value=D(2025, 12, 31))


@given(members=people, branch=st.integers(0, 2000), group=st.integers(0, 2000), day=days)
def test_registrable_iff_every_number_reaches_its_minimum(members, branch, group, day):
    branch = min(branch, members)
    result = registration_check(members, branch, group, on=day)
    rules = rules_on(day)
    expected = (members >= rules.members_to_register
                and branch >= rules.regional_branch_min_members
                and group >= rules.initiative_group_min)
    assert result.registrable is expected
    assert set(result.met) | set(result.failed) == set(CHECKED)


@given(members=people, branch=st.integers(0, 2000), group=st.integers(0, 2000),
       earlier=days, later=days)
def test_the_rules_only_got_easier(members, branch, group, earlier, later):
    earlier, later = sorted((earlier, later))
    branch = min(branch, members)
    if registration_check(members, branch, group, on=earlier).registrable:
        assert registration_check(members, branch, group, on=later).registrable


@given(members=people, extra=st.integers(0, 5000), day=days)
def test_more_members_never_fail_a_met_requirement(members, extra, day):
    a = registration_check(members, 0, 0, on=day).requirements[0]
    b = registration_check(members + extra, 0, 0, on=day).requirements[0]
    assert not (a.met and not b.met)


# ------------------------------------------------------------------- new parties, competition


def test_new_registrations_and_the_gap():
    table = new_registrations()
    assert table.party.tolist() == ["JSDP", "Baitaq", "Respublica", "Adilet"]
    assert table.date.tolist() == ["2007-01-25", "2022-11-28", "2023-01-18", "2026-06-01"]
    # 2007-01-25 -> 2022-11-28 is 5,786 days = 15.8 years: "about 15 years", not 20.
    assert table.years_since_previous.tolist()[1:] == [15.8, 0.1, 3.4]
    assert (D(2022, 11, 28) - D(2007, 1, 25)).days == 5786


def test_competition_2021_and_2023_by_hand():
    c21, c23 = competition(2021), competition(2023)
    assert (c21.lists, c23.lists) == (5, 7)
    assert (c21.lists_with_seats, c23.lists_with_seats) == (3, 6)
    # Seats: 98^2 / (76^2 + 12^2 + 10^2) and 69^2 / (40^2 + 8^2 + 6^2 + 6^2 + 5^2 + 4^2).
    assert c21.enp_seats == pytest.approx(9604 / 6020)
    assert c23.enp_seats == pytest.approx(4761 / 1777)
    v21 = [5148074, 792828, 659019, 383023, 258618]
    v23 = [3431510, 693938, 547154, 535139, 432920, 331058, 146431]
    for c, v in ((c21, v21), (c23, v23)):
        assert sorted(c.votes.values(), reverse=True) == sorted(v, reverse=True)
        assert c.enp_votes == pytest.approx(sum(v) ** 2 / sum(x * x for x in v))
    assert "Against all" not in c23.votes


def test_competition_table_and_bad_year():
    table = competition_table()
    assert table.index.tolist() == [2021, 2023]
    assert table["party lists"].tolist() == [5, 7]
    assert table["ENP by list seats (derived)"].tolist() == [1.6, 2.68]
    with pytest.raises(ValueError, match="year must be 2007, 2012, 2016, 2021 or 2023"):
        competition(2019)


# ------------------------------------------------------------------- branches x regions


@pytest.mark.parametrize("on, regions, in_branches, share, binding", [
    (2021, 17, 10200, 51.0, "members"),   # 17 x 600 within 20,000
    (2023, 20, 4000, 80.0, "members"),    # 20 x 200 within 5,000
    (2023, 25, 5000, 100.0, "members"),   # exactly at the minimum: both decide
    (2023, 26, 5200, 104.0, "branches"),  # the branches alone exceed 5,000
])
def test_branch_floor(on, regions, in_branches, share, binding):
    floor = branch_floor(on, regions)
    assert floor.in_branches == in_branches
    assert floor.share_of_members_minimum == pytest.approx(share)
    assert floor.binding == binding
    assert floor.smallest_party == max(in_branches, floor.members_minimum)
    assert floor.outside_branches == max(0, floor.members_minimum - in_branches)


@pytest.mark.parametrize("regions, exc, message", [
    (0, ValueError, "regions must be 1 or more, got 0"),
    (-3, ValueError, "regions must be 0 or more, got -3"),
    (17.5, TypeError, "regions must be a whole number of people, got 17.5"),
    (True, TypeError, "regions must be a whole number"),
])
def test_branch_floor_refuses_bad_regions(regions, exc, message):
    with pytest.raises(exc, match=message):
        branch_floor(2023, regions)


def test_registration_check_with_regions():
    ok = registration_check(5000, 250, 700, on=2023, regions=20)
    assert ok.registrable and ok.branches == BranchFloor(20, 200, 5000)
    assert registration_check(5000, 250, 700, on=2023).branches is None
    with pytest.raises(ValueError, match=r"branch_members x regions \(250 x 20 = 5000\) cannot "
                                         r"be larger than members \(4999\)"):
        registration_check(4999, 250, 700, on=2023, regions=20)
    assert registration_check(5000, 250, 700, on=2023, regions=20).branches.in_branches == 4000


def test_membership_steps_from_2002():
    steps = membership_steps()
    assert [(s.period, s.members) for s in steps] == [
        ("before 2002", 3000), ("2002–2009", 50000), ("2009–2020", 40000),
        ("2020–2022", 20000), ("from Nov 2022", 5000)]
    # The last three agree with the registration rules the checks use.
    rules = {r.period: r.members_to_register for r in registration_rules()}
    assert (rules["before 2020"], rules["2020–2022"], rules["from Nov 2022"]) == (
        40000, 20000, 5000)
    for earlier, later in itertools.pairwise(steps):
        assert earlier.to_year == later.from_year


def test_profiles_say_what_is_not_found():
    table = profile_table()
    assert table.index.tolist() == ["Amanat", "Ak Zhol", "Auyl", "QHP", "JSDP", "Baitaq",
                                    "Respublica", "Adilet"]
    assert table.loc["Auyl"].tolist()[1:] == ["not found in our sources"] * 3
    assert table.loc["QHP", "names"].endswith("(unresolved)")
    assert "pro-government" in table.loc["Baitaq", "stance towards the president"]
    assert table.loc["Ak Zhol", "leader"] == "not found in our sources"
    text = profile_markdown()
    assert text.count("\n") == len(table) + 1
    assert "*not found in our sources*" in text and "([source](https://" in text
