"""Rule sets: structure by year, options for the open legal questions, errors."""

from fractions import Fraction

import pytest

from kzlib import TieError, rules


def test_mazhilis_eras():
    assert (rules.mazhilis(2007).list_seats, rules.mazhilis(2007).indirect_seats) == (98, 9)
    assert rules.mazhilis(2021).threshold.share == Fraction(7, 100)
    r23 = rules.mazhilis(2023)
    assert (r23.total_seats, r23.list_seats, r23.smd_seats) == (98, 69, 29)
    assert r23.threshold.share == Fraction(5, 100)
    assert r23.threshold.base == "votes_and_against_all"
    assert r23.against_all and not rules.mazhilis(2021).against_all
    assert rules.mazhilis(2030) == r23


def test_one_party_rule_from_2009():
    assert not rules.mazhilis(2007).one_party_rule
    assert rules.mazhilis(2009).one_party_rule and rules.mazhilis(2023).one_party_rule
    assert not rules.mazhilis(2023, one_party_rule=False).one_party_rule


def test_every_field_cites_a_source():
    for rs in (rules.mazhilis(2007), rules.mazhilis(2021), rules.mazhilis(2023),
               rules.maslikhat(2023, "regional"), rules.maslikhat(2023, "district")):
        assert rs.sources
        assert all("http" in citation for citation in rs.sources.values())
        assert "threshold" in rs.sources and "method" in rs.sources


def test_rule_sets_are_frozen():
    with pytest.raises(AttributeError):
        rules.mazhilis(2023).list_seats = 70  # type: ignore[misc]


def test_one_party_rule_admits_runner_up_with_two_seats_at_least():
    votes = {"Leader": 90, "Second": 4, "Third": 3, "Fourth": 3}
    plain = rules.mazhilis(2007).allocate_list(votes)
    assert plain.seats == {"Leader": 98, "Second": 0, "Third": 0, "Fourth": 0}
    ruled = rules.mazhilis(2009).allocate_list(votes)
    assert ruled.eligible == ("Leader", "Second")
    assert ruled.seats["Second"] >= 2 and sum(ruled.seats.values()) == 98
    # Tiny runner-up: the two-seat floor applies.
    tiny = rules.mazhilis(2009).allocate_list({"Leader": 9990, "Second": 10})
    assert tiny.seats == {"Leader": 96, "Second": 2}


def test_threshold_base_option_changes_the_base():
    # Small has 49 / 949 = 5.16% of party votes but 49 / 1000 = 4.9% with 'against all'.
    votes = {"Big": 800, "Mid": 100, "Small": 49}
    assert "Small" not in rules.mazhilis(2023).allocate_list(votes, against_all=51).eligible
    assert "Small" in rules.mazhilis(2023, threshold_base="votes").allocate_list(
        votes, against_all=51).eligible
    with_ballots = rules.mazhilis(2023, threshold_base="ballots")
    assert "Small" not in with_ballots.allocate_list(votes, against_all=51, ballots=1000).eligible


def test_tie_break_passed_through():
    with pytest.raises(TieError):
        rules.mazhilis(2023).allocate_list({"A": 50, "B": 25, "C": 25}, seats=2)
    votes = {"A": 50, "B": 25, "C": 25}
    a = rules.mazhilis(2023).allocate_list(votes, seats=2, tie_break=["C", "B", "A"])
    assert a.seats["C"] == 1


def test_maslikhat_levels():
    regional = rules.maslikhat(2023, "regional")
    assert regional.list_share == Fraction(1, 2)
    assert regional.allocate_list({"A": 70, "B": 30}, seats=10).seats == {"A": 7, "B": 3}
    district = rules.maslikhat(2023, "district")
    assert district.list_share == 0
    with pytest.raises(ValueError, match="no party-list seats"):
        district.allocate_list({"A": 1}, seats=1)


def test_describe():
    assert rules.mazhilis(2023).describe().startswith("Mazhilis 2023–: 69 list + 29 single-member")
    assert "9 indirect" in rules.mazhilis(2021).describe()


@pytest.mark.parametrize(
    "call, exc, words",
    [
        (lambda: rules.mazhilis(2004), ValueError, ["year", "2007", "2004"]),
        (lambda: rules.mazhilis(2022), ValueError, ["2022", "2021 or 2023"]),
        (lambda: rules.mazhilis("2023"), TypeError, ["year", "'2023'"]),
        (lambda: rules.mazhilis(2023, threshold_base="turnout"), ValueError,
         ["threshold_base", "'turnout'"]),
        (lambda: rules.mazhilis(2023, one_party_rule="yes"), TypeError,
         ["one_party_rule", "'yes'"]),
        (lambda: rules.maslikhat(2023, "oblast"), ValueError, ["level", "'oblast'", "regional"]),
        (lambda: rules.maslikhat(2021, "regional"), ValueError, ["year", "2021"]),
        (lambda: rules.maslikhat(2023, "regional").allocate_list({"A": 1}), ValueError,
         ["seats", "None"]),
        (lambda: rules.mazhilis(2021).allocate_list({"A": 1}, against_all=5), ValueError,
         ["against_all", "5"]),
    ],
)
def test_bad_input(call, exc, words):
    with pytest.raises(exc) as err:
        call()
    for word in words:
        assert word in str(err.value), f"{word!r} not in {err.value}"
