"""kzlib.userdata: pasted 'party,votes' lines, every malformed line named."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlib.userdata import (
    format_votes_csv,
    is_against_all,
    looks_like_against_all,
    parse_number,
    parse_votes_csv,
)

CEC_2023 = """party,votes
Amanat,3431510
Auyl,693938
Respublica,547154
Ak Zhol,535139
QHP,432920
JSDP,331058
Baitaq,146431
Against all,248291
"""


def test_parses_the_2023_result():
    votes, against_all = parse_votes_csv(CEC_2023)
    assert votes["Amanat"] == 3431510 and len(votes) == 7
    assert against_all == 248291
    assert list(votes) == ["Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "JSDP", "Baitaq"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A,3431510", {"A": 3431510}),
        ('A,"3,431,510"', {"A": 3431510}),
        ("A,3 431 510", {"A": 3431510}),
        ("A,3\u00a0431\u00a0510", {"A": 3431510}),  # no-break spaces, as copied from web pages
        ("A,3\u202f431\u202f510", {"A": 3431510}),  # narrow no-break spaces
        ('A, "3,431,510"', {"A": 3431510}),  # a space after the comma
        ("  A ,  12  ", {"A": 12}),
        ("A\t12\nB\t3", {"A": 12, "B": 3}),  # tab-separated, as copied from a spreadsheet
        ('"Party, with comma",7', {"Party, with comma": 7}),
        ("A,53.9\nB,46.1", {"A": Fraction(539, 10), "B": Fraction(461, 10)}),
        ('A,"1,234.5"', {"A": Fraction(24690, 20)}),
        ("Party,Votes\nA,1", {"A": 1}),  # header in any case
        ("\n\nA,1\n\n\nB,0\n", {"A": 1, "B": 0}),  # blank lines skipped
    ],
)
def test_accepted_forms(text, expected):
    assert parse_votes_csv(text) == (expected, 0)


@pytest.mark.parametrize(
    "name",
    ["Against all", "against_all", "Against  all", "AGAINST-ALL", "Против всех", "ПРОТИВ  ВСЕХ",
     "Барлығына қарсы", "барлығына_қарсы"],
)
def test_against_all_in_english_russian_and_kazakh_is_not_a_party(name):
    # Pasted from a CEC table in Russian or Kazakh, the option used to become a party.
    assert parse_votes_csv(f"Amanat,3431510\n{name},248291") == ({"Amanat": 3431510}, 248291)


@pytest.mark.parametrize("name", ["Against all parties", "Против всех.", "Барлығына қарсымын"])
def test_a_name_that_looks_like_against_all_is_refused_not_seated(name):
    with pytest.raises(ValueError, match=r"^line 2: .* looks like the 'against all' option"):
        parse_votes_csv(f"Amanat,10\n{name},3")


def test_byte_order_mark_is_not_part_of_the_first_name():
    assert parse_votes_csv("\ufeffA,1\nB,2") == ({"A": 1, "B": 2}, 0)
    assert parse_votes_csv("\ufeffparty,votes\nA,1") == ({"A": 1}, 0)


def test_a_vote_count_of_more_than_fifteen_digits_is_refused_in_words():
    # 5,000 digits used to surface Python's int-limit advice for programmers.
    with pytest.raises(ValueError) as info:
        parse_votes_csv("A,1\nB," + "9" * 5000)
    assert str(info.value).startswith("line 2: votes must have at most 15 digits")


def test_against_all_row_any_case():
    assert parse_votes_csv("A,5\nAGAINST ALL,2") == ({"A": 5}, 2)
    assert parse_votes_csv("A,5\nagainst_all,2") == ({"A": 5}, 2)
    assert parse_votes_csv("A,5\nAgainst all,0") == ({"A": 5}, 0)


@pytest.mark.parametrize(
    "text, message",
    [
        ("A,1\nB,2\nC,abc", "line 3: votes must be a non-negative number, got 'abc'"),
        ("A,-5", "line 1: votes must be a non-negative number, got '-5'"),
        ("A,", "line 1: votes must be a non-negative number, got ''"),
        ("A,5%", "line 1: votes must be a non-negative number, got '5%'"),
        ("A,1e6", "line 1: votes must be a non-negative number, got '1e6'"),
        ("A,12,34", "line 1: expected 2 cells (party,votes), got 3 in 'A,12,34'"),
        ('A,"12,34"', "line 1: votes must be a non-negative number, got '12,34'"),
        ("A,1 23", "line 1: votes must be a non-negative number, got '1 23'"),
        (
            "Amanat,3,431,510",
            "line 1: expected 2 cells (party,votes), got 4 in 'Amanat,3,431,510'; "
            'write thousands separators as spaces (3 431 510) or quote the number ("3,431,510")',
        ),
        ("A,1\nB", "line 2: expected 2 cells (party,votes), got 1 in 'B'"),
        ("party;votes\nA;5", "line 1: expected 2 cells (party,votes), got 1 in 'party;votes'"),
        ("A,1\n\n,5", "line 3: the party name is empty in ',5'"),
        ('A,"5', "line 1: unbalanced double quotes in 'A,\"5'"),
        ("A,1\nB,2\nA,3", "line 3: party 'A' appears twice (first on line 1), got 'A,3'"),
        (
            "A,1\nAgainst all,2\nagainst all,3",
            "line 3: 'Against all' appears twice (first on line 2), got 'against all,3'",
        ),
        ("A,1\nvotes,votes", "line 2: votes must be a non-negative number, got 'votes'"),
        ("", "no party rows found: paste one line per party, e.g. 'Amanat,3431510'"),
        (
            "party,votes\nAgainst all,5",
            "no party rows found: paste one line per party, e.g. 'Amanat,3431510'",
        ),
        ("A,0\nB,0", "every party has 0 votes: at least one party needs votes"),
        (
            "A,1\nB," + "9" * 80 + "x",
            "line 2: votes must be a non-negative number, got '" + "9" * 59 + "…'",
        ),
    ],
)
def test_malformed_input_names_line_and_content(text, message):
    with pytest.raises(ValueError) as info:
        parse_votes_csv(text)
    assert str(info.value) == message


def test_not_a_string():
    with pytest.raises(TypeError, match="text must be a string"):
        parse_votes_csv(None)  # type: ignore[arg-type]


def test_parse_number():
    assert parse_number("3 431 510") == 3431510
    assert parse_number("0.125") == Fraction(1, 8)
    with pytest.raises(ValueError, match="votes must be a non-negative number, got '3,43'"):
        parse_number("3,43")


def test_format_votes_csv():
    text = format_votes_csv({"A": 1200, "B, C": 800, 'x"y': 3, "d": Fraction(1, 8)}, 50)
    assert text.splitlines() == [
        "party,votes",
        "A,1200",
        '"B, C",800',
        '"x""y",3',
        "d,0.125",
        "Against all,50",
    ]
    with pytest.raises(ValueError, match="no exact decimal form"):
        format_votes_csv({"A": Fraction(1, 3)})
    with pytest.raises(ValueError, match="cannot be written as one row"):
        format_votes_csv({"Against all": 1})
    with pytest.raises(ValueError, match="party names must be non-empty"):
        format_votes_csv({" A": 1})
    with pytest.raises(ValueError, match=r"votes\['A'\] must be >= 0"):
        format_votes_csv({"A": -1})


# Names a person could type: letters (any script), digits, punctuation, inner spaces.
names = (
    st.text(
        alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\t"),
        min_size=1,
        max_size=20,
    )
    .map(lambda s: s.strip(" \u00a0\u202f\u2009"))
    .filter(
        lambda s: (
            s
            and not is_against_all(s)
            and not looks_like_against_all(s)
            and s.splitlines() == [s]
            and s == s.strip()
        )
    )
)
decimals = st.builds(
    lambda n, places: Fraction(n, 10**places), st.integers(0, 10**9), st.integers(0, 3)
)
counts = st.one_of(st.integers(0, 10**10), decimals)


@settings(max_examples=300, deadline=None)
@given(
    votes=st.dictionaries(names, counts, min_size=1, max_size=8).filter(lambda d: any(d.values())),
    against_all=counts,
)
def test_format_then_parse_round_trips(votes, against_all):
    parsed, aa = parse_votes_csv(format_votes_csv(votes, against_all))
    assert parsed == votes and list(parsed) == list(votes)
    assert aa == against_all
