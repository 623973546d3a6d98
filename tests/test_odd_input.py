"""Odd input: each file gives a working build, or a clean error naming it; never a traceback.

Files that could exhaust memory, recursion or time (huge files, very long lines, deep nesting,
alias bombs) go through `frontdesk check` in child processes with a time limit. Cheap cases
(empty, binary, duplicate keys, bad ids) go through the loader. Text in any script, byte-order
marks, Windows line endings and an article of front matter alone must build and show.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import COMPONENTS, EXAMPLE_EPOCH, REPO
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pages import read, text

from frontdesk.content.errors import ContentError
from frontdesk.content.loading import load_site

LEVELS = ["novice", "intermediate", "expert"]
CHECK_TIMEOUT = 60  # seconds; a case that takes longer has hung
INCIDENT = """\
title: {title}
impact: minor
components: [sign-in]
started: 2026-11-20T09:00:00Z
updates:
  - at: 2026-11-20T09:10:00Z
    status: resolved
    message: Fixed.
"""
ARTICLE = "---\ntitle: {title}\naudience: novice\nsummary: {summary}\n---\n{body}"


def bomb() -> str:
    """The billion laughs: nine levels of nine aliases each."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


def junk(seed: int) -> bytes:
    return random.Random(seed).randbytes(4096)


@dataclass(frozen=True)
class Case:
    files: dict[str, str | bytes]  # under content/
    culprits: tuple[str, ...]  # the files the messages must name; none: the content is valid
    says: str = ""  # what the message must say about it


# Each of these could hang, crash or eat memory in a careless loader.
RISKY = {
    "huge incident (3 MB)": Case(
        {"status/incidents/huge.yml": INCIDENT.format(title="Big")
         + "postmortem: |\n" + ("  " + "x" * 98 + "\n") * 30_000},
        ("status/incidents/huge.yml",), "larger than",
    ),
    "very long single line": Case(
        {"status/incidents/long-line.yml": INCIDENT.format(title="A" * 1_500_000)}, ()
    ),
    "very long line without a newline": Case(
        {"status/incidents/no-newline.yml": "title: " + "b" * 1_900_000},
        ("status/incidents/no-newline.yml",), "required field is missing",
    ),
    "10,000 levels of nesting": Case(
        {"status/incidents/deep.yml": "[" * 10_000 + "]" * 10_000,
         "status/incidents/unclosed.yml": "title: " + "[" * 10_000,
         "articles/a/deep.md": "---\ntitle: " + "{a: " * 10_000 + "}" * 10_000 + "\n---\nx\n"},
        ("status/incidents/deep.yml", "status/incidents/unclosed.yml", "articles/a/deep.md"),
        "invalid yaml",
    ),
    "100,000 levels of - - - on one line": Case(
        {"status/incidents/dashes.yml": "- " * 100_000 + "x\n",
         "articles/a/dashes.md": "---\ntitle: T\ntags:\n" + "- " * 100_000 + "x\n---\nx\n"},
        ("status/incidents/dashes.yml", "articles/a/dashes.md"), "invalid yaml",
    ),
    "deeply nested components.yml": Case(
        {"status/components.yml": "groups: " + "[" * 10_000 + "]" * 10_000},
        ("status/components.yml",), "invalid yaml",
    ),
    "billion laughs": Case(
        {"status/incidents/bomb.yml": bomb()}, ("status/incidents/bomb.yml",), "alias"
    ),
    "huge article body (3 MB)": Case(
        {"articles/a/big.md": ARTICLE.format(title="Big", summary="S.",
                                             body="Words here.\n" * 250_000)},
        (),
    ),
}  # fmt: skip


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    settings = {
        "site_name": "Odd", "site_url": "https://odd.example.test/", "docs_dir": "content",
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides")},
        "plugins": ["search", "frontdesk"], "markdown_extensions": ["attr_list", "md_in_html"],
    }  # fmt: skip
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    defaults: dict[str, str | bytes] = {"index.md": "Home\n", "status/components.yml": COMPONENTS}
    for relative, data in {**defaults, **files}.items():
        path = root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
    return root


@dataclass(frozen=True)
class Checked:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_check(root: Path) -> Checked:
    try:
        run = subprocess.run(
            [sys.executable, "-m", "frontdesk", "check", "-f", str(root / "mkdocs.yml")],
            cwd=root, capture_output=True, text=True, timeout=CHECK_TIMEOUT,
            env={**os.environ, "SOURCE_DATE_EPOCH": EXAMPLE_EPOCH, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return Checked(-1, "", f"frontdesk check did not finish within {CHECK_TIMEOUT} s")
    return Checked(run.returncode, run.stdout, run.stderr)


@pytest.fixture(scope="module")
def risky_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Checked]:
    """Every risky case checked in its own process, two at a time."""
    roots = {
        name: write_site(tmp_path_factory.mktemp("risky"), case.files)
        for name, case in RISKY.items()
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(run_check, roots.values())
        return dict(zip(roots, results))


def assert_names_the_file(output: str, culprit: str, says: str) -> None:
    lines = [line for line in output.splitlines() if f"content/{culprit}" in line]
    assert lines, f"no message names content/{culprit}:\n{output[-2000:]}"
    assert any(says in line.lower() for line in lines), (says, lines)


@pytest.mark.parametrize("name", RISKY)
def test_risky_file_is_refused_cleanly_or_works(risky_results: dict[str, Checked], name: str):
    case, result = RISKY[name], risky_results[name]
    died = " (negative: killed by a signal, e.g. a crash in C)" if result.returncode < 0 else ""
    assert result.returncode in (0, 1), f"exit {result.returncode}{died}\n{result.output[-2000:]}"
    assert "Traceback" not in result.output, result.output[-4000:]
    if not case.culprits:
        assert result.returncode == 0 and result.stdout.startswith("OK:"), result.output[-2000:]
    else:
        assert result.returncode == 1, result.output[-2000:]
        for culprit in case.culprits:
            assert_names_the_file(result.stderr, culprit, case.says)


# Cheap to load, so checked in this process: the loader must raise ContentError naming the file.
REFUSED = {
    "empty incident": Case(
        {"status/incidents/empty.yml": ""}, ("status/incidents/empty.yml",), "empty"
    ),
    "incident of only a comment": Case(
        {"status/incidents/comment.yml": "# nothing yet\n"}, ("status/incidents/comment.yml",),
        "empty",
    ),
    "empty components.yml": Case(
        {"status/components.yml": ""}, ("status/components.yml",), "empty"
    ),
    "0-byte article": Case({"articles/a/empty.md": ""}, ("articles/a/empty.md",), "front matter"),
    "duplicate incident key": Case(
        {"status/incidents/twice.yml": INCIDENT.format(title="One") + "title: Two\n"},
        ("status/incidents/twice.yml",), "duplicate",
    ),
    "duplicate front matter key": Case(
        {"articles/a/twice.md": ARTICLE.format(title="A", summary="S.\nsummary: T.", body="x\n")},
        ("articles/a/twice.md",), "duplicate",
    ),
    "uppercase incident id": Case(
        {"status/incidents/Sign-In.yml": INCIDENT.format(title="T")},
        ("status/incidents/Sign-In.yml",), "file name",
    ),
    "emoji incident id": Case(
        {"status/incidents/outage-🔥.yml": INCIDENT.format(title="T")},
        ("status/incidents/outage-🔥.yml",), "file name",
    ),
    "uppercase component id": Case(
        {"status/components.yml": COMPONENTS.replace("id: api", "id: API")},
        ("status/components.yml",), "expected an id",
    ),
    "emoji component id": Case(
        {"status/components.yml": COMPONENTS.replace("id: api", "id: api-💥")},
        ("status/components.yml",), "expected an id",
    ),
    "binary incident": Case(
        {"status/incidents/junk.yml": junk(0)}, ("status/incidents/junk.yml",), "utf-8"
    ),
    "binary article": Case({"articles/a/junk.md": junk(1)}, ("articles/a/junk.md",), "utf-8"),
    "binary components.yml": Case(
        {"status/components.yml": junk(2)}, ("status/components.yml",), "utf-8"
    ),
    "NUL bytes": Case(
        {"status/incidents/nul.yml": b"title: x\x00\x00\n"}, ("status/incidents/nul.yml",), "nul"
    ),
    "emoji maintenance id": Case(
        {"status/maintenance/🛠.yml": "title: T\ncomponents: [api]\nstart: 2026-11-25T02:00:00Z\n"
                                      "end: 2026-11-25T03:00:00Z\ndescription: D.\n"},
        ("status/maintenance/🛠.yml",), "file name",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", REFUSED)
def test_odd_file_gives_a_content_error_naming_it(tmp_path: Path, name: str) -> None:
    case = REFUSED[name]
    root = write_site(tmp_path / "site", case.files)
    with pytest.raises(ContentError) as caught:
        load_site(root / "content", root, LEVELS)
    for culprit in case.culprits:
        assert_names_the_file(str(caught.value), culprit, case.says)


# Text from every script, and files as other editors save them: all of it must simply work.
RTL = "تعذّر تسجيل الدخول — ההתחברות נכשלה"
COMBINING = "Cafe\u0301 Zu\u0308rich n\u0303 — Z̤̈a̧l̈g̊o"
EMOJI = "Payments down 💳🔥 👩🏽‍💻 🇬🇧"
CRLF = "\r\n"
BOM = "\ufeff"

WORKING = {
    "index.md": "---\ntitle: Home\n---\nWelcome.\n",
    "status/incidents/rtl.yml": INCIDENT.format(title=RTL).replace(
        "message: Fixed.", f"message: {RTL}"
    ),
    "status/incidents/combining.yml": INCIDENT.format(title=COMBINING),
    "status/incidents/emoji.yml": INCIDENT.format(title=EMOJI),
    "status/incidents/bom-crlf.yml": BOM
    + INCIDENT.format(title="Saved by Notepad").replace("\n", CRLF),
    "status/maintenance/crlf.yml": (
        "title: Windows line endings\ncomponents: [api]\nstart: 2026-11-25T02:00:00Z\n"
        "end: 2026-11-25T03:00:00Z\ndescription: Planned.\n"
    ).replace("\n", CRLF),
    "articles/world/index.md": "---\ntitle: The world\n---\n",
    "articles/world/rtl.md": ARTICLE.format(title=RTL, summary=RTL, body=f"{RTL}\n"),
    "articles/world/emoji.md": (
        f"---\ntitle: {EMOJI}\naudience: novice\nsummary: {COMBINING}\n"
        f"tags: [{EMOJI}, {COMBINING}]\n---\nText.\n"
    ),
    "articles/world/bom.md": BOM
    + ARTICLE.format(title="Byte order mark", summary="S.", body="x\n"),
    "articles/world/crlf.md": ARTICLE.format(
        title="Windows line endings", summary="S.", body="Line one.\n\nLine two.\n"
    ).replace("\n", CRLF),
    "articles/world/front-matter-only.md": ARTICLE.format(
        title="Only front matter", summary="S.", body=""
    ),
}


@pytest.fixture(scope="module")
def working_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("working"), WORKING)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EXAMPLE_EPOCH)
        build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site")))
    return root / "site"


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("status/incidents/rtl/", RTL),
        ("status/incidents/combining/", COMBINING),
        ("status/incidents/emoji/", EMOJI),
        ("status/incidents/bom-crlf/", "Saved by Notepad"),
        ("status/maintenance/crlf/", "Windows line endings"),
        ("articles/world/rtl/", RTL),
        ("articles/world/emoji/", EMOJI),
        ("articles/world/bom/", "Byte order mark"),
        ("articles/world/crlf/", "Windows line endings"),
        ("articles/world/front-matter-only/", "Only front matter"),
    ],
)
def test_text_from_any_script_and_any_editor_works(working_site: Path, url: str, title: str):
    page = read(working_site, url)
    assert f"<title>{title} - Odd</title>" in page
    assert title in text(page)


def test_unicode_survives_exactly_in_history_listings_and_json(working_site: Path) -> None:
    history = text(read(working_site, "status/history/"))
    for title in (RTL, COMBINING, EMOJI):
        assert title in history  # exactly: no normalisation, no lost combining marks
    listing = text(read(working_site, "articles/world/"))
    assert EMOJI in listing and COMBINING in listing and RTL in listing
    incidents = json.loads((working_site / "api/v2/incidents.json").read_text(encoding="utf-8"))
    names = {i["id"]: i["name"] for i in incidents["incidents"]}
    assert names["rtl"] == RTL and names["combining"] == COMBINING and names["emoji"] == EMOJI
    updates = {i["id"]: i["incident_updates"][0]["body"] for i in incidents["incidents"]}
    assert updates["rtl"] == RTL
