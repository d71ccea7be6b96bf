/* Offline search (index: SearchIndexWriter.swift) on the markup of templates/header.mustache. Without JS
or index, submitting opens the action (the search page, listing every guide), where ?q= is searched.
fold, terms = SearchFolding.swift; kkStem = KazakhStemmer.swift; ruStem = Snowball's (RussianStemmer.swift). */
(function () {
"use strict";
var FROM = "әғқңөұүһіёς", TO = "агкноуухиеσ", VAL = [], i;
var V = "аеиоуыэюя", PER = 10;
for (i = 0; i < 64; i++) VAL["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charCodeAt(i)] = i;

// Lowercase, no invisible marks, no accents but й, Kazakh letters as on a Russian keyboard.
function fold(s) {
  return s.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, "").toLowerCase().normalize("NFD").replace(/(и\u0306)|[\u0300-\u036f]/g, "$1").normalize("NFC")
    .replace(/[әғқңөұүһіёς]/g, function (c) { return TO[FROM.indexOf(c)]; });
}

// Runs of 2+ letters/digits, cut to their first 64; typography spaces numbers, so "42 500" is one word.
function terms(text) {
  var s = fold(text), re = /[\p{L}\p{N}]+/gu, out = [], cur = "", end, num, m;
  function flush() { var a = Array.from(cur); if (a.length > 1) out.push(a.length > 64 ? a.slice(0, 64).join("") : cur); }
  while ((m = re.exec(s))) {
    if (num && /^\d{3}$/.test(m[0]) && m.index === end + 1 && " \u00a0\u2009\u202f".indexOf(s[end]) >= 0) cur += m[0];
    else { flush(); cur = m[0]; num = /^\d{1,3}$/.test(m[0]); }
    end = re.lastIndex;
  }
  flush();
  return out;
}

// Snowball's Russian stemmer (snowballstem.org/algorithms/russian), on folded words.
var RU = {
  pg: [["в", "вши", "вшись"], ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"]],
  refl: [[], ["ся", "сь"]],
  adj: [[], "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею".split(" ")],
  part: [["ем", "нн", "вш", "ющ", "щ"], ["ивш", "ывш", "ующ"]],
  verb: ["ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно".split(" "),
    "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю".split(" ")],
  noun: [[], "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я".split(" ")]
};
function ruStem(word) {
  if (!/^[а-яё]+$/.test(word)) return word;
  var w = word.replace(/ё/g, "е"), n = w.length, pV = n, p2 = n, i = 0;
  function vowel(k) { return V.indexOf(w[k]) >= 0; }
  while (i < n && !vowel(i)) i++;
  if (i < n) {
    pV = ++i;
    while (i < n && vowel(i)) i++;
    if (i++ < n) { while (i < n && !vowel(i)) i++; if (i++ < n) { while (i < n && vowel(i)) i++; if (i < n) p2 = i + 1; } }
  }
  // The longest ending of either group within RV; the first group's only after а or я.
  function cut(g, lo) {
    var best = "", group = -1;
    g.forEach(function (list, k) { list.forEach(function (e) {
      if (e.length > best.length && w.length - e.length >= lo && w.slice(-e.length) === e) { best = e; group = k; }
    }); });
    if (group < 0) return false;
    var at = w.length - best.length;
    if (group === 0 && !(at - 1 >= pV && (w[at - 1] === "а" || w[at - 1] === "я"))) return false;
    w = w.slice(0, at);
    return true;
  }
  if (!cut(RU.pg, pV)) {
    cut(RU.refl, pV);
    if (cut(RU.adj, pV)) cut(RU.part, pV);
    else if (!cut(RU.verb, pV)) cut(RU.noun, pV);
  }
  if (w.length - 1 >= pV && w.slice(-1) === "и") w = w.slice(0, -1);
  cut([[], ["ост", "ость"]], Math.max(pV, p2));
  var t = "";
  ["ейш", "ейше", "н", "ь"].forEach(function (e) { if (e.length > t.length && w.length - e.length >= pV && w.slice(-e.length) === e) t = e; });
  if (t === "ь") w = w.slice(0, -1);
  else if (t === "н") { if (w.length - 2 >= pV && w[w.length - 2] === "н") w = w.slice(0, -1); }
  else if (t) { w = w.slice(0, -t.length); if (w.length - 2 >= pV && w.slice(-2) === "нн") w = w.slice(0, -1); }
  return w;
}

// Kazakh endings (KazakhStemmer.swift): the longest that may follow the sound before it (V vowel, Z voiced,
// S voiceless, C consonant, * any, or letters), leaving 3 letters and a vowel, 4 times; -ыш/-иш; г/б → к/п.
var KK = ("лар:Vруй лер:Vруй дар:лмнзж дер:лмнзж тар:Sбвгд тер:Sбвгд ым:C им:C ын:C ин:C ы:C и:C " +
  "сы:аеоуэюя си:аеоуэюя сын:V син:V " +
  "ымыз:C имиз:C ыныз:C иниз:C мыз:V миз:V ныз:V низ:V нын:Vмн нин:Vмн дын:жзлрйу дин:жзлрйу тын:Sбвгд тин:Sбвгд " +
  "га:VZ ге:VZ ка:S ке:S на:ыи не:ыи ды:Zу ди:Zу ты:S ти:S ны:V ни:V да:VZ де:VZ та:S те:S нда:ыи нде:ыи " +
  "дан:Vбвгджзйлру ден:Vбвгджзйлру тан:S тен:S нан:ыимн нен:ыимн мен:Vбвгдйлмнру бен:жз пен:S " +
  "дагы:VZ деги:VZ тагы:S теги:S гы:рлн ги:рлн кы:S ки:S у:* ып:C ип:C ган:VZ ген:VZ кан:S кен:S " +
  "йтын:V йтин:V ады:C еди:C йды:V йди:V").split(" ").map(function (r) { return r.split(":"); });
var KKZ = "бвгджзйлмнр", KKS = "кпстфхцчшщ";
function kkAllows(after, c) {
  return after === "*" || after.indexOf(c) >= 0 || after.indexOf("V") >= 0 && V.indexOf(c) >= 0 ||
    after.indexOf("Z") >= 0 && KKZ.indexOf(c) >= 0 || after.indexOf("S") >= 0 && KKS.indexOf(c) >= 0 ||
    after.indexOf("C") >= 0 && (KKZ + KKS).indexOf(c) >= 0;
}
function kkStem(word) {
  if (!/^[а-я]+$/.test(word)) return word;
  var w = Array.from(word), pass, n;
  function longest(rules) {
    var best = 0;
    rules.forEach(function (r) {
      var k = r[0].length, rest = w.length - k;
      if (k > best && rest >= 3 && w.slice(rest).join("") === r[0] && kkAllows(r[1], w[rest - 1]) &&
        w.slice(0, rest).some(function (c) { return V.indexOf(c) >= 0; })) best = k;
    });
    return best;
  }
  for (pass = 0; pass < 4; pass++) { n = longest(KK); if (!n) break; w.length -= n; }
  w.length -= longest([["ыш", "C"], ["иш", "C"]]);
  if (w.length >= 3 && (w[w.length - 1] === "г" || w[w.length - 1] === "б")) w[w.length - 1] = w[w.length - 1] === "г" ? "к" : "п";
  return w.join("");
}

// The indexed form of a folded word: the stemmer of the index's language, then the alias table.
function analyze(word, meta) {
  var a = meta.aliases || {}, has = Object.prototype.hasOwnProperty, stem;
  if (has.call(a, word)) return a[word];
  stem = meta.lang === "ru" ? ruStem(word) : meta.lang === "kk" ? kkStem(word) : word;
  if (Array.from(stem).length < 2) stem = word; // as SearchAnalyzer: «её» is not «е»
  return has.call(a, stem) ? a[stem] : stem;
}

// Distinct words; the last is a prefix until a space follows it.
function parse(q) {
  var words = terms(q), prefix = /[\p{L}\p{N}]{2}$/u.test(fold(q)), list = [], seen = Object.create(null);
  words.forEach(function (w, i) {
    if (!seen[w]) list.push(seen[w] = { w: w, prefix: prefix && i === words.length - 1 });
  });
  return list;
}

// The shard that holds a term (or the prefix tree's node where a word being typed starts): the last whose
// key ≤ it, where a split key (*) holds only itself and "u", pages with longer words; -1 when none can.
function shardOf(meta, w) {
  var keys = meta.keys, lo = 0, hi = keys.length, mid;
  while (lo < hi) if (keys[mid = (lo + hi) >> 1] <= w) lo = mid + 1; else hi = mid;
  return !lo-- || keys[lo] !== w && keys[lo] !== meta.shards[lo] ? -1 : lo;
}

// A typed word no stem starts with may be a stem and the start of an ending («отин» + «имд…»): its
// last 1–4 letters cut off.
function cuts(word) {
  var chars = Array.from(word), out = [], k;
  for (k = chars.length - 1; k >= Math.max(3, chars.length - 4); k--) out.push(chars.slice(0, k).join(""));
  return out;
}

// The words searched, in the reader's order, each with its indexed form t (typed: its cut forms, cuts). At
// most SHARDS files: non-stop words first, then stop words (meta.stop); a word is kept while its shard is
// kept or fits, a typed word's cuts while theirs fit; a word no shard holds is kept (no page has it).
var SHARDS = 3;
function within(words, meta) {
  var stop = meta.stopWords, shards = [], a = meta.aliases || {}, has = Object.prototype.hasOwnProperty;
  function fits(at) { return at < 0 || shards.indexOf(at) >= 0 || shards.length < SHARDS && shards.push(at) > 0; }
  words.filter(function (w) { return !stop[w.w]; }).concat(words.filter(function (w) { return stop[w.w]; })).forEach(function (w) {
    w.kept = fits(shardOf(meta, w.t = analyze(w.w, meta)));
    w.cuts = w.kept && w.prefix ? cuts(w.w).map(function (c) { return has.call(a, c) ? a[c] : c; })
      .filter(function (c) { return fits(shardOf(meta, c)); }) : [];
  });
  return words.filter(function (w) { return w.kept; });
}

// A word the page may show back (a query may come in its address from anyone): Latin or Cyrillic letters.
function showable(w) {
  return w.length <= 30 && /^(?:[A-Za-z]+|(?:(?=\p{L})\p{Script=Cyrillic})+)$/u.test(w);
}

// Each folded word of q as the reader wrote it (a number's digit groups too: «42 500»).
function written(q) {
  var out = Object.create(null);
  (q.match(/[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]+/gu) || [])
    .concat(q.match(/\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+/g) || []).forEach(function (run) {
      var t = terms(run)[0];
      if (t && !out[t]) out[t] = run;
    });
  return out;
}

// Pages: base-32 varint gaps; or "!", first page, 6-bit bitmap; or "~", first and last page, missing gaps.
function decode(s) {
  var ids = [], i = 0, p = -1, c, b, last, next;
  function varint() { var v = 0, m = 1; do { c = VAL[s.charCodeAt(i++)]; v += (c & 31) * m; m *= 32; } while (c & 32); return v; }
  if (s[0] === "!") for (i = 1, p = varint(); i < s.length; p += 6) for (c = VAL[s.charCodeAt(i++)], b = 0; b < 6; b++) { if (c & 1 << b) ids.push(p + b); }
  else if (s[0] === "~") {
    for (i = 1, next = p = varint(), last = p + varint(); i < s.length; next = p + 1) for (p += varint() + 1; next < p;) ids.push(next++);
    while (next <= last) ids.push(next++);
  } else while (i < s.length) ids.push(p += varint() + 1);
  return ids;
}

// The prefix tree's nodes in order (SearchShardList.swift): the root ("*" split, "." single shard); then
// ")" closes a split prefix, a code (or "~" and a letter) adds one letter to the open prefix, "*" opens it.
var CODES = "";
for (i = 33; i < 127; i++) if ("*)~\"\\".indexOf(String.fromCharCode(i)) < 0) CODES += String.fromCharCode(i);
function shardNames(m) {
  var s = m.shards, letters = Array.from(m.letters || ""), split = s[0] === "*", out = [split ? "*" : ""],
    open = split ? [""] : [], k = 1, c, key;
  while (k < s.length) {
    c = s[k++];
    if (c === ")") { open.pop(); continue; }
    if (c === "~") { c = String.fromCodePoint(s.codePointAt(k)); k += c.length; } else c = letters[CODES.indexOf(c)];
    key = open[open.length - 1] + c;
    if (s[k] === "*") { k++; open.push(key); key += "*"; }
    out.push(key);
  }
  return out;
}

// query(q) → {total, results: [[url, title, snippet]], more(from), skipped: [as written]} or null: pages with
// every word within() keeps. query.prepare() loads meta.json ahead, never rejects: the query tries again.
function searcher(base) {
  var cache = {};
  function load(path) {
    return cache[path] || (cache[path] = fetch(base + path).then(function (r) {
      if (r.ok) return r.json();
      throw r.status;
    }).catch(function (e) { delete cache[path]; throw e; }));
  }
  // The word's postings from its shard (within() made room for it in spend()).
  function postings(meta, word, known, spend) {
    var w = word.w, at = shardOf(meta, w);
    return at < 0 || !spend(at) ? [] : load("t/" + at + ".json").then(function (s) {
      var list = [], k;
      for (k in s.d) known[k] = s.d[k];
      for (k in s.t) if (word.prefix ? !k.indexOf(w) : k === w) list.push(s.t[k]);
      if (word.prefix && s.u) list.push(s.u);
      return list;
    });
  }
  // meta.json, read once per searcher: the shard names decoded, with their keys (a split key without "*").
  function index() {
    return load("meta.json").then(function (m) {
      if (m.version !== 4) throw m.version;
      if (!m.keys) m.shards = shardNames(m);
      m.keys = m.keys || m.shards.map(function (s) { return s.replace("*", ""); });
      if (!m.stopWords) m.stopWords = Object.create(null), (m.stop || "").split(" ").forEach(function (w) { m.stopWords[w] = 1; });
      return m;
    });
  }
  function query(q) {
    var words = parse(q), meta, known = {}, skipped = [], loaded = [];
    // Files (t/, d/) the query loads: each once, SHARDS at most.
    function spend(file) { return loaded.indexOf(file) >= 0 || loaded.length < SHARDS && loaded.push(file) > 0; }
    if (!words.length) return Promise.resolve(null);
    return index().then(function (m) {
      meta = m;
      var all = words, spelling = written(q);
      words = within(words, m);
      skipped = all.filter(function (w) { return !w.kept; }).map(function (w) { return spelling[w.w] || w.w; });
      // A typed word is a prefix of a stem, or else looked up as its cut forms.
      return Promise.all(words.map(function (w) {
        return Promise.resolve(postings(m, { w: w.t, prefix: w.prefix }, known, spend)).then(function (list) {
          if (!w.prefix || list.length) return list;
          return Promise.all(w.cuts.map(function (c) { return postings(m, { w: c, prefix: false }, known, spend); })).then(function (all) {
            return [].concat.apply([], all);
          });
        });
      }));
    }).then(function (lists) {
      var N = meta.docs, K = meta.fragment, found = [], d, hits = new Uint32Array(N), mark = new Uint32Array(N),
        title = new Uint32Array(N), count = new Uint32Array(N), near = new Uint8Array(N);
      lists.forEach(function (list, w) {
        list.forEach(function (p) {
          p = [].concat(p); // all [, in title]
          decode(p[0]).forEach(function (d) { if (hits[d] === w) hits[d]++; if (hits[d] === w + 1) count[d]++; });
          decode(p[1] || "").forEach(function (d) { if (hits[d] === w + 1 && mark[d] !== w + 1) mark[d] = w + 1, title[d]++; });
        });
      });
      for (d in known) near[d] = 1;
      for (d = 0; d < N; d++) if (hits[d] === lists.length) found.push(d);
      // Pages whose summaries came with the shards first, then title matches, more terms, site order. The
      // first page shows only those (up to PER); if none, those whose fragments fit (or «show» loads them).
      found.sort(function (a, b) { return near[b] - near[a] || title[b] - title[a] || count[b] - count[a] || a - b; });
      function more(from, n) {
        return Promise.all(found.slice(from, from + n).map(function (d) {
          // A shard carries the summaries of its terms' first pages; other pages are in fragments.
          return known[d] ? known[d] : load("d/" + Math.floor(d / K) + ".json").then(function (f) { return f[d % K]; });
        }));
      }
      for (d = 0; d < PER && d < found.length && near[found[d]];) d++;
      if (!d) while (d < PER && d < found.length && spend("d" + Math.floor(found[d] / K))) d++;
      return more(0, d).then(function (results) {
        return { total: found.length, results: results, more: function (from) { return more(from, PER); }, skipped: skipped };
      });
    });
  }
  query.prepare = function () { return index().then(function () {}, function () {}); };
  return query;
}

function add(parent, tag, text) {
  var el = parent.appendChild(document.createElement(tag));
  el.textContent = text || ""; // never HTML: titles are data
  return el;
}

function enhance(form) {
  var input = form.querySelector("input[name=q]"), box = form.nextElementSibling, timer, seq = 0, failed, prepared,
    query = searcher(form.getAttribute("data-index"));
  if (!input || !box || !box.classList.contains("search-results")) return;
  function say(key, n) { return (form.getAttribute("data-" + key) || "").replace(/\{(n|words)\}/, function () { return n; }); }
  function status(text) { box.textContent = ""; add(box, "p", text).className = "search-status"; }
  function list(results, ol) {
    results.forEach(function (r) {
      var li = add(ol, "li");
      add(li, "a", r[1]).href = r[0];
      if (r[2]) add(li, "p", r[2]);
    });
  }
  function run(submitted) {
    var n = ++seq;
    if (!input.value.trim()) { box.textContent = ""; return; }
    box.setAttribute("aria-busy", "true");
    var slow = setTimeout(function () { if (n === seq) status(say("searching")); }, 100);
    query(input.value).then(function (res) {
      failed = false;
      clearTimeout(slow);
      if (n !== seq) return;
      box.removeAttribute("aria-busy");
      box.textContent = "";
      if (!res) return;
      status(say(res.total ? "found" : "none", res.total));
      if (res.skipped.length) {
        var words = res.skipped.filter(showable).slice(0, 10);
        add(box, "p", say("skipped", words.concat(words.length < res.skipped.length ? ["…"] : []).join(", "))).className = "search-status";
      }
      if (!res.total) return;
      var ol = add(box, "ol"), shown = res.results.length;
      list(res.results, ol);
      if (shown < res.total) {
        var button = add(box, "button", say(shown ? "more" : "show"));
        button.type = "button";
        button.className = "search-more";
        button.addEventListener("click", function () {
          button.disabled = true;
          res.more(shown).then(function (next) {
            if (n !== seq) return;
            list(next, ol);
            shown += next.length;
            button.disabled = false;
            button.textContent = say("more");
            if (shown >= res.total) box.removeChild(button);
            var links = ol.querySelectorAll("a");
            if (links[shown - next.length]) links[shown - next.length].focus();
          }, function () { button.disabled = false; status(say("failed")); });
        });
      }
    }, function () {
      failed = true;
      clearTimeout(slow);
      if (n !== seq) return;
      box.removeAttribute("aria-busy");
      status(say("failed"));
      if (submitted && !onSearchPage()) form.submit();
    });
  }
  // Nothing is loaded with the page: the first focus or press on the box loads meta.json as they type.
  function prepare() {
    if (prepared) return;
    prepared = true;
    query.prepare();
  }
  input.addEventListener("focus", prepare, { passive: true });
  input.addEventListener("pointerdown", prepare, { passive: true });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", function (e) {
    if (failed) return;
    e.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  function onSearchPage() {
    try { return location.pathname === new URL(form.action, location.href).pathname; } catch (e) { return false; }
  }
  // On the search page the query comes in the address (?q=…): only Kazakh or Russian words fill the box,
  // none only of letters drawn as digits.
  var q = typeof URLSearchParams !== "undefined" && new URLSearchParams(location.search || "").get("q");
  if (q && onSearchPage()) q = (q.normalize("NFC").replace(/[\u00ad\u200b-\u200d\u2060\ufeff]|\p{M}/gu, "")
    .match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length <= 30 && /^[А-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+$/.test(w) && !/^[ЗзОоІіӨөбЧ]+$/.test(w); }).join(" ");
  if (q && onSearchPage()) { input.value = q; run(false); }
}

if (typeof document !== "undefined" && window.fetch) [].forEach.call(document.querySelectorAll("form.search"), enhance);
if (typeof module !== "undefined") module.exports = { shardNames: shardNames, fold: fold, terms: terms, parse: parse, decode: decode, searcher: searcher, ruStem: ruStem, kkStem: kkStem, analyze: analyze };
})();
