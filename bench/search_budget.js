// Runs a reader's first query through the real static/search.js under Node against a built site's
// search index, and prints the requests and bytes each one downloads (a fresh cache per query).
// Usage: node bench/search_budget.js static/search.js SITE_DIR [maxRequests maxBytes]
// Exits 1 when a one-word query exceeds the budget or finds nothing.
"use strict";
const fs = require("fs"), path = require("path");
const [script, site, maxRequests = "3", maxBytes = "61440"] = process.argv.slice(2);
const search = require(path.resolve(script));
// Inflected Kazakh and Russian words, names written in the other script, prefixes, several words. The
// generated corpus never names Telegram: «телеграм» ("none") is measured for its cost, must find nothing.
const QUERIES = [
  ["kk", "өтініш"], ["kk", "өтінішті"], ["kk", "жәрдемақыны"], ["kk", "төлемдер"], ["kk", "егов"],
  ["kk", "телеграм", "none"], ["kk", "өт"], ["kk", "42 500"], ["kk", "жалған бот"],
  ["ru", "заявление"], ["ru", "заявления"], ["ru", "пособия"], ["ru", "выплаты"], ["ru", "документов"],
  ["ru", "телеграм", "none"], ["ru", "егов"], ["ru", "по"], ["ru", "фейковые боты"],
];
let bytes = 0, files = [];
global.fetch = function (url) {
  return new Promise(function (resolve) {
    fs.readFile(path.join(site, url), function (error, data) {
      files.push(url);
      if (error) return resolve({ ok: false, status: 404 });
      bytes += data.length;
      resolve({ ok: true, status: 200, json: function () { return Promise.resolve(JSON.parse(data.toString("utf8"))); } });
    });
  });
};
(async function () {
  let failed = 0;
  for (const [lang, q, expect] of QUERIES) {
    bytes = 0; files = [];
    const found = (await search.searcher("/search/" + lang + "/")(q)) || { total: 0, results: [] };
    // A query of several words may still read fragments for its first page: printed, not held to it.
    const held = search.terms(q).length === 1;
    const over = files.length > +maxRequests || bytes >= +maxBytes ||
      (expect === "none" ? found.total !== 0 : !found.total || !found.results.length);
    if (over && held) failed++;
    console.log(`${over ? (held ? "OVER" : "over") : "ok  "} ${lang} «${q}»: ${found.total} results, ${files.length} requests, ` +
      `${(bytes / 1024).toFixed(1)} KB` + (process.env.SEARCH_BUDGET_FILES ? ": " + files.join(" ") : ""));
  }
  if (failed) { console.error(`search_budget: ${failed} queries over ${maxRequests} requests or at ${maxBytes} bytes and more, or without results`); process.exit(1); }
})().catch(function (e) { console.error(e); process.exit(2); });
