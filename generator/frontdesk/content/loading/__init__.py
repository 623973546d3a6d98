"""Reading content files into models, or problems that name file, line and field."""

from __future__ import annotations

from frontdesk.content.loading.articles import Category, load_articles
from frontdesk.content.loading.site import SiteContent, load_site
from frontdesk.content.loading.status_files import load_status

__all__ = ["Category", "SiteContent", "load_articles", "load_site", "load_status"]
