"""kzlib.akims: how each level's akim is chosen in every year and at every boundary day,
the data checks, and the DERIVED shares of the 2021 rural akim winners."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlib import data
from kzlib.akims import (
    FIRST_DAY,
    HOW_CHOSEN,
    LAST_DAY,
    LEVELS,
    as_date,
    phase_in,
    rollout,
    rollout_points,
    rural_winners_table,
    selection,
    selection_rules,
    selection_table,
    winner_shares,
)

D = datetime.date


def expected_how(level: str, year: int) -> str:
    """How the akim was chosen at the end of ``year`` (FACTS section K, typed by hand)."""
    if level == "region":
        return "appointed"
    if level == "district":
        return "appointed" if year <= 2022 else "pilot" if year <= 2024 else "direct"
    return "appointed" if year <= 2012 else "indirect" if year <= 2020 else "direct"


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("year", range(2010, 2026))
def test_every_level_and_year(level, year):
    s = selection(level, year)
    assert s.level == level
    assert s.on == D(year, 12, 31)
    assert s.how_chosen == expected_how(level, year)
    assert s.directly_elected is (s.how_chosen == "direct")
    assert s.rule.source.startswith("http") and s.rule.status


@pytest.mark.parametrize("level, before, on, was, becomes", [
    ("region", D(2022, 6, 7), D(2022, 6, 8), "with the prior consent", "at least two candidates"),
    ("district", D(2023, 11, 4), D(2023, 11, 5), "appointed", "pilot"),
    ("district", D(2024, 12, 31), D(2025, 1, 1), "pilot", "direct"),
    ("rural", D(2013, 8, 4), D(2013, 8, 5), "appointed", "indirect"),
    ("rural", D(2021, 7, 24), D(2021, 7, 25), "indirect", "direct"),
])
def test_every_boundary_day(level, before, on, was, becomes):
    old, new = selection(level, before), selection(level, on)
    after = selection(level, on + datetime.timedelta(days=1))
    assert new.rule == after.rule != old.rule
    assert new.since == on
    if level == "region":
        assert old.how_chosen == new.how_chosen == "appointed"
        assert was in old.chosen_by and becomes in new.chosen_by
    else:
        assert (old.how_chosen, new.how_chosen) == (was, becomes)


def test_the_2021_law_and_the_pilot_in_detail():
    rural = selection("rural", 2021)
    assert "730 akims" in rural.rule.detail and "2,297 candidates" in rural.rule.detail
    pilot = selection("district", 2023)
    assert "45 pilot units" in pilot.chosen_by and "42 districts + 3 cities" in pilot.chosen_by
    assert "125 candidates" in pilot.rule.detail and "62.79%" in pilot.rule.detail
    assert "Semei" in selection("district", 2025).rule.detail
    assert selection("district", 2025).rule.date_precision == "year"


def test_first_and_last_day_covered():
    for level in LEVELS:
        assert selection(level, D(2010, 1, 1)).on == D(2010, 1, 1)
        assert selection(level, D(2025, 12, 31)).on == D(2025, 12, 31)
    assert selection("rural", 2012).since is None  # the start of the oldest rule is not recorded


@pytest.mark.parametrize("level, year, error, message", [
    ("city", 2021, ValueError, "level must be one of 'region', 'district', 'rural', got 'city'"),
    ("Rural", 2021, ValueError, "got 'Rural'"),
    (3, 2021, TypeError, "level must be a string, got 3"),
    ("rural", 2009, ValueError, "year must be a year from 2010 to 2025 .*got 2009"),
    ("rural", 2026, ValueError, "got 2026"),
    ("rural", D(2009, 12, 31), ValueError,
     "year must be a date from 2010-01-01 to 2025-12-31.*2009-12-31"),
    ("rural", D(2026, 1, 1), ValueError, "2026-01-01"),
    ("rural", "2021", TypeError, "year must be a date or a year \\(int\\), got '2021'"),
    ("rural", 2021.5, TypeError, "got 2021.5"),
    ("rural", True, TypeError, "got True"),
])
def test_bad_input_names_the_argument(level, year, error, message):
    with pytest.raises(error, match=message):
        selection(level, year)


def test_as_date():
    assert as_date(2021) == D(2021, 12, 31)
    assert as_date(datetime.datetime(2021, 7, 25, 8)) == D(2021, 7, 25)


def test_selection_is_frozen():
    s = selection("rural", 2021)
    with pytest.raises(AttributeError):
        s.level = "region"
    with pytest.raises(AttributeError):
        s.rule.how_chosen = "appointed"


def test_selection_table_lists_all_levels():
    t = selection_table(2023)
    assert len(t) == 3
    assert t["how chosen"].tolist() == [HOW_CHOSEN[m] for m in ("appointed", "pilot", "direct")]
    assert t["since"].tolist() == ["2022-06-08", "2023-11-05", "2021-07-25"]
    assert selection_table(2025)["since"].tolist() == ["2022-06-08", "2025", "2021-07-25"]
    assert selection_table(2012)["since"].tolist() == ["not recorded"] * 3


# ------------------------------------------------------------------------ the data checks


def rows():
    return [dict(r) for r in data.read_rows("akim_selection")]


def test_every_level_is_covered_without_gaps():
    rules = selection_rules(rows())
    assert {r.level for r in rules} == set(LEVELS)
    assert len(rules) == 8


def test_gap_overlap_missing_and_unknown_levels_are_rejected():
    gap = rows()
    gap[6]["valid_to"] = "2021-07-01"  # rural, indirect, now ends before direct starts
    with pytest.raises(ValueError, match="level 'rural' has a gap or overlap"):
        selection_rules(gap)
    late = rows()
    late[5]["valid_from"] = "2011-01-01"  # rural starts after FIRST_DAY
    with pytest.raises(ValueError, match="level 'rural' starts only on 2011-01-01"):
        selection_rules(late)
    with pytest.raises(ValueError, match="no rows for level 'district'"):
        selection_rules([r for r in rows() if r["level"] != "district"])
    ended = rows()
    ended[1]["valid_to"] = "2024-01-01"
    with pytest.raises(ValueError, match="level 'region' ends on 2024-01-01"):
        selection_rules(ended)
    odd = rows() + [dict(rows()[0], level="city")]
    with pytest.raises(ValueError, match="unknown level"):
        selection_rules(odd)


def test_custom_rules_are_used():
    changed = rows()
    changed[1]["how_chosen"] = "direct"
    assert selection("region", 2023, rules=selection_rules(changed)).how_chosen == "direct"
    assert selection("region", 2023).how_chosen == "appointed"


_ORDER = list(HOW_CHOSEN)  # appointed < indirect < pilot < direct


@given(level=st.sampled_from(LEVELS),
       a=st.dates(D(2010, 1, 1), D(2025, 12, 31)), b=st.dates(D(2010, 1, 1), D(2025, 12, 31)))
def test_no_level_ever_became_less_direct(level, a, b):
    a, b = sorted((a, b))
    rank = [_ORDER.index(selection(level, day).how_chosen) for day in (a, b)]
    assert rank[0] <= rank[1]


# ------------------------------------------------------------------------ rural winners 2021


def test_winner_shares_by_hand():
    assert winner_shares({"A": 3, "B": 1}) == {"A": Fraction(75), "B": Fraction(25)}
    with pytest.raises(ValueError, match="akims must have a positive total"):
        winner_shares({"A": 0})
    with pytest.raises(ValueError, match=r"akims\['A'\] must be >= 0"):
        winner_shares({"A": -1, "B": 3})
    with pytest.raises(TypeError, match="akims must be a mapping"):
        winner_shares([("A", 3)])


def test_rural_winners_2021_shares_are_computed_not_copied():
    t = rural_winners_table().set_index("party")
    assert int(t.akims.sum()) == 730
    assert t.loc["Nur Otan", "share_pct_derived"] == 85.89  # 627 / 730
    assert t.loc["Adal", "share_pct_derived"] == 2.05  # 15 / 730; the infobox shows 4.52
    assert t.loc["Auyl", "share_pct_derived"] == 4.52  # 33 / 730
    assert t.loc["JSDP", "share_pct_derived"] == 0.14
    assert t.loc["Not stated", "status"] == "derived"
    assert t.loc["Nur Otan", "status"] == "wikipedia"


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 1000), min_size=1)
       .filter(lambda d: sum(d.values()) > 0))
def test_winner_shares_add_to_exactly_100(counts):
    shares = winner_shares(counts)
    assert sum(shares.values()) == 100
    total = sum(counts.values())
    for party, n in counts.items():
        assert shares[party] == Fraction(100 * n, total)


def test_as_date_uses_the_shared_checks_with_this_modules_days():
    # akims and parties read "a year or a date" through one function (kzlib._dates),
    # each with the days its own data cover.
    from kzlib import _dates

    for when in (2010, 2025, D(2021, 7, 25), datetime.datetime(2021, 7, 25, 8)):
        assert as_date(when) == _dates.as_date(when, "year", FIRST_DAY, LAST_DAY)
    with pytest.raises(ValueError, match="year must be a year from 2010 to 2025"):
        as_date(2026)


# --- the phase-in model and the reported counts ----------------------------------------

def test_phase_in_boundaries():
    shares = phase_in(2021, 4, [2020, 2021, 2023, 2024, 2025])
    assert shares == {2020: 0, 2021: 25, 2023: 75, 2024: 100, 2025: 100}
    assert phase_in(2025, 5, [2027]) == {2027: Fraction(60)}
    assert phase_in(2021, 3, [2021]) == {2021: Fraction(100, 3)}  # exact, not 33.33
    assert phase_in(2021, 1, [2020, 2021]) == {2020: 0, 2021: 100}


@given(start=st.integers(1990, 2100), term=st.integers(1, 10),
       years=st.lists(st.integers(1990, 2100), min_size=1, max_size=20))
def test_phase_in_rises_evenly_from_zero_to_all(start, term, years):
    shares = phase_in(start, term, years)
    for year in years:
        share = shares[year]
        assert 0 <= share <= 100
        assert (share == 0) == (year < start)
        assert (share == 100) == (year >= start + term - 1)
        if start <= year < min(start + term - 1, 2100):
            assert shares[year] + Fraction(100, term) == phase_in(start, term, [year + 1])[year + 1]


@pytest.mark.parametrize(("args", "error", "message"), [
    ((2021, 0, [2021]), ValueError, "term_years must be a whole number from 1 to 10, got 0"),
    ((2021, True, [2021]), TypeError, "term_years must be a whole number from 1 to 10, got True"),
    ((1989, 4, [2021]), ValueError, "start_year must be a whole number from 1990 to 2100"),
    ((2021.0, 4, [2021]), TypeError, "start_year must be a whole number"),
    ((2021, 4, 2021), TypeError, "years must be a sequence of whole numbers, got 2021"),
    ((2021, 4, "2021"), TypeError, "years must be a sequence"),
    ((2021, 4, [2021, 3000]), ValueError, "years must be a whole number from 1990 to 2100"),
])
def test_phase_in_names_the_bad_argument(args, error, message):
    with pytest.raises(error, match=message):
        phase_in(*args)


def test_rollout_points_derive_shares_from_the_last_count_of_posts():
    rural = rollout_points("rural")
    assert [p.year for p in rural] == [1999, 2021, 2023, 2024, 2025]
    first, mid_2023, sept_2024, oct_2025 = rural[1:]
    assert (first.elected, first.posts, first.derived) == (730, 2345, True)
    assert first.share == Fraction(73000, 2345)
    assert mid_2023.share == Fraction(166800, 2345) and mid_2023.derived
    assert sept_2024.share == 90 and not sept_2024.derived  # the source's own share
    assert oct_2025.at_least and oct_2025.elected == 2000
    district = rollout_points("district")
    assert [p.elected for p in district] == [45, None]
    assert all(p.share is None for p in district)  # no count of district posts found


def test_rollout_points_read_rows_and_check_the_level():
    rows = [{"level": "rural", "as_of": "x", "year": "2022", "elected": "5", "posts": "10",
             "share_pct": "", "what": "test", "status": "news", "source": "https://e.org"}]
    (point,) = rollout_points("rural", rows)
    assert point.share == 50 and point.derived
    assert rollout_points("district", rows) == []
    with pytest.raises(ValueError, match="level must be 'rural' or 'district', got 'region'"):
        rollout_points("region")
    with pytest.raises(TypeError, match="level must be 'rural' or 'district', got None"):
        rollout(None, 2021, 4)


def test_rollout_sets_the_model_beside_the_counts():
    result = rollout("rural", 2021, 4)
    assert result.full_year == 2024
    gaps = {p.as_of: float(gap) for p, gap in result.gaps}
    assert gaps["September 2024"] == 10  # the model says 100%, Tokayev about 90%
    assert round(gaps["25 July 2021"], 2) == -6.13
    assert "1999" not in gaps  # outside the modelled years
