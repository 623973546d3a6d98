/* Frontdesk: add the reader's local time next to UTC times marked fd-local.
   Runs on every page view, including Material's instant navigation (document$). */
(function () {
  "use strict";
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  var format = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
  });

  function localize(root) {
    if (/^(UTC|Etc\/UTC|Etc\/GMT)$/.test(zone)) return;
    root.querySelectorAll("time.fd-local[datetime]").forEach(function (el) {
      if (el.nextElementSibling && el.nextElementSibling.classList.contains("fd-local-time")) return;
      var when = new Date(el.getAttribute("datetime"));
      if (isNaN(when.getTime())) return;
      var note = document.createElement("span");
      note.className = "fd-local-time";
      note.textContent = " (" + format.format(when) + " your time)";
      el.insertAdjacentElement("afterend", note);
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(function () { localize(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { localize(document); });
  } else {
    localize(document);
  }
})();
