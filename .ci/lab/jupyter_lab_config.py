"""JupyterLab as ``make lab`` starts it (``jupyter lab --config=.ci/lab/jupyter_lab_config.py``).

What a newcomer needs and nothing else: the start page, the whole project in the file browser,
one URL to open, and no messages they cannot act on. Warnings and errors still show.
"""

import contextlib
import warnings
from pathlib import Path

c = get_config()  # noqa: F821 (provided by Jupyter when it reads this file)

PROJECT = Path(__file__).resolve().parents[2]

# The file browser's root is the project, so data/ and README.md are reachable from Lab.
c.ServerApp.root_dir = str(PROJECT)
# The printed URL (with its token) opens the start page, not the Launcher.
c.LabApp.default_url = "/lab/tree/notebooks/00_start_here.ipynb"
# This computer only, so the server prints one URL (127.0.0.1), not two.
c.ServerApp.ip = "127.0.0.1"
# Start-up chatter (extension lists, folders) is info level; the URL is printed at critical
# level, and warnings and errors stay visible.
c.ServerApp.log_level = "WARN"
c.LabApp.log_level = "WARN"
# Deprecation notices raised through traitlets (e.g. "ServerApp.token config is deprecated")
# are for the authors of installed extensions, not for whoever opens the notebooks. Voila's
# import turns them back on, so the filter is set before and again after it. Other warnings
# still show.
_TRAITLETS_NOTICES = {"action": "ignore", "category": DeprecationWarning, "module": "traitlets"}
warnings.filterwarnings(**_TRAITLETS_NOTICES)
with contextlib.suppress(ImportError):
    import voila  # noqa: F401
warnings.filterwarnings(**_TRAITLETS_NOTICES)
# No news feed or update check: no pop-up over the notebook, no traffic to jupyterlab.github.io.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
