"""kzlib.mixed: parallel, all-list and compensatory houses, with the 2023 case from kzlib.cases."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlib import mixed, rules
from kzlib.allocation import TieError
from kzlib.cases import (
    district_seats_2023,
    mazhilis_2023,
    mazhilis_2023_designs,
    mazhilis_2023_house,
    mazhilis_election,
)
from kzlib.mixed import (
    DISPUTED,
    INDEPENDENTS,
    MixedResult,
    all_list,
    compare_designs,
    compensatory,
    designs_table,
    majority,
    mixed_house,
    model_districts,
    parallel,
    plurality,
    plurality_winner,
    split_house,
    two_thirds,
)

ELECTION_2023 = mazhilis_election(2023)
VOTES, AGAINST_ALL = ELECTION_2023.votes, ELECTION_2023.against_all
DISTRICTS = {reading: district_seats_2023(reading) for reading in mixed.READINGS}
OFFICIAL_LIST = {"Amanat": 40, "Auyl": 8, "Respublica": 6, "Ak Zhol": 6, "QHP": 5, "JSDP": 4,
                 "Baitaq": 0}


# --------------------------------------------------------------------------- lines


@pytest.mark.parametrize("n, maj, tt", [(98, 50, 66), (107, 54, 72), (99, 50, 66), (1, 1, 1),
                                        (3, 2, 2), (4, 3, 3), (77, 39, 52)])
def test_majority_and_two_thirds_by_hand(n, maj, tt):
    assert majority(n) == maj
    assert two_thirds(n) == tt


@given(st.integers(1, 10_000))
def test_lines_are_the_smallest_counts_above_a_half_and_at_two_thirds(n):
    assert 2 * majority(n) > n >= 2 * (majority(n) - 1)
    assert 3 * two_thirds(n) >= 2 * n > 3 * (two_thirds(n) - 1)


@pytest.mark.parametrize("bad, error", [(0, ValueError), (-5, ValueError), (98.0, TypeError),
                                        (True, TypeError), ("98", TypeError)])
def test_lines_reject_bad_house_sizes(bad, error):
    for func in (majority, two_thirds):
        with pytest.raises(error, match="house_size"):
            func(bad)


# --------------------------------------------------------------------------- split and districts


@pytest.mark.parametrize("share, expected", [
    ("70%", (69, 29)), (Fraction(69, 98), (69, 29)), (0.7, (69, 29)), (0, (0, 98)), (1, (98, 0)),
    (Fraction(10, 77), (13, 85)), ("100%", (98, 0)), ("0%", (0, 98)),
])
def test_split_house(share, expected):
    assert split_house(98, share) == expected


def test_split_house_rounds_half_up():
    assert split_house(2, Fraction(1, 4)) == (1, 1)
    assert split_house(10, "15%") == (2, 8)


@pytest.mark.parametrize("share, message", [
    (1.5, "list_share must be between 0 and 1, got 1.5"),
    (-0.1, "list_share must be between 0 and 1, got -0.1"),
    ("seventy", "list_share must be a share"),
    ("170%", "list_share must be between 0 and 1, got '170%'"),
])
def test_split_house_names_a_bad_share(share, message):
    with pytest.raises(ValueError, match=message):
        split_house(98, share)


def test_plurality_winner_and_ties():
    assert plurality_winner({"Amanat": 40, "Independent A": 35, "Auyl": 25}) == "Amanat"
    assert plurality_winner({"A": 10, "B": 11}) == "B"
    with pytest.raises(TieError, match="tie for first place") as err:
        plurality_winner({"A": 10, "B": 10, "C": 3})
    assert err.value.parties == ("A", "B")
    assert plurality_winner({"A": 10, "B": 10}, tie_break=["B", "A"]) == "B"
    with pytest.raises(ValueError, match=r"votes\['A'\] must be >= 0"):
        plurality_winner({"A": -1, "B": 2})
    with pytest.raises(TypeError, match="votes must be a non-empty mapping"):
        plurality_winner({})


def test_plurality_counts_districts_and_labels():
    districts = [{"Amanat": 5, "Auyl": 3}, {"Amanat": 2, "Kim": 4}, {"Lee": 7, "Amanat": 6}]
    assert plurality(districts) == {"Amanat": 1, "Kim": 1, "Lee": 1}
    labelled = plurality(districts, labels={"Kim": INDEPENDENTS, "Lee": INDEPENDENTS})
    assert labelled == {"Amanat": 1, INDEPENDENTS: 2}
    with pytest.raises(TieError, match="district 2"):
        plurality([{"A": 1}, {"A": 3, "B": 3}])
    with pytest.raises(TypeError, match="districts must be a list"):
        plurality({"A": 1})


@pytest.mark.parametrize("reading", list(mixed.READINGS))
def test_model_with_29_districts_is_the_2023_result(reading):
    assert {p: n for p, n in model_districts(29, reference=DISTRICTS[reading]).items() if n} == \
        DISTRICTS[reading]


def test_district_models_by_hand():
    votes = {"A": 600, "B": 300, "C": 100}
    assert model_districts(10, "list shares", list_votes=votes) == {"A": 6, "B": 3, "C": 1}
    assert model_districts(7, "leader sweeps", list_votes=votes) == {"A": 7, "B": 0, "C": 0}
    assert model_districts(0, "leader sweeps", list_votes=votes) == {"A": 0, "B": 0, "C": 0}
    # 22/29 and 7/29 of 58 districts: exactly double.
    assert model_districts(58, reference={"Amanat": 22, INDEPENDENTS: 7}) == {
        "Amanat": 44, INDEPENDENTS: 14}
    assert model_districts(0, reference={"A": 3, "B": 1}) == {"A": 0, "B": 0}


@pytest.mark.parametrize("call, error, message", [
    (lambda: model_districts(10, "list shares"), ValueError, "list_votes must be given"),
    (lambda: model_districts(10), ValueError, "reference must be given for the district model"),
    (lambda: model_districts(1, reference={"A": -1}), ValueError, r"reference\['A'\] must be >= 0"),
    (lambda: model_districts(10, "coin toss"), ValueError, "model must be one of"),
    (lambda: model_districts(-1), ValueError, "n_districts must be a non-negative integer"),
    (lambda: model_districts(2.5), TypeError, "n_districts must be an integer"),
])
def test_model_districts_names_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 300), model=st.sampled_from(list(mixed.DISTRICT_MODELS)),
       reading=st.sampled_from(list(mixed.READINGS)))
def test_modelled_districts_always_sum_to_the_count(n, model, reading):
    seats = model_districts(n, model, reference=DISTRICTS[reading], list_votes=VOTES)
    assert sum(seats.values()) == n
    assert all(v >= 0 for v in seats.values())


# --------------------------------------------------------------------------- 2023 as it happened


@pytest.mark.parametrize("reading", list(mixed.READINGS))
def test_official_2023_house(reading):
    house = mazhilis_2023(reading)
    assert {p: house.list_seats[p] for p in OFFICIAL_LIST} == OFFICIAL_LIST
    assert house.list_tier == 69 and house.district_tier == 29 and house.house_size == 98
    assert house.total["Amanat"] == 62
    assert house.majority_line == 50 and house.two_thirds_line == 66
    assert house.reaches(50) == ("Amanat",)
    assert house.reaches(66) == ()
    assert house.list_allocation.seats == rules.mazhilis(2023).allocate_list(
        VOTES, against_all=AGAINST_ALL).seats


def test_the_two_readings_differ_by_one_seat_only():
    wiki, guide = mazhilis_2023("wikipedia").total, mazhilis_2023("electionguide").total
    assert wiki[INDEPENDENTS] == 7 and guide[INDEPENDENTS] == 6
    assert wiki["JSDP"] == 4 and guide["JSDP"] == 5
    assert {p for p in wiki if wiki[p] != guide.get(p, 0)} == {"JSDP", INDEPENDENTS}
    disputed = mazhilis_2023("disputed").total
    assert disputed[DISPUTED] == 1 and disputed["JSDP"] == 4 and disputed[INDEPENDENTS] == 6


@pytest.mark.parametrize("reading", list(mixed.READINGS))
def test_default_mixed_house_is_the_2023_result(reading):
    modelled = mazhilis_2023_house(reading=reading)
    actual = mazhilis_2023(reading)
    assert {p: n for p, n in modelled.total.items() if n} == \
        {p: n for p, n in actual.total.items() if n}
    assert "the 2023 result" in modelled.note
    assert mazhilis_2023_house(list_share="70%", reading=reading).total == modelled.total
    by_hand = mixed_house(VOTES, against_all=AGAINST_ALL, reference=DISTRICTS[reading])
    assert by_hand.total == modelled.total
    assert by_hand.note == "District tier: the district result given."


def test_a_modelled_house_says_it_is_an_assumption():
    for model in mixed.DISTRICT_MODELS:
        house = mixed_house(VOTES, reference=DISTRICTS["disputed"], list_share="50%",
                            district_model=model)
        assert "ASSUMPTION" in house.note


# --------------------------------------------------------------------------- parallel and all-list


def test_parallel_by_hand_keeps_tiers_apart():
    r = parallel({"A": 600, "B": 400}, {"A": 3, INDEPENDENTS: 1}, list_seats=5)
    assert r.list_seats == {"A": 3, "B": 2, INDEPENDENTS: 0}
    assert r.district_seats == {"A": 3, "B": 0, INDEPENDENTS: 1}
    assert r.total == {"A": 6, "B": 2, INDEPENDENTS: 1}
    assert r.house_size == 9 and r.system == "parallel"
    # The list tier does not look at the districts.
    other = parallel({"A": 600, "B": 400}, {"B": 4}, list_seats=5)
    assert {p: other.list_seats[p] for p in "AB"} == {"A": 3, "B": 2}


@settings(max_examples=40, deadline=None)
@given(districts=st.dictionaries(st.sampled_from(["Amanat", "Auyl", INDEPENDENTS, DISPUTED]),
                                 st.integers(0, 40), max_size=4))
def test_parallel_list_tier_never_depends_on_the_district_tier(districts):
    r = parallel(VOTES, districts, against_all=AGAINST_ALL)
    assert {p: r.list_seats[p] for p in OFFICIAL_LIST} == OFFICIAL_LIST
    assert r.house_size == 69 + sum(districts.values())


def test_all_list_98_at_5_percent():
    r = all_list(VOTES, against_all=AGAINST_ALL)
    expected = rules.mazhilis(2023).allocate_list(VOTES, against_all=AGAINST_ALL, seats=98).seats
    assert r.total == expected and r.house_size == 98 and r.district_tier == 0
    assert r.system == "all-list"
    assert all_list({"A": 600, "B": 400}, seats=10).total == {"A": 6, "B": 4}


@settings(max_examples=101, deadline=None)
@given(pct=st.integers(0, 100), model=st.sampled_from(list(mixed.DISTRICT_MODELS)),
       reading=st.sampled_from(list(mixed.READINGS)))
def test_parallel_seats_sum_to_the_house_for_every_list_share(pct, model, reading):
    r = mixed_house(VOTES, against_all=AGAINST_ALL, reference=DISTRICTS[reading],
                    list_share=Fraction(pct, 100), district_model=model)
    n_list, n_districts = split_house(98, Fraction(pct, 100))
    assert r.house_size == 98
    assert sum(r.total.values()) == 98
    assert r.list_tier == n_list and r.district_tier == n_districts


# --------------------------------------------------------------------------- compensatory


def test_compensatory_by_hand():
    r = compensatory({"A": 500, "B": 500}, {"A": 4}, house_size=10)
    assert r.list_seats == {"A": 1, "B": 5} and r.total == {"A": 5, "B": 5}
    assert r.added_seats == 0 and r.system == "compensatory"


def test_overhang_rules_by_hand():
    votes, won = {"A": 500, "B": 500}, {"A": 8}
    keep = compensatory(votes, won, house_size=10, overhang="keep")
    assert keep.total == {"A": 8, "B": 5} and keep.house_size == 13 and keep.added_seats == 3
    fixed = compensatory(votes, won, house_size=10, overhang="fixed")
    assert fixed.total == {"A": 8, "B": 2} and fixed.house_size == 10 and fixed.added_seats == 0
    # Levelling steps through 11, 12, ... seats: equal votes tie at odd sizes.
    level = compensatory(votes, won, house_size=10, overhang="level", tie_break=["A", "B"])
    # At 15 seats the tie goes to A (8), which covers its 8 districts.
    assert level.total == {"A": 8, "B": 7} and level.house_size == 15
    assert "Overhang rule" in keep.note


def test_independents_and_the_disputed_seat_are_set_aside():
    r = compensatory({"A": 600, "B": 400}, {"A": 2, INDEPENDENTS: 1, DISPUTED: 1}, house_size=12)
    # 10 seats left for the lists: A 6, B 4.
    assert r.total == {"A": 6, "B": 4, INDEPENDENTS: 1, DISPUTED: 1}
    assert r.house_size == 12


def test_a_district_winner_below_the_threshold_keeps_the_seat():
    r = compensatory({"A": 600, "C": 370, "B": 30}, {"B": 1}, house_size=10, overhang="level")
    assert r.total == {"A": 6, "C": 4, "B": 1} and r.list_seats["B"] == 0
    assert r.house_size == 11  # B cannot be levelled: it has no proportional share


def test_mmp_with_the_2023_districts():
    r = compensatory(VOTES, district_seats_2023("wikipedia"), against_all=AGAINST_ALL)
    expected = rules.mazhilis(2023).allocate_list(VOTES, against_all=AGAINST_ALL, seats=91).seats
    assert {p: r.total[p] for p in VOTES} == expected
    assert r.total[INDEPENDENTS] == 7 and r.house_size == 98
    assert r.list_seats["Amanat"] == expected["Amanat"] - 22


@settings(max_examples=150, deadline=None)
@given(votes=st.lists(st.integers(0, 10_000), min_size=2, max_size=6),
       won=st.lists(st.integers(0, 30), min_size=2, max_size=6),
       independents=st.integers(0, 10),
       house=st.integers(60, 120),
       overhang=st.sampled_from(list(mixed.OVERHANG_RULES)))
def test_mmp_never_gives_a_party_fewer_seats_than_its_district_wins(votes, won, independents,
                                                                    house, overhang):
    parties = [f"P{i}" for i in range(len(votes))]
    list_votes = dict(zip(parties, votes, strict=True))
    if not any(votes):
        list_votes["P0"] = 1
    # `won` is drawn independently: parties past its end win no district, extra wins are dropped
    districts = dict(zip(parties, won, strict=False))
    districts[INDEPENDENTS] = independents
    if sum(districts.values()) > house:
        return
    r = compensatory(list_votes, districts, house_size=house, overhang=overhang,
                     tie_break=parties, rules=_no_one_party_rule())
    for party, seats in districts.items():
        assert r.total[party] >= seats
        assert r.district_seats[party] == seats
    assert r.house_size == sum(r.total.values())
    if overhang == "fixed":
        assert r.house_size == house
    else:
        assert r.house_size >= house and r.added_seats == r.house_size - house


def _no_one_party_rule():
    return rules.mazhilis(2023, one_party_rule=False)


@settings(max_examples=101, deadline=None)
@given(pct=st.integers(0, 100), model=st.sampled_from(list(mixed.DISTRICT_MODELS)),
       overhang=st.sampled_from(list(mixed.OVERHANG_RULES)))
def test_mmp_house_for_every_list_share(pct, model, overhang):
    r = mixed_house(VOTES, against_all=AGAINST_ALL, reference=DISTRICTS["disputed"],
                    list_share=Fraction(pct, 100), system="compensatory", district_model=model,
                    overhang=overhang)
    assert sum(r.total.values()) == r.house_size >= 98
    for party, seats in r.district_seats.items():
        assert r.total[party] >= seats
    if overhang == "fixed":
        assert r.house_size == 98


@pytest.mark.parametrize("call, error, message", [
    (lambda: compensatory(VOTES, {"Amanat": 99}), ValueError,
     "district_seats must not exceed house_size"),
    (lambda: compensatory(VOTES, {}, overhang="grow"), ValueError, "overhang must be one of"),
    (lambda: compensatory(VOTES, {"Amanat": -1}), ValueError,
     r"district_seats\['Amanat'\] must be >= 0"),
    (lambda: compensatory(VOTES, {"Amanat": 2.5}), TypeError,
     r"district_seats\['Amanat'\] must be an integer"),
    (lambda: compensatory([1, 2], {}), TypeError, "list_votes must be a mapping"),
    (lambda: parallel(VOTES, [("A", 1)]), TypeError, "district_seats must be a mapping"),
    (lambda: parallel(VOTES, {}, list_seats=-3), ValueError,
     "list_seats must be a non-negative integer"),
    (lambda: parallel(VOTES, {}, rules="2023"), TypeError, "rules must be a kzlib.rules.RuleSet"),
    (lambda: all_list(VOTES, seats=0), ValueError, "seats must be a positive integer"),
    (lambda: mixed_house(VOTES, system="mixed"), ValueError, "system must be one of"),
    (lambda: mixed_house(VOTES, district_model="guess"), ValueError,
     "district_model must be one of"),
    (lambda: mixed_house(VOTES, list_share=1.2), ValueError,
     "list_share must be between 0 and 1, got 1.2"),
    (lambda: mixed_house(VOTES, house_size=0), ValueError, "house_size must be a positive integer"),
])
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


# --------------------------------------------------------------------------- results and designs


def test_mixed_result_checks_its_house_size():
    message = r"house_size must equal list \+ district seats \(5\), got 6"
    with pytest.raises(ValueError, match=message):
        MixedResult("x", {"A": 3}, {"A": 2}, 6)


def test_independents_never_reach_a_line():
    r = MixedResult("x", {"A": 30}, {INDEPENDENTS: 60, DISPUTED: 8}, 98)
    assert r.reaches(50) == () and r.largest_party == "A"
    assert r.summary()["majority_reached_by"] == "nobody"


def test_table_lists_both_tiers():
    t = mazhilis_2023("disputed").table()
    assert list(t.columns) == ["party", "list_seats", "district_seats", "total"]
    assert t.total.sum() == 98 and t.list_seats.sum() == 69 and t.district_seats.sum() == 29
    assert t.set_index("party").loc[DISPUTED, "total"] == 1


def test_compare_designs():
    designs = mazhilis_2023_designs()
    assert [r.design for r in designs] == list(mixed.DESIGNS)
    assert [r.house_size for r in designs] == [98, 98, 98, 98]
    tiers = [(r.list_tier, r.district_tier) for r in designs]
    assert tiers == [(69, 29), (98, 0), (13, 85), (69, 29)]
    actual, every_list, style_2004, mmp = designs
    assert actual.total["Amanat"] == 62
    assert every_list.total == all_list(VOTES, against_all=AGAINST_ALL).total
    assert style_2004.district_seats == {
        **dict.fromkeys(style_2004.parties, 0),
        **model_districts(85, reference=DISTRICTS["disputed"])}
    assert mmp.total["Amanat"] < actual.total["Amanat"]
    table = designs_table(designs)
    assert list(table.majority_line) == [50] * 4 and list(table.two_thirds_line) == [66] * 4
    assert list(table.majority_reached_by) == ["Amanat"] * 4
    with pytest.raises(TypeError, match="results must be a list of MixedResult"):
        designs_table([1])
    by_hand = compare_designs(VOTES, DISTRICTS["disputed"], against_all=AGAINST_ALL)
    assert [r.total for r in by_hand] == [r.total for r in designs]


def test_a_modelled_district_tier_never_multiplies_the_disputed_seat():
    # The dispute is about who won one real seat; scaling it to 3 'Disputed' seats in an
    # 85-district model would be meaningless, so it is counted with the independents.
    style_2004 = mazhilis_2023_designs()[2]
    assert DISPUTED not in style_2004.total
    assert style_2004.district_seats[INDEPENDENTS] == 21
    assert style_2004.district_seats["Amanat"] == 64
    # The real tier of 29 keeps the seat apart.
    assert model_districts(29, reference=DISTRICTS["disputed"])[DISPUTED] == 1
