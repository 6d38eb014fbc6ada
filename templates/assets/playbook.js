// Playbook default theme: menu toggle, table of contents, checklists kept in this browser, and
// the kit's print button. Works from disk (file://) as well as served.
(function () {
  "use strict";
  var toggle = document.querySelector(".menu-toggle");
  var nav = document.getElementById("site-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // The table of contents starts open where there is room for it, folded on a phone.
  var toc = document.querySelector("details[data-toc]");
  if (toc && window.matchMedia("(min-width: 861px)").matches) toc.open = true;

  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }

  // Checklists: ticks are remembered per page in this browser, so an operator can work
  // through a procedure across several visits; the bar counts them and clears them.
  var bar = document.querySelector("[data-checklist]");
  var boxes = document.querySelectorAll("li.task input[type=checkbox]");
  if (!boxes.length) return;
  var key = "playbook:checklist:" + location.pathname;
  var saved = {};
  var store = null;
  try { store = window.localStorage; saved = JSON.parse(store.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
  var written = [];
  boxes.forEach(function (box, i) { written[i] = box.defaultChecked; });
  function count() {
    if (!bar) return;
    var done = 0;
    boxes.forEach(function (box) { if (box.checked) done++; });
    bar.querySelector("[data-checklist-count]").textContent =
      bar.getAttribute("data-done").replace("{done}", done).replace("{total}", boxes.length);
  }
  function save() {
    try {
      if (Object.keys(saved).length) store.setItem(key, JSON.stringify(saved)); else store.removeItem(key);
    } catch (e) { /* storage refused: ticks last until the page is left */ }
  }
  boxes.forEach(function (box, i) {
    if (Object.prototype.hasOwnProperty.call(saved, i)) box.checked = !!saved[i];
    box.addEventListener("change", function () {
      if (box.checked === written[i]) delete saved[i]; else saved[i] = box.checked;
      save();
      count();
    });
  });
  if (bar) {
    bar.hidden = false;
    bar.querySelector("[data-checklist-reset]").addEventListener("click", function () {
      saved = {};
      save();
      boxes.forEach(function (box, i) { box.checked = written[i]; });
      count();
    });
    count();
  }
})();

// Script editions (issue 14): the switcher links each page to itself in the other editions.
// A reader's choice is remembered; a first visit picks by the browser's language. Both go
// through location.replace, so Back does not bounce between editions.
(function () {
  var links = document.querySelectorAll(".edition-switch a[data-edition]");
  if (!links.length) return;
  var key = "playbook-edition", store = null, current = null, byLang = {};
  try { store = window.localStorage; } catch (e) { store = null; }
  links.forEach(function (a) {
    byLang[a.getAttribute("data-edition")] = a;
    if (a.getAttribute("aria-current") === "true") current = a.getAttribute("data-edition");
    a.addEventListener("click", function () {
      try { if (store) store.setItem(key, a.getAttribute("data-edition")); } catch (e) {}
    });
  });
  function script(tag) {
    tag = (tag || "").toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(tag)) return "hant";
    if (/^zh/.test(tag)) return "hans";
    return "";
  }
  var chosen = null;
  try { chosen = store && store.getItem(key); } catch (e) { chosen = null; }
  if (!chosen) {
    var wanted = (navigator.languages || [navigator.language || ""]).map(script).filter(Boolean)[0];
    if (!wanted) return;
    Object.keys(byLang).some(function (lang) {
      if (script(lang) === wanted) { chosen = lang; return true; }
      return false;
    });
    if (!chosen) return;
    try { if (store) store.setItem(key, chosen); } catch (e) {}
  }
  if (chosen !== current && byLang[chosen]) location.replace(byLang[chosen].href);
})();
