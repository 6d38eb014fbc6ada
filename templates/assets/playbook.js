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
  // through a procedure across several visits; the bar counts them and clears them. A tick is
  // kept by its item's text (data-key, made by the build the same in every script edition),
  // so it follows the item when items are added or moved, and a tick whose item is gone is
  // dropped. The page is named by its URL below the site's root, also the same in every edition.
  var bar = document.querySelector("[data-checklist]");
  var boxes = document.querySelectorAll("li.task input[type=checkbox]");
  if (!boxes.length) return;
  var root = new URL(document.body.getAttribute("data-root") || "./", location.href).pathname;
  var prefix = bar ? bar.getAttribute("data-edition-prefix") || "" : "";
  if (prefix && root.slice(-prefix.length) === prefix) root = root.slice(0, -prefix.length);
  var page = bar ? bar.getAttribute("data-page") : null;
  var key = "playbook:checklist:" + (page !== null ? root + page : location.pathname);
  var saved = {};
  var store = null;
  try { store = window.localStorage; saved = JSON.parse(store.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
  var written = [];
  var keys = [];
  boxes.forEach(function (box, i) {
    written[i] = box.defaultChecked;
    var item = box.closest("li.task");
    keys[i] = (item && item.getAttribute("data-key")) || String(i);
  });
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
  var present = {};
  keys.forEach(function (k) { present[k] = true; });
  var dropped = false;
  Object.keys(saved).forEach(function (k) { if (!present[k]) { delete saved[k]; dropped = true; } });
  if (dropped) save();
  boxes.forEach(function (box, i) {
    if (Object.prototype.hasOwnProperty.call(saved, keys[i])) box.checked = !!saved[keys[i]];
    box.addEventListener("change", function () {
      if (box.checked === written[i]) delete saved[keys[i]]; else saved[keys[i]] = box.checked;
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

// The health view's filter: by a group's name and by the element it lacks, without leaving the
// page; the findings of a hidden group are hidden with it. Without script the form stays
// hidden and every group shows.
(function () {
  var form = document.querySelector("[data-health-filter]");
  if (!form) return;
  var text = form.querySelector("[data-filter-text]");
  var element = form.querySelector("[data-filter-element]");
  var counter = form.querySelector("[data-filter-count]");
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.health tbody tr"));
  var template = form.getAttribute("data-count") || "{n} / {total}";
  function apply() {
    var words = text.value.trim().toLowerCase();
    var lacking = element.value;
    var shown = 0;
    rows.forEach(function (row) {
      var name = (row.querySelector("th") || row).textContent.toLowerCase();
      var gaps = " " + (row.getAttribute("data-lacking") || "") + " ";
      var visible = (!words || name.indexOf(words) >= 0) && (!lacking || gaps.indexOf(" " + lacking + " ") >= 0);
      row.hidden = !visible;
      var findings = document.getElementById(row.id + "-findings");
      if (findings) findings.hidden = !visible;
      if (visible) shown++;
    });
    counter.textContent = template.replace("{n}", shown).replace("{total}", rows.length);
  }
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  text.addEventListener("input", apply);
  element.addEventListener("change", apply);
  apply();
})();
