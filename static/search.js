/* Offline search over search/<lang>/ (format: SearchIndexWriter.swift) for this markup:
<form class="search" role="search" action="/kk/" data-index="/search/kk/"><label for="q">…</label>
<input type="search" id="q" name="q"></form><div class="search-results" aria-live="polite"></div>
Without JavaScript or the index, submitting opens the action (the section list).
fold() and terms() must match SearchFolding.swift. */
(function () {
"use strict";
var FROM = "әғқңөұүһіёς", TO = "агкноуухиеσ", VAL = [], i;
var NONE = { kk: "Ештеңе табылмады", ru: "Ничего не найдено" };
for (i = 0; i < 64; i++) VAL["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charCodeAt(i)] = i;

// Lowercase, drop accents (a breve right after и stays: й), Kazakh letters as on a Russian keyboard.
function fold(s) {
  return String(s).toLowerCase().normalize("NFD").replace(/(и\u0306)|[\u0300-\u036f]/g, "$1").normalize("NFC")
    .replace(/[әғқңөұүһіёς]/g, function (c) { return TO[FROM.indexOf(c)]; });
}

// Folded runs of 2+ letters/digits; "42 500" is one word, as typography spaces numbers.
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

// Up to 8 distinct words; the last is a prefix while being typed (no space after it yet).
function parse(q) {
  var words = terms(q), prefix = /[\p{L}\p{N}]{2}$/u.test(fold(q)), list = [];
  words.forEach(function (w, i) {
    if (list.length < 8 && !list.some(function (x) { return x.w === w; })) list.push({ w: w, prefix: prefix && i === words.length - 1 });
  });
  return list;
}

// Page numbers: base-32 varint gaps, or "!", the first number and a 6-bit bitmap.
function decode(s) {
  var ids = [], i = 0, p = -1, c, b;
  function varint() { var v = 0, m = 1; do { c = VAL[s.charCodeAt(i++)]; v += (c & 31) * m; m *= 32; } while (c & 32); return v; }
  if (s[0] === "!") for (i = 1, p = varint(); i < s.length; p += 6) for (c = VAL[s.charCodeAt(i++)], b = 0; b < 6; b++) { if (c & 1 << b) ids.push(p + b); }
  else while (i < s.length) ids.push(p += varint() + 1);
  return ids;
}

// query(q) resolves to {total, results: [{url, title, snippet}]}: pages with every word, title
// matches first, then more matching terms, then site order. Each file is fetched once.
function searcher(base) {
  var cache = {};
  function load(path) {
    return cache[path] || (cache[path] = fetch(base + path).then(function (r) {
      if (r.ok) return r.json();
      throw r.status;
    }).catch(function (e) { delete cache[path]; throw e; }));
  }
  // A word's postings, from the shard of its longest prefix in meta.json (* marks a split prefix).
  function postings(meta, word) {
    var w = word.w, cp = Array.from(w), L = cp.length, n;
    while (L >= 0 && !(n = meta.nodes[cp.slice(0, L).join("")])) L--;
    return !n || n.split && L < cp.length ? [] : load("t/" + n.i + ".json").then(function (s) {
      var list = s.t[w] ? [s.t[w]] : [], k;
      if (word.prefix && s.u) list.push(s.u);
      else if (word.prefix) for (k in s.t) if (k !== w && !k.indexOf(w)) list.push(s.t[k]);
      return list;
    });
  }
  return function (q) {
    var words = parse(q), meta;
    if (!words.length) return Promise.resolve({ total: 0, results: [] });
    return load("meta.json").then(function (m) {
      if ((meta = m).version !== 1) throw m.version;
      if (!m.nodes) m.nodes = {}, m.shards.forEach(function (s, i) { m.nodes[s.replace("*", "")] = { i: i, split: s.slice(-1) === "*" }; });
      return Promise.all(words.map(function (w) { return postings(m, w); }));
    }).then(function (lists) {
      var N = meta.docs, K = meta.fragment, found = [], d, hits = new Uint8Array(N), mark = new Uint8Array(N),
        title = new Uint8Array(N), count = new Uint32Array(N);
      lists.forEach(function (list, w) {
        list.forEach(function (p) {
          p = [].concat(p); // "all" or ["all", "in title"]
          decode(p[0]).forEach(function (d) { if (hits[d] === w) hits[d]++; if (hits[d] === w + 1) count[d]++; });
          decode(p[1] || "").forEach(function (d) { if (hits[d] === w + 1 && mark[d] !== w + 1) mark[d] = w + 1, title[d]++; });
        });
      });
      for (d = 0; d < N; d++) if (hits[d] === words.length) found.push(d);
      found.sort(function (a, b) { return title[b] - title[a] || count[b] - count[a] || a - b; });
      return Promise.all(found.slice(0, 10).map(function (d) {
        return load("d/" + Math.floor(d / K) + ".json").then(function (f) {
          return { url: f[d % K][0], title: f[d % K][1], snippet: f[d % K][2] };
        });
      })).then(function (results) { return { total: found.length, results: results }; });
    });
  };
}

function add(parent, tag, text) {
  var el = parent.appendChild(document.createElement(tag));
  el.textContent = text || ""; // never HTML: titles and snippets are data
  return el;
}

function enhance(form) {
  var input = form.querySelector("input[name=q]"), box = form.nextElementSibling, timer, seq = 0, failed,
    query = searcher(form.getAttribute("data-index"));
  if (!input || !box || !box.classList.contains("search-results")) return;
  function run(submitted) {
    var n = ++seq, q = input.value;
    query(q).then(function (res) {
      if (n !== seq) return;
      box.textContent = "";
      if (!q.trim()) return;
      var ol = res.total ? add(box, "ol") : add(box, "p", NONE[document.documentElement.lang] || NONE.ru);
      res.results.forEach(function (r) {
        var li = add(ol, "li");
        add(li, "a", r.title).href = r.url;
        if (r.snippet) add(li, "p", r.snippet);
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
