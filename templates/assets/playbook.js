// Playbook default theme: menu toggle, table of contents and persistent checklists.
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

  // Checklists: ticks are remembered per page in this browser, so an operator can work
  // through a procedure across several visits.
  var boxes = document.querySelectorAll("li.task input[type=checkbox]");
  if (boxes.length) {
    var key = "playbook:checklist:" + location.pathname;
    var saved = {};
    try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
    boxes.forEach(function (box, i) {
      if (Object.prototype.hasOwnProperty.call(saved, i)) box.checked = saved[i];
      box.addEventListener("change", function () {
        saved[i] = box.checked;
        try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* private mode */ }
      });
    });
  }
})();
