"""Time one update (compute + redraw + PNG) of every notebook's widget panel.

Run with ``make bench`` or ``python tests/benchmarks/bench_widgets.py [NN ...]`` (e.g.
``05 10`` for the threshold and what-if panels only). Each panel is built as in its
notebook, then each control is moved through a few values; the table gives the median
and the slowest milliseconds per update. The house target is well under 100 ms.

Slider moves redraw only the moving artists (``BlitChartView``); a move that changes
an axis, a title or the set of parties redraws the whole figure and is slower.
A measurement, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence

from kzlib import timeline
from kzlib.widgets.akims import build_rollout_explorer
from kzlib.widgets.constitution import build_kurultai_explorer
from kzlib.widgets.counting import build_counting_explorer
from kzlib.widgets.institutions import build_chamber_explorer
from kzlib.widgets.maslikhat import build_maslikhat_explorer
from kzlib.widgets.mixed import build_mixed_explorer
from kzlib.widgets.parties import build_registration_explorer
from kzlib.widgets.presidency import build_era_explorer
from kzlib.widgets.referendum import build_adoption_explorer
from kzlib.widgets.seatrange import SAMPLE_SIZES, build_seatrange_explorer
from kzlib.widgets.threshold import build_threshold_explorer
from kzlib.widgets.timeline import ALL, build_timeline_explorer
from kzlib.widgets.whatif import MAX_PARTIES, build_whatif_explorer

REPEATS = 3
LARGEST_PASTE = "\n".join(
    f"People's Democratic Party of Region {i:02d},{(i + 1) * 19_997}" for i in range(MAX_PARTIES)
)

# (label, control name, values it is moved through), per panel.
Moves = list[tuple[str, str, Sequence[object]]]


def options(explorer, name: str) -> list[object]:
    """Every value of a dropdown, in order."""
    return [value for _label, value in explorer.controls[name].options]


def panel_00():
    ex = build_timeline_explorer()
    low, high = ex.controls["years"].min, ex.controls["years"].max
    return ex, [
        ("category toggle", "category", [*timeline.CATEGORIES, ALL]),
        ("years range", "years", [(low, high), (2022, 2023), (2023, high), (low, 2021),
                                  (2022, high)]),
    ]


def panel_01():
    return build_adoption_explorer(), [
        ("rule dropdown", "rule", ["2026", "2022"]),
        ("turnout slider", "turnout_pct", [45.0, 60.0, 68.05]),
        ("yes slider", "yes_pct", [55.0, 65.0, 77.18]),
        ("regions slider", "regions", [10, 17, 14]),
    ]


def panel_02():
    return build_era_explorer(), [
        ("start year slider", "start_year", [1995, 1999, 2007, 2019, 2022, 2010]),
        ("first president checkbox", "first_president", [True, False]),
    ]


def panel_03():
    return build_chamber_explorer(), [
        ("start from", "change", ["before 2023", "from 2023"]),
        ("appointed senators", "appointed", [15, 10, 20, 10]),
        ("party-list seats", "party_list", [98, 69, 120, 69]),
    ]


def panel_04():
    return build_registration_explorer(), [
        ("members slider", "members", [6000, 20000, 12000]),
        ("branch members slider", "branch_members", [150, 700, 250]),
        ("initiative group slider", "initiative_group", [650, 1200, 800]),
        ("year slider", "year", [2015, 2020, 2023, 2021]),
    ]


def panel_05():
    return build_threshold_explorer(), [
        ("threshold slider", "threshold", [3.0, 4.5, 5.0, 7.0, 9.5, 5.0]),
        ("2009 rule checkbox", "one_party_rule", [True, False]),
        ("seats dropdown", "seats", [98, 69, "own"]),
        ("base dropdown", "base", ["votes", "ballots", "votes_and_against_all"]),
        ("election dropdown", "election", [2007, 2021, 2023]),
    ]


def panel_06():
    return build_counting_explorer(), [
        ("seats slider (small steps)", "seats", [66, 67, 68, 69, 70, 71, 65]),
        ("seats slider (big jumps)", "seats", [10, 150, 98, 30, 69]),
        ("method dropdown", "method", ["droop", "dhondt", "sainte-lague",
                                       "modified-sainte-lague", "hare"]),
        ("votes dropdown", "election", ["2021", "2021-at-5", "textbook", "2023"]),
    ]


def panel_07():
    return build_mixed_explorer(), [
        ("list share slider", "list_share", [69, 71, 60, 75, 50, 70]),
        ("reading dropdown", "reading", ["wikipedia", "electionguide", "disputed"]),
        ("district model", "district_model", ["list shares", "leader sweeps", "2023 result"]),
        ("system dropdown", "system", ["compensatory", "parallel", "compensatory"]),
        ("overhang rule (MMP)", "overhang", ["fixed", "level", "keep"]),
        ("list share slider (MMP)", "list_share", [69, 60, 75, 50, 70]),
    ]


def panel_08():
    return build_maslikhat_explorer(), [
        ("threshold slider", "threshold", [3.0, 4.5, 5.5, 7.0, 9.5, 5.0]),
        ("base dropdown", "base", ["votes", "votes_and_against_all"]),
        ("method dropdown", "method", ["dhondt", "sainte-lague", "droop", "hare"]),
        ("council dropdown", "council", ["Almaty city", "Astana city"]),
    ]


def panel_09():
    return build_rollout_explorer(), [
        ("level dropdown", "level", ["district", "rural"]),
        ("start year slider", "start_year", [2019, 2022, 2024, 2021]),
        ("term slider", "term_years", [3, 5, 4]),
    ]


def panel_10():
    lab = build_whatif_explorer(2023)
    lab.controls["from_party"].value, lab.controls["to_party"].value = "Amanat", "Baitaq"
    return lab, [
        ("points slider", "points", [0.5, 1.0, 2.7, 4.0, 0.0]),
        ("custom threshold slider", "custom_threshold", [3.0, 4.0, 7.0, 5.0]),
        ("custom method", "custom_method", ["dhondt", "sainte-lague", "hare"]),
        ("custom seats", "custom_seats", [69, 120, 98]),
        ("scenario A era", "scenario_a", ["custom", "2023 list tier", "2021 rules"]),
        ("election dropdown", "election", [2007, 2021, 2023]),
        ("pasted text", "paste", ["A,600\nB,300\nC,100", "A,520\nB,480"]),
        # The largest paste the lab accepts: MAX_PARTIES lists with long names.
        ("pasted text, 20 parties", "paste", [LARGEST_PASTE, LARGEST_PASTE.replace(",", ",1")]),
    ]


def panel_10_seatrange():
    # 10,000 draws counted under two rule sets per move (issue 15: under 0.5 s).
    return build_seatrange_explorer(2023), [
        ("certainty slider", "sample_size", [*SAMPLE_SIZES, 2_000]),
        ("election dropdown", "election", [2021, 2023]),
    ]


def panel_11():
    return build_kurultai_explorer(), [
        ("threshold slider", "threshold", [7.0, 5.0, 3.0, 6.0, 5.0]),
        ("base dropdown", "base", ["votes", "ballots", "votes_and_against_all"]),
        ("election dropdown", "election", [2021, 2023]),
    ]


PANELS: dict[str, Callable[[], tuple[object, Moves]]] = {
    "00": panel_00, "01": panel_01, "02": panel_02, "03": panel_03, "04": panel_04,
    "05": panel_05, "06": panel_06, "07": panel_07, "08": panel_08, "09": panel_09,
    "10": panel_10, "10s": panel_10_seatrange, "11": panel_11,
}


def timings(explorer, name: str, values: Sequence[object]) -> list[float]:
    """Milliseconds per update over REPEATS passes through ``values``."""
    control = explorer.controls[name]
    out = []
    for _ in range(REPEATS):
        for value in values:
            start = time.perf_counter()
            control.value = value
            out.append((time.perf_counter() - start) * 1000)
            assert explorer.error.value == "", (name, value, explorer.error.value)
    return out


def main(selected: Sequence[str]) -> None:
    unknown = set(selected) - set(PANELS)
    if unknown:
        raise SystemExit(f"no panel {sorted(unknown)}; choose from {sorted(PANELS)}")
    rows = []
    for number in selected or PANELS:
        explorer, moves = PANELS[number]()
        for label, name, values in moves:
            times = timings(explorer, name, values)
            rows.append((f"{number} {label}", statistics.median(times), max(times)))
    width = max(len(label) for label, *_ in rows)
    print(f"{'control':<{width}}  {'median ms':>9}  {'max ms':>7}")
    for label, median, slowest in rows:
        print(f"{label:<{width}}  {median:9.1f}  {slowest:7.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
