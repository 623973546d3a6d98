/* Frontdesk: the reader's local time next to UTC times marked fd-local, and promises re-checked.
   Runs on every page view, including Material's instant navigation (document$). */
(function () {
  "use strict";
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  /* A site in several languages gives each page its words (#fd-text); dates follow the reader's
     own settings when they read the page's language, else the page's language. */
  var text = JSON.parse((document.getElementById("fd-text") || {}).textContent || "{}");
  var page = document.documentElement.lang || "";
  var reader = (navigator.language || "").split("-")[0];
  var locale = text.local_time && reader !== page.split("-")[0] ? page : undefined;
  var format = new Intl.DateTimeFormat(locale, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
  });

  function localize(root) {
    if (/^(UTC|Etc\/UTC|Etc\/GMT)$/.test(zone)) return;
    root.querySelectorAll("time.fd-local[datetime]").forEach(function (el) {
      var next = el.nextElementSibling;
      if (next && next.classList.contains("fd-local-time")) return;
      var when = new Date(el.getAttribute("datetime"));
      if (isNaN(when.getTime())) return;
      var note = document.createElement("span");
      note.className = "fd-local-time";
      var local = text.local_time || "(%(time)s your time)";
      note.textContent = " " + local.replace("%(time)s", format.format(when));
      el.insertAdjacentElement("afterend", note);
    });
  }

  /* A page cached between builds must not show a passed time as the plan: switch each promise
     to the wording the build prepared for the moment it passes, by the reader's clock. */
  function recheckPromises(root) {
    var now = Date.now();
    root.querySelectorAll(".fd-promise[data-fd-later]").forEach(function (el) {
      var due = null;
      JSON.parse(el.getAttribute("data-fd-later")).forEach(function (change) {
        if (Date.parse(change[0]) <= now) due = change;
      });
      if (due && el.getAttribute("data-fd-since") !== due[0]) {
        el.innerHTML = due[1];
        el.setAttribute("data-fd-since", due[0]);
      }
    });
  }

  /* Material hides a dismissed banner when a hash of its HTML matches the one stored at
     dismissal, checked before this script runs. A re-checked promise changes that HTML, so compare
     again afterwards: a reader who dismissed the banner in its changed wording keeps it dismissed,
     and any new update from the status team still changes the hash and shows it again. */
  function keepDismissed() {
    var banner = document.querySelector("[data-md-component=announce]");
    var content = banner && banner.querySelector(".md-typeset");
    if (!content || typeof __md_hash !== "function" || typeof __md_get !== "function") return;
    if (__md_hash(content.innerHTML) === __md_get("__announce")) banner.hidden = true;
  }

  function refresh() {
    recheckPromises(document);
    keepDismissed();
    localize(document);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(refresh);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", refresh);
  } else {
    refresh();
  }
  window.setInterval(refresh, 60000);
})();
