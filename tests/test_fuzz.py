"""Bad and extreme input: only a clear ValueError or TypeError, quickly, naming the argument.

Hypothesis feeds garbage to the public arithmetic, rules and parsing functions.
Calls that could hang in C code (exact conversion of "1e999999999") run in a
subprocess with a time limit, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kzlib
from kzlib import indices, rules
from kzlib.compare import elections as E
from kzlib.userdata import parse_votes_csv

VOTES = {"A": 53, "B": 24, "C": 23}

# Anything a caller might pass by mistake.
garbage = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.integers(0, 5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(-3, 3), max_size=3),
    st.sampled_from([Decimal("NaN"), Decimal("-1"), Fraction(-1, 3), np.int64(-2), np.float64(2.5),
                     np.array([1, 2]), b"5%", 1j, object()]),
)


def _fails_cleanly(call, *names: str) -> None:
    """The call either works or raises ValueError/TypeError naming one of ``names``."""
    try:
        call()
    except (ValueError, TypeError) as err:
        assert any(name in str(err) for name in names), f"{err!r} names none of {names}"


@settings(max_examples=300, deadline=None)
@given(votes=garbage, seats=garbage, method=garbage, threshold=garbage)
def test_allocate_with_garbage_raises_only_clear_errors(votes, seats, method, threshold):
    _fails_cleanly(
        lambda: kzlib.allocate(votes, seats, method, threshold),
        "votes", "seats", "method", "threshold", "tie",
    )


@settings(max_examples=300, deadline=None)
@given(seats=garbage, method=garbage, threshold=garbage, base=garbage, against_all=garbage)
def test_allocate_with_good_votes_and_bad_options_raises_only_clear_errors(
    seats, method, threshold, base, against_all
):
    def call():
        rule = threshold if threshold is None else kzlib.Threshold(threshold, base=base)
        return kzlib.allocate(VOTES, seats, method, rule, against_all=against_all)

    _fails_cleanly(call, "seats", "method", "Threshold", "against_all", "tie")


@settings(max_examples=200, deadline=None)
@given(year=garbage, level=garbage, base=garbage)
def test_rules_with_garbage_raise_only_clear_errors(year, level, base):
    _fails_cleanly(lambda: rules.mazhilis(year), "year")
    _fails_cleanly(lambda: rules.mazhilis(2023, threshold_base=base), "threshold_base", "base")
    _fails_cleanly(lambda: rules.maslikhat(year, level), "year", "level")


@settings(max_examples=200, deadline=None)
@given(votes=garbage, seats=garbage)
def test_indices_with_garbage_raise_only_clear_errors(votes, seats):
    _fails_cleanly(lambda: indices.gallagher(votes, seats), "votes", "seats")
    _fails_cleanly(lambda: indices.effective_number_of_parties(votes), "values")
    _fails_cleanly(lambda: indices.loosemore_hanby(votes, seats), "votes", "seats")


@settings(max_examples=200, deadline=None)
@given(votes=garbage, against_all=garbage, base=garbage, threshold=garbage, points=garbage)
def test_comparisons_with_garbage_raise_only_clear_errors(votes, against_all, base, threshold,
                                                         points):
    # These raised AttributeError for a list or None of votes.
    named = ("votes", "against_all", "base", "threshold", "points", "party", "ballots")
    _fails_cleanly(lambda: E.with_against_all(votes, against_all), *named)
    _fails_cleanly(lambda: E.split_against_all(votes), *named)
    _fails_cleanly(lambda: E.entry_thresholds(votes, against_all, base=base), *named)
    _fails_cleanly(lambda: E.threshold_by_base(votes, against_all, threshold=threshold), *named)
    _fails_cleanly(lambda: E.shift_votes(VOTES, "A", "B", points), *named)
    _fails_cleanly(lambda: E.custom_rules(against_all, threshold, base=base), "seats", *named)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_pasted_text_raises_only_clear_errors(text):
    _fails_cleanly(lambda: parse_votes_csv(text), "line", "party", "votes", "no party")


@pytest.mark.parametrize(
    "seats", [Fraction(10, 1), 10.0, Decimal("10"), np.int64(10), np.float64(10.0)]
)
def test_one_rule_for_a_whole_number_of_seats(seats):
    assert kzlib.allocate(VOTES, seats).seats == {"A": 5, "B": 3, "C": 2}


@pytest.mark.parametrize("year", [np.int64(2023), np.int32(2023), 2023.0, Fraction(2023)])
def test_a_year_from_a_table_is_a_year(year):
    assert rules.mazhilis(year).list_seats == 69


def test_a_list_as_threshold_base_is_named_not_unhashable():
    with pytest.raises(ValueError, match=r"Threshold.base must be one of .*, got \['votes'\]"):
        kzlib.Threshold("5%", base=["votes"])


def test_table_of_votes_beyond_64_bits():
    table = kzlib.allocate({"A": 10**400, "B": 10**399}, 5).table()
    assert table.votes.tolist() == [10**400, 10**399]
    assert table.vote_pct.tolist() == [90.91, 9.09]


# Each call used to compute 10**999999999 exactly and hang; the argument it must name.
ABSURD = {
    'kzlib.Threshold("1e99999999")': "Threshold.share",
    'kzlib.allocate(V, 3, threshold="1e999999999%")': "threshold",
    'kzlib.allocate(V, 3, threshold="1e-999999999")': "threshold",
    'kzlib.allocate({"A": Decimal("1e999999999"), "B": 1}, 3)': "votes['A']",
    'kzlib.allocate({"A": Decimal("1e-999999999"), "B": 1}, 3)': "votes['A']",
    'kzlib.allocate(V, Decimal("1e999999999"))': "seats",
    'kzlib.allocate(V, 3, threshold="1e" + "9" * 5000)': "threshold",
    'shift_votes(V, "A", "B", "1e999999999")': "points",
    'custom_rules(98, "1e-99999999%")': "threshold",
}

RUNNER = """
import json, sys
from decimal import Decimal
import kzlib
from kzlib.compare.elections import custom_rules, shift_votes
V = {"A": 1, "B": 2}
out = []
for line in sys.stdin.read().strip().splitlines():
    try:
        eval(line)
        out.append("ok")
    except (ValueError, TypeError) as err:
        out.append(str(err))
print(json.dumps(out))
"""


def test_absurd_exponents_are_refused_before_converting():
    done = subprocess.run(
        [sys.executable, "-c", RUNNER], input="\n".join(ABSURD), capture_output=True, text=True,
        timeout=60,
    )
    messages = json.loads(done.stdout)
    for (call, name), message in zip(ABSURD.items(), messages, strict=True):
        assert message.startswith(f"{name} must be"), (call, message)


BUILDERS = [
    ("threshold", "build_threshold_explorer"), ("counting", "build_counting_explorer"),
    ("mixed", "build_mixed_explorer"), ("maslikhat", "build_maslikhat_explorer"),
    ("whatif", "build_whatif_explorer"), ("referendum", "build_denominator_explorer"),
    ("presidency", "build_tenure_explorer"), ("institutions", "build_reform_explorer"),
    ("parties", "build_registration_explorer"), ("akims", "build_akim_explorer"),
    ("akims", "build_rollout_explorer"), ("timeline", "build_timeline_explorer"),
    ("constitution", "build_kurultai_explorer"), ("referendum", "build_adoption_explorer"),
    ("presidency", "build_era_explorer"), ("institutions", "build_chamber_explorer"),
    ("seatrange", "build_seatrange_explorer"),
]
BAD_ARGUMENTS = [None, True, "x", -1, 1e9, 2.5, [], {}, float("nan")]


@pytest.mark.parametrize("module, builder", BUILDERS)
def test_every_builder_names_a_bad_argument(module, builder):
    # 46 of 234 such calls gave raw messages ("'<=' not supported ...", "unhashable type")
    # or were accepted (threshold=True as 1%).
    import importlib
    import inspect

    build = getattr(importlib.import_module(f"kzlib.widgets.{module}"), builder)
    for name, parameter in inspect.signature(build).parameters.items():
        # True is a right value only for a yes/no parameter
        switch = parameter.annotation in (bool, "bool")
        for value in BAD_ARGUMENTS:
            try:
                build(**{name: value})
            except (ValueError, TypeError) as err:
                assert name in str(err), f"{builder}({name}={value!r}): {err}"
            else:
                nan = isinstance(value, float) and math.isnan(value)
                assert not ((value is True and not switch) or nan), (
                    f"{builder}({name}={value!r}) passed")
