"""Reading content files into models, or problems that name file, line and field."""

from __future__ import annotations

from generator.loading.articles import Category, load_articles
from generator.loading.site import SiteContent, load_site
from generator.loading.status_files import load_status

__all__ = ["Category", "SiteContent", "load_articles", "load_site", "load_status"]
