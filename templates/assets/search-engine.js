// Playbook search, the engine: the tokenizer (the same as SearchTokenizer.swift), the index
// loader, ranking and snippets. assets/search.js puts it on the page; both are loaded by every
// page (the layout), this one first.
//
// The index is script files under search/ (see SearchIndex.swift), loaded with <script> so a
// site opened from disk searches too. A query loads meta.js, one shard per token, the word
// bucket of the word being typed, and the page records of the results it shows.
(function () {
  "use strict";

  // ---- Tokenizer: keep in step with Sources/PlaybookRender/SearchTokenizer.swift ----

  var MAX_WORD = 40;
  var WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
  var fold = Object.create(null); // Traditional → Simplified, from meta.js

  function isCJK(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
  }

  // The folded code points of one code point (lower-casing may give more than one).
  function foldPoint(cp) {
    if (cp < 0x80) return [cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp];
    if (cp >= 0xff01 && cp <= 0xff5e) return foldPoint(cp - 0xfee0);
    if (cp === 0x3000) return [0x20];
    var ch = String.fromCodePoint(cp);
    if (isCJK(cp)) return [(fold[ch] || ch).codePointAt(0)];
    var lower = ch.toLowerCase();
    if (lower === ch) return [cp];
    var out = [];
    for (var c of lower) out.push((fold[c] || c).codePointAt(0));
    return out;
  }

  function classify(cp) {
    if (cp < 0x80) {
      return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? 1 : 0;
    }
    if (isCJK(cp)) return 2;
    return WORD_CHAR.test(String.fromCodePoint(cp)) ? 1 : 0;
  }

  // Tokens of `text` as {text, kind, position, start, end}; start and end are offsets in the
  // original string (UTF-16 units), for highlighting. `characters`: emit every CJK character as
  // well as the bigrams (how pages are indexed); otherwise only runs of one (queries).
  function scan(text, characters) {
    var tokens = [];
    var position = 0;
    var run = []; // [code point, start, end]
    var word = "", wordLength = 0, wordStart = 0, wordEnd = 0;
    function flushRun() {
      for (var i = 0; i < run.length; i++) {
        if (characters || run.length === 1) {
          tokens.push({ text: String.fromCodePoint(run[i][0]), kind: "character", position: position + i,
            start: run[i][1], end: run[i][2] });
        }
        if (i + 1 < run.length) {
          tokens.push({ text: String.fromCodePoint(run[i][0], run[i + 1][0]), kind: "bigram", position: position + i,
            start: run[i][1], end: run[i + 1][2] });
        }
      }
      position += run.length;
      run = [];
    }
    function flushWord() {
      if (!wordLength) return;
      tokens.push({ text: word, kind: "word", position: position, start: wordStart, end: wordEnd });
      position += 1;
      word = "";
      wordLength = 0;
    }
    var offset = 0;
    for (var ch of text) {
      var start = offset;
      offset += ch.length;
      var folded = foldPoint(ch.codePointAt(0));
      for (var k = 0; k < folded.length; k++) {
        var cp = folded[k];
        var cls = classify(cp);
        if (cls === 2) {
          flushWord();
          run.push([cp, start, offset]);
        } else if (cls === 1) {
          flushRun();
          if (!wordLength) wordStart = start;
          if (wordLength < MAX_WORD) word += String.fromCodePoint(cp);
          wordLength += 1;
          wordEnd = offset;
        } else {
          flushRun();
          flushWord();
        }
      }
    }
    flushRun();
    flushWord();
    return tokens;
  }

  function queryTokens(text) {
    var tokens = scan(text, false);
    var prefix = false;
    var last = tokens[tokens.length - 1];
    if (last && last.kind === "word") {
      var chars = Array.from(text);
      var end = chars[chars.length - 1].codePointAt(0);
      prefix = foldPoint(end).every(function (cp) { return classify(cp) === 1; });
    }
    return { tokens: tokens, prefix: prefix };
  }

  // ---- Index files ----

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 64; d++) DIGIT[ALPHABET.charCodeAt(d)] = d;

  function hash(s) {
    var bytes = new TextEncoder().encode(s);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // Postings string → {ids: Int32Array, weights: Int32Array}; see SearchEncoding.postings.
  function decodePostings(s) {
    var ids = [], weights = [];
    var i = 0, previous = -1;
    function next() {
      var n = 0;
      for (;;) {
        var v = DIGIT[s.charCodeAt(i++)];
        if (v >= 32) n = n * 32 + (v - 32);
        else return n * 32 + v;
      }
    }
    while (i < s.length) {
      var x = next();
      var id = previous + Math.floor(x / 2);
      ids.push(id);
      weights.push(x % 2 ? next() + 2 : 1);
      previous = id;
    }
    return { ids: ids, weights: weights };
  }

  var store = Object.create(null);
  var waiting = Object.create(null);
  var root = (document.body && document.body.getAttribute("data-root")) || "./";

  function need(name) {
    if (store[name]) return Promise.resolve(store[name]);
    if (waiting[name]) return waiting[name];
    waiting[name] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root + "search/" + name + ".js";
      script.async = true;
      script.onload = function () {
        script.remove();
        if (store[name]) resolve(store[name]);
        else reject(new Error(name + ".js did not load"));
      };
      script.onerror = function () {
        script.remove();
        delete waiting[name];
        reject(new Error(name + ".js could not be loaded"));
      };
      document.head.appendChild(script);
    });
    return waiting[name];
  }

  var meta = null;
  function loadMeta() {
    return need("meta").then(function (m) {
      if (meta) return meta;
      var pairs = Array.from(m.fold);
      for (var i = 0; i + 1 < pairs.length; i += 2) fold[pairs[i]] = pairs[i + 1];
      var n = m.n, kinds = new Uint8Array(n), lengths = new Float64Array(n), total = 0;
      for (var j = 0; j < n; j++) {
        kinds[j] = DIGIT[m.docs.charCodeAt(2 * j)];
        lengths[j] = Math.pow(1.2, DIGIT[m.docs.charCodeAt(2 * j + 1)]);
        total += lengths[j];
      }
      meta = { n: n, shards: m.shards, words: m.words, kinds: m.kinds, docKinds: kinds, lengths: lengths,
        average: n ? total / n : 1, t: m.t || {} };
      return meta;
    });
  }

  var decoded = Object.create(null);
  function postings(token) {
    if (decoded[token]) return Promise.resolve(decoded[token]);
    return need("s/" + (hash(token) % meta.shards)).then(function (shard) {
      var s = Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : "";
      decoded[token] = decodePostings(s);
      return decoded[token];
    });
  }

  // The words of the index that start with `prefix`, most frequent first (at most `limit`).
  function expand(prefix, limit) {
    var chars = Array.from(prefix);
    if (chars.length < 2) return Promise.resolve([prefix]);
    var key = chars[0] + chars[1];
    return need("w/" + (hash(key) % meta.words)).then(function (words) {
      var found = words.filter(function (w) { return w[0].indexOf(prefix) === 0; });
      found.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      var list = found.slice(0, limit).map(function (w) { return w[0]; });
      if (list.indexOf(prefix) < 0) list.unshift(prefix);
      return list;
    });
  }

  // ---- Ranking ----

  // B: length normalisation milder than the textbook 0.75. A handbook's pages are alike in
  // length once fields are weighted, and the page that treats a term at length (the network
  // rules, for 禁言) should stay above shorter pages that restate it.
  var K1 = 1.2, B = 0.5, PHRASE_BONUS = 0.5, MAX_SLOTS = 24, EXPANSIONS = 8;

  // A query as slots (one bit each) and the rule a page must meet: every word and single
  // character is required; a CJK run of several characters needs each of its characters covered
  // by one of its bigrams the page has, so 群规禁言 finds a page with 群规 and 禁言 apart.
  function plan(text) {
    var q = queryTokens(text);
    var slots = [], required = 0, cover = [];
    var tokens = q.tokens.slice(0, MAX_SLOTS);
    var runs = [];
    tokens.forEach(function (token, i) {
      var bit = 1 << slots.length;
      var isLast = i === tokens.length - 1;
      slots.push({ token: token, prefix: isLast && q.prefix && token.kind === "word" });
      if (token.kind === "bigram") {
        var run = runs[runs.length - 1];
        if (!run || run.end !== token.position) {
          run = { start: token.position, end: token.position, bits: [] };
          runs.push(run);
        }
        run.bits.push(bit);
        run.end = token.position + 1;
      } else {
        required |= bit;
      }
    });
    runs.forEach(function (run) {
      // Character j of the run is covered by bigram j-1 or j.
      for (var j = 0; j <= run.bits.length; j++) {
        cover.push((run.bits[j - 1] || 0) | (run.bits[j] || 0));
      }
    });
    return { text: text, slots: slots, required: required, cover: cover };
  }

  function idf(df) {
    return Math.log(1 + (meta.n - df + 0.5) / (df + 0.5));
  }

  // Every page that meets the plan, with its BM25 score, best first (ties by page order).
  function rank(p) {
    return Promise.all(p.slots.map(function (slot) {
      var words = slot.prefix ? expand(slot.token.text, EXPANSIONS) : Promise.resolve([slot.token.text]);
      return words.then(function (list) {
        slot.words = list;
        return Promise.all(list.map(postings));
      });
    })).then(function (lists) {
      var started = performance.now();
      var n = meta.n, scores = new Float64Array(n), masks = new Uint32Array(n);
      var best = new Float64Array(n);
      lists.forEach(function (forSlot, s) {
        var bit = 1 << s;
        best.fill(0);
        forSlot.forEach(function (list, w) {
          var weightOf = w === 0 || p.slots[s].words[w] === p.slots[s].token.text ? 1 : 0.8;
          var factor = idf(list.ids.length) * weightOf;
          for (var i = 0; i < list.ids.length; i++) {
            var id = list.ids[i], tf = list.weights[i];
            var norm = K1 * (1 - B + B * meta.lengths[id] / meta.average);
            var score = factor * tf * (K1 + 1) / (tf + norm);
            if (score > best[id]) best[id] = score;
            masks[id] |= bit;
          }
        });
        for (var id = 0; id < n; id++) scores[id] += best[id];
      });
      var hits = [];
      outer: for (var id = 0; id < n; id++) {
        var m = masks[id];
        if (!m || (m & p.required) !== p.required) continue;
        for (var c = 0; c < p.cover.length; c++) if (!(m & p.cover[c])) continue outer;
        hits.push({ id: id, score: scores[id], kind: meta.kinds[meta.docKinds[id]][0] });
      }
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      rankMs = performance.now() - started;
      return hits;
    });
  }
  var rankMs = 0, presentMs = 0;

  // Where the plan's tokens occur in `text`: [{start, end, slot}], and whether all of them occur
  // one after another as in the query (a phrase).
  function matchesIn(text, p) {
    var tokens = scan(text, true);
    var found = [], bySlot = p.slots.map(function () { return []; });
    tokens.forEach(function (t) {
      p.slots.forEach(function (slot, s) {
        var hit = slot.prefix ? t.kind === "word" && t.text.indexOf(slot.token.text) === 0 : t.text === slot.token.text;
        if (hit) {
          found.push({ start: t.start, end: t.end, slot: s });
          bySlot[s].push(t.position);
        }
      });
    });
    var phrase = false;
    if (p.slots.length > 1 && bySlot.every(function (l) { return l.length; })) {
      var base = p.slots[0].token.position;
      phrase = bySlot[0].some(function (at) {
        return p.slots.every(function (slot, s) {
          return bySlot[s].indexOf(at + slot.token.position - base) >= 0;
        });
      });
    }
    return { found: found, phrase: phrase, slots: new Set(found.map(function (f) { return f.slot; })).size };
  }

  // ---- Snippets ----

  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

  function graphemes(text) {
    if (segmenter) return Array.from(segmenter.segment(text), function (g) { return g.index; });
    var out = [], i = 0;
    for (var ch of text) { out.push(i); i += ch.length; }
    return out;
  }

  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function isWordAt(text, i) {
    var cp = text.codePointAt(i);
    return cp !== undefined && classify(cp) === 1;
  }

  // `text` with every match marked, escaped; `from`–`to` (UTF-16 offsets) limit it.
  function highlight(text, found, from, to) {
    var spans = found.filter(function (f) { return f.end > from && f.start < to; })
      .map(function (f) { return [Math.max(f.start, from), Math.min(f.end, to)]; })
      .sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push(s.slice());
    });
    var out = "", at = from;
    merged.forEach(function (s) {
      out += esc(text.slice(at, s[0])) + "<mark>" + esc(text.slice(s[0], s[1])) + "</mark>";
      at = s[1];
    });
    return out + esc(text.slice(at, to));
  }

  // About `size` graphemes of `text` around its densest cluster of matches, cut only between
  // graphemes and never inside a word; "…" where text was left out.
  function snippet(text, found, size) {
    var starts = graphemes(text);
    if (starts.length <= size) return highlight(text, found, 0, text.length);
    var centre = 0, bestCount = -1;
    found.forEach(function (f) {
      var slots = new Set();
      found.forEach(function (g) { if (g.start >= f.start && g.start < f.start + size) slots.add(g.slot); });
      if (slots.size > bestCount) { bestCount = slots.size; centre = f.start; }
    });
    var index = 0;
    while (index + 1 < starts.length && starts[index + 1] <= centre) index++;
    var first = Math.max(0, Math.min(index - Math.floor(size / 4), starts.length - size));
    var last = Math.min(starts.length, first + size);
    // Prefer to start after, and end at, a space or punctuation close by; then move the cuts
    // outwards off the middle of a word (at most a word's length).
    var isBreak = function (k) { return classify(text.codePointAt(starts[k])) === 0; };
    for (var back = 1; back <= 12 && first - back >= 0; back++) {
      if (isBreak(first - back)) { first = first - back + 1; break; }
    }
    for (var ahead = 0; ahead < 12 && last + ahead < starts.length; ahead++) {
      if (isBreak(last + ahead)) { last = last + ahead + 1; break; }
    }
    for (var n = 0; n < MAX_WORD && first > 0 && isWordAt(text, starts[first] - 1) && isWordAt(text, starts[first]); n++) first--;
    for (var m = 0; m < MAX_WORD && last < starts.length && isWordAt(text, starts[last] - 1) && isWordAt(text, starts[last]); m++) last++;
    var from = starts[first], to = last < starts.length ? starts[last] : text.length;
    return (first > 0 ? "…" : "") + highlight(text, found, from, to).replace(/^\s+|\s+$/g, "") +
      (to < text.length ? "…" : "");
  }

  // The record's best section for the plan: phrase first, then most slots, then earliest.
  function bestSection(record, p) {
    var best = null;
    record.s.forEach(function (section, i) {
      var text = section[2];
      var inText = matchesIn(text, p), inHeading = matchesIn(section[1], p);
      var value = (inText.phrase || inHeading.phrase ? 1000 : 0) + 10 * Math.max(inText.slots, inHeading.slots) - i * 0.001;
      if (!best || value > best.value) best = { value: value, section: section, text: inText, heading: inHeading };
    });
    return best;
  }

  function present(hit, record, p) {
    var title = matchesIn(record.t, p), metaText = matchesIn(record.m, p);
    var best = bestSection(record, p);
    var phrase = title.phrase || metaText.phrase || (best && (best.text.phrase || best.heading.phrase));
    // Pages link to index.html by name, so that a site opened from disk navigates.
    var href = root + record.u.split("/").map(encodeURIComponent).join("/");
    if (!record.u || record.u.slice(-1) === "/") href += "index.html";
    var text = "", heading = "";
    if (best && best.text.found.length) {
      text = snippet(best.section[2], best.text.found, 80);
      if (best.section[0]) href += "#" + encodeURIComponent(best.section[0]);
      heading = best.section[1] ? highlight(best.section[1], best.heading.found, 0, best.section[1].length) : "";
    } else if (metaText.found.length) {
      text = snippet(record.m, metaText.found, 80);
    } else if (best) {
      text = snippet(best.section[2], [], 80);
    }
    return { id: hit.id, score: hit.score * (phrase ? 1 + PHRASE_BONUS : 1), kind: hit.kind, href: href,
      title: highlight(record.t, title.found, 0, record.t.length), heading: heading, text: text };
  }

  // Loads the records of `hits` (in order) and returns them presented, phrases moved up among
  // them; a record that fails to load is left out rather than failing the whole list.
  function presentAll(hits, p) {
    return Promise.all(hits.map(function (hit) {
      return need("p/" + hit.id).then(function (record) {
        var started = performance.now();
        var presented = present(hit, record, p);
        presentMs += performance.now() - started;
        return presented;
      }, function () { return null; });
    })).then(function (list) {
      list = list.filter(Boolean);
      list.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return list;
    });
  }

  function kindLabel(key) {
    for (var i = 0; i < meta.kinds.length; i++) if (meta.kinds[i][0] === key) return meta.kinds[i][1];
    return key;
  }

  window.PlaybookSearch = {
    load: function (name, data) { store[name] = data; },
    tokenize: function (text, mode) {
      var tokens = mode === "query" ? queryTokens(text).tokens : scan(text, true);
      return tokens.map(function (t) { return [t.text, t.kind, t.position]; });
    },
    queryPrefix: function (text) { return queryTokens(text).prefix; },
    ready: loadMeta,
    // Ranked page ids and scores for `text`, for tests and the benchmark.
    search: function (text) { return loadMeta().then(function () { return rank(plan(text)); }); },
    // For assets/search.js.
    plan: plan,
    rank: rank,
    presentAll: presentAll,
    kindLabel: kindLabel,
    esc: esc,
    word: function (key, fallback) { return (meta && meta.t[key]) || fallback; },
    costs: function () { return { rank: rankMs, snippets: presentMs }; },
    resetCosts: function () { presentMs = 0; },
    timing: null,
  };
})();
