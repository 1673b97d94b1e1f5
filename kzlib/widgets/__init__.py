"""Widget builders: thin ipywidgets front ends over kzlib's pure functions.

One module per notebook topic (``kzlib.widgets.threshold``, ``kzlib.widgets.mixed``, …),
each with ``build_*`` functions that return an :class:`~kzlib.widgets.common.Explorer`.
No arithmetic lives here: every callback calls a pure function and shows its result.
Importing this package does not import ipywidgets; the topic modules do.
"""
