"""Shared pieces for the explorers: a model/view pattern, charts updated in place,
and readable error messages instead of tracebacks.

Every explorer has two halves (the shape of the jupyter-widgets tutorial's
password generator):

* a **model**, a :class:`ExplorerModel` with one trait per input (tagged
  ``input=True``) and a :meth:`~ExplorerModel.compute` that is one call into a pure
  kzlib function; it holds the state, knows nothing of widgets and is tested on its
  own;
* a **view**, an :class:`Explorer` whose builder lays out the controls and
  :meth:`~Explorer.bind` s them to the model (``traitlets.link``, one per control)
  and draws each new result: no arithmetic, no hand-kept flags.

Pattern for a builder::

    class ThresholdModel(ExplorerModel):
        threshold = traitlets.Float(5.0).tag(input=True)

        def compute(self):
            return pure_function(self.threshold)   # kzlib, no widget code

    def build_threshold_explorer() -> Explorer:
        slider = widgets.FloatSlider(description="Threshold (%)", ...)
        view = Explorer(controls={"threshold": slider})
        chart = ChartView(fig, alt="...")          # one figure, redrawn in place

        def show(result):                          # only drawing and text
            ...update artists...; chart.refresh(alt_text)
            view.show_text(summary_html(result))

        view.bind(ThresholdModel(), show)          # link controls, first draw
        view.children = [slider, chart.widget]     # layout
        return view

Headless tests set ``explorer.controls["threshold"].value = 7`` and read
``explorer.result`` / ``explorer.text.value`` / ``explorer.error.value``, or drive
``explorer.model`` directly.
"""

from __future__ import annotations

import html
import io
import numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets
import traitlets
from traitlets.utils.bunch import Bunch

from kzlib.i18n import translator
from kzlib.plots import figure_png, png_html

__all__ = [
    "LABEL_STYLE",
    "check_choice",
    "check_range",
    "BlitChartView",
    "ChartView",
    "Explorer",
    "ExplorerModel",
    "error_html",
]


#: Control style: the description gets the width it needs, never cut short.
LABEL_STYLE = {"description_width": "initial"}


def check_choice(value: object, name: str, choices: Iterable[Any]) -> Any:
    """``value`` if it is one of ``choices`` (same type, so ``True`` is not ``1``), else a
    ``ValueError`` naming ``name``, the value and the choices: a builder's argument check."""
    options = tuple(choices)
    if not any(type(value) is type(c) and value == c for c in options):
        shown = ", ".join(map(repr, options))
        raise ValueError(f"{name} must be one of {shown}, got {value!r}")
    return value


def check_range(value: object, name: str, low: float, high: float) -> float:
    """``value`` if it is a number from ``low`` to ``high`` (no bool, no NaN), else a
    ``TypeError`` or ``ValueError`` naming ``name`` and the value."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number from {low} to {high}, got {value!r}")
    if not low <= value <= high:  # NaN fails both comparisons
        raise ValueError(f"{name} must be a number from {low} to {high}, got {value!r}")
    return value


def error_html(message: str, lang: str = "en") -> str:
    """A readable, styled message for bad input (no traceback), its heading in ``lang``."""
    heading = translator(lang)("Cannot compute this:")
    return (
        '<div role="alert" style="border-left:4px solid #D55E00;padding:4px 8px;'
        'background:#fff4ec;color:#222">'
        f"<b>{html.escape(heading)}</b> {html.escape(message)}</div>"
    )


class _EveryResult(traitlets.Any):
    """A trait that tells its observers about every new value, even an equal one.

    traitlets stays quiet when a new value equals the old one; but a panel's text may
    name its inputs as well as the result (two year ranges without events give equal,
    empty results and different text), so every new result is drawn.
    """

    def set(self, obj: traitlets.HasTraits, value: Any) -> None:
        old = getattr(obj, self.name)
        super().set(obj, value)
        try:
            equal = old is value or bool(old == value)
        except Exception:  # noqa: BLE001 - traitlets notified already when == failed
            return
        if equal:  # traitlets did not notify
            obj.notify_change(
                Bunch(name=self.name, old=old, new=value, owner=obj, type="change")
            )


class ExplorerModel(traitlets.HasTraits):
    """The state and the logic of one explorer, without any widget.

    Subclasses declare each input as a trait tagged ``input=True`` (named like the
    explorer's control it is linked to) and implement :meth:`compute`, a thin call
    into a pure kzlib function. Whenever an input changes, :meth:`compute` runs
    again: its value goes to :attr:`result` (observers hear of every new result, even
    one equal to the last), or, for bad input (``ValueError`` /
    ``TypeError``), the message goes to :attr:`error` and :attr:`result` keeps the
    last good value. Anything else propagates: it is a bug the tests must see.
    Inputs that depend on each other (a new election brings its own house size) are
    kept consistent by the model's own ``@traitlets.observe`` handlers.
    """

    result = _EveryResult(None, allow_none=True)
    error = traitlets.Unicode("")

    #: ``(pattern, sentence)`` pairs that say a kzlib error in the words of the panel:
    #: a message matching the regular expression ``pattern`` is shown as ``sentence``
    #: (``\\1``, ``\\2`` … fill in the pattern's groups). kzlib's own exceptions keep
    #: naming arguments; the student reads about the controls.
    plain_messages: tuple[tuple[str, str], ...] = ()

    #: The inputs of the result shown, or None after an error.
    _shown_inputs: dict[str, Any] | None = None

    def __init__(self, **inputs: Any) -> None:
        super().__init__(**inputs)
        self.observe(self._recompute, names=self.trait_names(input=True))
        self._recompute()

    def inputs(self) -> dict[str, Any]:
        """The current value of every input trait, by name."""
        return {name: getattr(self, name) for name in self.trait_names(input=True)}

    def compute(self) -> Any:
        """The result for the current inputs (override: one call into kzlib)."""
        raise NotImplementedError

    def plain(self, message: str) -> str:
        """``message`` in the panel's words (see :attr:`plain_messages`), else unchanged."""
        for pattern, sentence in self.plain_messages:
            match = re.search(pattern, message)
            if match:
                return match.expand(sentence)
        return message

    def _recompute(self, _change: Any = None) -> None:
        inputs = self.inputs()
        if self._shown_inputs is not None and inputs == self._shown_inputs:
            # One move can notify several times with the same inputs (a new election
            # brings its parties; held notifications replay): the result is the one shown.
            return
        try:
            result = self.compute()
        except (ValueError, TypeError) as err:
            self._shown_inputs = None
            self.error = self.plain(str(err))
        else:
            self._shown_inputs = inputs
            self.error = ""
            self.result = result


class ChartView:
    """One matplotlib Figure shown in an ``ipywidgets.HTML`` as ``<img alt=...>``.

    Update the figure's artists in place, then call :meth:`refresh`: no new figure
    is created per widget move.
    """

    def __init__(self, fig: Any, alt: str = "", width: int | None = None) -> None:
        self.fig = fig
        self.width = width
        self.alt = alt
        self.widget = widgets.HTML(layout=widgets.Layout(min_height="200px"))
        if alt:
            self.refresh(alt)

    def refresh(self, alt: str) -> None:
        """Re-render the figure and set its alt text."""
        self.alt = alt
        self.widget.value = png_html(figure_png(self.fig), alt, self.width)


def _fit_narrow_cells(box: widgets.Box) -> None:
    """Let ``box`` fit a narrow cell (a 1024 px screen with the file browser open).

    Rows of controls wrap onto the next line instead of growing a scrollbar, and no
    control or chart is wider than the row it sits in (a fixed ``width`` becomes the
    widest it may be, not the only width it may have).
    """
    box.layout.max_width = _ROW_WIDTH
    if isinstance(box, widgets.HBox):
        box.layout.flex_flow = "row wrap"
    for child in box.children:
        if isinstance(child, widgets.Box):
            _fit_narrow_cells(child)
        else:
            child.layout.max_width = _ROW_WIDTH


# The row's width less the margin ipywidgets puts on each side of a widget.
_ROW_WIDTH = "calc(100% - 2 * var(--jp-widgets-margin, 2px))"


@dataclass(eq=False)
class Explorer:
    """A widget panel: its controls, its shown text, its last result.

    Attributes
    ----------
    controls
        Name -> control widget (every control has a ``description``).
    text
        HTML widget with the numbers the panel shows (also what tests read).
    error
        HTML widget with a readable message when the input cannot be computed;
        empty otherwise.
    result
        The last value returned by the pure function behind the panel.
    model
        The :class:`ExplorerModel` the controls are linked to (set by :meth:`bind`).
    children
        The widgets laid out top to bottom (set by the builder).
    lang
        The language of the panel's own words (``"en"``, ``"kk"``, ``"ru"``), such as
        the heading of an error message.
    """

    controls: dict[str, widgets.Widget]
    text: widgets.HTML = field(default_factory=widgets.HTML)
    error: widgets.HTML = field(default_factory=widgets.HTML)
    result: Any = None
    children: list[widgets.Widget] = field(default_factory=list)
    model: ExplorerModel | None = None
    lang: str = "en"
    _box: widgets.VBox | None = field(default=None, repr=False)

    @property
    def widget(self) -> widgets.VBox:
        """The panel as one ipywidgets box (built once)."""
        if self._box is None:
            # CSS classes let the browser tests find the panel and its numbers.
            self.text.add_class("kz-readout")
            self.error.add_class("kz-error")
            self._box = widgets.VBox(list(self.children) + [self.error, self.text])
            self._box.add_class("kz-explorer")
            _fit_narrow_cells(self._box)
        return self._box

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)

    def show_text(self, value: str) -> None:
        """Set the shown numbers (HTML)."""
        self.text.value = value

    def outputs(self) -> list[widgets.Widget]:
        """What the panel shows (its text and charts): every child that is not a control."""
        controls = {id(c) for c in self.controls.values()}
        return [self.text] + [
            c for c in self.children if id(c) not in controls and not isinstance(c, widgets.Box)
        ]

    def bind(self, model: ExplorerModel, show: Callable[[Any], None]) -> None:
        """Link every control to the model trait of the same name, and draw results.

        ``show(result)`` is called now and with every new result of the model; it
        only draws (chart artists, text). The model's error message, if any, is
        shown in :attr:`error`, and the text and charts are hidden meanwhile: they
        describe the last input that could be computed, not the controls. Controls
        without a model trait of their name are left to the builder (e.g. buttons).
        """
        self.model = model
        for name, control in self.controls.items():
            if model.has_trait(name):
                traitlets.link((model, name), (control, "value"))

        def show_error(_change: Any = None) -> None:
            self.error.value = error_html(model.error, self.lang) if model.error else ""
            # What the panel showed belongs to the last good input, not to the controls
            # now: hide it (keeping its place) until the input can be computed again.
            for output in self.outputs():
                output.layout.visibility = "hidden" if model.error else "visible"

        def show_result(_change: Any = None) -> None:
            if model.result is not None:
                show(model.result)
                self.result = model.result

        model.observe(show_error, names="error")
        model.observe(show_result, names="result")
        show_error()
        show_result()


class BlitChartView(ChartView):
    """A :class:`ChartView` that redraws only the moving artists between layout changes.

    A full matplotlib draw re-renders every tick label and title, which costs most
    of a slider move. Here the first :meth:`refresh` after :meth:`invalidate` draws
    the figure without the moving artists and keeps that picture; later refreshes
    paste it back and draw only the moving artists on top (matplotlib "blitting"),
    then encode the PNG. Call :meth:`invalidate` whenever anything else changes
    (axis limits, titles, tick labels).

    Parameters
    ----------
    fig
        The figure (one per panel, updated in place).
    moving
        Returns the artists that move, e.g. bars, labels, a threshold line.
    """

    #: Backgrounds kept for layouts seen before (each a figure-sized RGBA copy, ~2 MB).
    KEEP = 6

    def __init__(self, fig: Any, moving: Callable[[], list]) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self._canvas = FigureCanvasAgg(fig)
        self._moving = moving
        self._background: Any = None
        self._key: Any = None
        self._kept: dict[Any, Any] = {}
        super().__init__(fig)

    def invalidate(self, key: Any = None) -> None:
        """Forget the kept background: the next refresh draws everything.

        ``key``, when given, names the new layout (e.g. the election and the house
        size: whatever sets the titles, limits and tick labels). A layout shown before
        gets its background back instead of a full draw; the caller promises that
        equal keys mean an identical background.
        """
        self._key = key
        self._background = self._kept.get(key) if key is not None else None

    def refresh(self, alt: str) -> None:
        """Redraw (partly, when possible), re-encode the PNG and set its alt text."""
        from PIL import Image

        artists = [a for a in self._moving() if a.get_visible()]
        if self._background is None:
            for artist in artists:
                artist.set_visible(False)
            self._canvas.draw()
            self._background = self._canvas.copy_from_bbox(self.fig.bbox)
            for artist in artists:
                artist.set_visible(True)
            if self._key is not None:
                if len(self._kept) >= self.KEEP:
                    self._kept.pop(next(iter(self._kept)))  # the oldest
                self._kept[self._key] = self._background
        else:
            self._canvas.restore_region(self._background)
        renderer = self._canvas.get_renderer()
        for artist in artists:
            artist.draw(renderer)
        width, height = self._canvas.get_width_height()
        image = Image.frombuffer(
            "RGBA", (width, height), self._canvas.buffer_rgba(), "raw", "RGBA", 0, 1
        )
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)  # fast; the PNG is a few KB larger
        self.alt = alt
        self.widget.value = png_html(buffer.getvalue(), alt, self.width)
