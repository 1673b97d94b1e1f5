"""kzlib.batch.allocate_many: equal to kzlib.allocate row by row, ties reported, bad input."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlib import Threshold, TieError, allocate
from kzlib.allocation import METHODS
from kzlib.batch import allocate_many

THRESHOLDS = [(None, None), ("5%", "votes"), ("5%", "votes_and_against_all"), ("5%", "ballots")]


def scenarios(rng: np.random.Generator, n: int, k: int) -> tuple[np.ndarray, ...]:
    """n elections of k lists: half with small counts (many level remainders and
    quotients), half with large ones; 'against all' and ballots beside them. Every row
    has a list above 5% of every base (the largest list has at least 1/k of the votes,
    and the bases are at most 2.25 times the party votes)."""
    small = rng.integers(0, 12, size=(n // 2, k))
    large = rng.integers(0, 3_000_000, size=(n - n // 2, k))
    votes = np.vstack([small, large])
    votes[:, 0] += 1
    party = votes.sum(axis=1)
    against = rng.integers(0, party + 1)
    ballots = party + against + rng.integers(0, party // 4 + 1)
    return votes, against, ballots


def expected_rows(votes, seats, method, rule, against, ballots) -> tuple[np.ndarray, np.ndarray]:
    """Seats by kzlib.allocate, one row at a time, and which rows it found tied."""
    out = np.zeros_like(votes)
    tied = np.zeros(len(votes), dtype=bool)
    names = [f"p{i}" for i in range(votes.shape[1])]
    columns = zip(votes.tolist(), against.tolist(), ballots.tolist(), strict=True)
    for i, (row, aa, bl) in enumerate(columns):
        try:
            out[i] = list(allocate(dict(zip(names, row, strict=True)), seats, method, rule,
                                   against_all=aa, ballots=bl).seats.values())
        except TieError:
            tied[i] = True
    return out, tied


def test_equal_to_allocate_on_100000_random_scenarios():
    rng = np.random.default_rng(20230319)
    checked = ties_seen = 0
    for method in METHODS:  # 5 methods × 4 threshold rules × 5,000 rows = 100,000
        for share, base in THRESHOLDS:
            k = int(rng.integers(2, 7))
            seats = int(rng.integers(1, 40))
            votes, against, ballots = scenarios(rng, 5_000, k)
            rule = None if share is None else Threshold(share, base=base)
            want, tied = expected_rows(votes, seats, method, rule, against, ballots)
            got = allocate_many(votes, seats, method, rule, against_all=against,
                                ballots=ballots, ties="mask")
            assert np.array_equal(np.ma.getmaskarray(got).any(axis=1), tied), (method, base)
            assert np.array_equal(got.filled(0)[~tied], want[~tied]), (method, base, seats)
            checked += len(votes)
            ties_seen += int(tied.sum())
    assert checked >= 100_000
    assert ties_seen > 100  # the small counts do reach the tie paths


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 60), min_size=3, max_size=3), min_size=1, max_size=8),
    st.integers(1, 12),
    st.sampled_from(sorted(METHODS)),
    st.sampled_from(["0", "10%", "34%"]),
    st.integers(0, 30),
)
def test_equal_to_allocate_property(rows, seats, method, share, against):
    votes = np.array(rows)
    names = ["A", "B", "C"]
    rule = Threshold(share, base="votes_and_against_all")
    expected = []
    for row in rows:
        try:
            expected.append(list(allocate(dict(zip(names, row, strict=True)), seats, method, rule,
                                          against_all=against).seats.values()))
        except TieError:
            expected.append([None] * 3)
        except ValueError:  # no list passes (or no votes): allocate_many must refuse too
            with pytest.raises(ValueError, match="votes: in row"):
                allocate_many(votes, seats, method, rule, against_all=against, ties="mask")
            return
    got = allocate_many(votes, seats, method, rule, against_all=against, ties="mask")
    assert got.tolist() == expected


def test_a_tie_raises_by_default_and_names_the_rows():
    votes = [[6, 4], [5, 5], [7, 3], [50, 50]]
    with pytest.raises(TieError, match=r"2 row\(s\) \(1, 3\)"):
        allocate_many(votes, 1, "hare")
    masked = allocate_many(votes, 1, "hare", ties="mask")
    assert masked.tolist() == [[1, 0], [None, None], [1, 0], [None, None]]


def test_droop_one_seat_too_many():
    # All quotients whole: a single holder gives the extra seat back; two holders tie.
    assert allocate_many([[6000, 200, 100]], 98, "droop", "7%").tolist() == [[98, 0, 0]]
    with pytest.raises(TieError):
        allocate_many([[50, 50]], 3, "droop")


def test_floats_that_misorder_go_through_the_exact_path():
    # D'Hondt, 3 seats: A's third quotient (3·10^16 + 1) / 3 = 10^16 + 1/3 beats B's
    # 10^16, but both are the same float64; B comes first, so a float pick alone would
    # give B the seat. The integer check catches it and the row is counted exactly.
    big = 10**16
    votes = [[big, 3 * big + 1]]
    assert np.float64(big) == np.float64(3 * big + 1) / 3
    assert allocate_many(votes, 3, "dhondt").tolist() == [[0, 3]]
    assert allocate({"B": big, "A": 3 * big + 1}, 3, "dhondt").seats == {"B": 0, "A": 3}


def test_counts_beyond_int64_products_are_exact():
    votes = np.array([[4 * 10**17 + 1, 10**17, 3 * 10**17], [10, 20, 39]])
    got = allocate_many(votes, 69, "hare", "5%")
    want = list(allocate({"a": 4 * 10**17 + 1, "b": 10**17, "c": 3 * 10**17}, 69, "hare",
                         "5%").seats.values())
    assert got.tolist() == [want, [10, 20, 39]]


def test_2023_lists():
    # The seven lists of 2023 with 'against all' in the base: the official 40, 8, 6, 6, 5, 4, 0.
    votes = [[3431510, 693938, 547154, 535139, 432920, 331058, 146431]]
    got = allocate_many(votes, 69, "hare", "5%", "votes_and_against_all", against_all=248291)
    assert got.tolist() == [[40, 8, 6, 6, 5, 4, 0]]


def test_threshold_object_and_base_must_agree():
    rule = Threshold("5%", base="votes")
    assert allocate_many([[90, 6, 4]], 10, "hare", rule).tolist() == [[9, 1, 0]]
    with pytest.raises(ValueError, match="base must match"):
        allocate_many([[90, 6, 4]], 10, "hare", rule, base="ballots")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"votes": [1, 2, 3]}, ValueError, "votes must be a 2-D array"),
        ({"votes": np.zeros((2, 2, 2))}, ValueError, "votes must be a 2-D array"),
        ({"votes": np.zeros((0, 3))}, ValueError, "at least one row"),
        ({"votes": [[1, -2]]}, ValueError, "votes must be non-negative, got -2 at row 0"),
        ({"votes": [[1.5, 2]]}, ValueError, "votes must be whole numbers"),
        ({"votes": [[True, False]]}, TypeError, "votes must hold whole numbers"),
        ({"votes": [["a", "b"]]}, TypeError, "votes must hold whole numbers"),
        ({"votes": "12"}, TypeError, "votes must be a 2-D array"),
        ({"votes": [[0, 0]]}, ValueError, "votes: in row 0, no party has votes"),
        ({"seats": 0}, ValueError, "seats"),
        ({"seats": 2.5}, ValueError, "seats must be a positive integer"),
        ({"method": "borda"}, ValueError, "method must be one of"),
        ({"threshold": "150%"}, ValueError, "threshold"),
        ({"base": "turnout"}, ValueError, "base must be one of"),
        ({"threshold": "5%", "base": "ballots"}, ValueError, "ballots must be given"),
        ({"threshold": "5%", "base": "ballots", "ballots": 3}, ValueError,
         "ballots must be at least"),
        ({"against_all": [1, 2, 3]}, ValueError, r"against_all must be .* shape \(1,\)"),
        ({"against_all": -1}, ValueError, "against_all must be non-negative"),
        ({"ties": "first"}, ValueError, "ties must be"),
        ({"votes": [[1, 0]], "threshold": "5%", "base": "votes_and_against_all",
          "against_all": 100}, ValueError, "row 0, threshold 5%"),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, message):
    call = {"votes": [[10, 5]], "seats": 3, **kwargs}
    with pytest.raises(error, match=message):
        allocate_many(**call)


def test_import_kzlib_does_not_import_numpy():
    code = ("import sys, kzlib; "
            "assert 'numpy' not in sys.modules and 'kzlib.batch' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
