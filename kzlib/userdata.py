"""Read an election that a user pastes as text ("bring your own election").

The format is one party per line, ``party,votes``::

    party,votes
    Amanat,3431510
    Auyl,"693,938"
    Respublica,547 154
    Against all,248291

Rules (each broken rule raises ``ValueError`` naming the line number and its
content, e.g. ``line 3: votes must be a non-negative number, got 'abc'``):

* Cells are separated by a comma, or by a tab (what a spreadsheet copies). Cells
  follow CSV quoting: a party name containing a comma is written in double quotes.
* An optional header line comes first: its second cell is the word ``votes``
  (any case), e.g. ``party,votes``.
* Votes are non-negative whole or decimal numbers with a ``.`` as decimal point
  (``3431510``, ``53.9``). **Thousands separators** are allowed in two unambiguous
  forms: spaces (``3 431 510``; also the no-break and thin spaces that copied
  numbers often contain) or commas **inside double quotes** (``"3,431,510"``).
  An unquoted ``3,431,510`` is three extra cells, and the error says how to fix it.
* A row for the 'against all' option is not a party: its votes are returned
  separately. It is recognised in English, Russian and Kazakh, in any case and
  with any spacing (``Against all``, ``against_all``, ``Против всех``,
  ``Барлығына қарсы``). A name that looks like it but is none of these
  (``Against all parties``) is refused with a message, so that it can never win
  a seat by mistake.
* A byte-order mark at the start (Excel's "CSV UTF-8") is ignored.
* A vote count has at most 15 digits before the decimal point.
* Blank lines are skipped. Each party may appear once.

Whole numbers come back as ``int``, decimals as exact ``fractions.Fraction``.
Pure standard library; nothing here touches widgets.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from fractions import Fraction

from kzlib._numbers import exact_number, non_negative_number

__all__ = [
    "AGAINST_ALL_NAMES",
    "format_votes_csv",
    "is_against_all",
    "looks_like_against_all",
    "parse_number",
    "parse_votes_csv",
]

#: The names of the 'against all' ballot option, in English, Russian and Kazakh
#: (lower case, single spaces); :func:`is_against_all` ignores case and spacing.
AGAINST_ALL_NAMES = ("against all", "против всех", "барлығына қарсы")

#: Words that, together, make a name look like the 'against all' option.
_LOOKALIKE_WORDS = (("against", "all"), ("против", "всех"), ("барлы", "қарсы"), ("барлы", "карсы"))

#: Most digits accepted before the decimal point of a vote count.
MAX_DIGITS = 15

# Spaces people use as thousands separators: ordinary, no-break, narrow no-break, thin.
_SPACES = " \u00a0\u202f\u2009"
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SPACED = re.compile(r"[0-9]{1,3}(?:[" + _SPACES + r"][0-9]{3})+(?:\.[0-9]+)?")
_COMMAS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")

_MAX_SHOWN = 60


def _name_key(name: str) -> str:
    """``name`` in lower case with runs of spaces, ``_`` and ``-`` made one space."""
    return " ".join(re.sub(r"[\s_\-]+", " ", name.casefold()).split())


def is_against_all(name: str) -> bool:
    """Whether ``name`` is the 'against all' option (English, Russian or Kazakh).

    Examples
    --------
    >>> is_against_all("Against  all"), is_against_all("ПРОТИВ ВСЕХ"), is_against_all("Amanat")
    (True, True, False)
    """
    return _name_key(name) in AGAINST_ALL_NAMES


def looks_like_against_all(name: str) -> bool:
    """Whether ``name`` is not the 'against all' option but reads like it.

    Examples
    --------
    >>> looks_like_against_all("Against all parties"), looks_like_against_all("Against all")
    (True, False)
    """
    key = _name_key(name)
    return not is_against_all(name) and any(
        all(word in key for word in words) for words in _LOOKALIKE_WORDS
    )


def _shown(text: str) -> str:
    """The offending text, quoted and shortened for an error message."""
    return repr(text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…")


def parse_number(text: str) -> int | Fraction:
    """Read one vote count written as in :mod:`kzlib.userdata` (see the module notes).

    Parameters
    ----------
    text
        E.g. ``"3431510"``, ``"3 431 510"``, ``"3,431,510"`` or ``"53.9"``.

    Returns
    -------
    int or Fraction
        ``int`` for whole numbers, an exact ``Fraction`` for decimals.

    Raises
    ------
    ValueError
        If ``text`` is not such a number ("votes must be a non-negative number, got …").

    Examples
    --------
    >>> parse_number("3 431 510"), parse_number("53.9")
    (3431510, Fraction(539, 10))
    """
    cell = text.strip(_SPACES + "\t")
    if _PLAIN.fullmatch(cell):
        digits = cell
    elif _SPACED.fullmatch(cell) or _COMMAS.fullmatch(cell):
        digits = re.sub(r"[," + _SPACES + r"]", "", cell)
    else:
        raise ValueError(f"votes must be a non-negative number, got {_shown(text)}")
    if len(digits.partition(".")[0].lstrip("0")) > MAX_DIGITS:
        raise ValueError(
            f"votes must have at most {MAX_DIGITS} digits before the decimal point, "
            f"got {_shown(text)}"
        )
    value = Fraction(digits)
    return int(value) if value.denominator == 1 else value


def _split(line: str) -> list[str]:
    delimiter = "\t" if "\t" in line else ","
    try:
        return next(csv.reader([line], delimiter=delimiter, skipinitialspace=True, strict=True))
    except csv.Error:
        raise ValueError("unbalanced double quotes") from None


def parse_votes_csv(text: str) -> tuple[dict[str, int | Fraction], int | Fraction]:
    """Parse pasted ``party,votes`` lines into votes and 'against all'.

    Parameters
    ----------
    text
        The pasted text (see the module notes for the format).

    Returns
    -------
    (dict, int or Fraction)
        ``{party: votes}`` in the order given, and the 'against all' votes
        (0 if there is no such row).

    Raises
    ------
    TypeError
        If ``text`` is not a string.
    ValueError
        On the first malformed line, naming its number (1 = first line) and its
        content; or if there is no party row, or every party has 0 votes.

    Examples
    --------
    >>> parse_votes_csv("party,votes\\nA,\\"1,200\\"\\nB,800\\nAgainst all,50")
    ({'A': 1200, 'B': 800}, 50)
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string of 'party,votes' lines, got {type(text).__name__}")
    votes: dict[str, int | Fraction] = {}
    seen_on: dict[str, int] = {}
    against_all: int | Fraction | None = None
    against_line = 0
    first_content = True
    text = text.removeprefix("\ufeff")  # a byte-order mark (Excel "CSV UTF-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            cells = _split(line)
        except ValueError as err:
            raise ValueError(f"{where}: {err} in {_shown(line)}") from None
        is_first, first_content = first_content, False
        if len(cells) != 2:
            hint = ""
            if len(cells) > 2 and all(re.fullmatch(r"\s*[0-9]{3}\s*", c) for c in cells[2:]):
                hint = (
                    "; write thousands separators as spaces (3 431 510) or quote the number "
                    '("3,431,510")'
                )
            raise ValueError(
                f"{where}: expected 2 cells (party,votes), got {len(cells)} in {_shown(line)}{hint}"
            )
        party, value = cells[0].strip(_SPACES + "\t"), cells[1]
        if is_first and value.strip().lower() == "votes":
            continue  # the optional header
        if not party:
            raise ValueError(f"{where}: the party name is empty in {_shown(line)}")
        try:
            count = parse_number(value)
        except ValueError as err:
            raise ValueError(f"{where}: {err}") from None
        if looks_like_against_all(party):
            raise ValueError(
                f"{where}: {party!r} looks like the 'against all' option but is not one of "
                "its names (Against all, Против всех, Барлығына қарсы); write it as one of "
                "them, or rename the party if it really is a party"
            )
        if is_against_all(party):
            if against_all is not None:
                raise ValueError(
                    f"{where}: 'Against all' appears twice (first on line {against_line}), "
                    f"got {_shown(line)}"
                )
            against_all, against_line = count, number
            continue
        if party in votes:
            raise ValueError(
                f"{where}: party {party!r} appears twice (first on line {seen_on[party]}), "
                f"got {_shown(line)}"
            )
        votes[party] = count
        seen_on[party] = number
    if not votes:
        raise ValueError("no party rows found: paste one line per party, e.g. 'Amanat,3431510'")
    if not any(votes.values()):
        raise ValueError("every party has 0 votes: at least one party needs votes")
    return votes, (against_all or 0)


def _format_number(value: object, name: str) -> str:
    number = non_negative_number(value, name)
    if isinstance(number, int):
        return str(number)
    # A Fraction prints exactly as a decimal only if its denominator is 2^a 5^b.
    den = number.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{name} has no exact decimal form, got {value!r}")
    places = max(twos, fives)
    scaled = number * 10**places
    whole, frac = divmod(int(scaled), 10**places)
    return f"{whole}.{frac:0{places}d}"


def format_votes_csv(votes: Mapping[str, object], against_all: object = 0) -> str:
    """Write votes in the format :func:`parse_votes_csv` reads (with a header).

    Party names are quoted when needed (CSV rules); 'against all' is written as a
    last ``Against all`` row when it is not 0. ``parse_votes_csv`` of the result
    gives back the same votes.

    Raises
    ------
    ValueError
        If a name is empty, has surrounding spaces or a line break, or is an
        'against all' name; or a number is negative or has no exact decimal form.

    Examples
    --------
    >>> print(format_votes_csv({"A": 1200, "B, C": 800}, 50))
    party,votes
    A,1200
    "B, C",800
    Against all,50
    """
    lines = ["party,votes"]
    for party, value in votes.items():
        if not isinstance(party, str) or not party.strip() or party != party.strip(_SPACES + "\t"):
            raise ValueError(
                f"party names must be non-empty, without surrounding spaces, got {party!r}"
            )
        if (
            party.splitlines() != [party]
            or "\t" in party
            or is_against_all(party)
            or looks_like_against_all(party)
        ):
            raise ValueError(f"party name {party!r} cannot be written as one row")
        needs_quotes = any(c in party for c in ',"')
        name = '"' + party.replace('"', '""') + '"' if needs_quotes else party
        lines.append(f"{name},{_format_number(value, f'votes[{party!r}]')}")
    if exact_number(against_all, "against_all"):
        lines.append(f"Against all,{_format_number(against_all, 'against_all')}")
    return "\n".join(lines)
