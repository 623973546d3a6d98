"""Build time of a help centre in one language and in two, against plain Material.

    python bench/languages.py                  # 1,000 articles, 500 incidents, median of 3
    python bench/languages.py --articles 300 --repeat 1

The synthetic help centre (synthetic.py) is built three ways in turn, each repeated: Frontdesk in
English only (`mkdocs.yml`), Frontdesk in English and German (`mkdocs-languages.yml`: one article
in ten and every category translated, the active incident's title and first update in German,
every other page published under /de/ in English and marked so), and plain Material with the
same articles (`mkdocs-plain.yml`), measured in the same run as the reference this machine's
drifting speed calls for. Where mkdocs-static-i18n is installed (it is not one of Frontdesk's
dependencies), plain Material in both languages with it (`mkdocs-plain-i18n.yml`, the same
translations, untranslated pages falling back to English) is the reference for two languages.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import CATEGORIES, generate  # noqa: E402

from bench import frontdesk, measure, mkdocs, table  # noqa: E402

LANGUAGES = [{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}]
BUILDS = {  # the site each builds (the German one has the translations beside the articles)
    "one language": (frontdesk, "mkdocs.yml", "hc"),
    "two languages": (frontdesk, "mkdocs-languages.yml", "hc-de"),
    "plain Material": (mkdocs, "mkdocs-plain.yml", "hc"),
    "plain Material, two languages (mkdocs-static-i18n)": (
        mkdocs,
        "mkdocs-plain-i18n.yml",
        "hc-de",
    ),
}


def add_german(root: Path) -> int:
    """Translations beside one article in ten and every category, the active incident in
    German, and the configuration naming both languages; returns the translations written."""
    content = root / "content"
    written = 0
    for index, path in enumerate(sorted((content / "articles").rglob("*.md"))):
        if path.name == "index.md" or index % 10 == 0:
            text = path.read_text(encoding="utf-8")
            body = text.split("---\n", 2)[2]
            title = "Übersetzt, " + path.stem.replace("-", " ")
            path.with_name(f"{path.stem}.de.md").write_text(
                f"---\ntitle: {title}\nsummary: Eine übersetzte Zusammenfassung.\n---\n{body}",
                encoding="utf-8",
            )
            written += 1
    active = content / "status/incidents/incident-00000.yml"
    incident = yaml.safe_load(active.read_text(encoding="utf-8"))
    incident["title"] = {"en": incident["title"], "de": "Eine Störung, auf Deutsch"}
    first = incident["updates"][0]
    first["message"] = {"en": first["message"], "de": "Wir sehen uns das an."}
    active.write_text(yaml.safe_dump(incident, allow_unicode=True), encoding="utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"frontdesk": {"languages": LANGUAGES}}]
    (root / "mkdocs-languages.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    plain = yaml.safe_load((root / "mkdocs-plain.yml").read_text(encoding="utf-8"))
    plain["plugins"] = ["search", {"i18n": {"docs_structure": "suffix", "languages": [
        {"locale": "en", "name": "English", "default": True, "build": True},
        {"locale": "de", "name": "Deutsch", "build": True},
    ]}}]  # fmt: skip
    (root / "mkdocs-plain-i18n.yml").write_text(yaml.safe_dump(plain), encoding="utf-8")
    return written


def available(builds: dict) -> dict:
    """The builds this machine can run: the mkdocs-static-i18n one only where it is installed."""
    if importlib.util.find_spec("mkdocs_static_i18n") is not None:
        return builds
    print("mkdocs-static-i18n is not installed: no plain Material build in two languages")
    return {name: build for name, build in builds.items() if "i18n" not in name}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--incidents", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        generate(work / "hc", options.articles, options.incidents)
        shutil.copytree(work / "hc", work / "hc-de")
        translations = add_german(work / "hc-de")
        builds = available(BUILDS)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in builds}
        outputs = {name: work / f"site-{index}" for index, name in enumerate(builds)}
        for _ in range(options.repeat):
            for name, (tool, config, site) in builds.items():
                shutil.rmtree(outputs[name], ignore_errors=True)
                command = tool("build", "-f", config, "-d", str(outputs[name]))
                runs[name].append(measure(command, work / site))
        pages = {name: sum(1 for _ in out.rglob("*.html")) for name, out in outputs.items()}
    reference = statistics.median(t for t, _ in runs["plain Material"])
    rows = []
    for name, results in runs.items():
        seconds = statistics.median(t for t, _ in results)
        peak = max(mb for _, mb in results)
        rows.append(
            [name, pages[name], f"{seconds:.1f}", f"{seconds / reference:.2f}x", f"{peak:.0f}"]
        )
    table(
        f"{options.articles} articles, {options.incidents} incidents, {len(CATEGORIES)} "
        f"categories; {translations} German translations (median of {options.repeat})",
        ["build", "HTML pages", "seconds", "against plain", "peak MB"],
        rows,
    )


if __name__ == "__main__":
    main()
