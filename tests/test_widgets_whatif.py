"""Notebook 10 widget: the what-if lab, every control driven headless."""

from __future__ import annotations

import html
import re

import pytest
from explorers import alt_text

from kzlib import rules
from kzlib.cases import mazhilis_election
from kzlib.compare.elections import (
    compare_outcomes,
    compare_summary,
    shift_votes,
    split_against_all,
    with_against_all,
)
from kzlib.widgets.whatif import CUSTOM_METHODS, OWN, build_whatif_explorer, whatif_inputs


def seats_of(explorer, slot: str) -> dict[str, int]:
    t = explorer.result["outcomes"]
    name = next(n for n in explorer.result["scenarios"] if n.startswith(f"{slot}:"))
    rows = t[(t.scenario == name) & (t.party != "Against all")]
    return dict(zip(rows.party, rows.seats, strict=True))


def option_values(dropdown) -> tuple:
    """The values a dropdown offers (its options are (label, value) pairs)."""
    return tuple(value for _label, value in dropdown.options)


def assert_consistent(explorer):
    """The shown numbers are what the pure functions give for the controls' settings."""
    assert explorer.error.value == ""
    inputs = whatif_inputs(explorer)
    args = (inputs["votes"], inputs["against_all"], inputs["scenarios"])
    outcomes = compare_outcomes(*args, ballots=inputs["ballots"])
    summary = compare_summary(*args, ballots=inputs["ballots"])
    assert explorer.result["outcomes"].equals(outcomes)
    assert explorer.result["summary"].equals(summary)
    text = html.unescape(explorer.text.value)
    for name in summary.scenario:
        assert f"<th>{name}</th>" in text
    # 'Against all' apart from the votes for lists without a seat (not one "wasted" figure).
    for value in [*summary.no_seat_pct, *summary.against_all_pct]:
        assert f">{value:.2f}<" in text
    alt = alt_text(explorer)
    for name in summary.scenario:
        assert f"{name}: " in alt
    return outcomes, summary


def test_initial_state_2021_under_three_rule_sets(no_widget_errors):
    ex = build_whatif_explorer()
    assert_consistent(ex)
    assert seats_of(ex, "A") == {"Nur Otan": 76, "Ak Zhol": 12, "QHP": 10, "Auyl": 0, "Adal": 0}
    assert seats_of(ex, "B") == {"Nur Otan": 51, "Ak Zhol": 8, "QHP": 6, "Auyl": 4, "Adal": 0}
    assert seats_of(ex, "C") == {"Nur Otan": 72, "Ak Zhol": 11, "QHP": 9, "Auyl": 6, "Adal": 0}
    assert list(ex.result["scenarios"]) == [
        "A: 2021 rules (98 seats, 7%)",
        "B: 2023 list tier (69 seats, 5%)",
        "C: custom (98 seats, 5%, hare)",
    ]


@pytest.mark.parametrize("year", [2007, 2021, 2023])
def test_every_election_and_era(no_widget_errors, year):
    ex = build_whatif_explorer()
    ex.controls["election"].value = year
    e = mazhilis_election(year)
    assert option_values(ex.controls["from_party"]) == tuple(
        with_against_all(e.votes, e.against_all)
    )
    for era in ("2021 rules", "2023 list tier", "custom"):
        for slot in ("a", "b", "c"):
            ex.controls[f"scenario_{slot}"].value = era
            assert_consistent(ex)
    ex.controls["scenario_c"].value = "off"
    _, summary = assert_consistent(ex)
    assert len(summary) == 2


def test_official_results_under_their_own_eras(no_widget_errors):
    ex = build_whatif_explorer(2023)
    assert seats_of(ex, "B") == {
        "Amanat": 40,
        "Auyl": 8,
        "Respublica": 6,
        "Ak Zhol": 6,
        "QHP": 5,
        "JSDP": 4,
        "Baitaq": 0,
    }
    assert seats_of(ex, "A")["Amanat"] == 60


def test_custom_controls_through_their_ranges(no_widget_errors):
    ex = build_whatif_explorer(2023)
    c = ex.controls
    for seats in (1, 2, 69, 98, 150, 300):
        c["custom_seats"].value = seats
        assert sum(seats_of(ex, "C").values()) == seats
        assert_consistent(ex)
    c["custom_seats"].value = 98
    for pct in (0.0, 0.1, 2.3, 5.0, 7.5, 10.0):
        c["custom_threshold"].value = pct
        _, summary = assert_consistent(ex)
        assert summary.threshold_pct.iloc[2] == pytest.approx(pct)
    c["custom_threshold"].value = 5.0
    for base in ("votes", "votes_and_against_all", "ballots"):
        c["custom_base"].value = base
        _, summary = assert_consistent(ex)
        assert summary.base.iloc[2] == base
    for method in CUSTOM_METHODS:
        c["custom_method"].value = method
        _, summary = assert_consistent(ex)
        assert summary.method.iloc[2] == method


def test_threshold_slider_changes_who_gets_in(no_widget_errors):
    ex = build_whatif_explorer(2023)
    ex.controls["custom_threshold"].value = 2.0
    assert seats_of(ex, "C")["Baitaq"] > 0
    ex.controls["custom_threshold"].value = 9.0
    assert [p for p, s in seats_of(ex, "C").items() if s] == ["Amanat", "Auyl"]


def test_vote_shift_moves_baitaq_over_the_line(no_widget_errors):
    ex = build_whatif_explorer(2023)
    c = ex.controls
    c["from_party"].value = "Amanat"
    c["to_party"].value = "Baitaq"
    assert seats_of(ex, "B")["Baitaq"] == 0
    c["points"].value = 2.7
    outcomes, _ = assert_consistent(ex)
    assert seats_of(ex, "B")["Baitaq"] > 0
    e = mazhilis_election(2023)
    votes, aa = split_against_all(
        shift_votes(with_against_all(e.votes, e.against_all), "Amanat", "Baitaq", "2.70")
    )
    assert ex.result["votes"] == votes and ex.result["against_all"] == aa
    for points in (0.0, 0.1, 5.0, 10.0, 20.0):
        c["points"].value = points
        assert_consistent(ex)


def test_against_all_can_give_votes(no_widget_errors):
    ex = build_whatif_explorer(2023)
    ex.controls["from_party"].value = "Against all"
    ex.controls["to_party"].value = "Baitaq"
    ex.controls["points"].value = 3.9  # a hair more than 'against all' had (3.8999…%)
    assert "&#x27;Against all&#x27; has only 3.8999% of the vote to give" in ex.error.value
    ex.controls["points"].value = 3.8
    assert_consistent(ex)
    assert ex.result["against_all"] < 248291 and seats_of(ex, "B")["Baitaq"] > 0


def test_impossible_shift_is_a_message(no_widget_errors):
    ex = build_whatif_explorer(2023)
    ex.controls["from_party"].value = "Baitaq"
    ex.controls["to_party"].value = "Amanat"
    ex.controls["points"].value = 5.0
    assert "&#x27;Baitaq&#x27; has only 2.3000% of the vote to give" in ex.error.value
    assert ex.text.value == ""
    ex.controls["points"].value = 1.0
    assert ex.error.value == ""
    assert_consistent(ex)
    ex.controls["to_party"].value = "Baitaq"
    assert "&#x27;Baitaq&#x27; is chosen on both sides" in ex.error.value


def test_switching_elections_keeps_or_resets_the_shift_parties(no_widget_errors):
    ex = build_whatif_explorer(2023)
    ex.controls["from_party"].value = "Ak Zhol"
    ex.controls["to_party"].value = "Auyl"
    ex.controls["election"].value = 2021
    assert (ex.controls["from_party"].value, ex.controls["to_party"].value) == ("Ak Zhol", "Auyl")
    ex.controls["from_party"].value = "Adal"
    ex.controls["election"].value = 2023
    assert ex.controls["from_party"].value == "Amanat"  # Adal did not run in 2023
    assert_consistent(ex)


def test_pasted_election(no_widget_errors):
    ex = build_whatif_explorer()
    ex.controls["paste"].value = 'party,votes\nA,600\nB,"300"\nC,100\nAgainst all,50'
    assert ex.controls["election"].value == OWN
    assert option_values(ex.controls["from_party"]) == ("A", "B", "C", "Against all")
    assert [label for label, _ in ex.controls["to_party"].options] == [
        "A", "B", "C", "Against all"]
    outcomes, summary = assert_consistent(ex)
    assert ex.result["votes"] == {"A": 600, "B": 300, "C": 100}
    assert ex.result["against_all"] == 50
    assert (
        seats_of(ex, "A")
        == rules.mazhilis(2021).allocate_list({"A": 600, "B": 300, "C": 100}).seats
    )


def test_prefilled_box_is_the_2023_result(no_widget_errors):
    ex = build_whatif_explorer(OWN)
    e = mazhilis_election(2023)
    assert ex.result["votes"] == e.votes and ex.result["against_all"] == e.against_all
    assert seats_of(ex, "B")["Amanat"] == 40


@pytest.mark.parametrize(
    "text, message",
    [
        ("A,100\nB,abc", "line 2: votes must be a non-negative number, got &#x27;abc&#x27;"),
        ("Amanat,3,431,510", "line 1: expected 2 cells (party,votes), got 4"),
        ("A,100\nA,5", "line 2: party &#x27;A&#x27; appears twice (first on line 1)"),
        ("A,-3", "line 1: votes must be a non-negative number, got &#x27;-3&#x27;"),
        ("", "no party rows found"),
        ("A,0\nB,0", "every party has 0 votes"),
        ('A,"12', "line 1: unbalanced double quotes"),
        # A tie in every scenario (a tie in one only is reported beside the others).
        ("A,1\nB,1\nC,1\nD,1",
         "Scenario A: 2021 rules (98 seats, 7%): &#x27;A&#x27;, &#x27;B&#x27;, &#x27;C&#x27;, "
         "&#x27;D&#x27; are exactly level for the last 2 seat(s)"),
    ],
)
def test_malformed_paste_shows_a_message_not_a_traceback(no_widget_errors, text, message):
    ex = build_whatif_explorer()
    ex.controls["paste"].value = text
    assert message in ex.error.value
    assert "Cannot compute this" in ex.error.value and "Traceback" not in ex.error.value
    ex.controls["paste"].value = "A,60\nB,40"
    assert ex.error.value == ""
    assert seats_of(ex, "A") == {"A": 59, "B": 39}


def test_ballots_base_needs_ballots_for_pasted_data(no_widget_errors):
    ex = build_whatif_explorer()
    ex.controls["paste"].value = "A,60\nB,40"
    ex.controls["custom_base"].value = "ballots"
    # Scenario C cannot be counted; A and B still are, and stay on show.
    assert ex.error.value == ""
    assert ("<b>C: custom (98 seats, 5%, hare)</b> cannot be counted: Scenario C: custom "
            "(98 seats, 5%, hare) measures the threshold against all ballots received, and "
            "this election&#x27;s number of ballots is not known") in ex.text.value
    assert "got None" not in ex.text.value
    assert list(ex.result["summary"].scenario) == [
        "A: 2021 rules (98 seats, 7%)", "B: 2023 list tier (69 seats, 5%)"]
    assert list(ex.result["failed"]) == ["C: custom (98 seats, 5%, hare)"]
    ex.controls["scenario_c"].value = "off"
    assert ex.error.value == "" and "cannot be counted" not in ex.text.value


def test_one_failing_scenario_does_not_hide_the_others(no_widget_errors):
    ex = build_whatif_explorer()
    ex.controls["paste"].value = "A,60\nB,40"
    ex.controls["custom_base"].value = "ballots"
    chart = ex.children[-1]
    assert chart.layout.visibility != "hidden" and ex.text.layout.visibility != "hidden"
    assert "C: custom (98 seats, 5%, hare): cannot be counted" in chart.value
    assert "A: 2021 rules (98 seats, 7%): A 59, B 39" in chart.value  # alt text of panel A
    # When no scenario can be counted, the panel shows one error and hides the rest.
    ex.controls["scenario_a"].value = ex.controls["scenario_b"].value = "custom"
    assert "cannot" not in ex.text.value and "measures the threshold" in ex.error.value
    assert chart.layout.visibility == "hidden"


def test_only_scenario_c_can_be_off(no_widget_errors):
    ex = build_whatif_explorer()
    assert "off" not in [v for _, v in ex.controls["scenario_a"].options]
    ex.controls["scenario_c"].value = "off"
    assert len(ex.result["summary"]) == 2


def test_builder_argument_checked():
    with pytest.raises(ValueError, match="year must be 2007, 2012, 2016, 2021, 2023 or 'own'"):
        build_whatif_explorer(2019)


def test_controls_are_described_and_sliders_wait_for_release():
    ex = build_whatif_explorer()
    for control in ex.controls.values():
        assert control.description
    for name in ("points", "custom_threshold", "paste"):
        assert ex.controls[name].continuous_update is False


def png_of(explorer) -> str:
    return re.search(r'base64,([^"]+)"', explorer.children[-1].value).group(1)


def test_partial_redraw_gives_the_same_picture_as_a_fresh_one(no_widget_errors):
    fresh = build_whatif_explorer(2023)
    moved = build_whatif_explorer(2021)
    moved.controls["election"].value = 2023
    moved.controls["custom_threshold"].value = 2.0
    assert png_of(moved) != png_of(fresh)
    moved.controls["from_party"].value = "Amanat"
    moved.controls["to_party"].value = "Baitaq"
    moved.controls["points"].value = 3.0
    moved.controls["points"].value = 0.0
    moved.controls["custom_threshold"].value = 5.0
    assert png_of(moved) == png_of(fresh)


def test_back_to_the_last_good_settings_shows_the_table_again(no_widget_errors):
    ex = build_whatif_explorer(2023)
    ex.controls["from_party"].value = "Baitaq"
    shown = ex.text.value
    ex.controls["points"].value = 5.0
    assert ex.error.value and ex.text.value == ""
    ex.controls["points"].value = 0.0
    assert ex.error.value == "" and ex.text.value == shown


def test_model_alone_follows_the_pasted_votes():
    from kzlib.widgets.whatif import WhatIfModel

    model = WhatIfModel(election=2023)
    assert model.choices[0] == "Amanat" and model.to_party == "Against all"
    model.paste = "A,600\nB,300\nC,100"
    assert model.election == OWN and model.choices == ("A", "B", "C")
    assert (model.from_party, model.to_party) == ("A", "C")
    assert model.result["votes"] == {"A": 600, "B": 300, "C": 100}
    model.paste = "A,1\nB,x"
    assert "line 2" in model.error and model.choices == ("A", "B", "C")


def test_one_count_per_move(no_widget_errors, monkeypatch):
    from kzlib.widgets import whatif

    counts = []
    real = whatif.WhatIfModel.compute
    monkeypatch.setattr(whatif.WhatIfModel, "compute", lambda m: counts.append(1) or real(m))
    ex = build_whatif_explorer(2023)
    for name, value in [("election", 2021), ("election", 2007), ("paste", "A,6\nB,4"),
                        ("points", 1.0), ("scenario_c", "off")]:
        counts.clear()
        ex.controls[name].value = value
        assert len(counts) == 1, (name, value)


def test_a_paste_over_the_party_limit_is_refused_quickly_and_clearly(no_widget_errors):
    # 1,001 pasted parties took 6 s per update and froze the kernel; 10,001 a minute.
    from kzlib.widgets.whatif import MAX_PARTIES, MAX_PASTE_CHARACTERS

    ex = build_whatif_explorer()
    many = "Big,100000000\n" + "\n".join(f"P{i},{i + 1}" for i in range(1000))
    ex.controls["paste"].value = many
    assert (f"the lab shows at most {MAX_PARTIES} parties, and this election has 1,001"
            in html.unescape(ex.error.value))
    huge = "A,1\n" * (MAX_PASTE_CHARACTERS // 4 + 1)
    ex.controls["paste"].value = huge
    assert f"the box holds at most {MAX_PASTE_CHARACTERS:,} characters" in ex.error.value
    most = "\n".join(f"P{i},{i + 1}" for i in range(MAX_PARTIES))
    ex.controls["paste"].value = most
    assert ex.error.value == "" and len(ex.result["votes"]) == MAX_PARTIES


def test_a_kurultai_scenario_replays_2023_in_145_seats(no_widget_errors):
    from kzlib.rules import kurultai

    ex = build_whatif_explorer(2023)
    ex.controls["scenario_c"].value = "2026 Kurultai"
    name = "C: 2026 Kurultai (145 seats, 5%)"
    assert name in ex.result["scenarios"]
    election = mazhilis_election(2023)
    expected = kurultai(2026).allocate_list(election.votes, against_all=election.against_all)
    assert seats_of(ex, "C") == dict(expected.seats)
    assert sum(seats_of(ex, "C").values()) == 145


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_lab_in_kazakh_and_russian(no_widget_errors, monkeypatch, lang):
    # Every state a student reaches reads in the language (party names as in data/ or as
    # pasted), the numbers are the English lab's, and the translated texts fit the figure.
    from explorers import record_figures
    from matplotlib.text import Text
    from test_i18n import english_left

    from kzlib.i18n import translator

    _ = translator(lang)
    made = record_figures(monkeypatch)
    ex, en = build_whatif_explorer(2023, lang=lang), build_whatif_explorer(2023)
    (fig,) = made[:1]
    states = [{}, {"scenario_c": "2026 Kurultai"}, {"custom_method": "dhondt"},
              {"election": 2012, "custom_base": "ballots"},
              {"paste": "A,60\nB,40"}, {"paste": "A,1\nB,1\nC,1\nD,1"},
              {"paste": "A,100\nB,x"}, {"paste": "A,1\nA,2"}, {"paste": ""},
              {"paste": "A,600\nB,300\nAgainst all,100", "custom_base": "votes"}]
    seen = []
    for state in states:
        for explorer in (ex, en):
            for name, value in state.items():
                explorer.controls[name].value = value
        if en.result is not None and not en.error.value:
            assert list(ex.result["outcomes"]["seats"]) == list(en.result["outcomes"]["seats"])
            assert list(ex.result["summary"]["gallagher"]) == list(
                en.result["summary"]["gallagher"])
        seen += [ex.text.value, ex.error.value, alt_text(ex)]
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for text in fig.findobj(Text):
            if text.get_visible() and text.get_text():
                if "…" not in text.get_text():  # a party name shortened under its bar
                    seen.append(text.get_text())
                box = text.get_window_extent(renderer)
                assert box.x0 >= -1 and box.x1 <= fig.bbox.width + 1, (state, text.get_text())
    seen += [c.value for c in ex.children if "<b>" in str(getattr(c, "value", ""))]
    # Names wrapped under the bars are joined again before the allowed names are removed.
    joined = [" ".join(html.unescape(text).split()) for text in seen]
    left = sorted({word for text in joined for word in english_left(text)})
    assert not left, f"{lang}: English words left: {left}"
    assert _("Scenario {scenario}: {parties} are exactly level for the last {seats} seat(s). "
             "The law gives such a seat to the list registered first, which these votes do "
             "not say: change one count a little.").split("{")[0] in html.unescape(
        "".join(seen))
    # The scenario names are in the language; the 'against all' option too.
    assert list(ex.result["scenarios"])[0].startswith("A: " + _("2021 rules"))
    assert (_("Against all"), "Against all") in ex.controls["from_party"].options


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of 'en', 'kk', 'ru', got 'kz'"):
        build_whatif_explorer(lang="kz")
