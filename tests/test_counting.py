"""kzlib.counting: article 97-1 step by step, methods side by side, house-size paradoxes."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kzlib import Threshold, TieError, indices
from kzlib.allocation import DIVISOR_METHODS, allocate
from kzlib.cases import Election, mazhilis_count, mazhilis_election, official_cases
from kzlib.counting import (
    METHOD_LABELS,
    METHOD_ORDER,
    HandCount,
    Paradox,
    article_97_1_steps,
    compare_methods,
    count_seats,
    house_size_paradoxes,
    methods_vs_official,
)


def mazhilis_votes(year: int) -> tuple[dict[str, int], int]:
    e = mazhilis_election(year)
    return e.votes, e.against_all


def official_list_seats(year: int) -> dict[str, int]:
    return mazhilis_election(year).official_seats

TEXTBOOK = {"A": 6, "B": 6, "C": 2}  # the classic Alabama-paradox example: 10 -> 11 seats


# --------------------------------------------------------------------------- by hand


def test_small_count_can_be_checked_by_hand():
    # 1,000 votes, 4 seats: quota 250; quotients 2.48, 1.16, 0.36; integer parts 2, 1, 0;
    # one seat left, largest remainder A (0.48) -> A 3, B 1, C 0.
    count = article_97_1_steps({"A": 620, "B": 290, "C": 90}, 4, "5%")
    assert isinstance(count, HandCount) and len(count) == 5
    assert [s.number for s in count] == [1, 2, 3, 4, 5]
    F = Fraction
    assert count[0].values == {"A": F(62, 100), "B": F(29, 100), "C": F(9, 100)}
    assert count[1].headline == count.quota == 250
    assert count[2].values == {"A": F(248, 100), "B": F(116, 100), "C": F(36, 100)}
    assert count[2].headline == 4
    assert count[3].values == {"A": 2, "B": 1, "C": 0} and count[3].headline == 3
    assert count[4].values == {"A": F(48, 100), "B": F(16, 100), "C": F(36, 100)}
    assert count[4].headline == 1
    assert count.seats == {"A": 3, "B": 1, "C": 0}
    assert count.remainder_ranks() == {"A": 1, "C": 2, "B": 3}
    assert "quota of 250 votes per seat" in count[1].summary
    assert count[4].summary == (
        "The 1 seat left goes to the largest remainder: A (0.48); next in line was C (0.36)."
    )


def test_lists_below_the_threshold_take_no_part():
    # Base 1,000 (900 party votes + 100 'against all'); 5% = 50 votes: C (40) is out.
    votes = {"A": 560, "B": 300, "C": 40}
    count = article_97_1_steps(votes, 5, "5%", against_all=100)
    assert count[0].values["C"] == Fraction(40, 1000)
    assert count[0].headline == 1000
    assert count.allocation.eligible == ("A", "B")
    assert count.quota == Fraction(860, 5)
    assert set(count[2].values) == {"A", "B"}
    assert "below the threshold: C" in count[0].summary
    table = count.table()
    row = table.set_index("party").loc["C"]
    assert not row.passes and math.isnan(row.quotient) and row.seats == 0
    assert table.integer_part.isna().tolist() == [False, False, True]
    # On the base "votes" C has 40/900 = 4.4%: still out; at 4% it passes.
    assert article_97_1_steps(votes, 5, "4%", base="votes").allocation.eligible == ("A", "B", "C")


def test_no_threshold_and_no_seat_left():
    count = article_97_1_steps({"A": 300, "B": 100}, 4, None)
    assert count[0].summary == "No threshold: all 2 lists take part."
    assert count[3].headline == 4
    assert count[4].summary == "No seat is left: the remainders decide nothing."
    assert count.allocation.remainder_seats == ()


def test_summary_table_has_one_row_per_step():
    summary = mazhilis_count(2023).summary()
    assert summary.step.tolist() == [1, 2, 3, 4, 5]
    assert list(summary.columns) == ["step", "title", "rule", "result"]


# --------------------------------------------------------------------------- official results


def test_2023_is_reproduced_step_by_step():
    count = mazhilis_count(2023)
    votes, against_all = mazhilis_votes(2023)
    admitted = sum(v for p, v in votes.items() if p != "Baitaq")
    assert count[0].headline == sum(votes.values()) + against_all == 6_366_441
    assert count.allocation.eligible == ("Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "JSDP")
    assert count.quota == Fraction(admitted, 69) == Fraction(5_971_719, 69)
    assert f"{float(count.quota):,.2f}" == "86,546.65"
    assert "a quota of 86,546.65 votes per seat" in count[1].summary
    assert count[3].values == {
        "Amanat": 39, "Auyl": 8, "Respublica": 6, "Ak Zhol": 6, "QHP": 5, "JSDP": 3,
    }
    assert count[3].headline == 67
    assert count.allocation.remainder_seats == ("JSDP", "Amanat")
    assert count.remainder_ranks()["JSDP"] == 1 and count.remainder_ranks()["Amanat"] == 2
    assert count.seats == {
        "Amanat": 40, "Auyl": 8, "Respublica": 6, "Ak Zhol": 6, "QHP": 5, "JSDP": 4, "Baitaq": 0,
    }
    official = official_list_seats(2023)
    table = count.table(official)
    assert table.match.all()
    assert table.set_index("party").loc["JSDP", "remainder"] == pytest.approx(0.8252, abs=1e-4)
    assert "JSDP (0.83), Amanat (0.65)" in count[4].summary


def test_2021_is_reproduced_step_by_step():
    count = mazhilis_count(2021)
    assert count.quota == Fraction(5_148_074 + 792_828 + 659_019, 98)
    assert count[3].values == {"Nur Otan": 76, "Ak Zhol": 11, "QHP": 9}
    assert count.allocation.remainder_seats == ("QHP", "Ak Zhol")
    assert {p: s for p, s in count.seats.items() if s} == {"Nur Otan": 76, "Ak Zhol": 12, "QHP": 10}
    assert count.table(official_list_seats(2021)).match.all()


def test_2007_one_list_takes_every_seat():
    count = mazhilis_count(2007)
    assert count.seats["Nur Otan"] == 98
    assert "Only one list passes" in count[0].summary


def test_every_official_case_is_reproduced_by_hare():
    cases = official_cases()
    assert [c.name for c in cases][:3] == ["Mazhilis 2007", "Mazhilis 2021", "Mazhilis 2023"]
    assert len(cases) == 5
    for case in cases:
        count = article_97_1_steps(case.votes, case.list_seats, case.rules.threshold,
                                   case.against_all)
        assert count.table(case.official_seats).match.all(), case.name


def test_methods_vs_official_matches_the_fact_sheet():
    table = methods_vs_official(official_cases()).set_index("case")
    assert (table["hare"] == "same").all()
    assert (table["sainte-lague"] == "same").all()  # Sainte-Laguë happens to agree everywhere
    assert table.loc["Mazhilis 2023", "dhondt"] == "Amanat 41 (40), JSDP 3 (4)"
    assert table.loc["Mazhilis 2021", "dhondt"] == "Nur Otan 77 (76), QHP 9 (10)"
    assert table.loc["Almaty city maslikhat 2023", "dhondt"] == "Amanat 13 (12), Baitaq 1 (2)"


def test_methods_vs_official_takes_any_election_with_rules_and_official_seats():
    e = mazhilis_election(2021)
    table = methods_vs_official([e], ["hare", "dhondt"])
    assert table.to_dict("records") == [
        {"case": "Mazhilis 2021", "seats": 98, "hare": "same",
         "dhondt": "Nur Otan 77 (76), QHP 9 (10)"},
    ]
    pasted = Election("pasted", {"A": 10, "B": 5}, list_seats=3)
    with pytest.raises(ValueError, match="rules, list_seats and official_seats, got 'pasted'"):
        methods_vs_official([pasted])


# --------------------------------------------------------------------------- ties


def test_tie_raises_unless_an_order_is_given():
    votes = {"A": 250, "B": 250, "C": 500}  # quota 500: A 0.5, B 0.5, C 1 -> one seat, A = B
    with pytest.raises(TieError, match="pass tie_break") as err:
        article_97_1_steps(votes, 2, None)
    assert err.value.parties == ("A", "B")
    count = article_97_1_steps(votes, 2, None, tie_break=["B", "A", "C"])
    assert count.seats == {"A": 0, "B": 1, "C": 1}
    assert "A and B had equal remainders" in count[4].summary
    assert count.remainder_ranks() == {"A": 1, "B": 1, "C": 2}


# --------------------------------------------------------------------------- methods side by side


def test_compare_methods_2023():
    votes, against_all = mazhilis_votes(2023)
    table = compare_methods(votes, 69, "5%", against_all).set_index("method")
    assert table.index.tolist() == list(METHOD_ORDER)
    assert list(table.columns) == ["label", "family", *votes, "gallagher", "enp_seats"]
    assert table.loc["dhondt", "Amanat"] == 41 and table.loc["dhondt", "JSDP"] == 3
    for method in ("hare", "droop", "sainte-lague", "modified-sainte-lague"):
        assert (table.loc[method, "Amanat"], table.loc[method, "JSDP"]) == (40, 4)
    assert table.loc["hare", "label"] == METHOD_LABELS["hare"]
    assert table.loc["dhondt", "family"] == "divisor"
    rule = Threshold("5%", "votes_and_against_all")
    hare = allocate(votes, 69, "hare", rule, against_all=against_all)
    assert table.loc["hare", "gallagher"] == round(indices.gallagher(votes, hare.seats), 3)
    winners = {p: s for p, s in hare.seats.items() if s}
    assert table.loc["hare", "enp_seats"] == round(indices.effective_number_of_parties(winners), 3)
    assert table.loc["dhondt", "gallagher"] > table.loc["hare", "gallagher"]


def test_2021_at_5_percent_separates_sainte_lague_from_hare():
    votes, _ = mazhilis_votes(2021)
    table = compare_methods(votes, 98, "5%").set_index("method")
    cols = ["Nur Otan", "Ak Zhol", "QHP", "Auyl"]
    assert table.loc["hare", cols].tolist() == [72, 11, 9, 6]
    assert table.loc["sainte-lague", cols].tolist() == [73, 11, 9, 5]
    official = compare_methods(votes, 98, "7%").set_index("method")
    assert official.loc["sainte-lague", cols].tolist() == official.loc["hare", cols].tolist()


def test_compare_methods_options():
    methods = ["D'Hondt", "hamilton", "dhondt"]
    table = compare_methods({"A": 55, "B": 32, "C": 13}, 5, methods=methods)
    assert table.method.tolist() == ["dhondt", "hare"]  # aliases resolved, duplicates dropped
    assert table.set_index("method").loc["hare", ["A", "B", "C"]].tolist() == [3, 1, 1]
    with pytest.raises(TypeError, match="methods must be a list"):
        compare_methods({"A": 1}, 1, methods="hare")
    with pytest.raises(ValueError, match="methods must name at least one"):
        compare_methods({"A": 1}, 1, methods=[])
    with pytest.raises(ValueError, match="method must be one of"):
        compare_methods({"A": 1}, 1, methods=["borda"])


def test_droop_with_a_single_list_gives_it_every_seat():
    # allocate() reports a 'tie' among one party here; counting works around it.
    table = compare_methods({"A": 900, "B": 50}, 10, "10%").set_index("method")
    assert (table["A"] == 10).all() and (table["B"] == 0).all()
    assert count_seats({"A": 900, "B": 50}, 10, "droop", "10%").seats == {"A": 10, "B": 0}


# --------------------------------------------------------------------------- one method, one size


def test_count_seats_compares_with_one_seat_fewer():
    hare = count_seats(TEXTBOOK, 11)
    assert hare.seats == {"A": 5, "B": 5, "C": 1}
    assert hare.previous.seats == {"A": 4, "B": 4, "C": 2}
    assert hare.lost == ("C",) and hare.house_size == 11
    assert count_seats(TEXTBOOK, 10).lost == ()
    first = count_seats(TEXTBOOK, 1, "dhondt", tie_break=["A", "B", "C"])
    assert first.previous is None and first.lost == () and first.seats == {"A": 1, "B": 0, "C": 0}
    assert first.enp_seats == 1.0
    assert hare.gallagher == indices.gallagher(TEXTBOOK, hare.seats)


# --------------------------------------------------------------------------- paradoxes


def test_textbook_alabama_paradox():
    assert house_size_paradoxes(TEXTBOOK, "hare", [10]) == [
        Paradox(seats=10, party="C", party_seats=2, party_seats_next=1)
    ]
    found = house_size_paradoxes(TEXTBOOK, "hare", range(1, 30), tie_break=["A", "B", "C"])
    assert [(p.seats, p.party) for p in found] == [(3, "C"), (10, "C"), (17, "C"), (24, "C")]
    for method in sorted(DIVISOR_METHODS):
        assert house_size_paradoxes(TEXTBOOK, method, range(1, 30), tie_break=["A", "B", "C"]) == []


def test_2023_votes_show_the_paradox_under_hare_only():
    votes, against_all = mazhilis_votes(2023)
    found = house_size_paradoxes(votes, "hare", range(1, 151), "5%", against_all)
    assert found[0] == Paradox(65, "JSDP", 4, 3)
    assert (98, "JSDP") in [(p.seats, p.party) for p in found]
    assert all(p.party_seats_next == p.party_seats - 1 for p in found)
    for method in sorted(DIVISOR_METHODS):
        assert house_size_paradoxes(votes, method, range(1, 151), "5%", against_all) == []


def test_paradox_input_is_checked():
    with pytest.raises(ValueError, match="seats_range must contain at least one"):
        house_size_paradoxes(TEXTBOOK, "hare", range(5, 5))
    with pytest.raises(ValueError, match="seats_range must hold house sizes of 1 or more, got 0"):
        house_size_paradoxes(TEXTBOOK, "hare", [0, 1])
    with pytest.raises(TypeError, match="seats_range must hold whole numbers, got 2.5"):
        house_size_paradoxes(TEXTBOOK, "hare", [2.5])
    with pytest.raises(TypeError, match="seats_range must be a range or list"):
        house_size_paradoxes(TEXTBOOK, "hare", "10")
    with pytest.raises(ValueError, match="method must be one of"):
        house_size_paradoxes(TEXTBOOK, "alabama", [10])
    with pytest.raises(TieError):
        house_size_paradoxes(TEXTBOOK, "hare", [1])


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"votes": [1, 2]}, TypeError, "votes must be a mapping"),
        ({"votes": {"A": -1}}, ValueError, r"votes\['A'\] must be >= 0"),
        ({"seats": 0}, ValueError, "seats must be a positive integer, got 0"),
        ({"threshold": 5}, ValueError, "threshold must be a share in \\[0, 1\\), got 5"),
        ({"base": "turnout"}, ValueError, "base must be one of .*, got 'turnout'"),
        ({"threshold": Threshold("5%", "votes"), "base": "ballots"}, ValueError, "base must match"),
        ({"against_all": -3}, ValueError, "against_all must be >= 0, got -3"),
        ({"base": "ballots"}, ValueError, "ballots must be given"),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, message):
    args = {"votes": {"A": 60, "B": 40}, "seats": 5, "threshold": "5%", **kwargs}
    with pytest.raises(error, match=message):
        article_97_1_steps(**args)
    with pytest.raises(error, match=message):
        compare_methods(**args)
    with pytest.raises(error, match=message):
        count_seats(method="hare", **args)


# --------------------------------------------------------------------------- properties

NAMES = ["Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "JSDP", "Baitaq"]
votes_st = (
    st.lists(st.integers(min_value=0, max_value=3_000_000), min_size=2, max_size=len(NAMES))
    .filter(lambda vs: sum(1 for v in vs if v) >= 2)
    # fewer vote counts than names is intended: the first len(vs) parties stand
    .map(lambda vs: dict(zip(NAMES, vs, strict=False)))
)
PROPS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


@PROPS
@given(votes_st, st.integers(min_value=1, max_value=120), st.sampled_from(sorted(DIVISOR_METHODS)),
       st.sampled_from([None, "3%", "5%", "7%"]))
def test_divisor_methods_never_show_the_alabama_paradox(votes, start, method, threshold):
    try:
        found = house_size_paradoxes(
            votes, method, range(start, start + 15), threshold, tie_break=NAMES
        )
    except ValueError as err:  # a threshold may leave nobody with votes
        assume("no party" not in str(err))
        raise
    assert found == []


@PROPS
@given(votes_st, st.integers(min_value=1, max_value=150), st.sampled_from([None, "5%", "7%"]))
def test_hand_count_adds_up(votes, seats, threshold):
    try:
        count = article_97_1_steps(votes, seats, threshold, tie_break=NAMES)
    except ValueError as err:
        assume("no party" not in str(err))
        raise
    quotients, automatic, remainders = count[2].values, count[3].values, count[4].values
    assert count[2].headline == seats  # the quotients add up to the seats, exactly
    assert all(automatic[p] == math.floor(q) for p, q in quotients.items())
    assert all(remainders[p] == q - automatic[p] for p, q in quotients.items())
    chosen = count.allocation.remainder_seats
    assert len(chosen) == seats - count[3].headline == count[4].headline
    others = [r for p, r in remainders.items() if p not in chosen]
    assert all(remainders[p] >= max(others, default=0) for p in chosen)
    assert sum(count.seats.values()) == seats


# --------------------------------------------------------------------------- election night

from kzlib.counting import (  # noqa: E402
    POPULATION_EXAMPLE,
    TEXTBOOK_VOTES,
    PopulationParadox,
    effective_threshold,
    population_paradoxes,
    threshold_effect,
    threshold_yardsticks,
)


def test_the_tie_free_textbook_example_shows_the_alabama_paradox_under_hare_only():
    assert count_seats(TEXTBOOK_VOTES, 10).allocation.seats == {"A": 5, "B": 4, "C": 1}
    assert count_seats(TEXTBOOK_VOTES, 11).lost == ("C",)
    assert count_seats(TEXTBOOK_VOTES, 11, "sainte-lague").seats == {"A": 6, "B": 4, "C": 1}
    for method in METHOD_ORDER:  # no registration order needed anywhere the notebook looks
        for seats in range(1, 151):
            allocate(TEXTBOOK_VOTES, seats, method)


def test_population_paradox_example():
    before, after = POPULATION_EXAMPLE
    assert all(after[p] > before[p] for p in before)  # every list gains votes
    found = population_paradoxes(before, after, 10)
    assert found == [
        PopulationParadox("B", "C", Fraction(1300, 359), Fraction(300, 151), (4, 3), (1, 2))
    ]
    for method in sorted(DIVISOR_METHODS) + ["droop"]:
        assert population_paradoxes(before, after, 10, method) == []
    for method in METHOD_ORDER:  # the example needs no tie rule
        allocate(before, 10, method)
        allocate(after, 10, method)


def test_population_paradox_needs_the_same_parties():
    with pytest.raises(ValueError, match="before and after must name the same parties"):
        population_paradoxes({"A": 1, "B": 2}, {"A": 1, "C": 2}, 3)
    with pytest.raises(TypeError, match="before and after must be mappings"):
        population_paradoxes([1, 2], {"A": 1}, 3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.lists(st.integers(1, 10_000), min_size=2, max_size=5),
    growth=st.lists(st.integers(0, 3_000), min_size=5, max_size=5),
    seats=st.integers(1, 30),
    method=st.sampled_from(sorted(DIVISOR_METHODS)),
)
def test_divisor_methods_never_show_the_population_paradox(before, growth, seats, method):
    first = {f"P{i}": v for i, v in enumerate(before)}
    second = {p: v + growth[i] for i, (p, v) in enumerate(first.items())}
    try:
        assert population_paradoxes(first, second, seats, method) == []
    except TieError:
        assume(False)


def test_threshold_effect_2023_baitaq_at_five_percent():
    votes, against_all = mazhilis_votes(2023)
    effect = threshold_effect(votes, 69, "Baitaq", "5%", against_all)
    assert effect.votes_needed == 327_369
    base = sum(votes.values()) + against_all - votes["Baitaq"] + effect.votes_needed
    assert Fraction(effect.votes_needed, base) >= Fraction(5, 100)  # just reaches 5% ...
    assert Fraction(effect.votes_needed - 1, base - 1) < Fraction(5, 100)  # ... one vote fewer
    assert effect.before.seats == official_list_seats(2023)
    assert effect.changes == {"Amanat": -3, "Baitaq": 3}
    assert effect.after.quota > effect.before.quota


def test_threshold_effect_2021_auyl_at_seven_percent():
    votes, _ = mazhilis_votes(2021)
    effect = threshold_effect(votes, 98, "Auyl", "7%", base="votes")
    assert effect.changes == {"Nur Otan": -5, "Ak Zhol": -1, "QHP": -1, "Auyl": 7}


def test_threshold_effect_exclusive_threshold_needs_one_more_vote():
    # 5% of (950 + v) = v exactly at v = 50: inclusive passes, exclusive needs 51.
    votes = {"A": 620, "B": 330, "C": 10}
    assert threshold_effect(votes, 10, "C", "5%").votes_needed == 50
    strict = Threshold("5%", "votes", inclusive=False)
    assert threshold_effect(votes, 10, "C", strict).votes_needed == 51


def test_threshold_effect_bad_input():
    votes = {"A": 600, "B": 300, "C": 40}
    with pytest.raises(ValueError, match="party must be one of"):
        threshold_effect(votes, 10, "D", "5%")
    with pytest.raises(ValueError, match="party must be below the threshold, got 'B'"):
        threshold_effect(votes, 10, "B", "5%")
    with pytest.raises(ValueError, match="threshold must be given, got None"):
        threshold_effect(votes, 10, "C", None)
    with pytest.raises(ValueError, match="base must be 'votes' or 'votes_and_against_all'"):
        threshold_effect(votes, 10, "C", Threshold("5%", "ballots"))


def test_effective_threshold_is_taagepera_75_over_m_plus_1():
    assert effective_threshold(1) == Fraction(75, 2)
    assert effective_threshold(69) == Fraction(75, 70)
    assert round(float(effective_threshold(145)), 2) == 0.51
    with pytest.raises(ValueError, match="seats must be 1 or more, got 0"):
        effective_threshold(0)
    with pytest.raises(TypeError, match="seats must be a whole number, got 69.0"):
        effective_threshold(69.0)


def test_threshold_yardsticks_69_seats():
    yard = threshold_yardsticks(69, "5%")
    assert yard == {
        "legal threshold": Fraction(5),
        "effective threshold": Fraction(75, 70),
        "one Hare quota": Fraction(100, 69),
    }
    assert yard["legal threshold"] > yard["one Hare quota"] > yard["effective threshold"]


def test_seats_by_house_size_matches_count_seats():
    from kzlib.counting import seats_by_house_size

    votes, against_all = mazhilis_votes(2023)
    table = seats_by_house_size(
        votes, "JSDP", range(64, 68), threshold="5%", against_all=against_all
    )
    assert table.index.name == "list seats" and list(table.columns) == ["hare", "sainte-lague"]
    assert table["hare"].tolist() == [3, 4, 3, 4]  # the drop at 66: the Alabama paradox
    for n in range(64, 68):
        assert table.loc[n, "sainte-lague"] == count_seats(
            votes, n, "sainte-lague", "5%", against_all
        ).seats["JSDP"]
    with pytest.raises(ValueError, match="party must be one of"):
        seats_by_house_size(votes, "Nur Otan", range(1, 3))
