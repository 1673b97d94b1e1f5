"""Reading without sight or colour: alt text on every stored image, a description on
every control of every notebook's explorer.

(The palette's colour-blind check is in test_plots.py.)
"""

from __future__ import annotations

import json
import re

import pytest
from explorers import NOTEBOOKS, build_as_in_notebook, explorer_call

IDS = [p.stem for p in NOTEBOOKS]
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ALT = re.compile(r'\balt="([^"]*)"', re.IGNORECASE)


def _stored_images(nb: dict):
    """(where, alt text) for every image in the stored outputs and the saved widget state."""
    for number, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []):
            for mime in out.get("data", {}):
                if mime.startswith("image/"):
                    alt = out.get("metadata", {}).get(mime, {}).get("alt", "")
                    yield f"cell {number} {mime}", alt
            html = "".join(out.get("data", {}).get("text/html", ""))
            for tag in IMG.findall(html):
                match = ALT.search(tag)
                yield f"cell {number} <img> in HTML", match.group(1) if match else ""
    state = nb.get("metadata", {}).get("widgets", {})
    for tag in IMG.findall(json.dumps(state).replace('\\"', '"')):
        match = ALT.search(tag)
        yield "an <img> in the saved widget state", match.group(1) if match else ""


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_stored_image_has_alt_text(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    images = list(_stored_images(nb))
    assert images, f"{path.name}: no image found (the walk is broken, or the notebook has no chart)"
    for where, alt in images:
        message = f"{path.name}, {where}: alt text missing or too short: {alt!r}"
        assert len(alt.strip()) > 20, message


def test_the_walk_finds_a_missing_alt():
    nb = {"cells": [{"outputs": [{"data": {"image/png": "x"}, "metadata": {}}]}]}
    assert list(_stored_images(nb)) == [("cell 0 image/png", "")]
    nb = {"cells": [], "metadata": {"widgets": {"state": {"value": '<img src="data:x"/>'}}}}
    assert list(_stored_images(nb)) == [("an <img> in the saved widget state", "")]


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if explorer_call(p)[1]],
                         ids=[p.stem for p in NOTEBOOKS if explorer_call(p)[1]])
def test_every_control_has_a_description(path):
    explorer = build_as_in_notebook(path)
    assert explorer.controls
    for name, control in explorer.controls.items():
        assert len(control.description.strip()) >= 2, f"{path.name}: control {name!r} unlabelled"
