(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var boxes = form.querySelectorAll("input[type=checkbox]");
  var names = ["verdict", "severity", "kind"];
  function wanted() {
    var on = {};
    boxes.forEach(function (box) {
      on[box.name] = on[box.name] || {};
      on[box.name][box.value] = box.checked;
    });
    return on;
  }
  function passes(el, on) {
    return names.every(function (name) {
      var value = el.getAttribute("data-" + name);
      return !on[name] || !(value in on[name]) || on[name][value];
    });
  }
  function apply() {
    var on = wanted();
    var shown = 0;
    document.querySelectorAll("[data-filterable]").forEach(function (el) {
      var ok = passes(el, on);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("[data-filter-empty]").forEach(function (note) {
      var section = note.parentNode;
      var any = section.querySelector("[data-filterable]:not([hidden])");
      var items = section.querySelector("[data-filterable]");
      note.hidden = !items || Boolean(any);
    });
    document.querySelectorAll("[data-mark]").forEach(function (el) {
      el.classList.toggle("dim", !passes(el, on));
    });
    var out = document.getElementById("shown");
    if (out) { out.textContent = shown + " shown"; }
    document.body.setAttribute("data-shown", String(shown));
  }
  // a link may preset filters: #verdict=contradicted,unsupported&severity=error
  var hash = window.location.hash.replace(/^#/, "");
  if (hash.indexOf("=") > 0) {
    hash.split("&").forEach(function (part) {
      var pair = part.split("=");
      var name = decodeURIComponent(pair[0]);
      if (names.indexOf(name) < 0) { return; }
      var keep = decodeURIComponent(pair[1] || "").split(",");
      boxes.forEach(function (box) {
        if (box.name === name) { box.checked = keep.indexOf(box.value) >= 0; }
      });
    });
  }
  form.addEventListener("change", apply);
  var reset = document.getElementById("reset-filters");
  if (reset) {
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = true; });
      apply();
    });
  }
  apply();
}());
