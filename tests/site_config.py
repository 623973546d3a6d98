"""Reading and writing a site's mkdocs.yml in tests, keeping MkDocs' `!ENV` tags as written."""

from __future__ import annotations

from pathlib import Path

import yaml


class EnvTag(str):
    """An `!ENV NAME` value, written back as it was read."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: EnvTag(loader.construct_scalar(node)))
_Dumper.add_representer(EnvTag, lambda dumper, value: dumper.represent_scalar("!ENV", value))


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), _Loader)  # noqa: S506 (safe, plus !ENV)


def write_config(path: Path, config: dict) -> None:
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False), encoding="utf-8")
