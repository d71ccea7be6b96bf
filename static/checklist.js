// Remembers which checklist boxes a reader ticked, on this device only (localStorage). The key is the
// page's translationKey and the shape of its lists (data-ticks), so a checklist and its translation share
// ticks when their items pair up. Without JavaScript the boxes still tick and the "saved" line stays hidden.
(function () {
  var hint = document.querySelector("[data-ticks]");
  var key = "sitegen:ticks:" + (hint ? hint.getAttribute("data-ticks") : location.pathname);
  var saved = {}, stored = true;
  try { saved = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { saved = {}; stored = false; }
  var boxes = document.querySelectorAll("input[data-check]");
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    if (Object.prototype.hasOwnProperty.call(saved, box.dataset.check)) box.checked = saved[box.dataset.check] === true;
    box.addEventListener("change", function (event) {
      saved[event.target.dataset.check] = event.target.checked;
      try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* private mode: not remembered */ }
    });
  }
  // The promise "saved on this device" is shown only where it holds.
  if (hint && stored) hint.hidden = false;
})();
