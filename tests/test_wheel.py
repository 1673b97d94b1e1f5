"""kzlib as a user installs it: a wheel, installed away from the source tree.

``pip install .`` (or ``pip install git+<repo>``) must give every kzlib module and
every data table, without the checkout's ``data/`` folder next to it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run in the installed copy: import every module, load every table, report where from.
PROBE = """
import importlib, json, pkgutil
import kzlib
from kzlib import data
modules = sorted(m.name for m in pkgutil.walk_packages(kzlib.__path__, "kzlib."))
for name in modules:
    importlib.import_module(name)
tables = {name: len(data.load(name)) for name in data.list_datasets()}
print(json.dumps({"file": kzlib.__file__, "data_dir": str(data.default_data_dir()),
                  "version": kzlib.__version__, "modules": modules, "tables": tables}))
"""


def source_modules() -> list[str]:
    """Every module of the source tree, as a dotted name."""
    names = []
    for path in sorted((ROOT / "kzlib").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a clean copy: setuptools would reuse a stale build/ in the checkout.
    source = tmp_path_factory.mktemp("source") / "kzlib-src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".*", "build", "*.egg-info", "__pycache__", "artifacts", "notebooks"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("kzlib-*.whl")
    return built


def test_wheel_holds_every_module_and_every_table(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in source_modules():
        is_package = (ROOT / Path(*module.split("."))).is_dir()
        path = module.replace(".", "/") + ("/__init__.py" if is_package else ".py")
        assert path in names, f"{path} is missing from the wheel"
    for table in sorted((ROOT / "data").glob("*.csv")):
        assert f"kzlib/_data/{table.name}" in names, f"data/{table.name} is missing"


def test_installed_wheel_imports_and_loads_data_without_the_source_tree(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
         str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = {k: v for k, v in os.environ.items() if k != "KZLIB_DATA_DIR"}
    env["PYTHONPATH"] = str(target)  # ahead of the editable install of the checkout
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, check=True,
        capture_output=True, text=True,
    )
    found = json.loads(done.stdout)
    assert Path(found["file"]).is_relative_to(target)
    assert Path(found["data_dir"]) == target / "kzlib" / "_data"
    assert found["modules"] == sorted(m for m in source_modules() if m != "kzlib")
    assert set(found["tables"]) == {p.stem for p in (ROOT / "data").glob("*.csv")}
    assert all(rows > 0 for rows in found["tables"].values())
    assert found["version"] == __import__("tomllib").loads(
        (ROOT / "pyproject.toml").read_text())["project"]["version"]
