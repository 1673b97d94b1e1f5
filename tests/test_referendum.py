"""kzlib.referendum: exact shares with a named denominator, the 2022 result, the adoption rule."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlib import data, referendum
from kzlib.referendum import (
    BASES,
    PARTS,
    Referendum,
    adoption,
    as_percent,
    breakdown,
    load_2022,
    parts_of,
    regions_needed,
    share,
    share_of,
)

R = load_2022()


def measure(name: str) -> float:
    t = data.load("referendum_2022")
    return float(t[t.measure == name].value.iloc[0])


# ------------------------------------------------------------------ share


def test_share_is_exact():
    assert share(1, of=4) == Fraction(1, 4)
    assert share(0, of=5) == 0
    assert share(7, of=7) == 1
    assert isinstance(share(2, of=3), Fraction)
    assert share(2.0, of=4) == Fraction(1, 2)  # a whole float is accepted


@pytest.mark.parametrize(
    ("votes", "of", "error", "message"),
    [
        (-1, 10, ValueError, r"votes must not be negative, got -1"),
        (1, -10, ValueError, r"of must not be negative, got -10"),
        (1, 0, ValueError, r"of must be greater than 0"),
        (11, 10, ValueError, r"votes must not exceed of, got votes=11 and of=10"),
        (1.5, 10, TypeError, r"votes must be a whole number, got 1.5"),
        (1, float("nan"), TypeError, r"of must be a whole number, got nan"),
        (True, 10, TypeError, r"votes must be a whole number, got True \(a bool\)"),
        ("5", 10, TypeError, r"votes must be a whole number, got '5' \(str\)"),
        (5, None, TypeError, r"of must be a whole number, got None"),
    ],
)
def test_share_bad_input_names_the_argument(votes, of, error, message):
    with pytest.raises(error, match=message):
        share(votes, of=of)


@given(st.integers(0, 10**9), st.integers(1, 10**9))
def test_share_times_denominator_gives_votes_back(votes, of):
    if votes > of:
        votes, of = of, votes
    if of == 0:
        return
    s = share(votes, of=of)
    assert 0 <= s <= 1
    assert s * of == votes


@given(st.integers(0, 10**7), st.integers(0, 10**7), st.integers(0, 10**6), st.integers(0, 10**6),
       st.integers(0, 10**7))
def test_shares_of_participants_add_up_to_one(yes, no, bad, other, stay_home):
    if yes + no + bad + other == 0:
        return
    r = Referendum(yes, no, bad, other, registered=yes + no + bad + other + stay_home)
    parts = [share_of(r, o, of="participants").fraction for o in referendum.OPTIONS]
    assert sum(parts) == 1
    # a larger denominator never gives a larger share
    for option in ("yes", "no"):
        of_registered = share_of(r, option, of="registered").fraction
        of_participants = share_of(r, option, of="participants").fraction
        assert of_registered <= of_participants
        if yes + no:
            assert of_participants <= share_of(r, option, of="valid_yes_no").fraction


# ------------------------------------------------------------------ the 2022 result


def test_2022_result_matches_the_data():
    assert R.yes == measure("yes_votes") == 6163516
    assert R.no == measure("no_votes")
    assert R.participants == measure("participants") == 7985769
    assert R.registered == measure("registered_voters")
    assert R.did_not_vote == R.registered - R.participants


@pytest.mark.parametrize(
    ("option", "pct_measure"),
    [("yes", "yes_pct"), ("no", "no_pct"), ("invalid_or_blank", "invalid_or_blank_pct"),
     ("other", "other_unaccounted_pct")],
)
def test_published_percentages_are_shares_of_participants(option, pct_measure):
    s = share_of(R, option, of="participants")
    assert as_percent(s.fraction) == f"{measure(pct_measure):.2f}%"


def test_turnout_matches_turnout_csv():
    t = data.load("turnout")
    row = t[(t.election == "referendum_2022") & (t.measure == "turnout_pct")]
    assert as_percent(share(R.participants, of=R.registered)) == f"{float(row.value.iloc[0]):.2f}%"


def test_77_percent_changes_meaning_with_the_denominator():
    # hand-checked: 6,163,516 / 11,734,642 = 0.52524...; 6,163,516 / 7,653,986 = 0.80527...
    assert as_percent(share_of(R, "yes", of="participants").fraction) == "77.18%"
    assert as_percent(share_of(R, "yes", of="registered").fraction) == "52.52%"
    assert as_percent(share_of(R, "yes", of="valid_yes_no").fraction) == "80.53%"
    assert share_of(R, "yes", of="valid_yes_no").base_total == R.yes + R.no
    assert share_of(R, "yes", of="registered").percent == Fraction(616351600, 11734642)


def test_shares_table():
    t = referendum.shares_table(R, "no")
    assert list(t.columns) == ["base", "votes", "denominator", "percent"]
    assert list(t.denominator) == [R.participants, R.registered, R.yes + R.no]
    assert list(t.percent) == [18.66, 12.70, 19.47]
    with pytest.raises(ValueError, match="option must be 'yes' or 'no'"):
        referendum.shares_table(R, "other")


def test_changes_are_the_referendum_rows():
    t = referendum.changes()
    assert len(t) >= 8
    assert t.source.str.startswith("http").all()
    assert {"Mazhilis electoral system", "Constitutional Court"} <= set(t.aspect)


# ------------------------------------------------------------------ adoption rule


@pytest.mark.parametrize(("total", "needed"), [(1, 1), (2, 2), (3, 2), (6, 4), (17, 12), (18, 12),
                                               (20, 14)])
def test_regions_needed(total, needed):
    assert regions_needed(total) == needed


def test_regions_needed_other_share_and_errors():
    assert regions_needed(17, Fraction(1, 2)) == 9
    assert regions_needed(10, 0.5) == 5
    with pytest.raises(ValueError, match="regions_total must be greater than 0"):
        regions_needed(0)
    with pytest.raises(TypeError, match="regions_total must be a whole number"):
        regions_needed("17")
    with pytest.raises(ValueError, match="needed must be between 0 and 1, got 1.5"):
        regions_needed(17, 1.5)
    with pytest.raises(TypeError, match="needed must be a number"):
        regions_needed(17, "2/3")


def test_2022_adoption():
    a = adoption(R, regions_with_yes_majority=int(measure("regions_with_yes_majority")),
                 regions_total=referendum.REGIONS_2022)
    assert a.turnout_ok and a.regions_ok and a.adopted
    assert a.regions_needed == 12
    assert a.national_yes == share(R.yes, of=R.participants)


def test_adoption_boundaries():
    # turnout exactly 1/2
    r = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=200)
    assert not adoption(r, 17, 17).turnout_ok
    r = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=199)
    assert adoption(r, 12, 17).adopted
    assert not adoption(r, 11, 17).adopted


def test_adoption_errors():
    with pytest.raises(ValueError, match="regions_with_yes_majority must not exceed regions_total"):
        adoption(R, 18, 17)
    with pytest.raises(TypeError, match="result must be a kzlib.referendum.Referendum"):
        adoption({"yes": 1}, 1, 1)


# ------------------------------------------------------------------ validation


def test_referendum_validation_names_the_field():
    with pytest.raises(ValueError, match="yes must not be negative"):
        Referendum(-1, 0, 0, 0, 10)
    with pytest.raises(TypeError, match="other must be a whole number"):
        Referendum(1, 0, 0, 0.5, 10)
    with pytest.raises(ValueError, match="registered must be at least the number of participants"):
        Referendum(5, 5, 0, 0, 9)
    with pytest.raises(ValueError, match="option must be one of"):
        share_of(R, "maybe")
    with pytest.raises(ValueError, match="of must be one of"):
        share_of(R, "yes", of="population")
    with pytest.raises(ValueError, match="when of='valid_yes_no'"):
        share_of(R, "other", of="valid_yes_no")
    with pytest.raises(TypeError, match="result must be"):
        share_of(None)


def test_as_percent():
    assert as_percent(Fraction(1, 8), 1) == "12.5%"
    assert as_percent(Fraction(1, 8), 0) == "13%"  # half rounds away from zero
    assert as_percent(Fraction(1, 3)) == "33.33%"
    assert as_percent(1) == "100.00%"
    assert as_percent(0.5) == "50.00%"
    with pytest.raises(ValueError, match="digits must be 0 or more"):
        as_percent(Fraction(1, 2), -1)
    with pytest.raises(TypeError, match="value must be a number"):
        as_percent("0.5")
    with pytest.raises(TypeError, match="digits must be an int"):
        as_percent(Fraction(1, 2), 1.0)


def test_load_2022_checks_participants(tmp_path):
    import csv
    import shutil
    from pathlib import Path

    folder = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", folder)
    path = folder / "referendum_2022.csv"
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    for row in rows:
        if row[0] == "participants":
            row[1] = "7985770"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(ValueError, match="participants is 7,985,770"):
        load_2022(folder)
    rows = [r for r in rows if r[0] != "no_votes"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(ValueError, match="lacks the measure"):
        load_2022(folder)


def test_notebook_01_exercise_answers_by_hand():
    from kzlib.exercises import expected

    # 7,985,769 / (2 * 6,163,516); both rules with 11 of 17 regions;
    # 6,163,516 / (6,163,516 + 1,490,470 + 125,859); 7,985,769 - 11,734,642 / 2
    assert expected("01-1") == 64.78
    assert expected("01-2") == (False, True)
    assert expected("01-3") == 79.22
    assert expected("01-4") == 7985769 - 5867321 == 2118448


def test_results_table_matches_published_percentages():
    t = referendum.results_table(R).set_index("ballots")
    rows = ["Yes", "No", "invalid or blank", "other", "participants", "did not vote"]
    assert list(t.index) == rows
    assert t.loc["Yes", "pct_of_participants"] == measure("yes_pct")
    assert t.loc["other", "pct_of_participants"] == measure("other_unaccounted_pct")
    assert t.loc["participants", "pct_of_registered"] == measure("turnout_pct")
    assert t.loc["participants", "pct_of_participants"] == 100
    assert t["count"].iloc[:4].sum() == t.loc["participants", "count"]
    assert t.loc["did not vote", "count"] + t.loc["participants", "count"] == R.registered
    with pytest.raises(TypeError, match="result must be"):
        referendum.results_table(None)


# ------------------------------------------------------------------ parts of a denominator


def test_parts_of_add_up_to_the_denominator():
    for of in BASES:
        assert sum(parts_of(R, of).values()) == R.base(of)
        assert list(parts_of(R, of)) == list(PARTS)
    assert parts_of(R, "valid_yes_no") == {"yes": R.yes, "no": R.no, "invalid_or_blank": 0,
                                           "other": 0, "did_not_vote": 0}
    assert parts_of(R, "registered")["did_not_vote"] == R.registered - R.participants
    with pytest.raises(ValueError, match="of must be one of"):
        parts_of(R, "population")


def test_breakdown_lays_the_parts_end_to_end():
    small = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=200)
    parts = breakdown(small, "registered")
    assert [p.name for p in parts] == list(PARTS)
    assert [p.label for p in parts] == list(PARTS.values())
    # 60, 30, 6, 4 and 100 of 200 registered voters: 30%, 15%, 3%, 2%, 50%.
    assert [p.percent for p in parts] == [30, 15, 3, 2, 50]
    assert [p.start_percent for p in parts] == [0, 30, 45, 48, 50]
    assert [p.votes for p in parts] == [60, 30, 6, 4, 100]


@pytest.mark.parametrize("of", BASES)
def test_breakdown_of_2022_matches_share_of(of):
    parts = {p.name: p for p in breakdown(R, of)}
    assert sum(p.fraction for p in parts.values()) == 1
    assert parts["did_not_vote"].start + parts["did_not_vote"].fraction == 1
    for option in ("yes", "no"):
        assert parts[option].fraction == share_of(R, option, of=of).fraction
    assert as_percent(parts["yes"].fraction) == {"participants": "77.18%", "registered": "52.52%",
                                                 "valid_yes_no": "80.53%"}[of]


def test_breakdown_rejects_an_unknown_base():
    with pytest.raises(ValueError, match="of must be one of participants, registered, "
                                         "valid_yes_no, got 'population'"):
        breakdown(R, "population")


# ------------------------------------------------------------------ adoption rules (issue 13)


def test_check_adoption_2022_reproduces_the_official_result():
    c = referendum.check_adoption(68.05, 77.18, regions_with_yes_majority=17)
    assert c.adopted and [t.name for t in c.tests] == ["turnout", "regions"]
    assert c.tests[1].needed == "at least 12"


@pytest.mark.parametrize(("turnout", "valid"), [(50, False), (50.01, True), (49.99, False)])
def test_turnout_must_be_more_than_half(turnout, valid):
    c = referendum.check_adoption(turnout, 60, regions_with_yes_majority=12)
    assert c.tests[0].passed is valid


@pytest.mark.parametrize(("total", "regions", "ok"),
                         [(17, 11, False), (17, 12, True), (20, 13, False), (20, 14, True)])
def test_regional_test_rounds_two_thirds_up(total, regions, ok):
    c = referendum.check_adoption(60, 60, regions_with_yes_majority=regions, regions_total=total)
    assert c.tests[1].passed is ok


@pytest.mark.parametrize(("yes", "ok"), [(50, False), (50.01, True)])
def test_2026_rule_needs_a_national_majority(yes, ok):
    c = referendum.check_adoption(73.12, yes, rule="2026")
    assert c.tests[1].name == "yes" and c.adopted is ok


def test_yes_of_registered_is_turnout_times_yes():
    c = referendum.check_adoption(60, 51, rule="2026")
    assert c.yes_of_registered == Fraction(60, 100) * Fraction(51, 100)


@pytest.mark.parametrize(("kwargs", "error", "words"), [
    ({"turnout_pct": 101, "yes_pct": 50, "regions_with_yes_majority": 3}, ValueError,
     "turnout_pct"),
    ({"turnout_pct": "60", "yes_pct": 50, "regions_with_yes_majority": 3}, TypeError,
     "turnout_pct"),
    ({"turnout_pct": 60, "yes_pct": float("nan"), "regions_with_yes_majority": 3}, ValueError,
     "yes_pct"),
    ({"turnout_pct": 60, "yes_pct": 50}, ValueError, "regions_with_yes_majority"),
    ({"turnout_pct": 60, "yes_pct": 60, "regions_with_yes_majority": 18}, ValueError,
     "must not exceed"),
    ({"turnout_pct": 60, "yes_pct": 40, "regions_with_yes_majority": 17}, ValueError,
     "every region"),
    ({"turnout_pct": 60, "yes_pct": 60, "regions_with_yes_majority": 0}, ValueError,
     "no region"),
    ({"turnout_pct": 60, "yes_pct": 60, "rule": "2024"}, ValueError, "rule"),
])
def test_check_adoption_refuses_bad_input(kwargs, error, words):
    with pytest.raises(error, match=words):
        referendum.check_adoption(**kwargs)


def test_adoption_table_has_one_row_per_test():
    table = referendum.adoption_table(referendum.check_adoption(40, 60, rule="2026"))
    assert table.count("\n") == 3 and "| no |" in table
