/* Offline search (index format: SearchIndexWriter.swift) on this markup:
<form class="search" role="search" action="/kk/" data-index="/search/kk/"><label for="q">…</label>
<input type="search" id="q" name="q"></form><div class="search-results" aria-live="polite"></div>
Without JS or index, submitting opens the action (a list page). fold, terms = SearchFolding.swift */
(function () {
"use strict";
var FROM = "әғқңөұүһіёς", TO = "агкноуухиеσ", VAL = [], i;
var NONE = { kk: "Ештеңе табылмады", ru: "Ничего не найдено" };
for (i = 0; i < 64; i++) VAL["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charCodeAt(i)] = i;

// Lowercase, no accents but й, Kazakh letters as on a Russian keyboard.
function fold(s) {
  return s.toLowerCase().normalize("NFD").replace(/(и\u0306)|[\u0300-\u036f]/g, "$1").normalize("NFC")
    .replace(/[әғқңөұүһіёς]/g, function (c) { return TO[FROM.indexOf(c)]; });
}

// Runs of 2+ letters/digits; typography spaces numbers, so "42 500" is one word.
function terms(text) {
  var s = fold(text), re = /[\p{L}\p{N}]+/gu, out = [], cur = "", end, num, m;
  function flush() { if (Array.from(cur).length > 1) out.push(cur); }
  while ((m = re.exec(s))) {
    if (num && /^\d{3}$/.test(m[0]) && m.index === end + 1 && " \u00a0\u2009\u202f".indexOf(s[end]) >= 0) cur += m[0];
    else { flush(); cur = m[0]; num = /^\d{1,3}$/.test(m[0]); }
    end = re.lastIndex;
  }
  flush();
  return out;
}

// Up to 8 distinct words; the last is a prefix until a space follows it.
function parse(q) {
  var words = terms(q), prefix = /[\p{L}\p{N}]{2}$/u.test(fold(q)), list = [];
  words.forEach(function (w, i) {
    if (list.length < 8 && !list.some(function (x) { return x.w === w; })) list.push({ w: w, prefix: prefix && i === words.length - 1 });
  });
  return list;
}

// Pages: base-32 varint gaps, or "!", first page, 6-bit bitmap.
function decode(s) {
  var ids = [], i = 0, p = -1, c, b;
  function varint() { var v = 0, m = 1; do { c = VAL[s.charCodeAt(i++)]; v += (c & 31) * m; m *= 32; } while (c & 32); return v; }
  if (s[0] === "!") for (i = 1, p = varint(); i < s.length; p += 6) for (c = VAL[s.charCodeAt(i++)], b = 0; b < 6; b++) { if (c & 1 << b) ids.push(p + b); }
  else while (i < s.length) ids.push(p += varint() + 1);
  return ids;
}

// query(q) → {total, results: [[url, title, snippet]]} or null: pages with every word, title
// matches first, then more terms, then site order.
function searcher(base) {
  var cache = {};
  function load(path) {
    return cache[path] || (cache[path] = fetch(base + path).then(function (r) {
      if (r.ok) return r.json();
      throw r.status;
    }).catch(function (e) { delete cache[path]; throw e; }));
  }
  // From the last shard whose key ≤ the word; a split key (*) has only itself and "u": longer words.
  function postings(meta, word) {
    var keys = meta.keys, w = word.w, lo = 0, hi = keys.length, mid;
    while (lo < hi) if (keys[mid = (lo + hi) >> 1] <= w) lo = mid + 1; else hi = mid;
    return !lo-- || keys[lo] !== w && keys[lo] !== meta.shards[lo] ? [] : load("t/" + lo + ".json").then(function (s) {
      var list = [], k;
      for (k in s.t) if (word.prefix ? !k.indexOf(w) : k === w) list.push(s.t[k]);
      if (word.prefix && s.u) list.push(s.u);
      return list;
    });
  }
  return function (q) {
    var words = parse(q), meta;
    if (!words.length) return Promise.resolve(null);
    return load("meta.json").then(function (m) {
      if ((meta = m).version !== 1) throw m.version;
      m.keys = m.shards.map(function (s) { return s.replace("*", ""); });
      return Promise.all(words.map(function (w) { return postings(m, w); }));
    }).then(function (lists) {
      var N = meta.docs, K = meta.fragment, found = [], d, hits = new Uint8Array(N), mark = new Uint8Array(N),
        title = new Uint8Array(N), count = new Uint32Array(N);
      lists.forEach(function (list, w) {
        list.forEach(function (p) {
          p = [].concat(p); // all [, in title]
          decode(p[0]).forEach(function (d) { if (hits[d] === w) hits[d]++; if (hits[d] === w + 1) count[d]++; });
          decode(p[1] || "").forEach(function (d) { if (hits[d] === w + 1 && mark[d] !== w + 1) mark[d] = w + 1, title[d]++; });
        });
      });
      for (d = 0; d < N; d++) if (hits[d] === words.length) found.push(d);
      found.sort(function (a, b) { return title[b] - title[a] || count[b] - count[a] || a - b; });
      return Promise.all(found.slice(0, 10).map(function (d) {
        return load("d/" + Math.floor(d / K) + ".json").then(function (f) { return f[d % K]; });
      })).then(function (results) { return { total: found.length, results: results }; });
    });
  };
}

function add(parent, tag, text) {
  var el = parent.appendChild(document.createElement(tag));
  el.textContent = text || ""; // never HTML: titles are data
  return el;
}

function enhance(form) {
  var input = form.querySelector("input[name=q]"), box = form.nextElementSibling, timer, seq = 0, failed,
    query = searcher(form.getAttribute("data-index"));
  if (!input || !box || !box.classList.contains("search-results")) return;
  function run(submitted) {
    var n = ++seq;
    query(input.value).then(function (res) {
      failed = false;
      if (n !== seq) return;
      box.textContent = "";
      if (!res) return;
      var ol = res.total ? add(box, "ol") : add(box, "p", NONE[document.documentElement.lang] || NONE.ru);
      res.results.forEach(function (r) {
        var li = add(ol, "li");
        add(li, "a", r[1]).href = r[0];
        if (r[2]) add(li, "p", r[2]);
      });
    }, function () {
      failed = true;
      if (submitted) form.submit();
    });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", function (e) {
    if (failed) return;
    e.preventDefault();
    clearTimeout(timer);
    run(true);
  });
}

if (typeof document !== "undefined" && window.fetch) [].forEach.call(document.querySelectorAll("form.search"), enhance);
if (typeof module !== "undefined") module.exports = { fold: fold, terms: terms, parse: parse, decode: decode, searcher: searcher };
})();
