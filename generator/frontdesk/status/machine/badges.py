"""Status badges: flat SVG images and shields.io endpoint JSON, for the site and each component."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from frontdesk.content.models import ComponentStatus
from frontdesk.status.machine.common import json_bytes
from frontdesk.status.view import StatusView

# shields.io's named colours, and the same colours for our own SVG.
COLOURS: dict[ComponentStatus, tuple[str, str]] = {
    ComponentStatus.OPERATIONAL: ("brightgreen", "#4c1"),
    ComponentStatus.UNDER_MAINTENANCE: ("blue", "#007ec6"),
    ComponentStatus.DEGRADED_PERFORMANCE: ("yellow", "#dfb317"),
    ComponentStatus.PARTIAL_OUTAGE: ("orange", "#fe7d37"),
    ComponentStatus.MAJOR_OUTAGE: ("red", "#e05d44"),
}
LABEL_COLOUR = "#555"
HEIGHT = 20
PADDING = 6
NARROW = frozenset("fijlrt.,:;'|!() ")
WIDE = frozenset("mwMW@%")


def badge_files(view: StatusView) -> dict[str, bytes]:
    """`badges/status.{svg,json}` and `badges/components/<id>.{svg,json}`."""
    files = {
        "badges/status.svg": badge_svg("status", view.overall),
        "badges/status.json": badge_endpoint("status", view.overall),
    }
    for component in view.content.catalog.components:
        status = view.statuses[component.id]
        files[f"badges/components/{component.id}.svg"] = badge_svg(component.name, status)
        files[f"badges/components/{component.id}.json"] = badge_endpoint(component.name, status)
    return files


def badge_endpoint(label: str, status: ComponentStatus) -> bytes:
    """The shields.io endpoint schema: https://shields.io/badges/endpoint-badge."""
    return json_bytes(
        {"schemaVersion": 1, "label": label, "message": status.label, "color": COLOURS[status][0]}
    )


def text_width(text: str) -> int:
    """A close guess at the width of 11px Verdana; textLength makes the text fit it exactly."""
    units = sum(4 if c in NARROW else 10 if c in WIDE else 7 for c in text)
    return max(units, 1)


def badge_svg(label: str, status: ComponentStatus) -> bytes:
    """A flat badge with no ids inside, so several can be inlined in one page."""
    message = status.label
    label_w, message_w = text_width(label) + 2 * PADDING, text_width(message) + 2 * PADDING
    width = label_w + message_w
    title = f"{label}: {message}"
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" \
viewBox="0 0 {width} {HEIGHT}" role="img" aria-label={quoteattr(title)}>
<title>{escape(title)}</title>
<path fill="{LABEL_COLOUR}" d="M3 0H{label_w}V{HEIGHT}H3A3 3 0 0 1 0 17V3A3 3 0 0 1 3 0Z"/>
<path fill="{COLOURS[status][1]}" \
d="M{label_w} 0H{width - 3}A3 3 0 0 1 {width} 3V17A3 3 0 0 1 {width - 3} {HEIGHT}H{label_w}Z"/>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" \
font-size="11" aria-hidden="true">
{_text(label, label_w / 2, label_w - 2 * PADDING)}
{_text(message, label_w + message_w / 2, message_w - 2 * PADDING)}
</g>
</svg>
"""
    return svg.encode("utf-8")


def _text(text: str, centre: float, length: int) -> str:
    body = escape(text)
    shadow = f'<text x="{centre:g}" y="15" fill="#010101" fill-opacity=".3" textLength="{length}">'
    return f'{shadow}{body}</text><text x="{centre:g}" y="14" textLength="{length}">{body}</text>'
