"""Synthetic help centres for benchmarks: realistic ~600-word articles, categories, incidents.

    python bench/synthetic.py OUT_DIR --articles 1000 --incidents 500

writes OUT_DIR/mkdocs.yml (Frontdesk), OUT_DIR/mkdocs-builtin.yml (Frontdesk with Material's
built-in search instead of Pagefind), OUT_DIR/mkdocs-plain.yml (the same articles with plain
Material for MkDocs and its built-in search), OUT_DIR/mkdocs-nosearch.yml (plain, no search) and
OUT_DIR/content/.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

CATEGORIES = [
    "getting-started", "account", "invoicing", "payments", "banking", "reports",
    "integrations", "mobile", "tax", "security",
]  # fmt: skip
COMPONENTS = [
    "sign-in",
    "web-app",
    "mobile-apps",
    "invoicing",
    "payments",
    "bank-feeds",
    "api",
    "email-delivery",
]
LEVELS = ["novice", "intermediate", "expert"]
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
EPOCH = str(int(NOW.timestamp()))

NOUNS = ("invoice", "payment", "customer", "account", "report", "bank feed", "receipt", "reminder",
         "tax rate", "team member", "password", "export", "template", "payout", "quote", "expense")  # fmt: skip
VERBS = (
    "open",
    "choose",
    "check",
    "send",
    "connect",
    "review",
    "update",
    "export",
    "match",
    "create",
)
ADJECTIVES = ("new", "recurring", "overdue", "draft", "shared", "monthly", "archived", "default")
SENTENCES = (
    "Go to {Noun}s and {verb} the {adj} {noun} you want to change.",
    "If the {noun} does not appear, {verb} the filters at the top of the list.",
    "Tallybook keeps a history of every {noun}, so you can {verb} older versions at any time.",
    "You can {verb} a {adj} {noun} from the web app or from the mobile app.",
    "Only owners and admins can {verb} a {noun} that is already {adj}.",
    "When you {verb} the {noun}, we email your customer a copy straight away.",
    "Most people {verb} their {adj} {noun}s once a week, on a quiet afternoon.",
    "The {noun} settings live under Settings, in the section called {Noun}s.",
)


def sentence(rng: random.Random) -> str:
    noun = rng.choice(NOUNS)
    return rng.choice(SENTENCES).format(
        noun=noun, Noun=noun.capitalize(), verb=rng.choice(VERBS), adj=rng.choice(ADJECTIVES)
    )


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def article(rng: random.Random, index: int) -> tuple[str, str]:
    category = CATEGORIES[index % len(CATEGORIES)]
    noun = rng.choice(NOUNS)
    title = f"{rng.choice(VERBS).capitalize()} a {rng.choice(ADJECTIVES)} {noun} ({index})"
    meta = {
        "title": title,
        "audience": LEVELS[index % 3],
        "summary": sentence(rng),
        "tags": sorted({noun.replace(" ", "-"), rng.choice(NOUNS).replace(" ", "-")}),
        "components": [rng.choice(COMPONENTS)],
        "reviewed": (NOW - timedelta(days=rng.randint(10, 500))).date(),
    }
    sections = []
    for number in range(1, 5):
        steps = "\n".join(f"{n}. {sentence(rng)}" for n in range(1, rng.randint(3, 6)))
        sections.append(
            f"## Step {number}: {rng.choice(VERBS)} the {noun}\n\n{paragraph(rng, 5)}\n\n{steps}\n"
        )
    sections.append(f"!!! tip\n    {paragraph(rng, 2)}\n")
    if index % 3 == 2:
        sections.append(
            '```bash\ncurl -H "Authorization: Bearer $TOKEN" https://api.tallybook.example/v1/invoices\n```\n'
        )
    body = "\n".join([paragraph(rng, 4), *sections, "## If this did not work\n", paragraph(rng, 4)])
    front = yaml.safe_dump(meta, sort_keys=False)
    return f"articles/{category}/article-{index:05d}.md", f"---\n{front}---\n{body}\n"


def incident(rng: random.Random, index: int, active: bool) -> str:
    started = NOW - timedelta(hours=1) if active else NOW - timedelta(hours=6 + index * 7)
    updates = [
        {
            "at": started + timedelta(minutes=10),
            "status": "investigating",
            "message": paragraph(rng, 2),
        }
    ]
    if not active:
        updates.append({"at": started + timedelta(minutes=rng.randint(30, 300)), "status": "resolved",
                        "message": paragraph(rng, 1)})  # fmt: skip
    data = {
        "title": f"{rng.choice(NOUNS).capitalize()}s are slow ({index})",
        "impact": rng.choice(["minor", "major", "critical"]),
        "components": sorted(set(rng.sample(COMPONENTS, 2))),
        "started": started,
        "cause": paragraph(rng, 2),
        "eta": NOW + timedelta(hours=2),
        "prevention": paragraph(rng, 2),
        "updates": updates,
    }
    return yaml.safe_dump(data, sort_keys=False)


def generate(out: Path, articles: int, incidents: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    content = out / "content"
    for index in range(articles):
        path, text = article(rng, index)
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    for slug in CATEGORIES:
        folder = content / "articles" / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(
            f"---\ntitle: {slug.replace('-', ' ').capitalize()}\n---\nHelp about {slug}.\n"
        )
    (content / "index.md").write_text("---\ntitle: Help centre\n---\nWelcome.\n")
    status = content / "status"
    (status / "incidents").mkdir(parents=True, exist_ok=True)
    groups = [
        {
            "name": "Services",
            "components": [{"id": c, "name": c.replace("-", " ").capitalize()} for c in COMPONENTS],
        }
    ]
    (status / "components.yml").write_text(yaml.safe_dump({"groups": groups}))
    for index in range(incidents):
        name = f"incident-{index:05d}.yml"
        (status / "incidents" / name).write_text(incident(rng, index, active=index == 0))
    _write_configs(out)
    return out


def _write_configs(out: Path) -> None:
    category_nav = [f"articles/{slug}/index.md" for slug in CATEGORIES]
    common = textwrap.dedent("""\
        site_name: Synthetic help centre
        site_url: https://help.example.test/
        docs_dir: content
        validation:
          nav:
            omitted_files: ignore
        markdown_extensions: [admonition, attr_list, md_in_html, pymdownx.superfences]
        """)
    frontdesk = common + yaml.safe_dump({
        "theme": {"name": "material", "custom_dir": str(Path(__file__).resolve().parent.parent / "overrides"), "font": False},
        "plugins": ["search", "frontdesk"],
        "nav": [{"Home": "index.md"}, {"Help topics": category_nav}, {"Status": "status/index.md"}],
    })  # fmt: skip
    plain = common + yaml.safe_dump({
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "nav": [{"Home": "index.md"}, {"Help topics": category_nav}],
        "exclude_docs": "status/",
    })  # fmt: skip
    (out / "mkdocs.yml").write_text(frontdesk)
    (out / "mkdocs-builtin.yml").write_text(
        frontdesk.replace("- frontdesk\n", "- frontdesk:\n    search: builtin\n")
    )
    (out / "mkdocs-plain.yml").write_text(plain)
    (out / "mkdocs-nosearch.yml").write_text(plain.replace("plugins:\n- search\n", "plugins: []\n"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--incidents", type=int, default=500)
    options = parser.parse_args()
    generate(options.out, options.articles, options.incidents)
    print(f"wrote {options.articles} articles and {options.incidents} incidents to {options.out}")
