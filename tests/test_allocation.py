"""Unit tests for kzlib.allocate: textbook cases checkable by hand, ties, thresholds, bad input."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzlib
from kzlib import Threshold, TieError, allocate

# Wikipedia's largest-remainder example (100,000 votes, 10 seats), worked in its article
# "Largest remainder method": Hare quota 10,000, Droop quota 100,000 / 11.
WIKI = {"A": 47000, "B": 16000, "C": 15800, "D": 12000, "E": 6100, "F": 3100}


def test_hare_by_hand():
    # Quota 10,000: integer parts 4,1,1,1,0,0 (7 seats); remainders .7 .6 .58 .2 .61 .31,
    # so the 3 seats left go to A (.70), E (.61), B (.60).
    a = allocate(WIKI, 10, "hare")
    assert a.seats == {"A": 5, "B": 2, "C": 1, "D": 1, "E": 1, "F": 0}
    assert a.quota == 10000
    assert a.automatic_seats == {"A": 4, "B": 1, "C": 1, "D": 1, "E": 0, "F": 0}
    assert a.remainders["E"] == Fraction(61, 100)
    assert a.remainder_seats == ("A", "E", "B")


def test_droop_by_hand():
    # Quota 100,000 / 11 = 9,090.9: integer parts 5,1,1,1,0,0; B (.76) and C (.738) win.
    a = allocate(WIKI, 10, "droop")
    assert a.seats == {"A": 5, "B": 2, "C": 2, "D": 1, "E": 0, "F": 0}
    assert a.quota == Fraction(100000, 11)


def test_droop_single_list_takes_the_seat_back_without_a_tie():
    # One list over a 7% threshold: its quotient 98 * 99 / its votes = 99 seats exactly,
    # one too many; with no one to tie with, the extra seat is simply taken back.
    a = allocate({"Nur Otan": 6_000, "Ak Zhol": 200, "Other": 100}, 98, "droop", "7%")
    assert a.seats == {"Nur Otan": 98, "Ak Zhol": 0, "Other": 0}
    assert a.tie == ()


def test_droop_whole_quotients_for_two_lists_is_a_tie():
    # 3 seats, Droop base 4: quotients 2 and 2 -> 4 seats, one must go; a genuine tie.
    with pytest.raises(TieError, match="A.*B"):
        allocate({"A": 50, "B": 50}, 3, "droop")
    a = allocate({"A": 50, "B": 50}, 3, "droop", tie_break=["A", "B"])
    assert a.seats == {"A": 2, "B": 1}


def test_hare_and_dhondt_differ():
    # D'Hondt favours the large party: A's 5th quotient 9,400 beats E's 6,100.
    assert allocate(WIKI, 10, "dhondt").seats == {"A": 5, "B": 2, "C": 2, "D": 1, "E": 0, "F": 0}
    assert allocate(WIKI, 10, "hare").seats["E"] == 1


def test_hare_and_sainte_lague_differ():
    # 7 seats. Hare quota 100/7: quotients 3.71, 1.68, 1.61 -> 3,1,1 + A, B = 4/2/1.
    # Sainte-Laguë quotients: A 53, 17.7, 10.6, 7.6; B 24, 8; C 23, 7.67 -> 3/2/2.
    votes = {"A": 53, "B": 24, "C": 23}
    assert allocate(votes, 7, "hare").seats == {"A": 4, "B": 2, "C": 1}
    assert allocate(votes, 7, "sainte-lague").seats == {"A": 3, "B": 2, "C": 2}
    assert allocate(votes, 7, "dhondt").seats == {"A": 4, "B": 2, "C": 1}


def test_modified_sainte_lague_first_divisor():
    # B's first quotient is 18 under Sainte-Laguë (beats A's 100/7 = 14.3) but 18/1.4 = 12.9
    # under the modified method (loses to it).
    votes = {"A": 100, "B": 18}
    assert allocate(votes, 4, "sainte-lague").seats == {"A": 3, "B": 1}
    assert allocate(votes, 4, "modified-sainte-lague").seats == {"A": 4, "B": 0}


def test_divisor_award_order_and_final_divisor():
    a = allocate({"A": 60, "B": 30, "C": 10}, 6, "dhondt")
    # Quotients: A 60, 30, 20, 15; B 30, 15; C 10. Seats 2-3 (A 30, B 30) and 5-6
    # (A 15, B 15) are level pairs that both fit, so there is no tie to break.
    assert a.seats == {"A": 4, "B": 2, "C": 0}
    assert a.award_order[0] == "A"
    assert a.divisor == 15
    assert a.quotients == {"A": 4, "B": 2, "C": Fraction(2, 3)}


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("hamilton", "hare"),
        ("largest-remainder", "hare"),
        ("Largest_Remainder", "hare"),
        ("sainte lague", "sainte-lague"),
        ("modified sainte lague", "modified-sainte-lague"),
        ("Modified Sainte-Laguë", "modified-sainte-lague"),
        ("d hondt", "dhondt"),
        ("D’Hondt", "dhondt"),
        ("hagenbach bischoff", "droop"),
        ("d'hondt", "dhondt"),
        ("jefferson", "dhondt"),
        ("webster", "sainte-lague"),
        ("Sainte_Lague", "sainte-lague"),
        ("modified-sainte-lague", "modified-sainte-lague"),
    ],
)
def test_method_aliases(alias, canonical):
    assert allocate(WIKI, 10, alias).method == canonical


def test_order_kept_and_zero_for_eliminated():
    a = allocate({"Small": 1, "Big": 99}, 10, threshold="5%")
    assert list(a.seats) == ["Small", "Big"]
    assert a.seats == {"Small": 0, "Big": 10}
    assert a.eligible == ("Big",)


def test_percentages_floats_and_numpy_are_exact():
    as_float = allocate({"A": 53.9, "B": 46.1}, 69)
    as_fraction = allocate({"A": Fraction(539, 10), "B": Fraction(461, 10)}, 69)
    as_numpy = allocate({"A": np.float64(53.9), "B": np.float64(46.1)}, np.int64(69))
    as_decimal = allocate({"A": Decimal("53.9"), "B": Decimal("46.1")}, 69)
    assert as_float.seats == as_fraction.seats == as_numpy.seats == as_decimal.seats
    assert allocate({"A": np.int64(5), "B": np.int32(5)}, 2).seats == {"A": 1, "B": 1}


# ---------------------------------------------------------------- ties


def test_tie_for_last_remainder_seat_raises():
    with pytest.raises(TieError) as err:
        allocate({"A": 50, "B": 25, "C": 25}, 2)
    assert err.value.parties == ("B", "C")
    assert "'B'" in str(err.value) and "'C'" in str(err.value)
    assert isinstance(err.value, ValueError)


def test_tie_break_earlier_registered_wins():
    a = allocate({"A": 50, "B": 25, "C": 25}, 2, tie_break=["C", "B", "A"])
    assert a.seats == {"A": 1, "B": 0, "C": 1}
    assert a.tie == ("B", "C")


def test_divisor_tie_raises_and_breaks():
    with pytest.raises(TieError):
        allocate({"A": 50, "B": 25, "C": 25}, 2, "dhondt")
    a = allocate({"A": 50, "B": 25, "C": 25}, 2, "dhondt", tie_break=["B", "C", "A"])
    # Second seat: A 25, B 25, C 25 all level; B registered first.
    assert a.seats == {"A": 1, "B": 1, "C": 0}


def test_tie_that_all_fit_is_not_an_error():
    assert allocate({"A": 50, "B": 25, "C": 25}, 4, "dhondt").seats == {"A": 2, "B": 1, "C": 1}


def test_tie_break_must_rank_the_tied_parties():
    with pytest.raises(TieError, match="does not rank"):
        allocate({"A": 50, "B": 25, "C": 25}, 2, tie_break=["A", "B"])


# ---------------------------------------------------------------- thresholds


@pytest.mark.parametrize(
    "small, big, passes",
    [(50, 950, True), (49, 951, False), (51, 949, True)],
    ids=["exactly-at", "one-vote-below", "one-vote-above"],
)
def test_threshold_base_votes(small, big, passes):
    a = allocate({"Big": big, "Small": small}, 20, threshold=Threshold("5%", base="votes"))
    assert ("Small" in a.eligible) is passes
    assert (a.seats["Small"] > 0) is passes


@pytest.mark.parametrize(
    "small, big, passes",
    [(50, 900, True), (49, 901, False), (51, 899, True)],
    ids=["exactly-at", "one-vote-below", "one-vote-above"],
)
def test_threshold_base_votes_and_against_all(small, big, passes):
    rule = Threshold("5%", base="votes_and_against_all")
    a = allocate({"Big": big, "Small": small}, 20, threshold=rule, against_all=50)
    assert ("Small" in a.eligible) is passes
    assert a.base_total == 1000


def test_against_all_raises_the_bar():
    votes = {"Big": 900, "Small": 49}
    # 49 / 949 = 5.16% of party votes, but 49 / 1000 = 4.9% once 'against all' counts.
    assert "Small" in allocate(votes, 20, threshold="5%", against_all=51).eligible
    rule = Threshold("5%", base="votes_and_against_all")
    assert "Small" not in allocate(votes, 20, threshold=rule, against_all=51).eligible


@pytest.mark.parametrize(
    "ballots, passes", [(1000, True), (1001, False), (999, True)],
    ids=["exactly-at", "one-ballot-more", "one-ballot-fewer"],
)
def test_threshold_base_ballots(ballots, passes):
    rule = Threshold("5%", base="ballots")
    a = allocate({"Big": 900, "Small": 50}, 20, threshold=rule, against_all=40, ballots=ballots)
    assert ("Small" in a.eligible) is passes


def test_threshold_exclusive_boundary():
    rule = Threshold("5%", inclusive=False)
    assert "Small" not in allocate({"Big": 950, "Small": 50}, 20, threshold=rule).eligible
    assert "Small" in allocate({"Big": 949, "Small": 51}, 20, threshold=rule).eligible


def test_float_threshold_is_exact_at_seven_percent():
    # 100 * 0.07 is 7.000000000000001 in floating point: a float test would drop B.
    assert "B" in allocate({"A": 93, "B": 7}, 10, threshold=0.07).eligible
    assert "B" in allocate({"A": 93, "B": 7}, 10, threshold="7%").eligible


def test_threshold_forms_agree():
    votes = {"A": 600, "B": 300, "C": 60, "D": 40}
    results = {
        str(t): allocate(votes, 10, threshold=t).seats
        for t in (0.05, "5%", "0.05", Fraction(1, 20), Threshold(Fraction(5, 100)))
    }
    assert len({tuple(r.values()) for r in results.values()}) == 1


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "kwargs, exc, words",
    [
        (dict(votes={"Auyl": -5, "B": 10}), ValueError, ["votes['Auyl']", ">= 0", "-5"]),
        (dict(votes={"A": float("nan"), "B": 1}), ValueError, ["votes['A']", "nan"]),
        (dict(votes={"A": float("inf"), "B": 1}), ValueError, ["votes['A']", "inf"]),
        (dict(votes={"A": "many", "B": 1}), TypeError, ["votes['A']", "'many'"]),
        (dict(votes={"A": True, "B": 1}), TypeError, ["votes['A']", "bool"]),
        (dict(votes={"A": None}), TypeError, ["votes['A']", "None"]),
        (dict(votes={}), ValueError, ["votes", "empty"]),
        (dict(votes={"A": 0, "B": 0}), ValueError, ["votes", "all zeros"]),
        (dict(votes=[("A", 1)]), TypeError, ["votes", "mapping", "list"]),
        (dict(votes={1: 5}), TypeError, ["party names", "1"]),
        (dict(seats=2.5), ValueError, ["seats", "positive integer", "2.5"]),
        (dict(seats=0), ValueError, ["seats", "positive integer", "0"]),
        (dict(seats=-3), ValueError, ["seats", "-3"]),
        (dict(seats="10"), TypeError, ["seats", "'10'"]),
        (dict(seats=True), TypeError, ["seats", "True"]),
        (dict(threshold=1.5), ValueError, ["threshold", "[0, 1)", "1.5"]),
        (dict(threshold=5), ValueError, ["threshold", "'5%'"]),
        (dict(threshold=-0.01), ValueError, ["threshold", "-0.01"]),
        (dict(threshold="five"), ValueError, ["threshold", "'five'"]),
        (dict(threshold="120%"), ValueError, ["threshold", "120%"]),
        (dict(threshold=[5]), TypeError, ["threshold", "[5]"]),
        (dict(method="borda"), ValueError, ["method", "borda", "hare", "dhondt", "sainte-lague"]),
        (dict(method=3), TypeError, ["method", "3"]),
        (dict(against_all=-1), ValueError, ["against_all", "-1"]),
        (dict(tie_break="A"), TypeError, ["tie_break", "'A'"]),
        (dict(threshold=Threshold("5%", base="ballots")), ValueError, ["ballots", "None"]),
        (
            dict(threshold=Threshold("5%", base="ballots"), ballots=10),
            ValueError,
            ["ballots", "10"],
        ),
        (dict(threshold=0.9), ValueError, ["threshold", "no party"]),
    ],
)
def test_bad_input_names_argument_and_value(kwargs, exc, words):
    args = dict(votes={"A": 60, "B": 40}, seats=10) | kwargs
    with pytest.raises(exc) as err:
        allocate(**args)
    for word in words:
        assert word in str(err.value), f"{word!r} not in {str(err.value)!r}"


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(share="5%", base="everyone"), ["Threshold.base", "'everyone'"]),
        (dict(share=7), ["Threshold.share", "7"]),
        (dict(share="5%", inclusive="yes"), ["inclusive", "'yes'"]),
    ],
)
def test_bad_threshold_object(kwargs, words):
    with pytest.raises((TypeError, ValueError)) as err:
        Threshold(**kwargs)
    for word in words:
        assert word in str(err.value)


def test_threshold_describe():
    assert Threshold("5%", base="votes_and_against_all").describe() == (
        "5% of votes for the parties plus 'against all' (at or above)"
    )
    assert Threshold("7.5%").describe().startswith("7.5% of votes for the parties")


def test_table_has_teaching_columns():
    t = allocate(WIKI, 10, threshold="5%").table()
    assert list(t.columns) == [
        "party", "votes", "vote_pct", "base_pct", "eligible", "quotient",
        "automatic_seats", "remainder", "remainder_seat", "seats", "seat_pct",
    ]
    assert t["seats"].sum() == 10
    # F has 3,100 of 100,000 votes: under 5%, so not eligible and no seat.
    assert t.set_index("party").loc["F", ["eligible", "seats"]].tolist() == [False, 0]


def test_import_is_light():
    code = (
        "import sys, kzlib; kzlib.allocate({'A': 3, 'B': 1}, 4, 'hare', '5%');"
        "kzlib.rules.mazhilis(2023); kzlib.indices.gallagher({'A': 1}, {'A': 1});"
        "heavy = [m for m in ('pandas', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_public_api():
    for name in ("allocate", "Allocation", "Threshold", "TieError", "rules", "indices", "METHODS"):
        assert hasattr(kzlib, name)


def _seat_by_seat(votes: dict[str, int], seats: int, method: str) -> dict[str, int] | None:
    """Reference: award divisor seats one at a time; None when a tie decides a seat."""
    first = Fraction(7, 5) if method == "modified-sainte-lague" else 1

    def divisor(won: int) -> Fraction | int:
        if method == "dhondt":
            return won + 1
        return first if won == 0 else 2 * won + 1

    won = dict.fromkeys(votes, 0)
    left = seats
    while left:
        best = max(Fraction(v) / divisor(won[p]) for p, v in votes.items())
        level = [p for p, v in votes.items() if Fraction(v) / divisor(won[p]) == best]
        if len(level) > left:
            return None
        for p in level:
            won[p] += 1
        left -= len(level)
    return won


@settings(max_examples=400, deadline=None)
@given(
    votes=st.lists(st.integers(0, 60), min_size=1, max_size=7).filter(any),
    seats=st.integers(1, 40),
    method=st.sampled_from(["dhondt", "sainte-lague", "modified-sainte-lague"]),
)
def test_divisor_methods_match_awarding_seat_by_seat(votes, seats, method):
    # Small vote counts make level quotients (and real ties) common.
    named = {f"P{i}": v for i, v in enumerate(votes)}
    expected = _seat_by_seat(named, seats, method)
    if expected is None:
        with pytest.raises(TieError):
            allocate(named, seats, method)
    else:
        assert allocate(named, seats, method).seats == expected


def test_divisor_cost_does_not_grow_with_the_seats():
    # Seat by seat this took 9 s; the estimate-then-correct count is instant.
    result = allocate({"A": 600, "B": 300, "C": 100}, 10**7, "dhondt")
    assert result.seats == {"A": 6_000_000, "B": 3_000_000, "C": 1_000_000}
    assert result.divisor == Fraction(1, 10_000)


def test_one_label_per_method_and_per_base_in_registry_order():
    from kzlib.allocation import METHOD_LABELS, METHODS
    from kzlib.thresholds import BASE_LABELS, BASES

    assert list(METHOD_LABELS) == list(METHODS)
    assert list(BASE_LABELS) == list(BASES)
    for labels in (METHOD_LABELS, BASE_LABELS):
        assert all(labels.values()) and len(set(labels.values())) == len(labels)
