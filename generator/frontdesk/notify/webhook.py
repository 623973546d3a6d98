"""The body of a webhook POST, in Statuspage's webhook shape, so that tools written for
Statuspage's webhooks read it unchanged: `meta`, `page` with the status indicator, and the
`incident` as `incidents.json` publishes it, newest update first. Statuspage sends maintenance
windows as incidents too."""

from __future__ import annotations

from frontdesk.notify.changes import Change
from frontdesk.notify.states import JSON

DOCUMENTATION = "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/"


def webhook_body(change: Change) -> JSON:
    state = change.state
    return {
        "meta": {"unsubscribe": None, "documentation": DOCUMENTATION},
        "page": {
            "id": state.page["id"],
            "status_indicator": state.status["indicator"],
            "status_description": state.status["description"],
        },
        "incident": change.entry,
    }
