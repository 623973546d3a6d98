/* Frontdesk: the reader's level. The choice lives on <html data-fd-level> (set before first paint
   by the inline script in the page head), persists with Material's __md_set, and hides passages
   meant for other levels through CSS. Instant navigation keeps <html>, so the choice survives. */
(function () {
  "use strict";
  var KEY = "__frontdesk_level";
  var root = document.documentElement;

  function select() { return document.querySelector("[data-fd-level-select]"); }

  function labelOf(level) {
    var box = select();
    var option = box && Array.prototype.find.call(box.options, function (o) { return o.value === level; });
    return option ? option.textContent.trim() : level;
  }

  function sync() {
    var box = select();
    if (box) box.value = root.getAttribute("data-fd-level") || "";
  }

  function apply(level, announce) {
    if (level) root.setAttribute("data-fd-level", level); else root.removeAttribute("data-fd-level");
    if (typeof __md_set === "function") __md_set(KEY, level || "");
    sync();
    var status = document.querySelector("[data-fd-level-status]");
    if (announce && status) {
      var text = JSON.parse((document.getElementById("fd-text") || {}).textContent || "{}");
      status.textContent = level
        ? (text.level || "Showing help for %(level)s readers")
            .replace("%(level)s", labelOf(level).toLowerCase()).replace("%(label)s", labelOf(level))
        : (text.all_levels || "Showing help for all levels");
    }
  }

  /* The level to switch to so that the element with this id shows, or null when it already shows. */
  function levelRevealing(id) {
    var target = id && document.getElementById(id);
    if (!target) return null;
    var chosen = root.getAttribute("data-fd-level");
    var allowed = null;
    for (var block = target.closest(".fd-level-block"); block; block = block.parentElement.closest(".fd-level-block")) {
      var names = block.getAttribute("data-fd-levels").split(" ");
      allowed = allowed === null ? names : allowed.filter(function (n) { return names.indexOf(n) >= 0; });
    }
    if (allowed === null || !chosen || allowed.indexOf(chosen) >= 0) return null;
    return allowed.length ? allowed[0] : "";
  }

  function reveal(hash) {
    var id = hash ? decodeURIComponent(hash.replace(/^#/, "")) : "";
    var level = levelRevealing(id);
    if (level === null) return;
    apply(level, true);
    document.getElementById(id).scrollIntoView();
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-fd-level-select]")) apply(event.target.value, true);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href*='#']");
    if (!link) return;
    var url = new URL(link.href, location.href);
    if (url.pathname === location.pathname) reveal(url.hash);
  }, true);
  window.addEventListener("hashchange", function () { reveal(location.hash); });

  function onPage() { sync(); reveal(location.hash); }
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
