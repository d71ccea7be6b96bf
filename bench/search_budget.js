// Runs a reader's first query through the real static/search.js under Node against a built site's
// search index, as a page does it: a fresh searcher per query, its prepare() (what focusing the search box
// loads: meta.json), then the query; prints the requests and bytes of each part.
// Usage: node bench/search_budget.js static/search.js SITE_DIR [maxRequests maxBytes]
// Exits 1 when a query exceeds the budget (the query's own requests at most maxRequests, however many
// words it has; meta.json and the query together under maxBytes), when preparing takes
// other than the one request for meta.json, or when a query finds nothing (something, for those expected
// to find nothing).
"use strict";
const fs = require("fs"), path = require("path");
const [script, site, maxRequests = "3", maxBytes = "61440"] = process.argv.slice(2);
const search = require(path.resolve(script));
// Inflected Kazakh and Russian words, names written in the other script, prefixes being typed, two and
// three words (the last one typed or finished). The generated corpus never names Telegram: «телеграм»
// ("none") is measured for its cost, and must find nothing.
const QUERIES = [
  ["kk", "өтініш"], ["kk", "өтінішті"], ["kk", "жәрдемақыны"], ["kk", "төлемдер"], ["kk", "егов"],
  ["kk", "телеграм", "none"], ["kk", "өт"], ["kk", "өтін"], ["kk", "42 500"], ["kk", "жалған бот"],
  ["kk", "жалған боттар "], ["kk", "өтініш беру"], ["kk", "егов өтініш"], ["kk", "жәрдемақы төлем шот"],
  ["kk", "банк деректер тексеру "], ["kk", "телеграм бот", "none"],
  ["ru", "заявление"], ["ru", "заявления"], ["ru", "пособия"], ["ru", "выплаты"], ["ru", "документов"],
  ["ru", "телеграм", "none"], ["ru", "егов"], ["ru", "по"], ["ru", "посо"], ["ru", "фейковые боты"],
  ["ru", "фейковые боты "], ["ru", "заявление о пособии"], ["ru", "егов пособие"],
  ["ru", "42 500 тенге пособие"], ["ru", "пособие выплата банк"], ["ru", "счет банк документы "],
  // More words than three shards hold: words other than stop words first, each in the reader's order.
  ["kk", "егов өтініш үшін банк деректер керек"], ["kk", "жәрдемақы төлем шот банк деректер тексеру "],
  ["ru", "как получатель пособия и выплаты на счет в банке"], ["ru", "заявление пособие выплата банк счет документы тенге "],
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
    const base = "/search/" + lang + "/", query = search.searcher(base);
    bytes = 0; files = [];
    await query.prepare();
    const meta = { bytes: bytes, files: files };
    bytes = 0; files = [];
    const found = (await query(q)) || { total: 0, results: [] };
    // Focusing the box costs meta.json alone; the query then a shard a word, at most maxRequests
    // (search.js leaves out the words past that and names them). The bytes of both are held to the budget.
    const over = meta.files.join(" ") !== base + "meta.json" || files.length > +maxRequests ||
      meta.bytes + bytes >= +maxBytes ||
      (expect === "none" ? found.total !== 0 : !found.total || !found.results.length);
    if (over) failed++;
    console.log(`${over ? "OVER" : "ok  "} ${lang} «${q}»: ${found.total} results, ${found.results.length} shown; ` +
      `focus ${meta.files.length} request ${(meta.bytes / 1024).toFixed(1)} KB, query ${files.length} request${files.length === 1 ? "" : "s"} ` +
      `${(bytes / 1024).toFixed(1)} KB, together ${((meta.bytes + bytes) / 1024).toFixed(1)} KB` +
      (found.skipped && found.skipped.length ? `; left out: ${found.skipped.join(", ")}` : "") +
      (process.env.SEARCH_BUDGET_FILES ? ": " + files.join(" ") : ""));
  }
  if (failed) {
    console.error(`search_budget: ${failed} queries over the requests or at ${maxBytes} bytes and more, or without results`);
    process.exit(1);
  }
})().catch(function (e) { console.error(e); process.exit(2); });
