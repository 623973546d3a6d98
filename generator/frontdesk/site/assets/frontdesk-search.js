/* Frontdesk search: Pagefind's own UI on /search/, filtered by the reader's level, a keyboard
   shortcut for the header box, and the matched words highlighted on the page a result opens. */
(function () {
  "use strict";
  var HIGHLIGHT = "highlight";

  function bundle() {
    var holder = document.querySelector("[data-fd-bundle]");
    return holder ? holder.getAttribute("data-fd-bundle") : null;
  }

  function chosenLevelLabel() {
    var level = document.documentElement.getAttribute("data-fd-level");
    var select = document.querySelector("[data-fd-level-select]");
    if (!level || !select) return null;
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === level; });
    return option ? option.textContent.trim() : null;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* The page's words (#fd-text, on a site in several languages), English otherwise: the
     filters and facts are named in the page's language in its index (search_meta.html). */
  function pageText() {
    return JSON.parse((document.getElementById("fd-text") || {}).textContent || "{}");
  }

  function keys() {
    return pageText().keys || { level: "level", category: "category", summary: "summary" };
  }

  /* A level's name (its badge's colour) from the label shown, as the level switch pairs them. */
  function levelName(label) {
    var select = document.querySelector("[data-fd-level-select]");
    var option = select && Array.prototype.find.call(select.options, function (o) {
      return o.value && o.textContent.trim() === label;
    });
    return option ? option.value : label.toLowerCase();
  }

  /* Level badge, category and summary above Pagefind's highlighted excerpt. */
  function describeResult(result) {
    var meta = result.meta || {};
    var key = keys();
    var level = meta[key.level], category = meta[key.category], about = meta[key.summary];
    var facts = [];
    if (level) {
      facts.push('<span class="fd-level fd-level--' + escapeHtml(levelName(level)) + '">' + escapeHtml(level) + "</span>");
    }
    if (category) facts.push('<span class="fd-result-category">' + escapeHtml(category) + "</span>");
    var head = facts.length ? '<span class="fd-result-facts">' + facts.join(" ") + "</span> " : "";
    var summary = about ? '<span class="fd-result-summary">' + escapeHtml(about) + "</span><br>" : "";
    result.excerpt = head + summary + result.excerpt;
    return result;
  }

  function loadOnce(tag, attrs) {
    var key = attrs.src || attrs.href;
    if (document.querySelector(tag + "[data-fd-loaded='" + key + "']")) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
      el.setAttribute("data-fd-loaded", key);
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  /* Pagefind names its field only by a title (its placeholder, "Search"), which not every
     screen reader announces, and has no option for a label: give it the words of the form's
     label, which the template owns. */
  function labelInput(box, form) {
    var input = box.querySelector(".pagefind-ui__search-input");
    var label = form && form.querySelector("label");
    if (input && label && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", label.textContent.trim());
    }
  }

  /* Frontdesk's words for Pagefind's interface, in the page's language on a site with several
     (#fd-text); Pagefind's own for the rest. */
  function searchText() {
    var text = pageText();
    return {
      filters_label: text.filters || "Narrow results",
      zero_results: text.no_results || "Nothing found for [SEARCH_TERM]. Try other words, or browse by topic."
    };
  }

  function searchPage() {
    var box = document.querySelector("[data-fd-search]");
    if (!box || box.getAttribute("data-fd-ready")) return;
    box.setAttribute("data-fd-ready", "1");
    var base = box.getAttribute("data-fd-bundle");
    loadOnce("link", { rel: "stylesheet", href: base + "pagefind-ui.css" });
    loadOnce("script", { src: base + "pagefind-ui.js" }).then(function () {
      var form = document.querySelector(".fd-search-page__form");
      if (form) form.hidden = true;  // Pagefind's UI brings its own search field
      var ui = new window.PagefindUI({
        element: "#fd-search",
        bundlePath: base,
        baseUrl: new URL(base + "../", location.href).pathname,
        mergeIndex: box.getAttribute("data-fd-merge")
          ? [{ bundlePath: box.getAttribute("data-fd-merge"), baseUrl: new URL(base + "../", location.href).pathname, highlightParam: HIGHLIGHT }]
          : [],
        processResult: describeResult,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        highlightParam: HIGHLIGHT,
        autofocus: true,
        openFilters: [keys().level],
        translations: searchText()
      });
      labelInput(box, form);
      var level = chosenLevelLabel();
      if (level) {
        var chosen = {};
        chosen[keys().level] = [level];
        ui.triggerFilters(chosen);
      }
      var query = new URLSearchParams(location.search).get("q");
      if (query) ui.triggerSearch(query);
    });
  }

  function highlightMatches() {
    var base = bundle();
    if (!base || !new URLSearchParams(location.search).has(HIGHLIGHT)) return;
    import(new URL(base + "pagefind-highlight.js", location.href).href).then(function (module) {
      new module.default({ highlightParam: HIGHLIGHT });
    });
  }

  document.addEventListener("keydown", function (event) {
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      var input = document.querySelector("[data-fd-search-input]");
      if (input) { event.preventDefault(); input.focus(); }
    }
  });

  function onPage() { searchPage(); highlightMatches(); }
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
