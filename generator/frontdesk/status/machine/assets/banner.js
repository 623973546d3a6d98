/*
 * Frontdesk status banner. A product page includes it with
 *   <script src="https://help.example/embed/banner.js" async></script>
 * It reads api/v2/summary.json from the help site it was loaded from and shows the incidents
 * under way and maintenance in progress in #frontdesk-banner (created at the top of the body
 * when the page has none). While everything is operational it shows nothing at all.
 * Data is only ever written with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src || !window.fetch || !window.URL) {
    return;
  }
  var BOX_ID = "frontdesk-banner";
  var REFRESH_MS = 5 * 60 * 1000;
  var summaryUrl = new URL("../api/v2/summary.json", script.src).href;
  var framed = window.top !== window.self;
  var COLOURS = {
    critical: "#b71c1c",
    major: "#bf360c",
    minor: "#8d6e00",
    none: "#455a64",
    maintenance: "#0d47a1"
  };
  var IMPACT = {
    critical: "Critical incident",
    major: "Major incident",
    minor: "Minor incident",
    none: "Incident"
  };

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function safeUrl(href) {
    try {
      var url = new URL(href, summaryUrl);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function when(iso) {
    var date = new Date(iso);
    if (!iso || isNaN(date.getTime())) {
      return "";
    }
    return date.toLocaleString(undefined, {
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short"
    });
  }

  function titleLink(entry) {
    var href = safeUrl(entry.shortlink);
    var link = element(href ? "a" : "strong", entry.name);
    if (href) {
      link.href = href;
      link.style.cssText = "color:inherit;font-weight:bold;text-decoration:underline";
      if (framed) {
        link.target = "_blank";
        link.rel = "noopener";
      }
    }
    return link;
  }

  function incidentPromise(incident) {
    var extra = incident.frontdesk || {};
    if (extra.eta && extra.eta !== "unknown") {
      return "Expected back by " + when(extra.eta) + ".";
    }
    if (extra.next_update) {
      return "Next update by " + when(extra.next_update) + ".";
    }
    return "";
  }

  function item(kind, colour, entry, detail) {
    var row = element("p");
    row.style.cssText = "margin:0;padding:8px 12px;color:#fff;background:" + colour;
    row.appendChild(element("span", kind + ": "));
    row.appendChild(titleLink(entry));
    if (detail) {
      row.appendChild(element("span", " " + detail));
    }
    return row;
  }

  function rows(summary) {
    var found = [];
    (summary.incidents || []).forEach(function (incident) {
      var impact = Object.prototype.hasOwnProperty.call(IMPACT, incident.impact) ? incident.impact : "none";
      found.push(item(IMPACT[impact], COLOURS[impact], incident, incidentPromise(incident)));
    });
    (summary.scheduled_maintenances || []).forEach(function (window_) {
      if (window_.status === "in_progress" || window_.status === "verifying") {
        var until = "Until " + when(window_.scheduled_until) + ".";
        found.push(item("Maintenance in progress", COLOURS.maintenance, window_, until));
      }
    });
    return found;
  }

  function box() {
    var existing = document.getElementById(BOX_ID);
    if (existing) {
      return existing;
    }
    var created = element("div");
    created.id = BOX_ID;
    document.body.insertBefore(created, document.body.firstChild);
    return created;
  }

  function render(summary) {
    var found = rows(summary);
    var existing = document.getElementById(BOX_ID);
    if (!found.length) {
      if (existing) {
        existing.hidden = true;
        existing.textContent = "";
      }
      return;
    }
    var target = box();
    target.textContent = "";
    target.hidden = false;
    target.setAttribute("role", "region");
    target.setAttribute("aria-label", "Service status");
    target.setAttribute("aria-live", "polite");
    target.style.font = "14px/1.4 system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
    found.forEach(function (row) {
      target.appendChild(row);
    });
  }

  function refresh() {
    fetch(summaryUrl, { credentials: "omit", cache: "no-cache" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (summary) {
        if (summary) {
          render(summary);
        }
      })
      .catch(function () {
        /* A status banner that cannot load stays out of the way. */
      });
  }

  function start() {
    refresh();
    window.setInterval(refresh, REFRESH_MS);
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
