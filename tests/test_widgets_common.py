"""The explorer model/view pattern (kzlib.widgets.common)."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from kzlib.widgets.common import Explorer, ExplorerModel


class Halves(ExplorerModel):
    """A toy model: half of a whole number, refusing odd ones."""

    number = traitlets.Int(4).tag(input=True)

    def compute(self) -> int:
        if self.number % 2:
            raise ValueError(f"number must be even, got {self.number}")
        return self.number // 2


def test_model_computes_on_every_input_change():
    model = Halves()
    assert model.result == 2
    model.number = 10
    assert (model.result, model.error) == (5, "")


def test_model_keeps_the_last_good_result_and_reports_bad_input():
    model = Halves(number=6)
    model.number = 7
    assert model.result == 3
    assert model.error == "number must be even, got 7"
    model.number = 8
    assert (model.result, model.error) == (4, "")


def test_bind_links_controls_both_ways_and_draws_each_result():
    shown = []
    slider = widgets.IntSlider(min=0, max=20, description="Number")
    explorer = Explorer(controls={"number": slider})
    explorer.bind(Halves(number=12), shown.append)
    assert slider.value == 12 and shown == [6] and explorer.result == 6
    slider.value = 14
    assert explorer.model.number == 14 and shown == [6, 7] and explorer.result == 7
    slider.value = 15
    assert "number must be even, got 15" in explorer.error.value
    assert shown == [6, 7]
    # The text and charts describe 14, not the 15 on the slider: hidden until computable.
    chart = widgets.HTML("chart")
    explorer.children = [slider, chart]
    explorer.model.number = 17
    assert [w.layout.visibility for w in (explorer.text, chart)] == ["hidden", "hidden"]
    assert slider.layout.visibility != "hidden"
    explorer.model.number = 2
    assert slider.value == 2 and explorer.error.value == "" and shown == [6, 7, 1]
    assert [w.layout.visibility for w in (explorer.text, chart)] == ["visible", "visible"]


def test_an_equal_new_result_is_still_drawn():
    # The text may name the inputs too: 2 and 3 both halve to 1 here, yet both are shown.
    class Floor(ExplorerModel):
        number = traitlets.Int(2).tag(input=True)

        def compute(self) -> int:
            return self.number // 2

    shown = []
    explorer = Explorer(controls={"number": widgets.IntSlider(min=0, max=9, description="N")})
    explorer.bind(Floor(), lambda r: shown.append((r, explorer.model.number)))
    explorer.controls["number"].value = 3
    assert shown == [(1, 2), (1, 3)]


def test_a_model_says_kzlib_errors_in_the_panels_words():
    class Plain(Halves):
        plain_messages = ((r"number must be even, got (\d+)", r"Pick an even number, not \1."),)

    model = Plain(number=6)
    model.number = 7
    assert model.error == "Pick an even number, not 7."
    assert Halves(number=3).error == "number must be even, got 3"  # no pair: unchanged
