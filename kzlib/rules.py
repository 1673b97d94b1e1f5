"""Electoral rules of each chamber and era, as frozen values with their legal sources.

``mazhilis(year)`` returns the rules in force for a Mazhilis election held in
``year``; ``maslikhat(year, level)`` those of a local council; ``kurultai(year)``
those of the one-chamber Kurultai of the 2026 Constitution, whose election law was
not found in any source available to this project (its open questions are explicit
options, each with its status in :attr:`RuleSet.status`). A rule set knows how to
turn a party-list vote into seats: :meth:`RuleSet.allocate_list`.

Three questions are not settled by the law texts available to this project (see
``data/README.md``): the base of the 5% threshold, whether the 2009 "one party
passes" rule survives the 2022 reforms, and the tie rule in the current law. Each
is an explicit option with a documented default:

* ``threshold_base`` defaults to what the CEC publishes shares of: party votes
  plus "against all" from 2023, party votes before (no "against all" then).
  ``"ballots"`` (all ballots received) follows an older English translation of
  the law. In every real election in ``data/`` both bases admit the same parties.
* ``one_party_rule`` defaults to True from 2009 on (the 9 February 2009 amendment;
  never repealed in any source found, never triggered since).
* ``tie_break`` defaults to None: a tie raises :class:`~kzlib.allocation.TieError`
  unless the caller passes the registration order (the 7%-era law: the list
  registered earlier wins). No real result in ``data/`` contains a tie.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Literal

from kzlib._numbers import whole_number
from kzlib.allocation import Allocation, allocate
from kzlib.thresholds import Threshold, check_base, parse_share

__all__ = ["KURULTAI_THRESHOLDS", "RuleSet", "SOURCES", "kurultai", "mazhilis", "maslikhat"]

#: Legal and documentary sources cited by the rule sets.
SOURCES: dict[str, str] = {
    "art97_1": (
        "Constitutional Law 'On elections', art. 97-1 (Hare quota over admitted lists, largest "
        "remainders), as applied by the CEC in 2023 — https://qmonitor.kz/politics/5001"
    ),
    "law_2007_text": (
        "Constitutional Law 'On elections' (English translation, 7% era): 7% threshold, "
        "one-party rule — https://www.te.gob.mx/vota_elections/thesaurus/article/23093/16231/159"
    ),
    "ipu_2007": (
        "IPU Parline, Kazakhstan 2007: 98 list seats + 9 APK seats, earlier-registered list wins "
        "ties, second party gets at least two seats — http://archive.ipu.org/parline-e/reports/2165_B.htm"
    ),
    "amendment_2009": (
        "Amendment of 9 February 2009: if one party passes, the runner-up is admitted — "
        "https://vse-na-vybory.blogspot.com/2009/01/kazakhstans-election-law-change.html"
    ),
    "law_2021": (
        "Constitutional Law of 25 May 2021: threshold 7% -> 5%, 'against all' restored — "
        "https://aninews.in/news/world/asia/kazakhstan-new-law-on-elections-aims-to-engage-"
        "kazakh-citizens-in-political-institution-say-experts20210526172003/"
    ),
    "constitution_2022": (
        "Constitution art. 50(3) as amended by the referendum of 5 June 2022: a Mazhilis of 98 "
        "deputies elected under a mixed electoral system as a constitutional law prescribes "
        "(the 69/29 split is not in the Constitution) — http://constitutions.unwomen.org/en/"
        "countries/asia/kazakhstan?provisioncategory=f742f326abcb482f80add11164f53c1c"
    ),
    "law_2022_split": (
        "Constitutional Law of 5 November 2022 amending 'On elections': 69 deputies from party "
        "lists in one nationwide district, 29 in single-member territorial districts — "
        "https://qazinform.com/news/what-to-expect-from-kazakhstan-s-political-life-in-2023_a4026746"
    ),
    "cec_2023_base": (
        "CEC final results 27 March 2023: shares of party votes + 'against all' (6,366,441) — "
        "https://vlast.kz/novosti/54446-cik-raspredelil-deputatskie-mandaty-mezdu-partiami.html"
    ),
    "maslikhat_2023": (
        "Regional-level maslikhats 50/50, district and city maslikhats all single-member — "
        "https://www.lada.kz/kazakhstan-news/108794-na-odno-mesto-v-mazhilise-pretenduyut-15-kandidatov.html"
    ),
    "maslikhat_threshold": (
        "Astana territorial commission: list seats for parties with 5% and more — "
        "https://kapital.kz/amp/gosudarstvo/114130/podvedeny-itogi-vyborov-deputatov-maslikhata-astany.html"
    ),
    "constitution_2026": (
        "Constitution adopted by the referendum of 15 March 2026 (final text, in force 1 July "
        "2026): a one-chamber Kurultai of 145 deputies, elected for 5 years by proportional "
        "representation in a single nationwide district — https://www.inform.kz/ru/nazvani-"
        "sroki-prekrasheniya-polnomochiy-parlamenta-i-provedeniya-viborov-v-kuriltay-3fb44d"
    ),
    "kurultai_lists": (
        "Constitutional Commission: Kurultai deputies elected by party lists only, in one "
        "nationwide district — https://qazinform.com/news/constitutional-commission-reviews-"
        "provisions-on-qurultay-and-khalyk-kenesi-44af96"
    ),
    "kurultai_5pct": (
        "President Tokayev, 20 January 2026: 'expedient to keep the five-percent barrier' "
        "(a proposal; the adopted election law was not found) — "
        "https://tass.ru/mezhdunarodnaya-panorama/26197271"
    ),
    "kurultai_7pct": (
        "constitution.my explainer (updated 13 June 2026): 'the threshold rises from 5% to 7%' "
        "(one unofficial source; unresolved) — "
        "https://constitution.my/p/myth-kurultai-same-as-mazhilis?lang=en"
    ),
}


@dataclass(frozen=True)
class RuleSet:
    """How one chamber was elected in one era.

    Attributes
    ----------
    chamber
        ``"mazhilis"`` or ``"maslikhat"``.
    era
        A short label, e.g. ``"2023–"``.
    level
        Maslikhats: ``"regional"`` or ``"district"``; None for the Mazhilis.
    total_seats
        Seats in the chamber (None where it varies by council).
    list_seats
        Seats filled from party lists (None where it varies by council).
    smd_seats
        Seats filled in single-member districts by plurality.
    indirect_seats
        Seats filled indirectly (the 9 Assembly of People of Kazakhstan seats before 2023).
    list_share
        The share of seats elected from lists (exact), for councils whose size varies.
    threshold
        The list threshold, with its base.
    method
        The seat-allocation method (always ``"hare"`` in Kazakhstan).
    one_party_rule
        If exactly one list passes, the runner-up is admitted too (2009 amendment).
    against_all
        Whether "against all" is on the ballot.
    tie_rule
        The tie rule in words.
    sources
        Field name -> citation (law and URL).
    status
        Field name -> how settled it is, for rules whose law was not found
        (the Kurultai): ``"final"`` (in the adopted Constitution), ``"proposed"``,
        ``"unresolved"`` (one weak source), ``"assumed"`` (modelled as for the
        Mazhilis; no source found) or ``"chosen"`` (a value picked by the caller). Empty for
        the Mazhilis and maslikhat rules, which cite their law in :attr:`sources`.
    """

    chamber: Literal["mazhilis", "maslikhat", "kurultai"]
    era: str
    level: str | None
    total_seats: int | None
    list_seats: int | None
    smd_seats: int | None
    indirect_seats: int
    list_share: Fraction
    threshold: Threshold
    method: str = "hare"
    one_party_rule: bool = False
    against_all: bool = False
    tie_rule: str = "list registered earlier wins (7%-era law; not confirmed for the current text)"
    sources: Mapping[str, str] = field(default_factory=dict)
    status: Mapping[str, str] = field(default_factory=dict)

    def allocate_list(
        self,
        votes: Mapping[str, object],
        *,
        against_all: object = 0,
        seats: int | None = None,
        ballots: object = None,
        tie_break: Sequence[str] | None = None,
    ) -> Allocation:
        """Distribute the list seats under these rules.

        Parameters
        ----------
        votes
            Party -> list votes.
        against_all
            "Against all" votes (they count in the threshold base from 2023).
        seats
            List seats to fill; defaults to :attr:`list_seats`. Required for
            maslikhats, whose size varies by council.
        ballots
            Ballots received; needed only with the threshold base ``"ballots"``.
        tie_break
            Parties in registration order, earliest first (see the module notes).

        Returns
        -------
        Allocation

        Raises
        ------
        ValueError
            If the chamber has no list seats, ``seats`` is missing for a
            maslikhat, or the input is malformed (see :func:`kzlib.allocate`).
        """
        if self.list_share == 0:
            raise ValueError(
                f"{self.chamber} ({self.level}) has no party-list seats: "
                "all seats are single-member"
            )
        if seats is None:
            if self.list_seats is None:
                raise ValueError(
                    f"seats must be given for a {self.chamber}: the number of list seats "
                    "differs from council to council, got None"
                )
            seats = self.list_seats
        if against_all and not self.against_all:
            raise ValueError(
                f"against_all must be 0 for the {self.era} rules ('against all' was not on the "
                f"ballot), got {against_all!r}"
            )
        if not self.one_party_rule:
            return allocate(
                votes, seats, self.method, self.threshold,
                tie_break=tie_break, against_all=against_all, ballots=ballots,
            )
        first = allocate(
            votes, seats, self.method, self.threshold,
            tie_break=tie_break, against_all=against_all, ballots=ballots,
        )
        if len(first.eligible) != 1:
            return first
        return _one_party_rule(first, seats, self.method, tie_break)

    def unsettled(self) -> tuple[str, ...]:
        """The fields whose :attr:`status` is not ``"final"`` (empty when none is recorded).

        Examples
        --------
        >>> kurultai(2026).unsettled()
        ('threshold', 'threshold.base', 'method', 'against_all', 'tie_rule')
        >>> mazhilis(2023).unsettled()
        ()
        """
        return tuple(f for f, s in self.status.items() if not s.startswith("final"))

    def describe(self) -> str:
        """One line for a table: seats, tiers, threshold (and what is not settled, if known).

        Examples
        --------
        >>> mazhilis(2023).describe()
        "Mazhilis 2023–: 69 list + 29 single-member; threshold 5% of votes for the parties \
plus 'against all' (at or above)"
        >>> kurultai(2026, threshold="7%", base="votes").describe()
        'Kurultai 2026–: 145 list; threshold 7% of votes for the parties on the ballot \
(at or above); not settled by any source found: threshold, threshold.base, method, \
against_all, tie_rule'
        """
        tiers = []
        if self.list_seats is not None:
            tiers.append(f"{self.list_seats} list")
        elif self.list_share:
            tiers.append(f"{float(self.list_share):.0%} list")
        if self.smd_seats:
            tiers.append(f"{self.smd_seats} single-member")
        elif self.list_share < 1 and self.smd_seats is None:
            tiers.append(f"{float(1 - self.list_share):.0%} single-member")
        if self.indirect_seats:
            tiers.append(f"{self.indirect_seats} indirect (APK)")
        open_fields = self.unsettled()
        return f"{self.chamber.title()} {self.era}: " + " + ".join(tiers) + (
            f"; threshold {self.threshold.describe()}" if self.list_share else ""
        ) + (f"; not settled by any source found: {', '.join(open_fields)}" if open_fields else "")


def _one_party_rule(
    first: Allocation, seats: int, method: str, tie_break: Sequence[str] | None
) -> Allocation:
    """Admit the runner-up when only one list passes (2009 amendment, as modelled here).

    The translated law text is cut off after the correction coefficient; IPU adds
    that the runner-up gets at least two seats. Model: the runner-up (most votes
    among the other lists) is admitted with its votes multiplied by 0.7 in the
    quota step; the two lists share the seats by the chosen method, and the
    runner-up is guaranteed two seats, taken from the leader.
    """
    votes = first.votes
    leader = first.eligible[0]
    others = [p for p in votes if p != leader and votes[p] > 0]
    if not others or seats < 3:
        return first
    runner_up = max(others, key=lambda p: votes[p])
    tied = [p for p in others if votes[p] == votes[runner_up]]
    if len(tied) > 1:
        if tie_break is None or not all(p in tie_break for p in tied):
            from kzlib.allocation import TieError

            raise TieError(
                f"tie for runner-up under the one-party rule: {tied}; pass tie_break", tied, 1
            )
        runner_up = sorted(tied, key=list(tie_break).index)[0]
    pair = {leader: votes[leader], runner_up: Fraction(votes[runner_up]) * Fraction(7, 10)}
    result = allocate(pair, seats, method, tie_break=tie_break)
    second = max(result.seats[runner_up], 2)
    seat_map = {p: 0 for p in votes}
    seat_map[leader] = seats - second
    seat_map[runner_up] = second
    # The two-seat floor, when it binds, is what gives the runner-up its extra seat.
    if second == result.seats[runner_up]:
        remainder_seats = result.remainder_seats
    else:
        remainder_seats = (runner_up,)
    return replace(
        result,
        votes=dict(votes),
        remainder_seats=remainder_seats,
        seats=seat_map,
        eligible=tuple(p for p in votes if p in (leader, runner_up)),
        threshold=first.threshold,
        base_total=first.base_total,
    )


# --------------------------------------------------------------------------- Mazhilis

_FIRST_MAZHILIS_YEAR = 2007


def _year(year: object) -> int:
    """``year`` as an int: 2023, ``numpy.int64(2023)`` or ``2023.0`` (a pandas cell)."""
    try:
        return whole_number(year, "year")
    except TypeError:
        raise TypeError(f"year must be an integer such as 2023, got {year!r}") from None
    except ValueError:
        raise ValueError(f"year must be an integer such as 2023, got {year!r}") from None


def _mazhilis_base(year: int) -> str:
    return "votes_and_against_all" if year >= 2023 else "votes"


def mazhilis(
    year: int,
    *,
    threshold_base: str | None = None,
    one_party_rule: bool | None = None,
) -> RuleSet:
    """Rules for a Mazhilis election held in ``year`` (2007 onward).

    Parameters
    ----------
    year
        Election year. 2007–2021: 98 list seats, 7%, plus 9 seats elected by the
        Assembly of People of Kazakhstan; from 2023: 69 list seats at 5% and 29
        single-member seats, "against all" on the ballot. 2022 held no Mazhilis
        election and its rules were in transition, so it is refused.
    threshold_base
        Override the threshold base (see :data:`kzlib.thresholds.BASES`).
        Default: ``"votes_and_against_all"`` from 2023, ``"votes"`` before.
    one_party_rule
        Override whether the runner-up is admitted when only one list passes.
        Default: False for 2007–2008, True from 2009 (assumed to survive 2022).

    Raises
    ------
    TypeError
        If ``year`` is not an integer.
    ValueError
        If ``year`` is before 2007, is 2022, or an option is invalid.

    Examples
    --------
    >>> mazhilis(2023).list_seats, mazhilis(2023).smd_seats
    (69, 29)
    """
    year = _year(year)
    if year < _FIRST_MAZHILIS_YEAR:
        raise ValueError(
            f"year must be {_FIRST_MAZHILIS_YEAR} or later "
            f"(the all-list Mazhilis began in 2007), got {year}"
        )
    if year == 2022:
        raise ValueError(
            "year 2022 has no Mazhilis election and its rules were in transition "
            "(5% from the May 2021 law, 69 + 29 seats from the June 2022 referendum); "
            "use 2021 or 2023, got 2022"
        )
    base = check_base(
        threshold_base if threshold_base is not None else _mazhilis_base(year), "threshold_base"
    )
    if one_party_rule is None:
        one_party_rule = year >= 2009
    elif not isinstance(one_party_rule, bool):
        raise TypeError(f"one_party_rule must be True, False or None, got {one_party_rule!r}")

    if year < 2023:
        return RuleSet(
            chamber="mazhilis",
            era="2007–2009" if year < 2009 else "2009–2021",
            level=None,
            total_seats=107,
            list_seats=98,
            smd_seats=0,
            indirect_seats=9,
            list_share=Fraction(98, 98),
            threshold=Threshold(Fraction(7, 100), base=base),  # type: ignore[arg-type]
            one_party_rule=one_party_rule,
            against_all=False,
            sources={
                "total_seats": SOURCES["ipu_2007"],
                "list_seats": SOURCES["ipu_2007"],
                "indirect_seats": SOURCES["ipu_2007"],
                "threshold": SOURCES["law_2007_text"],
                "method": SOURCES["art97_1"],
                "one_party_rule": SOURCES["amendment_2009"],
                "tie_rule": SOURCES["ipu_2007"],
            },
        )
    return RuleSet(
        chamber="mazhilis",
        era="2023–",
        level=None,
        total_seats=98,
        list_seats=69,
        smd_seats=29,
        indirect_seats=0,
        list_share=Fraction(69, 98),
        threshold=Threshold(Fraction(5, 100), base=base),  # type: ignore[arg-type]
        one_party_rule=one_party_rule,
        against_all=True,
        sources={
            "total_seats": SOURCES["constitution_2022"],
            "list_seats": SOURCES["law_2022_split"],
            "smd_seats": SOURCES["law_2022_split"],
            "threshold": SOURCES["law_2021"],
            "threshold.base": SOURCES["cec_2023_base"],
            "method": SOURCES["art97_1"],
            "against_all": SOURCES["law_2021"],
            "one_party_rule": SOURCES["amendment_2009"] + " (not verified for the post-2022 text)",
            "tie_rule": SOURCES["ipu_2007"] + " (not verified for the post-2022 text)",
        },
    )


# --------------------------------------------------------------------------- maslikhats

LEVELS = ("regional", "district")


def maslikhat(
    year: int, level: str, *, threshold_base: str = "votes_and_against_all"
) -> RuleSet:
    """Rules for the 2023 maslikhat (local council) elections.

    Parameters
    ----------
    year
        2023 or later (the only mixed-system maslikhat rules modelled here).
    level
        ``"regional"``: oblast maslikhats and those of Astana, Almaty and
        Shymkent, half list (5% threshold, Hare) and half single-member.
        ``"district"``: district maslikhats and those of cities of regional
        significance, all single-member.
    threshold_base
        The threshold base (default party votes + "against all").

    Raises
    ------
    TypeError, ValueError
        If ``year`` or ``level`` is invalid.
    """
    year = _year(year)
    if year < 2023:
        raise ValueError(f"year must be 2023 or later (the mixed maslikhat system), got {year}")
    if not isinstance(level, str) or level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    check_base(threshold_base, "threshold_base")
    share = Fraction(1, 2) if level == "regional" else Fraction(0)
    return RuleSet(
        chamber="maslikhat",
        era="2023–",
        level=level,
        total_seats=None,
        list_seats=None,
        smd_seats=None,
        indirect_seats=0,
        list_share=share,
        threshold=Threshold(Fraction(5, 100), base=threshold_base),  # type: ignore[arg-type]
        one_party_rule=False,
        against_all=True,
        sources={
            "list_share": SOURCES["maslikhat_2023"],
            "threshold": SOURCES["maslikhat_threshold"],
            "method": SOURCES["art97_1"],
            "against_all": SOURCES["law_2021"],
        },
    )


# --------------------------------------------------------------------------- Kurultai

_FIRST_KURULTAI_YEAR = 2026

#: The Kurultai thresholds found in the sources, with their status (neither is in an
#: adopted law found by this project): per cent -> status and citation key.
KURULTAI_THRESHOLDS: dict[int, str] = {
    5: "proposed: President Tokayev, 20 January 2026 (the default here)",
    7: "unresolved: one unofficial explainer site, June 2026",
}


def kurultai(
    year: int = 2026,
    *,
    threshold: object = "5%",
    base: str = "votes_and_against_all",
) -> RuleSet:
    """Rules for an election to the Kurultai, the one-chamber parliament of 2026.

    What the 2026 Constitution fixes (status ``"final"``): 145 deputies, all elected
    from party lists by proportional representation in one nationwide district, for
    five years; no single-member seats, no seats filled indirectly. What it leaves to
    an election law that no source available to this project contains: the
    threshold, its base, the seat formula, 'against all' and the tie rule. Those are
    modelled here, each with its status in :attr:`RuleSet.status`:

    * ``threshold`` — 5% by default, as President Tokayev proposed to keep on
      20 January 2026 (``"proposed"``); one unofficial source says 7% (see
      :data:`KURULTAI_THRESHOLDS`). A list exactly at the threshold passes, as in
      the Mazhilis law ("5 and more per cent"; ``"assumed"``).
    * ``base`` — party votes plus 'against all' by default, as the CEC counted the
      2023 Mazhilis shares; ``"votes"`` leaves 'against all' out (``"assumed"``).
    * method — the Hare quota with largest remainders over the lists that pass, as
      in the Mazhilis list tier (``"assumed"``).
    * 'against all' — modelled as on the ballot, as in 2023 (``"assumed"``), so
      :meth:`RuleSet.allocate_list` accepts those votes.
    * the 2009 one-party rule is not modelled (not found for the Kurultai).

    Parameters
    ----------
    year
        Election year, 2026 or later (the first Kurultai election was scheduled
        for 23 August 2026).
    threshold
        The list threshold: a share in [0, 1) such as ``0.05``, or a string such as
        ``"7%"``.
    base
        What the threshold is a share of, one of :data:`kzlib.thresholds.BASES`.

    Returns
    -------
    RuleSet
        ``chamber="kurultai"``, 145 list seats; its :meth:`~RuleSet.describe` names
        the fields no source settles.

    Raises
    ------
    TypeError
        If ``year`` is not an integer or ``threshold`` is neither a number nor a string.
    ValueError
        If ``year`` is before 2026, ``threshold`` is outside [0, 1) or unreadable, or
        ``base`` is unknown.

    Examples
    --------
    >>> k = kurultai(2026)
    >>> k.total_seats, k.list_seats, k.smd_seats, k.threshold.percent
    (145, 145, 0, Fraction(5, 1))
    >>> k.status["total_seats"], k.status["threshold"]
    ('final', 'proposed')
    >>> kurultai(2026).allocate_list({"A": 600, "B": 300, "C": 45}, against_all=55).seats
    {'A': 97, 'B': 48, 'C': 0}
    """
    year = _year(year)
    if year < _FIRST_KURULTAI_YEAR:
        raise ValueError(
            f"year must be {_FIRST_KURULTAI_YEAR} or later (the Kurultai was created by the "
            f"Constitution in force from 1 July 2026), got {year}"
        )
    if isinstance(threshold, bool):
        raise TypeError(f"threshold must be a share such as 0.05 or a string such as '5%', "
                        f"got {threshold!r}")
    share = parse_share(threshold, "threshold")
    base = check_base(base, "base")
    percent = share * 100
    if percent == 5:
        threshold_status = "proposed"
        threshold_source = SOURCES["kurultai_5pct"]
    elif percent == 7:
        threshold_status = "unresolved"
        threshold_source = SOURCES["kurultai_7pct"]
    else:
        threshold_status = "chosen"
        threshold_source = "a value chosen for this model; no source gives it"
    not_found = " (not found for the Kurultai; modelled as for the 2023 Mazhilis)"
    return RuleSet(
        chamber="kurultai",
        era="2026–",
        level=None,
        total_seats=145,
        list_seats=145,
        smd_seats=0,
        indirect_seats=0,
        list_share=Fraction(1),
        threshold=Threshold(share, base=base),  # type: ignore[arg-type]
        one_party_rule=False,
        against_all=True,
        tie_rule="not found for the Kurultai: a tie raises TieError unless tie_break is given",
        sources={
            "total_seats": SOURCES["constitution_2026"],
            "list_seats": SOURCES["constitution_2026"] + "; " + SOURCES["kurultai_lists"],
            "smd_seats": SOURCES["kurultai_lists"],
            "threshold": threshold_source,
            "threshold.base": SOURCES["cec_2023_base"] + not_found,
            "method": SOURCES["art97_1"] + not_found,
            "against_all": SOURCES["law_2021"] + not_found,
        },
        status={
            "total_seats": "final",
            "list_seats": "final",
            "smd_seats": "final",
            "indirect_seats": "final",
            "threshold": threshold_status,
            "threshold.base": "assumed",
            "method": "assumed",
            "against_all": "assumed",
            "tie_rule": "assumed",
        },
    )
