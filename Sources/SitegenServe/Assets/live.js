// sitegen serve: reloads the page when it is rebuilt and lists the build's problems over it.
// Added to pages only by `sitegen serve`; the published site never carries it.
(function () {
  "use strict";
  var overlay = null;
  var dismissed = -1;
  var shown = -1;
  // The version of the served files this page is from: a change made before the event stream
  // opened (or while it was lost) was told to no one, so it is asked for when it opens.
  var script = document.currentScript;
  var served = script && script.dataset.version !== undefined ? Number(script.dataset.version) : null;

  function stylesheet() {
    if (document.getElementById("sitegen-live-css")) return;
    var link = document.createElement("link");
    link.id = "sitegen-live-css";
    link.rel = "stylesheet";
    link.href = "/_sitegen/live.css";
    document.head.appendChild(link);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The caret under the column: columns count characters (code points), as the diagnostics do.
  function caretLine(source, column) {
    var chars = Array.from(source);
    var pad = "";
    for (var i = 0; i < column - 1 && i < chars.length; i++) pad += chars[i] === "\t" ? "\t" : " ";
    return pad + "^";
  }

  function render(report) {
    shown = report.version;
    if (overlay) { overlay.remove(); overlay = null; }
    if (!report.diagnostics.length || dismissed === report.version) return;
    stylesheet();
    var errors = report.diagnostics.filter(function (d) { return d.severity === "error"; }).length;
    var list = el("ol", "sitegen-overlay-list");
    if (!errors) {
      // Warnings only: a folded line in the corner, so the page stays readable.
      overlay = el("details", "sitegen-overlay sitegen-compact");
      overlay.setAttribute("lang", report.language);
      overlay.appendChild(el("summary", "", report.warningsTitle + ": " + report.diagnostics.length));
    } else {
      overlay = el("section", "sitegen-overlay");
      overlay.setAttribute("role", "alert");
      overlay.setAttribute("lang", report.language);
      overlay.setAttribute("aria-label", report.title);
      var head = el("div", "sitegen-overlay-head");
      head.appendChild(el("strong", "", report.title));
      var close = el("button", "sitegen-overlay-close", "×");
      close.type = "button";
      close.setAttribute("aria-label", report.close);
      close.addEventListener("click", function () { dismissed = report.version; overlay.remove(); overlay = null; });
      head.appendChild(close);
      overlay.appendChild(head);
    }
    report.diagnostics.forEach(function (d) {
      var item = el("li", "sitegen-" + d.severity);
      var where = d.file + (d.line ? ":" + d.line + ":" + d.column : "");
      item.appendChild(el("div", "sitegen-where", where + ": " + d.severityText + " [" + d.code + "]"));
      item.appendChild(el("div", "sitegen-message", d.message));
      if (d.source !== null && d.source !== undefined) {
        item.appendChild(el("pre", "sitegen-source", d.source + "\n" + caretLine(d.source, d.column)));
      }
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  // `opened`: the event stream has just opened, so a change made before it was told to no one; only
  // then is the page's version compared (a tab told of every change reloads when its own page does).
  function refresh(opened) {
    fetch("/_sitegen/diagnostics.json", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (report) {
        if (opened === true && served !== null && report.content > served) { location.reload(); return; }
        if (report.version !== shown) render(report);
      })
      .catch(function () {});
  }

  var events = new EventSource("/_sitegen/events");
  events.addEventListener("reload", function (e) {
    var data = JSON.parse(e.data);
    if (data.all || data.paths.indexOf(location.pathname) >= 0) location.reload();
  });
  events.addEventListener("diagnostics", refresh);
  // After the server restarts, the page may be older than what it serves now.
  events.addEventListener("open", function () { refresh(true); });
})();
