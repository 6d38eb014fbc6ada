// Playbook search, the engine: the tokenizer (the same as SearchTokenizer.swift), the index
// loader, ranking and snippets. assets/search.js puts it on the page; both are loaded by every
// page (the layout), this one first.
//
// The index is script files under search/ (see SearchIndex.swift), loaded with <script> so a
// site opened from disk searches too. A query loads meta.js, one shard per token, the word
// bucket of the word being typed, the record files (up to 32 pages each) of the results it
// shows, and for a result that stands for copies of one template document, that family's list.
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
      var familyOf = null;
      (m.lin || []).forEach(function (ids, f) {
        familyOf = familyOf || Object.create(null);
        ids.forEach(function (id) { familyOf[id] = f; });
      });
      meta = { n: n, shards: m.shards, words: m.words, rec: m.rec || 1, kinds: m.kinds, docKinds: kinds, lengths: lengths,
        average: n ? total / n : 1, t: m.t || {}, syn: m.syn || [], familyOf: familyOf };
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
  var TITLE_BONUS = 0.8, HEADING_BONUS = 0.3, PARTIAL_FLOOR = 0.34, COPY_FACTOR = 0.7;

  // Words that carry the question, not what it is about (有人发广告怎么办 is about 发广告): taken
  // out of the query before it is matched, longest first. Folded (Simplified) forms.
  var STOP_CJK = ["是不是", "能不能", "可不可以", "怎么办", "怎么样", "怎么", "怎样", "如何", "什么", "为什么", "为啥",
    "哪些", "哪里", "哪个", "多少", "几点", "几次", "几天", "应该", "需要", "可以", "有人", "一个", "我们", "你们",
    "之后", "以后", "的时候", "了吗", "吗", "呢", "吧", "啊", "了", "的", "要", "会", "能", "该", "被", "我", "你"];
  var STOP_WORDS = { how: 1, do: 1, does: 1, i: 1, to: 1, a: 1, an: 1, the: 1, what: 1, when: 1, is: 1, are: 1,
    of: 1, for: 1, in: 1, on: 1, my: 1, can: 1, should: 1, someone: 1, we: 1, it: 1, with: 1 };

  function foldText(text) {
    var out = "";
    for (var ch of text) out += String.fromCodePoint.apply(null, foldPoint(ch.codePointAt(0)));
    return out;
  }

  // The query without its question words; the query itself when nothing else is left.
  function stripQuestion(text) {
    var folded = foldText(text);
    var kept = folded.split(/(\s+)/).map(function (part) {
      return STOP_WORDS[part] ? " " : part;
    }).join("");
    STOP_CJK.forEach(function (w) { kept = kept.split(w).join(" "); });
    return scan(kept, false).length ? kept : folded;
  }

  // A query as slots (one bit each, a token each) grouped in terms: a word, a lone character, or
  // a CJK run whose characters must each be covered by one of its bigrams the page has (so
  // 群规禁言 finds a page with 群规 and 禁言 apart). A page that meets every term is a match; when
  // no page does, pages that meet most of them are shown with what they lack.
  function plan(text) {
    var stripped = stripQuestion(text);
    var q = queryTokens(stripped);
    var slots = [], terms = [];
    var tokens = q.tokens.slice(0, MAX_SLOTS);
    tokens.forEach(function (token, i) {
      var bit = 1 << slots.length;
      var isLast = i === tokens.length - 1;
      slots.push({ token: token, prefix: isLast && q.prefix && token.kind === "word" });
      var last = terms[terms.length - 1];
      if (token.kind === "bigram" && last && last.run && last.end === token.position) {
        last.bits.push(bit);
        last.end = token.position + 1;
        last.text += Array.from(token.text)[1];
      } else if (token.kind === "bigram") {
        terms.push({ run: true, bits: [bit], end: token.position + 1, text: token.text });
      } else {
        terms.push({ run: false, bits: [bit], text: token.text });
      }
    });
    terms.forEach(function (term) {
      // Character j of a run is covered by bigram j-1 or j.
      term.cover = [];
      if (term.run) {
        for (var j = 0; j <= term.bits.length; j++) term.cover.push((term.bits[j - 1] || 0) | (term.bits[j] || 0));
      } else {
        term.cover.push(term.bits[0]);
      }
    });
    return { text: text, query: stripped, slots: slots, terms: terms };
  }

  function idf(df) {
    return Math.log(1 + (meta.n - df + 0.5) / (df + 0.5));
  }

  // Optimal string alignment distance (a swap of two neighbours counts one), capped at limit + 1.
  function typoDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var low = Infinity;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
        if (v < low) low = v;
      }
      if (low > limit) return limit + 1;
    }
    return d[a.length][b.length];
  }

  // Words of the index within the typo distance of `word` (1 up to 7 letters, 2 from 8), nearest
  // and most frequent first. Looked up in the bucket of its first two letters, and in that of
  // the first and third (a typo in the second letter).
  function typos(word, limit) {
    var chars = Array.from(word);
    if (chars.length < 4 || /^[0-9]+$/.test(word)) return Promise.resolve([]);
    var allowed = chars.length >= 8 ? 2 : 1;
    var keys = [chars[0] + chars[1]];
    if (chars.length > 2) keys.push(chars[0] + chars[2]);
    return Promise.all(keys.map(function (key) {
      return need("w/" + (hash(key) % meta.words)).catch(function () { return []; });
    })).then(function (buckets) {
      var seen = Object.create(null), found = [];
      buckets.forEach(function (words) {
        words.forEach(function (w) {
          if (seen[w[0]] || w[0] === word) return;
          seen[w[0]] = 1;
          var d = typoDistance(word, w[0], allowed);
          if (d <= allowed) found.push({ word: w[0], d: d, n: w[1] });
        });
      });
      found.sort(function (a, b) { return a.d - b.d || b.n - a.n; });
      return found.slice(0, limit).map(function (f) { return f.word; });
    });
  }

  var sounds = null;
  // Pairs of characters that sound like `pair` and that the index holds (禁严 → 禁言): one of
  // the two characters kept, the other swapped for one of the same syllable (search/y.js).
  function soundAlikes(pair) {
    var chars = Array.from(pair);
    return need("y").then(function (table) {
      if (!sounds) {
        sounds = Object.create(null);
        Object.keys(table).forEach(function (syllable) {
          for (var c of table[syllable]) (sounds[c] = sounds[c] || []).push(syllable);
        });
      }
      function same(c) {
        var out = [];
        (sounds[c] || []).forEach(function (s) { for (var d of table[s]) if (d !== c && out.indexOf(d) < 0) out.push(d); });
        return out;
      }
      var candidates = same(chars[1]).map(function (c) { return chars[0] + c; })
        .concat(same(chars[0]).map(function (c) { return c + chars[1]; }));
      return Promise.all(candidates.map(function (c) {
        return postings(c).then(function (list) { return list.ids.length ? c : null; }, function () { return null; });
      })).then(function (list) { return list.filter(Boolean).slice(0, 4); });
    }, function () { return []; });
  }

  // The index words a slot stands for: itself, the words the word being typed starts, and when
  // the index lacks it, the words one or two typos away, or for a pair of characters, the pairs
  // that sound the same.
  function alternatives(slot) {
    var text = slot.token.text;
    var own = slot.prefix ? expand(text, EXPANSIONS) : Promise.resolve([text]);
    return own.then(function (list) {
      return Promise.all(list.map(postings)).then(function (lists) {
        var any = lists.some(function (l) { return l.ids.length; });
        if (any) return { words: list, lists: lists };
        var more = slot.token.kind === "word" ? typos(text, 3) :
          slot.token.kind === "bigram" ? soundAlikes(text) : Promise.resolve([]);
        return more.then(function (extra) {
          slot.corrected = extra;
          var words = list.concat(extra);
          return Promise.all(extra.map(postings)).then(function (more) { return { words: words, lists: lists.concat(more) }; });
        });
      });
    });
  }

  // Every page that meets the plan, with its BM25 score, best first; when none meets every term,
  // the pages that meet most of them (`partial`), each with the terms it lacks. Pages cloned from
  // one template document come as one hit, the best of them, with the others under it.
  function rank(p) {
    return Promise.all(p.slots.map(alternatives)).then(function (found) {
      var started = performance.now();
      var n = meta.n, scores = new Float64Array(n), masks = new Uint32Array(n), strong = new Uint8Array(n);
      var best = new Float64Array(n);
      found.forEach(function (forSlot, s) {
        var slot = p.slots[s];
        slot.words = forSlot.words;
        var bit = 1 << s;
        best.fill(0);
        forSlot.lists.forEach(function (list, w) {
          var word = forSlot.words[w];
          var weightOf = word === slot.token.text ? 1 : (slot.corrected && slot.corrected.indexOf(word) >= 0 ? 0.7 : 0.8);
          var factor = idf(list.ids.length) * weightOf;
          for (var i = 0; i < list.ids.length; i++) {
            var id = list.ids[i], tf = list.weights[i];
            var norm = K1 * (1 - B + B * meta.lengths[id] / meta.average);
            var score = factor * tf * (K1 + 1) / (tf + norm);
            if (score > best[id]) best[id] = score;
            if (tf >= 4) strong[id] = 1; // a title, heading or label holds it
            masks[id] |= bit;
          }
        });
        for (var id = 0; id < n; id++) scores[id] += best[id];
      });
      var units = 0;
      p.terms.forEach(function (t) { units += t.cover.length; });
      var full = [], partial = [];
      var every = [], termChars = p.terms.map(function (t) { return Array.from(t.text); });
      p.terms.forEach(function (t) { t.cover.forEach(function (c) { every.push(c); }); });
      for (var id = 0; id < n; id++) {
        var m = masks[id];
        if (!m) continue;
        var covered = 0, missing = [];
        for (var e = 0; e < every.length; e++) if (m & every[e]) covered++;
        if (covered < every.length) {
          // What the page lacks, as the query's text: runs of uncovered characters, words.
          p.terms.forEach(function (t, ti) {
            var lack = "";
            t.cover.forEach(function (c, j) {
              if (m & c) { if (lack) { missing.push(lack); lack = ""; } } else lack += t.run ? termChars[ti][j] : t.text;
            });
            if (lack) missing.push(lack);
          });
        }
        var hit = { id: id, score: scores[id] * (strong[id] ? 1.15 : 1), kind: meta.kinds[meta.docKinds[id]][0],
          missing: missing };
        if (!missing.length) full.push(hit);
        else if (covered / units >= PARTIAL_FLOOR) {
          hit.coverage = covered / units;
          hit.score *= hit.coverage * hit.coverage;
          partial.push(hit);
        }
      }
      var hits = full.length ? full : partial;
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      hits = family(hits);
      hits.partial = !full.length && partial.length > 0;
      rankMs = performance.now() - started;
      return hits;
    });
  }
  var rankMs = 0, presentMs = 0;

  // Collapses the hits of one lineage family into the best of them, the others listed under it.
  // A copy made from a template restates what the network's own page defines, so a family
  // counts COPY_FACTOR of its best copy: the network page comes first when both match alike.
  function family(hits) {
    if (!meta.familyOf) return hits;
    var head = Object.create(null), out = [];
    hits.forEach(function (hit) {
      var f = meta.familyOf[hit.id];
      if (f === undefined) { out.push(hit); return; }
      if (head[f]) { head[f].others.push(hit.id); return; }
      hit.others = [];
      hit.score *= COPY_FACTOR;
      head[f] = hit;
      out.push(hit);
    });
    out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return out;
  }

  // Queries the index is proven to answer, for a query that found nothing: the corrected words
  // and sound-alike pairs the ranking tried, put in place of the slots they stand for.
  function suggestions(p) {
    var out = [];
    p.slots.forEach(function (slot) {
      (slot.corrected || []).slice(0, 2).forEach(function (word) {
        out.push(p.query.replace(slot.token.text, word).trim());
      });
    });
    return out.filter(function (s, i) { return s && out.indexOf(s) === i; }).slice(0, 3);
  }

  // Where the plan's tokens (and the words found for them) occur in `text`: [{start, end, slot}],
  // and whether all of them occur one after another as in the query (a phrase).
  function matchesIn(text, p) {
    var tokens = scan(text, true);
    var found = [], bySlot = p.slots.map(function () { return []; });
    tokens.forEach(function (t) {
      p.slots.forEach(function (slot, s) {
        var words = slot.words || [slot.token.text];
        var hit = slot.prefix ? t.kind === "word" && t.text.indexOf(slot.token.text) === 0 : words.indexOf(t.text) >= 0;
        if (!hit && p.synonyms) hit = p.synonyms[s] && p.synonyms[s].indexOf(t.text) >= 0;
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

  // The tokens of the synonyms of each slot's word (meta.syn), so that snippets mark 移出 for 拉黑.
  function synonymTokens(p) {
    if (!meta.syn || !meta.syn.length) return null;
    var out = [];
    p.slots.forEach(function (slot, s) {
      var list = [];
      meta.syn.forEach(function (group) {
        var tokensOf = group.map(function (w) { return scan(w, false).map(function (t) { return t.text; }); });
        var inGroup = tokensOf.some(function (ts) { return ts.indexOf(slot.token.text) >= 0; });
        if (!inGroup) return;
        tokensOf.forEach(function (ts) { ts.forEach(function (t) { if (list.indexOf(t) < 0) list.push(t); }); });
      });
      out[s] = list;
    });
    return out;
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

  // `text` with every match marked, escaped; `from`–`to` (UTF-16 offsets) limit it. A line break
  // (between table cells, list items, paragraphs) shows as " · ", so cells never run together.
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
    function plain(s) { return esc(s).replace(/\s*\n\s*/g, " · "); }
    var out = "", at = from;
    merged.forEach(function (s) {
      out += plain(text.slice(at, s[0])) + "<mark>" + plain(text.slice(s[0], s[1])) + "</mark>";
      at = s[1];
    });
    return out + plain(text.slice(at, to));
  }

  // A place a snippet may start after or end at: a line break or sentence punctuation (best),
  // or any space or other punctuation.
  var CLAUSE = /[\n。！？；!?;：，、]/; // not ":" or ",": 14:00 and 1,000 are not clauses

  // About `size` graphemes of `text` around its densest cluster of matches, cut at a clause or
  // line break close by when there is one, else between words, never inside a word; "…" where
  // text was left out.
  function snippet(text, found, size) {
    var starts = graphemes(text);
    if (starts.length <= size) return highlight(text, found, 0, text.length).replace(/^ · | · $/g, "");
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
    var charAt = function (k) { return text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : text.length); };
    var isClause = function (k) { return CLAUSE.test(charAt(k)); };
    var isBreak = function (k) { return classify(text.codePointAt(starts[k])) === 0; };
    // Start just after a clause break before the first match (up to 20 back, not past it), else
    // after a space or punctuation; end at a clause break after, else at a space.
    var moved = false;
    for (var back = 1; back <= 20 && first - back >= 0; back++) {
      if (isClause(first - back)) { first = first - back + 1; moved = true; break; }
    }
    for (var forward = 0; !moved && first > 0 && forward < 20 && starts[first + forward] < centre; forward++) {
      if (isClause(first + forward)) { first = first + forward + 1; moved = true; break; }
    }
    for (back = 1; !moved && back <= 12 && first - back >= 0; back++) {
      if (isBreak(first - back)) { first = first - back + 1; break; }
    }
    var ended = false;
    for (var ahead = 0; ahead < 20 && last + ahead < starts.length; ahead++) {
      if (isClause(last + ahead)) { last = last + ahead + 1; ended = true; break; }
    }
    for (ahead = 0; !ended && ahead < 12 && last + ahead < starts.length; ahead++) {
      if (isBreak(last + ahead)) { last = last + ahead + 1; break; }
    }
    for (var n = 0; n < MAX_WORD && first > 0 && isWordAt(text, starts[first] - 1) && isWordAt(text, starts[first]); n++) first--;
    for (var m = 0; m < MAX_WORD && last < starts.length && isWordAt(text, starts[last] - 1) && isWordAt(text, starts[last]); m++) last++;
    var from = starts[first], to = last < starts.length ? starts[last] : text.length;
    var body = highlight(text, found, from, to).replace(/^(\s| · )+|(\s| · )+$/g, "");
    return (first > 0 ? "…" : "") + body + (to < text.length ? "…" : "");
  }

  // The record's sections that match the plan, best first: a phrase, then most slots, then the
  // heading matching, then the earliest.
  function matchingSections(record, p) {
    var list = [];
    record.s.forEach(function (section, i) {
      var inText = matchesIn(section[2], p), inHeading = matchesIn(section[1], p);
      var slots = Math.max(inText.slots, inHeading.slots);
      if (!slots) return;
      var value = (inText.phrase || inHeading.phrase ? 1000 : 0) + 10 * slots + (inHeading.slots ? 5 : 0) - i * 0.001;
      list.push({ value: value, section: section, text: inText, heading: inHeading });
    });
    list.sort(function (a, b) { return b.value - a.value; });
    return list;
  }

  function pageHref(record) {
    // Pages link to index.html by name, so that a site opened from disk navigates.
    var href = root + record.u.split("/").map(encodeURIComponent).join("/");
    if (!record.u || record.u.slice(-1) === "/") href += "index.html";
    return href;
  }

  var SECTIONS = 3;

  function present(hit, record, p) {
    var title = matchesIn(record.t, p), metaText = matchesIn(record.m, p);
    var sections = matchingSections(record, p);
    var best = sections[0];
    var phrase = title.phrase || metaText.phrase || (best && (best.text.phrase || best.heading.phrase));
    var href = pageHref(record);
    var shown = sections.slice(0, SECTIONS).map(function (m) {
      var section = m.section;
      return {
        href: href + (section[0] ? "#" + encodeURIComponent(section[0]) : ""),
        heading: section[1] ? highlight(section[1], m.heading.found, 0, section[1].length) : "",
        text: m.text.found.length ? snippet(section[2], m.text.found, 80) : snippet(section[2], [], 40),
      };
    });
    var text = "", heading = "", first = href;
    if (shown.length) {
      text = shown[0].text;
      heading = shown[0].heading;
      first = shown[0].href;
    } else if (metaText.found.length) {
      text = snippet(record.m, metaText.found, 80);
    } else if (record.s.length) {
      text = snippet(record.s[0][2], [], 80);
    }
    // A title that holds every slot comes first, the more so the more of the title the query
    // is (台北分会 is the charter 台北分會, more than 台北分會群規); then a heading that holds
    // every slot; then the rest, by score.
    var bonus = 1 + (phrase ? PHRASE_BONUS : 0), tier = 0;
    if (p.slots.length && title.slots === p.slots.length) {
      tier = 2;
      bonus += TITLE_BONUS * titleShare(record.t, title.found);
    } else if (best && p.slots.length && best.heading.slots === p.slots.length) {
      tier = 1;
      bonus += HEADING_BONUS;
    }
    return { id: hit.id, score: hit.score * bonus, tier: tier, kind: hit.kind, href: first, page: href,
      title: highlight(record.t, title.found, 0, record.t.length), heading: heading, text: text,
      sections: shown.slice(1), missing: hit.missing || [], others: [], url: record.u };
  }

  // Loads the records of `hits` (in order) and returns them presented, phrases and titles moved
  // up among them; a record that fails to load is left out rather than failing the whole list.
  // The other pages of a hit's family come as [{href, title}] under it, from its family's file.
  function presentAll(hits, p) {
    if (!p.synonyms) p.synonyms = synonymTokens(p);
    return Promise.all(hits.map(function (hit) {
      // Records come `meta.rec` to a file (`p/<n>.js` holds pages from n × rec).
      return need("p/" + Math.floor(hit.id / meta.rec)).then(function (records) {
        var record = records[hit.id % meta.rec];
        if (!record) return null;
        var started = performance.now();
        var presented = present(hit, record, p);
        presentMs += performance.now() - started;
        // The other copies that match, from the list of the hit's family (`f/<n>.js`).
        var others = hit.others || [];
        if (!others.length || !meta.familyOf) return presented;
        return need("f/" + meta.familyOf[hit.id]).then(function (members) {
          presented.others = members.filter(function (f) { return others.indexOf(f[0]) >= 0; })
            .map(function (f) { return { href: pageHref({ u: f[1] }), title: esc(f[2]) }; });
          return presented;
        }, function () { return presented; });
      }, function () { return null; });
    })).then(function (list) {
      list = list.filter(Boolean);
      list.sort(function (a, b) { return b.tier - a.tier || b.score - a.score || a.id - b.id; });
      return list;
    });
  }

  // The share of a title the matches cover, counting a CJK character or a word as one unit.
  function titleShare(text, found) {
    var units = scan(text, false).length ? 0 : 1, covered = 0;
    scan(text, true).forEach(function (t) {
      if (t.kind === "bigram") return;
      units++;
      if (found.some(function (f) { return f.start <= t.start && t.end <= f.end; })) covered++;
    });
    return units ? covered / units : 0;
  }

  // Wraps every match of the plan in the text under `element` in <mark class="search-hit">.
  function markPage(element, p) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, .search-form, .search-panel") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var count = 0;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var found = matchesIn(text, p).found.sort(function (a, b) { return a.start - b.start; });
      if (!found.length) return;
      var fragment = document.createDocumentFragment(), at = 0;
      found.forEach(function (f) {
        if (f.start < at) { if (f.end > at) { fragment.lastChild.textContent += text.slice(at, f.end); at = f.end; } return; }
        if (f.start > at) fragment.appendChild(document.createTextNode(text.slice(at, f.start)));
        var mark = document.createElement("mark");
        mark.className = "search-hit";
        mark.textContent = text.slice(f.start, f.end);
        fragment.appendChild(mark);
        count++;
        at = f.end;
      });
      if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(fragment, node);
    });
    return count;
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
    suggestions: suggestions,
    // Marks the words of `text` (a query) in the elements under `root`, for the page a result
    // led to; resolves to the number of marks.
    mark: function (element, text) {
      return loadMeta().then(function () {
        var p = plan(text);
        return Promise.all(p.slots.map(alternatives)).then(function (found) {
          found.forEach(function (f, s) { p.slots[s].words = f.words; });
          p.synonyms = synonymTokens(p);
          return markPage(element, p);
        });
      });
    },
    presentAll: presentAll,
    kindLabel: kindLabel,
    esc: esc,
    word: function (key, fallback) { return (meta && meta.t[key]) || fallback; },
    costs: function () { return { rank: rankMs, snippets: presentMs }; },
    resetCosts: function () { presentMs = 0; },
    timing: null,
  };
})();
