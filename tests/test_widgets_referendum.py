"""Notebook 01 widget: the denominator explorer, every control driven headless."""

from __future__ import annotations

import html
from fractions import Fraction

import pytest
from explorers import alt_text

from kzlib import referendum
from kzlib.referendum import BASE_LABELS, BASES, Referendum, as_percent, share_of
from kzlib.widgets import referendum as W
from kzlib.widgets.referendum import build_denominator_explorer, denominator_settings

R = referendum.load_2022()



def assert_consistent(explorer, result: Referendum = R):
    settings = denominator_settings(explorer)
    expected = share_of(result, **settings)
    assert explorer.error.value == ""
    assert explorer.result == expected
    text = html.unescape(explorer.text.value)
    headline = (f"<b>{expected.votes:,}</b> of <b>{expected.base_total:,}</b> "
                f"({BASE_LABELS[settings['of']]}) = <b>{as_percent(expected.fraction)}</b>")
    assert headline in text
    for base in BASES:  # the comparison table lists every base
        assert as_percent(share_of(result, settings["option"], of=base).fraction) in text
    alt = alt_text(explorer)
    assert f"{W.OPTION_LABELS[settings['option']]} is {as_percent(expected.fraction)}" in alt
    assert f"({expected.base_total:,})" in alt
    return expected


def test_initial_state_is_the_cec_77_18(no_widget_errors):
    ex = build_denominator_explorer()
    s = assert_consistent(ex)
    assert as_percent(s.fraction) == "77.18%"
    assert all(c.description for c in ex.controls.values())


@pytest.mark.parametrize("option", ["yes", "no"])
@pytest.mark.parametrize("of", BASES)
def test_every_option_and_base(no_widget_errors, option, of):
    ex = build_denominator_explorer()
    ex.controls["of"].value = of
    ex.controls["option"].value = option
    s = assert_consistent(ex)
    assert (s.option, s.of) == (option, of)
    alt = alt_text(ex)
    assert ("did not vote" in alt) == (of == "registered")
    assert ("invalid or blank" in alt) == (of != "valid_yes_no")


def test_moving_through_the_options_changes_the_numbers(no_widget_errors):
    ex = build_denominator_explorer()
    seen = set()
    for of in BASES + BASES[::-1]:
        ex.controls["of"].value = of
        for option in ("yes", "no", "yes"):
            ex.controls["option"].value = option
            seen.add(as_percent(assert_consistent(ex).fraction))
    assert seen == {"77.18%", "52.52%", "80.53%", "18.66%", "12.70%", "19.47%"}


def test_other_result_and_bad_builder_arguments(no_widget_errors):
    small = Referendum(yes=60, no=30, invalid_or_blank=6, other=4, registered=200)
    ex = build_denominator_explorer(small, option="no", of="valid_yes_no")
    assert assert_consistent(ex, small).fraction == Fraction(1, 3)
    with pytest.raises(ValueError, match="option must be one of"):
        build_denominator_explorer(option="other")
    with pytest.raises(ValueError, match="of must be one of"):
        build_denominator_explorer(of="population")


def test_bad_input_shows_a_message_instead_of_raising(no_widget_errors, monkeypatch):
    ex = build_denominator_explorer()

    def refuse(*_args, **_kwargs):
        raise ValueError("of must be one of participants, registered, valid_yes_no, got 'x'")

    monkeypatch.setattr(W, "share_of", refuse)
    ex.controls["of"].value = "registered"
    assert "Cannot compute this" in ex.error.value
    assert "of must be one of" in html.unescape(ex.error.value)
    monkeypatch.undo()
    ex.controls["of"].value = "participants"
    assert ex.error.value == ""
    assert_consistent(ex)


def test_model_computes_the_share_without_widgets():
    model = W.DenominatorModel(R, option="no", of="registered")
    assert model.result == share_of(R, "no", of="registered")
    model.of = "valid_yes_no"
    assert as_percent(model.result.fraction) == "19.47%"
    assert model.inputs() == {"option": "no", "of": "valid_yes_no"}
    model.of = "population"
    assert "of must be one of" in model.error
    assert model.result == share_of(R, "no", of="valid_yes_no")  # the last good share


@pytest.mark.parametrize("of", BASES)
def test_bar_segments_are_the_parts_of_the_denominator(no_widget_errors, of):
    ex = build_denominator_explorer(of=of)
    segments = ex.chart.fig.axes[0].patches[:len(referendum.PARTS)]
    parts = referendum.breakdown(R, of)
    drawn = [(round(b.get_x(), 9), round(b.get_width(), 9)) for b in segments]
    # Each segment starts where the one before ends; its width is its share of the base.
    assert drawn == [(round(float(p.start_percent), 9), round(100 * p.votes / R.base(of), 9))
                     for p in parts]
    assert drawn[-1][0] + drawn[-1][1] == pytest.approx(100)


# ------------------------------------------------------------------ adoption explorer (issue 13)


def test_adoption_explorer_matches_check_adoption(no_widget_errors):
    ex = W.build_adoption_explorer()
    assert ex.result.adopted and "Verdict: <b>adopted</b>" in ex.text.value
    for rule in ("2022", "2026"):
        ex.controls["rule"].value = rule
        for total in (17, 20):
            ex.controls["regions_total"].value = total
            for regions in (1, 11, 12, 13, 14):
                ex.controls["regions"].value = regions
                for turnout, yes in ((49.5, 60), (50.5, 49.5), (68.05, 77.18)):
                    ex.controls["turnout_pct"].value = turnout
                    ex.controls["yes_pct"].value = yes
                    expected = referendum.check_adoption(turnout, yes, regions, total, rule)
                    assert ex.error.value == "" and ex.result == expected
                    verdict = "adopted" if expected.adopted else "NOT adopted"
                    assert f"Verdict: <b>{verdict}</b>" in ex.text.value
                    assert as_percent(expected.turnout, 1) in alt_text(ex)


def test_adoption_explorer_disables_regions_under_the_2026_rule(no_widget_errors):
    ex = W.build_adoption_explorer()
    assert not ex.controls["regions"].disabled
    ex.controls["rule"].value = "2026"
    assert ex.controls["regions"].disabled and ex.controls["regions_total"].disabled
    assert [t.name for t in ex.result.tests] == ["turnout", "yes"]


def test_adoption_explorer_explains_impossible_inputs_in_plain_words(no_widget_errors):
    ex = W.build_adoption_explorer()
    ex.controls["yes_pct"].value = 40  # a Yes majority in all 17 regions, yet 40% nationally?
    assert "won more than half of the participants nationally too" in ex.error.value
    assert "yes_pct" not in ex.error.value
    assert ex.text.layout.visibility == "hidden"
    ex.controls["regions"].value = 10
    assert ex.error.value == "" and ex.text.layout.visibility == "visible"


def test_adoption_explorer_keeps_regions_within_the_count(no_widget_errors):
    ex = W.build_adoption_explorer(regions=20, regions_total=20)
    ex.controls["regions_total"].value = 17
    assert ex.model.regions == 17 and ex.result.regions_with_yes_majority == 17


@pytest.mark.parametrize("kwargs", [{"turnout_pct": 101}, {"rule": "2024"}, {"regions": 18},
                                    {"regions_total": 18}, {"yes_pct": True}])
def test_adoption_builder_rejects_bad_arguments(kwargs):
    with pytest.raises((TypeError, ValueError)):
        W.build_adoption_explorer(**kwargs)


def test_the_test_words_in_english_are_check_adoptions_own(no_widget_errors):
    # The panel rebuilds each test's value and need in its language; in English the
    # rebuilt words must be exactly kzlib.referendum.check_adoption's.
    for rule, turnout, yes, regions, total in [("2022", 68.05, 77.18, 17, 17),
                                               ("2022", 40, 55, 11, 20), ("2022", 50, 30, 3, 17),
                                               ("2026", 60, 51, None, 17),
                                               ("2026", 49.99, 50, None, 17)]:
        check = referendum.check_adoption(turnout, yes, regions, total, rule=rule)
        for t in check.tests:
            assert W._test_words(check, t) == (t.label, t.value, t.needed)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_in_kazakh_and_russian_only_the_words_change(no_widget_errors, lang):
    ex, en = build_denominator_explorer(lang=lang), build_denominator_explorer()
    assert ex.result == en.result
    # A decimal comma and thin spaces between thousands: 6,163,516 of 7,985,769 = 77.18%.
    assert "<b>6\u202f163\u202f516</b>" in ex.text.value and "<b>77,18%</b>" in ex.text.value
    assert "77,2%" in alt_text(ex)
    adoption, en = W.build_adoption_explorer(lang=lang), W.build_adoption_explorer()
    assert adoption.result == en.result
    words = {"kk": ("Қабылдау ережесі", "қабылданды", "кемінде 12"),
             "ru": ("Правило принятия", "принято", "не менее 12")}[lang]
    assert adoption.controls["rule"].description == words[0]
    assert f"<b>{words[1]}</b>" in adoption.text.value and words[2] in adoption.text.value
    adoption.controls["regions"].value = 17
    adoption.controls["yes_pct"].value = 40.0  # a Yes majority everywhere, not nationally
    assert adoption.error.value and ("«Иә»" if lang == "kk" else "«Да»") in adoption.error.value
