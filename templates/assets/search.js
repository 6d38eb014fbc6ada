// Playbook search, on the page: the box in every page's header (results drop down as you type)
// and the search page (search/?q=…, with kind filters). The engine is assets/search-engine.js:
// the search page loads it before this file; every other page loads it here when the reader
// first types a query (or a result led here and its words are to be marked), so that a page
// nobody searches from does not pay for it.
(function () {
  "use strict";
  var engine = window.PlaybookSearch || null;
  var loading = null;

  function withEngine() {
    if (engine) return Promise.resolve(engine);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var root = (document.body && document.body.getAttribute("data-root")) || "./";
        var script = document.createElement("script");
        script.src = root + "assets/search-engine.js";
        script.onload = function () {
          engine = window.PlaybookSearch;
          if (engine) resolve(engine); else reject(new Error("search-engine.js did not load"));
        };
        script.onerror = function () { loading = null; reject(new Error("search-engine.js could not be loaded")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function t(key, fallback) { return engine.word(key, fallback); }

  // One result: a link to its best section (title, kind, heading, snippet), then links to its
  // other matching sections, the words it lacks when it holds only most of them, and the other
  // pages cloned from the same template document.
  function resultHTML(r, id) {
    var html = "<a class=\"search-result\" id=\"" + id + "\" href=\"" + esc(r.href) + "\">" +
      "<span class=\"search-result-head\"><span class=\"search-result-title\">" + r.title + "</span>" +
      "<span class=\"search-result-kind\">" + esc(engine.kindLabel(r.kind)) + "</span></span>" +
      (r.heading ? "<span class=\"search-result-heading\">" + r.heading + "</span>" : "") +
      (r.text ? "<span class=\"search-result-snippet\">" + r.text + "</span>" : "") +
      (r.missing.length ? "<span class=\"search-result-missing\">" + esc(t("searchMissing", "Missing:")) + " " +
        r.missing.map(function (m) { return "<s>" + esc(m) + "</s>"; }).join(" ") + "</span>" : "") + "</a>";
    if (r.sections.length) {
      html += "<ul class=\"search-result-sections\">" + r.sections.map(function (s) {
        return "<li><a class=\"search-result-section\" href=\"" + esc(s.href) + "\">" +
          (s.heading ? "<span class=\"search-result-heading\">" + s.heading + "</span>" : "") +
          (s.text ? "<span class=\"search-result-snippet\">" + s.text + "</span>" : "") + "</a></li>";
      }).join("") + "</ul>";
    }
    if (r.others.length) {
      html += "<p class=\"search-result-also\">" +
        esc(t("searchAlso", "Also in {n} chapters:").replace("{n}", String(r.others.length))) + " " +
        r.others.map(function (o) { return "<a href=\"" + esc(o.href) + "\">" + o.title + "</a>"; }).join("、") + "</p>";
    }
    return html;
  }

  // The query to remember for the page a result leads to, which marks its words there.
  var MARK_KEY = "playbook-search-mark";
  function remember(query) {
    try { sessionStorage.setItem(MARK_KEY, query); } catch (e) { /* storage off */ }
  }

  // ---- A results view: the list, its status line, kind filters and keyboard selection ----

  var PAGE = 10;

  function View(input, list, options) {
    this.input = input;
    this.list = list;
    this.status = options.status;
    this.kinds = options.kinds;
    this.more = options.more;
    this.limit = options.limit || PAGE;
    this.onChange = options.onChange || function () {};
    this.kind = options.kind || "";
    this.seeAll = options.seeAll || false;
    this.searchHref = options.searchHref || "";
    this.selected = -1;
    this.serial = 0;
    this.shown = 0;
    this.hits = [];
    this.plan = null;
    this.query = "";
  }

  View.prototype.t = function (key, fallback) {
    return engine.word(key, fallback);
  };

  View.prototype.run = function (text) {
    var view = this;
    var serial = ++this.serial;
    this.query = text;
    this.onChange(text, this.kind);
    if (!text.trim()) {
      this.clear();
      return Promise.resolve();
    }
    var started = performance.now();
    return withEngine().then(function () { return engine.ready(); }).then(function () {
      var p = engine.plan(text);
      if (!p.slots.length) return view.clear();
      return engine.rank(p).then(function (hits) {
        if (serial !== view.serial) return;
        view.plan = p;
        view.hits = hits;
        view.shown = 0;
        view.list.innerHTML = "";
        view.selected = -1;
        view.renderKinds();
        return view.showMore(started);
      });
    }).catch(function (error) {
      if (serial !== view.serial) return;
      view.list.innerHTML = "";
      view.setStatus(esc(view.list.getAttribute("data-load-error") || "The search index could not be loaded.") +
        " <small>(" + esc(String(error.message || error)) + ")</small>");
    });
  };

  View.prototype.filtered = function () {
    var kind = this.kind;
    return kind ? this.hits.filter(function (h) { return h.kind === kind; }) : this.hits;
  };

  View.prototype.showMore = function (started) {
    var view = this, serial = this.serial;
    var hits = this.filtered();
    var batch = hits.slice(this.shown, this.shown + this.limit);
    engine.resetCosts();
    return engine.presentAll(batch, this.plan).then(function (results) {
      if (serial !== view.serial) return;
      var arrived = performance.now();
      var html = "";
      results.forEach(function (r, i) {
        html += "<li>" + resultHTML(r, "search-result-" + (view.shown + i)) + "</li>";
      });
      view.list.insertAdjacentHTML("beforeend", html);
      view.shown += batch.length;
      var searchPage = view.searchHref + "?q=";
      if (!hits.length) {
        // Only queries the index was seen to answer (corrected words, sound-alike pairs).
        var none = esc(view.t("searchNone", "Nothing found for “{q}”.").replace("{q}", view.query));
        var suggested = engine.suggestions(view.plan);
        if (suggested.length) {
          none += " " + esc(view.t("searchSuggest", "Try:")) + " " + suggested.map(function (q) {
            return "<a href=\"" + esc(searchPage + encodeURIComponent(q)) + "\" data-search-suggestion>" + esc(q) + "</a>";
          }).join(" ");
        }
        view.setStatus(none);
      } else {
        var status = esc(view.t("searchCount", "{n} results").replace("{n}", String(hits.length)));
        if (view.hits.partial) {
          status = esc(view.t("searchPartial", "No page has every word; these have most of them.")) + " " + status;
        }
        if (view.seeAll && hits.length > view.shown) {
          status += " <a href=\"" + esc(searchPage + encodeURIComponent(view.query)) + "\" data-search-all>" +
            esc(view.t("searchSeeAll", "See all {n} results").replace("{n}", String(hits.length))) + "</a>";
        }
        view.setStatus(status);
      }
      if (view.more) view.more.hidden = view.shown >= hits.length;
      // What the reader waits for once the files are there: ranking after the shards arrived,
      // snippets and the list after the records arrived (the benchmark reports both).
      var costs = engine.costs();
      engine.timing = { query: view.query, total: performance.now() - started, rank: costs.rank,
        snippets: costs.snippets, render: performance.now() - arrived };
      document.dispatchEvent(new CustomEvent("playbook:search", { detail: { query: view.query, count: hits.length } }));
    });
  };

  View.prototype.watchClicks = function () {
    var view = this;
    this.list.addEventListener("click", function (event) {
      if (event.target.closest("a")) remember(view.query);
    });
  };

  View.prototype.setStatus = function (html) {
    if (this.status) this.status.innerHTML = html;
  };

  View.prototype.clear = function () {
    this.hits = [];
    this.shown = 0;
    this.selected = -1;
    this.list.innerHTML = "";
    this.setStatus("");
    if (this.kinds) this.kinds.innerHTML = "";
    if (this.more) this.more.hidden = true;
  };

  View.prototype.renderKinds = function () {
    if (!this.kinds) return;
    var counts = {}, view = this;
    this.hits.forEach(function (h) { counts[h.kind] = (counts[h.kind] || 0) + 1; });
    var keys = Object.keys(counts).sort();
    if (this.kind && !counts[this.kind]) this.kind = "";
    var html = "";
    function button(key, label, count) {
      return "<button type=\"button\" data-kind=\"" + esc(key) + "\" aria-pressed=\"" + (view.kind === key) + "\">" +
        esc(label) + " <span class=\"count\">" + count + "</span></button>";
    }
    if (keys.length > 1 || this.kind) {
      html += button("", this.t("searchAll", "All"), this.hits.length);
      keys.forEach(function (k) { html += button(k, engine.kindLabel(k), counts[k]); });
    }
    this.kinds.innerHTML = html;
  };

  View.prototype.setKind = function (kind) {
    this.kind = kind;
    this.onChange(this.query, kind);
    this.shown = 0;
    this.selected = -1;
    this.list.innerHTML = "";
    this.renderKinds();
    return this.showMore(performance.now());
  };

  View.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a.search-result"));
  };

  View.prototype.move = function (step) {
    var links = this.links();
    if (!links.length) return;
    this.selected = Math.max(-1, Math.min(links.length - 1, this.selected + step));
    links.forEach(function (a, i) { a.setAttribute("aria-selected", String(i === this.selected)); }, this);
    if (this.selected >= 0) {
      this.input.setAttribute("aria-activedescendant", links[this.selected].id);
      // Inside the drop-down, only the drop-down scrolls; the page stays where it is.
      var link = links[this.selected], box = this.list.closest(".search-panel");
      if (box) {
        var top = link.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
        if (top < box.scrollTop) box.scrollTop = top;
        else if (top + link.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + link.offsetHeight - box.clientHeight;
      } else {
        link.scrollIntoView({ block: "nearest" });
      }
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  // Arrow keys move through the results, Enter opens the selected one; true when handled.
  View.prototype.key = function (event) {
    if (event.key === "ArrowDown") { this.move(1); event.preventDefault(); return true; }
    if (event.key === "ArrowUp") { this.move(-1); event.preventDefault(); return true; }
    if (event.key === "Enter" && this.selected >= 0) {
      var link = this.links()[this.selected];
      if (link) { event.preventDefault(); remember(this.query); location.href = link.href; return true; }
    }
    return false;
  };

  // Calls `handler` as the reader types, but not while an input method composes (pinyin, zhuyin,
  // kana): the fragments it shows ("jin'y") are not the query; `compositionend` is.
  function onTyping(input, handler) {
    var composing = false;
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; handler(); });
    input.addEventListener("input", function (event) {
      if (composing || event.isComposing) return;
      handler();
    });
  }

  // The edition switch's links lead to the same page with the same query.
  function keepQueryInEditionLinks(text) {
    document.querySelectorAll("nav.edition-switch a[href]").forEach(function (a) {
      var href = a.getAttribute("href").replace(/[?#].*$/, "");
      a.setAttribute("href", text ? href + "?q=" + encodeURIComponent(text) : href);
    });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // ---- Wiring ----

  function setUpPage(input, list) {
    var params = new URLSearchParams(location.search);
    var view = new View(input, list, {
      status: document.querySelector("[data-search-status]"),
      kinds: document.querySelector("[data-search-kinds]"),
      more: document.querySelector("[data-search-more]"),
      kind: params.get("kind") || "",
      onChange: function (text, kind) {
        var url = new URL(location.href);
        if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
        if (kind) url.searchParams.set("kind", kind); else url.searchParams.delete("kind");
        try { history.replaceState(null, "", url.search ? url.pathname + url.search + url.hash : url.pathname + url.hash); } catch (e) { /* file:// in some browsers */ }
        keepQueryInEditionLinks(text);
      },
    });
    input.value = params.get("q") || "";
    view.watchClicks();
    var run = debounce(function () { view.run(input.value); }, 60);
    onTyping(input, run);
    input.addEventListener("keydown", function (event) {
      if (view.key(event)) return;
      if (event.key === "Escape") {
        input.value = "";
        view.run("");
      } else if (event.key === "Enter") {
        event.preventDefault();
        view.run(input.value);
      }
    });
    if (view.kinds) {
      view.kinds.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-kind]");
        if (button) view.setKind(button.getAttribute("data-kind"));
      });
    }
    if (view.more) {
      view.more.addEventListener("click", function () { view.showMore(performance.now()); });
    }
    // The header's box on this page drives the same results.
    var header = document.querySelector("form.search-form input[name=q]");
    if (header) {
      header.addEventListener("input", function () { input.value = header.value; run(); });
      header.form.addEventListener("submit", function (event) { event.preventDefault(); input.value = header.value; view.run(input.value); input.focus(); });
    }
    if (input.value) view.run(input.value);
    return view;
  }

  function setUpBox(input) {
    var form = input.form;
    var panel = document.createElement("div");
    panel.className = "search-panel";
    panel.hidden = true;
    panel.innerHTML = "<p class=\"search-panel-status\" aria-live=\"polite\"></p><ol class=\"search-panel-results\" data-search-results id=\"search-panel-results\"></ol>";
    form.appendChild(panel);
    var list = panel.querySelector("ol");
    input.setAttribute("aria-controls", "search-panel-results");
    input.setAttribute("autocomplete", "off");
    var view = new View(input, list, { status: panel.querySelector("p"), limit: 6, seeAll: true,
      searchHref: form.getAttribute("action") || "" });
    view.watchClicks();
    function open() { panel.hidden = !input.value.trim(); }
    function close() { panel.hidden = true; view.move(-view.selected - 1); }
    var run = debounce(function () { view.run(input.value).then(open); }, 60);
    onTyping(input, function () {
      if (!input.value.trim()) close();
      run();
    });
    input.addEventListener("focus", function () { if (input.value.trim() && view.hits.length) open(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); return; }
      view.key(event);
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
  }

  function init() {
    var pageInput = document.getElementById("search-input");
    var pageList = document.querySelector("[data-search-results]");
    var page = pageInput && pageList ? setUpPage(pageInput, pageList) : null;
    if (!page) {
      var box = document.querySelector("form.search-form input[name=q]");
      if (box) setUpBox(box);
      // The page a result led to marks the query's words.
      var query = null;
      try {
        query = sessionStorage.getItem(MARK_KEY);
        sessionStorage.removeItem(MARK_KEY);
      } catch (e) { /* storage off */ }
      var main = document.querySelector("main");
      if (query && main) {
        withEngine().then(function () { return engine.mark(main, query); }).then(function (count) {
          document.dispatchEvent(new CustomEvent("playbook:marked", { detail: { count: count } }));
        }, function () {});
      }
    }
    // `/` focuses the search box, wherever the reader is not typing already.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
      var box = pageInput || document.querySelector("form.search-form input[name=q]");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
