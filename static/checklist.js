// Remembers which checklist boxes a reader ticked, on this device only (localStorage, per page).
// Without JavaScript the boxes still tick; they are just not remembered.
(function () {
  var key = "sitegen:" + location.pathname;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (e) { saved = {}; }
  var boxes = document.querySelectorAll("input[data-check]");
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    if (Object.prototype.hasOwnProperty.call(saved, box.dataset.check)) box.checked = saved[box.dataset.check] === true;
    box.addEventListener("change", function (event) {
      saved[event.target.dataset.check] = event.target.checked;
      try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* private mode: not remembered */ }
    });
  }
})();
