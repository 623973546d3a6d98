"""Renew expected.json: the fingerprint of every file the English-only example site builds to.

A site that sets no `languages:` must be built exactly as it was before Frontdesk had languages;
tests/test_languages.py builds this copy of the example as it stood then (site/) and compares.
Run this only for a change meant to alter every site, or after upgrading a package named under
"versions", and say why in the commit:

    python tests/english_only/renew.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitecompare import fingerprints  # noqa: E402

EXPECTED = HERE / "expected.json"
EPOCH = "1795428000"  # conftest's EXAMPLE_EPOCH
# The build record names the code that built the site; it is working state, not the site.
LEFT_OUT = (".frontdesk/build.json",)
# What else shapes the bytes of every page: the expected files hold for these versions.
SHAPERS = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "pagefind", "jinja2",
           "babel", "pygments", "feedgen", "icalendar")  # fmt: skip


def installed_versions() -> dict[str, str]:
    return {name: version(name) for name in SHAPERS}


def build(out: Path) -> dict[str, str]:
    """Build site/ into `out` in a process of its own, at the reference moment."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
                   cwd=HERE / "site", check=True, env=env)  # fmt: skip
    return fingerprints(out, LEFT_OUT)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        files = build(Path(work) / "built")
    data = {"versions": installed_versions(), "files": files}
    EXPECTED.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{EXPECTED.relative_to(HERE.parent.parent)}: {len(files)} files")


if __name__ == "__main__":
    main()
