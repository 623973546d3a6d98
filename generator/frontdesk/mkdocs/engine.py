"""What the command line asks of MkDocs: read a site's configuration, build, serve, publish.

The commands never import MkDocs themselves; each engine failure reaches them as an EngineError
carrying MkDocs' own message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from frontdesk.mkdocs.config import FrontdeskConfig, status_settings
from frontdesk.mkdocs.publish import FullBuildNeeded, PublishReport, publish_status
from frontdesk.mkdocs.setup import SITE_URL_REQUIRED
from frontdesk.status.view import StatusSettings


class EngineError(Exception):
    """MkDocs refused the configuration, or a build or a plugin failed."""


@dataclass(frozen=True)
class Site:
    """A site's configuration as the commands need it."""

    config: MkDocsConfig

    @property
    def docs_dir(self) -> Path:
        return Path(self.config.docs_dir)

    @property
    def root(self) -> Path:
        """The folder of mkdocs.yml: content paths in messages are relative to it."""
        return Path(self.config.config_file_path).resolve().parent

    @property
    def site_url(self) -> str:
        return self.config.site_url or ""

    def require_site_url(self) -> None:
        """As the build does: feeds, calendars and the status API need absolute links."""
        if not self.config.site_url:
            raise EngineError(SITE_URL_REQUIRED)

    @property
    def theme_dirs(self) -> list[Path]:
        """The site's own theme folder (`theme.custom_dir`), where its catalogues live too."""
        custom_dir = self.config.theme.custom_dir
        return [Path(custom_dir)] if custom_dir else []

    @property
    def languages(self) -> tuple[str, ...]:
        """The site's language codes, the default first; none for a site in one language."""
        return tuple(language.code for language in self.options.languages)

    @property
    def options(self) -> FrontdeskConfig:
        plugin = self.config.plugins.get("frontdesk")
        if plugin is None:
            raise EngineError(
                f"{self.config.config_file_path}: plugins: the frontdesk plugin is not enabled"
            )
        return plugin.config

    @property
    def status_settings(self) -> StatusSettings:
        plugin = self.config.plugins.get("frontdesk")
        return status_settings(plugin.config) if plugin else StatusSettings()


@contextmanager
def engine_errors() -> Iterator[None]:
    try:
        yield
    except (ConfigurationError, PluginError, Abort) as exc:
        raise EngineError(str(exc)) from None


def read_site(config_file: str, **overrides: object) -> Site:
    """The configuration; an EngineError carries what MkDocs found wrong in it, which MkDocs
    itself only logs (the commands that read a site print no build log)."""
    found = _Problems()
    log = logging.getLogger("mkdocs.config")
    log.addHandler(found)
    try:
        with engine_errors():
            return Site(load_config(config_file, **overrides))
    except EngineError as exc:
        raise EngineError("\n".join([*found.messages, str(exc)])) from None
    finally:
        log.removeHandler(found)


class _Problems(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: str, strict: bool = True, site_dir: str | None = None) -> None:
    """A full build, with the start-up and shutdown events `mkdocs build` sends too."""
    overrides = {"site_dir": site_dir} if site_dir else {}
    with engine_errors():
        config = load_config(config_file, strict=strict, **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()


def serve_site(config_file: str, dev_addr: str) -> None:
    with engine_errors():
        mkdocs_serve(config_file=config_file, livereload=True, dev_addr=dev_addr)


def publish_or_build(
    config_file: str, site_dir: str, full_build_needed: Callable[[str], None]
) -> PublishReport | None:
    """Publish new status content into a built site. Where the result could not match a full
    build, say why through `full_build_needed`, build in full and return None."""
    with engine_errors():
        config = load_config(config_file, strict=True, site_dir=site_dir)
        try:
            return publish_status(config)
        except OSError as exc:
            raise EngineError(
                f"publishing into {site_dir} stopped: {exc}. Every page there is whole, old or"
                " new; run publish-status again to complete the change"
            ) from None
        except FullBuildNeeded as exc:
            full_build_needed(str(exc))
            mkdocs_build(load_config(config_file, strict=True, site_dir=site_dir))
            return None
