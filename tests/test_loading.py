"""Every valid shape of the content contract loads into the model it means."""

from __future__ import annotations

from datetime import UTC, date, datetime

from frontdesk.content.loading import load_site
from frontdesk.content.models import ComponentStatus, Impact, IncidentStatus

LEVELS = ["novice", "intermediate", "expert"]
UTC = UTC

LIST_FORM = """\
title: Sign-in fails
impact: critical
components: [sign-in, api]
started: 2026-11-23T09:00:00+01:00   # an offset other than Z
cause: An expired certificate.
eta: unknown
next_update: 2026-11-23T09:30:00Z
prevention: Expiry alerts.
updates:
  - at: 2026-11-23T08:10:00Z
    status: investigating
    message: Looking.
  - at: 2026-11-23T08:10:00Z      # the same minute is allowed
    status: identified
    message: Found it.
"""

MAPPING_FORM = """\
title: Slow payments
impact: minor
components:
  payments: degraded_performance
  api: partial_outage
started: 2026-10-01T10:00:00Z
updates:
  - at: 2026-10-01T10:05:00Z
    status: investigating
    message: Looking.
  - at: 2026-10-01T11:00:00Z
    status: resolved
    message: Fixed.
postmortem: "A **full** account."
apology: Sorry.
compensation: A credit.
"""

MAINTENANCE = """\
title: Database upgrade
components: [api, api]
start: 2026-11-25T02:00:00Z
end: 2026-11-25T04:00:00Z
description: The API may be slow.
cancelled: true
updates:
  - at: 2026-11-20T10:00:00Z
    status: scheduled
    message: Booked.
"""

ARTICLE = """\
---
title: Reset your password
audience: expert
summary: Get back in.
tags: [account, password]
components: [sign-in]
reviewed: 2026-10-01
---
Body.
"""


def load(make_site, files):
    root = make_site(files)
    return load_site(root / "content", root, LEVELS)


def test_incident_with_component_list_takes_status_from_impact(make_site) -> None:
    site = load(make_site, {"status/incidents/sign-in.yml": LIST_FORM})
    (incident,) = site.status.incidents
    assert incident.id == "sign-in"
    assert incident.source == "content/status/incidents/sign-in.yml"
    assert incident.impact is Impact.CRITICAL
    assert incident.affected == (
        ("sign-in", ComponentStatus.MAJOR_OUTAGE),
        ("api", ComponentStatus.MAJOR_OUTAGE),
    )
    assert incident.started == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    assert incident.eta is None and incident.next_update == datetime(
        2026, 11, 23, 9, 30, tzinfo=UTC
    )
    assert incident.status is IncidentStatus.IDENTIFIED and not incident.resolved


def test_incident_with_component_mapping_and_every_optional_field(make_site) -> None:
    site = load(make_site, {"status/incidents/slow.yml": MAPPING_FORM})
    (incident,) = site.status.incidents
    assert incident.affected == (
        ("payments", ComponentStatus.DEGRADED_PERFORMANCE),
        ("api", ComponentStatus.PARTIAL_OUTAGE),
    )
    assert incident.resolved and incident.ended == datetime(2026, 10, 1, 11, 0, tzinfo=UTC)
    assert (incident.postmortem, incident.apology, incident.compensation) == (
        "A **full** account.", "Sorry.", "A credit.",
    )  # fmt: skip
    assert incident.cause == "" and incident.eta is None


def test_maintenance_deduplicates_components_and_keeps_cancellation(make_site) -> None:
    site = load(make_site, {"status/maintenance/db.yml": MAINTENANCE})
    (window,) = site.status.maintenance
    assert window.component_ids == ("api",)
    assert window.cancelled is True
    assert window.end - window.start == datetime(2026, 1, 1, 2) - datetime(2026, 1, 1)
    assert window.updates[0].status == "scheduled"


def test_components_keep_group_and_file_order(make_site) -> None:
    site = load(make_site, {})
    catalog = site.status.catalog
    assert [g.name for g in catalog.groups] == ["Core services", "Money"]
    assert [c.id for c in catalog.components] == ["sign-in", "api", "payments"]
    assert catalog.get("api").name == "Public API" and catalog.get("api").description == ""


def test_article_front_matter_and_category(make_site) -> None:
    site = load(
        make_site,
        {
            "articles/account/reset.md": ARTICLE,
            "articles/account/index.md": "---\ntitle: Your account\nsummary: Sign-in help.\n---\n",
            "articles/billing/refunds.md": ARTICLE.replace("Reset your password", "Refunds"),
        },
    )
    reset = next(a for a in site.articles if a.src_uri == "articles/account/reset.md")
    assert (reset.title, reset.audience, reset.category) == (
        "Reset your password",
        "expert",
        "account",
    )
    assert reset.tags == ("account", "password") and reset.component_ids == ("sign-in",)
    assert reset.reviewed == date(2026, 10, 1)
    assert [(c.slug, c.title) for c in site.categories] == [
        ("account", "Your account"),
        ("billing", "Billing"),
    ]


def test_site_without_status_folder_loads_empty(make_site) -> None:
    root = make_site()
    (root / "content/status/components.yml").unlink()
    site = load_site(root / "content", root, LEVELS)
    assert site.status.incidents == () and site.status.catalog.components == ()


def test_example_content_loads(make_site) -> None:
    from conftest import EXAMPLE_LANGUAGES, REPO

    site = load_site(REPO / "content", REPO, LEVELS, languages=EXAMPLE_LANGUAGES)
    assert len(site.articles) >= 12 and len({a.category for a in site.articles}) >= 4
    assert {a.audience for a in site.articles} == set(LEVELS)
    assert len(site.status.catalog.groups) >= 2 and len(site.status.catalog.components) >= 6
    assert sum(not i.resolved for i in site.status.incidents) >= 1
    assert sum(i.resolved for i in site.status.incidents) >= 5
    assert any(i.postmortem for i in site.status.incidents)
