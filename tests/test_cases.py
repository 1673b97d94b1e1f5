"""kzlib.cases: the real elections read from data/, and the 2023 cases run through the models."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kzlib import cases, mixed, rules
from kzlib.cases import MAZHILIS_LIST_YEARS, MAZHILIS_YEARS, Election

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
KZLIB = Path(__file__).resolve().parent.parent / "kzlib"


# ------------------------------------------------------------------ Mazhilis


def test_mazhilis_years():
    assert MAZHILIS_LIST_YEARS == (2007, 2012, 2016, 2021, 2023)
    assert MAZHILIS_YEARS == (2007, 2021, 2023)  # the comparisons of 06 and 10


def test_mazhilis_election_fields():
    e = cases.mazhilis_election(2021)
    assert (e.name, e.year, e.list_seats, e.against_all, e.ballots) == (
        "Mazhilis 2021", 2021, 98, 0, 7539280)
    assert e.parties == ("Nur Otan", "Ak Zhol", "QHP", "Auyl", "Adal")
    assert e.rules == rules.mazhilis(2021)
    e07 = cases.mazhilis_election(2007)
    assert e07.ballots == 6082430 and "blank" in e07.ballots_note
    e23 = cases.mazhilis_election(2023)
    assert (e23.list_seats, e23.against_all, e23.ballots) == (69, 248291, 6521860)
    assert e23.votes["Amanat"] == 3_431_510 and e23.official_seats["JSDP"] == 4
    assert e23.rules == rules.mazhilis(2023)
    e16, e12 = cases.mazhilis_election(2016), cases.mazhilis_election(2012)
    assert (e16.list_seats, e16.against_all, e16.ballots) == (98, 0, 7566150)
    assert "ballots cast" in e16.ballots_note
    assert (e12.list_seats, e12.against_all, e12.ballots) == (98, 0, None)
    assert e12.rules == rules.mazhilis(2012) and e12.rules.one_party_rule


def test_an_election_is_a_frozen_value():
    e = cases.mazhilis_election(2023)
    with pytest.raises(AttributeError):
        e.against_all = 0  # type: ignore[misc]
    assert Election("pasted", {"A": 1}).official_seats is None


@pytest.mark.parametrize("year", [2004, 2022, "2021", True])
def test_mazhilis_election_rejects_other_years(year):
    valid = "2007, 2012, 2016, 2021 or 2023"
    with pytest.raises(ValueError, match=f"year must be {valid}, got {year!r}"):
        cases.mazhilis_election(year)


# ------------------------------------------------------------------ maslikhats


def test_maslikhat_councils():
    assert cases.maslikhat_councils() == ("Astana city", "Almaty city")


def test_maslikhat_election_fields():
    e = cases.maslikhat_election("Almaty city")
    assert (e.name, e.year, e.list_seats, e.against_all) == (
        "Almaty city maslikhat 2023", 2023, 21, 16_490)
    assert e.ballots is None and e.rules == rules.maslikhat(2023, "regional")
    assert list(e.votes) == list(e.official_seats)


def test_maslikhat_election_unknown_council():
    message = "council must be one of 'Astana city', 'Almaty city', got 'Shymkent city'"
    with pytest.raises(ValueError, match=message):
        cases.maslikhat_election("Shymkent city")


def test_official_cases_are_the_mazhilis_then_the_councils():
    names = [e.name for e in cases.official_cases()]
    assert names == ["Mazhilis 2007", "Mazhilis 2021", "Mazhilis 2023",
                     "Astana city maslikhat 2023", "Almaty city maslikhat 2023"]


def test_cases_read_another_data_folder(tmp_path):
    for name in ("mazhilis_list_results", "turnout", "maslikhat_2023_list_results"):
        shutil.copy(DATA_DIR / f"{name}.csv", tmp_path)
    csv = tmp_path / "mazhilis_list_results.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("3431510", "3431511"), encoding="utf-8")
    assert cases.mazhilis_election(2023, tmp_path).votes["Amanat"] == 3_431_511
    assert cases.mazhilis_election(2023).votes["Amanat"] == 3_431_510
    assert len(cases.official_cases(tmp_path)) == 5


# ------------------------------------------------------------------ 2023 through the models


@pytest.mark.parametrize("reading, expected", [
    ("wikipedia", {"Amanat": 22, "Independents": 7}),
    ("electionguide", {"Amanat": 22, "JSDP": 1, "Independents": 6}),
    ("disputed", {"Amanat": 22, "Independents": 6, "Disputed": 1}),
])
def test_district_seats_2023(reading, expected):
    assert cases.district_seats_2023(reading) == expected


def test_district_seats_2023_rejects_an_unknown_reading():
    with pytest.raises(ValueError, match="reading must be one of .*, got 'official'"):
        cases.district_seats_2023("official")


def test_mazhilis_count_is_the_hand_count_of_the_case():
    count = cases.mazhilis_count(2023)
    assert count.seats == cases.mazhilis_election(2023).official_seats
    with pytest.raises(ValueError, match="year must be 2007, 2012, 2016, 2021 or 2023"):
        cases.mazhilis_count(2022)


@pytest.mark.parametrize("reading", list(mixed.READINGS))
def test_mazhilis_2023_is_the_parallel_model_with_the_case(reading):
    e = cases.mazhilis_election(2023)
    house = cases.mazhilis_2023(reading)
    assert {p: house.list_seats[p] for p in e.votes} == e.official_seats
    assert house.house_size == 98
    districts = {p: n for p, n in house.district_seats.items() if n}
    assert districts == cases.district_seats_2023(reading)
    assert reading == "disputed" or mixed.READINGS[reading] in house.note


@pytest.mark.parametrize("reading", list(mixed.READINGS))
def test_mazhilis_2023_house_defaults_to_the_2023_result(reading):
    modelled = cases.mazhilis_2023_house(reading=reading)
    assert modelled.total == cases.mazhilis_2023(reading).total
    assert modelled.note == f"District tier: the 2023 result ({mixed.READINGS[reading]})."
    assert "ASSUMPTION" in cases.mazhilis_2023_house(list_share="50%", reading=reading).note


def test_mazhilis_2023_house_names_a_bad_reading():
    with pytest.raises(ValueError, match="reading must be one of"):
        cases.mazhilis_2023_house(reading="rumour")


def test_mazhilis_2023_designs_start_with_the_real_house():
    designs = cases.mazhilis_2023_designs("wikipedia")
    assert designs[0] == cases.mazhilis_2023("wikipedia")
    assert [d.design for d in designs] == list(mixed.DESIGNS)


def test_chamber_rows():
    assert {r["component"] for r in cases.chamber_rows("Mazhilis")} >= {"party_list"}
    with pytest.raises(ValueError, match="chamber must be 'Mazhilis' or 'Senate', got 'Kurultai'"):
        cases.chamber_rows("Kurultai")


# ------------------------------------------------------------------ maslikhat list tiers


@pytest.mark.parametrize("council, official", [
    ("Astana city",
     {"Amanat": 12, "Ak Zhol": 3, "QHP": 1, "Baitaq": 1, "Respublica": 0, "Auyl": 0}),
    ("Almaty city",
     {"Amanat": 12, "QHP": 3, "Respublica": 3, "Baitaq": 2, "Ak Zhol": 1, "Auyl": 0}),
])
def test_maslikhat_defaults_reproduce_the_official_seats(council, official):
    assert cases.maslikhat_list_tier(council).seats == official
    assert cases.maslikhat_election(council).official_seats == official


def test_maslikhat_options():
    assert cases.maslikhat_list_tier("Almaty city", method="d'hondt").seats["Amanat"] == 13
    assert cases.maslikhat_list_tier("Astana city", threshold="7%").seats == {
        "Amanat": 14, "Ak Zhol": 3, "QHP": 0, "Baitaq": 0, "Respublica": 0, "Auyl": 0}
    assert cases.maslikhat_list_tier("Astana city", seats=34).house_size == 34
    # QHP has 5.50% of votes + 'against all' but more of the party votes alone.
    with_aa = cases.maslikhat_list_tier("Astana city", threshold="5.5%")
    without = cases.maslikhat_list_tier("Astana city", threshold="5.5%", base="votes")
    assert "QHP" in without.eligible and with_aa.base_total > without.base_total


@pytest.mark.parametrize("kwargs, message", [
    ({"council": "Shymkent city"}, "council must be one of 'Astana city', 'Almaty city'"),
    ({"council": "Astana city", "base": "ballots"}, "base must be one of"),
    ({"council": "Astana city", "method": "lottery"}, "method must be one of"),
    ({"council": "Astana city", "threshold": 5}, "threshold must be a share in"),
    ({"council": "Astana city", "seats": 0}, "seats must be a positive integer"),
])
def test_maslikhat_bad_input_names_the_argument(kwargs, message):
    council = kwargs.pop("council")
    with pytest.raises(ValueError, match=message):
        cases.maslikhat_list_tier(council, **kwargs)


def test_maslikhat_levels_add_up():
    t = cases.maslikhat_levels_table().set_index("level")
    regional, lower, everything = t.iloc[0], t.iloc[1], t.iloc[2]
    assert regional.councils + lower.councils == everything.councils == 223
    assert regional.seats + lower.seats == everything.seats == 3415
    assert regional.list_seats == everything.list_seats == 334
    assert regional.single_member_seats + lower.single_member_seats == 3081
    assert "DERIVED" in regional.status


# ------------------------------------------------------------------ only cases reads the results


def test_the_models_never_import_kzlib_data():
    models = [KZLIB / "mixed.py", KZLIB / "counting.py", *sorted((KZLIB / "compare").glob("*.py"))]
    for path in models:
        assert "kzlib.data" not in path.read_text(encoding="utf-8"), path.name


def test_import_kzlib_cases_does_not_import_pandas():
    code = "import sys, kzlib.cases; sys.exit('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
