// Playbook default theme: client-side search on the search page.
(function () {
  "use strict";
  // Search: substring matching works for Chinese without word splitting. Simplified and
  // Traditional forms of common operations words are folded together so either finds both.
  var results = document.querySelector("[data-search-results]");
  if (!results) return;
  var input = document.getElementById("search-input");
  var fold = {"規":"规","則":"则","運":"运","營":"营","結":"结","構":"构","輸":"输","製":"制","複":"复","檔":"档",
    "參":"参","與":"与","組":"组","織":"织","歸":"归","屬":"属","榮":"荣","譽":"誉","儀":"仪","會":"会","員":"员",
    "門":"门","檻":"槛","負":"负","責":"责","線":"线","動":"动","程":"程","範":"范","獎":"奖","勵":"励","懲":"惩",
    "禁":"禁","暱":"昵","稱":"称","為":"为","準":"准","書":"书","讀":"读","臺":"台","灣":"湾","週":"周","導":"导",
    "頻":"频","率":"率","標":"标","價":"价","值":"值","話":"话","題":"题","見":"见","領":"领","覺":"觉","進":"进",
    "淘":"淘","汰":"汰","數":"数","據":"据","觸":"触","發":"发","驟":"骤","步":"步","體":"体","新":"新","樣":"样"};
  function norm(s) {
    s = (s || "").toLowerCase();
    var out = "";
    for (var i = 0; i < s.length; i++) { var c = s.charAt(i); out += fold[c] || c; }
    return out;
  }
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return {"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;","'":"&#39;"}[c]; });
  }
  var root = document.body.getAttribute("data-root") || "./";
  var params = new URLSearchParams(location.search);
  var query = params.get("q") || "";
  input.value = query;
  fetch(results.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (pages) {
    pages.forEach(function (p) { p.n = norm(p.t + " " + p.h + " " + p.x); p.nt = norm(p.t); });
    function run(q) {
      var terms = norm(q).split(/\s+/).filter(Boolean);
      results.innerHTML = "";
      if (!terms.length) return;
      var hits = pages.filter(function (p) { return terms.every(function (t) { return p.n.indexOf(t) >= 0; }); });
      hits.sort(function (a, b) {
        var sa = terms.filter(function (t) { return a.nt.indexOf(t) >= 0; }).length;
        var sb = terms.filter(function (t) { return b.nt.indexOf(t) >= 0; }).length;
        return sb - sa;
      });
      if (!hits.length) {
        results.innerHTML = "<li>" + esc(results.getAttribute("data-empty")) + "</li>";
        return;
      }
      hits.slice(0, 50).forEach(function (p) {
        var text = p.x, nx = norm(text), at = nx.indexOf(terms[0]);
        var start = Math.max(0, at - 40);
        var snippet = esc(text.substr(start, 140));
        var li = document.createElement("li");
        li.innerHTML = "<a href=\"" + esc(root + encodeURI(p.u)) + "\">" + esc(p.t) + "</a> <small>" + esc(p.k) +
          "</small><p class=\"excerpt\">" + (start > 0 ? "…" : "") + snippet + "…</p>";
        results.appendChild(li);
      });
    }
    run(query);
    input.addEventListener("input", function () { run(input.value); });
  });
})();
